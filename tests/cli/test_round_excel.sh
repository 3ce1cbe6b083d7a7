#!/bin/sh
# Black-box tests of the Excel path of `ramme round`: a template of one
# year uploaded to another year's round and a template uploaded for
# another operator are refused; the right one goes in; submit-all and
# approve-all move the ready submissions and list the ones not ready.
# Usage: sh tests/cli/test_round_excel.sh PATH/TO/ramme
# Prints one line per check and ends with "N passed, N failed".
set -u
RAMME=${1:?usage: test_round_excel.sh PATH/TO/ramme}
T=$(mktemp -d /tmp/ramme-cli-xlround.XXXXXX)
trap 'rm -rf "$T"' EXIT
. "$(dirname "$0")/check.inc"

DB=$(newdb)
r() {	# r ARGS...: ramme round ARGS --db DB; output in $T/out, $T/err
	"$RAMME" round "$@" --db "$DB" >"$T/out" 2>"$T/err"
}
refused() {
	[ "$rc" -eq "$1" ] && [ ! -s "$T/out" ] && grep -qF -- "$2" "$T/err"
}

check "init --demo" "$RAMME" init --db "$DB" --demo
r open 2040 1 --deadline 2099-06-30 --opens 2000-01-01; rc=$?
a=$(sed -n 's/^round \([0-9]*\) opened.*/\1/p' "$T/out")
r open 2041 1 --deadline 2099-06-30 --opens 2000-01-01
b=$(sed -n 's/^round \([0-9]*\) opened.*/\1/p' "$T/out")
check "two rounds opened" [ -n "$a" ] && [ -n "$b" ]

r template "$a" --out "$T/t.xlsx" --operator 851; rc=$?
check "template of 2040 for 851" [ "$rc" -eq 0 ]
r upload "$b" "$T/t.xlsx"; rc=$?
check "the 2040 template in the 2041 round: exit 2, a clear message" \
    refused 2 "Filen er skabelonen til takståret 2040, runde 1, men du indlæser den i takståret 2041, runde 1"
r upload "$a" "$T/t.xlsx" --operator 1081; rc=$?
check "851's template uploaded for 1081: exit 2" refused 2 \
    "Filen er skabelonen for driftsherren"
r upload "$a" "$T/t.xlsx" --operator 12x; rc=$?
check "a bad --operator: exit 2" refused 2 "organisationskode"
r upload "$a" "$T/t.xlsx" --operator 851; rc=$?
check "851's template for 851: lines imported, reasons counted" sh -c \
    "[ $rc -eq 0 ] && grep -q 'lines imported, 0 still need a reason' '$T/out'"

r submit-all "$a"; rc=$?
check "submit-all without --operator: usage" refused 2 "usage"
r approve-all "$a"; rc=$?
check "approve-all with nothing submitted: refused" sh -c \
    "[ $rc -ne 0 ] && grep -q 'Ingen indberetninger venter' '$T/err'"
r submit-all "$a" --operator 851; rc=$?
check "submit-all 851: submitted, the others listed as not ready" sh -c \
    "[ $rc -eq 0 ] && grep -q '^1 submissions submitted' '$T/out' &&
    grep -q 'ikke klar: ' '$T/err'"
r approve-all "$a"; rc=$?
check "approve-all: approved" sh -c \
    "[ $rc -eq 0 ] && grep -q '^1 submissions approved' '$T/out'"
r progress "$a"
check "progress counts the approved" grep -q 'approved   1' "$T/out"
finish
