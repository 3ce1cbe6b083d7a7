/*
 * secretariat_demo — the secretariat's own economy in the demo database,
 * with the figures of Socialdirektørkredsen's minutes of early 2012: the
 * accounts of 2011 and the budget of 2012 (lines, the premises of the
 * overhead: 30 m² at 850 + 250 + 200 kr. per m²), the population key of
 * 1 January 2011 and the two half-yearly invoices of 740.000 kr. each.
 * Built through the services, as the secretariat would (see demo.h).
 */
#include <string.h>

#include "core/role.h"
#include "service/demo.h"
#include "service/secretariat.h"
#include "service/sharing.h"
#include "service/svc.h"
#include "store/db.h"
#include "util/err.h"
#include "util/text.h"

#define KR(x)	((int64_t)(x) * 100)

/* A line of the minutes: section, label, amount in kroner. */
static const struct demo_line {
	const char	*section;
	const char	*label;
	int64_t		 kr;
} accounts_2011[] = {
	{ "expense", "Lønomkostninger (korrigeret for indtægter vedr. "
	  "dagpenge)", 1071000 },
	{ "expense", "Øvrige personaleudgifter (kørsels- og "
	  "telefongodtgørelse o.l.)", 16000 },
	{ "expense", "Kursus medarbejder", 5000 },
	{ "expense", "Møder (DAS, FU, arb.gr), rejser og repræsentation",
	  41000 },
	{ "expense", "Temamøder / arrangementer", 40000 },
	{ "expense", "Udgifter til kontorartikler (sociallovgivning m.m.)",
	  18000 },
	{ "expense", "Udgifter annoncer (stillingsopslag og temadag 2011)",
	  41000 },
	{ "expense", "Oplægsholdere", 10000 },
	{ "expense", "Inventar og IT-udgifter", 102000 },
	{ "overhead", "Økonomiopfølgning og økonomiledelse", 60000 },
	{ "overhead", "Løn, personaleadministration og ledelse", 30000 },
}, budget_2012[] = {
	{ "expense", "Lønomkostninger", 1231000 },
	{ "expense", "Øvrige personaleudgifter (kørsels- og "
	  "telefongodtgørelse o.l.)", 16000 },
	{ "expense", "Administrationsudgifter, kontorhold o.l.", 14000 },
	{ "expense", "Møder (DAS, FU, arb.gr), rejser og repræsentation",
	  50000 },
	{ "expense", "Temamøder / arrangementer", 50000 },
	{ "expense", "IT-driftsudgifter", 30000 },
	{ "expense", "Overført overskud fra 2011", -7000 },
	{ "overhead", "Økonomiopfølgning og økonomiledelse", 57000 },
	{ "overhead", "Løn, personaleadministration og ledelse", 30000 },
	{ "income", "Bloktilskud fra kommunerne", 1510000 },
};

static int
lines(struct svc *s, int year, const struct demo_line *v, size_t n,
    bool actual, struct err *e)
{
	struct secretariat_line	l;
	int64_t			id;
	size_t			i;
	int			rc;

	for (i = 0; i < n; i++) {
		memset(&l, 0, sizeof(l));
		l.year = year;
		l.section = v[i].section;
		l.label = v[i].label;
		l.position = (int)i;
		if (actual) {
			l.has_actual = true;
			l.actual_ore = KR(v[i].kr);
		} else
			l.budget_ore = KR(v[i].kr);
		if ((rc = secretariat_line_save(s, &l, &id, e)) != 0)
			return rc;
	}
	return 0;
}

static int
invoice(struct svc *s, int64_t key, const char *title, struct err *e)
{
	struct sharing_input	in;
	int64_t			id;

	memset(&in, 0, sizeof(in));
	in.title = title;
	in.purpose = "secretariat";
	in.year = 2011;
	in.pool_ore = KR(740000);
	in.unit_ore = 100;
	in.key_id = key;
	return sharing_create(s, &in, &id, e);
}

int
demo_secretariat(struct svc *s, struct err *e)
{
	static const struct overhead_premises premises = {
		3000, KR(850), KR(250), KR(200)
	};
	struct svc	d;
	int64_t		key;
	int		rc;

	svc_init(&d, s->db, s->arena, NULL, text_days_from_civil(2012, 3, 1) *
	    86400 + 9 * 3600);
	if ((rc = lines(&d, 2011, accounts_2011, sizeof(accounts_2011) /
	    sizeof(accounts_2011[0]), true, e)) != 0 ||
	    (rc = lines(&d, 2012, budget_2012, sizeof(budget_2012) /
	    sizeof(budget_2012[0]), false, e)) != 0 ||
	    (rc = secretariat_premises_save(&d, 2011, &premises, e)) != 0 ||
	    (rc = secretariat_premises_save(&d, 2012, &premises, e)) != 0 ||
	    (rc = sharing_key_from_population(&d, 2011, NULL, &key, e)) != 0 ||
	    (rc = invoice(&d, key, "Sekretariatet 1. halvår 2011", e)) != 0 ||
	    (rc = invoice(&d, key, "Sekretariatet 2. halvår 2011", e)) != 0)
		return rc;
	return 0;
}
