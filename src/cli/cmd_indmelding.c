/*
 * cmd_indmelding — `ramme indmelding`: the yearly submissions from the
 * command line (the secretariat's batch work): list the years, open a
 * year, show its progress, and write the compiled status report as JSON,
 * XLSX or PDF. The rules are in service/indmelding; this file parses
 * arguments and prints.
 */
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "core/decimal.h"
#include "cli/cli.h"
#include "core/indmelding.h"
#include "service/indmelding.h"
#include "service/indmelding_io.h"
#include "service/svc.h"
#include "store/db.h"
#include "util/arena.h"
#include "util/buf.h"
#include "util/err.h"
#include "util/text.h"

static const char usage_text[] =
    "usage: ramme indmelding list|open|progress|report ... (see `ramme help "
    "indmelding`)\n";

static int
parse_id(const char *s, int64_t *id)
{
	if (s == NULL || text_parse_i64(s, id) != 0 || *id <= 0) {
		fprintf(stderr, "ramme indmelding: '%s' is not an id\n",
		    s ? s : "");
		return 2;
	}
	return 0;
}

static int
list_cmd(int argc, char **argv)
{
	struct ind_year	*v;
	struct cli_opts	 o;
	struct db	*db;
	struct arena	 a;
	struct svc	 s;
	struct err	 e;
	size_t		 n, i;
	int		 rc;

	if ((rc = cli_parse(argc, argv, NULL, NULL, &o, "indmelding list"))
	    != 0)
		return rc;
	if (cli_session_begin(o.db, &db, &a, &s) != 0)
		return 1;
	err_clear(&e);
	if ((rc = ind_list(&s, &v, &n, &e)) != 0)
		rc = cli_fail(&e);
	for (i = 0; rc == 0 && i < n; i++)
		printf("%lld\t%d\t%s\t%s\t%s\n", (long long)v[i].id, v[i].year,
		    ind_year_status_name(v[i].status), v[i].deadline,
		    v[i].hearing_deadline ? v[i].hearing_deadline : "-");
	cli_session_end(db, &a);
	return rc;
}

static int
open_cmd(int argc, char **argv)
{
	static const char *const spec[] = { "--deadline=", NULL };
	const char	*vals[1] = { NULL };
	struct cli_opts	 o;
	struct db	*db;
	struct arena	 a;
	struct svc	 s;
	struct err	 e;
	int64_t		 year, id, n;
	int		 rc;

	if ((rc = cli_parse(argc, argv, spec, vals, &o, "indmelding open"))
	    != 0)
		return rc;
	if (o.npos != 1 || text_parse_i64(o.pos[0], &year) != 0 ||
	    vals[0] == NULL) {
		fputs("usage: ramme indmelding open YEAR --deadline DATE "
		    "[--db PATH]\n", stderr);
		return 2;
	}
	if (cli_session_begin(o.db, &db, &a, &s) != 0)
		return 1;
	err_clear(&e);
	if ((rc = ind_open(&s, year > 0 && year < 10000 ? (int)year : 0,
	    vals[0], &id, &n, &e)) != 0)
		rc = cli_fail(&e);
	else
		printf("indmelding %lld opened for %lld: %lld submissions\n",
		    (long long)id, (long long)year, (long long)n);
	cli_session_end(db, &a);
	return rc;
}

static int
progress_cmd(int argc, char **argv)
{
	struct ind_year		 y;
	struct ind_progress	 p;
	struct ind_sub		*v;
	struct cli_opts		 o;
	struct db		*db;
	struct arena		 a;
	struct svc		 s;
	struct err		 e;
	int64_t			 id;
	size_t			 n, i;
	int			 rc;

	if ((rc = cli_parse(argc, argv, NULL, NULL, &o,
	    "indmelding progress")) != 0)
		return rc;
	if (o.npos != 1 || (rc = parse_id(o.pos[0], &id)) != 0)
		return rc ? rc : 2;
	if (cli_session_begin(o.db, &db, &a, &s) != 0)
		return 1;
	err_clear(&e);
	if ((rc = ind_get(&s, id, &y, &p, &v, &n, &e)) != 0) {
		rc = cli_fail(&e);
		goto out;
	}
	printf("%d (%s): %lld af %lld municipalities, %lld af %lld "
	    "operators submitted\n", y.year, ind_year_status_name(y.status),
	    (long long)p.done[IND_MUNICIPALITY],
	    (long long)p.total[IND_MUNICIPALITY],
	    (long long)p.done[IND_OPERATOR], (long long)p.total[IND_OPERATOR]);
	for (i = 0; i < n; i++)
		if (v[i].status == SUBMISSION_DRAFT ||
		    v[i].status == SUBMISSION_RETURNED)
			printf("  missing: %s %s (%s)\n", v[i].org_code,
			    v[i].org_name, ind_kind_name(v[i].kind));
out:
	cli_session_end(db, &a);
	return rc;
}

