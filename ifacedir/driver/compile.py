"""The back-end phases of one module, each from its input *file* alone.

DESIGN: every phase must run from its input file, so that a build resumes from the
newest valid file and an alternative backend takes over with no source present. Each
function here reads its module's previous phase file, computes, and writes its own:

* ``typecheck``: the module's source and its imports' ``tc`` files (their exports,
  interfaces and fingerprints) to ``tc.ifc``, with the module's fingerprints and
  usages (ifacedir.iface.fingerprints);
* ``desugar``: own ``tc`` and the imports' interfaces to ``ds.ifc``;
* ``simplify``: own ``ds`` (and at ``-O1`` the imports' unfoldings) to ``simpl.ifc``;
* ``interface``: own ``tc`` and ``simpl`` to the final ``<Last>.hi``;
* ``codegen``: own ``simpl`` (or ``ds``) to ``ext/<backend>/...``.

The inputs each records are computed by ifacedir.driver.phase_inputs, which the
recompilation check calls too.

A phase writes only after it succeeded, atomically (ifacedir.iface.sections), so a
failure leaves the earlier files and nothing newer. Imports are looked up through the
``Session`` (the program's directory first, then package base's cache). With
``lint``, Core Lint (ifacedir.simplify.lint) checks the Core before it is written, and
a problem is an error of that phase.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from ifacedir.driver.phase_inputs import (
    codegen_inputs,
    ds_inputs,
    file_fingerprint,
    hi_inputs,
    simpl_inputs,
    unfolding_hash,
    unfoldings_used,
    write_stamp,
)
from ifacedir.driver.plan import Step
from ifacedir.driver.session import Session
from ifacedir.errors import IfacedirError
from ifacedir.format.layout import ModuleDir
from ifacedir.iface.corefile import CorePayload, core_meta, open_core, write_core
from ifacedir.iface.model import CorePhase
from ifacedir.iface.tcfile import open_tc
from ifacedir.syntax import core
from ifacedir.syntax.names import Name

if TYPE_CHECKING:
    from ifacedir.backend.plugin import BackendPlugin
    from ifacedir.iface.fingerprints import ModuleFingerprints
    from ifacedir.syntax.span import SrcSpan

__all__ = [
    "Phase",
    "PhaseError",
    "SourceFailure",
    "codegen",
    "desugar",
    "interface",
    "simplify",
    "typecheck",
]


_T = TypeVar("_T")


Phase = Step
"""The phases are the plan's steps (ifacedir.driver.plan): one enum for both."""


class PhaseError(IfacedirError):
    """A phase of a module failed; ``internal`` when it is a bug of the compiler."""

    def __init__(self, module: str, phase: Phase, message: str, internal: bool = False) -> None:
        what = "internal error (a bug, please report it): " if internal else ""
        super().__init__(f"module {module}, phase {phase.value}: {what}{message}")
        self.module = module
        self.phase = phase
        self.internal = internal


class SourceFailure(IfacedirError):
    """The module's source has errors: ``rendered`` holds them, GHC-style."""

    def __init__(self, module: str, rendered: str, count: int) -> None:
        super().__init__(f"module {module}: {count} error(s) in its source")
        self.module = module
        self.rendered = rendered


