"""Other engines for the schema tests: Jing, xmllint, the TEI's own ODD processor (TEI Stylesheets in saxonche).

Each returns verdicts (file -> valid?) so that the tests compare tables between engines. A missing engine
fails the test that needs it with the command that installs it: no check is skipped as passing.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from functools import cache
from pathlib import Path

import pytest
from lxml import etree

from teiedit import xslt

SYSTEM_DEPS = "bash scripts/system-deps.sh --test"
SCH_NS = "http://purl.oclc.org/dsdl/schematron"


#: Options for the short Java runs of these tests: the quick compiler alone and one GC thread. A run of a
#: second or two spends more CPU in the optimising compiler's threads than it gains from them (Jing on
#: tei_corpus and 94 documents: 1.2 s of CPU by default, 0.6 s so); the verdicts are the same.
JAVA_QUICK = ["-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC"]


#: TEI's reference data beside the repository (CI has it; the product never needs it).
P5 = Path(__file__).resolve().parents[2] / "shared" / "tei-p5"


@cache
def reference_documents() -> list[Path]:
    """TEI's reference documents that libxml2 parses (one is not well-formed, one has duplicate ids): the
    documents the schema tests judge with each engine."""
    from teiedit.io import safe_parser

    found = sorted(
        [
            *P5.glob("docs/valid-tei_all/*.xml"),
            *P5.glob("docs/invalid/*.xml"),
            *P5.glob("odd/test-instances/*.tei"),
            *P5.glob("stylesheets-test2/inputs/**/*.xml"),
        ]
    )
    parsed = []
    for doc in found:
        try:
            etree.parse(str(doc), safe_parser())
        except etree.XMLSyntaxError:
            continue
        parsed.append(doc)
    assert len(parsed) >= 100
    return parsed


def java_quick_env() -> dict[str, str]:
    """This environment with JAVA_QUICK for a JVM a wrapper script starts (Jing's)."""
    return {**os.environ, "JAVA_TOOL_OPTIONS": " ".join(JAVA_QUICK)}


def need(tool: str) -> str:
    """The path of a command-line tool, or a test failure that says how to install it."""
    found = shutil.which(tool)
    if found is None:
        pytest.fail(f"{tool} is not installed: run `{SYSTEM_DEPS}`")
    return found


def _error_files(lines: list[str]) -> set[str]:
    """Files named at the start of `path:line:col: error` lines."""
    out: set[str] = set()
    for line in lines:
        m = re.match(r"^(/[^:]+):\d+:\d+: (?:fatal )?error", line)
        if m:
            out.add(m.group(1))
    return out


def jing_verdicts(rng: Path, docs: list[Path]) -> dict[Path, bool]:
    """Validate every document against a RELAX NG schema with Jing (one run, more after a fatal error)."""
    verdicts: dict[Path, bool] = {}
    todo = list(docs)
    while todo:
        # Jing names files by their normalised path: give it those, so that its messages can be matched.
        done = subprocess.run(
            [need("jing"), str(rng.resolve()), *(str(d.resolve()) for d in todo)],
            capture_output=True,
            text=True,
            env=java_quick_env(),
        )
        lines = [
            ln for ln in (done.stdout + done.stderr).splitlines() if not ln.startswith("[warning]")
        ]
        schema_errors = [
            ln for ln in lines if ln.startswith(str(rng.resolve())) or "Exception" in ln
        ]
        assert not schema_errors, f"Jing does not load {rng.name}: {schema_errors[:3]}"
        bad = _error_files(lines)
        names = {str(d.resolve()) for d in todo}
        assert bad <= names, f"Jing named files it was not given: {sorted(bad - names)[:3]}"
        # A file that is not well-formed stops Jing: the files after it were not checked.
        fatal = [m.group(1) for ln in lines if (m := re.match(r"^(/[^:]+):\d+:\d+: fatal", ln))]
        stop = next((i for i, d in enumerate(todo) if fatal and str(d.resolve()) == fatal[0]), None)
        checked = todo if stop is None else todo[: stop + 1]
        verdicts.update({d: str(d.resolve()) not in bad for d in checked})
        todo = todo[len(checked) :]
    return verdicts


def xmllint_verdicts(
    docs: list[Path], *, rng: Path | None = None, xsd: Path | None = None
) -> dict[Path, bool]:
    """Validate every document with xmllint (libxml2) against a RELAX NG or an XML Schema."""
    option = ["--relaxng", str(rng)] if rng is not None else ["--schema", str(xsd)]
    done = subprocess.run(
        [need("xmllint"), "--noout", *option, *(str(d) for d in docs)],
        capture_output=True,
        text=True,
    )
    out = done.stdout + done.stderr
    assert "failed to compile" not in out and "Relax-NG parser error" not in out, out[-2000:]
    verdicts = {}
    for d in docs:
        if f"{d} validates" in out:
            verdicts[d] = True
        elif f"{d} fails to validate" in out:
            verdicts[d] = False
        else:
            pytest.fail(f"xmllint said nothing about {d}:\n{out[-2000:]}")
    return verdicts


XERCES_JARS = ("xercesImpl.jar", "xercesSamples.jar")  # Debian's libxerces2-java (Jing needs it)


def xerces_verdicts(docs: list[Path], xsd: Path) -> dict[Path, bool]:
    """Validate every document against an XML Schema with Xerces-J (its JAXP sample validator, schema
    full checking on), the parser Java XML tools such as Oxygen are built on."""
    java = need("java")
    jars = [Path("/usr/share/java") / jar for jar in XERCES_JARS]
    if not all(jar.is_file() for jar in jars):
        pytest.fail(f"Xerces-J is not installed (libxerces2-java): run `{SYSTEM_DEPS}`")
    done = subprocess.run(
        [java, *JAVA_QUICK, "-cp", ":".join(map(str, jars)), "jaxp.SourceValidator", "-f", "-a", str(xsd),
         "-i", *(str(d) for d in docs)],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,  # one stream: a document's errors come before its "done" line
        text=True,
    )  # fmt: skip
    out = done.stdout.splitlines()
    # The validator prints a document's errors, then "path: N ms" once it is done with it.
    schema_errors = [ln for ln in out if ln.startswith("[") and f" {xsd.name}:" in ln]
    assert not schema_errors and done.returncode == 0, (schema_errors or out)[-5:]
    verdicts: dict[Path, bool] = {}
    errors = 0
    for line in out:
        if line.startswith(("[Error]", "[Fatal Error]")):
            errors += 1
        elif m := re.match(r"^(.+): \d+ ms$", line):
            verdicts[Path(m.group(1))] = errors == 0
            errors = 0
    missing = [d for d in docs if d not in verdicts]
    assert not missing, f"Xerces said nothing about {missing[:3]}: {out[-5:]}"
    return verdicts


def tei_stylesheets(
    stylesheets: Path, name: str, source: etree._ElementTree, **params: str
) -> etree._ElementTree:
    """Run one of the TEI Stylesheets' ODD transformations (odds/<name>.xsl) on a tree."""
    result = xslt.transform(stylesheets / "odds" / f"{name}.xsl", source, params=params)
    return etree.ElementTree(etree.fromstring(result.output.encode("utf-8")))


def sch_prefixes_used(schema: etree._Element) -> set[str]:
    """Namespace prefixes the XPath expressions of a Schematron schema use (element and function names)."""
    used: set[str] = set()
    for el in schema.iter(f"{{{SCH_NS}}}*"):
        for att in ("test", "context", "select", "value", "path"):
            expr = el.get(att)
            if not expr:
                continue
            expr = re.sub(r"'[^']*'|\"[^\"]*\"", "''", expr)  # not inside string literals
            expr = expr.replace("::", " ")  # axes (self::tei:x)
            for prefix in re.findall(r"(?<![\w.$@:-])([A-Za-z_][\w.-]*):(?![:=])[A-Za-z_*]", expr):
                used.add(prefix)
    return used
