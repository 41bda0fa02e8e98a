"""Build step that puts teiedit's stylesheets and schema into the wheel.

The edition's stylesheets (``xslt/``) and schema (``schema/``: the ODD and its compiled RNG, XSD, Schematron
and HTML reference) live at the top of the repository, where editors edit them in place. A checkout or an
editable install (``pip install -e .``) reads them there (see ``src/teiedit/resources.py``). A wheel has no
checkout beside it, so this ``build_py`` copies both folders into the built package as ``teiedit/data/xslt``
and ``teiedit/data/schema``; git keeps one copy of each file. Everything else is in ``pyproject.toml``.
"""

from __future__ import annotations

from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py as _build_py

#: Top-level folders of the repository that a wheel ships under teiedit/data/.
SHIPPED_FOLDERS = ("xslt", "schema")
HERE = Path(__file__).resolve().parent


def shipped_files() -> list[tuple[str, Path]]:
    """(path under teiedit/data, source file) for every file of the shipped folders, hidden files left out."""
    found: list[tuple[str, Path]] = []
    for folder in SHIPPED_FOLDERS:
        root = HERE / folder
        if not root.is_dir():
            raise SystemExit(f"teiedit build: the folder {root} is missing; build from a full checkout or sdist")
        for path in sorted(root.rglob("*")):
            rel = path.relative_to(HERE)
            if path.is_file() and not any(part.startswith(".") or part == "__pycache__" for part in rel.parts):
                found.append((rel.as_posix(), path))
    return found


class build_py(_build_py):  # the name setuptools gives the command
    """setuptools' build_py, plus a copy of xslt/ and schema/ into the built teiedit/data/."""

    def _data_targets(self) -> list[tuple[str, Path]]:
        data = Path(self.build_lib, "teiedit", "data")
        return [(str(data / rel), src) for rel, src in shipped_files()]

    def run(self) -> None:
        super().run()
        if self.editable_mode:  # an editable install reads the checkout's own folders
            return
        for target, src in self._data_targets():
            self.mkpath(str(Path(target).parent))
            self.copy_file(str(src), target)

    def get_outputs(self, include_bytecode: bool = True) -> list[str]:  # type: ignore[override]
        outputs = list(super().get_outputs(include_bytecode))
        if self.editable_mode:
            return outputs
        return outputs + [target for target, _ in self._data_targets()]


setup(cmdclass={"build_py": build_py})
