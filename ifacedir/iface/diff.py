"""``ifacedir diff A B``: two interface directories compared entity by entity.

For every module in either directory: whether its ABI hash, export list and instances
differ, and which entities were added, removed or changed (from the ``fingerprints``
section of each ``tc`` file, ifacedir.iface.fingerprints), and which unfoldings of its
``.hi`` differ. Only those small sections are read. This is what an importer could
observe; a change that ``diff`` does not show recompiles no importer.
"""

from __future__ import annotations

from pathlib import Path

from pydantic import BaseModel, Field

from ifacedir.errors import IfacedirError
from ifacedir.format.layout import FileRole, ModuleDir, scan_outdir
from ifacedir.iface.fingerprints import ModuleFingerprints

__all__ = ["ModuleDiff", "TreeDiff", "diff_outdirs"]


class ModuleDiff(BaseModel):
    module: str
    status: str = Field(description="same, changed, added (only in B), removed (only in A)")
    abi_changed: bool = False
    exports_changed: bool = False
    instances_changed: bool = False
    added: list[str] = Field(default_factory=list)
    removed: list[str] = Field(default_factory=list)
    changed: list[str] = Field(default_factory=list)
    unfoldings_changed: list[str] = Field(default_factory=list)
    problems: list[str] = Field(default_factory=list)


class TreeDiff(BaseModel):
    """What ``ifacedir diff --json`` prints."""

    a: str
    b: str
    modules: list[ModuleDiff]

    @property
    def same(self) -> bool:
        return all(m.status == "same" for m in self.modules)


def _dirs(root: Path) -> dict[str, ModuleDir]:
    if root.name.endswith(".hidir"):
        found = [d for d in scan_outdir(root.parent) if d.path == root]
    else:
        found = scan_outdir(root)
    return {d.module.text: d for d in found}


def _facts(mdir: ModuleDir) -> tuple[ModuleFingerprints | None, dict[str, str], list[str]]:
    """The module's fingerprints, a hash per unfolding, and read problems."""
    from ifacedir.format.fingerprint import fingerprint_hex
    from ifacedir.iface.hifile import open_hi
    from ifacedir.iface.tcfile import open_tc
    from ifacedir.syntax.codec import encode_tree_bytes

    problems: list[str] = []
    table: ModuleFingerprints | None = None
    unfoldings: dict[str, str] = {}
    try:
        with open_tc(mdir) as tc:
            table = tc.fingerprints()
        if table is None:
            problems.append("its tc file records no fingerprints")
    except IfacedirError as exc:
        problems.append(str(exc))
    if mdir.file(FileRole.HI).exists():
        try:
            with open_hi(mdir) as hi:
                for b in hi.unfoldings().binds:
                    unfoldings[b.var.name.occ] = fingerprint_hex(encode_tree_bytes(b))
        except IfacedirError as exc:
            problems.append(str(exc))
    return table, unfoldings, problems


def diff_outdirs(a: Path, b: Path) -> TreeDiff:
    """Compare the modules of ``a`` and ``b`` (output or module directories)."""
    left, right = _dirs(a), _dirs(b)
    modules: list[ModuleDiff] = []
    for name in sorted(set(left) | set(right)):
        if name not in right:
            modules.append(ModuleDiff(module=name, status="removed"))
            continue
        if name not in left:
            modules.append(ModuleDiff(module=name, status="added"))
            continue
        ta, ua, pa = _facts(left[name])
        tb, ub, pb = _facts(right[name])
        d = ModuleDiff(module=name, status="same", problems=pa + pb)
        if ta is not None and tb is not None:
            d.abi_changed = ta.abi != tb.abi
            d.exports_changed = ta.export_hash != tb.export_hash
            d.instances_changed = ta.instance_hash != tb.instance_hash
            d.added = sorted(set(tb.entities) - set(ta.entities))
            d.removed = sorted(set(ta.entities) - set(tb.entities))
            d.changed = sorted(
                k for k in set(ta.entities) & set(tb.entities) if ta.entities[k] != tb.entities[k]
            )
        d.unfoldings_changed = sorted(k for k in set(ua) | set(ub) if ua.get(k) != ub.get(k))
        if d.problems or d.abi_changed or d.unfoldings_changed:
            d.status = "changed"
        modules.append(d)
    return TreeDiff(a=str(a), b=str(b), modules=modules)
