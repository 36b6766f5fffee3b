"""The reference lazy Core interpreter (spec/CORE.md §3): call-by-need, on an explicit
stack.

``Interpreter(modules, world)`` takes every module of a program (package base
included) in dependency order; their top-level bindings form one global environment
keyed by their global ``Name``. It implements ``runtime.Backend`` (``force``,
``apply``), so the primitives and the IO runner can call back into it, and
``global_value(name)`` gives a top-level binding's value. ``run_program(modules,
entry, world)`` runs ``main`` and returns the exit status.

Top-down:

1. **Compile once.** ``interp_compile.Compiler`` turns each right-hand side the program
   can reach into the internal form of ``interp_code``: variables resolved to
   environment slots or to values, case alternatives in tables, arguments as
   "atoms" built without evaluation. See Note [Environments are flat] in
   ifacedir.backend.interp_code.
2. **Run on an abstract machine.** ``_eval`` is one loop with three registers (the
   code being evaluated, its environment, the value just computed) and a Python list
   of continuation frames; see Note [The machine]. Evaluation never recurses in
   Python, so a million-deep chain of thunks or a non-tail-recursive ``length`` of a
   million elements costs list entries, not stack.
3. **Call-by-need.** A thunk is entered at most once: it is blackholed, an update
   frame is pushed, and its value overwrites it when the frame is reached (sharing);
   see Note [Blackholes]. Top-level non-functions are such thunks (CAFs).
4. **Re-entry.** Primitives receive strict arguments already evaluated; when one of
   them needs more (deep-forcing a string, running IO), it calls ``force`` or
   ``apply``, and ``force`` runs a new loop with its own stack. That is the only
   nesting, bounded by what primitives do, not by the program's recursion.

String literals are unpacked eagerly, once: the literal is a thunk that builds the
whole list the first time it is forced, shared by every later evaluation.

Note [The machine]
~~~~~~~~~~~~~~~~~~
An eval/apply machine. The loop alternates two phases:

* **eval**: dispatch on ``code.op``. Constructs that produce a value at once
  (a variable, a constant, a lambda, a lazy constructor application, a primitive
  whose strict arguments are values) set ``v``; the others push a frame and go on
  with a sub-expression (a case pushes its environment and itself, then evaluates
  the scrutinee; an application builds its arguments, pushes them, then evaluates
  the function) or go on with a body (let, letrec). A function already evaluated
  (a top-level one, say) applied to at least its arity is entered directly, with no
  frame but the extra arguments; a case on a variable already evaluated chooses its
  alternative directly.
* **return**: ``v`` is entered if it is an unevaluated thunk; otherwise the top frame
  receives it. Frames are told apart by their Python type:

  - a ``CaseCode`` (its environment below it): bind the case binder and the fields
    of the chosen alternative, evaluate its right-hand side;
  - a thunk: an update frame (Note [Blackholes]);
  - a ``list``: pending arguments. A ``Closure`` of arity n applied to k arguments
    is entered when k == n, becomes a ``Pap`` when k < n, and when k > n is entered
    with the first n while the rest stay pushed for its result;
  - a ``tuple`` (``StrictFrame``): a constructor or primitive call collecting its strict
    arguments left to right; the last one arriving builds the value or calls the
    primitive.

  An empty stack ends the loop with ``v``.

Tail calls push nothing, so loops written as tail recursion run in constant stack.
``steps`` counts eval-phase dispatches (for benchmarks).

Note [Blackholes]
~~~~~~~~~~~~~~~~~
Entering a thunk sets its ``code`` to ``BLACKHOLE`` and keeps the real code in its
``value`` slot (unused until the update); the update frame then stores the value and
sets ``code`` to None. Entering a blackholed thunk means the thunk's value depends on
itself: the program stops with ``<<loop>>`` as GHC's does. If evaluation is abandoned
by an exception (a Haskell error, an exit, an internal error), every thunk whose
update frame is on the stack gets its code back, so forcing it again starts over
instead of reporting a loop. Thunks made by primitives (``runtime.Thunk`` with a
Python callable) are entered the same way.

Note [Tying the knot]
~~~~~~~~~~~~~~~~~~~~~
``letrec`` binds lambdas, thunks and constants only (the compiler wraps anything else
in a thunk). The machine first allocates every closure and thunk with no captured
values and stores all of them in their slots, then fills in each one's captured
values from the environment, which now holds the whole group: ``xs = 1 : xs`` is a
thunk capturing itself, and forcing it makes a cons whose tail is that thunk,
updated to the cons itself.
"""

from __future__ import annotations

import contextlib
import gc
from collections.abc import Callable, Iterator, Mapping, Sequence
from typing import TYPE_CHECKING, Any, Final

