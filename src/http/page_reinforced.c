/*
 * page_reinforced — the reinforced cooperation of a year under
 * /aftale/forstaerket: the year's steps (nominations, expert panel, DAS,
 * councils, in force 1 July), the covered offers (public) with the
 * letter to the referral units as PDF, the nominations, the offers due
 * for re-assessment, the panel's assessments and the rescue tracks;
 * the forms to nominate (operators, municipalities), to assess, to put
 * the recommendation on DAS's next meeting, to record DAS's decision and
 * the councils' approval (the secretariat).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/reinforced.h"
#include "core/role.h"
#include "http/agreement_http.h"
#include "http/api.h"
#include "http/gov.h"
#include "http/html.h"
#include "http/http.h"
#include "http/org_names.h"
#include "http/page.h"
#include "http/routes.h"
#include "http/ui.h"
#include "report/referral_letter.h"
#include "service/reinforced.h"
#include "util/arena.h"
#include "util/buf.h"
#include "util/err.h"
#include "util/text.h"

static const struct page_crumb crumb_agreement = { "/aftale", "Aftalen" };

/* The year a page shows by default: the cycle coming into force next. */
static int
default_year(struct http_req *r)
{
	int month = atoi(r->svc.now_iso + 5);

	return agreement_this_year(r) + (month >= 7 ? 1 : 0);
}

static enum ui_tone
cover_tone(enum coverage_status s)
{
	return s == COVER_APPROVED ? UI_SUCCESS : s == COVER_ENDED ?
	    UI_NEUTRAL : UI_INFO;
}

static void
date_cell(struct ui_table *t, struct html *h, const char *iso)
{
	ui_cell_begin(t);
	if (iso != NULL && *iso != '\0')
		html_date(h, iso);
	else
		HTML_LIT(h, "–");
	ui_cell_end(t);
}

static void
steps(struct http_req *r, struct html *h, const struct reinforced_view *v)
{
	ui_facts_begin(h);
	ui_fact(h, "Indstilling af tilbud", arena_printf(&r->arena,
	    "November %d", v->year - 1));
	ui_fact(h, "Ekspertpanelet", arena_printf(&r->arena, "December %d",
	    v->year - 1));
	ui_fact_begin(h, "DAS' beslutning");
	if (*v->y.decided_on != '\0')
		html_date(h, v->y.decided_on);
	else if (v->y.meeting_id > 0) {
		HTML_LIT(h, "<a");
		html_url(h, "href", arena_printf(&r->arena, "/moeder/%lld",
		    (long long)v->y.meeting_id));
		HTML_LIT(h, ">På dagsordenen for DAS</a>");
	} else
		HTML_LIT(h, "Ikke truffet");
	ui_fact_end(h);
	ui_fact_begin(h, "Godkendt af byråd og regionsråd");
	if (*v->y.approved_on != '\0')
		html_date(h, v->y.approved_on);
	else
		HTML_LIT(h, "Marts–maj ");
	if (*v->y.approved_on == '\0')
		html_text(h, arena_printf(&r->arena, "%d", v->year));
	ui_fact_end(h);
	ui_fact_date(h, "I kraft", v->in_force);
	ui_facts_end(h);
}

static void
covered(struct http_req *r, struct html *h, const struct reinforced_view *v)
{
	static const struct ui_col cols[] = { { "Tilbud", 0 },
	    { "Driftsherre", 0 }, { "Omfattet fra", 0 }, { "Status", 0 } };
	struct ui_table	t;
	size_t		i;

	HTML_LIT(h, "<h2>");
	html_text(h, arena_printf(&r->arena, "Omfattede tilbud pr. 1. juli "
	    "%d", v->year));
	HTML_LIT(h, "</h2>");
	if (v->ncovered == 0)
		HTML_LIT(h, "<p>Ingen tilbud er omfattet.</p>");
	else {
		ui_table_begin(&t, h, NULL, cols, 4);
		for (i = 0; i < v->ncovered; i++) {
			ui_row(&t);
			ui_cell_link(&t, arena_printf(&r->arena, "/tilbud/%lld",
			    (long long)v->covered[i].offer_id),
			    v->covered[i].offer_name);
			ui_cell(&t, v->covered[i].operator_name);
			date_cell(&t, h, v->covered[i].valid_from);
			ui_cell_begin(&t);
			ui_badge(h, cover_tone(v->covered[i].status),
			    coverage_status_label(v->covered[i].status));
			ui_cell_end(&t);
		}
		ui_table_end(&t);
	}
	HTML_LIT(h, "<p><a");
	html_url(h, "href", arena_printf(&r->arena,
	    "/aftale/forstaerket/%d/brev.pdf", v->year));
	HTML_LIT(h, ">Brev til kommunernes visitationsenheder (PDF)</a></p>");
}

