"""The I/O half of the recompilation check: what a phase file records, what is current.

ifacedir.driver.recomp decides; this module reads. ``recorded(mdir, step)`` opens the
phase file, checks its header and *every section's stored bytes against their hashes*
(without decompressing them: a flipped byte anywhere is "output corrupt", never a
file taken as up to date), and returns its inputs and, for ``tc``, its usages.
``current(...)`` computes the values the inputs are compared with, from the source
file and the headers of the files this phase reads (ifacedir.driver.phase_inputs).
``reasons(...)`` is the two together with ``decide``: what the build and ``ifacedir
explain`` both call.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ifacedir.driver.plan import Step
from ifacedir.driver.recomp import Current, FileState, Reason, ReasonKind, Recorded, decide
from ifacedir.driver.session import Session
from ifacedir.errors import FormatError, IfacedirError, UnsupportedVersionError
from ifacedir.format.fingerprint import fingerprint
from ifacedir.format.header import FileHeader
from ifacedir.format.layout import FileRole, ModuleDir
from ifacedir.iface.fingerprints import ModuleFingerprints, Usages
from ifacedir.iface.model import CORE_SCHEMA_VERSION, HI_SCHEMA_VERSION, TC_SCHEMA_VERSION

__all__ = ["CheckContext", "current", "reasons", "recorded"]

_ROLE = {
    Step.TC: FileRole.TC,
    Step.DS: FileRole.DS,
    Step.SIMPL: FileRole.SIMPL,
    Step.HI: FileRole.HI,
}
_SCHEMA = {
    FileRole.TC: TC_SCHEMA_VERSION,
    FileRole.DS: CORE_SCHEMA_VERSION,
    FileRole.SIMPL: CORE_SCHEMA_VERSION,
    FileRole.HI: HI_SCHEMA_VERSION,
    FileRole.BOOT_HI: TC_SCHEMA_VERSION,
}


@dataclass(frozen=True, slots=True)
class CheckContext:
    """What the current values depend on besides the files: the options that are
    phase inputs, and where the module's source is (None: resuming without sources,
    then a valid ``tc`` file is taken as it is)."""

    level: int
    backend: str
    consumes: Step
    source: Path | None = None
    boot: bool = False
    """The task is the module's hs-boot file (its file is ``<Last>.hi-boot``)."""


def _header(mdir: ModuleDir, role: FileRole) -> FileHeader:
    """The header of a file that an earlier task made valid (for current values)."""
    from ifacedir.format.container import open_container

    with open_container(mdir.file(role)) as c:
        return c.header


def recorded(mdir: ModuleDir, step: Step, backend: str = "", boot: bool = False) -> FileState:
    """What the file of ``step`` says it was built from, or why it cannot say."""
    if step is Step.CODEGEN:
        from ifacedir.driver.phase_inputs import read_stamp

        stamp = read_stamp(mdir, backend)
        if stamp is None:
            return FileState(problem=ReasonKind.MISSING, message=f"no {backend} output")
        return FileState(Recorded(stamp))
    role = FileRole.BOOT_HI if boot else _ROLE[step]
    path = mdir.file(role)
    if not path.exists():
        return FileState(problem=ReasonKind.MISSING, message=f"{role.tag} file missing")
    from ifacedir.format.container import open_container
    from ifacedir.iface.sections import check_header

    try:
        with open_container(path) as c:
            phase = role.tag if role.kind.value == "phase" else None
            if role is FileRole.BOOT_HI:
                phase = FileRole.TC.tag
            check_header(c.header, path, role.kind, phase, _SCHEMA[role])
            for name in c.section_names:
                c.read_stored(name)
            usages: Usages | None = None
            if role in (FileRole.TC, FileRole.BOOT_HI):
                from ifacedir.iface.tcfile import TcFile

                usages = TcFile(c).usages()
            return FileState(Recorded(dict(c.header.inputs), usages))
    except UnsupportedVersionError as exc:
        return FileState(problem=ReasonKind.VERSION, message=f"{role.tag} file: {exc.reason}")
    except FormatError as exc:
        return FileState(
            problem=ReasonKind.CORRUPT, message=f"{role.tag} file corrupt: {exc.reason}"
        )


def current(
    session: Session, mdir: ModuleDir, step: Step, ctx: CheckContext, state: FileState
) -> Current:
    """The current values of ``step``'s inputs (its earlier files must be valid)."""
    from ifacedir.driver import phase_inputs as pi
    from ifacedir.iface.tcfile import FLAGS_INPUT, SOURCE_INPUT, flags_fingerprint

    if step is Step.TC:
        inputs = {FLAGS_INPUT: flags_fingerprint()}
        if ctx.source is not None:
            inputs[SOURCE_INPUT] = fingerprint(ctx.source.read_bytes())
        usages = state.recorded.usages if state.recorded is not None else None
        return Current(inputs, _tables(session, usages), check_usages=ctx.source is not None)
    if step is Step.DS:
        return Current(pi.ds_inputs(_header(mdir, FileRole.TC)))
    if step is Step.SIMPL:
        hashes: dict[str, bytes] = {}
        if ctx.level >= 1:
            from ifacedir.iface.corefile import open_core
            from ifacedir.iface.model import CorePhase

            with open_core(mdir, CorePhase.DS) as f:
                meta = f.meta()
            skip = {*meta.loop, meta.module}
            deps = [m for m in meta.deps if m not in skip]
            hashes = {m: session.unfoldings_fingerprint(m) for m in deps}
        return Current(pi.simpl_inputs(_header(mdir, FileRole.DS), ctx.level, hashes))
    if step is Step.HI:
        tc, simpl = _header(mdir, FileRole.TC), _header(mdir, FileRole.SIMPL)
        return Current(pi.hi_inputs(tc, simpl, ctx.level))
    consumed = _header(mdir, _ROLE[ctx.consumes])
    return Current(pi.codegen_inputs(consumed, ctx.backend))


def _tables(session: Session, usages: Usages | None) -> dict[str, ModuleFingerprints | None]:
    from ifacedir.driver.recomp import modules_needed

    out: dict[str, ModuleFingerprints | None] = {}
    boot = set(usages.boot_modules) if usages is not None else set()
    for m in modules_needed(usages):
        try:
            out[m] = session.fingerprints(m, m in boot)
        except IfacedirError:
            out[m] = None
    return out


def reasons(session: Session, mdir: ModuleDir, step: Step, ctx: CheckContext) -> list[Reason]:
    """Why ``step`` of the module in ``mdir`` must run again; [] when up to date."""
    state = recorded(mdir, step, ctx.backend, ctx.boot and step is Step.TC)
    if state.recorded is None:
        return decide(state, Current({}))
    try:
        now = current(session, mdir, step, ctx, state)
    except (IfacedirError, OSError) as exc:
        return [Reason(ReasonKind.INPUT, f"an input cannot be read: {exc}")]
    return decide(state, now)
