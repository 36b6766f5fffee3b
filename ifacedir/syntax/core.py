"""The Core language: what the desugarer writes (``ds``), the simplifier rewrites
(``simpl``) and a backend runs. See spec/CORE.md for the typing rules, the evaluation
order and what a backend may rely on.

Data only, frozen dataclasses of tuples, in the order of spec/CORE.md:

* ``CoreVar``: a variable, a ``Name`` (global, or local with its unique) and its type:
  a ``Scheme`` at a binder, the instantiated ``Type`` at an occurrence.
* Literals: ``IntLit`` (``Int`` or ``Integer``, told apart by ``IntKind``),
  ``DoubleLit`` (an exact rational), ``CharLit`` (a code point), ``StringLit``.
* Expressions: ``App``, ``Lam``, ``Let`` (non-recursive), ``LetRec``, ``Case`` with
  ``ConAlt`` / ``LitAlt`` / ``DefaultAlt``, ``ConApp`` (a saturated ``DataConRef``),
  ``PrimOp`` (a saturated ``foreign import prim`` entity) and ``PatError`` (a failed
  pattern match, with GHC's message).
* Programs: ``Bind``, ``BindGroup`` (one strongly connected component), ``DataCon``,
  ``DataType`` and ``CoreModule``.

There is no dictionary node: see Note [Dictionaries are ordinary values]. Every class
is registered in ``ifacedir.syntax.codec.NODE_CLASSES``, so ``ds`` and ``simpl`` files
are written by the same generic codec as the ``tc`` file.

Note [Dictionaries are ordinary values]
~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~
Core has no classes. The desugarer turns each class ``C`` into a ``DataType`` named
``C`` with one constructor ``C:C`` (GHC's spelling) whose fields are the superclass
dictionaries (in the order of the class declaration's context) followed by the
methods (in declaration order), all lazy. Each method and each superclass becomes an
ordinary top-level function (a selector: a ``Case`` on the dictionary with one
``ConAlt``), named by the method itself (``GHC.Classes.==``) and ``$p1Ord``,
``$p2...`` for superclasses. An instance becomes a top-level binding named
``str(InstId)`` (``$fEq[]``, ``$fShowMaybe``): for an instance with a context, a
``Lam`` over one dictionary per context predicate returning the ``ConApp`` of the
class constructor; otherwise the ``ConApp`` itself. Evidence (TYPECHECK-PLAN §4)
becomes: ``EvInst`` an ``App`` of the instance's binding to its argument evidence,
``EvSuper`` an ``App`` of the superclass selector, ``EvAssumed`` the ``CoreVar`` of the
dictionary parameter (``$dEq_N``, a local). So a backend sees plain records and plain
functions, and needs to know nothing about type classes.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass
from typing import TypeAlias

from ifacedir.syntax.names import Name
from ifacedir.syntax.types import Forall, Kind, Scheme, Type

__all__ = [
    "Alt",
    "App",
    "Bind",
    "BindGroup",
    "Case",
    "CharLit",
    "ConAlt",
    "ConApp",
    "CoreModule",
    "CoreVar",
    "DataCon",
    "DataConRef",
    "DataType",
    "DefaultAlt",
    "DoubleLit",
    "Expr",
    "IntKind",
    "IntLit",
    "Lam",
    "Let",
    "LetRec",
    "LitAlt",
    "Literal",
    "PatError",
    "PrimOp",
    "StringLit",
    "Unfoldings",
]


# --- Variables and literals ------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class CoreVar:
    """A variable: at a binder ``type`` is its ``Scheme``; at an occurrence the ``Type``
    it is used at. A local's ``Name`` has an empty module and a unique (names.py)."""

    name: Name
    type: Type | Scheme


class IntKind(enum.StrEnum):
    """Which integral type an ``IntLit`` has: a machine ``Int`` or an unbounded ``Integer``."""

    INT = "Int"
    INTEGER = "Integer"


@dataclass(frozen=True, slots=True)
class IntLit:
    """An ``Int`` (64-bit, two's complement) or ``Integer`` (any size) literal."""

    value: int
    kind: IntKind


@dataclass(frozen=True, slots=True)
class DoubleLit:
    """A ``Double`` literal as the exact rational ``numerator / denominator`` (lowest
    terms, ``denominator > 0``), the value ``fromRational`` receives; rounding to the
    nearest double is the backend's, done once."""

    numerator: int
    denominator: int


@dataclass(frozen=True, slots=True)
class CharLit:
    """A ``Char`` literal as its code point (0 to 0x10FFFF; a lone surrogate is a code
    point Haskell allows and UTF-8 text does not, hence an integer)."""

    code: int


@dataclass(frozen=True, slots=True)
class StringLit:
    """A ``[Char]`` literal, unpacked lazily by the backend."""

    value: str


Literal: TypeAlias = IntLit | DoubleLit | CharLit | StringLit


