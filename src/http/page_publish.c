/*
 * page_publish — the governance outputs served to the public: a
 * meeting's agenda, minutes and packet (agenda with the PDF attachments)
 * as PDF, calendar feeds (iCalendar) of all meetings with the steps of
 * the annual cycle and of one body, an
 * RSS feed of approved minutes, and the page for politicians (recent
 * decisions, upcoming meetings, links to the tariff overview and the
 * documents).
 *
 * What a user may see is decided by service/meeting: a PDF holds closed
 * items and attachments (and draft minutes) only when the service gives
 * the user the view with closed content, which it does for exactly those
 * who see them on the meeting page (the secretariat and current members
 * of the body); everyone else gets the public projection. The feeds and
 * the politicians' page are the public projection whoever asks.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "core/meeting.h"
#include "core/role.h"
#include "http/api.h"
#include "http/gov.h"
#include "http/html.h"
#include "http/http.h"
#include "http/page.h"
#include "http/ui.h"
#include "http/routes.h"
#include "http/server.h"
#include "report/ical.h"
#include "service/cycle.h"
#include "report/meeting_fmt.h"
#include "report/meeting_view.h"
#include "report/pdf.h"
#include "report/rss.h"
#include "service/body.h"
#include "service/meeting.h"
#include "util/buf.h"
#include "util/text.h"

#define FEED_MEETINGS		500	/* newest meetings in a calendar */
#define RSS_MINUTES		50	/* newest approved minutes in the feed */
#define UPCOMING_MAX		10	/* upcoming meetings on the page */
#define DECISION_MEETINGS	10	/* approved meetings read for decisions */
#define DECISIONS_MAX		25	/* decisions on the page */
#define DECISION_TEXT_MAX	600	/* characters of minutes shown */

#define SITE_TITLE	"Rammeaftale Nordjylland"

/* ---- helpers ------------------------------------------------------- */

/* Check the query string (no parameters); on failure answer. */
static bool
no_query(struct http_req *r)
{
	static const char *const allowed[] = { NULL };

	return gov_query_ok(r, allowed);
}

/*
 * The absolute base of the site for links in feeds: the scheme the
 * server is reached by (https when cookies are Secure, i.e. behind TLS)
 * and the Host the client asked for, if it is a plain host name or
 * address with an optional port.
 */
static const char *
site_url(struct http_req *r)
{
	const char *site = http_site_url(r);

	return site != NULL ? site : arena_printf(&r->arena, "%s://localhost",
	    http_server_secure(r->srv) ? "https" : "http");
}

/*
 * Whether the view holds minutes to print: approved minutes, or draft
 * minutes the service let through (the secretariat's, and circulated
 * ones for members); the public projection of a draft has neither
 * minutes nor results.
 */
static bool
minutes_shown(const struct meeting_view *v)
{
	size_t i;

	if (v->cancelled)
		return false;
	if (strcmp(v->state, "referat_godkendt") == 0)
		return true;
	if (strcmp(v->state, "referat_udkast") != 0)
		return false;
	for (i = 0; i < v->nitems; i++)
		if (!meeting_fmt_blank(v->items[i].minutes) ||
		    !meeting_fmt_blank(v->items[i].result))
			return true;
	return false;
}

/* "dagsorden-socdir-2026-03-06.pdf": ASCII only, safe in a header. */
static const char *
pdf_filename(struct http_req *r, const char *word,
    const struct meeting_view *v)
{
	struct buf	 b;
	const char	*p, *out;

	buf_init(&b);
	buf_puts(&b, word);
	if (v->body_key != NULL && *v->body_key != '\0') {
		buf_putc(&b, '-');
		for (p = v->body_key; *p != '\0' && b.len < 60; p++)
			if ((*p >= 'a' && *p <= 'z') || (*p >= '0' &&
			    *p <= '9') || *p == '-')
				buf_putc(&b, *p);
			else if (*p >= 'A' && *p <= 'Z')
				buf_putc(&b, (char)(*p - 'A' + 'a'));
	}
	if (v->start != NULL && strlen(v->start) >= 10 &&
	    text_date_valid(arena_strndup(&r->arena, v->start, 10)))
		buf_printf(&b, "-%.10s", v->start);
	else
		buf_printf(&b, "-%lld", (long long)v->id);
	buf_puts(&b, ".pdf");
	out = arena_strdup(&r->arena, buf_str(&b));
	buf_cleanup(&b);
	return out;
}