static void
nominations(struct http_req *r, struct html *h,
    const struct reinforced_view *v)
{
	static const struct ui_col cols[] = { { "Tilbud", 0 },
	    { "Indstillet af", 0 }, { "Begrundelse", 0 } };
	struct ui_table	t;
	size_t		i;

	HTML_LIT(h, "<h2>Indstillede tilbud</h2>");
	if (v->nnoms == 0) {
		HTML_LIT(h, "<p>Ingen tilbud er indstillet.</p>");
		return;
	}
	ui_table_begin(&t, h, NULL, cols, 3);
	for (i = 0; i < v->nnoms; i++) {
		ui_row(&t);
		ui_cell_link(&t, arena_printf(&r->arena, "/tilbud/%lld",
		    (long long)v->noms[i].offer_id), v->noms[i].offer_name);
		ui_cell(&t, v->noms[i].nominated_name);
		ui_cell(&t, v->noms[i].reason);
	}
	ui_table_end(&t);
}

static void
reassess(struct http_req *r, struct html *h, const struct reinforced_view *v)
{
	static const struct ui_col cols[] = { { "Tilbud", 0 },
	    { "Omfattet fra", 0 } };
	struct ui_table	t;
	size_t		i;

	HTML_LIT(h, "<h2>Til genvurdering</h2><p>Tilbud, der har været "
	    "omfattet i 1½ år, når ekspertpanelet mødes i december.</p>");
	if (v->nreassess == 0) {
		HTML_LIT(h, "<p>Ingen tilbud skal genvurderes.</p>");
		return;
	}
	ui_table_begin(&t, h, NULL, cols, 2);
	for (i = 0; i < v->nreassess; i++) {
		ui_row(&t);
		ui_cell_link(&t, arena_printf(&r->arena, "/tilbud/%lld",
		    (long long)v->reassess[i].offer_id),
		    v->reassess[i].offer_name);
		date_cell(&t, h, v->reassess[i].valid_from);
	}
	ui_table_end(&t);
}

static void
assessments(struct http_req *r, struct html *h,
    const struct reinforced_view *v)
{
	static const struct ui_col cols[] = { { "Tilbud", 0 },
	    { "Vurdering", 0 }, { "Kriterier opfyldt", UI_COL_NUM },
	    { "Anbefaling", 0 }, { "Bemærkning", 0 } };
	struct ui_table	t;
	size_t		i;

	HTML_LIT(h, "<h2>Ekspertpanelets vurdering</h2>");
	if (v->nassessments == 0) {
		HTML_LIT(h, "<p>Ekspertpanelet har ikke vurderet tilbud for "
		    "året.</p>");
		return;
	}
	ui_table_begin(&t, h, NULL, cols, 5);
	for (i = 0; i < v->nassessments; i++) {
		const struct reinforced_assessment *a = &v->assessments[i];

		ui_row(&t);
		ui_cell_link(&t, arena_printf(&r->arena, "/tilbud/%lld",
		    (long long)a->offer_id), a->offer_name);
		ui_cell(&t, a->reassessment ? "Genvurdering" : "Ny");
		ui_cell(&t, arena_printf(&r->arena, "%d af %d",
		    reinforced_criteria_count(a->criteria), CRIT_COUNT));
		ui_cell_begin(&t);
		ui_badge(h, a->recommend ? UI_SUCCESS : UI_NEUTRAL,
		    a->recommend ? "Anbefales" : "Anbefales ikke");
		ui_cell_end(&t);
		ui_cell(&t, *a->note != '\0' ? a->note : "–");
	}
	ui_table_end(&t);
}

