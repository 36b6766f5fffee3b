"""Core expressions to Python statements: the heart of the Python code generator.

``ExprCompiler(state, env)`` writes the code of expressions into the ``Out`` of the
function being generated (ifacedir.backend.python_scope), in one of three modes:

* ``tail(e, fn)``: statements that end the function, returning the WHNF of ``e``
  (or raising, or ``continue`` for a self tail call in a loop);
* ``whnf(e, fn)``: statements, then a Python expression whose value is the WHNF of
  ``e``, to be used exactly once;
* ``lazy(e, fn)``: statements that evaluate nothing (they only allocate), then an
  identifier or literal for the value of ``e``, maybe a thunk; safe to repeat.

The translation, construct by construct (spec/CORE.md §3):

* a variable is its Python name; forcing it is ``x if type(x) is T else force(x)``
  where ``T`` is the Python type its values have in WHNF (``python_scope.py_type``),
  or a plain ``force(x)``;
* ``let`` binds a Python local: to a value when the right-hand side is one (a
  literal, a lambda, a constructor of values, a cheap primitive of evaluated
  arguments), else to a thunk ``t = PThunk(); t.code = <function>``; ``letrec``
  allocates its thunks first, then defines its lambdas, then gives the thunks their
  code, so every binding can see every other (See Note [Knots in Python]);
* a lambda is a ``def`` (See Note [Function values are Python functions] in
  ifacedir.backend.pyrt); a call of a function of known arity with exactly that many
  arguments is a direct call, fewer arguments an inline ``lambda`` (a partial
  application), more a direct call and then the generic ``A<k>``; an unknown
  function is tested inline and called directly when its arity matches;
* ``case`` forces its scrutinee, binds the case binder, and tests the tag
  (``b[0]``) or the literal with ``if``/``elif``; a comparison primitive in the
  scrutinee becomes the ``if``'s condition, with no ``Bool`` built;
* constructors are tuples, strict fields evaluated first, left to right;
* primitives: inline code (ifacedir.backend.python_inline) or a call of the table
  entry;
* ``PatError`` raises ``HaskellError``.

Functions whose body calls themselves in tail position become ``while True`` loops
(See Note [Self tail calls are loops]), a ``let`` whose body forces it first is
evaluated in place (See Note [Strict lets]), and code nested deeper than ``MAX_DEPTH``
moves to a function of its own at the top level (See Note [Deep Core makes shallow
Python]). The compiler recurses over the tree; ifacedir.backend.python_emit runs it
under ``run_deep``.

Note [Strict lets]
~~~~~~~~~~~~~~~~~
``let n = q - d in case n < 0 of ...`` would build a thunk for ``n`` and force it at
once. When the first thing the body evaluates is the variable itself (it is the
scrutinee of the body's case, or the first strict argument of a primitive there,
through nested cases and lets: ``_forces_first``), the right-hand side is evaluated
in place instead: nothing else is evaluated before it either way, so an error or a
loop in it shows as it would have, and no thunk is made. (In a knot, a ``letrec``,
a binding may need its own thunk, so only ``let`` does this.)

Note [Knots in Python]
~~~~~~~~~~~~~~~~~~~~~~
A thunk captures its free variables as default arguments of its code
(``lambda x=x, y=y: ...``), copied when the code is made: so the enclosing
function's variables stay fast locals, and a thunk made in a loop keeps its own
iteration's values. A ``letrec`` needs each binding to see the others, so its thunk
objects exist before any code: (1) ``t = PThunk()`` for each non-lambda binding,
(2) the lambdas' ``def``s, (3) ``t.code = ...``, capturing the thunks and the
lambdas by default. A lambda cannot capture a lambda of its group that way (it may
be defined later, or be itself), so the group's lambdas see each other as variables
of the enclosing function (Python closure cells), the only cells the generated code
has.

Note [Self tail calls are loops]
~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~
``go n acc = go (n - 1) (acc + n)`` would recurse in Python, one frame per
iteration. When a function's body calls the function itself in tail position with
all its arguments, the body is written inside ``while True:`` and such a call
assigns the parameters (all at once, from values computed first) and continues.
Everything made in the body captures by value (Note [Knots in Python]), so a thunk
made in one iteration is not changed by the next. The exception is a closure cell:
a ``letrec`` of lambdas in the body would be rebound by the next iteration under
the feet of the closures of the previous one, so such functions are not loops.

Note [Deep Core makes shallow Python]
~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~
CPython's tokenizer refuses more than 100 levels of indentation, and its parser
limits nesting in general. Core nests as deep as the source (a 5,000-deep chain of
``++`` is a chain of thunks within thunks; nested ``case``s are nested ``if``s). So
expressions are flattened into assignments to temporaries (an operand is never more
than a few parentheses deep), and when the indentation reaches ``MAX_DEPTH``, the
expression being compiled (a case, a lambda's body, a thunk's code) becomes a
function of its own at the top level, taking its free variables as parameters, and
is called from where it was. Long chains of alternatives are split the same way
(``switch``: at most ``SWITCH_LINEAR`` tests in a row, then a binary search on the
alternative's index).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from typing import Final

from ifacedir.backend.prims import PRIM_SPECS
from ifacedir.backend.python_inline import ARG_TYPES, CONDITIONS, INLINE, SPECULABLE
from ifacedir.backend.python_names import local_name
from ifacedir.backend.python_scope import Env, Fn, Loop, ModuleState, Out, Var, py_type
from ifacedir.syntax import core
from ifacedir.syntax.names import BUILTIN_MODULE, Name

__all__ = ["MAX_DEPTH", "SWITCH_LINEAR", "ExprCompiler", "literal_text"]

MAX_DEPTH: Final = 40
SWITCH_LINEAR: Final = 8

_SIMPLE: Final = re.compile(
    r"[A-Za-z_][A-Za-z0-9_]*|-?[0-9][0-9.e+-]*|'[^']*'|\"[^\"]*\"|\(-[0-9.e+-]+\)"
)
_IDENT: Final = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")
_LOCAL: Final = re.compile(r"[a-z][A-Za-z0-9]*_[0-9]+|_[0-9]+")
"""Python locals: Core locals and temporaries (python_names)."""
_LITERALS: Final = (core.IntLit, core.DoubleLit, core.CharLit, core.StringLit)
_ATOMS: Final = (core.CoreVar, core.IntLit, core.DoubleLit, core.CharLit, core.StringLit)

Branch = Callable[[core.Expr, Fn], None]


def _simple(op: str) -> bool:
    """An identifier or literal: safe to repeat, evaluates nothing."""
    return _SIMPLE.fullmatch(op) is not None


def literal_text(lit: core.IntLit | core.DoubleLit | core.CharLit) -> tuple[str, str]:
    """A literal's Python text and Python type."""
    if isinstance(lit, core.IntLit):
        v = lit.value
        return (str(v) if v >= 0 else f"({v})"), "int"
    if isinstance(lit, core.CharLit):
        return ascii(chr(lit.code)), "str"
    try:
        d = lit.numerator / lit.denominator
    except OverflowError:
        d = float("inf") if (lit.numerator < 0) == (lit.denominator < 0) else float("-inf")
    if d != d or d in (float("inf"), float("-inf")):
        return ("_INF" if d > 0 else "(-_INF)"), "float"
    text = repr(d)
    return (text if d >= 0 and not text.startswith("-") else f"({text})"), "float"


