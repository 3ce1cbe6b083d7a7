/*
 * Unit tests for src/report/ical.c. Python's icalendar is not installed
 * and libical is not a dependency, so the calendar is checked by a
 * strict mini-validator here: CRLF only, no physical line over 75
 * octets, every physical line valid UTF-8 (a fold never splits a
 * sequence), unfolding gives back the text, components nest, and the
 * properties RFC 5545 requires are present exactly once.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "meeting_fixture.h"
#include "report/ical.h"
#include "report/meeting_fmt.h"
#include "report/meeting_view.h"
#include "util/buf.h"
#include "util/err.h"
#include "util/text.h"

#define NOW	"2011-10-01T12:00:00Z"
#define SITE	"https://ramme.example.dk"

/* Content lines after unfolding, each NUL-terminated. */
struct lines {
	char	**line;
	size_t	  n;
};

static void
lines_free(struct lines *l)
{
	size_t	i;

	for (i = 0; i < l->n; i++)
		free(l->line[i]);
	free(l->line);
	l->line = NULL;
	l->n = 0;
}

/*
 * Check the physical form of an iCalendar text and unfold it into out.
 * Fails the test on any violation.
 */
static void
validate_physical(const char *s, size_t len, struct lines *out)
{
	struct buf	 cur;
	const char	*p = s, *eol;
	size_t		 n;

	memset(out, 0, sizeof(*out));
	buf_init(&cur);
	assert_true(text_utf8_valid(s, len));
	assert_true(len >= 2 && s[len - 2] == '\r' && s[len - 1] == '\n');
	while (p < s + len) {
		eol = strstr(p, "\r\n");
		assert_non_null(eol);
		n = (size_t)(eol - p);
		/* No bare CR or LF inside a line. */
		assert_null(memchr(p, '\n', n));
		assert_null(memchr(p, '\r', n));
		if (n > 75) {
			fprintf(stderr, "line of %zu octets: %.*s\n", n,
			    (int)n, p);
			fail();
		}
		/* Each physical line is whole UTF-8 by itself. */
		assert_true(text_utf8_valid(p, n));
		assert_true(n > 0);
		if (*p == ' ' || *p == '\t') {
			assert_true(out->n > 0 || cur.len > 0);
			buf_append(&cur, p + 1, n - 1);
		} else {
			if (cur.len > 0 || p != s) {
				out->line = realloc(out->line,
				    (out->n + 1) * sizeof(char *));
				out->line[out->n++] = buf_release(&cur, NULL);
			}
			buf_append(&cur, p, n);
		}
		p = eol + 2;
	}
	out->line = realloc(out->line, (out->n + 1) * sizeof(char *));
	out->line[out->n++] = buf_release(&cur, NULL);
}

/* Undo TEXT escaping; fails on an unknown escape. */
static void
unescape(struct buf *out, const char *v)
{
	for (; *v != '\0'; v++) {
		if (*v != '\\') {
			/* Unescaped specials may not occur in TEXT. */
			assert_true(*v != ';' && *v != ',');
			buf_putc(out, *v);
			continue;
		}
		v++;
		switch (*v) {
		case '\\': case ';': case ',':
			buf_putc(out, *v);
			break;
		case 'n': case 'N':
			buf_putc(out, '\n');
			break;
		default:
			fail_msg("bad escape \\%c", *v);
		}
	}
}

/* The value of the first property name (with or without parameters)
   between lines [from, to), or NULL. */
static const char *
prop(const struct lines *l, size_t from, size_t to, const char *name,
    const char **params)
{
	size_t	i, n = strlen(name);

	for (i = from; i < to; i++) {
		if (strncmp(l->line[i], name, n) != 0 ||
		    (l->line[i][n] != ':' && l->line[i][n] != ';'))
			continue;
		if (params != NULL)
			*params = l->line[i] + n;
		return strchr(l->line[i] + n, ':') + 1;
	}
	return NULL;
}

static size_t
count_prop(const struct lines *l, size_t from, size_t to, const char *name)
{
	size_t	i, n = strlen(name), k = 0;

	for (i = from; i < to; i++)
		if (strncmp(l->line[i], name, n) == 0 &&
		    (l->line[i][n] == ':' || l->line[i][n] == ';'))
			k++;
	return k;
}

