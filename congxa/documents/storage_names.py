"""Names files are stored under: random, keeping only the extension.

`documents/15-2025-QD-UBND.pdf` tells anyone who knows a document's number where
its file lies, withdrawn or not; `documents/k3J9...Qw.pdf` tells nothing.
"""

from __future__ import annotations

import re
import secrets

from .validators import extension_of

# 128 bits, URL-safe: not guessable, not enumerable.
TOKEN_BYTES = 16


def unguessable_name(original: str) -> str:
    """A random base name with the original's (lower-case) extension."""
    extension = extension_of(original)
    token = secrets.token_urlsafe(TOKEN_BYTES)
    return f"{token}.{extension}" if extension else token


_TOKEN = re.compile(r"^[A-Za-z0-9_-]{22}$")


def looks_unguessable(name: str) -> bool:
    """Whether a stored name's base is one `unguessable_name` made: 22 URL-safe
    characters mixing cases (a random token has both but for odds of 1 in 4
    million; a name a person typed hardly ever is exactly that)."""
    stem = name.rsplit("/", 1)[-1].split(".", 1)[0]
    return bool(
        _TOKEN.match(stem)
        and any(ch.isupper() for ch in stem)
        and any(ch.islower() for ch in stem)
    )
