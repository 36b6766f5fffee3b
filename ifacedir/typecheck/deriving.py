"""Derived instances (Report §4.3.3 and chapter 11): which ones, with which contexts.

``deriving (Eq, Ord, Show, Enum, Bounded)`` on ``data T a1 ... an`` declares
``instance ctx => C (T a1 ... an)``; the desugarer writes the methods. The Report
says the context is the smallest one that makes the instance's code typecheck:

* ``Eq``, ``Ord``, ``Show``: ``C t`` for the type ``t`` of every field of every
  constructor, reduced by the instances in scope (``Eq [a]`` becomes ``Eq a``);
* ``Bounded``: an enumeration (no context) or a single constructor (``Bounded`` of
  each field);
* ``Enum``: enumerations only (no context).

A field may mention the type being declared, or another type of the same group
deriving the same class (``data T a = L | N (T a) a``), so the contexts are computed
by a fixpoint, as GHC does: start with empty contexts, add the instances, reduce
every field predicate with them to get new contexts, and repeat until nothing
changes. Contexts only grow, and are made of predicates on the parameters, so this
terminates. A reduced predicate that is not ``C a`` for a parameter ``a`` (``Show (f
a)``, which only standalone deriving could state) or that has no instance (``Eq (a ->
b)``) is an error.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from ifacedir.syntax import ast
from ifacedir.syntax.names import Name
from ifacedir.syntax.types import IsIn, Pred, TAp, TCon, TVar, TyCon, Type, fn_parts, pretty_pred
from ifacedir.typecheck.classes import ClassEnv, ClassEnvError, Instance, add_inst
from ifacedir.typecheck.context import reduce
from ifacedir.typecheck.iface import DataInfo
from ifacedir.typecheck.state import TcState
from ifacedir.typecheck.subst import instantiate
from ifacedir.typecheck.tcenv import BUILTIN, ConInfo

__all__ = ["DERIVABLE", "derive_instances"]

DERIVABLE = (BUILTIN.EQ, BUILTIN.ORD, BUILTIN.SHOW, BUILTIN.ENUM, BUILTIN.BOUNDED)
_MAX_ROUNDS = 100


@dataclass
class _Wanted:
    decl: ast.DataDecl[Name]
    cls: Name
    head: Pred
    params: tuple[Type, ...]
    fields: tuple[Type, ...]


def derive_instances(
    st: TcState,
    ce: ClassEnv,
    decls: Sequence[ast.DataDecl[Name]],
    data: Mapping[Name, DataInfo],
    cons: Mapping[Name, ConInfo],
) -> tuple[ClassEnv, tuple[Instance, ...]]:
    """``ce`` with the derived instances of ``decls``, and those instances."""
    wanted = [w for d in decls for w in _wanted(st, d, data.get(d.name))]
    contexts: list[tuple[Pred, ...]] = [() for _ in wanted]
    final = ce
    for _ in range(_MAX_ROUNDS):
        trial = _with_instances(ce, wanted, contexts, None)
        new = [_context(trial, w, None) for w in wanted]
        if new == contexts:
            break
        contexts = new
    final = _with_instances(ce, wanted, contexts, st)
    for w in wanted:
        _context(final, w, st)
    insts = tuple(i for w in wanted for i in final.insts(w.cls) if i.qual.head == w.head)
    return final, insts


def _wanted(st: TcState, d: ast.DataDecl[Name], info: DataInfo | None) -> list[_Wanted]:
    if info is None or not d.deriving:
        return []
    params: tuple[Type, ...] = tuple(TVar(v) for v in info.params)
    head: Type = TCon(TyCon(info.name, info.kind))
    for p in params:
        head = TAp(head, p)
    out: list[_Wanted] = []
    for cls in d.deriving:
        shown = f"{cls.occ} {d.name.occ}"
        if cls not in DERIVABLE:
            message = (
                f"Can't make a derived instance of ‘{shown}’: ‘{cls.occ}’ is not a derivable class"
            )
            st.report("T016", d.span, message)
            continue
        arities = [_fields(c.scheme.qual.head, params) for c in info.constructors]
        enumeration = all(not fs for fs in arities) and bool(arities)
        fields: list[Type] = [t for fs in arities for t in fs]
        if cls == BUILTIN.ENUM and not enumeration:
            reason = (
                "must be an enumeration type (an enumeration consists of one or more"
                " nullary, non-GADT constructors)"
            )
            st.report(
                "T016",
                d.span,
                f"Can't make a derived instance of ‘{shown}’: ‘{d.name.occ}’ {reason}",
            )
            continue
        if cls == BUILTIN.BOUNDED and not (enumeration or len(arities) == 1):
            reason = "must be an enumeration type or have exactly one constructor"
            st.report(
                "T016",
                d.span,
                f"Can't make a derived instance of ‘{shown}’: ‘{d.name.occ}’ {reason}",
            )
            continue
        if cls == BUILTIN.ENUM:
            fields = []
        out.append(_Wanted(d, cls, IsIn(cls, head), params, tuple(fields)))
    return out


def _fields(t: Type, params: tuple[Type, ...]) -> list[Type]:
    t = instantiate(params, t)
    out: list[Type] = []
    parts = fn_parts(t)
    while parts is not None:
        out.append(parts[0])
        parts = fn_parts(parts[1])
    return out


def _with_instances(
    ce: ClassEnv, wanted: list[_Wanted], contexts: list[tuple[Pred, ...]], st: TcState | None
) -> ClassEnv:
    for w, ctx in zip(wanted, contexts, strict=True):
        try:
            ce = add_inst(ce, ctx, w.head)
        except ClassEnvError:
            if st is not None:
                message = f"Duplicate instance declarations: instance {pretty_pred(w.head)}"
                st.report("T006", w.decl.span, message)
    return ce


def _context(ce: ClassEnv, w: _Wanted, st: TcState | None) -> tuple[Pred, ...]:
    red = reduce(ce, [IsIn(w.cls, t) for t in w.fields])
    shown = f"{w.cls.occ} {w.decl.name.occ}"
    ctx: list[Pred] = []
    for p in red.retained:
        if p.type in w.params:
            ctx.append(p)
        elif st is not None:
            message = (
                f"Can't make a derived instance of ‘{shown}’:"
                f" the constraint ({pretty_pred(p)}) is not on a type parameter"
            )
            st.report("T016", w.decl.span, message)
    if st is not None:
        for p in red.unsolved:
            message = (
                f"No instance for ({pretty_pred(p)}) arising from the 'deriving' clause"
                " of a data type declaration"
            )
            with st.context(f"When deriving the instance for ({shown})"):
                st.report("T004", w.decl.span, message)
    return tuple(sorted(ctx, key=lambda p: (w.params.index(p.type), str(p.cls))))
