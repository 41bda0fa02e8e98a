"""What an editor writes and signs at the front of the print edition: the introduction (TEI files in
``tei/front/``), and the settings of teiedit.toml that the title page and the imprint print, checked for
placeholders ("Your Name", "Untitled edition", an example.org address) before they reach a book."""

from __future__ import annotations

import re
from pathlib import Path

from lxml import etree

from teiedit.config import CONFIG_NAME, Settings
from teiedit.diagnostics import Diagnostic, Level
from teiedit.document import XML_ID, XML_LANG, E
from teiedit.serialize import serialize_tei

#: The folder under the edition's TEI folder that holds the front matter's TEI files.
FRONT_FOLDER = "front"

#: The paragraph of the example introduction that ``teiedit init`` writes; a front file that still holds
#: it has not been written yet.
EXAMPLE_PARAGRAPH = "Replace this paragraph with the introduction to the edition."

#: Values of teiedit.toml that ``teiedit init`` writes or that only stand in for the real one.
PLACEHOLDER_TITLES = frozenset({"", "untitled edition"})
PLACEHOLDER_NAMES = frozenset({"", "your name", "editor", "name"})
#: Addresses reserved for examples (RFC 2606) or local to one machine.
_EXAMPLE_HOST = re.compile(
    r"^https?://([^/]*\.)?(example\.(org|com|net)|localhost|127\.0\.0\.1)([:/]|$)", re.I
)


#: What the example introduction says about itself, as an XML comment before its root.
EXAMPLE_GUIDE = """
The introduction to the edition: printed in edition.pdf after the contents and before the editorial
conventions, its notes at the foot of the page, its names (persName ref="#...") in the index. Write it in
TEI as you would a document (div, head, p, note); the title below is its heading and its line in the
contents. More front matter (a preface, acknowledgements) goes in more files in this folder: they are
printed in the order of their file names. Delete this file if the edition has no introduction.
"""


def example_introduction() -> bytes:
    """The example introduction ``teiedit init`` writes to ``tei/front/introduction.xml``."""
    root = E.TEI(
        E.teiHeader(
            E.fileDesc(
                E.titleStmt(E.title("Introduction", type="main")),
                E.publicationStmt(E.p("Front matter of the edition.")),
                E.sourceDesc(E.p("Written by the editors of the edition.")),
            )
        ),
        E.text(E.body(E.div(E.p(EXAMPLE_PARAGRAPH), type="introduction"))),
        {XML_ID: "introduction", XML_LANG: "en"},
    )
    root.addprevious(etree.Comment(EXAMPLE_GUIDE))
    return serialize_tei(
        root.getroottree(),
        rng_href="../../schema/build/teiedit.rng",
        sch_href="../../schema/build/teiedit.sch",
    )


def front_folder(edition: Settings) -> Path:
    """``tei/front``: the introduction and other front matter the editor writes, as TEI."""
    return edition.tei / FRONT_FOLDER


def front_files(edition: Settings) -> list[Path]:
    """The front matter's TEI files, in name order (the order the book prints them in)."""
    folder = front_folder(edition)
    # Settings made in code (not read from a teiedit.toml) have relative paths: no front matter there.
    if not folder.is_absolute() or not folder.is_dir():
        return []
    return sorted(p for p in folder.glob("*.xml") if p.is_file() and not p.name.startswith("."))


def placeholder_findings(edition: Settings) -> list[Diagnostic]:
    """Warnings for the settings and front files that the print edition would print as placeholders."""
    config = str(edition.root / CONFIG_NAME)
    out: list[Diagnostic] = []

    def warn(message: str, suggestion: str, rule: str, path: str = config) -> None:
        out.append(
            Diagnostic(
                message=message,
                path=path,
                level=Level.WARNING,
                origin="front-matter",
                rule=rule,
                suggestion=suggestion,
            )
        )

    if edition.title.strip().lower() in PLACEHOLDER_TITLES:
        warn(
            f"the edition's title is the placeholder {edition.title!r}: the title page prints it",
            "set title under [edition] in teiedit.toml",
            "placeholder-title",
        )
    if not edition.editors:
        warn(
            "no editor is named: the title page and the imprint name nobody",
            "add an [[edition.editors]] table with name and resp to teiedit.toml",
            "no-editor",
        )
    for editor in edition.editors:
        if editor.name.strip().lower() in PLACEHOLDER_NAMES:
            warn(
                f"the editor {editor.id!r} is named {editor.name!r}, a placeholder: "
                "the title page prints it",
                "write the editor's name in [[edition.editors]] in teiedit.toml",
                "placeholder-editor",
            )
    if edition.base_url and _EXAMPLE_HOST.match(edition.base_url.strip()):
        warn(
            f"the edition's address {edition.base_url!r} is an example address: the imprint and "
            "the citation print it",
            "set base_url under [edition] in teiedit.toml to the address where the edition is "
            "published, or leave it empty",
            "placeholder-url",
        )
    for path in front_files(edition):
        if EXAMPLE_PARAGRAPH in path.read_text(encoding="utf-8", errors="replace"):
            warn(
                "this introduction is still the example that teiedit init wrote: the book prints it",
                "write the introduction in this file, or delete the file",
                "placeholder-introduction",
                str(path),
            )
    return out
