#!/bin/sh
# Black-box tests of `ramme cycle`: a new database gets the default rules
# of the annual cycle (årshjul) at `ramme init`, once; `cycle show --year
# Y --format json` prints exactly the steps of the year from them (here
# 2016, with the takeover notice deadline of the election period and the
# approval deadline of 1 May); the text format and `cycle rules`; bad
# input refused with exit code 2.
# Usage: sh tests/cli/test_cycle.sh PATH/TO/ramme
# Prints one line per check and ends with "N passed, N failed".
set -u
RAMME=${1:?usage: test_cycle.sh PATH/TO/ramme}
T=$(mktemp -d /tmp/ramme-cli-cycle.XXXXXX)
trap 'rm -rf "$T"' EXIT
. "$(dirname "$0")/check.inc"

DB=$(newdb)
c() {	# c ARGS...: ramme cycle ARGS --db DB; output in $T/out, $T/err
	"$RAMME" cycle "$@" --db "$DB" >"$T/out" 2>"$T/err"
	rc=$?
}

"$RAMME" init --db "$DB" >"$T/init" 2>&1
check "init writes the default rules" grep -qx "annual cycle: 17 default rules" "$T/init"
"$RAMME" init --db "$DB" >"$T/init2" 2>&1
check "a second init writes none" sh -c "! grep -q 'annual cycle' '$T/init2'"

cat >"$T/want" <<'JSON'
{
  "year": 2016,
  "steps": [
    {
      "date": "2016-01-01",
      "kind": "takeover_notice_deadline",
      "title": "Frist for kommunernes varsel om overtagelse af regionale tilbud",
      "status": "done"
    },
    {
      "date": "2016-01-20",
      "kind": "das_status",
      "title": "DAS drøfter status på kapacitet og belægning",
      "status": "overdue"
    },
    {
      "date": "2016-01-20",
      "kind": "reinforced_decision",
      "title": "DAS beslutter, hvilke tilbud der omfattes af forstærket samarbejde",
      "status": "overdue"
    },
    {
      "date": "2016-03-01",
      "kind": "councils_treatment",
      "title": "KKR, byråd og regionsråd behandler udviklingsstrategi og forstærket samarbejde (marts–maj)",
      "status": "overdue"
    },
    {
      "date": "2016-05-01",
      "kind": "strategy_approval_deadline",
      "title": "Frist for godkendelse af udviklingsstrategien i alle byråd og regionsrådet",
      "status": "overdue"
    },
    {
      "date": "2016-06-30",
      "kind": "annual_result_deadline",
      "title": "Driftsherrerne indberetter årsresultat for sidste år",
      "status": "planned"
    },
    {
      "date": "2016-07-01",
      "kind": "reinforced_in_force",
      "title": "Forstærket samarbejde træder i kraft for årets tilbud",
      "status": "planned"
    },
    {
      "date": "2016-08-15",
      "kind": "das_sustainability",
      "title": "DAS drøfter styringsaftale og de omfattede tilbuds bæredygtighed",
      "status": "planned"
    },
    {
      "date": "2016-10-15",
      "kind": "steering_agreement_approval_deadline",
      "title": "Frist for godkendelse af styringsaftalen i alle byråd og regionsrådet",
      "status": "planned"
    },
    {
      "date": "2016-10-31",
      "kind": "tariff_round_deadline",
      "title": "Frist for driftsherrernes takstindberetning",
      "status": "planned"
    },
    {
      "date": "2016-11-01",
      "kind": "reinforced_nominations",
      "title": "Driftsherrer og kommuner indstiller tilbud til forstærket samarbejde",
      "status": "planned"
    },
    {
      "date": "2016-11-15",
      "kind": "operator_reporting_deadline",
      "title": "Frist for driftsherrernes årlige indberetning (kapacitet, belægning, venteliste)",
      "status": "planned"
    },
    {
      "date": "2016-11-15",
      "kind": "submissions_deadline",
      "title": "Frist for kommunernes indmeldinger",
      "status": "planned"
    },
    {
      "date": "2016-12-10",
      "kind": "expert_panel",
      "title": "Ekspertpanelet vurderer nye tilbud og genvurderer tilbud omfattet i 1½ år",
      "status": "planned"
    },
    {
      "date": "2016-12-15",
      "kind": "hearing_deadline",
      "title": "Frist for den fælles skriftlige høring af statusbilledet",
      "status": "planned"
    }
  ]
}
JSON
c show --year 2016 --format json --today 2016-06-15
check "show 2016 exits 0" [ "$rc" -eq 0 ]
check "show 2016 as JSON, exactly" cmp -s "$T/out" "$T/want"
if have python3; then
	check "the JSON parses with year and steps" python3 -c '
import json, sys
d = json.load(open(sys.argv[1]))
assert d["year"] == 2016 and len(d["steps"]) == 15
assert all(list(s) == ["date", "kind", "title", "status"] for s in d["steps"])
' "$T/out"
fi

c show --year 2014 --format json --today 2014-01-01
check "approval deadline 1 June until 2014" grep -q '"date": "2014-06-01"' "$T/out"
check "no takeover notice outside the period's third year" sh -c "! grep -q takeover_notice '$T/out'"
c show --year 2017 --today 2017-01-01
check "text: takeover on 1 January 2017" grep -q "^2017-01-01	.*regional_takeover" "$T/out"
check "text: the tariff round's deadline, last working day of October" grep -q "^2017-10-31	planned" "$T/out"

c rules
check "rules lists both versions of the approval deadline" [ "$(grep -c 'strategy_approval_deadline' "$T/out")" -eq 2 ]
check "rules shows the relative hearing" grep -q "hearing_deadline	from 2011	relative submissions_deadline +30 days" "$T/out"

c show --year 1999
check "a year out of range is refused" [ "$rc" -eq 2 ]
c show
check "show without --year is refused" [ "$rc" -eq 2 ]
c show --year 2016 --format xml
check "an unknown format is refused" [ "$rc" -eq 2 ]
c show --year 2016 --today 2016-02-30
check "a date that does not exist is refused" [ "$rc" -eq 2 ]
c frobnicate
check "an unknown subcommand is refused" [ "$rc" -eq 2 ]

finish
