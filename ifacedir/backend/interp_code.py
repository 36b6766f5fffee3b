"""The reference interpreter's internal form: compiled code and runtime objects.

``ifacedir.backend.interp_compile`` turns Core into the classes below, once per
binding; ``ifacedir.backend.interp`` runs them. Nothing here is meant for other
modules: it is the vocabulary the two share.

* **Code** (what an expression becomes). Every class has an integer ``op`` that the
  machine's loop dispatches on, and its operands already resolved: a variable is an
  index into the activation's environment (``Local``) or the value itself (``Const``:
  a literal, or the object of a top-level binding); a case's alternatives sit in a
  list indexed by constructor tag or a dict keyed by literal value. See
  Note [Environments are flat] for what an environment holds.
* **Atoms** (what an argument becomes): a pair ``(kind, operand)``, built into a
  value without evaluating anything (``build_one``, ``ArgsCode``). Constructor fields,
  primitive arguments and let right-hand sides are atoms too.
* **Runtime objects**: ``IThunk`` (a runtime ``Thunk`` holding code and captured
  values), ``Closure`` (a ``LamCode`` and its captured values), ``Pap`` (a closure
  applied to too few arguments); and the ``StrictFrame`` tuples of the machine's
  stack (a constructor or primitive call waiting for its strict arguments).

Note [Environments are flat]
~~~~~~~~~~~~~~~~~~~~~~~~~~~~
Every lambda body and every thunk body is an *activation* with its own environment,
a Python sequence laid out as

    [captured variables..., parameters..., locals...]

where the captured variables are exactly the body's free local variables, copied out
of the creator's environment when the closure or thunk is built (``cap`` says which
slots), and "locals" are the variables bound inside the body (let, letrec, case
binders and fields) that are not in an inner lambda or thunk. So a variable is always
one indexing operation away, and a closure or thunk keeps alive only what it can
use: a thunk ``acc + x`` built while walking a list holds ``acc`` and ``x``, not the
rest of the list (the space leak a shared, linked environment would have).

Slots are allocated like a stack: a variable's slot is released when its scope ends,
so the alternatives of one case, or two successive scrutinees, reuse the same slots.
That is safe because an environment is only ever used by code of its own activation,
which runs sequentially: a scope that has ended has finished evaluating, and anything
that outlives it (a closure, a thunk) has copied what it needs.

A lambda's environment is a fresh list made at each call (``pad`` holds the ``None``s
that extend it to the locals). A thunk's is the tuple of its captured values when
its body binds nothing (nothing writes it), otherwise a list made when it is entered.
A case alternative with fields binds the whole constructor value with one slice
assignment, ``env[start:stop] = (tag, field1, ...)``: its block of slots starts
with one for the tag, which nothing reads.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Final, TypeAlias

from ifacedir.backend.runtime import Thunk

__all__ = [
    "APP",
    "A_CON",
    "A_CONST",
    "A_EVAL",
    "A_LAM",
    "A_LOCAL",
    "A_THUNK",
    "BLACKHOLE",
    "CASE",
    "CON",
    "CONST",
    "FAIL",
    "LAM",
    "LET",
    "LETREC",
    "LOCAL",
    "MODE_CON",
    "MODE_DEFAULT",
    "MODE_LIT",
    "PENDING",
    "PRIM",
    "Alt",
    "AppCode",
    "ArgsCode",
    "Atom",
    "CaseCode",
    "Closure",
    "Code",
    "ConCode",
    "Const",
    "Env",
    "FailCode",
    "IThunk",
    "InterpError",
    "LamCode",
    "LetCode",
    "LetRecCode",
    "Local",
    "Pap",
    "PrimCode",
    "StrictFrame",
    "ThunkCode",
    "build_one",
    "fill_rest",
    "gather",
    "make_thunk",
]

Env: TypeAlias = Any
"""An activation's environment: a ``list`` (it has locals) or a ``tuple`` (it has none)."""

