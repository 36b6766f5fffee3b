"""``rename_module``: a parsed module with names as written to one with original names.

The steps (GHC's ``tcRnModule`` up to the end of renaming):

1. **Imports** (Report §5.3): the implicit ``import Prelude`` is added unless the
   module imports Prelude explicitly, says ``NoImplicitPrelude`` or is Prelude
   itself (§5.6.1). Each
   import declaration brings entities into the top-level environment
   (ifacedir.rename.scope), their declared fixities into the fixity table, and the
   imported module and everything below it into the module's dependencies, which
   decide which instances are visible (instances are global, §4.3.2; see
   Note [Instances travel with dependencies]).
2. **Top-level definitions** (ifacedir.rename.decls): every entity the module
   defines gets its original name ``(package, module, occ, namespace)`` and joins
   the environment, so it can be used before its definition and as ``Self.x``.
3. **Declarations**: renamed one by one with the environment complete: local
   binders get uniques numbered in source order, operator chains are re-associated
   (§10.6), ambiguity and scope errors are reported at each use.
4. **Exports** (ifacedir.rename.exports) and, for module ``Main``, the check that
   ``main`` is defined and exported (§5.1).

All diagnostics of all steps are collected; if there are any, ``SourceError`` carries
them sorted by position. Otherwise the result is a ``RenamedModule``: the renamed
tree, the module's ``ModuleExports`` (what importers' renamers read), the resolved
imports and the fixities the module declares. All of it is frozen data; see
Note [Renamer output is persistable data] in ifacedir.rename.env.

The renamer recurses over the tree; it runs under ``run_deep`` so deeply nested
input cannot exhaust the stack (ifacedir.util.deep), and with the cycle collector
paused (see Note [Pausing the garbage collector] in ifacedir.util.gcpause).

Note [Instances travel with dependencies]
~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~
An instance declared anywhere below a module is visible in it, whether or not any
name from the instance's module is imported (``import B ()`` brings all of B's
instances, corpus case 077; a chain through a module that exports nothing relevant
does too, case 076), and an instance in a module that no import reaches is not
(case 080). So ``ModuleExports.deps`` is the transitive closure of the imports;
the typechecker reads the instances of exactly those modules. GHC keeps a smaller
set (only modules with orphan instances); with every module's set recorded, ours can
be cut down the same way later without changing any importer.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from ifacedir.diagnostics import SourceError
from ifacedir.rename.context import RnContext
from ifacedir.rename.decls import TopDefs, collect_top_defs, rename_top_decls
from ifacedir.rename.env import Fixity, ModuleExports
from ifacedir.rename.exports import ExportResult, process_exports
from ifacedir.rename.scope import GlobalEnv, import_entries, rename_import_items
from ifacedir.syntax.ast import IEVar, ImportDecl, Module
from ifacedir.syntax.names import Name, RdrName
from ifacedir.syntax.span import SrcSpan
from ifacedir.util.deep import run_deep
from ifacedir.util.gcpause import gc_paused

__all__ = [
    "PRELUDE",
    "RenamedModule",
    "ResolvedImport",
    "implicit_imports",
    "rename_module",
]

PRELUDE = "Prelude"
_NO_IMPLICIT_PRELUDE = "NoImplicitPrelude"


@dataclass(frozen=True, slots=True)
class ResolvedImport:
    """One import declaration and the entities it brought into scope."""

    module: str
    package: str
    span: SrcSpan
    qualified: bool
    qualifier: str
    implicit: bool
    names: tuple[Name, ...]


@dataclass(frozen=True, slots=True)
class RenamedModule:
    """The renamer's result for one module (see the module docstring)."""

    module: Module[Name]
    exports: ModuleExports
    imports: tuple[ResolvedImport, ...]
    fixities: tuple[tuple[Name, Fixity], ...]


def implicit_imports(module: Module[RdrName]) -> tuple[ImportDecl[RdrName], ...]:
    """The module's import declarations, with ``import Prelude`` added if implicit."""
    if _NO_IMPLICIT_PRELUDE in module.extensions or module.name == PRELUDE:
        return module.imports
    if any(d.module == PRELUDE for d in module.imports):
        return module.imports
    span = module.name_span or SrcSpan.point(module.span.file, module.span.start)
    return (ImportDecl(span, PRELUDE, span), *module.imports)


