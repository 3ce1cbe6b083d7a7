/*
 * page_agreement — the agreement's documents and their approval under
 * /aftale: the list of documents with "11 af 12 har godkendt", a
 * document's page ("Status for godkendelse": each council's decision,
 * who is missing, the versions), the secretariat's forms (new document,
 * new version, any party's decision) and a municipality's form for its
 * own council's decision.
 */
#include <stdio.h>
#include <string.h>

#include "core/approval.h"
#include "core/role.h"
#include "http/agreement_http.h"
#include "http/api.h"
#include "http/gov.h"
#include "http/html.h"
#include "http/http.h"
#include "http/page.h"
#include "http/routes.h"
#include "http/ui.h"
#include "service/approval.h"
#include "service/meeting.h"
#include "util/arena.h"
#include "util/err.h"
#include "util/text.h"

static const struct page_crumb crumb_agreement = { "/aftale", "Aftalen" };

/* "11 af 12 har godkendt" of d. */
static const char *
approved_text(struct http_req *r, const struct agreement_doc *d)
{
	return arena_printf(&r->arena, "%d af %d har godkendt", d->approved,
	    d->councils);
}

/* The approval of d as a badge: all, some rejected, or in progress. */
static void
approved_badge(struct http_req *r, struct html *h,
    const struct agreement_doc *d)
{
	enum ui_tone tone = UI_WARNING;

	if (d->councils > 0 && d->approved == d->councils)
		tone = UI_SUCCESS;
	else if (d->rejected > 0)
		tone = UI_ERROR;
	ui_badge(h, tone, approved_text(r, d));
}

static enum ui_tone
status_tone(enum approval_status s)
{
	switch (s) {
	case APPROVAL_APPROVED:	return UI_SUCCESS;
	case APPROVAL_RESERVED:	return UI_INFO;
	case APPROVAL_REJECTED:	return UI_ERROR;
	default:		return UI_NEUTRAL;
	}
}

static const struct ui_option *
kind_options(int *n)
{
	static struct ui_option o[DOC_KIND_COUNT];
	int i;

	for (i = 0; i < DOC_KIND_COUNT; i++)
		o[i] = (struct ui_option){ approval_kind_name(i),
		    approval_kind_label(i) };
	*n = DOC_KIND_COUNT;
	return o;
}

static const struct ui_option *
stage_options(int *n)
{
	static struct ui_option o[STAGE_COUNT];
	int i;

	for (i = 0; i < STAGE_COUNT; i++)
		o[i] = (struct ui_option){ approval_stage_name(i),
		    approval_stage_label(i) };
	*n = STAGE_COUNT;
	return o;
}

static const struct ui_option *
status_options(int *n)
{
	static struct ui_option o[APPROVAL_STATUS_COUNT];
	int i;

	for (i = 0; i < APPROVAL_STATUS_COUNT; i++)
		o[i] = (struct ui_option){ approval_status_name(i),
		    approval_status_label(i) };
	*n = APPROVAL_STATUS_COUNT;
	return o;
}

