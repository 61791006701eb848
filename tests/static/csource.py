# SPDX-License-Identifier: GPL-3.0-or-later
"""Reading C source as text, for the static checks (check-sql.py, check-markup.py)."""
import re


def strip_comments(text):
    # Keeps line numbers: comments become spaces.
    return re.sub(r"/\*.*?\*/|//[^\n]*", lambda m: re.sub(r"[^\n]", " ", m.group(0)), text, flags=re.S)


def arguments(text, start):
    """Top-level arguments of the call whose '(' is at text[start]."""
    depth, args, cur, i, in_str = 0, [], [], start, None
    while i < len(text):
        c = text[i]
        if in_str:
            cur.append(c)
            if c == "\\":
                cur.append(text[i + 1])
                i += 1
            elif c == in_str:
                in_str = None
        elif c in "\"'":
            in_str = c
            cur.append(c)
        elif c in "([{":
            depth += 1
            if depth > 1:
                cur.append(c)
        elif c in ")]}":
            depth -= 1
            if depth == 0:
                args.append("".join(cur).strip())
                return args
            cur.append(c)
        elif c == "," and depth == 1:
            args.append("".join(cur).strip())
            cur = []
        else:
            cur.append(c)
        i += 1
    return args
