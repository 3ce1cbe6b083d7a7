/*
 * Unit tests for src/report/csv.c: encodings (BOM, Windows-1252),
 * separator detection, RFC 4180 quoting, physical line numbers, the caps,
 * and the writer's quoting and formula guard read back exactly.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdlib.h>
#include <string.h>

#include "report/csv.h"
#include "util/arena.h"
#include "util/buf.h"
#include "util/err.h"

/* Parse text (a C string) and check it succeeded. */
static void
parse_ok(struct arena *a, const char *text, struct csv *c)
{
	struct err e;

	err_clear(&e);
	if (csv_parse(a, text, strlen(text), c, &e) != 0)
		fail_msg("csv_parse: %s (line %d)", e.msg, e.line);
}

static void
test_utf8_bom_and_comma(void **state)
{
	struct arena	a;
	struct csv	c;

	(void)state;
	arena_init(&a);
	parse_ok(&a, "\xef\xbb\xbf" "code,name\n851,Aalborg\n", &c);
	assert_int_equal(c.sep, ',');
	assert_false(c.cp1252);
	assert_int_equal(c.nrecords, 2);
	assert_string_equal(c.records[0].fields[0].s, "code");
	assert_string_equal(c.records[1].fields[1].s, "Aalborg");
	assert_int_equal(c.records[1].line, 2);
	arena_cleanup(&a);
}

static void
test_semicolon_detected(void **state)
{
	struct arena	a;
	struct csv	c;

	(void)state;
	arena_init(&a);
	/* The header has commas inside quotes only: ';' wins. */
	parse_ok(&a, "name;\"a,b,c\";x\r\nKompasset;1,5;y\r\n", &c);
	assert_int_equal(c.sep, ';');
	assert_int_equal(c.records[0].nfields, 3);
	assert_string_equal(c.records[0].fields[1].s, "a,b,c");
	assert_true(c.records[0].fields[1].quoted);
	assert_false(c.records[0].fields[0].quoted);
	assert_string_equal(c.records[1].fields[1].s, "1,5");
	arena_cleanup(&a);
}

static void
test_quotes_and_newlines(void **state)
{
	struct arena	a;
	struct csv	c;

	(void)state;
	arena_init(&a);
	parse_ok(&a,
	    "name,note\n"				/* line 1 */
	    "A,\"He said \"\"hi\"\"\"\n"		/* line 2 */
	    "B,\"two\nlines\r\nand three\"\n"		/* lines 3-5 */
	    "\n"					/* line 6, empty */
	    "C,\"\"\n"					/* line 7 */
	    "D,last", &c);				/* line 8, no EOL */
	assert_int_equal(c.nrecords, 5);
	assert_string_equal(c.records[1].fields[1].s, "He said \"hi\"");
	assert_int_equal(c.records[1].line, 2);
	assert_string_equal(c.records[2].fields[1].s,
	    "two\nlines\r\nand three");
	assert_int_equal(c.records[2].line, 3);
	assert_int_equal(c.records[3].line, 7);
	assert_string_equal(c.records[3].fields[1].s, "");
	assert_true(c.records[3].fields[1].quoted);
	assert_int_equal(c.records[4].line, 8);
	assert_string_equal(c.records[4].fields[1].s, "last");
	arena_cleanup(&a);
}

static void
test_trailing_separator_and_empty_fields(void **state)
{
	struct arena	a;
	struct csv	c;

	(void)state;
	arena_init(&a);
	parse_ok(&a, "a;b;c\n;;\n1;;\n", &c);
	assert_int_equal(c.nrecords, 3);
	assert_int_equal(c.records[1].nfields, 3);
	assert_int_equal(c.records[2].nfields, 3);
	assert_string_equal(c.records[2].fields[0].s, "1");
	assert_string_equal(c.records[2].fields[2].s, "");
	arena_cleanup(&a);
}

