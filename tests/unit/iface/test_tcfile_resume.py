"""The point of the tc file: a later phase resumes from it with no source present.

``ifacedir check --outdir`` writes the tc files of a multi-module program; the
sources are then deleted, and everything the next phase needs is read back from the
files alone: each module's program, equal to the one in memory (the typechecker's
``TcResult`` for the desugarer, or with ``--stop-after rename`` the renamer's
``RenamedModule`` for the typechecker); the exports and interface of each module it
imports from the program, equal too and matching the fingerprint the importer
recorded; and writing the read-back payloads again gives byte-identical files.
"""

from __future__ import annotations

import dataclasses
import shutil
from pathlib import Path

import pytest
from tc_helpers import write_program
from typer.testing import CliRunner

from cli.app import app
from ifacedir.format.container import open_container
from ifacedir.format.layout import FileRole, ModuleDir, scan_outdir
from ifacedir.iface.model import TcStage
from ifacedir.iface.tcfile import (
    encode_tc,
    import_input_name,
    interface_fingerprint,
    open_tc,
    read_tc,
    tc_payload,
    write_tc,
)
from ifacedir.parse.parser import parse_module
from ifacedir.rename.program import MAIN_PACKAGE
from ifacedir.syntax.pretty import pretty_module
from ifacedir.typecheck.typecheck import typecheck_program


@pytest.mark.parametrize("stage", ["typecheck", "rename"])
def test_resume_from_tc_files_alone(tmp_path: Path, stage: str) -> None:
    src, out = tmp_path / "src", tmp_path / "out"
    main = write_program(src)
    result = runner_check(main, out, stage)
    checked = typecheck_program(main)
    own = {m.module.name for m in checked.renamed.modules if m.exports.package == MAIN_PACKAGE}
    renamed = {m.module.name: m for m in checked.renamed.modules}
    typed = {m.module.name: m for m in checked.modules}
    in_memory = {
        name: tc_payload(renamed[name], typed[name] if stage == "typecheck" else None)
        for name in own
    }
    shutil.rmtree(src)  # from here on, only the output directory exists

    found = {mdir.module.text: mdir for mdir in scan_outdir(out)}
    assert set(found) == set(in_memory) == {"Data.Queue", "Shape", "Main"}
    assert result == {
        name: f"{found[name].module.relpath('.hidir').as_posix()}/tc.ifc" for name in found
    }
    for name, mdir in found.items():
        assert mdir.present() == [FileRole.TC]
        payload = read_tc(mdir)
        # The program, exports and interface exactly as the front end made them (the
        # fingerprints and usages are the driver's: tests/driver).
        assert dataclasses.replace(payload, fingerprints=None, usages=None) == in_memory[name]
        assert (payload.fingerprints is None) is (stage == "rename")
        assert payload.meta.stage is TcStage(stage)
        # What the next phase needs from the modules it imports from the program:
        # their exports and interfaces, from their own files, as the importer saw them.
        with open_tc(mdir) as tc:
            inputs = tc.header.inputs
        for imp in payload.meta.imports:
            if imp.package != MAIN_PACKAGE:
                continue  # base is the library's own; see Note [What check writes]
            imported = read_tc(found[imp.module])
            assert imported.exports == in_memory[imp.module].exports
            assert imported.interface == in_memory[imp.module].interface
            recorded = inputs[import_input_name(imp.module)]
            assert recorded == interface_fingerprint(imported.exports, imported.interface)
        # The stored program prints as Haskell (the renamed one parses again).
        text = pretty_module(payload.program.module)
        if stage == "rename":
            parse_module(text, "dump.hs")

    # Writing the read-back payloads again gives the same bytes, in place or elsewhere.
    for name, mdir in found.items():
        original = mdir.file(FileRole.TC).read_bytes()
        with open_container(mdir.file(FileRole.TC)) as container:
            inputs = container.header.inputs
        payload = read_tc(mdir)
        assert encode_tc(payload, inputs) == original
        copy = write_tc(tmp_path / "again", name, payload, inputs)
        assert copy.read_bytes() == original
        assert copy == ModuleDir(tmp_path / "again", mdir.module).file(FileRole.TC)


def runner_check(main: Path, out: Path, stage: str) -> dict[str, str]:
    """``ifacedir check MAIN --outdir OUT --stop-after STAGE --json``; module -> file."""
    from ifacedir.check_report import CheckReport

    args = ["check", str(main), "--outdir", str(out), "--stop-after", stage, "--json"]
    outcome = CliRunner().invoke(app, args)
    assert outcome.exit_code == 0, outcome.output
    report = CheckReport.model_validate_json(outcome.stdout)
    return {m.module: m.tc_file for m in report.modules if m.tc_file is not None}
