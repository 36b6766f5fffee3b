"""The typechecker's vocabulary, after Typing Haskell in Haskell (THIH, M. P. Jones), §3-§8.

Data only, in the paper's order:

* ``Kind``: ``Star`` (``*``), ``KFun`` (``k1 -> k2``) and, during kind inference only,
  ``KVar`` (see ifacedir.typecheck.kinds; never persisted).
* ``TyVar`` (an identifier and a kind), ``TyCon`` (an original ``Name`` and a kind).
* ``Type``: ``TVar``, ``TCon``, ``TAp`` (application) and ``TGen`` (the n-th quantified
  variable of a ``Scheme``).
* ``IsIn`` (THIH's ``Pred``): a class ``Name`` and a type, ``Eq a``.
* ``Qual``: predicates and a head, THIH's ``ps :=> t``.
* ``Forall`` (THIH's ``Scheme``): the kinds of the ``TGen`` indices and a ``Qual Type``.

Then the built-in types (see Note [Built-in type constructors]), the helpers ``fn``,
``list_type``, ``tuple_type`` and ``kind_of``, and the printers ``pretty_kind``,
``pretty_type``, ``pretty_pred`` and ``pretty_scheme``, which spell types as GHC 9.0.2
does in ``-ddump-types`` (see Note [Printing types like GHC]).

Every value is a frozen dataclass of tuples, strings, ints and ``Name``: hashable,
ordered by construction, and persistable by the generic codec of the ``tc`` file.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Final, Generic, TypeAlias, TypeVar

from ifacedir.syntax.names import (
    BUILTIN_MODULE,
    BUILTIN_PACKAGE,
    Name,
    NameSpace,
    arrow_tycon,
    list_tycon,
    tuple_tycon,
    unit_tycon,
)

__all__ = [
    "STAR",
    "T_ARROW",
    "T_BOOL",
    "T_CHAR",
    "T_DOUBLE",
    "T_INT",
    "T_INTEGER",
    "T_IO",
    "T_LIST",
    "T_ORDERING",
    "T_STRING",
    "T_UNIT",
    "Forall",
    "IsIn",
    "KFun",
    "KVar",
    "Kind",
    "Pred",
    "Qual",
    "Scheme",
    "Star",
    "TAp",
    "TCon",
    "TGen",
    "TVar",
    "TyCon",
    "TyVar",
    "Type",
    "TypePrinter",
    "fn",
    "fn_parts",
    "kind_arity",
    "kind_of",
    "list_type",
    "pretty_kind",
    "pretty_pred",
    "pretty_scheme",
    "pretty_type",
    "split_ap",
    "to_scheme",
    "tuple_type",
]


# --- Kinds (THIH §3) ---------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Star:
    """The kind ``*`` of types that have values."""


@dataclass(frozen=True, slots=True)
class KFun:
    """The kind ``arg -> res`` of a type constructor."""

    arg: Kind
    res: Kind


@dataclass(frozen=True, slots=True)
class KVar:
    """A kind variable, only while kinds are being inferred."""

    ident: int


Kind: TypeAlias = Star | KFun | KVar

STAR: Final = Star()


def kind_arity(n: int) -> Kind:
    """``* -> ... -> *`` with ``n`` arrows: the kind of ``(,)`` for ``n == 2``."""
    k: Kind = STAR
    for _ in range(n):
        k = KFun(STAR, k)
    return k


# --- Types (THIH §4) ---------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class TyVar:
    """A type variable; ``ident`` is unique within one module's typechecking."""

    ident: str
    kind: Kind

    def __hash__(self) -> int:
        # Variables are dict keys in every substitution; hashing the kind too would
        # cost more than it distinguishes (idents are unique per module).
        return hash(self.ident)


@dataclass(frozen=True, slots=True)
class TyCon:
    name: Name
    kind: Kind


@dataclass(frozen=True, slots=True)
class TVar:
    var: TyVar


@dataclass(frozen=True, slots=True)
class TCon:
    con: TyCon


@dataclass(frozen=True, slots=True)
class TAp:
    fun: Type
    arg: Type


@dataclass(frozen=True, slots=True)
class TGen:
    """The ``index``-th quantified variable of the enclosing ``Forall`` (THIH §8)."""

    index: int


Type: TypeAlias = TVar | TCon | TAp | TGen


def kind_of(t: Type) -> Kind:
    """THIH's ``kind``: the kind of a well-kinded type without ``TGen``."""
    match t:
        case TVar(v):
            return v.kind
        case TCon(c):
            return c.kind
        case TAp(f, _):
            k = kind_of(f)
            if isinstance(k, KFun):
                return k.res
            raise ValueError(f"ill-kinded type application: {t}")
        case TGen():
            raise ValueError("kind_of a TGen: look it up in the scheme's kinds")


def split_ap(t: Type) -> tuple[Type, tuple[Type, ...]]:
    """The head of an application spine and its arguments: ``T a b`` gives ``(T, (a, b))``."""
    args: list[Type] = []
    while isinstance(t, TAp):
        args.append(t.arg)
        t = t.fun
    args.reverse()
    return t, tuple(args)


