#!/bin/sh
# Black-box tests of `ramme takeover`: a notice by the election-period
# rule gives the takeover date; a late notice is refused with exit code
# 2, a Danish message and nothing stored; apply changes the operator of
# the offers whose takeover date has come.
# Usage: sh tests/cli/test_takeover.sh PATH/TO/ramme
# Prints one line per check and ends with "N passed, N failed".
set -u
RAMME=${1:?usage: test_takeover.sh PATH/TO/ramme}
T=$(mktemp -d /tmp/ramme-takeover.XXXXXX)
trap 'rm -rf "$T"' EXIT
. "$(dirname "$0")/check.inc"
DB=$(newdb)

"$RAMME" init --db "$DB" --demo >/dev/null 2>&1

late() {
	"$RAMME" takeover notify 1 810 2016-01-02 --db "$DB" >"$T/out" \
	    2>"$T/err"
	[ $? -eq 2 ] && [ ! -s "$T/out" ] &&
	    grep -q "efter fristen 1. januar 2016" "$T/err"
}
check "a late notice is refused with exit 2" late
check "nothing stored after a late notice" \
    sh -c "[ -z \"\$('$RAMME' takeover list --db '$DB')\" ]"

in_time() {
	"$RAMME" takeover notify 1 810 2015-12-31 --db "$DB" >"$T/out" &&
	    grep -q "2017-01-01" "$T/out"
}
check "a notice in time gives 1 January 2017" in_time

twice() {
	"$RAMME" takeover notify 1 810 2014-06-01 --db "$DB" 2>"$T/err"
	[ $? -ne 0 ] && grep -q "allerede varslet" "$T/err"
}
check "once per election period" twice

applied() {
	"$RAMME" takeover apply --db "$DB" >"$T/out" &&
	    grep -q "^1 overtagelser" "$T/out" &&
	    "$RAMME" takeover list --db "$DB" | grep -q "gennemført" &&
	    "$RAMME" export offers --format json --db "$DB" >"$T/offers.json" &&
	    python3 -c "
import json, sys
d = json.load(open(sys.argv[1]))
o = [x for x in (d['offers'] if isinstance(d, dict) else d) if x['id'] == 1][0]
sys.exit(0 if o['operator_code'] == '810' else 1)" "$T/offers.json"
}
check "apply changes the operator when the date has come" applied
check "apply again does nothing" \
    sh -c "'$RAMME' takeover apply --db '$DB' | grep -q '^0 overtagelser'"
check "bad usage exits 2" \
    sh -c "'$RAMME' takeover notify x --db '$DB'; [ \$? -eq 2 ]"

finish
