/*
 * demo — the example year of the demo database (see demo.h): fixed
 * figures, fixed times, every step through a service.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/offer.h"
#include "core/round.h"
#include "core/tariff.h"
#include "service/accounts.h"
#include "service/agreement.h"
#include "service/analysis.h"
#include "service/demo.h"
#include "service/pl.h"
#include "service/register.h"
#include "service/harmonised.h"
#include "service/round.h"
#include "service/svc.h"
#include "store/offer_store.h"
#include "util/arena.h"
#include "util/err.h"
#include "util/text.h"

/* One offer's example figures: its 2024 accounts and its 2026 line. */
struct demo_offer {
	const char		*name;		/* as in data/nordjylland */
	const char		*paragraph;	/* of the service line */
	enum tariff_unit	 unit;
	int64_t			 places_centi;	/* places, hundredths */
	int64_t			 occupancy_bp;	/* budgeted, bp */
	int64_t			 wages_kr;	/* budget 2026, whole kroner */
	int64_t			 property_kr;
	int64_t			 other_kr;
	int64_t			 base_kr;	/* accounts 2024, kroner */
	int64_t			 revenue_kr;
	int64_t			 costs_kr;
	int64_t			 occupied_days;	/* place-days 2024 */
	int64_t			 available_days;
	const char		*reason;	/* for the line's warnings */
};

/* The offers covered by the agreement in the minutes, with operators. */
static const struct demo_offer demo_offers[] = {
	{ "Den Sikrede Institution Kompasset", "SEL § 66 stk. 1 nr. 7",
	  TARIFF_UNIT_DAY, 1000, 9000, 38000000, 4200000, 3100000,
	  44500000, 45300000, 44100000, 3240, 3660,
	  "Sikrede institutioner budgetteres med 90 % belægning, som aftalt "
	  "i Socialdirektørkredsen 6. marts 2014." },
	{ "Neurocenter Østerskoven", "SEL § 107", TARIFF_UNIT_DAY, 2600,
	  9600, 52000000, 6500000, 7800000, 65000000, 64100000, 66000000,
	  9150, 9516, NULL },
	{ "Sødisbakke", "SEL § 108", TARIFF_UNIT_DAY, 3000, 9700, 48000000,
	  5900000, 6200000, 59000000, 59800000, 58600000, 10720, 10980, NULL },
	{ "Center for Døvblindhed og Høretab", "SEL § 107", TARIFF_UNIT_DAY,
	  1800, 9500, 33500000, 3900000, 4400000, 41000000, 40200000,
	  40900000, 6180, 6588, NULL },
	{ "Taleinstituttet", "SEL § 85", TARIFF_UNIT_YEAR, 6000, 9800,
	  17200000, 1600000, 2100000, 21000000, 20400000, 20900000, -1, -1, NULL },
};
#define DEMO_NOFFERS	(sizeof(demo_offers) / sizeof(demo_offers[0]))

/*
 * The years before DEMO_TARIFF_YEAR, published so that a tariff analysis
 * has a panel: each offer's budget scaled by pct_e2 of its 2026 budget
 * (hundredths of a percent), its places (0: as 2026; -1: not yet an
 * offer of the agreement: a new offer in 2026).
 */
struct demo_earlier {
	int	year;
	int64_t	pct_e2[5];	/* per demo_offers entry */
	int64_t	places_centi[5];
};
static const struct demo_earlier demo_earlier[] = {
	{ DEMO_TARIFF_YEAR - 2, { 9350, 9280, 9410, 9300, 0 },
	  { 0, 0, 2800, 0, -1 } },
	{ DEMO_TARIFF_YEAR - 1, { 9620, 9870, 9560, 9720, 0 },
	  { 0, 0, 3000, 0, -1 } },
};

/* Epoch seconds of a UTC date and hour: the fixed clock of each step. */
static int64_t
at(int y, int m, int d, int hour)
{
	return text_days_from_civil(y, m, d) * 86400 + hour * 3600;
}

/* s with its clock set to t and the secretariat acting. */
static void
clock_at(struct svc *d, const struct svc *s, int64_t t)
{
	svc_init(d, s->db, s->arena, NULL, t);
}

/* The live offer named name, or ERR_NOT_FOUND. */
static int
find_offer(struct svc *s, const char *name, struct offer *out,
    struct err *e)
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
			*out = v[i];
			return 0;
		}
	return err_set(e, ERR_NOT_FOUND, "demo_offer", NULL,
	    "Demotilbuddet %s findes ikke", name);
}

/* True if the example round exists already. */
static int
round_exists(struct svc *s, int *exists, struct err *e)
{
	struct tariff_round	*v;
	size_t			 n, i;
	int			 rc;

	*exists = 0;
	if ((rc = round_list(s, &v, &n, e)) != 0)
		return rc;
	for (i = 0; i < n; i++)
		if (v[i].year == DEMO_TARIFF_YEAR && v[i].no == 1)
			*exists = 1;
	return 0;
}

