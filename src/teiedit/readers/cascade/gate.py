"""Case-insensitive searches that most texts fail, tried only on texts that hold the words they need.

A long case-insensitive alternation (``this document``, ``discusses``, ...) tries every position of a
text; the words it needs are found much faster as substrings of the lowercased text. A text that holds
none of them cannot match, and is answered without the pattern; any other text is searched as before, so
the answer is always the pattern's.
"""

from __future__ import annotations

import re

#: The characters outside ASCII that a case-insensitive ASCII letter matches (the dotted and the dotless
#: i, the long s, the Kelvin sign), or whose lower case holds one: a text with one is always searched.
_FOLDS_TO_ASCII = ("\u0130", "\u0131", "\u017f", "\u212a")


class GatedSearch:
    """``pattern.search`` (case-insensitive), after a test of the words every match must hold.

    ``needs``: the ways a match can be made, each a list of word groups; a match made that way holds a
    word (lowercase, as the pattern spells it) of every group of that list.
    """

    def __init__(self, pattern: re.Pattern[str], needs: list[list[tuple[str, ...]]]) -> None:
        self.pattern = pattern
        self.needs = needs

    def search(self, text: str) -> bool:
        """Whether ``pattern`` matches somewhere in ``text``."""
        if text.isascii() or not any(c in text for c in _FOLDS_TO_ASCII):
            low = text.lower()
            if not any(all(any(w in low for w in group) for group in way) for way in self.needs):
                return False  # no way of matching has its words here
        return self.pattern.search(text) is not None
