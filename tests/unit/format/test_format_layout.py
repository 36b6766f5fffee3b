"""Interface directories: file names, write/present/open, identity checks, scanning."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from ifacedir.errors import CorruptFileError, FormatError, InvalidNameError, WriteError
from ifacedir.format.container import open_container
from ifacedir.format.header import FileKind
from ifacedir.format.layout import MODULE_DIR_SUFFIX, PHASE_ROLES, FileRole, ModuleDir, scan_outdir
from ifacedir.modulename import ModuleName
from ifacedir.util.atomic import atomic_write_bytes, remove_stale_temporaries


def _mdir(outdir: Path, name: str) -> ModuleDir:
    return ModuleDir(outdir, ModuleName(name))


def _write(mdir: ModuleDir, role: FileRole, **kwargs: object) -> Path:
    return mdir.write(
        role,
        unit="main",
        schema_version=1,
        inputs={},
        sections={"who": [mdir.module.text, role.tag]},
        **kwargs,  # type: ignore[arg-type]
    )


def test_paths(tmp_path: Path) -> None:
    d = _mdir(tmp_path, "Data.Queue")
    assert MODULE_DIR_SUFFIX == ".hidir"
    assert d.path == tmp_path / "Data" / "Queue.hidir"
    expected = {
        FileRole.TC: "Data/Queue.hidir/tc.ifc",
        FileRole.DS: "Data/Queue.hidir/ds.ifc",
        FileRole.SIMPL: "Data/Queue.hidir/simpl.ifc",
        FileRole.HI: "Data/Queue.hidir/Queue.hi",
        FileRole.BOOT_HI: "Data/Queue.hidir/Queue.hi-boot",
    }
    assert {role: d.file(role).relative_to(tmp_path).as_posix() for role in FileRole} == expected
    assert _mdir(tmp_path, "Main").file(FileRole.HI) == tmp_path / "Main.hidir" / "Main.hi"
    assert PHASE_ROLES == (FileRole.TC, FileRole.DS, FileRole.SIMPL)


def test_file_names_are_distinct_for_ordinary_modules(tmp_path: Path) -> None:
    for name in ["Main", "Data.Queue", "Tc", "Ds", "Simpl", "A.Hi"]:
        files = [_mdir(tmp_path, name).file(role).name for role in FileRole]
        assert len({f.lower() for f in files}) == len(files), name


def test_file_names_are_distinct_ignoring_case_for_a_module_named_boot(tmp_path: Path) -> None:
    files = [_mdir(tmp_path, "Data.Boot").file(role).name for role in FileRole]
    assert len({f.lower() for f in files}) == len(files)


def test_write_present_open_round_trip(tmp_path: Path) -> None:
    d = _mdir(tmp_path, "Data.Queue")
    assert d.present() == []
    written = _write(d, FileRole.DS)
    assert written == d.file(FileRole.DS)
    assert d.present() == [FileRole.DS]
    for role in FileRole:
        _write(d, role, phase="simpl")
    assert d.present() == list(FileRole)  # pipeline order
    for role in FileRole:
        with d.open(role) as c:
            assert c.read_section("who") == ["Data.Queue", role.tag]
            assert c.header.module == "Data.Queue"
            assert c.header.kind == role.kind
            assert c.header.phase == (role.tag if role in PHASE_ROLES else "simpl")
    assert d.read_header(FileRole.HI).kind is FileKind.INTERFACE
    assert d.read_header(FileRole.BOOT_HI).kind is FileKind.BOOT_INTERFACE


def test_phase_files_always_record_their_own_phase(tmp_path: Path) -> None:
    d = _mdir(tmp_path, "M")
    _write(d, FileRole.TC, phase="simpl")  # the argument only applies to interfaces
    assert d.read_header(FileRole.TC).phase == "tc"


def test_open_missing_file_is_a_format_error(tmp_path: Path) -> None:
    d = _mdir(tmp_path, "Data.Queue")
    with pytest.raises(FormatError, match="cannot open") as info, d.open(FileRole.TC):
        pass
    assert info.value.path == str(d.file(FileRole.TC))


def test_a_file_copied_into_another_module_is_refused(tmp_path: Path) -> None:
    queue, stack = _mdir(tmp_path, "Data.Queue"), _mdir(tmp_path, "Data.Stack")
    _write(queue, FileRole.TC)
    stack.path.mkdir(parents=True)
    shutil.copy(queue.file(FileRole.TC), stack.file(FileRole.TC))
    with open_container(stack.file(FileRole.TC)) as c:  # a valid container...
        c.verify()
    with pytest.raises(CorruptFileError, match=r"belongs to module Data\.Queue") as info:
        stack.read_header(FileRole.TC)  # ...in the wrong place
    assert info.value.path == str(stack.file(FileRole.TC))
    assert "Data.Stack" in info.value.reason


@pytest.mark.parametrize(
    ("written", "renamed_to"),
    [
        (FileRole.DS, FileRole.TC),
        (FileRole.TC, FileRole.SIMPL),
        (FileRole.HI, FileRole.BOOT_HI),
        (FileRole.BOOT_HI, FileRole.HI),
        (FileRole.HI, FileRole.TC),
        (FileRole.TC, FileRole.HI),
    ],
)
def test_a_renamed_file_is_refused(tmp_path: Path, written: FileRole, renamed_to: FileRole) -> None:
    d = _mdir(tmp_path, "Data.Queue")
    _write(d, written, phase="tc")
    os.replace(d.file(written), d.file(renamed_to))
    with pytest.raises(CorruptFileError, match="but its name says") as info:
        d.read_header(renamed_to)
    assert info.value.path == str(d.file(renamed_to))


def test_ext_dir(tmp_path: Path) -> None:
    d = _mdir(tmp_path, "Data.Queue")
    assert d.ext_dir("hlint") == d.path / "ext" / "hlint"
    assert d.ext_dir("my-tool_2").name == "my-tool_2"
    assert d.ext_dir("a" * 64).name == "a" * 64


@pytest.mark.parametrize(
    "tool",
    [
        "",
        "Tool",
        "..",
        ".",
        "../x",
        "a/b",
        "a\\b",
        "1abc",
        "-x",
        "a b",
        "a" * 65,
        "tool\n",
        "t\x00",
    ],
    ids=repr,
)
def test_ext_dir_rejects_bad_tool_names(tmp_path: Path, tool: str) -> None:
    with pytest.raises(InvalidNameError, match="invalid tool name"):
        _mdir(tmp_path, "M").ext_dir(tool)


def test_write_error_when_the_directory_cannot_be_made(tmp_path: Path) -> None:
    (tmp_path / "Data").write_text("a file where a directory should be")
    d = _mdir(tmp_path, "Data.Queue")
    with pytest.raises(WriteError) as info:
        _write(d, FileRole.TC)
    assert info.value.path == str(d.file(FileRole.TC))


def _touch_dir(path: Path) -> None:
    path.mkdir(parents=True, exist_ok=True)


def test_scan_outdir(tmp_path: Path) -> None:
    for name in ["Main", "Data.Queue", "Data", "A.B.C", "Data.Map.Internal", "Ünï.Code"]:
        _write(_mdir(tmp_path, name), FileRole.TC)
    # not modules: invalid names, temporaries, files, dot directories, symlinks
    _touch_dir(tmp_path / "lower.hidir")
    _touch_dir(tmp_path / "data" / "Queue.hidir")  # 'data.Queue' is not a module name
    _touch_dir(tmp_path / "Data" / "Bad Name.hidir")
    _touch_dir(tmp_path / "Data" / "A..hidir")
    _touch_dir(tmp_path / ".Staged.hidir.0a1b2c.tmp")
    _touch_dir(tmp_path / ".git" / "Hidden.hidir")
    (tmp_path / "File.hidir").write_text("not a directory")
    (tmp_path / "Data" / "Link.hidir").symlink_to(tmp_path / "Main.hidir")
    (tmp_path / "Data" / "loop").symlink_to(tmp_path)  # must not be followed
    # never descend into a module directory
    _touch_dir(_mdir(tmp_path, "Main").path / "ext" / "tool" / "Inner.hidir")
    _touch_dir(_mdir(tmp_path, "Main").path / "Nested.hidir")

    found = scan_outdir(tmp_path)
    assert [d.module.text for d in found] == sorted(
        ["Main", "Data.Queue", "Data", "A.B.C", "Data.Map.Internal", "Ünï.Code"]
    )
    assert all(d.outdir == tmp_path for d in found)
    assert all(d.present() == [FileRole.TC] for d in found)


def test_scan_outdir_of_a_missing_directory_is_empty(tmp_path: Path) -> None:
    assert scan_outdir(tmp_path / "absent") == []


def test_temporaries_are_invisible_and_removable(tmp_path: Path) -> None:
    d = _mdir(tmp_path, "Data.Queue")
    _write(d, FileRole.TC)
    strays = [
        d.path / ".tc.ifc.0123456789ab.tmp",
        d.path / ".ds.ifc.ba9876543210.tmp",
        d.path / ".Queue.hi.000000000000.tmp",
    ]
    for stray in strays:
        stray.write_bytes(b"half a file")
    keep = [d.path / "notes.tmp", d.path / ".hidden"]  # not temporaries by our naming
    for path in keep:
        path.write_bytes(b"")
    (d.path / ".dir.tmp").mkdir()  # directories are never removed
    assert d.present() == [FileRole.TC]
    assert [m.module.text for m in scan_outdir(tmp_path)] == ["Data.Queue"]
    assert remove_stale_temporaries(d.path) == sorted(strays)
    assert sorted(p.name for p in d.path.iterdir()) == sorted(
        [".dir.tmp", ".hidden", "notes.tmp", "tc.ifc"]
    )
    assert remove_stale_temporaries(d.path) == []
    assert remove_stale_temporaries(tmp_path / "absent") == []


def test_atomic_write_failure_leaves_no_temporary(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "tc.ifc"
    atomic_write_bytes(target, b"old")

    def failing_replace(_src: object, _dst: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", failing_replace)
    with pytest.raises(OSError):
        atomic_write_bytes(target, b"new")
    monkeypatch.undo()
    assert [p.name for p in tmp_path.iterdir()] == ["tc.ifc"]
    assert target.read_bytes() == b"old"
