"""Untrusted tc files: whatever the bytes, reading gives the value or a FormatError.

Two kinds of damage:

* **bytes**: flips, overwrites and truncations of a real file. The container's
  checksums catch nearly all of them before the payload readers run;
* **values**: sections decoded, mutated as CBOR values (replace a node by another
  type or an out-of-range number, drop, duplicate or swap array elements, change map
  keys), and framed again with valid checksums, so that the payload readers (the
  syntax codec's ``decode_tree``, the ``TcMeta`` model, the cross-section checks) see
  them. This is what a buggy or hostile writer could produce.

Both stages are fuzzed. Sizes are bounded (a few hundred cases per stage in CI;
``--run-slow`` runs thousands).
"""

from __future__ import annotations

import random
from pathlib import Path
from typing import Any

import pytest
from tc_helpers import check_and_write, typecheck_and_write

from ifacedir.errors import FormatError
from ifacedir.format.container import Container, encode_container, open_container
from ifacedir.format.header import FileKind
from ifacedir.iface.tcfile import TcPayload, read_tc

_REPLACEMENTS: tuple[object, ...] = (
    None, True, False, 0, -1, 1, 7, 2**31, 2**64 + 5, -(2**70), 1.5, float("nan"),
    "", "x", "Main", b"", b"\x00" * 16, [], [0], [[]], {}, {"a": 1},
)  # fmt: skip


@pytest.fixture(scope="module", params=["rename", "typecheck"])
def sample(
    tmp_path_factory: pytest.TempPathFactory, request: pytest.FixtureRequest
) -> tuple[bytes, dict[str, Any]]:
    """Shape's tc file of either stage, and its header inputs and decoded sections."""
    root = tmp_path_factory.mktemp("fuzz")
    write = check_and_write if request.param == "rename" else typecheck_and_write
    _result, written = write(root / "src", root / "out")
    data = written["Shape"].read_bytes()
    with open_container(written["Shape"]) as c:
        fields = {
            "inputs": c.header.inputs,
            "sections": {name: c.read_section(name) for name in c.section_names},
        }
    return data, fields


def _read(data: bytes, tmp: Path) -> TcPayload | None:
    """read_tc on the bytes; None for a FormatError; anything else propagates."""
    path = tmp / "tc.ifc"
    path.write_bytes(data)
    try:
        return read_tc(path)
    except FormatError:
        return None


def _byte_mutations(data: bytes, rng: random.Random, count: int) -> list[bytes]:
    out: list[bytes] = []
    for _ in range(count):
        buf = bytearray(data)
        choice = rng.randrange(3)
        if choice == 0:  # flip a few bits
            for _ in range(rng.randint(1, 4)):
                buf[rng.randrange(len(buf))] ^= 1 << rng.randrange(8)
        elif choice == 1:  # overwrite a run
            at = rng.randrange(len(buf))
            buf[at : at + rng.randint(1, 16)] = rng.randbytes(rng.randint(1, 16))
        else:  # truncate or extend
            buf = buf[: rng.randrange(len(buf))] if rng.random() < 0.7 else buf + rng.randbytes(5)
        out.append(bytes(buf))
    return out


def _paths(value: object) -> list[tuple[Any, Any]]:
    """Every (container, key) slot inside ``value``, iteratively."""
    slots: list[tuple[Any, Any]] = []
    stack = [value]
    while stack:
        item = stack.pop()
        if isinstance(item, list):
            slots.extend((item, i) for i in range(len(item)))
            stack.extend(item)
        elif isinstance(item, dict):
            slots.extend((item, k) for k in item)
            stack.extend(item.values())
    return slots


def _copy(value: object) -> Any:
    """A deep copy of a data-model value, without recursion."""
    if not isinstance(value, list | dict):
        return value
    root: Any = [] if isinstance(value, list) else {}
    stack: list[tuple[Any, Any]] = [(value, root)]
    while stack:
        src, dst = stack.pop()
        items = enumerate(src) if isinstance(src, list) else src.items()
        for key, child in items:
            new = [] if isinstance(child, list) else {} if isinstance(child, dict) else child
            if isinstance(dst, list):
                dst.append(new)
            else:
                dst[key] = new
            if isinstance(child, list | dict):
                stack.append((child, new))
    return root


def _mutate(value: object, rng: random.Random) -> Any:
    value = _copy(value)
    slots = _paths(value)
    if not slots:
        return rng.choice(_REPLACEMENTS)
    for _ in range(rng.randint(1, 3)):
        parent, key = rng.choice(slots)
        if isinstance(parent, dict) and rng.random() < 0.2:
            parent[key + "_"] = parent.pop(key)  # an unknown key
            slots = _paths(value)
            continue
        old = parent[key]
        move = rng.randrange(5)
        if move == 0 or not isinstance(parent, list):
            parent[key] = rng.choice(_REPLACEMENTS)
        elif move == 1 and type(old) is int:
            parent[key] = old + rng.choice((-1, 1, 1000, -(10**6)))
        elif move == 2:
            del parent[key]
        elif move == 3:
            parent.insert(key, _copy(old))
        else:
            other = rng.randrange(len(parent))
            parent[key], parent[other] = parent[other], parent[key]
        slots = _paths(value)
        if not slots:
            break
    return value


def _value_mutations(fields: dict[str, Any], rng: random.Random, count: int) -> list[bytes]:
    out: list[bytes] = []
    names = sorted(fields["sections"])
    for _ in range(count):
        sections = dict(fields["sections"])
        name = rng.choice(names)
        sections[name] = _mutate(sections[name], rng)
        out.append(
            encode_container(
                kind=FileKind.PHASE,
                phase="tc",
                module="Shape",
                unit="main",
                schema_version=1,
                inputs=fields["inputs"],
                sections=sections,
            )
        )
    return out


def _run(cases: list[bytes], tmp: Path) -> tuple[int, int]:
    ok = bad = 0
    for data in cases:
        if _read(data, tmp) is None:
            bad += 1
        else:
            ok += 1
    return ok, bad


def test_the_sample_reads(sample: tuple[bytes, dict[str, Any]], tmp_path: Path) -> None:
    data, _fields = sample
    assert _read(data, tmp_path) is not None
    assert Container.from_bytes(data).header.module == "Shape"


@pytest.mark.parametrize("seed", [1, 2])
def test_damaged_bytes_give_format_errors(
    sample: tuple[bytes, dict[str, Any]], tmp_path: Path, seed: int
) -> None:
    data, _fields = sample
    _ok, bad = _run(_byte_mutations(data, random.Random(seed), 150), tmp_path)
    assert bad >= 140  # nearly every damage is caught by a checksum


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_mutated_values_give_format_errors_or_a_value(
    sample: tuple[bytes, dict[str, Any]], tmp_path: Path, seed: int
) -> None:
    _data, fields = sample
    _ok, bad = _run(_value_mutations(fields, random.Random(seed), 150), tmp_path)
    assert bad > 0


def test_every_truncation_is_an_error(sample: tuple[bytes, dict[str, Any]], tmp_path: Path) -> None:
    data, _fields = sample
    step = max(1, len(data) // 200)
    for cut in range(0, len(data), step):
        assert _read(data[:cut], tmp_path) is None, cut


@pytest.mark.slow
def test_many_mutations(sample: tuple[bytes, dict[str, Any]], tmp_path: Path) -> None:
    data, fields = sample
    rng = random.Random(99)
    _run(_byte_mutations(data, rng, 3000), tmp_path)
    _run(_value_mutations(fields, rng, 5000), tmp_path)
