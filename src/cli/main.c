/*
 * main — entry point of the ramme executable: finds the subcommand and
 * runs it. `ramme help` lists the commands, `ramme help CMD` explains one.
 */
#include <sodium.h>
#include <stdio.h>
#include <string.h>

#include "cli/cli.h"
#include "http/server.h"

/* The key file, as init, migrate and serve explain it. */
#define KEY_FILE_HELP \
	"\nThe TOTP secrets of the second factor are sealed at rest with a\n" \
	"key file of exactly 32 random bytes, mode 0600 (readable by the\n" \
	"owner only; anything wider is refused): --key-file FILE, else\n" \
	"$RAMME_KEY_FILE, else beside a SQLite database PATH.key, made\n" \
	"when missing (unless the database already holds sealed secrets).\n" \
	"PostgreSQL has no default. Make one with\n" \
	"  (umask 077; head -c 32 /dev/urandom > FILE)\n" \
	"and back it up apart from the database.\n"

static int cmd_help(int argc, char **argv);
static int cmd_version(int argc, char **argv);

const struct cli_cmd cli_cmds[] = {
	{ "init", "create or migrate a database, optionally with demo data",
	  "ramme init [--db PATH] [--key-file FILE]\n"
	  "           [--demo [--no-minutes] [--no-example]]\n\n"
	  "Creates the database (default $RAMME_DB or var/ramme.db), brings\n"
	  "its schema up to date and loads the state's general price-and-wage\n"
	  "series (state_general_pl, version 1) when it is missing; a\n"
	  "database without rules of the annual cycle (årshjul) gets the\n"
	  "default ones. --demo loads the North Jutland register: the 11\n"
	  "municipalities and Region Nordjylland with codes and populations,\n"
	  "and the offers named in the secretariat's minutes; three of\n"
	  "Socialdirektørkredsen's minutes (2011-2014) as meetings, unless\n"
	  "--no-minutes is given; and, unless --no-example is given, an\n"
	  "example year with example figures: the 2024 accounts of the\n"
	  "covered offers, the published tariffs of 2024, 2025 and 2026 with\n"
	  "an example tariff analysis 2024-2025, and the secretariat's\n"
	  "accounts 2011 and budget 2012 from the minutes, with the two\n"
	  "half-yearly invoices of 2011 split by population. Loading the\n"
	  "demo data into a database that has it already changes nothing.\n"
	  KEY_FILE_HELP,
	  cmd_init },
	{ "migrate", "apply pending schema migrations",
	  "ramme migrate [--db PATH] [--key-file FILE]\n\n"
	  "Applies every migration the database lacks, each in its own\n"
	  "transaction, and prints the schema version. A database without\n"
	  "rules of the annual cycle (årshjul) gets the default ones.\n"
	  "Second-factor secrets an earlier version stored plain are sealed\n"
	  "with the key file.\n"
	  KEY_FILE_HELP,
	  cmd_migrate },
	{ "backup", "copy the whole database to a file while it is in use",
	  "ramme backup --out FILE [--db PATH]\n\n"
	  "Writes a consistent copy of the database as of one moment to\n"
	  "FILE, which must not exist; the servers go on meanwhile. SQLite:\n"
	  "through SQLite's online backup, a database file of its own (a\n"
	  "writer is not held up). PostgreSQL (--db postgresql://...): runs\n"
	  "pg_dump --format=custom, which must be on the PATH; pg_dump may\n"
	  "also be run directly. FILE appears complete or not at all.\n"
	  "The key file of the second factors (--key-file; beside a SQLite\n"
	  "database, PATH.key) is not in the backup: keep a copy of it\n"
	  "apart, since a backup without its key cannot open them.\n",
	  cmd_backup },
	{ "restore", "replace a database with a backup",
	  "ramme restore --from FILE [--db PATH] [--force]\n\n"
	  "Puts the backup FILE written by `ramme backup` into the database\n"
	  "and brings its schema up to date. Stop every `ramme serve` on\n"
	  "the database first. An existing SQLite file, or a PostgreSQL\n"
	  "database that has data, is overwritten only with --force.\n"
	  "SQLite: copied in through the backup API (a file that is no\n"
	  "ramme database is refused). PostgreSQL: pg_restore --clean\n"
	  "--if-exists in one transaction (pg_restore on the PATH).\n"
	  "Put the key file of the database the backup was taken from back\n"
	  "too (PATH.key beside a SQLite database, or --key-file): without\n"
	  "it the second factors in the backup cannot be used.\n",
	  cmd_restore },
	{ "serve", "serve the web application and the API",
	  "ramme serve [--db PATH] [--listen ADDR] [--port N] [--threads N]\n"
	  "            [--secure-cookies] [--public-url URL]\n"
	  "            [--site-name TEXT] [--org-name TEXT]\n"
	  "            [--contact-email ADDR] [--a11y-tested DATE]\n"
	  "            [--max-upload SIZE] [--trusted-proxy ADDR[,ADDR...]]\n"
	  "            [--max-conn-per-ip N] [--timeout SECONDS]\n"
	  "            [--log-format text|json] [--smtp URL [--smtp-from ADDR]\n"
	  "            [--smtp-user NAME --smtp-password-file FILE]\n"
	  "            [--smtp-timeout SECONDS] [--smtp-backoff SECONDS]]\n"
	  "            [--key-file FILE]\n\n"
	  "Serves HTTP on ADDR:N (default 127.0.0.1:8080) until SIGTERM or\n"
	  "SIGINT, then finishes the requests under way and exits. Put a TLS\n"
	  "proxy in front for production and pass --secure-cookies there.\n"
	  "  --threads N        worker threads (default 4 x cores, max 64)\n"
	  "  --secure-cookies   mark the session cookie Secure (behind TLS)\n"
	  "  --public-url URL   the address the public uses, e.g.\n"
	  "                     https://ramme.example.dk: absolute links in\n"
	  "                     the feeds and the open API (default: from\n"
	  "                     each request's Host header)\n"
	  "  --site-name TEXT   the cooperation's name in the page header\n"
	  "                     (default \"" SITE_NAME_DEFAULT "\")\n"
	  "  --org-name TEXT    who runs the site, in the header, the\n"
	  "                     accessibility statement and the privacy\n"
	  "                     policy (default \"" SITE_ORG_DEFAULT "\")\n"
	  "  --contact-email ADDR  contact for accessibility and personal\n"
	  "                     data (default " SITE_EMAIL_DEFAULT ")\n"
	  "  --a11y-tested DATE the day of the last accessibility test,\n"
	  "                     YYYY-MM-DD, in the accessibility statement\n"
	  "                     (default " SITE_A11Y_TESTED_DEFAULT ")\n"
	  "  --max-upload SIZE  the largest upload of an attachment, e.g.\n"
	  "                     50M or 200M (K, M, G; 1M-512M; default\n"
	  "                     50M). Uploads are streamed to temporary\n"
	  "                     files in $TMPDIR (default /tmp); every\n"
	  "                     other request body stays at most 1 MiB\n"
	  "  --trusted-proxy ADDR[,ADDR...]  the TLS proxies in front: from\n"
	  "                     them the client's address is the one they\n"
	  "                     add to X-Forwarded-For (login limits and\n"
	  "                     the log use it), and they are spared the\n"
	  "                     per-address connection cap\n"
	  "  --max-conn-per-ip N  open connections one client address may\n"
	  "                     hold (default 200)\n"
	  "  --timeout SECONDS  a connection idle this long, also between\n"
	  "                     the lines of its request, is closed\n"
	  "                     (default 15)\n"
	  "  --log-format json  one JSON object per log line on standard\n"
	  "                     error (requests with ip, method, path,\n"
	  "                     status, bytes, ms, db_ms); default text\n"
	  "  --smtp URL         send the e-mail outbox through this server:\n"
	  "                     smtp://HOST[:PORT] (STARTTLS when offered,\n"
	  "                     required with a login) or smtps://HOST[:PORT];\n"
	  "                     without it the outbox only collects\n"
	  "  --smtp-from ADDR   sender address (default the contact e-mail)\n"
	  "  --smtp-user NAME, --smtp-password-file FILE\n"
	  "                     SMTP login; the password is the file's first\n"
	  "                     line\n"
	  "  --smtp-timeout S   seconds for one SMTP exchange (default 60)\n"
	  "  --smtp-backoff S   seconds before the second attempt, doubling\n"
	  "                     up to 6 hours; 8 attempts (default 60)\n"
	  "  --key-file FILE    the key of the second factors (below); every\n"
	  "                     server of one database needs the same file\n"
	  KEY_FILE_HELP
	  "\nA key file that is missing, not 32 bytes or readable by others\n"
	  "stops the start. One that does not open the stored secrets (the\n"
	  "key of another database), or none on PostgreSQL, is logged and\n"
	  "the server runs with second factors refused: users without one\n"
	  "log in as before, recovery codes still work.\n",
	  cmd_serve },
	{ "routes", "print the HTTP API reference (Markdown)",
	  "ramme routes\n\n"
	  "Prints every route with its method, the roles allowed and what it\n"
	  "does, generated from the route table; docs/api.md is its output.\n",
	  cmd_routes },
	{ "user", "add or list users; enrol, reset or rekey second factors",
	  "ramme user add NAME --role admin|operator|authority|reader\n"
	  "                [--org CODE] [--display-name TEXT] --password-stdin\n"
	  "                [--db PATH]\n"
	  "ramme user list [--db PATH]\n"
	  "ramme user totp NAME --secret BASE32 [--key-file FILE] [--db PATH]\n"
	  "ramme user totp-reset NAME [--key-file FILE] [--db PATH]\n"
	  "ramme user totp-rekey [--key-file OLD] --new-key-file NEW\n"
	  "                [--db PATH]\n\n"
	  "add creates a user; the password is read from the first line of\n"
	  "standard input (at least 10 characters). Operators and authorities\n"
	  "need --org with their organisation's code (e.g. 851 for Aalborg).\n"
	  "totp enrols NAME's second factor with the given key (base32, at\n"
	  "least 16 characters; for scripts and tests) and prints ten new\n"
	  "recovery codes. totp-reset removes it when a phone is lost: the\n"
	  "next login is with the password alone, and an admin is sent to\n"
	  "enrol again. Both are audited. totp seals the key with the key\n"
	  "file (see `ramme help serve`); totp-reset works without one.\n"
	  "\ntotp-rekey rotates that key: in one transaction it opens every\n"
	  "stored secret with OLD (the key file the servers use now) and\n"
	  "seals it again with NEW, each audited (totp_reseal, naming the\n"
	  "keys by fingerprint: the first 8 hex digits of their BLAKE2b\n"
	  "hash). When OLD does not open every secret nothing is changed.\n"
	  "NEW is made with mode 0600 when it does not exist; an existing\n"
	  "NEW is never overwritten, only used when it is a valid key file\n"
	  "(32 bytes, owner only) holding another key than OLD, so it can be\n"
	  "made and copied to the servers beforehand. Then install NEW on\n"
	  "every server and restart it: a server still holding OLD refuses\n"
	  "TOTP codes and enrolments with 503 (recovery codes still work).\n"
	  "Keep OLD for the backups made before the rotation.\n",
	  cmd_user },
	{ "import", "import offers or organisations from CSV",
	  "ramme import offers FILE.csv [--db PATH] [--dry-run]\n"
	  "ramme import organisations FILE.csv [--db PATH] [--dry-run]\n\n"
	  "Reads comma- or semicolon-separated files in UTF-8 (with or without\n"
	  "BOM) or Windows-1252, as Danish Excel writes them. The import is\n"
	  "all or nothing: any error is listed with its line number and\n"
	  "nothing is changed. Rows with an id update that offer; rows\n"
	  "without one create offers. Reads what `ramme export offers\n"
	  "--format csv` writes. --dry-run checks without saving.\n",
	  cmd_import },
	{ "export", "export the offers register",
	  "ramme export offers --format csv|json|xlsx [--human] [--out FILE]\n"
	  "    [--db PATH]\n\n"
	  "Writes every offer with its places by year. CSV is semicolon\n"
	  "separated UTF-8 with BOM (opens directly in Danish Excel); XLSX\n"
	  "needs --out. Without --out, csv and json go to standard output.\n"
	  "--human (csv, xlsx) writes the overview for people to read:\n"
	  "Danish headers, organisation names instead of codes, Ja/Nej,\n"
	  "type and status in Danish, dates as dates; `ramme import` reads\n"
	  "only the format without it.\n",
	  cmd_export },
	{ "calc", "tariff, surplus, occupancy, fixed-price, analysis, split "
	  "and post-adjustment calculators (JSON in and out)",
	  "ramme calc tariff [--db PATH] < input.json\n"
	  "ramme calc surplus [--db PATH] < input.json\n"
	  "ramme calc occupancy [--db PATH] < input.json\n"
	  "ramme calc split [--db PATH] < input.json\n"
	  "ramme calc fixed-prices [--db PATH] < input.json\n"
	  "ramme calc analysis [--db PATH] < input.json\n"
	  "ramme calc post-adjustment < input.json\n\n"
	  "Reads one JSON object on standard input (at most 64 KiB) and prints\n"
	  "the result as JSON. Amounts (*_ore) are whole øre; places, hours and\n"
	  "percentages may have at most two decimals. The rules and limits of\n"
	  "the agreement year (ceilings, bands, lags, rounding) apply. Bad\n"
	  "input exits 2 with a message on standard error. With --db, the\n"
	  "parameters stored for the year and the stored PL series are used.\n\n"
	  "tariff     in:  year, unit (day|month|hour|year), places,\n"
	  "                occupancy_pct, costs_ore {wages, property, other,\n"
	  "                overhead, capital, pension} (each default 0);\n"
	  "                optional days (opening days; default 365, 366 in\n"
	  "                leap years), month_days, hours (unit hour: hours\n"
	  "                per place a year), overhead_pct and\n"
	  "                overhead_base_ore, income_ore, carry_over_ore\n"
	  "                (a surplus returned < 0, a deficit recovered > 0)\n"
	  "           out: tariff_base_ore, place_days, tariff_exact_ore,\n"
	  "                tariff_ore (published: whole kroner, half up)\n"
	  "surplus    in:  year, tariff_base_ore, revenue_ore, costs_ore;\n"
	  "                optional setaside_ore (default the most allowed),\n"
	  "                deficit_covered_ore, rule (setaside|carryover)\n"
	  "           out: result_ore, setaside_ore, to_tariff_ore (< 0 lowers\n"
	  "                the tariff), tariff_year, setaside_expires_year\n"
	  "occupancy  in:  offer_kind (ordinary|short_stay|secure_institution:\n"
	  "                the year's assumed occupancy), and for the two last\n"
	  "                closed years either occupancy_pct ([94, 97.014]: up\n"
	  "                to six decimals, read exactly as written) or\n"
	  "                occupied_days and available_days ([3541, 3431] and\n"
	  "                [3660, 3650]); optional year, das_approval\n"
	  "                (reference of a DAS approval)\n"
	  "           out: budget_occupancy_pct (the exact mean of the years,\n"
	  "                rounded once: 95.37 for the days above),\n"
	  "                budget_occupancy_exact_pct, status\n"
	  "                (ok|warning|rejected), messages\n"
	  "fixed-prices in: from_year, to_year, pl_pct {\"2021\": 1.2, ...} (%\n"
	  "                change per year, at most four decimals) or, with\n"
	  "                --db, series (a stored PL series, e.g.\n"
	  "                state_general_pl); optional amount_ore\n"
	  "           out: factor (product of 1 + pct/100 over the years\n"
	  "                after from_year up to to_year; the inverse\n"
	  "                backwards), amount_ore (half up to the øre)\n"
	  "analysis   in:  from_year, to_year, pl_pct or series, lines [{id,\n"
	  "                places, tariff_from_ore, tariff_to_ore}]\n"
	  "           out: lines [{id, real_change_pct}], unweighted_mean_pct,\n"
	  "                weighted_mean_pct (weight places × fixed-price\n"
	  "                tariff), each half up to two decimals\n"
	  "split      in:  pool_ore (a multiple of unit_ore; a negative pool\n"
	  "                keeps its sign), weights {code: integer >= 0, ...}\n"
	  "                with a positive sum; optional unit_ore (default\n"
	  "                100: whole kroner)\n"
	  "           out: allocations {code: øre, ...} (largest remainder,\n"
	  "                ties to the larger weight, then the lower code),\n"
	  "                total_ore (always = pool_ore)\n"
	  "post-adjustment  (a secure institution's year settled)\n"
	  "           in:  places, day_basis (days in the year), cost_ore,\n"
	  "                assumed_occupancy_pct, occupied_days, weights\n"
	  "                {code: integer >= 0, ...}; optional rounding_ore\n"
	  "                (default 100)\n"
	  "           out: tariff_exact_ore, tariff_ore (cost / (places x\n"
	  "                days x assumed occupancy), half up to\n"
	  "                rounding_ore), billed_ore (occupied_days x\n"
	  "                tariff), difference_ore (cost - billed; < 0 is a\n"
	  "                surplus), allocations {code: øre, ...} (largest\n"
	  "                remainder to the øre, with the sign)\n\n"
	  "Example: echo '{\"year\":2013,\"unit\":\"day\",\"places\":10,\n"
	  "  \"occupancy_pct\":96,\"costs_ore\":{\"wages\":800000000}}' |\n"
	  "  ramme calc tariff\n",
	  cmd_calc },
	{ "meeting", "import, show and list governance meetings",
	  "ramme meeting import FILE... [--body KEY|ID] [--db PATH]\n"
	  "ramme meeting show ID [--format json|text] [--public] [--db PATH]\n"
	  "ramme meeting list [--body KEY|ID] [--year N] [--db PATH]\n\n"
	  "import reads minutes exported as text (UTF-8, at most 5 MiB each)\n"
	  "into meetings with their header, participants, numbered items,\n"
	  "recommendations, attachment names and minutes, and prints the id of\n"
	  "each meeting it created or found, one per line. Importing the same\n"
	  "text again creates nothing and prints the same id. Text that could\n"
	  "not be placed is kept on the meeting and reported on standard\n"
	  "error with its line. The body is the one the text names (--body\n"
	  "sets it: socdir, das, fu, kkr, kdk, a name or an id). Minutes with\n"
	  "decisions are imported as approved and published.\n\n"
	  "show prints a meeting as text or as JSON (body, start, end, place,\n"
	  "participants, apologies, case_no, doc_no, items with number, title,\n"
	  "section, recommendation, minutes and attachments). Closed items are\n"
	  "included and marked; --public prints only what the public sees.\n\n"
	  "list prints id, start, body, state and title, newest first.\n",
	  cmd_meeting },
	{ "pl", "price-and-wage series: list, show, import, export",
	  "ramme pl list [--db PATH]\n"
	  "ramme pl show NAME [--version N] [--base YEAR] [--db PATH]\n"
	  "ramme pl import FILE.csv|FILE.xlsx [--format csv|xlsx]\n"
	  "                [--title TEXT] [--revised YYYY-MM-DD] [--note TEXT]\n"
	  "                [--dry-run] [--db PATH]\n"
	  "ramme pl export NAME [--version N] [--format csv|xlsx] [--out FILE]\n"
	  "                [--db PATH]\n\n"
	  "A series (e.g. state_general_pl, loaded by `ramme init`) holds the\n"
	  "yearly % change of prices and wages; each revision is a new version\n"
	  "and earlier versions stay. show prints the changes and the index\n"
	  "(--base YEAR = 100; default the last year up to this year) of the\n"
	  "current version or --version N. import reads CSV (',' or ';', UTF-8\n"
	  "or Windows-1252) or XLSX (first sheet) with the header\n"
	  "series,year,pct_change,source,note (pct_change: at most four\n"
	  "decimals, '.' or ','; -50 to 100); every series in the file gets a\n"
	  "new version (unless equal to its current one), all or nothing,\n"
	  "errors listed by row. --title names a new series, --revised is the\n"
	  "revision date (default today). export writes the same columns\n"
	  "(CSV to standard output unless --out; XLSX needs --out).\n",
	  cmd_pl },
	{ "round", "tariff-reporting rounds: open, progress, template, import "
	  "lines, publish, the published tariffs",
	  "ramme round list [--db PATH]\n"
	  "ramme round open YEAR NO --deadline DATE [--opens DATE]\n"
	  "                [--title TEXT] [--pl-pct N] [--warn-pct N]\n"
	  "                [--covered-only] [--db PATH]\n"
	  "ramme round progress ID [--db PATH]\n"
	  "ramme round close ID [--db PATH]\n"
	  "ramme round reopen ID --until DATE [--db PATH]\n"
	  "ramme round template ID --out FILE.xlsx [--operator CODE] [--db PATH]\n"
	  "ramme round upload ID FILE.xlsx [--operator CODE] [--db PATH]\n"
	  "ramme round submit-all ID --operator CODE [--db PATH]\n"
	  "ramme round approve-all ID [--db PATH]\n"
	  "ramme round import-lines FILE.csv --round ID [--approve [--publish]]\n"
	  "                [--db PATH]\n"
	  "ramme round publish ID [--db PATH]\n"
	  "ramme round tariffs [--year Y] [--operator CODE] [--paragraph P]\n"
	  "                [--target-group G] [--municipality CODE] [--versions]\n"
	  "                [--format csv|xlsx] [--out FILE] [--db PATH]\n\n"
	  "open creates a round for tariff year YEAR with number NO (1 =\n"
	  "preliminary, 2 = final) and a submission for every offer with an\n"
	  "operator, pre-filled from its latest earlier lines and from the\n"
	  "accounts (carry-over two years back, occupancy history). --pl-pct\n"
	  "is the price and wage change from the year before and --warn-pct\n"
	  "the real increase that asks for a reason (default 5).\n"
	  "import-lines replaces the service lines of the offers in a CSV\n"
	  "file (; or , separated, UTF-8 or Windows-1252) with the header\n"
	  "  offer_id;paragraph;level;unit;places;days;month_days;hours;\n"
	  "  occupancy_pct;hist1_pct;hist2_pct;wages_ore;property_ore;\n"
	  "  other_ore;overhead_ore;capital_ore;pension_ore;income_ore;\n"
	  "  carry_over_ore;reason;referred_from;referred_before\n"
	  "(columns may be left out except offer_id, paragraph, unit, places\n"
	  "and occupancy_pct; referred_from and referred_before are the\n"
	  "cut-off date, YYYY-MM-DD, of a new tariff structure for citizens\n"
	  "referred from it and of the structure it replaces for those\n"
	  "referred before). Tariffs and warnings are computed under the\n"
	  "year's agreement parameters; all or nothing: every error is listed\n"
	  "with its line and nothing changes. --approve also submits and\n"
	  "approves the imported submissions (deadline and reasons checked);\n"
	  "--publish then publishes the round as `round publish` does, in the\n"
	  "same transaction.\n"
	  "publish writes the approved tariffs as new versions valid for the\n"
	  "year and closes the round.\n"
	  "close ends reporting; reopen allows it again until DATE.\n"
	  "template writes the XLSX template of the round (one row per\n"
	  "service line, pre-filled, computed tariffs and warnings beside it)\n"
	  "for every operator or for --operator, with an instructions sheet;\n"
	  "upload reads a filled template back, all or nothing: every error\n"
	  "is listed with its row and cell, sorted by row, and nothing\n"
	  "changes. The file must be the round's (year and round number) and\n"
	  "its rows the offers of the operator it names, or of --operator.\n"
	  "submit-all submits every ready submission of --operator in the\n"
	  "round (lines, tariffs computed, reasons given); approve-all\n"
	  "approves every submitted one; each is audited on its own and the\n"
	  "ones not ready are listed.\n"
	  "tariffs prints the published tariff overview as CSV (semicolon,\n"
	  "UTF-8 with BOM) or writes it as XLSX to --out; the filters are those\n"
	  "of the public overview, --versions includes superseded versions.\n",
	  cmd_round },
	{ "takeover", "takeovers of regional offers by the election-period "
	  "rule: list, record a notice, carry out those due",
	  "ramme takeover list [--db PATH]\n"
	  "ramme takeover notify OFFER_ID MUNICIPALITY DATE [--db PATH]\n"
	  "ramme takeover apply [--db PATH]\n\n"
	  "list prints each notice: id, offer, municipality, notice date,\n"
	  "takeover date and whether it is carried out.\n"
	  "notify records the location municipality's notice (code) of taking\n"
	  "over a regional offer, given on DATE (YYYY-MM-DD). From 2014 an\n"
	  "offer may be taken over once per municipal election period (2014-17,\n"
	  "2018-21, ...): notice by 1 January of the period's third year,\n"
	  "takeover on 1 January of its fourth. A late notice is refused (exit\n"
	  "2) and nothing is stored; prints the id and the takeover date.\n"
	  "apply carries out every takeover whose date has come: the offer's\n"
	  "operator becomes the municipality in the register (history kept).\n"
	  "Run it daily.\n",
	  cmd_takeover },
	{ "startup", "start-up costs of new offers spread over their first "
	  "years' tariffs: list, add",
	  "ramme startup list [--offer ID] [--db PATH]\n"
	  "ramme startup add OFFER_ID AMOUNT_KR FIRST_YEAR YEARS TEXT "
	  "[--db PATH]\n\n"
	  "list prints each start-up cost: id, offer id, offer, years, amount,\n"
	  "the share of each year and what the costs cover.\n"
	  "add records the start-up costs of an offer (as the secretariat):\n"
	  "AMOUNT_KR in kroner as the forms read it (\"1.200.000\" or\n"
	  "\"1200000,50\") spread over YEARS tariff years (1-10) from\n"
	  "FIRST_YEAR: each year but the last gets the amount / YEARS rounded\n"
	  "half up to whole kroner, the last year the remainder. A round adds\n"
	  "the year's share to the cost base of the offer's first service line.\n"
	  "Prints the new id; bad input exits 2 with a Danish message.\n",
	  cmd_startup },
	{ "cycle", "the annual cycle (årshjul): the steps of a year and the "
	  "rules",
	  "ramme cycle show --year Y [--format json|text] [--today DATE]\n"
	  "                 [--db PATH]\n"
	  "ramme cycle rules [--db PATH]\n\n"
	  "show prints the steps of calendar year Y from the rules, each\n"
	  "joined to the round, meeting or accounts it belongs to, with its\n"
	  "status (planned, open, done, overdue, not_applicable) as of today\n"
	  "(--today sets the day). --format json prints {\"year\": Y,\n"
	  "\"steps\": [{\"date\", \"kind\", \"title\", \"status\"}, ...]}; text\n"
	  "(the default) prints date, status, party, kind and title\n"
	  "separated by tabs.\n"
	  "rules lists every rule version: id, kind, the year it applies\n"
	  "from, how the date is computed, who acts and the title. The\n"
	  "secretariat changes rules on /aarshjul/regler.\n",
	  cmd_cycle },
	{ "indmelding", "the yearly submissions (indmeldinger): open a year, "
	  "progress, the status report",
	  "ramme indmelding list [--db PATH]\n"
	  "ramme indmelding open YEAR --deadline DATE [--db PATH]\n"
	  "ramme indmelding progress ID [--db PATH]\n"
	  "ramme indmelding report ID [--format json|xlsx|pdf] [--out FILE]\n"
	  "    [--db PATH]\n\n"
	  "list prints id, year, state (open, hearing, done), deadline and\n"
	  "hearing deadline, newest first.\n"
	  "open opens the submission of YEAR with its deadline (today or\n"
	  "later): every municipality and every operator of a covered offer\n"
	  "gets a submission, pre-filled from last year, the register and the\n"
	  "accounts. A deadline in the past or a year already open: exit 2.\n"
	  "progress prints \"N af 11\" for municipalities and operators and\n"
	  "the parties that have not submitted.\n"
	  "report writes the compiled status report: JSON (offers with\n"
	  "capacity, expected use, occupancy, waiting list and flags, totals,\n"
	  "comments) to standard output or --out, XLSX or PDF to --out.\n",
	  cmd_indmelding },
	{ "expenditure", "load the yearly net expenditure of the "
	  "specialised social area (udgiftsudvikling) from CSV",
	  "ramme expenditure import FILE.csv [--db PATH]\n\n"
	  "Loads the net expenditure (accounts and budgets) of the\n"
	  "municipalities, the region and the whole country, one figure per\n"
	  "row, from CSV as Excel saves it (; or , separated, UTF-8 or\n"
	  "Windows-1252) with the header\n"
	  "  Område;Art;År;Nettoudgift (1.000 kr.)\n"
	  "in any order, without regard to case. Område is a municipality or\n"
	  "the region by name or code as in the register, or \"Hele landet\"\n"
	  "(000); Art is Regnskab or Budget; the amount may be given as\n"
	  "\"Nettoudgift (kr.)\" instead, in Danish or plain digits. All or\n"
	  "nothing: every bad row is listed with its line and nothing\n"
	  "changes; a figure already stored for the same area, kind and year\n"
	  "is replaced. The figures are shown at /oekonomi/udgifter as index\n"
	  "charts of North Jutland against the whole country.\n",
	  cmd_expenditure },
	{ "mail", "the e-mail outbox: list, retry, cancel, reminders",
	  "ramme mail list [--state queued|sending|sent|failed|cancelled]\n"
	  "                [--format text|json] [--page N] [--db PATH]\n"
	  "ramme mail retry ID [--db PATH]\n"
	  "ramme mail cancel ID [--db PATH]\n"
	  "ramme mail remind [--db PATH]\n\n"
	  "list prints the outbox, newest first, 50 a page: id, state,\n"
	  "attempts, recipient, subject and the last error, tab separated (or\n"
	  "JSON). retry makes a queued or failed mail due now with its\n"
	  "attempts counted from zero; cancel stops it. remind queues the\n"
	  "reminders that are due, once per deadline and user, as `ramme\n"
	  "serve` does every ten minutes: of tariff rounds, indmeldinger,\n"
	  "the joint hearing and the approvals still pending, reminder_days\n"
	  "before the deadline (the agreement parameter of its year, 7 by\n"
	  "default) and the day after it (not for the hearing). `ramme serve\n"
	  "--smtp URL` sends the outbox.\n",
	  cmd_mail },
	{ "retention", "delete personal data past its retention period",
	  "ramme retention run [--dry-run] [--db PATH]\n\n"
	  "Deletes what has outlived the retention periods of the current\n"
	  "year's agreement parameters (retention_login_days,\n"
	  "retention_session_days, retention_audit_years,\n"
	  "retention_mail_days): login attempts and login rows of the audit,\n"
	  "ended sessions, audit rows (never those of approved minutes) and\n"
	  "sent or cancelled mails. Prints the periods, then one line per\n"
	  "rule: table, rows, what; with --dry-run only counts. `ramme serve`\n"
	  "runs the same once a day. See docs/privacy.md.\n",
	  cmd_retention },
	{ "person", "export or erase the personal data of one person",
	  "ramme person export ID --format json|pdf --out FILE [--db PATH]\n"
	  "ramme person erase ID --reason TEXT [--db PATH]\n\n"
	  "export writes everything held about person ID (the login,\n"
	  "memberships, nominations, meeting participations and apologies,\n"
	  "audit rows as actor and subject, login log, sessions, mails) as\n"
	  "JSON or PDF to FILE (\"-\": standard output); the export is\n"
	  "recorded in the audit. erase pseudonymises the person: the name\n"
	  "becomes \"Slettet person ID\", organisation and e-mail go, the login\n"
	  "is disabled and renamed, its sessions, mails and login attempts\n"
	  "deleted; approved minutes keep the name as published. The reason\n"
	  "is kept in the audit, the erased data is not. See docs/privacy.md.\n",
	  cmd_person },
	{ "help", "list the commands, or explain one",
	  "ramme help [COMMAND]\nramme help --markdown   (this reference as "
	  "Markdown, docs/cli.md)\n", cmd_help },
	{ "version", "print the version", "ramme version\n", cmd_version },
	{ NULL, NULL, NULL, NULL }
};