def typecheck(
    session: Session,
    path: Path,
    label: str,
    dst: ModuleDir,
    package: str = "main",
    *,
    boot_file: bool = False,
    boot_deps: frozenset[str] = frozenset(),
    has_boot: bool = False,
    loop: frozenset[str] = frozenset(),
) -> None:
    """Parse, rename and typecheck the source at ``path`` (``label`` names it in
    diagnostics) against its imports' ``tc`` files; write its ``tc`` file.

    ``boot_file``: ``path`` is the module's hs-boot file, whose interface goes to
    ``<Last>.hi-boot`` (Note [Typechecking an hs-boot file]). ``boot_deps``: the
    modules of this module's import loop whose boot interfaces it sees instead of
    their own (ifacedir.driver.plan). ``has_boot``: check the result against the
    module's boot interface (Note [Checking a module against its boot file]).
    Raises SourceFailure with the rendered diagnostics.
    """
    from ifacedir.diagnostics import SourceError, error, render_all
    from ifacedir.iface.fingerprints import typechecked_fingerprints
    from ifacedir.iface.tcfile import tc_inputs, tc_payload, write_tc
    from ifacedir.parse.parser import parse_module
    from ifacedir.parse.source import read_source
    from ifacedir.rename.rename import implicit_imports, rename_module
    from ifacedir.typecheck.typecheck import typecheck_module

    name = dst.module.text
    text = ""
    try:
        text = read_source(path, label)
        module = parse_module(text, label)
        if boot_file:
            module = parse_module(_with_placeholders(module, text), label)
        decls = implicit_imports(module)
        boot_of = {d.module for d in decls if d.source} | set(boot_deps)
        imports = {d.module: session.exports(d.module, d.module in boot_of) for d in decls}
        renamed = rename_module(module, imports, package)
    except SourceError as exc:
        diags = list(exc.diagnostics)
        raise SourceFailure(name, render_all(diags, {label: text}), len(diags)) from None
    deps = sorted((set(renamed.exports.deps) | set(imports)) - {name})  # in a loop, deps has name
    ifaces = {m: session.interface(m, m in boot_of) for m in deps}
    result = _internal(name, Phase.TC, lambda: typecheck_module(renamed, ifaces))
    if not result.ok:
        diags = list(result.diagnostics)
        raise SourceFailure(name, render_all(diags, {label: text}), len(diags))
    if has_boot:
        from ifacedir.driver.bootcheck import boot_mismatches

        problems = boot_mismatches(
            session.interface(name, True),
            session.exports(name, True),
            result.interface,
            renamed.exports,
        )
        if problems:
            where = _declared_at(renamed.module)
            diags = [
                error("D005", where.get(n, renamed.module.span), message) for n, message in problems
            ]
            raise SourceFailure(name, render_all(diags, {label: text}), len(diags))

    def tables(m: str) -> ModuleFingerprints:
        return session.fingerprints(m, m in boot_of)

    own, usages = _internal(
        name, Phase.TC, lambda: typechecked_fingerprints(renamed, result, tables, boot_of, loop)
    )
    inputs = tc_inputs(
        text,
        {
            i.module: session.import_fingerprint(i.module, i.module in boot_of)
            for i in renamed.imports
        },
    )
    payload = tc_payload(renamed, result, label, own, usages)
    write_tc(dst.outdir, name, payload, inputs, boot=boot_file)
    session.forget(name)


# Note [Typechecking an hs-boot file]
# ~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~
# An hs-boot file declares what the loop's other modules may use of its module:
# type signatures without bindings, data types (abstract ones without constructors),
# classes, instance heads. We typecheck it as an ordinary module after adding, for
# every signature, the binding ``f = f``: well typed at any type, so the signature
# alone decides the interface, and the front end needs no mode of its own. Only the
# interface is kept (in ``<Last>.hi-boot``); no later phase runs on a boot file. A
# binding written in the boot file itself is an error, as in GHC.


def _declared_at(module: object) -> dict[Name, SrcSpan]:
    """Where each top-level entity of a renamed module is declared (for D005)."""
    from ifacedir.syntax import ast

    assert isinstance(module, ast.Module)
    out: dict[Name, SrcSpan] = {}
    for d in module.decls:
        if isinstance(d, ast.TypeSig):
            for n in d.names:
                out.setdefault(n, d.span)
        elif isinstance(d, ast.FunBind | ast.DataDecl | ast.ClassDecl):
            out.setdefault(d.name, d.span)
        elif isinstance(d, ast.InstanceDecl):
            out.setdefault(d.cls, d.span)
    return out


