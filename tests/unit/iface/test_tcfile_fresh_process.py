"""The tc files of a program, reloaded in a new process from the files alone.

``ifacedir check DIR --outdir`` writes the files here; then, with the sources deleted,
a fresh Python process (nothing cached in memory) reads every module's program back
from its tc file alone and renders it canonically (tc_helpers.render_typed: the
``-ddump-types`` lines, then every ``TcName`` of the typed tree with its type,
scheme and evidence, then every witness). That rendering must equal the one this
process makes of the typechecker's results in memory.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

from tc_helpers import render_typed, write_program
from typer.testing import CliRunner

from cli.app import app
from ifacedir.rename.program import MAIN_PACKAGE
from ifacedir.typecheck.typecheck import typecheck_program

_HELPERS = Path(__file__).parent

_RELOAD = """\
import json, sys
sys.path.insert(0, sys.argv[1])
from pathlib import Path
from tc_helpers import render_outdir
print(json.dumps(render_outdir(Path(sys.argv[2]))))
"""


def test_a_fresh_process_reloads_the_same_types_and_evidence(tmp_path: Path) -> None:
    src, out = tmp_path / "src", tmp_path / "out"
    main = write_program(src)
    result = CliRunner().invoke(app, ["check", str(src), "--outdir", str(out)])
    assert result.exit_code == 0, result.stderr
    checked = typecheck_program(main)
    assert checked.ok
    expected = {
        m.module.name: render_typed(m)
        for m in checked.modules
        if m.interface.package == MAIN_PACKAGE
    }
    assert sorted(expected) == ["Data.Queue", "Main", "Shape"]
    assert (
        sum(" ev: <" in line or " ev: $f" in line for lines in expected.values() for line in lines)
        > 10
    )  # the program really carries evidence
    shutil.rmtree(src)

    reload = subprocess.run(
        [sys.executable, "-c", _RELOAD, str(_HELPERS), str(out)],
        capture_output=True,
        text=True,
        timeout=300,
        cwd=tmp_path,
    )
    assert reload.returncode == 0, reload.stderr
    assert json.loads(reload.stdout) == expected
