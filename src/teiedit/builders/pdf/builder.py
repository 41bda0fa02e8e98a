"""PdfBuilder: plan, lay out and write the print edition (``edition.pdf`` and each document's PDF).

When anything the book is made from changed (a document, the registers, the settings, the stylesheets
or this code), the book is made again, but only the parts whose HTML changed are laid out again: the
others come from the parts kept by the last build (builders/pdf/cache.py), and the book and every
document's PDF are put together and stamped anew. When nothing changed, nothing is done. The manifest
(``.teiedit-pdf.json``) keeps a hash per document and one of the whole.
"""

from __future__ import annotations

import json
from pathlib import Path

from teiedit.builder import BuildOptions, Group, Manifest, Option, digest, files_fingerprint
from teiedit.builders.pdf.cache import FOLDER, PartCache
from teiedit.builders.pdf.edition_data import edition_params
from teiedit.builders.pdf.layout import Layout, LayoutFailed, PrintJob
from teiedit.builders.pdf.plan import plan, printed
from teiedit.builders.pdf.rounds import make_pdfs
from teiedit.builders.print_limit import PrintLimits
from teiedit.diagnostics import TeieditError
from teiedit.edition import Edition, EditionDoc
from teiedit.epoch import source_date_epoch
from teiedit.io import output_path, write_atomic
from teiedit.resources import css_dir, xslt_dir
from teiedit.staging import swapped_dir

MANIFEST = ".teiedit-pdf.json"
#: Bump when the builder's own output logic changes in a way its code files do not show.
FORMAT = 1

DESCRIPTION = """\
Render TEI files or folders to edition.pdf and one PDF per document in DIR.

edition.pdf is the print edition as a book: title page, editorial conventions, contents, the documents
in date order (each from a new page, footnotes at the foot of the page), an index of persons, places and
organisations with the pages of every mention. Each document's own PDF is its part of the book, with the
book's page numbers and a first-page line naming the edition. Register files (listPerson, listPlace,
listOrg) feed the index. Every PDF is PDF/A-3a and PDF/UA-1 (tagged) with its TEI source attached. Nothing is laid out again
when no input changed since the last run into the same DIR.

Title, editors, publisher and licence come from teiedit.toml when run inside an edition folder.
Environment: TEIEDIT_PDF_WORKERS=N lays out on N processes (default: --jobs, else one per core);
SOURCE_DATE_EPOCH=seconds fixes the dates in the PDFs, so the same TEI gives the same bytes.

A document whose text has more than 50,000 elements or 5,000,000 characters is left out of print (no PDF
of its own, no chapter or index entries in the book) and reported, exit 1; every other PDF is written.
A document the layout engine (WeasyPrint) fails on is left out and reported the same way.
Layout needs about 35 MB per thousand paragraphs: on a machine with the memory for it,
TEIEDIT_PDF_MAX_ELEMENTS=N and TEIEDIT_PDF_MAX_CHARACTERS=N raise the limits."""


def assets_fingerprint() -> str:
    """A hash of the code and stylesheets the print edition is made with."""
    pkg = Path(__file__).resolve().parent.parent.parent
    python = sorted((pkg / "builders" / "pdf").glob("*.py"))
    python += [pkg / f for f in ("builders/corpus.py", "document.py", "facts.py", "edition.py")]
    root = xslt_dir()
    return files_fingerprint(
        f"format {FORMAT}",
        [*python, pkg / "registers.py"],
        [root / "common", root / "html", root / "print", css_dir()],
    )


