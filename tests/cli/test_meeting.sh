#!/bin/sh
# Black-box tests of `ramme meeting`: importing the minutes fixtures
# prints one id per meeting, importing them again prints the same ids and
# creates nothing, and `show --format json` has the keys other tools read.
# Usage: sh tests/cli/test_meeting.sh PATH/TO/ramme
# Prints one line per check and ends with "N passed, N failed".
set -u
RAMME=${1:?usage: test_meeting.sh PATH/TO/ramme}
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
FIX=$ROOT/tests/fixtures/minutes
T=$(mktemp -d /tmp/ramme-cli-meeting.XXXXXX)
trap 'rm -rf "$T"' EXIT
. "$(dirname "$0")/check.inc"

DB=$(newdb)
"$RAMME" init --db "$DB" >/dev/null 2>&1

"$RAMME" meeting import "$FIX"/*.txt --db "$DB" >"$T/ids1" 2>"$T/err1"
rc1=$?
check "import of the three fixtures exits 0" [ "$rc1" -eq 0 ]
check "one id per file" [ "$(wc -l <"$T/ids1")" -eq 3 ]
check "ids are numbers" sh -c "! grep -qv '^[0-9][0-9]*\$' '$T/ids1'"
check "unplaced text is reported with its line" grep -q "linje [0-9]*: ikke placeret" "$T/err1"

"$RAMME" meeting import "$FIX"/*.txt --db "$DB" >"$T/ids2" 2>"$T/err2"
check "second import exits 0" [ $? -eq 0 ]
check "second import prints the same ids" cmp -s "$T/ids1" "$T/ids2"
check "second import creates nothing" sh -c \
    "[ \$('$RAMME' meeting list --db '$DB' | wc -l) -eq 3 ]"
check "second import says the meetings existed" grep -q "fandtes allerede" "$T/err2"

ID=$(sed -n 1p "$T/ids1")
"$RAMME" meeting show "$ID" --format json --db "$DB" >"$T/show.json" 2>&1
check "show --format json exits 0" [ $? -eq 0 ]
check "show --format json has the required keys" python3 -c "
import json, sys
m = json.load(open('$T/show.json'))
for k in ('body', 'start', 'end', 'place', 'participants', 'apologies',
          'case_no', 'doc_no', 'items'):
    assert k in m, k
assert m['body'] == 'Socialdirektørkredsen', m['body']
assert m['start'] == '2011-10-06T13:00', m['start']
assert m['case_no'] == '2011-43820' and m['doc_no'] == '2011-296084'
assert len(m['apologies']) == 4
assert len(m['items']) == 12
for it in m['items']:
    for k in ('number', 'title', 'section', 'recommendation', 'minutes',
              'attachments'):
        assert k in it, k
assert m['items'][0]['number'] == 1
assert m['items'][0]['minutes'] == 'Godkendt'
"
check "show of a missing meeting exits 2" sh -c \
    "'$RAMME' meeting show 999 --db '$DB' >/dev/null 2>&1; [ \$? -eq 2 ]"
check "show text names the body" sh -c \
    "'$RAMME' meeting show '$ID' --db '$DB' | grep -q 'Socialdirektørkredsen'"
check "list filters by body" sh -c \
    "[ \$('$RAMME' meeting list --body das --db '$DB' | wc -l) -eq 0 ]"
check "list filters by year" sh -c \
    "[ \$('$RAMME' meeting list --year 2014 --db '$DB' | wc -l) -eq 1 ]"
check "import of a missing file exits 2" sh -c \
    "'$RAMME' meeting import '$T/nope.txt' --db '$DB' >/dev/null 2>&1; [ \$? -eq 2 ]"
printf '1. Punkt\n\nTekst\n' >"$T/nobody.txt"
check "import without a body exits 2" sh -c \
    "'$RAMME' meeting import '$T/nobody.txt' --db '$DB' >/dev/null 2>&1; [ \$? -eq 2 ]"
check "import with --body works" sh -c \
    "'$RAMME' meeting import '$T/nobody.txt' --body das --db '$DB' | grep -q '^[0-9]'"
for i in 1 2 3 4 5 6 7 8 9; do cp "$FIX/000_65e7f14a10f909d6.txt" "$T/copy$i.txt"; done
check "import takes any number of files" sh -c \
    "[ \$('$RAMME' meeting import '$T'/copy*.txt --db '$DB' 2>/dev/null | sort -u | wc -l) -eq 1 ]"
check "unknown subcommand exits 2" sh -c \
    "'$RAMME' meeting frob --db '$DB' >/dev/null 2>&1; [ \$? -eq 2 ]"

finish
