#!/usr/bin/env python3
"""Hyphen splits on a corpus: how many words the repair pass joins, and which splits it keeps.

Usage: python benchmarks/hyphens.py [CORPUS] [--show] [--pdf-wrap]

Every ``*.txt`` of CORPUS (default: the shared development corpus) is converted with the normal pipeline.
Printed: the joins of the repair pass by kind (across a line break, across a hyphen and a space inside a
line, in the header's copies of the source: titles, abstract, source description) and by certainty, and
the splits of the form ``word- word`` that stay in the converted text (kept: compounds, suspended hyphens,
names). ``--show`` lists every join and every kept split, to be checked by eye.

``--pdf-wrap`` converts each source as ``variants.py``'s pdf-wrap variant makes it (lines wrapped at 70
columns, words split by a hyphen at line ends and by a hyphen and a space inside lines) and scores the
splits that variant made (a split whose joined word is a word of the source): joined, left split, and
joins of splits it did not make.
"""

from __future__ import annotations

import argparse
import importlib.util
import re
import sys
from collections import Counter
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path[:] = [p for p in sys.path if Path(p or ".").resolve() != Path(__file__).resolve().parent]
sys.path.insert(0, str(REPO / "src"))

from lxml import etree  # noqa: E402

from teiedit.config import default_settings  # noqa: E402
from teiedit.document import TEI_NS, slugify  # noqa: E402
from teiedit.io import decode_source  # noqa: E402
from teiedit.pipeline import ConvertOptions, convert_text  # noqa: E402
from teiedit.readers import Source  # noqa: E402
from teiedit.repair.hyphenation import METHOD_SPACE  # noqa: E402

DEFAULT_CORPUS = REPO / ".." / "shared" / "corpora" / "plaintext-dev"
#: A split of the pdf-wrap variant: a word, a hyphen, white space (a line end or a space), a word.
_SPLIT = re.compile(r"(?<![\w-])([^\W\d_]+)-\s+([^\W\d_]+)")


def _variants() -> object:
    """benchmarks/variants.py, loaded as a module (it makes the pdf-wrap variant)."""
    spec = importlib.util.spec_from_file_location(
        "variants", Path(__file__).with_name("variants.py")
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["variants"] = module
    spec.loader.exec_module(module)
    return module


def _made_splits(original: str, wrapped: str) -> Counter[str]:
    """The splits of ``wrapped`` (white space folded) that the variant made: their joined form is a word of
    ``original`` and the split is not in it."""
    words = set(re.findall(r"[^\W\d_]+", original))
    flat = " ".join(original.split())
    made: Counter[str] = Counter()
    for m in _SPLIT.finditer(wrapped):
        split = f"{m[1]}- {m[2]}"
        if m[1] + m[2] in words and split not in flat:
            made[split] += 1
    return made


#: A split left in the converted text: a word, a hyphen, white space on the same line, a word.
_KEPT = re.compile(r"(?<![\w-])[^\W\d_]+-[ \t]+[^\W\d_]+")


def _corrected(el: etree._Element) -> str:
    """The text under ``el`` as the edition reads it: every ``sic`` left out (its ``corr`` stands)."""
    copy = etree.fromstring(etree.tostring(el))
    for sic in copy.iter(f"{{{TEI_NS}}}sic"):
        sic.text = None
        for child in sic:
            sic.remove(child)
    return "".join(copy.itertext())


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("corpus", nargs="?", type=Path, default=DEFAULT_CORPUS)
    ap.add_argument("--show", action="store_true", help="list every join and every kept split")
    ap.add_argument("--pdf-wrap", action="store_true", help="score the pdf-wrap variant's splits")
    args = ap.parse_args()
    files = sorted(args.corpus.glob("*.txt"))
    if not files:
        print(f"{args.corpus}: no *.txt files", file=sys.stderr)
        return 2
    settings = default_settings(REPO)
    kinds: Counter[str] = Counter()
    certs: Counter[str] = Counter()
    kept_total = 0
    made_total = joined_made = joined_other = 0
    variants = _variants() if args.pdf_wrap else None
    for path in files:
        decoded = decode_source(path.read_bytes(), path)
        text = decoded.text
        made: Counter[str] = Counter()
        if variants is not None:
            rng = variants._rng(path.name, "pdf-wrap")  # type: ignore[attr-defined]
            text = variants.pdf_wrap(decoded.text, rng)  # type: ignore[attr-defined]
            made = _made_splits(decoded.text, text)
            made_total += sum(made.values())
        source = Source(
            text=text,
            name=slugify(path.stem),
            filename=path.name,
            sha256=decoded.sha256,
            encoding_decision=decoded.decision,
        )
        conv, _diags, records = convert_text(source, settings, ConvertOptions())
        joins = [r for r in records.get("repair", []) if r.get("type") == "hyphenation"]
        for r in joins:
            if variants is not None and not r.get("where"):
                split = " ".join(str(r["original"]).split())
                if made[split] > 0:
                    made[split] -= 1
                    joined_made += 1
                else:
                    joined_other += 1
                    print(f"{path.name[:40]:<40} join of the source's own split: {r['original']!r}")
            kind = (
                "header copies"
                if r.get("where")
                else "hyphen and space"
                if r.get("method") == METHOD_SPACE
                else "line or block break"
            )
            kinds[kind] += 1
            certs[str(r.get("cert"))] += 1
            if args.show:
                print(
                    f"{path.name[:40]:<40} join  {kind:<20} {r['original']!r} -> {r['reading']!r}"
                )
        if args.show:
            for split in made.elements():
                print(f"{path.name[:40]:<40} left  {split!r} (made by pdf-wrap)")
        for doc in conv.documents:
            text_el = doc.root.find(f"{{{TEI_NS}}}text")
            kept = _KEPT.findall(_corrected(text_el)) if text_el is not None else []
            kept_total += len(kept)
            if args.show:
                for k in kept:
                    print(f"{path.name[:40]:<40} kept  {k!r}")
    print(f"files converted: {len(files)}")
    for kind in ("line or block break", "hyphen and space", "header copies"):
        print(f"joins, {kind:<22} {kinds[kind]:>5}")
    print("joins by cert:           " + ", ".join(f"{c} {n}" for c, n in sorted(certs.items())))
    print(f"splits kept in the text: {kept_total:>5}")
    if variants is not None:
        share = 100 * joined_made / made_total if made_total else 0.0
        print(f"pdf-wrap splits made:    {made_total:>5}")
        print(f"  joined:                {joined_made:>5}  ({share:.1f} %)")
        print(f"  joins of the sources' own: {joined_other:>3}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
