"""Synthetic editions for the scale benchmark: copies of an edition's documents with new ids, titles and
links, all valid, in a new edition folder (its settings, schema and registers copied).

    PYTHONPATH=src python benchmarks/synthetic.py DIR --documents N [--edition ROOT]

Copy k of a document ``S.xml`` is ``S-cK.xml`` (K: k, zero-padded): every xml:id that starts with a
document stem of the edition gets the copy's stem, every pointer to another document of the edition
(``@target="S.xml"``, ``#S-n1``) points to the same copy of that document, and the main title ends with
"(copy k)". Copy 0 is the edition itself (the stems unchanged). The registers are the edition's: the
mentions of each entry grow with N, as in a real edition.
"""

from __future__ import annotations

import argparse
import shutil
import sys
from pathlib import Path

from lxml import etree

REPO = Path(__file__).resolve().parent.parent
TEI_NS = "http://www.tei-c.org/ns/1.0"
XML_ID = "{http://www.w3.org/XML/1998/namespace}id"
#: Attributes that point to documents or ids (their tokens are rewritten for a copy).
POINTERS = ("target", "corresp", "sameAs", "prev", "next", "ana", "facs", "source")


def _stem_map(stems: list[str], suffix: str) -> dict[str, str]:
    return {s: f"{s}{suffix}" for s in stems}


def _rename(token: str, renamed: dict[str, str], longest_first: list[str]) -> str:
    """A token that names a document of the edition (``S``, ``S.xml``, ``S-n1``, ``#S-n1``,
    ``S.xml#x``), for the copy; any other token as it is."""
    prefix = "#" if token.startswith("#") else ""
    body = token[len(prefix) :]
    for stem in longest_first:
        if body == stem or body.startswith((f"{stem}-", f"{stem}.", f"{stem}#")):
            return prefix + renamed[stem] + body[len(stem) :]
    return token


def copy_document(
    tree: etree._ElementTree, renamed: dict[str, str], longest_first: list[str], k: int
) -> etree._ElementTree:
    """A copy of ``tree`` (changed in place and returned) whose ids, pointers and title are copy k's."""
    if not renamed:
        return tree
    for el in tree.getroot().iter():
        if not isinstance(el.tag, str):
            continue
        xml_id = el.get(XML_ID)
        if xml_id is not None:
            el.set(XML_ID, _rename(xml_id, renamed, longest_first))
        for attr in POINTERS:
            value = el.get(attr)
            if value:
                el.set(attr, " ".join(_rename(t, renamed, longest_first) for t in value.split()))
        if el.tag == f"{{{TEI_NS}}}idno" and el.get("type") == "URI" and el.text:
            tail = el.text.rstrip("/").rsplit("/", 1)
            if len(tail) == 2:
                el.text = f"{tail[0]}/{_rename(tail[1], renamed, longest_first)}"
    titles = tree.getroot().xpath(
        "t:teiHeader/t:fileDesc/t:titleStmt/t:title", namespaces={"t": TEI_NS}
    )
    main = [t for t in titles if t.get("type") == "main"] or titles
    if main:
        last = main[0][-1] if len(main[0]) else None
        suffix = f" (copy {k})"
        if last is not None:
            last.tail = (last.tail or "") + suffix
        else:
            main[0].text = (main[0].text or "") + suffix
    return tree


def make_edition(target: Path, documents: int, edition: Path = REPO) -> list[Path]:
    """A new edition folder at ``target`` with ``documents`` TEI files copied from ``edition``'s tei/
    (whole copies of its documents, the last one cut short); returns the files written."""
    tei = edition / "tei"
    originals = sorted(tei.glob("*.xml"))
    if not originals:
        raise SystemExit(f"no TEI files in {tei}")
    stems = [f.stem for f in originals]
    longest_first = sorted(stems, key=len, reverse=True)
    target.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(edition / "teiedit.toml", target / "teiedit.toml")
    shutil.copytree(edition / "schema", target / "schema", dirs_exist_ok=True)
    (target / "sources").mkdir(exist_ok=True)
    shutil.copytree(tei / "registers", target / "tei" / "registers", dirs_exist_ok=True)
    parsed = {f.stem: f.read_bytes() for f in originals}
    copies = -(-documents // len(originals))
    width = len(str(copies))
    written: list[Path] = []
    parser = etree.XMLParser(resolve_entities=False, no_network=True)
    for k in range(copies):
        suffix = f"-c{k:0{width}d}" if k else ""
        renamed = _stem_map(stems, suffix) if k else {}
        for stem in stems:
            if len(written) == documents:
                return written
            tree = etree.ElementTree(etree.fromstring(parsed[stem], parser))
            copy_document(tree, renamed, longest_first, k)
            out = target / "tei" / f"{stem}{suffix}.xml"
            out.write_bytes(etree.tostring(tree, xml_declaration=True, encoding="UTF-8"))
            written.append(out)
    return written


def main(argv: list[str]) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("dir", type=Path, help="the new edition's folder")
    ap.add_argument("--documents", type=int, required=True, help="how many TEI files")
    ap.add_argument("--edition", type=Path, default=REPO, help="the edition to copy")
    args = ap.parse_args(argv)
    files = make_edition(args.dir, args.documents, args.edition)
    print(f"{len(files)} TEI files in {args.dir / 'tei'}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
