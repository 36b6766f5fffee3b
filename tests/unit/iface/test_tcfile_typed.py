"""Stage ``typecheck`` tc files: the typechecker's result and interface, persisted.

The stage ``rename`` tests (test_tcfile.py) cover the container, identity and codec
paths shared by both stages; these cover what the typed stage adds: the
``interface`` section, the ``TcResult`` program with its stubbed interface, the
import fingerprints over exports and interface, and laziness with four sections.
"""

from __future__ import annotations

import dataclasses
import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from tc_helpers import PROGRAM, typecheck_and_write, write_program, write_tc_files

from ifacedir.errors import CorruptFileError, WriteError
from ifacedir.format import container as container_mod
from ifacedir.format.container import encode_container, open_container, read_header
from ifacedir.format.header import FileKind
from ifacedir.iface.model import TC_SCHEMA_VERSION, TcStage
from ifacedir.iface.tcfile import (
    encode_tc,
    interface_fingerprint,
    interface_fingerprint_of,
    open_tc,
    read_tc,
    read_tc_exports,
    read_tc_interface,
    tc_inputs,
    tc_payload,
    write_tc,
)
from ifacedir.typecheck.typecheck import ProgramTcResult, TcResult, typecheck_program

Built = tuple[ProgramTcResult, dict[str, Path]]


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Built:
    root = tmp_path_factory.mktemp("typed")
    return typecheck_and_write(root / "src", root / "out")


def _typed(result: ProgramTcResult) -> dict[str, TcResult]:
    return {m.module.name: m for m in result.modules}


def test_round_trip_gives_the_typechecker_result_back(built: Built) -> None:
    result, written = built
    typed = _typed(result)
    renamed = {m.module.name: m for m in result.renamed.modules}
    for name, path in written.items():
        payload = read_tc(path)
        assert payload.meta.stage is TcStage.TYPECHECK
        assert payload.program == typed[name]
        assert payload.interface == typed[name].interface
        assert payload.exports == renamed[name].exports
        assert payload == tc_payload(
            renamed[name], typed[name], None, payload.fingerprints, payload.usages
        )
        assert payload.fingerprints is not None and payload.usages is not None


def test_section_layout(built: Built) -> None:
    _result, written = built
    header = read_header(written["Shape"])
    assert [s.name for s in header.sections] == [
        "exports",
        "fingerprints",
        "interface",
        "meta",
        "program",
        "usages",
    ]
    with open_tc(written["Shape"]) as tc:
        assert tc.meta().contents == {
            "exports": "ModuleExports",
            "interface": "TcInterface",
            "program": "TcResult",
        }


def test_import_inputs_cover_exports_and_interface(built: Built) -> None:
    result, written = built
    inputs = read_header(written["Main"]).inputs
    for imported in ("Data.Queue", "Shape"):
        header = read_header(written[imported])
        assert inputs[f"import:{imported}"] == interface_fingerprint_of(header)
        payload = read_tc(written[imported])
        assert inputs[f"import:{imported}"] == interface_fingerprint(
            payload.exports, payload.interface
        )
    prelude = _typed(result)["Prelude"]
    base = {m.module.name: m for m in result.renamed.modules}["Prelude"]
    assert inputs["import:Prelude"] == interface_fingerprint(base.exports, prelude.interface)
    # Without the interface the fingerprint is the exports' alone (stage rename).
    assert interface_fingerprint(base.exports) != inputs["import:Prelude"]


def test_positions_reach_neither_exports_nor_interface(tmp_path: Path) -> None:
    _a, first = typecheck_and_write(tmp_path / "a", tmp_path / "out-a")
    shifted = {k: ("-- moved\n\n\n" + v if k == "Shape.hs" else v) for k, v in PROGRAM.items()}
    second = typecheck_program(write_program(tmp_path / "b", shifted))
    written = write_tc_files(second.renamed, tmp_path / "out-b", _typed(second))
    a, b = read_header(first["Shape"]), read_header(written["Shape"])
    assert a.inputs["source"] != b.inputs["source"]
    assert a.section("exports") == b.section("exports")
    assert a.section("interface") == b.section("interface")
    assert a.section("program") != b.section("program")
    assert first["Main"].read_bytes() == written["Main"].read_bytes()


def test_rewriting_is_byte_identical_and_skipped(built: Built, tmp_path: Path) -> None:
    result, written = built
    typed = _typed(result)
    for m in result.renamed.modules:
        name = m.module.name
        if name not in written:
            continue
        inputs = read_header(written[name]).inputs
        payload = read_tc(written[name])
        fresh = tc_payload(m, typed[name], None, payload.fingerprints, payload.usages)
        assert encode_tc(fresh, inputs) == written[name].read_bytes()
        assert encode_tc(payload, inputs) == written[name].read_bytes()
        again = write_tc(tmp_path, name, payload, inputs)
        assert again.read_bytes() == written[name].read_bytes()


