#!/bin/sh
# Black-box tests of `ramme mail`: an opened round queues a mail for a
# user with an address, list shows it (text and JSON), remind queues a
# reminder once, retry and cancel change it, and bad input is refused
# with exit code 2 and a Danish message, changing nothing.
# Usage: sh tests/cli/test_mail.sh PATH/TO/ramme
# Prints one line per check and ends with "N passed, N failed".
set -u
RAMME=${1:?usage: test_mail.sh PATH/TO/ramme}
T=$(mktemp -d /tmp/ramme-cli-mail.XXXXXX)
trap 'rm -rf "$T"' EXIT
. "$(dirname "$0")/check.inc"

DB=$(newdb)
m() {	# m ARGS...: ramme mail ARGS --db DB; output in $T/out, $T/err
	"$RAMME" mail "$@" --db "$DB" >"$T/out" 2>"$T/err"
}

# t CODE [PATTERN FILE]: the last command exited CODE (and FILE holds
# PATTERN, a fixed string).
t() {
	[ "$rc" -eq "$1" ] || return 1
	[ $# -lt 3 ] || grep -qF -- "$2" "$3"
}

"$RAMME" init --db "$DB" --demo --no-example >/dev/null 2>&1
printf 'Hest-Kaffe-Tarn-27\n' | "$RAMME" user add aalborg --role operator \
    --org 851 --password-stdin --db "$DB" >/dev/null 2>&1
dbq "INSERT INTO user_mail (user_id, email, updated_at) SELECT
    id, 'jens@aalborg.dk', 'x' FROM app_user WHERE username = 'aalborg'"

m list; rc=$?
check "an empty outbox lists nothing" sh -c "[ $rc -eq 0 ] && [ ! -s '$T/out' ]"

today=$(date -u +%Y-%m-%d)
soon=$(date -u -d '+3 days' +%Y-%m-%d)
"$RAMME" round open 2031 1 --opens "$today" --deadline "$soon" \
    --db "$DB" >/dev/null 2>&1
m list; rc=$?
check "the opened round's mail is queued" t 0 \
    "	queued	0	jens@aalborg.dk	Takstindberetning åbnet" "$T/out"
m list --format json; rc=$?
check "list as JSON" t 0 '"message_id": "<' "$T/out"

m remind; rc=$?
check "remind queues the reminder" t 0 "1 reminders queued" "$T/out"
m remind; rc=$?
check "remind again queues nothing" t 0 "0 reminders queued" "$T/out"

m cancel 1; rc=$?
check "cancel" t 0 "mail 1 cancelled" "$T/out"
m list --state cancelled; rc=$?
check "list by state" sh -c "[ $rc -eq 0 ] && [ \$(wc -l < '$T/out') -eq 1 ]"
m retry 1; rc=$?
check "a cancelled mail is not retried (Danish, exit 2)" t 2 \
    "kø eller med fejl" "$T/err"
m retry 2; rc=$?
check "retry a queued mail" t 0 "mail 2 queued again" "$T/out"
m retry 99; rc=$?
check "an unknown mail (Danish, exit 2)" t 2 "E-mailen findes ikke" "$T/err"
m retry abc; rc=$?
check "a bad id is usage (exit 2)" t 2
m list --state sendt; rc=$?
check "a bad state is usage (exit 2)" t 2
m frob; rc=$?
check "an unknown subcommand (exit 2)" t 2
m list --state cancelled; rc=$?
check "nothing changed by the refused commands" sh -c \
    "[ $rc -eq 0 ] && [ \$(wc -l < '$T/out') -eq 1 ] && grep -q '^1	' '$T/out'"

# serve refuses bad mail options before it starts.
sv() {	# sv ARGS...: ramme serve --port 0 ARGS; exit code in rc
	"$RAMME" serve --db "$DB" --port 0 "$@" >"$T/out" 2>"$T/err"
	rc=$?
}
sv --smtp http://127.0.0.1:25
check "serve: --smtp must be smtp:// or smtps://" t 2 "--smtp must be" "$T/err"
sv --smtp smtp://127.0.0.1:25 --smtp-user u
check "serve: --smtp-user needs --smtp-password-file" t 2 "go together" \
    "$T/err"
sv --smtp smtp://127.0.0.1:25 --smtp-from 'x@y'
check "serve: --smtp-from must be an address" t 2 "--smtp-from" "$T/err"
sv --smtp smtp://127.0.0.1:25 --smtp-timeout 0
check "serve: --smtp-timeout 1-600" t 2 "--smtp-timeout" "$T/err"
sv --smtp smtp://127.0.0.1:25 --smtp-user u --smtp-password-file "$T/none"
check "serve: an unreadable password file" t 2 "cannot read" "$T/err"

finish
