/*
 * rss — RSS 2.0 feed of approved minutes (see rss.h).
 *
 * The item description is an HTML fragment carried as escaped text, the
 * way RSS readers expect it: data is first HTML-escaped into the
 * fragment, then the whole fragment is XML-escaped into <description>.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "report/meeting_fmt.h"
#include "report/meeting_view.h"
#include "report/rss.h"
#include "util/buf.h"
#include "util/err.h"
#include "util/mem.h"

struct rss_entry {
	int64_t		 published;	/* approval time, seconds UTC */
	size_t		 index;		/* into views */
};

/*
 * Append s escaped for XML character data and attributes, as clean
 * UTF-8 without the noncharacters U+FFFE and U+FFFF (not XML chars).
 */
static void
xml_text(struct buf *out, const char *s)
{
	struct buf	 clean;
	const char	*p;

	if (s == NULL)
		return;
	buf_init(&clean);
	meeting_fmt_utf8(&clean, s);
	for (p = buf_str(&clean); *p != '\0'; p++) {
		switch (*p) {
		case '&':	buf_puts(out, "&amp;"); break;
		case '<':	buf_puts(out, "&lt;"); break;
		case '>':	buf_puts(out, "&gt;"); break;
		case '"':	buf_puts(out, "&quot;"); break;
		case '\'':	buf_puts(out, "&apos;"); break;
		default:
			if ((unsigned char)p[0] == 0xef &&
			    (unsigned char)p[1] == 0xbf &&
			    ((unsigned char)p[2] == 0xbe ||
			    (unsigned char)p[2] == 0xbf)) {
				p += 2;
				break;
			}
			buf_putc(out, *p);
			break;
		}
	}
	buf_cleanup(&clean);
}

/* HTML-escape s into the fragment; newlines become paragraph breaks. */
static void
html_text(struct buf *out, const char *s)
{
	const char	*p;

	for (p = s; *p != '\0'; p++) {
		switch (*p) {
		case '&':	buf_puts(out, "&amp;"); break;
		case '<':	buf_puts(out, "&lt;"); break;
		case '>':	buf_puts(out, "&gt;"); break;
		case '"':	buf_puts(out, "&quot;"); break;
		case '\'':	buf_puts(out, "&#39;"); break;
		case '\r':	break;
		case '\n':	buf_puts(out, "<br>"); break;
		default:	buf_putc(out, *p); break;
		}
	}
}

/* "Thu, 06 Oct 2011 14:00:00 +0000" (RFC 822 with a 4-digit year). */
static void
rfc822(struct buf *out, int64_t t)
{
	static const char *wday[] = { "Sun", "Mon", "Tue", "Wed", "Thu",
	    "Fri", "Sat" };
	static const char *mon[] = { "Jan", "Feb", "Mar", "Apr", "May", "Jun",
	    "Jul", "Aug", "Sep", "Oct", "Nov", "Dec" };
	struct meeting_fmt_tm	tm;

	meeting_fmt_from_epoch(t, &tm);
	buf_printf(out, "%s, %02d %s %04d %02d:%02d:%02d +0000",
	    wday[meeting_fmt_weekday(tm.year, tm.mon, tm.day)], tm.day,
	    mon[tm.mon - 1], tm.year, tm.hour, tm.min, tm.sec);
}

/* The decisions of the shown items as an HTML fragment. */
static void
decisions(struct buf *html, const struct meeting_view *m, bool include_closed)
{
	size_t	i;

	for (i = 0; i < m->nitems; i++) {
		const struct meeting_view_item *it = &m->items[i];

		if (!meeting_fmt_item_shown(it, include_closed) ||
		    (meeting_fmt_blank(it->result) &&
		    meeting_fmt_blank(it->minutes)))
			continue;
		buf_printf(html, "<h3>%d. ", it->number);
		html_text(html, it->title ? it->title : "");
		if (it->closed)
			buf_puts(html, " (lukket punkt)");
		buf_puts(html, "</h3>");
		if (!meeting_fmt_blank(it->result)) {
			buf_puts(html, "<p><strong>Beslutning:</strong> ");
			html_text(html, it->result);
			buf_puts(html, "</p>");
		}
		if (!meeting_fmt_blank(it->minutes)) {
			buf_puts(html, "<p><strong>Referat:</strong><br>");
			html_text(html, it->minutes);
			buf_puts(html, "</p>");
		}
	}
}

