"""Atomicity under SIGKILL: a killed writer leaves the old file, the new one, or nothing.

A child process rewrites one phase file in a loop, alternating between two
payloads A and B of a few MB of incompressible bytes. The test kills it with
SIGKILL after seeded random delays, and after every kill the file must be absent
(only before the first write ever finished) or byte-for-byte the file of A or of
B. Kills that land mid-write leave stray temporaries: readers must not see them,
and remove_stale_temporaries removes them.

Two things keep the test fast and sharp. The child is forked from the test process,
so a kill costs milliseconds rather than an interpreter start-up. And the child's
``os.write`` makes short writes of 64 KiB with a pause after each, like a slow disk
(POSIX allows any write to be short; the writer must loop): otherwise writing 4 MB
to the page cache takes a millisecond against ~15 ms of encoding, and few kills
would land while a half-written file exists.
"""

from __future__ import annotations

import os
import random
import signal
import time
from pathlib import Path

import pytest

from ifacedir.format.container import encode_container
from ifacedir.format.header import FileKind
from ifacedir.format.layout import FileRole, ModuleDir, scan_outdir
from ifacedir.modulename import ModuleName
from ifacedir.util.atomic import is_temporary, remove_stale_temporaries

PAYLOAD_SIZE = 4 << 20
MIN_KILLS = 30
MIN_MID_WRITE_KILLS = 3
MAX_KILLS = 150
MAX_DELAY = 0.1  # seconds: a few write cycles
SHORT_WRITE = 64 << 10


def _payload(seed: int) -> dict[str, object]:
    return {"blob": random.Random(seed).randbytes(PAYLOAD_SIZE), "seed": seed}


def _encoded(payload: dict[str, object]) -> bytes:
    return encode_container(
        kind=FileKind.PHASE,
        phase="tc",
        module="Data.Queue",
        unit="main",
        schema_version=1,
        inputs={},
        sections=payload,
    )


def _start_writer(mdir: ModuleDir, payloads: list[dict[str, object]]) -> int:
    """Fork a child that rewrites ``mdir``'s tc.ifc forever, alternating the payloads."""
    pid = os.fork()
    if pid == 0:  # the child never returns into pytest
        try:
            real_write = os.write

            def slow_short_write(fd: int, data: bytes) -> int:
                written = real_write(fd, bytes(memoryview(data)[:SHORT_WRITE]))
                time.sleep(0.0002)
                return written

            os.write = slow_short_write  # type: ignore[assignment]
            i = 0
            while True:
                mdir.write(
                    FileRole.TC, unit="main", schema_version=1, inputs={}, sections=payloads[i % 2]
                )
                i += 1
        finally:
            os._exit(3)
    return pid


def _temporaries(directory: Path) -> set[str]:
    try:
        return {name for name in os.listdir(directory) if is_temporary(name)}
    except FileNotFoundError:
        return set()


@pytest.mark.skipif(not hasattr(os, "fork") or not hasattr(signal, "SIGKILL"), reason="POSIX")
def test_sigkill_never_leaves_a_half_written_file(tmp_path: Path) -> None:
    payloads = [_payload(1), _payload(2)]
    expected = {_encoded(p) for p in payloads}
    assert len(expected) == 2
    mdir = ModuleDir(tmp_path, ModuleName("Data.Queue"))
    target = mdir.file(FileRole.TC)
    rng = random.Random(8128)
    seen_valid = False
    temporaries_seen: set[str] = set()
    mid_write_kills = 0
    kills = 0
    outcomes = {"absent": 0, "A or B": 0}
    started = time.monotonic()

    while kills < MIN_KILLS or (mid_write_kills < MIN_MID_WRITE_KILLS and kills < MAX_KILLS):
        pid = _start_writer(mdir, payloads)
        # the first kill comes before the first write can finish: the file is absent
        time.sleep(0.001 if kills == 0 else rng.uniform(0.0, MAX_DELAY))
        os.kill(pid, signal.SIGKILL)
        _, status = os.waitpid(pid, 0)
        assert os.WIFSIGNALED(status), f"the writer died by itself (status {status})"
        kills += 1

        if target.exists():
            data = target.read_bytes()
            valid = data in expected  # not in the assert: pytest would print 4 MB
            assert valid, f"kill {kills}: {len(data)} bytes that are neither A nor B"
            with mdir.open(FileRole.TC) as c:
                c.verify()
            seen_valid = True
            outcomes["A or B"] += 1
        else:
            assert not seen_valid, f"kill {kills}: a written file disappeared"
            outcomes["absent"] += 1
        # stray temporaries are never taken for interface files
        assert mdir.present() == ([FileRole.TC] if target.exists() else [])
        assert [d.module for d in scan_outdir(tmp_path)] in ([], [mdir.module])
        now = _temporaries(mdir.path)
        if now - temporaries_seen:
            mid_write_kills += 1
        temporaries_seen |= now

    assert seen_valid, f"no write ever completed: {outcomes}"
    assert mid_write_kills >= 1, f"no kill landed while a temporary existed ({kills} kills)"
    removed = remove_stale_temporaries(mdir.path)
    assert {p.name for p in removed} == temporaries_seen
    assert os.listdir(mdir.path) == ["tc.ifc"]
    assert target.read_bytes() in expected
    assert outcomes["A or B"] > 0
    assert time.monotonic() - started < 60
