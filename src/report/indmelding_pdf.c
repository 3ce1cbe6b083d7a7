/*
 * indmelding_pdf — the status report as PDF (see indmelding_pdf.h).
 */
#include <stdio.h>
#include <string.h>

#include "core/indmelding.h"
#include "report/indmelding_pdf.h"
#include "report/pdf_doc.h"
#include "store/indmelding_store.h"
#include "util/buf.h"
#include "util/err.h"
#include "util/text.h"

#define INDENT	PDF_INDENT

/* A section heading kept with a few lines of what follows. */
static void
heading(struct pdf_doc *p, const char *s)
{
	pdf_doc_heading(p, PDF_HEAD, "H2", s, 8.0, 44.0);
	p->y += 4.0;
}

static void
places(struct buf *b, int64_t centi)
{
	if (centi < 0)
		buf_puts(b, "–");
	else
		text_format_centi_da(b, centi);
}

static void
pct(struct buf *b, int64_t bp)
{
	if (bp < 0)
		buf_puts(b, "–");
	else {
		text_format_centi_da(b, bp);
		buf_puts(b, " %");
	}
}

static void
offer(struct pdf_doc *p, const struct ind_report_row *row)
{
	struct buf	b;
	unsigned	bit;
	int		k;

	buf_init(&b);
	buf_puts(&b, row->offer_name);
	if (row->operator_name != NULL)
		buf_printf(&b, " (%s)", row->operator_name);
	pdf_doc_space(p, 0.0, 50.0);
	pdf_doc_text(p, PDF_BOLD, 0, buf_str(&b), 1.0);
	buf_reset(&b);
	buf_puts(&b, "Kapacitet: ");
	places(&b, row->capacity_centi);
	buf_puts(&b, " pladser · Forventet forbrug: ");
	places(&b, row->demand_centi);
	buf_printf(&b, " pladser (%lld %s svaret)", (long long)row->answers,
	    row->answers == 1 ? "kommune har" : "kommuner har");
	if (row->prev_demand_centi >= 0) {
		buf_puts(&b, " · Sidste år: ");
		places(&b, row->prev_demand_centi);
	}
	pdf_doc_text(p, PDF_BODY, INDENT, buf_str(&b), 1.0);
	buf_reset(&b);
	buf_puts(&b, "Belægning: ");
	pct(&b, row->occupancy_bp);
	buf_puts(&b, " (året før ");
	pct(&b, row->occupancy_prev_bp);
	buf_puts(&b, ") · Venteliste: ");
	if (row->waiting < 0)
		buf_puts(&b, "–");
	else
		text_format_int_da(&b, row->waiting);
	if (!row->reported)
		buf_puts(&b, " · Driftsherren har ikke indsendt");
	pdf_doc_text(p, PDF_BODY, INDENT, buf_str(&b), 1.0);
	buf_reset(&b);
	for (k = 0, bit = 1; k < IND_FLAG_COUNT; k++, bit <<= 1)
		if (row->flags & bit)
			buf_printf(&b, "%s%s", b.len ? " · " : "Obs: ",
			    ind_flag_label(bit));
	if (b.len > 0)
		pdf_doc_text(p, PDF_BOLD, INDENT, buf_str(&b), 1.0);
	if (row->development != NULL) {
		buf_reset(&b);
		buf_printf(&b, "Udvikling: %s", row->development);
		pdf_doc_text(p, PDF_BODY, INDENT, buf_str(&b), 1.0);
	}
	if (row->plans != NULL) {
		buf_reset(&b);
		buf_printf(&b, "Planer: %s", row->plans);
		pdf_doc_text(p, PDF_BODY, INDENT, buf_str(&b), 1.0);
	}
	buf_cleanup(&b);
	p->y += 5.0;
}

