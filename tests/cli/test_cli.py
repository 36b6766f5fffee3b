"""The command line as a user runs it: exit codes, output, --json (spec/cli.md)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from cli.app import app

runner = CliRunner()


@pytest.fixture()
def demo(tmp_path: Path) -> Path:
    result = runner.invoke(app, ["demo", str(tmp_path / "out"), "--quiet"])
    assert result.exit_code == 0, result.output
    return tmp_path / "out"


def test_help_lists_every_command() -> None:
    result = runner.invoke(app, ["--help"])
    assert result.exit_code == 0
    for command in ("inspect", "verify", "schema", "demo"):
        assert command in result.output


def test_every_command_has_help() -> None:
    for command in ("inspect", "verify", "schema", "demo"):
        result = runner.invoke(app, [command, "--help"])
        assert result.exit_code == 0 and "Usage" in result.output


def test_inspect_outdir_shows_every_module_and_payload(demo: Path) -> None:
    result = runner.invoke(app, ["inspect", str(demo)])
    assert result.exit_code == 0, result.output
    assert "2 module(s), 8 file(s)" in result.output
    assert "Data/Queue.hidir/tc.ifc" in result.output
    assert "kind        phase (tc)" in result.output
    assert 'module: "Data.Queue"' in result.output  # a decoded payload tree (meta)


def test_inspect_header_only_decodes_nothing(demo: Path) -> None:
    result = runner.invoke(app, ["inspect", str(demo / "Main.hidir"), "--header-only"])
    assert result.exit_code == 0
    assert "[exports]" not in result.output and "sections" in result.output


def test_inspect_json_is_machine_readable(demo: Path) -> None:
    result = runner.invoke(app, ["inspect", str(demo / "Main.hidir" / "Main.hi"), "--json",
                                 "-s", "meta"])  # fmt: skip
    assert result.exit_code == 0
    report = json.loads(result.output)
    assert report["target_kind"] == "file"
    (file,) = report["files"]
    assert file["header"]["module"] == "Main" and file["version"] == "1.0"
    assert file["header"]["kind"] == "interface"
    sections = {s["name"]: s for s in file["sections"]}
    assert sections["exports"]["value"] is None  # not asked for: not decoded
    meta = sections["meta"]["value"]
    assert meta["module"] == "Main" and meta["entry"] == "main" and meta["optimisation"] == 1
    assert set(file["header"]["inputs"]) == {"tc", "simpl", "flag:optimise"}


def test_inspect_missing_section_is_an_error(demo: Path) -> None:
    result = runner.invoke(app, ["inspect", str(demo / "Main.hidir" / "tc.ifc"), "-s", "nope"])
    assert result.exit_code == 1
    assert "no section named 'nope'" in result.output


def test_inspect_hex_annotates_a_file(demo: Path) -> None:
    result = runner.invoke(app, ["inspect", "--hex", str(demo / "Main.hidir" / "ds.ifc")])
    assert result.exit_code == 0
    assert result.output.startswith("00000000  89 49 46 44 0d 0a 1a 0a  magic")
    assert "header checksum" in result.output


def test_verify_good_then_each_kind_of_damage(demo: Path) -> None:
    assert runner.invoke(app, ["verify", str(demo)]).exit_code == 0
    tc = demo / "Data" / "Queue.hidir" / "tc.ifc"
    data = bytearray(tc.read_bytes())
    data[-3] ^= 0x40
    tc.write_bytes(bytes(data))
    (demo / "Main.hidir" / "ds.ifc").write_bytes(b"not an interface")
    result = runner.invoke(app, ["verify", "--quiet", str(demo)])
    assert result.exit_code == 1
    assert "BAD" in result.output and "checksum mismatch" in result.output
    assert "not-a-container" in result.output
    assert "verified 8 file(s): 2 bad" in result.output


def test_verify_detects_a_file_in_the_wrong_module_directory(demo: Path) -> None:
    queue_tc = (demo / "Data" / "Queue.hidir" / "tc.ifc").read_bytes()
    (demo / "Main.hidir" / "tc.ifc").write_bytes(queue_tc)
    result = runner.invoke(app, ["verify", "--json", str(demo)])
    assert result.exit_code == 1
    bad = [f for f in json.loads(result.output)["files"] if f["error"]]
    assert len(bad) == 1 and "belongs to module Data.Queue" in bad[0]["error"]["message"]


def test_missing_path_is_a_usage_error(tmp_path: Path) -> None:
    result = runner.invoke(app, ["inspect", str(tmp_path / "absent")])
    assert result.exit_code == 2


def test_schema_check_reports_drift(tmp_path: Path) -> None:
    assert runner.invoke(app, ["schema", "--write", "--dir", str(tmp_path)]).exit_code == 0
    assert runner.invoke(app, ["schema", "--check", "--dir", str(tmp_path)]).exit_code == 0
    (tmp_path / "header.schema.json").write_text("{}\n")
    result = runner.invoke(app, ["schema", "--check", "--dir", str(tmp_path)])
    assert result.exit_code == 1 and "OUT OF DATE" in result.output


def test_console_script_runs_as_a_module(tmp_path: Path) -> None:
    """`python -m ifacedir` works and no traceback reaches the user on bad input."""
    bad = tmp_path / "x.ifc"
    bad.write_bytes(b"\x89IFD\r\n\x1a\n\x00\x07\x00\x00\x00\x00\x00\x00")
    env = dict(os.environ, PYTHONPATH=str(Path(__file__).resolve().parents[2]))
    proc = subprocess.run([sys.executable, "-m", "ifacedir", "inspect", str(bad)],
                          capture_output=True, text=True, env=env, check=False)  # fmt: skip
    assert proc.returncode == 1
    assert "format version 7.0 cannot be read" in proc.stdout
    assert "Traceback" not in proc.stderr + proc.stdout
