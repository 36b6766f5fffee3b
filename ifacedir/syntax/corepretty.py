"""A printer for Core (ifacedir.syntax.core), for dumps, ``inspect`` and tests.

The output reads like GHC's ``-ddump-ds`` without types: one binding per top-level
group, locals printed ``occ_unique``, globals qualified, constructors and primitives
marked so that each node's kind is visible::

    Main.f = \\ $dEq_3 x_4 ->
      case x_4 of ds_5 {
        GHC.Types.[] -> GHC.Types.False;
        GHC.Types.: y_6 ys_7 -> ...
      }

With ``types=True`` every binder is followed by ``:: type`` (its scheme). The
printer recurses; ``pretty_core_module`` runs under ``run_deep`` for deep trees.
"""

from __future__ import annotations

from fractions import Fraction

from ifacedir.syntax import core
from ifacedir.syntax.names import Name
from ifacedir.syntax.types import Forall, pretty_scheme, pretty_type
from ifacedir.util.deep import run_deep

__all__ = ["pretty_core_expr", "pretty_core_module"]


def _name(n: Name) -> str:
    return n.qualified()


class _Printer:
    def __init__(self, types: bool) -> None:
        self.types = types

    def binder(self, v: core.CoreVar) -> str:
        if not self.types:
            return _name(v.name)
        t = v.type
        shown = pretty_scheme(t) if isinstance(t, Forall) else pretty_type(t)
        return f"({_name(v.name)} :: {shown})"

    def lit(self, e: core.Expr) -> str:
        match e:
            case core.IntLit(v, kind):
                return f"{v}" if kind is core.IntKind.INT else f"{v}n"
            case core.DoubleLit(n, d):
                return f"{float(Fraction(n, d))!r}d"
            case core.CharLit(c):
                return repr(chr(c))
            case core.StringLit(s):
                return '"' + s.encode("unicode_escape").decode("ascii").replace('"', '\\"') + '"'
        raise TypeError(e)

    def atom(self, e: core.Expr, ind: int) -> str:
        text = self.expr(e, ind)
        if isinstance(e, core.App | core.Lam | core.Let | core.LetRec | core.Case) or (
            isinstance(e, core.ConApp | core.PrimOp) and e.args
        ):
            return f"({text})"
        return text

    def expr(self, e: core.Expr, ind: int) -> str:
        pad = "  " * (ind + 1)
        match e:
            case core.CoreVar(name, _):
                return _name(name)
            case core.IntLit() | core.DoubleLit() | core.CharLit() | core.StringLit():
                return self.lit(e)
            case core.App(f, args):
                return " ".join([self.atom(f, ind), *(self.atom(a, ind) for a in args)])
            case core.Lam(params, body):
                ps = " ".join(self.binder(p) for p in params)
                return f"\\ {ps} ->\n{pad}{self.expr(body, ind + 1)}"
            case core.Let(b, body):
                return f"let {self.bind(b, ind + 1)}\n{'  ' * ind}in {self.expr(body, ind)}"
            case core.LetRec(binds, body):
                inner = f";\n{pad}".join(self.bind(b, ind + 1) for b in binds)
                return f"letrec {{\n{pad}{inner}\n{'  ' * ind}}} in {self.expr(body, ind)}"
            case core.Case(scrut, binder, _, alts):
                shown = f";\n{pad}".join(self.alt(a, ind + 1) for a in alts)
                head = f"case {self.expr(scrut, ind)} of {self.binder(binder)}"
                return f"{head} {{\n{pad}{shown}\n{'  ' * ind}}}"
            case core.ConApp(con, args):
                return " ".join([f"[{_name(con.name)}]", *(self.atom(a, ind) for a in args)])
            case core.PrimOp(entity, _, args, _):
                return " ".join([f"prim#{entity}", *(self.atom(a, ind) for a in args)])
            case core.PatError(message, _):
                return f"patError {message.rstrip()!r}"
        raise TypeError(f"not Core: {type(e).__name__}")

    def alt(self, a: core.Alt, ind: int) -> str:
        match a:
            case core.ConAlt(con, vs, rhs):
                lhs = " ".join([_name(con.name), *(self.binder(v) for v in vs)])
            case core.LitAlt(lit, rhs):
                lhs = self.lit(lit)
            case core.DefaultAlt(rhs):
                lhs = "_"
        return f"{lhs} -> {self.expr(rhs, ind)}"

    def bind(self, b: core.Bind, ind: int) -> str:
        return f"{self.binder(b.var)} = {self.expr(b.rhs, ind)}"


def pretty_core_expr(e: core.Expr, *, types: bool = False) -> str:
    return run_deep(_Printer(types).expr, e, 0)


def pretty_core_module(m: core.CoreModule, *, types: bool = False) -> str:
    """The whole module: its data types, then its binding groups in order."""
    return run_deep(_module, m, types)


def _module(m: core.CoreModule, types: bool) -> str:
    p = _Printer(types)
    lines = [f"-- Core of module {m.module} (package {m.package})"]
    for dt in m.data:
        cons = " | ".join(f"{_name(c.name)}/{c.arity}" for c in dt.cons)
        lines.append(f"data {_name(dt.name)} = {cons}")
    for g in m.groups:
        prefix = "rec " if g.recursive else ""
        for b in g.binds:
            lines.append(prefix + p.bind(b, 0))
    if m.entry is not None:
        lines.append(f"-- entry: {_name(m.entry)}")
    return "\n".join(lines) + "\n"
