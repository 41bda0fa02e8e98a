"""Accuracy and speed of language detection, on short texts and on whole converted documents.

Short texts: the sentences of benchmarks/eval/language/samples.tsv (written for this benchmark), the blocks of
the development corpus (../shared/corpora/plaintext-dev, labelled as standoff in plaintext-dev.json: file
hash and block numbers, no text) and, when the shared external TEI corpus is there, the paragraphs of its
German letters (German where the letter has no foreign passage; French and English passages from
``foreign[@xml:lang]``). Documents: every development source and the edition's sources converted by
teiedit, and one document per language of the samples; the figure is the share whose ``text/@xml:lang``
is right.

    PYTHONPATH=src python benchmarks/language.py [--compare] [--errors]

``--compare`` also runs the other detectors that are installed (lingua, langdetect, pycld2), for the record of
why py3langid was chosen; each is restricted to the same candidate languages where it can be.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import re
import sys
import time
from collections import Counter, defaultdict
from collections.abc import Callable
from pathlib import Path

from lxml import etree

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from teiedit.config import load_settings
from teiedit.document import XML_LANG
from teiedit.language import DEFAULT_CANDIDATES, detect
from teiedit.pipeline import ConvertOptions, convert_text, source_from_file
from teiedit.readers.base import Source

EVAL = ROOT / "benchmarks" / "eval" / "language"
SHARED = ROOT.parent / "shared" / "corpora"
DEV = SHARED / "plaintext-dev"
LETTERS = SHARED / "external-tei"
TEI = {"t": "http://www.tei-c.org/ns/1.0"}

Sample = tuple[str, str, str]  # language, text, origin


def _words(text: str) -> str:
    return " ".join(text.split())


def dev_blocks(text: str) -> list[str]:
    """The blocks the standoff labels count: stretches between blank lines with 15 characters or more."""
    return [b for b in (_words(x) for x in re.split(r"\n\s*\n", text)) if len(b) >= 15]


def samples() -> list[Sample]:
    found: list[Sample] = []
    for line in (EVAL / "samples.tsv").read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            lang, text = line.split("\t", 1)
            found.append((lang, text, "samples"))
    if DEV.is_dir():
        labels = json.loads((EVAL / "plaintext-dev.json").read_text(encoding="utf-8"))["files"]
        for name, lab in sorted(labels.items()):
            path = DEV / name
            if not path.is_file() or hashlib.sha256(path.read_bytes()).hexdigest() != lab["sha256"]:
                print(f"  (skipped {name}: missing or changed)")
                continue
            for i, block in enumerate(dev_blocks(path.read_text(encoding="utf-8"))):
                lang = lab.get("blocks", {}).get(str(i), lab["document"])
                if lang and sum(c.isalpha() for c in block) >= 10:
                    found.append((lang, block, "plaintext-dev"))
    for path in sorted(LETTERS.glob("**/data/editions/*.xml")) + sorted(
        LETTERS.glob("**/data/briefe/*.xml")
    ):
        tree = etree.parse(str(path))
        for p in tree.iterfind(".//t:body//t:p", TEI):
            text = _words("".join(p.itertext()))
            if len(text) >= 15 and p.find(".//t:foreign", TEI) is None:
                found.append(("de", text, "letters"))
        for fo in tree.iterfind(".//t:body//t:foreign", TEI):
            lang = {"fra": "fr", "eng": "en"}.get(fo.get(XML_LANG, ""), fo.get(XML_LANG, ""))
            text = _words("".join(fo.itertext()))
            if lang in ("fr", "en") and len(text) >= 15:
                found.append((lang, text, "letters"))
    return found


def detectors(compare: bool) -> dict[str, Callable[[], Callable[[str], str]]]:
    """Name -> a loader returning a function text -> ISO 639-1 code."""
    cands = list(DEFAULT_CANDIDATES)

    def ours() -> Callable[[str], str]:
        return lambda t: detect(t, cands).language

    found: dict[str, Callable[[], Callable[[str], str]]] = {"py3langid (teiedit)": ours}
    if not compare:
        return found

    def lingua() -> Callable[[str], str]:
        from lingua import IsoCode639_1, Language, LanguageDetectorBuilder

        langs = [
            Language.BOKMAL
            if c == "no"
            else Language.from_iso_code_639_1(getattr(IsoCode639_1, c.upper()))
            for c in cands
        ]
        det = LanguageDetectorBuilder.from_languages(*langs).build()

        def run(t: str) -> str:
            r = det.detect_language_of(t)
            code = r.iso_code_639_1.name.lower() if r else "?"
            return {"nb": "no", "nn": "no"}.get(code, code)

        return run

    def langdetect() -> Callable[[str], str]:
        from langdetect import DetectorFactory, detect_langs

        DetectorFactory.seed = 0

        def run(t: str) -> str:
            try:
                return next((r.lang for r in detect_langs(t) if r.lang in cands), "?")
            except Exception:
                return "?"

        return run

    def cld2() -> Callable[[str], str]:
        import pycld2

        return lambda t: {"nb": "no", "un": "?"}.get(d := pycld2.detect(t)[2][0][1], d)

    found.update({"lingua": lingua, "langdetect": langdetect, "pycld2": cld2})
    return found


def short_texts(data: list[Sample], compare: bool, errors: bool) -> None:
    origins = Counter(o for _, _, o in data)
    print(
        f"short texts: {len(data)} ({', '.join(f'{o} {n}' for o, n in sorted(origins.items()))}); "
        f"candidates: {' '.join(DEFAULT_CANDIDATES)}\n"
    )
    for name, loader in detectors(compare).items():
        c0 = time.process_time()
        try:
            run = loader()
            run("warm the model up")
        except ImportError:
            print(f"{name:<20} not installed")
            continue
        load = time.process_time() - c0
        by_lang: dict[str, Counter[bool]] = defaultdict(Counter)
        by_len: dict[str, Counter[bool]] = defaultdict(Counter)
        wrong: list[tuple[str, str, str]] = []
        c1 = time.process_time()
        for lang, text, _ in data:
            got = run(text)
            by_lang[lang][got == lang] += 1
            size = "<40" if len(text) < 40 else "40-119" if len(text) < 120 else ">=120"
            by_len[size][got == lang] += 1
            if got != lang:
                wrong.append((lang, got, text[:70]))
        per = (time.process_time() - c1) / len(data) * 1000
        right = sum(c[True] for c in by_lang.values())
        print(
            f"{name:<20} {right / len(data):.3f}  "
            + "  ".join(f"{k} {c[True]}/{c.total()}" for k, c in sorted(by_lang.items()))
            + "  | by length: "
            + "  ".join(f"{k} {c[True] / c.total():.3f}" for k, c in sorted(by_len.items()))
            + f"  | load {load:.2f} s, {per:.2f} ms per text (CPU)"
        )
        if errors:
            for lang, got, text in wrong:
                print(f"    {lang} -> {got}: {text}")


def documents(errors: bool) -> None:
    edition = load_settings(ROOT)
    cases: list[tuple[str, Source, str]] = []
    for path in sorted((ROOT / "sources").glob("*.txt")):
        cases.append(("en", source_from_file(path), "sources"))
    if DEV.is_dir():
        labels = json.loads((EVAL / "plaintext-dev.json").read_text(encoding="utf-8"))["files"]
        for name, lab in sorted(labels.items()):
            if lab["document"] and (DEV / name).is_file():
                cases.append((lab["document"], source_from_file(DEV / name), "plaintext-dev"))
    by_lang: dict[str, list[str]] = defaultdict(list)
    for line in (EVAL / "samples.tsv").read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            lang, text = line.split("\t", 1)
            by_lang[lang].append(text)
    for lang, texts in sorted(by_lang.items()):
        text = "\n\n".join(texts) + "\n"
        cases.append(
            (
                lang,
                Source(text=text, name=f"samples-{lang}", filename="x.txt", sha256=""),
                "samples",
            )
        )
    right: Counter[str] = Counter()
    total: Counter[str] = Counter()
    c0 = time.process_time()
    for lang, source, origin in cases:
        conversion, _, _ = convert_text(source, edition, ConvertOptions(passes=["language"]))
        for doc in conversion.documents:
            got = doc.root.find("{http://www.tei-c.org/ns/1.0}text").get(XML_LANG, "")
            total[origin] += 1
            right[origin] += got == lang
            if errors and got != lang:
                print(f"    {doc.name}: {lang} -> {got}")
    spent = time.process_time() - c0
    print(
        "\ndocuments with the right text/@xml:lang: "
        + ", ".join(f"{o} {right[o]}/{total[o]}" for o in sorted(total))
        + f"  ({spent:.1f} s CPU for reading and the language pass)"
    )


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--compare", action="store_true", help="also run other installed detectors")
    parser.add_argument("--errors", action="store_true", help="list every wrong guess")
    args = parser.parse_args()
    short_texts(samples(), args.compare, args.errors)
    documents(args.errors)


if __name__ == "__main__":
    main()
