/*
 * cmd_takeover — `ramme takeover`: takeovers of regional offers under
 * the election-period rule. list prints the notices; notify records a
 * municipality's notice (refused, exit 2, when it is after the
 * period's deadline); apply carries out every takeover whose date has
 * come (for a daily job), changing the offers' operator in the register,
 * and every recorded event of an offer (taken over, taken home, closed)
 * whose date has come.
 */
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "cli/cli.h"
#include "service/offer_event.h"
#include "service/svc.h"
#include "service/takeover.h"
#include "store/db.h"
#include "util/arena.h"
#include "util/err.h"
#include "util/text.h"

#define USAGE \
	"usage: ramme takeover list [--db PATH]\n" \
	"       ramme takeover notify OFFER_ID MUNICIPALITY DATE [--db PATH]\n" \
	"       ramme takeover apply [--db PATH]\n"

static int
do_list(struct svc *s)
{
	struct takeover	*v = NULL;
	struct err	 e;
	size_t		 n = 0, i;

	err_clear(&e);
	if (takeover_list(s, 0, &v, &n, &e) != 0) {
		cli_print_err(&e);
		return cli_exit_code(e.code);
	}
	for (i = 0; i < n; i++)
		printf("%lld\t%s\t%s\t%s\t%s\t%s\n", (long long)v[i].id,
		    v[i].offer_name, v[i].to_name, v[i].notice_on,
		    v[i].takeover_on, *v[i].applied_at != '\0' ? "gennemført" :
		    "varslet");
	return 0;
}

static int
do_notify(struct svc *s, const struct cli_opts *o)
{
	struct err	 e;
	int64_t		 offer = 0, id = 0;
	const char	*on = NULL;

	if (o->npos != 4 || text_parse_i64(o->pos[1], &offer) != 0) {
		fputs(USAGE, stderr);
		return 2;
	}
	err_clear(&e);
	if (takeover_notify(s, offer, o->pos[2], o->pos[3], &id, &on, &e)
	    != 0) {
		cli_print_err(&e);
		return cli_exit_code(e.code);
	}
	printf("%lld\t%s\n", (long long)id, on);
	return 0;
}

static int
do_apply(struct svc *s)
{
	struct err	e;
	size_t		n = 0;

	err_clear(&e);
	if (takeover_apply_due(s, &n, &e) != 0) {
		cli_print_err(&e);
		return cli_exit_code(e.code);
	}
	printf("%zu overtagelser gennemført\n", n);
	if (offer_event_apply_due(s, &n, &e) != 0) {
		cli_print_err(&e);
		return cli_exit_code(e.code);
	}
	printf("%zu hændelser gennemført\n", n);
	return 0;
}

int
cmd_takeover(int argc, char **argv)
{
	static const char *const spec[] = { NULL };
	const char	*vals[1];
	struct cli_opts	 o;
	struct db	*db;
	struct arena	 a;
	struct svc	 s;
	int		 rc;

	if ((rc = cli_parse(argc, argv, spec, vals, &o, "takeover")) != 0)
		return rc;
	if (o.npos < 1 || (strcmp(o.pos[0], "list") != 0 &&
	    strcmp(o.pos[0], "notify") != 0 &&
	    strcmp(o.pos[0], "apply") != 0) ||
	    (strcmp(o.pos[0], "notify") != 0 && o.npos != 1)) {
		fputs(USAGE, stderr);
		return 2;
	}
	if (cli_db_open(o.db, &db) != 0)
		return 1;
	arena_init(&a);
	svc_init(&s, db, &a, NULL, (int64_t)time(NULL));
	if (strcmp(o.pos[0], "list") == 0)
		rc = do_list(&s);
	else if (strcmp(o.pos[0], "notify") == 0)
		rc = do_notify(&s, &o);
	else
		rc = do_apply(&s);
	arena_cleanup(&a);
	db_close(db);
	return rc;
}
