"""GHC still gives the recorded verdicts (skipped when ghc is not on PATH).

Every case is type-checked with ``ghc --make -fno-code`` (in parallel, once per session);
a sample of the accepted programs is also run with ``runghc``. The accept/reject outcome
is always compared. The location, GHC's first message line and the program output are
compared only when the installed GHC is the version that recorded them, since other
versions word (and sometimes place) their errors differently.
"""

from __future__ import annotations

import os
import shutil
from concurrent.futures import ThreadPoolExecutor

import pytest
from ghc_cases import Case, Verdict, all_cases, ghc_version, run_ghc, run_program

pytestmark = [
    pytest.mark.ghc,
    pytest.mark.skipif(shutil.which("ghc") is None, reason="ghc is not installed"),
]

CASES = all_cases()
RUN_SAMPLE = [c for c in CASES if c.expected().outcome == "accept"][::6]


@pytest.fixture(scope="session")
def verdicts() -> dict[str, Verdict]:
    with ThreadPoolExecutor(max_workers=max(2, os.cpu_count() or 2)) as pool:
        return dict(zip((c.name for c in CASES), pool.map(run_ghc, CASES), strict=True))


@pytest.fixture(scope="session")
def installed_version() -> str:
    return f"ghc {ghc_version()}"


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.name)
def test_ghc_gives_the_recorded_verdict(
    case: Case, verdicts: dict[str, Verdict], installed_version: str
) -> None:
    expected = case.expected()
    verdict = verdicts[case.name]
    assert verdict.outcome == expected.outcome, verdict.output
    if expected.outcome == "reject" and expected.fields["recorded-with"] == installed_version:
        assert verdict.location == expected.location, verdict.output
        assert verdict.first_line == expected.fields["ghc"], verdict.output


@pytest.mark.skipif(shutil.which("runghc") is None, reason="runghc is not installed")
@pytest.mark.parametrize("case", RUN_SAMPLE, ids=lambda c: c.name)
def test_runghc_prints_the_recorded_output(case: Case, installed_version: str) -> None:
    expected = case.expected()
    if expected.fields["recorded-with"] != installed_version:
        pytest.skip(f"recorded with {expected.fields['recorded-with']}")
    assert run_program(case) == expected.stdout
