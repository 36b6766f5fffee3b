#!/usr/bin/env python3
"""Record GHC's verdicts into the expected files of tests/module_system and tests/parse_errors.

    python3 tests/module_system/record_ghc.py [--jobs N] [NAME ...]

For every case (or those whose name contains one of NAME) this runs, in a temporary copy,
``ghc --make -fno-code ...`` (see ``ghc_cases.GHC_FLAGS``) and for accepted programs also
``runghc Main.hs``; then it rewrites the case's ``location:``, ``ghc:``, ``stdout:`` and
``recorded-with:`` fields. The hand-written ``outcome:`` and ``kind:`` are never changed:
when GHC's accept/reject verdict differs from ``outcome:``, the case is reported and left
alone (GHC is right; fix the case by hand). Exit status 1 if any case disagreed.
"""

from __future__ import annotations

import argparse
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from ghc_cases import Case, all_cases, ghc_version, run_ghc, run_program


def record(case: Case, version: str) -> str | None:
    """Update one expected file; a message if GHC disagrees with it, else None."""
    expected = case.expected()
    verdict = run_ghc(case)
    if verdict.outcome != expected.outcome:
        head = "\n    ".join(verdict.output.strip().splitlines()[-12:])
        return f"{case.name}: expected {expected.outcome}, GHC says {verdict.outcome}\n    {head}"
    fields = expected.fields
    for key in ("location", "ghc", "recorded-with"):
        fields.pop(key, None)
    if verdict.outcome == "reject":
        if verdict.location is None or verdict.location.file not in case.sources:
            return f"{case.name}: cannot locate GHC's error in:\n{verdict.output}"
        fields["location"] = str(verdict.location)
        fields["ghc"] = verdict.first_line or ""
        expected.stdout = None
    else:
        expected.stdout = run_program(case)
    fields["recorded-with"] = f"ghc {version}"
    case.expected_path.write_text(expected.render(), encoding="utf-8")
    return None


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("names", nargs="*", help="only cases whose name contains one of these")
    parser.add_argument("--jobs", type=int, default=2)
    args = parser.parse_args()
    cases = [c for c in all_cases() if not args.names or any(n in c.name for n in args.names)]
    version = ghc_version()
    with ThreadPoolExecutor(max_workers=args.jobs) as pool:
        results = list(pool.map(lambda c: record(c, version), cases))
    problems = [r for r in results if r]
    for p in problems:
        print(p, file=sys.stderr)
    print(f"recorded {len(cases) - len(problems)} of {len(cases)} cases with GHC {version}")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
