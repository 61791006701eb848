#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Import speed and memory against reference tools measured in the same run.
# Generates a 100,000-row × 10-benchmark CP932 file, imports it with leaderboard-cli, and
# compares with sqlite3's own .import of the same data in long form (1,000,000 rows) into a
# table indexed on (model, benchmark), and with a plain python3 csv + sqlite3 script.
# Then imports the same sheet again as its new version (every value different: mode "replace",
# each result superseding one, the counts of changes computed before writing) into the same
# database.
# Goals: within 1.5× of sqlite3 .import, faster than the python script, peak memory < 64 MB;
# the new version within 1.5× of sqlite3 .import too, peak memory < 64 MB.
# The same rows as an Excel workbook (.xlsx, shared strings and a date format as Excel writes
# them): within 2× of the CSV import, peak memory < 96 MB.
set -euo pipefail
cd "$(dirname "$0")/../.."
. build-aux/deps.sh
# shellcheck disable=SC2086
lb_install_missing $LB_BUILD_PACKAGES sqlite3 python3 time bc

builddir=_build
[ -f "$builddir/build.ninja" ] || meson setup "$builddir" >/dev/null
meson compile -C "$builddir" leaderboard-cli >/dev/null

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
rows=${ROWS:-100000}

python3 - "$work" "$rows" <<'PY'
import random, sys
work, rows = sys.argv[1], int(sys.argv[2])
random.seed(42)
benches = ["JMMLU", "MT-bench", "JCommonsenseQA", "JNLI", "JSQuAD", "MGSM-ja", "XL-Sum", "JEMHopQA", "NIILC", "レイテンシ(ms)"]
with open(f"{work}/wide.csv", "w", encoding="cp932", newline="") as wide, \
     open(f"{work}/long.csv", "w", encoding="utf-8", newline="") as long_:
    wide.write(",".join(["モデル名", "提供元", "評価日"] + benches) + "\r\n")
    long_.write("model,benchmark,score\n")
    for i in range(rows):
        model = f"モデル{i:06d}"
        scores = [f"{random.uniform(20, 95):.1f}" for _ in benches]
        wide.write(",".join([model, "社内", "2024/5/1"] + scores) + "\r\n")
        for b, s in zip(benches, scores):
            long_.write(f"{model},{b},{s}\n")
# The next month's sheet: the same rows and columns, every score moved by 0.1.
with open(f"{work}/wide.csv", encoding="cp932", newline="") as wide, \
     open(f"{work}/wide-next.csv", "w", encoding="cp932", newline="") as nxt:
    for n, line in enumerate(wide):
        cells = line.rstrip("\r\n").split(",")
        if n > 0:
            cells = cells[:3] + [f"{float(c) + 0.1:.1f}" for c in cells[3:]]
            cells[2] = "2024/6/1"
        nxt.write(",".join(cells) + "\r\n")

# The same table as Excel saves it: text in the shared strings, 2024/5/1 as serial 45413.
import zipfile
random.seed(42)
ns = ('xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
      'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"')
strings = ["モデル名", "提供元", "評価日"] + benches + ["社内"]
def col(i):
    s = ""
    i += 1
    while i:
        i, r = divmod(i - 1, 26)
        s = chr(65 + r) + s
    return s
