"""``ifacedir build``, ``run``, ``resume``, ``lint`` and ``backends`` as a user runs them."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from cli.app import app

runner = CliRunner()
ROOT = Path(__file__).resolve().parents[2]
PROGRAMS = ROOT / "tests" / "programs"


def ifacedir(*args: str, stdin: str = "") -> subprocess.CompletedProcess[str]:
    """The real command in a fresh process (real stdin, stdout and exit status)."""
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    return subprocess.run(
        [sys.executable, "-m", "ifacedir", *args],
        input=stdin,
        capture_output=True,
        text=True,
        env=env,
        timeout=300,
    )


def copy_program(name: str, tmp: Path) -> Path:
    target = tmp / name
    shutil.copytree(PROGRAMS / name, target, ignore=shutil.ignore_patterns("expected.txt"))
    return target


def test_build_writes_every_phase_of_every_module(tmp_path: Path) -> None:
    src = copy_program("059-mm-three-chain", tmp_path)
    out = tmp_path / "out"
    result = runner.invoke(app, ["build", str(src / "Main.hs"), "-o", str(out), "-O1"])
    assert result.exit_code == 0, result.output
    for mdir in sorted(out.rglob("*.hidir")):
        names = {p.name for p in mdir.iterdir()}
        assert {"tc.ifc", "ds.ifc", "simpl.ifc"} <= names and any(n.endswith(".hi") for n in names)
    assert "Desugaring" in result.output and "Simplifying" in result.output


def test_build_json_report(tmp_path: Path) -> None:
    src = copy_program("001-class-defaults", tmp_path)
    result = runner.invoke(
        app, ["build", str(src / "Main.hs"), "--json", "-o", str(tmp_path / "o")]
    )
    assert result.exit_code == 0, result.output
    report = json.loads(result.output)
    assert report["ok"] is True and report["modules"] == ["Main"]


def test_build_of_a_bad_program_reports_ghc_style_and_writes_nothing(tmp_path: Path) -> None:
    (tmp_path / "Main.hs").write_text("main = putStrLn (1 + True)\n")
    out = tmp_path / "out"
    result = runner.invoke(app, ["build", str(tmp_path / "Main.hs"), "-o", str(out)])
    assert result.exit_code == 1
    assert "Main.hs:1:" in result.output
    assert not list(out.rglob("*.ifc"))


def test_usage_errors_exit_2(tmp_path: Path) -> None:
    (tmp_path / "Main.hs").write_text("main = return ()\n")
    assert runner.invoke(app, ["build", str(tmp_path / "Main.hs"), "-O", "3"]).exit_code == 2
    assert runner.invoke(app, ["build", str(tmp_path / "Main.hs"), "-b", "llvm"]).exit_code == 2
    assert runner.invoke(app, ["resume", str(tmp_path), "--from", "hi"]).exit_code == 2


def test_run_passes_stdin_args_and_the_exit_status(tmp_path: Path) -> None:
    args = copy_program("035-getargs", tmp_path)
    done = ifacedir("run", str(args / "Main.hs"), "--", "7", "x", "-2")
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines()[0] == '["7","x","-2"]'
    echo = copy_program("033-stdin-interact", tmp_path)
    done = ifacedir("run", str(echo / "Main.hs"), stdin="hello\nworld\n")
    assert done.returncode == 0 and done.stdout
    failing = copy_program("039-exit-with-failure", tmp_path)
    done = ifacedir("run", str(failing / "Main.hs"))
    assert done.returncode == 3


def test_run_reports_a_runtime_error_as_ghc_does(tmp_path: Path) -> None:
    src = copy_program("038-non-exhaustive-function", tmp_path)
    done = ifacedir("run", str(src / "Main.hs"), "-O1")
    assert done.returncode == 1
    assert "Main: Main.hs:(7,1)-(8,21): Non-exhaustive patterns in function warmth" in done.stderr
    assert "Traceback" not in done.stderr


def test_resume_from_tc_with_no_source_present(tmp_path: Path) -> None:
    src = copy_program("056-mm-abstract-queue", tmp_path)
    out = tmp_path / "out"
    assert runner.invoke(app, ["build", str(src / "Main.hs"), "-o", str(out)]).exit_code == 0
    before = {p: p.read_bytes() for p in out.rglob("*.ifc")}
    shutil.rmtree(src)
    for p in out.rglob("*"):
        if p.is_file() and p.name != "tc.ifc":
            p.unlink()
    result = runner.invoke(app, ["resume", str(out), "--from", "tc"])
    assert result.exit_code == 0, result.output
    assert {p: p.read_bytes() for p in out.rglob("*.ifc")} == before
    again = runner.invoke(app, ["resume", str(out), "--from", "ds", "-O1", "--json"])
    assert again.exit_code == 0 and json.loads(again.output)["ok"]


def test_resume_without_files_is_an_error(tmp_path: Path) -> None:
    result = runner.invoke(app, ["resume", str(tmp_path)])
    assert result.exit_code == 1 and "no module has a tc file" in result.output


def test_lint_passes_built_files_and_catches_damage(tmp_path: Path) -> None:
    src = copy_program("021-functor-tree", tmp_path)
    out = tmp_path / "out"
    assert (
        runner.invoke(app, ["build", str(src / "Main.hs"), "-o", str(out), "--lint"]).exit_code == 0
    )
    ok = runner.invoke(app, ["lint", str(out)])
    assert ok.exit_code == 0 and "0 with problems" in ok.output
    (out / "Main.hidir" / "simpl.ifc").write_bytes(b"garbage")
    bad = runner.invoke(app, ["lint", str(out), "--json"])
    assert bad.exit_code == 1
    files = json.loads(bad.output)["files"]
    assert any("unreadable" in p[0] for p in files.values() if p)


def test_backends_lists_the_builtins() -> None:
    result = runner.invoke(app, ["backends"])
    assert result.exit_code == 0
    assert "interp" in result.output and "consumes simpl" in result.output


@pytest.mark.parametrize("backend", ["interp", "python"])
def test_switching_backend_keeps_the_earlier_phase_files(tmp_path: Path, backend: str) -> None:
    pytest.importorskip(f"ifacedir.backend.{'interp' if backend == 'interp' else 'python'}")
    src = copy_program("043-nfib", tmp_path)
    out = tmp_path / "out"
    assert runner.invoke(app, ["build", str(src / "Main.hs"), "-o", str(out)]).exit_code == 0
    ds = (out / "Main.hidir" / "ds.ifc").stat().st_mtime_ns
    result = runner.invoke(app, ["build", str(src / "Main.hs"), "-o", str(out), "-b", backend])
    assert result.exit_code == 0, result.output
    assert (out / "Main.hidir" / "ds.ifc").stat().st_mtime_ns == ds  # same bytes: not rewritten
