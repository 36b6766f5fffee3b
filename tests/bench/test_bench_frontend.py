"""Smoke test of the front-end benchmark: a tiny run, in-process, checking the report.

The real figures come from ``python -m bench frontend`` (see bench/README.md); this only
keeps the benchmark runnable, its generated program valid and its report complete.
"""

from __future__ import annotations

import json
import math
from typing import Any

import pytest

from bench.frontend import CODECS, format_table, run_frontend_benchmark
from bench.hsgen import generate_program
from ifacedir.parse.parser import parse_module


@pytest.fixture(scope="module")
def report() -> dict[str, Any]:
    return run_frontend_benchmark(modules=3, units=1, seed=1, repeat=1)


def _positive(value: object) -> bool:
    return isinstance(value, int | float) and math.isfinite(value) and value > 0


def test_report_has_every_pass_and_codec(report: dict[str, Any]) -> None:
    assert report["benchmark"] == "frontend"
    assert report["source"]["modules"] == 4 and _positive(report["source"]["lines"])
    expected = {"lex", "lex+layout", "parse"} | ({"parse+rename"} if report["renamer"] else set())
    assert set(report["passes"]) == expected
    for figures in report["passes"].values():
        assert _positive(figures["seconds"]) and _positive(figures["lines_per_s"])
    assert set(report["pass_ratios"]) == expected - {"lex"}
    assert set(report["codec"]) == set(CODECS)
    for name in ("json", "cbor"):
        entry = report["codec"][name]
        for key in ("encode_s", "decode_s", "bytes", "zstd_bytes"):
            assert _positive(entry[key]), (name, key)
    for ratio in report["codec_ratios"].values():
        assert _positive(ratio["ratio"])


def test_report_is_json_and_prints_as_a_table(report: dict[str, Any]) -> None:
    assert json.loads(json.dumps(report)) == report
    table = format_table(report)
    assert "lex+layout" in table and "cbor" in table


def test_generated_program_parses_and_is_deterministic() -> None:
    program = generate_program(4, 2, seed=3)
    assert program == generate_program(4, 2, seed=3)
    assert program != generate_program(4, 2, seed=4)
    for module in program:
        assert parse_module(module.text, module.file).name == module.name