/* Report the 2024 accounts of o; *carry receives what enters 2026. */
static int
report_accounts(struct svc *s, const struct demo_offer *d, int64_t offer_id,
    int64_t *carry, struct err *e)
{
	struct accounts_input	in;
	struct accounts_row	row;
	int			rc;

	memset(&in, 0, sizeof(in));
	in.offer_id = offer_id;
	in.year = DEMO_ACCOUNTS_YEAR;
	in.tariff_base_ore = d->base_kr * 100;
	in.revenue_ore = d->revenue_kr * 100;
	in.costs_ore = d->costs_kr * 100;
	in.occupied_days = d->occupied_days;
	in.available_days = d->available_days;
	if ((rc = accounts_report(s, &in, &row, e)) != 0)
		return rc;
	*carry = row.tariff_year == DEMO_TARIFF_YEAR ? row.to_tariff_ore : 0;
	return 0;
}

/* The 2026 service line of d. */
static void
demo_line(const struct demo_offer *d, int64_t carry, struct service_line *l)
{
	memset(l, 0, sizeof(*l));
	l->paragraph = d->paragraph;
	l->level = "";
	l->unit = d->unit;
	l->places_centi = d->places_centi;
	l->occupancy_bp = d->occupancy_bp;
	l->hist_bp[0] = d->occupied_days >= 0 ?
	    round_days_bp(d->occupied_days, d->available_days) : -1;
	l->hist_bp[1] = -1;
	l->costs.wages_ore = d->wages_kr * 100;
	l->costs.property_ore = d->property_kr * 100;
	l->costs.other_ore = d->other_kr * 100;
	l->carry_over_ore = carry;
	l->reason = d->reason;
}

/* Open, fill, approve and publish the round of an earlier year. */
static int
demo_earlier_round(struct svc *s, const struct demo_earlier *y,
    const struct offer *o, struct demo_report *rep, struct err *e)
{
	struct round_import_report	 irep;
	struct round_import_row		 rows[DEMO_NOFFERS];
	struct tariff_round		 r;
	struct svc			 d;
	int64_t				 id;
	size_t				 i, n = 0;
	int				 rc;

	clock_at(&d, s, at(y->year - 1, 8, 15, 7));
	memset(&r, 0, sizeof(r));
	r.year = y->year;
	r.no = 1;
	r.title = arena_printf(s->arena, "Takstindberetning %d (eksempeltal)",
	    y->year);
	r.opens_on = arena_printf(s->arena, "%d-08-15", y->year - 1);
	r.deadline = arena_printf(s->arena, "%d-09-30", y->year - 1);
	r.pl_bp = 180;
	r.increase_warn_bp = 500;
	r.covered_only = true;
	if ((rc = round_create(&d, &r, &id, NULL, e)) != 0)
		return rc;
	memset(rows, 0, sizeof(rows));
	for (i = 0; i < DEMO_NOFFERS; i++) {
		struct demo_offer	 dd = demo_offers[i];
		int64_t			 pct = y->pct_e2[i];
		if (y->places_centi[i] < 0)
			continue;
		if (y->places_centi[i] > 0)
			dd.places_centi = y->places_centi[i];
		dd.wages_kr = dd.wages_kr * pct / 10000;
		dd.property_kr = dd.property_kr * pct / 10000;
		dd.other_kr = dd.other_kr * pct / 10000;
		rows[n].offer_id = o[i].id;
		rows[n].row = (int)n + 1;
		demo_line(&dd, 0, &rows[n].line);
		rows[n].line.hist_bp[0] = -1;
		n++;
	}
	clock_at(&d, s, at(y->year - 1, 9, 25, 9));
	memset(&irep, 0, sizeof(irep));
	if ((rc = round_import_lines(&d, id, rows, n, ROUND_IMPORT_APPROVE |
	    ROUND_IMPORT_PUBLISH, &irep, e)) != 0) {
		if (irep.nerrors > 0)
			*e = irep.errors[0];
		return rc;
	}
	rep->tariffs += irep.lines;
	return 0;
}

/*
 * November: the tariff analysis of the two years before, in fixed
 * prices with the state's PL, through a hearing to final.
 */
