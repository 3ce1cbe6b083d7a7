/*
 * tariff — tariff base, place-days and tariffs (see tariff.h).
 *
 * All quotients are carried as exact fractions: places and hours are
 * hundredths and occupancy basis points, so place-days are
 * places_centi × days × occupancy_bp / 10^6 and the tariff is the base
 * times that denominator over that numerator. Rounding happens once, when
 * the tariff is published.
 */
#include <string.h>

#include "core/money.h"
#include "core/params.h"
#include "core/tariff.h"
#include "util/err.h"

#define CENTI_BP	INT64_C(1000000)	/* hundredths × basis points */
#define LEVEL_TEXT_MAX	100			/* bytes of service, level */

static const struct {
	const char *name;
	const char *label;
} units[TARIFF_UNIT_COUNT] = {
	[TARIFF_UNIT_DAY]	= { "day", "Døgntakst" },
	[TARIFF_UNIT_MONTH]	= { "month", "Månedstakst" },
	[TARIFF_UNIT_HOUR]	= { "hour", "Timetakst" },
	[TARIFF_UNIT_YEAR]	= { "year", "Årstakst" },
};

const char *
tariff_unit_name(enum tariff_unit u)
{
	return (unsigned)u < TARIFF_UNIT_COUNT ? units[u].name : "";
}

const char *
tariff_unit_label(enum tariff_unit u)
{
	return (unsigned)u < TARIFF_UNIT_COUNT ? units[u].label : "";
}

int
tariff_unit_parse(const char *s, enum tariff_unit *out)
{
	int i;

	if (s == NULL)
		return -1;
	for (i = 0; i < TARIFF_UNIT_COUNT; i++)
		if (strcmp(s, units[i].name) == 0) {
			*out = (enum tariff_unit)i;
			return 0;
		}
	return -1;
}

bool
tariff_leap_year(int year)
{
	return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
}

int
tariff_days_in_year(const struct agreement_params *p, int year)
{
	switch (p->day_basis) {
	case DAY_BASIS_365:
		return 365;
	case DAY_BASIS_366:
		return 366;
	default:
		return tariff_leap_year(year) ? 366 : 365;
	}
}

/* A cost line must be 0..MONEY_INPUT_MAX_ORE øre. */
static int
check_amount(int64_t v, const char *field, const char *label, struct err *e)
{
	if (v < 0)
		return err_set(e, ERR_INVALID, "negative_amount", field,
		    "%s: beløbet kan ikke være negativt", label);
	if (v > MONEY_INPUT_MAX_ORE)
		return err_set(e, ERR_INVALID, "amount_too_large", field,
		    "%s: beløbet er urimeligt stort", label);
	return 0;
}

static int
overflow(struct err *e, const char *field)
{
	return err_set(e, ERR_INVALID, "amount_too_large", field,
	    "Beløbene er for store til at regne med");
}