/* Check nesting and required properties; returns the event count. */
static size_t
validate_structure(const struct lines *l)
{
	const char	*stack[8];
	size_t		 depth = 0, i, events = 0, ev_start = 0;
	char		 uids[16][128];
	size_t		 nuids = 0, k;

	assert_string_equal(l->line[0], "BEGIN:VCALENDAR");
	assert_string_equal(l->line[l->n - 1], "END:VCALENDAR");
	for (i = 0; i < l->n; i++) {
		/* Every content line is NAME[;params]:value. */
		assert_non_null(strchr(l->line[i], ':'));
		if (strncmp(l->line[i], "BEGIN:", 6) == 0) {
			assert_true(depth < 8);
			stack[depth++] = l->line[i] + 6;
			if (strcmp(l->line[i] + 6, "VEVENT") == 0)
				ev_start = i;
		} else if (strncmp(l->line[i], "END:", 4) == 0) {
			assert_true(depth > 0);
			assert_string_equal(stack[depth - 1], l->line[i] + 4);
			depth--;
			if (strcmp(l->line[i] + 4, "VEVENT") == 0) {
				const char *uid, *params = "";

				events++;
				assert_int_equal(count_prop(l, ev_start, i,
				    "UID"), 1);
				assert_int_equal(count_prop(l, ev_start, i,
				    "DTSTAMP"), 1);
				assert_int_equal(count_prop(l, ev_start, i,
				    "DTSTART"), 1);
				assert_true(count_prop(l, ev_start, i,
				    "DTEND") <= 1);
				assert_non_null(prop(l, ev_start, i,
				    "DTSTART", &params));
				assert_true(strncmp(params,
				    ";TZID=Europe/Copenhagen:", 24) == 0 ||
				    strncmp(params, ";VALUE=DATE:", 12) == 0);
				uid = prop(l, ev_start, i, "UID", NULL);
				for (k = 0; k < nuids; k++)
					assert_string_not_equal(uids[k], uid);
				assert_true(nuids < 16);
				snprintf(uids[nuids++], 128, "%s", uid);
			}
		}
	}
	assert_int_equal(depth, 0);
	assert_int_equal(count_prop(l, 0, l->n, "VERSION"), 1);
	assert_string_equal(prop(l, 0, l->n, "VERSION", NULL), "2.0");
	assert_int_equal(count_prop(l, 0, l->n, "PRODID"), 1);
	assert_int_equal(count_prop(l, 0, l->n, "TZID"), 1);
	assert_string_equal(prop(l, 0, l->n, "TZID", NULL),
	    "Europe/Copenhagen");
	assert_int_equal(count_prop(l, 0, l->n, "TZOFFSETTO"), 2);
	return events;
}

/* Lines [*from, *to) of the nth (from 1) VEVENT. */
static void
event_range(const struct lines *l, size_t nth, size_t *from, size_t *to)
{
	size_t	i, k = 0;

	for (i = 0; i < l->n; i++) {
		if (strcmp(l->line[i], "BEGIN:VEVENT") == 0 && ++k == nth)
			*from = i;
		if (strcmp(l->line[i], "END:VEVENT") == 0 && k == nth) {
			*to = i;
			return;
		}
	}
	fail_msg("no event %zu", nth);
}

/* Render v[0..n) and validate; the unfolded lines in *l. */
static void
render(const struct meeting_view *v, size_t n, bool include_closed,
    struct buf *b, struct lines *l)
{
	struct err	e;

	buf_reset(b);
	assert_int_equal(ical_write(b, "Møder i Socialdirektørkredsen", SITE,
	    v, n, include_closed, NOW, &e), 0);
	validate_physical(b->data, b->len, l);
	assert_int_equal(validate_structure(l), n);
}