class PdfBuilder:
    name = "pdf"
    group: Group = "render"
    help = "render TEI files as PDF"
    description = DESCRIPTION
    options: tuple[Option, ...] = ()

    def manifest(self, edition: Edition, limits: PrintLimits | None = None) -> Manifest:
        """The hashes of what the PDFs are made from: each printed document, and the whole book."""
        limits = limits or PrintLimits.from_environment()
        assets = assets_fingerprint()
        docs, _ = printed(edition, limits)
        new = Manifest(assets=assets)
        for ed in docs:
            new.docs[ed.page] = digest(assets, ed.page, ed.sha256)
        epoch = source_date_epoch()
        settings = json.dumps(
            [edition_params(edition.settings), epoch, limits.elements, limits.characters],
            sort_keys=True,
        )
        registers = [part for p in edition.registers.files for part in (p.name, p.read_bytes())]
        new.lists = digest(assets, settings, *(new.docs[ed.page] for ed in docs), *registers)
        return new

    def outdated(self, edition: Edition, out: Path) -> set[str]:
        """Every document when anything the book is made from changed or a PDF is missing, else none."""
        limits = PrintLimits.from_environment()
        return self._outdated(edition, out, self.manifest(edition, limits), limits)

    def _outdated(
        self, edition: Edition, out: Path, new: Manifest, limits: PrintLimits
    ) -> set[str]:
        old = Manifest.read(out / MANIFEST)
        book = any(
            ed.record.root == "TEI" and ed.facts.kind_class != "compilation"
            for ed in printed(edition, limits)[0]
        )
        if (
            old.outdated(new, lambda page: [out / f"{page}.pdf"])
            or (old.assets, old.lists) != (new.assets, new.lists)
            or (book and not (out / "edition.pdf").is_file())
        ):
            return set(new.docs)
        return set()

    def build(self, edition: Edition, out: Path, options: BuildOptions) -> list[Path]:
        out_dir = Path(out)

        def done(job: PrintJob) -> None:
            options.say(f"laid out {job.output}")

        # first: a bad TEIEDIT_PDF_* variable stops before any work
        limits = PrintLimits.from_environment()
        with Layout(pool=options.workers) as layout:
            # said on every build, also when nothing is laid out: the document is still not printed
            for finding in printed(edition, limits)[1]:
                options.note(finding)
            new = self.manifest(edition, limits)
            if not options.force and not self._outdated(edition, out_dir, new, limits):
                options.say("the print edition is up to date")
                return []
            cache = PartCache(out_dir / FOLDER, new.assets)
            while True:
                p = plan(edition, limits)
                try:
                    pdfs = make_pdfs(p, layout, done, cache)
                    break
                except LayoutFailed as exc:
                    # one document the engine fails on is left out, the rest is printed (exit 1); the
                    # parts laid out so far are kept by the cache, so trying again costs the book only
                    failed = _failed_doc(exc.output, edition, limits)
                    if failed is None:
                        raise  # the front matter or the index: no document to leave out
                    limits = limits.failing(failed.page, exc.reason)
                    options.note(limits.refusal(failed))
                    # without it: the next build sees the document as new and tries it again
                    new = self.manifest(edition, limits)
            options.say(f"{cache.laid_out} parts laid out, {cache.hits} kept from the last build")
        names = [*(["edition.pdf"] if "edition.pdf" in pdfs else []), *(j.output for j in p.jobs)]
        if len(set(names)) != len(names):  # page names avoid the book's: this would be a bug
            clash = sorted({n for n in names if names.count(n) > 1})
            raise TeieditError(
                f"two PDFs of this build would be called {', '.join(clash)}", out_dir
            )
        written: list[Path] = []
        # The folder is swapped as a whole: a killed run never leaves old and new PDFs mixed.
        with swapped_dir(out_dir) as tmp:
            for name in names:
                write_atomic(output_path(tmp, name), pdfs[name])
                written.append(out_dir / name)
        # The manifest goes in last: a run killed before this line leaves the old one, and the next run
        # lays out again what this one may not have finished.
        new.write(out_dir / MANIFEST, FORMAT)
        cache.prune()
        return written


def _failed_doc(output: str, edition: Edition, limits: PrintLimits) -> EditionDoc | None:
    """The printed document whose part (or a chunk of it: "x.pdf (part 2 of 6)") failed."""
    for ed in printed(edition, limits)[0]:
        if output == f"{ed.page}.pdf" or output.startswith(f"{ed.page}.pdf (part "):
            return ed
    return None
