/*
 * page_round — Takstindberetning: the rounds with their state and a new
 * round (the secretariat), one round with its progress and submissions,
 * the XLSX template and its upload, and the secretariat's close, reopen
 * and publish, each irreversible step behind a confirmation that says
 * what will happen (publishing names the submissions not approved).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/role.h"
#include "core/round.h"
#include "http/api.h"
#include "http/html.h"
#include "http/http.h"
#include "http/page.h"
#include "http/routes.h"
#include "http/tariff_http.h"
#include "http/ui.h"
#include "service/round.h"
#include "service/round_io.h"
#include "util/text.h"

/* A path with one id: idpath(r, "/takstindberetning/%lld", id). */
#define idpath(r, fmt, id)	arena_printf(&(r)->arena, fmt, (long long)(id))

/* What a round's page says after an action (?besked=). */
static const char *
round_flash(struct http_req *r, const char *key)
{
	int64_t lines = -1, missing = 0, n = -1;
	const char *v;

	if (key == NULL)
		return NULL;
	if ((v = http_query(r, "linjer")) != NULL)
		(void)text_parse_i64(v, &lines);
	if ((v = http_query(r, "mangler")) != NULL)
		(void)text_parse_i64(v, &missing);
	if ((v = http_query(r, "antal")) != NULL)
		(void)text_parse_i64(v, &n);
	if (strcmp(key, "indlaest") == 0 && lines >= 0)
		return missing > 0 ? arena_printf(&r->arena, "Skabelonen er "
		    "indlæst: %lld %s læst, og taksterne er beregnet. %lld %s "
		    "mangler stadig en begrundelse.", (long long)lines,
		    lines == 1 ? "linje er" : "linjer er", (long long)missing,
		    missing == 1 ? "linje" : "linjer") : arena_printf(
		    &r->arena, "Skabelonen er indlæst: %lld %s læst, og "
		    "taksterne er beregnet. Ingen linjer mangler en "
		    "begrundelse.", (long long)lines, lines == 1 ? "linje er" :
		    "linjer er");
	if (strcmp(key, "indsendt") == 0 && n >= 0)
		return arena_printf(&r->arena, "%lld %s indsendt.",
		    (long long)n, n == 1 ? "indberetning er" :
		    "indberetninger er");
	if (strcmp(key, "godkendt") == 0 && n >= 0)
		return arena_printf(&r->arena, "%lld %s godkendt.",
		    (long long)n, n == 1 ? "indberetning er" :
		    "indberetninger er");
	if (strcmp(key, "oprettet") == 0)
		return "Runden er åbnet, og indberetningerne er oprettet.";
	if (strcmp(key, "lukket") == 0)
		return "Runden er lukket for indberetning.";
	if (strcmp(key, "genaabnet") == 0)
		return "Runden er genåbnet med en ny frist.";
	if (strcmp(key, "offentliggjort") == 0)
		return "Runden er offentliggjort; taksterne står i "
		    "takstoversigten.";
	if (strcmp(key, "indlaest") == 0)
		return "Skabelonen er indlæst; taksterne er beregnet.";
	return NULL;
}

/* A posted value to show again, else def. */
static const char *
posted(struct http_req *r, const char *name, const char *def)
{
	const char *v = strcmp(r->method, "POST") == 0 ?
	    http_form(r, name) : NULL;

	return v != NULL ? v : def;
}

/* ---- the rounds ------------------------------------------------------- */