static void
item(struct buf *out, const struct meeting_view *m, const char *site_url,
    int64_t published, bool include_closed)
{
	struct meeting_fmt_tm	 start;
	struct buf		 b;
	bool			 link;

	buf_init(&b);
	buf_puts(&b, "Referat: ");
	buf_puts(&b, !meeting_fmt_blank(m->title) ? m->title :
	    !meeting_fmt_blank(m->body_name) ? m->body_name : "Møde");
	if (meeting_fmt_local(m->start, &start) == 0) {
		buf_puts(&b, ", ");
		meeting_fmt_date_da(&b, &start);
	}
	buf_puts(out, "<item>\n<title>");
	xml_text(out, buf_str(&b));
	buf_puts(out, "</title>\n");

	buf_reset(&b);
	link = meeting_fmt_url_join(&b, site_url, m->url);
	if (link) {
		buf_puts(out, "<link>");
		xml_text(out, buf_str(&b));
		buf_puts(out, "</link>\n<guid isPermaLink=\"true\">");
		xml_text(out, buf_str(&b));
		buf_puts(out, "</guid>\n");
	} else {
		buf_puts(out, "<guid isPermaLink=\"false\">");
		if (!meeting_fmt_blank(m->uid))
			xml_text(out, m->uid);
		else
			buf_printf(out, "meeting-%lld@ramme", (long long)m->id);
		buf_puts(out, "</guid>\n");
	}
	buf_puts(out, "<pubDate>");
	rfc822(out, published);
	buf_puts(out, "</pubDate>\n");
	if (!meeting_fmt_blank(m->body_name)) {
		buf_puts(out, "<category>");
		xml_text(out, m->body_name);
		buf_puts(out, "</category>\n");
	}
	buf_reset(&b);
	decisions(&b, m, include_closed);
	if (b.len > 0) {
		buf_puts(out, "<description>");
		xml_text(out, buf_str(&b));
		buf_puts(out, "</description>\n");
	}
	buf_puts(out, "</item>\n");
	buf_cleanup(&b);
}

/* Newest first; equal times keep the caller's order. */
static int
entry_cmp(const void *a, const void *b)
{
	const struct rss_entry	*x = a, *y = b;

	if (x->published != y->published)
		return x->published > y->published ? -1 : 1;
	return x->index < y->index ? -1 : x->index > y->index;
}

int
rss_write(struct buf *out, const char *title, const char *site_url,
    const struct meeting_view *views, size_t n, bool include_closed,
    const char *now, struct err *e)
{
	struct rss_entry	*ent;
	struct buf		 doc;
	size_t			 i, nent = 0;
	int64_t			 t;

	if (!meeting_fmt_url_absolute(site_url))
		return err_set(e, ERR_INVALID, "invalid_site_url", NULL,
		    "Sidens adresse skal være en absolut http(s)-adresse");
	if (meeting_fmt_utc(now, &t) != 0)
		return err_set(e, ERR_INVALID, "invalid_now", NULL,
		    "Ugyldigt tidspunkt for nyhedsstrømmen");

	buf_init(&doc);
	buf_puts(&doc, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
	    "<rss version=\"2.0\">\n<channel>\n<title>");
	xml_text(&doc, title != NULL ? title : "Referater");
	buf_puts(&doc, "</title>\n<link>");
	xml_text(&doc, site_url);
	buf_puts(&doc, "</link>\n<description>Godkendte referater fra "
	    "møderne</description>\n<language>da</language>\n"
	    "<lastBuildDate>");
	rfc822(&doc, t);
	buf_puts(&doc, "</lastBuildDate>\n<generator>ramme</generator>\n");

	ent = xcalloc(n > 0 ? n : 1, sizeof(*ent));
	for (i = 0; i < n; i++) {
		if (!meeting_fmt_minutes_approved(&views[i]))
			continue;
		if (meeting_fmt_utc(views[i].minutes_approved_at, &t) != 0 &&
		    meeting_fmt_utc(views[i].updated_at, &t) != 0)
			t = 0;
		ent[nent].published = t;
		ent[nent].index = i;
		nent++;
	}
	if (nent > 1)
		qsort(ent, nent, sizeof(*ent), entry_cmp);
	for (i = 0; i < nent; i++)
		item(&doc, &views[ent[i].index], site_url, ent[i].published,
		    include_closed);
	free(ent);
	buf_puts(&doc, "</channel>\n</rss>\n");
	buf_append(out, doc.data, doc.len);
	buf_cleanup(&doc);
	return 0;
}