/* The list of documents, with the new-document form for the secretariat. */
static void
docs_page(struct http_req *r, const struct err *err, int status)
{
	static const struct ui_col cols[] = { { "Dokument", 0 },
	    { "År", 0 }, { "Behandling", 0 },
	    { "Frist for godkendelse", 0 }, { "Status for godkendelse", 0 } };
	struct agreement_doc	*v = NULL;
	struct ui_errors	 errs;
	struct ui_table		 t;
	struct page		 p;
	struct html		*h = &p.h;
	struct err		 e;
	const struct ui_option	*ko;
	size_t			 n = 0, i;
	int			 nk;

	err_clear(&e);
	if (approval_doc_list(&r->svc, &v, &n, &e) != 0) {
		http_send_error(r, &e);
		return;
	}
	agreement_errors(r, &errs, err);
	page_begin(&p, r, "Aftalen", "aftale");
	agreement_tabs(h, AGREEMENT_TAB_DOCS);
	agreement_flash(&p);
	ui_error_summary(h, &errs);
	HTML_LIT(h, "<p>Udviklingsstrategien og styringsaftalen – fra 2018 "
	    "Nordjysk Socialaftale – behandles af DAS, KKR og "
	    "Kontaktudvalget og godkendes af de 11 kommunalbestyrelser og "
	    "regionsrådet inden fristen: 1. juni til og med 2014, 1. maj fra "
	    "2015.</p>");
	if (n == 0)
		ui_alert(h, UI_INFO, NULL, "Der er ingen dokumenter endnu.");
	else {
		ui_table_begin(&t, h, "Dokumenter", cols, 5);
		for (i = 0; i < n; i++) {
			ui_row(&t);
			ui_cell_link(&t, arena_printf(&r->arena,
			    "/aftale/dokumenter/%lld", (long long)v[i].id),
			    v[i].title);
			ui_cell_begin(&t);
			html_text(h, arena_printf(&r->arena, "%d", v[i].year));
			ui_cell_end(&t);
			ui_cell(&t, approval_stage_label(v[i].stage));
			ui_cell_begin(&t);
			html_date(h, v[i].deadline);
			ui_cell_end(&t);
			ui_cell_begin(&t);
			approved_badge(r, h, &v[i]);
			ui_cell_end(&t);
		}
		ui_table_end(&t);
	}
	if (r->who.role == ROLE_ADMIN) {
		ko = kind_options(&nk);
		HTML_LIT(h, "<form class=\"stack\" method=\"post\" "
		    "action=\"/aftale/dokumenter\"><h2>Nyt dokument</h2>");
		page_csrf(&p);
		ui_select(h, &(struct ui_select){ .name = "kind",
		    .label = "Dokument", .selected = gov_field(r, "kind"),
		    .options = ko, .noptions = nk, .required = true }, &errs);
		ui_field(h, &(struct ui_field){ .name = "year", .label = "År",
		    .hint = "Året dokumentet gælder for, fx 2015",
		    .type = UI_NUMBER, .inputmode = "numeric", .width = "xs",
		    .value = gov_field(r, "year"), .required = true,
		    .maxlength = 4 }, &errs);
		ui_field(h, &(struct ui_field){ .name = "title",
		    .label = "Titel", .hint = "Tom: dokumenttype og år",
		    .value = gov_field(r, "title"),
		    .maxlength = APPROVAL_TITLE_MAX }, &errs);
		ui_field(h, &(struct ui_field){ .name = "deadline",
		    .label = "Frist for godkendelse", .type = UI_DATE,
		    .width = "m", .value = gov_field(r, "deadline"),
		    .hint = "Tom: den 1. i måneden, som aftaleparametrene for "
		    "året før angiver (1. juni til og med 2014, 1. maj fra "
		    "2015)" }, &errs);
		HTML_LIT(h, "<div class=\"actions\">");
		ui_button(h, UI_PRIMARY, "Opret dokument", NULL, NULL);
		HTML_LIT(h, "</div></form>");
	}
	page_end(&p, status);
}

void
page_agreement(struct http_req *r)
{
	if (!gov_query_ok(r, (const char *const[]){ "besked", NULL }))
		return;
	docs_page(r, NULL, 200);
}

void
page_agreement_doc_create(struct http_req *r)
{
	enum approval_kind	 kind = DOC_KIND_COUNT;
	const char		*ys = gov_field(r, "year");
	struct err		 e;
	int64_t			 year = 0, id = 0;
	int			 rc;

	err_clear(&e);
	if (approval_kind_parse(gov_field(r, "kind"), &kind) != 0)
		kind = DOC_KIND_COUNT;
	if (ys == NULL || text_parse_i64(ys, &year) != 0 || year < 0 ||
	    year > 9999)
		year = 0;
	rc = approval_doc_create(&r->svc, kind, (int)year,
	    gov_field(r, "title"), gov_field(r, "deadline"), &id, &e);
	if (rc != 0) {
		docs_page(r, &e, http_status_of_err(rc));
		return;
	}
	http_redirect(r, arena_printf(&r->arena,
	    "/aftale/dokumenter/%lld?besked=oprettet", (long long)id));
}

