/*
 * referral_letter — the letter to the municipalities' referral units
 * (visitationsenheder) listing the offers covered by the reinforced
 * cooperation from 1 July of a year, as an A4 PDF drawn with cairo and
 * pango (DejaVu Sans through fontconfig), "Side n af N" on every page.
 * Pure formatting: the caller gives the offers.
 */
#ifndef RAMME_REFERRAL_LETTER_H
#define RAMME_REFERRAL_LETTER_H

#include <stddef.h>

struct buf;
struct err;

/* One covered offer as the letter names it. */
struct referral_offer {
	const char	*name;		/* "Neurocenter Østerskoven" */
	const char	*operator_name;	/* "Region Nordjylland", or "" */
	const char	*valid_from;	/* ISO date covered from */
	const char	*status;	/* Danish: "Godkendt" */
};

struct referral_letter {
	int				 year;		/* in force 1 July */
	const char			*dated;		/* ISO date */
	const char			*sender;	/* "Sekretariatet for
							   Rammeaftaler" */
	const struct referral_offer	*offers;
	size_t				 noffers;
};

/*
 * Render the letter and append the PDF bytes to out. 0, or
 * ERR_INTERNAL ("pdf_render") when cairo fails; out is unchanged then.
 */
int	referral_letter_pdf(const struct referral_letter *l, struct buf *out,
	    struct err *e);

#endif
