#!/bin/sh
# Black-box tests of the yearly cycle's e-mail through the CLI: an
# indmelding year opened queues "opened" for its municipalities and
# operators; `ramme mail remind` queues the indmelding reminder once,
# only within the reminder lead (the agreement parameter reminder_days of
# the year, 7 by default), and the overdue notice the day after.
# Usage: sh tests/cli/test_mail_cycle.sh PATH/TO/ramme
# Prints one line per check and ends with "N passed, N failed".
set -u
RAMME=${1:?usage: test_mail_cycle.sh PATH/TO/ramme}
T=$(mktemp -d /tmp/ramme-cli-mail-cycle.XXXXXX)
trap 'rm -rf "$T"' EXIT
. "$(dirname "$0")/check.inc"

DB=$(newdb)
m() {	# m ARGS...: ramme mail ARGS --db DB; output in $T/out, $T/err
	"$RAMME" mail "$@" --db "$DB" >"$T/out" 2>"$T/err"
}
q() {	# q SQL: one value from the database
	dbq "$1"
}

"$RAMME" init --db "$DB" --demo --no-example >/dev/null 2>&1
for u in "bronderslev authority 810" "aalborg operator 851"; do
	set -- $u
	printf 'Hest-Kaffe-Tarn-27\n' | "$RAMME" user add "$1" --role "$2" \
	    --org "$3" --password-stdin --db "$DB" >/dev/null 2>&1
done
dbq "INSERT INTO user_mail (user_id, email, updated_at) SELECT
    id, username || '@example.dk', 'x' FROM app_user
    WHERE username IN ('bronderslev', 'aalborg')"

soon=$(date -u -d '+10 days' +%Y-%m-%d)
"$RAMME" indmelding open 2031 --deadline "$soon" --db "$DB" >/dev/null 2>&1
check "the opened year queues one mail for the municipality" [ \
    "$(q "SELECT count(*) FROM outbox WHERE kind = 'opened' AND
    to_addr = 'bronderslev@example.dk' AND subject = 'Indmelding 2031 åbnet'")" \
    -eq 1 ]
check "and one for the operator (both of its indmeldinger in one year)" [ \
    "$(q "SELECT count(*) FROM outbox WHERE kind = 'opened' AND
    to_addr = 'aalborg@example.dk'")" -eq 1 ]
q "SELECT body FROM outbox WHERE kind = 'opened' LIMIT 1" >"$T/body"
check "the mail names the deadline in Danish" grep -q 'Fristen for at
    indsende er den [0-9]*\. [a-z]* 20[0-9][0-9]' "$T/body"

m remind; rc=$?
check "10 days before, outside the lead of 7: nothing" sh -c \
    "[ $rc -eq 0 ] && grep -q '^0 reminders queued' '$T/out'"

dbq "INSERT INTO agreement_param (year, key, value, reason,
    updated_at) VALUES (2031, 'reminder_days', 14, 'test', 'x')"
m remind; rc=$?
check "with reminder_days 14 for 2031 the reminders are queued" sh -c \
    "[ $rc -eq 0 ] && grep -q '^2 reminders queued' '$T/out'"
check "the reminder names the year" [ "$(q "SELECT count(*) FROM outbox
    WHERE kind = 'reminder' AND subject LIKE 'Påmindelse: frist %' AND
    subject LIKE '% for indmelding 2031'")" -eq 2 ]
m remind; rc=$?
check "remind again queues nothing" sh -c \
    "[ $rc -eq 0 ] && grep -q '^0 reminders queued' '$T/out'"

# The deadline passed yesterday (the year's row moved back in time).
past=$(date -u -d '-1 days' +%Y-%m-%d)
dbq "UPDATE indmelding_year SET deadline = '$past'"
dbq "UPDATE indmelding SET status = 'submitted'
    WHERE org_code = '851'"
m remind; rc=$?
check "after the deadline: the overdue notice for the party missing only" \
    sh -c "[ $rc -eq 0 ] && grep -q '^1 reminders queued' '$T/out'"
check "overdue to the municipality" [ "$(q "SELECT count(*) FROM outbox
    WHERE kind = 'overdue' AND to_addr = 'bronderslev@example.dk' AND
    subject = 'Fristen er overskredet: indmelding 2031'")" -eq 1 ]
m remind; rc=$?
check "and never twice" sh -c \
    "[ $rc -eq 0 ] && grep -q '^0 reminders queued' '$T/out'"

finish