static void
send_pdf(struct http_req *r, const char *filename, const void *data,
    size_t len)
{
	http_set_header(r, "Content-Disposition", arena_printf(&r->arena,
	    "inline; filename=\"%s\"", filename));
	http_send(r, 200, "application/pdf", data, len);
}

/* Path parameter 0 as a meeting id and its view; false: answered. */
static bool
meeting_of(struct http_req *r, struct meeting_view *v, bool *closed)
{
	struct err	e;
	int64_t		id;

	err_clear(&e);
	if (!no_query(r))
		return false;
	if (api_param_id(r, 0, &id, &e) != 0 ||
	    gov_view(r, id, v, closed, &e) != 0) {
		http_send_error(r, &e);
		return false;
	}
	return true;
}

/* ---- PDF ----------------------------------------------------------- */

static void
meeting_pdf(struct http_req *r, enum pdf_kind kind)
{
	struct meeting_view	 v;
	struct err		 e;
	struct buf		 b;
	bool			 closed;

	if (!meeting_of(r, &v, &closed))
		return;
	err_clear(&e);
	if (kind == PDF_MINUTES && !minutes_shown(&v)) {
		err_set(&e, ERR_NOT_FOUND, "not_found", NULL,
		    "Mødet har intet offentliggjort referat");
		http_send_error(r, &e);
		return;
	}
	buf_init(&b);
	if (pdf_meeting_write_buf(&v, kind, closed, &b, &e) != 0) {
		buf_cleanup(&b);
		http_send_error(r, &e);
		return;
	}
	send_pdf(r, pdf_filename(r, kind == PDF_AGENDA ? "dagsorden" :
	    "referat", &v), buf_str(&b), b.len);
	buf_cleanup(&b);
}

void
page_meeting_agenda_pdf(struct http_req *r)
{
	meeting_pdf(r, PDF_AGENDA);
}

void
page_meeting_minutes_pdf(struct http_req *r)
{
	meeting_pdf(r, PDF_MINUTES);
}

/* Write len bytes of data to a new file path (mode 0600). */
static int
write_new(const char *path, const void *data, size_t len)
{
	const char	*p = data;
	ssize_t		 w;
	int		 fd;

	if ((fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC,
	    0600)) < 0)
		return -1;
	while (len > 0) {
		w = write(fd, p, len);
		if (w < 0 && errno == EINTR)
			continue;
		if (w <= 0) {
			close(fd);
			return -1;
		}
		p += w;
		len -= (size_t)w;
	}
	return close(fd);
}

/* Read the whole file path into the arena; NULL on failure. */
static char *
read_all(struct arena *a, const char *path, size_t *len)
{
	struct stat	 st;
	char		*data;
	size_t		 got = 0;
	ssize_t		 n;
	int		 fd;

	if ((fd = open(path, O_RDONLY | O_CLOEXEC)) < 0)
		return NULL;
	if (fstat(fd, &st) != 0 || st.st_size < 0) {
		close(fd);
		return NULL;
	}
	data = arena_alloc(a, (size_t)st.st_size + 1);
	while (got < (size_t)st.st_size) {
		n = read(fd, data + got, (size_t)st.st_size - got);
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			break;
		got += (size_t)n;
	}
	close(fd);
	if (got != (size_t)st.st_size)
		return NULL;
	*len = got;
	return data;
}

/*
 * The packet: the agenda followed by the PDF attachments the user may
 * see. The attachments are stored in the database, and pdfunite joins
 * files, so they are written to a private temporary directory that is
 * removed before the answer is sent.
 */
