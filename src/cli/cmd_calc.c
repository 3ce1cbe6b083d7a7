/*
 * cmd_calc — `ramme calc tariff|surplus|occupancy|split|post-adjustment`:
 * read one JSON object on standard input, run the calculator
 * (service/calc) and print its JSON answer. Bad input exits 2 with the
 * Danish message on standard error.
 */
#include <jansson.h>
#include <stdio.h>
#include <string.h>

#include "cli/cli.h"
#include "service/calc.h"
#include "util/buf.h"
#include "util/err.h"
#include "util/text.h"

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
	struct buf	 b;
	struct err	 e;
	json_error_t	 je;
	json_t		*in, *out;
	int		 rc;

	if (argc != 2 || (strcmp(argv[1], "tariff") != 0 &&
	    strcmp(argv[1], "surplus") != 0 &&
	    strcmp(argv[1], "occupancy") != 0 &&
	    strcmp(argv[1], "split") != 0 &&
	    strcmp(argv[1], "post-adjustment") != 0)) {
		fprintf(stderr, "usage: ramme calc tariff|surplus|occupancy|"
		    "split|post-adjustment < input.json (see `ramme help "
		    "calc`)\n");
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
	rc = calc_json(argv[1], NULL, in, &out, &e);
	json_decref(in);
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