static void
test_feed(void **state)
{
	struct meeting_fixture	 f;
	struct buf		 b, t;
	struct lines		 l;
	const char		*s;
	size_t			 from = 0, to = 0;

	(void)state;
	meeting_fixture_init(&f);		/* url "/moeder/7" */
	buf_init(&b);
	buf_init(&t);
	render(&f.v, 1, false, &b, &l);
	assert_string_equal(prop(&l, 0, l.n, "METHOD", NULL), "PUBLISH");
	unescape(&t, prop(&l, 0, l.n, "X-WR-CALNAME", NULL));
	assert_string_equal(buf_str(&t), "Møder i Socialdirektørkredsen");
	/* The time zone's rules: summer time from the last Sunday of
	   March, winter time from the last Sunday of October. */
	assert_non_null(strstr(buf_str(&b), "BEGIN:DAYLIGHT\r\n"
	    "TZOFFSETFROM:+0100\r\nTZOFFSETTO:+0200\r\nTZNAME:CEST\r\n"
	    "DTSTART:19700329T020000\r\n"
	    "RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU\r\n"));
	assert_non_null(strstr(buf_str(&b), "BEGIN:STANDARD\r\n"
	    "TZOFFSETFROM:+0200\r\nTZOFFSETTO:+0100\r\nTZNAME:CET\r\n"
	    "DTSTART:19701025T030000\r\n"
	    "RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU\r\n"));

	event_range(&l, 1, &from, &to);
	assert_string_equal(prop(&l, from, to, "UID", NULL),
	    "meeting-7@ramme");
	assert_string_equal(prop(&l, from, to, "DTSTAMP", NULL),
	    "20111001T120000Z");
	assert_string_equal(prop(&l, from, to, "DTSTART", NULL),
	    "20111006T130000");
	assert_string_equal(prop(&l, from, to, "DTEND", NULL),
	    "20111006T160000");
	assert_string_equal(prop(&l, from, to, "CREATED", NULL),
	    "20110901T080000Z");
	assert_string_equal(prop(&l, from, to, "LAST-MODIFIED", NULL),
	    "20111020T093000Z");
	assert_string_equal(prop(&l, from, to, "STATUS", NULL), "CONFIRMED");
	assert_string_equal(prop(&l, from, to, "URL", NULL),
	    "https://ramme.example.dk/moeder/7");
	/* 49 days 1.5 hours between created and updated, in minutes. */
	assert_string_equal(prop(&l, from, to, "SEQUENCE", NULL), "70650");
	buf_reset(&t);
	unescape(&t, prop(&l, from, to, "SUMMARY", NULL));
	assert_string_equal(buf_str(&t), "Møde i Socialdirektørkredsen");
	buf_reset(&t);
	unescape(&t, prop(&l, from, to, "LOCATION", NULL));
	assert_string_equal(buf_str(&t),
	    "Boulevarden 13, repræsentationslokale 3");
	buf_reset(&t);
	s = prop(&l, from, to, "DESCRIPTION", NULL);
	unescape(&t, s);
	assert_non_null(strstr(buf_str(&t), "\n1. Godkendelse af dagsorden\n"));
	assert_non_null(strstr(buf_str(&t), "3. Drøftelse af forslag til "
	    "eventuelle emner i den økonomiske styringsaftale (HETH)\n"));
	assert_non_null(strstr(buf_str(&t), "7. Næste møde\n\n"
	    "https://ramme.example.dk/moeder/7"));
	/* The description is long enough to have been folded. */
	assert_true(strlen(s) > 75);
	lines_free(&l);
	buf_cleanup(&b);
	buf_cleanup(&t);
}

/* A title that already names its presenter: "(Thomas)" once, not twice. */
static void
test_presenter_once(void **state)
{
	struct meeting_fixture	 f;
	struct buf		 b, t;
	struct lines		 l;
	size_t			 from = 0, to = 0;

	(void)state;
	meeting_fixture_init(&f);
	f.items[2].title = "Status på Halfway House (Thomas) ";
	f.items[2].presenter = "Thomas";
	f.items[4].presenter = "Thomas";
	buf_init(&b);
	buf_init(&t);
	render(&f.v, 1, false, &b, &l);
	event_range(&l, 1, &from, &to);
	unescape(&t, prop(&l, from, to, "DESCRIPTION", NULL));
	assert_non_null(strstr(buf_str(&t),
	    "3. Status på Halfway House (Thomas) \n"));
	assert_null(strstr(buf_str(&t), "(Thomas) (Thomas)"));
	/* A title without the name still gets it. */
	assert_non_null(strstr(buf_str(&t), " (Thomas)\n"));
	assert_true(meeting_fmt_title_names("Kategorisering (HETH)", "HETH"));
	assert_false(meeting_fmt_title_names("Kategorisering (HETH)", "ETH"));
	assert_false(meeting_fmt_title_names("HETH", "HETH"));
	assert_false(meeting_fmt_title_names(NULL, "HETH"));
	lines_free(&l);
	buf_cleanup(&b);
	buf_cleanup(&t);
}

static void
test_closed(void **state)
{
	struct meeting_fixture	 f;
	struct buf		 b, t;
	struct lines		 l;

	(void)state;
	meeting_fixture_init(&f);
	buf_init(&b);
	buf_init(&t);
	render(&f.v, 1, false, &b, &l);
	assert_null(fixture_marker_in(buf_str(&b)));
	lines_free(&l);

	/* The members' feed names the closed item, marked as closed. */
	render(&f.v, 1, true, &b, &l);
	unescape(&t, prop(&l, 0, l.n, "DESCRIPTION", NULL));
	assert_non_null(strstr(buf_str(&t),
	    "4. ZEBRAFINK personalesag (ZQXW) [lukket punkt]"));
	lines_free(&l);
	buf_cleanup(&b);
	buf_cleanup(&t);
}