void
page_meeting_packet_pdf(struct http_req *r)
{
	struct meeting_view	 v;
	struct attachment	 att;
	struct err		 e;
	const char		**paths;
	const char		*tmp, *out_path;
	char			*dir, *data = NULL;
	const void		*blob;
	size_t			 i, k, t, total = 0, blen, len = 0;
	bool			 closed, merged;
	int			 rc;

	if (!meeting_of(r, &v, &closed))
		return;
	err_clear(&e);
	for (i = 0; i < v.nitems; i++)
		total += v.items[i].nfiles;
	paths = arena_calloc(&r->arena, total + 1, sizeof(*paths));
	tmp = getenv("TMPDIR");
	if (tmp == NULL || *tmp != '/')
		tmp = "/tmp";
	dir = arena_printf(&r->arena, "%s/ramme-pakke-XXXXXX", tmp);
	if (mkdtemp(dir) == NULL) {
		err_set(&e, ERR_IO, "pdf_write", NULL,
		    "Mødepakken kunne ikke dannes");
		http_send_error(r, &e);
		return;
	}
	for (i = 0, t = 0; i < v.nitems; i++) {
		const struct meeting_view_item *it = &v.items[i];

		for (k = 0; k < it->nfiles; k++, t++) {
			const struct meeting_view_file *f = &it->files[k];
			const char *p;
			struct err fe;

			if (!meeting_fmt_file_shown(it, f, closed) ||
			    f->id <= 0 || f->url == NULL ||
			    f->media_type == NULL ||
			    strcmp(f->media_type, "application/pdf") != 0)
				continue;
			/* The service checks again who may read it. */
			err_clear(&fe);
			if (meeting_attachment_get(&r->svc, f->id, &att, &blob,
			    &blen, &fe) != 0)
				continue;
			p = arena_printf(&r->arena, "%s/bilag-%zu.pdf", dir, t);
			if (write_new(p, blob, blen) != 0) {
				(void)unlink(p);
				continue;
			}
			paths[t] = p;
		}
	}
	out_path = arena_printf(&r->arena, "%s/pakke.pdf", dir);
	rc = pdf_packet_write(&v, closed, paths, total, out_path, &merged, &e);
	if (rc == 0 && (data = read_all(&r->arena, out_path, &len)) == NULL)
		rc = err_set(&e, ERR_IO, "pdf_write", NULL,
		    "Mødepakken kunne ikke læses");
	(void)unlink(out_path);
	for (t = 0; t < total; t++)
		if (paths[t] != NULL)
			(void)unlink(paths[t]);
	(void)rmdir(dir);
	if (rc != 0) {
		http_send_error(r, &e);
		return;
	}
	send_pdf(r, pdf_filename(r, "moedepakke", &v), data, len);
}

/* ---- calendars and the minutes feed -------------------------------- */

/*
 * The public views of the newest meetings matching f (at most max),
 * skipping those the public may not see (planned ones).
 */
static int
public_views(struct http_req *r, struct meeting_filter *f, size_t max,
    struct meeting_view **out, size_t *n, struct err *e)
{
	struct meeting		*m;
	struct meeting_view	*v;
	size_t			 nm, i, k = 0;
	int			 rc;

	f->public_only = true;
	if ((rc = meeting_list(&r->svc, f, &m, &nm, e)) != 0)
		return rc;
	v = arena_calloc(&r->arena, nm + 1, sizeof(*v));
	for (i = 0; i < nm && k < max; i++) {
		if (!meeting_state_public(m[i].state))
			continue;
		rc = meeting_view_get(&r->svc, m[i].id, false, &v[k], e);
		if (rc == ERR_NOT_FOUND) {
			err_clear(e);
			continue;
		}
		if (rc != 0)
			return rc;
		k++;
	}
	*out = v;
	*n = k;
	return 0;
}

/*
 * The steps of the annual cycle this year and next as all-day events,
 * UID "cycle-KIND-YEAR@ramme" (one step of a kind a year).
 */
static int
cycle_days(struct http_req *r, struct ical_day **out, size_t *n,
    struct err *e)
{
	static const struct principal anon = { 0, "", ROLE_ANON, NULL };
	struct cycle_item	*it;
	struct ical_day		*d;
	struct svc		 pub;
	size_t			 ni, i, k = 0;
	int			 y, year = atoi(r->svc.now_iso), rc;

	*out = NULL;
	*n = 0;
	/* The public projection, whoever asks (meeting titles). */
	svc_init(&pub, r->svc.db, &r->arena, &anon, r->svc.now);
	for (y = year; y <= year + 1; y++) {
		if ((rc = cycle_year(&pub, y, &it, &ni, e)) != 0)
			return rc;
		d = arena_calloc(&r->arena, k + ni + 1, sizeof(*d));
		if (k > 0)
			memcpy(d, *out, k * sizeof(*d));
		for (i = 0; i < ni; i++, k++) {
			d[k].uid = arena_printf(&r->arena, "cycle-%s-%d@ramme",
			    it[i].kind, y);
			d[k].date = it[i].date;
			d[k].summary = it[i].title;
			d[k].description = arena_printf(&r->arena, "Årshjul "
			    "%d. Ansvarlig: %s.%s%s", y, cycle_party_label(
			    it[i].party), it[i].link_label ? " " : "",
			    it[i].link_label ? it[i].link_label : "");
			d[k].url = arena_printf(&r->arena, "/aarshjul?aar=%d",
			    y);
			d[k].category = "Årshjul";
		}
		*out = d;
		*n = k;
	}
	return 0;
}

