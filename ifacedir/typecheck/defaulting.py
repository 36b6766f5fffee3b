"""Defaulting (Report §4.3.4, THIH §11.5.1) and the monomorphism restriction (§4.5.5).

A type variable ``v`` is **ambiguous** in ``ps`` when predicates mention it but the type
being generalised does not (and it is not fixed by the environment): nothing will ever
decide what ``v`` is, so nothing can supply the dictionaries. ``ambiguities(vs, ps)``
lists each variable of ``ps`` outside ``vs`` with the predicates that mention it.

An ambiguity is resolved by **defaulting** (Report §4.3.4) when

1. every predicate on ``v`` has the form ``C v``;
2. at least one of those classes is numeric (``is_numeric_class``);
3. all of them are standard classes (``is_standard_class``): defined by the Prelude or
   a standard library, which here means package base;

and then ``v`` becomes the first type of the module's ``default`` list
(``ce.defaults``, ``(Integer, Double)`` unless the module says otherwise; see
``module_defaults``) that satisfies all of the predicates (``candidates``). So
``(Num a, Show a)`` defaults to ``Integer``, ``Fractional a`` to ``Double``, and
``(Num a, Foo a)`` with a class ``Foo`` of the program's own stays ambiguous: an error.
``with_defaults`` does this for every ambiguity at once and returns a ``Defaulted``:
the substitution, the predicates it discharges with the proof of each at its default
type, and the ambiguities it could not resolve (for the caller to report).

``split(ce, fs, gs, ps)`` is THIH's: after ``reduce``, the predicates whose variables
are all fixed (``fs``, those of the environment) are *deferred* to the enclosing
binding, ambiguous ones are defaulted, and the rest are *retained* in the type being
generalised over ``gs``. ``report_split`` reports what it could not solve.

The **monomorphism restriction** (Report §4.5.5). Rule 1: a declaration group is
*restricted* (``restricted``) unless every binding in it is a function binding or a
simple pattern binding with a type signature; a restricted group's constrained
variables are not generalised. Rule 2: type variables still monomorphic when the
whole module is typechecked are defaulted (``top_level_defaults``).
"""

from __future__ import annotations

from collections.abc import Callable, Container, Iterable, Sequence
from dataclasses import dataclass
from typing import Final

from ifacedir.syntax import ast
from ifacedir.syntax.evidence import Evidence
from ifacedir.syntax.names import BUILTIN_PACKAGE, Name
from ifacedir.syntax.span import SrcSpan
from ifacedir.syntax.types import (
    T_DOUBLE,
    T_INTEGER,
    IsIn,
    Pred,
    TVar,
    Type,
    TyVar,
    pretty_pred,
    pretty_type,
)
from ifacedir.typecheck.classes import ClassEnv, entail, entail_evidence
from ifacedir.typecheck.context import Reduction, apply_evidence, reduce, resolve_evidence
from ifacedir.typecheck.state import TcState
from ifacedir.typecheck.subst import Subst, apply, free_tyvars

__all__ = [
    "NUMERIC_CLASSES",
    "STANDARD_CLASSES",
    "Ambiguity",
    "Defaulted",
    "Split",
    "ambiguities",
    "candidates",
    "is_numeric_class",
    "is_standard_class",
    "module_defaults",
    "report_split",
    "restricted",
    "split",
    "top_level_defaults",
    "with_defaults",
]

NUMERIC_CLASSES: Final = frozenset(
    {"Num", "Real", "Integral", "Fractional", "Floating", "RealFrac", "RealFloat"}
)
# The Prelude's other classes and those of the standard libraries, as GHC counts them
# (GHC.Builtin.Names.standardClassKeys), so the same programs default as with GHC.
STANDARD_CLASSES: Final = NUMERIC_CLASSES | {
    "Eq", "Ord", "Enum", "Bounded", "Show", "Read", "Ix", "Functor", "Applicative",
    "Monad", "MonadFail", "MonadPlus", "Alternative", "Foldable", "Traversable",
    "Semigroup", "Monoid", "IsString",
}  # fmt: skip


def is_numeric_class(i: Name) -> bool:
    return i.package == BUILTIN_PACKAGE and i.occ in NUMERIC_CLASSES


def is_standard_class(i: Name) -> bool:
    return i.package == BUILTIN_PACKAGE and i.occ in STANDARD_CLASSES


@dataclass(frozen=True, slots=True)
class Ambiguity:
    """THIH's ``Ambiguity``: the variable ``var`` and the predicates that mention it."""

    var: TyVar
    preds: tuple[Pred, ...]


def ambiguities(vs: Iterable[TyVar], ps: Sequence[Pred]) -> tuple[Ambiguity, ...]:
    """The variables of ``ps`` not in ``vs``, each with the predicates on it."""
    fixed = set(vs)
    return tuple(
        Ambiguity(v, tuple(p for p in ps if v in free_tyvars(p)))
        for v in free_tyvars(tuple(ps))
        if v not in fixed
    )


def candidates(ce: ClassEnv, a: Ambiguity) -> tuple[Type, ...]:
    """The default types that resolve ``a``, best first (conditions 1-3 above)."""
    if not all(p.type == TVar(a.var) for p in a.preds):
        return ()
    classes = [p.cls for p in a.preds]
    if not any(is_numeric_class(i) for i in classes):
        return ()
    if not all(is_standard_class(i) for i in classes):
        return ()
    return tuple(t for t in ce.defaults if all(entail(ce, [], IsIn(i, t)) for i in classes))


