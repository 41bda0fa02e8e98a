"""Standoff registers of persons, places and organisations, and finding their mentions in TEI text.

- ``registers``: read ``tei/registers/*.xml`` into entries and a table of name variants;
- ``matcher``: one Aho-Corasick automaton over all variants, with word-boundary checks;
- ``spans``: the text of a TEI element across inline markup; ``wrap``: wrapping a span of it in an element;
- ``context``, ``decide``, ``generic``: what the words around a name say, which entry it stands for, and
  generic references to organisations ("the Party");
- ``suggest`` and ``report``: the editor's tools behind ``teiedit entities``.
"""
