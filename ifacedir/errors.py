"""The library's exception hierarchy.

Every failure that a caller of the library can meet on bad *input* is raised as a
subclass of :class:`IfacedirError`; anything else escaping the library is a bug.

Reading files (see spec/FORMAT.md, "Errors")::

    IfacedirError
      FormatError                 a file cannot be used; carries the path and what is wrong
        NotAContainerError        the magic bytes are not ifacedir's: not our file at all
        CorruptFileError          truncated, altered, over a limit, or not canonical
          CodecError              a payload that is valid CBOR but not a valid encoding of its
                                  type (a syntax tree: bad tag, arity, field, reference, ...)
        UnsupportedVersionError   written by a newer major format version (or unknown codec)
      InvalidNameError            a module, section or tool name that cannot name a file
      EncodeError                 a value outside the data model, or a header field out of range
      WriteError                  a file could not be written (disk full, permissions, ...)

Note [Why readers wrap every failure]
~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~
Interface files are untrusted input (they may come from another machine, a crashed
build, or an attacker). The build driver treats "cannot read this file" as "rebuild
this phase", and `ifacedir verify` lists every bad file. Both need one exception
type to catch, with the path and a sentence saying which check failed. So readers
translate every lower-level failure (OSError, cbor2 and zstd errors, pydantic
validation errors) into a FormatError subclass at the point where the reason is known.
"""

from __future__ import annotations

from pathlib import Path

__all__ = [
    "CodecError",
    "CorruptFileError",
    "EncodeError",
    "FormatError",
    "IfacedirError",
    "InvalidNameError",
    "NotAContainerError",
    "UnsupportedVersionError",
    "WriteError",
]


class IfacedirError(Exception):
    """Root of every error the library raises on bad input."""


class FormatError(IfacedirError):
    """A file cannot be read as an ifacedir container.

    ``path`` is the file (or ``None`` for in-memory data); ``reason`` says which
    check failed, in one sentence, without the path.
    """

    def __init__(self, path: Path | str | None, reason: str) -> None:
        self.path = None if path is None else str(path)
        self.reason = reason
        super().__init__(f"{self.path}: {reason}" if self.path is not None else reason)


class NotAContainerError(FormatError):
    """The file does not start with the ifacedir magic bytes."""


class CorruptFileError(FormatError):
    """The file is truncated, altered, exceeds a limit, or breaks a format rule."""


class CodecError(CorruptFileError):
    """A decoded payload is not a valid encoding of the value it should hold.

    Raised by payload codecs (ifacedir.syntax.codec) on untrusted input; ``path`` is
    usually unknown at that level and filled in by callers that re-raise.
    """

    def __init__(self, reason: str, path: Path | str | None = None) -> None:
        super().__init__(path, reason)


class UnsupportedVersionError(FormatError):
    """The file needs a newer reader: a newer major version or an unknown codec."""


class InvalidNameError(IfacedirError, ValueError):
    """A name that cannot safely name a file or directory (module, section, tool)."""


class EncodeError(IfacedirError, ValueError):
    """A value cannot be written: outside the CBOR data model, or a bad header field."""


class WriteError(IfacedirError):
    """A container could not be written; no partial file is left behind."""

    def __init__(self, path: Path | str, reason: str) -> None:
        self.path = str(path)
        self.reason = reason
        super().__init__(f"{self.path}: {reason}")
