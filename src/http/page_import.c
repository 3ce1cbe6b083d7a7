/*
 * page_import — importing minutes (text, markdown, HTML, DOCX or PDF):
 * the form, which takes several files at once, and the result — for one
 * file the meeting created, text that could not be placed and remarks;
 * for several a summary table as `ramme meeting import DIR` prints it.
 */
#include <stdio.h>
#include <string.h>

#include "core/minutes.h"
#include "http/gov.h"
#include "http/html.h"
#include "http/http.h"
#include "http/page.h"
#include "http/routes.h"
#include "http/ui.h"
#include "service/meeting.h"
#include "util/buf.h"

static const struct page_crumb crumb_meetings = { "/moeder", "Møder" };

static void
import_form(struct page *p, const struct ui_errors *errs)
{
	struct http_req		*r = p->r;
	struct html		*h = &p->h;
	const struct ui_option	*bo;
	int			 nb;

	bo = gov_body_options(r, &nb);
	ui_error_summary(h, errs);
	HTML_LIT(h, "<form class=\"stack\" method=\"post\" "
	    "action=\"/moeder/import\" enctype=\"multipart/form-data\">");
	page_csrf(p);
	HTML_LIT(h, "<p>Referater og dagsordener som Word (.docx), PDF, "
	    "tekst, markdown eller HTML indlæses som møder med punkter. Vælg "
	    "gerne flere filer på én gang. Den samme tekst indlæses kun én "
	    "gang.</p>");
	ui_field(h, &(struct ui_field){ .name = "file", .label = "Filer",
	    .type = UI_FILE, .required = true, .multiple = true, .accept =
	    ".txt,.md,.html,.htm,.docx,.pdf,text/plain,text/html,"
	    "application/pdf" }, errs);
	ui_select(h, &(struct ui_select){ .name = "body_id", .label = "Organ",
	    .first = "Det organ, teksten nævner", .options = bo,
	    .noptions = nb }, errs);
	HTML_LIT(h, "<div class=\"actions\">");
	ui_button(h, UI_PRIMARY, "Indlæs", NULL, NULL);
	HTML_LIT(h, "</div></form>");
}

void
page_meeting_import_form(struct http_req *r)
{
	struct page p;

	page_begin_crumbs(&p, r, "Indlæs referat", "moeder", &crumb_meetings,
	    1);
	import_form(&p, NULL);
	page_end(&p, 200);
}

#define IMPORT_FILES_MAX	HTTP_MAX_FORM

/* Several files: import each and show one row per file. */
static void
import_many(struct http_req *r, const struct http_field **files, size_t n)
{
	static const struct ui_col cols[] = { { "Fil", 0 }, { "Resultat", 0 },
	    { "Punkter", UI_COL_NUM }, { "Ikke placeret", UI_COL_NUM },
	    { "Bemærkning", 0 } };
	struct meeting_import_result	 res;
	struct page			 p;
	struct html			*h = &p.h;
	struct ui_table			 t;
	struct err			 e;
	int64_t				 body = gov_id(gov_field(r, "body_id"));
	size_t				 i, made = 0, old = 0, bad = 0;

	page_begin_crumbs(&p, r, "Indlæs referater", "moeder",
	    &crumb_meetings, 1);
	ui_table_begin(&t, h, "Resultat pr. fil", cols, 5);
	for (i = 0; i < n; i++) {
		const char *name = files[i]->filename && *files[i]->filename ?
		    files[i]->filename : "upload.txt";

		err_clear(&e);
		ui_row(&t);
		ui_cell(&t, name);
		if (meeting_import_doc(&r->svc, name, files[i]->value,
		    files[i]->len, body, &res, &e) != 0) {
			bad++;
			ui_cell_begin(&t);
			ui_badge(h, UI_ERROR, "Fejl");
			ui_cell_end(&t);
			ui_cell(&t, "");
			ui_cell(&t, "");
			ui_cell(&t, e.line > 0 ? arena_printf(&r->arena,
			    "Linje %d: %s", e.line, e.msg) : e.msg);
			continue;
		}
		if (res.created)
			made++;
		else
			old++;
		ui_cell_begin(&t);
		HTML_LIT(h, "<a");
		html_url(h, "href", arena_printf(&r->arena, "/moeder/%lld",
		    (long long)res.id));
		HTML_LIT(h, ">");
		html_text(h, res.created ? "Oprettet" : "Fandtes allerede");
		HTML_LIT(h, "</a>");
		ui_cell_end(&t);
		ui_cell_int(&t, (int64_t)res.nitems);
		ui_cell_int(&t, (int64_t)res.nunplaced);
		ui_cell(&t, res.start_unread ? "Starttidspunkt ikke læst: "
		    "se Ufuldstændige møder" : "");
	}
	ui_table_end(&t);
	HTML_LIT(h, "<p id=\"summary\">");
	html_text(h, arena_printf(&r->arena, "I alt %zu filer: %zu oprettet, "
	    "%zu fandtes allerede, %zu fejl.", n, made, old, bad));
	HTML_LIT(h, "</p><p><a href=\"/moeder/ufuldstaendige\">Ufuldstændige "
	    "møder</a> · <a href=\"/moeder/import\">Indlæs flere</a></p>");
	page_end(&p, 200);
}

