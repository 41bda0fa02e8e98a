"""One document of a source: its kind, its TEI text (``assemble``) and its header, from labelled blocks.

The header says what the blocks say: the title block (cleaned), the document's own date (its dateline,
else a date field of the page, else the date in the title of an archival document, else the journal
citation's date of an article), the author (byline), the correspondents of a letter or telegram (its
title, the page's From/To fields, the signature, an address line), the source citation (``sourceDesc``),
the abstract or editor's summary (``abstract``), and the kind (``textClass``). A letter whose
correspondents cannot be found is not called a letter (the schema requires both for one).
"""

from __future__ import annotations

import re

from lxml import etree

from teiedit.config import Edition
from teiedit.diagnostics import Diagnostic, Level
from teiedit.document import E, TeiDocument
from teiedit.readers.base import Conversion, Source
from teiedit.readers.cascade import bibliography
from teiedit.readers.cascade.apparatus import (
    mark_bottom,
    sentence_closers,
    typed_signatures,
    unlabelled_author,
)
from teiedit.readers.cascade.assemble import TEXT, assemble
from teiedit.readers.cascade.fields import (
    Correspondents,
    clean_title,
    correspondents,
    date_from_fields,
    field,
    first_date,
)
from teiedit.readers.cascade.kinds import CORRESPONDENCE, KindDecision, decide_kind, vocative
from teiedit.readers.cascade.labels import LOW_CONFIDENCE, SET_ASIDE
from teiedit.readers.cascade.letter_facts import (
    correspondent,
    header_correspondents,
    header_kind,
    signer_name,
    subject_title,
)
from teiedit.readers.cascade.letter_head import signature_after_close
from teiedit.readers.cascade.model import Labelled
from teiedit.readers.cascade.notelink import link
from teiedit.readers.cascade.post_rules import (
    journal_line,
    keyword_terms,
    posted_line,
    prepared_by,
    split_names,
)
from teiedit.readers.cascade.title_top import (
    above_title,
    menu_above_date,
    name_lines,
    repeated_title,
)
from teiedit.readers.cascade.titles import title_blocks
from teiedit.readers.common.archival_doc import (
    NOTES_STATEMENT,
    ORG_WORDS,
    WEB_STATEMENT,
    personal_name,
)
from teiedit.readers.common.build import header_info, make_tei
from teiedit.readers.common.citation import parse_archival, source_line_body
from teiedit.readers.common.header import HeaderInfo
from teiedit.readers.common.lines import EDITORIAL_STATEMENT, LANGUAGE_CODES, TRANSLATION

_ARCHIVAL_KINDS = frozenset({"letter", "telegram", "memorandum", "report", "journal", "note"})
_BY = re.compile(r"^(?:by|author\(s\)|authors?|von|par|de)\s*[:.]?\s+", re.IGNORECASE)
_NAME_MARKS = re.compile(r"[\s*'’†‡§\d,]+$")
_SOURCE_LABEL = re.compile(r"^\[?\s*(?:source|sources|citation|from)\s*[:.]?\s*", re.IGNORECASE)
_TO_LINE = re.compile(r"^\[?to\]?\s+(?P<name>.+?)\s*[:!,]?$", re.IGNORECASE)


#: The kinds whose documents end with their signer's name: correspondence, and archival records.
_SIGNED = frozenset({*CORRESPONDENCE, "memorandum", "report", "journal"})


