"""Determinism: the same payload gives the same bytes, whatever the process, hash seed,
output directory, user, time zone or clock."""

from __future__ import annotations

import getpass
import os
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

from ifacedir.format.layout import FileRole, ModuleDir
from ifacedir.modulename import ModuleName

# Builds its maps by iterating over sets of strings, whose order depends on
# PYTHONHASHSEED: only a canonical encoding makes the bytes independent of it.
_WRITER = """
import sys
from pathlib import Path
from ifacedir.format.fingerprint import fingerprint
from ifacedir.format.layout import FileRole, ModuleDir
from ifacedir.modulename import ModuleName

def write(outdir):
    names = {f"entity_{i}" for i in range(300)} | {"zeta", "alpha", "Ω", "x" * 40}
    sections = {
        s: {n: {"type": f"T{len(n)}", "arity": len(n) % 5, "big": 2**80 + len(n)} for n in names}
        for s in {"types", "values", "classes", "instances"}
    }
    sections["exports"] = sorted(names)
    sections["misc"] = {"floats": [0.5, -0.0, 1e300, float("inf")], "blob": bytes(range(256))}
    inputs = {f"import:{n}": fingerprint(n.encode()) for n in names if n.isascii()}
    mdir = ModuleDir(Path(outdir), ModuleName("Data.Queue"))
    for role in (FileRole.TC, FileRole.HI):
        mdir.write(role, unit="main", schema_version=3, inputs=inputs, sections=sections,
                   phase="tc")

if __name__ == "__main__":
    write(sys.argv[1])
"""

SEEDS = ["0", "1", "12345", "random"]


def _files(outdir: Path) -> dict[str, bytes]:
    mdir = ModuleDir(outdir, ModuleName("Data.Queue"))
    return {role.tag: mdir.file(role).read_bytes() for role in (FileRole.TC, FileRole.HI)}


def _write_in_process(outdir: Path) -> dict[str, bytes]:
    namespace: dict[str, object] = {"__name__": "writer"}
    exec(_WRITER, namespace)
    namespace["write"](str(outdir))  # type: ignore[operator]
    return _files(outdir)


def test_same_bytes_across_processes_seeds_and_directories(tmp_path: Path) -> None:
    children: list[tuple[Path, subprocess.Popen[bytes]]] = []
    for i, seed in enumerate(SEEDS):
        outdir = tmp_path / f"run-{seed}" / ("deeper/" * i) / "out"
        env = {
            **os.environ,
            "PYTHONHASHSEED": seed,
            "USER": f"user{i}",
            "LOGNAME": f"user{i}",
            "HOME": str(tmp_path / f"home{i}"),
            "TZ": ["UTC", "Asia/Kolkata", "America/St_Johns", "Pacific/Kiritimati"][i],
        }
        child = subprocess.Popen(
            [sys.executable, "-c", _WRITER, str(outdir)], env=env, cwd=tmp_path
        )
        children.append((outdir, child))
    for _outdir, child in children:
        assert child.wait(timeout=60) == 0
    reference = _write_in_process(tmp_path / "in-process")
    for outdir, _child in children:
        assert _files(outdir) == reference, f"{outdir} differs"

    data = b"".join(reference.values())
    forbidden = [str(tmp_path), tmp_path.name, "run-", "deeper", getpass.getuser()]
    forbidden += [socket.gethostname(), str(Path.home())]
    for text in forbidden:
        if len(text) >= 4:
            assert text.encode() not in data, f"the file contains {text!r}"


def test_no_timestamp_in_the_bytes(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    now = time.time()
    before = _write_in_process(tmp_path / "now")
    monkeypatch.setattr(time, "time", lambda: now + 86_400 * 400)
    monkeypatch.setattr(time, "time_ns", lambda: int((now + 86_400 * 400) * 1e9))
    later = _write_in_process(tmp_path / "later")
    monkeypatch.undo()
    assert later == before
    data = b"".join(before.values())
    for t in range(int(now) - 600, int(now) + 600):
        assert t.to_bytes(4, "big") not in data  # no epoch seconds near now
