"""The three-way merge of hand edits on this edition's own TEI: CPU seconds per file and in all, with
how many edits survived and how many conflicts were listed.

    python benchmarks/merge.py [--edits N] [TEI_FOLDER]

For each document, the base is the file as teiedit wrote it; the "fresh conversion" drops every other
machine-made entity link (as a changed register would) and links the words of every fifth paragraph's
first name-like word anew; "mine" corrects N words (default 20) at random places and the main title.
Every correction must be in the merged file (a lost edit is counted and printed).
"""

from __future__ import annotations

import argparse
import random
import re
import sys
import time
from pathlib import Path

from lxml import etree

sys.path = [p for p in sys.path if Path(p or ".").resolve() != Path(__file__).resolve().parent]

from teiedit.merge import merge_documents  # noqa: E402

TEI = "http://www.tei-c.org/ns/1.0"
NS = {"t": TEI}


def _fresh(root: etree._Element) -> None:
    for i, el in enumerate(root.xpath("//t:text//*[@resp='#teiedit'][@ref]", namespaces=NS)):
        if i % 2 == 0:
            parent = el.getparent()
            text = (el.text or "") + "".join(etree.tostring(c, encoding="unicode") for c in el)
            if len(el):  # keep nested markup: only plain links are unwrapped
                continue
            prev = el.getprevious()
            joined = text + (el.tail or "")
            if prev is not None:
                prev.tail = (prev.tail or "") + joined
            else:
                parent.text = (parent.text or "") + joined
            parent.remove(el)
    for i, p in enumerate(root.xpath("//t:text//t:p", namespaces=NS)):
        if i % 5 == 0 and p.text:
            m = re.search(r"\b[A-Z][a-z]{3,}\b", p.text)
            if m:
                name = etree.Element(f"{{{TEI}}}rs", type="new")
                name.text, name.tail = m.group(0), p.text[m.end() :]
                p.text = p.text[: m.start()]
                p.insert(0, name)


def _mine(root: etree._Element, edits: int, chance: random.Random) -> list[str]:
    marks = []
    slots = [
        (el, attr)
        for el in root.xpath("//t:text//*", namespaces=NS)
        for attr in ("text", "tail")
        if re.search(r"\w{4,}", getattr(el, attr) or "")
    ]
    for n in range(min(edits, len(slots))):
        el, attr = slots.pop(chance.randrange(len(slots)))
        text = getattr(el, attr)
        words = list(re.finditer(r"\w{4,}", text))
        w = chance.choice(words)
        mark = f"Corrected{n}"
        setattr(el, attr, text[: w.start()] + mark + text[w.end() :])
        marks.append(mark)
    title = root.find(".//t:titleStmt/t:title", NS)
    if title is not None:
        title.text = "A corrected title"
        marks.append("A corrected title")
    return marks


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "folder", nargs="?", type=Path, default=Path(__file__).resolve().parent.parent / "tei"
    )
    parser.add_argument("--edits", type=int, default=20)
    args = parser.parse_args(argv)
    chance = random.Random(16)
    total_cpu, total_bytes, lost, conflicts, files = 0.0, 0, 0, 0, 0
    total_changes = total_arrived = 0
    for path in sorted(args.folder.glob("*.xml")):
        base = path.read_bytes()
        fresh_root = etree.fromstring(base)
        _fresh(fresh_root)
        mine_root = etree.fromstring(base)
        marks = _mine(mine_root, args.edits, chance)
        head = base[: base.index(b"<TEI")]
        fresh = head + etree.tostring(fresh_root, encoding="UTF-8") + b"\n"
        mine = head + etree.tostring(mine_root, encoding="UTF-8") + b"\n"
        start = time.process_time()
        outcome = merge_documents(base, mine, fresh, path=str(path))
        cpu = time.process_time() - start
        text = outcome.data.decode("utf-8")
        missing = [m for m in marks if m not in text]
        # What the conversion changed: links dropped and new links, counted in the fresh file and merged.
        links = [len(re.findall(rb'resp="#teiedit"', x)) for x in (base, fresh, outcome.data)]
        news = [len(re.findall(rb'type="new"', x)) for x in (fresh, outcome.data)]
        changes = links[0] - links[1] + news[0]
        arrived = max(0, links[0] - links[2]) + news[1]
        total_changes += changes
        total_arrived += min(arrived, changes)
        lost += len(missing)
        conflicts += len(outcome.conflicts)
        total_cpu += cpu
        total_bytes += len(base)
        files += 1
        print(
            f"{path.name:55} {len(base) / 1024:7.1f} KB {cpu:6.3f} s CPU  "
            f"{len(marks) - len(missing)}/{len(marks)} edits kept, {min(arrived, changes)}/{changes} "
            f"changes arrived, {len(outcome.conflicts)} conflicts"
        )
    print(
        f"{files} files, {total_bytes / 1024:.0f} KB: {total_cpu:.2f} s CPU "
        f"({total_bytes / 1024 / max(total_cpu, 1e-9):.0f} KB/s), {lost} edits lost, "
        f"{total_arrived}/{total_changes} conversion changes arrived, {conflicts} conflicts"
    )
    return 1 if lost else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