static void
new_round_form(struct page *p, const struct ui_errors *errs)
{
	struct http_req	*r = p->r;
	struct html	*h = &p->h;
	const char	*cov;

	HTML_LIT(h, "<h2>Åbn en ny runde</h2><p>Alle driftsherrers tilbud får "
	    "en indberetning, udfyldt på forhånd med sidste års linjer og "
	    "regnskabernes over-/underskud og belægning.</p>");
	ui_error_summary(h, errs);
	HTML_LIT(h, "<form method=\"post\" action=\"/takstindberetning\">");
	page_csrf(p);
	ui_field(h, &(struct ui_field){ .name = "year", .label = "Takstår",
	    .type = UI_NUMBER, .inputmode = "numeric", .maxlength = 4,
	    .width = "xs", .required = true, .value = posted(r, "year",
	    arena_printf(&r->arena, "%d", atoi(r->svc.now_iso) + 1)) }, errs);
	ui_field(h, &(struct ui_field){ .name = "no", .label = "Rundenummer",
	    .hint = "1: foreløbige takster, 2: endelige takster",
	    .type = UI_NUMBER, .inputmode = "numeric",
	    .maxlength = ROUND_NO_DIGITS, .width = "xxs", .required = true,
	    .value = posted(r, "no", "1") },
	    errs);
	ui_field(h, &(struct ui_field){ .name = "title", .label = "Titel",
	    .maxlength = ROUND_TITLE_MAX, .required = true,
	    .value = posted(r, "title", "Foreløbige takster") }, errs);
	ui_field(h, &(struct ui_field){ .name = "opens_on", .label = "Åbner",
	    .type = UI_DATE, .required = true, .value = posted(r, "opens_on",
	    arena_strndup(&r->arena, r->svc.now_iso, 10)) }, errs);
	ui_field(h, &(struct ui_field){ .name = "deadline", .label = "Frist",
	    .hint = "Sidste dag driftsherrerne kan indsende",
	    .type = UI_DATE, .required = true,
	    .value = posted(r, "deadline", NULL) }, errs);
	ui_field(h, &(struct ui_field){ .name = "pl_pct",
	    .label = "Pris- og lønudvikling fra året før", .type = UI_NUMBER,
	    .suffix = "%", .width = "s", .value = posted(r, "pl_pct", "0") },
	    errs);
	ui_field(h, &(struct ui_field){ .name = "increase_warn_pct",
	    .label = "Reel stigning der kræver begrundelse",
	    .type = UI_NUMBER, .suffix = "%", .width = "s",
	    .value = posted(r, "increase_warn_pct", "5") }, errs);
	cov = posted(r, "covered_only", NULL);
	ui_checkbox(h, &(struct ui_check){ .name = "covered_only",
	    .label = "Kun tilbud omfattet af rammeaftalen",
	    .checked = cov != NULL });
	HTML_LIT(h, "<div class=\"actions\">");
	ui_button(h, UI_PRIMARY, "Åbn runden", NULL, NULL);
	HTML_LIT(h, "</div></form>");
}

static void
rounds_page(struct http_req *r, const struct ui_errors *errs, int status)
{
	static const struct ui_col cols[] = {
		{ "Takstår", UI_COL_NUM }, { "Runde", UI_COL_NUM },
		{ "Titel", 0 }, { "Frist", 0 }, { "Status", 0 },
	};
	struct page		 p;
	struct html		*h = &p.h;
	struct tariff_round	*v;
	struct ui_table		 t;
	struct err		 e;
	size_t			 n = 0, i;

	err_clear(&e);
	if (round_list(&r->svc, &v, &n, &e) != 0) {
		http_send_error(r, &e);
		return;
	}
	page_begin(&p, r, "Takstindberetning", "indberetning");
	tariff_http_tabs(&p, TARIFF_TAB_ROUNDS);
	HTML_LIT(h, "<p>Runder for takstindberetning (runde 1: foreløbige "
	    "takster om sommeren; runde 2: endelige takster efter "
	    "budgetvedtagelsen).</p>");
	if (n == 0)
		ui_alert(h, UI_INFO, NULL, "Der er ingen runder endnu.");
	else {
		ui_table_begin(&t, h, NULL, cols, 5);
		for (i = 0; i < n; i++) {
			ui_row(&t);
			ui_cell(&t, arena_printf(&r->arena, "%d",
			    v[i].year));
			ui_cell_int(&t, v[i].no);
			ui_cell_link(&t, idpath(r, "/takstindberetning/%lld",
			    v[i].id), v[i].title);
			ui_cell_begin(&t);
			html_date(h, v[i].deadline);
			ui_cell_end(&t);
			ui_cell_begin(&t);
			tariff_http_round_badge(h, &v[i]);
			ui_cell_end(&t);
		}
		ui_table_end(&t);
	}
	if (r->who.role == ROLE_ADMIN)
		new_round_form(&p, errs);
	page_end(&p, status);
}

