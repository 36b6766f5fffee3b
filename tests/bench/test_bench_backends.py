"""Smoke test of the backend benchmark: a ``--quick`` run, in process, checking that
it runs and that its report is complete. The figures come from ``python -m bench
backends`` (bench/README.md); GHC's side is exercised by the ``ghc`` test."""

from __future__ import annotations

import json
import math
import shutil
from typing import Any

import pytest

from bench.backends import PROGRAMS, format_table, run_backends_benchmark


def _positive(value: object) -> bool:
    return isinstance(value, int | float) and math.isfinite(value) and value > 0


def _check(report: dict[str, Any]) -> None:
    assert report["benchmark"] == "backends" and report["corpus"] is None
    assert [r["program"] for r in report["rows"]] == list(PROGRAMS)
    for row in report["rows"]:
        assert row["level"] == 1
        for key in ("interp", "python", "python load"):
            assert _positive(row["seconds"][key]), key
        for key in ("interp/python", "interp/python+load"):
            assert _positive(row[key]["ratio"]), key
    assert json.loads(json.dumps(report)) == report
    table = format_table(report)
    assert table.splitlines()[1].startswith("program") and "sieve" in table


def test_quick_run_reports_every_program() -> None:
    report = run_backends_benchmark(repeat=1, quick=True, ghc=False)
    assert not report["ghc"]
    _check(report)


@pytest.mark.ghc
@pytest.mark.skipif(shutil.which("ghc") is None, reason="ghc is not installed")
def test_quick_run_beside_ghc() -> None:
    report = run_backends_benchmark(repeat=1, quick=True, ghc=True)
    _check(report)
    for row in report["rows"]:
        for key in ("runghc", "ghc -O0"):
            assert _positive(row["seconds"][key]) and _positive(row[f"python/{key}"]["ratio"])
