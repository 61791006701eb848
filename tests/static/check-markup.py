#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""User text that enters Pango markup is escaped: every call in src/ that hands text to a
markup parser (GtkLabel markup, AdwToast titles, AdwPreferencesRow titles and subtitles while
use-markup is on, AdwStatusPage descriptions, Pango layouts) passes a literal, or sits in a
function that escapes (g_markup_escape_text, g_markup_printf_escaped) or that turns markup off
for the row (adw_preferences_row_set_use_markup (…, FALSE)). Prints TAP."""
import os
import re
import sys

from csource import arguments, strip_comments

# sink -> index of the text argument; True marks a row whose markup can be switched off.
SINKS = {
    "gtk_label_set_markup": (1, False),
    "gtk_label_set_markup_with_mnemonic": (1, False),
    "pango_layout_set_markup": (1, False),
    "gtk_widget_set_tooltip_markup": (1, False),
    "adw_toast_new": (0, False),
    "adw_toast_set_title": (1, False),
    "adw_status_page_set_description": (1, False),
    "adw_preferences_row_set_title": (1, True),
    "adw_action_row_set_subtitle": (1, True),
    "adw_expander_row_set_subtitle": (1, True),
}
# (file, function) -> why it is safe although the check cannot see it.
ALLOWED = {
    ("src/ui/results/lb-metadata-editor.c", "lb_metadata_editor_add_entry"):
        "row titles are the callers' translated field labels, never user text",
    ("src/ui/results/lb-metadata-editor.c", "lb_metadata_editor_add_choice"):
        "row titles are the callers' translated field labels, never user text",
}

CALL = re.compile(r"\b(%s)\s*\(" % "|".join(SINKS))
FUNCTION = re.compile(r"^([a-z_][a-z0-9_]*) \(", re.M)
SAFE_ARG = re.compile(r'^\s*(NULL|(?:_|N_|C_|gettext)?\s*\(?\s*(?:"(?:[^"\\]|\\.)*"\s*)+\)?)\s*$', re.S)
# A choice between literals: cond ? _("a") : _("b")
LITERAL_ARG = r'\s*(?:NULL|(?:_|N_|C_|gettext)?\s*\(?\s*(?:"(?:[^"\\]|\\.)*"\s*)+\)?)\s*'
CHOICE_ARG = re.compile(r'^[^?"]*\?' + LITERAL_ARG + ':' + LITERAL_ARG + '$', re.S)
ESCAPES = re.compile(r"\b(g_markup_escape_text|g_markup_printf_escaped|g_markup_vprintf_escaped)\b")
MARKUP_OFF = re.compile(r"\badw_preferences_row_set_use_markup\s*\([^;]*,\s*FALSE\s*\)")


def functions(text):
    """(name, start, end) of each top-level function (GNU style: name at the start of a line)."""
    marks = [(m.group(1), m.start()) for m in FUNCTION.finditer(text)]
    return [(name, start, marks[i + 1][1] if i + 1 < len(marks) else len(text))
            for i, (name, start) in enumerate(marks)]


UI_MARKUP_OFF = re.compile(r'<property name="use[-_]markup">\s*(?:false|False|FALSE|0|no)\s*</property>')


def check_text(rel, text, problems, ui_text=""):
    text = strip_comments(text)
    # Rows of a file that switches their markup off (in code or in its .ui template) are plain.
    file_markup_off = bool(MARKUP_OFF.search(text) or UI_MARKUP_OFF.search(ui_text))
    for name, start, end in functions(text):
        body = text[start:end]
        escapes = bool(ESCAPES.search(body))
        markup_off = file_markup_off
        for m in CALL.finditer(body):
            if body[:m.start()].rstrip().endswith(("void", "*")):
                continue
            index, switchable = SINKS[m.group(1)]
            args = arguments(body, m.end() - 1)
            if len(args) <= index or SAFE_ARG.match(args[index]) or CHOICE_ARG.match(args[index]):
                continue
            if escapes or (switchable and markup_off) or (rel, name) in ALLOWED:
                continue
            line = text.count("\n", 0, start + m.start()) + 1
            problems.append(f"{rel}:{line}: {m.group(1)} in {name}() gets “{args[index]}”, "
                            "which may hold user text, without escaping it")


def self_test():
    bad = '''
static void
show (GtkLabel *label, const char *name)
{
  g_autofree char *text = g_strdup_printf ("<b>%s</b>", name);
  gtk_label_set_markup (label, text);
  gtk_label_set_markup (label, "<b>Fixed</b>");
}

static void
row (AdwActionRow *row, const char *name)
{
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), name);
}
'''
    problems = []
    check_text("self-test.c", bad, problems)
    return len(problems) == 1, problems


def main():
    root = os.path.abspath(sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(__file__), ".."))
    ok, found = self_test()
    results = [(ok, "the check flags unescaped user text in markup", [] if ok else [repr(found)])]
    files = []
    for d, _, names in os.walk(os.path.join(root, "src")):
        files += [os.path.join(d, n) for n in names if n.endswith(".c")]
    for path in sorted(files):
        rel = os.path.relpath(path, root)
        problems = []
        ui_path = path[:-2] + ".ui"
        ui_text = ""
        if os.path.exists(ui_path):
            with open(ui_path, encoding="utf-8") as f:
                ui_text = f.read()
        with open(path, encoding="utf-8") as f:
            check_text(rel, f.read(), problems, ui_text)
        results.append((not problems, rel, problems))
    print(f"1..{len(results)}")
    for i, (ok, name, problems) in enumerate(results, 1):
        for p in problems:
            print(f"# {p}")
        print(f"{'ok' if ok else 'not ok'} {i} {name}")
    return 0 if all(r[0] for r in results) else 1


if __name__ == "__main__":
    sys.exit(main())
