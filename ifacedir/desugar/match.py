"""Pattern-match compilation: equations of patterns into ``case`` trees on variables.

``match(ds, us, eqns, fail, t)`` is the classic algorithm of Wadler's chapter in
*The Implementation of Functional Programming Languages* (SPJ, 1987, ch. 5), with
failure continuations for guards that fall through:

* ``us`` are the variables being matched (occurrences), ``eqns`` the equations, each
  a row of patterns (one per variable) and a right-hand side built *given the
  expression to evaluate if it fails* (its guards may all be false), ``fail`` what
  to do when no equation matches, ``t`` the type of the result;
* with no variable left, the first equation's right-hand side is the answer, falling
  through to the next equation's when its guards fail (the rest is dropped once an
  equation cannot fail);
* otherwise every equation's first pattern is *tidied* (see ``_tidy``): variables and
  as-patterns are substituted by the variable matched (no binding is made), lazy
  patterns become bindings of their variables, lists, tuples, infix constructors and
  string literals become prefix constructor patterns. The equations are then cut
  into maximal *blocks* whose first patterns are all wildcards, all constructors or
  all literals, and the blocks are matched in order, each one's failure being the
  next block (the *mixture rule*);
* a wildcard block drops the column; a constructor block becomes one ``case`` with an
  alternative per constructor that occurs (in tag order), whose field variables are
  matched next, and a default alternative that fails unless every constructor of
  the type occurs; a literal block becomes one ``case`` with literal alternatives for
  characters and for numbers of a primitive type (``Int``, ``Integer``, ``Double``),
  and otherwise a chain of ``==`` tests through the literal's ``Eq`` witness (Report
  §3.17.2: a numeric literal pattern matches when ``x == k``).

Failure expressions that are used more than once are let-bound first, so no code is
duplicated (Note [Sharing the failure expression]).

Left to right, outside in, and first equation first: the order of Report §3.17.2,
so the compiled tree forces exactly what the Report's semantics forces.

``lazy_binds(ds, u, pat)`` gives, for a lazy pattern ``~p`` or a pattern binding
``p = e`` (both irrefutable), one binding per variable of ``p`` that matches ``u``
against ``p`` only when that variable is demanded (Report §3.17.3, §4.4.3.2).

Note [Sharing the failure expression]
~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~
Where matching can fail in several places (every constructor block's default
alternative, every guard of every equation of a block), each place continues with the
same failure expression: the match of the remaining blocks and equations. Copying it
into each place would make the output exponential in the number of clauses, so a
failure expression that is not an atom is bound once, ``let fail = ... in``, and the
places refer to the variable. In a lazy language the binding costs a thunk and is
evaluated only when some place fails.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from fractions import Fraction
from typing import TypeAlias

from ifacedir.desugar import literals
from ifacedir.desugar.context import Ds, arg_types, bool_case, is_atom, let
from ifacedir.desugar.env import ANY, DsError, use
from ifacedir.desugar.typeof import pat_type
from ifacedir.syntax import ast, core
from ifacedir.syntax.evidence import EvInst, TcName
from ifacedir.syntax.names import Name, cons_con, nil_con, tuple_con
from ifacedir.syntax.span import SrcSpan
from ifacedir.syntax.types import (
    T_CHAR,
    T_DOUBLE,
    T_INT,
    T_INTEGER,
    T_LIST,
    T_STRING,
    TAp,
    Type,
    fn,
    list_type,
    to_scheme,
)

__all__ = ["Eqn", "lazy_binds", "match", "pattern_vars", "shared"]

TPat: TypeAlias = "ast.Pat[TcName]"
Rhs = Callable[[core.Expr], core.Expr]


@dataclass(frozen=True, slots=True)
class Eqn:
    """One row: patterns for the remaining variables, the right-hand side given its
    failure expression, whether that can fail at all (guards), and the bindings of
    lazy patterns met so far (wrapped around the right-hand side)."""

    pats: tuple[TPat, ...]
    rhs: Rhs
    can_fail: bool = False
    binds: tuple[core.Bind, ...] = ()


def shared(ds: Ds, fail: core.Expr, t: Type, k: Callable[[core.Expr], core.Expr]) -> core.Expr:
    """``k(fail)``, binding ``fail`` first unless it is an atom. See Note [Sharing the
    failure expression]."""
    if is_atom(fail):
        return k(fail)
    v = ds.env.fresh("fail", t)
    return core.Let(core.Bind(v, fail), k(use(v)))


def match(
    ds: Ds, us: Sequence[core.CoreVar], eqns: Sequence[Eqn], fail: core.Expr, t: Type
) -> core.Expr:
    """The ``case`` tree matching ``us`` against ``eqns`` (see the module docstring)."""
    if not eqns:
        return fail
    if not us:
        return _first_rhs(ds, eqns, fail, t)
    u = us[0]
    tidied = [_tidy_eqn(ds, u, eq) for eq in eqns]
    blocks = _blocks(tidied)

    def chain(i: int, fail_: core.Expr) -> core.Expr:
        # the blocks from i on, in order, each failing into the next
        if i == len(blocks) - 1:
            return _match_block(ds, us, blocks[i], fail_, t)
        rest = chain(i + 1, fail_)
        return shared(ds, rest, t, lambda f: _match_block(ds, us, blocks[i], f, t))

    return shared(ds, fail, t, lambda f: chain(0, f))


def _first_rhs(ds: Ds, eqns: Sequence[Eqn], fail: core.Expr, t: Type) -> core.Expr:
    used: list[Eqn] = []
    for eq in eqns:
        used.append(eq)
        if not eq.can_fail:
            break  # later equations are unreachable (GHC warns about them)
    result = fail
    for eq in reversed(used):
        if eq.can_fail:
            result = shared(ds, result, t, _rhs_with_binds(eq))
        else:
            result = let(eq.binds, eq.rhs(result))
    return result


def _rhs_with_binds(eq: Eqn) -> Callable[[core.Expr], core.Expr]:
    return lambda f: let(eq.binds, eq.rhs(f))


# --- Tidying the first column ---------------------------------------------------------------


def _wild(span: SrcSpan) -> ast.PWild:
    return ast.PWild(span)


def _tidy_eqn(ds: Ds, u: core.CoreVar, eq: Eqn) -> Eqn:
    binds: list[core.Bind] = []
    first = _tidy(ds, u, eq.pats[0], binds)
    return replace(eq, pats=(first, *eq.pats[1:]), binds=eq.binds + tuple(binds))


def _tidy(ds: Ds, u: core.CoreVar, p: TPat, binds: list[core.Bind]) -> TPat:
    """``p`` as a wildcard, a prefix constructor pattern, a record or a literal."""
    while True:
        match p:
            case ast.PParen(_, inner):
                p = inner
            case ast.PVar(span, tn):
                ds.subst[tn.name] = u
                return _wild(span)
            case ast.PAs(_, tn, inner):
                ds.subst[tn.name] = u
                p = inner
            case ast.PLazy(span, inner):
                if _is_var_like(inner):
                    p = inner
                    continue
                binds.extend(lazy_binds(ds, u, inner, _irrefutable_message(ds, span, inner)))
                return _wild(span)
            case ast.PConOp(span, left, con, right):
                return ast.PCon(span, con, (left, right))
            case ast.PTuple(span, elems):
                t = pat_type(ds, p)
                con = TcName(tuple_con(len(elems)), type=_con_type(elems, ds, t))
                return ast.PCon(span, con, elems)
            case ast.PList(span, elems):
                return _list_pat(ds, span, elems, pat_type(ds, p))
            case ast.PLit(span, ast.LitString(text)):
                chars = tuple(ast.PLit(span, ast.LitChar(c)) for c in text)
                return _list_pat(ds, span, chars, T_STRING)
            case _:
                return p


def _is_var_like(p: TPat) -> bool:
    while isinstance(p, ast.PParen | ast.PLazy):
        p = p.pat
    return isinstance(p, ast.PVar | ast.PWild)


def _con_type(elems: Sequence[TPat], ds: Ds, result: Type | None) -> Type | None:
    if result is None:
        return None
    t = result
    for e in reversed(elems):
        t = fn(pat_type(ds, e) or ANY, t)
    return t


def _list_pat(ds: Ds, span: SrcSpan, elems: Sequence[TPat], t: Type | None) -> TPat:
    """``[p1, ..., pn]`` as ``p1 : (... : [])``."""
    lt = t if t is not None else list_type(ANY)
    elem_t = lt.arg if isinstance(lt, TAp) and lt.fun == T_LIST else ANY
    nil = TcName(nil_con(), type=lt)
    cons = TcName(cons_con(), type=fn(elem_t, fn(lt, lt)))
    out: TPat = ast.PCon(span, nil, ())
    for e in reversed(elems):
        out = ast.PCon(span, cons, (e, out))
    return out


# --- Blocks -----------------------------------------------------------------------------------


def _kind(p: TPat) -> str:
    if isinstance(p, ast.PWild):
        return "wild"
    if isinstance(p, ast.PCon | ast.PRec):
        return "con"
    if isinstance(p, ast.PLit):
        return "lit"
    raise DsError(f"untidied pattern {type(p).__name__}")


def _blocks(eqns: Sequence[Eqn]) -> list[list[Eqn]]:
    out: list[list[Eqn]] = []
    last = ""
    for eq in eqns:
        k = _kind(eq.pats[0])
        if out and k == last:
            out[-1].append(eq)
        else:
            out.append([eq])
            last = k
    return out


def _match_block(
    ds: Ds, us: Sequence[core.CoreVar], eqns: list[Eqn], fail: core.Expr, t: Type
) -> core.Expr:
    k = _kind(eqns[0].pats[0])
    if k == "wild":
        rest = [replace(eq, pats=eq.pats[1:]) for eq in eqns]
        return match(ds, us[1:], rest, fail, t)
    if k == "con":
        return _match_con(ds, us, eqns, fail, t)
    return _match_lit(ds, us, eqns, fail, t)


# --- Constructors -----------------------------------------------------------------------------


def _con_parts(ds: Ds, p: TPat) -> tuple[TcName, tuple[TPat, ...]]:
    if isinstance(p, ast.PCon):
        return p.con, p.args
    assert isinstance(p, ast.PRec)
    entry = ds.env.con(p.con.name)
    subs: list[TPat] = [ast.PWild(p.span)] * entry.ref.arity
    for f in p.fields:
        if f.field.name not in entry.labels:
            raise DsError(f"{f.field.name} is not a field of {p.con.name}")
        subs[entry.labels.index(f.field.name)] = f.pat
    return p.con, tuple(subs)


def _match_con(
    ds: Ds, us: Sequence[core.CoreVar], eqns: list[Eqn], fail: core.Expr, t: Type
) -> core.Expr:
    u, rest = us[0], tuple(us[1:])
    groups: dict[Name, list[Eqn]] = {}
    cons: dict[Name, TcName] = {}
    for eq in eqns:
        con, subs = _con_parts(ds, eq.pats[0])
        cons.setdefault(con.name, con)
        groups.setdefault(con.name, []).append(replace(eq, pats=subs + eq.pats[1:]))
    first = ds.env.con(next(iter(groups)))
    alts: list[core.Alt] = []
    for cname in first.siblings:
        if cname not in groups:
            continue
        entry = ds.env.con(cname)
        field_types = arg_types(_applied_con_type(ds, cons[cname]), entry.ref.arity)
        vs = [ds.env.fresh("ds", ft) for ft in field_types]
        body = match(ds, [use(v) for v in vs] + list(rest), groups[cname], fail, t)
        alts.append(core.ConAlt(entry.ref, tuple(vs), body))
    if len(groups) < len(first.siblings):
        alts.append(core.DefaultAlt(fail))
    return core.Case(u, ds.env.fresh("ds", u.type), t, tuple(alts))


def _applied_con_type(ds: Ds, con: TcName) -> Type | None:
    """The constructor's type at this pattern (a record pattern's too)."""
    del ds
    return con.type


# --- Literals ---------------------------------------------------------------------------------


_PRIMITIVE_LIT_TYPES = (T_INT, T_INTEGER, T_DOUBLE)


def _lit_key(lit: ast.Literal) -> object:
    if isinstance(lit, ast.LitFrac):
        return Fraction(lit.text)
    return lit.value


def _match_lit(
    ds: Ds, us: Sequence[core.CoreVar], eqns: list[Eqn], fail: core.Expr, t: Type
) -> core.Expr:
    u, rest = us[0], tuple(us[1:])
    groups: dict[object, list[Eqn]] = {}
    first_pat: dict[object, ast.PLit] = {}
    for eq in eqns:
        p = eq.pats[0]
        assert isinstance(p, ast.PLit)
        key = _lit_key(p.lit)
        first_pat.setdefault(key, p)
        groups.setdefault(key, []).append(replace(eq, pats=eq.pats[1:]))
    sample = next(iter(first_pat.values()))
    prim = _primitive_type(ds, sample)
    if prim is not None:
        alts: list[core.Alt] = []
        for key, group in groups.items():
            plit = literals.primitive_literal(first_pat[key].lit, prim)
            alts.append(core.LitAlt(plit, match(ds, rest, group, fail, t)))
        alts.append(core.DefaultAlt(fail))
        return core.Case(u, ds.env.fresh("ds", u.type), t, tuple(alts))
    # an overloaded numeric literal: a chain of (==) tests, Report §3.17.2
    result = fail
    for key in reversed(list(groups)):
        p = first_pat[key]
        eq_occ = ds.env.witness(p.span, "==")
        if eq_occ is None:
            raise DsError(f"{p.span}: a numeric literal pattern without its (==)")
        test = ds.occurrence(eq_occ)
        lit = literals.literal(ds, p.span, p.lit)
        cond = (
            core.App(test, (u, lit))
            if not isinstance(test, core.App)
            else core.App(test.fun, (*test.args, u, lit))
        )
        then = match(ds, rest, groups[key], fail, t)
        result = bool_case(ds, cond, then, result, t)
    return result


def _primitive_type(ds: Ds, p: ast.PLit) -> Type | None:
    """``Char``, or the primitive numeric type the pattern's ``==`` is at."""
    if isinstance(p.lit, ast.LitChar):
        return T_CHAR
    eq = ds.env.witness(p.span, "==")
    if eq is None or len(eq.evidence) != 1:
        return None
    ev = eq.evidence[0]
    if isinstance(ev, EvInst) and ev.pred.type in _PRIMITIVE_LIT_TYPES:
        return ev.pred.type  # Eq Int, Eq Integer, Eq Double: base's, primitive equality
    return None


