#!/usr/bin/env bash
# The end-to-end performance harness of the detection job (issue 6), in one command:
# sustainable throughput of the full pipeline against a source-only job, event-to-prediction
# latency at 50% and 80% of it, heap after GC and checkpoint size over a 10-minute steady run.
# Takes about an hour; writes benchmarks/target/pipeline-benchmark/pipeline-benchmark.json and
# the issue-6 section of benchmarks/RESULTS.md. Options go to PipelineBenchmark, e.g. --quick.
set -euo pipefail
cd "$(dirname "$0")/.."
revision="$(git rev-parse --short HEAD 2>/dev/null || echo unknown)"
if [[ -n "$(git status --porcelain 2>/dev/null)" ]]; then revision="$revision+changes"; fi
exec mvn -B -q -pl benchmarks -am verify -Ppipeline-benchmark -DskipTests \
  "-Dbenchmark.pipeline.args=--revision $revision $*"