def build_document(
    part: list[Labelled],
    doc_id: str,
    source: Source,
    edition: Edition,
    conv: Conversion,
    in_compilation: bool = False,
) -> tuple[TeiDocument, str]:
    """The TEI document for one part of a source, and its kind."""
    titles = title_blocks(part, conv)
    conv.decisions.extend(name_lines(part, titles))
    conv.decisions.extend(above_title(part, titles, conv))
    conv.decisions.extend(menu_above_date(part, titles, conv))
    conv.decisions.extend(repeated_title(part, titles))
    kept = [b for b in part if not b.aside]
    aside = [b for b in part if b.aside]
    title = clean_title(" ".join(b.text for b in titles)) if titles else ""
    decision = header_kind(decide_kind(kept, title, aside, in_compilation), part)
    kind = decision.kind
    if kind in _SIGNED or any(b.label == "salute" for b in kept):
        conv.decisions.extend(mark_bottom(part))
        conv.decisions.extend(sentence_closers(part))
        conv.decisions.extend(signature_after_close(part))  # a close the rules above found
    conv.decisions.extend(typed_signatures(part))
    corr = _correspondents(part, title) if kind in CORRESPONDENCE else Correspondents()
    if kind == "memorandum":
        corr = header_correspondents(part)  # "TO: / FROM:" (a memorandum without both has none)
    named, title = title, subject_title(title, part)  # after the title's correspondents were read
    if kind in CORRESPONDENCE and not (corr.sender and corr.addressee):
        conv.decisions.append(
            f"{doc_id}: looks like a {kind} ({decision.reason}) but its correspondents are not "
            "both named: kind 'other'"
        )
        decision = KindDecision("other", decision.confidence / 2, decision.reason)
        kind = "other"
    linker = link(part, TEXT)
    assembled = assemble(part, kind, linker)
    conv.set_aside.extend(linker.set_aside)
    conv.spans.extend(linker.spans)
    where = {"part": doc_id} if doc_id != source.name else {}
    conv.orphan_notes.extend({**o, **where} for o in linker.report())
    date = _document_date(kept, part, named, kind, assembled.citations, titles)
    info = header_info(source, title or "Untitled", kind=kind, abstract=assembled.summaries)
    info.keywords = [t for b in aside if b.label == "meta" for t in keyword_terms(b.one_line)]
    authors = _authors(kept, part)
    if not authors and kind not in CORRESPONDENCE and (name := unlabelled_author(part)):
        authors = [name]
        conv.decisions.append(f"{doc_id}: author {name!r} (a line of nothing but a name)")
    if kind in CORRESPONDENCE and corr.sender:
        authors = authors or [personal_name(corr.sender)]
    if authors:
        info.author, info.authors = authors[0], authors[1:]
    _translation(kept, info)
    info.editorial.extend(_statements(kept, conv, bool(linker.bodies)))
    if assembled.citations:
        _source_desc(assembled.citations[0], date, info)
    elif date:
        info.date_when = date.get("when", "") or date.get("from", "") or date.get("notBefore", "")
        info.date_text = date["text"]
    if date:
        info.profile_extra.append(E.creation(_date_el(date, resp=True)))
    if kind in CORRESPONDENCE or (corr.sender and corr.addressee):
        info.profile_extra.append(_corresp_desc(corr, date))
    body = E.body(assembled.div)
    back = E.back(*bibliography.separate(assembled.back, assembled.div))
    doc = make_tei(doc_id, info, edition, body, back=back)
    _report(conv, doc_id, title, titles, decision, date)
    return doc, kind


STRUCTURE_STATEMENT = (
    "Divisions, openers, closers, lists and notes were recognised by teiedit's trained labeller from the "
    "layout of the plaintext (segmented into blocks, each given a role); every decision is listed with "
    "its confidence in the conversion report; numbered items keep their numbers in the text and in @n."
)


def _statements(kept: list[Labelled], conv: Conversion, notes: bool) -> list[str]:
    """editorialDecl paragraphs: how the text was read, and the source's own statements about it."""
    out = [STRUCTURE_STATEMENT]
    # the length first: a long block is never one, and the search would scan all of it
    out += [b.one_line for b in kept if len(b.text) <= 300 and EDITORIAL_STATEMENT.search(b.text)]
    if notes:
        out.append(NOTES_STATEMENT)
    if any(s.reason != SET_ASIDE["pagefw"] for s in conv.set_aside):
        out.append(WEB_STATEMENT)
    return out


def _translation(kept: list[Labelled], info: HeaderInfo) -> None:
    """The source's translation statement ("Translation from Korean") into notesStmt and langUsage."""
    for b in kept:
        m = TRANSLATION.match(b.one_line)
        if m and b.label not in ("p", "item"):
            info.translation = b.one_line
            info.source_language = LANGUAGE_CODES.get(m["lang"].lower(), "")
            return


def _source_desc(citation: str, date: dict[str, str] | None, info: HeaderInfo) -> None:
    """sourceDesc from the source citation: an archival one (repository, fond, shelfmark) as msDesc, a
    journal's (volume, year, pages) as bibl."""
    text = _SOURCE_LABEL.sub("", source_line_body(citation) or citation)
    cit = parse_archival(text)
    if cit.repository and cit.idnos and not journal_line(text):
        info.source_desc = cit.ms_desc()
        if cit.note and not info.translation and "translat" in cit.note.lower():
            info.translation = cit.note
        elif cit.note:
            info.notes.append(cit.note)
        return
    info.source_desc = E.bibl(text, type="source")
    if date:
        info.source_desc.append(_date_el(date))


