/*
 * Unit tests for src/http/ui.c: the component kit escapes everything,
 * binds hints and messages with aria-describedby, links the error
 * summary to the fields, and gives table cells their data-title.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include "http/html.h"
#include "http/ui.h"
#include "util/buf.h"

struct out {
	struct buf	b;
	struct html	h;
};

static void
out_init(struct out *o)
{
	buf_init(&o->b);
	o->h.out = &o->b;
}

#define HAS(o, s)	assert_non_null(strstr(buf_str(&(o)->b), (s)))
#define HASNT(o, s)	assert_null(strstr(buf_str(&(o)->b), (s)))

static void
test_field_escapes(void **state)
{
	struct out o;

	(void)state;
	out_init(&o);
	ui_field(&o.h, &(struct ui_field){ .name = "name",
	    .label = "Navn <b>", .value = "\"><script>x</script>",
	    .hint = "a & b" }, NULL);
	HAS(&o, "value=\"&quot;&gt;&lt;script&gt;x&lt;/script&gt;\"");
	HAS(&o, "Navn &lt;b&gt;");
	HAS(&o, "a &amp; b");
	HASNT(&o, "<script>");
	buf_cleanup(&o.b);
}

static void
test_field_error_bound(void **state)
{
	struct out		o;
	struct ui_errors	e;

	(void)state;
	out_init(&o);
	ui_errors_init(&e);
	ui_errors_add(&e, "places", "Angiv et tal");
	ui_field(&o.h, &(struct ui_field){ .name = "places",
	    .label = "Pladser", .hint = "Hele pladser", .suffix = "pladser",
	    .type = UI_NUMBER, .required = true, .maxlength = 6 }, &e);
	HAS(&o, "class=\"form-group form-error\"");
	HAS(&o, "<label class=\"form-label\" for=\"places\">Pladser</label>");
	HAS(&o, "id=\"places-hint\"");
	HAS(&o, "<span class=\"form-error-message\" id=\"places-error\">");
	HAS(&o, "aria-describedby=\"places-hint places-error\" "
	    "aria-invalid=\"true\"");
	HAS(&o, "Angiv et tal");
	HAS(&o, "form-input-wrapper--suffix");
	HAS(&o, "inputmode=\"decimal\"");
	HAS(&o, "maxlength=\"6\" required");
	buf_cleanup(&o.b);

	/* Another field of the same form has no message. */
	out_init(&o);
	ui_field(&o.h, &(struct ui_field){ .name = "name", .label = "Navn" },
	    &e);
	HASNT(&o, "form-error");
	HASNT(&o, "aria-describedby");
	buf_cleanup(&o.b);
}

static void
test_error_summary(void **state)
{
	struct out		o;
	struct ui_errors	e;

	(void)state;
	out_init(&o);
	ui_errors_init(&e);
	ui_error_summary(&o.h, &e);
	assert_int_equal(o.b.len, 0);
	ui_errors_add(&e, "name", "Navnet mangler");
	ui_errors_add(&e, NULL, "Tilbuddet er ændret af en anden <x>");
	ui_error_summary(&o.h, &e);
	HAS(&o, "alert alert-error");
	HAS(&o, "<a class=\"function-link\" href=\"#name\">Navnet mangler</a>");
	HAS(&o, "<li>Tilbuddet er ændret af en anden &lt;x&gt;</li>");
	assert_string_equal(ui_errors_get(&e, "name"), "Navnet mangler");
	assert_null(ui_errors_get(&e, "other"));
	buf_cleanup(&o.b);
}

static void
test_select_first(void **state)
{
	struct out o;

	(void)state;
	out_init(&o);
	ui_select(&o.h, &(struct ui_select){ .name = "kind",
	    .label = "Type", .first = "Alle", .selected = "b",
	    .options = (const struct ui_option[]){ { "a", "A & co" },
	    { "b", "B" } }, .noptions = 2 }, NULL);
	HAS(&o, "<select class=\"form-select\" id=\"kind\" name=\"kind\">"
	    "<option value=\"\">Alle</option>"
	    "<option value=\"a\">A &amp; co</option>"
	    "<option value=\"b\" selected>B</option></select>");
	buf_cleanup(&o.b);
}

static void
test_table_cells(void **state)
{
	static const struct ui_col cols[] = {
		{ "Navn", 0 }, { "Pladser \"i alt\"", UI_COL_NUM },
	};
	struct out	o;
	struct ui_table	t;

	(void)state;
	out_init(&o);
	ui_table_begin(&t, &o.h, NULL, cols, 2);
	ui_row(&t);
	ui_cell(&t, "Kompasset <1>");
	ui_cell_int(&t, 1234);
	ui_table_end(&t);
	HAS(&o, "<div class=\"table--responsive-scroll\" tabindex=\"0\">");
	HAS(&o, "table--responsive-headers");
	HAS(&o, "<th scope=\"col\" class=\"num\">Pladser &quot;i alt&quot;</th>");
	HAS(&o, "<td data-title=\"Navn\">Kompasset &lt;1&gt;</td>");
	HAS(&o, "<td data-title=\"Pladser &quot;i alt&quot;\" class=\"num\">"
	    "1.234</td>");
	HAS(&o, "</tr></tbody></table></div>");
	buf_cleanup(&o.b);
}

static void
test_alert_badge_facts(void **state)
{
	struct out o;

	(void)state;
	out_init(&o);
	ui_alert(&o.h, UI_ERROR, "Fejl", "<x>");
	ui_badge(&o.h, UI_SUCCESS, "Godkendt");
	ui_facts_begin(&o.h);
	ui_fact(&o.h, "Note", NULL);
	ui_facts_end(&o.h);
	HAS(&o, "<div class=\"alert alert-error\" role=\"alert\">");
	HAS(&o, "<p class=\"alert-heading\">Fejl</p>"
	    "<p class=\"alert-text\">&lt;x&gt;</p>");
	HAS(&o, "<span class=\"badge badge-success\">Godkendt</span>");
	HAS(&o, "<dl class=\"facts\"><dt>Note</dt><dd>–</dd></dl>");
	buf_cleanup(&o.b);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_field_escapes),
		cmocka_unit_test(test_field_error_bound),
		cmocka_unit_test(test_error_summary),
		cmocka_unit_test(test_select_first),
		cmocka_unit_test(test_table_cells),
		cmocka_unit_test(test_alert_badge_facts),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
