"""The ASGI application of ``teiedit serve`` (Starlette): the built web edition as static files, the
DTS 1.0 API at ``/dts`` (entry point, ``collection``, ``navigation``, ``document`` with query
parameters) and an OAI-PMH 2.0 repository at ``/oai`` (GET and POST), from one loaded Edition.

Answers are computed when the server starts (the edition does not change under a running server).
"""

from __future__ import annotations

import json
from pathlib import Path
from urllib.parse import parse_qs

from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles

from teiedit.builders.site.dts import JSONLD, TEI_XML, Dts, DtsError, Templates
from teiedit.builders.site.oai import Repository
from teiedit.edition import Edition

OAI_TYPE = "text/xml; charset=utf-8"
#: Without the editors' address the repository could only answer Identify with an empty adminEmail,
#: which the protocol's schema rejects: /oai says why it is off instead.
OAI_OFF = (
    "OAI-PMH is off: a repository names its administrator's address; set email in teiedit.toml"
)


class _StaticSite(StaticFiles):
    """The site's files, with the media types harvesters expect for TEI and JSON-LD."""

    def file_response(self, full_path, stat_result, scope, status_code=200):  # type: ignore[no-untyped-def]
        response = super().file_response(full_path, stat_result, scope, status_code)
        name = str(full_path)
        if "/tei/" in name.replace("\\", "/") and name.endswith(".xml"):
            response.headers["content-type"] = f"{TEI_XML}; charset=utf-8"
        return response


def _params(request: Request) -> dict[str, str]:
    """Query parameters (the last value of a repeated one)."""
    return {k: v for k, v in request.query_params.items()}


def _json(data: dict[str, object], status: int = 200) -> Response:
    body = json.dumps(data, ensure_ascii=False, indent=1).encode("utf-8")
    return Response(body, status_code=status, media_type=JSONLD)


def _error(err: DtsError) -> Response:
    return JSONResponse({"error": err.message, "status": err.status}, status_code=err.status)


def make_app(edition: Edition, site: Path) -> Starlette:
    """The application serving ``site`` (a built web edition) and the edition's APIs."""
    dts = Dts(edition, Templates("/dts"))
    repository = Repository(edition)

    async def entry(request: Request) -> Response:
        return _json(dts.entry())

    async def collection(request: Request) -> Response:
        p = _params(request)
        try:
            return _json(dts.collection(p.get("id"), p.get("nav")))
        except DtsError as err:
            return _error(err)

    async def navigation(request: Request) -> Response:
        try:
            return _json(dts.navigation(_params(request), str(request.url)))
        except DtsError as err:
            return _error(err)

    async def document(request: Request) -> Response:
        p = _params(request)
        try:
            body = dts.document(p)
        except DtsError as err:
            return _error(err)
        link = f'</dts/collection?id={p.get("resource", "")}>; rel="collection"'
        return Response(body, media_type=TEI_XML, headers={"Link": link})

    async def oai(request: Request) -> Response:
        query = request.url.query
        if request.method == "POST":
            query = (await request.body()).decode("utf-8", "replace")
        args = parse_qs(query, keep_blank_values=True)
        base = str(request.url).split("?", 1)[0]
        return Response(repository.respond(args, base_url=base), media_type=OAI_TYPE)

    async def oai_off(request: Request) -> Response:
        return Response(OAI_OFF + "\n", status_code=503, media_type="text/plain; charset=utf-8")

    routes = [
        Route("/dts", entry),
        Route("/dts/", entry),
        Route("/dts/collection", collection),
        Route("/dts/navigation", navigation),
        Route("/dts/document", document),
        Route("/oai", oai if edition.settings.email else oai_off, methods=["GET", "POST"]),
        Mount("/", _StaticSite(directory=site, html=True)),
    ]
    return Starlette(routes=routes)
