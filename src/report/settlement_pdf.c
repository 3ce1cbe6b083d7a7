/*
 * settlement_pdf — a post-adjustment as a PDF (see settlement_pdf.h).
 *
 * One document of facts and a table of at most the municipalities; a
 * table that does not fit goes on over the next page, and every page
 * carries "Side n af N" and the title in its footer (see pdf_doc.h).
 */
#include <stdio.h>
#include <string.h>

#include "core/postadj.h"
#include "report/pdf_doc.h"
#include "report/settlement_pdf.h"
#include "store/settlement_store.h"
#include "util/buf.h"
#include "util/err.h"
#include "util/text.h"

#define TEXT_W		PDF_TEXT_W
#define COL_2		(TEXT_W * 0.45)		/* x of the second column */
#define COL_3		(TEXT_W * 0.70)		/* x of the third column */

/* A row of up to three cells (c NULL: b spans the rest, left-aligned). */
static void
row(struct pdf_doc *d, enum pdf_font f, const char *a, const char *b,
    const char *c)
{
	static const struct pdf_doc_col two[] = {
		{ 0, COL_2 - 6, PANGO_ALIGN_LEFT },
		{ COL_2, TEXT_W - COL_2, PANGO_ALIGN_LEFT },
	};
	static const struct pdf_doc_col three[] = {
		{ 0, COL_2 - 6, PANGO_ALIGN_LEFT },
		{ COL_2, COL_3 - COL_2 - 6, PANGO_ALIGN_RIGHT },
		{ COL_3, TEXT_W - COL_3, PANGO_ALIGN_RIGHT },
	};
	const char *cells[] = { a, b, c };

	if (c != NULL)
		pdf_doc_row(d, f, three, cells, 3);
	else
		pdf_doc_row(d, f, two, cells, 2);
}

/* Hundredths as "1.234,56", whole ones as "1.234" (places, percentages
 * in basis points), as the page shows them. */
static const char *
centi(char *out, size_t n, int64_t v)
{
	struct buf	b;
	uint64_t	a = v < 0 ? (uint64_t)0 - (uint64_t)v : (uint64_t)v;

	buf_init(&b);
	if (v < 0)
		buf_puts(&b, "-");
	text_format_int_da(&b, (int64_t)(a / 100));
	if (a % 100 != 0)
		buf_printf(&b, ",%02u", (unsigned)(a % 100));
	snprintf(out, n, "%s", buf_str(&b));
	buf_cleanup(&b);
	return out;
}

static void
facts(struct pdf_doc *d, const struct settlement *s)
{
	char		 t[64], k[TEXT_KR_SIZE];
	struct buf	 b;
	int64_t		 actual;

	buf_init(&b);
	row(d, PDF_BODY, "Institution", s->offer_name, NULL);
	row(d, PDF_BODY, "Driftsherre", s->operator_name != NULL ?
	    s->operator_name : "", NULL);
	snprintf(t, sizeof(t), "%d", s->year);
	row(d, PDF_BODY, "År", t, NULL);
	row(d, PDF_BODY, "Pladser", centi(t, sizeof(t), s->places_centi), NULL);
	buf_printf(&b, "%s %%", centi(t, sizeof(t), s->assumed_bp));
	row(d, PDF_BODY, "Forudsat belægning", buf_str(&b), NULL);
	buf_reset(&b);
	actual = postadj_actual_bp(s->occupied_days, s->places_centi,
	    s->day_basis);
	if (actual >= 0)
		buf_printf(&b, "%s %%", centi(t, sizeof(t), actual));
	else
		buf_puts(&b, "–");
	row(d, PDF_BODY, "Faktisk belægning", buf_str(&b), NULL);
	buf_reset(&b);
	text_format_int_da(&b, s->occupied_days);
	buf_puts(&b, " af ");
	text_format_int_da(&b, s->places_centi * s->day_basis / 100);
	buf_puts(&b, " pladsdøgn");
	row(d, PDF_BODY, "Belagte døgn", buf_str(&b), NULL);
	text_format_ore_da(k, s->tariff_ore);
	row(d, PDF_BODY, "Takst pr. døgn", k, NULL);
	text_format_ore_da(k, s->billed_ore);
	row(d, PDF_BODY, "Opkrævet (belagte døgn × takst)", k, NULL);
	buf_reset(&b);
	text_format_ore_da(k, s->cost_ore);
	buf_printf(&b, "%s (%s)", k, strcmp(s->cost_source, "accounts") == 0 ?
	    "fra regnskabet" : "indtastet");
	row(d, PDF_BODY, "Årets omkostninger", buf_str(&b), NULL);
	buf_reset(&b);
	text_format_ore_da(k, s->difference_ore < 0 ? -s->difference_ore :
	    s->difference_ore);
	buf_printf(&b, "%s %s", s->difference_ore > 0 ? "Underskud" :
	    s->difference_ore < 0 ? "Overskud" : "Balance", k);
	if (s->difference_ore != 0)
		buf_puts(&b, s->difference_ore > 0 ? ", betales af kommunerne" :
		    ", betales tilbage til kommunerne");
	row(d, PDF_BOLD, "Resultat", buf_str(&b), NULL);
	row(d, PDF_BODY, "Fordelingsnøgle", s->key_label, NULL);
	if (s->reason != NULL)
		row(d, PDF_BODY, "Begrundelse", s->reason, NULL);
	buf_cleanup(&b);
}

