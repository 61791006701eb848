#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Checks that the screenshots the AppStream metainfo names are the PNG files in SCREENSHOT_DIR
(data/screenshots/), by file name, and that exactly one is the default. Skips (77) while the
directory does not exist yet.

Usage: check-screenshots.py METAINFO SCREENSHOT_DIR"""
import pathlib
import sys
import xml.etree.ElementTree as ET
from urllib.parse import urlparse

SKIP = 77
metainfo = pathlib.Path(sys.argv[1])
directory = pathlib.Path(sys.argv[2])
errors = []

shots = ET.parse(metainfo).getroot().findall("screenshots/screenshot")
if not shots:
    errors.append(f"{metainfo}: no <screenshot>")
defaults = [s for s in shots if s.get("type") == "default"]
if len(defaults) != 1:
    errors.append(f"{metainfo}: {len(defaults)} screenshots are type=\"default\"; exactly one must be")
names = []
for shot in shots:
    image = shot.find("image")
    if image is None or not (image.text or "").strip():
        errors.append(f"{metainfo}: a <screenshot> has no <image>")
        continue
    names.append(pathlib.PurePosixPath(urlparse(image.text.strip()).path).name)
    if shot.find("caption") is None:
        errors.append(f"{metainfo}: the screenshot {names[-1]} has no <caption>")

if not directory.is_dir():
    for e in errors:
        print(e)
    if errors:
        sys.exit(1)
    print(f"{directory} does not exist yet: {', '.join(names)} not checked")
    sys.exit(SKIP)

for name in names:
    path = directory / name
    if not path.is_file():
        errors.append(f"{metainfo}: names the screenshot {name}, which is not in {directory}")
    elif path.read_bytes()[:8] != b"\x89PNG\r\n\x1a\n":
        errors.append(f"{path}: not a PNG image")
for path in sorted(directory.glob("*.png")):
    if path.name not in names:
        errors.append(f"{path}: not named in {metainfo.name}; add it there or remove it")

for e in errors:
    print(e)
if not errors:
    print(f"{metainfo.name}: {len(names)} screenshots, all in {directory}")
sys.exit(1 if errors else 0)
