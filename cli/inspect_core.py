"""``ifacedir inspect --pretty`` for the back-end files: Core and the final ``.hi``.

``ds`` and ``simpl`` files print their ``meta`` fields and their Core through
ifacedir.syntax.corepretty; a ``.hi`` prints its exports, its interface (one line per
entity, as for a ``tc`` file) and its unfoldings as Core. Read errors go to
``problems`` and are shown in place, never as a traceback.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

__all__ = ["pretty_core_lines", "pretty_hi_lines"]


def pretty_core_lines(path: Path, phase: str, problems: list[str]) -> Iterator[str]:
    from ifacedir.errors import FormatError
    from ifacedir.iface.corefile import read_core
    from ifacedir.iface.model import CorePhase
    from ifacedir.syntax.corepretty import pretty_core_module

    try:
        payload = read_core(path, CorePhase(phase))
    except FormatError as exc:
        problems.append(exc.reason)
        yield f"  error: {exc.reason}"
        return
    meta = payload.meta
    yield "  [meta]"
    yield f"    phase {meta.phase.value}   -O{meta.optimisation}   source {meta.source}"
    yield "    deps  " + (" ".join(meta.deps) or "-")
    yield "  [core]"
    for line in pretty_core_module(payload.core).splitlines():
        yield f"    {line}"


def pretty_hi_lines(path: Path, problems: list[str]) -> Iterator[str]:
    from cli.inspect import interface_lines
    from ifacedir.errors import FormatError
    from ifacedir.iface.hifile import read_hi
    from ifacedir.syntax.corepretty import pretty_core_expr

    try:
        payload = read_hi(path)
    except FormatError as exc:
        problems.append(exc.reason)
        yield f"  error: {exc.reason}"
        return
    meta = payload.meta
    yield "  [meta]"
    entry = meta.entry or "-"
    yield f"    -O{meta.optimisation}   entry {entry}   deps {' '.join(meta.deps) or '-'}"
    yield "  [exports]"
    for avail in payload.exports.avails:
        subs = f"({', '.join(map(str, avail.subs))})" if avail.subs else ""
        yield f"    {avail.name}{subs}"
    yield "  [interface]"
    yield from interface_lines(payload.interface)
    yield f"  [unfoldings] {len(payload.unfoldings.binds)}"
    for b in payload.unfoldings.binds:
        first, *rest = pretty_core_expr(b.rhs).splitlines()
        yield f"    {b.var.name} = {first}"
        for line in rest:
            yield f"    {line}"