static void
cases(struct http_req *r, struct html *h, const struct reinforced_view *v)
{
	static const struct ui_col cols[] = { { "Tilbud", 0 },
	    { "Advarselstegn", 0 }, { "Frist", 0 }, { "Status", 0 } };
	struct ui_table	t;
	size_t		i;

	HTML_LIT(h, "<h2>Nødspor</h2><p>Når et tilbuds bæredygtighed er "
	    "truet, beskriver en taskforce driftsherrens og købernes "
	    "handlemuligheder, før DAS beslutter særlige vilkår.</p>");
	if (v->ncases == 0) {
		HTML_LIT(h, "<p>Ingen tilbud er i nødsporet.</p>");
		return;
	}
	ui_table_begin(&t, h, NULL, cols, 4);
	for (i = 0; i < v->ncases; i++) {
		ui_row(&t);
		ui_cell_link(&t, arena_printf(&r->arena, "/aftale/noedspor/%lld",
		    (long long)v->cases[i].id), v->cases[i].offer_name);
		ui_cell(&t, v->cases[i].warning);
		date_cell(&t, h, v->cases[i].deadline);
		ui_cell_begin(&t);
		ui_badge(h, v->cases[i].status == RESCUE_CLOSED ? UI_NEUTRAL :
		    v->cases[i].status == RESCUE_TERMS ? UI_INFO : UI_WARNING,
		    rescue_status_label(v->cases[i].status));
		ui_cell_end(&t);
	}
	ui_table_end(&t);
}

static void
form_open(struct page *p, const char *action, const char *heading)
{
	HTML_LIT(&p->h, "<form class=\"stack\" method=\"post\"");
	html_url(&p->h, "action", action);
	HTML_LIT(&p->h, "><h2>");
	html_text(&p->h, heading);
	HTML_LIT(&p->h, "</h2>");
	page_csrf(p);
}

static void
form_close(struct html *h, const char *button)
{
	HTML_LIT(h, "<div class=\"actions\">");
	ui_button(h, UI_PRIMARY, button, NULL, NULL);
	HTML_LIT(h, "</div></form>");
}

static void
nominate_form(struct page *p, const struct reinforced_view *v,
    const struct org_names *on, const struct ui_errors *errs)
{
	struct http_req		*r = p->r;
	struct html		*h = &p->h;
	const struct ui_option	*oo;
	int			 no;

	if (r->who.role != ROLE_ADMIN && (r->who.role != ROLE_OPERATOR &&
	    r->who.role != ROLE_AUTHORITY))
		return;
	if (r->who.role != ROLE_ADMIN && r->who.org_code == NULL)
		return;
	oo = agreement_offer_options(r, r->who.role == ROLE_OPERATOR ?
	    r->who.org_code : NULL, &no);
	form_open(p, arena_printf(&r->arena,
	    "/aftale/forstaerket/%d/indstillinger", v->year),
	    "Indstil et tilbud");
	ui_select(h, &(struct ui_select){ .name = "offer_id",
	    .label = "Tilbud", .first = "Vælg …",
	    .selected = gov_field(r, "offer_id"), .options = oo,
	    .noptions = no, .required = true }, errs);
	if (r->who.role == ROLE_ADMIN) {
		ui_select_begin(h, &(struct ui_select){ .name = "org",
		    .label = "Indstillet af", .first = "Vælg …",
		    .required = true }, errs);
		org_names_options(h, on, gov_field(r, "org"), 0, NULL);
		ui_select_end(h);
	}
	ui_field(h, &(struct ui_field){ .name = "reason",
	    .label = "Begrundelse", .type = UI_TEXTAREA, .rows = 3,
	    .value = gov_field_text(r, "reason"), .required = true,
	    .maxlength = REINFORCED_TEXT_MAX }, errs);
	form_close(h, "Indstil tilbud");
}

