/*
 * page_economy — Økonomi: the landing page of the economics sections
 * (price-and-wage series, and the analyses and allocations built on
 * them), one card per section from the table below, shown to the roles
 * the section is for.
 */
#include <stddef.h>

#include "core/role.h"
#include "http/html.h"
#include "http/http.h"
#include "http/page.h"
#include "http/router.h"
#include "http/routes.h"

/* One section of Økonomi: a card on the landing page. */
static const struct economy_section {
	const char	*title;		/* the card's heading */
	const char	*text;		/* one line in Danish */
	const char	*href;
	unsigned	 roles;		/* ROLE_BIT()s that see the card */
} sections[] = {
	{ "Pris- og lønudvikling", "PL-serierne med ændring og indeks pr. år, "
	  "deres versioner og fremskrivning af et beløb til faste priser.",
	  "/oekonomi/pl", ROLES_PUBLIC },
	{ "Takstanalyser", "Udviklingen i taksterne i faste priser pr. "
	  "driftsherre, paragraf og målgruppe, med høring, rapport og "
	  "Excel-fil.", "/oekonomi/analyser", ROLES_PUBLIC },
	{ "Efterregulering", "Sikrede institutioner: årets omkostninger mod "
	  "det opkrævede ved den forudsatte belægning, og kommunernes andele "
	  "af underskud eller overskud.",
	  "/oekonomi/efterregulering", ROLES_USERS },
	{ "Udgiftsudvikling", "Nettoudgiften på det specialiserede "
	  "socialområde i Nordjylland mod hele landet som indeks, regnskab og "
	  "budget.",
	  "/oekonomi/udgifter", ROLES_PUBLIC },
};

void
page_economy(struct http_req *r)
{
	struct page	 p;
	struct html	*h = &p.h;
	size_t		 i;

	page_begin(&p, r, "Økonomi", "oekonomi");
	HTML_LIT(h, "<p class=\"font-lead\">Samarbejdets økonomi ud over "
	    "takstindberetningen: pris- og lønudviklingen, som takster og "
	    "udgifter sammenlignes i faste priser med.</p>"
	    "<ul class=\"card-row row\">");
	for (i = 0; i < sizeof(sections) / sizeof(sections[0]); i++) {
		if (!(sections[i].roles & ROLE_BIT(r->who.role)))
			continue;
		HTML_LIT(h, "<li class=\"col-12 col-md-6 col-lg-4\"><div "
		    "class=\"card\"><div class=\"card-content\"><h2 "
		    "class=\"card-heading h3\"><a");
		html_url(h, "href", sections[i].href);
		HTML_LIT(h, ">");
		html_text(h, sections[i].title);
		HTML_LIT(h, "</a></h2><p>");
		html_text(h, sections[i].text);
		HTML_LIT(h, "</p></div></div></li>");
	}
	HTML_LIT(h, "</ul>");
	page_end(&p, 200);
}
