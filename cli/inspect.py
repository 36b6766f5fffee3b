"""``ifacedir inspect``: header, section table and decoded payload of interface files."""

from __future__ import annotations

from collections.abc import Iterator

from cli.render import tree_lines
from ifacedir.format.inspection import FileReport, InspectReport

__all__ = ["render_inspect"]


def _file_lines(report: FileReport, show_payload: bool) -> Iterator[str]:
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
    if show_payload:
        for section in report.sections:
            if section.error is not None:
                yield f"  [{section.name}] error ({section.error.kind}): {section.error.message}"
            elif section.value is not None:
                yield f"  [{section.name}]"
                yield from tree_lines(section.value, "    ")
    if report.error is not None:
        yield f"  error ({report.error.kind}): {report.error.message}"


def render_inspect(report: InspectReport, *, show_payload: bool) -> Iterator[str]:
    if report.target_kind != "file":
        modules = sorted({f.module for f in report.files if f.module})
        yield f"{report.target}: {len(modules)} module(s), {len(report.files)} file(s)"
    for file in report.files:
        yield from _file_lines(file, show_payload)
    for stale in report.stale_temporaries:
        yield f"note: stale temporary file {stale} (left by an interrupted writer; harmless)"
