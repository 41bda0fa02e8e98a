"""Exchange with other archives: CMIF, corpus and register exports, and import of foreign TEI.

Modules: ``authority`` (authority-file identifiers as URIs), ``entries`` (register entries read from any
TEI), ``cmif``, ``corpus_export``, ``registers_export``, ``xinclude`` (safe XInclude for imports),
``checking`` (a thin adapter over teiedit.validate for imported files), and the import itself:
``import_read`` (reading the inputs), ``import_manifest`` (names kept across imports), ``conflicts``
(one person under two ids), ``import_report`` (what happened to each file) and ``importer`` (the steps).
"""
