/*
 * meeting_fixture — one meeting as the formatters' tests see it: the
 * secretariat's meeting of 6 October 2011 (from the seed minutes), with
 * open items, one closed item and one closed attachment on an open item.
 *
 * Every text of the closed item and of the closed attachments carries a
 * marker word that occurs nowhere else; a public output must contain
 * none of FIXTURE_MARKERS. The texts are long enough to fill more than
 * one PDF page.
 */
#ifndef RAMME_MEETING_FIXTURE_H
#define RAMME_MEETING_FIXTURE_H

#include <string.h>

#include "report/meeting_view.h"

/* Marker words of closed content; none may appear in public output. */
static const char *const FIXTURE_MARKERS[] = {
	"ZEBRAFINK",		/* closed item: title */
	"QUOKKABAGGRUND",	/* closed item: background */
	"NARHVALINDSTILLING",	/* closed item: recommendation */
	"OKAPIREFERAT",		/* closed item: minutes */
	"TAPIRRESULTAT",	/* closed item: result */
	"ZQXW",			/* closed item: presenter */
	"LEMURFIL",		/* closed item: its attachment */
	"ANTILOPEHEMMELIG",	/* closed attachment on an open item */
	"BAVIANTIDLIGERE",	/* closed item: earlier recommendation */
	"GNUSEKTION",		/* section used only by the closed item */
};
#define FIXTURE_NMARKERS	(sizeof(FIXTURE_MARKERS) / \
				    sizeof(FIXTURE_MARKERS[0]))

/* Text of an open item's minutes: must appear in the minutes. */
#define FIXTURE_OPEN_MINUTES	"Hilde E. Thun Holst redegjorde"
/* Danish letters in a name that must survive every format intact. */
#define FIXTURE_DANISH		"Ærø Åbybro Æblegård Øster Søndergård"

struct meeting_fixture {
	struct meeting_view		v;
	struct meeting_view_person	people[6];
	struct meeting_view_item	items[7];
	struct meeting_view_file	files4[3];
	struct meeting_view_file	files5[1];
};

static const char fixture_long_background[] =
    "Forretningsudvalget har ved møde 14. september udarbejdet følgende "
    "forslag til mulige emner i styringsaftalen for 2013:\n"
    "– Flerårig / langsigtet aftale for nogle af tilbuddene (de mest "
    "specialiserede / den øverste del af trekanten) med bindings"
    "elementer.\n"
    "– Bilaterale aftaler: udkast til hvordan en sådan aftale kan se ud.\n"
    "– Udkast til spilleregler for overtagelse af tilbud.\n"
    "– En fælles model for differentierede takster.\n"
    "– Etiske retningslinjer for »hvordan vi behandler hinanden« – se "
    "selvstændigt bilag.\n"
    "Socialdirektørkredsen bedes drøfte de ovennævnte forslag og evt. "
    "drøfte andre forslag med henblik på en endelig godkendelse i Den "
    "Administrative Styregruppe 27. oktober.";

static const char fixture_long_minutes[] =
    "På baggrund af indstillingen til punktet var der en kort drøftelse "
    "af, hvorvidt beslutninger vedrørende arbejdet med rammeaftalen skal "
    "ligge i direktørkredsen eller i Den Administrative Styregruppe. Ved "
    "det næste møde i kredsen, som er den 14. december, sættes en "
    "drøftelse af »snitflade« på dagsordenen.\n"
    "Hilde E. Thun Holst redegjorde for baggrunden for de foreslåede emner "
    "til en styringsaftale, og at de har været til drøftelse i "
    "Styringsgruppen og FU. Styregruppen vurderede, at der først og "
    "fremmest er behov for at se på, hvor omfattende en langsigtet aftale "
    "med blandt andet bindingselementer skal være, herunder en "
    "redegørelse for, hvad der taler for at gå den ene vej, og hvad der "
    "taler for noget andet. Der kan opstå uforudsete ændringer, og hvordan "
    "vil man håndtere dette (hvad sker der, hvis en borger ændrer behov?). "
    "Der var også en drøftelse af behovet for, at en driftsherre ved, om "
    "der er efterspørgsel efter de tilbud, de driver.\n"
    "Styringsgruppen udarbejder nogle mere konkrete forslag til indhold, "
    "som fremlægges for direktørerne ved mødet den 14. december.\n"
    "Dorte Jende redegjorde for en henvendelse, hun har fået i forbindelse "
    "med et møde i Regionens Forretningsudvalg den 3. oktober, hvor der "
    "var en indstilling vedrørende Østerskoven (pkt. 7) og et af "
    "Sødisbakkes dagtilbud i Randers (pkt. 6). Henvendelsen rettede sig "
    "mod den mulige takststigning, som ville komme som følge af renovering "
    "af Østerskovens bygninger og en bindingsperiode på 15 år ved køb af "
    "pladser, samt en høringsproces i forbindelse med lukning af et "
    "dagtilbud i Randers. Direktørerne ønskede, at Sekretariatet retter en "
    "forespørgsel til regionen om en nærmere redegørelse for de to "
    "punkter.";

