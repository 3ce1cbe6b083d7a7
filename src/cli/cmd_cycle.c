/*
 * cmd_cycle — `ramme cycle`: the steps of a year of the annual cycle
 * (årshjul) with their status, and its rules. The rules and the joining
 * are in service/cycle; this file parses arguments and prints.
 */
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "core/decimal.h"
#include "cli/cli.h"
#include "core/cycle.h"
#include "service/cycle.h"
#include "service/svc.h"
#include "store/cycle_store.h"
#include "store/db.h"
#include "util/arena.h"
#include "util/err.h"
#include "util/text.h"

static const char usage_text[] =
    "usage: ramme cycle show --year Y [--format json|text] [--today DATE]\n"
    "       ramme cycle rules [--db PATH]\n";

static int
fail(const struct err *e)
{
	cli_print_err(e);
	return cli_exit_code(e->code);
}

/* Noon UTC of the ISO date s, or -1. */
static int64_t
noon_of(const char *s)
{
	if (s == NULL || !text_date_valid(s))
		return -1;
	return text_days_from_civil(atoi(s), atoi(s + 5), atoi(s + 8)) *
	    86400 + 43200;
}

static void
print_json(int year, const struct cycle_item *v, size_t n)
{
	json_t	*j, *steps;
	char	*txt;
	size_t	 i;

	steps = json_array();
	for (i = 0; i < n; i++)
		json_array_append_new(steps, json_pack("{s:s, s:s, s:s, s:s}",
		    "date", v[i].date, "kind", v[i].kind, "title", v[i].title,
		    "status", cycle_status_name(v[i].status)));
	j = json_pack("{s:i, s:o}", "year", year, "steps", steps);
	txt = json_dumps(j, JSON_INDENT(2) | JSON_PRESERVE_ORDER |
	    DECIMAL_JSON_FLAGS);
	if (txt != NULL)
		printf("%s\n", txt);
	free(txt);
	json_decref(j);
}

static int
cycle_show(int argc, char **argv)
{
	static const char *const spec[] = { "--year=", "--format=",
	    "--today=", NULL };
	const char		*vals[3];
	struct cycle_item	*v;
	struct cli_opts		 o;
	struct db		*db;
	struct arena		 a;
	struct svc		 s;
	struct err		 e;
	int64_t			 year, now;
	size_t			 n, i;
	int			 rc;

	if ((rc = cli_parse(argc, argv, spec, vals, &o, "cycle show")) != 0)
		return rc;
	if (o.npos != 0 || vals[0] == NULL ||
	    text_parse_i64(vals[0], &year) != 0 || year < CYCLE_YEAR_MIN ||
	    year > CYCLE_YEAR_MAX) {
		fprintf(stderr, "ramme cycle show: --year needs a year "
		    "%d-%d\n%s", CYCLE_YEAR_MIN, CYCLE_YEAR_MAX, usage_text);
		return 2;
	}
	if (vals[1] != NULL && strcmp(vals[1], "json") != 0 &&
	    strcmp(vals[1], "text") != 0) {
		fprintf(stderr, "ramme cycle show: --format is json or text\n");
		return 2;
	}
	now = (int64_t)time(NULL);
	if (vals[2] != NULL && (now = noon_of(vals[2])) < 0) {
		fprintf(stderr, "ramme cycle show: --today needs a date "
		    "YYYY-MM-DD\n");
		return 2;
	}
	if (cli_db_open(o.db, &db) != 0)
		return 1;
	arena_init(&a);
	svc_init(&s, db, &a, NULL, now);
	err_clear(&e);
	if ((rc = cycle_year(&s, (int)year, &v, &n, &e)) != 0)
		rc = fail(&e);
	else if (vals[1] != NULL && strcmp(vals[1], "json") == 0)
		print_json((int)year, v, n);
	else
		for (i = 0; i < n; i++)
			printf("%s\t%-11s\t%-14s\t%s\t%s\n", v[i].date,
			    cycle_status_name(v[i].status),
			    cycle_party_name(v[i].party), v[i].kind,
			    v[i].title);
	arena_cleanup(&a);
	db_close(db);
	return rc;
}

/* How a rule computes its date, in short. */
static void
print_how(const struct cycle_rule *r)
{
	switch (r->how) {
	case CYCLE_FIXED:
		printf("fixed %02d-%02d", r->month, r->day);
		break;
	case CYCLE_LAST_WEEKDAY:
		printf("last_weekday month %d weekday %d", r->month,
		    r->weekday);
		break;
	case CYCLE_RELATIVE:
		printf("relative %s %+d days", r->base_kind ? r->base_kind :
		    "", r->offset_days);
		break;
	case CYCLE_ELECTION:
		printf("election year %d of the period, %02d-%02d",
		    r->period_year, r->month, r->day);
		break;
	default:
		break;
	}
}

static int
cycle_rules_cmd(int argc, char **argv)
{
	struct cycle_rule_row	*v;
	struct cli_opts		 o;
	struct db		*db;
	struct arena		 a;
	struct svc		 s;
	struct err		 e;
	size_t			 n, i;
	int			 rc;

	if ((rc = cli_parse(argc, argv, NULL, NULL, &o, "cycle rules")) != 0)
		return rc;
	if (o.npos != 0) {
		fputs(usage_text, stderr);
		return 2;
	}
	if (cli_db_open(o.db, &db) != 0)
		return 1;
	arena_init(&a);
	svc_init(&s, db, &a, NULL, (int64_t)time(NULL));
	err_clear(&e);
	if ((rc = cycle_rules(&s, &v, &n, &e)) != 0)
		rc = fail(&e);
	for (i = 0; rc == 0 && i < n; i++) {
		printf("%lld\t%s\tfrom %d\t", (long long)v[i].rule->id,
		    v[i].rule->kind, v[i].rule->from_year);
		if (v[i].rule->retired)
			printf("retired");
		else {
			print_how(v[i].rule);
			printf("\t%s\t%s", cycle_party_name(v[i].rule->party),
			    v[i].rule->title);
		}
		putchar('\n');
	}
	arena_cleanup(&a);
	db_close(db);
	return rc;
}

int
cmd_cycle(int argc, char **argv)
{
	if (argc >= 2 && strcmp(argv[1], "show") == 0)
		return cycle_show(argc - 1, argv + 1);
	if (argc >= 2 && strcmp(argv[1], "rules") == 0)
		return cycle_rules_cmd(argc - 1, argv + 1);
	fputs(usage_text, stderr);
	return 2;
}
