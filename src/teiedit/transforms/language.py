"""DetectLanguage: the language of each document's text into ``text/@xml:lang`` and ``langUsage``.

The document's language is detected from its running text (``teiedit.language``); when the text is too
short or the model unsure, the edition's ``language`` setting stands. A block (paragraph, heading, note,
list item ...) written in another language than its document, such as a French abstract after an English
one, gets its own ``@xml:lang`` when it is long enough and the model is sure; every language found is listed
in ``langUsage`` with the share of the text it covers (``@usage``, per cent). Nothing else is changed.
"""

from __future__ import annotations

from collections import Counter

from lxml import etree

from teiedit.config import Settings
from teiedit.diagnostics import Diagnostic
from teiedit.document import XML_LANG, TeiDocument, tei, xpath
from teiedit.language import DEFAULT_CANDIDATES, NAMES, Guess, detect, letters
from teiedit.transforms import PassContext, register

#: Fewest letters, and lowest probability, for a document's language to be taken from its text.
DOC_LETTERS, DOC_CONFIDENCE = 40, 0.80
#: The same for a block to be marked as written in another language than its document.
BLOCK_LETTERS, BLOCK_WORDS, BLOCK_CONFIDENCE = 60, 8, 0.995
#: How much text is read to decide: a document's sample, and the blocks looked at one by one.
SAMPLE_CHARS, BLOCK_BUDGET = 20_000, 300_000
BLOCKS = ("p", "head", "ab", "item", "note", "quote", "l", "salute", "signed", "byline", "bibl")


def candidates(edition: Settings) -> tuple[str, ...]:
    """The languages the edition allows, its own first."""
    chosen = edition.language_candidates or DEFAULT_CANDIDATES
    return tuple(dict.fromkeys([edition.language, *chosen]))


def _blocks(text_el: etree._Element) -> list[tuple[etree._Element, str]]:
    """The outermost blocks of the text, in order, with their words (a note in a paragraph is read with it)."""
    wanted = {tei(n) for n in BLOCKS}
    found: list[tuple[etree._Element, str]] = []
    taken: set[etree._Element] = set()
    for el in text_el.iter(*wanted):
        if any(a in taken for a in el.iterancestors(*wanted)):
            continue
        taken.add(el)
        found.append((el, " ".join("".join(el.itertext()).split())))
    return found


def _sample(blocks: list[tuple[etree._Element, str]]) -> str:
    """Up to ``SAMPLE_CHARS`` of the text, from blocks spread over the whole document."""
    total = sum(len(t) for _, t in blocks)
    if total <= SAMPLE_CHARS:
        return " ".join(t for _, t in blocks)
    step = total / SAMPLE_CHARS
    picked: list[str] = []
    size = 0
    for i, (_, t) in enumerate(blocks):
        if size >= SAMPLE_CHARS:
            break
        if i % max(1, round(step)) == 0:
            picked.append(t[:2000])
            size += len(picked[-1])
    return " ".join(picked)


@register
class DetectLanguage:
    name = "language"

    def enabled(self, ctx: PassContext) -> bool:
        return ctx.options.get("language", True) is not False

    def __call__(self, doc: TeiDocument, ctx: PassContext) -> list[Diagnostic]:
        found = xpath(doc.root, "tei:text")
        if not found:
            return []
        text_el = found[0]
        langs = candidates(ctx.settings)
        blocks = _blocks(text_el)
        # Each block long enough is classified (within a budget); the document's language is the one most
        # of its classified letters are in, or, when the blocks decide nothing, that of a sample of the text.
        guesses: list[tuple[etree._Element, int, Guess | None]] = []
        votes: Counter[str] = Counter()
        budget = BLOCK_BUDGET
        for el, words in blocks:
            n = letters(words)
            guess = None
            if budget > 0 and n >= BLOCK_LETTERS and len(words.split()) >= BLOCK_WORDS:
                budget -= len(words)
                guess = detect(words, langs)
                if guess.confidence >= DOC_CONFIDENCE:
                    votes[guess.language] += n
            guesses.append((el, n, guess))
        if votes and votes.most_common(1)[0][1] * 2 > sum(votes.values()):
            language, how = votes.most_common(1)[0][0], "detected from the blocks"
        else:
            body = [b for b in blocks if b[0].tag != tei("note")] or blocks
            sample = detect(_sample(body), langs)
            sure = sample.letters >= DOC_LETTERS and sample.confidence >= DOC_CONFIDENCE
            language = sample.language if sure else ctx.settings.language
            how = "detected from the text" if sure else "edition setting (text too short or unsure)"
        text_el.set(XML_LANG, language)
        shares: Counter[str] = Counter()
        marked: Counter[str] = Counter()
        for el, n, guess in guesses:
            other = guess.language if guess else language
            if (
                guess is None
                or other == language
                or guess.confidence < BLOCK_CONFIDENCE
                or el.get(XML_LANG)  # the reader or an editor said it
            ):
                shares[el.get(XML_LANG) or language] += n
                continue
            el.set(XML_LANG, other)
            shares[other] += n
            marked[other] += 1
        _lang_usage(doc, language, shares)
        ctx.record(
            self.name,
            {
                "document": doc.name,
                "language": language,
                "decision": how,
                **({"blocks": dict(sorted(marked.items()))} if marked else {}),
            },
        )
        return []


def _lang_usage(doc: TeiDocument, language: str, shares: Counter[str]) -> None:
    """Put the text's languages first in ``langUsage``; keep what else it says (a translation's original)."""
    profile = xpath(doc.root, "tei:teiHeader/tei:profileDesc")
    if not profile:
        return
    usage = profile[0].find(tei("langUsage"))
    if usage is None:
        usage = etree.SubElement(profile[0], tei("langUsage"))
    root_lang = doc.root.get(XML_LANG, "")
    for el in usage.findall(tei("language")):
        # the reader's entry for the edition's language is replaced; other entries (the language of a
        # translated original) stay
        if el.get("ident") in shares or (
            el.get("ident") == root_lang and "(" not in (el.text or "")
        ):
            usage.remove(el)
    shares[language] += 0  # listed even when the text has no block (a title only)
    total = sum(shares.values())
    ranked = sorted(shares.items(), key=lambda kv: (kv[0] != language, -kv[1], kv[0]))
    for i, (code, n) in enumerate(ranked):
        if code != language and not n:
            continue
        el = etree.Element(tei("language"), ident=code)
        el.text = NAMES.get(code, code)
        if len([c for c, k in ranked if k]) > 1 and total:
            el.set("usage", str(round(100 * n / total)))
        usage.insert(i, el)
