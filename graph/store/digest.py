"""One content hash for the cache's keys: the store's and views' folders, the answers' files.

BLAKE2b from CPython's own module: `hashlib` starts OpenSSL on import, 5-7 ms of every run that
reads a view (a cold `govgraph who` on the shipped graph) for the same kind of digest.
"""

from __future__ import annotations

try:
    from _blake2 import blake2b
except ImportError:  # an interpreter without the module: the same function through hashlib
    from hashlib import blake2b


def new(data: bytes = b""):
    """A fresh digest (32 bytes) of `data`, to be updated and read with hexdigest()."""
    return blake2b(data, digest_size=32)