def test_a_module_with_type_errors_cannot_be_written(built: Built, tmp_path: Path) -> None:
    result, _written = built
    main = {m.module.name: m for m in result.renamed.modules}["Main"]
    typed = _typed(result)["Main"]
    some = result.renamed.diagnostics or ()
    broken = dataclasses.replace(typed, diagnostics=(*some, _fake_diagnostic()))
    with pytest.raises(WriteError, match="has type errors"):
        write_tc(tmp_path, "Main", tc_payload(main, broken), tc_inputs("", {}))
    assert not (tmp_path / "Main.hidir").exists()


def _fake_diagnostic() -> Any:
    from ifacedir.diagnostics import error
    from ifacedir.syntax.span import SrcLoc, SrcSpan

    return error("T001", SrcSpan.point("Main.hs", SrcLoc(1, 1)), "made up")


def test_the_interface_stub_is_checked(built: Built, tmp_path: Path) -> None:
    _result, written = built
    with open_container(written["Shape"]) as c:
        header = c.header
        sections = {name: c.read_section(name) for name in c.section_names}
    # Put Data.Queue's program (whose stub names Data.Queue) into Shape's file.
    with open_container(written["Data.Queue"]) as c:
        sections["program"] = c.read_section("program")
    path = tmp_path / "tc.ifc"
    path.write_bytes(
        encode_container(
            kind=FileKind.PHASE,
            phase="tc",
            module="Shape",
            unit="main",
            schema_version=TC_SCHEMA_VERSION,
            inputs=header.inputs,
            sections=sections,
        )
    )
    assert read_tc_exports(path).module == "Shape"
    interface = read_tc_interface(path)
    assert interface is not None and interface.module == "Shape"
    with pytest.raises(CorruptFileError, match=r"holds module Data\.Queue"):
        read_tc(path)


# --- Laziness -------------------------------------------------------------------------


class _Counting:
    def __init__(self, real: Any) -> None:
        self.real = real
        self.calls = 0

    def decompress(self, data: bytes, **kwargs: Any) -> bytes:
        self.calls += 1
        return bytes(self.real.decompress(data, **kwargs))


@pytest.fixture
def decompressions(monkeypatch: pytest.MonkeyPatch) -> Iterator[_Counting]:
    counter = _Counting(container_mod._zstd.decompressor)
    monkeypatch.setattr(container_mod._zstd, "decompressor", counter)
    yield counter


@pytest.fixture
def reads(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[tuple[int, int]]]:
    log: list[tuple[int, int]] = []
    real = os.pread

    def counting(fd: int, length: int, offset: int) -> bytes:
        data = real(fd, length, offset)
        log.append((offset, len(data)))
        return data

    monkeypatch.setattr(os, "pread", counting)
    yield log


def _ranges(path: Path) -> dict[str, tuple[int, int]]:
    with open_container(path) as c:
        return {
            e.name: (c._data_start + e.offset, c._data_start + e.offset + e.size)
            for e in c.header.sections
        }


def test_interface_read_never_touches_the_program(
    built: Built, decompressions: _Counting, reads: list[tuple[int, int]]
) -> None:
    _result, written = built
    path = written["Shape"]
    start, end = _ranges(path)["program"]
    reads.clear()
    with open_tc(path) as tc:
        assert tc.header.module == "Shape"
        assert decompressions.calls == 0  # the header alone
        interface = tc.interface()
        exports = tc.exports()
    assert interface is not None and interface.module == exports.module == "Shape"
    assert decompressions.calls <= 3  # meta, interface, exports
    section_reads = [(o, n) for o, n in reads if o != 0]
    assert section_reads and all(o + n <= start or o >= end for o, n in section_reads)


def test_deep_programs_round_trip_without_recursion(tmp_path: Path) -> None:
    """A 2,000-element list and a 1,500-deep chain of ``++`` (DESIGN, "Robustness").

    Compared through their encodings: ``==`` on such trees would itself recurse."""
    items = ", ".join(str(i) for i in range(2000))
    chain = " ++ ".join(f"[{i}]" for i in range(1500))
    source = (
        "module Main (main) where\n"
        f"xs :: [Int]\nxs = [{items}]\n"
        f"ys :: [Int]\nys = {chain}\n"
        "main :: IO ()\nmain = print (length xs + length ys)\n"
    )
    main = tmp_path / "src/Main.hs"
    main.parent.mkdir()
    main.write_text(source, encoding="utf-8")
    result = typecheck_program(main)
    assert result.ok, result.diagnostics
    typed = _typed(result)
    renamed = {m.module.name: m for m in result.renamed.modules}
    for stage_typed in (None, typed["Main"]):
        payload = tc_payload(renamed["Main"], stage_typed)
        inputs = tc_inputs(source, {})
        path = write_tc(tmp_path / "out", "Main", payload, inputs)
        back = read_tc(path)
        assert encode_tc(back, inputs) == path.read_bytes()
