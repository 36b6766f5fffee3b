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

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import pydantic

from ifacedir.driver.plan import Step
from ifacedir.driver.recomp import Current, FileState, Reason, ReasonKind, Recorded, decide
from ifacedir.driver.session import Session
from ifacedir.errors import FormatError, IfacedirError, UnsupportedVersionError
from ifacedir.format.cbor import CborValue
from ifacedir.format.fingerprint import fingerprint
from ifacedir.format.header import FileHeader
from ifacedir.format.layout import FileRole, ModuleDir
from ifacedir.iface.fingerprints import ModuleFingerprints, Usages
from ifacedir.iface.model import CORE_SCHEMA_VERSION, HI_SCHEMA_VERSION, TC_SCHEMA_VERSION

if TYPE_CHECKING:
    from ifacedir.driver.state import BuildState

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


def recorded(
    mdir: ModuleDir,
    step: Step,
    backend: str = "",
    boot: bool = False,
    state: BuildState | None = None,
) -> FileState:
    """What the file of ``step`` says it was built from, or why it cannot say;
    remembered in ``state`` by the file's size and mtime (ifacedir.driver.state)."""
    if step is Step.CODEGEN:
        from ifacedir.driver.phase_inputs import read_stamp, stamp_path

        def stamp_value() -> CborValue:
            found = read_stamp(mdir, backend)
            return None if found is None else dict(found)

        value = (state.memo if state is not None else _call)(
            stamp_path(mdir, backend), "stamp", stamp_value
        )
        if not (isinstance(value, dict) and all(isinstance(v, bytes) for v in value.values())):
            return FileState(problem=ReasonKind.MISSING, message=f"no {backend} output")
        return FileState(Recorded({str(k): v for k, v in value.items() if isinstance(v, bytes)}))
    role = FileRole.BOOT_HI if boot else _ROLE[step]
    path = mdir.file(role)
    if not path.exists():
        return FileState(problem=ReasonKind.MISSING, message=f"{role.tag} file missing")
    if state is None:
        return _read_recorded(path, role)
    value = state.memo(path, "recorded", lambda: _state_value(_read_recorded(path, role)))
    try:
        return _from_state_value(value)
    except (TypeError, ValueError, KeyError, pydantic.ValidationError):
        return _read_recorded(path, role)


def _call(_path: Path, _kind: str, compute: Callable[[], CborValue]) -> CborValue:
    return compute()


def _read_recorded(path: Path, role: FileRole) -> FileState:
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


def _state_value(state: FileState) -> CborValue:
    if state.recorded is None:
        assert state.problem is not None
        return {"problem": state.problem.value, "message": state.message}
    usages = state.recorded.usages
    return {
        "inputs": dict(state.recorded.inputs),
        "usages": None if usages is None else usages.model_dump(mode="json"),
    }


def _from_state_value(value: object) -> FileState:
    if not isinstance(value, dict):
        raise TypeError("not a recorded state")
    if "problem" in value:
        return FileState(problem=ReasonKind(value["problem"]), message=str(value["message"]))
    inputs = value["inputs"]
    if not isinstance(inputs, dict) or not all(isinstance(v, bytes) for v in inputs.values()):
        raise TypeError("not inputs")
    raw = value["usages"]
    usages = None if raw is None else Usages.model_validate(raw)
    return FileState(Recorded(inputs, usages))


def _file_fp(mdir: ModuleDir, role: FileRole, state: BuildState) -> bytes:
    """``file_fingerprint`` of an earlier phase file, remembered by size and mtime."""
    from ifacedir.driver.phase_inputs import file_fingerprint

    value = state.memo(mdir.file(role), "fp", lambda: file_fingerprint(_header(mdir, role)))
    if not isinstance(value, bytes):
        return file_fingerprint(_header(mdir, role))
    return value


def current(
    session: Session,
    mdir: ModuleDir,
    step: Step,
    ctx: CheckContext,
    state: FileState,
    memo: BuildState | None = None,
) -> Current:
    """The current values of ``step``'s inputs (its earlier files must be valid)."""
    from ifacedir.driver import phase_inputs as pi
    from ifacedir.driver.state import BuildState
    from ifacedir.iface.tcfile import FLAGS_INPUT, SOURCE_INPUT, flags_fingerprint

    memo = memo if memo is not None else BuildState.disabled()
    if step is Step.TC:
        inputs = {FLAGS_INPUT: flags_fingerprint()}
        source = ctx.source
        if source is not None:
            digest = memo.memo(source, "hash", lambda: fingerprint(source.read_bytes()))
            inputs[SOURCE_INPUT] = digest if isinstance(digest, bytes) else b""
        usages = state.recorded.usages if state.recorded is not None else None
        tables = _tables(session, usages, mdir.outdir, memo)
        return Current(inputs, tables, check_usages=source is not None)
    if step is Step.DS:
        return Current(pi.ds_inputs(_file_fp(mdir, FileRole.TC, memo)))
    if step is Step.SIMPL:
        hashes: dict[str, bytes] = {}
        if ctx.level >= 1:
            for m, occs in _unfoldable(mdir, memo).items():
                hashes[m] = pi.unfoldings_used(_unfolding_hashes(session, m, memo), occs)
        return Current(pi.simpl_inputs(_file_fp(mdir, FileRole.DS, memo), ctx.level, hashes))
    if step is Step.HI:
        tc, simpl = _file_fp(mdir, FileRole.TC, memo), _file_fp(mdir, FileRole.SIMPL, memo)
        return Current(pi.hi_inputs(tc, simpl, ctx.level))
    consumed = _file_fp(mdir, _ROLE[ctx.consumes], memo)
    return Current(pi.codegen_inputs(ctx.consumes.value, consumed, ctx.backend))


