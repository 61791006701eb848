#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Checks the Flatpak manifest without building it: valid JSON, the fields flatpak-builder needs,
the sandbox limited to the allowed finish-args (files go through the portal, so no --filesystem),
the app built with meson from this source tree, every file it names or that flatpak-builder
exports by the app id present in the source tree.

Libraries the GNOME runtime lacks (libgsf, FreeXL) are built as modules before the app's; each is
autotools, meson or cmake, and each source of it is pinned so that the build does not trust the
network: a git source over https with the commit (a tag alone can move), an archive or file over
https with its sha256, or a file or patch from this tree.

Usage: check-flatpak-manifest.py MANIFEST APP_ID"""
import json
import pathlib
import sys

ALLOWED_FINISH_ARGS = {"--share=ipc", "--socket=fallback-x11", "--socket=wayland", "--device=dri"}
REQUIRED_CLEANUP = {"/include", "/lib/pkgconfig", "*.a", "*.la"}
DEPENDENCY_BUILDSYSTEMS = {"autotools", "meson", "cmake", "cmake-ninja"}
HEX = set("0123456789abcdef")

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

def is_hex(value, lengths):
    return isinstance(value, str) and len(value) in lengths and set(value) <= HEX


def check_local(where, source):
    """A source read from this tree: the paths it names must exist here, and it names no url."""
    if "url" in source:
        error(f"{where}: a {source.get('type')} source from this tree takes a path, not a url")
    names = ([source["path"]] if "path" in source else []) + list(source.get("paths", []))
    if not names:
        error(f"{where}: names no path")
    for name in names:
        if not isinstance(name, str) or not (top / name).exists():
            error(f"{where}: {name} does not exist")


def check_https(where, source):
    urls = [source.get("url")] + list(source.get("mirror-urls", []))
    for url in urls:
        if not isinstance(url, str) or not url.startswith("https://"):
            error(f"{where}: {url!r} is not an https url")


def check_pinned(where, source):
    """A source a dependency module downloads must be pinned to exactly one content."""
    kind = source.get("type")
    if kind == "git":
        check_https(where, source)
        if not is_hex(source.get("commit"), (40, 64)):
            error(f'{where}: a git source must pin "commit" to a full hash (a tag or branch can move)')
        if "tag" in source and not (isinstance(source["tag"], str) and source["tag"]):
            error(f'{where}: "tag" must name the release tag')
    elif kind in ("archive", "file") and "url" in source:
        check_https(where, source)
        if not is_hex(source.get("sha256"), (64,)):
            error(f'{where}: a downloaded {kind} must give its "sha256"')
    elif kind in ("archive", "file", "patch"):
        check_local(where, source)
    else:
        error(f"{where}: type {kind!r} is not pinned; use git with a commit, an archive with a sha256, "
              "or a file or patch from this tree")


def is_this_tree(source):
    return (isinstance(source, dict) and source.get("type") == "dir"
            and (top / source.get("path", "")).resolve() == top.resolve())


def check_module(module, where, dependencies):
    """Checks one module; a module that builds this tree is the app's and is returned."""
    if isinstance(module, str):
        # A module given as a file name is read from beside the manifest, and checked as one.
        path = top / module
        if not path.is_file():
            error(f"{where}: {module} does not exist")
            return None
        try:
            module = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError, json.JSONDecodeError) as e:
            error(f"{where}: {module} is not a readable JSON module: {e}")
            return None
    if not isinstance(module, dict) or not module.get("name"):
        error(f"{where} needs a name")
        return None
    where = f'{where} ({module["name"]})'
    sources = module.get("sources")
    if not isinstance(sources, list) or not sources:
        error(f'{where}: "sources" must be a non-empty list')
        return None
    app = any(is_this_tree(source) for source in sources)
    if app:
        if module.get("buildsystem") != "meson":
            error(f'{where}: the app module\'s "buildsystem" must be "meson"')
        if module.get("modules"):
            error(f"{where}: the app module must not nest modules; list them before it")
    elif module.get("buildsystem") not in DEPENDENCY_BUILDSYSTEMS:
        error(f'{where}: "buildsystem" must be one of {sorted(DEPENDENCY_BUILDSYSTEMS)}, '
              f'not {module.get("buildsystem")!r}')
    for s_index, source in enumerate(sources):
        s_where = f"{where}.sources[{s_index}]"
        if not isinstance(source, dict):
            error(f"{s_where}: must be an object")
        elif app:
            # The app comes from this tree and the runtime: nothing downloaded.
            if source.get("type") not in ("dir", "file", "patch"):
                error(f"{s_where}: type {source.get('type')!r} would download; the app is built from this tree")
            else:
                check_local(s_where, source)
        elif source.get("type") == "dir":
            error(f"{s_where}: a dependency is not built from a directory of this tree")
        else:
            check_pinned(s_where, source)
    for n_index, nested in enumerate(module.get("modules", [])):
        if check_module(nested, f"{where}.modules[{n_index}]", dependencies) is not None:
            error(f"{where}.modules[{n_index}]: the app module must be at the top level")
    if not app:
        dependencies.append(module["name"])
    return module if app else None


modules = manifest.get("modules")
if not isinstance(modules, list) or not modules:
    error('"modules" must be a non-empty list')
    modules = []
app_modules = []
dependencies = []
for index, module in enumerate(modules):
    if check_module(module, f"modules[{index}]", dependencies) is not None:
        app_modules.append(index)
if not app_modules:
    error('no module builds this source tree ({"type": "dir", "path": "."})')
elif len(app_modules) > 1:
    error(f"modules {app_modules} all build this source tree; only the app module should")
elif app_modules[0] != len(modules) - 1:
    error(f"the app module (modules[{app_modules[0]}]) must come last, after the libraries it needs")

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
          f"{len(modules)} module(s) (dependencies: {', '.join(dependencies) or 'none'}), "
          f"finish-args {sorted(finish_args)}")
sys.exit(1 if errors else 0)
