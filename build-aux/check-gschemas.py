#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Runs glib-compile-schemas --strict --dry-run on DIR; skips (77) when DIR has no *.gschema.xml."""
import glob
import shutil
import subprocess
import sys

SKIP = 77

directory = sys.argv[1]
schemas = sorted(glob.glob(f"{directory}/*.gschema.xml"))
if not schemas:
    print(f"no *.gschema.xml in {directory}: nothing to check")
    sys.exit(SKIP)
tool = shutil.which("glib-compile-schemas")
if tool is None:
    print("glib-compile-schemas is not installed (package libglib2.0-bin)")
    sys.exit(SKIP)
print("checking " + ", ".join(schemas))
sys.exit(subprocess.run([tool, "--strict", "--dry-run", directory]).returncode)
