/*
 * page_indmelding_report — the compiled status report (statusbillede) of
 * a year's submissions: the totals and the flags, every offer with its
 * capacity, the municipalities' expected use against last year,
 * occupancy and waiting list, the target groups' fit, the wishes and the
 * operators' development; the comments of the joint hearing with the
 * form to give one while it runs; the report as Excel and PDF.
 */
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "core/indmelding.h"
#include "core/role.h"
#include "report/chart.h"
#include "http/chart.h"
#include "http/html.h"
#include "http/http.h"
#include "http/indmelding_http.h"
#include "http/page.h"
#include "http/routes.h"
#include "http/ui.h"
#include "service/indmelding.h"
#include "service/indmelding_io.h"
#include "util/buf.h"
#include "util/text.h"

static void
flags(struct html *h, unsigned f)
{
	unsigned	bit;
	int		k;

	for (k = 0, bit = 1; k < IND_FLAG_COUNT; k++, bit <<= 1)
		if (f & bit)
			ui_badge(h, bit == IND_FLAG_WAIT ? UI_INFO : UI_WARNING,
			    ind_flag_label(bit));
}

static void
totals(struct page *p, const struct ind_report *r)
{
	struct http_req	*q = p->r;
	struct html	*h = &p->h;
	unsigned	 bit;
	int		 k;

	HTML_LIT(h, "<p id=\"progress\">");
	html_int(h, r->progress.done[IND_MUNICIPALITY]);
	HTML_LIT(h, " af ");
	html_int(h, r->progress.total[IND_MUNICIPALITY]);
	HTML_LIT(h, " kommuner og ");
	html_int(h, r->progress.done[IND_OPERATOR]);
	HTML_LIT(h, " af ");
	html_int(h, r->progress.total[IND_OPERATOR]);
	HTML_LIT(h, " driftsherrer har indsendt. Kun indsendte og godkendte "
	    "indmeldinger tæller med.</p>");
	ui_facts_begin(h);
	ui_fact(h, "Kapacitet i alt", arena_printf(&q->arena, "%s pladser",
	    ind_http_centi(q, r->capacity_centi)));
	ui_fact(h, "Forventet forbrug i alt", arena_printf(&q->arena,
	    "%s pladser", ind_http_centi(q, r->demand_centi)));
	if (r->prev_demand_centi >= 0)
		ui_fact(h, "Forventet forbrug sidste år", arena_printf(
		    &q->arena, "%s pladser",
		    ind_http_centi(q, r->prev_demand_centi)));
	ui_fact(h, "På venteliste", ui_int_da(q, r->waiting));
	ui_facts_end(h);
	HTML_LIT(h, "<h2>Markeringer</h2><ul>");
	for (k = 0, bit = 1; k < IND_FLAG_COUNT; k++, bit <<= 1) {
		HTML_LIT(h, "<li><strong>");
		html_text(h, ind_flag_label(bit));
		HTML_LIT(h, ":</strong> ");
		html_int(h, r->flagged[k]);
		HTML_LIT(h, " tilbud. ");
		html_text(h, ind_flag_text(bit));
		HTML_LIT(h, "</li>");
	}
	HTML_LIT(h, "</ul>");
}

/* Capacity against expected use per offer, as bars (none: no figures). */
static void
chart(struct page *p, const struct ind_report *r)
{
	struct http_req		*q = p->r;
	struct chart_series	 series[2];
	struct chart		 c;
	struct err		 e;
	const char		**labels;
	int64_t			*cap, *dem;
	size_t			 i, n = 0;

	if (r->nrows == 0 || r->nrows > CHART_LABELS_MAX)
		return;
	labels = arena_calloc(&q->arena, r->nrows, sizeof(*labels));
	cap = arena_calloc(&q->arena, r->nrows, sizeof(*cap));
	dem = arena_calloc(&q->arena, r->nrows, sizeof(*dem));
	for (i = 0; i < r->nrows; i++) {
		if (r->rows[i].capacity_centi < 0 &&
		    r->rows[i].demand_centi < 0)
			continue;
		labels[n] = r->rows[i].offer_name;
		cap[n] = r->rows[i].capacity_centi < 0 ? CHART_MISSING :
		    r->rows[i].capacity_centi;
		dem[n] = r->rows[i].demand_centi < 0 ? CHART_MISSING :
		    r->rows[i].demand_centi;
		n++;
	}
	if (n == 0)
		return;
	series[0] = (struct chart_series){ "Kapacitet", cap };
	series[1] = (struct chart_series){ "Forventet forbrug", dem };
	c = (struct chart){ .kind = CHART_BARS,
	    .title = "Kapacitet og forventet forbrug",
	    .desc = "Driftsherrernes kapacitet og summen af kommunernes "
	    "forventede forbrug næste år, i pladser, for hvert tilbud med "
	    "tal.", .label_head = "Tilbud", .unit = "pladser",
	    .labels = labels, .nlabels = n, .series = series, .nseries = 2,
	    .baseline = CHART_MISSING };
	err_clear(&e);
	(void)chart_html(&p->h, &c, "kapacitet", &e);
}

