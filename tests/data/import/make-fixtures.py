#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Writes the importer fixtures byte-exactly as Excel writes them (run from this folder)."""

rows_ja = [
    ["モデル名", "バージョン", "提供元", "評価日", "JMMLU", "MT-bench", "レイテンシ(ms)", "備考"],
    ["GPT-4o", "2024-08-06", "OpenAI", "2024/9/1", "85.3%", "9.1", "420", "API"],
    ["Claude 3.5 Sonnet", "20241022", "Anthropic", "2024/10/25", "86.1%", "9.2", "510", ""],
    ["Llama 3.1 70B", "3.1", "Meta", "令和6年8月1日", "72.0%", "#N/A", "380", "社内GPU"],
    ["ELYZA-japanese", "", "ELYZA", "2024/7/15", "-", "7.8", "", "①試験版"],
]


def csv_line(cells, sep=","):
    out = []
    for c in cells:
        if any(ch in c for ch in [sep, '"', "\n", "\r"]):
            c = '"' + c.replace('"', '""') + '"'
        out.append(c)
    return sep.join(out)


def table(rows):
    return "\r\n".join(csv_line(r) for r in rows) + "\r\n"


# Japanese Excel "CSV (コンマ区切り)": CP932, no BOM, CRLF; and "CSV UTF-8": BOM.
open("wide-cp932.csv", "wb").write(table(rows_ja).encode("cp932"))
open("wide-utf8-bom.csv", "wb").write(b"\xef\xbb\xbf" + table(rows_ja).encode("utf-8"))

# Next month's file of the same sheet: one changed score, one new model.
rows2 = [list(r) for r in rows_ja]
rows2[1][4] = "87.0%"
rows2[1][3] = "2024/10/1"
rows2.append(["Qwen2.5 72B", "2.5", "Alibaba", "2024/10/2", "80.5%", "8.9", "450", ""])
open("wide-cp932-next.csv", "wb").write(table(rows2).encode("cp932"))

# A long table.
long_rows = [
    ["model", "benchmark", "score", "stderr", "date"],
    ["GPT-4o", "MMLU", "0.887", "0.003", "2024-05-13"],
    ["GPT-4o", "GSM8K", "0.95", "0.006", "2024-05-13"],
    ["Gemini 1.5 Pro", "MMLU", "0.859", "0.003", "2024-05-14"],
    ["Gemini 1.5 Pro", "GSM8K", "0.91", "", "2024-05-14"],
    ["Gemini 1.5 Pro", "Latency (s)", "1.9", "", "2024-05-14"],
]
open("long.csv", "wb").write(table(long_rows).encode("utf-8"))

# European Excel: a title row above the header, semicolons, decimal commas, padding.
semi = ("Vendor scores Q3;;;;\r\nModel;Provider;MMLU;HellaSwag;;\r\nModelA;Acme;85,3;90,1;;\r\n"
        "ModelB;Beta;80,0;#DIV/0!;;\r\n;;;;;\r\n")
open("semicolon-title.csv", "wb").write(semi.encode("windows-1252"))

# Nothing to import.
open("no-scores.csv", "wb").write("Name,Comment\r\nA,good\r\nB,bad\r\n".encode("utf-8"))

# English header synonyms, a stderr column, directions from the names.
synonyms = [
    ["Model Name", "Organization", "Evaluation Date", "License", "#Params (B)", "MMLU",
     "MMLU stderr", "Answer accuracy", "Cost ($/1M tokens)", "Comments"],
    ["Alpha-7B", "Acme AI", "2024-06-01", "MIT", "7", "1,234.5", "0.4", "81.0", "0.50", "first run"],
    ["Beta-70B", "Beta Labs", "01.07.2024", "Proprietary", "70", "1300.0", "0.5", "84.5", "2.10", ""],
]
open("wide-synonyms.csv", "wb").write(table(synonyms).encode("utf-8"))