_PUBLISHED = re.compile(r"^\W*(?:first\s+)?published\b(?:\s+(?:on|online))?", re.IGNORECASE)
_QUOTED = re.compile(r"[“\"][^”\"]{0,300}[”\"]")


def _document_date(
    kept: list[Labelled],
    part: list[Labelled],
    title: str,
    kind: str,
    citations: list[str],
    titles: list[Labelled] | None = None,
) -> dict[str, str] | None:
    """The document's own date (see the module's docstring for the order of evidence)."""
    first_body = next((i for i, b in enumerate(kept) if b.label in ("p", "item")), len(kept))
    dated_title = kind in _ARCHIVAL_KINDS and bool(title) and bool(first_date(title))
    for b in kept[:first_body]:
        if dated_title and titles and b.seg.start < titles[0].seg.start:
            continue  # a page's date over a dated document's title is the page's (a blog's post)
        if (b.label == "dateline" or b.opens == "entry") and (d := first_date(b.text)):
            return d  # a dateline; in a diary, its first entry's date
    found = date_from_fields(part)
    if found:
        return found
    if kind in _ARCHIVAL_KINDS and title and (d := first_date(title)):
        return d
    if kind in ("article", "blog"):
        for b in kept[:first_body]:
            if b.label == "byline" and (d := first_date(b.text)):
                return d  # "By NAME | March 29, 2013": the post's date
    if kind in ("article", "blog"):
        for b in part:
            if b.label in ("p", "item") and not b.aside:
                break
            if _PUBLISHED.match(b.one_line) and (d := first_date(b.one_line)):
                return d  # "Published on 15 January 2024 | doi...": the page's publication date
    if kind in ("article", "compilation", "other") and citations:
        for c in citations:
            # a year in the quoted title of a cited article is not the publication's
            if d := first_date(_QUOTED.sub("", c)):
                return d
    for b in kept[first_body:]:
        if b.label == "dateline" and (d := first_date(b.text)):
            return d
    return None


def _date_el(date: dict[str, str], resp: bool = False) -> etree._Element:
    el = E.date(date["text"])
    for att in ("when", "from", "to", "notBefore", "notAfter"):
        if date.get(att):
            el.set(att, date[att])
    if resp:
        el.set("resp", "#teiedit")
    return el


def _authors(kept: list[Labelled], part: list[Labelled]) -> list[str]:
    names: list[str] = []
    for b in part:
        f = field(b) if b.label in ("meta", "byline") else None
        if f is not None and f[0] in ("author", "authors", "author(s)", "by"):
            names.append(_NAME_MARKS.sub("", f[1]))
    fielded = bool(names)  # the page's author field names them: bylines of the text repeat it
    for b in kept:
        if fielded:
            break
        if b.label == "byline" and (posted := posted_line(b.one_line)):
            names += split_names(posted[1])
        elif b.label == "byline" and (prepared := prepared_by(b.one_line)) is not None:
            names.append(prepared)  # "Prepared by the Political Section, 2 May 1961": no date
        elif b.label == "byline" and field(b) is None and len(b.one_line) <= 160:
            # "By NAME | date | 3 Comments": the name is what stands before the first separator
            text = re.split(r"\s[|·•]\s|\s[|·•]$|^[|·•]\s", _BY.sub("", b.one_line) + " ")[0]
            names += split_names(_NAME_MARKS.sub("", text).strip())
    names += _contributors(kept)
    out: list[str] = []
    for n in names:
        if _NAME_LIKE.search(n) and n not in out:
            out.append(n)
    return out


_CONTRIBUTORS = re.compile(
    r"^(?:notes on contributors|about the authors?|contributors|the authors?)$", re.I
)


def _contributors(kept: list[Labelled]) -> list[str]:
    """Authors from a journal page's contributors section: a short name, then a biography opening
    with that name."""
    out: list[str] = []
    start = next((i for i, b in enumerate(kept) if _CONTRIBUTORS.match(b.one_line)), None)
    if start is None:
        return out
    for b, nxt in zip(kept[start + 1 :], kept[start + 2 :], strict=False):
        if len(b.one_line) <= 60 and nxt.one_line.startswith(b.one_line + " "):
            out.append(b.one_line)
    return out


#: A name has a capitalised word (or initials) in it: "&", "| 3 Comments" are no names.
_NAME_LIKE = re.compile(r"(?:^|\s)[A-ZÀ-Þ][\w’'.-]*[a-zà-ÿ.]")