# --- Irrefutable patterns --------------------------------------------------------------------


def pattern_vars(p: TPat) -> list[TcName]:
    """The variables a pattern binds, left to right."""
    out: list[TcName] = []
    stack: list[TPat] = [p]
    while stack:
        q = stack.pop()
        match q:
            case ast.PVar(_, tn):
                out.append(tn)
            case ast.PAs(_, tn, inner):
                out.append(tn)
                stack.append(inner)
            case ast.PLazy(_, inner) | ast.PParen(_, inner):
                stack.append(inner)
            case ast.PCon(_, _, args) | ast.PTuple(_, args) | ast.PList(_, args):
                stack.extend(reversed(args))
            case ast.PConOp(_, left, _, right):
                stack.extend((right, left))
            case ast.PRec(_, _, fields):
                stack.extend(reversed([f.pat for f in fields]))
            case _:
                pass
    return out


def lazy_binds(ds: Ds, u: core.CoreVar, p: TPat, message: str) -> list[core.Bind]:
    """One binding per variable ``x`` of ``p``, binding ``x`` itself to ``u`` matched
    against ``p`` and the field in ``x``'s place, or to the error ``message`` (see
    the module docstring). Each match binds fresh field variables and substitutes
    ``p``'s variables by them only while it is built."""
    while isinstance(p, ast.PLazy | ast.PParen):  # already lazy: ~ adds nothing here
        p = p.pat
    out: list[core.Bind] = []
    names: list[Name] = []
    for tn in pattern_vars(p):
        t = tn.scheme.qual.head if tn.scheme is not None else (tn.type or ANY)
        scheme = tn.scheme if tn.scheme is not None else to_scheme(t)

        def select(_fail: core.Expr, name: Name = tn.name, t: Type = t) -> core.Expr:
            found = ds.subst.get(name)
            if found is None:
                raise DsError(f"pattern variable {name} was not matched")
            return core.CoreVar(found.name, t)

        err = core.PatError(message, t)
        out.append(
            core.Bind(core.CoreVar(tn.name, scheme), match(ds, [u], [Eqn((p,), select)], err, t))
        )
        names.append(tn.name)
    for name in names:
        ds.subst.pop(name, None)
    return out


def _irrefutable_message(ds: Ds, span: SrcSpan, p: TPat) -> str:
    from ifacedir.desugar.messages import irrefutable

    del ds
    return irrefutable(span, p)
