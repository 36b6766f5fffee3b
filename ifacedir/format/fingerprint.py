"""128-bit fingerprints: BLAKE2b with a 16-byte digest over canonical bytes.

Used for the container's header and section checksums, and (by the later
``iface`` layer) for entity, module and input fingerprints. One function so that
every hash in the project is computed the same way.
"""

from __future__ import annotations

import hashlib
from typing import Final

__all__ = ["FINGERPRINT_SIZE", "fingerprint", "fingerprint_hex"]

FINGERPRINT_SIZE: Final = 16


def fingerprint(data: bytes | bytearray | memoryview) -> bytes:
    """The 16-byte BLAKE2b digest of ``data``."""
    return hashlib.blake2b(data, digest_size=FINGERPRINT_SIZE).digest()


def fingerprint_hex(data: bytes | bytearray | memoryview) -> str:
    return hashlib.blake2b(data, digest_size=FINGERPRINT_SIZE).hexdigest()
