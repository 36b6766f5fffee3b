"""A tiny stand-in for a backend, for the tests of the primitives and the World.

``FakeBackend.force`` runs thunks (updating them in place, as a real backend does);
``apply`` calls a Python function. Haskell functions are Python callables here.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from ifacedir.backend.prims import hs_string, make_prims
from ifacedir.backend.runtime import NIL, Thunk, run_io
from ifacedir.backend.world import MemoryWorld, World

Value = Any


class FakeBackend:
    def __init__(self) -> None:
        self.forced = 0  # thunks evaluated so far

    def force(self, v: Value) -> Value:
        if not isinstance(v, Thunk):
            return v
        if v.code is None:
            return v.value  # evaluated thunks hold a WHNF value
        evaluating: list[Thunk] = []
        while isinstance(v, Thunk):
            if v.code is None:
                v = v.value
                continue
            evaluating.append(v)
            self.forced += 1
            v = v.code()
        for t in evaluating:
            t.code = None
            t.value = v
        return v

    def apply(self, f: Value, arg: Value) -> Value:
        assert callable(f)
        return f(arg)


def setup(
    stdin: bytes = b"", args: tuple[str, ...] = (), *, terminal: bool = False
) -> tuple[FakeBackend, MemoryWorld, dict[str, Callable[..., Value]]]:
    backend = FakeBackend()
    world = World.in_memory(stdin, args, "prog", stdout_is_terminal=terminal)
    return backend, world, make_prims(backend, world)


def lazy_string(s: str, tail: Value = NIL) -> Value:
    """``s`` as a list whose every cell and element is a thunk."""
    cell: Value = tail
    for c in reversed(s):
        cell = Thunk(_cons_code(c, cell))
    return cell


def _cons_code(c: str, rest: Value) -> Callable[[], Value]:
    return lambda: (1, Thunk(lambda: c), rest)


def to_py(backend: FakeBackend, v: Value) -> str:
    chars = []
    cell = backend.force(v)
    while cell[0] == 1:
        chars.append(backend.force(cell[1]))
        cell = backend.force(cell[2])
    return "".join(chars)


def run(backend: FakeBackend, action: Value) -> Value:
    return run_io(backend, action)


__all__ = ["FakeBackend", "hs_string", "lazy_string", "run", "setup", "to_py"]
