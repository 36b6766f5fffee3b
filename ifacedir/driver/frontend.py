"""The front end's files: writing each module's ``tc`` file after typechecking.

``write_tc_files`` is shared by ``ifacedir check --outdir`` and ``ifacedir build``: it
writes the ``tc`` file of every module that passed, with the inputs of Note [Inputs
of a tc file] in ifacedir.iface.tcfile (what it writes and why: Note [What check
writes] in cli.check).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ifacedir.iface.basecache import BaseInterfaces
    from ifacedir.rename.rename import RenamedModule
    from ifacedir.typecheck.typecheck import TcResult

__all__ = ["write_tc_files"]


def write_tc_files(
    outdir: Path,
    passed: Sequence[RenamedModule],
    everything: Sequence[RenamedModule],
    typed: Mapping[str, TcResult] | None,
    sources: dict[str, str],
    base: BaseInterfaces | None,
) -> tuple[dict[str, str], list[str]]:
    """Write the tc file of each passed module; see Note [What check writes].

    ``typed`` (after typechecking) holds the typechecker's result of every module
    that passed it, base included. Returns module -> path written (relative to
    ``outdir``, POSIX form) and one ``path: reason`` line per file not written.
    """
    from ifacedir.errors import IfacedirError
    from ifacedir.iface.fingerprints import program_fingerprints
    from ifacedir.iface.tcfile import interface_fingerprint, tc_inputs, tc_payload, write_tc

    by_name = {m.exports.module: m for m in everything}
    tables = (
        program_fingerprints(
            ((m, typed[m.exports.module]) for m in everything if m.exports.module in typed),
            base.tables if base is not None else {},
        )
        if typed is not None
        else {}
    )
    fingerprints: dict[str, bytes] = {}

    def interface_of(module: str) -> bytes:
        if module not in by_name and base is not None:  # read from its file's header
            return (base.export_fingerprints if typed is None else base.fingerprints)[module]
        if module not in fingerprints:
            iface = None if typed is None else typed[module].interface
            fingerprints[module] = interface_fingerprint(by_name[module].exports, iface)
        return fingerprints[module]

    written: dict[str, str] = {}
    errors: list[str] = []
    for m in passed:
        name = m.exports.module
        try:
            inputs = tc_inputs(
                sources[m.module.span.file], {i.module: interface_of(i.module) for i in m.imports}
            )
            result = None if typed is None else typed[name]
            own, usages = tables.get(name, (None, None))
            payload = tc_payload(m, result, None, own, usages)
            target = write_tc(outdir, name, payload, inputs)
        except IfacedirError as exc:
            errors.append(f"module {name}, phase tc: {exc}")
            continue
        except Exception as exc:  # a bug: say where, write nothing, go on with the others
            errors.append(
                f"module {name}, phase tc: internal error (a bug, please report it): "
                f"{type(exc).__name__}: {exc}"
            )
            continue
        written[name] = target.relative_to(outdir).as_posix()
    return written, errors
