"""Compiling Core into the reference interpreter's internal form (interp_code.py).

``Compiler(modules, prims, strictness)`` prepares a whole program:

1. It reads every module's data types: for each constructor its tag, arity, strict
   fields and how many constructors its type has (wired-in ones, ``()``, ``[]``,
   ``:`` and tuples, are known without a declaration).
2. It allocates one object per top-level binding: a ``Closure`` for a lambda, an
   ``IThunk`` for anything else (a CAF, evaluated at most once because it is updated
   in place). The objects exist before any code does, so compiled code refers to a
   top-level binding by holding its object (``Const``), whatever the order of the
   bindings or the modules.
3. ``lookup(name)`` compiles that binding's right-hand side into its object, and,
   through a work list, every binding it mentions, transitively: only what the
   program can reach is compiled, and everything it can reach is compiled before it
   runs.

Compiling one right-hand side is a walk of its tree with a ``Layout``, the slots of
the activation being compiled and the variables in scope (see Note [Environments are
flat] in ifacedir.backend.interp_code). Each lambda and each thunk starts a new
layout whose first slots are its free variables (``FreeVars``, memoised per node),
copied from the creator's slots when it is built (ifacedir.backend.interp_scope).
The walk is recursive and runs under ``run_deep`` (Note [Deep recursion runs on a
big stack] in ifacedir.util.deep): only compiling recurses over the tree, never
evaluation.

Bad Core raises ``InterpError`` naming the binding being compiled.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from operator import itemgetter
from typing import Any, Final

from ifacedir.backend.interp_code import (
    A_CON,
    A_CONST,
    A_EVAL,
    A_LAM,
    A_LOCAL,
    A_THUNK,
    MODE_CON,
    MODE_DEFAULT,
    MODE_LIT,
    Alt,
    AppCode,
    Atom,
    CaseCode,
    Closure,
    Code,
    ConCode,
    Const,
    FailCode,
    InterpError,
    LamCode,
    LetCode,
    LetRecCode,
    Local,
    PrimCode,
    ThunkCode,
    make_thunk,
)
from ifacedir.backend.interp_scope import FreeVars, Layout
from ifacedir.backend.runtime import NIL, Thunk
from ifacedir.syntax.core import (
    App,
    Case,
    CharLit,
    ConAlt,
    ConApp,
    CoreModule,
    CoreVar,
    DataConRef,
    DefaultAlt,
    DoubleLit,
    Expr,
    IntLit,
    Lam,
    Let,
    LetRec,
    PatError,
    PrimOp,
    StringLit,
)
from ifacedir.syntax.names import BUILTIN_MODULE, Name
from ifacedir.util.deep import run_deep

__all__ = ["Compiler", "double_value"]

_NOT_CONST: Final = object()
_LITERALS: Final = (IntLit, CharLit, DoubleLit, StringLit)
_ATOMIC: Final = (CoreVar, *_LITERALS)


class _ConInfo:
    """What the compiler needs of a constructor."""

    __slots__ = ("arity", "ncons", "strict", "tag")

    def __init__(self, tag: int, arity: int, strict: tuple[bool, ...], ncons: int) -> None:
        self.tag = tag
        self.arity = arity
        self.strict = strict
        self.ncons = ncons


def _wired_in(name: Name) -> _ConInfo | None:
    """``()``, ``[]``, ``:`` and tuples, which no data declaration introduces."""
    if name.module != BUILTIN_MODULE:
        return None
    occ = name.occ
    if occ == "()":
        return _ConInfo(0, 0, (), 1)
    if occ == "[]":
        return _ConInfo(0, 0, (), 2)
    if occ == ":":
        return _ConInfo(1, 2, (False, False), 2)
    if occ.startswith("(,") and occ.endswith(")") and set(occ[1:-1]) == {","}:
        arity = len(occ) - 1
        return _ConInfo(0, arity, (False,) * arity, 1)
    return None


def double_value(numerator: int, denominator: int) -> float:
    """The double nearest ``numerator / denominator``: Python's int/int division is
    correctly rounded; too large a quotient is an infinity."""
    try:
        return numerator / denominator
    except OverflowError:
        return float("inf") if (numerator < 0) == (denominator < 0) else float("-inf")


def _unpack_string(s: str) -> Any:
    value: Any = NIL
    for ch in reversed(s):
        value = (1, ch, value)
    return value


class Compiler:
    """A program's top-level objects, compiled on demand (see the module docstring)."""

    def __init__(
        self,
        modules: Sequence[CoreModule],
        prims: Mapping[str, Callable[..., Any]],
        strictness: Mapping[str, tuple[bool, ...]],
    ) -> None:
        self._prims = prims
        self._strictness = strictness
        self._cons: dict[Name, _ConInfo] = {}
        self._objects: dict[Name, Any] = {}
        self._rhs: dict[Name, Expr] = {}
        self._consts: dict[Name, Const] = {}
        self._queue: list[Name] = []
        self._strings: dict[str, Any] = {}
        self._free = FreeVars()
        self._const_memo: dict[int, Any] = {}
        self._where = ""
        for m in modules:
            self._add_data(m)
        for m in modules:
            self._add_bindings(m)

    # --- The program -----------------------------------------------------------------

    def _add_data(self, m: CoreModule) -> None:
        for dt in m.data:
            for dc in dt.cons:
                if dc.name in self._cons:
                    raise InterpError(f"constructor {dc.name} declared twice (module {m.module})")
                if len(dc.strict) != dc.arity:
                    raise InterpError(f"constructor {dc.name}: {len(dc.strict)} strictness flags")
                self._cons[dc.name] = _ConInfo(dc.tag, dc.arity, dc.strict, len(dt.cons))

    def _add_bindings(self, m: CoreModule) -> None:
        for group in m.groups:
            for bind in group.binds:
                name = bind.var.name
                if not name.is_global:
                    raise InterpError(f"top-level binding {name} of module {m.module} is local")
                if name in self._objects:
                    raise InterpError(f"{name} bound twice at top level (module {m.module})")
                rhs = bind.rhs
                if isinstance(rhs, Lam):
                    self._objects[name] = Closure(LamCode(str(name), len(rhs.params)), ())
                else:
                    self._objects[name] = make_thunk(ThunkCode(FailCode(""), (), None), ())
                self._rhs[name] = rhs

    def lookup(self, name: Name) -> Any:
        """The object of the top-level binding ``name``, with everything it can reach
        compiled."""
        self._where = "Interpreter.global_value"
        const = self._global(name)
        if self._queue:
            run_deep(self._drain)
        return const.value

    def _drain(self) -> None:
        try:
            while self._queue:
                self._compile_global(self._queue.pop())
        finally:
            self._free.clear()
            self._const_memo.clear()

    def _compile_global(self, name: Name) -> None:
        self._where = str(name)
        obj = self._objects[name]
        rhs = self._rhs[name]
        top = Layout()
        if type(obj) is Closure:
            assert isinstance(rhs, Lam)
            self._fill_lam(obj.code, rhs, top)
        else:
            filled = self._thunk(rhs, top)
            code = obj.code
            code.body, code.pad, code.cap = filled.body, filled.pad, filled.cap

    def _global(self, name: Name) -> Const:
        const = self._consts.get(name)
        if const is not None:
            return const
        obj = self._objects.get(name)
        if obj is None:
            obj = self._con_wrapper(name)
        else:
            self._queue.append(name)
        const = self._consts[name] = Const(obj)
        return const

    def _con_wrapper(self, name: Name) -> Any:
        """A constructor used as a variable: its value (nullary) or a function
        building it (spec/CORE.md wants a ``Lam`` around a ``ConApp``; this accepts
        the shorthand)."""
        info = self._cons.get(name) or _wired_in(name)
        if info is None:
            raise InterpError(f"unknown variable {name} in {self._where}")
        if info.arity == 0:
            return (info.tag,)
        lam = LamCode(str(name), info.arity)
        atoms = tuple((A_LOCAL, i) for i in range(info.arity))
        lam.body = self._con_code(info, atoms)
        return Closure(lam, ())

    def _con(self, ref: DataConRef) -> _ConInfo:
        info = self._cons.get(ref.name) or _wired_in(ref.name)
        if info is None:
            raise InterpError(f"unknown constructor {ref.name} in {self._where}")
        if (ref.tag, ref.arity) != (info.tag, info.arity):
            raise InterpError(
                f"constructor {ref.name} used with tag {ref.tag} and arity {ref.arity}, "
                f"declared with tag {info.tag} and arity {info.arity}, in {self._where}"
            )
        return info

    # --- Activations -------------------------------------------------------------------

    def _resolve(self, name: Name, lay: Layout) -> int | Const:
        if name.is_global:
            return self._global(name)
        where = lay.scope.get(name)
        if where is None:
            raise InterpError(f"unbound variable {name} in {self._where}")
        return where

    def _open(self, free: Iterable[Name], lay: Layout) -> tuple[Layout, Any, int]:
        """A new layout for a lambda or thunk whose free variables are ``free``, with
        the capture of them from ``lay`` and how many slots the captures take."""
        child = Layout()
        slots: list[tuple[int, Name]] = []
        for name in free:
            where = self._resolve(name, lay)
            if isinstance(where, Const):
                child.bind(name, where)
            else:
                slots.append((where, name))
        slots.sort()
        for _, name in slots:
            child.bind(name)
        picked = [slot for slot, _ in slots]
        cap: Any = None if not picked else picked[0] if len(picked) == 1 else itemgetter(*picked)
        return child, cap, len(picked)

    def _fill_lam(self, code: LamCode, e: Lam, lay: Layout) -> None:
        if not e.params:
            raise InterpError(f"lambda without parameters in {self._where}")
        child, code.cap, ncap = self._open(self._free(e), lay)
        for p in e.params:
            child.bind(p.name)
        code.body = self._expr(e.body, child)
        code.pad = (None,) * (child.high - ncap - len(e.params))

    def _lam(self, e: Lam, lay: Layout) -> LamCode:
        code = LamCode(f"a lambda in {self._where}", len(e.params))
        self._fill_lam(code, e, lay)
        return code

    def _thunk(self, e: Expr, lay: Layout) -> ThunkCode:
        child, cap, ncap = self._open(self._free(e), lay)
        body = self._expr(e, child)
        return ThunkCode(body, (None,) * (child.high - ncap), cap)

    # --- Expressions -------------------------------------------------------------------

    def _expr(self, e: Expr, lay: Layout) -> Code:
        if isinstance(e, CoreVar):
            where = self._resolve(e.name, lay)
            return where if isinstance(where, Const) else Local(where)
        if isinstance(e, App):
            return self._app(e, lay)
        if isinstance(e, Case):
            return self._case(e, lay)
        if isinstance(e, Let):
            return self._let(e, lay)
        if isinstance(e, LetRec):
            return self._letrec(e, lay)
        if isinstance(e, ConApp):
            return self._conapp(e, lay)
        if isinstance(e, PrimOp):
            return self._primop(e, lay)
        if isinstance(e, Lam):
            return self._lam(e, lay)
        if isinstance(e, PatError):
            return FailCode(e.message)
        return Const(self._literal(e))

    def _literal(self, e: IntLit | CharLit | DoubleLit | StringLit) -> Any:
        if isinstance(e, IntLit):
            return e.value
        if isinstance(e, CharLit):
            return chr(e.code)
        if isinstance(e, DoubleLit):
            return double_value(e.numerator, e.denominator)
        return self._string(e.value)

    def _string(self, s: str) -> Any:
        """A string literal: a thunk that builds the whole list when first forced,
        shared by every evaluation of every occurrence of the same text."""
        got = self._strings.get(s)
        if got is None:
            got = self._strings[s] = Thunk(lambda: _unpack_string(s)) if s else NIL
        return got

    def _app(self, e: App, lay: Layout) -> Code:
        fun: Expr = e
        groups: list[tuple[Expr, ...]] = []
        while isinstance(fun, App):  # (f a) b is f a b
            groups.append(fun.args)
            fun = fun.fun
        args = [a for g in reversed(groups) for a in g]
        if not args:
            raise InterpError(f"application to no arguments in {self._where}")
        return AppCode(self._expr(fun, lay), tuple(self._atom(a, lay) for a in args))

    def _let(self, e: Let, lay: Layout) -> Code:
        atom = self._atom(e.bind.rhs, lay)
        mark = lay.mark()
        kind, x = atom
        if kind == A_LOCAL:
            lay.bind(e.bind.var.name, x)
            code = self._expr(e.body, lay)
        elif kind == A_CONST:
            lay.bind(e.bind.var.name, Const(x))
            code = self._expr(e.body, lay)
        else:
            slot = lay.bind(e.bind.var.name)
            assert isinstance(slot, int)
            code = LetCode(slot, atom, self._expr(e.body, lay))
        lay.release(mark)
        return code

    def _letrec(self, e: LetRec, lay: Layout) -> Code:
        mark = lay.mark()
        slots = [lay.bind(b.var.name) for b in e.binds]
        binds: list[tuple[int, Atom]] = []
        for slot, b in zip(slots, e.binds, strict=True):
            assert isinstance(slot, int)
            atom = self._atom(b.rhs, lay)
            if atom[0] not in (A_LAM, A_THUNK, A_CONST):  # it would read unfilled slots
                atom = (A_THUNK, self._thunk(b.rhs, lay))
            binds.append((slot, atom))
        code = LetRecCode(tuple(binds), self._expr(e.body, lay))
        lay.release(mark)
        return code

    def _case(self, e: Case, lay: Layout) -> Code:
        scrut = self._expr(e.scrut, lay)
        mark = lay.mark()
        bslot = lay.bind(e.binder.name)
        assert isinstance(bslot, int)
        table: list[Alt | None] = []
        lits: dict[Any, Alt] = {}
        seen: set[int] = set()
        default: Alt | None = None
        mode = MODE_DEFAULT
        for alt in e.alts:
            inner = lay.mark()
            if isinstance(alt, DefaultAlt):
                default = (self._expr(alt.rhs, lay), -1, -1)
                lay.release(inner)
                break  # later alternatives cannot match
            if isinstance(alt, ConAlt):
                mode = MODE_CON
                info = self._con(alt.con)
                if len(alt.vars) != info.arity:
                    raise InterpError(
                        f"alternative for {alt.con.name} binds {len(alt.vars)} fields, "
                        f"the constructor has {info.arity}, in {self._where}"
                    )
                table.extend([None] * (max(info.ncons, info.tag + 1) - len(table)))
                start = lay.reserve(1 + info.arity) if info.arity else -1
                for i, v in enumerate(alt.vars):
                    lay.bind(v.name, start + 1 + i)
                entry: Alt = (self._expr(alt.rhs, lay), start, start + 1 + info.arity)
                if info.tag not in seen:  # the first matching alternative wins
                    seen.add(info.tag)
                    table[info.tag] = entry
            else:
                mode = MODE_LIT
                if isinstance(alt.lit, StringLit):
                    raise InterpError(f"string literal alternative in {self._where}")
                lits.setdefault(self._literal(alt.lit), (self._expr(alt.rhs, lay), -1, -1))
            lay.release(inner)
        lay.release(mark)
        if mode == MODE_CON:
            table = [default if t is None else t for t in table]
        return CaseCode(scrut, bslot, mode, table, lits, default)

    def _conapp(self, e: ConApp, lay: Layout) -> Code:
        info = self._con(e.con)
        if len(e.args) != info.arity:
            raise InterpError(
                f"{e.con.name} applied to {len(e.args)} arguments, "
                f"its arity is {info.arity}, in {self._where}"
            )
        value = self._const_con(e)
        if value is not _NOT_CONST:
            return Const(value)
        atoms = tuple(
            self._atom(a, lay, strict) for a, strict in zip(e.args, info.strict, strict=True)
        )
        return self._con_code(info, atoms)

    def _con_code(self, info: _ConInfo, atoms: tuple[Atom, ...]) -> ConCode:
        sidx, exprs = self._strict_positions(atoms, info.strict, 1)
        return ConCode(info.tag, atoms, sidx, (None, *exprs))

    def _primop(self, e: PrimOp, lay: Layout) -> Code:
        fn = self._prims.get(e.entity)
        if fn is None:
            raise InterpError(f"unknown primitive {e.entity!r} in {self._where}")
        strict = self._strictness.get(e.entity, (True,) * e.arity)
        if len(strict) != len(e.args):
            raise InterpError(
                f"primitive {e.entity!r} called with {len(e.args)} arguments, "
                f"it takes {len(strict)}, in {self._where}"
            )
        atoms = tuple(self._atom(a, lay, s) for a, s in zip(e.args, strict, strict=True))
        sidx, exprs = self._strict_positions(atoms, strict, 0)
        return PrimCode(e.entity, fn, atoms, sidx, exprs)

    @staticmethod
    def _strict_positions(
        atoms: tuple[Atom, ...], strict: tuple[bool, ...], offset: int
    ) -> tuple[tuple[int, ...], tuple[Code | None, ...]]:
        """Which values (at ``offset + i``) must be evaluated before the call, and the
        in-place code of those that are expressions. Lambdas and constructor atoms are
        values already, and so are constants other than thunks."""
        sidx: list[int] = []
        for i, ((kind, x), s) in enumerate(zip(atoms, strict, strict=True)):
            if not s or kind in (A_LAM, A_CON):
                continue
            if kind == A_CONST and not isinstance(x, Thunk):
                continue
            sidx.append(offset + i)
        exprs = tuple(x if kind == A_EVAL else None for kind, x in atoms)
        return tuple(sidx), exprs

    # --- Arguments ---------------------------------------------------------------------

    def _atom(self, e: Expr, lay: Layout, strict: bool = False) -> Atom:
        """``e`` as an argument: built without evaluation, or (``strict``) evaluated in
        place by the machine (``A_EVAL``) when it is not a variable or a value."""
        if isinstance(e, CoreVar):
            where = self._resolve(e.name, lay)
            return (A_CONST, where.value) if isinstance(where, Const) else (A_LOCAL, where)
        if isinstance(e, _LITERALS):
            return (A_CONST, self._literal(e))
        if isinstance(e, Lam):
            return (A_LAM, self._lam(e, lay))
        if isinstance(e, ConApp):
            value = self._const_con(e)
            if value is not _NOT_CONST:
                return (A_CONST, value)
            info = self._con(e.con)
            if not any(info.strict) and all(isinstance(a, _ATOMIC) for a in e.args):
                return (A_CON, (info.tag, tuple(self._atom(a, lay) for a in e.args)))
        if strict:
            return (A_EVAL, self._expr(e, lay))
        return (A_THUNK, self._thunk(e, lay))

    def _const_con(self, e: ConApp) -> Any:
        """The value of a constructor application of literals, top-level bindings and
        such applications (a list literal), built once; ``_NOT_CONST`` otherwise."""
        key = id(e)
        got = self._const_memo.get(key)
        if got is None:
            got = self._const_memo[key] = self._const_con_of(e)
        return got

    def _const_con_of(self, e: ConApp) -> Any:
        info = self._con(e.con)
        if len(e.args) != info.arity:
            return _NOT_CONST  # reported by the caller
        fields: list[Any] = [info.tag]
        for a, strict in zip(e.args, info.strict, strict=True):
            if isinstance(a, _LITERALS):
                value = self._literal(a)
            elif isinstance(a, CoreVar) and a.name.is_global:
                value = self._global(a.name).value
            elif isinstance(a, ConApp):
                value = self._const_con(a)
            else:
                return _NOT_CONST
            if value is _NOT_CONST or (strict and isinstance(value, Thunk)):
                return _NOT_CONST
            fields.append(value)
        return tuple(fields)