static void
send_calendar(struct http_req *r, const char *name, int64_t body_id)
{
	struct meeting_filter	 f;
	struct meeting_view	*v;
	struct ical_day		*days = NULL;
	struct err		 e;
	struct buf		 b;
	size_t			 n, i, k, ndays = 0;

	err_clear(&e);
	memset(&f, 0, sizeof(f));
	f.body_id = body_id;
	f.limit = 1000;
	if (public_views(r, &f, FEED_MEETINGS, &v, &n, &e) != 0) {
		http_send_error(r, &e);
		return;
	}
	/* A meeting without a known start (imported minutes) has no
	   place in a calendar. */
	for (i = k = 0; i < n; i++)
		if (v[i].start != NULL && *v[i].start != '\0')
			v[k++] = v[i];
	n = k;
	if (body_id == 0 && cycle_days(r, &days, &ndays, &e) != 0) {
		http_send_error(r, &e);
		return;
	}
	buf_init(&b);
	if (ical_write_days(&b, name, site_url(r), v, n, days, ndays, false,
	    r->svc.now_iso, &e) != 0) {
		buf_cleanup(&b);
		http_send_error(r, &e);
		return;
	}
	http_set_header(r, "Content-Disposition", body_id > 0 ?
	    arena_printf(&r->arena, "inline; filename=\"kalender-%lld.ics\"",
	    (long long)body_id) : "inline; filename=\"kalender.ics\"");
	http_send(r, 200, "text/calendar; charset=utf-8", buf_str(&b), b.len);
	buf_cleanup(&b);
}

void
page_calendar(struct http_req *r)
{
	if (!no_query(r))
		return;
	send_calendar(r, "Møder og årshjul — " SITE_TITLE, 0);
}

void
page_body_calendar(struct http_req *r)
{
	struct body	b;
	struct err	e;
	int64_t		id;

	if (!no_query(r))
		return;
	err_clear(&e);
	if (api_param_id(r, 0, &id, &e) != 0 ||
	    body_get(&r->svc, id, &b, &e) != 0) {
		http_send_error(r, &e);
		return;
	}
	send_calendar(r, arena_printf(&r->arena, "Møder i %s", b.name), id);
}

/* Newest approval first; equal stamps by id, newest first. */
static int
approved_cmp(const void *a, const void *b)
{
	const struct meeting	*x = a, *y = b;
	const char		*sx = x->minutes_approved_at ?
				    x->minutes_approved_at : "";
	const char		*sy = y->minutes_approved_at ?
				    y->minutes_approved_at : "";
	int			 c = strcmp(sy, sx);

	if (c != 0)
		return c;
	return y->id > x->id ? 1 : y->id < x->id ? -1 : 0;
}

/*
 * Public views of the meetings with approved minutes, newest approval
 * first, at most max.
 */
static int
approved_views(struct http_req *r, size_t max, struct meeting_view **out,
    size_t *n, struct err *e)
{
	struct meeting_filter	 f;
	struct meeting		*m;
	struct meeting_view	*v;
	size_t			 nm, i, k = 0, na = 0;
	int			 rc;

	memset(&f, 0, sizeof(f));
	f.public_only = true;
	f.limit = 1000;
	if ((rc = meeting_list(&r->svc, &f, &m, &nm, e)) != 0)
		return rc;
	for (i = 0; i < nm; i++)
		if (m[i].state == MEETING_REFERAT_GODKENDT)
			m[na++] = m[i];
	if (na > 1)
		qsort(m, na, sizeof(*m), approved_cmp);
	v = arena_calloc(&r->arena, (na < max ? na : max) + 1, sizeof(*v));
	for (i = 0; i < na && k < max; i++) {
		rc = meeting_view_get(&r->svc, m[i].id, false, &v[k], e);
		if (rc == ERR_NOT_FOUND) {
			err_clear(e);
			continue;
		}
		if (rc != 0)
			return rc;
		k++;
	}
	*out = v;
	*n = k;
	return 0;
}

void
page_minutes_rss(struct http_req *r)
{
	struct meeting_view	*v;
	struct err		 e;
	struct buf		 b;
	size_t			 n;

	if (!no_query(r))
		return;
	err_clear(&e);
	if (approved_views(r, RSS_MINUTES, &v, &n, &e) != 0) {
		http_send_error(r, &e);
		return;
	}
	buf_init(&b);
	if (rss_write(&b, "Referater — " SITE_TITLE, site_url(r), v, n, false,
	    r->svc.now_iso, &e) != 0) {
		buf_cleanup(&b);
		http_send_error(r, &e);
		return;
	}
	http_send(r, 200, "application/rss+xml; charset=utf-8", buf_str(&b),
	    b.len);
	buf_cleanup(&b);
}

