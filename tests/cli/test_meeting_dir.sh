#!/bin/sh
# Black-box tests of `ramme meeting import DIR`: a folder of minutes in
# several shapes (text, markdown, HTML with bold labels, DOCX written here
# with python3's zipfile) in sub-folders is imported recursively with a
# summary table; --dry-run creates nothing and names what it would
# create; a file with no text is reported, not dropped.
# Usage: sh tests/cli/test_meeting_dir.sh PATH/TO/ramme
set -u
RAMME=${1:?usage: test_meeting_dir.sh PATH/TO/ramme}
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
FIX=$ROOT/tests/fixtures/minutes
T=$(mktemp -d /tmp/ramme-cli-meeting-dir.XXXXXX)
trap 'rm -rf "$T"' EXIT
. "$(dirname "$0")/check.inc"

DB=$(newdb)
"$RAMME" init --db "$DB" >/dev/null 2>&1
A=$T/arkiv
mkdir -p "$A/2011" "$A/2012/word" "$A/2014"
cp "$FIX/000_65e7f14a10f909d6.txt" "$A/2011/referat.txt"
# markdown: bold labels, items as a list
sed -e 's/^ *\(Møde\|Tid\|Sted\|Deltagere\|Afbud\) /**\1** /' \
    -e 's/^\([0-9]\{1,2\}\. .*\)$/- \1**/' \
    "$FIX/003_db29347853a598f2.txt" >"$A/2014/referat.md"
# DOCX: one paragraph a line
python3 - "$FIX/002_ddf5d63349d0c985.txt" "$A/2012/word/referat.docx" <<'PY'
import sys, zipfile, html
lines = open(sys.argv[1], encoding='utf-8').read().split('\n')
body = ''.join('<w:p><w:r><w:t xml:space="preserve">%s</w:t></w:r></w:p>'
               % html.escape(l.strip()) for l in lines)
doc = ('<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w='
       '"http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
       '<w:body>%s</w:body></w:document>' % body)
with zipfile.ZipFile(sys.argv[2], 'w', zipfile.ZIP_DEFLATED) as z:
    z.writestr('[Content_Types].xml', '<?xml version="1.0"?><Types '
               'xmlns="http://schemas.openxmlformats.org/package/2006/'
               'content-types"/>')
    z.writestr('word/document.xml', doc)
PY
printf 'noter.xyz skal ikke med\n' >"$A/2011/noter.xyz"
printf '' >"$A/2011/tom.txt"

"$RAMME" meeting import "$A" --dry-run --db "$DB" >"$T/dry.out" 2>"$T/dry.err"
rc=$?
check "dry run of a folder fails for the empty file" [ "$rc" -ne 0 ]
check "dry run creates nothing" sh -c \
    "[ \$('$RAMME' meeting list --db '$DB' | wc -l) -eq 0 ]"
check "dry run names what would be created" grep -q "ville oprette «" "$T/dry.err"
check "dry run shows what could not be placed" grep -q "ikke placeret" "$T/dry.err"
check "dry run ends with a summary" grep -q "^I alt 4 filer: 3 ville oprettes, 0 fandtes allerede, 1 fejl" "$T/dry.err"
check "files of other kinds are not taken" sh -c "! grep -q noter.xyz '$T/dry.err'"

"$RAMME" meeting import "$A" --db "$DB" >"$T/ids" 2>"$T/err"
rc=$?
check "import of a folder fails for the empty file" [ "$rc" -ne 0 ]
check "one id per imported file" [ "$(wc -l <"$T/ids")" -eq 3 ]
check "three meetings created" sh -c \
    "[ \$('$RAMME' meeting list --db '$DB' | wc -l) -eq 3 ]"
check "the summary lists every file" sh -c "grep -q '2014/referat.md *oprettet' '$T/err' &&
    grep -q 'word/referat.docx *oprettet' '$T/err' && grep -q 'tom.txt *fejl' '$T/err'"
check "the markdown minutes keep their items" sh -c \
    "'$RAMME' meeting show \$(sed -n 3p '$T/ids') --format json --db '$DB' |
    python3 -c 'import json,sys; m=json.load(sys.stdin); assert len(m[\"items\"]) >= 9, len(m[\"items\"]); assert m[\"start\"].startswith(\"2014-03-06\")'"

"$RAMME" meeting import "$A" --db "$DB" >"$T/ids2" 2>"$T/err2"
check "a second import creates nothing" grep -q "^I alt 4 filer: 0 oprettet, 3 fandtes allerede, 1 fejl" "$T/err2"

finish
