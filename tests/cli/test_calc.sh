#!/bin/sh
# Black-box tests of `ramme calc tariff|surplus|occupancy|fixed-prices|
# analysis`: the tariff
# vectors of the domain specification through the command line, and bad
# input refused with exit code 2 and a Danish message.
# Usage: sh tests/cli/test_calc.sh PATH/TO/ramme
# Prints one line per check and ends with "N passed, N failed".
set -u
RAMME=${1:?usage: test_calc.sh PATH/TO/ramme}
T=$(mktemp -d /tmp/ramme-calc.XXXXXX)
trap 'rm -rf "$T"' EXIT
. "$(dirname "$0")/check.inc"

# calc KIND JSON: run the calculator on JSON; output in $T/out, $T/err.
calc() {
	printf '%s' "$2" | "$RAMME" calc "$1" >"$T/out" 2>"$T/err"
}

# gives KIND JSON TEXT...: exit 0 and every TEXT in the output.
gives() {
	kind=$1; json=$2; shift 2
	calc "$kind" "$json" || return 1
	for want in "$@"; do
		grep -qF -- "$want" "$T/out" || return 1
	done
}

# refuses KIND JSON TEXT: exit 2, nothing on stdout, TEXT on stderr.
refuses() {
	calc "$1" "$2"
	[ $? -eq 2 ] || return 1
	[ ! -s "$T/out" ] || return 1
	grep -qF -- "$3" "$T/err"
}

TV2='"year": 2013, "unit": "day", "places": 10, "occupancy_pct": 96'
COSTS='"costs_ore": {"wages": 650000000, "property": 67500000, "other": 82500000}'
TV1='"year": 2013, "tariff_base_ore": 800000000, "revenue_ore": 841800000, "costs_ore": 764800000'

check "help lists calc" sh -c "'$RAMME' help | grep -q '^  calc '"
check "help calc names the fields" sh -c \
    "'$RAMME' help calc | grep -q 'occupancy_pct'"

# Spec §3 TV-2: 8,000,000 / (10 × 365 × 0.96) = 2,283.105… → 2,283.
check "TV-2 day tariff 2,283" gives tariff "{$TV2, $COSTS}" \
    '"tariff_base_ore": 800000000' '"place_days": 3504' \
    '"tariff_exact_ore": 228310.5023' '"tariff_ore": 228300'
# Spec §3 TV-2: y+2 with −370,000 from TV-1 → 7,630,000 / 3,504 → 2,178.
check "TV-2 with surplus returned 2,178" gives tariff \
    "{$TV2, $COSTS, \"carry_over_ore\": -37000000}" \
    '"tariff_base_ore": 763000000' '"tariff_ore": 217800'
# Spec §3 TV-16: 8.5 places, 3,000,000 at 100 % → 966.96 → 967.
check "TV-16 fractional places 967" gives tariff \
    '{"year": 2018, "unit": "day", "places": 8.5, "occupancy_pct": 100, "costs_ore": {"wages": 300000000}}' \
    '"place_days": 3102.5' '"tariff_ore": 96700'
check "month tariff = year / 12" gives tariff \
    '{"year": 2013, "unit": "month", "places": 10, "occupancy_pct": 96, "costs_ore": {"wages": 800000000}}' \
    '"tariff_ore": 6944400'
check "leap year has 366 days" gives tariff \
    '{"year": 2012, "unit": "day", "places": 10, "occupancy_pct": 100, "costs_ore": {"wages": 366000000}}' \
    '"days": 366' '"tariff_ore": 100000'

# Spec §3 TV-1: surplus 770,000; 400,000 set aside to 2018; −370,000 in 2015.
check "TV-1 surplus split" gives surplus "{$TV1}" \
    '"result_ore": 77000000' '"setaside_ore": 40000000' \
    '"to_tariff_ore": -37000000' '"tariff_year": 2015' \
    '"setaside_expires_year": 2018'
check "TV-1 nothing set aside" gives surplus "{$TV1, \"setaside_ore\": 0}" \
    '"to_tariff_ore": -77000000' '"setaside_expires_year": null'
check "2 % ceiling before 2012" gives surplus \
    '{"year": 2011, "tariff_base_ore": 800000000, "revenue_ore": 841800000, "costs_ore": 764800000}' \
    '"setaside_ore": 16000000' '"to_tariff_ore": -61000000'
