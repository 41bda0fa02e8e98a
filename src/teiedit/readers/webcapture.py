"""The ``webcapture`` profile: an archival document captured from a web page, with its furniture."""

from __future__ import annotations

from teiedit.readers.archival import ArchivalReader


class WebCaptureReader(ArchivalReader):
    """An archival document captured from a web page, with the site's furniture around it."""

    name = "webcapture"
    description = (
        "a web capture of an archival document: the same, plus site boilerplate and footnotes"
    )
    web = True