Capture: TypeAlias = Any
"""Which slots a closure copies: None (none), an ``int`` (one), an ``itemgetter``."""


class InterpError(Exception):
    """Core the interpreter cannot run (an unbound variable, an unknown constructor or
    primitive, a wrong arity, a non-function applied): a compiler bug, not a Haskell
    runtime error."""


# --- Code --------------------------------------------------------------------------------

LOCAL: Final = 0
CONST: Final = 1
APP: Final = 2
CASE: Final = 3
PRIM: Final = 4
CON: Final = 5
LET: Final = 6
LAM: Final = 7
LETREC: Final = 8
FAIL: Final = 9


class Code:
    """Base of compiled expressions; ``op`` is one of the constants above."""

    __slots__ = ("op",)
    op: int


class ArgsCode(Code):
    """Code that builds a list of values from atoms (an application's arguments, a
    constructor's fields, a primitive's arguments), split for speed: ``tmpl`` is the
    list with the constants in place, ``locs`` the ``(position, slot)`` of the
    variables, ``rest`` the ``(position, kind, operand)`` of the atoms that allocate
    (``fill_rest``). So the machine builds them with a list copy and a loop over
    variables, with no call in the common case."""

    __slots__ = ("args", "locs", "rest", "tmpl")

    def set_args(self, atoms: tuple[Atom, ...], prefix: tuple[Any, ...]) -> None:
        self.args = atoms
        tmpl: list[Any] = list(prefix)
        locs: list[tuple[int, int]] = []
        rest: list[tuple[int, int, Any]] = []
        for kind, x in atoms:
            if kind == A_CONST:
                tmpl.append(x)
                continue
            if kind == A_LOCAL:
                locs.append((len(tmpl), x))
            else:
                rest.append((len(tmpl), kind, x))
            tmpl.append(None)
        self.tmpl = tmpl
        self.locs = tuple(locs)
        self.rest = tuple(rest)


class Local(Code):
    """A variable held in the environment at ``slot``."""

    __slots__ = ("slot",)

    def __init__(self, slot: int) -> None:
        self.op = LOCAL
        self.slot = slot


class Const(Code):
    """A value known when compiling: a literal, or a top-level binding's object
    (a ``Closure``, or an ``IThunk`` for a CAF)."""

    __slots__ = ("value",)

    def __init__(self, value: Any) -> None:
        self.op = CONST
        self.value = value


class AppCode(ArgsCode):
    """``fun`` applied to the values of ``args`` (atoms; see ``ArgsCode``)."""

    __slots__ = ("fun",)

    def __init__(self, fun: Code, args: tuple[Atom, ...]) -> None:
        self.op = APP
        self.fun = fun
        self.set_args(args, ())


class LamCode(Code):
    """A lambda: evaluated, it is a ``Closure`` of itself and the values of the slots
    ``cap`` of the current environment. Its body runs in an environment
    ``[*captured, *arguments, *pad]``. Top-level functions are filled in (``body``,
    ``pad``) after their ``Closure`` exists, so that references can point at it."""

    __slots__ = ("arity", "body", "cap", "name", "pad")

    def __init__(self, name: str, arity: int) -> None:
        self.op = LAM
        self.name = name
        self.arity = arity
        self.body: Code = FailCode(f"internal: {name} used before it was compiled")
        self.pad: tuple[None, ...] = ()
        self.cap: Capture = None


class ThunkCode:
    """The code of a thunk: ``body`` runs in ``[*captured, *pad]``. Not an expression
    (no ``op``): it is what an ``IThunk``'s ``code`` points at. It is callable only to
    fit ``runtime.Thunk.code``'s type: only the machine runs it, and calling it is an
    error (a primitive must use ``Backend.force``)."""

    __slots__ = ("body", "cap", "pad")

    def __init__(self, body: Code, pad: tuple[None, ...], cap: Capture) -> None:
        self.body = body
        self.pad = pad
        self.cap = cap

    def __call__(self) -> Any:
        raise InterpError("an interpreter thunk's code was called; use Backend.force")


