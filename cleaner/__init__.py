"""cleaner: turn web-scraped page text into clean article text.

>>> from cleaner import clean
>>> clean("Share on Facebook\\nThe council approved the new budget on Tuesday after a long debate.")
'The council approved the new budget on Tuesday after a long debate.\\n'
"""

from __future__ import annotations

from typing import Any

from cleaner.config import CleanerConfig, InputFormat, Mode
from cleaner.document import Block, CleanResult, Edit, Verdict
from cleaner.pipeline import Cleaner, DocumentTimeout

__all__ = [
    "Block",
    "CleanResult",
    "Cleaner",
    "CleanerConfig",
    "DocumentTimeout",
    "Edit",
    "InputFormat",
    "Mode",
    "Verdict",
    "clean",
    "clean_document",
]
__version__ = "0.1.0"


def clean(text: str, **options: Any) -> str:
    """Clean text of one page; ``options`` are fields of :class:`CleanerConfig`."""
    return Cleaner(**options).clean(text)


def clean_document(text: str, **options: Any) -> CleanResult:
    """Like :func:`clean`, with every verdict and edit."""
    return Cleaner(**options).clean_document(text)
