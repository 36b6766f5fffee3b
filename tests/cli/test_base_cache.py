"""Package base as interface files in the per-user cache (ifacedir.iface.basecache).

The first use writes base's tc files under ``$IFACEDIR_CACHE/base-<key>/``; later
uses read them instead of renaming and typechecking base again. A damaged or
unwritable cache costs a one-line note, never a failed check; programs checked with
the cache get exactly the files they get without it; concurrent first uses leave one
valid cache. Every test here uses a cache directory of its own (the session's is set
in tests/conftest.py).
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from cli.app import app
from ifacedir.format.layout import scan_outdir
from ifacedir.iface.basecache import base_key, base_modules, cache_root, load_base
from ifacedir.typecheck.typecheck import typecheck_program

sys.path.insert(0, str(Path(__file__).parents[1] / "unit" / "iface"))
from tc_helpers import write_program, write_tc_files

runner = CliRunner()


def _entries(root: Path) -> list[str]:
    # lock files (ifacedir.util.lock) are not cache entries
    return sorted(p.name for p in root.iterdir() if not p.name.startswith(".lock-"))


def test_cache_root_follows_the_environment(tmp_path: Path) -> None:
    assert cache_root({"IFACEDIR_CACHE": "/x/y"}) == Path("/x/y")
    assert cache_root({"XDG_CACHE_HOME": "/xdg"}) == Path("/xdg/ifacedir")
    assert cache_root({"XDG_CACHE_HOME": "rel"}) == Path.home() / ".cache" / "ifacedir"


def test_built_once_then_loaded_and_a_damaged_cache_is_rebuilt(tmp_path: Path) -> None:
    root = tmp_path / "cache"
    first = load_base(root)
    assert first.built and first.notes == () and first.base is not None
    target = root / f"base-{base_key()}"
    assert _entries(root) == [target.name]  # nothing staged is left behind
    names = sorted(m.module.text for m in scan_outdir(target))
    assert names == [name for name, _path in base_modules()] and "Prelude" in names

    again = load_base(root)
    assert not again.built and again.notes == () and again.base is not None
    assert again.base.exports == first.base.exports
    assert again.base.interfaces == first.base.interfaces
    assert again.base.fingerprints == first.base.fingerprints

    prelude = target / "Prelude.hidir" / "tc.ifc"
    data = bytearray(prelude.read_bytes())
    data[-3] ^= 0xFF  # inside the last section, the program, which loading never decodes
    prelude.write_bytes(bytes(data))
    rebuilt = load_base(root)
    assert rebuilt.built and rebuilt.base is not None
    (note,) = rebuilt.notes
    assert "unreadable" in note and "Prelude.hidir/tc.ifc" in note and "rebuilding" in note
    assert rebuilt.base.interfaces == first.base.interfaces
    assert _entries(root) == [target.name]

    (target / "GHC" / "Types.hidir" / "tc.ifc").unlink()
    result = runner.invoke(
        app, ["check", str(write_program(tmp_path / "src"))], env={"IFACEDIR_CACHE": str(root)}
    )
    assert result.exit_code == 0, result.stderr
    assert result.stderr.count("\n") == 1 and "rebuilding it" in result.stderr

    cleared = runner.invoke(app, ["cache", "--clear"], env={"IFACEDIR_CACHE": str(root)})
    assert cleared.exit_code == 0 and _entries(root) == []


def test_an_unwritable_cache_is_a_note_and_base_is_checked_in_memory(tmp_path: Path) -> None:
    blocker = tmp_path / "not-a-directory"
    blocker.write_text("", encoding="utf-8")
    main = write_program(tmp_path / "src")
    result = runner.invoke(app, ["check", str(main)], env={"IFACEDIR_CACHE": str(blocker)})
    assert result.exit_code == 0
    assert result.stdout.startswith("ok: 3 module(s)")
    assert result.stderr.startswith("ifacedir: note: cannot write the base cache under ")
    assert result.stderr.count("\n") == 1


def test_tc_files_are_the_same_with_and_without_the_cache(tmp_path: Path) -> None:
    main = write_program(tmp_path / "src")
    result = runner.invoke(app, ["check", str(main), "-o", str(tmp_path / "cached")])
    assert result.exit_code == 0, result.stderr
    checked = typecheck_program(main)  # base from source, in memory
    typed = {m.module.name: m for m in checked.modules}
    write_tc_files(checked.renamed, tmp_path / "memory", typed)
    files = sorted(p.relative_to(tmp_path / "memory") for p in (tmp_path / "memory").rglob("*"))
    assert len([f for f in files if f.name == "tc.ifc"]) == 3
    for rel in files:
        mem, cached = tmp_path / "memory" / rel, tmp_path / "cached" / rel
        assert mem.is_dir() or mem.read_bytes() == cached.read_bytes(), rel


def test_cache_command_prints_the_directory(tmp_path: Path) -> None:
    env = {"IFACEDIR_CACHE": str(tmp_path)}
    assert runner.invoke(app, ["cache", "--path"], env=env).stdout == f"{tmp_path}\n"
    status = runner.invoke(app, ["cache"], env=env).stdout
    assert f"base-{base_key()} (absent" in status


@pytest.mark.slow  # about 12 s on two cores: two cold builds of base at once
@pytest.mark.parametrize("processes", [2])
def test_concurrent_first_uses_leave_one_valid_cache(tmp_path: Path, processes: int) -> None:
    main = write_program(tmp_path / "src")
    root = tmp_path / "cache"
    env = {**os.environ, "IFACEDIR_CACHE": str(root)}
    command = [sys.executable, "-m", "ifacedir", "check", str(main)]
    running = [
        subprocess.Popen(command, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        for _ in range(processes)
    ]
    for proc in running:
        stdout, stderr = proc.communicate(timeout=300)
        assert proc.returncode == 0, stderr
        assert stdout.startswith(b"ok: 3 module(s)") and stderr == b""
    assert _entries(root) == [f"base-{base_key()}"]
    verify = runner.invoke(app, ["verify", "--quiet", str(root)])
    assert verify.exit_code == 0, verify.stdout
    loaded = load_base(root)
    assert not loaded.built and loaded.notes == ()