# --- Predicates, qualified types and schemes (THIH §6, §8) ---------------------------


@dataclass(frozen=True, slots=True)
class IsIn:
    """The predicate ``cls type``: ``type`` is an instance of class ``cls``."""

    cls: Name
    type: Type


Pred: TypeAlias = IsIn

# What a `Qual` may qualify: a type (schemes) or a predicate (instances). The bound
# also tells the tc file's codec how to write `head`.
_H = TypeVar("_H", bound="Type | IsIn")


@dataclass(frozen=True, slots=True)
class Qual(Generic[_H]):
    """THIH's ``preds :=> head``: a type (or a predicate, for instances) under a context."""

    preds: tuple[Pred, ...]
    head: _H


@dataclass(frozen=True, slots=True)
class Forall:
    """THIH's ``Scheme``: ``TGen i`` in ``qual`` stands for a variable of kind ``kinds[i]``."""

    kinds: tuple[Kind, ...]
    qual: Qual[Type]


Scheme: TypeAlias = Forall


def to_scheme(t: Type) -> Scheme:
    """The monomorphic scheme of ``t`` (THIH's ``toScheme``)."""
    return Forall((), Qual((), t))


# --- Built-in type constructors --------------------------------------------------------

# Note [Built-in type constructors]
# ~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~
# The typechecker needs a few types before it has read any interface: the function
# arrow, lists, tuples and unit (special syntax, Report §6.1.3-§6.1.5, whose names are
# wired into ifacedir.syntax.names), and the types of literals, conditions, `do` in IO
# and derived `compare` (Report §3.2, §3.6, §3.14, §11): Int, Integer, Double, Char,
# Bool, Ordering and IO. Package base declares the latter as ordinary `data` in
# GHC.Types; their names are original names, so the constants below are equal to what
# the typechecker builds from that module's declarations. `String` is the synonym
# `[Char]`: types here are synonym-free, so it is simply that list type.


def _base_tycon(occ: str, kind: Kind) -> TCon:
    return TCon(TyCon(Name(BUILTIN_PACKAGE, BUILTIN_MODULE, occ, NameSpace.TYCON), kind))


T_UNIT: Final = TCon(TyCon(unit_tycon(), STAR))
T_ARROW: Final = TCon(TyCon(arrow_tycon(), kind_arity(2)))
T_LIST: Final = TCon(TyCon(list_tycon(), kind_arity(1)))
T_INT: Final = _base_tycon("Int", STAR)
T_INTEGER: Final = _base_tycon("Integer", STAR)
T_DOUBLE: Final = _base_tycon("Double", STAR)
T_CHAR: Final = _base_tycon("Char", STAR)
T_BOOL: Final = _base_tycon("Bool", STAR)
T_ORDERING: Final = _base_tycon("Ordering", STAR)
T_IO: Final = _base_tycon("IO", kind_arity(1))
T_STRING: Final = TAp(T_LIST, T_CHAR)


def fn(a: Type, b: Type) -> Type:
    """The function type ``a -> b``."""
    return TAp(TAp(T_ARROW, a), b)


def fn_parts(t: Type) -> tuple[Type, Type] | None:
    """``(a, b)`` if ``t`` is ``a -> b``, else None."""
    if isinstance(t, TAp) and isinstance(t.fun, TAp) and t.fun.fun == T_ARROW:
        return t.fun.arg, t.arg
    return None


def list_type(t: Type) -> Type:
    return TAp(T_LIST, t)


def tuple_type(ts: Iterable[Type]) -> Type:
    """``()`` for no component, else the tuple type; one component is an error."""
    elems = tuple(ts)
    if not elems:
        return T_UNIT
    t: Type = TCon(TyCon(tuple_tycon(len(elems)), kind_arity(len(elems))))
    for e in elems:
        t = TAp(t, e)
    return t


# --- Printing ---------------------------------------------------------------------------

# Note [Printing types like GHC]
# ~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~
# Printed types are compared with the output of `ghc -ddump-types` (see
# tests/unit/typecheck/test_tc_pretty.py), so they follow GHC 9.0.2's spelling:
#   * `a -> b -> c` associates to the right; an argument that is itself a function
#     type is parenthesised, `(a -> b) -> c`; an argument of an application that is
#     itself an application or a function is parenthesised, `Maybe (f a)`;
#   * `[a]`, `(a, b)` and `()` for saturated lists, tuples and unit; unsaturated
#     special constructors print as `[]`, `(,)` and `(->)`, and `(->) a` when partly
#     applied;
#   * a context of one predicate is unparenthesised, `Eq a => ...`, several are
#     `(Eq a, Show b) => ...`;
#   * `forall a b.` lists the quantified variables; one of a kind other than `*` is
#     annotated, `forall (f :: * -> *) a.`; a scheme with no quantified variable has
#     no `forall`;
#   * constructors print by their unqualified occurrence name.
# Variable names do not come from the typechecker's fresh supply (which depends on how
# much was inferred before): with `rename=True` (the default) variables are named a, b,
# c, ..., z, a1, b1, ... in order of first appearance, reading the context before the
# type. GHC's inferred type variables are quantified in the same order, so a recorded
# GHC type matches ours after renaming its variables the same way.

