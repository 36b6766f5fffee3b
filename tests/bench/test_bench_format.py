"""Smoke test of the format benchmark: a tiny run, in-process, checking the report's shape.

The real figures come from ``python -m bench format`` (see bench/README.md); this only
keeps the benchmark runnable and its report complete.
"""

from __future__ import annotations

import json
import math
from pathlib import Path
from typing import Any

import pytest

from bench.format import format_table, run_format_benchmark
from bench.payloads import generate_payloads

FILES = 20


@pytest.fixture(scope="module")
def report(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    workdir: Path = tmp_path_factory.mktemp("bench")
    return run_format_benchmark(files=FILES, seed=1, repeat=1, workdir=workdir)


def _positive(value: object) -> bool:
    return isinstance(value, int | float) and math.isfinite(value) and value > 0


def test_report_has_every_format_and_measure(report: dict[str, Any]) -> None:
    assert report["benchmark"] == "format"
    assert set(report) >= {"config", "machine", "payload", "formats", "ratios", "header_read"}
    assert report["config"]["files"] == FILES
    assert report["payload"]["files"] == FILES
    assert _positive(report["payload"]["raw_bytes_total"])
    formats = report["formats"]
    assert set(formats) == {"ifacedir", "json+gzip-9", "json+gzip-6", "pickle-5"}
    for name, entry in formats.items():
        for measure in ("write", "read", "encode", "decode"):
            figures = entry[measure]
            for key in ("seconds", "files_per_s", "mb_per_s", "median_us_per_file"):
                assert _positive(figures[key]), (name, measure, key)
        assert (entry["header"] is None) == (name != "ifacedir")
        for key in ("total_bytes", "median_bytes", "ratio_to_raw"):
            assert _positive(entry["disk"][key]), (name, key)
    assert _positive(formats["ifacedir"]["header"]["median_us_per_file"])


def test_ratios_are_positive(report: dict[str, Any]) -> None:
    assert set(report["ratios"]) == {"json+gzip-9", "json+gzip-6", "pickle-5"}
    for name, ratios in report["ratios"].items():
        for key in ("write", "read", "encode", "decode", "disk_total", "disk_median"):
            assert _positive(ratios[key]), (name, key)
    header = report["header_read"]
    assert _positive(header["ratio_median"])
    assert "not applicable" in header["baselines"]
    assert set(header["speedup_vs_baseline_full_read"]) == set(report["ratios"])
    assert all(_positive(v) for v in header["speedup_vs_baseline_full_read"].values())


def test_report_is_json_and_prints_as_a_table(report: dict[str, Any]) -> None:
    assert json.loads(json.dumps(report)) == report
    table = format_table(report)
    for name in report["formats"]:
        assert name in table
    assert "header-only read" in table


def test_payloads_are_deterministic_per_seed() -> None:
    first = [p.document() for p in generate_payloads(3, seed=7)]
    again = [p.document() for p in generate_payloads(3, seed=7)]
    other = [p.document() for p in generate_payloads(3, seed=8)]
    assert first == again
    assert first != other
