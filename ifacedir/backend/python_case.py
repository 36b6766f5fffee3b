"""``case`` for the Python code generator (ifacedir.backend.python_expr).

``emit_case(compiler, e, fn, branch)`` writes ``case scrut of binder { alts }``;
``branch(rhs, fn)`` writes each alternative's right-hand side (a ``return``, or an
assignment to the case's result). Step by step:

1. **Alternatives that can match**: those after a ``DefaultAlt`` are dropped, and so
   is a second alternative for the same constructor or literal (the first one
   matching wins, spec/CORE.md §3).
2. **A comparison**: when the scrutinee is an inline comparison primitive and the
   alternatives are ``False`` / ``True`` (the binder unused), the comparison is the
   ``if``'s condition and no ``Bool`` is built.
3. **The scrutinee**, forced: a variable not known to be evaluated is forced into the
   binder's name (``b = x if type(x) is tuple else force(x)``), and the variable
   stands for the binder in the alternatives (Note [Facts learnt by a case] in
   ifacedir.backend.python_scope); any other expression is evaluated into it.
4. **The test**: none for a single constructor alternative (a product type: the
   alternatives are exhaustive, spec/CORE.md §4); else ``switch`` on the tag
   ``b[0]`` or on the literal value. A constructor alternative binds the fields its
   right-hand side uses (``_, x, y = b``, or ``x = b[1]``).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from typing import Final

from ifacedir.backend.python_expr import SWITCH_LINEAR, Branch, ExprCompiler, literal_text
from ifacedir.backend.python_names import local_name
from ifacedir.backend.python_scope import Fn, Var, py_type
from ifacedir.syntax import core

__all__ = ["emit_case"]

_LOCAL: Final = re.compile(r"[a-z][A-Za-z0-9]*_[0-9]+|_[0-9]+")
_IDENT: Final = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")

Body = Callable[[], None]


def _useful(
    alts: tuple[core.Alt, ...],
) -> tuple[list[core.ConAlt], list[core.LitAlt], core.DefaultAlt | None]:
    cons: list[core.ConAlt] = []
    lits: list[core.LitAlt] = []
    tags: set[int] = set()
    keys: set[object] = set()
    for alt in alts:
        if isinstance(alt, core.DefaultAlt):
            return cons, lits, alt
        if isinstance(alt, core.ConAlt):
            if alt.con.tag not in tags:
                tags.add(alt.con.tag)
                cons.append(alt)
        else:
            key = _lit_key(alt.lit)
            if key not in keys:
                keys.add(key)
                lits.append(alt)
    return cons, lits, None


def _lit_key(lit: core.Literal) -> object:
    if isinstance(lit, core.IntLit):
        return ("i", lit.value)
    if isinstance(lit, core.CharLit):
        return ("c", lit.code)
    if isinstance(lit, core.DoubleLit):
        return ("d", literal_text(lit)[0])
    return ("s", lit.value)


def emit_case(c: ExprCompiler, e: core.Case, fn: Fn, branch: Branch) -> None:
    """Write ``e`` (see the module docstring)."""
    cons, lits, default = _useful(e.alts)
    if cons and lits:
        raise c.state.error("case mixes constructor and literal alternatives")
    mark = c.env.mark()
    if _emit_condition(c, e, fn, branch, cons, default):
        c.env.release(mark)
        return
    if cons:
        pytype: str | None = "tuple"
    elif lits:
        if isinstance(lits[0].lit, core.StringLit):
            raise c.state.error("string literal alternative")
        pytype = literal_text(lits[0].lit)[1]
    else:
        pytype = py_type(e.binder.type)
    b = _scrutinee(c, e, fn, pytype)
    if cons:
        _con_alts(c, b, cons, default, fn, branch)
    elif lits:
        _lit_alts(c, b, lits, default, fn, branch)
    elif default is not None:
        branch(default.rhs, fn)
    else:
        fn.out.emit(
            f"raise _PyBackendError({c.state.error('case without alternatives').args[0]!a})"
        )
    c.env.release(mark)


def _scrutinee(c: ExprCompiler, e: core.Case, fn: Fn, pytype: str | None) -> str:
    """Force the scrutinee, bind the binder; the binder's Python name."""
    binder = e.binder.name
    scrut = e.scrut
    if isinstance(scrut, core.CoreVar):
        var = c.lookup(scrut.name)
        if var.whnf:
            c.env.bind(binder, var.forced(var.py, pytype) if var.local else _value(var, pytype))
            return var.py
        b = local_name(binder)
        fn.out.emit(f"{b} = {c.force_var(var, pytype)}")
        bvar = Var(b, local=True, whnf=True, pytype=var.pytype or pytype)
        c.env.bind(binder, bvar)
        if not scrut.name.is_global:
            c.env.bind(scrut.name, bvar)
        return b
    op = c.whnf(scrut, fn, pytype)
    if _IDENT.fullmatch(op):
        c.env.bind(binder, Var(op, local=bool(_LOCAL.fullmatch(op)), whnf=True, pytype=pytype))
        return op
    b = local_name(binder)
    fn.out.emit(f"{b} = {op}")
    c.env.bind(binder, Var(b, local=True, whnf=True, pytype=pytype))
    return b