Alt: TypeAlias = tuple[Code, int, int]
"""An alternative: its right-hand side and the slice ``[start:stop]`` of the environment
that receives the whole constructor value (tag slot, then the fields); ``start == -1``
when nothing is bound."""

MODE_CON: Final = 0
MODE_LIT: Final = 1
MODE_DEFAULT: Final = 2


class CaseCode(Code):
    """``case scrut of binder { alts }``: ``mode`` says where the alternative is found
    (``table[tag]``, ``lits.get(value, default)``, or always ``default``); ``None`` in
    the table, or as the default, means no alternative matches."""

    __slots__ = ("bslot", "default", "lits", "mode", "scrut", "table")

    def __init__(
        self,
        scrut: Code,
        bslot: int,
        mode: int,
        table: list[Alt | None],
        lits: dict[Any, Alt],
        default: Alt | None,
    ) -> None:
        self.op = CASE
        self.scrut = scrut
        self.bslot = bslot
        self.mode = mode
        self.table = table
        self.lits = lits
        self.default = default


class LetCode(Code):
    """``let`` (non-recursive): the value of ``atom`` goes to ``slot``, then ``body``."""

    __slots__ = ("atom", "body", "slot")

    def __init__(self, slot: int, atom: Atom, body: Code) -> None:
        self.op = LET
        self.slot = slot
        self.atom = atom
        self.body = body


class LetRecCode(Code):
    """``letrec``: ``binds`` are ``(slot, atom)`` pairs whose atoms are lambdas, thunks
    or constants; see Note [Tying the knot] in ifacedir.backend.interp."""

    __slots__ = ("binds", "body")

    def __init__(self, binds: tuple[tuple[int, Atom], ...], body: Code) -> None:
        self.op = LETREC
        self.binds = binds
        self.body = body


class ConCode(ArgsCode):
    """A saturated constructor application: the value is ``(tag, *fields)``. ``sidx``
    lists the positions (in that tuple) of the strict fields, evaluated before it is
    built; ``exprs[i]`` is the code of a strict field evaluated in place (atom
    ``A_EVAL``)."""

    __slots__ = ("exprs", "sidx", "tag")

    def __init__(
        self,
        tag: int,
        args: tuple[Atom, ...],
        sidx: tuple[int, ...],
        exprs: tuple[Code | None, ...],
    ) -> None:
        self.op = CON
        self.tag = tag
        self.set_args(args, (tag,))
        self.sidx = sidx
        self.exprs = exprs


class PrimCode(ArgsCode):
    """A saturated primitive call ``fn(*args)``: ``sidx`` lists the strict argument
    positions, ``exprs`` as for ``ConCode``."""

    __slots__ = ("entity", "exprs", "fn", "sidx")

    def __init__(
        self,
        entity: str,
        fn: Callable[..., Any],
        args: tuple[Atom, ...],
        sidx: tuple[int, ...],
        exprs: tuple[Code | None, ...],
    ) -> None:
        self.op = PRIM
        self.entity = entity
        self.fn = fn
        self.set_args(args, ())
        self.sidx = sidx
        self.exprs = exprs


class FailCode(Code):
    """``PatError``: evaluating it raises ``HaskellError(message)``."""

    __slots__ = ("message",)

    def __init__(self, message: str) -> None:
        self.op = FAIL
        self.message = message


# --- Atoms -------------------------------------------------------------------------------

A_LOCAL: Final = 0  # operand: a slot
A_CONST: Final = 1  # operand: the value
A_THUNK: Final = 2  # operand: a ThunkCode; builds an IThunk
A_LAM: Final = 3  # operand: a LamCode; builds a Closure
A_CON: Final = 4  # operand: (tag, atoms of kind A_LOCAL / A_CONST); builds the tuple
A_EVAL: Final = 5  # operand: a Code; a strict argument evaluated in place (PENDING)

Atom: TypeAlias = tuple[int, Any]

