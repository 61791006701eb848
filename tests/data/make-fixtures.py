#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Writes the CSV reader fixtures byte-exact, as Excel writes them.

Run from this directory: python3 make-fixtures.py. The generated files are committed;
tests/test-csv-reader.c asserts their decoded contents."""

import os

HERE = os.path.dirname(os.path.abspath(__file__))


def write(name, data):
    with open(os.path.join(HERE, name), "wb") as f:
        f.write(data)


def crlf(rows):
    return "".join(r + "\r\n" for r in rows)


# Japanese Excel "CSV (Comma delimited)": CP932, no BOM, CRLF. 表 ソ 能 have 0x5C trail
# bytes; ① and 髙 need CP932 (not SHIFT_JIS); 0x8160 is ～ (U+FF5E) in CP932.
write("cp932.csv", crlf([
    "モデル名,スコア,備考",
    "表計算ソフト,85.3%,①性能",
    '髙橋モデル,"1,234.5",～テスト ﾃｽﾄ',
]).encode("cp932"))

# Excel "CSV UTF-8": BOM, CRLF.
write("utf8-bom.csv", b"\xef\xbb\xbf" + crlf([
    "Model,スコア",
    "GPT-4,85.3%",
]).encode("utf-8"))

# Excel "Unicode Text": UTF-16LE with BOM, TAB, CRLF; a cell with a comma is quoted.
unicode_text = crlf([
    "モデル\tスコア\t備考",
    'Claude\t91.2\t"a, b"',
])
write("utf16le.txt", b"\xff\xfe" + unicode_text.encode("utf-16-le"))
write("utf16le-nobom.txt", unicode_text.encode("utf-16-le"))

# A German-locale export: semicolons and decimal commas.
write("semicolon-decimal.csv", crlf([
    "Modell;Genauigkeit;Anteil",
    "A;85,3;12,5%",
    "B;1.234,5;7,25%",
]).encode("utf-8"))

# Alt+Enter line breaks are LF inside quotes; rows end with CRLF.
write("alt-enter.csv", crlf([
    "Model,Note",
    'A,"line one\nline two"',
    'B,"say ""hi"""',
    "C,plain",
]).encode("utf-8"))

# Mac Excel: CR only.
write("cr-only.csv", b"Model,Score\rA,1\rB,2\r")

# A sep= line (Excel honours it when opening).
write("sep-line.csv", crlf([
    "sep=;",
    "Model;Score",
    "A;1,5",
]).encode("utf-8"))

# A title row and a blank row above the real header, with Excel's padding.
write("title-row.csv", crlf([
    "Leaderboard May 2024,,,",
    ",,,",
    "Model,MMLU,GSM8K,Note",
    "A,85.3,70.1,x",
    "B,80,60,",
]).encode("utf-8"))

# Excel pads short rows and blank rows to the used range.
write("excel-padding.csv", crlf([
    "A,B,,,",
    ",,,,",
    "C,D,E,F,G",
]).encode("utf-8"))

# Windows-1252 that CP932 rejects, and some that CP932 would also decode.
write("windows1252.csv", crlf([
    "Name,City",
    "Café Crème,Müller",
]).encode("cp1252"))
write("windows1252-ambiguous.csv", crlf([
    "Dessert,Physicist",
    "Crème brûlée,Ångström",
]).encode("cp1252"))

# UTF-8 Japanese that was read as CP932 and saved again as UTF-8.
write("mojibake.csv", crlf([
    "Model,Note",
    "A," + "モデル名".encode("utf-8").decode("cp932", errors="replace"),
]).encode("utf-8"))

# Binary files by their signatures.
write("workbook.xlsx", b"PK\x03\x04\x14\x00\x06\x00\x08\x00\x00\x00!\x00[Content_Types].xml")
write("workbook.xls", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 24)
write("document.pdf", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n")

write("empty.csv", b"")
write("bom-only.csv", b"\xef\xbb\xbf")

# A quote opened in row 3, column B is never closed.
write("unterminated.csv", crlf([
    "Model,Note",
    "A,ok",
    'B,"never closed',
]).encode("utf-8"))