def _spine(e: core.App) -> tuple[core.Expr, list[core.Expr]]:
    """``(f a) b`` as ``f`` and ``[a, b]``."""
    groups: list[tuple[core.Expr, ...]] = []
    fun: core.Expr = e
    while isinstance(fun, core.App):
        groups.append(fun.args)
        fun = fun.fun
    return fun, [a for g in reversed(groups) for a in g]


def _tail_calls_self(e: core.Expr, name: Name, arity: int) -> bool:
    """Does ``e`` call ``name`` with ``arity`` arguments in tail position?"""
    stack = [e]
    while stack:
        x = stack.pop()
        if isinstance(x, core.App):
            fun, args = _spine(x)
            if isinstance(fun, core.CoreVar) and fun.name == name and len(args) == arity:
                return True
        elif isinstance(x, core.Case):
            stack.extend(a.rhs for a in x.alts)
        elif isinstance(x, core.Let | core.LetRec):
            stack.append(x.body)
        elif isinstance(x, core.PrimOp) and x.entity == "seq":
            stack.append(x.args[1])
    return False


def _forces_first(e: core.Expr, name: Name) -> bool:
    """Is forcing the variable ``name`` the first thing evaluating ``e`` does? See
    Note [Strict lets]."""
    while True:
        if isinstance(e, core.CoreVar):
            return e.name == name
        if isinstance(e, core.Case):
            e = e.scrut
        elif isinstance(e, core.Let | core.LetRec):
            e = e.body
        elif isinstance(e, core.PrimOp):
            spec = PRIM_SPECS.get(e.entity)
            strict = spec.strict if spec is not None else (True,) * len(e.args)
            first = next((a for a, s in zip(e.args, strict, strict=False) if s), None)
            if first is None:
                return False
            e = first
        else:
            return False


