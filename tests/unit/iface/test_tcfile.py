"""The tc phase file: round trip, section layout, inputs, laziness, identity checks."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from tc_helpers import PROGRAM, check_and_write, own_modules, write_program, write_tc_files

from ifacedir.errors import CorruptFileError, UnsupportedVersionError, WriteError
from ifacedir.format import cbor
from ifacedir.format import container as container_mod
from ifacedir.format.container import encode_container, open_container, read_header
from ifacedir.format.fingerprint import fingerprint
from ifacedir.format.header import FileKind
from ifacedir.format.layout import FileRole, ModuleDir
from ifacedir.iface.model import TC_SCHEMA_VERSION, TcMeta, TcStage
from ifacedir.iface.tcfile import (
    encode_tc,
    import_input_name,
    interface_fingerprint,
    open_tc,
    read_tc,
    read_tc_exports,
    tc_inputs,
    tc_payload,
    write_tc,
)
from ifacedir.modulename import ModuleName
from ifacedir.rename.program import ProgramResult, rename_program


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> tuple[ProgramResult, dict[str, Path]]:
    root = tmp_path_factory.mktemp("tc")
    return check_and_write(root / "src", root / "out")


def test_round_trip_gives_the_renamer_result_back(
    built: tuple[ProgramResult, dict[str, Path]],
) -> None:
    result, written = built
    assert set(written) == {"Data.Queue", "Shape", "Main"}
    for m in own_modules(result):
        payload = read_tc(written[m.exports.module])
        assert payload.program == m
        assert payload.exports == m.exports
        assert payload == tc_payload(m)
        meta = payload.meta
        assert (meta.module, meta.package, meta.stage) == (m.exports.module, "main", TcStage.RENAME)
        assert meta.source == m.module.span.file
        assert meta.deps == list(m.exports.deps)
        assert [i.module for i in meta.imports] == sorted({i.module for i in m.imports})


def test_section_layout_and_header(built: tuple[ProgramResult, dict[str, Path]]) -> None:
    _result, written = built
    header = read_header(written["Main"])
    assert (header.kind, header.phase, header.module, header.unit) == (
        FileKind.PHASE,
        "tc",
        "Main",
        "main",
    )
    assert header.schema_version == TC_SCHEMA_VERSION
    assert [s.name for s in header.sections] == ["exports", "meta", "program"]
    with open_container(written["Main"]) as c:
        meta = TcMeta.model_validate(c.read_section("meta"))
    assert meta.contents == {"exports": "ModuleExports", "program": "RenamedModule"}


def test_inputs_are_source_flags_and_imported_interfaces(
    built: tuple[ProgramResult, dict[str, Path]],
) -> None:
    result, written = built
    inputs = read_header(written["Main"]).inputs
    assert set(inputs) == {
        "source",
        "flags",
        "import:Prelude",
        "import:Data.Queue",
        "import:Shape",
        "import:Data.List",
    }
    assert inputs["source"] == fingerprint(PROGRAM["Main.hs"].encode())
    assert inputs["flags"] == fingerprint(b"\xa0")  # the empty flag set
    # An import's input is the raw_hash of that module's exports section.
    queue = read_header(written["Data.Queue"]).section("exports")
    assert queue is not None and inputs["import:Data.Queue"] == queue.raw_hash
    base = {m.exports.module: m for m in result.modules}["Prelude"]
    assert inputs["import:Prelude"] == interface_fingerprint(base.exports)


def test_import_input_names_are_ascii() -> None:
    assert import_input_name("Data.Queue") == "import:Data.Queue"
    assert import_input_name("Dätä.Ω") == "import:D\\xe4t\\xe4.\\u03a9"
    assert set(tc_inputs("x", {"Ωmega": b"\x00" * 16})) == {"source", "flags", "import:\\u03a9mega"}


def test_positions_change_the_source_input_not_the_interface(tmp_path: Path) -> None:
    first, _ = check_and_write(tmp_path / "a", tmp_path / "out-a")
    shifted = {
        k: ("-- a comment\n\n" + v if k == "Data/Queue.hs" else v) for k, v in PROGRAM.items()
    }
    second = rename_program(write_program(tmp_path / "b", shifted))
    written = write_tc_files(second, tmp_path / "out-b")
    a = read_header(tmp_path / "out-a/Data/Queue.hidir/tc.ifc")
    b = read_header(written["Data.Queue"])
    assert a.inputs["source"] != b.inputs["source"]
    assert a.section("exports") == b.section("exports")
    assert a.section("program") != b.section("program")  # spans live in the program
    # ... so Main's file, importing Data.Queue, is byte-identical.
    assert (tmp_path / "out-a/Main.hidir/tc.ifc").read_bytes() == written["Main"].read_bytes()
    assert first.ok


def test_rewriting_the_same_bytes_leaves_the_file_alone(tmp_path: Path) -> None:
    result, written = check_and_write(tmp_path / "src", tmp_path / "out")
    before = {
        m: (p.stat().st_ino, p.stat().st_mtime_ns, p.read_bytes()) for m, p in written.items()
    }
    again = write_tc_files(result, tmp_path / "out")
    after = {m: (p.stat().st_ino, p.stat().st_mtime_ns, p.read_bytes()) for m, p in again.items()}
    assert before == after
    assert not [n for n in os.listdir(written["Main"].parent) if n.endswith(".tmp")]


def test_module_dir_and_path_reads_agree(built: tuple[ProgramResult, dict[str, Path]]) -> None:
    _result, written = built
    outdir = written["Main"].parents[1]
    mdir = ModuleDir(outdir, ModuleName("Data.Queue"))
    assert read_tc(mdir) == read_tc(written["Data.Queue"])
    assert read_tc_exports(mdir) == read_tc(mdir).exports


def test_a_file_in_the_wrong_place_is_corrupt(
    built: tuple[ProgramResult, dict[str, Path]], tmp_path: Path
) -> None:
    _result, written = built
    mdir = ModuleDir(tmp_path, ModuleName("Shape"))
    mdir.path.mkdir(parents=True)
    shutil.copy(written["Main"], mdir.file(FileRole.TC))
    with pytest.raises(CorruptFileError, match="belongs to module Main"):
        read_tc(mdir)


def test_other_kinds_and_schema_versions_are_refused(
    built: tuple[ProgramResult, dict[str, Path]], tmp_path: Path
) -> None:
    _result, written = built
    with open_container(written["Shape"]) as c:
        header = c.header
        sections = {name: c.read_section(name) for name in c.section_names}
    common: dict[str, Any] = dict(
        module="Shape", unit="main", inputs=header.inputs, sections=sections
    )
    ds = tmp_path / "ds.ifc"
    ds.write_bytes(encode_container(kind=FileKind.PHASE, phase="ds", schema_version=1, **common))
    with pytest.raises(CorruptFileError, match="not a tc file"):
        read_tc(ds)
    newer = tmp_path / "newer.ifc"
    newer.write_bytes(
        encode_container(
            kind=FileKind.PHASE, phase="tc", schema_version=TC_SCHEMA_VERSION + 1, **common
        )
    )
    with pytest.raises(UnsupportedVersionError, match=f"schema version {TC_SCHEMA_VERSION + 1}"):
        read_tc(newer)
    renamed = tmp_path / "other.ifc"
    renamed.write_bytes(
        encode_container(
            kind=FileKind.PHASE,
            phase="tc",
            schema_version=TC_SCHEMA_VERSION,
            **{**common, "module": "Other"},
        )
    )
    with pytest.raises(CorruptFileError, match="section 'meta' says"):
        read_tc(renamed)


def test_sections_cannot_pass_for_each_other(
    built: tuple[ProgramResult, dict[str, Path]], tmp_path: Path
) -> None:
    _result, written = built
    with open_container(written["Shape"]) as c:
        header = c.header
        sections = {name: c.read_section(name) for name in c.section_names}
    swapped = {**sections, "program": sections["exports"], "exports": sections["program"]}
    path = tmp_path / "swapped.ifc"
    path.write_bytes(
        encode_container(
            kind=FileKind.PHASE,
            phase="tc",
            module="Shape",
            unit="main",
            schema_version=TC_SCHEMA_VERSION,
            inputs=header.inputs,
            sections=swapped,
        )
    )
    with pytest.raises(CorruptFileError, match="holds a"):
        read_tc(path)


def test_writing_under_another_module_name_is_refused(
    built: tuple[ProgramResult, dict[str, Path]], tmp_path: Path
) -> None:
    result, _written = built
    main = own_modules(result)[-1]
    with pytest.raises(WriteError, match="module Main's"):
        write_tc(tmp_path, "Other", tc_payload(main), tc_inputs("", {}))
    assert not (tmp_path / "Other.hidir").exists()


def test_encoding_is_a_function_of_payload_and_inputs(
    built: tuple[ProgramResult, dict[str, Path]],
) -> None:
    result, written = built
    for m in own_modules(result):
        inputs = read_header(written[m.exports.module]).inputs
        assert encode_tc(tc_payload(m), inputs) == written[m.exports.module].read_bytes()


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


def _program_range(path: Path) -> tuple[int, int]:
    with open_container(path) as c:
        entry = c.header.section("program")
        assert entry is not None and entry.codec == "cbor-zstd"
        start = c._data_start + entry.offset
        return start, start + entry.size


def test_header_only_read_decompresses_nothing(
    built: tuple[ProgramResult, dict[str, Path]], decompressions: _Counting
) -> None:
    _result, written = built
    with open_tc(written["Main"]) as tc:
        assert tc.header.module == "Main"
    assert decompressions.calls == 0


def test_exports_read_never_touches_the_program(
    built: tuple[ProgramResult, dict[str, Path]],
    decompressions: _Counting,
    reads: list[tuple[int, int]],
) -> None:
    _result, written = built
    path = written["Main"]
    start, end = _program_range(path)
    reads.clear()
    decompressions.calls = 0
    exports = read_tc_exports(path)
    assert exports.module == "Main"
    assert decompressions.calls <= 2  # meta and exports, each if compressed
    # Opening reads the first 4 KiB (offset 0) whatever it holds; no section read
    # after that overlaps the program's bytes.
    section_reads = [(offset, size) for offset, size in reads if offset != 0]
    assert section_reads and all(o + n <= start or o >= end for o, n in section_reads)
    # The full read decompresses the program too: one more.
    before = decompressions.calls
    read_tc(path)
    assert decompressions.calls == before + 3


def test_a_damaged_program_does_not_hide_the_exports(
    built: tuple[ProgramResult, dict[str, Path]], tmp_path: Path
) -> None:
    _result, written = built
    path = tmp_path / "tc.ifc"
    data = bytearray(written["Main"].read_bytes())
    start, end = _program_range(written["Main"])
    data[(start + end) // 2] ^= 0xFF
    path.write_bytes(bytes(data))
    assert read_tc_exports(path).module == "Main"
    with pytest.raises(CorruptFileError, match="section 'program'"):
        read_tc(path)


def test_meta_section_is_plain_cbor_of_the_model(
    built: tuple[ProgramResult, dict[str, Path]],
) -> None:
    _result, written = built
    with open_container(written["Data.Queue"]) as c:
        raw = c.read_raw("meta")
    value = cbor.decode(raw, canonical=True)
    assert isinstance(value, dict) and value["stage"] == "rename"
    assert TcMeta.model_validate(value).module == "Data.Queue"


def test_a_failed_write_leaves_the_old_file_and_no_temporary(
    built: tuple[ProgramResult, dict[str, Path]], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    result, written = built
    main = own_modules(result)[-1]
    inputs = dict(read_header(written["Main"]).inputs)
    path = write_tc(tmp_path, "Main", tc_payload(main), inputs)
    old = path.read_bytes()

    def failing_replace(_src: object, _dst: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", failing_replace)
    with pytest.raises(WriteError, match="No space left"):
        write_tc(tmp_path, "Main", tc_payload(main), {**inputs, "source": b"\x01" * 16})
    monkeypatch.undo()
    assert path.read_bytes() == old
    assert os.listdir(path.parent) == ["tc.ifc"]


def test_a_tree_of_another_codec_version_is_refused(
    built: tuple[ProgramResult, dict[str, Path]], tmp_path: Path
) -> None:
    _result, written = built
    with open_container(written["Shape"]) as c:
        header = c.header
        sections = {name: c.read_section(name) for name in c.section_names}
    exports = sections["exports"]
    assert isinstance(exports, list)
    sections["exports"] = [exports[0] + 1, *exports[1:]]
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
    with pytest.raises(CorruptFileError, match="not a syntax tree of codec version"):
        read_tc_exports(path)
