/*
 * Unit tests for service/round_io and service/round_bulk: the Excel path
 * of a round with workbooks written by libxlsxwriter as a filled-in
 * template would be (percent cells, Danish text amounts, the hidden sheet
 * naming round and operator, every error at once by row), the template
 * itself, and bulk submit and approve.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <xlsxwriter.h>

#include "core/offer.h"
#include "core/org.h"
#include "core/role.h"
#include "core/round.h"
#include "report/round_xlsx.h"
#include "report/xlsx_read.h"
#include "service/register.h"
#include "service/round.h"
#include "service/round_bulk.h"
#include "service/round_io.h"
#include "service/svc.h"
#include "store/audit.h"
#include "util/arena.h"
#include "testdb.h"

#define NOW	1700000000	/* 2023-11-14 */

struct fixture {
	struct testdb	t;
	struct arena	a;
	struct svc	s;		/* the secretariat */
	struct svc	op;		/* operator 851 */
	struct svc	other;		/* operator 1081 */
	int64_t		offer;		/* 851's */
	int64_t		offer2;		/* 851's second */
	int64_t		region;		/* 1081's */
	int64_t		round;		/* 2024, round 1, open */
};

static const struct principal op851 = { 2, "op851", ROLE_OPERATOR, "851" };
static const struct principal op1081 = { 3, "op1081", ROLE_OPERATOR, "1081" };

static int64_t
new_offer(struct fixture *f, const char *name, const char *op)
{
	static const char	*par[] = { "SEL § 107" };
	struct offer		 o;
	struct err		 e;
	int64_t			 id;

	memset(&o, 0, sizeof(o));
	o.name = name;
	o.operator_code = op;
	o.location_code = "851";
	o.kind = OFFER_RESIDENTIAL;
	o.paragraphs = par;
	o.nparagraphs = 1;
	return register_offer_create(&f->s, &o, &id, &e) == 0 ? id : 0;
}

static int
setup(void **state)
{
	struct org	orgs[] = {
		{ "851", "Aalborg", ORG_KOMMUNE, NULL, 0 },
		{ "1081", "Region Nordjylland", ORG_REGION, NULL, 0 },
	};
	struct fixture		*f = calloc(1, sizeof(*f));
	struct tariff_round	 r;
	struct err		 e;
	int64_t			 n;
	size_t			 i;

	if (testdb_open(&f->t) != 0)
		return -1;
	arena_init(&f->a);
	svc_init(&f->s, f->t.db, &f->a, NULL, NOW);
	svc_init(&f->op, f->t.db, &f->a, &op851, NOW);
	svc_init(&f->other, f->t.db, &f->a, &op1081, NOW);
	for (i = 0; i < 2; i++)
		if (register_org_save(&f->s, &orgs[i], &e) != 0)
			return -1;
	f->offer = new_offer(f, "Bostedet Æblehaven", "851");
	f->offer2 = new_offer(f, "Bostedet Pilen", "851");
	f->region = new_offer(f, "Bostedet Aars", "1081");
	memset(&r, 0, sizeof(r));
	r.year = 2024;
	r.no = 1;
	r.title = "Foreløbige takster";
	r.opens_on = "2023-01-01";
	r.deadline = "2023-12-31";
	r.increase_warn_bp = 500;
	if (!f->offer || !f->offer2 || !f->region ||
	    round_create(&f->s, &r, &f->round, &n, &e) != 0)
		return -1;
	*state = f;
	return 0;
}

static int
teardown(void **state)
{
	struct fixture *f = *state;

	arena_cleanup(&f->a);
	testdb_close(&f->t);
	free(f);
	return 0;
}

/* One row of a filled-in file; NULL text / negative numbers: blank. */
struct frow {
	int64_t		 offer;
	const char	*unit;
	const char	*places;	/* as text, or NULL: 10 as a number */
	double		 occ;		/* the occupancy cell's number */
	bool		 occ_pct;	/* ... in a cell formatted "0%" */
	const char	*wages;		/* as text, or NULL: 6.500.000 */
};

