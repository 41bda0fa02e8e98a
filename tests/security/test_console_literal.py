"""Diagnostics are printed literally: no rich markup, no emoji codes, whatever the content says."""

from __future__ import annotations

import pytest

from teiedit.console import print_diagnostic, progress
from teiedit.diagnostics import Diagnostic, Level

HOSTILE = (
    "@reason=':warning:' root:x:0 [bold red]loud[/bold red] :thumbs_up: [link=http://x]y[/link]"
)


def test_diagnostic_text_is_printed_as_it_is(capsys: pytest.CaptureFixture[str]) -> None:
    print_diagnostic(Diagnostic(message=HOSTILE, path="a:x:.xml", line=3, level=Level.ERROR))
    err = capsys.readouterr().err
    assert HOSTILE in err
    assert "a:x:.xml:3" in err
    assert "\u26a0" not in err and "\u274c" not in err  # no warning sign, no cross mark


def test_progress_messages_are_printed_as_they_are(capsys: pytest.CaptureFixture[str]) -> None:
    with progress(enabled=True) as step:
        step(f"rendering {HOSTILE}")
    err = capsys.readouterr().err
    words = HOSTILE.split()
    assert words and all(w in err for w in words)  # a log line may wrap between words
    assert "\u26a0" not in err and "\U0001f44d" not in err
