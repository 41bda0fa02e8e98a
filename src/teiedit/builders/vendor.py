"""Third-party assets the site ships when they are installed: Leaflet (the maps' pan and zoom) and the
world's coastline from Natural Earth (world-atlas), both npm packages that ``make install`` puts into
``.venv/node-site`` (``$TEIEDIT_NODE_MODULES`` names another node_modules folder). Nothing is fetched at
build or run time: without them the maps are drawn by site.js alone, and without the coastline they show
the places on a grid of meridians and parallels.
"""

from __future__ import annotations

import json
import os
import shutil
import sys
from pathlib import Path
from typing import Any

from teiedit.io import write_text_atomic

LEAFLET_FILES = ("leaflet.js", "leaflet.css", "images/layers.png", "images/marker-icon.png")
WORLD = "world-atlas/land-110m.json"


def node_modules() -> Path | None:
    """The node_modules folder holding the site's npm packages, if any."""
    for candidate in (
        os.environ.get("TEIEDIT_NODE_MODULES", ""),
        Path(sys.prefix) / "node-site" / "node_modules",
    ):
        if candidate and Path(candidate).is_dir():
            return Path(candidate)
    return None


def vendor_files() -> dict[str, Path]:
    """Site path -> installed file, for the files of Leaflet that are installed."""
    modules = node_modules()
    if modules is None or not (modules / "leaflet" / "dist" / "leaflet.js").is_file():
        return {}
    dist = modules / "leaflet" / "dist"
    return {
        f"vendor/leaflet/{name}": dist / name for name in LEAFLET_FILES if (dist / name).is_file()
    }


def _decode_arcs(topology: dict[str, Any]) -> list[list[tuple[float, float]]]:
    transform = topology.get("transform")
    arcs: list[list[list[int]]] = topology["arcs"]
    scale, translate = [1.0, 1.0], [0.0, 0.0]
    if isinstance(transform, dict):
        scale, translate = list(transform["scale"]), list(transform["translate"])
    out = []
    for arc in arcs:
        x = y = 0
        points: list[tuple[float, float]] = []
        for dx, dy in arc:
            if transform:
                x, y = x + dx, y + dy
                points.append((x * scale[0] + translate[0], y * scale[1] + translate[1]))
            else:
                points.append((float(dx), float(dy)))
        out.append(points)
    return out


def _rings(
    geometry: dict[str, Any], arcs: list[list[tuple[float, float]]]
) -> list[list[tuple[float, float]]]:
    kind = geometry.get("type")
    if kind == "GeometryCollection":
        return [r for g in geometry.get("geometries", []) for r in _rings(g, arcs)]
    polygons = geometry.get("arcs", [])
    if kind == "Polygon":
        polygons = [polygons]
    elif kind != "MultiPolygon":
        return []
    rings = []
    for polygon in polygons:
        for ring_arcs in polygon:
            ring: list[tuple[float, float]] = []
            for index in ring_arcs:
                points = arcs[index] if index >= 0 else arcs[~index][::-1]
                ring.extend(points if not ring else points[1:])
            rings.append(ring)
    return rings


def _unwrapped(ring: list[tuple[float, float]]) -> list[tuple[float, float]]:
    """A ring whose longitudes run on across the antimeridian (179, 181) instead of jumping back (179,
    -179): drawn as it is, a jump would cross the whole map."""
    out = [ring[0]]
    for lon, lat in ring[1:]:
        prev = out[-1][0]
        while lon - prev > 180:
            lon -= 360
        while prev - lon > 180:
            lon += 360
        out.append((lon, lat))
    # The ring may start on the side of the antimeridian where the smaller part lies: bring its bulk back.
    middle = sorted(lon for lon, _ in out)[len(out) // 2]
    shift = 360 * round(middle / 360)
    return [(lon - shift, lat) for lon, lat in out]


def world_script() -> str | None:
    """``js/world.js``: the land of the world as rings of [longitude, latitude] (from world-atlas's
    TopoJSON, decoded here), or None when world-atlas is not installed."""
    modules = node_modules()
    source = modules / WORLD if modules else None
    if source is None or not source.is_file():
        return None
    topology = json.loads(source.read_text(encoding="utf-8"))
    arcs = _decode_arcs(topology)
    rings = [
        [round(v, 2) for point in _unwrapped(ring) for v in point]
        for obj in topology["objects"].values()
        for ring in _rings(obj, arcs)
        if len(ring) > 3 and max(lat for _, lat in ring) > -60  # Antarctica: no place of ours
    ]
    data = json.dumps(rings, separators=(",", ":"))
    return (
        "/* The land of the world, from Natural Earth (public domain) via the world-atlas package. */\n"
        f"window.teieditWorld = {data};\n"
    )


def copy_vendor(tmp: Path) -> list[str]:
    """Copy the installed third-party assets into the staging folder; return their site paths."""
    written = []
    for rel, src in vendor_files().items():
        (tmp / rel).parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(src, tmp / rel)
        written.append(rel)
    world = world_script()
    if world is not None:
        (tmp / "js").mkdir(exist_ok=True)
        write_text_atomic(tmp / "js" / "world.js", world)
        written.append("js/world.js")
    return written


def vendored() -> dict[str, bool]:
    """What the site will ship: Leaflet, the coastline."""
    modules = node_modules()
    return {
        "leaflet": bool(vendor_files()),
        "world": bool(modules and (modules / WORLD).is_file()),
    }
