#!/usr/bin/env python3
"""Score conversion on synthetic variants of the development corpus: layouts teiedit was not tuned on.

Usage: python benchmarks/variants.py [CORPUS] [--loho-models DIR] [--model PATH] [--only PREFIX]
       [--variant NAME ...] [--show-misses NAME]

Every source of CORPUS (default: the shared development corpus) is converted as it is and in each of
these variants, made here by code at run time from the source's text (no copy of the text is stored),
deterministically (a fixed seed per file):

- ``single-newlines``: every blank line between paragraphs removed (one newline between them);
- ``run-on``: the whole capture on one line (every line end a space);
- ``pdf-wrap``: every line longer than 70 columns wrapped at 70 as a PDF re-extraction does (short
  lines keep their own line), with words split by a hyphen at line ends ("inter-" / "national") and,
  inside lines, "inter- national" (a line end the extraction turned into a space);
- ``crlf``: Windows line ends;
- ``truncated``: the capture cut at 60 % of its characters (mid-word, as a failed download is);
- ``furniture``: the site furniture lines of the top and bottom (the gold's boilerplate strings that are
  whole lines there) shuffled, some of them twice, with common site furniture lines of other sites
  (menus, "Skip to content", sharing and cookie lines) mixed in;
- ``page-heads``: a running head and a page number every ~40 lines (or ~2,500 characters), as a PDF
  page's header, alternating "117   SHORT TITLE" and "JOURNAL NAME   118", a head at the very top too.

Fields scored per variant (those of ``structure.py``, where they still apply):

- all fields, for every variant but ``truncated``; the furniture lines added by ``furniture`` are scored
  as boilerplate too (they must be set aside, not kept in the text);
- ``truncated``: kind, title, date, sender, addressee, author, body_first; citation, summary and salute
  where the gold string lies in the kept 60 %; boilerplate over the gold strings in the kept part. Not
  documents, body_last, closer_or_signature or notes (the cut drops them).

``page-heads`` also counts the inserted running heads left inside a paragraph's text (they belong in
``fw`` or in the set-aside list). With ``--loho-models DIR`` (the folder ``structure.py --loho
--loho-models DIR`` fills) each file is converted with the labeller trained without its host: the figure
of generalisation; otherwise the shipped model (trained on these files: an upper bound).
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import random
import re
import sys
import textwrap
import zlib
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
_spec = importlib.util.spec_from_file_location(
    "structure", Path(__file__).with_name("structure.py")
)
assert _spec is not None and _spec.loader is not None
structure = importlib.util.module_from_spec(_spec)
sys.modules["structure"] = structure  # its dataclasses look their module up
_spec.loader.exec_module(structure)

from teiedit.config import default_settings  # noqa: E402  (structure.py put src/ on the path)
from teiedit.decode import decode_source  # noqa: E402
from teiedit.document import slugify  # noqa: E402
from teiedit.pipeline import ConvertOptions, convert_text  # noqa: E402
from teiedit.readers import Conversion, Source  # noqa: E402

VARIANTS = (
    "single-newlines",
    "run-on",
    "pdf-wrap",
    "crlf",
    "truncated",
    "furniture",
    "page-heads",
)
SEED = 20261207
#: Site furniture of other sites (written here, common on the web), mixed into ``furniture``.
GENERIC_FURNITURE = (
    "Skip to main content",
    "Menu",
    "Search",
    "Home | About | Contact",
    "Share this page",
    "Print this page",
    "Back to top",
    "Subscribe to our newsletter",
    "Accept cookies",
    "Log in | Register",
)
TRUNCATED_DROPS = ("documents", "body_last", "closer_or_signature", "notes")
_BLANKS = re.compile(r"\n[ \t]*\n(?:[ \t]*\n)*")
_WORD = re.compile(r"[A-Za-z]{8,}")


def _rng(name: str, variant: str) -> random.Random:
    return random.Random(SEED ^ zlib.crc32(f"{name}#{variant}".encode()))


def single_newlines(text: str) -> str:
    return _BLANKS.sub("\n", text)


def run_on(text: str) -> str:
    return " ".join(line.strip() for line in text.splitlines() if line.strip())


def _split_word(word: str, rng: random.Random) -> tuple[str, str]:
    cut = rng.randint(3, len(word) - 3)
    return word[:cut] + "-", word[cut:]


def pdf_wrap(text: str, rng: random.Random) -> str:
    """Lines longer than 70 columns wrapped at 70, as a PDF page sets them (short lines, a salutation, a
    field of the header, keep their own line, as the extraction keeps them); about one line end in
    four splits a long word with a hyphen, and about one long word in thirty inside a wrapped line is
    written "inter- national"."""
    out: list[str] = []
    for source_line in text.split("\n"):
        if len(source_line) <= 70:
            out.append(source_line)
            continue
        inline: list[str] = []
        for w in source_line.split():
            if _WORD.fullmatch(w) and rng.random() < 1 / 30:
                a, b = _split_word(w, rng)
                inline.append(f"{a} {b}")
            else:
                inline.append(w)
        lines = textwrap.wrap(" ".join(inline), 70, break_long_words=False, break_on_hyphens=False)
        for i, line in enumerate(lines):
            if i + 1 < len(lines) and rng.random() < 0.25:
                nxt = lines[i + 1].split(" ", 1)
                if _WORD.fullmatch(nxt[0]):
                    a, b = _split_word(nxt[0], rng)
                    line = f"{line} {a}"
                    lines[i + 1] = " ".join([b, *nxt[1:]])
            out.append(line)
    return "\n".join(out)


def truncated(text: str) -> str:
    return text[: int(len(text) * 0.6)]


def _furniture_lines(text: str, gold: dict) -> set[int]:
    """Indexes of the lines in the top and bottom fifth that are a gold boilerplate string, whole."""
    lines = text.split("\n")
    wanted = {structure.ws(b) for b in gold.get("boilerplate", [])}
    edge = max(3, len(lines) // 5)
    return {
        i
        for i, line in enumerate(lines)
        if (i < edge or i >= len(lines) - edge) and structure.ws(line) in wanted
    }


def furniture(text: str, gold: dict, rng: random.Random) -> tuple[str, list[str]]:
    """The furniture lines of the top and bottom shuffled (some twice) with generic ones mixed in;
    returns the text and the generic lines added (scored as boilerplate)."""
    lines = text.split("\n")
    found = _furniture_lines(text, gold)
    half = len(lines) / 2
    top = [lines[i] for i in sorted(found) if i < half]
    bottom = [lines[i] for i in sorted(found) if i >= half]
    rest = [line for i, line in enumerate(lines) if i not in found]
    added = rng.sample(GENERIC_FURNITURE, 4)
    top = top + added[:2] + rng.sample(top, min(1, len(top)))
    bottom = bottom + added[2:] + rng.sample(bottom or top, min(1, len(bottom or top)))
    rng.shuffle(top)
    rng.shuffle(bottom)
    return "\n".join([*top, "", *rest, "", *bottom]) + "\n", added


def page_heads(text: str, gold: dict, rng: random.Random) -> tuple[str, list[str]]:
    """A running head and page number at the top and every ~40 lines or ~2,500 characters."""
    title = gold["title"] if gold.get("title_in_source", True) else "Documents and Records"
    short = " ".join(title.split()[:6]).upper()
    journal = "JOURNAL OF HISTORICAL DOCUMENTS"
    page = rng.randint(20, 400)
    heads: list[str] = []

    def head() -> str:
        nonlocal page
        line = f"{page}   {short}" if page % 2 == 0 else f"{journal}   {page}"
        heads.append(line)
        page += 1
        return line

    out = [head()]
    lines_since = chars_since = 0
    limit = rng.randint(35, 45)
    for line in text.split("\n"):
        out.append(line)
        lines_since += 1
        chars_since += len(line)
        if lines_since >= limit or chars_since >= 2500:
            out.append(head())
            lines_since = chars_since = 0
            limit = rng.randint(35, 45)
    return "\n".join(out), heads


def make_variant(name: str, variant: str, text: str, gold: dict) -> tuple[str, dict, list[str]]:
    """The variant's text, the gold to score it against, and inserted page heads (if any)."""
    rng = _rng(name, variant)
    gold = dict(gold)
    heads: list[str] = []
    if variant == "single-newlines":
        text = single_newlines(text)
    elif variant == "run-on":
        text = run_on(text)
    elif variant == "pdf-wrap":
        text = pdf_wrap(text, rng)
    elif variant == "crlf":
        text = text.replace("\n", "\r\n")
    elif variant == "truncated":
        text = truncated(text)
        kept = structure.alnum(text)
        for key in ("citation", "summary_start", "salute"):
            if gold.get(key) and structure.alnum(gold[key]) not in kept:
                gold[key] = None
                if key == "summary_start":
                    gold["summary"] = None  # not scored (None, unlike False, asks for nothing)
        gold["boilerplate"] = [b for b in gold["boilerplate"] if structure.alnum(b) in kept]
        gold["body_last"] = gold["closer_or_signature"] = None
    elif variant == "furniture":
        text, added = furniture(text, gold, rng)
        gold["boilerplate"] = [*gold["boilerplate"], *added]
    elif variant == "page-heads":
        text, heads = page_heads(text, gold, rng)
    elif variant != "original":
        raise ValueError(variant)
    return text, gold, heads