void
page_meeting_import_post(struct http_req *r)
{
	const struct http_field		*many[IMPORT_FILES_MAX];
	size_t				 nmany;
	struct meeting_import_result	 res;
	const struct http_field		*file;
	struct ui_errors		 errs;
	struct page			 p;
	struct html			*h = &p.h;
	struct err			 e;
	size_t				 i;
	int				 rc;

	err_clear(&e);
	memset(&res, 0, sizeof(res));
	nmany = http_form_files(r, "file", many, IMPORT_FILES_MAX);
	if (http_form_error(r, &e) == 0 && nmany > 1) {
		import_many(r, many, nmany < IMPORT_FILES_MAX ? nmany :
		    IMPORT_FILES_MAX);
		return;
	}
	if (http_form_error(r, &e) != 0)
		rc = e.code;
	else if ((file = http_form_file(r, "file")) == NULL || file->len == 0)
		rc = err_set(&e, ERR_INVALID, "missing_file", "file",
		    "Vælg en tekstfil");
	else
		rc = meeting_import_doc(&r->svc, file->filename ? file->filename :
		    "upload.txt", file->value, file->len,
		    gov_id(gov_field(r, "body_id")), &res, &e);
	page_begin_crumbs(&p, r, "Indlæs referat", "moeder", &crumb_meetings,
	    1);
	if (rc != 0) {
		ui_errors_init(&errs);
		ui_errors_add(&errs, e.field[0] != '\0' ? "file" : NULL,
		    e.line > 0 ? arena_printf(&r->arena, "Linje %d: %s",
		    e.line, e.msg) : arena_strdup(&r->arena, e.msg));
		import_form(&p, &errs);
		page_end(&p, http_status_of_err(rc));
		return;
	}
	ui_alert(h, UI_SUCCESS, NULL, res.created ? arena_printf(&r->arena,
	    "Mødet er oprettet med %zu punkter.", res.nitems) :
	    "Teksten var allerede indlæst; intet er ændret.");
	HTML_LIT(h, "<p><a id=\"imported\"");
	html_url(h, "href", arena_printf(&r->arena, "/moeder/%lld",
	    (long long)res.id));
	HTML_LIT(h, ">Se mødet</a></p>");
	if (res.nunplaced > 0) {
		HTML_LIT(h, "<h2>Tekst, der ikke kunne placeres</h2><p>Teksten "
		    "er gemt på mødet.</p>");
		for (i = 0; i < res.nunplaced; i++) {
			HTML_LIT(h, "<p class=\"muted\">Linje ");
			html_int(h, res.unplaced[i].line);
			HTML_LIT(h, "</p><pre>");
			html_text(h, res.unplaced[i].text);
			HTML_LIT(h, "</pre>");
		}
	}
	if (res.nwarnings > 0) {
		HTML_LIT(h, "<h2>Bemærkninger</h2><ul>");
		for (i = 0; i < res.nwarnings; i++) {
			HTML_LIT(h, "<li>");
			if (res.warnings[i].line > 0) {
				HTML_LIT(h, "Linje ");
				html_int(h, res.warnings[i].line);
				HTML_LIT(h, ": ");
			}
			html_text(h, res.warnings[i].msg);
			HTML_LIT(h, "</li>");
		}
		HTML_LIT(h, "</ul>");
	}
	page_end(&p, 200);
}