# Spec §3 TV-4 c: deficit 650,000 → 500,000 carried, 150,000 raises the tariff.
check "TV-4 Syddanmark deficit" gives surplus \
    '{"year": 2013, "rule": "carryover", "tariff_base_ore": 1000000000, "revenue_ore": 935000000, "costs_ore": 1000000000}' \
    '"setaside_ore": -50000000' '"to_tariff_ore": 15000000'

# Spec §3 TV-3 and variants.
check "TV-3 95.51 % accepted" gives occupancy \
    '{"offer_kind": "ordinary", "occupancy_pct": [94, 97.01]}' \
    '"budget_occupancy_pct": 95.51' '"status": "ok"'
check "TV-3 with three decimals as written" gives occupancy \
    '{"offer_kind": "ordinary", "occupancy_pct": [94, 97.014]}' \
    '"budget_occupancy_pct": 95.51' '"budget_occupancy_exact_pct": 95.507,'
check "place-days: the exact mean, rounded once (95.37, not 95.38)" \
    gives occupancy \
    '{"offer_kind": "ordinary", "occupied_days": [3541, 3431], "available_days": [3660, 3650]}' \
    '"budget_occupancy_pct": 95.37,' '"status": "ok"'
check "place-days without available days refused" refuses occupancy \
    '{"offer_kind": "ordinary", "occupied_days": [3541, 3431]}' \
    'available_days'
check "occupied over available refused" refuses occupancy \
    '{"offer_kind": "ordinary", "occupied_days": [3661], "available_days": [3660]}' \
    'Belagte pladsdøgn'
check "percentages and place-days together refused" refuses occupancy \
    '{"offer_kind": "ordinary", "occupancy_pct": [95], "occupied_days": [3541], "available_days": [3660]}' \
    'ikke begge'
check "seven decimals refused" refuses occupancy \
    '{"offer_kind": "ordinary", "occupancy_pct": [95.1234567]}' \
    'decimaler'
check "TV-3 91.5 % rejected for ordinary offers" gives occupancy \
    '{"offer_kind": "ordinary", "occupancy_pct": [91, 92]}' \
    '"status": "rejected"' 'DAS'
check "TV-3 91.5 % accepted for short stays" gives occupancy \
    '{"offer_kind": "short_stay", "occupancy_pct": [91, 92]}' \
    '"status": "ok"'
check "TV-3 99.5 % warning above 98 %" gives occupancy \
    '{"offer_kind": "ordinary", "occupancy_pct": [99, 100]}' \
    '"budget_occupancy_pct": 99.5' '"status": "warning"' 'anbefalede'
check "DAS approval allows a deviation" gives occupancy \
    '{"offer_kind": "ordinary", "occupancy_pct": [91, 92], "das_approval": "DAS 2013-08-13 pkt. 4"}' \
    '"status": "warning"' 'godkendt af DAS'

# Spec §3 TV-13: 2,000 kr. in 2020 prices with the state PL → 2,250.36 kr.
STATE='"pl_pct": {"2021": 1.2, "2022": 4.3, "2023": 2.5, "2024": 4.0}'
check "TV-13 fixed prices 2,250.36" gives fixed-prices \
    "{$STATE, \"from_year\": 2020, \"to_year\": 2024, \"amount_ore\": 200000}" \
    '"factor": 1.125180056' '"amount_ore": 225036'
check "fixed prices backwards is the inverse" gives fixed-prices \
    "{$STATE, \"from_year\": 2024, \"to_year\": 2020, \"amount_ore\": 225036}" \
    '"amount_ore": 200000'
check "fixed prices without an amount gives the factor" gives fixed-prices \
    '{"pl_pct": {"2013": 1.53}, "from_year": 2012, "to_year": 2013}' \
    '"factor": 1.0153'
