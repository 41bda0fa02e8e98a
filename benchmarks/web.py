"""Time the web edition: a full build of an edition's TEI, a rebuild with nothing changed, and a rebuild
after one document changed. Prints seconds per stage and per page.

    PYTHONPATH=src python benchmarks/web.py [--copies N] [TEI_FOLDER ...]   (default: tei/ of this repository)

--copies N renders every document N times (as separate files) to show how the build scales.
"""

from __future__ import annotations

import dataclasses
import shutil
import sys
import tempfile
import time
from pathlib import Path

from teiedit.builder import BuildOptions
from teiedit.builders.html import HtmlBuilder
from teiedit.config import default_settings, find_edition_root, load_settings
from teiedit.edition import Edition
from teiedit.io import iter_xml_files


def main(argv: list[str]) -> None:
    repo = Path(__file__).resolve().parent.parent
    copies = 1
    if argv[:1] == ["--copies"]:
        copies, argv = int(argv[1]), argv[2:]
    folders = [Path(a) for a in argv] or [repo / "tei"]
    edition = load_settings(repo) if find_edition_root(repo) else default_settings(repo)
    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp) / "tei"
        for i, folder in enumerate(folders):
            shutil.copytree(folder, src / str(i))
            originals = sorted((src / str(i)).glob("*.xml"))
            for c in range(2, copies + 1):
                for f in originals:
                    shutil.copyfile(f, f.with_name(f"{f.stem}-copy{c}.xml"))
        edition = dataclasses.replace(edition, registers=src / "no-registers-folder")
        files = list(iter_xml_files([src]))
        out = Path(tmp) / "html"
        builder = HtmlBuilder()

        t = time.perf_counter()
        written = builder.build(Edition.from_files(edition, files), out, BuildOptions())
        full = time.perf_counter() - t
        t = time.perf_counter()
        again = builder.build(Edition.from_files(edition, files), out, BuildOptions())
        noop = time.perf_counter() - t
        first_doc = files[0]
        first_doc.write_bytes(
            first_doc.read_bytes().replace(b"</TEI>", b"<!-- touched --></TEI>", 1)
        )
        t = time.perf_counter()
        one = builder.build(Edition.from_files(edition, files), out, BuildOptions())
        touched = time.perf_counter() - t

    print(f"documents (TEI files):       {len(files)}")
    print(f"full build (cold, compiles): {full:6.2f} s  ({len(written)} files written)")
    print(f"rebuild, nothing changed:    {noop:6.2f} s  ({len(again)} files written)")
    print(f"rebuild, one file changed:   {touched:6.2f} s  ({len(one)} files written)")


if __name__ == "__main__":
    main(sys.argv[1:])
