/*
 * page_import — importing minutes exported as text: the form, and the
 * result (the meeting created, text that could not be placed, remarks).
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
	HTML_LIT(h, "<p>Referater og dagsordener gemt som tekst (UTF-8) "
	    "indlæses som møder med punkter. Den samme tekst indlæses kun én "
	    "gang.</p>");
	ui_field(h, &(struct ui_field){ .name = "file", .label = "Fil (.txt)",
	    .type = UI_FILE, .required = true, .accept = ".txt,text/plain" },
	    errs);
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

void
page_meeting_import_post(struct http_req *r)
{
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
	if (http_form_error(r, &e) != 0)
		rc = e.code;
	else if ((file = http_form_file(r, "file")) == NULL || file->len == 0)
		rc = err_set(&e, ERR_INVALID, "missing_file", "file",
		    "Vælg en tekstfil");
	else
		rc = meeting_import(&r->svc, file->filename ? file->filename :
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