def _value(var: Var, pytype: str | None) -> Var:
    return Var(var.py, whnf=True, arity=var.arity, pytype=var.pytype or pytype)


def _emit_condition(
    c: ExprCompiler,
    e: core.Case,
    fn: Fn,
    branch: Branch,
    cons: list[core.ConAlt],
    default: core.DefaultAlt | None,
) -> bool:
    """Step 2 of the module docstring; False when it does not apply."""
    if not isinstance(e.scrut, core.PrimOp) or not cons:
        return False
    if any(alt.con.arity or alt.con.tag not in (0, 1) for alt in cons):
        return False
    fv = c.state.fv
    rhss = [alt.rhs for alt in cons] + ([default.rhs] if default else [])
    if any(e.binder.name in fv.of(rhs) for rhs in rhss):
        return False
    by_tag = {alt.con.tag: alt.rhs for alt in cons}
    true_rhs = by_tag.get(1, default.rhs if default else None)
    false_rhs = by_tag.get(0, default.rhs if default else None)
    if true_rhs is None or false_rhs is None:
        return False
    cond = c.condition(e.scrut, fn)
    if cond is None:
        return False
    fn.out.emit(f"if {cond}:")
    _indented(c, fn, lambda: branch(true_rhs, fn))
    fn.out.emit("else:")
    _indented(c, fn, lambda: branch(false_rhs, fn))
    return True


def _indented(c: ExprCompiler, fn: Fn, body: Body) -> None:
    """``body`` one level deeper, with the facts it learns undone after."""
    mark = c.env.mark()
    fn.out.depth += 1
    body()
    fn.out.depth -= 1
    c.env.release(mark)


def _con_alts(
    c: ExprCompiler,
    b: str,
    cons: list[core.ConAlt],
    default: core.DefaultAlt | None,
    fn: Fn,
    branch: Branch,
) -> None:
    def body(alt: core.ConAlt) -> Body:
        def run() -> None:
            _bind_fields(c, b, alt, fn)
            branch(alt.rhs, fn)

        return run

    for alt in cons:
        c.check_con(alt.con, len(alt.vars), alt=True)
    if len(cons) == 1 and default is None:
        body(cons[0])()
        return
    items = [(alt.con.tag, str(alt.con.tag), body(alt)) for alt in cons]
    items.sort(key=lambda item: item[0])
    dflt = (lambda: branch(default.rhs, fn)) if default is not None else None
    switch(c, fn, f"{b}[0]", items, dflt, exhaustive=True)


