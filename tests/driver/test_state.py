"""The build-state cache: used when files are unchanged, ignored when it is damaged."""

from __future__ import annotations

import os
import time
from pathlib import Path

from project import build_dir, every, ran, write_project

from ifacedir.driver.state import STATE_NAME, BuildState


def test_memo_remembers_by_size_and_mtime(tmp_path: Path) -> None:
    f = tmp_path / "x"
    f.write_text("one")
    old = time.time_ns() - 10**10
    os.utime(f, ns=(old, old))
    state = BuildState.load(tmp_path / "out")
    calls: list[int] = []

    def compute() -> int:
        calls.append(1)
        return len(calls)

    assert state.memo(f, "k", compute) == 1
    state.save()
    again = BuildState.load(tmp_path / "out")
    assert again.memo(f, "k", compute) == 1 and len(calls) == 1  # remembered
    f.write_text("other")  # another size and mtime
    assert again.memo(f, "k", compute) == 2


def test_a_file_changed_in_the_instant_of_saving_is_not_trusted(tmp_path: Path) -> None:
    f = tmp_path / "x"
    f.write_text("one")  # mtime: now, within a second of the save below
    state = BuildState.load(tmp_path / "out")
    state.memo(f, "k", lambda: 1)
    state.save()
    assert BuildState.load(tmp_path / "out").memo(f, "k", lambda: 2) == 2


def test_a_damaged_state_file_is_ignored(tmp_path: Path) -> None:
    write_project(tmp_path / "src")
    build_dir(tmp_path)
    path = tmp_path / "out" / STATE_NAME
    assert path.exists()
    for damage in (b"", b"garbage", path.read_bytes()[:-1], b"\x00" + path.read_bytes()[1:]):
        path.write_bytes(damage)
        assert ran(build_dir(tmp_path)) == set()


def test_edits_are_seen_through_the_state(tmp_path: Path) -> None:
    write_project(tmp_path / "src")
    build_dir(tmp_path)
    time.sleep(1.1)  # past the racy window: the next build trusts its entries
    build_dir(tmp_path)
    src = tmp_path / "src" / "B.hs"
    src.write_text(src.read_text().replace("double (double x)", "double (double (x + 0))"))
    assert ran(build_dir(tmp_path)) == every("B")
    (tmp_path / "out" / "Main.hidir" / "ds.ifc").unlink()
    assert ran(build_dir(tmp_path)) == {("Main", "ds")}