static void
test_cp1252(void **state)
{
	struct arena	a;
	struct csv	c;

	(void)state;
	arena_init(&a);
	/* "Brønderslev;Læsø;Ålborg;€" as Danish Excel saves it. */
	parse_ok(&a, "navn;b;c;d\r\n"
	    "Br\xf8nderslev;L\xe6s\xf8;\xc5lborg;\x80\r\n", &c);
	assert_true(c.cp1252);
	assert_int_equal(c.sep, ';');
	assert_string_equal(c.records[1].fields[0].s, "Brønderslev");
	assert_string_equal(c.records[1].fields[1].s, "Læsø");
	assert_string_equal(c.records[1].fields[2].s, "Ålborg");
	assert_string_equal(c.records[1].fields[3].s, "€");
	arena_cleanup(&a);
}

/* A byte Windows-1252 leaves undefined is refused with its line. */
static void
test_cp1252_undefined_byte(void **state)
{
	static const char text[] = "navn;b\r\nBr\xf8nderslev;1\r\n"
	    "Hj\xf8rring;2\x8d\r\n";
	struct arena	a;
	struct csv	c;
	struct err	e;

	(void)state;
	arena_init(&a);
	err_clear(&e);
	assert_int_equal(csv_parse(&a, text, strlen(text), &c, &e),
	    ERR_INVALID);
	assert_string_equal(e.key, "encoding");
	assert_int_equal(e.line, 3);
	arena_cleanup(&a);
}

static void
test_broken_quoting(void **state)
{
	struct arena	a;
	struct csv	c;
	struct err	e;
	const char	*open = "a,b\n1,2\n3,\"never\nclosed\n";
	const char	*junk = "a,b\n1,\"x\"y\n";

	(void)state;
	arena_init(&a);
	assert_int_equal(csv_parse(&a, open, strlen(open), &c, &e),
	    ERR_INVALID);
	assert_string_equal(e.key, "unterminated_quote");
	assert_int_equal(e.line, 3);
	assert_int_equal(csv_parse(&a, junk, strlen(junk), &c, &e),
	    ERR_INVALID);
	assert_string_equal(e.key, "invalid_quote");
	assert_int_equal(e.line, 2);
	arena_cleanup(&a);
}

static void
test_empty_and_nul(void **state)
{
	struct arena	a;
	struct csv	c;
	struct err	e;

	(void)state;
	arena_init(&a);
	assert_int_equal(csv_parse(&a, "", 0, &c, &e), ERR_INVALID);
	assert_string_equal(e.key, "empty_file");
	assert_int_equal(csv_parse(&a, "\xef\xbb\xbf\r\n\r\n", 7, &c, &e),
	    ERR_INVALID);
	/* UTF-16 as Excel's "Unicode text" writes it. */
	assert_int_equal(csv_parse(&a, "\xff\xfe" "a\0,\0b\0", 8, &c, &e),
	    ERR_INVALID);
	assert_string_equal(e.key, "nul_byte");
	arena_cleanup(&a);
}

static void
test_caps(void **state)
{
	struct arena	 a;
	struct csv	 c;
	struct err	 e;
	struct buf	 b;
	char		*big;
	size_t		 i;

	(void)state;
	arena_init(&a);
	/* Over 20 MiB: refused before anything is read. */
	big = calloc(1, CSV_MAX_BYTES + 1);
	memset(big, 'x', CSV_MAX_BYTES + 1);
	assert_int_equal(csv_parse(&a, big, CSV_MAX_BYTES + 1, &c, &e),
	    ERR_TOO_LARGE);
	free(big);

	/* A field one byte over the cap, on line 2. */
	buf_init(&b);
	buf_puts(&b, "a\n");
	for (i = 0; i < CSV_MAX_FIELD + 1; i++)
		buf_putc(&b, 'y');
	assert_int_equal(csv_parse(&a, b.data, b.len, &c, &e), ERR_INVALID);
	assert_string_equal(e.key, "field_too_long");
	assert_int_equal(e.line, 2);
	/* Exactly at the cap is fine. */
	b.len--;
	assert_int_equal(csv_parse(&a, b.data, b.len, &c, &e), 0);

	/* 201 columns. */
	buf_reset(&b);
	for (i = 0; i < CSV_MAX_COLS; i++)
		buf_puts(&b, "c;");
	buf_puts(&b, "c\n");
	assert_int_equal(csv_parse(&a, b.data, b.len, &c, &e), ERR_INVALID);
	assert_string_equal(e.key, "too_many_columns");

	/* A header and 100,001 rows. */
	buf_reset(&b);
	buf_puts(&b, "n\n");
	for (i = 0; i < CSV_MAX_ROWS + 1; i++)
		buf_puts(&b, "1\n");
	assert_int_equal(csv_parse(&a, b.data, b.len, &c, &e), ERR_TOO_LARGE);
	assert_string_equal(e.key, "too_many_rows");
	/* 100,000 rows are fine. */
	b.len -= 2;
	assert_int_equal(csv_parse(&a, b.data, b.len, &c, &e), 0);
	assert_int_equal(c.nrecords, CSV_MAX_ROWS + 1);
	buf_cleanup(&b);
	arena_cleanup(&a);
}

