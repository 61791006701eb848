#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""SQL only through bound parameters: every SQL text handed to SQLite in src/ must be a
string literal, or a variable listed in ALLOWED below (with why it is safe), and no printf-like
call may build SQL around a %s unless listed too. Prints TAP."""
import os
import re
import sys

from csource import arguments, strip_comments

# (file, function, argument or format) -> why it cannot carry user data.
ALLOWED = {
    ("src/core/store/lb-store.c", "exec_sql", "sql"):
        "the helper itself; its callers are checked (literal SQL only)",
    ("src/core/store/lb-store.c", "lb_store_prepare", "sql"):
        "the statement cache itself; its callers are checked",
    ("src/core/store/lb-store.c", "lb_store_prepare_static", "sql"):
        "the pointer-keyed statement cache itself; its callers are checked",
    ("src/core/store/lb-store-results.c", "insert_results", "sql"):
        "a multi-row INSERT made of ?N placeholders only (insert_results_sql)",
    ("src/core/store/lb-store.c", "lb_store_begin", "sql"):
        "SAVEPOINT lb_N: N is the integer nesting depth",
    ("src/core/store/lb-store.c", "lb_store_commit", "sql"):
        "RELEASE lb_N: N is the integer nesting depth",
    ("src/core/store/lb-store.c", "lb_store_rollback", "sql"):
        "ROLLBACK TO lb_N: N is the integer nesting depth",
    ("src/core/store/lb-store.c", "migrate", "set_version"):
        "PRAGMA user_version = N: N is the integer schema version (pragmas take no parameters)",
    ("src/core/store/lb-store.c", "migrate", "mark"):
        "PRAGMA application_id = N: N is the constant LB_STORE_APPLICATION_ID",
    ("src/core/store/lb-store.c", "migrate", "migrations[v]"):
        "the constant migration scripts of this file",
    ("src/core/store/lb-store-entities.c", "set_field_in_transaction", "select_sql"):
        "table and column names from the constant field tables of this file",
    ("src/core/store/lb-store-entities.c", "set_field_in_transaction", "update_sql"):
        "table and column names from the constant field tables of this file",
    ("src/core/store/lb-store-entities.c", "set_field_in_transaction", "SELECT %s, %s FROM %s WHERE id = ?1"):
        "table and column names from the constant field tables; the value is bound",
    ("src/core/store/lb-store-entities.c", "set_field_in_transaction", "UPDATE %s SET %s = ?1%s WHERE id = ?2"):
        "table and column names from the constant field tables; the value is bound",
    ("src/core/store/lb-store-entities.c", "find_by_name", "sql"):
        "the helper itself; its callers are checked (literal SQL only)",
    ("src/core/store/lb-store-entities.c", "ensure_named", "find_sql"):
        "the helper itself; its callers are checked (literal SQL only)",
}

CALLS = re.compile(r"\b(sqlite3_exec|sqlite3_prepare(?:_v2|_v3|16(?:_v2|_v3)?)?|lb_store_prepare|lb_store_prepare_static|exec_sql|find_by_name|ensure_named)\s*\(")
PRINTF = re.compile(r"\b(g_strdup_printf|g_string_append_printf|g_string_printf|sqlite3_mprintf|sqlite3_snprintf|sqlite3_vmprintf|g_strconcat)\s*\(")
SQL_WORDS = re.compile(r"\b(SELECT|INSERT|UPDATE|DELETE|REPLACE|WHERE|VALUES|PRAGMA|CREATE|DROP|ALTER|SAVEPOINT|RELEASE|ROLLBACK)\b")
FUNCTION = re.compile(r"^([a-z_][a-z0-9_]*) \(", re.M)
LITERAL = re.compile(r'^(\s*"(?:[^"\\]|\\.)*"\s*)+$', re.S)
DEFINE = re.compile(r"^#define ([A-Z_][A-Z0-9_]*)[ \t]*((?:[^\n]*\\\n)*[^\n]*)", re.M)


def literal_macros(text):
    """Macros of the file that expand to string literals only (column lists and the like)."""
    macros = {}
    for m in DEFINE.finditer(text):
        body = m.group(2).replace("\\\n", " ")
        for name in macros:
            body = re.sub(r"\b%s\b" % name, '""', body)
        if body.strip() and LITERAL.match(body):
            macros[m.group(1)] = True
    return macros


def is_literal(arg, macros):
    for name in macros:
        arg = re.sub(r"\b%s\b" % name, '""', arg)
    return bool(LITERAL.match(arg))


def function_at(text, pos):
    name = "?"
    for m in FUNCTION.finditer(text, 0, pos):
        name = m.group(1)
    return name


def literal_value(arg):
    return "".join(re.findall(r'"((?:[^"\\]|\\.)*)"', arg))


def check_text(rel, text, problems, used):
    text = strip_comments(text)
    macros = literal_macros(text)
    for m in CALLS.finditer(text):
        args = arguments(text, m.end() - 1)
        if len(args) < 2 or re.match(r"^(LbStore|sqlite3|const)\b", args[0]):
            continue  # the definition, not a call
        sql = args[1]
        if is_literal(sql, macros):
            continue
        func = function_at(text, m.start())
        key = (rel, func, sql)
        line = text.count("\n", 0, m.start()) + 1
        if key in ALLOWED:
            used.add(key)
        else:
            problems.append(f"{rel}:{line}: {m.group(1)} in {func}() gets SQL that is not a literal: {sql}")
    for m in PRINTF.finditer(text):
        args = arguments(text, m.end() - 1)
        if not args:
            continue
        fmt_index = 1 if m.group(1) in ("g_string_append_printf", "g_string_printf") else 0
        if m.group(1) == "sqlite3_snprintf":
            fmt_index = 2
        if len(args) <= fmt_index:
            continue
        fmt = literal_value(args[fmt_index]) if m.group(1) != "g_strconcat" else " ".join(literal_value(a) for a in args)
        if not SQL_WORDS.search(fmt):
            continue
        if m.group(1) != "g_strconcat" and not re.search(r"%[-0-9.]*[sqQwz]", fmt) and m.group(1) != "sqlite3_mprintf":
            continue  # only integers go in
        func = function_at(text, m.start())
        key = (rel, func, fmt)
        line = text.count("\n", 0, m.start()) + 1
        if key in ALLOWED:
            used.add(key)
        else:
            problems.append(f"{rel}:{line}: {m.group(1)} in {func}() builds SQL from text: \"{fmt}\"")


def self_test():
    """The check must catch string-built SQL; a check that cannot fail proves nothing."""
    bad = '''
static void
lookup (sqlite3 *db, const char *name)
{
  char *sql = g_strdup_printf ("SELECT * FROM models WHERE name = '%s'", name);
  sqlite3_exec (db, sql, NULL, NULL, NULL);
  sqlite3_prepare_v2 (db, "SELECT 1", -1, &stmt, NULL);
}
'''
    problems = []
    check_text("self-test.c", bad, problems, set())
    return len(problems) == 2, problems


def main():
    root = os.path.abspath(sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(__file__), ".."))
    results = []
    ok, problems = self_test()
    results.append((ok, "the check flags string-built SQL", [] if ok else ["self-test found: %r" % problems]))
    used = set()
    files = []
    for d, _, names in os.walk(os.path.join(root, "src")):
        files += [os.path.join(d, n) for n in names if n.endswith(".c")]
    for path in sorted(files):
        rel = os.path.relpath(path, root)
        with open(path, encoding="utf-8") as f:
            problems = []
            check_text(rel, f.read(), problems, used)
        results.append((not problems, rel, problems))
    stale = [k for k in ALLOWED if k not in used]
    results.append((not stale, "every allowed exception is still used", [f"unused: {k}" for k in stale]))
    print(f"1..{len(results)}")
    for i, (ok, name, problems) in enumerate(results, 1):
        for p in problems:
            print(f"# {p}")
        print(f"{'ok' if ok else 'not ok'} {i} {name}")
    return 0 if all(r[0] for r in results) else 1


if __name__ == "__main__":
    sys.exit(main())
