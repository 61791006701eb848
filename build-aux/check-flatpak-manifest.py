#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Checks the Flatpak manifest without building it: valid JSON, the fields flatpak-builder needs,
the sandbox limited to the allowed finish-args (files go through the portal, so no --filesystem),
everything built from this source tree (nothing downloaded), and every file it names or that
flatpak-builder exports by the app id present in the source tree.

Usage: check-flatpak-manifest.py MANIFEST APP_ID"""
import json
import pathlib
import sys

ALLOWED_FINISH_ARGS = {"--share=ipc", "--socket=fallback-x11", "--socket=wayland", "--device=dri"}
REQUIRED_CLEANUP = {"/include", "/lib/pkgconfig", "*.a", "*.la"}

manifest_path = pathlib.Path(sys.argv[1])
app_id = sys.argv[2]
top = manifest_path.parent
errors = []


def error(message):
    errors.append(f"{manifest_path.name}: {message}")


try:
    manifest = json.loads(manifest_path.read_text(encoding="utf-8"))
except (OSError, UnicodeDecodeError, json.JSONDecodeError) as e:
    print(f"{manifest_path}: not a readable JSON document: {e}")
    sys.exit(1)

if not isinstance(manifest, dict):
    print(f"{manifest_path}: the top level must be an object")
    sys.exit(1)

manifest_id = manifest.get("id", manifest.get("app-id"))
if manifest_id != app_id:
    error(f'"id" is {manifest_id!r}, the app id is {app_id!r}')
if manifest_path.name != app_id + ".json":
    error(f"the file should be named {app_id}.json")
for key, expected in (("runtime", "org.gnome.Platform"), ("sdk", "org.gnome.Sdk"), ("command", "leaderboard")):
    if manifest.get(key) != expected:
        error(f'"{key}" is {manifest.get(key)!r}, expected {expected!r}')
version = manifest.get("runtime-version")
if not isinstance(version, str) or not version.isdigit():
    error(f'"runtime-version" must pin a stable GNOME release such as "50", not {version!r}')

finish_args = manifest.get("finish-args")
if not isinstance(finish_args, list) or len(finish_args) != len(set(finish_args or [])):
    error('"finish-args" must be a list without repeats')
elif set(finish_args) != ALLOWED_FINISH_ARGS:
    extra = sorted(set(finish_args) - ALLOWED_FINISH_ARGS)
    absent = sorted(ALLOWED_FINISH_ARGS - set(finish_args))
    if extra:
        error(f'"finish-args" grants more than allowed: {extra} (files go through the portal)')
    if absent:
        error(f'"finish-args" lacks {absent}')

cleanup = manifest.get("cleanup", [])
if not REQUIRED_CLEANUP <= set(cleanup):
    error(f'"cleanup" lacks {sorted(REQUIRED_CLEANUP - set(cleanup))}')

modules = manifest.get("modules")
if not isinstance(modules, list) or not modules:
    error('"modules" must be a non-empty list')
    modules = []
app_module = None
for index, module in enumerate(modules):
    if isinstance(module, str):
        # A module given as a file name is read from beside the manifest.
        if not (top / module).is_file():
            error(f"modules[{index}]: {module} does not exist")
        continue
    if not isinstance(module, dict) or not module.get("name"):
        error(f"modules[{index}] needs a name")
        continue
    if module.get("buildsystem") != "meson":
        error(f'modules[{index}] ({module["name"]}): "buildsystem" must be "meson"')
    sources = module.get("sources")
    if not isinstance(sources, list) or not sources:
        error(f'modules[{index}] ({module["name"]}): "sources" must be a non-empty list')
        continue
    for s_index, source in enumerate(sources):
        where = f'modules[{index}].sources[{s_index}]'
        if not isinstance(source, dict):
            error(f"{where}: must be an object")
            continue
        kind = source.get("type")
        if kind not in ("dir", "file", "patch"):
            error(f"{where}: type {kind!r} would download; everything comes from this tree or the runtime")
            continue
        names = ([source["path"]] if "path" in source else []) + list(source.get("paths", []))
        for name in names:
            if not (top / name).exists():
                error(f"{where}: {name} does not exist")
        if kind == "dir" and (top / source.get("path", "")).resolve() == top.resolve():
            app_module = module
if app_module is None:
    error('no module builds this source tree ({"type": "dir", "path": "."})')

# What flatpak-builder exports must be named by the app id, and what meson needs must be here.
for name in ("meson.build", f"data/{app_id}.desktop.in", f"data/{app_id}.metainfo.xml.in",
             f"data/{app_id}.mime.xml.in", f"data/icons/hicolor/scalable/apps/{app_id}.svg",
             f"data/icons/hicolor/symbolic/apps/{app_id}-symbolic.svg"):
    if not (top / name).is_file():
        error(f"the build needs {name}, which does not exist")

for e in errors:
    print(e)
if not errors:
    print(f"{manifest_path.name}: {app_id} on {manifest['runtime']}//{version}, "
          f"{len(modules)} module(s), finish-args {sorted(finish_args)}")
sys.exit(1 if errors else 0)
