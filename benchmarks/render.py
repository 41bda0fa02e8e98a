"""Rendering time per document: the stylesheets of a git revision (the hand-written templates before the
processing model) against the working tree's (the compiled processing model and its
behaviours), on the same documents, in one run. Prints CPU milliseconds per document for the web page and
the print HTML (XSLT only, no layout), side by side, with the ratio new/old and the totals. The web page's
input is what `teiedit html` gives the stylesheet: the document in a bundle with the register entries it
names (the edition's registers); the print HTML's is the document alone, as for a single document's PDF.

    PYTHONPATH=src python benchmarks/render.py [--rev REV] [--repeat N] [PATH ...]

REV defaults to the merge base of HEAD and main (the stylesheets this branch started from).

PATH: TEI files or folders (default: this edition's tei/ and, when present, the shared external corpus and
TEI's reference documents beside the repository). Each rendering runs N times (default 3); the fastest is
kept. Compilation is done before timing.
"""

from __future__ import annotations

import argparse
import copy
import subprocess
import tarfile
import tempfile
import time
from collections.abc import Callable
from io import BytesIO
from pathlib import Path

from lxml import etree

from teiedit.builders.corpus import bundle, pages_element, referenced_ids, registers_element
from teiedit.builders.rendering import rendering
from teiedit.config import default_settings
from teiedit.diagnostics import TeieditError
from teiedit.edition import Edition, EditionDoc
from teiedit.facts import facts_document
from teiedit.io import iter_xml_files
from teiedit.registers import Registers
from teiedit.resources import xslt_dir
from teiedit.xslt import transform

REPO = Path(__file__).resolve().parent.parent
SHARED = REPO.parent / "shared"


def old_stylesheets(rev: str, into: Path) -> Path:
    """The xslt/ folder of ``rev``, written into ``into``."""
    data = subprocess.run(
        ["git", "archive", "--format=tar", rev, "xslt"], cwd=REPO, capture_output=True, check=True
    ).stdout
    with tarfile.open(fileobj=BytesIO(data)) as tar:
        tar.extractall(into, filter="data")
    return into / "xslt"


def cpu(run: Callable[[], object], repeat: int) -> float:
    """The fastest of ``repeat`` runs, in CPU milliseconds (Saxon runs in this process)."""
    best = float("inf")
    for _ in range(repeat):
        t = time.process_time()
        run()
        best = min(best, time.process_time() - t)
    return best * 1000


def _runner(
    sheet: Path, root: etree._Element, params: dict[str, str], static: dict[str, str]
) -> Callable[[], object]:
    facts = facts_document(root)
    return lambda: transform(sheet, root, params=params, facts=facts, static=static)


def web_input(root: etree._Element, registers: Registers) -> etree._Element:
    """The web stylesheet's input as builders/html.py makes it: the document and the entries it names."""
    ids = referenced_ids(root) & registers.entries.keys()
    return bundle(copy.deepcopy(root), registers_element(registers, ids), pages_element({}))


def main() -> None:
    ap = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    ap.add_argument(
        "--rev",
        default="",
        help="the revision whose stylesheets are the baseline (default: where this branch left main)",
    )
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument(
        "--max-bytes",
        type=int,
        default=1_000_000,
        help="leave out larger files (default 1 MB: the novel, a chronology and a register of the corpus)",
    )
    ap.add_argument("paths", nargs="*", type=Path)
    args = ap.parse_args()
    if not args.rev:
        args.rev = subprocess.run(
            ["git", "merge-base", "HEAD", "main"],
            cwd=REPO,
            capture_output=True,
            text=True,
            check=True,
        ).stdout.strip()
    paths = args.paths or [
        p
        for p in (
            REPO / "tei",
            SHARED / "corpora" / "external-tei",
            SHARED / "tei-p5" / "docs" / "valid-tei_all",
        )
        if p.is_dir()
    ]
    settings = default_settings(REPO)
    files: list[EditionDoc] = []
    registers = Edition.from_files(settings, []).registers
    for f in iter_xml_files(paths):
        if "registers" in f.parts or f.stat().st_size > args.max_bytes:
            continue
        try:
            files.extend(Edition.from_files(settings, [f]).inputs())
        except TeieditError:
            continue
    static = rendering(settings).static
    with tempfile.TemporaryDirectory() as tmp:
        old = old_stylesheets(args.rev, Path(tmp))
        new = xslt_dir()
        kinds = {"web": "html/document.xsl", "print": "print/document.xsl"}
        totals = {(k, s): 0.0 for k in kinds for s in ("old", "new")}
        print(
            f"{'document':44s} {'web old':>8s} {'web new':>8s} {'ratio':>6s} {'print old':>9s} {'print new':>9s} {'ratio':>6s}"
        )
        for ed in files:
            root = ed.doc.root
            params = {"page": ed.page, "edition-title": settings.title}
            row = []
            inputs = {"web": web_input(root, registers), "print": root}
            for kind, sheet in kinds.items():
                runs = {
                    "old": _runner(old / sheet, inputs[kind], params, {}),
                    "new": _runner(new / sheet, inputs[kind], params, static),
                }
                for run in runs.values():
                    run()  # compile and warm up
                for side, run in runs.items():
                    ms = cpu(run, args.repeat)
                    totals[(kind, side)] += ms
                    row.append(ms)
            name = ed.path.name[:44]
            print(
                f"{name:44s} {row[0]:8.1f} {row[1]:8.1f} {row[1] / max(row[0], 0.01):6.2f}"
                f" {row[2]:9.1f} {row[3]:9.1f} {row[3] / max(row[2], 0.01):6.2f}"
            )
    print()
    for kind in kinds:
        o, n = totals[(kind, "old")], totals[(kind, "new")]
        print(
            f"{kind:5s} total CPU: {o / 1000:7.2f} s old ({args.rev}), {n / 1000:7.2f} s new: ratio {n / o:.2f}"
        )
    print(f"documents: {len(files)}; fastest of {args.repeat} runs each")


if __name__ == "__main__":
    main()