/* Who is missing: the councils not yet decided, by name. */
static void
missing(struct http_req *r, struct html *h,
    const struct agreement_doc_view *v)
{
	const char	*list = NULL;
	size_t		 i;
	int		 k = 0;

	for (i = 0; i < v->nparties; i++) {
		if (!v->parties[i].council ||
		    v->parties[i].status != APPROVAL_PENDING)
			continue;
		list = list == NULL ? v->parties[i].name :
		    arena_printf(&r->arena, "%s, %s", list,
		    v->parties[i].name);
		k++;
	}
	if (k == 0)
		return;
	ui_alert(h, strcmp(v->doc.deadline, r->svc.now_iso) < 0 &&
	    strncmp(v->doc.deadline, r->svc.now_iso, 10) != 0 ? UI_WARNING :
	    UI_INFO, arena_printf(&r->arena, "Mangler godkendelse fra %d",
	    k), list);
}

static void
parties_table(struct http_req *r, struct html *h,
    const struct agreement_doc_view *v, bool councils)
{
	static const struct ui_col cols[] = { { "Part", 0 }, { "Status", 0 },
	    { "Dato", 0 }, { "Forbehold", 0 } };
	struct ui_table	t;
	size_t		i;

	ui_table_begin(&t, h, councils ? "Kommunalbestyrelser og "
	    "regionsråd" : "KKR og Kontaktudvalget", cols, 4);
	for (i = 0; i < v->nparties; i++) {
		const struct approval_row *a = &v->parties[i];

		if (a->council != councils)
			continue;
		ui_row(&t);
		ui_cell(&t, a->name);
		ui_cell_begin(&t);
		ui_badge(h, status_tone(a->status),
		    approval_status_label(a->status));
		ui_cell_end(&t);
		ui_cell_begin(&t);
		if (*a->decided_on != '\0')
			html_date(h, a->decided_on);
		else
			HTML_LIT(h, "–");
		ui_cell_end(&t);
		ui_cell(&t, *a->reservation != '\0' ? a->reservation : "–");
	}
	ui_table_end(&t);
	(void)r;
}

static void
versions_table(struct http_req *r, struct html *h,
    const struct agreement_doc_view *v)
{
	static const struct ui_col cols[] = { { "Version", UI_COL_NUM },
	    { "Behandling", 0 }, { "Dato", 0 }, { "Bemærkning", 0 } };
	struct ui_table	t;
	size_t		i;

	HTML_LIT(h, "<h2>Versioner</h2>");
	if (v->nversions == 0) {
		HTML_LIT(h, "<p>Ingen versioner endnu.</p>");
		return;
	}
	ui_table_begin(&t, h, NULL, cols, 4);
	for (i = 0; i < v->nversions; i++) {
		ui_row(&t);
		ui_cell_int(&t, v->versions[i].no);
		ui_cell(&t, approval_stage_label(v->versions[i].stage));
		ui_cell_begin(&t);
		html_date(h, v->versions[i].dated);
		ui_cell_end(&t);
		ui_cell(&t, *v->versions[i].note != '\0' ?
		    v->versions[i].note : "–");
	}
	ui_table_end(&t);
	(void)r;
}