def _binds_lambdas(e: core.Expr) -> bool:
    """Is there a ``letrec`` binding a lambda in ``e`` (outside lambdas)?"""
    stack = [e]
    while stack:
        x = stack.pop()
        if isinstance(x, core.LetRec) and any(isinstance(b.rhs, core.Lam) for b in x.binds):
            return True
        if not isinstance(x, core.Lam):
            stack.extend(_kids(x))
    return False


def _kids(e: core.Expr) -> Sequence[core.Expr]:
    if isinstance(e, core.App):
        return (e.fun, *e.args)
    if isinstance(e, core.Let):
        return (e.bind.rhs, e.body)
    if isinstance(e, core.LetRec):
        return (*(b.rhs for b in e.binds), e.body)
    if isinstance(e, core.Case):
        return (e.scrut, *(a.rhs for a in e.alts))
    if isinstance(e, core.ConApp | core.PrimOp):
        return e.args
    return ()


class ExprCompiler:
    """Writes the Python code of Core expressions (see the module docstring)."""

    def __init__(self, state: ModuleState, env: Env) -> None:
        self.state = state
        self.env = env

    # --- Variables ---------------------------------------------------------------------

    def lookup(self, name: Name) -> Var:
        if name.is_global:
            return self.state.global_var(name)
        var = self.env.get(name)
        if var is None:
            raise self.state.error(f"unbound variable {name}")
        return var

    def local_py(self, name: Name, fn: Fn) -> str:
        """The Python name a Core local gets where it is bound."""
        py = local_name(name)
        return "F" + py if fn.top else py

    def bind_local(self, name: Name, var: Var) -> None:
        self.env.bind(name, var)

    def captures(self, names: frozenset[Name], exclude: frozenset[Name] = frozenset()) -> list[str]:
        """The Python locals that the free variables ``names`` stand for, sorted."""
        out: set[str] = set()
        for name in names:
            if name in exclude:
                continue
            var = self.lookup(name)
            if var.local:
                out.add(var.py)
        return sorted(out)

    def force_var(self, var: Var, pytype: str | None) -> str:
        """An expression forcing the variable (used once)."""
        if var.whnf:
            return var.py
        x = var.py
        evaluated = f"{x}.value if type({x}) is _PT and {x}.code is None else _force({x})"
        t = var.pytype or pytype
        if t is None:
            return f"({evaluated})"
        return f"({x} if type({x}) is {t} else {evaluated})"

    # --- The three modes ---------------------------------------------------------------

    def tail(self, e: core.Expr, fn: Fn) -> None:
        """Statements returning the WHNF of ``e``."""
        while True:
            if isinstance(e, core.Let):
                self.let(e, fn)
                e = e.body
            elif isinstance(e, core.LetRec):
                self.letrec(e, fn)
                e = e.body
            elif isinstance(e, core.PrimOp) and e.entity == "seq":
                self._discard(self.whnf(self._arg(e, 0), fn), fn)
                e = e.args[1]
            elif isinstance(e, core.App) and isinstance(e.fun, core.Lam | core.App):
                beta = self._beta(e, fn)
                if beta is None:
                    break
                e = beta
            else:
                break
        if isinstance(e, core.Case):
            if fn.out.depth >= MAX_DEPTH:
                fn.out.emit(f"return {self.lift(e)}")
            else:
                self.case(e, fn, self.tail)
        elif isinstance(e, core.PatError):
            fn.out.emit(f"raise _HaskellError({e.message!a})")
        elif isinstance(e, core.App) and self._loop_call(e, fn):
            pass
        else:
            fn.out.emit(f"return {self.whnf(e, fn)}")

    def whnf(self, e: core.Expr, fn: Fn, pytype: str | None = None) -> str:
        """Statements, then an expression for the WHNF of ``e`` (to use once)."""
        while True:
            if isinstance(e, core.Let):
                self.let(e, fn)
                e = e.body
            elif isinstance(e, core.LetRec):
                self.letrec(e, fn)
                e = e.body
            elif isinstance(e, core.PrimOp) and e.entity == "seq":
                self._discard(self.whnf(self._arg(e, 0), fn), fn)
                e = e.args[1]
            else:
                break
        if isinstance(e, core.CoreVar):
            return self.force_var(self.lookup(e.name), pytype or py_type(e.type))
        if isinstance(e, core.App):
            return self.app(e, fn)
        if isinstance(e, core.Case):
            if fn.out.depth >= MAX_DEPTH:
                return self.lift(e)
            result = self.state.fresh()

            def assign(rhs: core.Expr, f: Fn) -> None:
                f.out.emit(f"{result} = {self.whnf(rhs, f, pytype)}")

            self.case(e, fn, assign)
            return result
        if isinstance(e, core.ConApp):
            return self.conapp(e, fn, strict=True)
        if isinstance(e, core.PrimOp):
            return self.primop(e, fn)
        if isinstance(e, core.Lam):
            return self.lam(e, fn)
        if isinstance(e, core.PatError):
            fn.out.emit(f"raise _HaskellError({e.message!a})")
            return "None"
        if isinstance(e, core.StringLit):
            return f"_force({self.state.string(e.value)})" if e.value else "_NIL"
        return literal_text(e)[0]

    def lazy(self, e: core.Expr, fn: Fn, name: str | None = None) -> str:
        """Allocating statements, then an identifier or literal for ``e``'s value."""
        if isinstance(e, core.CoreVar):
            py = self.lookup(e.name).py
            if fn.top and py in self.state.undefined:
                return self._named(f"_forwarder(lambda: {py})", fn, name)
            return py
        if isinstance(e, core.StringLit):
            return self.state.string(e.value) if e.value else "_NIL"
        if isinstance(e, _LITERALS):
            return literal_text(e)[0]
        if isinstance(e, core.Lam):
            return self.lam(e, fn, name)
        if isinstance(e, core.ConApp):
            return self._named(self.conapp(e, fn, strict=False), fn, name)
        if isinstance(e, core.PrimOp) and self._speculable(e):
            return self._named(self.primop(e, fn), fn, name)
        if isinstance(e, core.App):
            pap = self._pap(e, fn)
            if pap is not None:
                return self._named(pap, fn, name)
        if isinstance(e, core.PatError):
            return self.state.const(f"_error_thunk({e.message!a})")
        if isinstance(e, core.Let | core.LetRec) and self._value_form(e):
            while isinstance(e, core.Let | core.LetRec):
                if isinstance(e, core.Let):
                    self.let(e, fn)
                else:
                    self.letrec(e, fn)
                e = e.body
            return self.lazy(e, fn, name)
        return self.thunk(e, fn, name)

    def _named(self, op: str, fn: Fn, name: str | None) -> str:
        if name is None and _simple(op):
            return op
        target = name or self.state.fresh()
        fn.out.emit(f"{target} = {op}")
        return target

    def _discard(self, op: str, fn: Fn) -> None:
        """Evaluate ``op`` for its effect (forcing) only."""
        if not _simple(op):
            fn.out.emit(op)

    def known_whnf(self, e: core.Expr) -> bool:
        """Is ``e`` a value already (building it evaluates nothing)?"""
        if isinstance(e, core.CoreVar):
            return self.lookup(e.name).whnf
        if isinstance(e, core.StringLit):
            return not e.value
        if isinstance(e, (*_LITERALS, core.Lam)):
            return True
        if isinstance(e, core.ConApp):
            strict = self.con_strictness(e.con)
            if strict is None:
                return False
            return all(self.known_whnf(a) for a, s in zip(e.args, strict, strict=True) if s)
        if isinstance(e, core.App):
            fun, args = _spine(e)
            return isinstance(fun, core.CoreVar) and 0 < len(args) < self.lookup(fun.name).arity
        return False

    def _value_form(self, e: core.Expr) -> bool:
        while isinstance(e, core.Let | core.LetRec):
            e = e.body
        return isinstance(e, (core.Lam, core.CoreVar, core.ConApp, *_LITERALS)) and (
            not isinstance(e, core.ConApp) or self.con_strictness(e.con) == (False,) * len(e.args)
        )

    def _speculable(self, e: core.PrimOp) -> bool:
        return e.entity in SPECULABLE and all(
            isinstance(a, core.IntLit | core.DoubleLit | core.CharLit) or self.known_whnf(a)
            for a in e.args
        )

    # --- Thunks, lambdas, lifting --------------------------------------------------------

    def thunk(self, e: core.Expr, fn: Fn, name: str | None = None) -> str:
        code = self.thunk_code(e, fn)
        t = name or self.state.fresh()
        fn.out.emit(f"{t} = _PT()")
        fn.out.emit(f"{t}.code = {code}")
        return t

    def thunk_code(self, e: core.Expr, fn: Fn) -> str:
        """A zero-argument function (text) returning the WHNF of ``e``."""
        caps = self.captures(self.state.fv.of(e))
        defaults = ", ".join(f"{c}={c}" for c in caps)
        if fn.out.depth >= MAX_DEPTH:
            return f"lambda {defaults}: {self.lift(e)}"
        sub = Fn(fn.out.child())
        mark = self.env.mark()
        self.tail(e, sub)
        self.env.release(mark)
        lines = sub.out.lines
        if len(lines) == 1 and lines[0].lstrip().startswith("return "):
            return f"lambda {defaults}: {lines[0].lstrip()[7:]}"
        code = self.state.fresh()
        fn.out.emit(f"def {code}({defaults}):")
        fn.out.extend(lines)
        return code

    def lam(
        self,
        e: core.Lam,
        fn: Fn,
        name: str | None = None,
        self_name: Name | None = None,
        group: frozenset[Name] = frozenset(),
    ) -> str:
        """Define the function ``e`` (named ``name``); its Python name."""
        if not e.params:
            raise self.state.error("lambda without parameters")
        py = name or self.state.fresh()
        params = [local_name(p.name) for p in e.params]
        for p, pp in zip(e.params, params, strict=True):
            self.bind_local(p.name, Var(pp, local=True, pytype=py_type(p.type)))
        n = len(params)
        caps = self.captures(self.state.fv.of(e), group)
        head = ", ".join([*params, f"_n={n}", *(f"{c}={c}" for c in caps)])
        if fn.out.depth >= MAX_DEPTH:
            inner = [*params, *self.captures(self.state.fv.of(e))]
            call = self._lift_body(e.body, inner)
            fn.out.emit(f"{py} = lambda {head}: {call}")
            return py
        loop = None
        if (
            self_name is not None
            and _tail_calls_self(e.body, self_name, n)
            and not _binds_lambdas(e.body)
        ):
            loop = Loop(self_name, tuple(params))
        fn.out.emit(f"def {py}({head}):")
        outer = fn.out.child()
        body = outer
        if loop is not None:
            outer.emit("while True:")
            body = outer.child()
        mark = self.env.mark()
        self.tail(e.body, Fn(body, loop))
        self.env.release(mark)
        fn.out.extend(outer.lines)
        fn.out.extend(body.lines if body is not outer else ())
        return py

    def lift(self, e: core.Expr) -> str:
        """Move ``e`` to a top-level function of its free variables; the call."""
        return self._lift_body(e, self.captures(self.state.fv.of(e)))

    def _lift_body(self, e: core.Expr, params: list[str]) -> str:
        name = self.state.fresh("L")
        sub = Fn(Out(1))
        mark = self.env.mark()
        self.tail(e, sub)
        self.env.release(mark)
        plist = ", ".join(params)
        self.state.lifted.append(f"def {name}({plist}):")
        self.state.lifted.extend(sub.out.lines)
        return f"{name}({plist})"

    # --- let, letrec -------------------------------------------------------------------

    def let(self, e: core.Let, fn: Fn) -> None:
        var, rhs = e.bind.var, e.bind.rhs
        if var.name not in self.state.fv.of(e.body):
            return  # dead: evaluating nothing, building it would be wasted
        if isinstance(rhs, core.CoreVar):
            self.bind_local(var.name, self.lookup(rhs.name))
            return
        if isinstance(rhs, core.IntLit | core.DoubleLit | core.CharLit):
            text, t = literal_text(rhs)
            self.bind_local(var.name, Var(text, whnf=True, pytype=t))
            return
        py = self.local_py(var.name, fn)
        if isinstance(rhs, core.Lam):
            self.lam(rhs, fn, py)
            self.bind_local(var.name, Var(py, local=not fn.top, whnf=True, arity=len(rhs.params)))
            return
        if not fn.top and _forces_first(e.body, var.name):  # See Note [Strict lets]
            op = self.whnf(rhs, fn, py_type(var.type))
            fn.out.emit(f"{py} = {op}")
            self.bind_local(var.name, Var(py, local=True, whnf=True, pytype=py_type(var.type)))
            return
        whnf = self.known_whnf(rhs) or (isinstance(rhs, core.PrimOp) and self._speculable(rhs))
        op = self.lazy(rhs, fn, py)
        if op != py:  # a literal, or a variable
            self.bind_local(var.name, Var(op, local=_simple(op) and not fn.top, whnf=whnf))
            return
        self.bind_local(var.name, Var(py, local=not fn.top, whnf=whnf, pytype=py_type(var.type)))

    def letrec(self, e: core.LetRec, fn: Fn) -> None:
        """See Note [Knots in Python]."""
        lams: list[tuple[core.Bind, str]] = []
        others: list[tuple[core.Bind, str]] = []
        for b in e.binds:
            py = self.local_py(b.var.name, fn)
            if isinstance(b.rhs, core.Lam):
                lams.append((b, py))
                var = Var(py, local=not fn.top, whnf=True, arity=len(b.rhs.params))
            else:
                others.append((b, py))
                var = Var(py, local=not fn.top, pytype=py_type(b.var.type))
            self.bind_local(b.var.name, var)
        for _, py in others:
            fn.out.emit(f"{py} = _PT()")
        group = frozenset(b.var.name for b, _ in lams)
        for b, py in lams:
            assert isinstance(b.rhs, core.Lam)
            self.lam(b.rhs, fn, py, b.var.name, group)
        for b, py in others:
            fn.out.emit(f"{py}.code = {self.thunk_code(b.rhs, fn)}")

    # --- Applications ------------------------------------------------------------------

    def _beta(self, e: core.App, fn: Fn) -> core.Expr | None:
        """``(\\x y -> b) a1 a2 ...``: bind the parameters, give the rest; None if the
        head is not a lambda applied to all its parameters."""
        fun, args = _spine(e)
        if not isinstance(fun, core.Lam) or len(args) < len(fun.params):
            return None
        if not fun.params:
            raise self.state.error("lambda without parameters")
        for p, a in zip(fun.params, args, strict=False):
            self.let(core.Let(core.Bind(p, a), fun.body), fn)
        rest = args[len(fun.params) :]
        return core.App(fun.body, tuple(rest)) if rest else fun.body

    def _loop_call(self, e: core.App, fn: Fn) -> bool:
        """A self tail call in a loop: assign the parameters, continue."""
        loop = fn.loop
        if loop is None:
            return False
        fun, args = _spine(e)
        if not (
            isinstance(fun, core.CoreVar)
            and fun.name == loop.name
            and len(args) == len(loop.params)
        ):
            return False
        ops = [self.lazy(a, fn) for a in args]
        changed = [(p, op) for p, op in zip(loop.params, ops, strict=True) if p != op]
        if changed:
            targets = ", ".join(p for p, _ in changed)
            values = ", ".join(op for _, op in changed)
            fn.out.emit(f"{targets} = {values}")
        fn.out.emit("continue")
        return True

    def app(self, e: core.App, fn: Fn) -> str:
        beta = self._beta(e, fn)
        if beta is not None:
            return self.whnf(beta, fn)
        fun, args = _spine(e)
        if not args:
            raise self.state.error("application to no arguments")
        if isinstance(fun, core.CoreVar):
            var = self.lookup(fun.name)
            ops = [self.lazy(a, fn) for a in args]
            if var.arity:
                return self.known_call(var.py, var.arity, ops, fn, local=var.local)
            if var.imported is not None:
                return f"{self.state.import_call(var.imported, len(ops))}({', '.join(ops)})"
            return self.unknown_call(var.py, ops, fn)
        f = self.whnf(fun, fn, "_fn")
        ops = [self.lazy(a, fn) for a in args]
        return self.unknown_call(f, ops, fn)

    def _pap(self, e: core.App, fn: Fn) -> str | None:
        """A known function applied to fewer arguments than its arity: a value (a
        function), built without evaluating anything; None for other applications."""
        fun, args = _spine(e)
        if not isinstance(fun, core.CoreVar):
            return None
        var = self.lookup(fun.name)
        if not 0 < len(args) < var.arity:
            return None
        # the lambda reads the globals it mentions when called: no forwarders
        ops = [
            self.lookup(a.name).py
            if isinstance(a, core.CoreVar) and a.name.is_global
            else self.lazy(a, fn)
            for a in args
        ]
        return self.known_call(var.py, var.arity, ops, fn, local=var.local)

    def known_call(self, f: str, n: int, ops: list[str], fn: Fn, *, local: bool) -> str:
        k = len(ops)
        if k == n:
            return f"{f}({', '.join(ops)})"
        if k > n:
            first = self.state.fresh()
            fn.out.emit(f"{first} = {f}({', '.join(ops[:n])})")
            return self.unknown_call(first, ops[n:], fn)
        # a partial application: a lambda of the missing arguments
        rest = [f"_y{i}" for i in range(1, n - k + 1)]
        caps = sorted({op for op in ops if _LOCAL.fullmatch(op)} | ({f} if local else set()))
        head = ", ".join([*rest, f"_n={n - k}", *(f"{c}={c}" for c in caps)])
        return f"(lambda {head}: {f}({', '.join(ops + rest)}))"

    def unknown_call(self, f: str, ops: list[str], fn: Fn) -> str:
        if not _IDENT.fullmatch(f):  # an expression, or a literal (ill-typed Core)
            t = self.state.fresh()
            fn.out.emit(f"{t} = {f}")
            f = t
        k = len(ops)
        args = ", ".join(ops)
        apply = self.state.apply(k)
        return (
            f"({f}({args}) if type({f}) is _fn and {f}.__defaults__[0] == {k}"
            f" else {apply}({f}, {args}))"
        )

    # --- Constructors ------------------------------------------------------------------

    def con_strictness(self, ref: core.DataConRef) -> tuple[bool, ...] | None:
        """The strict fields of a constructor, None when unknown (imported)."""
        dc = self.state.cons.get(ref.name)
        if dc is not None:
            return dc.strict
        if ref.name.module == BUILTIN_MODULE or ref.arity == 0:
            return (False,) * ref.arity
        return None

    def check_con(self, ref: core.DataConRef, nfields: int, *, alt: bool = False) -> None:
        """A constructor use agrees with its declaration (when it is this module's)
        and has one argument (or bound field) per field."""
        dc = self.state.cons.get(ref.name)
        if dc is None and ref.name.module == self.state.module:
            raise self.state.error(f"unknown constructor {ref.name}")
        if dc is not None and (dc.tag, dc.arity) != (ref.tag, ref.arity):
            raise self.state.error(
                f"constructor {ref.name} used with tag {ref.tag} and arity {ref.arity}, "
                f"declared with tag {dc.tag} and arity {dc.arity}"
            )
        if nfields != ref.arity:
            if alt:
                raise self.state.error(
                    f"alternative for {ref.name} binds {nfields} fields, "
                    f"the constructor has {ref.arity}"
                )
            raise self.state.error(
                f"{ref.name} applied to {nfields} arguments, its arity is {ref.arity}"
            )

    def conapp(self, e: core.ConApp, fn: Fn, *, strict: bool) -> str:
        """The tuple of ``e`` (``strict``: an expression to use once; else an operand,
        or a thunk when a strict field still needs evaluating)."""
        ref = e.con
        self.check_con(ref, len(e.args))
        tag = ref.tag
        flags = self.con_strictness(ref)
        if flags is None:
            ops = [self.lazy(a, fn) for a in e.args]
            args = ", ".join(ops)
            builder = self.state.import_builder(ref.name, len(ops))
            if strict:
                return f"(({tag}, {args}) if {builder} is None else {builder}({args}))"
            delay = self.state.delay(len(ops))
            return f"(({tag}, {args}) if {builder} is None else {delay}({builder}, {args}))"
        if not strict and not all(
            self.known_whnf(a) for a, s in zip(e.args, flags, strict=True) if s
        ):
            return self.thunk(e, fn)
        fields: list[str] = []
        pending = [i for i, s in enumerate(flags) if s]
        for i, (a, s) in enumerate(zip(e.args, flags, strict=True)):
            if s:
                op = self.whnf(a, fn)
                if not _simple(op) and i != pending[-1]:
                    op = self._temp(op, fn)
                fields.append(op)
            else:
                fields.append(self.lazy(a, fn))
        if not fields:
            return f"({tag},)"
        return f"({tag}, {', '.join(fields)})"

    def _temp(self, op: str, fn: Fn) -> str:
        t = self.state.fresh()
        fn.out.emit(f"{t} = {op}")
        return t

    # --- Primitives --------------------------------------------------------------------

    def _arg(self, e: core.PrimOp, i: int) -> core.Expr:
        if len(e.args) != 2:
            raise self.state.error(f"primitive 'seq' called with {len(e.args)} arguments")
        return e.args[i]

    def prim_args(self, e: core.PrimOp, fn: Fn) -> list[str]:
        """The arguments' operands: strict ones forced, left to right."""
        spec = PRIM_SPECS.get(e.entity)
        strict = spec.strict if spec is not None else (True,) * len(e.args)
        if len(strict) != len(e.args):
            raise self.state.error(
                f"primitive {e.entity!r} called with {len(e.args)} arguments, "
                f"it takes {len(strict)}"
            )
        types = ARG_TYPES.get(e.entity, (None,) * len(e.args))
        later_strict = [
            any(
                s and not isinstance(a, _ATOMS)
                for a, s in zip(e.args[i + 1 :], strict[i + 1 :], strict=True)
            )
            for i in range(len(e.args))
        ]
        ops: list[str] = []
        for i, (a, s) in enumerate(zip(e.args, strict, strict=True)):
            if not s:
                ops.append(self.lazy(a, fn))
                continue
            op = self.whnf(a, fn, types[i] if i < len(types) else None)
            if later_strict[i] and not _simple(op):
                op = self._temp(op, fn)
            ops.append(op)
        return ops

    def primop(self, e: core.PrimOp, fn: Fn) -> str:
        if e.entity == "seq":
            self._discard(self.whnf(self._arg(e, 0), fn), fn)
            return self.whnf(e.args[1], fn)
        ops = self.prim_args(e, fn)
        inline = INLINE.get(e.entity)
        if inline is not None:
            code = inline(ops, self.state.fresh)
            for s in code.stmts:
                fn.out.emit(s)
            return f"(_TRUE if {code.expr} else _FALSE)" if code.cond else code.expr
        call = f"{self.state.prim(e.entity)}({', '.join(ops)})"
        return call if e.entity in PRIM_SPECS else f"_force({call})"

    def condition(self, e: core.Expr, fn: Fn) -> str | None:
        """``e`` as a Python condition, when it is an inline comparison."""
        if not isinstance(e, core.PrimOp) or e.entity not in CONDITIONS:
            return None
        code = INLINE[e.entity](self.prim_args(e, fn), self.state.fresh)
        for s in code.stmts:
            fn.out.emit(s)
        return code.expr

    # --- case: in ifacedir.backend.python_case ------------------------------------------

    def case(self, e: core.Case, fn: Fn, branch: Branch) -> None:
        from ifacedir.backend.python_case import emit_case

        emit_case(self, e, fn, branch)
