"""Quality and speed of the entity and date passes.

Quality: the hand-annotated dev set in benchmarks/eval/entities/*.xml (see its README) is stripped of its
annotations, marked again by the passes with the edition's registers (tei/registers/), and compared:
precision, recall and F1 per type, counting a mention as found when element, span and link (@ref, or the
date's ISO attributes) all agree; in brackets the same for span and element only. Then the share of the
mentions of each person that carry that person's @ref.

Speed: the five sources' text, repeated to 10 MB, in one TEI document, marked by both passes; wall-clock
and CPU time (on a shared machine the CPU time is the fairer figure).

    PYTHONPATH=src python benchmarks/entities.py [--verbose] [--mb 10]
"""

from __future__ import annotations

import argparse
import sys
import time
from collections import Counter, defaultdict
from pathlib import Path
from xml.sax.saxutils import escape

from lxml import etree

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from teiedit.config import Settings
from teiedit.document import NSMAP, TEI_NS, TeiDocument, local_name
from teiedit.entities.wrap import unwrap
from teiedit.io import parse_xml_bytes, read_text
from teiedit.transforms import PassContext, run_passes

EVAL = ROOT / "benchmarks" / "eval" / "entities"
TYPES = ("persName", "placeName", "orgName", "date")
DATE_ATTRS = ("when", "from", "to", "notBefore", "notAfter")

Mention = tuple[int, int, int, str, str]  # paragraph, start, end, element, link


def mentions(p: etree._Element, index: int) -> tuple[str, list[Mention]]:
    """The text of a paragraph and its entity and date elements as (paragraph, start, end, element, link)."""
    parts: list[str] = []
    found: list[Mention] = []

    def walk(el: etree._Element) -> None:
        start = sum(map(len, parts))
        if el.text:
            parts.append(el.text)
        for child in el:
            if isinstance(child.tag, str):
                walk(child)
            if child.tail:
                parts.append(child.tail)
        name = local_name(el)
        if name in TYPES and el is not p:
            link = (
                el.get("ref", "")
                if name != "date"
                else " ".join(f"{a}={el.get(a)}" for a in DATE_ATTRS if el.get(a))
            )
            found.append((index, start, sum(map(len, parts)), name, link))

    walk(p)
    return "".join(parts), found


def paragraphs(doc: TeiDocument) -> list[etree._Element]:
    return doc.root.xpath("//tei:body//tei:p", namespaces=NSMAP)


def group(path: Path) -> str:
    """Which part of the dev set a file belongs to: passages of the sources, or synthetic passages."""
    return "new" if path.stem.startswith("synthetic-") else "old"


def table(gold: list[Mention], pred: list[Mention], title: str) -> None:
    """Precision, recall and F1 per type (element, span and link), and for span and element only."""
    print(f"{title}: {len(gold)} annotated mentions")
    print(
        f"{'type':<10} {'gold':>5} {'found':>6} {'P':>6} {'R':>6} {'F1':>6}   (span only: P / R / F1)"
    )
    g_set, p_set = set(gold), set(pred)
    g_span = {m[:4] for m in gold}
    p_span = {m[:4] for m in pred}
    for typ in TYPES:
        g = {m for m in g_set if m[3] == typ}
        p = {m for m in p_set if m[3] == typ}
        gs = {m for m in g_span if m[3] == typ}
        ps = {m for m in p_span if m[3] == typ}
        pr, rc, f1 = _prf(len(g & p), len(p), len(g))
        spr, src, sf1 = _prf(len(gs & ps), len(ps), len(gs))
        print(
            f"{typ:<10} {len(g):>5} {len(p):>6} {pr:6.3f} {rc:6.3f} {f1:6.3f}   ({spr:.3f} / {src:.3f} / {sf1:.3f})"
        )
    print()


