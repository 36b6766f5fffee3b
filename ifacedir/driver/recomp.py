"""The recompilation check: must this phase of this module run again, and why?

DESIGN, "Fingerprints": the decision lives in one pure function, ``decide``, with no
I/O. The driver (ifacedir.driver.inputs) reads what a phase file records
(``Recorded``: its header's inputs and, for ``tc``, its usages) and gathers the
current values (``Current``); ``decide`` compares them and returns the reasons to
rebuild, empty when the file is up to date. ``ifacedir explain`` prints the same
reasons, so what the build does and what it says it would do cannot disagree.

The comparisons (spec/FORMAT.md §13.5 and §15 say what each input is):

* the file is missing, unreadable or corrupt, or of another format or schema version;
* an input of the file (``source``, ``flags``, ``flag:<name>``, the fingerprint of an
  earlier phase file ``tc``/``ds``/``simpl``, ``unfold:<M>``) differs from its current
  value, or one is new or gone;
* for ``tc``, the usages (Note [Usages] in ifacedir.iface.fingerprints): an entity
  used changed or disappeared; a direct import no longer exports a name the module
  mentions, or now exports one; a module re-exported whole changed its export list;
  the instances seen through an import changed (one of them, or which modules below
  declare instances).
"""

from __future__ import annotations

import enum
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from ifacedir.iface.fingerprints import ModuleFingerprints, Usages

__all__ = ["Current", "FileState", "Reason", "ReasonKind", "Recorded", "decide", "modules_needed"]


class ReasonKind(enum.Enum):
    MISSING = "output missing"
    CORRUPT = "output corrupt"
    VERSION = "format version changed"
    SOURCE = "source changed"
    FLAG = "flag changed"
    INPUT = "input changed"
    UNFOLDINGS = "unfoldings changed"
    ENTITY = "entity changed"
    EXPORT_REMOVED = "export removed"
    EXPORT_ADDED = "export added"
    EXPORTS = "export list changed"
    INSTANCES = "instances changed"
    MODULE_MISSING = "module missing"


@dataclass(frozen=True, slots=True)
class Reason:
    kind: ReasonKind
    text: str
    """One line, naming what changed: ``Data.Queue.push changed``."""

    def __str__(self) -> str:
        return self.text


@dataclass(frozen=True, slots=True)
class Recorded:
    """What a phase file says it was built from."""

    inputs: Mapping[str, bytes]
    usages: Usages | None = None


@dataclass(frozen=True, slots=True)
class FileState:
    """A phase file as found: ``recorded`` when it could be read, else ``problem``
    (its kind: MISSING, CORRUPT or VERSION) and a message."""

    recorded: Recorded | None = None
    problem: ReasonKind | None = None
    message: str = ""


@dataclass(frozen=True, slots=True)
class Current:
    """The current values the file's record is compared with. ``tables`` holds the
    fingerprints of every module the usages name, None for one that is unreadable
    or gone; ``check_usages`` is False for phases without usages."""

    inputs: Mapping[str, bytes]
    tables: Mapping[str, ModuleFingerprints | None] = field(default_factory=dict)
    check_usages: bool = False


_INPUT_WORDS = {
    "source": "the source file changed",
    "flags": "the front end's flags changed",
    "tc": "its tc file changed",
    "ds": "its ds file changed",
    "simpl": "its simpl file changed",
}


def decide(state: FileState, current: Current) -> list[Reason]:
    """The reasons to rebuild (see the module docstring); [] when up to date."""
    if state.recorded is None:
        kind = state.problem or ReasonKind.MISSING
        return [Reason(kind, state.message or kind.value)]
    recorded = state.recorded
    reasons = _inputs(recorded.inputs, current.inputs)
    if current.check_usages:
        if recorded.usages is None:
            reasons.append(Reason(ReasonKind.VERSION, "the file records no usages"))
        else:
            reasons.extend(_usages(recorded.usages, current.tables))
    return reasons


