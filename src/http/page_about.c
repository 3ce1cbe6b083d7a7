/*
 * page_about — the site's statements: the accessibility statement
 * (tilgængelighedserklæring) in the structure the Danish Agency for
 * Digital Government prescribes, and the privacy policy. Both are
 * written from the configured site values (serve --org-name,
 * --contact-email, --a11y-tested; struct http_site).
 */
#include <stddef.h>

#include "http/html.h"
#include "http/http.h"
#include "http/page.h"
#include "http/routes.h"
#include "http/server.h"
#include "http/ui.h"

static void
para(struct html *h, const char *text)
{
	HTML_LIT(h, "<p>");
	html_text(h, text);
	HTML_LIT(h, "</p>");
}

static void
mail_link(struct page *p, const char *email)
{
	HTML_LIT(&p->h, "<a");
	html_url(&p->h, "href", arena_printf(&p->r->arena, "mailto:%s",
	    email));
	HTML_LIT(&p->h, ">");
	html_text(&p->h, email);
	HTML_LIT(&p->h, "</a>");
}

/* Known non-conformities: what, and the WCAG 2.1 criteria it fails. */
static const struct {
	const char	*what;
	const char	*criteria;
} gaps[] = {
	{ "Dagsordener, referater og mødepakker som PDF og bilag uploadet af "
	  "brugerne er ikke nødvendigvis tilgængelige dokumenter (mærkede "
	  "overskrifter, læserækkefølge). Den samme tekst findes som webside.",
	  "1.3.1 Information og relationer, 2.4.2 Sidetitel" },
	{ "Takstoversigten og andre brede tabeller skal rulles vandret inden "
	  "for tabellen på en smal skærm.",
	  "1.4.10 Ombrydning" },
	{ "På nogle sider om møder, takster og regnskab er fejlbeskeder endnu "
	  "ikke knyttet til det felt, de handler om, og der er ingen "
	  "fejloversigt øverst i formularen.",
	  "3.3.1 Identifikation af fejl, 1.3.1 Information og relationer" },
};

