"""Top-level declarations: what a module defines (Report §4, §5.1) and renaming them.

Two passes, because every top-level name is in scope in the whole module (§5.1),
including the declarations above its definition:

1. ``collect_top_defs`` walks the declarations once and makes an original name for
   each entity the module defines: types, synonyms and classes (type namespace);
   data constructors; functions, pattern-bound variables, foreign imports, record
   fields and class methods (value namespace). Constructors, fields and methods
   record their parent. Two definitions of one name in one namespace are "Multiple
   declarations" (reported at the second); one field shared by several constructors
   of the same type is one field (§4.2.1). The value bindings form the top-level
   binding group, checked by ``analyse_group`` (signatures, fixities, arity); a
   fixity declaration may also name a constructor, method or field of the module.
   Fixity declarations inside a class body must name methods of that class.
2. ``rename_top_decls`` renames each declaration with the environment complete:
   ``data``/``newtype``/``type`` bind their parameters over the right-hand side;
   a class binds its variable over its context and method signatures; an instance
   quantifies the variables of its head over its context. Method bindings in an
   instance name the class's methods, looked up among the children of the class in
   scope in any form (qualified is enough, and a clashing top-level name does not
   make them ambiguous: corpus case 070); a binding for anything else is "not a
   (visible) method". Default methods in a class must be methods of that class.
   Method bodies are renamed outside the type variables' scope (Haskell 2010 has
   no scoped type variables).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from ifacedir.diagnostics import Diagnostic, error
from ifacedir.rename.binders import (
    GroupInfo,
    analyse_group,
    check_arity,
    check_conflicts,
    check_fixity_decl,
    funbind_binders,
    funbind_name_span,
    instance_class_span,
    located,
    multiple_declarations,
    pat_binders,
    tyvar_binders,
)
from ifacedir.rename.context import RnContext
from ifacedir.rename.env import Fixity
from ifacedir.rename.expr import rename_group_decls, rename_match
from ifacedir.rename.scope import GlobalEntry
from ifacedir.rename.types import (
    bind_tyvars,
    rename_context,
    rename_sig_type,
    rename_type,
)
from ifacedir.syntax.ast import (
    ClassDecl,
    ConDecl,
    ConField,
    DataDecl,
    Decl,
    DefaultDecl,
    FixityDecl,
    ForeignImport,
    FunBind,
    InstanceDecl,
    PatBind,
    TypeSig,
    TypeSynDecl,
)
from ifacedir.syntax.names import Name, NameSpace, RdrName
from ifacedir.syntax.span import SrcSpan

__all__ = ["TopDefs", "collect_top_defs", "rename_top_decls"]

_VALUE_DECLS = (TypeSig, FixityDecl, FunBind, PatBind)


@dataclass
class TopDefs:
    """The entities a module defines (step 1 of the module docstring)."""

    module: str
    package: str
    entries: dict[Name, GlobalEntry] = field(default_factory=dict)
    values: dict[str, Name] = field(default_factory=dict)  # value-namespace occ -> name
    methods: dict[Name, dict[str, Name]] = field(default_factory=dict)  # class -> methods
    fields: set[Name] = field(default_factory=set)
    fixities: dict[Name, Fixity] = field(default_factory=dict)
    group: GroupInfo = field(default_factory=GroupInfo)

    def name(self, occ: str, space: NameSpace) -> Name:
        return Name(self.package, self.module, occ, space)


def collect_top_defs(
    module: str, package: str, decls: Sequence[Decl[RdrName]], diags: list[Diagnostic]
) -> TopDefs:
    top = TopDefs(module, package)
    seen: dict[tuple[NameSpace, str], tuple[SrcSpan, bool]] = {}
    for occ, space, span, parent, is_bind in _definitions(decls):
        key = (space, occ)
        if key in seen:
            first, first_is_bind = seen[key]
            if not (is_bind and first_is_bind):  # those are analyse_group's to report
                diags.append(multiple_declarations(occ, span, first))
            continue
        seen[key] = (span, is_bind)
        name = top.name(occ, space)
        top.entries[name] = GlobalEntry(name, parent, True, (), span)
        if space is not NameSpace.TYCON:
            top.values[occ] = name
    _collect_subordinates(top, decls)
    value_decls = [d for d in decls if isinstance(d, _VALUE_DECLS)]
    top.group = analyse_group(value_decls, diags, top=True, fixity_targets=top.values)
    for occ, (decl, _) in top.group.fixities.items():
        if occ in top.values:
            top.fixities[top.values[occ]] = Fixity(decl.assoc, decl.prec)
    for d in decls:
        if isinstance(d, ClassDecl):
            _class_fixities(top, d, diags)
    return top


_Def = tuple[str, NameSpace, SrcSpan, Name | None, bool]


def _definitions(decls: Sequence[Decl[RdrName]]) -> list[_Def]:
    """(occ, namespace, span, parent, is a value binding) for every definition."""
    out: list[_Def] = []
    for d in decls:
        if isinstance(d, DataDecl | TypeSynDecl | ClassDecl):
            # GHC locates a type or class declaration by its whole declaration.
            out.append((d.name.occ, NameSpace.TYCON, d.span, None, False))
        if isinstance(d, DataDecl):
            out.extend(_data_defs(d))
        elif isinstance(d, ClassDecl):
            parent = Name("", "", d.name.occ, NameSpace.TYCON)  # fixed by _collect_subordinates
            for sig in d.decls:
                if isinstance(sig, TypeSig):
                    out.extend(
                        (n.occ, NameSpace.VAR, located(n, sig.span), parent, False)
                        for n in sig.names
                    )
        elif isinstance(d, ForeignImport):
            out.append((d.name.occ, NameSpace.VAR, located(d.name, d.span), None, False))
        elif isinstance(d, FunBind):
            out.extend((b.occ, NameSpace.VAR, b.span, None, True) for b in funbind_binders(d))
        elif isinstance(d, PatBind):
            out.extend((b.occ, NameSpace.VAR, b.span, None, True) for b in pat_binders([d.pat]))
    return out


def _data_defs(d: DataDecl[RdrName]) -> list[_Def]:
    parent = Name("", "", d.name.occ, NameSpace.TYCON)
    out: list[_Def] = []
    labels: set[str] = set()
    for c in d.constrs:
        out.append((c.name.occ, NameSpace.CON, located(c.name, c.span), parent, False))
        own: set[str] = set()
        for f in c.fields:
            for label in f.labels:
                # A field shared by constructors is one field; twice in one is an error.
                if label.occ not in labels or label.occ in own:
                    out.append((label.occ, NameSpace.VAR, located(label, f.span), parent, False))
                labels.add(label.occ)
                own.add(label.occ)
    return out


def _collect_subordinates(top: TopDefs, decls: Sequence[Decl[RdrName]]) -> None:
    """Give constructors, fields and methods their real parent names; note fields."""
    for name, entry in list(top.entries.items()):
        if entry.parent is not None:
            parent = top.name(entry.parent.occ, NameSpace.TYCON)
            top.entries[name] = GlobalEntry(name, parent, True, (), entry.defined_at)
    for d in decls:
        if isinstance(d, DataDecl):
            for c in d.constrs:
                top.fields.update(
                    top.name(f.occ, NameSpace.VAR) for cf in c.fields for f in cf.labels
                )
        elif isinstance(d, ClassDecl):
            cls = top.name(d.name.occ, NameSpace.TYCON)
            top.methods[cls] = {
                n.occ: top.name(n.occ, NameSpace.VAR)
                for sig in d.decls
                if isinstance(sig, TypeSig)
                for n in sig.names
            }


def _class_fixities(top: TopDefs, d: ClassDecl[RdrName], diags: list[Diagnostic]) -> None:
    methods = top.methods[top.name(d.name.occ, NameSpace.TYCON)]
    seen: dict[str, tuple[FixityDecl[RdrName], SrcSpan]] = {}
    for fd in d.decls:
        if isinstance(fd, FixityDecl):
            check_fixity_decl(fd, set(methods), seen, diags)
            for op in fd.ops:
                if op.occ in methods:
                    top.fixities[methods[op.occ]] = Fixity(fd.assoc, fd.prec)


# --- Renaming (step 2) ------------------------------------------------------------------


def rename_top_decls(
    ctx: RnContext, top: TopDefs, decls: Sequence[Decl[RdrName]]
) -> tuple[Decl[Name], ...]:
    out: list[Decl[Name]] = []
    for d in decls:
        if isinstance(d, _VALUE_DECLS):
            out.extend(rename_group_decls(ctx, [d], top.values))
        elif isinstance(d, DataDecl):
            out.append(_data(ctx, top, d))
        elif isinstance(d, TypeSynDecl):
            out.append(_synonym(ctx, top, d))
        elif isinstance(d, ClassDecl):
            out.append(_class(ctx, top, d))
        elif isinstance(d, InstanceDecl):
            out.append(_instance(ctx, d))
        elif isinstance(d, DefaultDecl):
            out.append(DefaultDecl(d.span, tuple(rename_type(ctx, t) for t in d.types)))
        else:
            name = top.values.get(d.name.occ) or top.name(d.name.occ, NameSpace.VAR)
            out.append(
                ForeignImport(d.span, d.callconv, d.entity, name, rename_sig_type(ctx, d.type))
            )
    return tuple(out)


def _tyvar_binders(ctx: RnContext, decl: DataDecl[RdrName] | TypeSynDecl[RdrName]) -> list[Name]:
    check_conflicts(tyvar_binders(decl), ctx.diags)
    return [ctx.fresh(v.occ, NameSpace.TYVAR) for v in decl.tyvars]


def _data(ctx: RnContext, top: TopDefs, d: DataDecl[RdrName]) -> DataDecl[Name]:
    tyvars = _tyvar_binders(ctx, d)
    with ctx.binding(tyvars):
        constrs = tuple(_constructor(ctx, top, c) for c in d.constrs)
    deriving = tuple(ctx.tycon(c, located(c, d.span)) for c in d.deriving)
    name = top.name(d.name.occ, NameSpace.TYCON)
    return DataDecl(d.span, name, tuple(tyvars), constrs, deriving, d.is_newtype)


def _constructor(ctx: RnContext, top: TopDefs, c: ConDecl[RdrName]) -> ConDecl[Name]:
    fields = tuple(
        ConField(
            f.span,
            tuple(top.name(label.occ, NameSpace.VAR) for label in f.labels),
            rename_type(ctx, f.type),
            f.strict,
        )
        for f in c.fields
    )
    name = top.name(c.name.occ, NameSpace.CON)
    return ConDecl(c.span, name, fields, c.is_record, c.is_infix)


def _synonym(ctx: RnContext, top: TopDefs, d: TypeSynDecl[RdrName]) -> TypeSynDecl[Name]:
    tyvars = _tyvar_binders(ctx, d)
    with ctx.binding(tyvars):
        rhs = rename_type(ctx, d.rhs)
    return TypeSynDecl(d.span, top.name(d.name.occ, NameSpace.TYCON), tuple(tyvars), rhs)


def _class(ctx: RnContext, top: TopDefs, d: ClassDecl[RdrName]) -> ClassDecl[Name]:
    cls = top.name(d.name.occ, NameSpace.TYCON)
    methods = top.methods.get(cls, {})
    tyvar = ctx.fresh(d.tyvar.occ, NameSpace.TYVAR)
    body: list[Decl[Name]] = []
    with ctx.binding([tyvar]):
        context = rename_context(ctx, d.context)
        for sig in d.decls:
            if isinstance(sig, TypeSig):
                names = tuple(
                    methods.get(n.occ) or top.name(n.occ, NameSpace.VAR) for n in sig.names
                )
                body.append(TypeSig(sig.span, names, rename_sig_type(ctx, sig.type)))
            elif isinstance(sig, FixityDecl):
                ops = tuple(methods.get(n.occ) or top.name(n.occ, NameSpace.VAR) for n in sig.ops)
                body.append(FixityDecl(sig.span, sig.assoc, sig.prec, ops))
    body.extend(_method_binds(ctx, cls, d.decls, lambda occ: methods.get(occ)))
    return ClassDecl(d.span, context, cls, tyvar, tuple(body))


def _instance(ctx: RnContext, d: InstanceDecl[RdrName]) -> InstanceDecl[Name]:
    cls = ctx.tycon(d.cls, instance_class_span(d))
    tyvars = bind_tyvars(ctx, [d.type, *(p.type for p in d.context)])
    with ctx.binding(tyvars):
        context = rename_context(ctx, d.context)
        head = rename_type(ctx, d.type)
    children = {e.name.occ: e.name for e in ctx.genv.children(cls) if e.name.space is NameSpace.VAR}
    binds = _method_binds(ctx, cls, d.decls, children.get)
    for other in d.decls:
        if not isinstance(other, FunBind):
            ctx.error("R021", other.span, _NOT_IN_INSTANCE.get(type(other), "Illegal declaration"))
    return InstanceDecl(d.span, context, cls, head, tuple(binds))


# Report §4.3.2: an instance body holds only method bindings.
_NOT_IN_INSTANCE: dict[type, str] = {
    TypeSig: "Illegal type signature in instance declaration (InstanceSigs is not supported)",
    FixityDecl: "Illegal fixity declaration in instance declaration",
    PatBind: "Pattern bindings (except simple variables) not allowed in instance declaration",
}


def _method_binds(
    ctx: RnContext,
    cls: Name,
    decls: Sequence[Decl[RdrName]],
    method: Callable[[str], Name | None],
) -> list[Decl[Name]]:
    """The method bindings of a class or instance body; see the module docstring."""
    binds = [d for d in decls if isinstance(d, FunBind)]
    check_conflicts([x for b in binds for x in funbind_binders(b)], ctx.diags)
    out: list[Decl[Name]] = []
    for b in binds:
        check_arity(b, ctx.diags)
        name = method(b.name.occ)
        if name is None:
            name = Name.local(b.name.occ, NameSpace.VAR, 0)
            if cls.is_global:  # else the class itself was not found: reported already
                ctx.diags.append(_not_a_method(funbind_name_span(b), b.name.occ, cls))
        out.append(FunBind(b.span, name, tuple(rename_match(ctx, m) for m in b.matches)))
    return out


def _not_a_method(span: SrcSpan, occ: str, cls: Name) -> Diagnostic:
    return error("R010", span, f"‘{occ}’ is not a (visible) method of class ‘{cls.occ}’")