void
page_rounds(struct http_req *r)
{
	rounds_page(r, NULL, 200);
}

/* A percentage field ("1,8" or "1.8") into basis points. */
static int
form_pct(struct http_req *r, const char *name, int64_t *out, struct err *e)
{
	const char *v = http_form_text(r, name);

	if (v == NULL)
		return 0;
	if (text_parse_centi(v, out) != 0)
		return err_set(e, ERR_INVALID, "invalid_number", name,
		    "Angiv et tal med højst to decimaler");
	return 0;
}

void
page_rounds_create(struct http_req *r)
{
	struct tariff_round	 t;
	struct ui_errors	 errs;
	struct err		 e;
	const char		*s;
	int64_t			 y = 0, no = 0, id;
	int			 rc;

	err_clear(&e);
	memset(&t, 0, sizeof(t));
	t.increase_warn_bp = 500;
	if ((rc = http_form_error(r, &e)) == 0) {
		if ((s = http_form_text(r, "year")) == NULL ||
		    text_parse_i64(s, &y) != 0)
			rc = err_set(&e, ERR_INVALID, "invalid_year", "year",
			    "Angiv takståret");
		else if ((s = http_form_text(r, "no")) == NULL ||
		    text_parse_i64(s, &no) != 0 || no < 1 || no > ROUND_NO_MAX)
			rc = err_set(&e, ERR_INVALID, "invalid_round_no", "no",
			    "Rundenummeret skal være 1–%d", ROUND_NO_MAX);
		else if ((rc = form_pct(r, "pl_pct", &t.pl_bp, &e)) == 0)
			rc = form_pct(r, "increase_warn_pct",
			    &t.increase_warn_bp, &e);
	}
	if (rc == 0) {
		t.year = (int)(y > 0 && y < 10000 ? y : 0);
		t.no = (int)no;
		t.title = http_form_text(r, "title");
		t.opens_on = http_form_text(r, "opens_on");
		t.deadline = http_form_text(r, "deadline");
		t.covered_only = http_form_text(r, "covered_only") != NULL;
		rc = round_create(&r->svc, &t, &id, NULL, &e);
	}
	if (rc == 0) {
		http_redirect(r, idpath(r, "/takstindberetning/%lld?besked="
		    "oprettet", id));
		return;
	}
	if (e.code == ERR_FORBIDDEN) {
		http_send_error(r, &e);
		return;
	}
	ui_errors_init(&errs);
	ui_errors_add_err(&errs, r, &e);
	rounds_page(r, &errs, http_status_of_err(e.code));
}

/* ---- one round -------------------------------------------------------- */

static void
upload_form(struct page *p, int64_t round_id, const struct ui_errors *errs)
{
	struct html *h = &p->h;

	HTML_LIT(h, "<h2>Excel-skabelon</h2><p>Hent skabelonen med dine "
	    "tilbud, udfyld budgettet pr. ydelseslinje og indlæs den igen. "
	    "Arket »Vejledning« forklarer enheder, beløb og procenter. "
	    "Skabelonen hører til denne runde og kan ikke indlæses i en "
	    "anden. Hvis en celle er forkert, gemmes intet, og alle fejl "
	    "vises med række og celle.</p><div class=\"actions\">");
	ui_button_link(h, UI_SECONDARY, idpath(p->r,
	    "/takstindberetning/%lld/skabelon", round_id),
	    "Hent skabelon (Excel)");
	HTML_LIT(h, "</div><form method=\"post\" "
	    "enctype=\"multipart/form-data\"");
	html_url(h, "action", idpath(p->r, "/takstindberetning/%lld/skabelon",
	    round_id));
	HTML_LIT(h, ">");
	page_csrf(p);
	ui_field(h, &(struct ui_field){ .name = "file",
	    .label = "Udfyldt skabelon (.xlsx)", .type = UI_FILE,
	    .accept = ".xlsx", .required = true }, errs);
	HTML_LIT(h, "<div class=\"actions\">");
	ui_button(h, UI_PRIMARY, "Indlæs skabelon", NULL, NULL);
	HTML_LIT(h, "</div></form>");
}

