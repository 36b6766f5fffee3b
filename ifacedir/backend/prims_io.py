"""The IO primitives of GHC.Prim: ``IO`` values over a ``World``.

``make_io_prims(backend, world)`` gives the entries of the primitive table whose
result is an ``IO`` action, a ``Handle`` or an ``IOError`` (ifacedir.backend.prims
merges them into ``make_prims``). Every primitive returning ``IO a`` only *builds*
an action, following runtime.py's representation:

* ``returnIO x`` is ``IOReturn(x)`` and ``bindIO m k`` is ``IOBind(m, k)``, both
  lazy in their arguments;
* every other action is an ``IOPrim`` whose ``run()`` performs the effect on the
  ``World`` when ``runtime.run_io`` reaches it, and returns the result.

``[Char]`` arguments arrive in WHNF and are forced the rest of the way when the
action runs: a path or message completely (``py_string``), a string being written
character by character as the ``World`` writes it, so that a failure half-way
leaves exactly GHC's output (See Note [Committing output like GHC] in
ifacedir.backend.world).

Lazy input (``hGetContents``, ``readFile``) is a list whose tail after each chunk is
a ``runtime.Thunk``: forcing it reads the next chunk (stdin) or builds the next
piece (a file, read at once but turned into list cells piece by piece), so
``interact`` runs incrementally and a long file never exists as one long list
before it is consumed. A decoding error is raised by the thunk that reaches it.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Final

from ifacedir.backend.prims import hs_string, py_string
from ifacedir.backend.runtime import (
    NIL,
    UNIT,
    Backend,
    Handle,
    HaskellError,
    HaskellExit,
    IOBind,
    IOErrorValue,
    IOPrim,
    IOReturn,
    Thunk,
    Value,
    from_bool,
)
from ifacedir.backend.world import World

__all__ = ["make_io_prims"]

_PIECE: Final = 8192  # characters of a file turned into list cells at a time


def make_io_prims(backend: Backend, world: World) -> dict[str, Callable[..., Value]]:
    """The IO entries of the primitive table (see ``prims.make_prims``)."""
    force = backend.force
    handles = {name: Handle(name) for name in ("stdin", "stdout", "stderr")}

    def chars(s: Value) -> Iterator[str]:
        # See Note [Walking strings] in ifacedir.backend.prims.
        cell = s if type(s) is tuple else force(s)
        while len(cell) == 3:
            c = cell[1]
            yield c if type(c) is str else force(c)
            cell = cell[2]
            if type(cell) is not tuple:
                cell = force(cell)

    def h_put_str(h: Handle, s: Value) -> Value:
        def run() -> Value:
            world.put_str(h.name, chars(s))
            return UNIT

        return IOPrim(run)

    def h_flush(h: Handle) -> Value:
        def run() -> Value:
            world.flush_handle(h.name)
            return UNIT

        return IOPrim(run)

    def h_set_buffering(h: Handle, mode: int) -> Value:
        def run() -> Value:
            world.set_buffering(h.name, mode)
            return UNIT

        return IOPrim(run)

    def h_get_contents(h: Handle) -> Value:
        def run() -> Value:
            world.start_contents(h.name)
            return _lazy_input(world)

        return IOPrim(run)

    def read_file(path: Value) -> Value:
        def run() -> Value:
            text, error = world.read_file(py_string(backend, path))
            return _lazy_text(text, error)

        return IOPrim(run)

    def write_file(path: Value, s: Value, *, append: bool) -> Value:
        def run() -> Value:
            world.write_file(py_string(backend, path), chars(s), append=append)
            return UNIT

        return IOPrim(run)

    def exit_with(status: int) -> Value:
        def run() -> Value:
            world.flush()
            raise HaskellExit(status)

        return IOPrim(run)

    def io_error(e: IOErrorValue) -> Value:
        def run() -> Value:
            raise HaskellError(e.shown)

        return IOPrim(run)

    get_args = IOPrim(lambda: _hs_list([hs_string(a) for a in world.args]))
    get_prog_name = IOPrim(lambda: hs_string(world.prog_name))
    return {
        "returnIO": IOReturn,
        "bindIO": IOBind,
        "stdin": lambda: handles["stdin"],
        "stdout": lambda: handles["stdout"],
        "stderr": lambda: handles["stderr"],
        "hPutStr": h_put_str,
        "hFlush": h_flush,
        "hSetBuffering": h_set_buffering,
        "hGetLine": lambda h: IOPrim(lambda: hs_string(world.get_line(h.name))),
        "hGetChar": lambda h: IOPrim(lambda: world.get_char(h.name)),
        "hGetContents": h_get_contents,
        "hIsEOF": lambda h: IOPrim(lambda: from_bool(world.is_eof(h.name))),
        "readFile": read_file,
        "writeFile": lambda path, s: write_file(path, s, append=False),
        "appendFile": lambda path, s: write_file(path, s, append=True),
        "getArgs": lambda: get_args,
        "getProgName": lambda: get_prog_name,
        "exitWith": exit_with,
        "userError": lambda s: IOErrorValue(f"user error ({py_string(backend, s)})"),
        "ioError": io_error,
        "showIOError": lambda e: hs_string(e.shown),
    }


def _hs_list(items: list[Value]) -> Value:
    cell: Value = NIL
    for item in reversed(items):
        cell = (1, item, cell)
    return cell


def _lazy_input(world: World) -> Thunk:
    """stdin from here on, as a list read one chunk per forced tail."""

    def code() -> Value:
        chunk = world.next_chunk()
        return NIL if chunk is None else hs_string(chunk, Thunk(code))

    return Thunk(code)


def _lazy_text(text: str, error: str | None) -> Thunk:
    """``text`` as a list built ``_PIECE`` characters at a time, ending in a thunk
    that raises ``error`` if there is one."""

    def piece(start: int) -> Value:
        if start >= len(text):
            if error is not None:
                raise HaskellError(error)
            return NIL
        end = start + _PIECE
        return hs_string(text[start:end], Thunk(lambda: piece(end)))

    return Thunk(lambda: piece(0))
