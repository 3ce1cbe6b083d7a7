/*
 * test_analysis_xlsx — the workbook of a tariff analysis (TV-14 with a
 * new offer) written by analysis_report_xlsx and read back with
 * report/xlsx_read: the four sheets in order, the means on "Oversigt",
 * every line on "Linjer" with numbers as numbers, only the lines apart
 * on "Nye og lukkede", and the price year on "Om analysen".
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <cmocka.h>

#include "core/panel.h"
#include "report/analysis_report.h"
#include "report/xlsx_read.h"
#include "service/analysis.h"
#include "util/arena.h"
#include "util/err.h"

#define ROW(id, name, para, places, tariff) \
	{ id, name, "851", "Aalborg Kommune", "", para, 107, "", \
	  TARIFF_UNIT_DAY, places, tariff, -1, 365 }

/* The text of cell (row, col) of s (1-based), or NULL. */
static const char *
at(const struct xlsx_sheet *s, uint32_t row, uint32_t col)
{
	size_t i;

	for (i = 0; i < s->ncells; i++)
		if (s->cells[i].row == row && s->cells[i].col == col)
			return s->cells[i].text;
	return NULL;
}

/* The value beside the label k on "Om analysen". */
static const char *
about(const struct xlsx_sheet *s, const char *k)
{
	uint32_t r;

	for (r = 2; r <= s->nrows; r++)
		if (at(s, r, 1) != NULL && strcmp(at(s, r, 1), k) == 0)
			return at(s, r, 2);
	return NULL;
}

static void
test_read_back(void **state)
{
	struct panel_row from[] = {
		ROW(1, "A", "SEL § 107", 1000, 215000),
		ROW(2, "B", "SEL § 108", 2400, 180000),
		ROW(3, "C", "SEL § 107", 600, 340000),
	};
	struct panel_row to[] = {
		ROW(1, "A", "SEL § 107", 1000, 230000),
		ROW(2, "B", "SEL § 108", 2400, 185000),
		ROW(3, "C", "SEL § 107", 600, 370000),
		ROW(4, "D", "SEL § 107", 500, 100000),
	};
	struct panel_line		 v[7];
	struct panel_group		 g[8], op[8], sec[8], tg[8];
	struct analysis_view		 view;
	struct arena			 a;
	struct err			 e;
	struct xlsx_book		*b;
	const struct xlsx_sheet		*s;
	char				 path[] = "/tmp/test-analysis-xlsx-XXXXXX";
	size_t				 n, ng;
	mpq_t				 f;
	int				 fd;

	(void)state;
	mpq_init(f);
	mpq_set_ui(f, 104, 100);
	mpq_canonicalize(f);
	memset(&view, 0, sizeof(view));
	panel_match(from, 3, to, 4, v, &n);
	assert_int_equal(panel_compute(v, n, f, NULL, -1, &e), 0);
	assert_int_equal(panel_groups(v, n, f, NULL, PANEL_BY_TOTAL, -1, g,
	    &ng, &e), 0);
	view.total = g[0];
	assert_int_equal(panel_groups(v, n, f, NULL, PANEL_BY_OPERATOR, -1,
	    op, &view.nby_operator, &e), 0);
	assert_int_equal(panel_groups(v, n, f, NULL, PANEL_BY_SECTION, -1,
	    sec, &view.nby_section, &e), 0);
	assert_int_equal(panel_groups(v, n, f, NULL, PANEL_BY_TARGET, -1,
	    tg, &view.nby_target, &e), 0);
	view.by_operator = op;
	view.by_section = sec;
	view.by_target = tg;
	view.lines = v;
	view.nlines = n;
	view.counts[PANEL_IN] = 3;
	view.counts[PANEL_NEW_OFFER] = 1;
	view.a = (struct analysis){ .id = 1, .version = 1, .title = "TV-14",
	    .from_year = 2023, .to_year = 2024, .price_year = 2024,
	    .series_name = "state_general_pl", .series_version = 1,
	    .f_unit = "", .cap_minus_e4 = -1, .target_e4 = -1,
	    .state = "draft", .created_at = "2026-12-05T10:00:00Z",
	    .created_by = "admin" };
	strcpy(view.factor, "1.040000");
	strcpy(view.price_factor, "1.000000");
	assert_int_not_equal(fd = mkstemp(path), -1);
	close(fd);
	assert_int_equal(analysis_report_xlsx(&view, path, &e), 0);

	arena_init(&a);
	assert_int_equal(xlsx_read_open_file(&b, &a, path, &e), 0);
	assert_int_equal(xlsx_read_sheet_count(b), 4);
	assert_string_equal(xlsx_read_sheet_name(b, 0), "Oversigt");
	assert_string_equal(xlsx_read_sheet_name(b, 1), "Linjer");
	assert_string_equal(xlsx_read_sheet_name(b, 2), "Nye og lukkede");
	assert_string_equal(xlsx_read_sheet_name(b, 3), "Om analysen");
	/* Oversigt: the total first, TV-14's means. */
	assert_int_equal(xlsx_read_sheet(b, "Oversigt", &s, &e), 0);
	assert_string_equal(at(s, 2, 1), "I alt");
	assert_string_equal(at(s, 2, 3), "3");
	assert_string_equal(at(s, 2, 4), "2.11");
	assert_string_equal(at(s, 2, 5), "1.24");
	assert_string_equal(at(s, 3, 1), "Driftsherre");
	assert_string_equal(at(s, 3, 2), "Aalborg Kommune");
	/* Linjer: a header and all four lines; A's real change 2,86 %. */
	assert_int_equal(xlsx_read_sheet(b, "Linjer", &s, &e), 0);
	assert_int_equal(s->nrows, 5);
	assert_string_equal(at(s, 1, 15), "Real ændring (%)");
	assert_string_equal(at(s, 2, 2), "A");
	assert_string_equal(at(s, 2, 10), "2150");
	assert_string_equal(at(s, 2, 11), "2236");
	assert_string_equal(at(s, 2, 15), "2.86");
	/* Nye og lukkede: D only. */
	assert_int_equal(xlsx_read_sheet(b, "Nye og lukkede", &s, &e), 0);
	assert_int_equal(s->nrows, 2);
	assert_string_equal(at(s, 2, 1), "Nyt tilbud");
	assert_string_equal(at(s, 2, 2), "D");
	/* Om analysen. */
	assert_int_equal(xlsx_read_sheet(b, "Om analysen", &s, &e), 0);
	assert_string_equal(about(s, "Prisår"), "2024");
	assert_string_equal(about(s, "Version af serien"), "1");
	assert_string_equal(about(s, "Status"), "Kladde");
	assert_string_equal(about(s, "Oprettet"), "2026-12-05");
	xlsx_read_close(b);
	arena_cleanup(&a);
	unlink(path);
	mpq_clear(f);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_read_back),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
