#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Installs the MIME package MIME_XML into a private MIME database and checks, through GIO, that
LBOM files are told apart from other JSON: by the *.lbom.json glob (which must outweigh *.json)
and, for a file without that name, by its "format": "lbom" key.

Usage: check-mime.py MIME_XML SAMPLE_LBOM
Skips (77) when update-mime-database or gio is missing."""
import os
import re
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET

SKIP = 77
LBOM_TYPE = "application/x-leaderboard-lbom+json"
NS = "{http://www.freedesktop.org/standards/shared-mime-info}"

mime_xml, sample = sys.argv[1], sys.argv[2]
failures = []

root = ET.parse(mime_xml).getroot()
types = root.findall(f"{NS}mime-type")
if [t.get("type") for t in types] != [LBOM_TYPE]:
    failures.append(f"{mime_xml}: expected exactly one mime-type {LBOM_TYPE}")
else:
    lbom = types[0]
    parents = [e.get("type") for e in lbom.findall(f"{NS}sub-class-of")]
    if parents != ["application/json"]:
        failures.append(f"{mime_xml}: {LBOM_TYPE} must be a sub-class-of application/json, not {parents}")
    globs = {g.get("pattern"): int(g.get("weight", "50")) for g in lbom.findall(f"{NS}glob")}
    if globs.get("*.lbom.json", 0) <= 50:
        failures.append(f"{mime_xml}: the *.lbom.json glob needs a weight above 50 (that of *.json), has {globs}")
    if not lbom.findall(f"{NS}comment"):
        failures.append(f"{mime_xml}: {LBOM_TYPE} has no comment for file managers")

update = shutil.which("update-mime-database")
gio = shutil.which("gio")
if failures or update is None or gio is None:
    for f in failures:
        print("FAIL:", f)
    if failures:
        sys.exit(1)
    print("update-mime-database (shared-mime-info) or gio (libglib2.0-bin) missing: GIO check skipped")
    sys.exit(SKIP)

with tempfile.TemporaryDirectory() as tmp:
    share = os.path.join(tmp, "share")
    packages = os.path.join(share, "mime", "packages")
    os.makedirs(packages)
    shutil.copy(mime_xml, os.path.join(packages, "org.example.Leaderboard.xml"))
    subprocess.run([update, os.path.join(share, "mime")], check=True,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)

    with open(sample, "rb") as f:
        lbom_text = f.read()
    files = os.path.join(tmp, "files")
    os.makedirs(files)
    cases = [
        # name, contents, expected type
        ("team.lbom.json", lbom_text, LBOM_TYPE),
        ("team.lbom", lbom_text, LBOM_TYPE),
        ("TEAM.LBOM.JSON", lbom_text, LBOM_TYPE),
        ("exported-by-json-glib", b'{\n  "format" : "lbom",\n  "version" : 1\n}\n', LBOM_TYPE),
        ("exported-by-hand", lbom_text, LBOM_TYPE),
        ("settings.json", b'{"format": "other"}\n', "application/json"),
        ("results.csv", b"model,score\nA,1\n", "text/csv"),
    ]
    env = dict(os.environ)
    env["XDG_DATA_HOME"] = os.path.join(tmp, "home")
    env["XDG_DATA_DIRS"] = share + ":" + env.get("XDG_DATA_DIRS", "/usr/local/share:/usr/share")
    for name, contents, expected in cases:
        path = os.path.join(files, name)
        with open(path, "wb") as f:
            f.write(contents)
        out = subprocess.run([gio, "info", "-a", "standard::content-type", path], env=env,
                             check=True, capture_output=True, text=True).stdout
        m = re.search(r"standard::content-type: (\S+)", out)
        got = m.group(1) if m else None
        if got != expected:
            failures.append(f"{name}: GIO says {got}, expected {expected}")
        else:
            print(f"ok {name}: {got}")

for f in failures:
    print("FAIL:", f)
sys.exit(1 if failures else 0)
