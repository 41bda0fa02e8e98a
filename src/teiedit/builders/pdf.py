"""PdfBuilder: the print edition. The only module that imports WeasyPrint.

xslt/print turns TEI into paged HTML (it imports the web stylesheets and overrides what differs);
WeasyPrint lays it out with the CSS Paged Media rules in xslt/css/print.css.
"""

from __future__ import annotations

from pathlib import Path

from teiedit.builders.corpus import edition_corpus, load_edition_docs, sort_key
from teiedit.config import Edition
from teiedit.io import staged_dir, write_atomic
from teiedit.resources import css_dir, xslt_dir
from teiedit.xslt import transform


def html_to_pdf(html: str, base_url: Path) -> bytes:
    import weasyprint

    return bytes(weasyprint.HTML(string=html, base_url=str(base_url)).write_pdf())


class PdfBuilder:
    name = "pdf"

    def build(self, files: list[Path], out_dir: Path, edition: Edition,
              progress: object | None = None) -> list[Path]:
        docs = sorted(load_edition_docs(files), key=sort_key)
        written: list[Path] = []
        css_base = css_dir()
        with staged_dir(out_dir) as tmp:
            for ed in docs:
                html = transform(
                    xslt_dir() / "print" / "document.xsl",
                    ed.doc.tree,
                    base_uri=str(ed.path),
                    params={"edition-title": edition.title, "page": ed.page},
                ).output
                write_atomic(tmp / f"{ed.page}.pdf", html_to_pdf(html, css_base))
                written.append(out_dir / f"{ed.page}.pdf")
            if docs:
                html = transform(
                    xslt_dir() / "print" / "edition.xsl",
                    edition_corpus(docs, edition),
                    params={"edition-title": edition.title},
                ).output
                write_atomic(tmp / "edition.pdf", html_to_pdf(html, css_base))
                written.append(out_dir / "edition.pdf")
        return written
