"""Language-independent rules: blocks that are only links, addresses or symbols."""

from __future__ import annotations

import re

from cleaner.chrome.features import BlockFeatures

_URLISH_RE = re.compile(r"^\W*(?:(?:https?://|www\.)\S+|[\w.+-]+@[\w-]+\.[\w.-]+)\W*$", re.IGNORECASE)


def link_only(features: BlockFeatures) -> str | None:
    """A block that is nothing but a URL or an e-mail address."""
    if features.words <= 12 and _URLISH_RE.match(features.text):
        return "chrome:link"
    return None


def symbols_only(features: BlockFeatures) -> str | None:
    """Separators, arrows, icons: no letters and no digits at all."""
    if not any(c.isalnum() for c in features.text):
        return "chrome:symbols"
    return None


RULES = (link_only,)
