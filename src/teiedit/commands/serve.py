"""teiedit serve: the web edition over HTTP, with its DTS and OAI-PMH APIs."""

from __future__ import annotations

import argparse
import socket
from pathlib import Path

from teiedit.commands.base import Subparsers
from teiedit.config import load_settings
from teiedit.console import out_console
from teiedit.diagnostics import EXIT_OK, TeieditError

HELP = """\
Serve the edition around the current folder (or --edition DIR) at http://HOST:PORT/: the web edition
(out/html, brought up to date first unless --no-build), the DTS 1.0 API at /dts (entry point;
/dts/collection, /dts/navigation and /dts/document with their query parameters) and OAI-PMH 2.0 at
/oai (verbs Identify, ListMetadataFormats, ListSets, ListIdentifiers, ListRecords, GetRecord). --port 0
takes a free port; the first line printed names the address. Ctrl-C stops the server."""


def add_parser(sub: Subparsers) -> None:
    p = sub.add_parser(
        "serve", help="serve the web edition with its DTS and OAI-PMH APIs", description=HELP
    )
    p.add_argument("--edition", type=Path, default=None, help="the edition folder (default: here)")
    p.add_argument(
        "--host", default="127.0.0.1", help="the address to listen on (default: 127.0.0.1)"
    )
    p.add_argument(
        "--port", type=int, default=8000, help="the port (default: 8000; 0: any free port)"
    )
    p.add_argument(
        "--no-build",
        action="store_true",
        help="serve out/html as it is, without bringing it up to date",
    )
    p.set_defaults(run=run)


def _bind(host: str, port: int) -> socket.socket:
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    sock = socket.socket(family, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try:
        sock.bind((host, port))
    except OSError as exc:
        sock.close()
        raise TeieditError(
            f"cannot listen on {host}:{port}: {exc.strerror}",
            hint="choose another --port (0 takes a free one)",
        ) from None
    sock.listen(128)
    sock.set_inheritable(True)
    return sock


def run(args: argparse.Namespace) -> int:
    import uvicorn

    from teiedit.builder import BuildOptions
    from teiedit.builders.registry import get_builder
    from teiedit.edition import Edition
    from teiedit.serve.app import make_app

    settings = load_settings(args.edition)
    edition = Edition.load(settings)
    site = settings.out / "html"
    if not args.no_build:
        options = BuildOptions({"link_pdf": (settings.out / "pdf").is_dir()})
        get_builder("html").build(edition, site, options)
        get_builder("site").build(edition, site, options)
    if not (site / "index.html").is_file():
        raise TeieditError(
            "there is no built web edition to serve", site, hint="run `teiedit build` first"
        )
    sock = _bind(args.host, args.port)
    host, port = sock.getsockname()[:2]
    shown = f"[{host}]" if ":" in str(host) else host
    oai = "OAI-PMH at /oai" if settings.email else "OAI-PMH off: set email in teiedit.toml"
    out_console.print(
        f"Serving {settings.title} at http://{shown}:{port}/ (DTS at /dts, {oai}); Ctrl-C stops",
        markup=False,
        soft_wrap=True,
    )
    config = uvicorn.Config(make_app(edition, site), log_level="warning", lifespan="off")
    uvicorn.Server(config).run(sockets=[sock])
    return EXIT_OK
