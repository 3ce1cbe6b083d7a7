/*
 * main — entry point of the ramme executable: finds the subcommand and
 * runs it. `ramme help` lists the commands, `ramme help CMD` explains one.
 */
#include <sodium.h>
#include <stdio.h>
#include <string.h>

#include "cli/cli.h"

static int cmd_help(int argc, char **argv);
static int cmd_version(int argc, char **argv);

const struct cli_cmd cli_cmds[] = {
	{ "init", "create or migrate a database, optionally with demo data",
	  "ramme init [--db PATH] [--demo]\n\n"
	  "Creates the database (default $RAMME_DB or var/ramme.db) and brings\n"
	  "its schema up to date. --demo loads the North Jutland register: the\n"
	  "11 municipalities and Region Nordjylland with codes and populations,\n"
	  "and the offers named in the secretariat's minutes. Loading the demo\n"
	  "data into a database that has it already changes nothing.\n",
	  cmd_init },
	{ "migrate", "apply pending schema migrations",
	  "ramme migrate [--db PATH]\n\n"
	  "Applies every migration the database lacks, each in its own\n"
	  "transaction, and prints the schema version.\n",
	  cmd_migrate },
	{ "serve", "serve the web application and the API",
	  "ramme serve [--db PATH] [--listen ADDR] [--port N] [--threads N]\n\n"
	  "Serves HTTP on ADDR:N (default 127.0.0.1:8080) until SIGTERM or\n"
	  "SIGINT, then finishes the requests under way and exits. Put a TLS\n"
	  "proxy in front for production and pass --secure-cookies there.\n"
	  "  --threads N        worker threads (default 4 x cores, max 64)\n"
	  "  --secure-cookies   mark the session cookie Secure (behind TLS)\n",
	  cmd_serve },
	{ "routes", "print the HTTP API reference (Markdown)",
	  "ramme routes\n\n"
	  "Prints every route with its method, the roles allowed and what it\n"
	  "does, generated from the route table; docs/api.md is its output.\n",
	  cmd_routes },
	{ "user", "add or list users",
	  "ramme user add NAME --role admin|operator|authority|reader\n"
	  "                [--org CODE] [--display-name TEXT] --password-stdin\n"
	  "                [--db PATH]\n"
	  "ramme user list [--db PATH]\n\n"
	  "add creates a user; the password is read from the first line of\n"
	  "standard input (at least 10 characters). Operators and authorities\n"
	  "need --org with their organisation's code (e.g. 851 for Aalborg).\n",
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
	  "ramme export offers --format csv|json|xlsx [--out FILE] [--db PATH]\n\n"
	  "Writes every offer with its places by year. CSV is semicolon\n"
	  "separated UTF-8 with BOM (opens directly in Danish Excel); XLSX\n"
	  "needs --out. Without --out, csv and json go to standard output.\n",
	  cmd_export },
	{ "calc", "tariff, surplus and occupancy calculators (JSON in and out)",
	  "ramme calc tariff < input.json\n"
	  "ramme calc surplus < input.json\n"
	  "ramme calc occupancy < input.json\n\n"
	  "Reads one JSON object on standard input (at most 64 KiB) and prints\n"
	  "the result as JSON. Amounts (*_ore) are whole øre; places, hours and\n"
	  "percentages may have at most two decimals. The rules and limits of\n"
	  "the agreement year (ceilings, bands, lags, rounding) apply. Bad\n"
	  "input exits 2 with a message on standard error.\n\n"
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
	  "occupancy  in:  offer_kind (ordinary|short_stay), occupancy_pct\n"
	  "                (the two last closed years); optional year,\n"
	  "                das_approval (reference of a DAS approval)\n"
	  "           out: budget_occupancy_pct, status (ok|warning|rejected),\n"
	  "                messages\n\n"
	  "Example: echo '{\"year\":2013,\"unit\":\"day\",\"places\":10,\n"
	  "  \"occupancy_pct\":96,\"costs_ore\":{\"wages\":800000000}}' |\n"
	  "  ramme calc tariff\n",
	  cmd_calc },
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
