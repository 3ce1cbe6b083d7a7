/*
 * Unit tests for src/report/rss.c: which meetings become items, their
 * order, dates, links and guids, escaping, and that closed items and
 * draft minutes never reach the feed. Well-formedness is checked by
 * Python's XML parser when python3 is installed.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>
#include <cmocka.h>

#include "meeting_fixture.h"
#include "tool.h"
#include "report/meeting_view.h"
#include "report/rss.h"
#include "util/buf.h"
#include "util/err.h"
#include "util/text.h"

#define SITE	"https://ramme.example.dk"
#define NOW	"2011-12-15T08:00:00Z"

static size_t
count(const char *s, const char *what)
{
	size_t	n = 0;

	while ((s = strstr(s, what)) != NULL) {
		n++;
		s += strlen(what);
	}
	return n;
}

/* Parse doc with python3's XML parser (tool.h: python3 is required). */
static void
assert_well_formed(const struct buf *doc)
{
	char	 path[] = "/tmp/ramme-rss-XXXXXX";
	char	 cmd[256];
	FILE	*fp;
	int	 fd, rc;

	assert_true((fd = mkstemp(path)) >= 0);
	assert_true((fp = fdopen(fd, "wb")) != NULL);
	assert_int_equal(fwrite(doc->data, 1, doc->len, fp), doc->len);
	fclose(fp);
	snprintf(cmd, sizeof(cmd), "python3 -c 'import sys, xml.dom.minidom; "
	    "d = xml.dom.minidom.parse(sys.argv[1]); "
	    "assert d.documentElement.tagName == \"rss\"' %s 2>&1", path);
	rc = system(cmd);
	unlink(path);
	if (WIFEXITED(rc) && WEXITSTATUS(rc) == 127 &&
	    !tool_need("python3", "python3"))
		return;
	assert_int_equal(rc, 0);
}

static void
render(const struct meeting_view *v, size_t n, bool include_closed,
    struct buf *b)
{
	struct err	e;

	buf_reset(b);
	assert_int_equal(rss_write(b, "Referater – Rammeaftale Nordjylland",
	    SITE, v, n, include_closed, NOW, &e), 0);
	assert_true(text_utf8_valid(b->data, b->len));
}

static void
test_feed(void **state)
{
	struct meeting_fixture	 f, g, h, k;
	struct meeting_view	 v[4];
	struct buf		 b;
	const char		*s, *first, *second;

	(void)state;
	meeting_fixture_init(&f);
	meeting_fixture_init(&g);
	meeting_fixture_init(&h);
	meeting_fixture_init(&k);
	/* g: approved later than f, so it comes first. */
	g.v.id = 8;
	g.v.uid = "meeting-8@ramme";
	g.v.url = "https://andet.example.dk/m/8";
	g.v.title = "Møde i DAS";
	g.v.start = "2011-11-10T10:00";
	g.v.minutes_approved_at = "2012-01-20T10:00:00Z";
	/* h: draft minutes — not published. */
	h.v.id = 9;
	h.v.state = "referat_udkast";
	h.v.minutes_approved_at = NULL;
	h.v.title = "UDKASTMØDE";
	/* k: cancelled — no minutes. */
	k.v.id = 10;
	k.v.state = "aflyst";
	k.v.cancelled = true;
	k.v.title = "AFLYSTMØDE";
	v[0] = f.v;
	v[1] = g.v;
	v[2] = h.v;
	v[3] = k.v;
	buf_init(&b);
	render(v, 4, false, &b);
	assert_well_formed(&b);
	s = buf_str(&b);
	assert_true(strncmp(s, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
	    "<rss version=\"2.0\">", 56) == 0);
	assert_non_null(strstr(s, "<title>Referater – Rammeaftale "
	    "Nordjylland</title>"));
	assert_non_null(strstr(s, "<link>" SITE "</link>"));
	assert_non_null(strstr(s, "<language>da</language>"));
	assert_non_null(strstr(s, "<lastBuildDate>Thu, 15 Dec 2011 08:00:00 "
	    "+0000</lastBuildDate>"));
	assert_int_equal(count(s, "<item>"), 2);
	assert_null(strstr(s, "UDKASTMØDE"));
	assert_null(strstr(s, "AFLYSTMØDE"));

	first = strstr(s, "<item>");
	second = strstr(first + 1, "<item>");
	assert_non_null(strstr(first, "<title>Referat: Møde i DAS, "
	    "10. november 2011</title>"));
	assert_true(strstr(first, "Møde i DAS") < second);
	assert_non_null(strstr(first, "<guid isPermaLink=\"true\">"
	    "https://andet.example.dk/m/8</guid>"));
	assert_non_null(strstr(first, "<pubDate>Fri, 20 Jan 2012 10:00:00 "
	    "+0000</pubDate>"));
	assert_non_null(strstr(second, "<title>Referat: Møde i "
	    "Socialdirektørkredsen, 6. oktober 2011</title>"));
	assert_non_null(strstr(second, "<link>" SITE "/moeder/7</link>"));
	assert_non_null(strstr(second, "<guid isPermaLink=\"true\">" SITE
	    "/moeder/7</guid>"));
	assert_non_null(strstr(second, "<pubDate>Wed, 14 Dec 2011 15:00:00 "
	    "+0000</pubDate>"));
	assert_non_null(strstr(second, "<category>Socialdirektørkredsen"
	    "</category>"));
	/* The decisions, as an escaped HTML fragment. */
	assert_non_null(strstr(second, "&lt;h3&gt;1. Godkendelse af dagsorden"
	    "&lt;/h3&gt;&lt;p&gt;&lt;strong&gt;Beslutning:&lt;/strong&gt; "
	    "godkendt&lt;/p&gt;"));
	assert_non_null(strstr(second, FIXTURE_OPEN_MINUTES));
	/* Item 7 has no decision and is left out of the description. */
	assert_null(strstr(second, "Næste møde"));
	buf_cleanup(&b);
}

