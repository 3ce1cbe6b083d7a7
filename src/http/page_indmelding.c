/*
 * page_indmelding — Indmeldinger: the years with their state and a new
 * year (the secretariat), one year with its progress ("9 af 11") and the
 * submissions the user may see, the secretariat's steps (send to the
 * joint hearing, put on the next DAS agenda, each confirmed first), and
 * the compiled status report with its flags, downloads (Excel, PDF) and
 * the comments of the hearing.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "core/indmelding.h"
#include "core/role.h"
#include "http/api.h"
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

#define SECTION	"indmeldinger"

/* ---- shared ------------------------------------------------------------ */

void
ind_http_sub_badge(struct html *h, enum submission_status st)
{
	static const enum ui_tone tone[] = { UI_NEUTRAL, UI_INFO, UI_WARNING,
	    UI_SUCCESS };

	ui_badge(h, (unsigned)st < SUBMISSION_STATUS_COUNT ? tone[st] :
	    UI_NEUTRAL, submission_status_label(st));
}

void
ind_http_year_badge(struct html *h, enum ind_year_status st)
{
	static const enum ui_tone tone[] = { UI_INFO, UI_WARNING, UI_SUCCESS };

	ui_badge(h, (unsigned)st < IND_YEAR_STATUS_COUNT ? tone[st] :
	    UI_NEUTRAL, ind_year_status_label(st));
}

int
ind_http_id(struct http_req *r, int n, int64_t *id)
{
	struct err e;

	err_clear(&e);
	if (api_param_id(r, n, id, &e) != 0) {
		http_send_error(r, &e);
		return -1;
	}
	return 0;
}

const char *
ind_http_centi(struct http_req *r, int64_t v)
{
	struct buf	 b;
	char		*s;

	if (v < 0)
		return "–";
	buf_init(&b);
	text_format_centi_da(&b, v);
	s = arena_strdup(&r->arena, buf_str(&b));
	buf_cleanup(&b);
	return s;
}

const char *
ind_http_pct(struct http_req *r, int64_t bp)
{
	return bp < 0 ? "–" : arena_printf(&r->arena, "%s %%",
	    ind_http_centi(r, bp));
}

static const char *
year_title(struct http_req *r, int year)
{
	return arena_printf(&r->arena, "Indmeldinger %d", year);
}

static const char *
flash(const char *key)
{
	if (key == NULL)
		return NULL;
	if (strcmp(key, "aabnet") == 0)
		return "Indmeldingen er åbnet, og kommunernes og "
		    "driftsherrernes indmeldinger er oprettet.";
	if (strcmp(key, "hoering") == 0)
		return "Statusbilledet er sendt i høring hos kommunerne og "
		    "driftsherrerne.";
	if (strcmp(key, "dagsorden") == 0)
		return "Statusbilledet med høringssvarene er sat på "
		    "dagsordenen for DAS' næste møde.";
	if (strcmp(key, "kommentar") == 0)
		return "Dit høringssvar er gemt.";
	return NULL;
}