from ifacedir.backend.interp_code import (
    A_LAM,
    A_THUNK,
    APP,
    BLACKHOLE,
    CASE,
    CON,
    CONST,
    FAIL,
    LAM,
    LET,
    LETREC,
    LOCAL,
    MODE_CON,
    MODE_LIT,
    PENDING,
    PRIM,
    AppCode,
    CaseCode,
    Closure,
    Code,
    Env,
    InterpError,
    IThunk,
    Local,
    Pap,
    ThunkCode,
    build_one,
    fill_rest,
    gather,
    make_thunk,
)
from ifacedir.backend.interp_compile import Compiler
from ifacedir.backend.runtime import HaskellError, Thunk
from ifacedir.syntax.core import CoreModule
from ifacedir.syntax.names import Name

if TYPE_CHECKING:
    from ifacedir.backend.world import World

__all__ = ["InterpError", "Interpreter", "run_program"]

Value = Any

_LOCAL0 = Local(0)
_APPLY = ThunkCode(AppCode(Local(0), ((0, 1),)), (), None)
"""The code of ``apply(f, x)``'s thunk, whose environment is ``(f, x)``."""


def _scan(vals: list[Any], sidx: tuple[int, ...], pos: int) -> int:
    """The first position from ``pos`` on whose strict argument still needs evaluating
    (evaluated thunks are replaced by their values), or -1."""
    n = len(sidx)
    while pos < n:
        x = vals[sidx[pos]]
        if x is PENDING:
            return pos
        if isinstance(x, Thunk):
            if x.code is not None:
                return pos
            vals[sidx[pos]] = x.value
        pos += 1
    return -1


def _describe(v: Value) -> str:
    """``v`` for an error message, in a few words whatever its size (a ``repr`` of a
    long evaluated list would be as long, and nest as deep)."""
    if type(v) is tuple:
        return f"a constructor value (tag {v[0]}, {len(v) - 1} fields)"
    if isinstance(v, int | float | str):
        return repr(v)
    return f"a {type(v).__name__}"


def _unwind(stack: list[Any]) -> None:
    """Give back their code to the thunks being evaluated. See Note [Blackholes]."""
    for fr in stack:
        if isinstance(fr, Thunk) and fr.code is BLACKHOLE:
            fr.code = fr.value
            fr.value = None


