/*
 * cycle_demo — the yearly cycle in the demo database (see demo.h): the
 * councils' approval of the development strategy 2027 under way, and the
 * reinforced cooperation of 2027 nominated and assessed by the expert
 * panel. Fixed times, through the services, as the secretariat would.
 * The decisions and texts are examples, not taken from the minutes.
 */
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "core/approval.h"
#include "core/offer.h"
#include "core/reinforced.h"
#include "service/approval.h"
#include "service/demo.h"
#include "service/register.h"
#include "service/reinforced.h"
#include "store/offer_store.h"
#include "service/svc.h"
#include "util/err.h"
#include "util/text.h"

#define DEMO_STRATEGY_YEAR	2027	/* its deadline: 1 May 2026 */
#define DEMO_REINFORCED_YEAR	2027	/* nominated November 2026 */

/* s with the clock at noon UTC of an ISO date, the secretariat acting. */
static void
clock_on(struct svc *d, const struct svc *s, const char *iso)
{
	svc_init(d, s->db, s->arena, NULL, text_days_from_civil(atoi(iso),
	    atoi(iso + 5), atoi(iso + 8)) * 86400 + 12 * 3600);
}

/* The versions as the document passed the bodies. */
static const struct { enum approval_stage stage; const char *dated,
    *note; } versions[] = {
	{ STAGE_DAS, "2026-01-20", "Udkast behandlet i DAS" },
	{ STAGE_KKR, "2026-02-13", "Anbefalet af KKR Nordjylland" },
	{ STAGE_KU, "2026-03-02", "Godkendt i Kontaktudvalget" },
	{ STAGE_COUNCILS, "2026-03-05", "Sendt til byrådene og regionsrådet" },
};

/* The parties that have decided; every other council is pending. */
static const struct { const char *party; enum approval_status status;
    const char *on, *reservation; } decisions[] = {
	{ "KKR", APPROVAL_APPROVED, "2026-02-13", NULL },
	{ "KU", APPROVAL_APPROVED, "2026-03-02", NULL },
	{ "851", APPROVAL_APPROVED, "2026-04-22", NULL },
	{ "840", APPROVAL_APPROVED, "2026-04-09", NULL },
	{ "860", APPROVAL_APPROVED, "2026-04-28", NULL },
	{ "846", APPROVAL_APPROVED, "2026-04-29", NULL },
	{ "1081", APPROVAL_RESERVED, "2026-04-23", "Regionsrådet godkender "
	  "med forbehold for, at taksterne for de regionale tilbud drøftes "
	  "igen i DAS, før takstindberetningen for 2028 åbner." },
};

static int
demo_strategy(struct svc *s, struct err *e)
{
	struct svc	d;
	int64_t		id;
	size_t		i;
	int		rc, no;

	clock_on(&d, s, "2025-12-15");
	if ((rc = approval_doc_create(&d, DOC_STRATEGY, DEMO_STRATEGY_YEAR,
	    NULL, NULL, &id, e)) != 0)
		return rc;
	for (i = 0; i < sizeof(versions) / sizeof(versions[0]); i++) {
		clock_on(&d, s, versions[i].dated);
		if ((rc = approval_version_add(&d, id, versions[i].stage,
		    versions[i].dated, versions[i].note, &no, e)) != 0)
			return rc;
	}
	for (i = 0; i < sizeof(decisions) / sizeof(decisions[0]); i++) {
		clock_on(&d, s, decisions[i].on);
		if ((rc = approval_record(&d, id, decisions[i].party,
		    decisions[i].status, decisions[i].on,
		    decisions[i].reservation, e)) != 0)
			return rc;
	}
	return 0;
}

/* The nominations and the expert panel's assessments. */
static const struct {
	const char	*offer;		/* as in data/nordjylland */
	const char	*by;		/* the organisation nominating */
	const char	*on;
	const char	*reason;
	unsigned	 criteria;	/* the panel's */
	bool		 recommend;
	const char	*note;
} reinforced[] = {
	{ "Den Sikrede Institution Kompasset", "1081", "2026-10-27",
	  "Regionens eneste sikrede institution for unge; få pladser, som "
	  "alle kommuner bruger.",
	  CRIT_SPECIALISED | CRIT_MANY_BUYERS | CRIT_KNOWLEDGE, true,
	  "Opfylder kriterierne; anbefales omfattet fra 1. juli 2027." },
	{ "Center for Døvblindhed og Høretab", "810", "2026-10-30",
	  "Faldende efterspørgsel truer et fagmiljø, som ikke kan "
	  "genopbygges, hvis det først er tabt.",
	  CRIT_SPECIALISED | CRIT_KNOWLEDGE | CRIT_THREATENED, true,
	  "Lille målgruppe og truet bæredygtighed; anbefales omfattet." },
	{ "Neurocenter Østerskoven", "851", "2026-10-31",
	  "Mange kommuner køber pladser; ønskes vurderet.",
	  CRIT_MANY_BUYERS, false,
	  "Stort og bæredygtigt tilbud; ikke truet. Anbefales ikke." },
};

/* The live offer named name: its id, or ERR_NOT_FOUND. */
static int
offer_id_of(struct svc *s, const char *name, int64_t *id, struct err *e)
{
	struct offer_filter	 f;
	struct offer		*v;
	size_t			 n, i;
	int64_t			 total;
	int			 rc;

	memset(&f, 0, sizeof(f));
	f.covered = -1;
	f.sort = "id";
	f.limit = 1000;
	if ((rc = register_offer_list(s, &f, &v, &n, &total, e)) != 0)
		return rc;
	for (i = 0; i < n; i++)
		if (strcmp(v[i].name, name) == 0) {
			*id = v[i].id;
			return 0;
		}
	return err_set(e, ERR_NOT_FOUND, "demo_offer", NULL,
	    "Demotilbuddet %s findes ikke", name);
}

static int
demo_reinforced(struct svc *s, struct err *e)
{
	struct svc	d;
	int64_t		id[sizeof(reinforced) / sizeof(reinforced[0])];
	size_t		i;
	int		rc;

	for (i = 0; i < sizeof(reinforced) / sizeof(reinforced[0]); i++) {
		clock_on(&d, s, reinforced[i].on);
		if ((rc = offer_id_of(&d, reinforced[i].offer, &id[i], e))
		    != 0 ||
		    (rc = reinforced_nominate(&d, DEMO_REINFORCED_YEAR, id[i],
		    reinforced[i].by, reinforced[i].reason, e)) != 0)
			return rc;
	}
	clock_on(&d, s, "2026-12-03");
	for (i = 0; i < sizeof(reinforced) / sizeof(reinforced[0]); i++)
		if ((rc = reinforced_assess(&d, DEMO_REINFORCED_YEAR, id[i],
		    reinforced[i].criteria, reinforced[i].recommend,
		    reinforced[i].note, e)) != 0)
			return rc;
	return 0;
}

int
demo_cycle(struct svc *s, struct err *e)
{
	int rc;

	if ((rc = demo_strategy(s, e)) != 0)
		return rc;
	return demo_reinforced(s, e);
}