# --- Expressions -------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class App:
    """``fun arg1 ... argn`` (n >= 1); the arguments are not evaluated by the call."""

    fun: Expr
    args: tuple[Expr, ...]


@dataclass(frozen=True, slots=True)
class Lam:
    """``\\ p1 ... pn -> body`` (n >= 1)."""

    params: tuple[CoreVar, ...]
    body: Expr


@dataclass(frozen=True, slots=True)
class Bind:
    """One binding ``var = rhs``, at top level or in a ``Let`` / ``LetRec``."""

    var: CoreVar
    rhs: Expr


@dataclass(frozen=True, slots=True)
class Let:
    """``let bind in body``, non-recursive: ``bind.var`` is not in scope in its rhs."""

    bind: Bind
    body: Expr


@dataclass(frozen=True, slots=True)
class LetRec:
    """``letrec binds in body``: every variable is in scope in every rhs and the body."""

    binds: tuple[Bind, ...]
    body: Expr


@dataclass(frozen=True, slots=True)
class DataConRef:
    """A data constructor: its ``Name``, ``tag`` (0-based position in its data
    declaration) and ``arity``; the same three as its ``DataCon``."""

    name: Name
    tag: int
    arity: int


@dataclass(frozen=True, slots=True)
class ConAlt:
    """``Con v1 ... vn -> rhs``: one variable per field (``len(vars) == con.arity``)."""

    con: DataConRef
    vars: tuple[CoreVar, ...]
    rhs: Expr


@dataclass(frozen=True, slots=True)
class LitAlt:
    """``lit -> rhs``, for scrutinees of type ``Int``, ``Integer``, ``Char``, ``Double``."""

    lit: Literal
    rhs: Expr


@dataclass(frozen=True, slots=True)
class DefaultAlt:
    """``_ -> rhs``: always the last alternative, at most one."""

    rhs: Expr


Alt: TypeAlias = ConAlt | LitAlt | DefaultAlt


@dataclass(frozen=True, slots=True)
class Case:
    """``case scrut of binder { alts }``: ``scrut`` evaluated to WHNF and bound to
    ``binder`` in every alternative; ``type`` is the type of the whole expression."""

    scrut: Expr
    binder: CoreVar
    type: Type
    alts: tuple[Alt, ...]


@dataclass(frozen=True, slots=True)
class ConApp:
    """A saturated constructor application (``len(args) == con.arity``)."""

    con: DataConRef
    args: tuple[Expr, ...]


@dataclass(frozen=True, slots=True)
class PrimOp:
    """A saturated call of the primitive ``entity`` (the string of its ``foreign import
    prim``, spec/LIBRARY.md), whose result has type ``type``."""

    entity: str
    arity: int
    args: tuple[Expr, ...]
    type: Type

    def __post_init__(self) -> None:
        if len(self.args) != self.arity:
            raise ValueError(f"{self.entity} takes {self.arity} arguments, given {len(self.args)}")


@dataclass(frozen=True, slots=True)
class PatError:
    """A failed pattern match, of any ``type``: evaluating it stops the program with
    ``message`` as GHC prints it, e.g.
    ``Main.hs:(3,1)-(4,20): Non-exhaustive patterns in function f``."""

    message: str
    type: Type


Expr: TypeAlias = (
    CoreVar
    | IntLit
    | DoubleLit
    | CharLit
    | StringLit
    | App
    | Lam
    | Let
    | LetRec
    | Case
    | ConApp
    | PrimOp
    | PatError
)


# --- Programs ----------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class BindGroup:
    """One strongly connected component of top-level bindings; ``recursive`` is False
    only for a single binding that does not mention itself."""

    recursive: bool
    binds: tuple[Bind, ...]


@dataclass(frozen=True, slots=True)
class DataCon:
    """A constructor: ``tag`` its 0-based position, ``strict`` one flag per field
    (``!`` in the declaration), ``scheme`` its type as a curried function."""

    name: Name
    tag: int
    arity: int
    strict: tuple[bool, ...]
    scheme: Forall

    def ref(self) -> DataConRef:
        return DataConRef(self.name, self.tag, self.arity)


@dataclass(frozen=True, slots=True)
class DataType:
    """A data type (or a class's dictionary type) with its constructors in tag order."""

    name: Name
    kind: Kind
    cons: tuple[DataCon, ...]


@dataclass(frozen=True, slots=True)
class CoreModule:
    """One module in Core: its top-level binding groups in dependency order (a group
    mentions only itself, earlier groups and imports), its data types, the names it
    exports (values and constructors) and its entry point (``main``, or None)."""

    module: str
    package: str
    groups: tuple[BindGroup, ...]
    data: tuple[DataType, ...]
    exports: tuple[Name, ...]
    entry: Name | None


@dataclass(frozen=True, slots=True)
class Unfoldings:
    """What a module's ``.hi`` offers importers' simplifiers to inline: the
    right-hand sides of some of its top-level bindings (spec/CORE.md §6)."""

    module: str
    binds: tuple[Bind, ...]