def rename_module(
    module: Module[RdrName], imports: Mapping[str, ModuleExports], package: str = "main"
) -> RenamedModule:
    """Rename ``module`` against the exports of the modules it imports (by name).

    Raises ``SourceError`` with every diagnostic if the module has scope errors.
    """
    with gc_paused():  # See Note [Pausing the garbage collector] in ifacedir.util.gcpause
        return run_deep(_rename_module, module, imports, package)


def _rename_module(
    module: Module[RdrName], imports: Mapping[str, ModuleExports], package: str
) -> RenamedModule:
    genv = GlobalEnv(module.name)
    ctx = RnContext(module.name, genv, {})
    resolved, fields, deps = _process_imports(ctx, module, imports)
    top = collect_top_defs(module.name, package, module.decls, ctx.diags)
    genv.add_all(top.entries.values())
    ctx.fixities.update(top.fixities)
    ctx.fields = fields | top.fields
    decls = rename_top_decls(ctx, top, module.decls)
    exported = _exports(ctx, module, top)
    if ctx.diags or ctx.deferred:
        # See Note [Out-of-scope variables are reported last] in ifacedir.rename.context
        ordered = sorted(ctx.diags, key=lambda d: d.span)
        raise SourceError(ordered + sorted(ctx.deferred, key=lambda d: d.span))
    avails = exported.avails()
    parents = {n: p for n, p in exported.names.items() if p is not None}
    exports = ModuleExports.build(
        module.name, package, avails, parents, ctx.fixities, fields | top.fields, deps
    )
    renamed_imports = tuple(
        ImportDecl(
            d.span,
            d.module,
            d.module_span,
            d.qualified,
            d.alias,
            d.hiding,
            rename_import_items(d, imports[d.module]),
            d.source,
        )
        for d in module.imports
        if d.module in imports
    )
    tree = Module(
        module.span,
        module.name,
        exported.items,
        renamed_imports,
        decls,
        module.has_header,
        module.name_span,
        module.extensions,
    )
    own_fixities = tuple(sorted(top.fixities.items()))
    return RenamedModule(tree, exports, resolved, own_fixities)


def _process_imports(
    ctx: RnContext, module: Module[RdrName], imports: Mapping[str, ModuleExports]
) -> tuple[tuple[ResolvedImport, ...], set[Name], set[str]]:
    """Step 1 of the module docstring: the resolved imports, imported fields, deps."""
    resolved: list[ResolvedImport] = []
    fields: set[Name] = set()
    deps: set[str] = set()
    for decl in implicit_imports(module):
        exports = imports.get(decl.module)
        if exports is None:
            ctx.error("R014", decl.span, f"Could not find module ‘{decl.module}’")
            continue
        entries = import_entries(decl, exports, ctx.diags)
        ctx.genv.add_all(entries)
        ctx.genv.add_qualifier(decl.alias or decl.module)
        ctx.fixities.update(exports.fixities)
        fields.update(exports.fields)
        deps.add(decl.module)
        deps.update(exports.deps)
        resolved.append(
            ResolvedImport(
                decl.module,
                exports.package,
                decl.span,
                decl.qualified,
                decl.alias or decl.module,
                decl not in module.imports,
                tuple(e.name for e in entries),
            )
        )
    return tuple(resolved), fields, deps


def _exports(ctx: RnContext, module: Module[RdrName], top: TopDefs) -> ExportResult:
    """Step 4: the export list, and ``main`` for module Main (Report §5.1)."""
    items = module.exports
    main = top.values.get("main")
    is_main = module.name == "Main"
    if is_main and not module.has_header and main is None:
        items = tuple(i for i in items or () if not (isinstance(i, IEVar) and i.name.occ == "main"))
    result = process_exports(ctx, items, top.entries.values(), module.span)
    if is_main:
        start = SrcSpan.point(module.span.file, module.span.start)
        if main is None:
            ctx.error("R016", start, "The IO action ‘main’ is not defined in module ‘Main’")
        elif main not in result.names:
            ctx.error("R015", start, "The IO action ‘main’ is not exported by module ‘Main’")
    return result
