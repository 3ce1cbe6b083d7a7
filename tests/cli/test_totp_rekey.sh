#!/bin/sh
# Black-box test of `ramme user totp-rekey`: the key that seals the
# second factors' secrets rotated without resetting anyone's factor.
# A wrong old key, a new key file that is no key, or the same key
# change nothing; after the rotation the code logs in on a server with
# the new key, a server still holding the old one answers 503, and the
# audit names the keys by fingerprint only. SQLite by default,
# PostgreSQL with RAMME_TEST_PGHOST (see check.inc).
# Usage: sh tests/cli/test_totp_rekey.sh PATH/TO/ramme
set -u
RAMME=${1:?usage: test_totp_rekey.sh PATH/TO/ramme}
T=$(mktemp -d /tmp/ramme-rekey.XXXXXX)
SRV=""
trap '[ -n "$SRV" ] && kill "$SRV" 2>/dev/null; rm -rf "$T"' EXIT
. "$(dirname "$0")/check.inc"

SECRET=JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP
PW="grøn hest under taget 42"

has() {		# has TEXT FILE: FILE contains TEXT
	grep -q -- "$1" "$2"
}

# The current TOTP code of the base32 secret $1 (RFC 6238, SHA-1).
code() {
	python3 -c 'import base64, hashlib, hmac, struct, sys, time
k = base64.b32decode(sys.argv[1])
h = hmac.new(k, struct.pack(">Q", int(time.time()) // 30),
    hashlib.sha1).digest()
o = h[-1] & 15
print("%06d" % ((struct.unpack(">I", h[o:o + 4])[0] & 0x7fffffff) % 10**6))' "$1"
}

# The stored secrets, in hex, one line per user.
snap() {
	if db_is_pg; then
		dbq "SELECT user_id, encode(secret, 'hex'), sealed FROM user_totp ORDER BY user_id"
	else
		dbq "SELECT user_id, hex(secret), sealed FROM user_totp ORDER BY user_id"
	fi
}

# serve KEYFILE: starts a server with that key file; its URL in $URL.
serve() {
	rm -f "$T/srv.out" "$T/srv.err"
	: >"$T/srv.out"
	"$RAMME" serve --db "$DB" --port 0 --key-file "$1" >>"$T/srv.out" \
	    2>"$T/srv.err" &
	SRV=$!
	URL=""
	i=0
	while [ $i -lt 200 ] && [ -z "$URL" ]; do
		URL=$(sed -n 's|.*ramme serves \(http://127\.0\.0\.1:[0-9]*\)/.*|\1|p' \
		    "$T/srv.out")
		[ -z "$URL" ] && sleep 0.1
		i=$((i + 1))
	done
	i=0
	while [ $i -lt 100 ] && ! curl -sf "$URL/healthz" >/dev/null 2>&1; do
		sleep 0.1
		i=$((i + 1))
	done
}

stop() {
	kill "$SRV" 2>/dev/null
	wait "$SRV" 2>/dev/null
	SRV=""
}

# login NAME CODE: the HTTP status of an API login with password and code.
login() {
	printf '{"username":"%s","password":"%s","code":"%s"}' "$1" "$PW" \
	    "$2" >"$T/login.json"
	curl -s -o "$T/login.out" -w '%{http_code}' -H \
	    'Content-Type: application/json' --data-binary @"$T/login.json" \
	    "$URL/api/v1/session"
}

keyhex() {	# keyhex FILE: the key in lower-case hex
	od -An -tx1 "$1" | tr -d ' \n'
}

DB=$(newdb)
if ! db_have || ! have python3 curl; then
	finish
	exit
fi
"$RAMME" init --db "$DB" >/dev/null
OLD=${RAMME_KEY_FILE:-$DB.key}
unset RAMME_KEY_FILE
for u in hanne ole; do
	printf '%s\n' "$PW" | "$RAMME" user add $u --role reader \
	    --password-stdin --db "$DB" >/dev/null
done
check "enrol hanne with a known secret" sh -c "'$RAMME' user totp hanne \
    --secret $SECRET --key-file '$OLD' --db '$DB' >/dev/null"
snap >"$T/before"
check "one sealed secret to rotate" [ "$(cut -d'|' -f3 "$T/before")" = 1 ]

# Refused, nothing changed.
check "--new-key-file is required" sh -c "'$RAMME' user totp-rekey \
    --key-file '$OLD' --db '$DB' >/dev/null 2>&1; [ \$? -eq 2 ]"
(umask 077; head -c 32 /dev/urandom >"$T/wrong.key")
"$RAMME" user totp-rekey --key-file "$T/wrong.key" --new-key-file \
    "$T/n0.key" --db "$DB" >"$T/out" 2>"$T/err"
check "a wrong old key is refused (exit 2)" [ $? -eq 2 ]
check "... with a Danish message" has "Intet er ændret" "$T/err"
check "... leaving no new key file behind" [ ! -e "$T/n0.key" ]
(umask 077; head -c 31 /dev/urandom >"$T/short.key")
cp -p "$T/short.key" "$T/short.orig"
"$RAMME" user totp-rekey --key-file "$OLD" --new-key-file "$T/short.key" \
    --db "$DB" >"$T/out" 2>"$T/err"
check "an existing new file that is no key file is refused" [ $? -eq 2 ]
check "... and not overwritten" cmp -s "$T/short.key" "$T/short.orig"
cp -p "$OLD" "$T/same.key"
"$RAMME" user totp-rekey --key-file "$OLD" --new-key-file "$T/same.key" \
    --db "$DB" >"$T/out" 2>"$T/err"
check "the same key as new is refused" has "samme nøgle" "$T/err"
snap >"$T/after"
check "the stored secrets are byte for byte as before" \
    cmp -s "$T/before" "$T/after"
check "no totp_reseal audited" \
    [ "$(dbq "SELECT count(*) FROM audit WHERE action = 'totp_reseal'")" = 0 ]

# The rotation.
"$RAMME" user totp-rekey --key-file "$OLD" --new-key-file "$T/new.key" \
    --db "$DB" >"$T/out" 2>"$T/err"
check "totp-rekey with the right old key succeeds" [ $? -eq 0 ]
check "... sealing the one secret again" has "1 secret(s) sealed again" \
    "$T/out"
check "... saying what to do next" has "every server" "$T/out"
check "... the new key file 32 bytes, mode 600" \
    [ "$(stat -c %a:%s "$T/new.key")" = 600:32 ]
snap >"$T/after"
check "the seal changed" sh -c "! cmp -s '$T/before' '$T/after'"
check "... and is sealed" [ "$(cut -d'|' -f3 "$T/after")" = 1 ]
FOLD=$(sed -n 's/.*(key [0-9a-f]*, was \([0-9a-f]\{8\}\)).*/\1/p' "$T/out")
FNEW=$(sed -n 's/.*(key \([0-9a-f]\{8\}\), was.*/\1/p' "$T/out")
check "the output names both keys by fingerprint" \
    [ ${#FOLD} -eq 8 -a ${#FNEW} -eq 8 -a "$FOLD" != "$FNEW" ]
check "totp_reseal audited with the fingerprints" [ "$(dbq "SELECT \
    count(*) FROM audit WHERE action = 'totp_reseal' AND before_json LIKE \
    '%\"$FOLD\"%' AND after_json LIKE '%\"$FNEW\"%'")" = 1 ]
NEWHEX=$(keyhex "$T/new.key")
OLDHEX=$(keyhex "$OLD")
check "no key material in the audit" [ "$(dbq "SELECT count(*) FROM audit \
    WHERE lower(coalesce(before_json, '') || coalesce(after_json, '')) \
    LIKE '%$(echo "$NEWHEX" | cut -c1-16)%' OR lower(coalesce(before_json, \
    '') || coalesce(after_json, '')) LIKE '%$(echo "$OLDHEX" | cut -c1-16)%'")" = 0 ]

# The old key no longer works anywhere.
"$RAMME" user totp-rekey --key-file "$OLD" --new-key-file "$T/new.key" \
    --db "$DB" >"$T/out" 2>"$T/err"
check "run again: refused, the key is already changed" \
    has "allerede skiftet" "$T/err"
check "enrolling with the old key is refused" sh -c "! '$RAMME' user totp \
    ole --secret $SECRET --key-file '$OLD' --db '$DB' >/dev/null 2>&1"
check "... leaving ole without a factor" [ "$(dbq "SELECT count(*) FROM \
    user_totp")" = 1 ]

# The servers: the old key answers 503, the new one logs in.
serve "$OLD"
check "a server with the old key starts" [ -n "$URL" ]
check "... and says second factors are refused" has "second factor refused" \
    "$T/srv.err"
check "... a TOTP code gets 503" [ "$(login hanne "$(code $SECRET)")" = 503 ]
check "... with a Danish message naming the key file" has "nøglefil" \
    "$T/login.out"
stop
serve "$T/new.key"
check "a server with the new key starts" [ -n "$URL" ]
check "... and hanne logs in with her code" \
    [ "$(login hanne "$(code $SECRET)")" = 200 ]
stop

# A new key made beforehand and copied to the servers is used as it is.
(umask 077; head -c 32 /dev/urandom >"$T/next.key")
cp -p "$T/next.key" "$T/next.orig"
"$RAMME" user totp-rekey --key-file "$T/new.key" --new-key-file \
    "$T/next.key" --db "$DB" >"$T/out" 2>"$T/err"
check "an existing valid new key file is used" [ $? -eq 0 ]
check "... unchanged" cmp -s "$T/next.key" "$T/next.orig"
check "... and it is the key now" "$RAMME" user totp ole --secret $SECRET \
    --key-file "$T/next.key" --db "$DB"
check "two totp_reseal audited in all" \
    [ "$(dbq "SELECT count(*) FROM audit WHERE action = 'totp_reseal'")" = 2 ]
finish