/* ---- the page for politicians -------------------------------------- */

/* s cut to at most max characters (whole UTF-8 sequences) with "…". */
static const char *
clip(struct http_req *r, const char *s, size_t max)
{
	size_t	i = 0, chars = 0;

	while (s[i] != '\0' && chars < max) {
		i++;
		while (((unsigned char)s[i] & 0xc0) == 0x80)
			i++;
		chars++;
	}
	if (s[i] == '\0')
		return s;
	return arena_printf(&r->arena, "%.*s …", (int)i, s);
}

/* A link with escaped text. */
static void
anchor(struct html *h, const char *href, const char *text)
{
	HTML_LIT(h, "<a");
	html_url(h, "href", href);
	HTML_LIT(h, ">");
	html_text(h, text);
	HTML_LIT(h, "</a>");
}

/*
 * Is the item a decision to show: a case (not a standard item such as
 * the approval of the agenda or Evt.) with a result or minutes?
 */
static bool
is_decision(const struct meeting_view_item *it)
{
	if (it->closed || it->kind == NULL || strcmp(it->kind, "sag") != 0)
		return false;
	return !meeting_fmt_blank(it->result) ||
	    !meeting_fmt_blank(it->minutes);
}

/* The shortcuts: the tariffs, the meetings, the search and the feeds. */
static void
shortcuts(struct html *h)
{
	HTML_LIT(h, "<p>Overblik over samarbejdets beslutninger og møder: "
	    "hvad Socialdirektørkredsen, Den Administrative Styregruppe og "
	    "de øvrige organer har besluttet og indstillet, hvornår de "
	    "mødes, og hvad tilbuddene koster.</p><div class=\"actions\">");
	ui_button_link(h, UI_PRIMARY, "/takster", "Takstoversigt");
	ui_button_link(h, UI_SECONDARY, "/moeder", "Alle møder");
	ui_button_link(h, UI_SECONDARY, "/soeg",
	    "Søg i dagsordener og referater");
	HTML_LIT(h, "</div><p>Følg med: <a href=\"/kalender.ics\">"
	    "Mødekalender</a> (iCal, kan abonneres på i Outlook og andre "
	    "kalendere) · <a href=\"/referater.rss\">Nye referater</a> "
	    "(RSS)</p>");
}

static const struct ui_col upcoming_cols[] = {
	{ "Tidspunkt", 0 }, { "Organ", 0 }, { "Møde", 0 }, { "Status", 0 },
	{ "Dokumenter", 0 }
};

static void
upcoming(struct http_req *r, struct html *h)
{
	struct meeting_filter	 f;
	struct meeting		*m;
	struct err		 e;
	struct ui_table		 t;
	const char		*today;
	size_t			 nm, i, shown = 0, first;

	err_clear(&e);
	memset(&f, 0, sizeof(f));
	f.public_only = true;
	f.limit = 1000;
	HTML_LIT(h, "<section aria-labelledby=\"kommende\"><h2 "
	    "id=\"kommende\">Kommende møder</h2>");
	if (meeting_list(&r->svc, &f, &m, &nm, &e) != 0) {
		ui_alert(h, UI_ERROR, NULL, "Møderne kunne ikke hentes.");
		HTML_LIT(h, "</section>");
		return;
	}
	today = arena_strndup(&r->arena, r->svc.now_iso, 10);
	/* Newest first: the upcoming ones are at the front; show the
	 * soonest first. */
	for (first = 0; first < nm; first++)
		if (m[first].starts_at == NULL ||
		    strncmp(m[first].starts_at, today, 10) < 0)
			break;
	for (i = first; i-- > 0 && shown < UPCOMING_MAX;) {
		const struct meeting *x = &m[i];
		const char *base;

		if (!meeting_state_public(x->state))
			continue;
		if (shown++ == 0)
			ui_table_begin(&t, h, NULL, upcoming_cols,
			    (int)(sizeof(upcoming_cols) /
			    sizeof(upcoming_cols[0])));
		base = arena_printf(&r->arena, "/moeder/%lld",
		    (long long)x->id);
		ui_row(&t);
		ui_cell_begin(&t);
		gov_when(h, x->starts_at, x->ends_at);
		ui_cell_end(&t);
		ui_cell(&t, x->body_name);
		ui_cell_link(&t, base, x->title);
		ui_cell_begin(&t);
		gov_state_badge(h, x->state);
		ui_cell_end(&t);
		ui_cell_begin(&t);
		if (x->state == MEETING_AFLYST)
			HTML_LIT(h, "Mødet er aflyst");
		else {
			anchor(h, arena_printf(&r->arena, "%s/dagsorden.pdf",
			    base), "Dagsorden (PDF)");
			HTML_LIT(h, "<br>");
			anchor(h, arena_printf(&r->arena, "%s/pakke.pdf", base),
			    "Mødepakke med bilag (PDF)");
		}
		ui_cell_end(&t);
	}
	if (shown > 0)
		ui_table_end(&t);
	else
		HTML_LIT(h, "<p>Der er ingen kommende møder med offentliggjort "
		    "dagsorden.</p>");
	HTML_LIT(h, "</section>");
}

