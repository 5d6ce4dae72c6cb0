#!/usr/bin/env python3
"""NAB scores per category for each profile, at each profile's corpus-wide threshold.

nab_score.py prints per-category scores for the standard profile only; this uses its functions
(imported, not copied) to print all three profiles.

Usage: nab_by_category.py NAB_SCORE_PY RESULTS_DIR
  NAB_SCORE_PY  path of the shared scorer (../shared/eval/nab_score.py)
  RESULTS_DIR   folder holding forewarn/<category>/forewarn_<file>.csv
"""
import importlib.util
import os
import sys


def main(scorer_path, results):
    spec = importlib.util.spec_from_file_location("nab_score", scorer_path)
    nab = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(nab)
    windows = nab.load_windows(nab.DEFAULT_LABELS)
    prepared, _ = nab.load_detector(os.path.join(results, "forewarn"), "forewarn", windows,
                                    nab.DEFAULT_DATA, False, nab.PROBATION_FRACTION)
    totals = nab.evaluate(prepared, windows, nab.PROFILE_ORDER, "sweep", None, False)
    by_category = {}
    for profile in nab.PROFILE_ORDER:
        rows = nab.breakdown(prepared, profile, totals[profile]["threshold"])
        for category, score in nab.category_scores(rows, profile).items():
            by_category.setdefault(category, {})[profile] = score["score"]
    print("| category | standard | reward low FP | reward low FN |")
    print("| --- | ---: | ---: | ---: |")
    for category in sorted(by_category):
        cells = ["n/a" if by_category[category][p] is None else "%.2f" % by_category[category][p]
                 for p in nab.PROFILE_ORDER]
        print("| %s | %s |" % (category, " | ".join(cells)))
    print("| **total** | %s |" % " | ".join("**%.2f**" % totals[p]["score"] for p in nab.PROFILE_ORDER))
    for p in nab.PROFILE_ORDER:
        t = totals[p]
        print("\n%s: threshold %.4f, windows detected %d of %d, false-positive rows %d" % (
            p, t["threshold"], t["windows_detected"], t["windows"], t["fp_rows"]), end="")
    print()


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    main(sys.argv[1], sys.argv[2])