def _inputs(recorded: Mapping[str, bytes], current: Mapping[str, bytes]) -> list[Reason]:
    out: list[Reason] = []
    for name in sorted(current):
        if recorded.get(name) == current[name]:
            continue
        if name.startswith("flag:"):
            flag = name.removeprefix("flag:")
            what = "is new" if name not in recorded else "changed"
            out.append(Reason(ReasonKind.FLAG, f"flag {flag} {what}"))
        elif name.startswith("unfold:"):
            module = name.removeprefix("unfold:")
            what = "are a new input" if name not in recorded else "changed"
            out.append(Reason(ReasonKind.UNFOLDINGS, f"the unfoldings of {module} {what}"))
        elif name == "source":
            out.append(Reason(ReasonKind.SOURCE, _INPUT_WORDS[name]))
        elif name == "flags":
            out.append(Reason(ReasonKind.FLAG, _INPUT_WORDS[name]))
        else:
            out.append(Reason(ReasonKind.INPUT, _INPUT_WORDS.get(name, f"input {name} changed")))
    for name in sorted(set(recorded) - set(current)):
        if name.startswith("unfold:"):
            module = name.removeprefix("unfold:")
            out.append(Reason(ReasonKind.UNFOLDINGS, f"{module} is no longer below it"))
        elif name.startswith("flag:"):
            out.append(Reason(ReasonKind.FLAG, f"flag {name.removeprefix('flag:')} is gone"))
    return out


def _usages(usages: Usages, tables: Mapping[str, ModuleFingerprints | None]) -> list[Reason]:
    out: list[Reason] = []
    for imp in usages.imports:
        table = tables.get(imp.module)
        if table is None:
            out.append(Reason(ReasonKind.MODULE_MISSING, f"module {imp.module} is not available"))
            continue
        for key in usages.mentions:
            before, now = imp.lookups.get(key), table.exported.get(key)
            if before == now:
                continue
            shown = _shown(key)
            if now is None:
                text = f"{imp.module} no longer exports {shown}"
                out.append(Reason(ReasonKind.EXPORT_REMOVED, text))
            elif before is None:
                text = f"{imp.module} now exports {shown}, which this module mentions"
                out.append(Reason(ReasonKind.EXPORT_ADDED, text))
            else:
                text = f"{imp.module} now exports {shown} from {now}, not {before}"
                out.append(Reason(ReasonKind.EXPORT_REMOVED, text))
        if imp.whole is not None and imp.whole != table.export_hash:
            text = f"the export list of {imp.module} (re-exported whole) changed"
            out.append(Reason(ReasonKind.EXPORTS, text))
    for module, used in usages.entities.items():
        table = tables.get(module)
        if table is None:
            out.append(Reason(ReasonKind.MODULE_MISSING, f"module {module} is not available"))
            continue
        for key, fp in used.items():
            if table.entities.get(key) != fp:
                out.append(Reason(ReasonKind.ENTITY, f"{module}.{_shown(key)} changed"))
    out.extend(_instances(usages, tables))
    return out


def _instances(usages: Usages, tables: Mapping[str, ModuleFingerprints | None]) -> list[Reason]:
    out: list[Reason] = []
    for module, fp in usages.instances.items():
        table = tables.get(module)
        if table is not None and table.instances_below != fp:
            text = f"the instances seen through {module} changed"
            out.append(Reason(ReasonKind.INSTANCES, text))
    return out


def _shown(key: str) -> str:
    """``var:push`` as ``push``, ``tycon:Queue`` as ``type Queue``, ``con:Q`` as
    ``constructor Q``."""
    space, _, occ = key.partition(":")
    return {"tycon": f"type {occ}", "con": f"constructor {occ}"}.get(space, occ)


def modules_needed(usages: Usages | None) -> Sequence[str]:
    """Every module whose fingerprints ``decide`` reads for these usages."""
    if usages is None:
        return []
    names = {i.module for i in usages.imports} | set(usages.entities) | set(usages.instances)
    return sorted(names)