static void
assess_form(struct page *p, const struct reinforced_view *v,
    const struct ui_errors *errs)
{
	static const struct ui_option rec[] = { { "1", "Anbefales" },
	    { "0", "Anbefales ikke" } };
	struct http_req		*r = p->r;
	struct html		*h = &p->h;
	const struct ui_option	*oo;
	int			 no, i;

	oo = agreement_offer_options(r, NULL, &no);
	form_open(p, arena_printf(&r->arena,
	    "/aftale/forstaerket/%d/vurderinger", v->year),
	    "Ekspertpanelets vurdering af et tilbud");
	ui_select(h, &(struct ui_select){ .name = "offer_id",
	    .label = "Tilbud", .first = "Vælg …",
	    .selected = gov_field(r, "offer_id"), .options = oo,
	    .noptions = no, .required = true }, errs);
	HTML_LIT(h, "<fieldset><legend class=\"form-label\">Kriterier, "
	    "tilbuddet opfylder</legend>");
	for (i = 0; i < CRIT_COUNT; i++)
		ui_checkbox(h, &(struct ui_check){ .name = arena_printf(
		    &r->arena, "crit%d", i),
		    .label = reinforced_criterion_label(i),
		    .checked = gov_field(r, arena_printf(&r->arena, "crit%d",
		    i)) != NULL });
	HTML_LIT(h, "</fieldset>");
	ui_radios(h, &(struct ui_radios){ .name = "recommend",
	    .legend = "Panelets anbefaling", .options = rec, .noptions = 2,
	    .selected = gov_field(r, "recommend") ? gov_field(r,
	    "recommend") : "1" }, errs);
	ui_field(h, &(struct ui_field){ .name = "note", .label = "Bemærkning",
	    .type = UI_TEXTAREA, .rows = 2, .value = gov_field_text(r, "note"),
	    .maxlength = REINFORCED_TEXT_MAX }, errs);
	form_close(h, "Gem vurdering");
}

/* DAS: the agenda item, the decision, the councils' approval. */
static void
decision_forms(struct page *p, const struct reinforced_view *v,
    const struct ui_errors *errs)
{
	struct http_req	*r = p->r;
	struct html	*h = &p->h;

	if (v->y.item_id == 0 && *v->y.decided_on == '\0') {
		form_open(p, arena_printf(&r->arena,
		    "/aftale/forstaerket/%d/dagsorden", v->year),
		    "Indstillingen til DAS");
		HTML_LIT(h, "<p>Sætter ekspertpanelets anbefaling på "
		    "dagsordenen for DAS' næste møde som en sag til "
		    "behandling.</p>");
		form_close(h, "Sæt på DAS' næste møde");
	}
	if (*v->y.decided_on == '\0') {
		form_open(p, arena_printf(&r->arena,
		    "/aftale/forstaerket/%d/beslutning", v->year),
		    "DAS' beslutning");
		ui_field(h, &(struct ui_field){ .name = "decided_on",
		    .label = "Dato for DAS' beslutning", .type = UI_DATE,
		    .width = "m", .value = gov_field(r, "decided_on"),
		    .required = true, .hint = "De anbefalede tilbud omfattes "
		    "fra 1. juli" }, errs);
		form_close(h, "Registrér beslutning");
	} else if (*v->y.approved_on == '\0') {
		form_open(p, arena_printf(&r->arena,
		    "/aftale/forstaerket/%d/godkendelse", v->year),
		    "Godkendelse i byråd og regionsråd");
		ui_field(h, &(struct ui_field){ .name = "approved_on",
		    .label = "Dato for den sidste godkendelse", .type = UI_DATE,
		    .width = "m", .value = gov_field(r, "approved_on"),
		    .required = true }, errs);
		form_close(h, "Registrér godkendelse");
	}
}

