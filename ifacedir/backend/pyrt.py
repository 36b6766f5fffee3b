"""Runtime support for the modules the Python code generator writes.

The generated modules (ifacedir.backend.python_emit) import everything they need
beyond the builtins from here: the thunk class and ``force``, the generic
application of unknown functions, partial applications, and the helpers the loader
(ifacedir.backend.python_load) uses to link modules together. Values are those of
ifacedir.backend.runtime; this module adds the backend's own two:

* a **thunk** is a ``PThunk``, a ``runtime.Thunk`` whose ``code`` is a zero-argument
  Python function returning the value in WHNF (never another thunk). The generated
  code makes one with ``t = PThunk(); t.code = <function>`` (See Note [Making
  thunks]); ``force`` evaluates it once and updates it in place, and also accepts the
  ``runtime.Thunk`` objects primitives make (lazy input), whose code may return a
  thunk.
* a **function** is a plain Python function whose first default argument is its
  arity: ``def f(x, y, _n=2)``. See Note [Function values are Python functions].

``apply_fn(k)`` gives ``A<k>(f, a1, ..., ak)``, the application of an unknown
function value to k arguments (exact, partial or over-application; ``f`` may be a
thunk). ``pap_fn(n, k)`` gives the maker of partial applications, ``adapter(f, k)``
a function of exactly k arguments that calls ``f`` (the linker binds an import used
with k arguments to it when ``f`` does not take exactly k), ``forwarder`` a thunk
standing for a global not loaded yet (module cycles). The helpers for each arity are
Python source generated here and compiled once per process (``_compile``): they must
be plain functions with fixed parameter lists, See Note [Only plain calls on the deep
path].

Note [Function values are Python functions]
~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~
Known calls, to a top-level or local function applied to exactly its arity, are
direct Python calls ``f(a, b)``: the common case, and the fastest call CPython has.
Unknown calls need the arity of a function value, and reading it must be cheap. A
Haskell function is therefore the Python function itself, with its arity as its
first default argument, ``_n``: ``f.__defaults__[0]`` is two fast attribute loads,
where ``f.__code__.co_argcount`` costs twice as much (measured), and a wrapper object
holding the arity would cost an allocation per closure and an extra attribute load
per call. Values a lambda captures are further default arguments (``def g(x, _n=1,
y=y)``), copied when the ``def`` runs, so the enclosing function's variables stay
fast locals and a lambda made in a loop keeps the values of its own iteration.
Callers never pass more positional arguments than the arity, so the defaults are
never overwritten. Partial applications are functions of the same kind
(``lambda b, _n=1, f=f, a=a: f(a, b)``), so an unknown call only ever sees one
type: ``type(f) is FunctionType``, or a thunk to force first.

Note [Only plain calls on the deep path]
~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~
Evaluation recurses in Python: forcing a thunk calls its code, a non-tail call is a
Python call. CPython 3.11 runs a call from Python code to a Python function without
using the C stack, so a million-deep recursion needs only a high recursion limit
(ifacedir.backend.python_load runs programs on a thread set up for it). Every other
kind of call re-enters the C evaluator and takes C stack per level: calling an
object with ``__call__``, a class with a Python ``__init__``, ``functools.partial``,
``f(*args)``, a builtin calling back (``map``, ``sorted(key=)``), a property. So
``force``, the ``A<k>`` helpers, partial applications and adapters are plain
functions with fixed parameters, thunks are made without a Python ``__init__``, and
nothing here calls Python code through a C builtin.

Note [Making thunks]
~~~~~~~~~~~~~~~~~~~~
``PThunk()`` runs no Python code (``__init__`` is ``object.__init__``), and setting
``code`` afterwards costs one attribute store: measured, half the cost of
``Thunk(code)``, whose ``__init__`` is a Python function. ``value`` is left unset
until the thunk is evaluated: nothing reads it while ``code`` is not None.

Note [Blackholes in the Python backend]
~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~
While a thunk is being evaluated its ``code`` is ``blackhole``, which raises
``<<loop>>`` (as the reference interpreter does, See Note [Blackholes] in
ifacedir.backend.interp): forcing a thunk whose value depends on itself stops the
program instead of recursing forever. If the evaluation ends with an exception, the
thunk gets its code back, so forcing it again starts over.
"""

from __future__ import annotations

import math
import types
from collections.abc import Callable
from typing import Any, Final

from ifacedir.backend.prims import hs_string
from ifacedir.backend.runtime import FALSE, NIL, TRUE, UNIT, HaskellError, Thunk, Value

