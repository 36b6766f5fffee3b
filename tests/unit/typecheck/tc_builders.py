"""Small builders shared by the typechecker unit tests: names, types, a class
environment shaped like the Prelude's, and renamed declarations (``Decl[Name]``)."""

from __future__ import annotations

import re

from ifacedir.syntax import ast
from ifacedir.syntax.names import Name, NameSpace
from ifacedir.syntax.span import SrcLoc, SrcSpan
from ifacedir.syntax.types import (
    STAR,
    T_BOOL,
    T_CHAR,
    T_DOUBLE,
    T_INT,
    T_INTEGER,
    T_LIST,
    IsIn,
    Kind,
    Pred,
    TAp,
    TCon,
    TVar,
    TyCon,
    Type,
    TyVar,
    kind_arity,
    tuple_type,
)
from ifacedir.typecheck.classes import Class, ClassEnv, add_class, add_inst

FILE = "T.hs"


def span(line: int = 1, col: int = 1, width: int = 1) -> SrcSpan:
    return SrcSpan(FILE, SrcLoc(line, col), SrcLoc(line, col + width))


def tv(ident: str, k: Kind = STAR) -> TVar:
    return TVar(TyVar(ident, k))


def con_name(occ: str, module: str = "M", package: str = "main") -> Name:
    return Name(package, module, occ, NameSpace.TYCON)


def tcon(occ: str, k: Kind = STAR, module: str = "M", package: str = "main") -> TCon:
    return TCon(TyCon(con_name(occ, module, package), k))


def ap(t: Type, *args: Type) -> Type:
    for a in args:
        t = TAp(t, a)
    return t


def base_class(occ: str) -> Name:
    return Name("base", "GHC.Base", occ, NameSpace.TYCON)  # the module does not matter here


MAYBE = tcon("Maybe", kind_arity(1), "GHC.Base", "base")
EQ, ORD, SHOW = base_class("Eq"), base_class("Ord"), base_class("Show")
NUM, REAL, ENUM = base_class("Num"), base_class("Real"), base_class("Enum")
INTEGRAL, FRACTIONAL = base_class("Integral"), base_class("Fractional")
FUNCTOR, MONAD = base_class("Functor"), base_class("Monad")
FOO = con_name("Foo")  # a class of the program's own: not a standard class


def pred(i: Name, t: Type) -> Pred:
    return IsIn(i, t)


def prelude_env() -> ClassEnv:
    """The classes of THIH §7.3's example environment, with instances for base types."""
    ce = ClassEnv()
    hierarchy: list[tuple[Name, tuple[Name, ...], Kind]] = [
        (EQ, (), STAR),
        (ORD, (EQ,), STAR),
        (SHOW, (), STAR),
        (ENUM, (), STAR),
        (NUM, (), STAR),
        (REAL, (NUM, ORD), STAR),
        (INTEGRAL, (REAL, ENUM), STAR),
        (FRACTIONAL, (NUM,), STAR),
        (FUNCTOR, (), kind_arity(1)),
        (MONAD, (), kind_arity(1)),
        (FOO, (), STAR),
    ]
    for i, supers, k in hierarchy:
        ce = add_class(ce, Class(i, k, supers, ()))
    a, b = tv("a"), tv("b")
    for i in (EQ, ORD, SHOW):
        for t in (T_INT, T_INTEGER, T_DOUBLE, T_CHAR, T_BOOL):
            ce = add_inst(ce, [], pred(i, t))
        ce = add_inst(ce, [pred(i, a)], pred(i, ap(T_LIST, a)))
        ce = add_inst(ce, [pred(i, a)], pred(i, ap(MAYBE, a)))
        ce = add_inst(ce, [pred(i, a), pred(i, b)], pred(i, tuple_type([a, b])))
    for t in (T_INT, T_INTEGER, T_DOUBLE):
        ce = add_inst(ce, [], pred(NUM, t))
        ce = add_inst(ce, [], pred(REAL, t))
    for t in (T_INT, T_INTEGER):
        ce = add_inst(ce, [], pred(INTEGRAL, t))
        ce = add_inst(ce, [], pred(ENUM, t))
    ce = add_inst(ce, [], pred(FRACTIONAL, T_DOUBLE))
    for f in (T_LIST, MAYBE):
        ce = add_inst(ce, [], pred(FUNCTOR, f))
    return ce