static int
cmd_help(int argc, char **argv)
{
	const struct cli_cmd *c;

	if (argc >= 2 && strcmp(argv[1], "--markdown") == 0) {
		printf("# ramme command line\n\nGenerated from the help texts "
		    "(`ramme help --markdown`); a test checks\nthat this file "
		    "matches them. Exit codes: 0 success, 1 failure, 2 bad usage "
		    "or bad\ninput. The database is `--db PATH`, or `$RAMME_DB`, "
		    "or `var/ramme.db`.\n");
		for (c = cli_cmds; c->name != NULL; c++)
			printf("\n## ramme %s\n\n%s.\n\n```\n%s```\n", c->name,
			    c->summary, c->usage);
		return 0;
	}
	if (argc >= 2) {
		for (c = cli_cmds; c->name != NULL; c++)
			if (strcmp(c->name, argv[1]) == 0) {
				printf("%s — %s\n\n%s", c->name, c->summary,
				    c->usage);
				return 0;
			}
		fprintf(stderr, "ramme: unknown command '%s'\n", argv[1]);
		return 2;
	}
	printf("ramme — the register, tariffs and governance of a framework "
	    "agreement\n\nUsage: ramme COMMAND [OPTIONS]\n\nCommands:\n");
	for (c = cli_cmds; c->name != NULL; c++)
		printf("  %-9s %s\n", c->name, c->summary);
	printf("\n`ramme help COMMAND` explains one. The database is "
	    "--db PATH, or $RAMME_DB,\nor var/ramme.db.\n");
	return 0;
}

static int
cmd_version(int argc, char **argv)
{
	(void)argc;
	(void)argv;
	printf("ramme 0.1.0\n");
	return 0;
}

int
main(int argc, char **argv)
{
	const struct cli_cmd *c;

	if (sodium_init() < 0) {
		fprintf(stderr, "ramme: libsodium failed to initialise\n");
		return 1;
	}
	if (argc < 2)
		return cmd_help(0, NULL) == 0 ? 2 : 2;
	if (strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0)
		return cmd_help(argc - 1, argv + 1);
	for (c = cli_cmds; c->name != NULL; c++)
		if (strcmp(c->name, argv[1]) == 0)
			return c->run(argc - 1, argv + 1);
	fprintf(stderr, "ramme: unknown command '%s' (see `ramme help`)\n",
	    argv[1]);
	return 2;
}
