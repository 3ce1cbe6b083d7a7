/*
 * html — escaping HTML writer (see html.h).
 */
#include <string.h>
#include <strings.h>

#include "http/html.h"
#include "util/buf.h"
#include "util/text.h"

void
html_raw_(struct html *h, const char *literal)
{
	buf_puts(h->out, literal);
}

static void
escape(struct buf *b, const char *s)
{
	const char *p, *start = s;

	for (p = s; *p != '\0'; p++) {
		const char *rep;
		switch (*p) {
		case '&':	rep = "&amp;"; break;
		case '<':	rep = "&lt;"; break;
		case '>':	rep = "&gt;"; break;
		case '"':	rep = "&quot;"; break;
		case '\'':	rep = "&#39;"; break;
		default:	continue;
		}
		buf_append(b, start, (size_t)(p - start));
		buf_puts(b, rep);
		start = p + 1;
	}
	buf_append(b, start, (size_t)(p - start));
}

void
html_text(struct html *h, const char *s)
{
	if (s != NULL)
		escape(h->out, s);
}

void
html_attr(struct html *h, const char *name, const char *value)
{
	if (value == NULL)
		return;
	buf_putc(h->out, ' ');
	buf_puts(h->out, name);
	buf_puts(h->out, "=\"");
	escape(h->out, value);
	buf_putc(h->out, '"');
}

void
html_url(struct html *h, const char *name, const char *url)
{
	int ok;

	ok = url != NULL && ((url[0] == '/' && url[1] != '/') || url[0] == '?' ||
	    url[0] == '#' ||
	    strncasecmp(url, "https://", 8) == 0 ||
	    strncasecmp(url, "http://", 7) == 0 ||
	    strncasecmp(url, "mailto:", 7) == 0);
	html_attr(h, name, ok ? url : "#");
}

void
html_int(struct html *h, int64_t v)
{
	text_format_int_da(h->out, v);
}

void
html_centi(struct html *h, int64_t centi)
{
	text_format_centi_da(h->out, centi);
}

void
html_date(struct html *h, const char *iso)
{
	struct buf b;

	buf_init(&b);
	text_format_date_da(&b, iso);
	escape(h->out, buf_str(&b));
	buf_cleanup(&b);
}

void
html_time(struct html *h, const char *iso)
{
	struct buf	b;
	int64_t		t;

	if (iso == NULL)
		return;
	if (text_parse_timestamp(iso, &t) != 0) {
		escape(h->out, iso);
		return;
	}
	HTML_LIT(h, "<time");
	html_attr(h, "datetime", iso);
	HTML_LIT(h, ">");
	buf_init(&b);
	text_format_time_da(&b, t);
	escape(h->out, buf_str(&b));
	buf_cleanup(&b);
	HTML_LIT(h, "</time>");
}