/*
 * A filled-in template as Excel would save it, written by libxlsxwriter:
 * the sheet Budget with the template's header, the rows, and (unless
 * year is 0) the hidden sheet naming year, round and operator.
 */
static char *
filled(int year, int no, const char *op, const struct frow *rows, size_t n,
    size_t *len)
{
	static const char *const head[] = { "Tilbud nr.", "Tilbud", "Paragraf",
	    "Takstniveau", "Enhed", "Pladser", "Åbningsdage", "Dage",
	    "Timer", "Budgetteret belægning (%)", "Faktisk 1", "Faktisk 2",
	    "Løn (kr.)", "Ejendom (kr.)", "Øvrige (kr.)", "Overhead (kr.)",
	    "Kapital (kr.)", "Pension (kr.)", "Indtægter (kr.)",
	    "Over-/underskud (kr.)", "Begrundelse", NULL };
	char		 path[] = "/tmp/ramme-filled-XXXXXX";
	lxw_workbook	*wb;
	lxw_worksheet	*ws, *meta;
	lxw_format	*pct;
	FILE		*fp;
	char		*data;
	size_t		 i;
	int		 fd, c;

	fd = mkstemp(path);
	assert_true(fd >= 0);
	close(fd);
	wb = workbook_new(path);
	ws = workbook_add_worksheet(wb, "Budget");
	pct = workbook_add_format(wb);
	format_set_num_format(pct, "0%");
	for (c = 0; head[c] != NULL; c++)
		worksheet_write_string(ws, 0, (lxw_col_t)c, head[c], NULL);
	for (i = 0; i < n; i++) {
		lxw_row_t r = (lxw_row_t)(i + 1);

		worksheet_write_number(ws, r, 0, (double)rows[i].offer, NULL);
		worksheet_write_string(ws, r, 2, "SEL § 107", NULL);
		worksheet_write_string(ws, r, 4, rows[i].unit, NULL);
		if (rows[i].places != NULL)
			worksheet_write_string(ws, r, 5, rows[i].places, NULL);
		else
			worksheet_write_number(ws, r, 5, 10, NULL);
		worksheet_write_number(ws, r, 9, rows[i].occ,
		    rows[i].occ_pct ? pct : NULL);
		if (rows[i].wages != NULL)
			worksheet_write_string(ws, r, 12, rows[i].wages, NULL);
		else
			worksheet_write_number(ws, r, 12, 6500000, NULL);
		worksheet_write_number(ws, r, 13, 675000, NULL);
		worksheet_write_number(ws, r, 14, 825000, NULL);
	}
	if (year != 0) {
		meta = workbook_add_worksheet(wb, ROUND_XLSX_META_SHEET);
		worksheet_write_string(meta, ROUND_XLSX_META_KIND - 1, 1,
		    ROUND_XLSX_KIND, NULL);
		worksheet_write_number(meta, ROUND_XLSX_META_YEAR - 1, 1, year,
		    NULL);
		worksheet_write_number(meta, ROUND_XLSX_META_ROUND_NO - 1, 1,
		    no, NULL);
		worksheet_write_string(meta, ROUND_XLSX_META_OPERATOR - 1, 1,
		    op, NULL);
		worksheet_hide(meta);
	}
	assert_int_equal(workbook_close(wb), LXW_NO_ERROR);
	fp = fopen(path, "rb");
	assert_non_null(fp);
	data = malloc(1 << 20);
	*len = fread(data, 1, 1 << 20, fp);
	fclose(fp);
	unlink(path);
	return data;
}

static const struct service_line *
line_of(struct fixture *f, int64_t offer, struct submission_view *v)
{
	struct submission	*subs;
	struct err		 e;
	size_t			 n, i;

	assert_int_equal(round_submissions(&f->s, f->round, &subs, &n, &e), 0);
	for (i = 0; i < n; i++)
		if (subs[i].offer_id == offer)
			break;
	assert_true(i < n);
	assert_int_equal(round_submission_get(&f->s, subs[i].id, v, &e), 0);
	return v->sub.nlines_loaded > 0 ? &v->sub.lines[0] : NULL;
}