class Interpreter:
    """The lazy Core interpreter; implements ``runtime.Backend``."""

    def __init__(
        self,
        modules: Sequence[CoreModule],
        world: World,
        prims: Mapping[str, Callable[..., Value]] | None = None,
        *,
        prim_strictness: Mapping[str, tuple[bool, ...]] | None = None,
    ) -> None:
        """``prims`` defaults to ``prims.make_prims(self, world)``, ``prim_strictness``
        (which arguments of each primitive are forced) to ``prims.PRIM_SPECS``; a
        primitive missing from it is strict in every argument."""
        self.world = world
        self.steps = 0
        # imported here: a table of one's own needs neither (tests, other runtimes)
        from ifacedir.backend.prims import PRIM_SPECS, make_prims

        if prims is None:
            prims = make_prims(self, world)
        if prim_strictness is None:
            prim_strictness = {entity: spec.strict for entity, spec in PRIM_SPECS.items()}
        self._compiler = Compiler(modules, prims, prim_strictness)

    # --- The Backend interface ---------------------------------------------------------

    def force(self, v: Value) -> Value:
        """``v`` in weak head normal form."""
        if not isinstance(v, Thunk):
            return v
        tc: Any = v.code
        if tc is None:
            return v.value
        if type(v) is IThunk and tc is not BLACKHOLE:  # enter it here: one step less
            v.value = tc
            v.code = BLACKHOLE
            env: Env = v.env  # type: ignore[attr-defined]  # an IThunk
            return self._eval(tc.body, [*env, *tc.pad] if tc.pad else env, [v])
        return self._eval(_LOCAL0, (v,), [])

    def apply(self, f: Value, arg: Value) -> Value:
        """``f arg``, as a thunk (evaluated when forced)."""
        return make_thunk(_APPLY, (f, arg))

    def global_value(self, name: Name) -> Value:
        """The value of the top-level binding ``name`` (a thunk for a CAF)."""
        return self._compiler.lookup(name)

    # --- The machine -------------------------------------------------------------------

    def _eval(
        self,
        code: Any,
        env: Env,
        stack: list[Any],
        *,
        _app: int = APP,
        _local: int = LOCAL,
        _case: int = CASE,
        _const: int = CONST,
        _prim: int = PRIM,
        _con: int = CON,
        _let: int = LET,
        _mode_con: int = MODE_CON,
        _mode_lit: int = MODE_LIT,
        _closure: type[Closure] = Closure,
        _pap: type[Pap] = Pap,
        _ithunk: type[IThunk] = IThunk,
        _thunk: type[Thunk] = Thunk,
        _casecode: type[CaseCode] = CaseCode,
        _pending: object = PENDING,
        _blackhole: ThunkCode = BLACKHOLE,
        _local0: Local = _LOCAL0,
        _fill: Callable[..., None] = fill_rest,
    ) -> Value:
        """Evaluate ``code`` in ``env`` to WHNF, then return it through ``stack`` (the
        continuation: empty, or the update frame of the thunk being forced). See
        Note [The machine].

        The keyword parameters are never passed: their defaults make the constants
        and classes the loop uses local variables, the fastest names in CPython, at no
        cost per call (``force`` re-enters here for every character a primitive
        walks)."""
        push = stack.append
        pop = stack.pop
        steps = 0
        v: Any = None
        try:
            while True:
                # --- eval: until a value v (maybe a thunk) is produced
                while True:
                    steps += 1
                    op = code.op
                    if op == _app:
                        args = [*code.tmpl]
                        for j, slot in code.locs:
                            args[j] = env[slot]
                        if code.rest:
                            _fill(args, code.rest, env)
                        fun = code.fun
                        fop = fun.op
                        if fop == _const:
                            fv = fun.value
                        elif fop == _local:
                            fv = env[fun.slot]
                        else:
                            push(args)
                            code = fun
                            continue
                        if type(fv) is _closure and fv.code.arity <= len(args):
                            lam = fv.code
                            n = lam.arity
                            if n < len(args):  # over-applied: the rest waits for the result
                                push(args[n:])
                                args = args[:n]
                            captured = fv.env
                            env = [*captured, *args] if captured else args
                            if lam.pad:
                                env += lam.pad
                            code = lam.body
                            continue
                        push(args)
                        v = fv
                        break
                    if op == _local:
                        v = env[code.slot]
                        break
                    if op == _case:
                        scrut = code.scrut
                        if scrut.op == _local:  # already evaluated? then no frame
                            x = env[scrut.slot]
                            if isinstance(x, _thunk):
                                x = x.value if x.code is None else _pending
                            if x is not _pending:
                                env[code.bslot] = x
                                mode = code.mode
                                if mode == _mode_con:
                                    alt = code.table[x[0]]
                                elif mode == _mode_lit:
                                    alt = code.lits.get(x, code.default)
                                else:
                                    alt = code.default
                                if alt is None:
                                    raise InterpError(f"no case alternative matches {_describe(x)}")
                                code, start, stop = alt
                                if start >= 0:
                                    env[start:stop] = x
                                continue
                        push(env)
                        push(code)
                        code = scrut
                        continue
                    if op == _const:
                        v = code.value
                        break
                    if op == _prim or op == _con:  # noqa: SIM109 (a tuple would be built)
                        vals = [*code.tmpl]
                        for j, slot in code.locs:
                            vals[j] = env[slot]
                        if code.rest:
                            _fill(vals, code.rest, env)
                        sidx = code.sidx
                        pos = 0
                        for j in sidx:  # the first strict argument not evaluated yet
                            x = vals[j]
                            if isinstance(x, _thunk):
                                if x.code is not None:
                                    break
                                vals[j] = x.value
                            elif x is _pending:
                                break
                            pos += 1
                        else:
                            v = code.fn(*vals) if op == _prim else tuple(vals)
                            break
                        push((code, env, vals, pos))
                        if x is _pending:
                            code = code.exprs[sidx[pos]]
                            continue
                        v = x
                        break
                    if op == _let:
                        kind, x = code.atom
                        env[code.slot] = build_one(kind, x, env)
                        code = code.body
                        continue
                    if op == LAM:
                        v = _closure(code, gather(code.cap, env))
                        break
                    if op == LETREC:
                        code = self._letrec(code, env)
                        continue
                    if op == FAIL:
                        raise HaskellError(code.message)
                    raise InterpError(f"unknown code {type(code).__name__}")
                # --- enter v if it is an unevaluated thunk
                if isinstance(v, _thunk):
                    tc: Any = v.code
                    if tc is None:
                        v = v.value
                    elif tc is _blackhole:
                        raise HaskellError("<<loop>>")
                    else:
                        push(v)
                        v.value = tc
                        v.code = _blackhole
                        if type(v) is _ithunk:
                            code = tc.body
                            env = v.env
                            if tc.pad:
                                env = [*env, *tc.pad]
                        else:  # made by a primitive: its code is a Python callable
                            code = _local0
                            env = (tc(),)
                        continue
                # --- return v (WHNF) to the top frame
                while True:
                    if not stack:
                        return v
                    fr = pop()
                    tf = type(fr)
                    if tf is _casecode:
                        env = pop()
                        env[fr.bslot] = v
                        mode = fr.mode
                        if mode == _mode_con:
                            alt = fr.table[v[0]]
                        elif mode == _mode_lit:
                            alt = fr.lits.get(v, fr.default)
                        else:
                            alt = fr.default
                        if alt is None:
                            raise InterpError(f"no case alternative matches {_describe(v)}")
                        code, start, stop = alt
                        if start >= 0:
                            env[start:stop] = v
                        break
                    if tf is _ithunk:
                        fr.code = None
                        fr.value = v
                        fr.env = None
                        continue
                    if tf is list:
                        args = fr
                        tv = type(v)
                        if tv is _closure:
                            fn = v
                        elif tv is _pap:
                            fn = v.fun
                            args = v.args + args
                        else:
                            raise InterpError(f"applied {_describe(v)}, not a function")
                        lam = fn.code
                        n = lam.arity
                        k = len(args)
                        if k < n:
                            v = _pap(fn, args)
                            continue
                        if k > n:
                            push(args[n:])
                            args = args[:n]
                        captured = fn.env
                        env = [*captured, *args] if captured else args
                        if lam.pad:
                            env += lam.pad
                        code = lam.body
                        break
                    if tf is tuple:  # a strict frame
                        sc, env, vals, pos = fr
                        sidx = sc.sidx
                        vals[sidx[pos]] = v
                        pos = _scan(vals, sidx, pos + 1) if pos + 1 < len(sidx) else -1
                        if pos >= 0:
                            push((sc, env, vals, pos))
                            x = vals[sidx[pos]]
                            if x is _pending:
                                code = sc.exprs[sidx[pos]]
                            else:
                                code = _local0
                                env = (x,)
                            break
                        if sc.op == _prim:
                            v = sc.fn(*vals)
                            if isinstance(v, _thunk):
                                code = _local0
                                env = (v,)
                                break
                        else:
                            v = tuple(vals)
                        continue
                    if isinstance(fr, _thunk):  # made by a primitive
                        fr.code = None
                        fr.value = v
                        continue
                    raise InterpError(f"unknown continuation frame {type(fr).__name__}")
        except (TypeError, IndexError, AttributeError) as exc:
            _unwind(stack)
            raise InterpError(f"evaluation went wrong (ill-typed Core?): {exc}") from exc
        except BaseException:
            _unwind(stack)
            raise
        finally:
            self.steps += steps

    @staticmethod
    def _letrec(code: Any, env: Env) -> Code:
        """Allocate a letrec group, then fill in what it captures. See Note [Tying the
        knot]."""
        made: list[tuple[Any, Any]] = []
        for slot, (kind, x) in code.binds:
            if kind == A_LAM:
                obj: Any = Closure(x, ())
                made.append((obj, x.cap))
            elif kind == A_THUNK:
                obj = make_thunk(x, ())
                made.append((obj, x.cap))
            else:
                obj = x
            env[slot] = obj
        for obj, cap in made:
            obj.env = gather(cap, env)
        result: Code = code.body
        return result


