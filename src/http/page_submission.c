/*
 * page_submission — an operator's submission in a round: its service
 * lines with computed tariffs and warnings, last year's tariff beside
 * this year's, every cost line of each service line against last year's
 * (amounts and % change) for the review, and the steps Indsend (the
 * operator), Godkend and Send retur (the secretariat), each behind a
 * confirmation that says what will happen. A returned submission shows
 * the secretariat's comment and can be changed and submitted again.
 */
#include <stddef.h>
#include <stdio.h>
#include <string.h>

#include "core/money.h"
#include "core/role.h"
#include "core/round.h"
#include "core/tariff.h"
#include "http/html.h"
#include "http/http.h"
#include "http/page.h"
#include "http/routes.h"
#include "http/tariff_http.h"
#include "http/ui.h"
#include "service/history.h"
#include "service/round.h"
#include "util/text.h"

/* A path with one id: idpath(r, "/indberetning/%lld", id). */
#define idpath(r, fmt, id)	arena_printf(&(r)->arena, fmt, (long long)(id))

static const char *
sub_flash(const char *key)
{
	if (key == NULL)
		return NULL;
	if (strcmp(key, "gemt") == 0)
		return "Linjen er gemt, og taksten er beregnet.";
	if (strcmp(key, "slettet") == 0)
		return "Linjen er slettet.";
	if (strcmp(key, "indsendt") == 0)
		return "Indberetningen er indsendt til sekretariatet.";
	if (strcmp(key, "godkendt") == 0)
		return "Indberetningen er godkendt.";
	if (strcmp(key, "retur") == 0)
		return "Indberetningen er sendt retur til driftsherren.";
	return NULL;
}

static bool
same_str(const char *a, const char *b)
{
	if (a == NULL || b == NULL)
		return a == b;
	return strcmp(a, b) == 0;
}

/* Last year's published tariff of the same kind as l, or -1. */
static int64_t
prev_tariff(const struct submission_view *v, const struct service_line *l)
{
	size_t i;

	for (i = 0; i < v->nprev; i++)
		if (strcmp(v->prev[i].paragraph, l->paragraph) == 0 &&
		    strcmp(v->prev[i].level, l->level) == 0 &&
		    v->prev[i].unit == l->unit &&
		    same_str(v->prev[i].referred_from, l->referred_from) &&
		    same_str(v->prev[i].referred_before, l->referred_before))
			return v->prev[i].tariff_ore;
	return -1;
}

/* The line of the earlier submission of the same kind as l, or NULL. */
static const struct service_line *
prev_line(const struct submission_view *v, const struct service_line *l)
{
	size_t i;

	for (i = 0; i < v->src.nlines_loaded; i++) {
		const struct service_line *x = &v->src.lines[i];

		if (strcmp(x->paragraph, l->paragraph) == 0 &&
		    strcmp(x->level, l->level) == 0 && x->unit == l->unit &&
		    same_str(x->referred_from, l->referred_from) &&
		    same_str(x->referred_before, l->referred_before))
			return x;
	}
	return NULL;
}

/* The change from prev to cur in per cent ("+4,12 %"); "–" if unknown. */
static void
change(struct html *h, int64_t prev, int64_t cur)
{
	int64_t bp;

	if (prev <= 0 || money_round((__int128)(cur - prev) * 10000, prev, 1,
	    ROUND_HALF_UP, &bp) != 0) {
		HTML_LIT(h, "–");
		return;
	}
	tariff_http_change(h, bp);
}

static void
warnings_list(struct html *h, const struct service_line *l)
{
	if (l->nwarnings == 0) {
		HTML_LIT(h, "Ingen");
		return;
	}
	tariff_http_warnings(h, l);
}

static void
amount_cell(struct ui_table *t, bool known, int64_t ore)
{
	ui_cell_begin(t);
	if (known)
		tariff_http_kr(t->h, ore);
	else
		HTML_LIT(t->h, "–");
	ui_cell_end(t);
}

/* A line's warnings, then its reason or that one is missing. */
static void
warnings_cell(struct html *h, const struct service_line *l)
{
	warnings_list(h, l);
	if (l->reason != NULL) {
		HTML_LIT(h, "<p><strong>Begrundelse:</strong> ");
		html_text(h, l->reason);
		HTML_LIT(h, "</p>");
	} else if (round_line_needs_reason(l)) {
		HTML_LIT(h, "<p>");
		ui_badge(h, UI_ERROR, "Begrundelse mangler");
		HTML_LIT(h, "</p>");
	}
}

