"""The three-way merge on hand-written cases: what arrives, what is kept, what is a conflict (with its
line in the merged file and both readings), and what cannot be merged."""

from __future__ import annotations

import pytest

from teiedit.merge import MergeRefused, Side, merge_documents

BASE = """<?xml version="1.0" encoding="UTF-8"?>
<?xml-model href="schema.rng" type="application/xml" schematypens="http://relaxng.org/ns/structure/1.0"?>
<TEI xmlns="http://www.tei-c.org/ns/1.0" xml:id="d">
  <teiHeader>
    <fileDesc>
      <titleStmt>
        <title>Wrong title</title>
      </titleStmt>
    </fileDesc>
  </teiHeader>
  <text>
    <body>
      <p>Kim Il Sung said that the Party was right.</p>
      <p>Second paragraph with a typo: teh.</p>
      <p>Third one, <placeName ref="#pyongyang">Pyongyang</placeName>.</p>
    </body>
  </text>
</TEI>
"""


def _merge(
    mine: str, fresh: str, prefer: Side = "mine"
) -> tuple[str, list[tuple[int, str, str, str]]]:
    outcome = merge_documents(BASE.encode(), mine.encode(), fresh.encode(), prefer=prefer)
    return outcome.data.decode(), [(c.line, c.what, c.mine, c.fresh) for c in outcome.conflicts]


def test_corrections_stay_and_new_links_arrive() -> None:
    mine = (
        BASE.replace("Wrong title", "Right title")
        .replace("teh.", "the.")
        .replace("      <p>Third", "      <p>A paragraph the editor added.</p>\n      <p>Third")
    )
    fresh = BASE.replace("Kim Il Sung", '<persName ref="#kim">Kim Il Sung</persName>').replace(
        "typo: teh", 'typo of <date when="1956">1956</date>: teh'
    )
    merged, conflicts = _merge(mine, fresh)
    assert conflicts == []
    assert "<title>Right title</title>" in merged
    assert (
        '<p><persName ref="#kim">Kim Il Sung</persName> said that the Party was right.</p>'
        in merged
    )
    assert '<p>Second paragraph with a typo of <date when="1956">1956</date>: the.</p>' in merged
    assert "<p>A paragraph the editor added.</p>\n      <p>Third" in merged
    assert merged.startswith(
        '<?xml version="1.0" encoding="UTF-8"?>\n<?xml-model href="schema.rng"'
    )


def test_a_place_both_changed_keeps_the_editors_reading_and_is_listed() -> None:
    mine = BASE.replace("teh.", "the.")
    fresh = BASE.replace("teh.", "tex.")
    merged, conflicts = _merge(mine, fresh)
    assert "typo: the.</p>" in merged
    line = next(n for n, s in enumerate(merged.splitlines(), 1) if "typo: the." in s)
    assert conflicts == [(line, "text", "with a typo: the.", "with a typo: tex.")]
    merged, _ = _merge(mine, fresh, prefer="fresh")
    assert "typo: tex.</p>" in merged


def test_an_attribute_both_changed_is_a_conflict() -> None:
    mine = BASE.replace('ref="#pyongyang"', 'ref="#pyongyang-city"')
    fresh = BASE.replace('ref="#pyongyang"', 'ref="#pyongyang-province"')
    merged, conflicts = _merge(mine, fresh)
    assert 'ref="#pyongyang-city"' in merged
    assert [(w, m, f) for _, w, m, f in conflicts] == [
        ("attribute @ref", '@ref="#pyongyang-city"', '@ref="#pyongyang-province"')
    ]


def test_an_element_the_editor_removed_and_the_conversion_changed_stays_removed() -> None:
    mine = BASE.replace("      <p>Second paragraph with a typo: teh.</p>\n", "")
    fresh = BASE.replace("typo: teh", 'typo of <date when="1956">1956</date>: teh')
    merged, conflicts = _merge(mine, fresh)
    assert "Second paragraph" not in merged
    ((_, what, reading_mine, reading_fresh),) = conflicts
    assert what == "text" and "Second paragraph" not in reading_mine
    assert '<date when="1956">1956</date>' in reading_fresh


def test_comments_and_the_editors_layout_are_kept() -> None:
    mine = BASE.replace("<p>Kim", "<!-- check the name -->\n\t\t\t<p>Kim").replace(
        "\n      <p>", "\n\t\t\t<p>"
    )
    fresh = BASE.replace("Second paragraph", "Second <hi>paragraph</hi>")
    merged, conflicts = _merge(mine, fresh)
    assert conflicts == []
    assert "<!-- check the name -->" in merged
    assert "\t\t\t<p>Second <hi>paragraph</hi> with a typo: teh.</p>" in merged


def test_ids_given_twice_or_a_broken_file_cannot_be_merged() -> None:
    mine = BASE.replace("right.</p>", 'right.<note xml:id="n1">Mine.</note></p>')
    fresh = BASE.replace("teh.</p>", 'teh.<note xml:id="n1">Fresh.</note></p>')
    with pytest.raises(MergeRefused, match="xml:id 'n1'"):
        _merge(mine, fresh)
    with pytest.raises(MergeRefused, match="not well-formed"):
        _merge(BASE.replace("</title>", "</titel>"), fresh)


def test_no_hand_edit_gives_the_fresh_conversion_and_nothing_new_the_editors_file() -> None:
    fresh = BASE.replace("Kim Il Sung", '<persName ref="#kim">Kim Il Sung</persName>')
    mine = BASE.replace("teh.", "the.")
    assert _merge(BASE, fresh) == (fresh, [])
    assert _merge(mine, BASE) == (mine, [])
    assert _merge(fresh, fresh) == (fresh, [])
