"""Haskell 2010's restrictions on type, class and instance declarations.

Kind inference accepts more than the Report allows; these checks reject the rest,
each with GHC 9.0.2's words (recorded in tests/unit/typecheck/test_tc_validity.py):

* ``synonym_cycles``: type synonyms may not be recursive except through a ``data`` or
  ``newtype`` (Report §4.2.2): ``type A = B; type B = [A]`` is an error;
* ``superclass_cycles``: the superclass relation is acyclic (§4.3.1);
* ``check_class_methods``: a method's type mentions the class variable, and its own
  context does not constrain the class variable alone (§4.3.1);
* ``check_instance``: an instance type is ``T a1 ... an``, a type constructor that is
  not a synonym applied to distinct type variables, and the context constrains only
  those variables, each directly (``C a``, not ``C [a]``) (§4.3.2).

Each reports into the ``TcState`` and carries on; ``check_instance`` also says
whether the instance is valid, so that the caller can leave it out of the
``ClassEnv``.
"""

from __future__ import annotations

from collections.abc import Container, Sequence

from ifacedir.syntax import ast
from ifacedir.syntax.names import Name
from ifacedir.syntax.span import SrcLoc, SrcSpan
from ifacedir.typecheck.kinds import kind_groups
from ifacedir.typecheck.state import TcState
from ifacedir.typecheck.written import sccs, show_written, type_constructors, type_variables

__all__ = [
    "check_class_methods",
    "check_instance",
    "instance_head_span",
    "superclass_cycles",
    "synonym_cycles",
]


def synonym_cycles(st: TcState, decls: Sequence[ast.Decl[Name]]) -> None:
    """Report each cycle made of type synonyms alone (Report §4.2.2)."""
    for group in kind_groups(decls):
        syns = {d.name: d for d in group if isinstance(d, ast.TypeSynDecl)}
        edges = {n: [m for m in type_constructors(d.rhs) if m in syns] for n, d in syns.items()}
        for scc in sccs(list(syns), edges):
            if len(scc) > 1 or scc[0] in edges[scc[0]]:
                first = syns[scc[0]]
                names = ", ".join(n.occ for n in scc)
                st.report("T011", first.span, f"Cycle in type synonym declarations: {names}")


def superclass_cycles(st: TcState, decls: Sequence[ast.Decl[Name]]) -> None:
    """Report every class on a cycle of superclasses (Report §4.3.1)."""
    for group in kind_groups(decls):
        classes = {d.name: d for d in group if isinstance(d, ast.ClassDecl)}
        edges = {n: [p.cls for p in d.context if p.cls in classes] for n, d in classes.items()}
        for scc in sccs(list(classes), edges):
            if len(scc) > 1 or scc[0] in edges[scc[0]]:
                for n in scc:
                    with st.context(f"In the class declaration for ‘{n.occ}’"):
                        st.report("T007", classes[n].span, f"Superclass cycle for ‘{n.occ}’")


def check_class_methods(st: TcState, d: ast.ClassDecl[Name]) -> None:
    """Each method mentions the class variable and does not constrain it alone."""
    with st.context(f"In the class declaration for ‘{d.name.occ}’"):
        for sig in (s for s in d.decls if isinstance(s, ast.TypeSig)):
            names = ", ".join(n.occ for n in sig.names)
            if d.tyvar not in set(type_variables(sig.type.type)):
                message = (
                    f"The class method ‘{names}’ mentions none of the type variables"
                    f" of the class ‘{d.name.occ} {d.tyvar.occ}’"
                )
                st.report("T007", sig.span, message)
            for p in sig.type.context:
                if set(type_variables(p.type)) == {d.tyvar}:
                    shown = f"{p.cls.occ} {show_written(p.type, False)}"
                    message = (
                        f"Constraint ‘{shown}’ in the type of ‘{names}’"
                        " constrains only the class type variables"
                    )
                    st.report("T007", sig.span, message)


def check_instance(st: TcState, synonyms: Container[Name], inst: ast.InstanceDecl[Name]) -> bool:
    """Report an instance the Report does not allow (§4.3.2); True if it is valid."""
    shown = f"{inst.cls.occ} {show_written(inst.type, False)}"
    before = len(st.errors)
    with st.context(f"In the instance declaration for ‘{shown}’"):
        head, args = _spine(inst.type)
        if isinstance(head, ast.TCon) and head.name in synonyms:
            message = (
                f"Illegal instance declaration for ‘{shown}’ (All instance types must be of"
                " the form (T t1 ... tn) where T is not a synonym.)"
            )
            st.report("T012", instance_head_span(inst), message)
        elif not _distinct_variables(args):
            message = (
                f"Illegal instance declaration for ‘{shown}’ (All instance types must be of"
                " the form (T a1 ... an) where a1 ... an are *distinct type variables*.)"
            )
            st.report("T012", instance_head_span(inst), message)
        head_vars = set(type_variables(inst.type))
        for p in inst.context:
            shown_p = f"{p.cls.occ} {show_written(p.type, False)}"
            if not isinstance(p.type, ast.TVar):
                message = f"Non type-variable argument in the constraint: {shown_p}"
                st.report("T012", p.span, message)
            elif p.type.name not in head_vars:
                message = (
                    f"Variable ‘{p.type.name.occ}’ occurs more often in the constraint"
                    f" ‘{shown_p}’ than in the instance head ‘{shown}’"
                )
                st.report("T012", p.span, message)
    return len(st.errors) == before


def _spine(t: ast.Type[Name]) -> tuple[ast.Type[Name], list[ast.Type[Name]]]:
    """The head and arguments, seeing ``[a]``, ``a -> b`` and ``(a, b)`` as applications
    of ``[]``, ``(->)`` and ``(,)``."""
    match t:
        case ast.TList(_, e):
            return t, [e]
        case ast.TFun(_, a, r):
            return t, [a, r]
        case ast.TTuple(_, es):
            return t, list(es)
    args: list[ast.Type[Name]] = []
    while isinstance(t, ast.TApp):
        args.append(t.arg)
        t = t.fun
    return t, args[::-1]


def _distinct_variables(args: Sequence[ast.Type[Name]]) -> bool:
    names = [a.name for a in args if isinstance(a, ast.TVar)]
    return len(names) == len(args) and len(set(names)) == len(names)


def instance_head_span(inst: ast.InstanceDecl[Name]) -> SrcSpan:
    """Where GHC locates an instance: just after the keyword ``instance``."""
    start = inst.span.start
    return SrcSpan.point(inst.span.file, SrcLoc(start.line, start.col + len("instance ")))
