#!/bin/sh
# Black-box tests of `ramme calc post-adjustment`: the spec §4.3 worked
# example of a secure institution (8 places, 40,000,000 kr., 90 %
# assumed) at 80 % and 95 % occupancy, and bad input refused with exit
# code 2 and a Danish message.
# Usage: sh tests/cli/test_postadj.sh PATH/TO/ramme
# Prints one line per check and ends with "N passed, N failed".
set -u
RAMME=${1:?usage: test_postadj.sh PATH/TO/ramme}
T=$(mktemp -d /tmp/ramme-postadj.XXXXXX)
trap 'rm -rf "$T"' EXIT
. "$(dirname "$0")/check.inc"

# calc JSON: run the calculator on JSON; output in $T/out, $T/err.
calc() {
	printf '%s' "$1" | "$RAMME" calc post-adjustment >"$T/out" 2>"$T/err"
}

# gives JSON TEXT...: exit 0 and every TEXT in the output.
gives() {
	json=$1; shift
	calc "$json" || return 1
	for want in "$@"; do
		grep -qF -- "$want" "$T/out" || return 1
	done
}

# refuses JSON TEXT: exit 2, nothing on stdout, TEXT on stderr.
refuses() {
	calc "$1"
	[ $? -eq 2 ] || return 1
	[ ! -s "$T/out" ] || return 1
	grep -qF -- "$2" "$T/err"
}

EX='"places": 8, "day_basis": 365, "cost_ore": 4000000000, "assumed_occupancy_pct": 90'
W='"weights": {"851": 199188, "810": 35789, "860": 66473}'

check "help calc names post-adjustment" sh -c \
    "'$RAMME' help calc | grep -q 'assumed_occupancy_pct'"
# 40,000,000 / 2,628 = 15,220.70…; 80 %: 2,336 days.
check "80 % to the øre: deficit 4.444.444,80" gives \
    "{$EX, \"occupied_days\": 2336, \"rounding_ore\": 1, $W}" \
    '"tariff_ore": 1522070' '"billed_ore": 3555555520' \
    '"difference_ore": 444444480' '"851": 293673933' '"810": 52765711' \
    '"860": 98004836'
check "80 % in whole kroner: tariff 15.221" gives \
    "{$EX, \"occupied_days\": 2336, \"rounding_ore\": 100, $W}" \
    '"tariff_ore": 1522100' '"billed_ore": 3555625600' \
    '"difference_ore": 444374400'
check "rounding defaults to whole kroner" gives \
    "{$EX, \"occupied_days\": 2336, $W}" '"tariff_ore": 1522100'
check "95 %: a surplus, shared with its sign" gives \
    "{$EX, \"occupied_days\": 2774, \"rounding_ore\": 1, \"weights\": {\"851\": 1, \"810\": 1}}" \
    '"difference_ore": -222222180' '"851": -111111090' '"810": -111111090'
check "exact tariff before rounding" gives \
    "{$EX, \"occupied_days\": 2336, $W}" '"tariff_exact_ore": 1522070.0152'
check "refuses negative occupied days" refuses \
    "{$EX, \"occupied_days\": -1, $W}" 'negativt'
check "refuses zero weights" refuses \
    "{$EX, \"occupied_days\": 1, \"weights\": {\"851\": 0}}" 'Alle vægte er 0'
check "refuses missing weights" refuses \
    "{$EX, \"occupied_days\": 1}" 'weights mangler'
check "refuses an occupancy over 100 %" refuses \
    '{"places": 8, "day_basis": 365, "cost_ore": 1, "assumed_occupancy_pct": 100.01, "occupied_days": 1, "weights": {"1": 1}}' \
    'forudsatte belægning'
check "refuses a fractional amount" refuses \
    '{"places": 8, "day_basis": 365, "cost_ore": 1.5, "assumed_occupancy_pct": 90, "occupied_days": 1, "weights": {"1": 1}}' \
    'helt antal øre'
check "refuses an unknown field" refuses \
    "{$EX, \"occupied_days\": 1, $W, \"x\": 1}" 'x'
check "refuses zero places" refuses \
    '{"places": 0, "day_basis": 365, "cost_ore": 1, "assumed_occupancy_pct": 90, "occupied_days": 1, "weights": {"1": 1}}' \
    'pladser'

finish