# --- Renamed declarations ---------------------------------------------------------------


class Decls:
    """Builds ``Decl[Name]`` values for module ``K``, with distinct spans per node."""

    def __init__(self) -> None:
        self._unique = 0
        self._col = 0

    def sp(self) -> SrcSpan:
        self._col += 2
        return span(1, self._col)

    def tyvar(self, occ: str) -> Name:
        self._unique += 1
        return Name.local(occ, NameSpace.TYVAR, self._unique)

    def tcon(self, name: Name) -> ast.TCon[Name]:
        return ast.TCon(self.sp(), name)

    def tvar(self, v: Name) -> ast.TVar[Name]:
        return ast.TVar(self.sp(), v)

    def app(self, f: ast.Type[Name], *args: ast.Type[Name]) -> ast.Type[Name]:
        for a in args:
            f = ast.TApp(self.sp(), f, a)
        return f

    def fun(self, a: ast.Type[Name], r: ast.Type[Name]) -> ast.Type[Name]:
        return ast.TFun(self.sp(), a, r)

    def con(self, occ: str, *fields: ast.Type[Name]) -> ast.ConDecl[Name]:
        name = Name("main", "K", occ, NameSpace.CON)
        return ast.ConDecl(self.sp(), name, tuple(ast.ConField(self.sp(), (), f) for f in fields))

    def data(
        self, name: Name, tyvars: tuple[Name, ...], *constrs: ast.ConDecl[Name]
    ) -> ast.DataDecl[Name]:
        return ast.DataDecl(self.sp(), name, tyvars, constrs, ())

    def syn(
        self, name: Name, tyvars: tuple[Name, ...], rhs: ast.Type[Name]
    ) -> ast.TypeSynDecl[Name]:
        return ast.TypeSynDecl(self.sp(), name, tyvars, rhs)

    def sig(
        self, occ: str, t: ast.Type[Name], *context: tuple[Name, ast.Type[Name]]
    ) -> ast.TypeSig[Name]:
        name = Name("main", "K", occ, NameSpace.VAR)
        preds = tuple(ast.Pred(self.sp(), i, pt) for i, pt in context)
        return ast.TypeSig(self.sp(), (name,), ast.QualType(self.sp(), preds, t))

    def cls(
        self, name: Name, tyvar: Name, supers: tuple[Name, ...], *sigs: ast.TypeSig[Name]
    ) -> ast.ClassDecl[Name]:
        context = tuple(ast.Pred(self.sp(), s, self.tvar(tyvar)) for s in supers)
        return ast.ClassDecl(self.sp(), context, name, tyvar, sigs)


def k_name(occ: str) -> Name:
    return con_name(occ, "K")


# --- GHC output -----------------------------------------------------------------------


def normalise_ghc(scheme: str) -> str:
    """GHC's spelling with ``{v}`` binders unbraced and variables renamed a, b, c, ...
    in order of appearance in the body (context, then type)."""
    scheme = re.sub(r"\{(\w+) :: ([^}]*)\}", r"(\1 :: \2)", scheme)
    scheme = re.sub(r"\{(\w+)\}", r"\1", scheme)
    binders, dot, body = (
        scheme.partition(". ") if scheme.startswith("forall ") else ("", "", scheme)
    )
    names: dict[str, str] = {}
    letters = iter("abcdefghijklmnopqrstuvwxyz")
    for v in re.findall(r"\b[a-z]\w*", body):
        if v not in names:
            names[v] = next(letters)

    def rename(text: str) -> str:
        return re.sub(r"\b[a-z]\w*", lambda m: names.get(m.group(0), m.group(0)), text)

    return rename(binders) + dot + rename(body)