static const char *
posted(struct http_req *r, const char *name, const char *def)
{
	const char *v = strcmp(r->method, "POST") == 0 ?
	    http_form(r, name) : NULL;

	return v != NULL ? v : def;
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

/* ---- the years ----------------------------------------------------- */

static void
years_page(struct http_req *r, const struct ui_errors *errs, int status)
{
	static const struct ui_col cols[] = {
		{ "År", UI_COL_NUM }, { "Frist", 0 }, { "Høringsfrist", 0 },
		{ "Status", 0 },
	};
	struct page	 p;
	struct html	*h = &p.h;
	struct ind_year	*v;
	struct ui_table	 t;
	struct err	 e;
	size_t		 n = 0, i;

	err_clear(&e);
	if (ind_list(&r->svc, &v, &n, &e) != 0) {
		http_send_error(r, &e);
		return;
	}
	page_begin(&p, r, "Indmeldinger", SECTION);
	HTML_LIT(h, "<p>Hvert år melder kommunerne deres forventede brug af "
	    "tilbuddene ind, og driftsherrerne melder kapacitet, belægning "
	    "og venteliste. Sekretariatet samler indmeldingerne i et "
	    "statusbillede, som sendes i fælles skriftlig høring og derefter "
	    "drøftes i DAS.</p>");
	if (n == 0)
		ui_alert(h, UI_INFO, NULL, "Der er ingen indmeldinger endnu.");
	else {
		ui_table_begin(&t, h, NULL, cols, 4);
		for (i = 0; i < n; i++) {
			ui_row(&t);
			ui_cell_link(&t, ind_path(r, "/indmeldinger/%lld",
			    v[i].id), arena_printf(&r->arena, "%d",
			    v[i].year));
			ui_cell_begin(&t);
			html_date(h, v[i].deadline);
			ui_cell_end(&t);
			ui_cell_begin(&t);
			if (v[i].hearing_deadline != NULL)
				html_date(h, v[i].hearing_deadline);
			else
				HTML_LIT(h, "–");
			ui_cell_end(&t);
			ui_cell_begin(&t);
			ind_http_year_badge(h, v[i].status);
			ui_cell_end(&t);
		}
		ui_table_end(&t);
	}
	if (r->who.role == ROLE_ADMIN) {
		HTML_LIT(h, "<h2>Åbn årets indmelding</h2><p>Hver kommune og "
		    "hver driftsherre af et tilbud under rammeaftalen får en "
		    "indmelding, udfyldt på forhånd med sidste års svar, "
		    "registrets pladser og regnskabernes belægning.</p>");
		ui_error_summary(h, errs);
		HTML_LIT(h, "<form method=\"post\" action=\"/indmeldinger\">");
		page_csrf(&p);
		ui_field(h, &(struct ui_field){ .name = "year",
		    .label = "År", .hint = "Året indmeldingen gælder",
		    .type = UI_NUMBER, .inputmode = "numeric", .maxlength = 4,
		    .width = "xs", .required = true, .value = posted(r,
		    "year", arena_printf(&r->arena, "%d",
		    atoi(r->svc.now_iso) + 1)) }, errs);
		ui_field(h, &(struct ui_field){ .name = "deadline",
		    .label = "Frist", .hint = "Sidste dag kommuner og "
		    "driftsherrer kan indsende", .type = UI_DATE,
		    .required = true, .value = posted(r, "deadline", NULL) },
		    errs);
		HTML_LIT(h, "<div class=\"actions\">");
		ui_button(h, UI_PRIMARY, "Åbn indmeldingen", NULL, NULL);
		HTML_LIT(h, "</div></form>");
	}
	page_end(&p, status);
}

void
page_ind_years(struct http_req *r)
{
	years_page(r, NULL, 200);
}

void
page_ind_open(struct http_req *r)
{
	struct ui_errors	 errs;
	struct err		 e;
	const char		*s;
	int64_t			 y = 0, id;
	int			 rc;

	err_clear(&e);
	if ((rc = http_form_error(r, &e)) == 0) {
		if ((s = http_form_text(r, "year")) == NULL ||
		    text_parse_i64(s, &y) != 0 || y < 2000 || y > 2100)
			rc = err_set(&e, ERR_INVALID, "invalid_year", "year",
			    "Angiv året som fire cifre (2000–2100)");
		else
			rc = ind_open(&r->svc, (int)y, http_form_text(r,
			    "deadline"), &id, NULL, &e);
	}
	if (rc == 0) {
		http_redirect(r, ind_path(r, "/indmeldinger/%lld?besked=aabnet",
		    id));
		return;
	}
	if (e.code == ERR_FORBIDDEN) {
		http_send_error(r, &e);
		return;
	}
	ui_errors_init(&errs);
	ui_errors_add_err(&errs, r, &e);
	years_page(r, &errs, http_status_of_err(e.code));
}

/* ---- one year --------------------------------------------------------- */

static void
progress(struct page *p, const struct ind_progress *pr)
{
	struct html *h = &p->h;

	HTML_LIT(h, "<h2>Fremdrift</h2><p id=\"progress\"><strong>");
	html_int(h, pr->done[IND_MUNICIPALITY]);
	HTML_LIT(h, " af ");
	html_int(h, pr->total[IND_MUNICIPALITY]);
	HTML_LIT(h, "</strong> kommuner har indsendt.</p><p><strong>");
	html_int(h, pr->done[IND_OPERATOR]);
	HTML_LIT(h, " af ");
	html_int(h, pr->total[IND_OPERATOR]);
	HTML_LIT(h, "</strong> driftsherrer har indsendt.</p>");
}

static void
subs_table(struct page *p, const struct ind_sub *v, size_t n)
{
	static const struct ui_col cols[] = {
		{ "Organisation", 0 }, { "Som", 0 }, { "Status", 0 },
		{ "Besvaret", UI_COL_NUM },
	};
	struct http_req	*r = p->r;
	struct html	*h = &p->h;
	struct ui_table	 t;
	size_t		 i;

	HTML_LIT(h, "<h2>Indmeldinger</h2>");
	ui_table_begin(&t, h, NULL, cols, 4);
	for (i = 0; i < n; i++) {
		ui_row(&t);
		ui_cell_link(&t, ind_path(r, "/indmelding/%lld", v[i].id),
		    v[i].org_name);
		ui_cell(&t, ind_kind_label(v[i].kind));
		ui_cell_begin(&t);
		ind_http_sub_badge(h, v[i].status);
		ui_cell_end(&t);
		ui_cell(&t, arena_printf(&r->arena, "%lld af %lld tilbud",
		    (long long)v[i].nanswered, (long long)v[i].nlines));
	}
	ui_table_end(&t);
}

static void
secretariat(struct page *p, const struct ind_year *y,
    const struct ui_errors *errs)
{
	struct http_req	*r = p->r;
	struct html	*h = &p->h;

	HTML_LIT(h, "<h2>Sekretariatet</h2>");
	if (y->status == IND_OPEN) {
		HTML_LIT(h, "<p>Send statusbilledet i fælles skriftlig høring "
		    "hos kommunerne og driftsherrerne. Derefter kan "
		    "indmeldingerne ikke længere ændres.</p><form "
		    "method=\"post\"");
		html_url(h, "action", ind_path(r, "/indmeldinger/%lld/hoering",
		    y->id));
		HTML_LIT(h, ">");
		page_csrf(p);
		version_field(p, y->version);
		ui_field(h, &(struct ui_field){ .name = "hearing_deadline",
		    .label = "Høringsfrist", .type = UI_DATE, .required = true,
		    .value = posted(r, "hearing_deadline", NULL) }, errs);
		HTML_LIT(h, "<div class=\"actions\">");
		ui_button(h, UI_PRIMARY, "Send i høring", NULL, NULL);
		HTML_LIT(h, "</div></form>");
	} else if (y->status == IND_HEARING) {
		HTML_LIT(h, "<p>Sæt statusbilledet med høringssvarene på "
		    "dagsordenen for Den Administrative Styregruppes (DAS) "
		    "næste møde som et punkt med statusbilledet som "
		    "bilag.</p><form method=\"post\"");
		html_url(h, "action", ind_path(r,
		    "/indmeldinger/%lld/dagsorden", y->id));
		HTML_LIT(h, ">");
		page_csrf(p);
		version_field(p, y->version);
		HTML_LIT(h, "<div class=\"actions\">");
		ui_button(h, UI_PRIMARY, "Sæt på dagsorden", NULL, NULL);
		HTML_LIT(h, "</div></form>");
	}
}

static void
year_page(struct http_req *r, int64_t id, const struct err *err, int status)
{
	struct page		 p;
	struct html		*h = &p.h;
	struct ind_year		 y;
	struct ind_progress	 pr;
	struct ind_sub		*v;
	struct ui_errors	 errs;
	struct err		 e;
	const char		*f;
	size_t			 n;
	bool			 admin = r->who.role == ROLE_ADMIN;

	err_clear(&e);
	if (ind_get(&r->svc, id, &y, &pr, &v, &n, &e) != 0) {
		http_send_error(r, &e);
		return;
	}
	ui_errors_init(&errs);
	if (err != NULL)
		ui_errors_add_err(&errs, r, err);
	page_begin_crumbs(&p, r, year_title(r, y.year), SECTION,
	    (const struct page_crumb[]){ { "/indmeldinger", "Indmeldinger" } },
	    1);
	if ((f = flash(http_query(r, "besked"))) != NULL)
		ui_alert(h, UI_SUCCESS, NULL, f);
	ui_error_summary(h, &errs);
	ui_facts_begin(h);
	ui_fact(h, "År", arena_printf(&r->arena, "%d", y.year));
	ui_fact_date(h, "Frist", y.deadline);
	ui_fact_begin(h, "Status");
	ind_http_year_badge(h, y.status);
	ui_fact_end(h);
	if (y.hearing_deadline != NULL)
		ui_fact_date(h, "Høringsfrist", y.hearing_deadline);
	if (y.agenda_meeting_id != 0) {
		ui_fact_begin(h, "Dagsorden");
		HTML_LIT(h, "<a");
		html_url(h, "href", ind_path(r, "/moeder/%lld",
		    y.agenda_meeting_id));
		HTML_LIT(h, ">Mødet i DAS</a>");
		ui_fact_end(h);
	}
	ui_facts_end(h);
	progress(&p, &pr);
	if (admin || y.status != IND_OPEN) {
		HTML_LIT(h, "<div class=\"actions\">");
		ui_button_link(h, UI_SECONDARY, ind_path(r,
		    "/indmeldinger/%lld/statusbillede", id),
		    y.status == IND_HEARING ? "Se statusbilledet og giv "
		    "høringssvar" : "Se statusbilledet");
		HTML_LIT(h, "</div>");
	}
	if (n > 0)
		subs_table(&p, v, n);
	else if (r->who.role != ROLE_READER)
		ui_alert(h, UI_INFO, NULL, "Din organisation har ingen "
		    "indmelding i dette år.");
	if (admin)
		secretariat(&p, &y, &errs);
	page_end(&p, status);
}

void
page_ind_year(struct http_req *r)
{
	int64_t id;

	if (ind_http_id(r, 0, &id) == 0)
		year_page(r, id, NULL, 200);
}

/* The confirmation of sending to hearing or putting on the agenda. */
static void
confirm(struct http_req *r, const struct ind_year *y, bool agenda,
    const char *meeting, const char *const *list, int nlist)
{
	struct page	 p;
	const char	*back = ind_path(r, "/indmeldinger/%lld", y->id);

	page_begin_crumbs(&p, r, agenda ? "Sæt på dagsorden" :
	    "Send i høring", SECTION, (const struct page_crumb[]){
	    { "/indmeldinger", "Indmeldinger" },
	    { back, year_title(r, y->year) } }, 2);
	ui_confirm(&p, &(struct ui_confirm){
	    .heading = agenda ? arena_printf(&r->arena, "Vil du sætte "
	    "statusbilledet %d på dagsordenen for %s?", y->year, meeting) :
	    arena_printf(&r->arena, "Vil du sende statusbilledet %d i "
	    "høring?", y->year),
	    .text = agenda ? "Mødet får et punkt under Sager til behandling "
	    "med statusbilledets tal, de markerede tilbud og høringssvarene, "
	    "og statusbilledet vedlægges som PDF. Høringen lukkes; det kan "
	    "ikke fortrydes." : nlist > 0 ? "Kommunerne og driftsherrerne "
	    "kan se statusbilledet og give høringssvar til fristen. "
	    "Indmeldingerne kan ikke længere ændres; det kan ikke fortrydes. "
	    "Disse har ikke indsendt og kommer ikke med:" : "Kommunerne og "
	    "driftsherrerne kan se statusbilledet og give høringssvar til "
	    "fristen. Indmeldingerne kan ikke længere ændres; det kan ikke "
	    "fortrydes.",
	    .consequences = list, .nconsequences = nlist,
	    .action = arena_printf(&r->arena, "%s/%s", back, agenda ?
	    "dagsorden" : "hoering"),
	    .button = agenda ? "Sæt på dagsorden" : "Send i høring",
	    .cancel_href = back });
	page_end(&p, 200);
}

static void
year_post(struct http_req *r, bool agenda)
{
	struct ind_year		 y;
	struct ind_sub		*v;
	struct err		 e;
	const char		*title, *start, **list;
	int64_t			 id, version, mid, item;
	size_t			 n, i;
	int			 rc, k = 0;

	if (ind_http_id(r, 0, &id) != 0)
		return;
	err_clear(&e);
	if ((rc = http_form_error(r, &e)) == 0 &&
	    (rc = form_version(r, &version, &e)) == 0 && !ui_confirmed(r)) {
		if (ind_get(&r->svc, id, &y, NULL, &v, &n, &e) != 0) {
			http_send_error(r, &e);
			return;
		}
		if (agenda && y.version == version) {
			if ((rc = ind_next_das(&r->svc, &mid, &title, &start,
			    &e)) == 0) {
				confirm(r, &y, true, arena_printf(&r->arena,
				    "%s den %.10s", title, start), NULL, 0);
				return;
			}
		} else if (!agenda && y.version == version) {
			const char *d = http_form_text(r, "hearing_deadline");

			if (d == NULL || !text_date_valid(d) ||
			    strncmp(d, r->svc.now_iso, 10) < 0)
				rc = ind_hearing(&r->svc, id, version, d, &e);
			else {
				list = arena_calloc(&r->arena, n + 1,
				    sizeof(*list));
				for (i = 0; i < n; i++)
					if (v[i].status == SUBMISSION_DRAFT ||
					    v[i].status == SUBMISSION_RETURNED)
						list[k++] = arena_printf(
						    &r->arena, "%s (%s)",
						    v[i].org_name,
						    ind_kind_label(v[i].kind));
				confirm(r, &y, false, NULL, list, k);
				return;
			}
		}
	}
	if (rc == 0)
		rc = agenda ? ind_io_agenda(&r->svc, id, version, &mid, &item,
		    &e) : ind_hearing(&r->svc, id, version, http_form_text(r,
		    "hearing_deadline"), &e);
	if (rc == 0) {
		http_redirect(r, arena_printf(&r->arena,
		    "/indmeldinger/%lld?besked=%s", (long long)id, agenda ?
		    "dagsorden" : "hoering"));
		return;
	}
	if (e.code == ERR_FORBIDDEN) {
		http_send_error(r, &e);
		return;
	}
	year_page(r, id, &e, http_status_of_err(e.code));
}

void
page_ind_hearing(struct http_req *r)
{
	year_post(r, false);
}

void
page_ind_agenda(struct http_req *r)
{
	year_post(r, true);
}
