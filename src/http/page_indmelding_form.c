/*
 * page_indmelding_form — one party's submission: its offers with what is
 * answered, the form of one offer (a municipality's expected use, an
 * operator's capacity, occupancy and waiting list), the target groups
 * and wishes, the Excel template and its upload (errors by row and
 * cell, nothing saved), Indsend behind a confirmation, and the
 * secretariat's Godkend (confirmed first) and Send retur with a comment.
 */
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "core/indmelding.h"
#include "core/role.h"
#include "http/html.h"
#include "http/http.h"
#include "http/indmelding_http.h"
#include "http/page.h"
#include "http/routes.h"
#include "http/ui.h"
#include "service/indmelding.h"
#include "service/indmelding_io.h"
#include "util/text.h"

static const char *
flash(const char *key)
{
	static const char *const m[][2] = {
		{ "gemt", "Tilbuddet er gemt." },
		{ "maalgrupper", "Målgrupperne er gemt." },
		{ "indlaest", "Skabelonen er indlæst." },
		{ "indsendt", "Indmeldingen er indsendt til sekretariatet." },
		{ "godkendt", "Indmeldingen er godkendt." },
		{ "retur", "Indmeldingen er sendt retur med en kommentar." },
	};
	size_t i;

	for (i = 0; key != NULL && i < sizeof(m) / sizeof(m[0]); i++)
		if (strcmp(key, m[i][0]) == 0)
			return m[i][1];
	return NULL;
}

static const char *
sub_title(struct http_req *r, const struct ind_sub *s)
{
	return arena_printf(&r->arena, "Indmelding %d: %s", s->year,
	    s->org_name);
}

static void
begin(struct page *p, struct http_req *r, const struct ind_sub_view *v,
    const char *title)
{
	const char *ytitle = arena_printf(&r->arena, "Indmeldinger %d",
	    v->sub.year);
	const char *ypath = ind_path(r, "/indmeldinger/%lld", v->sub.year_id);

	if (title == NULL)
		page_begin_crumbs(p, r, sub_title(r, &v->sub), "indmeldinger",
		    (const struct page_crumb[]){ { "/indmeldinger",
		    "Indmeldinger" }, { ypath, ytitle } }, 2);
	else
		page_begin_crumbs(p, r, title, "indmeldinger",
		    (const struct page_crumb[]){ { "/indmeldinger",
		    "Indmeldinger" }, { ypath, ytitle }, { ind_path(r,
		    "/indmelding/%lld", v->sub.id), v->sub.org_name } }, 3);
}

static void
version_field(struct page *p, int64_t v)
{
	HTML_LIT(&p->h, "<input type=\"hidden\" name=\"version\"");
	html_attr(&p->h, "value", arena_printf(&p->r->arena, "%lld",
	    (long long)v));
	HTML_LIT(&p->h, ">");
}

static int
form_version(struct http_req *r, int64_t *v, struct err *e)
{
	const char *s = http_form(r, "version");

	if (s == NULL || text_parse_i64(s, v) != 0 || *v <= 0)
		return err_set(e, ERR_INVALID, "missing_version", "version",
		    "Formularen mangler versionsnummer; genindlæs siden");
	return 0;
}

/* A form posting only the version (and maybe a comment) to path. */
static void
act_form(struct page *p, const struct ind_sub *s, const char *what,
    enum ui_button kind, const char *label, bool comment,
    const struct ui_errors *errs)
{
	struct html *h = &p->h;

	HTML_LIT(h, "<form method=\"post\"");
	html_url(h, "action", arena_printf(&p->r->arena,
	    "/indmelding/%lld/%s", (long long)s->id, what));
	HTML_LIT(h, ">");
	page_csrf(p);
	version_field(p, s->version);
	if (comment)
		ui_field(h, &(struct ui_field){ .name = "comment",
		    .label = "Kommentar til organisationen",
		    .hint = "Hvad skal rettes?", .type = UI_TEXTAREA,
		    .maxlength = ROUND_COMMENT_MAX, .rows = 3 }, errs);
	ui_button(h, kind, label, NULL, NULL);
	HTML_LIT(h, "</form>");
}