static void
rescue_form(struct page *p, const struct ui_errors *errs)
{
	struct http_req		*r = p->r;
	struct html		*h = &p->h;
	const struct ui_option	*oo;
	int			 no;

	oo = agreement_offer_options(r, NULL, &no);
	form_open(p, "/aftale/noedspor", "Start et nødspor");
	ui_select(h, &(struct ui_select){ .name = "offer_id",
	    .label = "Tilbud", .first = "Vælg …",
	    .selected = gov_field(r, "offer_id"), .options = oo,
	    .noptions = no, .required = true }, errs);
	ui_field(h, &(struct ui_field){ .name = "warning",
	    .label = "Advarselstegn", .hint = "Fx faldende belægning",
	    .type = UI_TEXTAREA, .rows = 2,
	    .value = gov_field_text(r, "warning"), .required = true,
	    .maxlength = REINFORCED_TEXT_MAX }, errs);
	ui_field(h, &(struct ui_field){ .name = "opened_on",
	    .label = "Dato", .type = UI_DATE, .width = "m",
	    .value = gov_field(r, "opened_on"), .required = true }, errs);
	ui_field(h, &(struct ui_field){ .name = "members",
	    .label = "Taskforce", .hint = "Medlemmer med økonomisk, juridisk "
	    "og socialfaglig ekspertise", .type = UI_TEXTAREA, .rows = 2,
	    .value = gov_field_text(r, "members"),
	    .maxlength = REINFORCED_TEXT_MAX }, errs);
	ui_field(h, &(struct ui_field){ .name = "deadline",
	    .label = "Taskforcens frist", .type = UI_DATE, .width = "m",
	    .value = gov_field(r, "deadline") }, errs);
	form_close(h, "Start nødspor");
}

static void
year_page(struct http_req *r, int year, const struct err *err, int status)
{
	struct reinforced_view	 v;
	struct org_names	 on;
	struct ui_errors	 errs;
	struct page		 p;
	struct html		*h = &p.h;
	struct err		 e;
	bool			 users = r->who.role != ROLE_ANON;

	err_clear(&e);
	if (reinforced_view_get(&r->svc, year, &v, &e) != 0) {
		http_send_error(r, &e);
		return;
	}
	org_names_load(r, &on);
	agreement_errors(r, &errs, err);
	page_begin_crumbs(&p, r, arena_printf(&r->arena, "Det forstærkede "
	    "samarbejde %d", year), "aftale", &crumb_agreement, 1);
	agreement_tabs(h, AGREEMENT_TAB_REINFORCED);
	agreement_flash(&p);
	ui_error_summary(h, &errs);
	HTML_LIT(h, "<p><a");
	html_url(h, "href", arena_printf(&r->arena, "/aftale/forstaerket?aar="
	    "%d", year - 1));
	HTML_LIT(h, ">Forrige år</a> · <a");
	html_url(h, "href", arena_printf(&r->arena, "/aftale/forstaerket?aar="
	    "%d", year + 1));
	HTML_LIT(h, ">Næste år</a></p>");
	steps(r, h, &v);
	covered(r, h, &v);
	if (users) {
		nominations(r, h, &v);
		reassess(r, h, &v);
		assessments(r, h, &v);
		cases(r, h, &v);
	}
	nominate_form(&p, &v, &on, &errs);
	if (r->who.role == ROLE_ADMIN) {
		if (*v.y.decided_on == '\0')
			assess_form(&p, &v, &errs);
		decision_forms(&p, &v, &errs);
		rescue_form(&p, &errs);
	}
	page_end(&p, status);
}

void
page_reinforced(struct http_req *r)
{
	int year;

	if (!gov_query_ok(r, (const char *const[]){ "besked", "aar", NULL }))
		return;
	if ((year = agreement_query_year(r, "aar", default_year(r))) == 0) {
		struct err e;

		err_set(&e, ERR_INVALID, "invalid_year", "aar",
		    "Angiv et år mellem 2007 og 2100");
		http_send_error(r, &e);
		return;
	}
	year_page(r, year, NULL, 200);
}

/* The year of the path; else 404 answered, 0. */
static int
path_year(struct http_req *r)
{
	int64_t id;

	if (!gov_path_id(r, &id))
		return 0;
	if (id < 2007 || id > 2100) {
		struct err e;

		err_set(&e, ERR_NOT_FOUND, "not_found", NULL,
		    "Året findes ikke");
		http_send_error(r, &e);
		return 0;
	}
	return (int)id;
}

/* After a POST for year: back with besked=key, or the page with e. */
static void
done(struct http_req *r, int year, int rc, const struct err *e,
    const char *key)
{
	if (rc != 0) {
		year_page(r, year, e, http_status_of_err(rc));
		return;
	}
	http_redirect(r, arena_printf(&r->arena,
	    "/aftale/forstaerket?aar=%d&besked=%s", year, key));
}

