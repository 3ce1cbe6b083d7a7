#!/bin/sh
# Black-box tests of `ramme indmelding`: a year opened (every municipality
# and every operator of a covered offer gets a submission), listed and
# followed ("0 af 11"), the status report as JSON, XLSX and PDF; a
# deadline in the past, a year opened twice and bad usage refused with
# exit code 2.
# Usage: sh tests/cli/test_indmelding.sh PATH/TO/ramme
# Prints one line per check and ends with "N passed, N failed".
set -u
RAMME=${1:?usage: test_indmelding.sh PATH/TO/ramme}
T=$(mktemp -d /tmp/ramme-cli-indmelding.XXXXXX)
trap 'rm -rf "$T"' EXIT
. "$(dirname "$0")/check.inc"

DB=$(newdb)
r() {	# r ARGS...: ramme indmelding ARGS --db DB; output in $T/out, $T/err
	"$RAMME" indmelding "$@" --db "$DB" >"$T/out" 2>"$T/err"
}
refused() {	# refused CODE TEXT: exit CODE, no output, TEXT on stderr
	[ "$rc" -eq "$1" ] && [ ! -s "$T/out" ] && grep -qF -- "$2" "$T/err"
}

"$RAMME" init --db "$DB" --demo --no-example >/dev/null 2>&1

check "help indmelding names the subcommands" sh -c \
    "'$RAMME' help indmelding | grep -q 'ramme indmelding report'"

r open 2031 --deadline 2020-01-01; rc=$?
check "a deadline in the past: exit 2, Danish message" refused 2 \
    "Fristen ligger før i dag"
r open 2031; rc=$?
check "open without --deadline: exit 2" refused 2 "usage"
r open 2031 --deadline 2099-12-31; rc=$?
check "open exits 0" [ "$rc" -eq 0 ]
check "open names the submissions (11 municipalities and the operators)" \
    grep -Eq '^indmelding 1 opened for 2031: (1[3-9]|[2-9][0-9]) submissions$' \
    "$T/out"
r open 2031 --deadline 2099-12-31; rc=$?
check "the same year again: exit 2, Danish message" refused 2 \
    "allerede åbnet"

r list; rc=$?
check "list prints the year open" sh -c \
    "[ $rc -eq 0 ] && grep -q '^1	2031	open	2099-12-31	-$' '$T/out'"
r progress 1; rc=$?
check "progress: 0 af 11 municipalities" sh -c \
    "[ $rc -eq 0 ] && grep -q '0 af 11 municipalities' '$T/out'"
check "progress names who is missing" grep -q 'missing: 810 Brønderslev' \
    "$T/out"
r progress 99; rc=$?
check "progress of an unknown year: exit 1, Danish message" sh -c \
    "[ $rc -ne 0 ] && grep -q 'findes ikke' '$T/err'"

r report 1; rc=$?
check "report as JSON lists the covered offers" sh -c \
    "[ $rc -eq 0 ] && grep -q '\"offers\"' '$T/out' &&
     grep -q '\"falling_demand\"' '$T/out'"
r report 1 --format pdf --out "$T/r.pdf"; rc=$?
check "report as PDF" sh -c "[ $rc -eq 0 ] && head -c 5 '$T/r.pdf' |
    grep -q '%PDF-'"
r report 1 --format xlsx --out "$T/r.xlsx"; rc=$?
check "report as XLSX" sh -c "[ $rc -eq 0 ] && head -c 2 '$T/r.xlsx' |
    grep -q 'PK'"
r report 1 --format pdf; rc=$?
check "pdf without --out: exit 2" refused 2 "usage"
r frobnicate; rc=$?
check "an unknown subcommand: exit 2" refused 2 "usage"

finish