@dataclass(frozen=True, slots=True)
class Defaulted:
    """What defaulting did: ``subst`` maps each resolved variable to its type;
    ``evidence`` proves each discharged predicate at that type; ``unresolved`` are the
    ambiguities without a candidate."""

    subst: Subst
    evidence: tuple[tuple[Pred, Evidence], ...]
    unresolved: tuple[Ambiguity, ...]

    @property
    def preds(self) -> tuple[Pred, ...]:
        """THIH's ``defaultedPreds``."""
        return tuple(p for p, _ in self.evidence)


def with_defaults(ce: ClassEnv, vs: Iterable[TyVar], ps: Sequence[Pred]) -> Defaulted:
    """THIH's ``withDefaults``, returning unresolved ambiguities instead of failing."""
    chosen: dict[TyVar, Type] = {}
    discharged: list[Pred] = []
    unresolved: list[Ambiguity] = []
    for a in ambiguities(vs, ps):
        ts = candidates(ce, a)
        if ts:
            chosen[a.var] = ts[0]
            discharged.extend(a.preds)
        else:
            unresolved.append(a)
    s = Subst(chosen)
    evidence = []
    for p in dict.fromkeys(discharged):
        ev = entail_evidence(ce, [], apply(s, p))
        assert ev is not None, "a candidate satisfies every predicate on its variable"
        evidence.append((p, ev))
    return Defaulted(s, tuple(evidence), tuple(unresolved))


def top_level_defaults(ce: ClassEnv, ps: Sequence[Pred]) -> Defaulted:
    """Rule 2 of §4.5.5: default every variable left in ``ps`` after the module."""
    return with_defaults(ce, (), ps)


@dataclass(frozen=True, slots=True)
class Split:
    """THIH's ``split``: ``deferred`` predicates go to the enclosing binding,
    ``retained`` ones into the generalised type; ``evidence`` proves every predicate
    given to ``split`` from those two (and the defaults, see ``defaulted``);
    ``unsolved`` predicates have no instance. Predicates of an ambiguity that no
    default resolves stay in ``retained``; they are errors (``report_split``)."""

    deferred: tuple[Pred, ...]
    retained: tuple[Pred, ...]
    evidence: tuple[tuple[Pred, Evidence], ...]
    defaulted: Defaulted
    unsolved: tuple[Pred, ...]


def split(ce: ClassEnv, fs: Sequence[TyVar], gs: Sequence[TyVar], ps: Sequence[Pred]) -> Split:
    """THIH's ``split`` with evidence: reduce, defer, default, retain."""
    red: Reduction = reduce(ce, ps)
    fixed = set(fs)
    deferred = tuple(p for p in red.retained if set(free_tyvars(p)) <= fixed)
    rest = tuple(p for p in red.retained if p not in deferred)
    dflt = with_defaults(ce, [*fs, *gs], rest)
    table = dict(dflt.evidence)
    evidence = tuple(
        (p, apply_evidence(dflt.subst, resolve_evidence(ev, table))) for p, ev in red.evidence
    )
    retained = tuple(p for p in rest if p not in table)
    return Split(deferred, retained, evidence, dflt, red.unsolved)


def report_split(st: TcState, span: SrcSpan, sp: Split) -> None:
    """Report what ``split`` could not solve, one error per predicate, in GHC's words:
    "No instance for (Num Bool)", "Ambiguous type variable ‘t3’ prevents the
    constraint ‘(Enum t3)’ from being solved"."""
    for p in sp.unsolved:
        st.report("T004", span, f"No instance for ({pretty_pred(p, rename=False)})")
    for a in sp.defaulted.unresolved:
        for p in a.preds:
            message = (
                f"Ambiguous type variable ‘{a.var.ident}’ prevents the constraint"
                f" ‘({pretty_pred(p, rename=False)})’ from being solved"
            )
            st.report("T005", span, message)


# --- The monomorphism restriction (Report §4.5.5, Rule 1) ------------------------------------


def restricted(
    binds: Iterable[ast.FunBind[Name] | ast.PatBind[Name]], signatures: Container[Name]
) -> bool:
    """Rule 1: restricted unless every binding is a function binding, or a simple
    pattern binding (``x = e``) whose variable has a signature."""
    for b in binds:
        if isinstance(b, ast.PatBind):
            if not (isinstance(b.pat, ast.PVar) and b.pat.name in signatures):
                return True
        elif _is_simple(b) and b.name not in signatures:
            return True
    return False


def _is_simple(b: ast.FunBind[Name]) -> bool:
    """``x = e``: a variable bound without arguments (a FunBind, see ast.FunBind)."""
    return all(not m.pats for m in b.matches)


# --- default declarations (Report §4.3.4) ------------------------------------------------


def module_defaults(
    st: TcState,
    ce: ClassEnv,
    decls: Sequence[ast.Decl[Name]],
    num: Name,
    to_type: Callable[[ast.Type[Name]], Type],
) -> tuple[Type, ...]:
    """The module's default list: ``(Integer, Double)`` without a ``default``
    declaration; at most one is allowed, and each of its types must be an instance of
    ``num`` (the class ``Num``). ``to_type`` converts a written type."""
    found = [d for d in decls if isinstance(d, ast.DefaultDecl)]
    if not found:
        return (T_INTEGER, T_DOUBLE)
    for extra in found[1:]:
        st.report("T008", extra.span, f"Multiple default declarations (another at {found[0].span})")
    ts: list[Type] = []
    with st.context("When checking the types in a default declaration"):
        for written in found[0].types:
            t = to_type(written)
            if entail(ce, [], IsIn(num, t)):
                ts.append(t)
            else:
                message = f"The default type ‘{pretty_type(t)}’ is not an instance of ‘{num.occ}’"
                st.report("T008", found[0].span, message)
    return tuple(ts)