int
tariff_base(const struct agreement_params *p, const struct tariff_input *in,
    int64_t *overhead_ore, int64_t *base_ore, struct err *e)
{
	const struct tariff_costs	*c = &in->costs;
	int64_t				 overhead, ob, sum;
	int				 rc;

	if ((rc = check_amount(c->wages_ore, "costs_ore.wages",
	    "Lønomkostningerne", e)) != 0 ||
	    (rc = check_amount(c->property_ore, "costs_ore.property",
	    "Ejendomsomkostningerne", e)) != 0 ||
	    (rc = check_amount(c->other_ore, "costs_ore.other",
	    "De øvrige omkostninger", e)) != 0 ||
	    (rc = check_amount(c->overhead_ore, "costs_ore.overhead",
	    "Overhead", e)) != 0 ||
	    (rc = check_amount(c->capital_ore, "costs_ore.capital",
	    "Kapitalomkostningerne", e)) != 0 ||
	    (rc = check_amount(c->pension_ore, "costs_ore.pension",
	    "Tjenestemandspensionen", e)) != 0 ||
	    (rc = check_amount(in->income_ore, "income_ore",
	    "Indtægten", e)) != 0 ||
	    (rc = check_amount(in->startup_ore, "startup_ore",
	    "Andelen af opstartsomkostningerne", e)) != 0)
		return rc;
	if (in->carry_over_ore < -MONEY_INPUT_MAX_ORE ||
	    in->carry_over_ore > MONEY_INPUT_MAX_ORE)
		return err_set(e, ERR_INVALID, "amount_too_large",
		    "carry_over_ore", "Over-/underskuddet er urimeligt stort");

	overhead = c->overhead_ore;
	if (in->overhead_by_pct) {
		if (c->overhead_ore != 0)
			return err_set(e, ERR_INVALID, "overhead_twice",
			    "overhead_pct", "Overhead kan angives som beløb "
			    "eller som procent, ikke begge dele");
		if (in->overhead_bp < 0 || in->overhead_bp > MONEY_BP_ONE)
			return err_set(e, ERR_INVALID, "invalid_overhead_pct",
			    "overhead_pct", "Overheadprocenten skal ligge "
			    "mellem 0 og 100");
		if (in->overhead_base_stated) {
			if ((rc = check_amount(in->overhead_base_ore,
			    "overhead_base_ore", "Grundlaget for overhead",
			    e)) != 0)
				return rc;
			ob = in->overhead_base_ore;
		} else {
			ob = c->wages_ore + c->property_ore + c->other_ore;
			if (p->overhead_base == OVERHEAD_BASE_DIRECT_CAPITAL)
				ob += c->capital_ore;
		}
		if (money_pct(ob, in->overhead_bp, ROUND_HALF_UP,
		    &overhead) != 0)
			return overflow(e, "overhead_pct");
	} else if (in->overhead_base_stated)
		return err_set(e, ERR_INVALID, "unused_field",
		    "overhead_base_ore", "Grundlaget for overhead bruges kun "
		    "sammen med en overheadprocent");

	/* Each term is below 10^14, so the sum cannot overflow. */
	sum = c->wages_ore + c->property_ore + c->other_ore + overhead +
	    c->capital_ore + c->pension_ore - in->income_ore +
	    in->carry_over_ore + in->startup_ore;
	if (sum <= 0)
		return err_set(e, ERR_INVALID, "nonpositive_base", "costs_ore",
		    "Takstberegningsgrundlaget skal være positivt "
		    "(omkostninger minus indtægter plus over-/underskud)");
	*overhead_ore = overhead;
	*base_ore = sum;
	return 0;
}

static struct ratio
ratio(__int128 num, __int128 den)
{
	struct ratio r = { num, den };

	return money_ratio_reduce(r);
}

int
tariff_compute(const struct agreement_params *p, const struct tariff_input *in,
    struct tariff_result *out, struct err *e)
{
	__int128	pl_occ;
	int		rc;

