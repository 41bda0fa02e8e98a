"""Editor integration: the XML catalog, the Oxygen framework, VS Code settings, and `teiedit init`.

An editor can only be watched validating by hand; these tests check what it relies on: every file the
catalog, the framework and the settings name exists, libxml2 resolves through the catalog, the
templates are valid documents of the edition, and a new edition gets all of it.
"""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path

import pytest
from helpers import run_cli
from lxml import etree
from schema_engines import need

from teiedit.validate import Schemas, validate_file

REPO = Path(__file__).resolve().parent.parent
SCHEMA = REPO / "schema"
CATALOG_NS = "urn:oasis:names:tc:entity:xmlns:xml:catalog"
EXF_NS = "http://www.oxygenxml.com/ns/framework/extend"


def test_catalog_entries_point_to_files_that_exist() -> None:
    catalog = etree.parse(str(SCHEMA / "catalog.xml")).getroot()
    entries = [e for e in catalog if isinstance(e.tag, str)]
    assert len(entries) >= 8
    targets = {e.get("uri") for e in entries}
    assert {
        "build/teiedit.rng",
        "build/teiedit.sch",
        "build/teiedit.xsd",
        "build/xml.xsd",
    } <= targets
    for target in targets:
        assert (SCHEMA / str(target)).is_file(), target


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("http://www.w3.org/2001/xml.xsd", "build/xml.xsd"),
        ("http://www.tei-c.org/ns/1.0", "build/teiedit.xsd"),
    ],
)
def test_libxml2_resolves_through_the_catalog(name: str, expected: str) -> None:
    done = subprocess.run(
        [need("xmlcatalog"), str(SCHEMA / "catalog.xml"), name], capture_output=True, text=True
    )
    resolved = done.stdout.strip().splitlines()[
        -1
    ]  # after "No entry for SYSTEM" when only a uri maps
    assert resolved in (str(SCHEMA / expected), (SCHEMA / expected).as_uri())


def test_xsd_of_another_schema_resolves_the_xml_namespace_offline(tmp_path: Path) -> None:
    """A schema importing W3C's xml.xsd by its web address compiles with --nonet through the catalog."""
    other = tmp_path / "other.xsd"
    other.write_text(
        '<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" targetNamespace="urn:x" '
        'xmlns="urn:x" elementFormDefault="qualified">'
        '<xs:import namespace="http://www.w3.org/XML/1998/namespace" '
        'schemaLocation="http://www.w3.org/2001/xml.xsd"/>'
        '<xs:element name="a"><xs:complexType><xs:attribute ref="xml:lang"/></xs:complexType>'
        "</xs:element></xs:schema>",
        encoding="utf-8",
    )
    doc = tmp_path / "a.xml"
    doc.write_text('<a xmlns="urn:x" xml:lang="ko"/>', encoding="utf-8")
    env = {**os.environ, "XML_CATALOG_FILES": str(SCHEMA / "catalog.xml")}
    done = subprocess.run(
        [need("xmllint"), "--nonet", "--noout", "--schema", str(other), str(doc)],
        capture_output=True,
        text=True,
        env=env,
    )
    assert "validates" in done.stderr, done.stderr


def test_oxygen_framework_names_files_that_exist() -> None:
    framework = SCHEMA / "oxygen" / "teiedit"
    script = etree.parse(str(framework / "teiedit.exf")).getroot()
    assert script.tag == f"{{{EXF_NS}}}script"
    rules = script.findall(f"{{{EXF_NS}}}associationRules/{{{EXF_NS}}}addRule")
    assert {r.get("rootElementLocalName") for r in rules} == {"TEI", "teiCorpus"}
    assert {r.get("namespace") for r in rules} == {"http://www.tei-c.org/ns/1.0"}
    paths = [
        el.get("href") or el.get("path")
        for el in script.iter()
        if isinstance(el.tag, str) and (el.get("href") or el.get("path"))
    ]
    assert len(paths) == 4
    for path in paths:
        assert path.startswith("${framework}/"), path
        assert (framework / path.removeprefix("${framework}/")).resolve().exists(), path


def test_templates_are_valid_edition_documents(tmp_path: Path) -> None:
    """A letter and a register entry, valid against the grammar and the rules, xml-model paths right
    for where they are saved (tei/ and tei/registers/)."""
    templates = sorted((SCHEMA / "oxygen" / "teiedit" / "templates").glob("*.xml"))
    assert [t.name for t in templates] == ["Letter.xml", "Register entry.xml"]
    schemas = Schemas(rng=SCHEMA / "build" / "teiedit.rng")
    for template, folder in zip(templates, ("tei", "tei/registers"), strict=True):
        assert validate_file(template, schemas) == []
        from teiedit.validate import xml_models

        for model in xml_models(etree.parse(str(template))):
            assert (REPO / folder / model.href).resolve().is_file(), (template.name, model.href)


def test_vscode_settings_use_the_catalog_and_the_schema() -> None:
    shipped = SCHEMA / "vscode" / "settings.json"
    settings = json.loads(shipped.read_text(encoding="utf-8"))
    assert settings["xml.catalogs"] == ["${workspaceFolder}/schema/catalog.xml"]
    (association,) = settings["xml.fileAssociations"]
    assert association["systemId"] == "${workspaceFolder}/schema/build/teiedit.rng"
    for value in (*settings["xml.catalogs"], association["systemId"]):
        assert (REPO / value.removeprefix("${workspaceFolder}/")).is_file()
    # this repository is an edition: it carries the same settings
    assert (REPO / ".vscode" / "settings.json").read_bytes() == shipped.read_bytes()


def test_init_puts_the_editor_files_into_a_new_edition(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "new-edition"
    assert run_cli(["init", str(target)], capsys)[0] == 0
    assert (target / ".vscode" / "settings.json").read_bytes() == (
        SCHEMA / "vscode" / "settings.json"
    ).read_bytes()
    for rel in ("schema/catalog.xml", "schema/oxygen/teiedit/teiedit.exf", "schema/build/xml.xsd"):
        assert (target / rel).read_bytes() == (REPO / rel).read_bytes(), rel
