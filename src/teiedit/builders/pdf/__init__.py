"""The print edition, one PDF per document and ``edition.pdf``, the whole as a book (title
page, conventions, contents, documents in date order, index).

How it is made, in rounds, each part laid out exactly once:

1. XSLT (xslt/print, in this process) makes the book's paged HTML; builders/pdf/parts.py cuts it into the
   front matter, one part per document and the index.
2. WeasyPrint (builders/pdf/layout.py, in worker processes, one per core) lays out every document and a
   draft of the front matter. Each document's PDF is also its own PDF ("offprint"). A document that is no chapter of the book (a compilation's listing) is laid out on its own.
   A long document is laid out in chunks of whole chapters and joined (builders/pdf/chunks.py). Every
   part is a tagged PDF (builders/pdf/tagging.py adds the languages and the links' descriptions).
3. Now every part's place in the book is known: the front matter is laid out again with a slot for each of
   the contents' page numbers, and the index with a slot for each page on which a name was set (as wide
   as the book's widest number); builders/pdf/numbers.py writes the numbers into the slots, so when only
   the numbers move (a document grew) neither is laid out again.
4. The folios (page numbers and running heads, builders/pdf/folios.py) are laid out: one template per
   running head with a slot for the number (written in when it is stamped), and one for the first pages
   of the documents' own PDFs, whose head ends with slots for the pages it names ("pp. 7–10").
5. builders/pdf/assembly.py stamps the folios (as pagination artefacts) and puts the book together, with
   one structure tree joined from the parts' (builders/pdf/structure.py); a document's own PDF keeps the
   page numbers it has in the book, and says so on its first page. The TEI files are attached here, not in
   a laid-out part (the book: every file; a document's PDF: its source), so the parts (kept between builds
   by builders/pdf/cache.py) depend only on what they print.

So a 500-page novel costs one layout, not two, and the book is laid out on all cores.
"""

from __future__ import annotations

from teiedit.builders.pdf.builder import PdfBuilder

__all__ = ["PdfBuilder"]
