"""``ifacedir check --outdir``: tc files for the program's modules; ``inspect --pretty``."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from cli.app import app
from ifacedir.check_report import CheckReport
from ifacedir.format.container import read_header
from ifacedir.format.fingerprint import fingerprint
from ifacedir.iface.model import TC_SCHEMA_VERSION, TcStage
from ifacedir.iface.tcfile import read_tc

sys.path.insert(0, str(Path(__file__).parents[1] / "unit" / "iface"))
from tc_helpers import PROGRAM, write_program

runner = CliRunner()
ROOT = Path(__file__).resolve().parents[2]


def _check(main: Path, out: Path, *extra: str) -> tuple[int, str, str]:
    result = runner.invoke(app, ["check", str(main), "--outdir", str(out), *extra])
    return result.exit_code, result.stdout, result.stderr


def _files(out: Path) -> dict[str, tuple[int, int, bytes]]:
    return {
        p.relative_to(out).as_posix(): (p.stat().st_ino, p.stat().st_mtime_ns, p.read_bytes())
        for p in sorted(out.rglob("*"))
        if p.is_file()
    }


def test_check_writes_one_tc_file_per_program_module(tmp_path: Path) -> None:
    code, stdout, _err = _check(write_program(tmp_path / "src"), tmp_path / "out")
    assert code == 0
    assert (
        stdout.strip()
        == f"ok: 3 module(s) checked up to typecheck; 3 tc file(s) under {tmp_path / 'out'}"
    )
    assert sorted(_files(tmp_path / "out")) == [
        "Data/Queue.hidir/tc.ifc",
        "Main.hidir/tc.ifc",
        "Shape.hidir/tc.ifc",
    ]  # base modules are not written


def test_json_names_the_files(tmp_path: Path) -> None:
    code, stdout, _err = _check(write_program(tmp_path / "src"), tmp_path / "out", "--json")
    assert code == 0
    report = CheckReport.model_validate_json(stdout)
    assert {m.module: m.tc_file for m in report.modules} == {
        "Data.Queue": "Data/Queue.hidir/tc.ifc",
        "Shape": "Shape.hidir/tc.ifc",
        "Main": "Main.hidir/tc.ifc",
    }
    assert report.write_errors == []


def test_a_failed_module_writes_nothing_newer(tmp_path: Path) -> None:
    main = write_program(tmp_path / "src")
    out = tmp_path / "out"
    assert _check(main, out)[0] == 0
    before = _files(out)
    broken = PROGRAM["Shape.hs"].replace("area (Circle r) = pi", "area (Circle r) = nosuch")
    (tmp_path / "src/Shape.hs").write_text(broken, encoding="utf-8")
    code, _stdout, stderr = _check(main, out)
    assert code == 1
    assert "Variable not in scope: nosuch" in stderr
    # Shape failed and Main (which imports it) was skipped: their files are untouched;
    # Data.Queue passed with the same result, so its file was not even rewritten.
    assert _files(out) == before
    # The old file of Shape is recognisably stale: it records the old source's hash.
    header = read_header(out / "Shape.hidir/tc.ifc")
    assert header.inputs["source"] == fingerprint(PROGRAM["Shape.hs"].encode())
    assert header.inputs["source"] != fingerprint(broken.encode())


def test_a_missing_import_writes_nothing(tmp_path: Path) -> None:
    main = write_program(tmp_path / "src")
    main.write_text(PROGRAM["Main.hs"].replace("import Shape", "import Nowhere"), encoding="utf-8")
    code, _stdout, stderr = _check(main, tmp_path / "out")
    assert code == 1 and "Could not find module ‘Nowhere’" in stderr
    assert not (tmp_path / "out").exists()


def test_an_unwritable_outdir_is_reported_per_module(tmp_path: Path) -> None:
    main = write_program(tmp_path / "src")
    blocker = tmp_path / "out"
    blocker.write_text("not a directory", encoding="utf-8")
    code, _stdout, stderr = _check(main, blocker)
    assert code == 1
    assert "ifacedir: module Main, phase tc:" in stderr
    assert "Traceback" not in stderr


def test_outdir_needs_a_phase_that_writes(tmp_path: Path) -> None:
    main = write_program(tmp_path / "src")
    code, _stdout, stderr = _check(main, tmp_path / "out", "--stop-after", "parse")
    assert code == 2 and "--outdir needs" in stderr


@pytest.fixture
def outdir(tmp_path: Path) -> Path:
    assert _check(write_program(tmp_path / "src"), tmp_path / "out")[0] == 0
    return tmp_path / "out"


def test_inspect_pretty_prints_the_program_as_haskell(outdir: Path) -> None:
    result = runner.invoke(app, ["inspect", str(outdir), "--pretty"])
    assert result.exit_code == 0, result.output
    text = result.stdout
    assert "  [meta]" in text and "stage typecheck   source Shape.hs" in text
    assert "    Shape.HasArea(Shape.area, Shape.perimeter)" in text
    assert "    infixl 5 Data.Queue.<+" in text
    assert "    module Shape (Shape.Shape(..), Shape.HasArea(..), Shape.describe) where {" in text
    # Typechecked files (the default) show their interface with schemes.
    assert "  [interface]" in text
    assert "    Shape.describe :: forall a. HasArea a => a -> [Char]" in text
    assert "    instance Show Shape  -- $fShowShape from Shape, derived" in text
    one = runner.invoke(app, ["inspect", str(outdir / "Main.hidir/tc.ifc"), "--pretty"])
    assert one.exit_code == 0 and "module Main (Main.main) where {" in one.stdout


def test_inspect_pretty_reports_a_damaged_program(outdir: Path) -> None:
    path = outdir / "Main.hidir/tc.ifc"
    data = bytearray(path.read_bytes())
    header = read_header(path)
    entry = header.section("program")
    assert entry is not None
    start = len(data) - sum(e.size for e in header.sections)  # sections follow the header
    data[start + entry.offset + entry.size // 2] ^= 0xFF  # inside the program section
    path.write_bytes(bytes(data))
    result = runner.invoke(app, ["inspect", str(path), "--pretty"])
    assert result.exit_code == 1
    assert "error: section 'program': checksum mismatch" in result.stdout


def test_a_type_error_writes_nothing_but_rename_alone_would(tmp_path: Path) -> None:
    main = write_program(tmp_path / "src")
    ill_typed = PROGRAM["Shape.hs"].replace("area (Rect w h) = w * h", "area (Rect w h) = w && h")
    (tmp_path / "src/Shape.hs").write_text(ill_typed, encoding="utf-8")
    code, _stdout, stderr = _check(main, tmp_path / "typed")
    assert code == 1 and "Shape.hs:" in stderr and "error: [T" in stderr
    # Only Data.Queue passed: Shape has a type error and Main imports Shape.
    assert sorted(_files(tmp_path / "typed")) == ["Data/Queue.hidir/tc.ifc"]
    code, _stdout, _stderr = _check(main, tmp_path / "renamed", "--stop-after", "rename")
    assert code == 0 and len(_files(tmp_path / "renamed")) == 3
    queue = "Data/Queue.hidir/tc.ifc"
    assert read_tc(tmp_path / "typed" / queue).meta.stage is TcStage.TYPECHECK
    assert read_tc(tmp_path / "renamed" / queue).meta.stage is TcStage.RENAME


def test_an_internal_error_names_module_and_phase_and_writes_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from ifacedir.iface import tcfile

    real = tcfile.encode_tree

    def broken(root: object) -> object:
        if getattr(root, "module", None) == "Shape":  # Shape's exports
            raise TypeError("simulated bug")
        return real(root)

    monkeypatch.setattr(tcfile, "encode_tree", broken)
    code, _stdout, stderr = _check(write_program(tmp_path / "src"), tmp_path / "out")
    assert code == 1
    assert "ifacedir: module Shape, phase tc: internal error (a bug" in stderr
    assert "TypeError: simulated bug" in stderr
    # Main's inputs need Shape's interface fingerprint, which fails the same way.
    assert "ifacedir: module Main, phase tc: internal error" in stderr
    assert sorted(_files(tmp_path / "out")) == ["Data/Queue.hidir/tc.ifc"]


def test_inspect_pretty_notes_tc_files_of_another_schema(tmp_path: Path) -> None:
    from ifacedir.format.layout import FileRole, ModuleDir
    from ifacedir.modulename import ModuleName

    mdir = ModuleDir(tmp_path / "out", ModuleName("Old"))
    mdir.write(FileRole.TC, unit="main", schema_version=0, inputs={}, sections={"x": 1})
    result = runner.invoke(app, ["inspect", str(tmp_path / "out"), "--pretty"])
    assert result.exit_code == 0
    assert (
        f"note: tc payload schema version 0, this reader reads version {TC_SCHEMA_VERSION}"
        in result.stdout
    )


def test_demo_writes_real_tc_files_that_pretty_print(tmp_path: Path) -> None:
    result = runner.invoke(app, ["demo", str(tmp_path / "demo")])
    assert result.exit_code == 0
    expected = (ROOT / "ifacedir" / "examples" / "queue" / "expected.txt").read_text()
    shown = [line[2:] for line in expected.splitlines() if line.startswith("| ")]
    assert result.stdout.splitlines()[: len(shown)] == shown  # GHC's output, recorded
    queue = tmp_path / "demo" / "Data" / "Queue.hidir" / "tc.ifc"
    pretty = runner.invoke(app, ["inspect", str(queue), "--pretty"])
    assert "Data.Queue.push :: forall a. a -> Queue a -> Queue a" in pretty.stdout
    assert "push x (Data.Queue.Queue front back) = Data.Queue.check front (x : back)" in (
        pretty.stdout
    )
    payload = read_tc(tmp_path / "demo" / "Main.hidir" / "tc.ifc")
    assert payload.meta.stage is TcStage.TYPECHECK
