#!/bin/sh
# Black-box tests of `ramme retention run` and `ramme person`: old rows
# inserted straight into the database go (a dry run only counts them),
# recent ones and the audit of approved minutes stay, a changed parameter
# changes the period; a person's export holds their login, memberships,
# participations, apologies, audit rows, login log and mail, as JSON and
# PDF; the erasure pseudonymises them, keeps the name in approved
# minutes, disables the login and ends its sessions, and is audited
# without the erased data.
# Usage: sh tests/cli/test_privacy.sh PATH/TO/ramme
# Prints one line per check and ends with "N passed, N failed".
set -u
RAMME=${1:?usage: test_privacy.sh PATH/TO/ramme}
T=$(mktemp -d /tmp/ramme-cli-privacy.XXXXXX)
trap 'rm -rf "$T"' EXIT
. "$(dirname "$0")/check.inc"

DB=$(newdb)
r() {	# r ARGS...: ramme ARGS --db DB; output in $T/out, $T/err
	"$RAMME" "$@" --db "$DB" >"$T/out" 2>"$T/err"
}
t() {	# t CODE [PATTERN FILE]
	[ "$rc" -eq "$1" ] || return 1
	[ $# -lt 3 ] || grep -qF -- "$2" "$3"
}
q() { dbq "$1"; }
blob() {	# blob HEX: a BLOB literal (bytea on PostgreSQL)
	if db_is_pg; then echo "'\\x$1'::bytea"; else echo "x'$1'"; fi
}

"$RAMME" init --db "$DB" --demo --no-example >/dev/null 2>&1
printf 'Hest-Kaffe-Tarn-27\n' | "$RAMME" user add jens.hansen --role \
    operator --org 851 --password-stdin --db "$DB" >/dev/null 2>&1
uid=$(q "SELECT id FROM app_user WHERE username = 'jens.hansen'")
old=$(date -u -d '-200 days' +%Y-%m-%dT%H:%M:%SZ)
oldep=$(date -u -d '-200 days' +%s)
now=$(date -u +%Y-%m-%dT%H:%M:%SZ)
nowep=$(date -u +%s)
ancient=$(date -u -d '-11 years' +%Y-%m-%dT%H:%M:%SZ)
q "INSERT INTO login_attempt (username, ip, at, ok) VALUES
    ('jens.hansen', '192.0.2.7', $oldep, 1),
    ('jens.hansen', '192.0.2.8', $nowep, 1);
INSERT INTO audit (at, user_id, username, entity, entity_id, action,
    after_json) VALUES
    ('$old', $uid, 'jens.hansen', 'user', '$uid', 'login', '{\"ip\":\"192.0.2.7\"}'),
    ('$now', $uid, 'jens.hansen', 'user', '$uid', 'login', '{\"ip\":\"192.0.2.8\"}'),
    ('$ancient', $uid, 'jens.hansen', 'offer', '1', 'update', '{}'),
    ('$ancient', 1, 'admin', 'meeting', '1', 'update', '{}');
INSERT INTO session (token_hash, user_id, csrf_token, created_at, expires_at)
    VALUES ($(blob 01), $uid, 'c1', '$old', '$old'),
    ($(blob 02), $uid, 'c2', '$now', '2999-01-01T00:00:00Z');
INSERT INTO user_mail (user_id, email, updated_at) VALUES
    ($uid, 'jens@aalborg.dk', '$now');
INSERT INTO outbox (kind, about, about_id, user_id, to_addr, subject, body,
    path, message_id, state, next_attempt_at, created_at, updated_at,
    sent_at) VALUES
    ('round_opened', 'round', 1, $uid, 'jens@aalborg.dk', 'Gammel', 'x',
     '/', '<a@x>', 'sent', 0, '$old', '$old', '$old'),
    ('round_opened', 'round', 2, $uid, 'jens@aalborg.dk', 'Ny', 'x',
     '/', '<b@x>', 'sent', 0, '$now', '$now', '$now');"

r retention run --dry-run; rc=$?
check "a dry run counts the old login attempt" t 0 "login_attempt	1	" "$T/out"
check "a dry run counts the old session" t 0 "session	1	" "$T/out"
check "a dry run counts the old mail" t 0 "outbox	1	" "$T/out"
check "a dry run says nothing was deleted" t 0 "dry run: nothing deleted" "$T/out"
check "a dry run deletes nothing" test "$(q "SELECT count(*) FROM login_attempt")" = 2

r retention run; rc=$?
check "the run prints the periods" t 0 "login log 180 days" "$T/out"
check "the old login attempt is gone, the new kept" test \
    "$(q "SELECT ip FROM login_attempt")" = 192.0.2.8
check "the old login row of the audit is gone" test \
    "$(q "SELECT count(*) FROM audit WHERE action = 'login'")" = 1
check "the ended session is gone, the open kept" test \
    "$(q "SELECT csrf_token FROM session")" = c2
check "the old sent mail is gone" test \
    "$(q "SELECT subject FROM outbox")" = Ny
check "an audit row over 10 years old is gone" test \
    "$(q "SELECT count(*) FROM audit WHERE entity = 'offer' AND at = '$ancient'")" = 0
check "the audit of approved minutes stays" test \
    "$(q "SELECT count(*) FROM audit WHERE entity = 'meeting' AND at = '$ancient'")" = 1
check "the run is audited with counts only" test \
    "$(q "SELECT count(*) FROM audit WHERE entity = 'retention' AND action = 'run' AND after_json NOT LIKE '%jens%'")" = 1
r retention run; rc=$?
check "a second run deletes nothing" t 0 "0 rows deleted" "$T/out"

q "INSERT INTO agreement_param (year, key, value, reason, updated_at)
    VALUES ($(date -u +%Y), 'retention_mail_days',
    1, 'test', '$now');
UPDATE outbox SET sent_at = '$(date -u -d '-2 days' +%Y-%m-%dT%H:%M:%SZ)'"
r retention run; rc=$?
check "a shorter mail period from the parameters applies" t 0 \
    "outbox	1	" "$T/out"
r retention run --bogus; rc=$?
check "an unknown option is refused" t 2

# A person with a login, a membership, a meeting whose minutes are
# approved and one whose minutes are not.
q "INSERT INTO person (name, name_key, organisation, email, user_id,
    created_at, updated_at) VALUES ('Jens Hansen', 'jens hansen',
    'Aalborg Kommune', 'jens@aalborg.dk', $uid, '$now', '$now');
