"""Cue words of a letter's, memorandum's or telegram's header, in several languages, kept as data.

A header field is a cue and a value ("From: ...", "Betreff: ...", "Objet : ..."; a cable's "FM ..." and
"TO ..." without a colon); an address line names the addressee after a preposition and an honorific
("An Herrn Dr. X, Wien", "À Monsieur X"); an editor's comment after a document opens with its own cue
("Comment: ..."). Adding a language is adding its words here; the rules (``letter_head``) read only
these tables.
"""

from __future__ import annotations

import re

#: field -> the cue words that open it (lower case; matched before a colon).
FIELD_CUES: dict[str, tuple[str, ...]] = {
    "from": (
        "from",
        "fm",
        "sender",
        "von",
        "absender",
        "de",
        "expéditeur",
        "expediteur",
        "da",
        "van",
    ),
    "to": (
        "to",
        "addressee",
        "recipient",
        "an",
        "empfänger",
        "à",
        "a",
        "destinataire",
        "memorandum for",
        "memorandum to",
        "memo to",
        "memo for",
    ),
    "subject": ("subject", "subj", "re", "betreff", "betr", "objet", "sujet", "oggetto", "asunto"),
    "date": ("date", "dated", "datum", "fecha", "data"),
    "copy": ("info", "cc", "copy", "copies", "copy to", "kopie", "copie", "copie à", "verteiler"),
    "via": ("through", "thru", "via"),
    "enclosure": (
        "encl",
        "enc",
        "enclosure",
        "enclosures",
        "anlage",
        "anlagen",
        "beilage",
        "beilagen",
        "pièce jointe",
        "pièces jointes",
        "p.j",
        "allegato",
        "allegati",
        "anexo",
    ),
    "participants": (
        "participants",
        "present",
        "attendees",
        "teilnehmer",
        "anwesend",
        "présents",
        "presents",
    ),
}
#: Fields of a catalogue or web page's record of a document: a run of header lines with one of these is
#: the page's metadata about the letter (set aside as such), not the letter's own header.
RECORD_CUES = (
    "title",
    "author",
    "authors",
    "source",
    "url",
    "published",
    "publisher",
    "collection",
    "repository",
    "citation",
    "doi",
    "language",
    "keywords",
)
#: Words after a cable's addressee that route it, not name it ("SECSTATE WASHDC PRIORITY 1422").
PRECEDENCE = ("priority", "immediate", "niact", "routine", "flash", "operational immediate")

#: An honorific or an article after the preposition of an address line.
_HONORIFICS = (
    r"herrn?|frau|fräulein|familie|den|die|das|seine[rn]?|ihre[rn]?|"
    r"monsieur|madame|mademoiselle|messieurs|mme\.?|mlle\.?|m\.|son|sa|"
    r"the\s+hono(?:u)?rable|his|her|mr\.?|mrs\.?|ms\.?|miss|"
    r"signor[ea]?|sig\.(?:ra)?|señora?|sr\.|sra\."
)
#: "An Herrn Dr. Karl Weber, Wien", "À Monsieur Jules Martin, maire de Vienne": the addressee's line.
ADDRESS_LINE = re.compile(
    rf"^(?!.*[!?])\W{{0,2}}(?P<prep>an|à|a|to|al|alla)\s+(?P<hon>(?:{_HONORIFICS})\s+)(?P<name>[^,;:]{{2,80}}?)"
    r"\s*(?:[,;:]\s*(?P<rest>.{0,100}))?[.,]?$",
    re.IGNORECASE,
)
#: Titles and honorifics before a name that are not part of it ("Dr. Karl Weber" stays whole).
NAME_HONORIFICS = re.compile(
    r"^(?:(?:monsieur|madame|mademoiselle|herrn?|frau|fräulein|mr\.?|mrs\.?|ms\.?|miss|"
    r"the\s+hono(?:u)?rable|professor|prof\.|dr\.|doctor|docteur|maître|maitre)\s+)+",
    re.IGNORECASE,
)
#: Words naming an office, a rank or a unit, not a person ("Referat III", "Chief, Harbour Section", "The
#: Secretary"): a header's sender named only by these is an office (lower case; whole words).
OFFICE_WORDS = frozenset(
    (
        "secretary director chief head deputy assistant acting minister ambassador consul counsellor "
        "counselor chairman chairwoman chair president commissioner collector officer manager clerk "
        "registrar treasurer governor commander editor section division branch department office "
        "bureau unit desk staff ministry embassy legation committee board council secretariat "
        "directorate agency society association institute academy commission union government "
        "referat referent abteilung amt dienststelle leiter leiterin sekretär sekretärin direktor "
        "minister ministerium botschaft gesandtschaft konsulat ausschuss präsident vorsitzender "
        "kanzlei büro "
        "service bureau direction secrétaire secrétariat directeur chef ministère ambassade "
        "consulat comité président section "
        "ufficio segretario direttore ministero sezione servizio secretaría secretario director "
        "ministerio sección departamento"
    ).split()
)
#: Articles before an office ("The Secretary", "Der Leiter", "Le Directeur").
OFFICE_ARTICLES = frozenset("the der die das le la il lo el".split())