/* One decision: its heading and its facts. */
static void
decision(struct http_req *r, struct html *h, const char *base,
    const struct meeting_view_item *it)
{
	HTML_LIT(h, "<h4>");
	anchor(h, arena_printf(&r->arena, "%s#punkt-%d", base, it->number),
	    arena_printf(&r->arena, "%d. %s", it->number, it->title));
	HTML_LIT(h, "</h4>");
	ui_facts_begin(h);
	if (!meeting_fmt_blank(it->result)) {
		ui_fact_begin(h, "Beslutning");
		gov_result_badge(h, it->result);
		ui_fact_end(h);
	}
	if (!meeting_fmt_blank(it->recommendation)) {
		ui_fact_begin(h, "Indstilling");
		gov_paragraphs(h, clip(r, it->recommendation,
		    DECISION_TEXT_MAX));
		ui_fact_end(h);
	}
	if (!meeting_fmt_blank(it->minutes)) {
		ui_fact_begin(h, "Referat");
		gov_paragraphs(h, clip(r, it->minutes, DECISION_TEXT_MAX));
		ui_fact_end(h);
	}
	ui_facts_end(h);
}

static void
decisions(struct http_req *r, struct html *h)
{
	struct meeting_view	*v;
	struct err		 e;
	size_t			 n, i, k, shown = 0;

	err_clear(&e);
	HTML_LIT(h, "<section aria-labelledby=\"beslutninger\"><h2 "
	    "id=\"beslutninger\">Seneste beslutninger</h2>");
	if (approved_views(r, DECISION_MEETINGS, &v, &n, &e) != 0) {
		ui_alert(h, UI_ERROR, NULL,
		    "Beslutningerne kunne ikke hentes.");
		HTML_LIT(h, "</section>");
		return;
	}
	HTML_LIT(h, "<p>Fra de godkendte referater, nyeste først. Hele "
	    "referatet står på mødets side og i referatet som PDF.</p>");
	for (i = 0; i < n && shown < DECISIONS_MAX; i++) {
		const struct meeting_view *x = &v[i];
		const char *base = arena_printf(&r->arena, "/moeder/%lld",
		    (long long)x->id);
		bool any = false;

		for (k = 0; k < x->nitems && !any; k++)
			any = is_decision(&x->items[k]);
		if (!any)
			continue;
		HTML_LIT(h, "<article><h3>");
		html_text(h, x->body_name);
		HTML_LIT(h, ", ");
		if (x->start != NULL)
			gov_when(h, x->start, NULL);
		else
			html_text(h, x->title);
		HTML_LIT(h, "</h3><p class=\"actions\">");
		anchor(h, base, "Mødets side");
		anchor(h, arena_printf(&r->arena, "%s/referat.pdf", base),
		    "Referat (PDF)");
		HTML_LIT(h, "</p>");
		for (k = 0; k < x->nitems && shown < DECISIONS_MAX; k++) {
			if (!is_decision(&x->items[k]))
				continue;
			shown++;
			decision(r, h, base, &x->items[k]);
		}
		HTML_LIT(h, "</article>");
	}
	if (shown == 0)
		HTML_LIT(h, "<p>Der er endnu ingen beslutninger i godkendte "
		    "referater.</p>");
	HTML_LIT(h, "</section>");
}

void
page_politicians(struct http_req *r)
{
	struct page	 p;
	struct html	*h = &p.h;

	if (!no_query(r))
		return;
	page_begin(&p, r, "For politikere", "politikere");
	shortcuts(h);
	upcoming(r, h);
	decisions(r, h);
	page_end(&p, 200);
}