static void
import_errors(struct page *p, const struct round_import_report *rep)
{
	static const struct ui_col cols[] = {
		{ "Række", UI_COL_NUM }, { "Celle", 0 }, { "Fejl", 0 },
	};
	struct ui_table	t;
	int		i;

	if (rep->nerrors == 0)
		return;
	ui_table_begin(&t, &p->h, "Fejl i skabelonen", cols, 3);
	for (i = 0; i < rep->nerrors; i++) {
		ui_row(&t);
		ui_cell_int(&t, rep->errors[i].line);
		ui_cell(&t, rep->errors[i].field);
		ui_cell(&t, rep->errors[i].msg);
	}
	ui_table_end(&t);
}

static void
progress(struct page *p, const struct round_progress *pr, bool admin)
{
	static const struct ui_col cols[] = {
		{ "Driftsherre", 0 }, { "Tilbud", UI_COL_NUM },
		{ "Indsendt", UI_COL_NUM }, { "Godkendt", UI_COL_NUM },
		{ "Status", 0 },
	};
	struct html	*h = &p->h;
	struct ui_table	 t;
	size_t		 i;
	int		 k;

	HTML_LIT(h, "<h2>Fremdrift</h2><p id=\"progress\"><strong>");
	html_int(h, pr->operators_done);
	HTML_LIT(h, " af ");
	html_int(h, pr->operators);
	HTML_LIT(h, "</strong> driftsherrer har indsendt alle deres "
	    "indberetninger.</p><p>");
	for (k = 0; k < SUBMISSION_STATUS_COUNT; k++) {
		if (k > 0)
			HTML_LIT(h, " · ");
		html_text(h, submission_status_label(
		    (enum submission_status)k));
		HTML_LIT(h, ": ");
		html_int(h, pr->by_status[k]);
	}
	HTML_LIT(h, "</p>");
	if (!admin || pr->nops == 0)
		return;
	ui_table_begin(&t, h, "Driftsherrer", cols, 5);
	for (i = 0; i < pr->nops; i++) {
		ui_row(&t);
		ui_cell(&t, pr->ops[i].name);
		ui_cell_int(&t, pr->ops[i].offers);
		ui_cell_int(&t, pr->ops[i].done);
		ui_cell_int(&t, pr->ops[i].approved);
		ui_cell_begin(&t);
		if (pr->ops[i].done == pr->ops[i].offers)
			ui_badge(h, UI_SUCCESS, "Alt indsendt");
		else
			ui_badge(h, UI_WARNING, "Mangler at indsende");
		ui_cell_end(&t);
	}
	ui_table_end(&t);
}

/* The filter of the submissions: "" (Alle) or a status's API name. */
static void
submissions(struct page *p, const struct tariff_round *t,
    const struct submission *v, size_t n)
{
	static const struct ui_col cols[] = {
		{ "Tilbud", 0 }, { "Driftsherre", 0 }, { "Status", 0 },
		{ "Linjer", UI_COL_NUM }, { "Advarsler", UI_COL_NUM },
		{ "Mangler begrundelse", UI_COL_NUM },
	};
	struct http_req		*r = p->r;
	struct html		*h = &p->h;
	struct ui_option	 opts[SUBMISSION_STATUS_COUNT];
	struct ui_table		 tb;
	const char		*sel = http_query(r, "status");
	size_t			 i, shown = 0;
	int			 k;

	HTML_LIT(h, "<h2 id=\"indberetninger\">Indberetninger</h2>");
	if (n == 0) {
		ui_alert(h, UI_INFO, NULL, "Der er ingen indberetninger.");
		return;
	}
	for (k = 0; k < SUBMISSION_STATUS_COUNT; k++)
		opts[k] = (struct ui_option){ submission_status_name(
		    (enum submission_status)k), submission_status_label(
		    (enum submission_status)k) };
	HTML_LIT(h, "<form class=\"filters\" method=\"get\"");
	html_url(h, "action", idpath(r, "/takstindberetning/%lld", t->id));
	HTML_LIT(h, " aria-label=\"Vis indberetninger\">");
	ui_select(h, &(struct ui_select){ .name = "status", .label = "Status",
	    .first = "Alle", .selected = sel, .options = opts,
	    .noptions = SUBMISSION_STATUS_COUNT }, NULL);
	ui_button(h, UI_SECONDARY, "Vis", NULL, NULL);
	HTML_LIT(h, "</form>");
	ui_table_begin(&tb, h, NULL, cols, 6);
	for (i = 0; i < n; i++) {
		if (sel != NULL && *sel != '\0' && strcmp(sel,
		    submission_status_name(v[i].status)) != 0)
			continue;
		shown++;
		ui_row(&tb);
		ui_cell_link(&tb, idpath(r, "/indberetning/%lld", v[i].id),
		    v[i].offer_name);
		ui_cell(&tb, v[i].operator_name);
		ui_cell_begin(&tb);
		tariff_http_submission_badge(h, &v[i], t);
		ui_cell_end(&tb);
		ui_cell_int(&tb, v[i].nlines);
		ui_cell_int(&tb, v[i].nwarnings);
		ui_cell_int(&tb, v[i].reasons_missing);
	}
	ui_table_end(&tb);
	if (shown == 0)
		ui_alert(h, UI_INFO, NULL, "Ingen indberetninger har den "
		    "valgte status.");
}