def run_program(modules: Sequence[CoreModule], entry: Name, world: World) -> int:
    """Run the program whose ``main`` is ``entry``; its exit status."""
    from ifacedir.backend.world import run_main

    interp = Interpreter(modules, world)
    main = interp.global_value(entry)
    with _fewer_collections():
        return run_main(interp, main, world)


# Note [Fewer garbage collections]
# ~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~
# The machine allocates a few container objects per step (thunks, argument lists,
# constructor tuples), and CPython's cycle collector runs every 700 net allocations,
# each time walking the young objects, and the old ones ever more often as a lazy
# program's live heap grows. Most of that work finds nothing: the machine's garbage is
# freed by reference counting, and cycles appear only through letrec knots. With a
# young-generation threshold of 100,000 a program runs about twice as fast (a
# million-deep foldl or length, measured). The collector stays on (knots of cyclic
# garbage are still reclaimed) and its settings are restored when the program ends.
_GC_THRESHOLD: Final = (100_000, 50, 100)


@contextlib.contextmanager
def _fewer_collections() -> Iterator[None]:
    """See Note [Fewer garbage collections]."""
    old = gc.get_threshold()
    gc.set_threshold(*(max(a, b) for a, b in zip(_GC_THRESHOLD, old, strict=True)))
    try:
        yield
    finally:
        gc.set_threshold(*old)
