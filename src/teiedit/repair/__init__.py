"""Repair of PDF-extraction damage in plain strings: what is damaged, what it should read, how sure we are.

``find.find_repairs(text, shift)`` returns non-overlapping ``record.Repair`` records (character offsets
into ``text``); the TEI pass (``teiedit.transforms.repair``) turns them into ``choice/sic+corr`` so that
every repair can be seen and undone. ``find.document_shift(texts)`` decides, once per document, which font
shift (if any) the damage uses.

The parts: ``record`` (a repair), ``find`` (all repairs of one text), ``words`` (the reading of one
decoded word), ``model`` (the English language model and the document's own words), ``detect`` (which
stretches are damaged: a hidden Markov model over tokens), ``shift`` (undoing shifted fonts, finding the
offset), ``letterspace`` (re-cutting letter-spaced runs into words), ``ligature`` and ``quotes`` (glyph
debris, in damaged words and in clean text), ``spelling`` (near-word correction of garbled words),
``hyphenation`` (words broken across a line, or split by a hyphen and a space inside one), ``across_blocks`` (words broken across a paragraph or page
break: works on the TEI tree, run by the pass after the repairs of each block), ``debris`` (raw PDF
operators). Every decision compares costs under the English model; there are no lists of expected words.
"""
