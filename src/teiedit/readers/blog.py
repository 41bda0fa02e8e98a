"""Blog posts: title, byline (possibly empty), image captions, an editor's introduction, sections written
``Heading | text``, and a comment section; comment forms are set aside.

Shapes recognised:
- byline ``By NAME | DATE | N Comments`` (NAME may be empty) -> ``byline`` with ``date``;
- image captions ``Caption text | image via SOURCE`` -> ``figure``; consecutive captions of one image
  (alt text and caption, often repeated) -> one figure (``figDesc`` for the first, ``head`` for the rest);
- the title repeated further down starts the post proper; a following ``by NAME`` line is its byline and
  names the author; what stands before it is the editor's introduction;
- ``Heading | text`` starts a section; the ``|`` is recorded as a delimiter (see readers.base.Span);
- ``No Comments`` / ``3 Comments`` / ``Comments`` starts the comment section (``div[@type=comments]``).
"""

from __future__ import annotations

import re

from lxml import etree

from teiedit.config import Edition
from teiedit.dates import find_full_dates
from teiedit.document import E, local_name
from teiedit.readers.base import Conversion, SetAside, Source, Span
from teiedit.readers.common.boilerplate import boilerplate_reason
from teiedit.readers.common.build import header_info, make_tei
from teiedit.readers.common.lines import NUMBERED, Block, split_blocks

BYLINE = re.compile(r"^By\b(?P<name>[^|]*)\|(?P<date>[^|]*)(?:\|(?P<rest>.*))?$", re.IGNORECASE)
_BY = re.compile(r"^by\s+(?P<name>[A-Z][\w.'’ -]{1,80})$")
CAPTION = re.compile(
    r"^(?P<caption>.{3,300}?)\s*\|\s*(?P<credit>(?:image|photo|picture|illustration|"
    r"source|credit|courtesy)\b.{0,120})$",
    re.IGNORECASE,
)
SECTION = re.compile(r"^(?P<head>[^|\n]{3,150}?)\s\|\s(?P<text>\S.*)$", re.DOTALL)
COMMENTS = re.compile(
    r"^(?:no|\d+|one)\s+(?:comments?|responses?|replies)$|^comments$", re.IGNORECASE
)


class BlogReader:
    """A blog post captured as plaintext."""

    name = "blog"
    description = (
        "a blog post: title, byline, captions, introduction, 'Heading | text' sections, comments"
    )

    def read(self, source: Source, edition: Edition) -> Conversion:
        conv = Conversion(source=source, profile=self.name)
        blocks: list[Block] = []
        for b in split_blocks(source.text):
            reason = boilerplate_reason(b)
            if reason:
                conv.set_aside.append(SetAside(b.text, reason, b.line))
            else:
                blocks.append(b)
        if not blocks:  # nothing but furniture: keep it all as text rather than an empty post
            conv.set_aside.clear()
            blocks = split_blocks(source.text)
        title_block = blocks[0]
        title = title_block.one_line
        div = E.div(E.head(title_block.text), type="blog")
        i = 1
        date_when = ""
        author = ""
        bm = BYLINE.match(blocks[1].one_line) if len(blocks) > 1 else None
        if bm:
            byline = E.p(rend="byline")
            dates = find_full_dates(blocks[1].text)
            if dates:
                d = dates[0]
                date_when = d.when
                byline.text = blocks[1].text[: d.start]
                byline.append(E.date(d.text, when=d.when))
                byline[-1].tail = blocks[1].text[d.end :]
            else:
                byline.text = blocks[1].text
            author = bm["name"].strip()
            div.append(byline)
            i = 2
        # Where the post proper starts: the title repeated.
        repeat = next((k for k in range(i, len(blocks)) if blocks[k].one_line == title), None)
        target = div
        intro: etree._Element | None = None
        if repeat is not None and repeat > i:
            intro = E.div(type="section", subtype="introduction")
            div.append(intro)
            target = intro
        comments: etree._Element | None = None
        figure: etree._Element | None = None
        k = i
        while k < len(blocks):
            b = blocks[k]
            if k == repeat:
                post = E.div(E.head(b.text), type="article")
                div.append(post)
                target = post
                if k + 1 < len(blocks) and (m := _BY.match(blocks[k + 1].one_line)):
                    author = author or m["name"].strip()
                    post.append(E.p(blocks[k + 1].text, rend="byline"))
                    k += 1
                k += 1
                figure = None
                continue
            if COMMENTS.match(b.one_line):
                comments = E.div(E.head(b.text), type="comments")
                div.append(comments)
                target = comments
                k += 1
                continue
            cap = CAPTION.match(b.one_line)
            if cap and comments is None:
                if figure is None or len(target) == 0 or target[-1] is not figure:
                    figure = E.figure(E.figDesc(b.text))
                    target = append_flow(target, figure)
                else:
                    figure.append(E.head(b.text))
                k += 1
                continue
            sec = SECTION.match(b.text)
            if sec and comments is None and target is not intro and len(sec["text"]) > 40:
                section = E.div(E.head(sec["head"].strip()), E.p(sec["text"]), type="section")
                conv.spans.append(Span(b.line, "|", "label"))
                parent = (
                    target
                    if local_name(target) != "div" or target.get("type") != "section"
                    else target.getparent()
                )
                parent.append(section)
                target = section
                k += 1
                continue
            if comments is not None and (m := NUMBERED.match(b.text)):
                comments.append(E.div(E.p(b.text), type="comment", n=m["n"]))
            else:
                append_flow(target, E.p(b.text))
            k += 1
        for d in div.iter("{http://www.tei-c.org/ns/1.0}div"):
            if len(d) == 1 and d[0].tag.endswith("head"):
                d.append(E.p())
        bibl = E.bibl()
        if author:
            bibl.append(E.author(author))
        bibl.append(E.title(title, level="a"))
        if date_when:
            bibl.append(E.date(date_when, when=date_when))
        info = header_info(source, title, kind="blog", date_when=date_when, source_desc=bibl)
        if author:
            info.author = author
        conv.documents.append(make_tei(source.name, info, edition, E.body(div)))
        conv.decisions.append(
            f"structure: title {title[:80]!r}; byline {'with' if bm else 'without'} date "
            f"{date_when or 'none'}; author {author or 'not named'}; introduction "
            f"{'yes' if intro is not None else 'no'}; comments {'yes' if comments is not None else 'no'}"
        )
        return conv


def append_flow(target: etree._Element, el: etree._Element) -> etree._Element:
    """Append running content where TEI allows it: into the last nested division if there is one."""
    while len(target) and local_name(target[-1]) == "div":
        target = target[-1]
    target.append(el)
    return target
