"""HtmlBuilder: the static web edition (a page per document, an index), via the XSLT in xslt/html."""

from __future__ import annotations

import shutil
from pathlib import Path

from teiedit.builders.corpus import EditionDoc, edition_corpus, load_edition_docs, sort_key
from teiedit.config import Edition
from teiedit.io import staged_dir, write_text_atomic
from teiedit.resources import css_dir, xslt_dir
from teiedit.xslt import transform


def render_page(ed: EditionDoc, edition: Edition, prev: str = "", next_: str = "") -> str:
    """The HTML page of one document."""
    return transform(
        xslt_dir() / "html" / "document.xsl",
        ed.doc.tree,
        base_uri=str(ed.path),
        params={
            "edition-title": edition.title,
            "page": ed.page,
            "prev": prev,
            "next": next_,
        },
    ).output


class HtmlBuilder:
    name = "html"

    def build(self, files: list[Path], out_dir: Path, edition: Edition,
              progress: object | None = None) -> list[Path]:
        docs = sorted(load_edition_docs(files), key=sort_key)
        written: list[Path] = []
        with staged_dir(out_dir) as tmp:
            for i, ed in enumerate(docs):
                prev = docs[i - 1].page if i > 0 else ""
                next_ = docs[i + 1].page if i + 1 < len(docs) else ""
                write_text_atomic(tmp / f"{ed.page}.html", render_page(ed, edition, prev, next_))
                (tmp / "tei").mkdir(exist_ok=True)
                shutil.copyfile(ed.path, tmp / "tei" / f"{ed.page}.xml")
                written.append(out_dir / f"{ed.page}.html")
            index = transform(
                xslt_dir() / "html" / "index.xsl",
                edition_corpus(docs, edition),
                params={"edition-title": edition.title},
            ).output
            write_text_atomic(tmp / "index.html", index)
            written.append(out_dir / "index.html")
            (tmp / "css").mkdir(exist_ok=True)
            for css in sorted(css_dir().glob("*.css")):
                shutil.copyfile(css, tmp / "css" / css.name)
        return written
