/*
 * referral_letter — the referral units' letter of the reinforced
 * cooperation as PDF (see referral_letter.h), an A4 pdf_doc.
 */
#include <stdio.h>
#include <string.h>

#include "report/pdf_doc.h"
#include "report/referral_letter.h"
#include "util/buf.h"
#include "util/err.h"
#include "util/text.h"

static void
document(struct pdf_doc *p, const void *arg)
{
	const struct referral_letter	*l = arg;
	struct buf			 b;
	size_t				 i;

	buf_init(&b);
	pdf_doc_text(p, PDF_BODY, 0, l->sender, 2);
	buf_reset(&b);
	text_format_date_da(&b, l->dated);
	pdf_doc_text(p, PDF_BODY, 0, buf_str(&b), 24);
	pdf_doc_text(p, PDF_BOLD, 0, "Til kommunernes visitationsenheder",
	    14);
	buf_reset(&b);
	buf_printf(&b, "Tilbud omfattet af det forstærkede samarbejde fra "
	    "1. juli %d", l->year);
	pdf_doc_heading(p, PDF_TITLE, "H1", buf_str(&b), 0.0, 0.0);
	p->y += 12;
	buf_reset(&b);
	buf_printf(&b, "Den Administrative Styregruppe (DAS) har efter "
	    "ekspertpanelets indstilling besluttet, hvilke tilbud der er "
	    "omfattet af det forstærkede samarbejde fra 1. juli %d. For "
	    "tilbuddene gælder beskyttede konkurrencevilkår, en systematisk "
	    "og forpligtende dialog mellem driftsherre og kommuner og en "
	    "tidlig fælles indsats, hvis et tilbuds bæredygtighed er truet.",
	    l->year);
	pdf_doc_text(p, PDF_BODY, 0, buf_str(&b), 8);
	pdf_doc_text(p, PDF_BODY, 0, "Vi beder visitationsenhederne være "
	    "opmærksomme på tilbuddene, når der vælges tilbud til borgere "
	    "i deres målgrupper.", 14);
	if (l->noffers == 0)
		pdf_doc_text(p, PDF_BODY, 0, "Ingen tilbud er omfattet.", 8);
	for (i = 0; i < l->noffers; i++) {
		const struct referral_offer *o = &l->offers[i];

		pdf_doc_space(p, 0.0, 30.0);	/* name and details together */
		pdf_doc_text(p, PDF_BOLD, 0, o->name, 1);
		buf_reset(&b);
		if (o->operator_name != NULL && *o->operator_name != '\0')
			buf_printf(&b, "Driftsherre: %s · ", o->operator_name);
		buf_puts(&b, "Omfattet fra ");
		text_format_date_da(&b, o->valid_from);
		if (o->status != NULL && *o->status != '\0')
			buf_printf(&b, " · %s", o->status);
		pdf_doc_text(p, PDF_BODY, 12, buf_str(&b), 8);
	}
	p->y += 12;
	pdf_doc_text(p, PDF_BODY, 0, "Med venlig hilsen", 2);
	pdf_doc_text(p, PDF_BODY, 0, l->sender, 0);
	buf_cleanup(&b);
}

int
referral_letter_pdf(const struct referral_letter *l, struct buf *out,
    struct err *e)
{
	struct pdf_doc_spec	spec = { 0 };
	char			title[96];

	snprintf(title, sizeof(title), "Tilbud omfattet af det forstærkede "
	    "samarbejde %d", l->year);
	spec.title = "Tilbud omfattet af det forstærkede samarbejde";
	spec.footer = title;
	spec.title_pt = 15;
	return pdf_doc_render(&spec, document, l, out, e);
}