# Spec §3 TV-14: three offers 2023 → 2024 with PL 4.0 %.
TV14='"pl_pct": {"2024": 4.0}, "from_year": 2023, "to_year": 2024, "lines": [{"id": "A", "places": 10, "tariff_from_ore": 215000, "tariff_to_ore": 230000}, {"id": "B", "places": 24, "tariff_from_ore": 180000, "tariff_to_ore": 185000}, {"id": "C", "places": 6, "tariff_from_ore": 340000, "tariff_to_ore": 370000}]'
check "TV-14 analysis" gives analysis "{$TV14}" \
    '"real_change_pct": 2.86' '"real_change_pct": -1.18' \
    '"real_change_pct": 4.64' '"unweighted_mean_pct": 2.11' \
    '"weighted_mean_pct": 1.24'
check "missing PL year" refuses fixed-prices \
    '{"pl_pct": {"2021": 1.2, "2023": 2.5}, "from_year": 2020, "to_year": 2023, "amount_ore": 100}' \
    'PL-serien mangler 2022'
check "empty panel" refuses analysis \
    '{"pl_pct": {"2024": 4.0}, "from_year": 2023, "to_year": 2024, "lines": []}' \
    'Analysen har ingen linjer i begge år'
check "zero tariff in the from-year" refuses analysis \
    '{"pl_pct": {"2024": 4.0}, "from_year": 2023, "to_year": 2024, "lines": [{"id": "A", "places": 1, "tariff_from_ore": 0, "tariff_to_ore": 100}]}' \
    'Linje A har ingen takst i fra-året'
check "PL change with five decimals" refuses fixed-prices \
    '{"pl_pct": {"2024": 4.00001}, "from_year": 2023, "to_year": 2024}' \
    'fire decimaler'
check "PL change below -50 %" refuses fixed-prices \
    '{"pl_pct": {"2024": -50.5}, "from_year": 2023, "to_year": 2024}' \
    'mellem −50'
check "a year key that is not a year" refuses fixed-prices \
    '{"pl_pct": {"next": 1}, "from_year": 2023, "to_year": 2024}' \
    'Nøglerne i pl_pct'
check "both pl_pct and series" refuses fixed-prices \
    '{"pl_pct": {"2024": 4}, "series": "state_general_pl", "from_year": 2023, "to_year": 2024}' \
    'Angiv enten pl_pct'
check "a named series needs --db" refuses fixed-prices \
    '{"series": "state_general_pl", "from_year": 2020, "to_year": 2024}' \
    'kræver en database'
DB=$(newdb)
"$RAMME" init --db "$DB" >/dev/null 2>&1
check "series from the database (TV-13)" sh -c "
	printf '%s' '{\"series\": \"state_general_pl\", \"from_year\": 2020, \"to_year\": 2024, \"amount_ore\": 200000}' |
	    '$RAMME' calc fixed-prices --db '$DB' | grep -qF '\"amount_ore\": 225036'"
check "TV-14 with the stored series" sh -c "
	printf '%s' '{\"series\": \"state_general_pl\", $(printf '%s' "$TV14" | sed 's/"pl_pct": {"2024": 4.0}, //')}' |
	    '$RAMME' calc analysis --db '$DB' | grep -qF '\"weighted_mean_pct\": 1.24'"
check "unknown series exits 2" sh -c "
	printf '%s' '{\"series\": \"nope\", \"from_year\": 2020, \"to_year\": 2024}' |
	    '$RAMME' calc fixed-prices --db '$DB' 2>'$T/err'; [ \$? -eq 2 ] &&
	    grep -qF 'PL-serien findes ikke' '$T/err'"

# Bad input: exit 2, a Danish message on stderr.
check "missing field" refuses tariff \
    '{"year": 2013, "unit": "day", "occupancy_pct": 96, "costs_ore": {}}' \
    'Feltet places mangler'
check "negative places" refuses tariff \
    "{\"year\": 2013, \"unit\": \"day\", \"places\": -2, \"occupancy_pct\": 96, $COSTS}" \
    'Antal pladser'
check "occupancy above 100" refuses tariff \
    "{\"year\": 2013, \"unit\": \"day\", \"places\": 10, \"occupancy_pct\": 100.5, $COSTS}" \
    'Belægningsprocenten'
check "occupancy 0" refuses occupancy \
    '{"offer_kind": "ordinary", "occupancy_pct": [0, 95]}' 'Belægningsprocenten'
check "øre with decimals" refuses tariff \
    "{$TV2, \"costs_ore\": {\"wages\": 100.5}}" 'helt antal øre'
