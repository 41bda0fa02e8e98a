"""How `build` and `convert` tell the editor what became of their hand-edited files."""

from __future__ import annotations

from teiedit.console import err_console
from teiedit.pipeline import SourceResult


def print_hand_edits(results: list[SourceResult]) -> tuple[int, int, int]:
    """Print merged, kept and conflicting files; returns how many of each."""
    merged = kept = conflicting = 0
    for result in results:
        for m in result.merged:
            merged += 1
            n = int(m.get("conflicts", "0") or 0)
            err_console.print(
                f"{m['file']}: merged your hand edits with the fresh conversion"
                + (f" ({n} conflict{'s' if n > 1 else ''}, listed below)" if n else ""),
                markup=False,
            )
        for k in result.kept_hand_edited:
            kept += 1
            where = (
                f"; the fresh conversion is in {k['fresh_conversion']}"
                if k["fresh_conversion"]
                else ""
            )
            err_console.print(
                f"{k['file']}: kept your hand-edited version ({k['reason']}){where}. "
                "Use --force to overwrite.",
                markup=False,
            )
        files = {str(c["file"]) for c in result.conflicts}
        conflicting += len(files)
        for c in result.conflicts:
            err_console.print(
                f"{c['file']}:{c['line']}: conflict ({c['what']} at {c['where']}): your reading "
                f"{c['mine']!r} is kept; the fresh conversion reads {c['fresh']!r}. "
                f"`teiedit resolve {c['file']} --take fresh` takes the conversion's readings.",
                markup=False,
                style="yellow",
            )
    return merged, kept, conflicting
