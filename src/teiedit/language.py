"""Which language a text is written in: py3langid's model, restricted to the edition's candidate languages.

py3langid (a maintained fork of langid.py: a naive Bayes model over byte n-grams, shipped in its wheel) was
chosen by figures (``benchmarks/language.py``): on short texts of letters, archival documents and article
pages it was the most accurate of the libraries tried once restricted to candidate languages, loads in half
a second and classifies a paragraph in a tenth of a millisecond. Restricting it to the languages an edition
can contain (``DEFAULT_CANDIDATES``, or the edition's ``language_candidates``) removes most errors on short
texts (abbreviations read as Latin, names read as Danish).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

#: Languages considered when an edition names none: those of the sources editors bring (European languages
#: in Latin script, and the scripts of the documents' other languages).
DEFAULT_CANDIDATES: tuple[str, ...] = tuple(
    "en de fr es pt it nl no da sv pl cs hu ro ru vi ko zh ja".split()
)

#: English names of languages, for ``langUsage/language``.
NAMES = {
    "en": "English",
    "de": "German",
    "fr": "French",
    "es": "Spanish",
    "pt": "Portuguese",
    "it": "Italian",
    "nl": "Dutch",
    "no": "Norwegian",
    "da": "Danish",
    "sv": "Swedish",
    "pl": "Polish",
    "cs": "Czech",
    "hu": "Hungarian",
    "ro": "Romanian",
    "ru": "Russian",
    "uk": "Ukrainian",
    "bg": "Bulgarian",
    "sq": "Albanian",
    "vi": "Vietnamese",
    "ko": "Korean",
    "zh": "Chinese",
    "ja": "Japanese",
    "mn": "Mongolian",
    "la": "Latin",
    "fi": "Finnish",
    "el": "Greek",
    "tr": "Turkish",
}


@dataclass(frozen=True)
class Guess:
    """A language (ISO 639-1 code) with the model's probability for it, and how many letters it saw."""

    language: str
    confidence: float
    letters: int


def letters(text: str) -> int:
    """How many letters a text has (what the decision thresholds count)."""
    return sum(map(str.isalpha, text))  # counted in C: every block of a text is counted


@lru_cache(maxsize=4)
def _identifier(candidates: tuple[str, ...]) -> Any:
    """The model restricted to ``candidates`` (loaded once per set; the model itself takes ~0.5 s)."""
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    identifier = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
    known = set(identifier.labels)
    usable = [c for c in candidates if c in known]
    if usable:
        identifier.set_languages(usable)
    return identifier


def detect(text: str, candidates: Iterable[str] = DEFAULT_CANDIDATES) -> Guess:
    """The most probable candidate language of ``text`` and its probability (0 when it has no letters)."""
    n = letters(text)
    if not n:
        return Guess("", 0.0, 0)
    code, conf = _identifier(tuple(candidates)).classify(text)
    return Guess(str(code), float(conf), n)