check "more than two decimals" refuses tariff \
    "{\"year\": 2013, \"unit\": \"day\", \"places\": 8.555, \"occupancy_pct\": 96, $COSTS}" \
    'to decimaler'
check "unknown unit" refuses tariff \
    "{\"year\": 2013, \"unit\": \"week\", \"places\": 10, \"occupancy_pct\": 96, $COSTS}" \
    'Ukendt takstenhed'
check "unknown field" refuses tariff "{$TV2, $COSTS, \"vat\": 1}" \
    'Ukendt felt: vat'
check "unknown cost line" refuses tariff \
    "{$TV2, \"costs_ore\": {\"food\": 1}}" 'Ukendt felt: costs_ore.food'
check "wrong type" refuses tariff \
    "{\"year\": \"2013\", \"unit\": \"day\", \"places\": 10, \"occupancy_pct\": 96, $COSTS}" \
    'Feltet year skal være'
check "set-aside above the ceiling" refuses surplus \
    "{$TV1, \"setaside_ore\": 40000001}" 'loftet'
check "set-aside above the surplus" refuses surplus \
    '{"year": 2013, "tariff_base_ore": 800000000, "revenue_ore": 770000000, "costs_ore": 764800000, "setaside_ore": 6000000}' \
    'større end overskuddet'
check "unknown offer kind" refuses occupancy \
    '{"offer_kind": "weekly", "occupancy_pct": [94, 95]}' 'tilbudsart'
check "invalid JSON" refuses tariff '{"year": 2013,' 'ugyldig JSON'
check "empty input" refuses tariff '' 'ugyldig JSON'
check "not an object" refuses surplus '[1, 2]' 'JSON-objekt'
check "input larger than 64 KiB" sh -c "
	{ printf '{\"year\": 2013'; dd if=/dev/zero bs=1024 count=70 2>/dev/null |
	    tr '\\000' ' '; printf '}'; } | '$RAMME' calc tariff >/dev/null 2>&1
	[ \$? -eq 2 ]"
check "no calculator exits 2" sh -c "'$RAMME' calc </dev/null; [ \$? -eq 2 ]"
check "unknown calculator exits 2" sh -c \
    "echo '{}' | '$RAMME' calc budget; [ \$? -eq 2 ]"

# split: spec TV-7, 10,000,000 kr. by population 1 January 2011.
TV7='"851": 199188, "810": 35789, "813": 61576, "860": 66473, "849": 38733, "825": 1949, "846": 42572, "773": 21600, "840": 28940, "787": 45145, "820": 37864'
check "TV-7 split by population" gives split \
    "{\"pool_ore\": 1000000000, \"unit_ore\": 100, \"weights\": {$TV7}}" \
    '"851": 343528900' '"825": 3361300' '"820": 65302000' \
    '"total_ore": 1000000000'
# TV-6 with Stevns at 4,392 and the other 82,476 children as one row.
check "TV-6 split by 0-17-year-olds" gives split \
    '{"pool_ore": 2445980600, "weights": {"253": 11166, "259": 12611, "265": 18573, "370": 16145, "330": 14792, "336": 4392, "999": 82476}}' \
    '"253": 170533700' '"259": 192602500' '"330": 225912000' \
    '"336": 67077200'
check "split tie goes to the lower code" gives split \
    '{"pool_ore": 100, "weights": {"851": 1, "1081": 1, "773": 1}}' \
    '"773": 100' '"851": 0'
check "split of a negative pool keeps the sign" gives split \
    '{"pool_ore": -300, "weights": {"1": 1, "2": 2}}' '"1": -100' '"2": -200'
check "split refuses a pool not a multiple of the unit" refuses split \
    '{"pool_ore": 1050, "unit_ore": 100, "weights": {"851": 1}}' \
    'skal gå op i enheden'
check "split refuses a negative weight" refuses split \
    '{"pool_ore": 100, "weights": {"851": -1, "810": 2}}' 'negativ'
check "split refuses zero weights" refuses split \
    '{"pool_ore": 100, "weights": {"851": 0}}' 'Alle vægte er 0'
check "split refuses a fractional weight" refuses split \
    '{"pool_ore": 100, "weights": {"851": 1.5}}' 'heltal'
check "split refuses missing weights" refuses split \
    '{"pool_ore": 100}' 'weights mangler'

finish
