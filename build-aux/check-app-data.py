#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Checks that the desktop file, the AppStream metainfo, the MIME type and the icons agree with
each other and with the build: the same app id everywhere, the icon the desktop file names
exists, every MIME type defined is one the app opens, the newest release in the metainfo is the
project's version, and its translation domain is the gettext package.

Usage: check-app-data.py DATA_DIR APP_ID VERSION GETTEXT_PACKAGE"""
import configparser
import pathlib
import sys
import xml.etree.ElementTree as ET

data = pathlib.Path(sys.argv[1])
app_id, version, gettext_package = sys.argv[2:5]
MIME_NS = "{http://www.freedesktop.org/standards/shared-mime-info}"
errors = []

desktop_path = data / f"{app_id}.desktop.in"
parser = configparser.ConfigParser(interpolation=None, strict=True)
parser.optionxform = str
parser.read(desktop_path, encoding="utf-8")
entry = parser["Desktop Entry"] if parser.has_section("Desktop Entry") else {}
expected = {
    "Exec": "leaderboard %F",  # %F: the app opens several files at once (G_APPLICATION_HANDLES_OPEN)
    "Icon": app_id,
    "Terminal": "false",
    "StartupNotify": "true",
}
for key, value in expected.items():
    if entry.get(key) != value:
        errors.append(f"{desktop_path.name}: {key}={entry.get(key)} but should be {value}")
if entry.get("DBusActivatable", "false") != "false":
    errors.append(f"{desktop_path.name}: DBusActivatable needs a D-Bus service file, which is not installed")
opens = [t for t in entry.get("MimeType", "").split(";") if t]
for icon in (data / "icons" / "hicolor" / "scalable" / "apps" / f"{app_id}.svg",
             data / "icons" / "hicolor" / "symbolic" / "apps" / f"{app_id}-symbolic.svg"):
    if not icon.is_file():
        errors.append(f"{desktop_path.name}: Icon={app_id} but {icon} does not exist")

mime_path = data / f"{app_id}.mime.xml.in"
for mime_type in ET.parse(mime_path).getroot().findall(f"{MIME_NS}mime-type"):
    if mime_type.get("type") not in opens:
        errors.append(f"{desktop_path.name}: MimeType lacks {mime_type.get('type')}, defined in {mime_path.name}")
for wanted in ("text/csv", "text/tab-separated-values"):
    if wanted not in opens:
        errors.append(f"{desktop_path.name}: MimeType lacks {wanted}, which the importer reads")

metainfo_path = data / f"{app_id}.metainfo.xml.in"
component = ET.parse(metainfo_path).getroot()
checks = [
    ("id", component.findtext("id"), app_id),
    ("launchable", component.findtext("launchable"), f"{app_id}.desktop"),
    ("translation", component.findtext("translation"), gettext_package),
    ("name", component.findtext("name"), entry.get("Name")),
]
for what, got, want in checks:
    if got != want:
        errors.append(f"{metainfo_path.name}: <{what}> is {got!r}, should be {want!r}")
releases = component.findall("releases/release")
if not releases:
    errors.append(f"{metainfo_path.name}: no <release>")
elif releases[0].get("version") != version:
    errors.append(f"{metainfo_path.name}: the newest <release> is {releases[0].get('version')}, "
                  f"the project is {version}: add a <release> at the top of <releases>")

for e in errors:
    print(e)
if not errors:
    print(f"{app_id}: desktop file, metainfo, MIME type and icons agree (version {version})")
sys.exit(1 if errors else 0)