/*
 * The service lines with their tariffs and last year's: the essentials,
 * narrow enough for a laptop; the rest is in each line's detail below.
 */
static void
lines_table(struct page *p, const struct submission_view *v)
{
	static const struct ui_col cols[] = {
		{ "Linje", 0 }, { "Takstniveau", 0 }, { "Enhed", 0 },
		{ "Pladser", UI_COL_NUM }, { "Beregnet takst", UI_COL_NUM },
		{ "Takst sidste år", UI_COL_NUM }, { "Ændring", UI_COL_NUM },
		{ "Advarsler", 0 },
	};
	struct http_req	*r = p->r;
	struct html	*h = &p->h;
	struct ui_table	 t;
	size_t		 i;

	HTML_LIT(h, "<h2>Ydelseslinjer og beregnede takster</h2>");
	if (v->sub.nlines_loaded == 0) {
		ui_alert(h, UI_INFO, NULL, "Der er ingen ydelseslinjer endnu.");
		return;
	}
	HTML_LIT(h, "<p>Belægning, takstgrundlag og omkostninger for hver "
	    "linje står under tabellen.</p>");
	ui_table_begin(&t, h, NULL, cols, 8);
	for (i = 0; i < v->sub.nlines_loaded; i++) {
		const struct service_line *l = &v->sub.lines[i];
		int64_t prev = prev_tariff(v, l);

		ui_row(&t);
		ui_cell_begin(&t);
		html_text(h, arena_printf(&r->arena, "%d. %s", l->pos,
		    l->paragraph));
		if (v->may_edit) {
			HTML_LIT(h, "<br><a");
			html_url(h, "href", arena_printf(&r->arena,
			    "/indberetning/%lld/linje/%d",
			    (long long)v->sub.id, l->pos));
			HTML_LIT(h, ">");
			html_text(h, arena_printf(&r->arena, "Ret linje %d",
			    l->pos));
			HTML_LIT(h, "</a>");
		}
		ui_cell_end(&t);
		ui_cell_begin(&t);
		html_text(h, *l->level ? l->level : "–");
		tariff_http_referral(h, l->referred_from, l->referred_before);
		ui_cell_end(&t);
		ui_cell(&t, tariff_unit_label(l->unit));
		ui_cell_begin(&t);
		html_centi(h, l->places_centi);
		ui_cell_end(&t);
		ui_cell_begin(&t);
		if (l->computed)
			tariff_http_kr(h, l->tariff_ore);
		else
			HTML_LIT(h, "Kan ikke beregnes");
		ui_cell_end(&t);
		amount_cell(&t, prev >= 0, prev);
		ui_cell_begin(&t);
		if (l->computed)
			change(h, prev, l->tariff_ore);
		else
			HTML_LIT(h, "–");
		ui_cell_end(&t);
		ui_cell_begin(&t);
		warnings_cell(h, l);
		ui_cell_end(&t);
	}
	ui_table_end(&t);
}

/* The facts of a line that the table leaves out. */
static void
line_facts(struct html *h, const struct service_line *l)
{
	ui_facts_begin(h);
	ui_fact(h, "Paragraf", l->paragraph);
	ui_fact_begin(h, "Pladser");
	html_centi(h, l->places_centi);
	ui_fact_end(h);
	ui_fact_begin(h, "Belægning");
	tariff_http_pct(h, l->occupancy_bp);
	ui_fact_end(h);
	if (l->startup_ore > 0) {
		ui_fact_begin(h, "Heraf opstartsomkostninger");
		tariff_http_kr(h, l->startup_ore);
		ui_fact_end(h);
	}
	ui_fact_begin(h, "Takstgrundlag");
	if (l->computed)
		tariff_http_kr(h, l->base_ore);
	else
		HTML_LIT(h, "Kan ikke beregnes");
	ui_fact_end(h);
	ui_facts_end(h);
}

/* The label of this year's start-up share (several costs: joined). */
static const char *
startup_label(struct http_req *r, const struct submission_view *v)
{
	const char	*s = "Opstartsomkostninger";
	size_t		 i;

	for (i = 0; i < v->nstartup; i++)
		s = i == 0 ? tariff_http_startup_label(r, &v->startup[i],
		    v->round.year) : arena_printf(&r->arena, "%s; %s", s,
		    tariff_http_startup_label(r, &v->startup[i],
		    v->round.year));
	return s;
}

/*
 * The start-up costs with a share in this year, and a warning when the
 * first line was computed with another share (costs recorded since).
 */