/* May the round be reopened: closed, or open but past its last day. */
static bool
may_reopen(struct http_req *r, const struct tariff_round *t)
{
	char today[11];

	snprintf(today, sizeof(today), "%.10s", r->svc.now_iso);
	return t->status == ROUND_CLOSED || (t->status == ROUND_OPEN &&
	    !round_accepts_submissions(t, today));
}

/* A form with one button posting the version to /takstindberetning/ID/A. */
static void
action_form(struct page *p, const struct tariff_round *t, const char *what,
    enum ui_button kind, const char *label)
{
	struct html *h = &p->h;

	HTML_LIT(h, "<form method=\"post\"");
	html_url(h, "action", arena_printf(&p->r->arena,
	    "/takstindberetning/%lld/%s", (long long)t->id, what));
	HTML_LIT(h, ">");
	page_csrf(p);
	tariff_http_version_field(p, t->version);
	ui_button(h, kind, label, NULL, NULL);
	HTML_LIT(h, "</form>");
}

static void
secretariat(struct page *p, const struct tariff_round *t,
    const struct ui_errors *errs)
{
	struct html *h = &p->h;

	HTML_LIT(h, "<h2>Sekretariatet</h2><div class=\"actions\">");
	if (t->status == ROUND_OPEN)
		action_form(p, t, "luk", UI_SECONDARY, "Luk runden");
	action_form(p, t, "offentliggoer", UI_PRIMARY, "Offentliggør takster");
	HTML_LIT(h, "</div>");
	if (!may_reopen(p->r, t))
		return;
	HTML_LIT(h, "<h3>Genåbn runden</h3><form method=\"post\"");
	html_url(h, "action", idpath(p->r, "/takstindberetning/%lld/genaabn",
	    t->id));
	HTML_LIT(h, ">");
	page_csrf(p);
	tariff_http_version_field(p, t->version);
	ui_field(h, &(struct ui_field){ .name = "until", .label = "Ny frist",
	    .hint = "Driftsherrerne kan indsende til og med denne dag",
	    .type = UI_DATE, .required = true }, errs);
	HTML_LIT(h, "<div class=\"actions\">");
	ui_button(h, UI_SECONDARY, "Genåbn runden", NULL, NULL);
	HTML_LIT(h, "</div></form>");
}

static const char *
round_title(struct http_req *r, const struct tariff_round *t)
{
	return arena_printf(&r->arena, "Takstindberetning %d, runde %d",
	    t->year, t->no);
}

