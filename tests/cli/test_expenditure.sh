#!/bin/sh
# Black-box tests of `ramme expenditure import`: the sample file of
# tests/fixtures (Windows-1252, ';', amounts in 1.000 kr.) loads, a file
# with bad rows is refused with exit code 2 and every bad line named in
# Danish, and nothing changes; loading again replaces the figures.
# Usage: sh tests/cli/test_expenditure.sh PATH/TO/ramme
# Prints one line per check and ends with "N passed, N failed".
set -u
RAMME=${1:?usage: test_expenditure.sh PATH/TO/ramme}
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
T=$(mktemp -d /tmp/ramme-expenditure.XXXXXX)
trap 'rm -rf "$T"' EXIT
. "$(dirname "$0")/check.inc"

DB=$(newdb)
"$RAMME" init --db "$DB" --demo --no-example >/dev/null 2>&1

# run ARGS...: run ramme; output in $T/out, $T/err, status in $T/rc.
run() {
	"$RAMME" "$@" >"$T/out" 2>"$T/err"
	echo $? >"$T/rc"
}

check "help names the columns" sh -c \
    "'$RAMME' help expenditure | grep -q 'Nettoudgift (1.000 kr.)'"
check "usage error exits 2" sh -c \
    "'$RAMME' expenditure load x.csv --db '$DB' 2>/dev/null; [ \$? -eq 2 ]"

cat >"$T/bad.csv" <<'CSV'
Område;Art;År;Nettoudgift (1.000 kr.)
Aalborg;Regnskab;2009;1.845.000
Aalborgg;Regnskab;2009;12
Aalborg;Forbrug;2010;1
Aalborg;Regnskab;20x1;1
Brønderslev;Budget;2011;12,3,4
Aalborg;Regnskab;2009;5
CSV
run expenditure import "$T/bad.csv" --db "$DB"
check "bad rows: exit 2" test "$(cat "$T/rc")" -eq 2
check "bad rows: nothing on stdout" test ! -s "$T/out"
check "bad rows: the unknown area by line" grep -q \
    'linje 3: Ukendt område »Aalborgg«' "$T/err"
check "bad rows: the kind" grep -q 'linje 4: Art skal være Regnskab eller Budget' "$T/err"
check "bad rows: the year" grep -q 'linje 5: År skal være' "$T/err"
check "bad rows: the amount" grep -q 'linje 6: Nettoudgiften' "$T/err"
check "bad rows: the duplicate" grep -q 'linje 7: Samme område' "$T/err"
check "bad rows: nothing stored" grep -q 'intet er gemt' "$T/err"

printf 'Område;Art;År;Beløb\nAalborg;Regnskab;2009;1\n' >"$T/col.csv"
run expenditure import "$T/col.csv" --db "$DB"
check "unknown column: exit 2 and named" sh -c \
    "[ \$(cat '$T/rc') -eq 2 ] && grep -q 'Ukendt kolonne »Beløb«' '$T/err'"

run expenditure import "$ROOT/tests/fixtures/udgifter.csv" --db "$DB"
check "sample file loads (Windows-1252)" test "$(cat "$T/rc")" -eq 0
check "sample file: 112 figures" grep -q '^112 figures loaded' "$T/out"
run expenditure import "$ROOT/tests/fixtures/udgifter.csv" --db "$DB"
check "loading again replaces" grep -q '^112 figures loaded' "$T/out"

printf 'aar,omraade,art,nettoudgift (kr.)\n2014,851,budget,"1.000,50"\n2014,hele landet,Budget,2000\n' \
    >"$T/comma.csv"
run expenditure import "$T/comma.csv" --db "$DB"
check "comma file, codes, kroner" grep -q '^2 figures loaded' "$T/out"

finish