static void
test_writer_quoting(void **state)
{
	struct csv_writer	w;
	struct buf		b;

	(void)state;
	buf_init(&b);
	csv_writer_init(&w, &b, ';', true);
	csv_write_value(&w, "id");
	csv_write_text(&w, "a;b");
	csv_write_text(&w, "say \"hi\"");
	csv_write_text(&w, NULL);
	csv_write_text(&w, " padded ");
	csv_write_text(&w, "x,y");
	csv_end_row(&w);
	assert_string_equal(buf_str(&b), "\xef\xbb\xbf"
	    "id;\"a;b\";\"say \"\"hi\"\"\";;\" padded \";x,y\r\n");
	buf_cleanup(&b);
}

static void
test_formula_guard_round_trip(void **state)
{
	static const char *texts[] = {
		"=SUM(A1:A9)", "+45 12 34 56", "-3", "@cmd", "\tindent",
		"\rcr", "'=already", "''+two", "'plain", "it's", "a=b",
		"normal text", "'", "=", NULL
	};
	static const char *written[] = {
		"'=SUM(A1:A9)", "'+45 12 34 56", "'-3", "'@cmd", "'\tindent",
		"\"'\rcr\"", "''=already", "'''+two", "'plain", "it's", "a=b",
		"normal text", "'", "'=", NULL
	};
	struct csv_writer	 w;
	struct arena		 a;
	struct buf		 b;
	struct csv		 c;
	char			*copy;
	int			 i;

	(void)state;
	arena_init(&a);
	for (i = 0; texts[i] != NULL; i++) {
		buf_init(&b);
		csv_writer_init(&w, &b, ';', false);
		csv_write_text(&w, texts[i]);
		assert_string_equal(buf_str(&b), written[i]);
		csv_end_row(&w);
		/* Read back as the second field under a header. */
		copy = arena_printf(&a, "h;v\r\nx;%s", buf_str(&b));
		parse_ok(&a, copy, &c);
		assert_int_equal(c.nrecords, 2);
		assert_string_equal(csv_unguard(c.records[1].fields[1].s),
		    texts[i]);
		buf_cleanup(&b);
	}
	/* Values are never guarded. */
	buf_init(&b);
	csv_writer_init(&w, &b, ';', false);
	csv_write_value(&w, "-3");
	assert_string_equal(buf_str(&b), "-3");
	buf_cleanup(&b);
	arena_cleanup(&a);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_utf8_bom_and_comma),
		cmocka_unit_test(test_semicolon_detected),
		cmocka_unit_test(test_quotes_and_newlines),
		cmocka_unit_test(test_trailing_separator_and_empty_fields),
		cmocka_unit_test(test_cp1252),
		cmocka_unit_test(test_cp1252_undefined_byte),
		cmocka_unit_test(test_broken_quoting),
		cmocka_unit_test(test_empty_and_nul),
		cmocka_unit_test(test_caps),
		cmocka_unit_test(test_writer_quoting),
		cmocka_unit_test(test_formula_guard_round_trip),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