static void
round_page(struct http_req *r, int64_t id, const struct err *err,
    const struct round_import_report *rep, int status)
{
	struct page		 p;
	struct html		*h = &p.h;
	struct tariff_round	 t;
	struct round_progress	 pr;
	struct submission	*v;
	struct ui_errors	 errs;
	struct err		 e;
	const char		*flash;
	size_t			 n;
	bool			 admin = r->who.role == ROLE_ADMIN;

	err_clear(&e);
	if (round_get(&r->svc, id, &t, &pr, &e) != 0 ||
	    round_submissions(&r->svc, id, &v, &n, &e) != 0) {
		http_send_error(r, &e);
		return;
	}
	ui_errors_init(&errs);
	if (err != NULL)
		ui_errors_add_err(&errs, r, err);
	page_begin_crumbs(&p, r, round_title(r, &t), "indberetning",
	    (const struct page_crumb[]){ { "/takstindberetning",
	    "Takstindberetning" } }, 1);
	if ((flash = round_flash(r, http_query(r, "besked"))) != NULL)
		ui_alert(h, UI_SUCCESS, NULL, flash);
	ui_error_summary(h, &errs);
	if (rep != NULL)
		import_errors(&p, rep);
	ui_facts_begin(h);
	ui_fact(h, "Titel", t.title);
	ui_fact(h, "Takstår", arena_printf(&r->arena, "%d", t.year));
	ui_fact_date(h, "Åbner", t.opens_on);
	ui_fact_begin(h, "Frist");
	html_date(h, t.deadline);
	if (t.reopened_until != NULL) {
		HTML_LIT(h, " (genåbnet til ");
		html_date(h, t.reopened_until);
		HTML_LIT(h, ")");
	}
	ui_fact_end(h);
	ui_fact_begin(h, "Status");
	tariff_http_round_badge(h, &t);
	ui_fact_end(h);
	ui_facts_end(h);

	progress(&p, &pr, admin);
	submissions(&p, &t, v, n);
	round_bulk_section(&p, &t);
	if (t.status == ROUND_OPEN && n > 0)
		upload_form(&p, id, &errs);
	if (admin && t.status != ROUND_PUBLISHED)
		secretariat(&p, &t, &errs);
	page_end(&p, status);
}

void
page_round_view(struct http_req *r)
{
	int64_t id;

	if (tariff_http_path_id(r, &id) == 0)
		round_page(r, id, NULL, NULL, 200);
}

enum round_act { ACT_CLOSE, ACT_REOPEN, ACT_PUBLISH };

/* The confirmation of closing or publishing round t. */
static void
confirm_page(struct http_req *r, const struct tariff_round *t,
    enum round_act what)
{
	struct page		 p;
	struct submission	*v;
	struct err		 e;
	const char		**list = NULL, *back, *text;
	size_t			 n = 0, i, k = 0, approved = 0;

	err_clear(&e);
	if (round_submissions(&r->svc, t->id, &v, &n, &e) != 0) {
		http_send_error(r, &e);
		return;
	}
	back = idpath(r, "/takstindberetning/%lld", t->id);
	if (what == ACT_PUBLISH) {
		list = arena_alloc(&r->arena, (n + 1) * sizeof(*list));
		for (i = 0; i < n; i++)
			if (v[i].status == SUBMISSION_APPROVED)
				approved++;
			else
				list[k++] = arena_printf(&r->arena,
				    "%s (%s): %s", v[i].offer_name,
				    v[i].operator_name,
				    submission_status_label(v[i].status));
		text = k == 0 ? arena_printf(&r->arena, "Alle %zu "
		    "indberetninger er godkendt. Deres takster skrives i "
		    "takstoversigten som gældende for hele %d, og runden "
		    "lukkes; det kan ikke fortrydes.", n, t->year) :
		    arena_printf(&r->arena, "%zu af %zu indberetninger er ikke "
		    "godkendt; deres tilbud får ingen ny takst fra denne "
		    "runde. Taksterne fra de %zu godkendte skrives i "
		    "takstoversigten som gældende for hele %d, og runden "
		    "lukkes; det kan ikke fortrydes. Ikke godkendt:", k, n,
		    approved, t->year);
	} else
		text = "Driftsherrerne kan ikke længere ændre eller indsende "
		    "deres indberetninger. Sekretariatet kan stadig godkende "
		    "og sende retur, og runden kan genåbnes med en ny frist.";
	page_begin_crumbs(&p, r, what == ACT_PUBLISH ? "Offentliggør takster" :
	    "Luk runden", "indberetning", (const struct page_crumb[]){
	    { "/takstindberetning", "Takstindberetning" },
	    { back, round_title(r, t) } }, 2);
	ui_confirm(&p, &(struct ui_confirm){
	    .heading = what == ACT_PUBLISH ? arena_printf(&r->arena,
	    "Vil du offentliggøre taksterne for %d, runde %d?", t->year,
	    t->no) : arena_printf(&r->arena, "Vil du lukke runde %d for %d?",
	    t->no, t->year),
	    .text = text, .consequences = list, .nconsequences = (int)k,
	    .action = arena_printf(&r->arena, "%s/%s", back,
	    what == ACT_PUBLISH ? "offentliggoer" : "luk"),
	    .button = what == ACT_PUBLISH ? "Offentliggør takster" :
	    "Luk runden", .cancel_href = back });
	page_end(&p, 200);
}