INSERT INTO membership (body_id, person_id, role, created_at, updated_at)
    VALUES (3, 1, 'medlem', '$now', '$now');
INSERT INTO meeting (body_id, title, starts_at, state, created_at,
    updated_at) VALUES (3, 'Kommende møde', '2031-01-10T10:00', 'indkaldt',
    '$now', '$now');
INSERT INTO meeting_participant (meeting_id, pos, person_id, name, status)
    VALUES (1, 90, 1, 'Jens Hansen', 'deltager'),
    ((SELECT max(id) FROM meeting), 1, 1, 'Jens Hansen', 'afbud');
INSERT INTO audit (at, user_id, username, entity, entity_id, action,
    after_json) VALUES ('$now', 1, 'admin', 'person', '1', 'create',
    '{\"name\":\"Jens Hansen\"}');
INSERT INTO outbox (kind, about, about_id, user_id, to_addr, subject, body,
    path, message_id, state, next_attempt_at, created_at, updated_at)
    VALUES ('round_opened', 'round', 3, $uid, 'jens@aalborg.dk', 'Kø', 'x',
    '/', '<c@x>', 'queued', 0, '$now', '$now');"
pid=1

r person export $pid --format json --out "$T/p.json"; rc=$?
check "export as JSON" t 0
check "the export holds the person" grep -qF '"name": "Jens Hansen"' "$T/p.json"
check "the export holds the login" grep -qF '"username": "jens.hansen"' "$T/p.json"
check "the export holds the membership" grep -qF '"body": "Den Administrative Styregruppe"' "$T/p.json"
check "the export holds the participation" grep -qF '"meeting": "Møde i Socialdirektørkredsen"' "$T/p.json"
check "the export holds the apology" grep -qF '"meeting": "Kommende møde"' "$T/p.json"
check "the export holds the login log" grep -qF '"ip": "192.0.2.8"' "$T/p.json"
check "the export holds the audit as subject" grep -qF '"entity": "person"' "$T/p.json"
check "the export holds the mail" grep -qF '"to_addr": "jens@aalborg.dk"' "$T/p.json"
check "the export is audited" test \
    "$(q "SELECT count(*) FROM audit WHERE entity = 'person' AND action = 'export'")" = 1