static void
test_escape_and_fold(void **state)
{
	struct meeting_fixture	 f;
	struct buf		 b, t, title, want;
	struct lines		 l;
	int			 i;

	(void)state;
	meeting_fixture_init(&f);
	buf_init(&b);
	buf_init(&t);
	buf_init(&title);
	buf_init(&want);
	/* Specials, a newline and a CR LF, then 2-byte and 3-byte letters
	   at every offset so some fold falls inside a sequence. */
	buf_puts(&title, "Punkt 1, 2; 3\\4\nny linje\r\nslut ");
	buf_puts(&want, "Punkt 1, 2; 3\\4\nny linje\nslut ");
	for (i = 0; i < 60; i++) {
		const char *s = i % 3 == 0 ? "ø" : i % 3 == 1 ? "€a" : "Å";

		buf_puts(&title, s);
		buf_puts(&want, s);
	}
	f.v.title = buf_str(&title);
	render(&f.v, 1, false, &b, &l);
	assert_non_null(strstr(buf_str(&b),
	    "SUMMARY:Punkt 1\\, 2\\; 3\\\\4\\nny linje\\nslut "));
	unescape(&t, prop(&l, 0, l.n, "SUMMARY", NULL));
	assert_string_equal(buf_str(&t), buf_str(&want));
	lines_free(&l);

	/* Control characters and invalid UTF-8 do not break the form. */
	f.v.title = "Bad \xff\x01 title\x7f";
	render(&f.v, 1, false, &b, &l);
	buf_reset(&t);
	unescape(&t, prop(&l, 0, l.n, "SUMMARY", NULL));
	assert_string_equal(buf_str(&t), "Bad \xef\xbf\xbd title");
	lines_free(&l);
	buf_cleanup(&b);
	buf_cleanup(&t);
	buf_cleanup(&title);
	buf_cleanup(&want);
}

static void
test_cancelled_and_states(void **state)
{
	struct meeting_fixture	 f, g, h;
	struct meeting_view	 v[3];
	struct buf		 b, t;
	struct lines		 l;
	size_t			 from = 0, to = 0;

	(void)state;
	meeting_fixture_init(&f);
	meeting_fixture_init(&g);
	meeting_fixture_init(&h);
	g.v.id = 8;
	g.v.uid = "meeting-8@ramme";
	g.v.cancelled = true;
	g.v.state = "aflyst";
	g.v.start = "2011-12-14T09:00";
	g.v.end = NULL;
	h.v.id = 9;
	h.v.uid = NULL;			/* falls back to meeting-9@ramme */
	h.v.state = "planlagt";
	h.v.updated_at = NULL;
	v[0] = f.v;
	v[1] = g.v;
	v[2] = h.v;
	buf_init(&b);
	buf_init(&t);
	render(v, 3, false, &b, &l);

	event_range(&l, 1, &from, &to);
	assert_string_equal(prop(&l, from, to, "STATUS", NULL), "CONFIRMED");

	event_range(&l, 2, &from, &to);
	assert_string_equal(prop(&l, from, to, "STATUS", NULL), "CANCELLED");
	unescape(&t, prop(&l, from, to, "SUMMARY", NULL));
	assert_string_equal(buf_str(&t),
	    "AFLYST: Møde i Socialdirektørkredsen");
	buf_reset(&t);
	unescape(&t, prop(&l, from, to, "DESCRIPTION", NULL));
	assert_true(strncmp(buf_str(&t), "Mødet er aflyst.", 17) == 0);
	assert_string_equal(prop(&l, from, to, "DTSTART", NULL),
	    "20111214T090000");
	assert_null(prop(&l, from, to, "DTEND", NULL));

	event_range(&l, 3, &from, &to);
	assert_string_equal(prop(&l, from, to, "STATUS", NULL), "TENTATIVE");
	assert_string_equal(prop(&l, from, to, "UID", NULL), "meeting-9@ramme");
	assert_string_equal(prop(&l, from, to, "SEQUENCE", NULL), "0");
	assert_null(prop(&l, from, to, "LAST-MODIFIED", NULL));

	/* Still a PUBLISH calendar: subscribers keep the cancelled one. */
	assert_int_equal(count_prop(&l, 0, l.n, "METHOD"), 1);
	assert_string_equal(prop(&l, 0, l.n, "METHOD", NULL), "PUBLISH");
	lines_free(&l);
	buf_cleanup(&b);
	buf_cleanup(&t);
}