def convert(name: str, text: str, model: Path | None) -> Conversion:
    decoded = decode_source(text.encode("utf-8"), name)
    source = Source(
        text=decoded.text,
        name=slugify(Path(name).stem),
        filename=name,
        sha256=decoded.sha256,
        encoding_decision=decoded.decision,
    )
    conv, _, _ = convert_text(source, default_settings(REPO), ConvertOptions(model=model))
    return conv


def heads_in_text(conv: Conversion, heads: list[str]) -> int:
    """How many inserted running heads stand inside a paragraph-like element of a document."""
    texts = []
    for d in conv.documents:
        main, aside = structure.paragraphs(d.root)
        texts.extend(structure.alnum(t) for t in main + aside)
    return sum(1 for h in heads if any(structure.alnum(h) in t for t in texts))


def score(
    corpus: Path,
    names: list[str],
    gold: dict,
    variant: str,
    model_for: Callable[[str], Path | None],
) -> tuple[list[structure.FileScore], int, int]:
    host_of = structure.hosts(corpus)
    scores = []
    heads_left = heads_total = 0
    for name in names:
        raw = decode_source((corpus / name).read_bytes(), corpus / name).text
        text, g, heads = make_variant(name, variant, raw, gold[name])
        host = host_of.get(name, "?")
        try:
            conv = convert(name, text, model_for(host))
        except Exception as exc:  # a crash is a miss on every field, and is shown
            fs = structure.FileScore(name=name, host=host, error=f"{type(exc).__name__}: {exc}")
            for key in structure.FIELDS:
                fs.fields[key] = structure.Outcome(False, "?", fs.error)
            scores.append(fs)
            continue
        fs = structure.score_file(name, g, conv, host)
        if variant == "truncated":
            for key in TRUNCATED_DROPS:
                fs.fields.pop(key, None)
            if g.get("summary") is None:
                fs.fields.pop("summary", None)
            if not g["boilerplate"]:
                fs.fields.pop("boilerplate", None)
        heads_total += len(heads)
        heads_left += heads_in_text(conv, heads)
        scores.append(fs)
    return scores, heads_left, heads_total


