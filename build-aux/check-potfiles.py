#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Checks that po/POTFILES.in lists every file with strings for translators, and nothing that
does not exist (xgettext stops on a missing file).

Looked at: src/**/*.c and *.h that call _(), N_(), C_(), NC_(), g_dngettext() or ngettext()
outside comments; src/**/*.ui with translatable="yes"; data/*.desktop.in and data/*.xml.in
(merged with i18n.merge_file, so their strings come from po/).

Usage: check-potfiles.py SOURCE_ROOT"""
import pathlib
import re
import sys

root = pathlib.Path(sys.argv[1])
CALL = re.compile(r"(?<![A-Za-z0-9_])(?:_|N_|C_|NC_|g_dngettext|ngettext)\s*\(")
TRANSLATABLE = re.compile(r"""translatable\s*=\s*["'](?:yes|true|1)["']""")


def code_without_comments(text):
    """C text with comments and the contents of string and character literals blanked out."""
    out = []
    i, n = 0, len(text)
    while i < n:
        c = text[i]
        if text.startswith("/*", i):
            end = text.find("*/", i + 2)
            i = n if end < 0 else end + 2
            out.append(" ")
        elif text.startswith("//", i):
            end = text.find("\n", i)
            i = n if end < 0 else end
        elif c in "\"'":
            j = i + 1
            while j < n and text[j] != c:
                j += 2 if text[j] == "\\" else 1
            out.append(c + c)
            i = j + 1
        else:
            out.append(c)
            i += 1
    return "".join(out)


def needs_translation(path):
    text = path.read_text(encoding="utf-8", errors="replace")
    if path.suffix in (".c", ".h"):
        return CALL.search(code_without_comments(text)) is not None
    if path.suffix == ".ui":
        return TRANSLATABLE.search(text) is not None
    return True  # data/*.in: merged through po/


wanted = set()
for pattern in ("**/*.c", "**/*.h", "**/*.ui"):
    for path in (root / "src").glob(pattern):
        if needs_translation(path):
            wanted.add(path.relative_to(root).as_posix())
for pattern in ("*.desktop.in", "*.xml.in"):
    for path in (root / "data").glob(pattern):
        wanted.add(path.relative_to(root).as_posix())

potfiles = root / "po" / "POTFILES.in"
listed = []
for number, line in enumerate(potfiles.read_text(encoding="utf-8").splitlines(), 1):
    line = line.strip()
    if line and not line.startswith("#"):
        listed.append((number, line))

failed = False
missing = sorted(wanted - {name for _, name in listed})
if missing:
    failed = True
    print(f"{potfiles}: these files have strings for translators but are not listed; add them:")
    for name in missing:
        print(f"  {name}")
for number, name in listed:
    if not (root / name).is_file():
        failed = True
        print(f"{potfiles}:{number}: {name} does not exist; remove or correct the line")
seen = set()
for number, name in listed:
    if name in seen:
        failed = True
        print(f"{potfiles}:{number}: {name} is listed twice")
    seen.add(name)

if not failed:
    print(f"{potfiles}: all {len(wanted)} files with translatable strings are listed")
sys.exit(1 if failed else 0)