void
page_a11y(struct http_req *r)
{
	const struct http_site	*site = http_server_site(r->srv);
	struct page		 p;
	struct html		*h;
	size_t			 i;

	page_begin(&p, r, "Tilgængelighedserklæring", NULL);
	h = &p.h;
	HTML_LIT(h, "<p class=\"font-lead\">");
	html_text(h, site->org);
	HTML_LIT(h, " er forpligtet til at gøre sit websted tilgængeligt i "
	    "overensstemmelse med lov om tilgængelighed af offentlige organers "
	    "websteder og mobilapplikationer.</p><p>Denne "
	    "tilgængelighedserklæring gælder for ");
	html_text(h, site->name);
	HTML_LIT(h, " (ramme), det fælles system for rammeaftalen, som ");
	html_text(h, site->org);
	HTML_LIT(h, " driver.</p>");

	HTML_LIT(h, "<h2>Overensstemmelsesstatus</h2>");
	para(h, "Dette websted er delvist i overensstemmelse med WCAG 2.1 på "
	    "niveau AA (standarden EN 301 549) på grund af de manglende "
	    "overensstemmelser, der er anført nedenfor.");

	HTML_LIT(h, "<h2>Indhold, der ikke er tilgængeligt</h2>"
	    "<p>Det nedenfor anførte indhold er ikke tilgængeligt af følgende "
	    "grund:</p><h3>Manglende overensstemmelse med lovgivningen</h3>"
	    "<ul>");
	for (i = 0; i < sizeof(gaps) / sizeof(gaps[0]); i++) {
		HTML_LIT(h, "<li>");
		html_text(h, gaps[i].what);
		HTML_LIT(h, " <span class=\"weight-normal\">(WCAG 2.1: ");
		html_text(h, gaps[i].criteria);
		HTML_LIT(h, ")</span></li>");
	}
	HTML_LIT(h, "</ul><h3>Uforholdsmæssig stor byrde</h3>"
	    "<p>Ikke relevant.</p><h3>Indhold, der ikke er omfattet af "
	    "lovgivningen</h3><p>Dokumenter, der er offentliggjort før 23. "
	    "september 2018, fx referater fra tidligere møder.</p>");

	HTML_LIT(h, "<h2>Udarbejdelse af denne tilgængelighedserklæring</h2>"
	    "<p>Denne erklæring blev udarbejdet den ");
	html_date(h, site->a11y_tested);
	HTML_LIT(h, ". Webstedet blev senest testet den ");
	html_date(h, site->a11y_tested);
	HTML_LIT(h, ": automatisk med axe-core på alle sider, efter reglerne "
	    "i WCAG 2.1 A og AA, og manuelt med tastatur, skærmlæser, 200 % "
	    "forstørrelse og en skærmbredde på 390 pixel.</p>");

	HTML_LIT(h, "<h2>Feedback og kontaktoplysninger</h2>"
	    "<p>Hvis du oplever problemer med at bruge webstedet, eller hvis "
	    "du har brug for indhold i et tilgængeligt format, kan du "
	    "kontakte ");
	html_text(h, site->org);
	HTML_LIT(h, " på ");
	mail_link(&p, site->email);
	HTML_LIT(h, ". Vi svarer inden for 10 arbejdsdage.</p>");

	HTML_LIT(h, "<h2>Håndhævelsesprocedure</h2>"
	    "<p>Digitaliseringsstyrelsen fører tilsyn med, at offentlige "
	    "organers websteder overholder kravene. Hvis du mener, at "
	    "webstedet ikke lever op til kravene, eller hvis du ikke er "
	    "tilfreds med vores svar, kan du klage til "
	    "<a href=\"https://digst.dk/digital-service/webtilgaengelighed/\">"
	    "Digitaliseringsstyrelsen</a>.</p>"
	    "<p>Hvis du mener, at du er blevet forskelsbehandlet på grund af "
	    "et handicap, kan du klage til <a "
	    "href=\"https://ligebehandlingsnaevnet.dk/\">Ligebehandlingsnævnet"
	    "</a>.</p>");
	page_end(&p, 200);
}

/* What ramme holds about people: data, purpose, how long. */
static const struct {
	const char	*what;
	const char	*data;
	const char	*kept;
} held[] = {
	{ "Brugere", "Brugernavn, navn, rolle, organisation og adgangskoden "
	  "som argon2id-hash (aldrig i klartekst); sessioner som hash af "
	  "nøglen, med udløbstid.",
	  "Så længe brugeren har adgang; en bruger, der ikke længere skal "
	  "have adgang, deaktiveres. Udløbne sessioner slettes efter højst "
	  "30 dage." },
	{ "E-mails til brugerne", "Brugerens e-mailadresse og valg af "
	  "notifikationer; hver e-mail i udbakken med modtager, emne, tekst, "
	  "tidspunkt og eventuel fejl fra mailserveren.",
	  "Adressen, til brugeren sletter den under Mine notifikationer; "
	  "sendte og annullerede e-mails i 90 dage." },
	{ "Personer og medlemskaber af organer", "Navn, arbejdsgiver eller "
	  "organisation, e-mail, rolle i organet (formand, medlem, "
	  "stedfortræder), hvem medlemmet repræsenterer, og perioden.",
	  "Så længe personen er medlem og derefter som dokumentation for "
	  "organets sammensætning på møderne; sekretariatet sletter en "
	  "person, der ikke længere er brug for." },
	{ "Deltagere og afbud ved møder", "Navn og organisation på deltagere, "
	  "afbud og stedfortrædere, referent, og navne i dagsordener og "
	  "referater.",
	  "Godkendte referater er en del af samarbejdets dokumentation og "
	  "gemmes, som arkivlovgivningen kræver." },
	{ "Revisionsspor", "Hvem ændrede hvad og hvornår, med indholdet før "
	  "og efter ændringen.",
	  "10 år; sporet af godkendte referater gemmes altid." },
	{ "Loginlog", "Brugernavn, IP-adresse og tidspunkt for hvert forsøg "
	  "på at logge ind, og om det lykkedes; serverens log af "
	  "forespørgsler (IP-adresse, adresse, status).",
	  "Bruges til at begrænse gæt på adgangskoder og til at opklare "
	  "sikkerhedshændelser; slettes efter 180 dage." },
};