def table(results: dict[str, list[structure.FileScore]]) -> None:
    cols = list(results)
    width = max(9, *(len(c) + 1 for c in cols))
    print(f"{'field':<20}" + "".join(f"{c:>{width}}" for c in cols))
    rows = [*structure.FIELDS, "overall"]
    for key in rows:
        cells = []
        for c in cols:
            oks = [
                o.ok
                for fs in results[c]
                for k, o in fs.fields.items()
                if k == key or key == "overall"
            ]
            cells.append(f"{100 * sum(oks) / len(oks):.1f}" if oks else "-")
        print(f"{key:<20}" + "".join(f"{x:>{width}}" for x in cells))
    counts = []
    for c in cols:
        n = sum(len(fs.fields) for fs in results[c])
        counts.append(str(n))
    print(f"{'(fields scored)':<20}" + "".join(f"{x:>{width}}" for x in counts))
    left = [str(sum(len(fs.furniture_in_text) for fs in results[c])) for c in cols]
    print(f"{'furniture in text':<20}" + "".join(f"{x:>{width}}" for x in left))
    crashed = [str(sum(1 for fs in results[c] if fs.error)) for c in cols]
    print(f"{'failed conversions':<20}" + "".join(f"{x:>{width}}" for x in crashed))


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("corpus", nargs="?", type=Path, default=structure.DEFAULT_CORPUS)
    ap.add_argument("--model", type=Path, help="a labeller model file instead of the shipped one")
    ap.add_argument(
        "--loho-models",
        type=Path,
        help="the leave-one-host-out models of structure.py --loho --loho-models DIR (trained here "
        "for the hosts missing)",
    )
    ap.add_argument("--only", default="", help="score only files whose name starts with this")
    ap.add_argument("--variant", action="append", choices=VARIANTS, help="only these variants")
    ap.add_argument("--show-misses", default="", help="list the misses of this variant")
    args = ap.parse_args()
    corpus = args.corpus.resolve()
    gold = json.loads((corpus / "gold.json").read_text(encoding="utf-8"))
    names = sorted(n for n in gold if n.startswith(args.only))
    if args.loho_models:
        args.loho_models.mkdir(parents=True, exist_ok=True)
        model_for = structure.loho_models(corpus, sorted(gold), args.loho_models)
        label = "leave-one-host-out models"
    else:
        model_for = lambda _h: args.model  # noqa: E731
        label = str(args.model) if args.model else "shipped model"
    results: dict[str, list[structure.FileScore]] = {}
    heads: dict[str, tuple[int, int]] = defaultdict(lambda: (0, 0))
    for variant in ["original", *(args.variant or VARIANTS)]:
        results[variant], left, total = score(corpus, names, gold, variant, model_for)
        heads[variant] = (left, total)
    print(f"== variants of {len(names)} files ({label}); per cent right per field")
    table(results)
    if "page-heads" in heads:
        left, total = heads["page-heads"]
        print(f"page-heads: running heads left inside a paragraph: {left} of {total}")
    if args.show_misses:
        structure.report(results[args.show_misses], True, f"misses of {args.show_misses}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
