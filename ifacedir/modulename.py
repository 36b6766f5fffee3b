"""Module names (Haskell 2010 Report §5.1, ``modid``) and their safe paths.

A module name is ``conid {. conid}``: components that start with an upper-case
letter and continue with letters, digits, ``_`` and ``'``. Because module names
become directory names (``Data.Queue`` -> ``Data/Queue.hidir``), validating them
is also what keeps a hostile name (``..``, ``a/b``, an empty component, a NUL)
from escaping the output directory: see Note [Module names are paths].
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from pathlib import PurePosixPath

from ifacedir.errors import InvalidNameError

__all__ = ["MAX_MODULE_NAME_LENGTH", "ModuleName"]

MAX_MODULE_NAME_LENGTH = 1024
_MAX_COMPONENT_LENGTH = 200

# Note [Module names are paths]
# ~~~~~~~~~~~~~~~~~~~~~~~~~~~~~
# We accept exactly the Report's modid, with Unicode letters as the Report allows,
# and nothing else: no '/', '\\', '.', NUL or space can appear inside a component, a
# component cannot be empty, '.' or '..', and it must start with an upper-case
# letter. So the relative path built from a valid name never leaves the output
# directory. Components are capped at 200 characters so that "<name>.hidir" fits the
# 255-byte file-name limit of common file systems even when it is UTF-8 encoded
# (the cap is in characters; names are ASCII in practice).


def _valid_component(part: str) -> bool:
    if not part or len(part) > _MAX_COMPONENT_LENGTH:
        return False
    if unicodedata.category(part[0]) not in ("Lu", "Lt"):
        return False
    return all(ch in "_'" or unicodedata.category(ch)[0] in "LN" for ch in part[1:])


@dataclass(frozen=True, order=True)
class ModuleName:
    """A validated, dotted module name such as ``Data.Queue``."""

    text: str

    def __post_init__(self) -> None:
        if not isinstance(self.text, str) or len(self.text) > MAX_MODULE_NAME_LENGTH:
            raise InvalidNameError(f"invalid module name {self.text!r}: too long or not text")
        if not all(_valid_component(p) for p in self.text.split(".")):
            raise InvalidNameError(
                f"invalid module name {self.text!r}: expected components like 'Data.Queue', "
                "each starting with an upper-case letter and made of letters, digits, _ and '"
            )

    @property
    def components(self) -> tuple[str, ...]:
        return tuple(self.text.split("."))

    def relpath(self, suffix: str) -> PurePosixPath:
        """``Data.Queue`` with suffix ``.hidir`` gives ``Data/Queue.hidir``."""
        *dirs, last = self.components
        return PurePosixPath(*dirs, last + suffix)

    def __str__(self) -> str:
        return self.text
