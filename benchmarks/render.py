"""Rendering time per document: the stylesheets of git revisions (the hand-written templates before the
processing model; a revision of the processing model itself) against the working tree's (the compiled
processing model and its behaviours), on the same documents, in one run. Prints CPU milliseconds per
document for the web page and the print HTML (XSLT only, no layout), side by side, with the ratio of the
working tree to the first revision, and the totals of every side. The web page's
input is what `teiedit html` gives the stylesheet: the document in a bundle with the register entries it
names (the edition's registers); the print HTML's is the document alone, as for a single document's PDF.

    PYTHONPATH=src python benchmarks/render.py [--rev REV]... [--repeat N] [PATH ...]

REV defaults to the merge base of HEAD and main (the stylesheets this branch started from). Give --rev more
than once to put several revisions side by side: the first is the baseline of the ratios (the hand-written
templates), the others are shown beside it (a revision's compiled processing model, schema/build, comes with
its stylesheets).

PATH: TEI files or folders (default: this edition's tei/ and, when present, the shared external corpus and
TEI's reference documents beside the repository). Each rendering runs N times (default 3); the fastest is
kept. Compilation is done before timing.

--same checks that the working tree's pages are byte for byte those of the last REV (a change made for
speed, such as `--rev main --same`, must not change what is rendered).
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
from teiedit.xslt import XsltResult, transform

REPO = Path(__file__).resolve().parent.parent
SHARED = REPO.parent / "shared"


def old_stylesheets(rev: str, into: Path) -> Path:
    """The xslt/ folder of ``rev`` (with its compiled processing model, if it has one), written into
    ``into``; the stylesheets include the model by a path relative to themselves."""
    paths = ["xslt"]
    listed = subprocess.run(
        ["git", "ls-tree", "--name-only", rev, "schema/build/"],
        cwd=REPO,
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    if listed.strip():
        paths.append("schema/build")
    data = subprocess.run(
        ["git", "archive", "--format=tar", rev, *paths], cwd=REPO, capture_output=True, check=True
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
) -> Callable[[], XsltResult]:
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
        action="append",
        default=[],
        help="a revision whose stylesheets run beside the working tree's; the first is the baseline"
        " (default: where this branch left main)",
    )
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument(
        "--same",
        action="store_true",
        help="check that the working tree renders every document byte for byte as the last --rev does"
        " (a change made for speed must not change a page); exit code 1 and the list when not",
    )
    ap.add_argument(
        "--max-bytes",
        type=int,
        default=1_000_000,
        help="leave out larger files (default 1 MB: the novel, a chronology and a register of the corpus)",
    )
    ap.add_argument("paths", nargs="*", type=Path)
    args = ap.parse_args()
    if not args.rev:
        args.rev = [
            subprocess.run(
                ["git", "merge-base", "HEAD", "main"],
                cwd=REPO,
                capture_output=True,
                text=True,
                check=True,
            ).stdout.strip()
        ]
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
        # side name -> (stylesheets, static parameters): the revisions, then the working tree
        sides: dict[str, tuple[Path, dict[str, str]]] = {}
        for i, rev in enumerate(args.rev):
            sides[rev[:10]] = (old_stylesheets(rev, Path(tmp) / str(i)), {})
        sides["new"] = (xslt_dir(), static)
        names = list(sides)
        base = names[0]
        kinds = {"web": "html/document.xsl", "print": "print/document.xsl"}
        totals = {(k, s): 0.0 for k in kinds for s in names}
        differ: list[str] = []
        header = [f"{'document':44s}"]
        for kind in kinds:
            header += [f"{kind + ' ' + s:>{max(9, len(kind) + 1 + len(s))}s}" for s in names]
            header += [f"{'ratio':>6s}" for _ in names[1:]]
        print(" ".join(header))
        for ed in files:
            root = ed.doc.root
            params = {"page": ed.page, "edition-title": settings.title}
            cells = [f"{ed.path.name[:44]:44s}"]
            inputs = {"web": web_input(root, registers), "print": root}
            for kind, sheet in kinds.items():
                runs = {
                    s: _runner(folder / sheet, inputs[kind], params, st)
                    for s, (folder, st) in sides.items()
                }
                # compile and warm up; the pages themselves for --same
                outputs = {s: run().output for s, run in runs.items()}
                if args.same and outputs["new"] != outputs[names[-2]]:
                    differ.append(f"{ed.path} ({kind})")
                ms = {s: cpu(run, args.repeat) for s, run in runs.items()}
                for s in names:
                    totals[(kind, s)] += ms[s]
                cells += [f"{ms[s]:{max(9, len(kind) + 1 + len(s))}.1f}" for s in names]
                cells += [f"{ms[s] / max(ms[base], 0.01):6.2f}" for s in names[1:]]
            print(" ".join(cells))
    print()
    for kind in kinds:
        o = totals[(kind, base)]
        parts = [f"{o / 1000:.2f} s {base}"]
        parts += [
            f"{totals[(kind, s)] / 1000:.2f} s {s} (ratio {totals[(kind, s)] / o:.2f})"
            for s in names[1:]
        ]
        print(f"{kind:5s} total CPU: " + ", ".join(parts))
    print(f"documents: {len(files)}; fastest of {args.repeat} runs each; ratios to {base}")
    if args.same:
        print(
            f"output of the working tree and {names[-2]}: "
            + (f"{len(differ)} differ: " + ", ".join(differ) if differ else "byte-identical")
        )
        if differ:
            raise SystemExit(1)


if __name__ == "__main__":
    main()