__all__ = [
    "FALSE",
    "INF",
    "NIL",
    "TRUE",
    "UNIT",
    "FunctionType",
    "PThunk",
    "PyBackendError",
    "adapter",
    "apply_fn",
    "arity_of",
    "blackhole",
    "con_builder",
    "delay_fn",
    "error_thunk",
    "force",
    "forwarder",
    "int_wrap",
    "lazy_string",
    "not_a_function",
    "pap_fn",
]

FunctionType: Final = types.FunctionType
INF: Final = math.inf

_SIGN: Final = 1 << 63
_MASK: Final = (1 << 64) - 1


class PyBackendError(Exception):
    """Core the Python backend cannot compile, link or run (an unknown variable,
    constructor or primitive, a wrong arity, a value applied that is not a function):
    a compiler bug, not a Haskell runtime error. The message names the module."""


class PThunk(Thunk):
    """The backend's thunk: ``code`` returns a WHNF value. See Note [Making thunks]."""

    __slots__ = ()
    __init__ = object.__init__

    def __repr__(self) -> str:
        if self.code is None:
            return f"<thunk = {self.value!r}>"
        return "<thunk>"


def blackhole() -> Value:
    """The code of a thunk being evaluated. See Note [Blackholes in the Python backend]."""
    raise HaskellError("<<loop>>")


def force(x: Value) -> Value:
    """``x`` in weak head normal form."""
    if type(x) is PThunk:
        code = x.code
        if code is None:
            return x.value
        x.code = blackhole
        try:
            v = code()
        except BaseException:
            x.code = code
            raise
        x.value = v
        x.code = None
        return v
    if isinstance(x, Thunk):
        return _force_other(x)
    return x


def _force_other(x: Thunk) -> Value:
    """A thunk of another kind (a primitive's): its code may return a thunk."""
    code = x.code
    if code is None:
        return x.value
    x.code = blackhole
    try:
        v = code()
        if isinstance(v, Thunk):
            v = force(v)
    except BaseException:
        x.code = code
        raise
    x.value = v
    x.code = None
    return v


def int_wrap(r: int) -> int:
    """``r`` brought back into [-2^63, 2^63) (Note [Fast Int wrapping] in
    ifacedir.backend.prims)."""
    return ((r + _SIGN) & _MASK) - _SIGN


def lazy_string(s: str) -> Value:
    """A string literal: a thunk building the whole list when first forced."""
    if not s:
        return NIL
    t: PThunk = PThunk()
    t.code = lambda: hs_string(s)
    return t


def error_thunk(message: str) -> Value:
    """A thunk that fails with ``message`` (a pattern-match failure in a lazy place)."""

    def fail() -> Value:
        raise HaskellError(message)

    t: PThunk = PThunk()
    t.code = fail
    return t


def not_a_function(f: Value) -> PyBackendError:
    return PyBackendError(f"applied a value that is not a function: {f!r}")


def arity_of(f: Value) -> int:
    """The arity of a function value (0 for anything else)."""
    if type(f) is FunctionType and f.__defaults__:
        n = f.__defaults__[0]
        if type(n) is int:
            return n
    return 0


# --- Generated helpers -----------------------------------------------------------------
# See Note [Only plain calls on the deep path]: each helper is a plain function with a
# fixed parameter list, written as source for its arities and compiled once.

_HELPERS: dict[str, Any] = {}
_NAMESPACE: dict[str, Any] = {
    "FunctionType": FunctionType,
    "PThunk": PThunk,
    "force": force,
    "not_a_function": not_a_function,
}


def _compile(name: str, source: str) -> Any:
    got = _HELPERS.get(name)
    if got is None:
        exec(compile(source, f"<pyrt:{name}>", "exec"), _NAMESPACE)
        got = _HELPERS[name] = _NAMESPACE[name]
    return got


def _params(prefix: str, n: int, start: int = 1) -> str:
    return ", ".join(f"{prefix}{i}" for i in range(start, start + n))


def apply_fn(k: int) -> Callable[..., Value]:
    """``A<k>(f, a1, ..., ak)``: the unknown function value ``f`` (maybe a thunk)
    applied to k arguments; the result is in WHNF."""
    if k < 1:
        raise ValueError("an application has at least one argument")
    name = f"A{k}"
    if name in _HELPERS:
        result: Callable[..., Value] = _HELPERS[name]
        return result
    for j in range(1, k):  # the smaller ones, which over-application uses
        apply_fn(j)
    args = _params("a", k)
    lines = [
        f"def {name}(f, {args}):",
        "    if type(f) is not FunctionType:",
        "        f = force(f)",
        "        if type(f) is not FunctionType:",
        "            raise not_a_function(f)",
        "    n = f.__defaults__[0]",
        f"    if n == {k}:",
        f"        return f({args})",
    ]
    for n in range(1, k):
        rest = _params("a", k - n, n + 1)
        lines += [f"    if n == {n}:", f"        return A{k - n}(f({_params('a', n)}), {rest})"]
    lines.append(f"    return pap_fn(n, {k})(f, {args})")
    return _compile(name, "\n".join(lines) + "\n")  # type: ignore[no-any-return]