static void
test_closed(void **state)
{
	struct meeting_fixture	 f;
	struct buf		 b;

	(void)state;
	meeting_fixture_init(&f);
	buf_init(&b);
	render(&f.v, 1, false, &b);
	assert_null(fixture_marker_in(buf_str(&b)));
	/* The members' variant shows the closed item's decision. */
	render(&f.v, 1, true, &b);
	assert_non_null(strstr(buf_str(&b), "ZEBRAFINK"));
	assert_non_null(strstr(buf_str(&b), "OKAPIREFERAT"));
	assert_non_null(strstr(buf_str(&b), "TAPIRRESULTAT"));
	assert_non_null(strstr(buf_str(&b), "(lukket punkt)"));
	buf_cleanup(&b);
}

static void
test_escaping(void **state)
{
	struct meeting_fixture	 f;
	struct buf		 b;

	(void)state;
	meeting_fixture_init(&f);
	f.v.title = "R&D <møde> \"citat\" 'x' \xff\x01\xef\xbf\xbe";
	f.items[0].result = "<b>godkendt</b> & mere";
	f.v.url = NULL;			/* no link: guid is the uid */
	buf_init(&b);
	render(&f.v, 1, false, &b);
	assert_well_formed(&b);
	assert_non_null(strstr(buf_str(&b), "<title>Referat: R&amp;D "
	    "&lt;møde&gt; &quot;citat&quot; &apos;x&apos; \xef\xbf\xbd, "
	    "6. oktober 2011</title>"));
	/* HTML-escaped into the fragment, then XML-escaped. */
	assert_non_null(strstr(buf_str(&b), "&amp;lt;b&amp;gt;godkendt"
	    "&amp;lt;/b&amp;gt; &amp;amp; mere"));
	assert_non_null(strstr(buf_str(&b),
	    "<guid isPermaLink=\"false\">meeting-7@ramme</guid>"));
	assert_null(strstr(buf_str(&b), "<link>" SITE "/"));
	buf_cleanup(&b);
}

static void
test_invalid(void **state)
{
	struct meeting_fixture	 f;
	struct buf		 b;
	struct err		 e;

	(void)state;
	meeting_fixture_init(&f);
	buf_init(&b);
	assert_int_equal(rss_write(&b, "T", "ramme.example.dk", &f.v, 1, false,
	    NOW, &e), ERR_INVALID);
	assert_string_equal(e.key, "invalid_site_url");
	assert_int_equal(rss_write(&b, "T", SITE, &f.v, 1, false, "i dag",
	    &e), ERR_INVALID);
	assert_string_equal(e.key, "invalid_now");
	assert_int_equal(b.len, 0);
	/* No meetings: a valid, empty channel. */
	render(NULL, 0, false, &b);
	assert_int_equal(count(buf_str(&b), "<item>"), 0);
	/* An approved meeting with nothing else filled in. */
	memset(&f.v, 0, sizeof(f.v));
	f.v.state = "referat_godkendt";
	f.v.id = 3;
	render(&f.v, 1, false, &b);
	assert_non_null(strstr(buf_str(&b), "<title>Referat: Møde</title>"));
	assert_non_null(strstr(buf_str(&b),
	    "<guid isPermaLink=\"false\">meeting-3@ramme</guid>"));
	assert_non_null(strstr(buf_str(&b),
	    "<pubDate>Thu, 01 Jan 1970 00:00:00 +0000</pubDate>"));
	buf_cleanup(&b);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_feed),
		cmocka_unit_test(test_closed),
		cmocka_unit_test(test_escaping),
		cmocka_unit_test(test_invalid),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