/* 95 % typed into a percent cell is 0.95 in the file: read as 95 %; a
 * Danish text amount is read as the web form reads it. */
static void
test_percent_and_text_amounts(void **state)
{
	struct fixture			*f = *state;
	struct frow			 rows[] = {
		{ f->offer, "døgn", "12,5", 0.95, true, "1.234.567,50" },
		{ f->offer2, "day", NULL, 96, false, NULL },
	};
	struct round_import_report	 rep;
	struct submission_view		 v;
	const struct service_line	*l;
	struct err			 e;
	size_t				 len;
	char				*data;

	data = filled(2024, 1, "851", rows, 2, &len);
	err_clear(&e);
	assert_int_equal(round_io_upload(&f->op, f->round, NULL, data, len,
	    &rep, &e), 0);
	free(data);
	assert_int_equal(rep.lines, 2);
	assert_int_equal(rep.reasons_missing, 0);
	l = line_of(f, f->offer, &v);
	assert_non_null(l);
	assert_int_equal(l->occupancy_bp, 9500);
	assert_int_equal(l->places_centi, 1250);
	assert_int_equal(l->costs.wages_ore, 123456750);
	l = line_of(f, f->offer2, &v);
	assert_int_equal(l->occupancy_bp, 9600);
}

/* 0,95 in a plain cell is 0,95 %: refused, naming the cell. */
static void
test_occupancy_floor(void **state)
{
	struct fixture			*f = *state;
	struct frow			 rows[] = {
		{ f->offer, "døgn", NULL, 0.95, false, NULL },
	};
	struct round_import_report	 rep;
	struct submission_view		 v;
	struct err			 e;
	size_t				 len;
	char				*data;

	data = filled(2024, 1, "851", rows, 1, &len);
	err_clear(&e);
	assert_int_equal(round_io_upload(&f->op, f->round, NULL, data, len,
	    &rep, &e), ERR_INVALID);
	free(data);
	assert_int_equal(rep.nerrors, 1);
	assert_string_equal(rep.errors[0].field, "J2");
	assert_non_null(strstr(rep.errors[0].msg, "Celle J2 i arket "
	    "»Budget«: den budgetterede belægning er 0,95 %, under 50 %"));
	assert_null(line_of(f, f->offer, &v));
}

/* Every error of the file in one pass, by row then column. */
static void
test_all_errors_by_row(void **state)
{
	struct fixture			*f = *state;
	struct frow			 rows[] = {
		{ f->offer, "uge", NULL, 96, false, NULL },
		{ f->offer, "døgn", "ti", 30, false, NULL },
		{ f->region, "døgn", NULL, 96, false, NULL },
		{ f->offer2, "døgn", "-4", 96, false, NULL },
		{ f->offer2, "døgn", NULL, 96, false, "12.34.5" },
	};
	struct round_import_report	 rep;
	struct err			 e;
	size_t				 len;
	char				*data;

	data = filled(2024, 1, "851", rows, 5, &len);
	err_clear(&e);
	assert_int_equal(round_io_upload(&f->op, f->round, NULL, data, len,
	    &rep, &e), ERR_INVALID);
	free(data);
	assert_int_equal(rep.nerrors, 6);
	assert_string_equal(rep.errors[0].field, "E2");	/* unit */
	assert_string_equal(rep.errors[1].field, "F3");	/* "ti" */
	assert_string_equal(rep.errors[2].field, "J3");	/* 30 % */
	assert_string_equal(rep.errors[3].field, "A4");	/* 1081's offer */
	assert_non_null(strstr(rep.errors[3].msg, "anden driftsherre"));
	assert_string_equal(rep.errors[4].field, "F5");	/* negative */
	assert_string_equal(rep.errors[5].field, "M6");	/* "12.34.5" */
	assert_non_null(strstr(e.msg, "6 fejl i filen; intet er gemt"));
}