static void
startup_notice(struct page *p, const struct submission_view *v)
{
	struct http_req	*r = p->r;
	struct html	*h = &p->h;
	int64_t		 have;

	if (v->nstartup == 0 && (v->sub.nlines_loaded == 0 ||
	    v->sub.lines[0].startup_ore == 0))
		return;
	have = v->sub.nlines_loaded > 0 ? v->sub.lines[0].startup_ore : 0;
	if (v->nstartup > 0)
		ui_alert(h, UI_INFO, startup_label(r, v), arena_printf(
		    &r->arena, "%s kr. lægges til takstgrundlaget for linje 1.",
		    tariff_http_kr_value(r, v->startup_ore)));
	if (v->sub.nlines_loaded > 0 && have != v->startup_ore)
		ui_alert(h, UI_WARNING, "Opstartsomkostningerne er ændret",
		    v->may_edit ? arena_printf(&r->arena, "Linje 1 er beregnet "
		    "med %s kr. Gem linje 1 igen, så taksten medtager %s kr.",
		    tariff_http_kr_value(r, have),
		    tariff_http_kr_value(r, v->startup_ore)) : arena_printf(
		    &r->arena, "Linje 1 er beregnet med %s kr., men årets andel "
		    "er %s kr.", tariff_http_kr_value(r, have),
		    tariff_http_kr_value(r, v->startup_ore)));
}

/* Every cost line of each service line beside last year's. */
static void
costs(struct page *p, const struct submission_view *v)
{
	static const struct {
		const char	*label;
		size_t		 off;
	} posts[] = {
		{ "Lønomkostninger",
		    offsetof(struct service_line, costs.wages_ore) },
		{ "Ejendomsomkostninger",
		    offsetof(struct service_line, costs.property_ore) },
		{ "Øvrige driftsomkostninger",
		    offsetof(struct service_line, costs.other_ore) },
		{ "Overhead, central ledelse og administration",
		    offsetof(struct service_line, costs.overhead_ore) },
		{ "Kapitalomkostninger",
		    offsetof(struct service_line, costs.capital_ore) },
		{ "Tjenestemandspension",
		    offsetof(struct service_line, costs.pension_ore) },
		{ "Indtægter uden for taksten",
		    offsetof(struct service_line, income_ore) },
		{ "Over-/underskud fra regnskab",
		    offsetof(struct service_line, carry_over_ore) },
	};
	struct http_req	*r = p->r;
	struct html	*h = &p->h;
	struct ui_col	 cols[] = {
		{ "Post", 0 },
		{ v->src.id != 0 ? arena_printf(&r->arena, "%d, runde %d",
		    v->src.year, v->src.round_no) : "Sidste år", UI_COL_NUM },
		{ arena_printf(&r->arena, "%d, runde %d", v->round.year,
		    v->round.no), UI_COL_NUM },
		{ "Ændring", UI_COL_NUM },
	};
	struct ui_table	 t;
	size_t		 i, k;

	if (v->sub.nlines_loaded == 0)
		return;
	HTML_LIT(h, "<h2>Omkostninger og ændring fra sidste år</h2><p>");
	if (v->src.id != 0)
		html_text(h, arena_printf(&r->arena, "Sammenlignet med "
		    "indberetningen for takstår %d, runde %d, og den "
		    "offentliggjorte takst for %d.", v->src.year,
		    v->src.round_no, v->round.year - 1));
	else
		html_text(h, "Der er ingen tidligere indberetning for tilbuddet "
		    "at sammenligne med.");
	HTML_LIT(h, "</p>");
	for (i = 0; i < v->sub.nlines_loaded; i++) {
		const struct service_line *l = &v->sub.lines[i];
		const struct service_line *x = prev_line(v, l);
		int64_t pt = prev_tariff(v, l);

		if (pt < 0 && x != NULL && x->computed)
			pt = x->tariff_ore;
		ui_accordion_begin(h, arena_printf(&r->arena, "Linje %d: %s%s%s, "
		    "%s", l->pos, l->paragraph, *l->level ? " " : "", l->level,
		    tariff_unit_label(l->unit)), v->sub.nlines_loaded <= 3);
		line_facts(h, l);
		ui_table_begin(&t, h, NULL, cols, 4);
		for (k = 0; k < sizeof(posts) / sizeof(posts[0]); k++) {
			int64_t cur = *(const int64_t *)(const void *)
			    ((const char *)l + posts[k].off);
			int64_t old = x != NULL ? *(const int64_t *)
			    (const void *)((const char *)x + posts[k].off) : 0;

			ui_row(&t);
			ui_cell(&t, posts[k].label);
			amount_cell(&t, x != NULL, old);
			amount_cell(&t, true, cur);
			ui_cell_begin(&t);
			if (x != NULL)
				change(h, old, cur);
			else
				HTML_LIT(h, "–");
			ui_cell_end(&t);
		}
		if (l->startup_ore != 0 || (x != NULL && x->startup_ore != 0)) {
			ui_row(&t);
			ui_cell(&t, l->startup_ore != 0 ? startup_label(r, v) :
			    "Opstartsomkostninger");
			amount_cell(&t, x != NULL, x ? x->startup_ore : 0);
			amount_cell(&t, true, l->startup_ore);
			ui_cell_begin(&t);
			if (x != NULL)
				change(h, x->startup_ore, l->startup_ore);
			else
				HTML_LIT(h, "–");
			ui_cell_end(&t);
		}
		ui_row(&t);
		ui_cell(&t, "Takstgrundlag");
		amount_cell(&t, x != NULL && x->computed, x ? x->base_ore : 0);
		amount_cell(&t, l->computed, l->base_ore);
		ui_cell_begin(&t);
		if (x != NULL && x->computed && l->computed)
			change(h, x->base_ore, l->base_ore);
		else
			HTML_LIT(h, "–");
		ui_cell_end(&t);
		ui_row(&t);
		ui_cell(&t, "Takst");
		amount_cell(&t, pt >= 0, pt);
		amount_cell(&t, l->computed, l->tariff_ore);
		ui_cell_begin(&t);
		if (l->computed)
			change(h, pt, l->tariff_ore);
		else
			HTML_LIT(h, "–");
		ui_cell_end(&t);
		ui_table_end(&t);
		ui_accordion_end(h);
	}
}

