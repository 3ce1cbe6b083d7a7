#!/bin/sh
# Black-box tests of `ramme pl list|show|import|export`: the state series
# loaded by init, a new version from CSV, an export read back (CSV and
# XLSX), bad files refused by row with nothing changed.
# Usage: sh tests/cli/test_pl.sh PATH/TO/ramme
set -u
RAMME=${1:?usage: test_pl.sh PATH/TO/ramme}
T=$(mktemp -d /tmp/ramme-pl.XXXXXX)
trap 'rm -rf "$T"' EXIT
. "$(dirname "$0")/check.inc"
DB=$(newdb)

check "init loads the state series" sh -c \
    "'$RAMME' init --db '$DB' | grep -q 'state_general_pl loaded'"
check "init a second time loads nothing" sh -c \
    "! '$RAMME' init --db '$DB' | grep -q 'loaded'"
check "list shows version 1, 2010-2025" sh -c \
    "'$RAMME' pl list --db '$DB' | grep -E -q '^state_general_pl +1 .* 2010-2025 '"
check "show gives the index 2018 = 108.17 (2010 = 100, exact 108.1657)" sh -c \
    "'$RAMME' pl show state_general_pl --base 2010 --db '$DB' | grep -E -q '^2018 +1.9 +108.1657'"
check "show of an unknown series exits 2" sh -c \
    "'$RAMME' pl show nope --db '$DB' 2>/dev/null; [ \$? -eq 2 ]"

cat >"$T/rev.csv" <<'CSV'
series;year;pct_change;source;note
state_general_pl;2024;4,1;Økonomistyrelsen, revision;
state_general_pl;2025;2,9;Økonomistyrelsen, revision;skøn
kl_service_pl;2013;1.53;KL;
CSV
check "import makes version 2 and a new series" sh -c \
    "'$RAMME' pl import '$T/rev.csv' --revised 2025-05-01 --db '$DB' >'$T/out' &&
     grep -q 'state_general_pl: new version 2 (2 years)' '$T/out' &&
     grep -q 'kl_service_pl: created with version 1' '$T/out'"
check "version 1 stays" sh -c \
    "'$RAMME' pl show state_general_pl --version 1 --db '$DB' | grep -E -q '^2010 +2.2'"
check "version 2 is current" sh -c \
    "'$RAMME' pl show state_general_pl --db '$DB' | grep -q 'version 2 of 2, revised 2025-05-01'"

printf 'series,year,pct_change\nstate_general_pl,2010,abc\nBAD,2011,1\nstate_general_pl,2012,160.5\n' >"$T/bad.csv"
check "bad rows are listed by line" sh -c \
    "'$RAMME' pl import '$T/bad.csv' --db '$DB' 2>'$T/err'; [ \$? -eq 2 ] &&
     grep -q 'linje 2: Ændringen »abc«' '$T/err' &&
     grep -q 'linje 3: Serien »BAD«' '$T/err' &&
     grep -q 'linje 4: Ændringen »160.5«' '$T/err'"
check "a bad file changes nothing" sh -c \
    "'$RAMME' pl show state_general_pl --db '$DB' | grep -q 'version 2 of 2'"
printf 'series,year\nstate_general_pl,2010\n' >"$T/nocol.csv"
check "a missing column is named" sh -c \
    "'$RAMME' pl import '$T/nocol.csv' --db '$DB' 2>&1 | grep -q 'kolonnen pct_change'"

check "CSV export reads back unchanged" sh -c \
    "'$RAMME' pl export state_general_pl --version 1 --db '$DB' >'$T/v1.csv' &&
     '$RAMME' pl import '$T/v1.csv' --db '$DB' | grep -q 'new version 3 (16 years)' &&
     '$RAMME' pl import '$T/v1.csv' --db '$DB' | grep -q 'unchanged at version 3'"
check "XLSX export reads back unchanged" sh -c \
    "'$RAMME' pl export state_general_pl --format xlsx --out '$T/s.xlsx' --db '$DB' &&
     '$RAMME' pl import '$T/s.xlsx' --db '$DB' | grep -q 'unchanged at version 3'"
check "dry run saves nothing" sh -c \
    "'$RAMME' pl import '$T/rev.csv' --dry-run --db '$DB' | grep -q 'dry run' &&
     '$RAMME' pl show state_general_pl --db '$DB' | grep -q 'version 3 of 3'"

finish