void
page_privacy(struct http_req *r)
{
	const struct http_site	*site = http_server_site(r->srv);
	struct page		 p;
	struct html		*h;
	struct ui_table		 t;
	static const struct ui_col cols[] = {
		{ "Hvad", 0 }, { "Oplysninger", 0 }, { "Hvor længe", 0 },
	};
	size_t			 i;

	page_begin(&p, r, "Privatlivspolitik", NULL);
	h = &p.h;
	HTML_LIT(h, "<p class=\"font-lead\">Her kan du læse, hvilke "
	    "personoplysninger ramme behandler, hvorfor, og hvilke "
	    "rettigheder du har.</p><h2>Dataansvarlig</h2><p>");
	html_text(h, site->org);
	HTML_LIT(h, " er dataansvarlig for oplysningerne i ");
	html_text(h, site->name);
	HTML_LIT(h, ". Du kan kontakte os på ");
	mail_link(&p, site->email);
	HTML_LIT(h, ".</p><h2>Hvilke oplysninger</h2>");
	ui_table_begin(&t, h, NULL, cols, 3);
	for (i = 0; i < sizeof(held) / sizeof(held[0]); i++) {
		ui_row(&t);
		ui_cell(&t, held[i].what);
		ui_cell(&t, held[i].data);
		ui_cell(&t, held[i].kept);
	}
	ui_table_end(&t);
	HTML_LIT(h, "<p>ramme behandler ikke oplysninger om borgere, der "
	    "bruger tilbuddene: registret handler om tilbud, pladser og "
	    "takster, ikke om personer.</p>");

	para(h, "Fristerne er sekretariatets standard og kan ændres i "
	    "aftalens parametre; en daglig kørsel sletter det, der er ældre.");
	HTML_LIT(h, "<h2>Formål</h2>");
	para(h, "Oplysningerne bruges til at administrere rammeaftalen: "
	    "registret over tilbud, takstindberetning og takstoversigt, "
	    "regnskab, og organernes møder med dagsordener og referater. "
	    "Brugere og loginlog bruges til at give den rette adgang og til "
	    "at beskytte systemet; revisionssporet dokumenterer, hvem der har "
	    "ændret hvad.");
	HTML_LIT(h, "<h2>Retsgrundlag</h2>");
	para(h, "Databeskyttelsesforordningens artikel 6, stk. 1, litra e: "
	    "behandlingen er nødvendig for at udføre en opgave i samfundets "
	    "interesse og som led i offentlig myndighedsudøvelse — "
	    "kommunernes og regionens samarbejde om rammeaftalen efter "
	    "lov om social service § 6 og bekendtgørelsen om rammeaftaler; "
	    "og litra c for de oplysninger, som forvaltningsloven og "
	    "arkivlovgivningen kræver gemt.");
	HTML_LIT(h, "<h2>Modtagere</h2>");
	para(h, "Dagsordener og godkendte referater af åbne punkter "
	    "offentliggøres på webstedet og i det åbne API; lukkede punkter "
	    "ser kun sekretariatet og organets medlemmer. Oplysningerne "
	    "videregives ikke til andre og overføres ikke til lande uden for "
	    "EU/EØS.");
	HTML_LIT(h, "<h2>Dine rettigheder</h2>");
	para(h, "Du har ret til at få indsigt i de oplysninger, vi behandler "
	    "om dig, til at få forkerte oplysninger rettet, til at få "
	    "oplysninger slettet eller behandlingen begrænset, når betingelserne "
	    "er opfyldt, og til at gøre indsigelse mod behandlingen.");
	HTML_LIT(h, "<p>Skriv til ");
	mail_link(&p, site->email);
	HTML_LIT(h, ". Du kan klage over behandlingen til <a "
	    "href=\"https://www.datatilsynet.dk/\">Datatilsynet</a>.</p>");
	page_end(&p, 200);
}