static void
files_table(struct http_req *r, struct html *h,
    const struct agreement_doc_view *v)
{
	static const struct ui_col cols[] = { { "Bilag", 0 },
	    { "Version", UI_COL_NUM }, { "Type", 0 },
	    { "Størrelse", UI_COL_NUM } };
	struct ui_table	t;
	size_t		i;

	HTML_LIT(h, "<h2>Bilag</h2>");
	if (v->nfiles == 0) {
		HTML_LIT(h, "<p>Ingen bilag.</p>");
		return;
	}
	ui_table_begin(&t, h, NULL, cols, 4);
	for (i = 0; i < v->nfiles; i++) {
		const struct agreement_file *f = &v->files[i];

		ui_row(&t);
		ui_cell_link(&t, arena_printf(&r->arena,
		    "/aftale/dokumenter/%lld/bilag/%lld", (long long)v->doc.id,
		    (long long)f->id), f->name);
		if (f->version_no > 0)
			ui_cell_int(&t, f->version_no);
		else
			ui_cell(&t, "–");
		ui_cell(&t, strcmp(f->media_type, "application/pdf") == 0 ?
		    "PDF" : strstr(f->media_type, "spreadsheet") != NULL ?
		    "Excel" : "Word");
		ui_cell(&t, arena_printf(&r->arena, "%lld kB",
		    (long long)((f->size + 1023) / 1024)));
	}
	ui_table_end(&t);
}

static void
file_form(struct page *p, const struct agreement_doc_view *v,
    const struct ui_errors *errs)
{
	struct http_req	*r = p->r;
	struct html	*h = &p->h;

	HTML_LIT(h, "<form class=\"stack\" method=\"post\" "
	    "enctype=\"multipart/form-data\"");
	html_url(h, "action", arena_printf(&r->arena,
	    "/aftale/dokumenter/%lld/bilag", (long long)v->doc.id));
	HTML_LIT(h, "><h2>Nyt bilag</h2>");
	page_csrf(p);
	ui_field(h, &(struct ui_field){ .name = "file", .label = "Fil",
	    .hint = "PDF, DOCX eller XLSX; knyttes til den nyeste version",
	    .type = UI_FILE, .accept = ".pdf,.docx,.xlsx", .required = true },
	    errs);
	ui_field(h, &(struct ui_field){ .name = "name", .label = "Navn",
	    .hint = "Tom: filens navn", .maxlength = APPROVAL_TITLE_MAX },
	    errs);
	HTML_LIT(h, "<div class=\"actions\">");
	ui_button(h, UI_PRIMARY, "Tilføj bilag", NULL, NULL);
	HTML_LIT(h, "</div></form>");
}

/* The form for a decision: any party (admin) or the user's own. */
static void
decision_form(struct page *p, const struct agreement_doc_view *v,
    const struct ui_errors *errs)
{
	struct http_req		*r = p->r;
	struct html		*h = &p->h;
	const struct ui_option	*so;
	struct ui_option	*po;
	const char		*own = NULL;
	size_t			 i;
	int			 ns, np = 0;

	if (!v->may_edit) {
		for (i = 0; v->own_party != NULL && i < v->nparties; i++)
			if (strcmp(v->parties[i].party, v->own_party) == 0)
				own = v->parties[i].name;
		if (own == NULL)
			return;
	}
	so = status_options(&ns);
	HTML_LIT(h, "<form class=\"stack\" method=\"post\"");
	html_url(h, "action", arena_printf(&r->arena,
	    "/aftale/dokumenter/%lld/godkendelse", (long long)v->doc.id));
	HTML_LIT(h, "><h2>Registrér beslutning</h2>");
	page_csrf(p);
	if (v->may_edit) {
		po = arena_calloc(&r->arena, v->nparties + 1, sizeof(*po));
		for (i = 0; i < v->nparties; i++)
			po[np++] = (struct ui_option){ v->parties[i].party,
			    v->parties[i].name };
		ui_select(h, &(struct ui_select){ .name = "party",
		    .label = "Part", .first = "Vælg …",
		    .selected = gov_field(r, "party"), .options = po,
		    .noptions = np, .required = true }, errs);
	} else {
		HTML_LIT(h, "<p>Kommunalbestyrelsen i ");
		html_text(h, own);
		HTML_LIT(h, ".</p><input type=\"hidden\" name=\"party\"");
		html_attr(h, "value", v->own_party);
		HTML_LIT(h, ">");
	}
	ui_select(h, &(struct ui_select){ .name = "status", .label = "Status",
	    .selected = gov_field(r, "status") ? gov_field(r, "status") :
	    "godkendt", .options = so, .noptions = ns, .required = true },
	    errs);
	ui_field(h, &(struct ui_field){ .name = "decided_on",
	    .label = "Dato for beslutningen", .type = UI_DATE, .width = "m",
	    .value = gov_field(r, "decided_on") }, errs);
	ui_field(h, &(struct ui_field){ .name = "reservation",
	    .label = "Forbehold", .type = UI_TEXTAREA, .rows = 3,
	    .hint = "Kun ved \"Godkendt med forbehold\"",
	    .value = gov_field_text(r, "reservation"),
	    .maxlength = APPROVAL_TEXT_MAX }, errs);
	HTML_LIT(h, "<div class=\"actions\">");
	ui_button(h, UI_PRIMARY, "Registrér beslutning", NULL, NULL);
	HTML_LIT(h, "</div></form>");
}