static void
document(struct pdf_doc *p, const void *arg)
{
	const struct ind_report	*r = arg;
	const struct ind_group	*g;
	struct buf		 b;
	size_t			 i;
	unsigned		 bit;
	int			 k;

	buf_init(&b);
	buf_printf(&b, "Statusbillede %d", r->year.year);
	pdf_doc_heading(p, PDF_TITLE, "H1", buf_str(&b), 0.0, 0.0);
	p->y += 4.0;
	buf_reset(&b);
	buf_printf(&b, "Indmeldinger fra kommuner og driftsherrer. %lld af "
	    "%lld kommuner og %lld af %lld driftsherrer har indsendt.",
	    (long long)r->progress.done[IND_MUNICIPALITY],
	    (long long)r->progress.total[IND_MUNICIPALITY],
	    (long long)r->progress.done[IND_OPERATOR],
	    (long long)r->progress.total[IND_OPERATOR]);
	pdf_doc_text(p, PDF_BODY, 0, buf_str(&b), 3.0);

	heading(p, "I alt");
	buf_reset(&b);
	buf_puts(&b, "Kapacitet: ");
	places(&b, r->capacity_centi);
	buf_puts(&b, " pladser · Forventet forbrug: ");
	places(&b, r->demand_centi);
	buf_puts(&b, " pladser");
	if (r->prev_demand_centi >= 0) {
		buf_puts(&b, " (sidste år ");
		places(&b, r->prev_demand_centi);
		buf_puts(&b, ")");
	}
	buf_puts(&b, " · På venteliste: ");
	text_format_int_da(&b, r->waiting);
	pdf_doc_text(p, PDF_BODY, 0, buf_str(&b), 2.0);
	for (k = 0, bit = 1; k < IND_FLAG_COUNT; k++, bit <<= 1) {
		buf_reset(&b);
		buf_printf(&b, "%s: %lld tilbud. %s", ind_flag_label(bit),
		    (long long)r->flagged[k], ind_flag_text(bit));
		pdf_doc_text(p, PDF_BODY, 0, buf_str(&b), 1.0);
	}

	heading(p, "Tilbuddene");
	for (i = 0; i < r->nrows; i++)
		offer(p, &r->rows[i]);

	heading(p, "Målgrupper: sammenhæng mellem behov og udbud (1–5)");
	for (k = 0; k < IND_GROUP_COUNT; k++) {
		g = &ind_groups[k];
		buf_reset(&b);
		buf_printf(&b, "%s: ", g->label);
		if (r->fits[k].rated == 0)
			buf_puts(&b, "ingen vurderinger");
		else {
			text_format_centi_da(&b, (r->fits[k].sum * 100 +
			    r->fits[k].rated / 2) / r->fits[k].rated);
			buf_printf(&b, " i gennemsnit (%lld vurderinger, %lld "
			    "på 1 eller 2)", (long long)r->fits[k].rated,
			    (long long)r->fits[k].low);
		}
		pdf_doc_text(p, PDF_BODY, 0, buf_str(&b), 1.0);
	}
	if (r->nwishes > 0) {
		heading(p, "Kommunernes ønsker til nye tilbud");
		for (i = 0; i < r->nwishes; i++) {
			pdf_doc_text(p, PDF_BOLD, 0, r->wishes[i].org_name,
			    1.0);
			pdf_doc_text(p, PDF_BODY, INDENT, r->wishes[i].text,
			    4.0);
		}
	}
	if (r->ndev > 0) {
		heading(p, "Driftsherrernes udvikling");
		for (i = 0; i < r->ndev; i++) {
			pdf_doc_text(p, PDF_BOLD, 0, r->dev[i].org_name, 1.0);
			pdf_doc_text(p, PDF_BODY, INDENT, r->dev[i].text, 4.0);
		}
	}
	heading(p, "Høringssvar");
	if (r->ncomments == 0)
		pdf_doc_text(p, PDF_BODY, 0, "Ingen høringssvar.", 1.0);
	for (i = 0; i < r->ncomments; i++) {
		buf_reset(&b);
		buf_printf(&b, "%s – %s", r->comments[i].org_name,
		    r->comments[i].offer_name != NULL ?
		    r->comments[i].offer_name : "generelt");
		pdf_doc_text(p, PDF_BOLD, 0, buf_str(&b), 1.0);
		pdf_doc_text(p, PDF_BODY, INDENT, r->comments[i].text, 4.0);
	}
	buf_cleanup(&b);
}

int
indmelding_pdf_write(const struct ind_report *r, struct buf *out,
    struct err *e)
{
	struct pdf_doc_spec	spec = { 0 };
	char			title[64];

	snprintf(title, sizeof(title), "Statusbillede %d", r->year.year);
	spec.title = title;
	spec.footer = title;
	return pdf_doc_render(&spec, document, r, out, e);
}