static int
demo_analysis(struct svc *s, struct err *e)
{
	struct analysis_input	in;
	struct svc		d;
	int64_t			id;
	int			rc;

	memset(&in, 0, sizeof(in));
	in.title = "Takstanalyse 2025 (eksempeltal)";
	in.from_year = DEMO_TARIFF_YEAR - 2;
	in.to_year = DEMO_TARIFF_YEAR - 1;
	in.series_name = PL_STATE_SERIES;
	in.f_unit = "";
	in.cap_minus_e4 = 2 * PL_PCT_SCALE;
	in.target_e4 = -1;
	clock_at(&d, s, at(2025, 11, 3, 9));
	if ((rc = analysis_create(&d, &in, &id, e)) != 0 ||
	    (rc = analysis_send(&d, id, 1, "2025-11-24", e)) != 0)
		return rc;
	clock_at(&d, s, at(2025, 11, 25, 9));
	return analysis_finalise(&d, id, 2, e);
}

/*
 * November: the region gives its two § 107 offers one harmonised tariff
 * from the next tariff year (as the minutes of October 2011 did for two
 * offers of one operator); the next round asks for one line set.
 */
static int
demo_harmonised(struct svc *s, const struct offer *o, struct err *e)
{
	struct svc	d;
	int64_t		ids[2], id;

	ids[0] = o[1].id;	/* Neurocenter Østerskoven */
	ids[1] = o[3].id;	/* Center for Døvblindhed og Høretab */
	clock_at(&d, s, at(2025, 11, 10, 9));
	return harmonised_create(&d, "Fælles takst for neurorehabilitering og "
	    "døvblindhed", DEMO_TARIFF_YEAR + 1, ids, 2, &id, e);
}

int
demo_example_year(struct svc *s, struct demo_report *rep, struct err *e)
{
	struct round_import_report	 irep;
	struct round_import_row		 rows[DEMO_NOFFERS];
	struct tariff_round		 r;
	struct offer			 o[DEMO_NOFFERS];
	struct svc			 d;
	int64_t				 carry, id, n;
	size_t				 i;
	int				 rc, exists;

	memset(rep, 0, sizeof(*rep));
	clock_at(&d, s, at(2025, 5, 20, 8));
	if ((rc = round_exists(&d, &exists, e)) != 0 || exists)
		return rc;
	for (i = 0; i < DEMO_NOFFERS; i++)
		if ((rc = find_offer(&d, demo_offers[i].name, &o[i], e)) != 0)
			return rc;

	/* The two years before, as published then. */
	for (i = 0; i < sizeof(demo_earlier) / sizeof(demo_earlier[0]); i++)
		if ((rc = demo_earlier_round(s, &demo_earlier[i], o, rep,
		    e)) != 0)
			return rc;

	/* May: the accounts of 2024, before the round pre-fills from them. */
	memset(rows, 0, sizeof(rows));
	for (i = 0; i < DEMO_NOFFERS; i++) {
		if ((rc = report_accounts(&d, &demo_offers[i], o[i].id, &carry,
		    e)) != 0)
			return rc;
		rep->accounts++;
		rows[i].offer_id = o[i].id;
		rows[i].row = (int)i + 1;
		demo_line(&demo_offers[i], carry, &rows[i].line);
	}

	/* August: the secretariat opens the round for the covered offers. */
	clock_at(&d, s, at(2025, 8, 15, 7));
	memset(&r, 0, sizeof(r));
	r.year = DEMO_TARIFF_YEAR;
	r.no = 1;
	r.title = "Takstindberetning 2026 (eksempeltal)";
	r.opens_on = "2025-08-15";
	r.deadline = "2025-09-30";
	r.pl_bp = 180;
	r.increase_warn_bp = 300;
	r.covered_only = true;
	if ((rc = round_create(&d, &r, &id, NULL, e)) != 0)
		return rc;

	/* September: the lines in, submitted and approved. */
	clock_at(&d, s, at(2025, 9, 25, 9));
	memset(&irep, 0, sizeof(irep));
	if ((rc = round_import_lines(&d, id, rows, DEMO_NOFFERS,
	    ROUND_IMPORT_APPROVE, &irep, e)) != 0) {
		if (irep.nerrors > 0)
			*e = irep.errors[0];
		return rc;
	}
	rep->submissions = irep.submissions;

	/* October: published as the Takstoversigt 2026. */
	clock_at(&d, s, at(2025, 10, 15, 10));
	if ((rc = round_get(&d, id, &r, NULL, e)) != 0 ||
	    (rc = round_publish(&d, id, r.version, &n, e)) != 0)
		return rc;
	rep->tariffs += n;
	if ((rc = demo_harmonised(s, o, e)) != 0 ||
	    (rc = demo_analysis(s, e)) != 0 ||
	    (rc = demo_secretariat(s, e)) != 0)
		return rc;
	return demo_cycle(s, e);
}

int
demo_totp_optional(struct svc *s, int year, struct err *e)
{
	return agreement_param_set(s, year, "totp_required_admin", 0, true,
	    "Demodata: demo-logins uden to-trins-bekræftelse. Slå det til "
	    "igen før brug i drift.", e);
}
