/*
 * person_pdf — one person's data as PDF (see person_pdf.h).
 */
#include <stdio.h>
#include <string.h>

#include "report/pdf_doc.h"
#include "report/person_pdf.h"
#include "util/buf.h"
#include "util/err.h"

/* The sections of the dossier in order, with their Danish headings. */
static const struct {
	const char	*key;
	const char	*title;
} sections[] = {
	{ "person", "Person" },
	{ "user", "Brugerkonto" },
	{ "memberships", "Medlemskaber af organer" },
	{ "nominations", "Udpegninger" },
	{ "participations", "Deltagelse i møder" },
	{ "apologies", "Afbud" },
	{ "minutes_signoffs", "Godkendelser af referater" },
	{ "audit_as_actor", "Revisionsspor: ændringer foretaget af personen" },
	{ "audit_as_subject", "Revisionsspor: ændringer af personen" },
	{ "login_log", "Loginlog" },
	{ "sessions", "Sessioner" },
	{ "mail", "E-mails" },
	{ "notice_optouts", "Fravalgte notifikationer" },
};

/* One row as "felt: værdi; felt: værdi" into b. */
static void
row_text(struct buf *b, json_t *row)
{
	const char	*k;
	json_t		*v;
	int		 first = 1;

	buf_reset(b);
	json_object_foreach(row, k, v) {
		if (json_is_null(v))
			continue;
		buf_printf(b, "%s%s: ", first ? "" : "; ", k);
		first = 0;
		if (json_is_string(v))
			buf_puts(b, json_string_value(v));
		else if (json_is_integer(v))
			buf_printf(b, "%lld", (long long)json_integer_value(v));
		else if (json_is_true(v))
			buf_puts(b, "ja");
		else if (json_is_false(v))
			buf_puts(b, "nej");
	}
}

static void
document(struct pdf_doc *p, const void *arg)
{
	const json_t	*d = arg;
	json_t		*arr, *row, *person;
	struct buf	 b;
	size_t		 i, k;

	buf_init(&b);
	person = json_array_get(json_object_get(d, "person"), 0);
	buf_printf(&b, "Persondata: %s", json_string_value(json_object_get(
	    person, "name")) != NULL ? json_string_value(json_object_get(
	    person, "name")) : "");
	pdf_doc_heading(p, PDF_TITLE, "H1", buf_str(&b), 0.0, 0.0);
	p->y += 4.0;
	buf_reset(&b);
	buf_printf(&b, "Alt hvad ramme har registreret om personen, dannet %s "
	    "(UTC).", json_string_value(json_object_get(d,
	    "exported_at")) != NULL ? json_string_value(json_object_get(d,
	    "exported_at")) : "");
	pdf_doc_text(p, PDF_BODY, 0, buf_str(&b), 6.0);
	for (i = 0; i < sizeof(sections) / sizeof(sections[0]); i++) {
		arr = json_object_get(d, sections[i].key);
		pdf_doc_heading(p, PDF_HEAD, "H2", sections[i].title, 8.0,
		    44.0);
		p->y += 4.0;
		if (json_array_size(arr) == 0) {
			pdf_doc_text(p, PDF_BODY, 0, "Intet registreret.", 1.0);
			continue;
		}
		json_array_foreach(arr, k, row) {
			row_text(&b, row);
			pdf_doc_text(p, PDF_BODY, 0, buf_str(&b), 3.0);
		}
	}
	buf_cleanup(&b);
}

int
person_pdf_write(const json_t *dossier, struct buf *out, struct err *e)
{
	const struct pdf_doc_spec spec = {
		.title = "Persondata",
		.footer = "Persondata",
	};

	return pdf_doc_render(&spec, document, dossier, out, e);
}