def _correspondents(part: list[Labelled], title: str) -> Correspondents:
    corr = correspondents(title) if title else Correspondents()
    fields = header_correspondents(part)  # From/To fields, an address line, in any language
    corr.sender, corr.addressee = corr.sender or fields.sender, corr.addressee or fields.addressee
    kept = [b for b in part if not b.aside]
    if not corr.sender:
        signed = [b for b in kept if b.label == "signed"]
        bylines = [b for b in kept if b.label == "byline"]
        if signed:
            # "William Carver, Collector of Customs": the person, not the office after the name
            mark_free = _NAME_MARKS.sub("", signed[-1].one_line).strip("⟨⟩[]() ")
            corr.sender = signer_name(part) or correspondent(mark_free)
        elif bylines:
            corr.sender = _BY.sub("", bylines[0].one_line)
    if not corr.addressee:
        for b in kept:
            if b.label == "salute" and (m := _TO_LINE.match(b.one_line)):
                corr.addressee = m["name"].strip()
                break
    if not corr.addressee:
        # "Dear A. M.," names the addressee; "Dear Sir," and "Dear Comrades," do not
        for b in kept:
            if b.label == "salute" and (m := _DEAR.match(b.one_line)):
                words = m["name"].split()
                while words and words[0].lower().strip(".,") in _GENERIC_ADDRESS:
                    words.pop(0)  # "Dear Comrade Kim": the rank before the name
                corr.addressee = " ".join(words)
                break
    if not corr.addressee:
        corr.addressee = vocative([b for b in kept if b.label == "p"])
    return corr


_DEAR = re.compile(
    r"^\W*(?:my\s+)?(?:dear(?:est)?|esteemed|respected|honou?red)\s+(?P<name>[A-ZÀ-Þ][\w.'’ -]{0,50}?)"
    r"\s*[,:!]?\W*$",
    re.IGNORECASE,
)
#: Words of a salutation that address a rank, a group or a role, not a named person.
_GENERIC_ADDRESS = frozenset(
    "sir sirs madam madame gentlemen comrade comrades friend friends colleague colleagues mr mrs ms "
    "miss brother brothers ladies excellency president minister ambassador general".split()
)


def _agent(name: str) -> etree._Element:
    """A correspondent as a person (the name after a role: "Ambassador V. Ivanov") or an organisation."""
    person = personal_name(name)
    if person != name or not ORG_WORDS.search(name):
        return E.persName(person)
    return E.orgName(name)


def _corresp_desc(corr: Correspondents, date: dict[str, str] | None) -> etree._Element:
    sent = E.correspAction(_agent(corr.sender), type="sent")
    if date:
        sent.append(_date_el(date))
    return E.correspDesc(sent, E.correspAction(_agent(corr.addressee), type="received"))


def _report(
    conv: Conversion,
    doc_id: str,
    title: str,
    titles: list[Labelled],
    decision: KindDecision,
    date: dict[str, str] | None,
) -> None:
    conf = min((b.confidence for b in titles), default=0.0)
    line = titles[0].seg.line if titles else 0
    conv.decisions.append(
        f"{doc_id}: kind {decision.kind} ({decision.confidence:.2f}: {decision.reason}); "
        f"title {title[:80]!r} ({conf:.2f}); date "
        f"{(date or {}).get('when') or (date or {}).get('from') or 'none'}"
    )
    if titles and conf < LOW_CONFIDENCE:
        conv.diagnostics.append(
            low_confidence(
                f"title chosen with low confidence ({conf:.2f}): {title[:80]!r}",
                conv.source.filename,
                line,
            )
        )
    if not titles:
        conv.diagnostics.append(
            low_confidence(
                "no title found: the document is called 'Untitled'", conv.source.filename, 1
            )
        )
    if decision.confidence < LOW_CONFIDENCE:
        conv.diagnostics.append(
            low_confidence(
                f"kind '{decision.kind}' decided with low confidence ({decision.confidence:.2f}: "
                f"{decision.reason})",
                conv.source.filename,
                line or 1,
            )
        )


def low_confidence(message: str, path: str, line: int) -> Diagnostic:
    """A decision taken with little confidence, for the editor to check."""
    return Diagnostic(
        message=message,
        path=path,
        line=line,
        level=Level.WARNING,
        origin="reader",
        rule="low-confidence",
        suggestion="check it in the TEI and correct it by hand; `teiedit train` then learns from it",
    )
