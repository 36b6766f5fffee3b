"""Smoke test of the front-end benchmark: a tiny run, in-process, checking the report.

The real figures come from ``python -m bench frontend`` (see bench/README.md); this only
keeps the benchmark runnable, its generated program valid (it parses and typechecks)
and its report complete. The side-by-side run with ``ghc -fno-code`` and the end-to-end
``python -m ifacedir check`` subprocesses are exercised once, tiny, by the ``ghc`` test.
"""

from __future__ import annotations

import json
import math
import shutil
from pathlib import Path
from typing import Any

import pytest

from bench.frontend import CODECS, ROOT_MODULE, format_table, run_frontend_benchmark, write_program
from bench.hsgen import generate_program
from ifacedir.parse.parser import parse_module
from ifacedir.typecheck.typecheck import typecheck_program


@pytest.fixture(scope="module")
def report() -> dict[str, Any]:
    return run_frontend_benchmark(modules=3, units=1, seed=1, repeat=1, ghc=False, endtoend=False)


def _positive(value: object) -> bool:
    return isinstance(value, int | float) and math.isfinite(value) and value > 0


def test_report_has_every_pass_and_codec(report: dict[str, Any]) -> None:
    assert report["benchmark"] == "frontend"
    assert report["source"]["modules"] == 4 and _positive(report["source"]["lines"])
    expected = {"lex", "lex+layout", "parse"}
    if report["renamer"]:
        expected |= {"parse+rename"}
    if report["typechecker"]:
        expected |= {"parse+rename+tc", "typecheck"}
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


@pytest.mark.parametrize(("modules", "units", "seed"), [(3, 2, 0), (4, 1, 5), (6, 1, 11)])
def test_generated_program_typechecks(modules: int, units: int, seed: int, tmp_path: Path) -> None:
    """Well typed for our typechecker, through ``typecheck_program`` on the files the
    benchmark writes (bench/README.md records GHC accepting them too)."""
    program = generate_program(modules, units, seed)
    write_program(program, tmp_path)
    checked = typecheck_program(tmp_path / f"{ROOT_MODULE}.hs")
    assert checked.renamed.diagnostics == ()
    names = {result.interface.module for result in checked.modules}
    assert {m.name for m in program} | {ROOT_MODULE, "Prelude"} <= names
    for result in checked.modules:
        assert result.diagnostics == (), result.diagnostics[:1]


@pytest.mark.ghc
@pytest.mark.skipif(shutil.which("ghc") is None, reason="ghc is not installed")
def test_side_by_side_with_ghc_and_end_to_end() -> None:
    report = run_frontend_benchmark(
        modules=2, units=1, seed=2, repeat=1, ghc=True, endtoend=True, warmup_subprocesses=False
    )
    for side in ("ghc", "endtoend"):
        assert _positive(report[side]["program"]["seconds"]), side
        assert _positive(report[side]["startup"]["seconds"]), side
    assert report["ghc"]["version"]
    assert set(report["vs_ghc"]) == {
        "endtoend_whole",
        "endtoend_per_line",
        "startup",
        "inprocess_whole",
        "inprocess_per_line",
    }
    for ratio in report["vs_ghc"].values():
        assert math.isfinite(ratio["ratio"])
    table = format_table(report)
    assert "ghc" in table and "ifacedir check" in table
