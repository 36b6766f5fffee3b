"""Kind inference for type and class declarations (Report §4.6).

THIH takes kinds as given; a compiler has to infer them. For the ``data``,
``newtype``, ``type`` and ``class`` declarations of a module:

1. **Dependency groups.** Split the declarations into strongly connected components
   by the type constructors and classes they mention, dependencies first
   (``kind_groups``). Kinds are inferred one group at a time, so a later group cannot
   change an earlier one's kinds: ``data P a = P`` gets ``* -> *`` even if a later
   declaration applies ``P`` to ``Maybe`` (an error, as in GHC).
2. **Constraints.** Give each constructor and class of the group a kind variable and
   each declaration's type variables fresh ones, then walk the declaration:
   ``data T a1 ... an = ...`` makes ``T :: k1 -> ... -> kn -> *`` and every field
   ``*``; ``type T a1 ... an = t`` makes ``T :: k1 -> ... -> kn -> k`` where ``t :: k``;
   ``class (D a) => C a where { m :: t }`` makes the parameter kinds of ``C`` and ``D``
   equal, and each method type ``*`` (its other variables fresh per signature). An
   application ``f x`` needs ``f :: kx -> r``. Kinds are unified on the way
   (``_unify``, with an occurs check: ``a a`` has no kind).
3. **Defaulting.** A kind variable left unconstrained becomes ``*`` (Report §4.6;
   Haskell 2010 has no kind polymorphism), so ``data Phantom a = Phantom`` gets
   ``* -> *`` and ``data T f a = T (f a)`` gets ``(* -> *) -> * -> *``.

Known kinds come in a ``KindEnv``, a mapping from the ``Name`` of a type constructor,
synonym or class to its kind (for a class, the kind of its parameter), plus the
wired-in special constructors (``builtin_kind``). ``check_instance`` checks that an
instance type has the kind of its class's parameter (``instance Functor Tree``), and
``kind_qual_type`` infers the kinds of the variables of a type signature. Errors are
reported on the ``TcState`` with GHC's wording, and inference carries on.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from typing import TypeAlias

from ifacedir.syntax import ast
from ifacedir.syntax.names import BUILTIN_MODULE, BUILTIN_PACKAGE, Name
from ifacedir.syntax.span import SrcSpan
from ifacedir.syntax.types import STAR, KFun, Kind, KVar, Star, kind_arity, pretty_kind
from ifacedir.typecheck.state import TcState
from ifacedir.typecheck.written import sccs, show_written, type_constructors

__all__ = [
    "KindEnv",
    "TypeDecl",
    "builtin_kind",
    "check_instance",
    "infer_group_kinds",
    "infer_kinds",
    "kind_groups",
    "kind_qual_type",
]

KindEnv: TypeAlias = Mapping[Name, Kind]
TypeDecl: TypeAlias = "ast.DataDecl[Name] | ast.TypeSynDecl[Name] | ast.ClassDecl[Name]"


def builtin_kind(name: Name) -> Kind | None:
    """The kind of a special constructor: ``()``, ``[]``, ``->`` and the tuples."""
    if (name.package, name.module) != (BUILTIN_PACKAGE, BUILTIN_MODULE):
        return None
    special = {"()": 0, "[]": 1, "->": 2}
    if name.occ in special:
        return kind_arity(special[name.occ])
    if name.occ.startswith("(,"):
        return kind_arity(name.occ.count(",") + 1)
    return None


def infer_kinds(st: TcState, env: KindEnv, decls: Sequence[ast.Decl[Name]]) -> dict[Name, Kind]:
    """The kinds of the types and classes ``decls`` declares, group by group."""
    known = dict(env)
    result: dict[Name, Kind] = {}
    for group in kind_groups(decls):
        kinds = infer_group_kinds(st, known, group)
        known.update(kinds)
        result.update(kinds)
    return result


def infer_group_kinds(st: TcState, env: KindEnv, group: Sequence[TypeDecl]) -> dict[Name, Kind]:
    """The kinds of one dependency group (steps 2 and 3 of the module docstring)."""
    ki = _KindInfer(st, env)
    own = {d.name: ki.fresh() for d in group}
    ki.group = own
    for d in group:
        ki.decl(d)
    return {name: ki.zonk(k, default=True) for name, k in own.items()}


def check_instance(st: TcState, env: KindEnv, inst: ast.InstanceDecl[Name]) -> dict[Name, Kind]:
    """Check the kinds of an instance head and context; the kinds of its variables."""
    ki = _KindInfer(st, env)
    tvs: dict[Name, Kind] = {}
    head = f"{inst.cls.occ} {show_written(inst.type, False)}"
    with st.context(f"In the instance declaration for ‘{head}’"):
        namely = show_written(inst.type)
        with st.context(f"In the first argument of ‘{inst.cls.occ}’, namely ‘{namely}’"):
            ki.check(inst.type, ki.class_kind(inst.cls, inst.span), tvs)
        ki.context(inst.context, tvs)
    return {v: ki.zonk(k, default=True) for v, k in tvs.items()}


def kind_qual_type(
    st: TcState, env: KindEnv, qt: ast.QualType[Name], fixed: Mapping[Name, Kind] | None = None
) -> dict[Name, Kind]:
    """The kinds of the variables of a signature's type (which must be ``*``); ``fixed``
    gives known ones, such as a class variable in a method signature."""
    ki = _KindInfer(st, env)
    tvs = dict(fixed or {})
    ki.qual_type(qt, tvs)
    return {v: ki.zonk(k, default=True) for v, k in tvs.items()}


# --- Dependency groups -------------------------------------------------------------------


def kind_groups(decls: Sequence[ast.Decl[Name]]) -> list[list[TypeDecl]]:
    """The type and class declarations as SCCs, dependencies first, else source order."""
    nodes: dict[Name, TypeDecl] = {}
    for d in decls:
        if isinstance(d, ast.DataDecl | ast.TypeSynDecl | ast.ClassDecl):
            nodes[d.name] = d
    edges = {n: [m for m in dict.fromkeys(_mentions(d)) if m in nodes] for n, d in nodes.items()}
    return [[nodes[n] for n in scc] for scc in sccs(list(nodes), edges)]


def _mentions(d: TypeDecl) -> Iterator[Name]:
    """Type constructors and classes a declaration refers to."""
    match d:
        case ast.DataDecl():
            for c in d.constrs:
                for f in c.fields:
                    yield from type_constructors(f.type)
        case ast.TypeSynDecl():
            yield from type_constructors(d.rhs)
        case ast.ClassDecl():
            for p in d.context:
                yield p.cls
            for sig in d.decls:
                if isinstance(sig, ast.TypeSig):
                    yield from (p.cls for p in sig.type.context)
                    yield from type_constructors(sig.type.type)


# --- Inference -----------------------------------------------------------------------------


class _KindError(Exception):
    def __init__(self, occurs: bool) -> None:
        self.occurs = occurs


class _KindInfer:
    """Kind variables and their substitution for one group, signature or instance."""

    def __init__(self, st: TcState, env: KindEnv) -> None:
        self.st = st
        self.env = env
        self.group: dict[Name, Kind] = {}
        self._subst: dict[int, Kind] = {}
        self._next = 0

    def fresh(self) -> Kind:
        self._next += 1
        return KVar(self._next)

    def zonk(self, k: Kind, *, default: bool = False) -> Kind:
        match k:
            case KVar(i) if i in self._subst:
                return self.zonk(self._subst[i], default=default)
            case KVar():
                return STAR if default else k
            case KFun(a, r):
                return KFun(self.zonk(a, default=default), self.zonk(r, default=default))
            case Star():
                return k

    def _unify(self, k1: Kind, k2: Kind) -> None:
        k1, k2 = self.zonk(k1), self.zonk(k2)
        match k1, k2:
            case KVar(i), KVar(j) if i == j:
                return
            case KVar(i), _:
                self._bind(i, k2)
            case _, KVar(j):
                self._bind(j, k1)
            case KFun(a1, r1), KFun(a2, r2):
                self._unify(a1, a2)
                self._unify(r1, r2)
            case Star(), Star():
                return
            case _:
                raise _KindError(occurs=False)

    def _bind(self, i: int, k: Kind) -> None:
        if _occurs(i, k):
            raise _KindError(occurs=True)
        self._subst[i] = k

    def expect(
        self, span: SrcSpan, what: ast.Type[Name] | str, expected: Kind, actual: Kind
    ) -> None:
        """Unify, reporting ``what`` (a type or its text) at ``span`` if the kinds differ."""
        try:
            self._unify(expected, actual)
        except _KindError as err:
            e, a = pretty_kind(self.zonk(expected)), pretty_kind(self.zonk(actual))
            if not isinstance(what, str):
                what = show_written(what)
            if err.occurs:
                self.st.report(
                    "T009", span, f"Occurs check: cannot construct the infinite kind: {e} ~ {a}"
                )
            elif isinstance(self.zonk(expected), Star):
                self.st.report("T003", span, f"Expected a type, but ‘{what}’ has kind ‘{a}’")
            else:
                self.st.report("T003", span, f"Expected kind ‘{e}’, but ‘{what}’ has kind ‘{a}’")

    # --- Types ------------------------------------------------------------------------

    def tycon_kind(self, name: Name, span: SrcSpan) -> Kind:
        k = self.group.get(name) or self.env.get(name) or builtin_kind(name)
        if k is None:  # the renamer resolved it, so an interface lacks it: carry on
            self.st.report("T003", span, f"No kind known for ‘{name.occ}’")
            return self.fresh()
        return k

    def class_kind(self, name: Name, span: SrcSpan) -> Kind:
        return self.tycon_kind(name, span)

    def infer(self, t: ast.Type[Name], tvs: dict[Name, Kind]) -> Kind:
        match t:
            case ast.TVar(_, v):
                if v not in tvs:
                    tvs[v] = self.fresh()
                return tvs[v]
            case ast.TCon(span, name):
                return self.tycon_kind(name, span)
            case ast.TApp(_, f, a):
                kf = self.zonk(self.infer(f, tvs))
                if isinstance(kf, KFun):
                    self.check(a, kf.arg, tvs)
                    return kf.res
                ka, kr = self.infer(a, tvs), self.fresh()
                self.expect(f.span, f, KFun(ka, kr), kf)
                return kr
            case ast.TFun(_, a, r):
                self.check(a, STAR, tvs)
                self.check(r, STAR, tvs)
            case ast.TList(_, e):
                self.check(e, STAR, tvs)
            case ast.TTuple(_, es):
                for e in es:
                    self.check(e, STAR, tvs)
        return STAR

    def check(self, t: ast.Type[Name], k: Kind, tvs: dict[Name, Kind]) -> None:
        self.expect(t.span, t, k, self.infer(t, tvs))

    def context(self, ps: Sequence[ast.Pred[Name]], tvs: dict[Name, Kind]) -> None:
        for p in ps:
            self.check(p.type, self.class_kind(p.cls, p.span), tvs)

    def qual_type(self, qt: ast.QualType[Name], tvs: dict[Name, Kind]) -> None:
        self.context(qt.context, tvs)
        self.check(qt.type, STAR, tvs)

    # --- Declarations -------------------------------------------------------------------

    def decl(self, d: TypeDecl) -> None:
        match d:
            case ast.DataDecl():
                what = "newtype" if d.is_newtype else "data"
                with self.st.context(f"In the {what} declaration for ‘{d.name.occ}’"):
                    tvs = self.params(d.name, d.tyvars, STAR, d.span)
                    for c in d.constrs:
                        with self.st.context(
                            f"In the definition of data constructor ‘{c.name.occ}’"
                        ):
                            for f in c.fields:
                                self.check(f.type, STAR, tvs)
            case ast.TypeSynDecl():
                with self.st.context(f"In the type declaration for ‘{d.name.occ}’"):
                    res = self.fresh()
                    tvs = self.params(d.name, d.tyvars, res, d.span)
                    self.expect(d.rhs.span, d.rhs, res, self.infer(d.rhs, tvs))
            case ast.ClassDecl():
                with self.st.context(f"In the class declaration for ‘{d.name.occ}’"):
                    self.class_decl(d)

    def params(
        self, name: Name, tyvars: tuple[Name, ...], res: Kind, span: SrcSpan
    ) -> dict[Name, Kind]:
        """Fresh kinds for a declaration's parameters; ``name :: k1 -> ... -> res``."""
        tvs = {v: self.fresh() for v in tyvars}
        k = res
        for kv in reversed(tvs.values()):
            k = KFun(kv, k)
        self.expect(span, name.occ, self.group[name], k)
        return tvs

    def class_decl(self, d: ast.ClassDecl[Name]) -> None:
        kc = self.group[d.name]
        self.context(d.context, {d.tyvar: kc})
        for sig in d.decls:
            if isinstance(sig, ast.TypeSig):
                names = ", ".join(n.occ for n in sig.names)
                with self.st.context(f"In the type signature for ‘{names}’"):
                    self.qual_type(sig.type, {d.tyvar: kc})


def _occurs(i: int, k: Kind) -> bool:
    match k:
        case KVar(j):
            return i == j
        case KFun(a, r):
            return _occurs(i, a) or _occurs(i, r)
        case Star():
            return False
