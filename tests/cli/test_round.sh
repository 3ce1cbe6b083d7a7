#!/bin/sh
# Black-box tests of `ramme round`: a round opened, listed and followed,
# service lines imported from CSV, the XLSX template written and read
# back (a broken file and a wrong number refused with row and cell, and
# nothing changed), closing, reopening, approving, publishing, and the
# published overview as CSV and XLSX with its filters; bad input refused
# with exit code 2 and a Danish message.
# Usage: sh tests/cli/test_round.sh PATH/TO/ramme
# Needs unzip and zip for the XLSX checks (a failure without them).
# Prints one line per check and ends with "N passed, N failed".
set -u
RAMME=${1:?usage: test_round.sh PATH/TO/ramme}
T=$(mktemp -d /tmp/ramme-cli-round.XXXXXX)
trap 'rm -rf "$T"' EXIT
. "$(dirname "$0")/check.inc"

DB=$(newdb)
r() {	# r ARGS...: ramme round ARGS --db DB; output in $T/out, $T/err
	"$RAMME" round "$@" --db "$DB" >"$T/out" 2>"$T/err"
}

# refused CODE TEXT: the last command exited CODE, printed nothing on
# stdout and TEXT on stderr.
refused() {
	[ "$rc" -eq "$1" ] && [ ! -s "$T/out" ] && grep -qF -- "$2" "$T/err"
}

