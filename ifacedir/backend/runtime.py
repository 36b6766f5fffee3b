"""Runtime values shared by every backend, and the IO runner.

A backend evaluates Core (spec/CORE.md); the primitives (ifacedir.backend.prims)
and the IO runner below are written once and used by all backends, so every backend
represents the values they exchange the same way (spec/CORE.md §6):

==============  ===========================================================================
Haskell         Python
==============  ===========================================================================
``Int``         ``int`` in [-2^63, 2^63) (primitives wrap)
``Integer``     ``int``
``Double``      ``float``; ``Float`` a ``float`` exactly representable in binary32
``Char``        ``str`` of length 1 (lone surrogates included)
constructor     ``tuple``: the constructor's tag, then its fields (values or thunks);
                a nullary constructor is a 1-tuple: ``False == (0,)``, ``True == (1,)``,
                ``[] == (0,)``, ``x : xs == (1, x, xs)``, ``(a, b) == (0, a, b)``
function        backend-specific; primitives reach it only through ``Backend.apply``
thunk           ``Thunk`` (or a backend's subclass); ``Backend.force`` gives its value
``IO a``        ``IOReturn`` / ``IOBind`` / ``IOPrim`` (below), run by ``run_io``
``Handle``      ``Handle``; ``IOError`` an ``IOErrorValue``
==============  ===========================================================================

A value in weak head normal form (WHNF) is anything but a ``Thunk``.

Errors: evaluating ``error``, a failed pattern match or an uncaught ``IOError`` raises
``HaskellError`` with the message GHC prints after ``<prog>: ``; ``exitWith`` raises
``HaskellExit``. ``ifacedir run`` turns them into stderr output and an exit status.

Note [IO runs in a loop]
~~~~~~~~~~~~~~~~~~~~~~~~
``mapM_ print [1 .. 1000000]`` is a chain of a million ``>>=``. If running
``m >>= k`` called the runner recursively on ``k x``, the Python stack would grow
with every action. ``IO`` values are therefore data, and ``run_io`` keeps the
continuations of pending binds on a list: the Python stack stays flat however long
the program runs, and left-nested binds (``(a >> b) >> c``) are fine too.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Final, Protocol

__all__ = [
    "FALSE",
    "NIL",
    "TRUE",
    "UNIT",
    "Backend",
    "Handle",
    "HaskellError",
    "HaskellExit",
    "IOBind",
    "IOErrorValue",
    "IOPrim",
    "IOReturn",
    "Thunk",
    "from_bool",
    "run_io",
]

Value = Any
"""A runtime value: see the module docstring's table."""

FALSE: Final = (0,)
TRUE: Final = (1,)
NIL: Final = (0,)
UNIT: Final = (0,)
CONS_TAG: Final = 1


def from_bool(b: bool) -> tuple[int]:
    return TRUE if b else FALSE


class HaskellError(Exception):
    """The program stopped with an error: ``message`` is what follows ``<prog>: ``."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class HaskellExit(Exception):
    """``exitWith``: the program ends with ``status``."""

    def __init__(self, status: int) -> None:
        super().__init__(status)
        self.status = status


class Thunk:
    """A suspended computation, updated in place with its value when first forced.

    ``code`` is a zero-argument callable giving the value (WHNF, or another thunk to
    force in turn); it is None once evaluated, and ``value`` holds the result.
    Backends may subclass it (the interpreter's thunks hold an expression and an
    environment instead) but must keep ``value`` and the meaning of ``code is None``.
    """

    __slots__ = ("code", "value")

    def __init__(self, code: Callable[[], Value] | None, value: Value = None) -> None:
        self.code = code
        self.value = value


class Backend(Protocol):
    """What primitives and the IO runner need from a backend."""

    def force(self, v: Value) -> Value:
        """``v`` evaluated to WHNF (never a ``Thunk``)."""
        ...

    def apply(self, f: Value, arg: Value) -> Value:
        """The function value ``f`` applied to ``arg`` (the result may be a thunk)."""
        ...


class IOReturn:
    """``return value``. (Plain slotted classes, not dataclasses: IO programs build
    millions of these, and a frozen dataclass's ``__init__`` costs several times more.)"""

    __slots__ = ("value",)

    def __init__(self, value: Value) -> None:
        self.value = value


class IOBind:
    """``action >>= cont``: ``action`` an IO value or thunk, ``cont`` a function value."""

    __slots__ = ("action", "cont")

    def __init__(self, action: Value, cont: Value) -> None:
        self.action = action
        self.cont = cont


class IOPrim:
    """A primitive action: ``run()`` performs it and returns its result."""

    __slots__ = ("run",)

    def __init__(self, run: Callable[[], Value]) -> None:
        self.run = run


class Handle:
    """One of the standard handles (``stdin``, ``stdout``, ``stderr``)."""

    __slots__ = ("name",)

    def __init__(self, name: str) -> None:
        self.name = name

    def __repr__(self) -> str:
        return f"<handle {self.name}>"


@dataclass(frozen=True, slots=True)
class IOErrorValue:
    """An ``IOError``: ``shown`` is GHC's ``show`` of it (``user error (boom)``)."""

    shown: str


def run_io(backend: Backend, action: Value) -> Value:
    """Run an IO action to its result. See Note [IO runs in a loop]."""
    force = backend.force
    pending: list[Value] = []
    current = action
    while True:
        io = force(current)
        if type(io) is IOBind:
            pending.append(io.cont)
            current = io.action
            continue
        result = io.value if type(io) is IOReturn else io.run()
        if not pending:
            return result
        current = backend.apply(pending.pop(), result)
