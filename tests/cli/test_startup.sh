#!/bin/sh
# Black-box tests of `ramme startup`: start-up costs are recorded and
# listed with the share of each year (the sum exact, the remainder in
# the last year); bad input exits 2 with a Danish message and nothing
# stored.
# Usage: sh tests/cli/test_startup.sh PATH/TO/ramme
# Prints one line per check and ends with "N passed, N failed".
set -u
RAMME=${1:?usage: test_startup.sh PATH/TO/ramme}
T=$(mktemp -d /tmp/ramme-startup.XXXXXX)
trap 'rm -rf "$T"' EXIT
. "$(dirname "$0")/check.inc"
DB=$(newdb) || exit 1

"$RAMME" init --db "$DB" --demo >/dev/null 2>&1

check "nothing listed at first" \
    sh -c "[ -z \"\$('$RAMME' startup list --db '$DB')\" ]"

bad_years() {
	"$RAMME" startup add 4 1.000.000 2027 11 "Indretning" --db "$DB" \
	    >"$T/out" 2>"$T/err"
	[ $? -eq 2 ] && [ ! -s "$T/out" ] && grep -q "Antal år" "$T/err"
}
check "more than 10 years is refused with exit 2" bad_years

bad_amount() {
	"$RAMME" startup add 4 1,2,3 2027 3 "Indretning" --db "$DB" \
	    >"$T/out" 2>"$T/err"
	[ $? -eq 2 ] && grep -q "Skriv beløbet i kroner" "$T/err"
}
check "a malformed amount is refused with exit 2" bad_amount
check "nothing stored after refusals" \
    sh -c "[ -z \"\$('$RAMME' startup list --db '$DB')\" ]"

added() {
	"$RAMME" startup add 4 1.000.000 2027 3 "Indretning af boliger" \
	    --db "$DB" >"$T/out" && grep -q '^[0-9][0-9]*$' "$T/out"
}
check "add prints the new id" added

listed() {
	"$RAMME" startup list --offer 4 --db "$DB" >"$T/list" &&
	    grep -q "2027-2029" "$T/list" &&
	    grep -q "2027: 333.333,00 kr.; 2028: 333.333,00 kr.; 2029: 333.334,00 kr." \
	    "$T/list" && grep -q "Indretning af boliger" "$T/list"
}
check "list shows the shares, the remainder in the last year" listed
check "another offer has none" \
    sh -c "[ -z \"\$('$RAMME' startup list --offer 5 --db '$DB')\" ]"
check "bad usage exits 2" \
    sh -c "'$RAMME' startup add x --db '$DB' 2>/dev/null; [ \$? -eq 2 ]"

finish