static void
shares(struct pdf_doc *d, const struct settlement *s)
{
	char		 k[TEXT_KR_SIZE];
	struct buf	 b;
	int64_t		 total = 0, weights = 0;
	size_t		 i;

	d->y += 10;
	pdf_doc_heading(d, PDF_HEAD, "H2", "Fordeling på kommuner", 0.0,
	    40.0);
	d->y += 4;
	pdf_doc_text(d, PDF_SMALL, 0, "Positivt beløb: kommunen betaler; "
	    "negativt: kommunen får tilbage.", 6);
	if (s->nshares == 0) {
		row(d, PDF_BODY, "Kommunen har ingen andel i denne "
		    "efterregulering.", "", NULL);
		return;
	}
	buf_init(&b);
	row(d, PDF_BOLD, "Kommune", "Fordelingsnøgle", "Andel");
	pdf_doc_rule(d);
	for (i = 0; i < s->nshares; i++) {
		buf_reset(&b);
		text_format_int_da(&b, s->shares[i].weight);
		text_format_ore_da(k, s->shares[i].amount_ore);
		row(d, PDF_BODY, s->shares[i].org_name, buf_str(&b), k);
		total += s->shares[i].amount_ore;
		weights += s->shares[i].weight;
	}
	pdf_doc_rule(d);
	buf_reset(&b);
	text_format_int_da(&b, weights);
	text_format_ore_da(k, total);
	row(d, PDF_BOLD, "I alt", buf_str(&b), k);
	buf_cleanup(&b);
}

/* What the document shows. */
struct settlement_doc {
	const struct settlement	*s;
	const char		*title;
};

static void
document(struct pdf_doc *d, const void *arg)
{
	const struct settlement_doc	*sd = arg;
	const struct settlement		*s = sd->s;
	struct buf			 sub;
	char				 day[11];

	pdf_doc_heading(d, PDF_TITLE, "H1", sd->title, 0.0, 0.0);
	d->y += 4;
	buf_init(&sub);
	buf_printf(&sub, "Sikret institution · version %d", s->version);
	snprintf(day, sizeof(day), "%s", s->created_at != NULL ?
	    s->created_at : "");
	if (text_date_valid(day)) {
		buf_puts(&sub, " · beregnet ");
		text_format_date_da(&sub, day);
	}
	pdf_doc_text(d, PDF_BODY, 0, buf_str(&sub), 14);
	buf_cleanup(&sub);
	facts(d, s);
	shares(d, s);
}

int
settlement_pdf(const struct settlement *s, struct buf *out, struct err *e)
{
	struct pdf_doc_spec	spec = { 0 };
	struct settlement_doc	sd;
	char			title[256];

	snprintf(title, sizeof(title), "Efterregulering %d: %s", s->year,
	    s->offer_name);
	spec.title = title;
	spec.footer = title;
	spec.title_pt = 18;
	sd.s = s;
	sd.title = title;
	return pdf_doc_render(&spec, document, &sd, out, e);
}
