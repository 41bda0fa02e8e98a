"""Exchange with other archives: CMIF, corpus and register exports, and import of foreign TEI.

Modules: ``authority`` (authority-file identifiers as URIs), ``entries`` (register entries read from any
TEI), ``cmif``, ``corpus_export``, ``registers_export``, ``xinclude`` (safe XInclude for imports),
``checking`` (a thin adapter over teiedit.validate for imported files) and ``importer``.
"""