static void
history_table(struct page *p, const struct history_entry *hist, size_t n)
{
	static const struct ui_col cols[] = {
		{ "Tidspunkt", 0 }, { "Bruger", 0 }, { "Handling", 0 },
	};
	struct ui_table	t;
	size_t		k;

	if (n == 0)
		return;
	HTML_LIT(&p->h, "<h2>Historik</h2>");
	ui_table_begin(&t, &p->h, NULL, cols, 3);
	for (k = 0; k < n; k++) {
		ui_row(&t);
		ui_cell_begin(&t);
		html_time(&p->h, hist[k].at_iso);
		ui_cell_end(&t);
		ui_cell(&t, hist[k].who);
		ui_cell(&t, hist[k].action_label);
	}
	ui_table_end(&t);
}

/* A form posting the version (and more fields) to /indberetning/ID/WHAT. */
static void
act_form_begin(struct page *p, const struct submission_view *v,
    const char *what)
{
	struct html *h = &p->h;

	HTML_LIT(h, "<form method=\"post\"");
	html_url(h, "action", arena_printf(&p->r->arena,
	    "/indberetning/%lld/%s", (long long)v->sub.id, what));
	HTML_LIT(h, ">");
	page_csrf(p);
	tariff_http_version_field(p, v->sub.version);
}

static void
actions(struct page *p, const struct submission_view *v,
    const struct ui_errors *errs)
{
	struct http_req	*r = p->r;
	struct html	*h = &p->h;

	if (v->may_submit && v->reasons_missing > 0)
		ui_alert(h, UI_WARNING, NULL, arena_printf(&r->arena,
		    "%zu linje(r) har advarsler, der kræver en begrundelse, "
		    "før indberetningen kan indsendes.", v->reasons_missing));
	else if (!v->may_submit && v->may_edit)
		ui_alert(h, UI_INFO, NULL, "Fristen for at indsende er "
		    "overskredet; sekretariatet kan genåbne runden.");
	HTML_LIT(h, "<div class=\"actions\">");
	if (v->may_edit && v->sub.nlines_loaded < ROUND_LINES_MAX)
		ui_button_link(h, UI_SECONDARY, idpath(r,
		    "/indberetning/%lld/linje/ny", v->sub.id),
		    "Tilføj ydelseslinje");
	if (v->may_submit) {
		act_form_begin(p, v, "indsend");
		ui_button(h, UI_PRIMARY, v->sub.status == SUBMISSION_RETURNED ?
		    "Indsend igen" : "Indsend", NULL, NULL);
		HTML_LIT(h, "</form>");
	}
	if (v->may_review && v->sub.status == SUBMISSION_SUBMITTED) {
		act_form_begin(p, v, "godkend");
		ui_button(h, UI_PRIMARY, "Godkend", NULL, NULL);
		HTML_LIT(h, "</form>");
	}
	HTML_LIT(h, "</div>");
	if (!v->may_review)
		return;
	HTML_LIT(h, "<h2>Send retur</h2>");
	act_form_begin(p, v, "retur");
	ui_field(h, &(struct ui_field){ .name = "comment",
	    .label = "Kommentar til driftsherren",
	    .hint = "Hvad skal rettes, før indberetningen kan godkendes",
	    .type = UI_TEXTAREA, .rows = 3, .required = true,
	    .maxlength = ROUND_COMMENT_MAX,
	    .value = http_form(r, "comment") }, errs);
	HTML_LIT(h, "<div class=\"actions\">");
	ui_button(h, UI_SECONDARY, "Send retur", NULL, NULL);
	HTML_LIT(h, "</div></form>");
}

