#!/usr/bin/env bash
# Scores `forewarn logs parse` (the job's template miner, one generic configuration: only --format
# differs per system) on the Loghub-2k systems of a data folder with the Loghub scorer.
#
# usage: benchmarks/loghub/evaluate.sh DATA_DIR OUT_DIR SCORER
#   DATA_DIR  folder with formats.json and the <System>/<System>_2k.log files
#   OUT_DIR   where the <System>_2k.log_structured.csv files are written
#   SCORER    loghub_score.py (prints GA, PA, FGA, FTA per system and averaged)
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
data=${1:?DATA_DIR missing}
out=${2:?OUT_DIR missing}
scorer=${3:?SCORER missing}
mkdir -p "$out"
python3 - "$data/formats.json" <<'PY' |
import json, sys
for system, entry in json.load(open(sys.argv[1])).items():
    print(system, entry["log_file"], entry["log_format"], sep="\t")
PY
while IFS=$'\t' read -r system file format; do
  "$ROOT/bin/forewarn" logs parse --format "$format" "$data/$file" \
    --out "$out/${system}_2k.log_structured.csv"
done
python3 "$scorer" "$out"
