"""A compiled Schematron planted in the cache by another local user is never run.

The cache (``$TMPDIR/teiedit-<uid>/schematron/``) is private: a folder that is not the current user's is
not used, and a cached file that another user owns, or that others may write, is used only if it is
byte for byte what teiedit compiles now. Another user is real (``os.chown``) when the tests run as root,
else played through the ``teiedit.cache`` hooks.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from lxml import etree

from teiedit import cache
from teiedit.odd.sch2xslt import schematron_to_xslt
from teiedit.validate import Schemas, schematron, validate_file
from teiedit.validate.schematron import _compiler_source, _stylesheet

REPO = Path(__file__).resolve().parents[2]
RNG = REPO / "schema" / "build" / "teiedit.rng"
SCH = REPO / "schema" / "build" / "teiedit.sch"
VALID = REPO / "tests" / "cases" / "validate" / "valid" / "letter-full.xml"
OTHER = 54321
PLANTED = b"""<xsl:stylesheet version="3.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:svrl="http://purl.oclc.org/dsdl/svrl"><xsl:template match="/"><svrl:schematron-output>
  <svrl:failed-assert location="/"><svrl:text>PLANTED CODE RAN</svrl:text></svrl:failed-assert>
  </svrl:schematron-output></xsl:template></xsl:stylesheet>"""


@pytest.fixture
def tmpdir_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """A fresh $TMPDIR, so that the cache starts empty; the Schematron always runs in Saxon (a valid
    document would otherwise pass teiedit's own rules in lxml, validate/constraints.py, and nothing
    would be compiled or read from the cache)."""
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    monkeypatch.setattr(schematron, "passes", lambda *args: False)
    _stylesheet.cache_clear()
    yield tmp_path
    _stylesheet.cache_clear()


def cache_name() -> str:
    return cache.key(_compiler_source(), SCH.read_bytes()) + ".xsl"


def belongs_to_another_user(path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    if os.geteuid() == 0:
        os.chown(path, OTHER, OTHER)
        return
    real = cache.owner_of
    monkeypatch.setattr(cache, "owner_of", lambda p: OTHER if p == path else real(p))


def messages() -> list[str]:
    return [d.message for d in validate_file(VALID, Schemas(rng=RNG, sch=SCH))]


def test_the_cache_is_private_and_keyed_by_content(tmpdir_cache: Path) -> None:
    assert messages() == []
    folder = tmpdir_cache / f"teiedit-{os.getuid()}" / "schematron"
    assert oct(folder.stat().st_mode & 0o777) == "0o700"
    assert oct(folder.parent.stat().st_mode & 0o777) == "0o700"
    cached = folder / cache_name()
    assert cached.read_bytes() == schematron_to_xslt(etree.parse(str(SCH)))


def test_a_folder_of_another_user_is_not_used(
    tmpdir_cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmpdir_cache / f"teiedit-{os.getuid()}" / "schematron"
    folder.mkdir(parents=True, mode=0o700)
    (folder / cache_name()).write_bytes(PLANTED)
    belongs_to_another_user(folder.parent, monkeypatch)
    assert cache.cache_folder("schematron") is None
    assert messages() == []
    assert (folder / cache_name()).read_bytes() == PLANTED  # not ours to change either


def test_a_folder_others_may_write_is_not_used(tmpdir_cache: Path) -> None:
    folder = tmpdir_cache / f"teiedit-{os.getuid()}" / "schematron"
    folder.mkdir(parents=True)
    folder.chmod(0o777)
    (folder / cache_name()).write_bytes(PLANTED)
    assert cache.cache_folder("schematron") is None
    assert messages() == []


@pytest.mark.parametrize("how", ["owned by another user", "writable by others"])
def test_a_planted_file_is_verified_and_replaced(
    tmpdir_cache: Path, monkeypatch: pytest.MonkeyPatch, how: str
) -> None:
    folder = cache.cache_folder("schematron")
    assert folder is not None
    planted = folder / cache_name()
    planted.write_bytes(PLANTED)
    if how == "writable by others":
        planted.chmod(0o666)
    else:
        belongs_to_another_user(planted, monkeypatch)
    assert messages() == []
    assert planted.read_bytes() == schematron_to_xslt(etree.parse(str(SCH)))


def test_a_symlink_in_the_cache_is_not_followed(tmpdir_cache: Path) -> None:
    folder = cache.cache_folder("schematron")
    assert folder is not None
    elsewhere = tmpdir_cache / "elsewhere.xsl"
    elsewhere.write_bytes(PLANTED)
    (folder / cache_name()).symlink_to(elsewhere)
    assert messages() == []
    assert elsewhere.read_bytes() == PLANTED
    assert not (folder / cache_name()).is_symlink()