static const struct page_crumb *
crumbs(struct http_req *r, const struct submission_view *v)
{
	struct page_crumb *c = arena_alloc(&r->arena, 2 * sizeof(*c));

	c[0] = (struct page_crumb){ "/takstindberetning", "Takstindberetning" };
	c[1] = (struct page_crumb){ idpath(r, "/takstindberetning/%lld",
	    v->round.id), arena_printf(&r->arena, "Takstindberetning %d, "
	    "runde %d", v->round.year, v->round.no) };
	return c;
}

void
tariff_http_submission_page(struct http_req *r, int64_t id,
    const struct err *err, int status)
{
	struct page		 p;
	struct html		*h = &p.h;
	struct submission_view	 v;
	struct history_entry	*hist;
	struct ui_errors	 errs;
	struct err		 e;
	const char		*flash;
	size_t			 nh = 0;

	err_clear(&e);
	if (round_submission_get(&r->svc, id, &v, &e) != 0) {
		http_send_error(r, &e);
		return;
	}
	ui_errors_init(&errs);
	if (err != NULL)
		ui_errors_add_err(&errs, r, err);
	page_begin_crumbs(&p, r, arena_printf(&r->arena, "Takstindberetning: "
	    "%s", v.sub.offer_name), "indberetning", crumbs(r, &v), 2);
	if ((flash = sub_flash(http_query(r, "besked"))) != NULL)
		ui_alert(h, UI_SUCCESS, NULL, flash);
	ui_error_summary(h, &errs);
	if (v.sub.comment != NULL && v.sub.status == SUBMISSION_RETURNED)
		ui_alert(h, UI_WARNING, "Sendt retur af sekretariatet",
		    v.may_edit ? arena_printf(&r->arena, "%s — ret linjerne "
		    "og indsend igen.", v.sub.comment) : v.sub.comment);
	ui_facts_begin(h);
	ui_fact_begin(h, "Runde");
	HTML_LIT(h, "<a");
	html_url(h, "href", idpath(r, "/takstindberetning/%lld", v.round.id));
	HTML_LIT(h, ">");
	html_text(h, arena_printf(&r->arena, "Takstår %d, runde %d: %s",
	    v.round.year, v.round.no, v.round.title));
	HTML_LIT(h, "</a>");
	ui_fact_end(h);
	ui_fact(h, "Driftsherre", v.sub.operator_name);
	ui_fact_begin(h, "Frist");
	html_date(h, v.round.deadline);
	if (v.round.reopened_until != NULL) {
		HTML_LIT(h, " (genåbnet til ");
		html_date(h, v.round.reopened_until);
		HTML_LIT(h, ")");
	}
	ui_fact_end(h);
	ui_fact_begin(h, "Status");
	HTML_LIT(h, "<span id=\"status\">");
	tariff_http_submission_badge(h, &v.sub, &v.round);
	HTML_LIT(h, "</span>");
	ui_fact_end(h);
	ui_fact_begin(h, "Overførsel fra regnskab");
	if (v.has_carry) {
		tariff_http_kr(h, v.expected_carry_ore);
		html_text(h, arena_printf(&r->arena, " (over-/underskud fra "
		    "%d; overskud nedsætter taksten)", v.round.year - 2));
	} else
		HTML_LIT(h, "Intet regnskab med overførsel til dette takstår");
	ui_fact_end(h);
	ui_facts_end(h);

	startup_notice(&p, &v);
	lines_table(&p, &v);
	actions(&p, &v, &errs);
	costs(&p, &v);
	if (history_submission(&r->svc, id, &hist, &nh, &e) == 0)
		history_table(&p, hist, nh);
	page_end(&p, status);
}