def _with_placeholders(module: object, text: str) -> str:
    """``text`` with ``f = f`` added for each top-level signature (see the Note)."""
    from ifacedir.diagnostics import SourceError, error
    from ifacedir.syntax import ast

    assert isinstance(module, ast.Module)
    lines = [text.rstrip("\n"), ""]
    for d in module.decls:
        if isinstance(d, ast.FunBind | ast.PatBind):
            raise SourceError(
                [error("D004", d.span, "Bindings are not allowed in an hs-boot file")]
            )
        if isinstance(d, ast.TypeSig):
            for n in d.names:
                occ = n.occ
                ref = f"({occ})" if not (occ[0].isalpha() or occ[0] == "_") else occ
                lines.append(f"{ref} = {ref}")
    return "\n".join(lines) + "\n"


def desugar(
    session: Session, src: ModuleDir, dst: ModuleDir, lint: bool = False
) -> core.CoreModule:
    """``tc`` of ``src`` to ``ds`` of ``dst`` (the same directory but for package base)."""
    from ifacedir.desugar import desugar_module
    from ifacedir.typecheck.typecheck import TcResult

    name = src.module.text
    with open_tc(src) as tc:
        payload = tc.payload()
        tc_header = tc.header
    typed = payload.program
    if not isinstance(typed, TcResult):
        raise PhaseError(name, Phase.DS, "its tc file holds a renamed, not a typechecked, program")
    deps = [m for m in payload.meta.deps if m != name]  # a module in a loop is below itself
    usages = payload.usages
    boot = sorted(usages.boot_modules) if usages is not None else []
    loop = sorted(usages.loop) if usages is not None else []
    imported = {m: session.interface(m, m in boot) for m in deps}
    imported[name] = typed.interface
    module = _internal(name, Phase.DS, lambda: desugar_module(typed, payload.exports, imported))
    if lint:
        _lint(session, module, [m for m in deps if m not in loop], CorePhase.DS)
    meta = core_meta(module, CorePhase.DS, payload.meta.source, deps, loop=loop)
    write_core(dst.outdir, CorePayload(meta, module), ds_inputs(file_fingerprint(tc_header)))
    session.forget(name)
    return module


def simplify(session: Session, dst: ModuleDir, level: int, lint: bool = False) -> core.CoreModule:
    """``ds`` to ``simpl`` in ``dst``, at ``-O<level>``."""
    from ifacedir.simplify import simplify_module

    name = dst.module.text
    with open_core(dst, CorePhase.DS) as f:
        ds = f.payload()
        ds_header = f.header
    deps = [m for m in ds.meta.deps if m != name]  # a module in a loop is below itself
    loop = list(ds.meta.loop)
    unfoldings: dict[Name, core.Expr] = {}
    hashes: dict[str, bytes] = {}
    unfoldable: dict[str, list[str]] = {}
    if level >= 1:
        binds: dict[Name, core.Bind] = {}
        for m in deps:
            if m in loop:  # no unfoldings within a loop (Note [Loops] in ifacedir.driver.plan)
                continue
            for b in session.unfoldings(m).binds:
                binds[b.var.name] = b
        reachable = _unfoldable(ds.core, binds, {m for m in deps if m not in loop})
        for n in sorted(reachable, key=lambda n: (n.module, n.occ)):
            unfoldable.setdefault(n.module, []).append(n.occ)
            if n in binds:
                unfoldings[n] = binds[n].rhs
        for m, occs in unfoldable.items():
            hashes[m] = unfoldings_used(session.unfolding_hashes(m), occs)
    inputs = simpl_inputs(file_fingerprint(ds_header), level, hashes)
    module = _internal(name, Phase.SIMPL, lambda: simplify_module(ds.core, level, unfoldings))
    if lint:
        _lint(session, module, [m for m in deps if m not in loop], CorePhase.SIMPL)
    meta = core_meta(
        module, CorePhase.SIMPL, ds.meta.source, deps, level, loop, unfoldable=unfoldable
    )
    write_core(dst.outdir, CorePayload(meta, module), inputs)
    session.forget(name)
    return module