def office_part(value: str) -> bool:
    """Whether a piece of a correspondent's value (between commas) names an office or a unit ("The
    Secretary", "Referat III", "Director of Ports"), not a person."""
    words = [w for w in (w.strip(".,;:()").lower() for w in value.split()) if w]
    return bool(words) and (words[0] in OFFICE_ARTICLES or any(w in OFFICE_WORDS for w in words))


def office_only(value: str) -> bool:
    """Whether a correspondent's value names only offices or units, no person ("The Secretary",
    "Chief, Harbour Section"; not "Referat III, Dr. Hans Vogel")."""
    parts = [p for p in value.split(",") if p.strip()]
    return bool(parts) and all(office_part(p) for p in parts)


#: Words that open a salutation in languages other than English ("Lieber Friedrich,", "Chère Madame,");
#: English salutations have their own rules (``shape_rules``, ``neighbours``).
SALUTATION_WORDS = (
    "lieber",
    "liebe",
    "lieben",
    "sehr geehrter",
    "sehr geehrte",
    "sehr geehrten",
    "sehr verehrter",
    "sehr verehrte",
    "verehrter",
    "verehrte",
    "werter",
    "werte",
    "cher",
    "chère",
    "chers",
    "chères",
    "monsieur",
    "madame",
    "mademoiselle",
    "messieurs",
    "caro",
    "cara",
    "cari",
    "egregio",
    "gentile",
    "querido",
    "querida",
    "estimado",
    "estimada",
)
#: The words that name a document's kind at its title's start ("Brief an den Stadtrat ...", "Lettre au
#: maire ...") or alone on its top line ("Aktennotiz", "TÉLÉGRAMME"), by the kind teiedit records.
KIND_WORDS: dict[str, tuple[str, ...]] = {
    "letter": (
        "letter",
        "brief",
        "schreiben",
        "lettre",
        "carta",
        "lettera",
        "circular",
        "circulaire",
    ),
    "memorandum": (
        "memorandum",
        "memo",
        "aktennotiz",
        "notiz",
        "vermerk",
        "aufzeichnung",
        "mémorandum",
        "note verbale",
        "compte rendu",
        "appunto",
    ),
    "telegram": (
        "telegram",
        "telegramm",
        "télégramme",
        "telegrama",
        "telegramma",
        "cable",
        "dépêche",
    ),
}
#: The possessive that ends a closing formula before the signer's name ("Ihr Otto Keller", "Votre
#: dévoué Jean", "Yours John Smith").
CLOSING_POSSESSIVES = (
    "ihr",
    "ihre",
    "dein",
    "deine",
    "euer",
    "eure",
    "votre",
    "vos",
    "ton",
    "ta",
    "vostro",
    "vostra",
    "tuo",
    "tua",
    "yours",
    "your",
)
#: An editor's comment after a document ("Comment: ...", "Editor's comment: ...", "Kommentar: ...").
COMMENT = re.compile(
    r"^\W{0,2}(?:editor(?:ial)?['’]?s?\s+)?(?:comment|kommentar|anmerkung|commentaire|"
    r"commento|comentario)\s*:\s*\S",
    re.IGNORECASE,
)


def _alternatives(words: tuple[str, ...]) -> str:
    # longest first, so that "memorandum for" is tried before a shorter cue it starts with
    return "|".join(
        re.escape(w).replace(r"\ ", r"\s+") for w in sorted(words, key=len, reverse=True)
    )