_PREC_TOP: Final = 0  # anywhere
_PREC_FUN: Final = 1  # left of an arrow
_PREC_APP: Final = 2  # argument of an application


def pretty_kind(k: Kind) -> str:
    """``*``, ``* -> *``, ``(* -> *) -> *``; ``k1`` for a kind variable."""
    match k:
        case Star():
            return "*"
        case KFun(arg, res):
            left = pretty_kind(arg)
            if isinstance(arg, KFun):
                left = f"({left})"
            return f"{left} -> {pretty_kind(res)}"
        case KVar(i):
            return f"k{i}"


def _display_names() -> Iterator[str]:
    suffix = ""
    n = 0
    while True:
        for c in "abcdefghijklmnopqrstuvwxyz":
            yield c + suffix
        n += 1
        suffix = str(n)


class TypePrinter:
    """Prints several types with one naming of variables, so that ``a`` means the same
    in all of them (two sides of a type error, a scheme's context and body).

    ``gen_kinds`` gives the kinds of the ``TGen`` indices when printing a scheme.
    """

    def __init__(self, *, rename: bool = True) -> None:
        self._rename = rename
        self._names: dict[TyVar | int, str] = {}
        self._supply = _display_names()

    def name_of(self, v: TyVar | int) -> str:
        """The display name of a variable (an ``int`` is a ``TGen`` index)."""
        name = self._names.get(v)
        if name is None:
            if not self._rename:
                name = v.ident if isinstance(v, TyVar) else f"g{v}"
            else:
                name = next(self._supply)
            self._names[v] = name
        return name

    def type(self, t: Type, prec: int = _PREC_TOP) -> str:
        head, args = split_ap(t)
        if isinstance(head, TCon):
            special = self._special(head.con.name, args, prec)
            if special is not None:
                return special
        text = " ".join([self._atom(head), *(self.type(a, _PREC_APP) for a in args)])
        return f"({text})" if args and prec >= _PREC_APP else text

    def pred(self, p: Pred) -> str:
        return f"{p.cls.occ} {self.type(p.type, _PREC_APP)}"

    def context(self, ps: tuple[Pred, ...]) -> str:
        """``""``, ``"Eq a => "`` or ``"(Eq a, Show a) => "``."""
        if not ps:
            return ""
        if len(ps) == 1:
            return self.pred(ps[0]) + " => "
        return "(" + ", ".join(self.pred(p) for p in ps) + ") => "

    def scheme(self, sc: Scheme) -> str:
        self._visit_qual(sc.qual)  # name the variables in order of appearance
        body = self.context(sc.qual.preds) + self.type(sc.qual.head)
        if not sc.kinds:
            return body
        binders = " ".join(self._binder(i, k) for i, k in enumerate(sc.kinds))
        return f"forall {binders}. {body}"

    def _binder(self, index: int, kind: Kind) -> str:
        name = self.name_of(index)
        return name if kind == STAR else f"({name} :: {pretty_kind(kind)})"

    def _visit_qual(self, q: Qual[Type]) -> None:
        for t in [*(p.type for p in q.preds), q.head]:
            stack = [t]
            while stack:
                u = stack.pop()
                if isinstance(u, TAp):
                    stack.extend((u.arg, u.fun))
                elif isinstance(u, TVar):
                    self.name_of(u.var)
                elif isinstance(u, TGen):
                    self.name_of(u.index)

    def _atom(self, t: Type) -> str:
        match t:
            case TVar(v):
                return self.name_of(v)
            case TGen(i):
                return self.name_of(i)
            case TCon(c):
                occ = c.name.occ
                return f"({occ})" if c.name.is_operator else occ
            case TAp():
                return self.type(t, _PREC_APP)

    def _special(self, con: Name, args: tuple[Type, ...], prec: int) -> str | None:
        if con == arrow_tycon() and len(args) == 2:
            text = f"{self.type(args[0], _PREC_FUN)} -> {self.type(args[1], _PREC_TOP)}"
            return f"({text})" if prec >= _PREC_FUN else text
        if con == list_tycon() and len(args) == 1:
            return f"[{self.type(args[0])}]"
        if _is_tuple_tycon(con) and len(args) == con.occ.count(",") + 1:
            return "(" + ", ".join(self.type(a) for a in args) + ")"
        return None


def _is_tuple_tycon(con: Name) -> bool:
    return con.occ.startswith("(,") and con.module == BUILTIN_MODULE


def pretty_type(t: Type, *, rename: bool = True) -> str:
    """``t`` in Haskell syntax; see Note [Printing types like GHC]."""
    return TypePrinter(rename=rename).type(t)


def pretty_pred(p: Pred, *, rename: bool = True) -> str:
    return TypePrinter(rename=rename).pred(p)


def pretty_scheme(sc: Scheme, *, rename: bool = True) -> str:
    """``forall a. Eq a => a -> [a] -> Bool``; see Note [Printing types like GHC]."""
    return TypePrinter(rename=rename).scheme(sc)