static void
test_empty_and_invalid(void **state)
{
	struct meeting_fixture	 f;
	struct buf		 b;
	struct lines		 l;
	struct err		 e;

	(void)state;
	meeting_fixture_init(&f);
	buf_init(&b);
	render(NULL, 0, false, &b, &l);
	lines_free(&l);

	/* A meeting whose times cannot be read is left out, not the rest. */
	buf_reset(&b);
	f.v.start = "6. oktober";
	assert_int_equal(ical_write(&b, NULL, NULL, &f.v, 1, false, NOW, &e),
	    0);
	assert_null(strstr(buf_str(&b), "BEGIN:VEVENT"));
	assert_non_null(strstr(buf_str(&b), "END:VCALENDAR"));
	buf_reset(&b);
	f.v.start = "2011-10-06T13:00";
	f.v.end = "2011-10-06T12:00";
	assert_int_equal(ical_write(&b, NULL, NULL, &f.v, 1, false, NOW, &e),
	    0);
	assert_null(strstr(buf_str(&b), "BEGIN:VEVENT"));
	f.v.end = NULL;
	buf_reset(&b);
	buf_puts(&b, "keep");
	assert_int_equal(ical_write(&b, NULL, NULL, &f.v, 1, false, "nu", &e),
	    ERR_INVALID);
	assert_string_equal(e.key, "invalid_now");
	assert_string_equal(buf_str(&b), "keep");
	/* A site-relative URL without a site: no URL property. */
	buf_reset(&b);
	assert_int_equal(ical_write(&b, NULL, NULL, &f.v, 1, false, NOW, &e),
	    0);
	assert_null(strstr(buf_str(&b), "\r\nURL:"));
	assert_null(strstr(buf_str(&b), "X-WR-CALNAME"));
	buf_cleanup(&b);
}

/* Steps of the annual cycle: all-day events after the meetings. */
static void
test_days(void **state)
{
	struct meeting_fixture	 f;
	struct ical_day		 d[2];
	struct buf		 b;
	struct lines		 l;
	struct err		 e;
	const char		*s;

	(void)state;
	meeting_fixture_init(&f);
	memset(d, 0, sizeof(d));
	d[0] = (struct ical_day){ .uid = "cycle-hearing_deadline-2026@ramme",
	    .date = "2026-12-15", .summary = "Frist for høringen, alle parter",
	    .description = "Årshjul 2026", .url = "/aarshjul?aar=2026",
	    .category = "Årshjul" };
	d[1] = (struct ical_day){ .uid = "cycle-x-2026@ramme",
	    .date = "2026-12-31", .summary = "Nytår" };
	buf_init(&b);
	assert_int_equal(ical_write_days(&b, "Møder og årshjul", SITE, &f.v,
	    1, d, 2, false, NOW, &e), 0);
	validate_physical(b.data, b.len, &l);
	assert_int_equal(validate_structure(&l), 3);
	lines_free(&l);
	s = buf_str(&b);
	assert_non_null(strstr(s, "\r\nUID:cycle-hearing_deadline-2026@ramme"
	    "\r\n"));
	assert_non_null(strstr(s, "\r\nDTSTART;VALUE=DATE:20261215\r\n"
	    "DTEND;VALUE=DATE:20261216\r\n"));
	assert_non_null(strstr(s, "\r\nDTEND;VALUE=DATE:20270101\r\n"));
	assert_non_null(strstr(s, "SUMMARY:Frist for høringen\\, alle "
	    "parter\r\n"));
	assert_non_null(strstr(s, "\r\nURL:" SITE "/aarshjul?aar=2026\r\n"));
	assert_non_null(strstr(s, "\r\nTRANSP:TRANSPARENT\r\n"));
	/* The meeting comes first, unchanged. */
	assert_true(strstr(s, "UID:meeting-") < strstr(s, "UID:cycle-"));

	/* A day whose date cannot be read is left out, the other kept. */
	buf_reset(&b);
	d[1].date = "2026-02-30";
	assert_int_equal(ical_write_days(&b, NULL, SITE, NULL, 0, d, 2, false,
	    NOW, &e), 0);
	s = buf_str(&b);
	assert_non_null(strstr(s, "UID:cycle-hearing_deadline-2026@ramme"));
	assert_null(strstr(s, "20260230"));
	buf_cleanup(&b);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_feed),
		cmocka_unit_test(test_presenter_once),
		cmocka_unit_test(test_closed),
		cmocka_unit_test(test_escape_and_fold),
		cmocka_unit_test(test_cancelled_and_states),
		cmocka_unit_test(test_empty_and_invalid),
		cmocka_unit_test(test_days),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