with zipfile.ZipFile(f"{work}/wide.xlsx", "w", zipfile.ZIP_DEFLATED) as z:
    z.writestr("[Content_Types].xml", '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>')
    z.writestr("_rels/.rels", '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
               '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>')
    z.writestr("xl/workbook.xml", f'<workbook {ns}><sheets><sheet name="評価" sheetId="1" r:id="rId1"/></sheets></workbook>')
    z.writestr("xl/_rels/workbook.xml.rels", '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
               '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>'
               '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>'
               '<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>')
    z.writestr("xl/styles.xml", f'<styleSheet {ns.split(" ")[0]}><cellXfs count="2"><xf numFmtId="0"/><xf numFmtId="14" applyNumberFormat="1"/></cellXfs></styleSheet>')
    with z.open("xl/worksheets/sheet1.xml", "w") as sheet:
        out = [f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n<worksheet {ns}><dimension ref="A1:M{rows + 1}"/><sheetData>']
        out.append('<row r="1">' + "".join(f'<c r="{col(i)}1" t="s"><v>{i}</v></c>' for i in range(13)) + '</row>')
        for i in range(rows):
            r = i + 2
            scores = [f"{random.uniform(20, 95):.1f}" for _ in benches]
            cells = [f'<c r="A{r}" t="s"><v>{len(strings)}</v></c>', f'<c r="B{r}" t="s"><v>12</v></c>',
                     f'<c r="C{r}" s="1"><v>45413</v></c>']
            cells += [f'<c r="{col(3 + j)}{r}"><v>{s}</v></c>' for j, s in enumerate(scores)]
            strings.append(f"モデル{i:06d}")
            out.append(f'<row r="{r}">' + "".join(cells) + '</row>')
            if len(out) > 1000:
                sheet.write("".join(out).encode())
                out = []
        out.append('</sheetData></worksheet>')
        sheet.write("".join(out).encode())
    z.writestr("xl/sharedStrings.xml", f'<sst {ns.split(" ")[0]} count="{len(strings)}" uniqueCount="{len(strings)}">'
               + "".join(f"<si><t>{t}</t></si>" for t in strings) + "</sst>")
PY

runs=${RUNS:-5}

# One timed run of a command into $work/time ("seconds kilobytes").
run_once () {
  /usr/bin/time -f "%e %M" -o "$work/time" "$@" >/dev/null 2>"$work/err" || { cat "$work/err"; exit 1; }
}

# Sets <key>_s (median seconds) and <key>_kb (largest peak) from the runs recorded in
# $work/<key>.runs, and prints them.
summarise () { # key, label
  local key=$1 label=$2 secs kb
  secs=$(cut -d' ' -f1 "$work/$key.runs" | sort -n | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }')
  kb=$(cut -d' ' -f2 "$work/$key.runs" | sort -n | tail -1)
  printf '%-28s %8.2f s %8.1f MB   (runs: %s)\n' "$label" "$secs" "$(echo "$kb / 1024" | bc -l)" \
    "$(cut -d' ' -f1 "$work/$key.runs" | paste -sd' ')"
  printf -v "${key}_s" '%s' "$secs"
  printf -v "${key}_kb" '%s' "$kb"
}

cat > "$work/sqlite.sql" <<SQL
CREATE TABLE results (model TEXT, benchmark TEXT, score REAL);
CREATE INDEX results_mb ON results (model, benchmark);
.mode csv
.import --skip 1 $work/long.csv results
SQL
cat > "$work/py.py" <<'PY'
import csv, sqlite3, sys
con = sqlite3.connect(sys.argv[2])
con.execute("CREATE TABLE results (model TEXT, benchmark TEXT, score REAL)")
con.execute("CREATE INDEX results_mb ON results (model, benchmark)")
with open(sys.argv[1], encoding="cp932", newline="") as f:
    r = csv.reader(f)
    header = next(r)
    benches = header[3:]
    with con:
        con.executemany("INSERT INTO results VALUES (?, ?, ?)",
                        ((row[0], b, float(s)) for row in r for b, s in zip(benches, row[3:])))
PY

echo "Import of $rows rows × 10 benchmarks ($(du -h "$work/wide.csv" | cut -f1) CP932)," \
     "median of $runs runs, the three tools taking turns:"
for _ in $(seq "$runs"); do
  rm -f "$work"/*.db "$work"/*.db-wal "$work"/*.db-shm
  run_once sqlite3 "$work/ref.db" ".read $work/sqlite.sql"; cat "$work/time" >> "$work/ref.runs"
  run_once python3 "$work/py.py" "$work/wide.csv" "$work/py.db"; cat "$work/time" >> "$work/py.runs"
  run_once "$builddir/src/cli/leaderboard-cli" --db "$work/lb.db" import "$work/wide.csv" --leaderboard Bench
  cat "$work/time" >> "$work/lb.runs"
  run_once "$builddir/src/cli/leaderboard-cli" --db "$work/lb.db" import "$work/wide-next.csv" --leaderboard Bench
  cat "$work/time" >> "$work/next.runs"
  run_once "$builddir/src/cli/leaderboard-cli" --db "$work/xlsx.db" import "$work/wide.xlsx" --leaderboard Bench
  cat "$work/time" >> "$work/xlsx.runs"
done
summarise ref "sqlite3 .import"
summarise py "python3 csv + sqlite3"
summarise lb "leaderboard-cli import"
summarise next "… its new version"
summarise xlsx "leaderboard-cli import .xlsx"
printf 'ratio to sqlite3 .import: %.2f (goal ≤ 1.5)\n' "$(echo "$lb_s / $ref_s" | bc -l)"
printf 'ratio to python3 script:  %.2f (goal < 1)\n' "$(echo "$lb_s / $py_s" | bc -l)"
printf 'peak memory:              %.1f MB (goal < 64)\n' "$(echo "$lb_kb / 1024" | bc -l)"
printf 'xlsx ratio to the CSV import: %.2f (goal ≤ 2)\n' "$(echo "$xlsx_s / $lb_s" | bc -l)"
printf 'xlsx peak memory:         %.1f MB (goal < 96)\n' "$(echo "$xlsx_kb / 1024" | bc -l)"
printf 'new version to sqlite3:    %.2f (goal ≤ 1.5)\n' "$(echo "$next_s / $ref_s" | bc -l)"
printf 'new version peak memory:  %.1f MB (goal < 64)\n' "$(echo "$next_kb / 1024" | bc -l)"
