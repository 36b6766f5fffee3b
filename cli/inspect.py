"""``ifacedir inspect``: header, section table and decoded payload of interface files.

Payloads print as a generic tree of their CBOR values, which is unreadable for the
node tables of the syntax codec; ``--pretty`` prints ``tc`` files through their reader
instead (ifacedir.iface.tcfile): the ``meta`` fields, the exports as Haskell export
items, and the stored program as Haskell source (ifacedir.syntax.pretty); ``ds``,
``simpl`` and ``.hi`` files print through cli.inspect_core (their Core, readably).
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from cli.render import tree_lines
from ifacedir.format.inspection import FileReport, InspectReport

if TYPE_CHECKING:
    from ifacedir.typecheck.iface import TcInterface

__all__ = ["interface_lines", "pretty_tc_lines", "render_inspect"]


def _is_tc(report: FileReport) -> bool:
    header = report.header
    return header is not None and header.kind.value == "phase" and header.phase == "tc"


def pretty_tc_lines(path: Path, problems: list[str]) -> Iterator[str]:
    """The sections of the tc file ``path`` as Haskell; read errors go to ``problems``."""
    from ifacedir.errors import FormatError, UnsupportedVersionError
    from ifacedir.iface.tcfile import open_tc
    from ifacedir.rename.rename import RenamedModule
    from ifacedir.syntax.pretty import pretty_module

    try:
        with open_tc(path) as tc:
            meta, exports, program, interface = (
                tc.meta(),
                tc.exports(),
                tc.program(),
                tc.interface(),
            )
    except UnsupportedVersionError as exc:  # e.g. the samples of `ifacedir demo`
        yield f"  note: {exc.reason}; not printed (without --pretty: the raw sections)"
        return
    except FormatError as exc:
        problems.append(exc.reason)
        yield f"  error: {exc.reason}"
        return
    yield "  [meta]"
    yield f"    stage {meta.stage.value}   source {meta.source}   codec {meta.codec_version}"
    yield "    imports " + (", ".join(f"{i.module} ({i.package})" for i in meta.imports) or "-")
    yield "    deps    " + (" ".join(meta.deps) or "-")
    yield "  [exports]"
    for avail in exports.avails:
        subs = f"({', '.join(map(str, avail.subs))})" if avail.subs else ""
        yield f"    {avail.name}{subs}"
    for name, fixity in exports.fixities:
        yield f"    {fixity.assoc.value} {fixity.prec} {name}"
    if interface is not None:
        yield "  [interface]"
        yield from interface_lines(interface)
    yield "  [program]"
    if isinstance(program, RenamedModule):
        for imp in program.imports:
            how = "qualified as " if imp.qualified else "as "
            implicit = ", implicit" if imp.implicit else ""
            yield (
                f"    -- import {imp.module} ({imp.package}) {how}{imp.qualifier}: "
                f"{len(imp.names)} name(s) in scope{implicit}"
            )
    else:
        schemes, witnesses = len(program.schemes), len(program.witnesses)
        yield f"    -- {schemes} top-level scheme(s), {witnesses} witness(es) of syntax"
    for line in pretty_module(program.module).splitlines():
        yield f"    {line}"


def interface_lines(interface: TcInterface) -> Iterator[str]:
    """One line per entity of a ``TcInterface``: values with their schemes, data types
    with their constructors, synonyms, classes, instances."""
    from ifacedir.syntax.types import pretty_pred, pretty_scheme

    for v in interface.values:
        yield f"    {v.name} :: {pretty_scheme(v.scheme)}"
    for d in interface.data_types:
        keyword = "newtype" if d.is_newtype else "data"
        cons = " | ".join(str(c.name) for c in d.constructors)
        yield f"    {keyword} {d.name} ({len(d.params)} parameter(s)){' = ' + cons if cons else ''}"
    for syn in interface.synonyms:
        yield f"    type {syn.synonym.name}"
    for ci in interface.classes:
        methods = ", ".join(str(m.name) for m in ci.methods)
        yield f"    class {ci.cls.name} ({methods})"
    for inst in interface.instances:
        qual = inst.instance.qual
        context = ", ".join(pretty_pred(p) for p in qual.preds)
        context = f"({context}) => " if context else ""
        derived = ", derived" if inst.derived else ""
        yield (
            f"    instance {context}{pretty_pred(qual.head)}"
            f"  -- {inst.instance.ident} from {inst.module}{derived}"
        )
    if interface.instance_modules:
        yield f"    -- instances below: {' '.join(interface.instance_modules)}"


def _file_lines(
    report: FileReport, show_payload: bool, pretty_path: Path | None, problems: list[str]
) -> Iterator[str]:
    yield report.path
    if report.error is not None and report.header is None:
        yield f"  error ({report.error.kind}): {report.error.message}"
        return
    header = report.header
    assert header is not None
    phase = f" ({header.phase})" if header.phase else ""
    yield f"  format      {report.version}, {report.size} bytes"
    yield f"  kind        {header.kind.value}{phase}"
    module = header.module or "-"
    yield f"  module      {module}   unit {header.unit}   schema {header.schema_version}"
    if report.unknown_header_fields:
        yield f"  skipped     unknown header fields {', '.join(report.unknown_header_fields)}"
    yield "  inputs" + ("" if header.inputs else "      (none)")
    width = max((len(name) for name in header.inputs), default=0)
    for name, digest in sorted(header.inputs.items()):
        yield f"    {name:<{width}}  {digest.hex()}"
    stored = sum(s.size for s in report.sections)
    raw = sum(s.raw_size for s in report.sections)
    yield f"  sections    {len(report.sections)}, {stored} bytes stored, {raw} raw"
    if report.sections:
        width = max(len(s.name) for s in report.sections)
        for section in report.sections:
            yield (
                f"    {section.name:<{width}}  {section.codec:<9} {section.size:>9} "
                f"{section.raw_size:>9}  {section.hash}"
            )
    pretty = pretty_path is not None and report.error is None
    if pretty and _is_tc(report):
        assert pretty_path is not None
        yield from pretty_tc_lines(pretty_path, problems)
    elif pretty and header.kind.value == "phase" and header.phase in ("ds", "simpl"):
        from cli.inspect_core import pretty_core_lines

        assert pretty_path is not None and header.phase is not None
        yield from pretty_core_lines(pretty_path, header.phase, problems)
    elif pretty and header.kind.value == "interface":
        from cli.inspect_core import pretty_hi_lines

        assert pretty_path is not None
        yield from pretty_hi_lines(pretty_path, problems)
    elif show_payload:
        for section in report.sections:
            if section.error is not None:
                yield f"  [{section.name}] error ({section.error.kind}): {section.error.message}"
            elif section.value is not None:
                yield f"  [{section.name}]"
                yield from tree_lines(section.value, "    ")
    if report.error is not None:
        yield f"  error ({report.error.kind}): {report.error.message}"


def render_inspect(
    report: InspectReport,
    *,
    show_payload: bool,
    pretty: bool = False,
    problems: list[str] | None = None,
) -> Iterator[str]:
    """Text lines of the report; ``pretty`` prints tc files through their reader,
    appending to ``problems`` what it could not read."""
    if report.target_kind != "file":
        modules = sorted({f.module for f in report.files if f.module})
        yield f"{report.target}: {len(modules)} module(s), {len(report.files)} file(s)"
    sink = [] if problems is None else problems
    for file in report.files:
        where = None
        if pretty:
            target = Path(report.target)
            where = target if report.target_kind == "file" else target / file.path
        yield from _file_lines(file, show_payload, where, sink)
    for stale in report.stale_temporaries:
        yield f"note: stale temporary file {stale} (left by an interrupted writer; harmless)"