static void
lines_table(struct page *p, const struct ind_sub_view *v)
{
	static const struct ui_col mcols[] = {
		{ "Tilbud", 0 }, { "Driftsherre", 0 },
		{ "Forventede pladser", UI_COL_NUM }, { "Ændring", 0 },
		{ "Besvaret", 0 },
	};
	static const struct ui_col ocols[] = {
		{ "Tilbud", 0 }, { "Kapacitet", UI_COL_NUM },
		{ "Belægning", UI_COL_NUM }, { "Venteliste", UI_COL_NUM },
		{ "Besvaret", 0 },
	};
	struct http_req		*r = p->r;
	struct html		*h = &p->h;
	const struct ind_line	*l;
	struct ui_table		 t;
	size_t			 i;
	bool			 m = v->sub.kind == IND_MUNICIPALITY;

	HTML_LIT(h, "<h2>Tilbud</h2>");
	ui_table_begin(&t, h, NULL, m ? mcols : ocols, 5);
	for (i = 0; i < v->sub.nline; i++) {
		l = &v->sub.lines[i];
		ui_row(&t);
		if (v->may_edit)
			ui_cell_link(&t, arena_printf(&r->arena,
			    "/indmelding/%lld/tilbud/%lld",
			    (long long)v->sub.id, (long long)l->offer_id),
			    l->offer_name);
		else
			ui_cell(&t, l->offer_name);
		if (m) {
			ui_cell(&t, l->operator_name ? l->operator_name : "–");
			ui_cell(&t, ind_http_centi(r, l->use_places_centi));
			ui_cell(&t, l->change ? ind_change_label(l->change) :
			    "–");
		} else {
			ui_cell(&t, ind_http_centi(r, l->capacity_centi));
			ui_cell(&t, ind_http_pct(r, l->occupancy_bp));
			ui_cell(&t, l->waiting < 0 ? "–" : ui_int_da(r,
			    l->waiting));
		}
		ui_cell_begin(&t);
		if (ind_line_answered(v->sub.kind, l))
			ui_badge(h, UI_SUCCESS, "Besvaret");
		else
			ui_badge(h, UI_WARNING, "Mangler");
		ui_cell_end(&t);
	}
	ui_table_end(&t);
}

static void
groups_summary(struct page *p, const struct ind_sub_view *v)
{
	struct html	*h = &p->h;
	size_t		 i, rated = 0;

	if (v->sub.kind == IND_MUNICIPALITY) {
		for (i = 0; i < v->sub.nfit; i++)
			if (v->sub.fits[i].fit >= 0)
				rated++;
		HTML_LIT(h, "<h2>Målgrupper og ønsker</h2><p>");
		html_int(h, (int64_t)rated);
		HTML_LIT(h, " af ");
		html_int(h, IND_GROUP_COUNT);
		HTML_LIT(h, " målgrupper er vurderet.");
	} else
		HTML_LIT(h, "<h2>Udvikling generelt</h2><p>");
	if (v->sub.general != NULL && *v->sub.general != '\0') {
		HTML_LIT(h, "</p><p class=\"pre-line\">");
		html_text(h, v->sub.general);
	}
	HTML_LIT(h, "</p>");
	if (v->may_edit) {
		HTML_LIT(h, "<div class=\"actions\">");
		ui_button_link(h, UI_SECONDARY, ind_path(p->r,
		    "/indmelding/%lld/maalgrupper", v->sub.id),
		    v->sub.kind == IND_MUNICIPALITY ? "Udfyld målgrupper og "
		    "ønsker" : "Skriv om udviklingen");
		HTML_LIT(h, "</div>");
	}
}

static void
upload_section(struct page *p, const struct ind_sub_view *v,
    const struct ui_errors *errs, const struct ind_import_report *rep)
{
	static const struct ui_col cols[] = {
		{ "Række", UI_COL_NUM }, { "Celle", 0 }, { "Fejl", 0 },
	};
	struct html	*h = &p->h;
	struct ui_table	 t;
	int		 i;

	HTML_LIT(h, "<h2>Excel-skabelon</h2><p>Hent skabelonen med "
	    "tilbuddene, udfyld den og indlæs den igen. Er en celle forkert, "
	    "gemmes intet, og fejlen vises med række og celle.</p>");
	if (rep != NULL && rep->nerrors > 0) {
		ui_table_begin(&t, h, "Fejl i skabelonen", cols, 3);
		for (i = 0; i < rep->nerrors; i++) {
			ui_row(&t);
			ui_cell_int(&t, rep->errors[i].line);
			ui_cell(&t, rep->errors[i].field);
			ui_cell(&t, rep->errors[i].msg);
		}
		ui_table_end(&t);
	}
	HTML_LIT(h, "<div class=\"actions\">");
	ui_button_link(h, UI_SECONDARY, ind_path(p->r,
	    "/indmelding/%lld/skabelon", v->sub.id), "Hent skabelon (Excel)");
	HTML_LIT(h, "</div><form method=\"post\" "
	    "enctype=\"multipart/form-data\"");
	html_url(h, "action", ind_path(p->r, "/indmelding/%lld/skabelon",
	    v->sub.id));
	HTML_LIT(h, ">");
	page_csrf(p);
	ui_field(h, &(struct ui_field){ .name = "file",
	    .label = "Udfyldt skabelon (.xlsx)", .type = UI_FILE,
	    .accept = ".xlsx", .required = true }, errs);
	HTML_LIT(h, "<div class=\"actions\">");
	ui_button(h, UI_SECONDARY, "Indlæs skabelon", NULL, NULL);
	HTML_LIT(h, "</div></form>");
}