def _unfoldable(
    module: core.CoreModule, binds: dict[Name, core.Bind], below: set[str]
) -> set[Name]:
    """The names of modules ``below`` that the simplifier could inline: those the Core
    names, and (transitively) those their unfoldings name. Only these unfoldings are
    handed to the simplifier and recorded (Note [Which unfoldings a module used] in
    ifacedir.driver.phase_inputs), so an unfolding that cannot be reached from this
    module's Core changes nothing here."""
    from ifacedir.syntax.codec import tree_names

    def globals_of(tree: object) -> list[Name]:
        return [n for n in tree_names(tree) if isinstance(n, Name) and n.module in below]

    seen: set[Name] = set()
    pending = globals_of(module)
    while pending:
        n = pending.pop()
        if n in seen:
            continue
        seen.add(n)
        if n in binds:
            pending.extend(globals_of(binds[n]))
    return seen


def interface(session: Session, src: ModuleDir, dst: ModuleDir, level: int) -> None:
    """The final ``.hi`` of ``dst`` from its ``tc`` (in ``src``) and ``simpl`` files."""
    from ifacedir.iface.hifile import HiPayload, hi_meta, write_hi
    from ifacedir.simplify import unfoldings_of

    name = dst.module.text
    with open_tc(src) as tc:
        exports = tc.exports()
        iface = tc.interface()
        tc_header = tc.header
    if iface is None:
        raise PhaseError(name, Phase.HI, "its tc file is not typechecked")
    with open_core(dst, CorePhase.SIMPL) as f:
        simpl = f.payload()
        simpl_header = f.header
    groups = simpl.core.groups
    chosen = unfoldings_of(groups) if level >= 1 else {}
    binds = tuple(b for g in groups for b in g.binds if b.var.name in chosen)
    entry = simpl.core.entry.occ if simpl.core.entry is not None else None
    hashes = {b.var.name.occ: unfolding_hash(b) for b in binds}
    meta = hi_meta(name, simpl.meta.package, list(simpl.meta.deps), level, entry, hashes)
    payload = HiPayload(meta, exports, iface, core.Unfoldings(name, binds))
    inputs = hi_inputs(file_fingerprint(tc_header), file_fingerprint(simpl_header), level)
    write_hi(dst.outdir, payload, inputs)
    session.forget(name)


def codegen(session: Session, dst: ModuleDir, backend: BackendPlugin) -> None:
    """The backend's output for ``dst``, from the phase file it consumes."""
    with open_core(dst, backend.consumes) as f:
        module = f.core()
        header = f.header
    name = dst.module.text
    _internal(name, Phase.CODEGEN, lambda: backend.generate(dst, module))
    inputs = codegen_inputs(backend.consumes.value, file_fingerprint(header), backend.name)
    write_stamp(dst, backend.name, inputs)
    del session


def _internal(module: str, phase: Phase, fn: Callable[[], _T]) -> _T:
    """``fn()``; an exception that is not the library's own is a bug, reported with
    the module and phase (DESIGN, "Robustness")."""
    try:
        result = fn()
    except IfacedirError:
        raise
    except RecursionError:
        raise PhaseError(module, phase, "nested too deeply", internal=True) from None
    except Exception as exc:
        raise PhaseError(module, phase, f"{type(exc).__name__}: {exc}", internal=True) from exc
    return result


def _lint(session: Session, module: core.CoreModule, deps: Sequence[str], phase: CorePhase) -> None:
    from ifacedir.simplify.lint import LintWorld, lint_module

    world = LintWorld.of(session.core(m, CorePhase.SIMPL) for m in deps)
    problems = lint_module(module, world)
    if problems:
        step = Phase.DS if phase is CorePhase.DS else Phase.SIMPL
        shown = "; ".join(problems[:10])
        more = f" (and {len(problems) - 10} more)" if len(problems) > 10 else ""
        raise PhaseError(module.module, step, f"Core Lint: {shown}{more}", internal=True)
