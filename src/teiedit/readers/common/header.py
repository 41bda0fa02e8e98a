"""Build the teiHeader every reader needs, from what the reader found and the edition's settings."""

from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass, field

from lxml import etree

from teiedit import __version__
from teiedit.config import Edition
from teiedit.document import XML_ID, E
from teiedit.epoch import source_date_epoch

#: Editorial conventions stated in every converted document; readers and passes may add paragraphs.
DEFAULT_EDITORIAL_DECL = (
    "Converted from a plaintext transcription by teiedit. Orthography and punctuation are as in the "
    "source; paragraphing follows the source's blank lines."
)


@dataclass
class HeaderInfo:
    """What a reader knows about a document, for its header."""

    title: str
    source_filename: str
    source_sha256: str
    encoding_decision: str = ""
    author: str = ""
    date_when: str = ""  # ISO date of the document, if found
    date_text: str = ""
    source_description: str = ""  # a bibliographic line, when nothing more structured is known
    source_desc: etree._Element | None = (
        None  # a structured sourceDesc child (bibl, msDesc, biblStruct)
    )
    language: str = "en"
    kind: str = ""
    keywords: list[str] = field(default_factory=list)  # the document's own keywords, one term each
    abstract: list[str] = field(default_factory=list)
    editorial: list[str] = field(default_factory=list)
    profile_extra: list[etree._Element] = field(default_factory=list)  # e.g. correspDesc
    today: str = ""
    authors: list[str] = field(default_factory=list)  # more authors after ``author``
    source_language: str = ""  # ISO code of the language translated from
    translation: str = ""  # the source's translation statement ("Translation from Korean")
    notes: list[str] = field(default_factory=list)  # notesStmt notes (e.g. what was set aside)
    series_title: str = ""  # the whole a part belongs to (compilations)
    series_idno: str = ""


def conversion_date() -> str:
    """Today's date, or the date of SOURCE_DATE_EPOCH when set (reproducible builds and golden tests)."""
    epoch = source_date_epoch()
    if epoch is not None:
        return _dt.datetime.fromtimestamp(epoch, tz=_dt.UTC).date().isoformat()
    return _dt.date.today().isoformat()


def build_header(info: HeaderInfo, edition: Edition, doc_id: str) -> etree._Element:
    """A complete teiHeader: titleStmt, publicationStmt, sourceDesc, encodingDesc, profileDesc, revisionDesc."""
    today = info.today or conversion_date()
    title_stmt = E.titleStmt(E.title(info.title or "Untitled", type="main"))
    for name in [info.author, *info.authors]:
        if name:
            title_stmt.append(E.author(name))
    for ed in edition.editors:
        pers = E.persName(ed.name)
        pers.set(XML_ID, ed.id)
        title_stmt.append(E.respStmt(E.resp(ed.resp), pers))

    pub = E.publicationStmt(E.publisher(edition.publisher or "Unpublished"))
    if edition.pub_place:
        pub.append(E.pubPlace(edition.pub_place))
    pub.append(E.date(today, when=today))
    if edition.licence:
        lic = E.licence(edition.licence)
        if edition.licence_url:
            lic.set("target", edition.licence_url)
        pub.append(E.availability(lic))
    if edition.base_url:
        pub.append(E.idno(edition.base_url.rstrip("/") + "/" + doc_id, type="URI"))

    series = None
    if info.series_title:
        series = E.seriesStmt(E.title(info.series_title))
        if info.series_idno:
            series.append(E.idno(info.series_idno, type="URI"))
    notes_stmt = None
    if info.translation or info.notes:
        notes_stmt = E.notesStmt()
        if info.translation:
            notes_stmt.append(E.note(info.translation, type="translation"))
        for text in info.notes:
            notes_stmt.append(E.note(text))
    if info.source_desc is not None:
        source_desc = E.sourceDesc(info.source_desc)
    else:
        bibl = E.bibl(info.source_description or f"Plaintext transcription {info.source_filename}")
        if info.date_when:
            bibl.append(E.date(info.date_text or info.date_when, when=info.date_when))
        source_desc = E.sourceDesc(bibl)

    app = E.application(E.label("teiedit"), ident="teiedit", version=__version__)
    app.set(XML_ID, "teiedit")
    editorial = E.editorialDecl(*(E.p(t) for t in [DEFAULT_EDITORIAL_DECL, *info.editorial]))
    encoding = E.encodingDesc(E.appInfo(app), editorial)

    profile = E.profileDesc()
    if info.abstract:
        profile.append(E.abstract(*(E.p(t) for t in info.abstract)))
    lang_usage = E.langUsage(
        E.language(_LANGUAGES.get(info.language, info.language), ident=info.language)
    )
    if info.source_language and info.source_language != info.language:
        name = _LANGUAGES.get(info.source_language, info.source_language)
        lang_usage.append(
            E.language(
                f"{name} (the language of the original, translated)", ident=info.source_language
            )
        )
    profile.append(lang_usage)
    # the kind's term and the document's own keywords (terms of type "keyword") in keywords of their
    # own: a keyword "letter" is no kind, and the rules reading the kind's term never see them
    classes = [E.keywords(E.term(info.kind, type="kind"))] if info.kind else []
    if info.keywords:
        classes.append(E.keywords(*(E.term(t, type="keyword") for t in info.keywords)))
    if classes:
        profile.append(E.textClass(*classes))
    for extra in info.profile_extra:
        profile.append(extra)

    change = E.change(
        f"Converted by teiedit {__version__} from ",
        E.name(info.source_filename, type="file"),
        " (SHA-256 ",
        E.idno(info.source_sha256, type="sha256"),
        ")" + (f"; {info.encoding_decision}." if info.encoding_decision else "."),
        when=today,
        who="#teiedit",
        type="conversion",
    )
    return E.teiHeader(
        E.fileDesc(
            *(x for x in (title_stmt, pub, series, notes_stmt, source_desc) if x is not None)
        ),
        encoding,
        profile,
        E.revisionDesc(change),
    )


_LANGUAGES = {
    "en": "English",
    "ko": "Korean",
    "ru": "Russian",
    "zh": "Chinese",
    "de": "German",
    "ja": "Japanese",
    "fr": "French",
    "hu": "Hungarian",
    "pl": "Polish",
    "cs": "Czech",
    "ro": "Romanian",
    "bg": "Bulgarian",
    "sq": "Albanian",
    "mn": "Mongolian",
    "vi": "Vietnamese",
    "es": "Spanish",
}
