"""Reading a source file: bytes to text, with a diagnostic instead of an exception.

Haskell sources are UTF-8 (as GHC requires). A file that cannot be read, or whose
bytes are not UTF-8, is bad input like any other, so it becomes a ``SourceError``
with a located diagnostic (the line and column of the first bad byte) rather than
an ``OSError`` or ``UnicodeDecodeError`` escaping to the user as a traceback.
"""

from __future__ import annotations

from pathlib import Path

from ifacedir.diagnostics import SourceError, error
from ifacedir.syntax.span import SrcLoc, SrcSpan

__all__ = ["decode_source", "program_modules", "read_source"]

_SUFFIXES = (".hs", ".lhs")


def read_source(path: Path, label: str) -> str:
    """The text of ``path``; diagnostics name the file ``label``."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        span = SrcSpan.point(label, SrcLoc(1, 1))
        raise SourceError(
            [error("L012", span, f"cannot read source file: {exc.strerror}")]
        ) from None
    return decode_source(data, label)


def decode_source(data: bytes, label: str) -> str:
    """``data`` decoded as UTF-8, or a ``SourceError`` at the first bad byte."""
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        line_start = data.rfind(b"\n", 0, exc.start) + 1
        col = len(data[line_start : exc.start].decode("utf-8", errors="replace")) + 1
        span = SrcSpan.point(label, SrcLoc(line, col))
        raise SourceError([error("L011", span, "source file is not valid UTF-8")]) from None


def program_modules(directory: Path) -> list[tuple[str, str, Path]]:
    """The modules below ``directory``, as (module name, label, path), sorted by name
    (see Note [A directory of modules]; of ``A.hs`` and ``A.lhs`` the first wins)."""
    found: dict[str, tuple[str, str, Path]] = {}
    for suffix in _SUFFIXES:
        for path in sorted(directory.rglob(f"*{suffix}")):
            rel = path.relative_to(directory)
            hidden = any(p.startswith(".") or p.endswith(".hidir") for p in rel.parts[:-1])
            if hidden or not path.is_file():
                continue
            name = ".".join(rel.with_suffix("").parts)
            found.setdefault(name, (name, rel.as_posix(), path))
    return [found[name] for name in sorted(found)]
