"""Standoff registers of persons, places and organisations, and finding their mentions in TEI text.

- ``registers``: read ``tei/registers/*.xml`` into entries and a table of name variants;
- ``matcher``: one Aho-Corasick automaton over all variants, with word-boundary checks;
- ``spans``: the text of a TEI element across inline markup, and wrapping a span of it in an element;
- ``suggest`` and ``report``: the editor's tools behind ``teiedit entities``.
"""
