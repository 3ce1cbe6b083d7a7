/*
 * cmd_startup — `ramme startup`: the start-up costs of new offers. list
 * prints them with the share of each year; add records one (as the
 * system, i.e. the secretariat), spread over the first years' tariffs.
 */
#include <stdio.h>
#include <string.h>

#include "cli/cli.h"
#include "core/startup.h"
#include "service/startup.h"
#include "service/svc.h"
#include "store/db.h"
#include "util/arena.h"
#include "util/buf.h"
#include "util/err.h"
#include "util/text.h"

#define USAGE \
	"usage: ramme startup list [--offer ID] [--db PATH]\n" \
	"       ramme startup add OFFER_ID AMOUNT_KR FIRST_YEAR YEARS TEXT " \
	"[--db PATH]\n"

static int
do_list(struct svc *s, int64_t offer)
{
	struct startup_row	*v = NULL;
	struct err		 e;
	size_t			 n = 0, i;
	char			 kr[TEXT_KR_SIZE];
	int			 y;

	err_clear(&e);
	if (startup_list(s, offer, &v, &n, &e) != 0)
		return cli_fail(&e);
	for (i = 0; i < n; i++) {
		struct startup_cost c = { v[i].amount_ore, v[i].first_year,
		    v[i].years };

		text_format_ore_da(kr, v[i].amount_ore);
		printf("%lld\t%lld\t%s\t%d-%d\t%s\t", (long long)v[i].id,
		    (long long)v[i].offer_id, v[i].offer_name, c.first_year,
		    c.first_year + c.years - 1, kr);
		for (y = c.first_year; y < c.first_year + c.years; y++) {
			text_format_ore_da(kr, startup_share(&c, y));
			printf("%s%d: %s", y > c.first_year ? "; " : "", y, kr);
		}
		printf("\t%s\n", v[i].text);
	}
	return 0;
}

static int
do_add(struct svc *s, const struct cli_opts *o)
{
	struct err	 e;
	int64_t		 offer = 0, ore = 0, first = 0, years = 0, id = 0;

	if (o->npos != 6 || text_parse_i64(o->pos[1], &offer) != 0 ||
	    text_parse_i64(o->pos[3], &first) != 0 ||
	    text_parse_i64(o->pos[4], &years) != 0 ||
	    first < 0 || first > 10000 || years < 0 || years > 1000) {
		fputs(USAGE, stderr);
		return 2;
	}
	err_clear(&e);
	if (text_parse_kr(o->pos[2], &ore) != 0) {
		err_set(&e, ERR_INVALID, "invalid_amount", "amount",
		    "Skriv beløbet i kroner, fx 1.200.000 eller 1200000,50");
		return cli_fail(&e);
	}
	if (startup_record(s, offer, ore, (int)first, (int)years, o->pos[5],
	    &id, &e) != 0)
		return cli_fail(&e);
	printf("%lld\n", (long long)id);
	return 0;
}

int
cmd_startup(int argc, char **argv)
{
	static const char *const spec[] = { "--offer=", NULL };
	const char	*vals[1] = { NULL };
	struct cli_opts	 o;
	struct db	*db;
	struct arena	 a;
	struct svc	 s;
	int64_t		 offer = 0;
	int		 rc;

	if ((rc = cli_parse(argc, argv, spec, vals, &o, "startup")) != 0)
		return rc;
	if (o.npos < 1 || (strcmp(o.pos[0], "list") != 0 &&
	    strcmp(o.pos[0], "add") != 0) ||
	    (strcmp(o.pos[0], "list") == 0 && (o.npos != 1 ||
	    (vals[0] != NULL && (text_parse_i64(vals[0], &offer) != 0 ||
	    offer <= 0))))) {
		fputs(USAGE, stderr);
		return 2;
	}
	if (cli_session_begin(o.db, &db, &a, &s) != 0)
		return 1;
	if (strcmp(o.pos[0], "list") == 0)
		rc = do_list(&s, offer);
	else
		rc = do_add(&s, &o);
	cli_session_end(db, &a);
	return rc;
}
