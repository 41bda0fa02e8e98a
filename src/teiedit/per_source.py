"""One source's conversion options: the command line's, then its ``[sources."name.txt"]`` table in
teiedit.toml (profile, repair, language, kind), then the edition's."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from lxml import etree

from teiedit.config import CONFIG_NAME, Settings, SourceSettings
from teiedit.document import TeiDocument, tei

#: What comes before textClass in profileDesc, as teiedit writes it.
_BEFORE_TEXTCLASS = {tei(n) for n in ("abstract", "creation", "langUsage")}


@dataclass
class ConvertOptions:
    profile: str | None = None  # None: detect
    repair: bool = True
    #: The kind of document (textClass term of type "kind"); None: what the reader found.
    kind: str | None = None
    force: bool = False
    strict: bool = True
    #: Run only these passes (by name); None runs every enabled pass. Reader tests use ["assign-ids"].
    passes: list[str] | None = None
    pass_options: dict[str, Any] = field(default_factory=dict)
    #: A labeller model file to use instead of the edition's or the shipped one
    model: Path | None = None


def set_kind(documents: list[TeiDocument], kind: str) -> list[str]:
    """Give each document the kind its source's settings name (textClass term of type "kind"), in
    place of the one the reader found or as a new textClass where it found none."""
    decisions = []
    for doc in documents:
        terms = [t for t in doc.root.iter(tei("term")) if t.get("type") == "kind"]
        if not terms:
            profile = doc.root.find(f"{tei('teiHeader')}/{tei('profileDesc')}")
            if profile is None:
                continue
            before = [c for c in profile if c.tag in _BEFORE_TEXTCLASS]
            text_class = etree.Element(tei("textClass"))
            keywords = etree.SubElement(text_class, tei("keywords"))
            terms = [etree.SubElement(keywords, tei("term"), type="kind")]
            if before:
                before[-1].addnext(text_class)
            else:
                profile.insert(0, text_class)
        for term in terms:
            if term.text != kind:
                found = repr(term.text) if term.text else "none"
                decisions.append(f"kind {kind!r} from teiedit.toml (the reader found {found})")
                term.text = kind
    return decisions


def for_source(
    per: SourceSettings, edition: Settings, options: ConvertOptions
) -> tuple[Settings, ConvertOptions]:
    """The settings and options one source converts with: the command line's profile and --no-repair
    first, then its ``[sources."name.txt"]`` table in teiedit.toml, then the edition's."""
    if per == SourceSettings():
        return edition, options
    if per.language:
        edition = replace(edition, language=per.language)
    options = replace(
        options,
        profile=options.profile or per.profile or None,
        repair=options.repair and per.repair,
        kind=options.kind or per.kind or None,
    )
    return edition, options


def check_source_profiles(settings: Settings) -> None:
    """Each ``[sources."name.txt"]`` profile is one the readers know (the nearest one named if not)."""
    from teiedit.config_check import Checker
    from teiedit.readers import READERS

    config = settings.root / CONFIG_NAME
    for name, per in settings.per_source:
        if per.profile and per.profile not in READERS:
            checker = Checker(config, config.read_text(encoding="utf-8"))
            checker.choice(f'sources."{name}"', "profile", per.profile, sorted(READERS))