#: A salutation glued to the paragraph after it: the salutation (a few words up to its comma or "!").
GLUED_SALUTATION = re.compile(
    rf"^(?:{_alternatives(SALUTATION_WORDS)})\b"
    r"(?:\s+[^\s.:;!?,]+){0,5}\s*[,!](?P<sp>\s+)(?=\S)",
    re.IGNORECASE,
)
#: The one-word field cues as a line's start writes them (capitalised, or in capitals; a one-letter cue
#: only when it is no English letter): where a run-on capture's lost header lines started.
LETTER_FIELD_WORDS = "|".join(
    re.escape(form)
    for word in sorted({w for ws in FIELD_CUES.values() for w in ws}, key=len, reverse=True)
    if " " not in word and (len(word) > 1 or not word.isascii())
    for form in (word[:1].upper() + word[1:], word.upper())
)
#: A closing formula run into its signature: the name after the formula's possessive (and up to two
#: words after it: "your obedient servant, J. Thorne").
SIGNED_AFTER_CLOSE = re.compile(
    rf"\b(?i:{_alternatives(CLOSING_POSSESSIVES)})(?:\s+[a-zà-ÿ]+){{0,2}},?(?P<sp>\s+)"
    r"(?P<name>[A-ZÀ-Þ][\w’'.-]*(?:\s+(?:[A-ZÀ-Þ][\w’'.-]*|de|von|van|le|la)){0,3})\.?$"
)
#: A title naming the kind of a piece of correspondence.
_KIND_OF_WORD = {w: kind for kind, words in KIND_WORDS.items() for w in words}
KIND_TITLE = re.compile(rf"^\W{{0,2}}(?:{_alternatives(tuple(_KIND_OF_WORD))})\b", re.IGNORECASE)
_KIND_LINE = re.compile(rf"^\W{{0,2}}(?P<word>{_alternatives(tuple(_KIND_OF_WORD))})\W*$", re.I)


def kind_line(line: str) -> str:
    """The kind a line of nothing but a kind's name says ("Aktennotiz" -> memorandum), or ""."""
    m = _KIND_LINE.match(" ".join(line.split()))
    return _KIND_OF_WORD.get(" ".join(m["word"].lower().split()), "") if m else ""


_ALL_CUES = {w: name for name, words in FIELD_CUES.items() for w in words}
#: "Cue: value" (any case; a French space before the colon).
FIELD_LINE = re.compile(
    rf"^\W{{0,2}}(?P<cue>{_alternatives(tuple(_ALL_CUES))})\.?\s*:\s*(?P<value>\S.*)?$",
    re.IGNORECASE | re.DOTALL,
)
#: A letter's foot field in lower case ("cc: ...", "encl.: ..."): a line of its own even where a lower-case
#: start would continue the line before (segment.py). Only these: other cues in lower case ("to:", "a:",
#: "re:") open running text too often, and cutting there changed the blocks the labeller learns from.
FOOT_LINE = re.compile(
    rf"^\W{{0,2}}(?:{_alternatives((*FIELD_CUES['copy'], *FIELD_CUES['enclosure']))})\.?\s*:\s*\S",
    re.IGNORECASE,
)
#: A record's field ("Title: ...").
RECORD_LINE = re.compile(rf"^\W{{0,2}}(?:{_alternatives(RECORD_CUES)})\s*:", re.IGNORECASE)
#: A cable's header line in capitals without a colon ("FM AMEMBASSY OSLO", "TO SECSTATE WASHDC").
CABLE_LINE = re.compile(r"^(?P<cue>FM|FROM|TO|INFO|CC|DATE|SUBJ|SUBJECT)\s+(?P<value>[A-Z0-9].*)$")
#: "MEMORANDUM FOR THE SECRETARY" / "Memorandum to all staff": the addressee in the kind line.
MEMO_FOR = re.compile(
    r"^\W{0,2}(?:memorandum|memo)\s+(?:for|to)\s*:?\s+(?P<value>\S.{1,150})$", re.IGNORECASE
)
_PRECEDENCE = re.compile(rf"\s+(?:{_alternatives(PRECEDENCE)})\b.*$|\s+\d{{2,6}}$", re.IGNORECASE)


def field_of(line: str) -> tuple[str, str] | None:
    """The header field a line is (its name in ``FIELD_CUES`` and its value, empty when the value is
    on the next line), or None."""
    text = " ".join(line.split())
    if len(text) > 300:
        return None
    if m := MEMO_FOR.match(text):
        return "to", m["value"].strip()
    if m := FIELD_LINE.match(text):
        return _ALL_CUES[_cue_key(m["cue"])], (m["value"] or "").strip()
    if (m := CABLE_LINE.match(text)) and text.upper() == text:
        cue = m["cue"].lower()
        name = {"fm": "from", "subj": "subject", "cc": "copy", "info": "copy"}.get(cue, cue)
        return name, m["value"].strip()
    return None


def _cue_key(cue: str) -> str:
    return " ".join(cue.lower().split())


def routed_name(value: str) -> str:
    """A correspondent's name without a cable's routing words ("SECSTATE WASHDC PRIORITY 1422")."""
    return _PRECEDENCE.sub("", value.strip()).strip(" .,;")
