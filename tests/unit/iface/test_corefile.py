"""The ds, simpl and .hi files (FORMAT.md §15-§16): round trips, determinism, and
every kind of bad input reported as the library's own error."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from ifacedir.errors import CorruptFileError, FormatError, UnsupportedVersionError
from ifacedir.format.layout import FileRole, ModuleDir
from ifacedir.iface.corefile import CorePayload, core_meta, read_core, write_core
from ifacedir.iface.hifile import HiPayload, hi_meta, read_hi, write_hi
from ifacedir.iface.model import CorePhase
from ifacedir.modulename import ModuleName
from ifacedir.rename.env import ModuleExports
from ifacedir.syntax import core
from ifacedir.syntax.names import Name, NameSpace
from ifacedir.syntax.types import T_INT, to_scheme
from ifacedir.typecheck.iface import TcInterface

F = Name("main", "M", "f", NameSpace.VAR)
X = core.CoreVar(Name.local("x", NameSpace.VAR, 1), to_scheme(T_INT))
BIND = core.Bind(core.CoreVar(F, to_scheme(T_INT)), core.Lam((X,), core.CoreVar(X.name, T_INT)))
MODULE = core.CoreModule("M", "main", (core.BindGroup(False, (BIND,)),), (), (F,), None)
INPUTS = {"ds": b"\x01" * 16, "flags": b"\x02" * 16}


def write(tmp: Path, phase: CorePhase = CorePhase.SIMPL) -> Path:
    meta = core_meta(MODULE, phase, "M.hs", ["GHC.Types"], 1 if phase is CorePhase.SIMPL else 0)
    return write_core(tmp, CorePayload(meta, MODULE), INPUTS)


def test_core_round_trip_and_place(tmp_path: Path) -> None:
    path = write(tmp_path)
    assert path == ModuleDir(tmp_path, ModuleName("M")).file(FileRole.SIMPL)
    payload = read_core(path, CorePhase.SIMPL)
    assert payload.core == MODULE and payload.meta.optimisation == 1
    assert payload.meta.deps == ["GHC.Types"]


def test_same_payload_same_bytes_and_no_rewrite(tmp_path: Path) -> None:
    path = write(tmp_path)
    first, mtime = path.read_bytes(), path.stat().st_mtime_ns
    write(tmp_path)
    assert path.read_bytes() == first and path.stat().st_mtime_ns == mtime


def test_a_ds_file_is_not_a_simpl_file(tmp_path: Path) -> None:
    path = write(tmp_path, CorePhase.DS)
    with pytest.raises(CorruptFileError, match="not a simpl file"):
        read_core(path, CorePhase.SIMPL)


def test_every_flipped_byte_is_caught(tmp_path: Path) -> None:
    data = write(tmp_path).read_bytes()
    bad = tmp_path / "bad.ifc"
    for i in range(0, len(data), max(1, len(data) // 300)):
        mutated = bytearray(data)
        mutated[i] ^= 0x5A
        bad.write_bytes(bytes(mutated))
        with pytest.raises(FormatError):
            read_core(bad, CorePhase.SIMPL)


def test_truncations_are_caught(tmp_path: Path) -> None:
    data = write(tmp_path).read_bytes()
    bad = tmp_path / "short.ifc"
    for n in range(0, len(data), max(1, len(data) // 100)):
        bad.write_bytes(data[:n])
        with pytest.raises(FormatError):
            read_core(bad, CorePhase.SIMPL)


def test_another_schema_version_is_refused(tmp_path: Path) -> None:
    from ifacedir.format.container import encode_container
    from ifacedir.format.header import FileKind

    data = encode_container(kind=FileKind.PHASE, phase="simpl", module="M", unit="main",
                            schema_version=99, inputs={}, sections={})  # fmt: skip
    path = tmp_path / "v.ifc"
    path.write_bytes(data)
    with pytest.raises(UnsupportedVersionError):
        read_core(path, CorePhase.SIMPL)


def _hi_payload() -> HiPayload:
    exports = ModuleExports("M", "main", ())
    iface = TcInterface("M", "main", (), (), (), (), (), (), ())
    return HiPayload(
        hi_meta("M", "main", [], 1, None), exports, iface, core.Unfoldings("M", (BIND,))
    )


def test_hi_round_trip_and_lazy_sections(tmp_path: Path) -> None:
    path = write_hi(tmp_path, _hi_payload(), {"tc": b"\x03" * 16, "simpl": b"\x04" * 16})
    assert path.name == "M.hi"
    assert read_hi(path) == _hi_payload()


def test_hi_sections_about_another_module_are_refused(tmp_path: Path) -> None:
    wrong = dataclasses.replace(_hi_payload(), unfoldings=core.Unfoldings("M", ()))
    path = write_hi(tmp_path, wrong, {})
    other = tmp_path / "other.hi"
    from ifacedir.format.container import encode_container
    from ifacedir.format.header import FileKind
    from ifacedir.syntax.codec import encode_tree

    good = _hi_payload()
    data = encode_container(
        kind=FileKind.INTERFACE, phase=None, module="M", unit="main", schema_version=1,
        inputs={}, sections={
            "meta": good.meta.model_dump(mode="json"),
            "exports": encode_tree(ModuleExports("N", "main", ())),
            "interface": encode_tree(good.interface),
            "unfoldings": encode_tree(good.unfoldings),
        },
    )  # fmt: skip
    other.write_bytes(data)
    from ifacedir.iface.hifile import open_hi

    with open_hi(other) as hi:
        assert hi.interface() == good.interface  # the other sections are not read
        with pytest.raises(CorruptFileError, match="about module N"):
            hi.exports()
    assert read_hi(path).unfoldings.binds == ()
