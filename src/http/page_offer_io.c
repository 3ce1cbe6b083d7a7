/*
 * page_offer_io — the register's files on the pages: the offers as
 * Excel, CSV or JSON (also "til læsning" with Danish headings), and the
 * secretariat's CSV import (all or nothing, errors listed by line).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "http/html.h"
#include "http/http.h"
#include "http/page.h"
#include "http/routes.h"
#include "http/ui.h"
#include "service/register_io.h"
#include "util/buf.h"
#include "util/text.h"

/* ---- export and import --------------------------------------------- */

void
page_offers_export(struct http_req *r)
{
	static const char *const allowed[] = { "format", "visning", NULL };
	enum register_io_format	 fmt;
	struct err		 e;
	const char		*name, *view;
	bool			 human;
	char			*data = NULL, path[] = "/tmp/ramme-xlsx-XXXXXX";
	size_t			 len = 0;
	FILE			*f;
	int			 fd, rc;
	long			 sz;

	err_clear(&e);
	name = http_query(r, "format");
	view = http_query(r, "visning");
	/* visning=oversigt: the export for people (CSV, XLSX). */
	human = view != NULL && strcmp(view, "oversigt") == 0;
	if (http_query_check(r, allowed, &e) != 0 || name == NULL ||
	    register_io_format_parse(name, &fmt) != 0 || (view != NULL &&
	    (!human || fmt == REGISTER_IO_JSON))) {
		if (e.code == 0)
			err_set(&e, ERR_INVALID, "invalid_format", "format",
			    "Vælg format: csv, json eller xlsx (oversigten "
			    "til læsning: csv eller xlsx)");
		http_send_error(r, &e);
		return;
	}
	if (fmt == REGISTER_IO_XLSX) {
		if ((fd = mkstemp(path)) < 0) {
			err_set(&e, ERR_IO, "tempfile", NULL,
			    "Kunne ikke danne filen");
			http_send_error(r, &e);
			return;
		}
		close(fd);
		rc = human ? register_io_export_offers_da(&r->svc, fmt, NULL,
		    path, &e) : register_io_export_offers(&r->svc, fmt, NULL,
		    path, &e);
		if (rc == 0 && (f = fopen(path, "rb")) != NULL) {
			fseek(f, 0, SEEK_END);
			sz = ftell(f);
			fseek(f, 0, SEEK_SET);
			data = arena_alloc(&r->arena, sz > 0 ? (size_t)sz : 1);
			len = sz > 0 ? fread(data, 1, (size_t)sz, f) : 0;
			fclose(f);
		} else if (rc == 0)
			rc = err_set(&e, ERR_IO, "tempfile", NULL,
			    "Kunne ikke læse filen");
		unlink(path);
	} else {
		char	*mem = NULL;
		size_t	 memlen = 0;
		f = open_memstream(&mem, &memlen);
		rc = human ? register_io_export_offers_da(&r->svc, fmt, f,
		    NULL, &e) : register_io_export_offers(&r->svc, fmt, f,
		    NULL, &e);
		fclose(f);
		data = arena_strndup(&r->arena, mem, memlen);
		len = memlen;
		free(mem);
	}
	if (rc != 0) {
		http_send_error(r, &e);
		return;
	}
	http_set_header(r, "Content-Disposition", arena_printf(&r->arena,
	    "attachment; filename=\"%s.%s\"", human ? "tilbudsoversigt" :
	    "tilbud", name));
	http_send(r, 200, fmt == REGISTER_IO_CSV ? "text/csv; charset=utf-8" :
	    fmt == REGISTER_IO_JSON ? "application/json; charset=utf-8" :
	    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
	    data, len);
}

static void
import_form(struct page *p)
{
	struct html *h = &p->h;

	HTML_LIT(h, "<p>Indlæs tilbud fra en CSV-fil, som Excel gemmer den "
	    "(semikolon eller komma, UTF-8 eller Windows-1252). Rækker med id "
	    "opdaterer tilbuddet; rækker uden id opretter nye. Hvis en række "
	    "har fejl, gemmes intet.</p><form method=\"post\" "
	    "action=\"/tilbud/import\" enctype=\"multipart/form-data\">");
	page_csrf(p);
	ui_field(h, &(struct ui_field){ .name = "file", .label = "CSV-fil",
	    .type = UI_FILE, .accept = ".csv,text/csv", .required = true },
	    NULL);
	ui_checkbox(h, &(struct ui_check){ .name = "dry_run",
	    .label = "Kontrollér kun (gem ikke)" });
	HTML_LIT(h, "<div class=\"actions\">");
	ui_button(h, UI_PRIMARY, "Indlæs", NULL, NULL);
	HTML_LIT(h, "</div></form>");
}

void
page_offers_import_form(struct http_req *r)
{
	struct page p;

	page_begin(&p, r, "Indlæs tilbud", "tilbud");
	import_form(&p);
	page_end(&p, 200);
}

void
page_offers_import_post(struct http_req *r)
{
	struct page			 p;
	struct html			*h = &p.h;
	struct register_io_report	 rep;
	const struct http_field		*file;
	struct err			 e;
	int				 rc, i, dry;

	err_clear(&e);
	memset(&rep, 0, sizeof(rep));
	file = http_form_file(r, "file");
	dry = http_form(r, "dry_run") != NULL;
	if (file == NULL || file->len == 0)
		rc = err_set(&e, ERR_INVALID, "missing_file", "file",
		    "Vælg en CSV-fil");
	else
		rc = register_io_import_offers(&r->svc, file->value, file->len,
		    dry, &rep, &e);
	page_begin(&p, r, "Indlæs tilbud", "tilbud");
	if (rc != 0) {
		ui_alert(h, UI_ERROR, "Intet er gemt", e.msg);
		if (rep.nerrors > 0) {
			HTML_LIT(h, "<table class=\"errors\"><thead><tr><th "
			    "scope=\"col\">Linje</th><th scope=\"col\">Felt</th>"
			    "<th scope=\"col\">Fejl</th></tr></thead><tbody>");
			for (i = 0; i < rep.nerrors; i++) {
				HTML_LIT(h, "<tr><td>");
				html_int(h, rep.errors[i].line);
				HTML_LIT(h, "</td><td>");
				html_text(h, rep.errors[i].field);
				HTML_LIT(h, "</td><td>");
				html_text(h, rep.errors[i].msg);
				HTML_LIT(h, "</td></tr>");
			}
			HTML_LIT(h, "</tbody></table>");
		}
		import_form(&p);
		page_end(&p, http_status_of_err(rc));
		return;
	}
	ui_alert(h, UI_SUCCESS, dry ? "Kontrol uden at gemme" : "Indlæst",
	    arena_printf(&r->arena, "%s oprettet, %s ændret, %s uændret.",
	    ui_int_da(r, rep.created), ui_int_da(r, rep.updated),
	    ui_int_da(r, rep.unchanged)));
	for (i = 0; i < rep.nwarnings; i++)
		ui_alert(h, UI_WARNING, NULL, rep.warnings[i]);
	HTML_LIT(h, "<p><a href=\"/tilbud\">Til tilbudslisten</a></p>");
	page_end(&p, 200);
}
