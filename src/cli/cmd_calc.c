/*
 * cmd_calc — `ramme calc tariff|surplus|occupancy|fixed-prices|analysis|
 * split|post-adjustment`: read one JSON object on standard input, run the
 * calculator (service/calc) and print its JSON answer. Bad input exits 2
 * with the Danish message on standard error. With --db, fixed-prices and
 * analysis may name a stored PL series ("series": NAME).
 */
#include <jansson.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "cli/cli.h"
#include "service/agreement.h"
#include "service/calc.h"
#include "service/pl.h"
#include "service/svc.h"
#include "store/db.h"
#include "util/arena.h"
#include "util/buf.h"
#include "util/err.h"
#include "util/text.h"

/* With --db: the parameters the secretariat stored for the year. */
static int
lookup_params(void *arg, int year, struct agreement_params *out,
    struct err *e)
{
	return agreement_params_get(arg, year, out, e);
}

static const char *const calc_names[] = {
	"tariff", "surplus", "occupancy", "fixed-prices", "analysis", "split",
	"post-adjustment", NULL
};

#define CALC_INPUT_MAX	(64 * 1024)	/* bytes read from standard input */

/* Read all of standard input into b; -1 if larger than CALC_INPUT_MAX. */
static int
read_stdin(struct buf *b)
{
	char	chunk[4096];
	size_t	n;

	while ((n = fread(chunk, 1, sizeof(chunk), stdin)) > 0) {
		if (b->len + n > CALC_INPUT_MAX)
			return -1;
		buf_append(b, chunk, n);
	}
	return ferror(stdin) ? -2 : 0;
}

int
cmd_calc(int argc, char **argv)
{
	struct calc_params	 src = { 0 };
	struct cli_opts		 o;
	struct db		*db = NULL;
	struct arena		 a;
	struct svc		 s;
	struct buf		 b;
	struct err		 e;
	json_error_t		 je;
	json_t			*in, *out;
	bool			 has_db = false;
	int			 rc, i;

	if ((rc = cli_parse(argc, argv, NULL, NULL, &o, "calc")) != 0)
		return rc;
	for (i = 1; i < argc; i++)
		if (strncmp(argv[i], "--db", 4) == 0)
			has_db = true;
	for (i = 0; o.npos == 1 && calc_names[i] != NULL; i++)
		if (strcmp(o.pos[0], calc_names[i]) == 0)
			break;
	if (o.npos != 1 || calc_names[i] == NULL) {
		fprintf(stderr, "usage: ramme calc tariff|surplus|occupancy|"
		    "fixed-prices|analysis|split|post-adjustment [--db PATH] "
		    "< input.json (see "
		    "`ramme help calc`)\n");
		return 2;
	}
	buf_init(&b);
	if ((rc = read_stdin(&b)) != 0) {
		if (rc == -1)
			fprintf(stderr, "ramme: inddata er for store (højst "
			    "%d byte)\n", CALC_INPUT_MAX);
		else
			fprintf(stderr, "ramme: kunne ikke læse standard "
			    "input\n");
		buf_cleanup(&b);
		return rc == -1 ? 2 : 1;
	}
	if (!text_utf8_valid(buf_str(&b), b.len)) {
		fprintf(stderr, "ramme: inddata er ikke gyldig UTF-8\n");
		buf_cleanup(&b);
		return 2;
	}
	in = json_loadb(buf_str(&b), b.len, JSON_REJECT_DUPLICATES, &je);
	buf_cleanup(&b);
	if (in == NULL) {
		fprintf(stderr, "ramme: ugyldig JSON (linje %d, kolonne %d): "
		    "%s\n", je.line, je.column, je.text);
		return 2;
	}
	err_clear(&e);
	arena_init(&a);
	if (has_db) {
		if (cli_db_open(o.db, &db) != 0) {
			json_decref(in);
			arena_cleanup(&a);
			return 1;
		}
		svc_init(&s, db, &a, NULL, (int64_t)time(NULL));
		src.lookup = lookup_params;
		src.arg = &s;
		src.pl_series = pl_calc_lookup;
		src.pl_arg = &s;
	}
	rc = calc_json(o.pos[0], has_db ? &src : NULL, in, &out, &e);
	json_decref(in);
	arena_cleanup(&a);
	db_close(db);
	if (rc != 0) {
		cli_print_err(&e);
		return cli_exit_code(rc);
	}
	json_dumpf(out, stdout, JSON_INDENT(2) | JSON_PRESERVE_ORDER |
	    CALC_DUMP_FLAGS);
	fputc('\n', stdout);
	json_decref(out);
	return fflush(stdout) == 0 ? 0 : 1;
}
