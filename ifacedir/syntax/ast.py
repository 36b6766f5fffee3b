"""The surface syntax tree: one class per Report construct, generic over the name type.

The same classes serve every pass before the typechecker, distinguished by the type
``N`` that names are made of (GHC's "trees that grow" idea, in its simplest form):

* ``Module[RdrName]`` is what the parser returns: names as written;
* ``Module[Name]`` is what the renamer returns: every name resolved (see
  ifacedir.syntax.names), operator chains re-associated by fixity;
* the typechecker may instantiate ``N`` with an identifier that also carries a type
  and evidence; see Note [Where types go].

Every node is a frozen dataclass whose first field is ``span``, the source it came
from. Sequences are tuples, so trees are hashable, comparable and cheap to share.

Layout of the module: names and literals, then types, patterns, expressions (with
statements, alternatives and right-hand sides), declarations, and the module with its
import and export items. Each group ends with a type alias naming the union of its
node classes (``Type``, ``Pat``, ``Expr``, ``Decl``).

Note [Operator chains before fixity resolution]
~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~
Fixities can be imported, so the parser cannot know how ``a + b * c`` or
``x : y ++ z`` associates (Report §10.6). It produces ``EOpChain`` / ``POpChain``:
the operands and operators in source order, with ``Negation`` items for prefix minus.
The renamer resolves the operators, looks up their fixities and rebuilds the chain as
nested ``EOpApp`` / ``ENeg`` / ``PConOp`` nodes with the Report's algorithm. A renamed
tree contains no chains. Parentheses are kept (``EParen``, ``PParen``) because they
delimit chains and because the pretty printer must reproduce the source tree exactly.

Note [Where types go]
~~~~~~~~~~~~~~~~~~~~~
Type *syntax* written by the programmer lives in the tree (``TypeSig``, ``ETyped``,
constructor fields). Types *inferred* by the typechecker do not get a field on every
node: that would force every pass to carry an unused slot. Instead the tree is
generic over its name type, as GHC's HsSyn is over its pass: the typechecker
instantiates ``N`` with an identifier that carries the binder's type scheme and, at
an occurrence, the evidence the occurrence needs.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass
from typing import Generic, TypeAlias, TypeVar, dataclass_transform

from ifacedir.syntax.span import SrcSpan

__all__ = [
    "Alt",
    "Assoc",
    "ClassDecl",
    "ConDecl",
    "ConField",
    "DataDecl",
    "Decl",
    "DefaultDecl",
    "EApp",
    "EArith",
    "ECase",
    "ECon",
    "EDo",
    "EIf",
    "ELam",
    "ELeftSection",
    "ELet",
    "EList",
    "EListComp",
    "ELit",
    "ENeg",
    "EOpApp",
    "EOpChain",
    "EParen",
    "ERecCon",
    "ERecUpd",
    "ERightSection",
    "ETuple",
    "ETyped",
    "EVar",
    "ExportItem",
    "Expr",
    "FieldBind",
    "FieldPat",
    "FixityDecl",
    "ForeignImport",
    "FunBind",
    "GuardedRhs",
    "IEModule",
    "IEThing",
    "IEVar",
    "ImportDecl",
    "ImportItem",
    "InstanceDecl",
    "LitChar",
    "LitFrac",
    "LitInt",
    "LitString",
    "Literal",
    "Match",
    "Module",
    "Negation",
    "OpRef",
    "PAs",
    "PCon",
    "PConOp",
    "PLazy",
    "PList",
    "PLit",
    "POpChain",
    "PParen",
    "PRec",
    "PTuple",
    "PVar",
    "PWild",
    "Pat",
    "PatBind",
    "Pred",
    "QualType",
    "Rhs",
    "SBind",
    "SExpr",
    "SLet",
    "Stmt",
    "SubItems",
    "TApp",
    "TCon",
    "TFun",
    "TList",
    "TTuple",
    "TVar",
    "Type",
    "TypeSig",
    "TypeSynDecl",
]

N = TypeVar("N")

_C = TypeVar("_C")


@dataclass_transform(frozen_default=True)
def _node(cls: type[_C]) -> type[_C]:
    """``@dataclass(frozen=True, slots=True)``, spelled so that mypy sees the fields."""
    return dataclass(frozen=True, slots=True)(cls)


# --- Literals (Report §2.5, §2.6) -------------------------------------------------


@_node
class LitInt:
    """An integer literal; negative only in a pattern such as ``-1`` (§3.17.1)."""

    value: int


@_node
class LitFrac:
    """A float literal, as its exact decimal text (see Note [Float literals are exact]
    in ifacedir.parse.lexer); ``-`` prefixed in negative literal patterns."""

    text: str


@_node
class LitChar:
    value: str


@_node
class LitString:
    value: str


Literal: TypeAlias = LitInt | LitFrac | LitChar | LitString


# --- Types (Report §4.1) ------------------------------------------------------------


@_node
class TVar(Generic[N]):
    span: SrcSpan
    name: N


@_node
class TCon(Generic[N]):
    """A type constructor, including the special ``()``, ``[]``, ``->`` and ``(,)``."""

    span: SrcSpan
    name: N


@_node
class TApp(Generic[N]):
    span: SrcSpan
    fun: Type[N]
    arg: Type[N]


@_node
class TFun(Generic[N]):
    span: SrcSpan
    arg: Type[N]
    res: Type[N]


@_node
class TList(Generic[N]):
    span: SrcSpan
    elem: Type[N]


@_node
class TTuple(Generic[N]):
    """A tuple type of two or more components (``()`` is ``TCon``)."""

    span: SrcSpan
    elems: tuple[Type[N], ...]


Type: TypeAlias = "TVar[N] | TCon[N] | TApp[N] | TFun[N] | TList[N] | TTuple[N]"


@_node
class Pred(Generic[N]):
    """A class assertion ``C t`` in a context (§4.1.3): ``t`` is a variable, or in an
    instance context also a variable applied to types."""

    span: SrcSpan
    cls: N
    type: Type[N]


@_node
class QualType(Generic[N]):
    """``context => type``; ``context`` is empty when there is no ``=>``."""

    span: SrcSpan
    context: tuple[Pred[N], ...]
    type: Type[N]


# --- Patterns (Report §3.17) --------------------------------------------------------


@_node
class PVar(Generic[N]):
    span: SrcSpan
    name: N


@_node
class PWild:
    span: SrcSpan


@_node
class PLit:
    """A literal pattern; a negative numeric literal keeps its sign in ``lit``."""

    span: SrcSpan
    lit: Literal


@_node
class PCon(Generic[N]):
    """A constructor applied to argument patterns, prefix: ``Just x``, ``(:) x xs``."""

    span: SrcSpan
    con: N
    args: tuple[Pat[N], ...]


@_node
class PConOp(Generic[N]):
    """An infix constructor pattern ``p1 con p2`` after fixity resolution."""

    span: SrcSpan
    left: Pat[N]
    con: N
    right: Pat[N]


@_node
class POpChain(Generic[N]):
    """Unresolved infix pattern: ``operands[0] ops[0] operands[1] ...``.

    See Note [Operator chains before fixity resolution]. Only in parsed trees.
    """

    span: SrcSpan
    operands: tuple[Pat[N], ...]
    ops: tuple[OpRef[N], ...]


@_node
class PTuple(Generic[N]):
    span: SrcSpan
    elems: tuple[Pat[N], ...]


@_node
class PList(Generic[N]):
    span: SrcSpan
    elems: tuple[Pat[N], ...]


@_node
class PAs(Generic[N]):
    span: SrcSpan
    name: N
    pat: Pat[N]


@_node
class PLazy(Generic[N]):
    span: SrcSpan
    pat: Pat[N]


@_node
class FieldPat(Generic[N]):
    span: SrcSpan
    field: N
    pat: Pat[N]


@_node
class PRec(Generic[N]):
    """``C { f1 = p1, ... }``; ``C {}`` matches any ``C`` value (§3.17.1)."""

    span: SrcSpan
    con: N
    fields: tuple[FieldPat[N], ...]


@_node
class PParen(Generic[N]):
    span: SrcSpan
    pat: Pat[N]


Pat: TypeAlias = (
    "PVar[N] | PWild | PLit | PCon[N] | PConOp[N] | POpChain[N] | PTuple[N] | PList[N]"
    " | PAs[N] | PLazy[N] | PRec[N] | PParen[N]"
)


# --- Expressions (Report §3) --------------------------------------------------------


@_node
class EVar(Generic[N]):
    """A variable, written as an identifier or a parenthesised operator ``(+)``."""

    span: SrcSpan
    name: N


@_node
class ECon(Generic[N]):
    """A data constructor, including the special ``()``, ``[]``, ``(,)`` and ``(:)``."""

    span: SrcSpan
    name: N


@_node
class ELit:
    span: SrcSpan
    lit: Literal


@_node
class EApp(Generic[N]):
    span: SrcSpan
    fun: Expr[N]
    arg: Expr[N]


@_node
class OpRef(Generic[N]):
    """An operator in infix position: a symbol (``+``, ``:``) or a backquoted name
    (`` `div` ``, `` `Cons` ``). ``is_con`` tells constructors from variables."""

    span: SrcSpan
    name: N
    is_con: bool


@_node
class Negation:
    """A prefix ``-`` inside an operator chain (§3.4)."""

    span: SrcSpan


@_node
class EOpChain(Generic[N]):
    """Unresolved operator expression, its items in source order: operands (``Expr``),
    operators (``OpRef``) and prefix minus (``Negation``). Only in parsed trees; see
    Note [Operator chains before fixity resolution]."""

    span: SrcSpan
    items: tuple[Expr[N] | OpRef[N] | Negation, ...]


@_node
class EOpApp(Generic[N]):
    """``left op right`` after fixity resolution."""

    span: SrcSpan
    left: Expr[N]
    op: OpRef[N]
    right: Expr[N]


@_node
class ENeg(Generic[N]):
    """Prefix minus after fixity resolution: ``negate expr`` (§3.4)."""

    span: SrcSpan
    expr: Expr[N]


@_node
class ELam(Generic[N]):
    span: SrcSpan
    pats: tuple[Pat[N], ...]
    body: Expr[N]


@_node
class ELet(Generic[N]):
    span: SrcSpan
    decls: tuple[Decl[N], ...]
    body: Expr[N]


@_node
class EIf(Generic[N]):
    span: SrcSpan
    cond: Expr[N]
    then: Expr[N]
    else_: Expr[N]


@_node
class GuardedRhs(Generic[N]):
    """``| guard1, guard2 = body`` (or ``->`` in a case alternative); the guards are
    boolean guards (``SExpr``), pattern guards (``SBind``) and ``SLet`` (§3.13)."""

    span: SrcSpan
    guards: tuple[Stmt[N], ...]
    body: Expr[N]


@_node
class Rhs(Generic[N]):
    """A right-hand side: either one unguarded ``body`` or ``guarded`` alternatives
    (exactly one of the two is set), with the ``where`` declarations that scope over
    it (§4.4.3)."""

    span: SrcSpan
    body: Expr[N] | None
    guarded: tuple[GuardedRhs[N], ...]
    where: tuple[Decl[N], ...]


@_node
class Alt(Generic[N]):
    span: SrcSpan
    pat: Pat[N]
    rhs: Rhs[N]


@_node
class ECase(Generic[N]):
    span: SrcSpan
    scrut: Expr[N]
    alts: tuple[Alt[N], ...]


@_node
class SBind(Generic[N]):
    """``pat <- expr`` in ``do``, a comprehension or a pattern guard."""

    span: SrcSpan
    pat: Pat[N]
    expr: Expr[N]


@_node
class SLet(Generic[N]):
    span: SrcSpan
    decls: tuple[Decl[N], ...]


@_node
class SExpr(Generic[N]):
    span: SrcSpan
    expr: Expr[N]


Stmt: TypeAlias = "SBind[N] | SLet[N] | SExpr[N]"


@_node
class EDo(Generic[N]):
    span: SrcSpan
    stmts: tuple[Stmt[N], ...]


@_node
class ETuple(Generic[N]):
    span: SrcSpan
    elems: tuple[Expr[N], ...]


@_node
class EList(Generic[N]):
    span: SrcSpan
    elems: tuple[Expr[N], ...]


@_node
class EArith(Generic[N]):
    """``[from ..]``, ``[from, then ..]``, ``[from .. to]``, ``[from, then .. to]``."""

    span: SrcSpan
    from_: Expr[N]
    then: Expr[N] | None
    to: Expr[N] | None


@_node
class EListComp(Generic[N]):
    span: SrcSpan
    expr: Expr[N]
    quals: tuple[Stmt[N], ...]


@_node
class ELeftSection(Generic[N]):
    """``(expr op)``."""

    span: SrcSpan
    expr: Expr[N]
    op: OpRef[N]


@_node
class ERightSection(Generic[N]):
    """``(op expr)``; ``(- e)`` is a negation, not a section (§3.5)."""

    span: SrcSpan
    op: OpRef[N]
    expr: Expr[N]


@_node
class EParen(Generic[N]):
    span: SrcSpan
    expr: Expr[N]


@_node
class ETyped(Generic[N]):
    """``expr :: type`` (§3.16)."""

    span: SrcSpan
    expr: Expr[N]
    type: QualType[N]


@_node
class FieldBind(Generic[N]):
    span: SrcSpan
    field: N
    value: Expr[N]


@_node
class ERecCon(Generic[N]):
    """``C { f1 = e1, ... }`` (§3.15.2)."""

    span: SrcSpan
    con: N
    fields: tuple[FieldBind[N], ...]


@_node
class ERecUpd(Generic[N]):
    """``expr { f1 = e1, ... }`` (§3.15.3), at least one field."""

    span: SrcSpan
    expr: Expr[N]
    fields: tuple[FieldBind[N], ...]


Expr: TypeAlias = (
    "EVar[N] | ECon[N] | ELit | EApp[N] | EOpChain[N] | EOpApp[N] | ENeg[N] | ELam[N]"
    " | ELet[N] | EIf[N] | ECase[N] | EDo[N] | ETuple[N] | EList[N] | EArith[N]"
    " | EListComp[N] | ELeftSection[N] | ERightSection[N] | EParen[N] | ETyped[N]"
    " | ERecCon[N] | ERecUpd[N]"
)


# --- Declarations (Report §4) -------------------------------------------------------


class Assoc(enum.StrEnum):
    LEFT = "infixl"
    RIGHT = "infixr"
    NONE = "infix"


@_node
class TypeSig(Generic[N]):
    """``v1, ..., vn :: type`` (§4.4.1)."""

    span: SrcSpan
    names: tuple[N, ...]
    type: QualType[N]


@_node
class FixityDecl(Generic[N]):
    """``infixl 6 +, -`` (§4.4.2); ``prec`` is 9 when omitted."""

    span: SrcSpan
    assoc: Assoc
    prec: int
    ops: tuple[N, ...]


@_node
class Match(Generic[N]):
    """One clause ``f p1 ... pn rhs`` of a function binding; ``infix`` when written
    ``p1 `f` p2`` or ``p1 + p2``."""

    span: SrcSpan
    pats: tuple[Pat[N], ...]
    rhs: Rhs[N]
    infix: bool = False


@_node
class FunBind(Generic[N]):
    """A function binding: the adjacent clauses of one name (§4.4.3.1). A variable
    bound without arguments (``x = 1``) is a ``FunBind`` with one zero-argument clause,
    as in GHC; ``PatBind`` is for the other patterns."""

    span: SrcSpan
    name: N
    matches: tuple[Match[N], ...]


@_node
class PatBind(Generic[N]):
    span: SrcSpan
    pat: Pat[N]
    rhs: Rhs[N]


@_node
class ConField(Generic[N]):
    """One field of a constructor: a positional argument (``labels == ()``) or a group
    of record fields sharing a type (``a, b :: !Int``); ``strict`` for a ``!`` mark."""

    span: SrcSpan
    labels: tuple[N, ...]
    type: Type[N]
    strict: bool = False


@_node
class ConDecl(Generic[N]):
    """A data constructor (§4.2.1): prefix ``C t1 t2``, infix ``t1 :+ t2`` or a record
    ``C { ... }``."""

    span: SrcSpan
    name: N
    fields: tuple[ConField[N], ...]
    is_record: bool = False
    is_infix: bool = False


@_node
class DataDecl(Generic[N]):
    """``data`` or ``newtype`` (§4.2.1, §4.2.3); Haskell 2010 allows no constructors."""

    span: SrcSpan
    name: N
    tyvars: tuple[N, ...]
    constrs: tuple[ConDecl[N], ...]
    deriving: tuple[N, ...]
    is_newtype: bool = False


@_node
class TypeSynDecl(Generic[N]):
    span: SrcSpan
    name: N
    tyvars: tuple[N, ...]
    rhs: Type[N]


@_node
class ClassDecl(Generic[N]):
    """``class ctx => C a where decls``: signatures, fixities and default methods."""

    span: SrcSpan
    context: tuple[Pred[N], ...]
    name: N
    tyvar: N
    decls: tuple[Decl[N], ...]


@_node
class InstanceDecl(Generic[N]):
    """``instance ctx => C t where decls`` with ``t`` a type constructor applied to
    distinct type variables (§4.3.2)."""

    span: SrcSpan
    context: tuple[Pred[N], ...]
    cls: N
    type: Type[N]
    decls: tuple[Decl[N], ...]


@_node
class DefaultDecl(Generic[N]):
    span: SrcSpan
    types: tuple[Type[N], ...]


@_node
class ForeignImport(Generic[N]):
    """``foreign import prim "entity" name :: type`` (Report §8.4): how package base
    declares the primitives the compiler implements. See spec/LANGUAGE.md."""

    span: SrcSpan
    callconv: str
    entity: str
    name: N
    type: QualType[N]


Decl: TypeAlias = (
    "TypeSig[N] | FixityDecl[N] | FunBind[N] | PatBind[N] | DataDecl[N] | TypeSynDecl[N]"
    " | ClassDecl[N] | InstanceDecl[N] | DefaultDecl[N] | ForeignImport[N]"
)


# --- Modules, imports and exports (Report §5) --------------------------------------


class SubItems(enum.Enum):
    """``T(..)``: all subordinate names (constructors, fields or methods)."""

    ALL = "(..)"


@_node
class IEVar(Generic[N]):
    """A variable in an export or import list: ``f``, ``(+)``."""

    span: SrcSpan
    name: N


@_node
class IEThing(Generic[N]):
    """A type or class, with its subordinates: ``T`` (``subs == ()``, none),
    ``T(..)`` (``SubItems.ALL``) or ``T(C1, f)``."""

    span: SrcSpan
    name: N
    subs: tuple[N, ...] | SubItems = ()


@_node
class IEModule:
    """``module M`` in an export list."""

    span: SrcSpan
    module: str


ExportItem: TypeAlias = "IEVar[N] | IEThing[N] | IEModule"
ImportItem: TypeAlias = "IEVar[N] | IEThing[N]"


@_node
class ImportDecl(Generic[N]):
    """``import {-# SOURCE #-} qualified M as A hiding (items)`` (§5.3).

    ``items`` is None without a list; ``hiding`` says whether the list hides.
    """

    span: SrcSpan
    module: str
    module_span: SrcSpan
    qualified: bool = False
    alias: str | None = None
    hiding: bool = False
    items: tuple[ImportItem[N], ...] | None = None
    source: bool = False


@_node
class Module(Generic[N]):
    """A module (§5.1). Without a header, ``name`` is ``Main`` and ``exports`` is
    ``(main)`` as the Report says; ``has_header`` records which it was.
    ``extensions`` lists the ``{-# LANGUAGE ... #-}`` names at the top of the file
    (only ``NoImplicitPrelude`` is supported)."""

    span: SrcSpan
    name: str
    exports: tuple[ExportItem[N], ...] | None
    imports: tuple[ImportDecl[N], ...]
    decls: tuple[Decl[N], ...]
    has_header: bool = True
    name_span: SrcSpan | None = None
    extensions: tuple[str, ...] = ()