# places OFFER: the places of OFFER's first line in the template of
# round 1 (column F of the sheet), from a fresh template.
places() {
	"$RAMME" round template 1 --out "$T/p.xlsx" --db "$DB" >/dev/null 2>&1
	unzip -p "$T/p.xlsx" xl/worksheets/sheet1.xml | tr '<' '\n' |
	    awk -v offer="$1" '
		/^c r="A[0-9]+"/ { row = $0; sub(/^c r="A/, "", row);
		    sub(/".*/, "", row); inA = 1; next }
		inA && /^v>/ { v = $0; sub(/^v>/, "", v); a[row] = v; inA = 0 }
		/^c r="F[0-9]+"/ { frow = $0; sub(/^c r="F/, "", frow);
		    sub(/".*/, "", frow); inF = 1; next }
		inF && /^v>/ { v = $0; sub(/^v>/, "", v);
		    if (a[frow] == offer) { print v; exit } inF = 0 }'
}

"$RAMME" init --db "$DB" --demo --no-example >/dev/null 2>&1

check "help round names the subcommands" sh -c \
    "'$RAMME' help round | grep -q 'ramme round template' &&
     '$RAMME' help round | grep -q 'ramme round tariffs'"

# ---- open, list, progress ------------------------------------------------
r open 2031 1 --deadline 2099-12-31 --opens 2020-01-01; rc=$?
check "open exits 0" [ "$rc" -eq 0 ]
check "open names the round and its submissions" \
    grep -q '^round 1 opened: 2031 round 1, [0-9][0-9]* submissions$' "$T/out"
r open 2031 1 --deadline 2099-12-31; rc=$?
check "the same year and number again: exit 2, Danish message" refused 2 \
    "Der findes allerede en runde 1 for takståret 2031"
r open 2032 1 --deadline 2099-02-30; rc=$?
check "an impossible deadline: exit 2, Danish message" refused 2 "dato"
r open 2032 1; rc=$?
check "open without --deadline: exit 2" refused 2 "usage"
r open 2032 1 --deadline 2099-12-31 --pl-pct 2,5x; rc=$?
check "a bad --pl-pct: exit 2" refused 2 "--pl-pct"
r list; rc=$?
check "list shows the open round" sh -c \
    "[ $rc -eq 0 ] && grep -q '^1	2031	1	open	2099-12-31	' '$T/out'"
check "list shows only that round" [ "$(wc -l <"$T/out")" -eq 1 ]
r progress 1; rc=$?
check "progress counts operators (\"0 af 2\")" sh -c \
    "[ $rc -eq 0 ] && grep -q '0 af 2 operators done' '$T/out'"
r progress x1; rc=$?
check "progress of a non-number: exit 2" refused 2 "not a round number"
r progress 99; rc=$?
check "progress of a missing round: exit 2, Danish message" refused 2 \
    "Runde nr. 99 findes ikke"
r frobnicate; rc=$?
check "an unknown subcommand: exit 2" refused 2 "usage"

# ---- import lines from CSV --------------------------------------------
H='offer_id;paragraph;level;unit;places;occupancy_pct;wages_ore;property_ore;other_ore'
printf '%s\n4;SEL § 107;;day;10;96;650000000;67500000;82500000\n6;SEL § 108;;day;12;95;700000000;50000000;50000000\n' \
    "$H" >"$T/lines.csv"
printf '%s\n4;SEL § 107;;day;11;96;650000000;67500000;82500000\n6;SEL § 108;;day;-3;95;700000000;50000000;50000000\n' \
    "$H" >"$T/bad.csv"
r import-lines "$T/lines.csv" --round 1; rc=$?
check "import-lines exits 0" sh -c \
    "[ $rc -eq 0 ] && grep -q '^2 submissions, 2 lines imported$' '$T/out'"
r import-lines "$T/bad.csv" --round 1; rc=$?
check "a bad line: exit 2, its line and a Danish message" \
    refused 2 "linje 3"
check "a bad line: intet er gemt" grep -q "intet er gemt" "$T/err"
r import-lines "$T/lines.csv"; rc=$?
check "import-lines without --round: exit 2" refused 2 "usage"
r import-lines "$T/lines.csv" --round 1 --publish; rc=$?
check "--publish without --approve: exit 2" refused 2 "--approve"
r import-lines "$T/missing.csv" --round 1; rc=$?
check "a missing file: exit 2" refused 2 "missing.csv"

# ---- the XLSX template ------------------------------------------------
if have zip unzip; then
	check "the bad CSV changed nothing (offer 4 keeps 10 places)" \
	    [ "$(places 4)" = "10" ]
	r template 1 --out "$T/t.xlsx" --operator 851; rc=$?
	check "template exits 0" [ "$rc" -eq 0 ]
	check "template is an XLSX file" sh -c \
	    "unzip -l '$T/t.xlsx' | grep -q 'xl/worksheets/sheet1.xml'"
	check "template holds the sheet Budget" sh -c \
	    "unzip -p '$T/t.xlsx' xl/workbook.xml | grep -q 'name=\"Budget\"'"
	r template 1; rc=$?
	check "template without --out: exit 2" refused 2 "usage"
	r template 1 --out "$T/x.xlsx" --operator 12ab; rc=$?
	check "template with a bad --operator: exit 2" refused 2 \
	    "organisationskode"
	r upload 1 "$T/t.xlsx"; rc=$?
	check "the template uploaded back: exit 0" sh -c \
	    "[ $rc -eq 0 ] && grep -q 'lines imported' '$T/out'"

	echo "not a spreadsheet" >"$T/broken.xlsx"
	r upload 1 "$T/broken.xlsx"; rc=$?
	check "a broken file: exit 2, Danish message" refused 2 \
	    "ikke en gyldig Excel-fil"

	mkdir "$T/x"
	(cd "$T/x" && unzip -q "$T/t.xlsx" &&
	    sed -i 's|<c r="F2"\( s="[0-9]*"\)\{0,1\}><v>[0-9.]*</v></c>|<c r="F2"><v>-5</v></c>|' \
	    xl/worksheets/sheet1.xml && cp "$T/t.xlsx" "$T/wrong.xlsx" &&
	    zip -q "$T/wrong.xlsx" xl/worksheets/sheet1.xml)
	r upload 1 "$T/wrong.xlsx"; rc=$?
	check "a wrong number: exit 2 with its row and cell" refused 2 \
	    "række 2: Celle F2 i arket »Budget«"
	check "a wrong number: intet er gemt" grep -q "intet er gemt" "$T/err"
	check "a wrong number changed nothing" [ "$(places 6)" = "12" ]
fi

# ---- close, reopen, approve, publish ----------------------------------
r close 1; rc=$?
check "close exits 0" sh -c "[ $rc -eq 0 ] && grep -q '^round 1 closed$' '$T/out'"
r list
check "list shows the round closed" grep -q '^1	2031	1	closed	' "$T/out"
r import-lines "$T/lines.csv" --round 1; rc=$?
check "importing into a closed round: exit 2, Danish message" refused 2 \
    "lukket"
r reopen 1; rc=$?
check "reopen without --until: exit 2" refused 2 "usage"
r reopen 1 --until 2001-01-01; rc=$?
check "reopen until a past date: refused, Danish message" sh -c \
    "[ $rc -eq 2 ] && [ ! -s '$T/out' ] && grep -q 'dag' '$T/err'"
r reopen 1 --until 2099-06-30; rc=$?
check "reopen exits 0" [ "$rc" -eq 0 ]
r import-lines "$T/lines.csv" --round 1 --approve; rc=$?
check "import-lines --approve approves" sh -c \
    "[ $rc -eq 0 ] && grep -q '2 approved' '$T/out'"
r progress 1
check "progress counts the approved" grep -q '^  approved   2$' "$T/out"
r publish 1; rc=$?
check "publish exits 0 with the tariffs written" sh -c \
    "[ $rc -eq 0 ] && grep -q '^round 1 published: 2 tariffs$' '$T/out'"
r list
check "list shows the round published" grep -q '^1	2031	1	published	' \
    "$T/out"
r publish 1; rc=$?
check "publishing again: exit 2, Danish message" refused 2 \
    "Runden er allerede offentliggjort"
r import-lines "$T/lines.csv" --round 1; rc=$?
check "a published round takes no lines: exit 2, Danish message" \
    refused 2 "Runden er offentliggjort; indberetningen kan ikke ændres"
check "a published round takes no lines: intet er gemt" \
    grep -q "intet er gemt" "$T/err"

# ---- the published overview -------------------------------------------
r tariffs; rc=$?
check "tariffs: header and two rows" sh -c \
    "[ $rc -eq 0 ] && [ \$(wc -l <'$T/out') -eq 3 ]"
check "tariffs: TV-2 day tariff 2283 for offer 4" \
    grep -q '^4;.*;SEL § 107;;Døgntakst;2283;10;96;2031;2031-01-01;2031-12-31;1;1;' \
    "$T/out"
r tariffs --operator 1081; rc=$?
check "tariffs --operator 1081: none" sh -c \
    "[ $rc -eq 0 ] && [ \$(wc -l <'$T/out') -eq 1 ]"
r tariffs --paragraph 108; rc=$?
check "tariffs --paragraph 108: one" sh -c \
    "[ $rc -eq 0 ] && [ \$(wc -l <'$T/out') -eq 2 ] && grep -q '^6;' '$T/out'"
r tariffs --municipality 851 --year 2031; rc=$?
check "tariffs --municipality 851 --year 2031: two" sh -c \
    "[ $rc -eq 0 ] && [ \$(wc -l <'$T/out') -eq 3 ]"
r tariffs --year 2030; rc=$?
check "tariffs --year 2030: none" sh -c \
    "[ $rc -eq 0 ] && [ \$(wc -l <'$T/out') -eq 1 ]"
r tariffs --municipality 99; rc=$?
check "tariffs with a bad municipality: exit 2" refused 2 "kommunekode"
r tariffs --year 20x1; rc=$?
check "tariffs with a bad year: exit 2" refused 2 "årstal"
r tariffs --format xlsx; rc=$?
check "tariffs --format xlsx without --out: exit 2" refused 2 "--out"
r tariffs --format pdf; rc=$?
check "tariffs --format pdf: exit 2" refused 2 "usage"
r tariffs --format xlsx --out "$T/takster.xlsx"; rc=$?
check "tariffs as XLSX exits 0" [ "$rc" -eq 0 ]
# The workbook read back: one sheet Takster, a header and two rows, the
# TV-2 day tariff 2283 of offer 4 and 1923 of offer 6 in column I.
sheet() { unzip -p "$T/takster.xlsx" "$1"; }
check "tariffs as XLSX: the sheet Takster" sh -c \
    "unzip -p '$T/takster.xlsx' xl/workbook.xml | grep -q '<sheet name=\"Takster\"'"
check "tariffs as XLSX: a header and two rows" \
    [ "$(sheet xl/worksheets/sheet1.xml | grep -o '<row r="[0-9]*"' | wc -l)" -eq 3 ]
check "tariffs as XLSX: the header Takst (kr.)" sh -c \
    "unzip -p '$T/takster.xlsx' xl/sharedStrings.xml | grep -q '<t>Takst (kr.)</t>'"
check "tariffs as XLSX: offer 4 at 2283 kr." sh -c \
    "unzip -p '$T/takster.xlsx' xl/worksheets/sheet1.xml | grep -q '<c r=\"A3\"><v>4</v></c>.*<c r=\"I3\" s=\"2\"><v>2283</v></c>'"
check "tariffs as XLSX: offer 6 at 1923 kr." sh -c \
    "unzip -p '$T/takster.xlsx' xl/worksheets/sheet1.xml | grep -q '<c r=\"A2\"><v>6</v></c>.*<c r=\"I2\" s=\"2\"><v>1923</v></c>'"
r tariffs --out "$T/takster.csv"; rc=$?
check "tariffs as a CSV file" sh -c \
    "[ $rc -eq 0 ] && [ \$(wc -l <'$T/takster.csv') -eq 3 ]"

# ---- a new tariff structure from a cut-off date -----------------------
r open 2032 1 --deadline 2099-12-31 --opens 2020-01-01
# Its id from the list (a refused open may have used a number up on
# PostgreSQL, whose sequences do not roll back).
r list
rid=$(awk -F '\t' '$2 == 2032 { print $1 }' "$T/out")
RH="$H;referred_from;referred_before"
printf '%s\n4;SEL § 107;;day;10;96;650000000;67500000;82500000;;2032-07-01\n4;SEL § 107;Niveau 1;day;6;96;650000000;67500000;82500000;2032-07-01;\n' \
    "$RH" >"$T/ref.csv"
printf '%s\n4;SEL § 107;Niveau 1;day;6;96;650000000;67500000;82500000;2032-07-01;\n' \
    "$RH" >"$T/unpaired.csv"
r import-lines "$T/unpaired.csv" --round "$rid"; rc=$?
check "import-lines: a new structure without the old one is refused" \
    refused 2 "visiteret før"
r import-lines "$T/ref.csv" --round "$rid" --approve --publish; rc=$?
check "import-lines with referred_from and referred_before" sh -c \
    "[ $rc -eq 0 ] && grep -q '^1 submissions, 2 lines imported' '$T/out'"
r tariffs --year 2032; rc=$?
check "tariffs: both structures with their cut-off date" sh -c \
    "[ $rc -eq 0 ] && grep -q ';;;2032-07-01' '$T/out' &&
     grep -q 'Niveau 1;.*;;2032-07-01;' '$T/out' &&
     head -1 '$T/out' | grep -q 'Visiteret fra;Visiteret før'"

finish