	memset(out, 0, sizeof(*out));
	if (in->year < PARAMS_YEAR_MIN || in->year > PARAMS_YEAR_MAX)
		return err_set(e, ERR_INVALID, "invalid_year", "year",
		    "Takståret skal ligge mellem %d og %d", PARAMS_YEAR_MIN,
		    PARAMS_YEAR_MAX);
	if ((unsigned)in->unit >= TARIFF_UNIT_COUNT)
		return err_set(e, ERR_INVALID, "invalid_unit", "unit",
		    "Ukendt takstenhed");
	if (in->places_centi <= 0)
		return err_set(e, ERR_INVALID, "invalid_places", "places",
		    "Antal pladser skal være større end 0");
	if (in->places_centi > TARIFF_PLACES_MAX_CENTI)
		return err_set(e, ERR_INVALID, "invalid_places", "places",
		    "Antal pladser er urimeligt stort (højst %d)",
		    TARIFF_PLACES_MAX_CENTI / 100);
	if (in->occupancy_bp <= 0 || in->occupancy_bp > MONEY_BP_ONE)
		return err_set(e, ERR_INVALID, "invalid_occupancy",
		    "occupancy_pct", "Belægningsprocenten skal være større end "
		    "0 og højst 100");
	if (in->days < 0 || in->days > 366)
		return err_set(e, ERR_INVALID, "invalid_days", "days",
		    "Antal dage skal ligge mellem 1 og 366");
	if (in->unit == TARIFF_UNIT_MONTH &&
	    p->month_rule == MONTH_RULE_DAYS) {
		if (in->month_days < 28 || in->month_days > 31)
			return err_set(e, ERR_INVALID, "invalid_month_days",
			    "month_days", "Månedstaksten beregnes som "
			    "døgntakst × dage i måneden: angiv month_days "
			    "(28–31)");
	} else if (in->month_days != 0)
		return err_set(e, ERR_INVALID, "unused_field", "month_days",
		    "month_days bruges kun til månedstakster beregnet som "
		    "døgntakst × dage i måneden");
	if (in->unit == TARIFF_UNIT_HOUR) {
		if (in->hours_centi <= 0 ||
		    in->hours_centi > TARIFF_HOURS_MAX_CENTI)
			return err_set(e, ERR_INVALID, "invalid_hours", "hours",
			    "Timetakster kræver budgetterede leverede timer "
			    "pr. plads pr. år (større end 0 og højst %d)",
			    TARIFF_HOURS_MAX_CENTI / 100);
	} else if (in->hours_centi != 0)
		return err_set(e, ERR_INVALID, "unused_field", "hours",
		    "hours bruges kun til timetakster");
	if ((rc = tariff_base(p, in, &out->overhead_ore, &out->base_ore,
	    e)) != 0)
		return rc;

	out->days = in->days != 0 ? in->days : tariff_days_in_year(p, in->year);
	pl_occ = (__int128)in->places_centi * in->occupancy_bp;
	out->place_days = ratio(pl_occ * out->days, CENTI_BP);
	switch (in->unit) {
	case TARIFF_UNIT_DAY:
		out->units = out->place_days;
		break;
	case TARIFF_UNIT_MONTH:
		if (p->month_rule == MONTH_RULE_DAYS)
			out->units = ratio(pl_occ * out->days,
			    (__int128)CENTI_BP * in->month_days);
		else
			out->units = ratio(pl_occ * 12, CENTI_BP);
		break;
	case TARIFF_UNIT_HOUR:
		out->units = ratio(pl_occ * in->hours_centi,
		    (__int128)CENTI_BP * 100);
		break;
	case TARIFF_UNIT_YEAR:
	default:
		out->units = ratio(pl_occ, CENTI_BP);
		break;
	}
	out->exact_ore = ratio((__int128)out->base_ore * out->units.den,
	    out->units.num);
	if (p->tariff_round_ore < 1 ||
	    p->tariff_round_mode < 0 ||
	    p->tariff_round_mode >= ROUND_MODE_COUNT)
		return err_set(e, ERR_INVALID, "invalid_rounding",
		    "tariff_round_ore", "Afrundingsreglen for takster er "
		    "ugyldig");
	if (tariff_publish(p, out->exact_ore, &out->tariff_ore) != 0)
		return err_set(e, ERR_INVALID, "tariff_too_large", "places",
		    "Taksten bliver urimeligt stor: kontrollér pladser, "
		    "belægning og beløb");
	return 0;
}

int
tariff_publish(const struct agreement_params *p, struct ratio exact_ore,
    int64_t *out_ore)
{
	return money_round_ratio(exact_ore, p->tariff_round_ore,
	    (enum round_mode)p->tariff_round_mode, out_ore);
}

