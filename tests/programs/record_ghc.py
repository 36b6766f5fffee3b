#!/usr/bin/env python3
"""Record what GHC's runghc prints for every program of tests/programs.

    .venv/bin/python tests/programs/record_ghc.py [--jobs N] [NAME ...]

For every program (or those whose directory name contains one of NAME) this copies
the sources to a fresh temporary directory and, with ``LC_ALL=C.UTF-8``, runs

    ghc --make -fno-code -XHaskell2010 -fdiagnostics-color=never -j1 -i. -outputdir <tmp> Main.hs
    runghc --ghc-arg=-XHaskell2010 --ghc-arg=-i. Main.hs ARGS < STDIN

(``ghc_cases.run_ghc`` and ``prog_cases.run_program``), with the ``args:`` and
``stdin:`` of the program's expected.txt. The first command must accept the program
without a warning (runghc would print the warning on stderr, where it would be
recorded as the program's output). Then it rewrites the fields GHC decides:
``recorded-with:``, ``exit:``, ``stdout:`` and ``stderr:`` (runghc's stderr with
``Main.hs: `` at the start of a line written ``<prog>: ``, CallStack lines kept). The
hand-written description, ``outcome:``, ``args:`` and ``stdin:`` are never changed. A
program GHC rejects or warns about, or whose run breaks the corpus's rules (for
instance writes to stderr and exits 0, or ends its output without a newline, which
the ``| `` blocks cannot hold), is reported and its file left alone; the exit
status is then 1.
"""

from __future__ import annotations

import argparse
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from prog_cases import ProgCase, all_programs, ghc_version, run_ghc, run_program


def record(case: ProgCase, version: str) -> str | None:
    """Update one expected file; a message if it cannot be recorded, else None."""
    verdict = run_ghc(case)
    if verdict.outcome != "accept":
        return f"{case.name}: GHC rejects the program:\n{verdict.output}"
    if "warning:" in verdict.output:
        return f"{case.name}: GHC warns (runghc would print it on stderr):\n{verdict.output}"
    expected = case.expected()
    run = run_program(case)
    for stream, text in (("stdout", run.stdout), ("stderr", run.stderr)):
        if text and not text.endswith("\n"):
            return f"{case.name}: {stream} does not end with a newline (blocks cannot hold that)"
    expected.fields.pop("recorded-with", None)
    expected.fields["exit"] = str(run.exit)
    expected.fields["recorded-with"] = f"ghc {version}"
    expected.stdout = run.stdout
    expected.stderr = run.stderr or None
    problems = expected.problems()
    if problems:
        return f"{case.name}: {'; '.join(problems)}\n  stderr: {run.stderr!r}"
    case.expected_path.write_text(expected.render(), encoding="utf-8")
    return None


def main() -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n\n")[0])
    parser.add_argument("names", nargs="*", help="only programs whose name contains one of these")
    parser.add_argument("--jobs", type=int, default=2)
    args = parser.parse_args()
    cases = [c for c in all_programs() if not args.names or any(n in c.name for n in args.names)]
    version = ghc_version()
    with ThreadPoolExecutor(max_workers=args.jobs) as pool:
        results = list(pool.map(lambda c: record(c, version), cases))
    problems = [r for r in results if r]
    for p in problems:
        print(p, file=sys.stderr)
    print(f"recorded {len(cases) - len(problems)} of {len(cases)} programs with GHC {version}")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