static void
offers(struct page *p, const struct ind_report *r)
{
	static const struct ui_col cols[] = {
		{ "Tilbud", 0 }, { "Driftsherre", 0 },
		{ "Kapacitet", UI_COL_NUM }, { "Forventet forbrug", UI_COL_NUM },
		{ "Sidste år", UI_COL_NUM }, { "Belægning", UI_COL_NUM },
		{ "Året før", UI_COL_NUM }, { "Venteliste", UI_COL_NUM },
		{ "Markeringer", 0 },
	};
	struct http_req			*q = p->r;
	struct html			*h = &p->h;
	const struct ind_report_row	*w;
	struct ui_table			 t;
	size_t				 i;

	HTML_LIT(h, "<h2>Tilbuddene</h2>");
	ui_table_begin(&t, h, "Pladser er antal pladser; forventet forbrug er "
	    "summen af kommunernes svar", cols, 9);
	for (i = 0; i < r->nrows; i++) {
		w = &r->rows[i];
		ui_row(&t);
		ui_cell(&t, w->offer_name);
		ui_cell(&t, w->operator_name != NULL ? w->operator_name : "–");
		ui_cell(&t, ind_http_centi(q, w->capacity_centi));
		ui_cell(&t, w->demand_centi < 0 ? "–" : arena_printf(
		    &q->arena, "%s (%lld svar)", ind_http_centi(q,
		    w->demand_centi), (long long)w->answers));
		ui_cell(&t, ind_http_centi(q, w->prev_demand_centi));
		ui_cell(&t, ind_http_pct(q, w->occupancy_bp));
		ui_cell(&t, ind_http_pct(q, w->occupancy_prev_bp));
		ui_cell(&t, w->waiting < 0 ? "–" : ui_int_da(q, w->waiting));
		ui_cell_begin(&t);
		if (w->flags == 0)
			HTML_LIT(h, "–");
		flags(h, w->flags);
		ui_cell_end(&t);
	}
	ui_table_end(&t);
}

static void
groups(struct page *p, const struct ind_report *r)
{
	static const struct ui_col cols[] = {
		{ "Målgruppe", 0 }, { "Gennemsnit (1–5)", UI_COL_NUM },
		{ "Vurderinger", UI_COL_NUM }, { "Heraf 1 eller 2", UI_COL_NUM },
	};
	struct http_req	*q = p->r;
	struct ui_table	 t;
	int		 k;

	HTML_LIT(&p->h, "<h2>Målgrupper</h2><p>Kommunernes vurdering af "
	    "sammenhængen mellem behov og udbud (1: dårlig, 5: god).</p>");
	ui_table_begin(&t, &p->h, NULL, cols, 4);
	for (k = 0; k < IND_GROUP_COUNT; k++) {
		const struct ind_report_fit *f = &r->fits[k];

		ui_row(&t);
		ui_cell(&t, ind_groups[k].label);
		ui_cell(&t, f->rated == 0 ? "–" : ind_http_centi(q,
		    (f->sum * 100 + f->rated / 2) / f->rated));
		ui_cell_int(&t, f->rated);
		ui_cell_int(&t, f->low);
	}
	ui_table_end(&t);
}

static void
texts(struct page *p, const char *heading, const struct ind_report_text *v,
    size_t n)
{
	struct html	*h = &p->h;
	size_t		 i;

	if (n == 0)
		return;
	HTML_LIT(h, "<h2>");
	html_text(h, heading);
	HTML_LIT(h, "</h2>");
	for (i = 0; i < n; i++) {
		HTML_LIT(h, "<h3>");
		html_text(h, v[i].org_name);
		HTML_LIT(h, "</h3><p class=\"pre-line\">");
		html_text(h, v[i].text);
		HTML_LIT(h, "</p>");
	}
}

