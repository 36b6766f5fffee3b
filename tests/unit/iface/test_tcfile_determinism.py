"""Determinism: the same program gives byte-identical tc files in every process,
whatever PYTHONHASHSEED, the source and output directories, user or time zone; for
both stages (the typechecker's numbering of type variables and its evidence included)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from tc_helpers import check_and_write, typecheck_and_write

_HERE = Path(__file__).parent

# Each child checks the program from its own source copy into its own output directory.
_CHILD = """
import sys
from pathlib import Path
sys.path.insert(0, sys.argv[3])
from tc_helpers import check_and_write, typecheck_and_write
check_and_write(Path(sys.argv[1]), Path(sys.argv[2]) / "renamed")
typecheck_and_write(Path(sys.argv[1]), Path(sys.argv[2]) / "typed")
"""

SEEDS = ["0", "1", "4242", "random"]


def _tree(outdir: Path) -> dict[str, bytes]:
    return {
        p.relative_to(outdir).as_posix(): p.read_bytes()
        for p in sorted(outdir.rglob("*"))
        if p.is_file()
    }


def test_same_bytes_across_processes_seeds_and_directories(tmp_path: Path) -> None:
    children: list[tuple[Path, subprocess.Popen[bytes]]] = []
    for i, seed in enumerate(SEEDS):
        base = tmp_path / f"run-{seed}" / ("nested/" * i)
        env = {
            **os.environ,
            "PYTHONHASHSEED": seed,
            "USER": f"user{i}",
            "TZ": ["UTC", "Asia/Kolkata", "America/St_Johns", "Pacific/Kiritimati"][i],
        }
        child = subprocess.Popen(
            [sys.executable, "-c", _CHILD, str(base / "src"), str(base / "out"), str(_HERE)],
            env=env,
            cwd=tmp_path,
        )
        children.append((base / "out", child))
        if len(children) % 2 == 0:  # two at a time: the machine has two cores
            for _out, c in children[-2:]:
                assert c.wait(timeout=120) == 0
    for _out, c in children:
        assert c.wait(timeout=120) == 0
    check_and_write(tmp_path / "here/src", tmp_path / "here/out/renamed")
    typecheck_and_write(tmp_path / "here/src", tmp_path / "here/out/typed")
    reference = _tree(tmp_path / "here/out")
    files = ["Data/Queue.hidir/tc.ifc", "Main.hidir/tc.ifc", "Shape.hidir/tc.ifc"]
    assert sorted(reference) == [f"{stage}/{f}" for stage in ("renamed", "typed") for f in files]
    for outdir, _child in children:
        assert _tree(outdir) == reference, outdir
