#!/bin/sh
# Black-box tests of the ramme command line: help, init, migrate, user.
# Usage: sh tests/cli/test_cli.sh PATH/TO/ramme
# Prints one line per check and ends with "N passed, N failed".
set -u
RAMME=${1:?usage: test_cli.sh PATH/TO/ramme}
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
T=$(mktemp -d /tmp/ramme-cli.XXXXXX)
trap 'rm -rf "$T"' EXIT
. "$(dirname "$0")/check.inc"

exit_code() {	# exit_code N COMMAND...: true when the command exits with N
	want=$1; shift
	"$@" >/dev/null 2>&1 </dev/null
	[ $? -eq "$want" ]
}

has() {		# has TEXT COMMAND...: true when the output contains TEXT
	want=$1; shift
	"$@" 2>&1 </dev/null | grep -q -- "$want"
}

check "help lists commands" has "serve" "$RAMME" help
check "help explains a command" has "--password-stdin" "$RAMME" help user
check "unknown command exits 2" exit_code 2 "$RAMME" frobnicate
check "unknown option exits 2" exit_code 2 "$RAMME" init --db "$T/x.db" --colour
check "docs/cli.md matches the help texts" sh -c \
    "'$RAMME' help --markdown | cmp -s - '$ROOT/docs/cli.md'"

DB=$(newdb)
check "init creates a database" "$RAMME" init --db "$DB"
check "init again is harmless" "$RAMME" init --db "$DB"
check "migrate reports the version" has "schema version" "$RAMME" migrate --db "$DB"
check "init into a missing directory" "$RAMME" init --db "$T/sub/dir.db"

check "user add admin" sh -c \
    "printf 'en lang adgangskode\n' | '$RAMME' user add sekr --role admin --password-stdin --db '$DB'"
check "user add without password exits 2" exit_code 2 \
    "$RAMME" user add x --role admin --password-stdin --db "$DB"
check "user add with unknown role exits 2" sh -c \
    "printf 'en lang adgangskode\n' | '$RAMME' user add y --role king --password-stdin --db '$DB'; [ \$? -eq 2 ]"
check "user add with a short password exits 2" sh -c \
    "printf 'kort\n' | '$RAMME' user add z --role reader --password-stdin --db '$DB'; [ \$? -eq 2 ]"
check "operator without organisation exits 2" sh -c \
    "printf 'en lang adgangskode\n' | '$RAMME' user add o --role operator --password-stdin --db '$DB'; [ \$? -eq 2 ]"
check "duplicate user exits 2" sh -c \
    "printf 'en lang adgangskode\n' | '$RAMME' user add sekr --role admin --password-stdin --db '$DB'; [ \$? -eq 2 ]"
check "user list shows the admin" has "sekr" "$RAMME" user list --db "$DB"

# The second factor: enrol with a known key (scripts), reset (lost phone).
check "user totp needs --secret" exit_code 2 "$RAMME" user totp sekr --db "$DB"
check "user totp refuses a key that is not base32" exit_code 2 \
    "$RAMME" user totp sekr --secret 'not-base32!' --db "$DB"
check "user totp of an unknown user fails" sh -c \
    "! '$RAMME' user totp nobody --secret JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP --db '$DB'"
check "user totp prints ten recovery codes" sh -c \
    "[ \$('$RAMME' user totp sekr --secret JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP --db '$DB' | grep -c '^[0-9a-z]\\{4\\}-[0-9a-z]\\{4\\}-[0-9a-z]\\{4\\}\$') -eq 10 ]"
check "user totp-reset removes it" has "removed" "$RAMME" user totp-reset sekr --db "$DB"
check "user totp-reset without a factor fails" sh -c \
    "! '$RAMME' user totp-reset sekr --db '$DB'"
# The key file that seals the secrets (beside a SQLite database).
check "user totp again" "$RAMME" user totp sekr \
    --secret JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP --db "$DB"
case $DB in
postgresql://*) ;;
*)
	check "init made the key file with mode 600 and 32 bytes" \
	    [ "$(stat -c %a:%s "$DB.key")" = 600:32 ]
	check "the secret is stored sealed" [ "$(sqlite3 "$DB" "SELECT sealed,
	    length(secret) FROM user_totp")" = "1|61" ] ;;
esac
(umask 077; head -c 31 /dev/urandom > "$T/short.key")
# A key file that cannot be used stops init before it loads anything.
DB2=$(newdb nokey)
check "init with a missing key file fails" exit_code 2 "$RAMME" init \
    --db "$DB2" --demo --key-file "$T/missing.key"
check "and has loaded nothing" [ "$(DB=$DB2 dbq "SELECT (SELECT count(*)
    FROM pl_series) + (SELECT count(*) FROM cycle_rule) + (SELECT count(*)
    FROM offer)")" = 0 ]
check "nor made the key file" [ ! -e "$T/missing.key" ]
check "a key file of 31 bytes is refused" exit_code 2 "$RAMME" user totp \
    sekr --secret JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP --key-file "$T/short.key" \
    --db "$DB"
check "the refusal says how big it must be" has "32 byte" "$RAMME" user \
    totp sekr --secret JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP \
    --key-file "$T/short.key" --db "$DB"
check "totp-reset without a usable key still works" has "removed" \
    "$RAMME" user totp-reset sekr --key-file "$T/short.key" --db "$DB"
if db_have; then
	check "enrol and reset are audited" [ "$(dbq "SELECT count(*) FROM audit
	    WHERE action IN ('totp_enrol', 'totp_reset')")" -eq 4 ]
fi

finish