def _unfoldable(mdir: ModuleDir, memo: BuildState) -> dict[str, list[str]]:
    """What the module's ``simpl`` file says its simplifier could inline, per module
    (Note [Which unfoldings a module used] in ifacedir.driver.phase_inputs)."""
    from ifacedir.iface.corefile import open_core
    from ifacedir.iface.model import CorePhase

    def compute() -> CborValue:
        with open_core(mdir, CorePhase.SIMPL) as f:
            return {m: list(v) for m, v in f.meta().unfoldable.items()}

    value = memo.memo(mdir.file(FileRole.SIMPL), "unfoldable", compute)
    if not (isinstance(value, dict) and all(isinstance(v, list) for v in value.values())):
        value = compute()
    assert isinstance(value, dict)
    return {str(m): [str(o) for o in v] for m, v in value.items() if isinstance(v, list)}


def _unfolding_hashes(session: Session, module: str, memo: BuildState) -> dict[str, str]:
    path = session.find(module, FileRole.HI).file(FileRole.HI)

    def compute() -> CborValue:
        return dict(session.unfolding_hashes(module))

    value = memo.memo(path, "unfolding-hashes", compute)
    if not (isinstance(value, dict) and all(isinstance(v, str) for v in value.values())):
        return session.unfolding_hashes(module)
    return {str(k): str(v) for k, v in value.items()}


def _tables(
    session: Session, usages: Usages | None, outdir: Path, memo: BuildState
) -> dict[str, ModuleFingerprints | None]:
    from ifacedir.driver.recomp import modules_needed

    out: dict[str, ModuleFingerprints | None] = {}
    boot = set(usages.boot_modules) if usages is not None else set()
    for m in modules_needed(usages):
        try:
            out[m] = _table(session, m, m in boot, memo)
        except IfacedirError:
            out[m] = None
    return out


def _table(session: Session, module: str, boot: bool, memo: BuildState) -> ModuleFingerprints:
    found = session.checked.get((module, boot))
    if found is None:
        found = session.checked[(module, boot)] = _read_table(session, module, boot, memo)
    return found


def _read_table(session: Session, module: str, boot: bool, memo: BuildState) -> ModuleFingerprints:
    role = FileRole.BOOT_HI if boot else FileRole.TC
    mdir = session.find(module, role, session.tc_roots)

    def compute() -> CborValue:
        return session.fingerprints(module, boot).model_dump(mode="json")

    value = memo.memo(mdir.file(role), "fingerprints", compute)
    try:
        return ModuleFingerprints.model_validate(value)
    except pydantic.ValidationError:
        return session.fingerprints(module, boot)


def remember(
    session: Session, mdir: ModuleDir, step: Step, ctx: CheckContext, memo: BuildState
) -> None:
    """After ``step`` ran: put into ``memo`` what the next build's check will ask of its
    file (what it records, its fingerprint for the later phases, for ``tc`` the
    module's fingerprints and its source's hash), so that the first no-op build after
    a full one reads no more than any other. Failures are left for that check."""
    try:
        boot = ctx.boot and step is Step.TC
        recorded(mdir, step, ctx.backend, boot, memo)
        role = FileRole.BOOT_HI if boot else _ROLE.get(step)
        if role is None or not mdir.file(role).exists():
            return
        if role in (FileRole.TC, FileRole.DS, FileRole.SIMPL):
            _file_fp(mdir, role, memo)
        if step is Step.TC:
            _table(session, mdir.module.text, boot, memo)
            source = ctx.source
            if source is not None:
                memo.memo(source, "hash", lambda: fingerprint(source.read_bytes()))
    except (IfacedirError, OSError):
        pass


def reasons(
    session: Session,
    mdir: ModuleDir,
    step: Step,
    ctx: CheckContext,
    memo: BuildState | None = None,
) -> list[Reason]:
    """Why ``step`` of the module in ``mdir`` must run again; [] when up to date.
    ``memo`` remembers what was read of each file (ifacedir.driver.state)."""
    state = recorded(mdir, step, ctx.backend, ctx.boot and step is Step.TC, memo)
    if state.recorded is None:
        return decide(state, Current({}))
    try:
        now = current(session, mdir, step, ctx, state, memo)
    except (IfacedirError, OSError) as exc:
        return [Reason(ReasonKind.INPUT, f"an input cannot be read: {exc}")]
    return decide(state, now)
