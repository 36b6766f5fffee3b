"""What every inference judgement shares: ``Tc``, the placeholders ``Occ``, ``EvScope``.

``Tc`` bundles, for one module, the ``TcState`` (substitution, fresh variables, errors),
the ``ClassEnv``, the ``TypeScope`` for written types, the data constructors (for
records and the irrefutability of ``do`` patterns) and three accumulators:

* ``wanted``: the predicates met since the enclosing binding group started (THIH's
  judgements return them; see Note [Wanted predicates accumulate]);
* ``occs``: every ``Occ`` made, so the final pass can turn each into a ``TcName``;
* ``witnesses``: the class methods that syntax stands for (see Note [Witnesses for
  syntax] in ifacedir.syntax.evidence).

An ``Occ`` stands for a ``TcName`` while inference runs: a binder gets its scheme once
its group is generalised, an occurrence records its instantiated type and predicates
and the ``EvScope`` it appeared in. ``EvScope`` is the chain of dictionary-bound
predicates (signature contexts, retained predicates of generalised groups) visible
at that point; at the end of the module each occurrence's predicates, under the final
substitution, are proved by ``entail_evidence`` from the givens of its chain (see
Note [Binders and their dictionaries]
~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~
A proof inside a binding ends in ``EvAssumed p`` leaves: dictionaries the binding
receives as parameters. Its scheme quantifies ``TGen`` indices, while the proofs
mention the variables inference used (``t7``, or the rigid ``a`` of a signature), so
the desugarer could not tell which parameter ``EvAssumed (Eq t7)`` is. The binder's
``Occ`` therefore keeps (in ``preds``) the predicates it abstracts over, with the
inner variables and in the order of the scheme's context: the retained predicates
of a generalised implicit group, or the instantiated context of a signature (for an
instance method, the instance's context then the method's own). The final pass
writes them into the binder's ``TcName`` as ``evidence`` (one ``EvAssumed`` each),
next to the inner ``type``.

Note [Evidence after the fact]).

Note [Wanted predicates accumulate]
~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~
THIH's judgements return their predicates and callers concatenate them. The
judgements here also return the typed tree, and a 10,000-element list would
concatenate 10,000 tuples, so predicates go into ``tc.wanted`` instead and a binding
group takes the ones met inside it with ``tc.collect()``. The set of predicates each
group sees is exactly THIH's.

Note [Rigid type variables]
~~~~~~~~~~~~~~~~~~~~~~~~~~~
Checking a binding against its signature ``f :: a -> a`` instantiates the signature
with *rigid* variables: types that unify with nothing but themselves, so that
``f x = True`` fails right where ``True`` meets ``a``, as in GHC ("‘a’ is a rigid
type variable"), instead of after the whole binding was inferred. A rigid variable is
a ``TCon`` whose ``Name`` is local (``Name.local``, never a real constructor, which
are global): unification and matching treat it as a constant without any change,
``in_hnf`` treats it as a variable (``Eq a`` is in head normal form, and is proved
from the signature's context), and error messages print its occurrence name. It
has no free type variables, so ``split`` defers predicates on it to the enclosing
binding, up to the signature that bound it; there ``check_against`` reports those its
context does not entail ("Could not deduce").

Note [Evidence after the fact]
~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~
Which proof an occurrence's predicate gets is known only when the substitution is
final: a deferred predicate may be fixed by an enclosing binding, or defaulted by
Rule 2 at the very end. So occurrences only record their predicates and their scope;
the final pass (ifacedir.typecheck.zonk) proves each one, after the substitution is
applied, from the givens of its scope chain. Type variables are unique per module,
so givens of different bindings never get confused. Recursive uses of a binder
inside its own implicit group are monomorphic: they carry no predicates, and the
desugarer passes the group's own dictionaries to them (as GHC does).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Final

from ifacedir.syntax.names import Name, NameSpace, cons_con, list_tycon, nil_con, unit_con
from ifacedir.syntax.span import SrcSpan
from ifacedir.syntax.types import (
    STAR,
    Forall,
    Kind,
    Pred,
    Qual,
    Scheme,
    TAp,
    TCon,
    TGen,
    TVar,
    TyCon,
    Type,
    fn,
    list_type,
    tuple_type,
)
from ifacedir.typecheck.assump import Assumptions
from ifacedir.typecheck.classes import ClassEnv
from ifacedir.typecheck.convert import TypeScope
from ifacedir.typecheck.state import TcState
from ifacedir.typecheck.subst import apply

__all__ = ["BUILTIN", "ConInfo", "EvScope", "Occ", "Tc", "base_name", "builtin_scheme"]


def base_name(module: str, occ: str, space: NameSpace = NameSpace.VAR) -> Name:
    """The original name of an entity of package base (see spec/LIBRARY.md)."""
    return Name("base", module, occ, space)


class BUILTIN:
    """The names the compiler wires in (spec/LIBRARY.md, "What the compiler wires in")."""

    FROM_INTEGER: Final = base_name("GHC.Num", "fromInteger")
    FROM_RATIONAL: Final = base_name("GHC.Real", "fromRational")
    RATIO: Final = base_name("GHC.Real", "Ratio", NameSpace.TYCON)
    NEGATE: Final = base_name("GHC.Num", "negate")
    EQ_OP: Final = base_name("GHC.Base", "==")
    BIND: Final = base_name("GHC.Base", ">>=")
    THEN: Final = base_name("GHC.Base", ">>")
    FAIL: Final = base_name("GHC.Base", "fail")
    ENUM_FROM: Final = base_name("GHC.Enum", "enumFrom")
    ENUM_FROM_THEN: Final = base_name("GHC.Enum", "enumFromThen")
    ENUM_FROM_TO: Final = base_name("GHC.Enum", "enumFromTo")
    ENUM_FROM_THEN_TO: Final = base_name("GHC.Enum", "enumFromThenTo")
    NUM: Final = base_name("GHC.Num", "Num", NameSpace.TYCON)
    EQ: Final = base_name("GHC.Base", "Eq", NameSpace.TYCON)
    ORD: Final = base_name("GHC.Base", "Ord", NameSpace.TYCON)
    SHOW: Final = base_name("GHC.Show", "Show", NameSpace.TYCON)
    ENUM: Final = base_name("GHC.Enum", "Enum", NameSpace.TYCON)
    BOUNDED: Final = base_name("GHC.Enum", "Bounded", NameSpace.TYCON)


def builtin_scheme(name: Name) -> Scheme | None:
    """The schemes of the wired-in constructors ``()``, ``[]``, ``(:)`` and tuples."""
    if name == unit_con():
        return Forall((), Qual((), tuple_type(())))
    a = TGen(0)
    if name == nil_con():
        return Forall((STAR,), Qual((), list_type(a)))
    if name == cons_con():
        return Forall((STAR,), Qual((), fn(a, fn(list_type(a), list_type(a)))))
    if name.module == list_tycon().module and name.occ.startswith("(,"):
        n = name.occ.count(",") + 1
        gens = [TGen(i) for i in range(n)]
        t: Type = tuple_type(gens)
        for g in reversed(gens):
            t = fn(g, t)
        return Forall((STAR,) * n, Qual((), t))
    return None


_LETTERS: Final = "abcdefghijklmnopqrstuvwxyz"


@dataclass(frozen=True, slots=True)
class ConInfo:
    """A data constructor: its type, field labels (``()`` unless a record), arity, and
    how many constructors its type has (for irrefutable patterns)."""

    tycon: Name
    labels: tuple[Name, ...]
    arity: int
    siblings: int
    strict: tuple[bool, ...] = ()


class EvScope:
    """Predicates bound to dictionaries at some point of the tree, and the enclosing
    scope; see Note [Evidence after the fact]."""

    __slots__ = ("givens", "parent")

    def __init__(self, parent: EvScope | None, givens: tuple[Pred, ...] = ()) -> None:
        self.parent = parent
        self.givens: list[Pred] = list(givens)

    def chain(self) -> list[Pred]:
        out: list[Pred] = []
        scope: EvScope | None = self
        while scope is not None:
            out.extend(scope.givens)
            scope = scope.parent
        return out


def _related(strength: int, p: Pred, q: Pred) -> bool:
    """``q`` is ``p`` (0), is of ``p``'s class and mentions its type (1), or mentions
    its type (2)."""
    if strength == 0:
        return q == p
    if strength == 1:
        return q.cls == p.cls and _mentions(q.type, p.type)
    return _mentions(q.type, p.type)


def _mentions(t: Type, u: Type) -> bool:
    stack = [t]
    while stack:
        x = stack.pop()
        if x == u:
            return True
        if isinstance(x, TAp):
            stack.extend((x.fun, x.arg))
    return False


class Occ:
    """A ``TcName`` in the making (see the module docstring). For a binder, ``preds``
    are its dictionary parameters (Note [Binders and their dictionaries])."""

    __slots__ = ("name", "preds", "scheme", "scope", "type")

    def __init__(
        self,
        name: Name,
        t: Type | None = None,
        preds: tuple[Pred, ...] = (),
        scope: EvScope | None = None,
    ) -> None:
        self.name = name
        self.type = t
        self.preds = preds
        self.scope = scope
        self.scheme: Scheme | None = None

    def __repr__(self) -> str:
        return f"Occ({self.name})"


class Tc:
    """The per-module inference context; see the module docstring."""

    def __init__(
        self,
        st: TcState,
        ce: ClassEnv,
        scope: TypeScope,
        cons: Mapping[Name, ConInfo],
        fields: Mapping[Name, tuple[Name, ...]],
    ) -> None:
        self.st = st
        self.ce = ce
        self.scope = scope
        self.cons = cons
        self.fields = fields
        self.wanted: list[Pred] = []
        self.ev = EvScope(None)
        self.occs: list[Occ] = []
        self.witnesses: list[tuple[SrcSpan, str, Occ]] = []
        self.origins: dict[Pred, tuple[SrcSpan, str]] = {}

    @contextmanager
    def collect(self) -> Iterator[list[Pred]]:
        """The predicates wanted inside the block; see Note [Wanted predicates accumulate]."""
        outer = self.wanted
        self.wanted = []
        try:
            yield self.wanted
        finally:
            self.wanted = outer

    @contextmanager
    def in_scope(self, scope: EvScope) -> Iterator[EvScope]:
        outer = self.ev
        self.ev = scope
        try:
            yield scope
        finally:
            self.ev = outer

    def origin_of(self, p: Pred, candidates: Iterable[Pred]) -> tuple[SrcSpan, str] | None:
        """Where the (reduced, substituted) predicate ``p`` arose: the first of the
        ``candidates`` (the predicates a group wanted) that is ``p``, or has ``p``'s
        class and mentions ``p``'s type, or mentions its type at all."""
        cands = [(w, apply(self.st, w)) for w in candidates if w in self.origins]
        for strength in range(3):
            for w, q in cands:
                if _related(strength, p, q):
                    return self.origins[w]
        return None

    def rigid_vars(self, kinds: tuple[Kind, ...]) -> tuple[Type, ...]:
        """Fresh rigid variables ``a``, ``b``, ... (see Note [Rigid type variables])."""
        out: list[Type] = []
        for n, k in enumerate(kinds):
            fresh = self.st.new_tvar(k)
            assert isinstance(fresh, TVar)
            unique = int(fresh.var.ident[1:])
            occ = _LETTERS[n % len(_LETTERS)] + (
                str(n // len(_LETTERS)) if n >= len(_LETTERS) else ""
            )
            out.append(TCon(TyCon(Name.local(occ, NameSpace.TYVAR, unique), k)))
        return tuple(out)

    def binder(self, name: Name, t: Type) -> Occ:
        occ = Occ(name, t)
        self.occs.append(occ)
        return occ

    def instantiate(
        self, env: Assumptions, name: Name, span: SrcSpan, why: str = ""
    ) -> tuple[Occ, Type]:
        """An occurrence of ``name``: its scheme instantiated, its predicates wanted
        (each remembering where it arose, ``why``, for error messages)."""
        sc = env.find(name) or builtin_scheme(name)
        if sc is None:
            # Only after an earlier error (a binding that failed); carry on.
            t = self.st.new_tvar(STAR)
            occ = Occ(name, t, (), self.ev)
        else:
            q = self.st.fresh_inst(sc)
            self.wanted.extend(q.preds)
            shown = f"({name.occ})" if name.is_operator else name.occ
            for p in q.preds:
                self.origins.setdefault(p, (span, why or f"a use of ‘{shown}’"))
            occ = Occ(name, q.head, q.preds, self.ev)
        self.occs.append(occ)
        assert occ.type is not None
        return occ, occ.type

    def witness(self, env: Assumptions, span: SrcSpan, role: str, method: Name) -> Type | None:
        """The type of class method ``method`` used by the syntax at ``span``; None if
        the method is not known (a module below the class that defines it)."""
        if env.find(method) is None:
            return None
        why = {"fromInteger": "a literal", "fromRational": "a literal", "==": "a literal pattern"}
        occ, t = self.instantiate(env, method, span, why.get(role, ""))
        self.witnesses.append((span, role, occ))
        return t
