/*
 * Unit tests for src/report/chart.c and src/http/chart.c: nice axes
 * that hold every value (and zero for bars, the baseline for an index),
 * Danish values with their unit, an accessible SVG (role, title, desc,
 * escaped labels) with the same figures as a table, and bad charts
 * refused with a Danish message.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include "http/chart.h"
#include "http/html.h"
#include "report/chart.h"
#include "util/buf.h"
#include "util/err.h"

static const char *const operators[] = { "Aalborg Kommune",
    "Region Nordjylland", "Hjørring <Kommune>" };
static const int64_t changes[] = { 286, -118, 464 };	/* TV-14, % */
static const char *const years[] = { "2020", "2021", "2022", "2023" };
static const int64_t index_nj[] = { 10000, 10210, 10480, CHART_MISSING };
static const int64_t index_dk[] = { 10000, 10150, 10390, 10620 };

static struct chart
bar_chart(const struct chart_series *s)
{
	return (struct chart){ .kind = CHART_BARS,
	    .title = "Real udvikling i taksten", .desc = "Pr. driftsherre",
	    .label_head = "Driftsherre", .unit = "%", .labels = operators,
	    .nlabels = 3, .series = s, .nseries = 1,
	    .baseline = CHART_MISSING };
}

static void
test_axis_bars_hold_values_and_zero(void **state)
{
	struct chart_series	s = { "Real ændring", changes };
	struct chart		c = bar_chart(&s);
	struct chart_axis	a;

	(void)state;
	chart_axis(&c, &a);
	assert_true(a.lo <= -118);
	assert_true(a.hi >= 464);
	assert_true(a.lo <= 0 && a.hi >= 0);
	assert_int_equal(a.step, 200);		/* 1, 2 or 5 × 10^k */
	assert_int_equal(a.lo, -200);
	assert_int_equal(a.hi, 600);
	assert_int_equal(a.nticks, 5);
	assert_true(chart_axis_pos(&a, a.lo) == 0.0);
	assert_true(chart_axis_pos(&a, a.hi) == 1.0);
}

static void
test_axis_lines_fit_values_with_baseline(void **state)
{
	struct chart_series	s[2] = { { "Nordjylland", index_nj },
	    { "Hele landet", index_dk } };
	struct chart		c = { .kind = CHART_LINES, .title = "Indeks",
	    .labels = years, .nlabels = 4, .series = s, .nseries = 2,
	    .baseline = 10000 };
	struct chart_axis	a;

	(void)state;
	chart_axis(&c, &a);
	assert_true(a.lo <= 10000 && a.lo > 0);	/* not from zero */
	assert_true(a.hi >= 10620);
	assert_true(a.nticks >= 2 && a.nticks <= CHART_TICKS_MAX);
	assert_int_equal((a.hi - a.lo) % a.step, 0);
}

static void
test_axis_one_value(void **state)
{
	static const int64_t one[] = { 0 };
	struct chart_series	s = { "Nul", one };
	struct chart		c = bar_chart(&s);
	struct chart_axis	a;

	(void)state;
	c.nlabels = 1;
	chart_axis(&c, &a);
	assert_true(a.hi > a.lo);
}

static void
test_values_danish(void **state)
{
	struct chart_series	s = { "x", changes };
	struct chart		c = bar_chart(&s);
	char			b[64];

	(void)state;
	chart_value_str(&c, -118, b, sizeof(b));
	assert_string_equal(b, "-1,18 %");
	c.unit = "kr.";
	chart_value_str(&c, 123456, b, sizeof(b));
	assert_string_equal(b, "1.234,56 kr.");
	chart_tick_str(&c, 200000, b, sizeof(b));
	assert_string_equal(b, "2.000 kr.");
	c.unit = "";
	chart_value_str(&c, 10440, b, sizeof(b));
	assert_string_equal(b, "104,4");
}

static void
test_html_accessible(void **state)
{
	struct chart_series	s = { "Real ændring", changes };
	struct chart		c = bar_chart(&s);
	struct buf		b;
	struct html		h = { &b };
	struct err		e;
	const char		*out;

	(void)state;
	buf_init(&b);
	err_clear(&e);
	assert_int_equal(chart_html(&h, &c, "udvikling", &e), 0);
	out = buf_str(&b);
	assert_non_null(strstr(out, "role=\"img\""));
	assert_non_null(strstr(out,
	    "aria-labelledby=\"udvikling-titel udvikling-beskrivelse\""));
	assert_non_null(strstr(out, "<title id=\"udvikling-titel\">"
	    "Real udvikling i taksten</title>"));
	assert_non_null(strstr(out, "Hjørring &lt;Kommune&gt;"));
	assert_null(strstr(out, "<Kommune>"));
	assert_non_null(strstr(out, "Tallene i figuren"));
	assert_non_null(strstr(out, "data-title=\"Real ændring\""));
	assert_non_null(strstr(out, "4,64 %"));
	assert_null(strstr(out, "style="));	/* no inline style (CSP) */
	buf_cleanup(&b);
}

static void
test_html_lines(void **state)
{
	struct chart_series	s[2] = { { "Nordjylland", index_nj },
	    { "Hele landet", index_dk } };
	struct chart		c = { .kind = CHART_LINES,
	    .title = "Udgiftsudvikling", .label_head = "År", .unit = "",
	    .labels = years, .nlabels = 4, .series = s, .nseries = 2,
	    .baseline = 10000 };
	struct buf		b;
	struct html		h = { &b };
	struct err		e;
	const char		*out;

	(void)state;
	buf_init(&b);
	err_clear(&e);
	assert_int_equal(chart_html(&h, &c, "indeks", &e), 0);
	out = buf_str(&b);
	assert_non_null(strstr(out, "<path"));
	assert_non_null(strstr(out, "stroke-dasharray=\"8 4\""));
	assert_non_null(strstr(out, "chart-base"));
	assert_non_null(strstr(out, "Nordjylland, 2021: 102,1"));
	assert_non_null(strstr(out, "–"));	/* the missing 2023 */
	buf_cleanup(&b);
}

static void
test_bad_charts(void **state)
{
	static const int64_t none[] = { CHART_MISSING, CHART_MISSING,
	    CHART_MISSING };
	struct chart_series	s = { "x", none };
	struct chart		c = bar_chart(&s);
	struct buf		b;
	struct html		h = { &b };
	struct err		e;

	(void)state;
	buf_init(&b);
	err_clear(&e);
	assert_int_equal(chart_html(&h, &c, "x", &e), ERR_INVALID);
	assert_string_equal(e.msg, "Figuren har ingen tal at vise.");
	assert_int_equal(b.len, 0);
	c.nlabels = 0;
	assert_int_equal(chart_check(&c, &e), ERR_INVALID);
	c = bar_chart(&s);
	c.title = "";
	assert_int_equal(chart_check(&c, &e), ERR_INVALID);
	c = bar_chart(&s);
	c.nseries = CHART_SERIES_MAX + 1;
	assert_int_equal(chart_check(&c, &e), ERR_INVALID);
	buf_cleanup(&b);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_axis_bars_hold_values_and_zero),
		cmocka_unit_test(test_axis_lines_fit_values_with_baseline),
		cmocka_unit_test(test_axis_one_value),
		cmocka_unit_test(test_values_danish),
		cmocka_unit_test(test_html_accessible),
		cmocka_unit_test(test_html_lines),
		cmocka_unit_test(test_bad_charts),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