static void
version_form(struct page *p, const struct agreement_doc_view *v,
    const struct ui_errors *errs)
{
	struct http_req		*r = p->r;
	struct html		*h = &p->h;
	const struct ui_option	*so;
	int			 ns;

	so = stage_options(&ns);
	HTML_LIT(h, "<form class=\"stack\" method=\"post\"");
	html_url(h, "action", arena_printf(&r->arena,
	    "/aftale/dokumenter/%lld/versioner", (long long)v->doc.id));
	HTML_LIT(h, "><h2>Ny version</h2>");
	page_csrf(p);
	ui_select(h, &(struct ui_select){ .name = "stage",
	    .label = "Behandling", .selected = gov_field(r, "stage"),
	    .options = so, .noptions = ns, .required = true }, errs);
	ui_field(h, &(struct ui_field){ .name = "dated", .label = "Dato",
	    .type = UI_DATE, .width = "m", .value = gov_field(r, "dated"),
	    .required = true }, errs);
	ui_field(h, &(struct ui_field){ .name = "note", .label = "Bemærkning",
	    .type = UI_TEXTAREA, .rows = 2, .value = gov_field_text(r, "note"),
	    .maxlength = APPROVAL_TEXT_MAX }, errs);
	HTML_LIT(h, "<div class=\"actions\">");
	ui_button(h, UI_PRIMARY, "Tilføj version", NULL, NULL);
	HTML_LIT(h, "</div></form>");
}

static void
doc_page(struct http_req *r, int64_t id, const struct err *err, int status)
{
	struct agreement_doc_view	 v;
	struct ui_errors		 errs;
	struct page			 p;
	struct html			*h = &p.h;
	struct err			 e;

	err_clear(&e);
	if (approval_doc_get(&r->svc, id, &v, &e) != 0) {
		http_send_error(r, &e);
		return;
	}
	agreement_errors(r, &errs, err);
	page_begin_crumbs(&p, r, v.doc.title, "aftale", &crumb_agreement, 1);
	agreement_flash(&p);
	ui_error_summary(h, &errs);
	ui_facts_begin(h);
	ui_fact(h, "Dokument", approval_kind_label(v.doc.kind));
	ui_fact(h, "År", arena_printf(&r->arena, "%d", v.doc.year));
	ui_fact(h, "Behandling", approval_stage_label(v.doc.stage));
	ui_fact_date(h, "Frist for godkendelse", v.doc.deadline);
	ui_facts_end(h);
	HTML_LIT(h, "<h2>Status for godkendelse</h2><p>");
	approved_badge(r, h, &v.doc);
	HTML_LIT(h, "</p>");
	missing(r, h, &v);
	parties_table(r, h, &v, true);
	parties_table(r, h, &v, false);
	versions_table(r, h, &v);
	files_table(r, h, &v);
	decision_form(&p, &v, &errs);
	if (v.may_edit) {
		version_form(&p, &v, &errs);
		file_form(&p, &v, &errs);
	}
	page_end(&p, status);
}