void
page_reinforced_nominate(struct http_req *r)
{
	struct err	e;
	int		year, rc;

	if ((year = path_year(r)) == 0)
		return;
	err_clear(&e);
	rc = reinforced_nominate(&r->svc, year, gov_id(gov_field(r,
	    "offer_id")), gov_field(r, "org"), gov_field_text(r, "reason"),
	    &e);
	done(r, year, rc, &e, "indstillet");
}

void
page_reinforced_assess(struct http_req *r)
{
	const char	*rec = gov_field(r, "recommend");
	struct err	 e;
	unsigned	 crit = 0;
	int		 year, rc, i;

	if ((year = path_year(r)) == 0)
		return;
	for (i = 0; i < CRIT_COUNT; i++)
		if (gov_field(r, arena_printf(&r->arena, "crit%d", i)) != NULL)
			crit |= reinforced_criterion_bit(i);
	err_clear(&e);
	if (rec == NULL || (strcmp(rec, "0") != 0 && strcmp(rec, "1") != 0))
		rc = err_set(&e, ERR_INVALID, "invalid_recommend", "recommend",
		    "Vælg panelets anbefaling");
	else
		rc = reinforced_assess(&r->svc, year, gov_id(gov_field(r,
		    "offer_id")), crit, strcmp(rec, "1") == 0,
		    gov_field_text(r, "note"), &e);
	done(r, year, rc, &e, "vurderet");
}

void
page_reinforced_agenda(struct http_req *r)
{
	struct err	e;
	int64_t		meeting = 0;
	int		year, rc;

	if ((year = path_year(r)) == 0)
		return;
	err_clear(&e);
	rc = reinforced_to_das(&r->svc, year, &meeting, &e);
	done(r, year, rc, &e, "dagsorden");
}

void
page_reinforced_decide(struct http_req *r)
{
	struct err	e;
	int		year, rc;

	if ((year = path_year(r)) == 0)
		return;
	err_clear(&e);
	rc = reinforced_decide(&r->svc, year, gov_field(r, "decided_on"), &e);
	done(r, year, rc, &e, "besluttet");
}

void
page_reinforced_approve(struct http_req *r)
{
	struct err	e;
	int		year, rc;

	if ((year = path_year(r)) == 0)
		return;
	err_clear(&e);
	rc = reinforced_approve(&r->svc, year, gov_field(r, "approved_on"),
	    &e);
	done(r, year, rc, &e, "godkendt");
}

void
page_reinforced_letter(struct http_req *r)
{
	struct reinforced_coverage	*v = NULL;
	struct referral_offer		*o;
	struct referral_letter		 l;
	struct buf			 pdf;
	struct err			 e;
	size_t				 n = 0, i;
	int				 year;

	if ((year = path_year(r)) == 0)
		return;
	err_clear(&e);
	if (reinforced_covered(&r->svc, year, &v, &n, &e) != 0) {
		http_send_error(r, &e);
		return;
	}
	o = arena_calloc(&r->arena, n + 1, sizeof(*o));
	for (i = 0; i < n; i++) {
		o[i].name = v[i].offer_name;
		o[i].operator_name = v[i].operator_name;
		o[i].valid_from = v[i].valid_from;
		o[i].status = coverage_status_label(v[i].status);
	}
	memset(&l, 0, sizeof(l));
	l.year = year;
	l.dated = arena_strndup(&r->arena, r->svc.now_iso, 10);
	l.sender = "Sekretariatet for Rammeaftaler";
	l.offers = o;
	l.noffers = n;
	buf_init(&pdf);
	if (referral_letter_pdf(&l, &pdf, &e) != 0) {
		buf_cleanup(&pdf);
		http_send_error(r, &e);
		return;
	}
	http_set_header(r, "Content-Disposition", arena_printf(&r->arena,
	    "inline; filename=\"forstaerket-samarbejde-%d.pdf\"", year));
	http_send(r, 200, "application/pdf", pdf.data != NULL ? pdf.data : "",
	    pdf.len);
	buf_cleanup(&pdf);
}