def _bind_fields(c: ExprCompiler, b: str, alt: core.ConAlt, fn: Fn) -> None:
    fv = c.state.fv.of(alt.rhs)
    strict = c.con_strictness(alt.con)
    used = [(i, v) for i, v in enumerate(alt.vars) if v.name in fv]
    names: list[str] = ["_"] * (len(alt.vars) + 1)
    for i, v in used:
        py = local_name(v.name)
        names[i + 1] = py
        whnf = bool(strict and strict[i])
        c.env.bind(v.name, Var(py, local=True, whnf=whnf, pytype=py_type(v.type)))
    if len(used) >= 2:
        fn.out.emit(f"{', '.join(names)} = {b}")
    else:
        for i, _ in used:
            fn.out.emit(f"{names[i + 1]} = {b}[{i + 1}]")


def _lit_alts(
    c: ExprCompiler,
    b: str,
    lits: list[core.LitAlt],
    default: core.DefaultAlt | None,
    fn: Fn,
    branch: Branch,
) -> None:
    items: list[tuple[object, str, Body]] = []
    for alt in lits:
        if isinstance(alt.lit, core.StringLit):
            raise c.state.error("string literal alternative")
        text = literal_text(alt.lit)[0]
        rhs = alt.rhs
        items.append((_lit_key(alt.lit), text, lambda rhs=rhs: branch(rhs, fn)))  # type: ignore[misc]
    dflt = (lambda: branch(default.rhs, fn)) if default is not None else None
    switch(c, fn, b, items, dflt, exhaustive=False)


def switch(
    c: ExprCompiler,
    fn: Fn,
    key: str,
    items: Sequence[tuple[object, str, Body]],
    default: Body | None,
    *,
    exhaustive: bool,
) -> None:
    """Run the body of the item whose test text equals ``key`` (else ``default``;
    else, when ``exhaustive``, the last item's). See Note [Deep Core makes shallow
    Python] in ifacedir.backend.python_expr."""
    if default is None and not exhaustive:
        message = ascii(c.state.error("no case alternative matches").args[0])
        default = lambda: fn.out.emit(f"raise _PyBackendError({message})")  # noqa: E731
    if not _IDENT.fullmatch(key) and len(items) > 1:
        t = c.state.fresh()
        fn.out.emit(f"{t} = {key}")
        key = t
    if len(items) <= SWITCH_LINEAR:
        _chain(c, fn, [(f"{key} == {text}", body) for _, text, body in items], default)
        return
    table = c.state.const(
        "{" + ", ".join(f"{text}: {i}" for i, (_, text, _) in enumerate(items)) + "}"
    )
    index = c.state.fresh()
    fn.out.emit(f"{index} = {table}.get({key}, -1)")
    bodies = [body for _, _, body in items]
    if default is not None:
        fn.out.emit(f"if {index} < 0:")
        _indented(c, fn, default)
        fn.out.emit("else:")
        _indented(c, fn, lambda: _tree(c, fn, index, bodies, 0, len(bodies)))
    else:
        _tree(c, fn, index, bodies, 0, len(bodies))


def _chain(c: ExprCompiler, fn: Fn, tests: list[tuple[str, Body]], default: Body | None) -> None:
    """``if t1: ... elif t2: ... else: default``; with no default, the last test is
    the ``else``."""
    for i, (test, body) in enumerate(tests):
        if default is None and i == len(tests) - 1:
            if i == 0:
                body()
                return
            fn.out.emit("else:")
        else:
            fn.out.emit(f"{'if' if i == 0 else 'elif'} {test}:")
        _indented(c, fn, body)
    if default is not None:
        if not tests:
            default()
            return
        fn.out.emit("else:")
        _indented(c, fn, default)


def _tree(c: ExprCompiler, fn: Fn, index: str, bodies: list[Body], lo: int, hi: int) -> None:
    """Binary search on ``index`` over ``bodies[lo:hi]`` (one of them runs)."""
    if hi - lo <= SWITCH_LINEAR:
        _chain(c, fn, [(f"{index} == {i}", bodies[i]) for i in range(lo, hi)], None)
        return
    mid = (lo + hi) // 2
    fn.out.emit(f"if {index} < {mid}:")
    _indented(c, fn, lambda: _tree(c, fn, index, bodies, lo, mid))
    fn.out.emit("else:")
    _indented(c, fn, lambda: _tree(c, fn, index, bodies, mid, hi))