static void
sub_page(struct http_req *r, int64_t id, const struct err *err,
    const struct ind_import_report *rep, int status)
{
	struct page		 p;
	struct html		*h = &p.h;
	struct ind_sub_view	 v;
	struct ui_errors	 errs;
	struct err		 e;
	const char		*f;

	err_clear(&e);
	if (ind_sub_get(&r->svc, id, &v, &e) != 0) {
		http_send_error(r, &e);
		return;
	}
	ui_errors_init(&errs);
	if (err != NULL)
		ui_errors_add_err(&errs, r, err);
	begin(&p, r, &v, NULL);
	if ((f = flash(http_query(r, "besked"))) != NULL)
		ui_alert(h, UI_SUCCESS, NULL, f);
	ui_error_summary(h, &errs);
	if (v.sub.status == SUBMISSION_RETURNED && v.sub.comment != NULL)
		ui_alert(h, UI_WARNING, "Sendt retur af sekretariatet",
		    v.sub.comment);
	ui_facts_begin(h);
	ui_fact(h, "Organisation", v.sub.org_name);
	ui_fact(h, "Indmelder som", ind_kind_label(v.sub.kind));
	ui_fact_date(h, "Frist", v.year.deadline);
	ui_fact_begin(h, "Status");
	ind_http_sub_badge(h, v.sub.status);
	ui_fact_end(h);
	ui_fact(h, "Besvaret", arena_printf(&r->arena, "%lld af %lld tilbud",
	    (long long)v.sub.nanswered, (long long)v.sub.nlines));
	ui_facts_end(h);
	if (!v.may_edit && v.why_not != NULL && !v.may_review &&
	    v.sub.status != SUBMISSION_APPROVED)
		ui_alert(h, UI_INFO, NULL, v.why_not);
	lines_table(&p, &v);
	groups_summary(&p, &v);
	if (v.may_edit) {
		upload_section(&p, &v, &errs, rep);
		HTML_LIT(h, "<h2>Indsend</h2><p>Når indmeldingen er indsendt, "
		    "kan den ikke ændres, medmindre sekretariatet sender den "
		    "retur.</p>");
		act_form(&p, &v.sub, "indsend", UI_PRIMARY, "Indsend", false,
		    NULL);
	}
	if (v.may_review) {
		HTML_LIT(h, "<h2>Sekretariatet</h2><div class=\"actions\">");
		if (v.may_approve)
			act_form(&p, &v.sub, "godkend", UI_PRIMARY, "Godkend",
			    false, NULL);
		HTML_LIT(h, "</div>");
		act_form(&p, &v.sub, "retur", UI_SECONDARY, "Send retur", true,
		    &errs);
	}
	page_end(&p, status);
}

void
page_ind_sub(struct http_req *r)
{
	int64_t id;

	if (ind_http_id(r, 0, &id) == 0)
		sub_page(r, id, NULL, NULL, 200);
}

