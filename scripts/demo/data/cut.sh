#!/bin/sh
# Re-creates the Centre-Val de Loire (code_region 24) cut of the FINESS and SAE 2021 files from the
# read-only reference folder. For maintainers only: nothing in the project calls this at run time or
# in tests; the outputs are committed next to this script.
#
# Usage: scripts/demo/data/cut.sh [path/to/shared]   (default: ../shared from the project root)
set -eu

HERE=$(cd "$(dirname "$0")" && pwd)
SHARED=${1:-"$HERE/../../../../shared"}
FINESS="$SHARED/data/finess/etablissements_sanitaires_cvl_occitanie.csv"
SAE="$SHARED/data/sae/sae2021_capacites_cvl_occitanie.csv"
CATEGORIES="$SHARED/data/finess/categories_etablissement.csv"

# Select on the column named code_region rather than a hard-coded position, so that a reordered
# source fails loudly instead of silently cutting on the wrong column. No field of these files
# contains a ';' inside quotes (checked: every row has the header's field count), so a plain
# ';' split is safe here.
cut_region() {
  awk -F';' -v region=24 '
    NR == 1 {
      for (i = 1; i <= NF; i++) if ($i == "code_region") col = i
      if (!col) { print "no code_region column in " FILENAME > "/dev/stderr"; exit 1 }
      print; next
    }
    $col == region
  ' "$1"
}

cut_region "$FINESS" > "$HERE/finess-cvl.csv"
cut_region "$SAE" > "$HERE/sae2021-cvl.csv"
cp "$CATEGORIES" "$HERE/categories.csv"

# Row counts, header excluded (expected: 188, 158, 163).
for f in finess-cvl.csv sae2021-cvl.csv categories.csv; do
  printf '%s: %s rows\n' "$f" "$(($(wc -l < "$HERE/$f") - 1))"
done