static json_t *
report_json(const struct ind_report *r)
{
	json_t	*j, *rows, *c;
	size_t	 i;

	rows = json_array();
	for (i = 0; i < r->nrows; i++) {
		const struct ind_report_row *w = &r->rows[i];

		json_array_append_new(rows, json_pack("{s:I, s:s, s:o, s:o, "
		    "s:o, s:o, s:o, s:o, s:I, s:{s:b, s:b, s:b}}",
		    "offer_id", (json_int_t)w->offer_id, "offer_name",
		    w->offer_name, "capacity_centi", w->capacity_centi < 0 ?
		    json_null() : json_integer(w->capacity_centi),
		    "demand_centi", w->demand_centi < 0 ? json_null() :
		    json_integer(w->demand_centi), "prev_demand_centi",
		    w->prev_demand_centi < 0 ? json_null() :
		    json_integer(w->prev_demand_centi), "occupancy_bp",
		    w->occupancy_bp < 0 ? json_null() :
		    json_integer(w->occupancy_bp), "occupancy_prev_bp",
		    w->occupancy_prev_bp < 0 ? json_null() :
		    json_integer(w->occupancy_prev_bp), "waiting",
		    w->waiting < 0 ? json_null() : json_integer(w->waiting),
		    "answers", (json_int_t)w->answers, "flags",
		    "falling_demand", (w->flags & IND_FLAG_DEMAND) != 0,
		    "low_occupancy", (w->flags & IND_FLAG_OCC) != 0,
		    "waiting_list", (w->flags & IND_FLAG_WAIT) != 0));
	}
	c = json_array();
	for (i = 0; i < r->ncomments; i++)
		json_array_append_new(c, json_pack("{s:s, s:o, s:s}", "from",
		    r->comments[i].org_name, "offer_id", r->comments[i].offer_id ?
		    json_integer(r->comments[i].offer_id) : json_null(), "text",
		    r->comments[i].text));
	j = ind_year_json(&r->year);
	json_object_set_new(j, "offers", rows);
	json_object_set_new(j, "comments", c);
	json_object_set_new(j, "capacity_centi",
	    json_integer(r->capacity_centi));
	json_object_set_new(j, "demand_centi", json_integer(r->demand_centi));
	json_object_set_new(j, "waiting", json_integer(r->waiting));
	return j;
}

static int
report_cmd(int argc, char **argv)
{
	static const char *const spec[] = { "--format=", "--out=", NULL };
	const char		*vals[2] = { NULL, NULL };
	const char		*fmt;
	struct ind_report	 r;
	struct cli_opts		 o;
	struct db		*db;
	struct arena		 a;
	struct svc		 s;
	struct err		 e;
	struct buf		 b;
	FILE			*f;
	int64_t			 id;
	int			 rc;

	if ((rc = cli_parse(argc, argv, spec, vals, &o, "indmelding report"))
	    != 0)
		return rc;
	fmt = vals[0] != NULL ? vals[0] : "json";
	if (o.npos != 1 || (rc = parse_id(o.pos[0], &id)) != 0 ||
	    (strcmp(fmt, "json") != 0 && vals[1] == NULL) ||
	    (strcmp(fmt, "json") != 0 && strcmp(fmt, "xlsx") != 0 &&
	    strcmp(fmt, "pdf") != 0)) {
		fputs("usage: ramme indmelding report ID [--format json|xlsx|pdf]"
		    " [--out FILE] (xlsx and pdf need --out)\n", stderr);
		return rc ? rc : 2;
	}
	if (cli_session_begin(o.db, &db, &a, &s) != 0)
		return 1;
	err_clear(&e);
	buf_init(&b);
	if ((rc = ind_report(&s, id, &r, &e)) != 0)
		rc = cli_fail(&e);
	else if (strcmp(fmt, "xlsx") == 0) {
		if ((rc = ind_io_report_xlsx(&s, &r, vals[1], &e)) != 0)
			rc = cli_fail(&e);
	} else if (strcmp(fmt, "pdf") == 0) {
		if ((rc = ind_io_report_pdf(&s, id, &b, &e)) != 0)
			rc = cli_fail(&e);
		else if ((f = fopen(vals[1], "wb")) == NULL ||
		    fwrite(b.data, 1, b.len, f) != b.len || fclose(f) != 0) {
			fprintf(stderr, "ramme: cannot write %s\n", vals[1]);
			rc = 1;
		}
	} else {
		json_t *j = report_json(&r);

		if (vals[1] == NULL) {
			if (json_dumpf(j, stdout, JSON_INDENT(1) |
			    DECIMAL_JSON_FLAGS) != 0)
				rc = 1;
			putchar('\n');
		} else if (json_dump_file(j, vals[1],
			    JSON_INDENT(1) | DECIMAL_JSON_FLAGS) != 0) {
			fprintf(stderr, "ramme: cannot write %s\n", vals[1]);
			rc = 1;
		}
		json_decref(j);
	}
	buf_cleanup(&b);
	cli_session_end(db, &a);
	return rc;
}

int
cmd_indmelding(int argc, char **argv)
{
	static const struct {
		const char	*name;
		int		(*run)(int, char **);
	} subs[] = {
		{ "list", list_cmd },
		{ "open", open_cmd },
		{ "progress", progress_cmd },
		{ "report", report_cmd },
	};
	size_t i;

	if (argc < 2) {
		fputs(usage_text, stderr);
		return 2;
	}
	for (i = 0; i < sizeof(subs) / sizeof(subs[0]); i++)
		if (strcmp(argv[1], subs[i].name) == 0)
			return subs[i].run(argc - 1, argv + 1);
	fputs(usage_text, stderr);
	return 2;
}
