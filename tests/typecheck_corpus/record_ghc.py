#!/usr/bin/env python3
"""Record GHC's verdicts, inferred types and program runs into tests/typecheck_corpus.

    python3 tests/typecheck_corpus/record_ghc.py [--jobs N] [NAME ...]

For every case (or those whose name contains one of NAME) this runs, in a temporary
copy, ``ghc --make -fno-code ... -ddump-types -dsuppress-uniques`` (see
``tc_cases.run_ghc``) and, for accepted programs, ``runghc Main.hs ARGS`` with the
case's ``stdin:``; then it rewrites the fields GHC decides: ``location:``, ``ghc:``,
``recorded-with:``, ``exit:``, the ``types:`` blocks, ``stdout:`` and ``stderr:``.
The hand-written description, ``outcome:``, ``kind:``, ``args:`` and ``stdin:`` are
never changed: when GHC's accept/reject verdict differs from ``outcome:``, the case is
reported and left alone (GHC is right; fix the case by hand). Exit status 1 if any
case disagreed.
"""

from __future__ import annotations

import argparse
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from tc_cases import TcCase, all_cases, ghc_version, run_ghc, run_program


def record(case: TcCase, version: str) -> str | None:
    """Update one expected file; a message if GHC disagrees with it, else None."""
    expected = case.expected()
    result = run_ghc(case)
    verdict = result.verdict
    if verdict.outcome != expected.outcome:
        head = "\n    ".join(verdict.output.strip().splitlines()[-12:])
        return f"{case.name}: expected {expected.outcome}, GHC says {verdict.outcome}\n    {head}"
    fields = expected.fields
    for key in ("location", "ghc", "recorded-with", "exit"):
        fields.pop(key, None)
    expected.types, expected.stdout, expected.stderr = {}, None, None
    if verdict.outcome == "reject":
        if verdict.location is None or verdict.location.file not in case.sources:
            return f"{case.name}: cannot locate GHC's error in:\n{verdict.output}"
        fields["location"] = str(verdict.location)
        fields["ghc"] = verdict.first_line or ""
    else:
        run = run_program(case)
        expected.types = result.types
        expected.stdout = run.stdout
        expected.stderr = run.stderr or None
        fields["exit"] = str(run.exit)
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