def evaluate(verbose: bool) -> None:
    edition = Settings(root=ROOT, registers=ROOT / "tei" / "registers")
    gold: list[Mention] = []
    pred: list[Mention] = []
    texts: dict[tuple[str, int], str] = {}
    groups: dict[int, str] = {}  # paragraph -> old | new
    certs: Counter[str] = Counter()
    offset = 0
    files = sorted(EVAL.glob("*.xml"))
    for f in files:
        gold_doc = TeiDocument(tree=parse_xml_bytes(f.read_bytes(), f), name=f.stem)
        test_doc = TeiDocument(tree=parse_xml_bytes(f.read_bytes(), f), name=f.stem)
        for text_el in test_doc.root.iter(f"{{{TEI_NS}}}text"):
            for el in list(text_el.iter(*(f"{{{TEI_NS}}}{t}" for t in TYPES))):
                unwrap(el)  # the header's correspondents stay: the pass reads them
        run_passes(test_doc, PassContext(settings=edition), strict=True, only=["entities", "dates"])
        for i, (gp, tp) in enumerate(zip(paragraphs(gold_doc), paragraphs(test_doc), strict=True)):
            gtext, g = mentions(gp, offset + i)
            ttext, t = mentions(tp, offset + i)
            assert gtext == ttext, f"{f.name}: paragraph {i} changed its text"
            texts[(f.stem, offset + i)] = gtext
            groups[offset + i] = group(f)
            gold += g
            pred += t
        # generic references (orgName with @cert in the gold): how many the pass marks with that @cert
        want = {(e.get("ref"), e.get("cert")) for e in gold_doc.root.iter(f"{{{TEI_NS}}}orgName")}
        for e in gold_doc.root.iter(f"{{{TEI_NS}}}orgName"):
            if e.get("cert"):
                certs["gold"] += 1
        for e in test_doc.root.iter(f"{{{TEI_NS}}}orgName"):
            if e.get("cert"):
                certs["found"] += 1
                certs["same cert"] += (e.get("ref"), e.get("cert")) in want
        offset += 10_000
    words = sum(len(t.split()) for t in texts.values())
    print(f"dev set: {len(files)} files, {words} words, {len(gold)} annotated mentions\n")
    table(gold, pred, "all passages")
    for name, title in (
        ("old", "old: passages of the edition's five sources"),
        (
            "new",
            "new: synthetic passages (shared family names, generic references, citations, dates)",
        ),
    ):
        table(
            [m for m in gold if groups[m[0]] == name],
            [m for m in pred if groups[m[0]] == name],
            f"{title} ({sum(1 for f in files if group(f) == name)} files)",
        )
    print(
        f"generic references (orgName with @cert): {certs['gold']} annotated, {certs['found']} marked, "
        f"{certs['same cert']} with the annotated entry and @cert"
    )
    # the same @ref for all mentions of one person
    pred_ref = {m[:4]: m[4] for m in pred}
    per_person: dict[str, Counter[str]] = defaultdict(Counter)
    for m in gold:
        if m[3] == "persName":
            per_person[m[4]]["all"] += 1
            per_person[m[4]]["same"] += pred_ref.get(m[:4]) == m[4]
    total = sum(c["all"] for c in per_person.values())
    same = sum(c["same"] for c in per_person.values())
    print(
        f"\nmentions of a person carrying that person's @ref: {same}/{total} = {same / total:.3f} "
        f"({len(per_person)} persons)"
    )
    worst = sorted(
        per_person.items(), key=lambda kv: (kv[1]["same"] / kv[1]["all"], -kv[1]["all"])
    )[:5]
    print("lowest: " + ", ".join(f"{ref} {c['same']}/{c['all']}" for ref, c in worst))
    if verbose:
        g_set, p_set = set(gold), set(pred)
        print("\nmissed (gold, not found):")
        for m in sorted(g_set - p_set):
            print(
                f"  {m[3]:<9} {_quote(texts, m)!r:<40} {m[4]}  found: {_found_at(pred, m)}"
                f"  …{_around(texts, m)}…"
            )
        print("\nwrong (found, not gold):")
        for m in sorted(p_set - g_set):
            print(f"  {m[3]:<9} {_quote(texts, m)!r:<40} {m[4]}  …{_around(texts, m)}…")


def _quote(texts: dict[tuple[str, int], str], m: Mention) -> str:
    text = next(t for (_, i), t in texts.items() if i == m[0])
    return text[m[1] : m[2]]


def _around(texts: dict[tuple[str, int], str], m: Mention) -> str:
    text = next(t for (_, i), t in texts.items() if i == m[0])
    return " ".join(
        f"{text[max(0, m[1] - 30) : m[1]]}[{text[m[1] : m[2]]}]{text[m[2] : m[2] + 30]}".split()
    )


def _found_at(pred: list[Mention], m: Mention) -> str:
    near = [p for p in pred if p[0] == m[0] and p[1] < m[2] and m[1] < p[2]]
    return ", ".join(f"{p[3]} {p[1]}-{p[2]} {p[4]}" for p in near) or "-"


def _prf(tp: int, found: int, gold: int) -> tuple[float, float, float]:
    p = tp / found if found else 0.0
    r = tp / gold if gold else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def speed(megabytes: float) -> None:
    paras = [
        p.strip()
        for f in sorted((ROOT / "sources").glob("*.txt"))
        for p in read_text(f).text.split("\n\n")
        if p.strip()
    ]
    target = int(megabytes * 1024 * 1024)
    body: list[str] = []
    size = 0
    while size < target:
        for p in paras:
            body.append(f"<p>{escape(p)}</p>")
            size += len(p)
            if size >= target:
                break
    xml = (
        f'<TEI xmlns="{TEI_NS}"><teiHeader><fileDesc><titleStmt><title>speed</title></titleStmt>'
        "<publicationStmt><p>x</p></publicationStmt><sourceDesc><p>x</p></sourceDesc></fileDesc></teiHeader>"
        f"<text><body><div>{''.join(body)}</div></body></text></TEI>"
    )
    doc = TeiDocument(tree=parse_xml_bytes(xml.encode("utf-8")), name="speed")
    ctx = PassContext(settings=Settings(root=ROOT, registers=ROOT / "tei" / "registers"))
    print(f"\nspeed: {size / 1024 / 1024:.1f} MB of text in {len(body)} paragraphs")
    for name in ("entities", "dates"):
        t0, c0 = time.perf_counter(), time.process_time()
        run_passes(doc, ctx, strict=False, only=[name])
        dt, dc = time.perf_counter() - t0, time.process_time() - c0
        print(
            f"  {name:<9} {dt:6.2f} s wall, {dc:6.2f} s CPU  ({size / 1024 / 1024 / dc:5.1f} MB/s of CPU)"
        )
    n = sum(1 for el in doc.root.iter() if isinstance(el.tag, str) and el.get("resp") == "#teiedit")
    print(f"  {n} elements added")


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument(
        "--verbose", action="store_true", help="list every missed and every wrong mention"
    )
    parser.add_argument(
        "--mb", type=float, default=10.0, help="megabytes of text for the speed run (default 10)"
    )
    parser.add_argument("--no-speed", action="store_true")
    args = parser.parse_args()
    evaluate(args.verbose)
    if not args.no_speed:
        speed(args.mb)


if __name__ == "__main__":
    main()
