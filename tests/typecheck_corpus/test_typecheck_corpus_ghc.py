"""GHC still gives the recorded verdicts, types and output (skipped when ghc is not on PATH).

Every case is type-checked once per session with ``ghc --make -fno-code -ddump-types``
and every accepted program is run once with ``runghc`` (its args and stdin as recorded),
two at a time: about 20 s on two cores. The accept/reject outcome is always compared;
the location, GHC's first message line, the inferred types and the program's output only
when the installed GHC is the version that recorded them, since other versions word
(and sometimes place) their errors and print their types differently.
"""

from __future__ import annotations

import shutil
from concurrent.futures import ThreadPoolExecutor

import pytest
from tc_cases import Run, TcCase, TcVerdict, all_cases, ghc_version, run_ghc, run_program

pytestmark = [
    pytest.mark.ghc,
    pytest.mark.skipif(shutil.which("ghc") is None, reason="ghc is not installed"),
]

CASES = all_cases()
ACCEPTED = [c for c in CASES if c.expected().outcome == "accept"]
JOBS = 2  # the suite's budget: two cores


@pytest.fixture(scope="session")
def verdicts() -> dict[str, TcVerdict]:
    with ThreadPoolExecutor(max_workers=JOBS) as pool:
        return dict(zip((c.name for c in CASES), pool.map(run_ghc, CASES), strict=True))


@pytest.fixture(scope="session")
def runs() -> dict[str, Run]:
    if shutil.which("runghc") is None:
        pytest.skip("runghc is not installed")
    with ThreadPoolExecutor(max_workers=JOBS) as pool:
        return dict(zip((c.name for c in ACCEPTED), pool.map(run_program, ACCEPTED), strict=True))


@pytest.fixture(scope="session")
def installed_version() -> str:
    return f"ghc {ghc_version()}"


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.name)
def test_ghc_gives_the_recorded_verdict_and_types(
    case: TcCase, verdicts: dict[str, TcVerdict], installed_version: str
) -> None:
    expected = case.expected()
    result = verdicts[case.name]
    assert result.verdict.outcome == expected.outcome, result.verdict.output
    if expected.fields["recorded-with"] != installed_version:
        return
    if expected.outcome == "reject":
        assert result.verdict.location == expected.location, result.verdict.output
        assert result.verdict.first_line == expected.fields["ghc"], result.verdict.output
    else:
        assert result.types == expected.types


@pytest.mark.parametrize("case", ACCEPTED, ids=lambda c: c.name)
def test_runghc_prints_the_recorded_output(
    case: TcCase, runs: dict[str, Run], installed_version: str
) -> None:
    expected = case.expected()
    if expected.fields["recorded-with"] != installed_version:
        pytest.skip(f"recorded with {expected.fields['recorded-with']}")
    run = runs[case.name]
    assert run.stdout == expected.stdout
    assert run.stderr == (expected.stderr or "")
    assert run.exit == expected.exit