static void
comments(struct page *p, const struct ind_report *r,
    const struct ui_errors *errs)
{
	struct http_req		*q = p->r;
	struct html		*h = &p->h;
	struct ui_option	*opts;
	char			 today[11];
	size_t			 i;
	bool			 open;

	HTML_LIT(h, "<h2 id=\"hoeringssvar\">Høringssvar</h2>");
	if (r->ncomments == 0)
		HTML_LIT(h, "<p>Der er ingen høringssvar endnu.</p>");
	for (i = 0; i < r->ncomments; i++) {
		const struct ind_comment *c = &r->comments[i];

		HTML_LIT(h, "<div class=\"comment\"><h3>");
		html_text(h, c->org_name);
		HTML_LIT(h, " – ");
		html_text(h, c->offer_name != NULL ? c->offer_name :
		    "generelt");
		HTML_LIT(h, "</h3><p class=\"pre-line\">");
		html_text(h, c->text);
		HTML_LIT(h, "</p><p class=\"form-hint\">");
		html_time(h, c->created_at);
		HTML_LIT(h, "</p></div>");
	}
	snprintf(today, sizeof(today), "%.10s", q->svc.now_iso);
	open = r->year.status == IND_HEARING &&
	    r->year.hearing_deadline != NULL &&
	    strcmp(today, r->year.hearing_deadline) <= 0;
	if (!open || q->who.role == ROLE_READER)
		return;
	HTML_LIT(h, "<h3>Giv et høringssvar</h3><p>Høringsfristen er ");
	html_date(h, r->year.hearing_deadline);
	HTML_LIT(h, ".</p>");
	ui_error_summary(h, errs);
	HTML_LIT(h, "<form method=\"post\"");
	html_url(h, "action", ind_path(q, "/indmeldinger/%lld/kommentar",
	    r->year.id));
	HTML_LIT(h, ">");
	page_csrf(p);
	opts = arena_calloc(&q->arena, r->nrows + 1, sizeof(*opts));
	for (i = 0; i < r->nrows; i++)
		opts[i] = (struct ui_option){ ind_path(q, "%lld",
		    r->rows[i].offer_id), r->rows[i].offer_name };
	ui_select(h, &(struct ui_select){ .name = "offer",
	    .label = "Høringssvaret gælder",
	    .first = "Statusbilledet generelt", .options = opts,
	    .noptions = (int)r->nrows, .selected = http_form(q, "offer") },
	    errs);
	ui_field(h, &(struct ui_field){ .name = "text",
	    .label = "Bemærkning", .type = UI_TEXTAREA, .rows = 5,
	    .maxlength = IND_COMMENT_MAX, .required = true,
	    .value = http_form(q, "text") }, errs);
	HTML_LIT(h, "<div class=\"actions\">");
	ui_button(h, UI_PRIMARY, "Gem høringssvar", NULL, NULL);
	HTML_LIT(h, "</div></form>");
}

static void
report_page(struct http_req *r, int64_t id, const struct err *err,
    int status)
{
	struct page		 p;
	struct html		*h = &p.h;
	struct ind_report	 rep;
	struct ui_errors	 errs;
	struct err		 e;
	const char		*back;

	err_clear(&e);
	if (ind_report(&r->svc, id, &rep, &e) != 0) {
		http_send_error(r, &e);
		return;
	}
	ui_errors_init(&errs);
	if (err != NULL)
		ui_errors_add_err(&errs, r, err);
	back = ind_path(r, "/indmeldinger/%lld", id);
	page_begin_crumbs(&p, r, arena_printf(&r->arena, "Statusbillede %d",
	    rep.year.year), "indmeldinger", (const struct page_crumb[]){
	    { "/indmeldinger", "Indmeldinger" }, { back, arena_printf(
	    &r->arena, "Indmeldinger %d", rep.year.year) } }, 2);
	if (http_query(r, "besked") != NULL &&
	    strcmp(http_query(r, "besked"), "kommentar") == 0)
		ui_alert(h, UI_SUCCESS, NULL, "Dit høringssvar er gemt.");
	HTML_LIT(h, "<p>");
	ind_http_year_badge(h, rep.year.status);
	HTML_LIT(h, "</p><div class=\"actions\">");
	ui_button_link(h, UI_SECONDARY, ind_path(r,
	    "/indmeldinger/%lld/statusbillede.xlsx", id), "Hent som Excel");
	ui_button_link(h, UI_SECONDARY, ind_path(r,
	    "/indmeldinger/%lld/statusbillede.pdf", id), "Hent som PDF");
	HTML_LIT(h, "</div>");
	totals(&p, &rep);
	chart(&p, &rep);
	offers(&p, &rep);
	groups(&p, &rep);
	texts(&p, "Kommunernes ønsker til nye tilbud", rep.wishes,
	    rep.nwishes);
	texts(&p, "Driftsherrernes udvikling", rep.dev, rep.ndev);
	comments(&p, &rep, &errs);
	page_end(&p, status);
}