void
page_submission(struct http_req *r)
{
	int64_t id;

	if (tariff_http_path_id(r, &id) == 0)
		tariff_http_submission_page(r, id, NULL, 200);
}

/* The confirmation of submitting, approving or returning v. */
static void
confirm_page(struct http_req *r, const struct submission_view *v,
    enum submission_action act)
{
	struct page	 p;
	const char	*back = idpath(r, "/indberetning/%lld", v->sub.id);
	const char	*heading, *text, *button, *what, *title;

	switch (act) {
	case SUBMISSION_SUBMIT:
		title = "Indsend indberetningen";
		heading = "Vil du indsende indberetningen?";
		text = arena_printf(&r->arena, "%s sendes til sekretariatet "
		    "med %zu ydelseslinje(r). Derefter kan den ikke ændres, "
		    "medmindre sekretariatet sender den retur.",
		    v->sub.offer_name, v->sub.nlines_loaded);
		button = "Indsend";
		what = "indsend";
		break;
	case SUBMISSION_APPROVE:
		title = "Godkend indberetningen";
		heading = "Vil du godkende indberetningen?";
		text = arena_printf(&r->arena, "Taksterne for %s (%s) "
		    "offentliggøres, når runden offentliggøres. Driftsherren "
		    "kan ikke længere ændre indberetningen.",
		    v->sub.offer_name, v->sub.operator_name);
		button = "Godkend";
		what = "godkend";
		break;
	default:
		title = "Send indberetningen retur";
		heading = "Vil du sende indberetningen retur?";
		text = arena_printf(&r->arena, "%s (%s) får indberetningen "
		    "retur med din kommentar og kan rette og indsende den "
		    "igen.", v->sub.operator_name, v->sub.offer_name);
		button = "Send retur";
		what = "retur";
		break;
	}
	page_begin_crumbs(&p, r, title, "indberetning",
	    (const struct page_crumb[]){ crumbs(r, v)[0], crumbs(r, v)[1],
	    { back, v->sub.offer_name } }, 3);
	ui_confirm(&p, &(struct ui_confirm){ .heading = heading,
	    .text = text, .action = arena_printf(&r->arena, "%s/%s", back,
	    what), .button = button, .cancel_href = back });
	page_end(&p, 200);
}

static void
submission_post(struct http_req *r, enum submission_action act)
{
	static const char *const flash[] = { "gemt", "indsendt", "godkendt",
	    "retur" };
	struct submission_view	v;
	struct err		e;
	const char		*comment;
	int64_t			id, version, nv;
	int			rc;

	if (tariff_http_path_id(r, &id) != 0)
		return;
	err_clear(&e);
	comment = http_form_text(r, "comment");
	if ((rc = http_form_error(r, &e)) == 0 &&
	    (rc = tariff_http_form_version(r, &version, &e)) == 0 &&
	    !ui_confirmed(r)) {
		if (round_submission_get(&r->svc, id, &v, &e) != 0) {
			http_send_error(r, &e);
			return;
		}
		if (act == SUBMISSION_RETURN && comment == NULL)
			rc = err_set(&e, ERR_INVALID, "missing_field",
			    "comment", "Skriv en kommentar til driftsherren "
			    "om, hvad der skal rettes");
		else if (v.sub.version == version &&
		    (act == SUBMISSION_SUBMIT ? v.may_submit && v.reasons_missing
		    == 0 && v.sub.nlines_loaded > 0 : v.may_review)) {
			confirm_page(r, &v, act);
			return;
		}
	}
	if (rc == 0)
		rc = round_submission_act(&r->svc, id, version, act, comment,
		    &nv, &e);
	if (rc == 0) {
		http_redirect(r, arena_printf(&r->arena,
		    "/indberetning/%lld?besked=%s", (long long)id, flash[act]));
		return;
	}
	if (e.code == ERR_FORBIDDEN || e.code == ERR_NOT_FOUND) {
		http_send_error(r, &e);
		return;
	}
	tariff_http_submission_page(r, id, &e, http_status_of_err(e.code));
}

void
page_submission_submit(struct http_req *r)
{
	submission_post(r, SUBMISSION_SUBMIT);
}

void
page_submission_approve(struct http_req *r)
{
	submission_post(r, SUBMISSION_APPROVE);
}

void
page_submission_return(struct http_req *r)
{
	submission_post(r, SUBMISSION_RETURN);
}