/* A file of another year or round, or of another operator, is refused. */
static void
test_wrong_round_or_operator(void **state)
{
	struct fixture			*f = *state;
	struct frow			 rows[] = {
		{ f->offer, "døgn", NULL, 96, false, NULL },
	};
	struct round_import_report	 rep;
	struct submission_view		 v;
	struct err			 e;
	size_t				 len;
	char				*data;

	data = filled(2023, 1, "851", rows, 1, &len);
	err_clear(&e);
	assert_int_equal(round_io_upload(&f->op, f->round, NULL, data, len,
	    &rep, &e), ERR_INVALID);
	free(data);
	assert_string_equal(e.key, "wrong_round");
	assert_non_null(strstr(e.msg, "takståret 2023, runde 1, men du "
	    "indlæser den i takståret 2024, runde 1"));

	/* 851's file uploaded by 1081. */
	data = filled(2024, 1, "851", rows, 1, &len);
	err_clear(&e);
	assert_int_equal(round_io_upload(&f->other, f->round, NULL, data, len,
	    &rep, &e), ERR_INVALID);
	assert_string_equal(e.key, "wrong_operator");
	/* The secretariat (and the CLI) naming another operator. */
	err_clear(&e);
	assert_int_equal(round_io_upload(&f->s, f->round, "1081", data, len,
	    &rep, &e), ERR_INVALID);
	assert_string_equal(e.key, "wrong_operator");
	free(data);

	/* The secretariat with a file naming 851 and a row of 1081's. */
	rows[0].offer = f->region;
	data = filled(2024, 1, "851", rows, 1, &len);
	err_clear(&e);
	assert_int_equal(round_io_upload(&f->s, f->round, NULL, data, len,
	    &rep, &e), ERR_INVALID);
	free(data);
	assert_int_equal(rep.nerrors, 1);
	assert_string_equal(rep.errors[0].field, "A2");
	assert_non_null(strstr(rep.errors[0].msg, "drives af Region "
	    "Nordjylland, ikke af driftsherren 851"));
	assert_null(line_of(f, f->region, &v));
}

/* The template: three sheets, the hidden one naming the round; it goes
 * back in unchanged. */
static void
test_template(void **state)
{
	struct fixture			*f = *state;
	struct frow			 rows[] = {
		{ f->offer, "døgn", NULL, 96, false, NULL },
	};
	struct round_import_report	 rep;
	struct tariff_round		 r;
	const struct xlsx_sheet		*m, *b;
	struct xlsx_book		*book;
	struct err			 e;
	char				 path[] = "/tmp/ramme-tpl-XXXXXX";
	char				*data;
	const char			*t;
	int64_t				 v;
	uint32_t			 row;
	size_t				 len;
	int				 fd;

	data = filled(2024, 1, "851", rows, 1, &len);
	assert_int_equal(round_io_upload(&f->op, f->round, NULL, data, len,
	    &rep, &e), 0);
	free(data);
	fd = mkstemp(path);
	close(fd);
	err_clear(&e);
	assert_int_equal(round_io_template(&f->op, f->round, NULL, path, &e),
	    0);
	assert_int_equal(xlsx_read_open_file(&book, &f->a, path, &e), 0);
	assert_int_equal(xlsx_read_sheet_count(book), 3);
	assert_string_equal(xlsx_read_sheet_name(book, 0), "Budget");
	assert_string_equal(xlsx_read_sheet_name(book, 1), "Vejledning");
	assert_int_equal(xlsx_read_sheet(book, ROUND_XLSX_META_SHEET, &m, &e),
	    0);
	assert_int_equal(xlsx_read_sheet(book, "Budget", &b, &e), 0);
	xlsx_read_close(book);
	assert_int_equal(xlsx_cell_int(m, ROUND_XLSX_META_YEAR, 2, &v, &e), 0);
	assert_int_equal(v, 2024);
	assert_int_equal(xlsx_cell_text(m, ROUND_XLSX_META_OPERATOR, 2, &t,
	    &e), 0);
	assert_string_equal(t, "851");
	for (row = 2; row <= b->nrows; row++)
		if (xlsx_cell_text(b, row, ROUND_XLSX_COL_UNIT, &t, &e) == 0)
			break;
	assert_true(row <= b->nrows);
	assert_string_equal(t, "døgn");
	assert_int_equal(xlsx_cell_text(b, 1, ROUND_XLSX_COL_PREV_TARIFF, &t,
	    &e), 0);
	assert_string_equal(t, "Sidste års takst (kr.)");
	assert_int_equal(round_get(&f->op, f->round, &r, NULL, &e), 0);
	assert_string_equal(round_io_template_name(&f->op, &r, NULL),
	    "takstindberetning-2024-runde-1-851.xlsx");
	data = malloc(1 << 20);
	{
		FILE *fp = fopen(path, "rb");

		len = fread(data, 1, 1 << 20, fp);
		fclose(fp);
	}
	unlink(path);
	assert_int_equal(round_io_upload(&f->op, f->round, NULL, data, len,
	    &rep, &e), 0);
	assert_int_equal(rep.lines, 1);
	free(data);
}

