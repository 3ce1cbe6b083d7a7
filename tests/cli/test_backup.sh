#!/bin/sh
# Black-box tests of `ramme backup` and `ramme restore`: a demo database
# backed up while it is being read, restored into a new database with the
# same rows, an existing database overwritten only with --force, and bad
# input refused. On SQLite by default; on PostgreSQL under scripts/test-pg
# (pg_dump and pg_restore).
# Usage: sh tests/cli/test_backup.sh PATH/TO/ramme
# Prints one line per check and ends with "N passed, N failed".
set -u
RAMME=${1:?usage: test_backup.sh PATH/TO/ramme}
T=$(mktemp -d /tmp/ramme-cli-backup.XXXXXX)
reader=""
trap '[ -z "$reader" ] || kill "$reader" 2>/dev/null; rm -rf "$T"' EXIT
. "$(dirname "$0")/check.inc"

DB=$(newdb)
R2=$(newdb restored)

# counts: the rows of the tables a restore must bring back, one line.
counts() {
	dbq "SELECT (SELECT count(*) FROM organisation) || ' ' ||
	    (SELECT count(*) FROM offer) || ' ' ||
	    (SELECT count(*) FROM meeting) || ' ' ||
	    (SELECT count(*) FROM app_user) || ' ' ||
	    (SELECT count(*) FROM audit) || ' ' ||
	    (SELECT count(*) FROM published_tariff)"
}

check "help backup names --out" sh -c "'$RAMME' help backup | grep -q -- '--out FILE'"
check "help restore names --force" sh -c "'$RAMME' help restore | grep -q -- '--force'"

"$RAMME" init --db "$DB" --demo >/dev/null 2>&1
printf 'Hest-Kaffe-Tarn-27\n' | "$RAMME" user add sekr --role admin \
    --password-stdin --db "$DB" >/dev/null 2>&1
"$RAMME" user totp sekr --secret JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP \
    --db "$DB" >/dev/null 2>&1
db_have || { finish; exit; }
before=$(counts)

# A reader keeps the database busy during the backup.
(
	while :; do
		"$RAMME" export offers --format json --db "$DB" >/dev/null 2>&1
	done
) &
reader=$!
"$RAMME" backup --out "$T/backup" --db "$DB" >"$T/out" 2>"$T/err"; rc=$?
kill "$reader" 2>/dev/null
wait "$reader" 2>/dev/null
reader=""
check "backup while the database is read" sh -c \
    "[ $rc -eq 0 ] && grep -q 'written to' '$T/out' && [ -s '$T/backup' ]"
cp "$T/out" "$T/backup.out"
check "no temporary file is left" [ ! -e "$T/backup.tmp" ]
"$RAMME" backup --out "$T/backup" --db "$DB" >"$T/out" 2>"$T/err"; rc=$?
check "an existing file is not overwritten" sh -c \
    "[ $rc -eq 2 ] && grep -q 'findes allerede' '$T/err'"
check "backup needs --out" sh -c "'$RAMME' backup --db '$DB'; [ \$? -eq 2 ]"

"$RAMME" restore --from "$T/backup" --db "$R2" >"$T/out" 2>"$T/err"; rc=$?
check "restore into a new database" sh -c \
    "[ $rc -eq 0 ] && grep -q 'restored into' '$T/out'"
check "backup names the key file it does not hold" \
    grep -q "not in the backup: the key file" "$T/backup.out"
case $R2 in
postgresql://*) ;;
*)
	check "restore names the key file the sealed factors need" \
	    grep -q "sealed second factors: put the key file.*$R2.key" "$T/err"
	check "without it the restored database refuses to make a new one" \
	    sh -c "! '$RAMME' migrate --db '$R2' 2>'$T/mig.err' &&
	    grep -q 'mangler' '$T/mig.err' && [ ! -e '$R2.key' ]"
	cp -p "$DB.key" "$R2.key"
	check "with the original key file it opens them" "$RAMME" migrate \
	    --db "$R2" ;;
esac
check "the restored database has the same rows" \
    [ "$(DB=$R2 counts)" = "$before" ]
check "the rows are there at all" [ "$(echo "$before" | cut -d' ' -f2)" -gt 0 ]
check "the restored database serves its commands" sh -c \
    "'$RAMME' user list --db '$R2' | grep -q sekr"

# The original changes; a restore over it needs --force and undoes it.
DB=$R2 dbq "DELETE FROM published_tariff" >/dev/null
"$RAMME" restore --from "$T/backup" --db "$R2" >"$T/out" 2>"$T/err"; rc=$?
n=$(DB=$R2 dbq "SELECT count(*) FROM published_tariff")
check "an existing database is not overwritten without --force" sh -c \
    "[ $rc -eq 2 ] && grep -q -- '--force' '$T/err' && [ '$n' -eq 0 ]"
"$RAMME" restore --from "$T/backup" --db "$R2" --force >"$T/out" 2>"$T/err"
rc=$?
check "with --force it is replaced by the backup" sh -c "[ $rc -eq 0 ]"
check "and has the backup's rows again" [ "$(DB=$R2 counts)" = "$before" ]

printf 'offer_id;name\n1;x\n' >"$T/not-a-backup"
"$RAMME" restore --from "$T/not-a-backup" --db "$R2" --force >"$T/out" \
    2>"$T/err"; rc=$?
check "a file that is no backup is refused" sh -c \
    "[ $rc -ne 0 ] && [ ! -s '$T/out' ] && [ -s '$T/err' ]"
check "and the database is unchanged" [ "$(DB=$R2 counts)" = "$before" ]
"$RAMME" restore --from "$T/missing" --db "$R2" --force 2>"$T/err"; rc=$?
check "a missing backup file is refused" sh -c \
    "[ $rc -eq 2 ] && grep -q 'findes ikke' '$T/err'"
if ! db_is_pg; then
	"$RAMME" backup --out "$T/b2" --db "$T/nothing.db" 2>"$T/err"; rc=$?
	check "backup of a missing database is refused, nothing made" sh -c \
	    "[ $rc -eq 2 ] && [ ! -e '$T/nothing.db' ] && [ ! -e '$T/b2' ]"
	"$RAMME" restore --from "$T/not-a-backup" --db "$T/new.db" 2>"$T/err"
	rc=$?
	check "a refused restore leaves no new database behind" sh -c \
	    "[ $rc -eq 2 ] && [ ! -e '$T/new.db' ]"
fi

finish
