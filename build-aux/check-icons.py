#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Checks the app icons under ICON_DIR (data/icons/hicolor): both exist and are SVG; the full-colour
icon is drawn on a 128x128 canvas; the symbolic icon is 16x16 and fill only, in #2e3436 (the colour
GTK recolours to the text colour); neither uses text (fonts differ), raster images or outside
files. When rsvg-convert is installed, each is rendered at 16, 32 and 128 px.

Usage: check-icons.py ICON_DIR APP_ID"""
import pathlib
import re
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET

SVG = "{http://www.w3.org/2000/svg}"
icon_dir = pathlib.Path(sys.argv[1])
app_id = sys.argv[2]
full = icon_dir / "scalable" / "apps" / f"{app_id}.svg"
symbolic = icon_dir / "symbolic" / "apps" / f"{app_id}-symbolic.svg"
errors = []


def load(path, size):
    try:
        root = ET.parse(path).getroot()
    except (OSError, ET.ParseError) as e:
        errors.append(f"{path}: {e}")
        return None
    if root.tag != SVG + "svg":
        errors.append(f"{path}: the root element is {root.tag}, not an SVG <svg>")
        return None
    if root.get("viewBox", "").split() != ["0", "0", str(size), str(size)]:
        errors.append(f'{path}: viewBox should be "0 0 {size} {size}", is {root.get("viewBox")!r}')
    for element in root.iter():
        name = element.tag.replace(SVG, "")
        if name in ("text", "tspan", "image", "use", "script", "foreignObject"):
            errors.append(f"{path}: <{name}> does not belong in an icon")
        for key, value in element.attrib.items():
            if key.endswith("href") and not value.startswith("#"):
                errors.append(f"{path}: refers to the outside file {value}")
    return root


load(full, 128)
root = load(symbolic, 16)
if root is not None:
    for element in root.iter():
        name = element.tag.replace(SVG, "")
        style = dict(p.split(":", 1) for p in element.get("style", "").replace(" ", "").split(";") if ":" in p)
        stroke = element.get("stroke", style.get("stroke", "none"))
        if stroke != "none":
            errors.append(f"{symbolic}: <{name}> has a stroke; symbolic icons are fill only")
        if name in ("path", "rect", "circle", "ellipse", "polygon"):
            fill = element.get("fill", style.get("fill"))
            if fill is None or fill.lower() != "#2e3436":
                errors.append(f"{symbolic}: <{name}> is filled with {fill!r}, not #2e3436")
    colours = set(c.lower() for c in re.findall(r"#[0-9a-fA-F]{3,6}\b", symbolic.read_text()))
    if colours - {"#2e3436"}:
        errors.append(f"{symbolic}: uses colours {sorted(colours - {'#2e3436'})}")

rsvg = shutil.which("rsvg-convert")
if rsvg and not errors:
    with tempfile.TemporaryDirectory() as tmp:
        for path in (full, symbolic):
            for size in (16, 32, 128):
                out = pathlib.Path(tmp) / f"{size}.png"
                run = subprocess.run([rsvg, "-w", str(size), "-h", str(size), str(path), "-o", str(out)],
                                     capture_output=True, text=True)
                data = out.read_bytes() if out.exists() else b""
                # A PNG's IHDR holds the width and height as big-endian 32-bit numbers at 16..24.
                if run.returncode != 0 or data[:8] != b"\x89PNG\r\n\x1a\n" or \
                   int.from_bytes(data[16:20], "big") != size or int.from_bytes(data[20:24], "big") != size:
                    errors.append(f"{path}: rsvg-convert could not render it at {size} px: {run.stderr.strip()}")
elif not rsvg:
    print("rsvg-convert (librsvg2-bin) is not installed: icons not rendered")

for e in errors:
    print(e)
if not errors:
    print(f"{full.name} and {symbolic.name}: fine")
sys.exit(1 if errors else 0)