void
page_ind_report(struct http_req *r)
{
	int64_t id;

	if (ind_http_id(r, 0, &id) == 0)
		report_page(r, id, NULL, 200);
}

void
page_ind_comment(struct http_req *r)
{
	struct err	 e;
	const char	*o;
	int64_t		 id, offer = 0, cid;
	int		 rc;

	if (ind_http_id(r, 0, &id) != 0)
		return;
	err_clear(&e);
	if ((rc = http_form_error(r, &e)) == 0 &&
	    (o = http_form_text(r, "offer")) != NULL &&
	    (text_parse_i64(o, &offer) != 0 || offer <= 0))
		rc = err_set(&e, ERR_INVALID, "invalid_offer", "offer",
		    "Vælg et tilbud eller »generelt«");
	if (rc == 0)
		rc = ind_comment(&r->svc, id, offer, http_form_text(r, "text"),
		    &cid, &e);
	if (rc == 0) {
		http_redirect(r, ind_path(r, "/indmeldinger/%lld/"
		    "statusbillede?besked=kommentar#hoeringssvar", id));
		return;
	}
	if (e.code == ERR_FORBIDDEN || e.code == ERR_NOT_FOUND) {
		http_send_error(r, &e);
		return;
	}
	report_page(r, id, &e, http_status_of_err(e.code));
}

static void
send_bytes(struct http_req *r, const char *type, const char *name,
    const char *data, size_t len)
{
	http_set_header(r, "Content-Disposition", arena_printf(&r->arena,
	    "attachment; filename=\"%s\"", name));
	http_send(r, 200, type, data, len);
}

void
page_ind_report_xlsx(struct http_req *r)
{
	struct ind_report	 rep;
	struct err		 e;
	char			 path[] = "/tmp/ramme-xlsx-XXXXXX";
	char			*data;
	FILE			*f;
	long			 sz;
	size_t			 len = 0;
	int64_t			 id;
	int			 fd;

	if (ind_http_id(r, 0, &id) != 0)
		return;
	err_clear(&e);
	if (ind_report(&r->svc, id, &rep, &e) != 0) {
		http_send_error(r, &e);
		return;
	}
	if ((fd = mkstemp(path)) < 0) {
		err_set(&e, ERR_IO, "tempfile", NULL, "Kunne ikke danne filen");
		http_send_error(r, &e);
		return;
	}
	close(fd);
	if (ind_io_report_xlsx(&r->svc, &rep, path, &e) != 0 ||
	    (f = fopen(path, "rb")) == NULL) {
		if (e.code == 0)
			err_set(&e, ERR_IO, "tempfile", NULL,
			    "Kunne ikke læse filen");
		unlink(path);
		http_send_error(r, &e);
		return;
	}
	fseek(f, 0, SEEK_END);
	sz = ftell(f);
	fseek(f, 0, SEEK_SET);
	data = arena_alloc(&r->arena, sz > 0 ? (size_t)sz : 1);
	if (sz > 0)
		len = fread(data, 1, (size_t)sz, f);
	fclose(f);
	unlink(path);
	send_bytes(r, "application/vnd.openxmlformats-officedocument."
	    "spreadsheetml.sheet", arena_printf(&r->arena,
	    "statusbillede-%d.xlsx", rep.year.year), data, len);
}

void
page_ind_report_pdf(struct http_req *r)
{
	struct err	e;
	struct buf	b;
	int64_t		id;

	if (ind_http_id(r, 0, &id) != 0)
		return;
	err_clear(&e);
	buf_init(&b);
	if (ind_io_report_pdf(&r->svc, id, &b, &e) != 0)
		http_send_error(r, &e);
	else
		send_bytes(r, "application/pdf", ind_path(r,
		    "statusbillede-%lld.pdf", id), b.data, b.len);
	buf_cleanup(&b);
}