PENDING: Final = object()
"""Placeholder for an ``A_EVAL`` argument not evaluated yet."""


# --- Runtime objects ---------------------------------------------------------------------


class IThunk(Thunk):
    """An interpreter thunk: ``code`` a ``ThunkCode``, ``env`` its captured values.
    After evaluation ``code`` is None, ``value`` the result and ``env`` is dropped;
    while being evaluated ``code`` is ``BLACKHOLE`` and ``value`` holds the code
    (See Note [Blackholes] in ifacedir.backend.interp).

    Made by ``make_thunk``: ``IThunk()`` and three stores cost half of a Python
    ``__init__`` (CPython), and the machine makes one thunk per lazy argument."""

    __slots__ = ("env",)
    env: Env
    __init__ = object.__init__

    def __repr__(self) -> str:
        if self.code is None:
            return f"<thunk = {self.value!r}>"
        return "<thunk>"


def make_thunk(code: ThunkCode, env: Env) -> IThunk:
    """A new, unevaluated ``IThunk``."""
    t: IThunk = IThunk()
    t.code = code
    t.value = None
    t.env = env
    return t


BLACKHOLE: Final = ThunkCode(FailCode("<<loop>>"), (), None)
"""What a thunk's ``code`` is while it is being evaluated."""


class Closure:
    """A function value: a lambda's code and the values it captured."""

    __slots__ = ("code", "env")

    def __init__(self, code: LamCode, env: tuple[Any, ...]) -> None:
        self.code = code
        self.env = env

    def __repr__(self) -> str:
        return f"<function {self.code.name}/{self.code.arity}>"


class Pap:
    """A partial application: ``fun`` applied to ``args``, fewer than its arity."""

    __slots__ = ("args", "fun")

    def __init__(self, fun: Closure, args: list[Any]) -> None:
        self.fun = fun
        self.args = args

    def __repr__(self) -> str:
        return f"<function {self.fun.code.name}/{self.fun.code.arity} applied to {len(self.args)}>"


StrictFrame: TypeAlias = tuple[ConCode | PrimCode, Env, list[Any], int]
"""A continuation ``(code, env, vals, pos)``: ``code`` (a ``ConCode`` or ``PrimCode``)
waits, in ``env``, for the strict argument ``code.sidx[pos]``; ``vals`` holds the
arguments so far. A tuple: the cheapest object CPython makes."""


def gather(cap: Capture, env: Env) -> tuple[Any, ...]:
    """The values a closure or thunk captures from ``env``."""
    if cap is None:
        return ()
    if type(cap) is int:
        return (env[cap],)
    result: tuple[Any, ...] = cap(env)
    return result


def fill_rest(out: list[Any], rest: tuple[tuple[int, int, Any], ...], env: Env) -> None:
    """Store in ``out`` the values of the allocating atoms ``rest`` (``ArgsCode``)."""
    for pos, kind, x in rest:
        if kind == A_THUNK:  # the common case, inlined: make_thunk(x, gather(x.cap, env))
            t = IThunk()
            t.code = x
            t.value = None
            cap = x.cap
            t.env = () if cap is None else (env[cap],) if type(cap) is int else cap(env)
            out[pos] = t
        else:
            out[pos] = build_one(kind, x, env)


def build_one(kind: int, x: Any, env: Env) -> Any:
    """The value of the atom ``(kind, x)`` in ``env``, evaluating nothing."""
    if kind == A_THUNK:  # make_thunk(x, gather(x.cap, env)), inlined
        t = IThunk()
        t.code = x
        t.value = None
        cap = x.cap
        t.env = () if cap is None else (env[cap],) if type(cap) is int else cap(env)
        return t
    if kind == A_LOCAL:
        return env[x]
    if kind == A_CONST:
        return x
    if kind == A_LAM:
        return Closure(x, gather(x.cap, env))
    if kind == A_CON:
        tag, fields = x
        return (tag, *[env[y] if k == A_LOCAL else y for k, y in fields])
    return PENDING