r person export $pid --format pdf --out "$T/p.pdf"; rc=$?
check "export as PDF" t 0
check "the PDF is a PDF" sh -c "head -c 5 '$T/p.pdf' | grep -q '%PDF-'"
if have pdftotext; then
	pdftotext "$T/p.pdf" "$T/p.txt"
	check "the PDF names the person" grep -qF "Persondata: Jens Hansen" "$T/p.txt"
	check "the PDF lists the memberships" grep -qF "Medlemskaber af organer" "$T/p.txt"
fi
r person export 999 --format json --out "$T/x.json"; rc=$?
check "an unknown person is refused" sh -c "[ $rc -ne 0 ]"
r person export $pid --format xml --out "$T/x"; rc=$?
check "an unknown format is refused" t 2

r person erase $pid; rc=$?
check "an erasure needs a reason" t 2 "hvorfor" "$T/err"
r person erase $pid --reason "Udtrådt af DAS 2026"; rc=$?
check "the erasure" t 0 'erased as "Slettet person 1"' "$T/out"
check "the name is replaced" test \
    "$(q "SELECT name || '|' || coalesce(email, '-') || '|' || coalesce(organisation, '-') FROM person WHERE id = 1")" = "Slettet person 1|-|-"
check "the approved minutes keep the name" test \
    "$(q "SELECT name FROM meeting_participant WHERE meeting_id = 1 AND pos = 90")" = "Jens Hansen"
check "the coming meeting lists the pseudonym" test \
    "$(q "SELECT name FROM meeting_participant WHERE person_id = 1 AND status = 'afbud'")" = "Slettet person 1"
check "the login is disabled and renamed" test \
    "$(q "SELECT active || username FROM app_user WHERE id = $uid")" = "0slettet-$uid"
check "its sessions are ended" test \
    "$(q "SELECT count(*) FROM session WHERE user_id = $uid")" = 0
check "its address and mails are gone" test \
    "$(q "SELECT (SELECT count(*) FROM user_mail WHERE user_id = $uid) + (SELECT count(*) FROM outbox WHERE user_id = $uid)")" = 0
check "its login attempts are gone" test \
    "$(q "SELECT count(*) FROM login_attempt WHERE username = 'jens.hansen'")" = 0
check "no audit row holds the name any more" test \
    "$(q "SELECT count(*) FROM audit WHERE coalesce(before_json, '') || coalesce(after_json, '') || username LIKE '%jens%'")" = 0
check "the erasure is audited with the reason" test \
    "$(q "SELECT count(*) FROM audit WHERE entity = 'person' AND entity_id = '1' AND action = 'erase' AND after_json LIKE '%Udtrådt af DAS 2026%'")" = 1
r person erase $pid --reason "igen"; rc=$?
check "a second erasure is refused" t 2 "allerede slettet" "$T/err"

# A person without a login: the mails to their address are theirs too.
q "INSERT INTO person (name, name_key, email, created_at, updated_at)
    VALUES ('Per Sørensen', 'per sørensen', 'per@region.dk', '$now', '$now');
INSERT INTO outbox (kind, about, about_id, to_addr, subject, body, path,
    message_id, state, next_attempt_at, created_at, updated_at) VALUES
    ('agenda', 'meeting', 1, 'per@region.dk', 'Dagsorden', 'x', '/',
    '<d@x>', 'queued', 0, '$now', '$now');"
per=$(q "SELECT id FROM person WHERE name_key = 'per sørensen'")
r person export "$per" --format json --out -; rc=$?
check "the export of a person without login holds their mail" t 0 \
    '"to_addr": "per@region.dk"' "$T/out"
check "the export to standard output has no login" t 0 '"user": []' "$T/out"
r person erase "$per" --reason "Ikke længere medlem"; rc=$?
check "the erasure of a person without login" t 0 "1 mails" "$T/out"
check "the mail to their address is gone" test \
    "$(q "SELECT count(*) FROM outbox WHERE to_addr = 'per@region.dk'")" = 0

finish
