"""Smoke test of the tc-file benchmark: a tiny run, in-process, checking the report.

The real figures come from ``python -m bench tcfile`` (see bench/README.md); this only
keeps the benchmark runnable and its report complete.
"""

from __future__ import annotations

import json
import math
from typing import Any

import pytest

from bench.tcfile import MEASURES, TYPED_MEASURES, format_table, run_tcfile_benchmark


@pytest.fixture(scope="module")
def report() -> dict[str, Any]:
    return run_tcfile_benchmark(modules=3, units=1, seed=1, repeat=1, typed=False)


def _positive(value: object) -> bool:
    return isinstance(value, int | float) and math.isfinite(value) and value > 0


def test_report_has_every_measure_and_size(report: dict[str, Any]) -> None:
    assert report["benchmark"] == "tcfile"
    assert set(report["measures"]) == set(MEASURES)
    for fig in report["measures"].values():
        assert _positive(fig["seconds"]) and _positive(fig["lines_per_s"])
    for ratio in report["ratios"].values():
        assert _positive(ratio["ratio"])
    sizes = report["sizes"]
    assert set(sizes["sections"]) == {"meta", "exports", "program"}
    assert _positive(sizes["bytes_per_line"])
    assert "typed_base" not in report


@pytest.mark.slow
def test_typed_part_on_package_base() -> None:
    report = run_tcfile_benchmark(modules=2, units=1, seed=1, repeat=1)
    typed = report["typed_base"]
    assert set(typed["measures"]) == set(TYPED_MEASURES)
    assert set(typed["sizes"]["sections"]) == {"meta", "exports", "interface", "program"}
    for ratio in typed["ratios"].values():
        assert _positive(ratio["ratio"])
    assert "interface read / full read" in format_table(report)


def test_report_is_json_and_prints_as_a_table(report: dict[str, Any]) -> None:
    assert json.loads(json.dumps(report)) == report
    table = format_table(report)
    assert "exports read / full read" in table and "bytes per source line" in table
