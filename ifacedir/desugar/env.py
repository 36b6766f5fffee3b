"""What the desugarer knows about the world: constructors, classes, instances, names.

``DsEnv`` is built once per module from the module's own ``TcResult`` and the
``TcInterface`` of every module below it (its ``deps``: the modules whose instances
and data types it can see), and holds:

* ``cons``: every data constructor in scope, with its ``DataConRef`` (tag, arity),
  field labels, strictness, type and the constructors of its type in tag order
  (``siblings``), for pattern matching and constructor applications. The wired-in
  constructors of unit, lists and tuples (Report §6.1.3-§6.1.5) are added here,
  since no module declares them;
* ``classes``: every class with its ``ClassInfo``;
* ``dfuns``: the global name of every instance's dictionary function, by ``InstId``
  (``$fEq[]`` of module ``GHC.Base``; CORE.md §5);
* ``ce``: the class environment, to build the evidence that derived instances need
  (they have no typed tree);
* ``witnesses``: the class methods that syntax stands for, by (span, role) (Note
  [Witnesses for syntax] in ifacedir.syntax.evidence);
* the supply of fresh local names. See Note [Fresh names in Core].

Note [Fresh names in Core]
~~~~~~~~~~~~~~~~~~~~~~~~~~
Core requires distinct uniques for the locals of a module (CORE.md §4: no
shadowing), and DESIGN requires compiler-made names to be derived per module, never
from a process-wide counter. The renamer numbers the module's locals 1, 2, ...; the
desugarer's fresh locals (match variables, case binders, dictionary parameters)
continue from the largest unique the typed tree holds, in the order the desugarer
meets them, which is source order. The same ``tc`` file therefore always gives the
same ``ds`` file, whatever was compiled before it.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Final

from ifacedir.rename.env import Fixity
from ifacedir.syntax import core
from ifacedir.syntax.evidence import InstId, TcName, Witness
from ifacedir.syntax.names import (
    Name,
    NameSpace,
    cons_con,
    list_tycon,
    nil_con,
    tuple_con,
    tuple_tycon,
    unit_con,
    unit_tycon,
)
from ifacedir.syntax.span import SrcSpan
from ifacedir.syntax.types import (
    STAR,
    Forall,
    KFun,
    Kind,
    Pred,
    Scheme,
    TAp,
    TCon,
    TyCon,
    Type,
    kind_arity,
    to_scheme,
)
from ifacedir.typecheck.classes import ClassEnv
from ifacedir.typecheck.iface import ClassInfo, DataInfo, ImportedEnv, TcInterface
from ifacedir.typecheck.tcenv import builtin_scheme

__all__ = [
    "ANY",
    "MAX_TUPLE",
    "ConEntry",
    "DsEnv",
    "DsError",
    "builtin_data_types",
    "class_con_name",
    "default_method",
    "dict_type",
    "super_selector",
    "use",
]

MAX_TUPLE: Final = 62
"""The largest tuple with a wired-in constructor (GHC's limit)."""

ANY: Final = TCon(TyCon(Name("base", "GHC.Types", "Any", NameSpace.TYCON), STAR))
"""The type of a Core binder whose type the typed tree does not determine (an
unused wildcard's scrutinee, say); see spec/CORE.md §2."""


class DsError(Exception):
    """An internal error of the desugarer: the typed tree broke an invariant."""


@dataclass(frozen=True, slots=True)
class ConEntry:
    """A data constructor as the desugarer needs it."""

    ref: core.DataConRef
    tycon: Name
    labels: tuple[Name, ...]
    strict: tuple[bool, ...]
    scheme: Scheme
    siblings: tuple[Name, ...]
    """The constructors of its type, in tag order (itself included)."""


def dict_type(ci: ClassInfo | None, p: Pred) -> Type:
    """The type of a dictionary for ``p``: the class applied to the type (CORE.md §2)."""
    kind: Kind = KFun(ci.cls.kind, STAR) if ci is not None else KFun(STAR, STAR)
    return TAp(TCon(TyCon(p.cls, kind)), p.type)


class DsEnv:
    """The desugarer's tables for one module; see the module docstring."""

    def __init__(
        self,
        module: str,
        package: str,
        interfaces: Iterable[TcInterface],
        witnesses: Iterable[Witness],
        first_unique: int,
    ) -> None:
        self.module = module
        self.package = package
        ifaces = list(interfaces)
        self.imported = ImportedEnv.merge(ifaces)
        self.ce: ClassEnv = self.imported.class_env()
        self.classes: dict[Name, ClassInfo] = dict(self.imported.classes)
        self.data: dict[Name, DataInfo] = dict(self.imported.data)
        self.cons: dict[Name, ConEntry] = {}
        for info in self.data.values():
            self._add_data(info)
        _add_builtin_cons(self.cons)
        self.fixities: dict[Name, Fixity] = {n: f for i in ifaces for n, f in i.fixities}
        self.dfuns: dict[InstId, Name] = {}
        seen: set[str] = set()
        for iface in ifaces:
            if iface.module in seen:
                continue
            seen.add(iface.module)
            for inst in iface.instances:
                name = Name(iface.package, inst.module, str(inst.instance.ident), NameSpace.VAR)
                self.dfuns[inst.instance.ident] = name
        self.witnesses: dict[tuple[SrcSpan, str], TcName] = {
            (w.span, w.role): w.name for w in witnesses
        }
        self._next_unique = first_unique
        self._pattern_binds = 0

    def _add_data(self, info: DataInfo) -> None:
        siblings = tuple(c.name for c in info.constructors)
        for tag, c in enumerate(info.constructors):
            ref = core.DataConRef(c.name, tag, len(c.strict))
            self.cons[c.name] = ConEntry(ref, info.name, c.labels, c.strict, c.scheme, siblings)

    # --- Lookups ------------------------------------------------------------------------

    def con(self, name: Name) -> ConEntry:
        entry = self.cons.get(name)
        if entry is None:
            raise DsError(f"unknown data constructor {name}")
        return entry

    def class_info(self, name: Name) -> ClassInfo:
        ci = self.classes.get(name)
        if ci is None:
            raise DsError(f"unknown class {name}")
        return ci

    def dfun(self, inst: InstId) -> Name:
        name = self.dfuns.get(inst)
        if name is None:
            raise DsError(f"no dictionary function for instance {inst}")
        return name

    def witness(self, span: SrcSpan, role: str) -> TcName | None:
        return self.witnesses.get((span, role))

    def dict_type(self, p: Pred) -> Type:
        return dict_type(self.classes.get(p.cls), p)

    # --- Names the compiler makes (CORE.md §5) ---------------------------------------

    def fresh(self, occ: str, t: Type | Scheme) -> core.CoreVar:
        """A new local *binder* (its type a scheme), unique in the module; See Note
        [Fresh names in Core]. ``use`` gives its occurrences."""
        unique = self._next_unique
        self._next_unique += 1
        scheme = t if isinstance(t, Forall) else to_scheme(t)
        return core.CoreVar(Name.local(occ, NameSpace.VAR, unique), scheme)

    def fresh_dict(self, p: Pred) -> core.CoreVar:
        return self.fresh(f"$d{p.cls.occ}", self.dict_type(p))

    def pattern_bind_name(self) -> Name:
        """The global holding a top-level pattern binding's value (``$pat1``, ...)."""
        self._pattern_binds += 1
        return Name(self.package, self.module, f"$pat{self._pattern_binds}", NameSpace.VAR)

    def own(self, occ: str, space: NameSpace = NameSpace.VAR) -> Name:
        return Name(self.package, self.module, occ, space)


def use(v: core.CoreVar) -> core.CoreVar:
    """An occurrence of the binder ``v``: its name at its scheme's (monomorphic) type."""
    t = v.type
    return core.CoreVar(v.name, t.qual.head if isinstance(t, Forall) else t)


def class_con_name(cls: Name) -> Name:
    """The constructor of a class's dictionary type: ``C:Eq`` (GHC's spelling)."""
    return Name(cls.package, cls.module, f"C:{cls.occ}", NameSpace.CON)


def super_selector(cls: Name, index: int) -> Name:
    """The selector of the ``index``-th (1-based) superclass: ``$p1Ord``."""
    return Name(cls.package, cls.module, f"$p{index}{cls.occ}", NameSpace.VAR)


def default_method(method: Name) -> Name:
    """The default method of a class method: ``$dmshow``."""
    return Name(method.package, method.module, f"$dm{method.occ}", NameSpace.VAR)


def _add_builtin_cons(cons: dict[Name, ConEntry]) -> None:
    def add(name: Name, tycon: Name, tag: int, arity: int, siblings: tuple[Name, ...]) -> None:
        scheme = builtin_scheme(name)
        assert scheme is not None
        ref = core.DataConRef(name, tag, arity)
        cons[name] = ConEntry(ref, tycon, (), (False,) * arity, scheme, siblings)

    add(unit_con(), unit_tycon(), 0, 0, (unit_con(),))
    add(nil_con(), list_tycon(), 0, 0, (nil_con(), cons_con()))
    add(cons_con(), list_tycon(), 1, 2, (nil_con(), cons_con()))
    for n in range(2, MAX_TUPLE + 1):
        add(tuple_con(n), tuple_tycon(n), 0, n, (tuple_con(n),))


def builtin_data_types() -> tuple[core.DataType, ...]:
    """Unit, lists and tuples as Core data types (declared by no module)."""
    out = [
        core.DataType(unit_tycon(), STAR, (_builtin_con(unit_con(), 0, 0),)),
        core.DataType(
            list_tycon(),
            kind_arity(1),
            (_builtin_con(nil_con(), 0, 0), _builtin_con(cons_con(), 1, 2)),
        ),
    ]
    for n in range(2, MAX_TUPLE + 1):
        out.append(
            core.DataType(tuple_tycon(n), kind_arity(n), (_builtin_con(tuple_con(n), 0, n),))
        )
    return tuple(out)


def _builtin_con(name: Name, tag: int, arity: int) -> core.DataCon:
    scheme = builtin_scheme(name)
    assert isinstance(scheme, Forall)
    return core.DataCon(name, tag, arity, (False,) * arity, scheme)