/* Fill f; v points into f, so f must outlive every use of f->v. */
static inline void
meeting_fixture_init(struct meeting_fixture *f)
{
	struct meeting_view		*v = &f->v;
	struct meeting_view_item	*it = f->items;

	memset(f, 0, sizeof(*f));
	f->people[0] = (struct meeting_view_person){ "Hilde E. Thun Holst",
	    "Rammeaftalesekretariatet", "deltager", NULL, NULL };
	f->people[1] = (struct meeting_view_person){ "Dorte Jende",
	    "Aalborg Kommune", "deltager", NULL, NULL };
	f->people[2] = (struct meeting_view_person){ "Charlotte Houmøller",
	    "Region Nordjylland", "deltager", NULL, NULL };
	f->people[3] = (struct meeting_view_person){ "Jens Nørgaard",
	    "Mariagerfjord Kommune", "afbud", "Per Heitmann", NULL };
	f->people[4] = (struct meeting_view_person){ "Jane Hvas",
	    "Frederikshavn Kommune", "afbud", NULL, NULL };
	f->people[5] = (struct meeting_view_person){ FIXTURE_DANISH,
	    "Læsø Kommune", "deltager", NULL, NULL };

	f->files4[0] = (struct meeting_view_file){ "Bilag 1 Etiske "
	    "retningslinjer", "application/pdf", 123456,
	    "/filer/bilag-1.pdf", false, 101, NULL };
	f->files4[1] = (struct meeting_view_file){ "Bilag 2 ANTILOPEHEMMELIG "
	    "notat", "application/pdf", 2000, "/filer/bilag-2.pdf", true,
	    102, NULL };
	f->files4[2] = (struct meeting_view_file){ "Bilag 3 Takstoversigt",
	    "application/pdf", 0, NULL, false, 0, NULL };
	f->files5[0] = (struct meeting_view_file){ "Bilag LEMURFIL",
	    "application/pdf", 10, "https://ramme.example.dk/filer/x.pdf",
	    false, 103, NULL };

	it[0].number = 1;
	it[0].id = 11;
	it[0].section = "Sager til behandling";
	it[0].title = "Godkendelse af dagsorden";
	it[0].result = "godkendt";
	it[1].number = 2;
	it[1].id = 12;
	it[1].section = "Sager til behandling";
	it[1].title = "Godkendelse af referat fra møde den 11. august i "
	    "socialdirektørkredsen";
	it[1].minutes = "Charlotte Houmøller havde en kommentar i forhold "
	    "til det tidligere indmeldte pladsantal på Fantasten og Danahus.";
	it[1].result = "godkendt";
	it[2].number = 3;
	it[2].id = 13;
	it[2].section = "Sager til behandling";
	it[2].title = "Drøftelse af forslag til eventuelle emner i den "
	    "økonomiske styringsaftale";
	it[2].presenter = "HETH";
	it[2].background = fixture_long_background;
	it[2].earlier = "Forretningsudvalget indstiller, at forslagene "
	    "drøftes.";
	it[2].recommendation = "Det indstilles, at Socialdirektørkredsen "
	    "drøfter forslagene med henblik på en endelig godkendelse i DAS.";
	it[2].files = f->files4;
	it[2].nfiles = 3;
	it[2].minutes = fixture_long_minutes;
	it[2].result = "drøftet";
	it[3].number = 4;
	it[3].id = 14;
	it[3].section = "GNUSEKTION lukkede punkter";
	it[3].title = "ZEBRAFINK personalesag";
	it[3].presenter = "ZQXW";
	it[3].background = "QUOKKABAGGRUND fortroligt.";
	it[3].earlier = "BAVIANTIDLIGERE indstilling.";
	it[3].recommendation = "NARHVALINDSTILLING: Det indstilles, at …";
	it[3].files = f->files5;
	it[3].nfiles = 1;
	it[3].minutes = "OKAPIREFERAT blev drøftet.";
	it[3].result = "TAPIRRESULTAT";
	it[3].closed = true;
	it[4].number = 5;
	it[4].id = 15;
	it[4].section = "Sager til forventet efterretning";
	it[4].title = "Status på proces vedr. Halfway House";
	it[4].presenter = "BH";
	it[4].background = fixture_long_background;
	it[4].minutes = fixture_long_minutes;
	it[4].result = "taget til efterretning";
	it[5].number = 6;
	it[5].id = 16;
	it[5].section = "Sager til forventet efterretning";
	it[5].title = "Evt.";
	it[5].minutes = "Intet.";
	it[6].number = 7;
	it[6].id = 0;		/* no stored id: OParl derives one */
	it[6].section = "Sager til forventet efterretning";
	it[6].title = "Næste møde";
	it[6].background = "Næste møde afholdes 14. december 2011.";

	v->id = 7;
	v->uid = "meeting-7@ramme";
	v->body_name = "Socialdirektørkredsen";
	v->body_key = "socdir";
	v->title = "Møde i Socialdirektørkredsen";
	v->start = "2011-10-06T13:00";
	v->end = "2011-10-06T16:00";
	v->place = "Boulevarden 13";
	v->room = "repræsentationslokale 3";
	v->state = "referat_godkendt";
	v->people = f->people;
	v->npeople = 6;
	v->referent = "Hilde E. Thun Holst";
	v->case_no = "2011-43820";
	v->doc_no = "2011-296084";
	v->items = f->items;
	v->nitems = 7;
	v->created_at = "2011-09-01T08:00:00Z";
	v->updated_at = "2011-10-20T09:30:00Z";
	v->minutes_approved_at = "2011-12-14T15:00:00Z";
	v->url = "/moeder/7";
}

/* The marker found in s, or NULL when s is clean. */
static inline const char *
fixture_marker_in(const char *s)
{
	size_t	i;

	for (i = 0; i < FIXTURE_NMARKERS; i++)
		if (strstr(s, FIXTURE_MARKERS[i]) != NULL)
			return FIXTURE_MARKERS[i];
	return NULL;
}

/* True when every marker occurs in s. */
static inline bool
fixture_all_markers_in(const char *s)
{
	size_t	i;

	for (i = 0; i < FIXTURE_NMARKERS; i++)
		if (strstr(s, FIXTURE_MARKERS[i]) == NULL)
			return false;
	return true;
}

#endif