/* How many `u` there are in a year, as num/den; -1 for hours. */
static int
per_year(const struct agreement_params *p, int year, enum tariff_unit u,
    int month_days, __int128 *num, __int128 *den)
{
	*den = 1;
	switch (u) {
	case TARIFF_UNIT_DAY:
		*num = tariff_days_in_year(p, year);
		return 0;
	case TARIFF_UNIT_MONTH:
		if (p->month_rule == MONTH_RULE_DAYS) {
			if (month_days < 28 || month_days > 31)
				return -1;
			*num = tariff_days_in_year(p, year);
			*den = month_days;
		} else
			*num = 12;
		return 0;
	case TARIFF_UNIT_YEAR:
		*num = 1;
		return 0;
	default:
		return -1;
	}
}

int
tariff_convert(const struct agreement_params *p, int year,
    enum tariff_unit from, enum tariff_unit to, int64_t amount_ore,
    int month_days, struct ratio *out, struct err *e)
{
	__int128 fn, fd, tn, td;

	if ((unsigned)from >= TARIFF_UNIT_COUNT ||
	    (unsigned)to >= TARIFF_UNIT_COUNT)
		return err_set(e, ERR_INVALID, "invalid_unit", "unit",
		    "Ukendt takstenhed");
	if (from == TARIFF_UNIT_HOUR || to == TARIFF_UNIT_HOUR)
		return err_set(e, ERR_INVALID, "invalid_unit", "unit",
		    "Timetakster kan ikke omregnes til døgn-, måneds- eller "
		    "årstakster");
	if (amount_ore < 0 || amount_ore > MONEY_INPUT_MAX_ORE)
		return err_set(e, ERR_INVALID, "invalid_amount", "tariff_ore",
		    "Taksten skal ligge mellem 0 og %lld øre",
		    (long long)MONEY_INPUT_MAX_ORE);
	if (per_year(p, year, from, month_days, &fn, &fd) != 0 ||
	    per_year(p, year, to, month_days, &tn, &td) != 0)
		return err_set(e, ERR_INVALID, "invalid_month_days",
		    "month_days", "Omregning af månedstakster efter dage i "
		    "måneden kræver antal dage i måneden (28–31)");
	/* amount per `from` × (from per year) / (to per year). */
	*out = ratio((__int128)amount_ore * fn * td, fd * tn);
	return 0;
}

int
tariff_treatment_places(const struct agreement_params *p, int64_t citizens,
    int64_t *places_centi, struct err *e)
{
	if (p->treatment_citizens_per_place <= 0)
		return err_set(e, ERR_INVALID, "rule_not_in_force", "citizens",
		    "Reglen om takstpladser i behandlingstilbud gælder ikke "
		    "for %d", p->year);
	if (citizens < 0 || citizens > 10000000)
		return err_set(e, ERR_INVALID, "invalid_citizens", "citizens",
		    "Forventet antal borgere skal ligge mellem 0 og "
		    "10.000.000");
	return money_round((__int128)citizens * 100,
	    p->treatment_citizens_per_place, 1, ROUND_HALF_UP, places_centi);
}

int
tariff_net_of_vat(const struct agreement_params *p, int64_t tariff_ore,
    int64_t *net_ore, struct err *e)
{
	int rc;

	if ((rc = check_amount(tariff_ore, "tariff_ore", "Taksten", e)) != 0)
		return rc;
	return money_round((__int128)tariff_ore *
	    (MONEY_BP_ONE - p->vat_refund_bp), MONEY_BP_ONE, 1, ROUND_HALF_UP,
	    net_ore);
}