/* Bulk submit of the ready ones, bulk approve by the secretariat; each
 * audited on its own. */
static void
test_bulk(void **state)
{
	struct fixture			*f = *state;
	struct frow			 rows[] = {
		{ f->offer, "døgn", NULL, 96, false, NULL },
		{ f->offer2, "døgn", NULL, 96, false, NULL },
	};
	struct round_import_report	 rep;
	struct round_bulk_item		*it;
	struct submission_view		 v;
	struct audit_entry		*h;
	struct err			 e;
	size_t				 len, n, nready;
	int				 done, failed, nh;
	char				*data;

	/* Nothing ready: every submission is empty. */
	err_clear(&e);
	assert_int_equal(round_bulk_act(&f->op, f->round, ROUND_BULK_SUBMIT,
	    NULL, &done, &failed, &e), ERR_CONFLICT);
	data = filled(2024, 1, "851", rows, 2, &len);
	assert_int_equal(round_io_upload(&f->op, f->round, NULL, data, len,
	    &rep, &e), 0);
	free(data);
	/* 851 sees its two, both ready; not 1081's. */
	assert_int_equal(round_bulk_plan(&f->op, f->round, ROUND_BULK_SUBMIT,
	    NULL, &it, &n, &nready, &e), 0);
	assert_int_equal(n, 2);
	assert_int_equal(nready, 2);
	/* Approving is the secretariat's. */
	assert_int_equal(round_bulk_plan(&f->op, f->round, ROUND_BULK_APPROVE,
	    NULL, &it, &n, &nready, &e), ERR_FORBIDDEN);
	assert_int_equal(round_bulk_act(&f->op, f->round, ROUND_BULK_SUBMIT,
	    NULL, &done, &failed, &e), 0);
	assert_int_equal(done, 2);
	assert_int_equal(failed, 0);
	line_of(f, f->offer, &v);
	assert_int_equal(v.sub.status, SUBMISSION_SUBMITTED);
	assert_int_equal(round_bulk_act(&f->s, f->round, ROUND_BULK_APPROVE,
	    NULL, &done, &failed, &e), 0);
	assert_int_equal(done, 2);
	line_of(f, f->offer2, &v);
	assert_int_equal(v.sub.status, SUBMISSION_APPROVED);
	assert_int_equal(round_submission_history(&f->s, v.sub.id, &h, &nh,
	    &e), 0);
	assert_true(nh >= 3);		/* import, submit, approve */
	assert_string_equal(h[0].action, "approve");
	assert_string_equal(h[1].action, "submit");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_percent_and_text_amounts,
		    setup, teardown),
		cmocka_unit_test_setup_teardown(test_occupancy_floor, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_all_errors_by_row, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_wrong_round_or_operator,
		    setup, teardown),
		cmocka_unit_test_setup_teardown(test_template, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_bulk, setup, teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