def pap_fn(n: int, k: int) -> Callable[..., Value]:
    """``P<n>_<k>(f, a1, ..., ak)``: the function of arity ``n - k`` that is ``f`` (of
    arity ``n``) applied to k arguments."""
    if not 0 < k < n:
        raise ValueError(f"no partial application of {k} arguments to arity {n}")
    name = f"P{n}_{k}"
    if name in _HELPERS:
        result: Callable[..., Value] = _HELPERS[name]
        return result
    given = _params("a", k)
    rest = _params("b", n - k)
    captured = ", ".join(f"a{i}=a{i}" for i in range(1, k + 1))
    source = (
        f"def {name}(f, {given}):\n"
        f"    return lambda {rest}, _n={n - k}, f=f, {captured}: f({given}, {rest})\n"
    )
    return _compile(name, source)  # type: ignore[no-any-return]


def delay_fn(k: int) -> Callable[..., Value]:
    """``D<k>(f, a1, ..., ak)``: a thunk of ``f(a1, ..., ak)`` (``f`` a function of
    exactly k arguments returning WHNF)."""
    name = f"D{k}"
    if name in _HELPERS:
        result: Callable[..., Value] = _HELPERS[name]
        return result
    args = _params("a", k)
    captured = ", ".join(f"a{i}=a{i}" for i in range(1, k + 1))
    source = (
        f"def {name}(f, {args}):\n"
        "    t = PThunk()\n"
        f"    t.code = lambda f=f, {captured}: f({args})\n"
        "    return t\n"
    )
    return _compile(name, source)  # type: ignore[no-any-return]


def adapter(f: Value, k: int) -> Callable[..., Value]:
    """A function of exactly k arguments computing ``f a1 ... ak`` in WHNF: ``f``
    itself when it is a function of arity k, else a wrapper (a function of another
    arity, a thunk such as a CAF, a forwarder)."""
    n = arity_of(f)
    if n == k:
        result: Callable[..., Value] = f
        return result
    args = _params("a", k)
    if 0 < n < k:  # over-application of a known function: split here, once
        name = f"O{n}_{k}"
        rest = _params("a", k - n, n + 1)
        apply_fn(k - n)
        source = (
            f"def {name}(f):\n"
            f"    def call({args}, _n={k}, f=f):\n"
            f"        g = f({_params('a', n)})\n"
            f"        if type(g) is FunctionType and g.__defaults__[0] == {k - n}:\n"
            f"            return g({rest})\n"
            f"        return A{k - n}(g, {rest})\n"
            "    return call\n"
        )
        wrapped: Callable[..., Value] = _compile(name, source)(f)
        return wrapped
    elif n > k:
        name = f"U{n}_{k}"
        body = f"P{n}_{k}(f, {args})"
        _NAMESPACE[f"P{n}_{k}"] = pap_fn(n, k)
    else:
        name = f"W{k}"
        body = f"A{k}(f, {args})"
        apply_fn(k)
    source = f"def {name}(f):\n    return lambda {args}, _n={k}, f=f: {body}\n"
    maker = _compile(name, source)
    made: Callable[..., Value] = maker(f)
    return made


def forwarder(lookup: Callable[[], Value]) -> PThunk:
    """A thunk standing for a global that is not loaded yet: its value is the
    global's, looked up when first forced (``lookup`` must not recurse deeply)."""
    t: PThunk = PThunk()
    t.code = lambda: force(lookup())
    return t


def con_builder(tag: int, strict: tuple[bool, ...]) -> Value:
    """A constructor as a value: its nullary value, or a function of its fields that
    builds it (forcing the strict ones, left to right)."""
    arity = len(strict)
    if arity == 0:
        return (tag,)
    params = _params("a", arity)
    fields = ", ".join(f"force(a{i + 1})" if s else f"a{i + 1}" for i, s in enumerate(strict))
    flags = "".join("s" if s else "l" for s in strict)
    name = f"C{tag}_{flags}"
    source = f"def {name}({params}, _n={arity}):\n    return ({tag}, {fields})\n"
    return _compile(name, source)


_NAMESPACE["pap_fn"] = pap_fn