int
tariff_two_part_amount(const struct tariff_two_part *t, int64_t days,
    int64_t hours_centi, int64_t *out_ore, struct err *e)
{
	int rc;

	if ((rc = check_amount(t->base_day_ore, "base_day_ore",
	    "Basistaksten", e)) != 0 ||
	    (rc = check_amount(t->hour_ore, "hour_ore", "Ydelsestaksten",
	    e)) != 0 ||
	    (rc = check_amount(t->supplement_day_ore, "supplement_day_ore",
	    "Tillægget", e)) != 0)
		return rc;
	if (days < 0 || days > 366 * 100)
		return err_set(e, ERR_INVALID, "invalid_days", "days",
		    "Antal dage er ugyldigt");
	if (hours_centi < 0 || hours_centi > 24 * 100)
		return err_set(e, ERR_INVALID, "invalid_hours", "hours",
		    "Timer pr. dag skal ligge mellem 0 og 24");
	if (money_round((__int128)days * ((__int128)(t->base_day_ore +
	    t->supplement_day_ore) * 100 + (__int128)t->hour_ore * hours_centi),
	    100, 1, ROUND_HALF_UP, out_ore) != 0)
		return overflow(e, "days");
	return 0;
}

int
tariff_share_amount(int64_t day_tariff_ore, int64_t days, int64_t num,
    int64_t den, int64_t *out_ore, struct err *e)
{
	int rc;

	if ((rc = check_amount(day_tariff_ore, "tariff_ore", "Taksten",
	    e)) != 0)
		return rc;
	if (days < 0 || days > 366 * 100)
		return err_set(e, ERR_INVALID, "invalid_days", "days",
		    "Antal dage er ugyldigt");
	if (num < 0 || den <= 0 || num > 1000000 || den > 1000000)
		return err_set(e, ERR_INVALID, "invalid_share", "share",
		    "Andelen skal være en brøk med positiv nævner");
	if (money_round((__int128)day_tariff_ore * days * num, den, 1,
	    ROUND_HALF_UP, out_ore) != 0)
		return overflow(e, "days");
	return 0;
}

static bool
text_ok(const char *s)
{
	return s != NULL && *s != '\0' && strlen(s) <= LEVEL_TEXT_MAX;
}

int
tariff_levels_validate(const struct tariff_level *levels, size_t n,
    struct err *e)
{
	size_t	i, j;
	int	rc;

	for (i = 0; i < n; i++) {
		const struct tariff_level *l = &levels[i];

		if (!text_ok(l->service))
			return err_set(e, ERR_INVALID, "invalid_service",
			    "service", "Ydelsen skal angives (højst %d tegn)",
			    LEVEL_TEXT_MAX);
		if (!text_ok(l->level))
			return err_set(e, ERR_INVALID, "invalid_level", "level",
			    "Takstniveauet skal angives (højst %d tegn)",
			    LEVEL_TEXT_MAX);
		if (l->year < PARAMS_YEAR_MIN || l->year > PARAMS_YEAR_MAX)
			return err_set(e, ERR_INVALID, "invalid_year", "year",
			    "Takståret skal ligge mellem %d og %d",
			    PARAMS_YEAR_MIN, PARAMS_YEAR_MAX);
		if ((rc = check_amount(l->tariff_ore, "tariff_ore", "Taksten",
		    e)) != 0)
			return rc;
		for (j = 0; j < i; j++)
			if (levels[j].offer_id == l->offer_id &&
			    levels[j].year == l->year &&
			    strcmp(levels[j].service, l->service) == 0 &&
			    strcmp(levels[j].level, l->level) == 0)
				return err_set(e, ERR_INVALID,
				    "duplicate_level", "level", "Niveauet %s "
				    "for %s i %d er angivet to gange",
				    l->level, l->service, l->year);
	}
	return 0;
}

int
tariff_level_find(const struct tariff_level *levels, size_t n,
    int64_t offer_id, int year, const char *service, const char *level,
    int64_t *out_ore)
{
	size_t i;

	if (service == NULL || level == NULL)
		return ERR_NOT_FOUND;
	for (i = 0; i < n; i++)
		if (levels[i].offer_id == offer_id && levels[i].year == year &&
		    levels[i].service != NULL && levels[i].level != NULL &&
		    strcmp(levels[i].service, service) == 0 &&
		    strcmp(levels[i].level, level) == 0) {
			*out_ore = levels[i].tariff_ore;
			return 0;
		}
	return ERR_NOT_FOUND;
}