void
page_agreement_doc(struct http_req *r)
{
	int64_t id;

	if (!gov_query_ok(r, (const char *const[]){ "besked", NULL }) ||
	    !gov_path_id(r, &id))
		return;
	doc_page(r, id, NULL, 200);
}

void
page_agreement_version_add(struct http_req *r)
{
	enum approval_stage	stage = STAGE_COUNT;
	struct err		e;
	int64_t			id;
	int			rc, no = 0;

	if (!gov_path_id(r, &id))
		return;
	err_clear(&e);
	if (approval_stage_parse(gov_field(r, "stage"), &stage) != 0)
		stage = STAGE_COUNT;
	rc = approval_version_add(&r->svc, id, stage, gov_field(r, "dated"),
	    gov_field_text(r, "note"), &no, &e);
	if (rc != 0) {
		doc_page(r, id, &e, http_status_of_err(rc));
		return;
	}
	http_redirect(r, arena_printf(&r->arena,
	    "/aftale/dokumenter/%lld?besked=version", (long long)id));
}

void
page_agreement_decision(struct http_req *r)
{
	enum approval_status	status = APPROVAL_STATUS_COUNT;
	struct err		e;
	int64_t			id;
	int			rc;

	if (!gov_path_id(r, &id))
		return;
	err_clear(&e);
	if (approval_status_parse(gov_field(r, "status"), &status) != 0)
		status = APPROVAL_STATUS_COUNT;
	rc = approval_record(&r->svc, id, gov_field(r, "party"), status,
	    gov_field(r, "decided_on"), gov_field_text(r, "reservation"), &e);
	if (rc != 0) {
		if (rc == ERR_NOT_FOUND && strcmp(e.key, "not_found") == 0)
			http_send_error(r, &e);
		else
			doc_page(r, id, &e, http_status_of_err(rc));
		return;
	}
	http_redirect(r, arena_printf(&r->arena,
	    "/aftale/dokumenter/%lld?besked=registreret", (long long)id));
}

void
page_agreement_file_add(struct http_req *r)
{
	const struct http_field	*file;
	struct err		 e;
	int64_t			 id, fid = 0;
	int			 rc;

	if (!gov_path_id(r, &id))
		return;
	err_clear(&e);
	if (http_form_error(r, &e) != 0)
		rc = e.code;
	else if ((file = http_form_file(r, "file")) == NULL || file->len == 0)
		rc = err_set(&e, ERR_INVALID, "missing_file", "file",
		    "Vælg en fil");
	else {
		struct meeting_file mf = { file->filename, file->path,
		    file->len, file->hash };
		rc = approval_file_add(&r->svc, id, gov_field(r, "name"), &mf,
		    &fid, &e);
	}
	if (rc != 0) {
		doc_page(r, id, &e, http_status_of_err(rc));
		return;
	}
	http_redirect(r, arena_printf(&r->arena,
	    "/aftale/dokumenter/%lld?besked=bilag", (long long)id));
}

void
page_agreement_file(struct http_req *r)
{
	struct agreement_file	 f;
	struct err		 e;
	const void		*data;
	const char		*ext;
	size_t			 len;
	int64_t			 id, fid;

	err_clear(&e);
	if (!gov_path_id(r, &id))
		return;
	if (api_param_id(r, 1, &fid, &e) != 0 ||
	    approval_file_get(&r->svc, id, fid, &f, &data, &len, &e) != 0) {
		http_send_error(r, &e);
		return;
	}
	ext = strcmp(f.media_type, "application/pdf") == 0 ? "pdf" :
	    strstr(f.media_type, "spreadsheet") != NULL ? "xlsx" : "docx";
	http_set_header(r, "Content-Disposition", arena_printf(&r->arena,
	    "attachment; filename=\"dokument-%lld-bilag-%lld.%s\"",
	    (long long)id, (long long)fid, ext));
	http_send(r, 200, f.media_type, data, len);
}