static void
round_post(struct http_req *r, enum round_act what)
{
	static const char *const flash[] = { "lukket", "genaabnet",
	    "offentliggjort" };
	struct tariff_round	t;
	struct round_progress	pr;
	struct err		e;
	int64_t			id, version, n;
	int			rc;

	if (tariff_http_path_id(r, &id) != 0)
		return;
	err_clear(&e);
	if ((rc = http_form_error(r, &e)) == 0 &&
	    (rc = tariff_http_form_version(r, &version, &e)) == 0 &&
	    what != ACT_REOPEN && !ui_confirmed(r)) {
		if (round_get(&r->svc, id, &t, &pr, &e) != 0 ||
		    r->who.role != ROLE_ADMIN) {
			if (e.code == 0)
				err_set(&e, ERR_FORBIDDEN, "forbidden", NULL,
				    "Kun sekretariatet kan lukke og "
				    "offentliggøre runder");
			http_send_error(r, &e);
			return;
		}
		if (t.version == version && t.status != ROUND_PUBLISHED &&
		    (what == ACT_PUBLISH || t.status == ROUND_OPEN)) {
			confirm_page(r, &t, what);
			return;
		}
	}
	if (rc == 0)
		rc = what == ACT_CLOSE ? round_close(&r->svc, id, version,
		    &e) : what == ACT_REOPEN ? round_reopen(&r->svc, id,
		    version, http_form_text(r, "until"), &e) :
		    round_publish(&r->svc, id, version, &n, &e);
	if (rc == 0) {
		http_redirect(r, arena_printf(&r->arena,
		    "/takstindberetning/%lld?besked=%s", (long long)id,
		    flash[what]));
		return;
	}
	if (e.code == ERR_FORBIDDEN || e.code == ERR_NOT_FOUND) {
		http_send_error(r, &e);
		return;
	}
	round_page(r, id, &e, NULL, http_status_of_err(e.code));
}

void
page_round_close(struct http_req *r)
{
	round_post(r, ACT_CLOSE);
}

void
page_round_reopen(struct http_req *r)
{
	round_post(r, ACT_REOPEN);
}

void
page_round_publish(struct http_req *r)
{
	round_post(r, ACT_PUBLISH);
}

void
page_round_template(struct http_req *r)
{
	int64_t id;

	if (tariff_http_path_id(r, &id) == 0)
		tariff_http_send_template(r, id, NULL);
}

void
page_round_upload(struct http_req *r)
{
	struct round_import_report	 rep;
	const struct http_field		*file;
	struct err			 e;
	int64_t				 id;
	int				 rc;

	if (tariff_http_path_id(r, &id) != 0)
		return;
	err_clear(&e);
	memset(&rep, 0, sizeof(rep));
	if ((rc = http_form_error(r, &e)) == 0) {
		file = http_form_file(r, "file");
		if (file == NULL || file->len == 0)
			rc = err_set(&e, ERR_INVALID, "missing_file", "file",
			    "Vælg den udfyldte skabelon (.xlsx)");
		else
			rc = round_io_upload(&r->svc, id, NULL, file->value,
			    file->len, &rep, &e);
	}
	if (rc == 0) {
		http_redirect(r, arena_printf(&r->arena, "/takstindberetning/"
		    "%lld?besked=indlaest&linjer=%d&mangler=%d",
		    (long long)id, rep.lines, rep.reasons_missing));
		return;
	}
	if (e.code == ERR_FORBIDDEN || e.code == ERR_NOT_FOUND) {
		http_send_error(r, &e);
		return;
	}
	round_page(r, id, &e, &rep, http_status_of_err(e.code));
}