/* Submit, approve or return. */
static void
sub_act(struct http_req *r, enum submission_action act)
{
	static const char *const key[] = { "", "indsendt", "godkendt",
	    "retur" };
	struct ind_sub_view	 v;
	struct page		 p;
	struct err		 e;
	const char		**list;
	int64_t			 id, version;
	size_t			 i;
	int			 rc, k = 0;

	if (ind_http_id(r, 0, &id) != 0)
		return;
	err_clear(&e);
	if ((rc = http_form_error(r, &e)) == 0 &&
	    (rc = form_version(r, &version, &e)) == 0 &&
	    act == SUBMISSION_SUBMIT && !ui_confirmed(r)) {
		if (ind_sub_get(&r->svc, id, &v, &e) != 0) {
			http_send_error(r, &e);
			return;
		}
		if (v.may_edit && v.sub.version == version &&
		    v.sub.nanswered > 0) {
			list = arena_calloc(&r->arena, v.sub.nline + 1,
			    sizeof(*list));
			for (i = 0; i < v.sub.nline; i++)
				if (!ind_line_answered(v.sub.kind,
				    &v.sub.lines[i]))
					list[k++] = v.sub.lines[i].offer_name;
			begin(&p, r, &v, "Indsend indmeldingen");
			ui_confirm(&p, &(struct ui_confirm){
			    .heading = arena_printf(&r->arena, "Vil du "
			    "indsende indmeldingen for %s?", v.sub.org_name),
			    .text = k == 0 ? "Alle tilbud er besvaret. "
			    "Indmeldingen sendes til sekretariatet og kan "
			    "ikke ændres, medmindre den sendes retur." :
			    "Indmeldingen sendes til sekretariatet og kan "
			    "ikke ændres, medmindre den sendes retur. Disse "
			    "tilbud er ikke besvaret:",
			    .consequences = list, .nconsequences = k,
			    .action = ind_path(r, "/indmelding/%lld/indsend",
			    id), .button = "Indsend",
			    .cancel_href = ind_path(r, "/indmelding/%lld",
			    id) });
			page_end(&p, 200);
			return;
		}
	}
	if (rc == 0 && act == SUBMISSION_APPROVE && !ui_confirmed(r)) {
		if (ind_sub_get(&r->svc, id, &v, &e) != 0) {
			http_send_error(r, &e);
			return;
		}
		if (v.may_approve && v.sub.version == version) {
			begin(&p, r, &v, "Godkend indmeldingen");
			ui_confirm(&p, &(struct ui_confirm){
			    .heading = arena_printf(&r->arena, "Vil du godkende "
			    "indmeldingen for %s?", v.sub.org_name),
			    .text = "Indmeldingen tæller med i statusbilledet "
			    "og kan ikke længere ændres af organisationen. Den "
			    "kan sendes retur senere, indtil statusbilledet er "
			    "sat på dagsordenen.",
			    .action = ind_path(r, "/indmelding/%lld/godkend",
			    id), .button = "Godkend",
			    .cancel_href = ind_path(r, "/indmelding/%lld",
			    id) });
			page_end(&p, 200);
			return;
		}
	}
	if (rc == 0)
		rc = ind_act(&r->svc, id, version, act, http_form_text(r,
		    "comment"), &version, &e);
	if (rc == 0) {
		http_redirect(r, arena_printf(&r->arena,
		    "/indmelding/%lld?besked=%s", (long long)id, key[act]));
		return;
	}
	if (e.code == ERR_FORBIDDEN || e.code == ERR_NOT_FOUND) {
		http_send_error(r, &e);
		return;
	}
	sub_page(r, id, &e, NULL, http_status_of_err(e.code));
}

void
page_ind_submit(struct http_req *r)
{
	sub_act(r, SUBMISSION_SUBMIT);
}

void
page_ind_approve(struct http_req *r)
{
	sub_act(r, SUBMISSION_APPROVE);
}

void
page_ind_return(struct http_req *r)
{
	sub_act(r, SUBMISSION_RETURN);
}

/* ---- the Excel template ----------------------------------------------- */

void
page_ind_template(struct http_req *r)
{
	struct err	 e;
	char		 path[] = "/tmp/ramme-xlsx-XXXXXX";
	char		*data;
	FILE		*f = NULL;
	long		 sz;
	size_t		 len = 0;
	int64_t		 id;
	int		 fd;

	if (ind_http_id(r, 0, &id) != 0)
		return;
	err_clear(&e);
	if ((fd = mkstemp(path)) < 0) {
		err_set(&e, ERR_IO, "tempfile", NULL, "Kunne ikke danne filen");
		http_send_error(r, &e);
		return;
	}
	close(fd);
	if (ind_io_template(&r->svc, id, path, &e) != 0 ||
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
	http_set_header(r, "Content-Disposition", arena_printf(&r->arena,
	    "attachment; filename=\"indmelding-%lld.xlsx\"", (long long)id));
	http_send(r, 200, "application/vnd.openxmlformats-officedocument."
	    "spreadsheetml.sheet", data, len);
}

void
page_ind_upload(struct http_req *r)
{
	struct ind_import_report	 rep;
	const struct http_field		*file;
	struct err			 e;
	int64_t				 id;
	int				 rc;

	if (ind_http_id(r, 0, &id) != 0)
		return;
	err_clear(&e);
	memset(&rep, 0, sizeof(rep));
	if ((rc = http_form_error(r, &e)) == 0) {
		file = http_form_file(r, "file");
		if (file == NULL || file->len == 0)
			rc = err_set(&e, ERR_INVALID, "missing_file", "file",
			    "Vælg den udfyldte skabelon (.xlsx)");
		else
			rc = ind_io_upload(&r->svc, id, file->value, file->len,
			    &rep, &e);
	}
	if (rc == 0) {
		http_redirect(r, ind_path(r, "/indmelding/%lld?besked=indlaest",
		    id));
		return;
	}
	if (e.code == ERR_FORBIDDEN || e.code == ERR_NOT_FOUND) {
		http_send_error(r, &e);
		return;
	}
	sub_page(r, id, &e, &rep, http_status_of_err(e.code));
}
