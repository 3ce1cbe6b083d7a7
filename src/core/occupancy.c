/*
 * occupancy — budgeted occupancy and its band (see occupancy.h).
 */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "core/money.h"
#include "core/occupancy.h"
#include "core/params.h"
#include "util/err.h"

static const char *const class_names[OCCUPANCY_CLASS_COUNT] = {
	[OCCUPANCY_ORDINARY]	= "ordinary",
	[OCCUPANCY_SHORT_STAY]	= "short_stay",
	[OCCUPANCY_SECURE]	= "secure_institution",
};

static const char *const status_names[OCCUPANCY_STATUS_COUNT] = {
	[OCCUPANCY_OK]		= "ok",
	[OCCUPANCY_WARNING]	= "warning",
	[OCCUPANCY_REJECTED]	= "rejected",
};

const char *
occupancy_class_name(enum occupancy_class c)
{
	return (unsigned)c < OCCUPANCY_CLASS_COUNT ? class_names[c] : "";
}

int
occupancy_class_parse(const char *s, enum occupancy_class *out)
{
	int i;

	if (s == NULL)
		return -1;
	for (i = 0; i < OCCUPANCY_CLASS_COUNT; i++)
		if (strcmp(s, class_names[i]) == 0) {
			*out = (enum occupancy_class)i;
			return 0;
		}
	return -1;
}

const char *
occupancy_status_name(enum occupancy_status s)
{
	return (unsigned)s < OCCUPANCY_STATUS_COUNT ? status_names[s] : "";
}

void
occupancy_source_years(const struct agreement_params *p, int tariff_year,
    int *first, int *last)
{
	*last = tariff_year - (int)p->occupancy_lag_years;
	*first = *last - (int)p->occupancy_years + 1;
}

/* Basis points as a Danish percentage without trailing zeros: "95,5". */
static void
fmt_pct(char *out, size_t n, int64_t bp)
{
	long long	a = bp < 0 ? -bp : bp;
	const char	*sign = bp < 0 ? "-" : "";

	if (a % 100 == 0)
		snprintf(out, n, "%s%lld", sign, a / 100);
	else if (a % 10 == 0)
		snprintf(out, n, "%s%lld,%lld", sign, a / 100, a % 100 / 10);
	else
		snprintf(out, n, "%s%lld,%02lld", sign, a / 100, a % 100);
}

static void
add_msg(struct occupancy_result *r, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

static void
add_msg(struct occupancy_result *r, const char *fmt, ...)
{
	va_list ap;

	if (r->nmessages >= OCCUPANCY_MSG_MAX)
		return;
	va_start(ap, fmt);
	vsnprintf(r->messages[r->nmessages++], OCCUPANCY_MSG_LEN, fmt, ap);
	va_end(ap);
}

int
occupancy_budget(const struct agreement_params *p,
    const struct occupancy_input *in, struct occupancy_result *out,
    struct err *e)
{
	struct ratio	 sum = { 0, 1 };
	char		 budget[32], lo[32], hi[32], warn[32];
	const char	*floor_what;
	size_t		 i;

	memset(out, 0, sizeof(*out));
	if ((unsigned)in->cls >= OCCUPANCY_CLASS_COUNT)
		return err_set(e, ERR_INVALID, "invalid_offer_kind",
		    "offer_kind", "Ukendt tilbudsart (brug ordinary, "
		    "short_stay eller secure_institution)");
	if (p->occupancy_years < 1 || p->occupancy_years > OCCUPANCY_YEARS_MAX)
		return err_set(e, ERR_INVALID, "param_out_of_range",
		    "occupancy_years", "Antal år i belægningsgennemsnittet "
		    "skal ligge mellem 1 og %d", OCCUPANCY_YEARS_MAX);
	if (in->nyears != (size_t)p->occupancy_years)
		return err_set(e, ERR_INVALID, "wrong_year_count",
		    "occupancy_pct", "Angiv den faktiske belægning for de %d "
		    "seneste afsluttede regnskabsår", (int)p->occupancy_years);
	for (i = 0; i < in->nyears; i++) {
		const struct occupancy_year *y = &in->years[i];

		if (y->available <= 0 || y->available > OCCUPANCY_AVAILABLE_MAX)
			return err_set(e, ERR_INVALID, "invalid_occupancy",
			    "occupancy_pct", "Antal disponible pladsdøgn skal "
			    "være større end 0");
		if (y->occupied < 0 || y->occupied > 2 * y->available)
			return err_set(e, ERR_INVALID, "invalid_occupancy",
			    "occupancy_pct", "Den faktiske belægning er "
			    "urimelig (under 0 eller over 200 %%)");
		/* sum += occupied / available; denominators stay < 2^108. */
		sum.num = sum.num * y->available + (__int128)y->occupied *
		    sum.den;
		sum.den *= y->available;
		sum = money_ratio_reduce(sum);
	}
	sum.den *= (__int128)in->nyears;
	out->average = money_ratio_reduce(sum);
	if (money_round(out->average.num * MONEY_BP_ONE, out->average.den, 1,
	    (enum round_mode)p->occupancy_round_mode, &out->budget_bp) != 0)
		return err_set(e, ERR_INVALID, "param_out_of_range",
		    "occupancy_round_mode", "Ugyldig afrundingsregel for "
		    "belægningsprocenten");

	if (in->cls == OCCUPANCY_SECURE) {
		out->budget_bp = p->secure_occupancy_bp;
		out->min_bp = out->max_bp = out->warn_bp =
		    p->secure_occupancy_bp;
		out->status = OCCUPANCY_OK;
		fmt_pct(budget, sizeof(budget), out->budget_bp);
		add_msg(out, "Sikret institution: taksten beregnes med den "
		    "forudsatte belægningsprocent for året, %s %%; året "
		    "efterreguleres efter den faktiske belægning.", budget);
		return 0;
	}
	out->min_bp = in->cls == OCCUPANCY_SHORT_STAY ?
	    p->occupancy_short_min_bp : p->occupancy_min_bp;
	out->max_bp = p->occupancy_max_bp;
	out->warn_bp = p->occupancy_warn_bp;
	if (out->budget_bp < out->min_bp)
		out->flags |= OCCUPANCY_BELOW_MIN;
	else if (out->budget_bp > out->max_bp)
		out->flags |= OCCUPANCY_ABOVE_MAX;
	else if (out->budget_bp > out->warn_bp)
		out->flags |= OCCUPANCY_ABOVE_WARN;

	fmt_pct(budget, sizeof(budget), out->budget_bp);
	fmt_pct(lo, sizeof(lo), out->min_bp);
	fmt_pct(hi, sizeof(hi), out->max_bp);
	fmt_pct(warn, sizeof(warn), out->warn_bp);
	floor_what = in->cls == OCCUPANCY_SHORT_STAY ?
	    "for korte forløb, akut- og aflastningstilbud" :
	    "for dag- og døgntilbud";
	add_msg(out, "Budgetteret belægningsprocent: %s %% (gennemsnit af "
	    "den faktiske belægning i de %d seneste afsluttede regnskabsår).",
	    budget, (int)in->nyears);
	if (out->flags & (OCCUPANCY_BELOW_MIN | OCCUPANCY_ABOVE_MAX)) {
		if (in->das_approval != NULL && *in->das_approval != '\0') {
			out->flags |= OCCUPANCY_DAS_APPROVED;
			out->status = OCCUPANCY_WARNING;
			add_msg(out, "Belægningsprocenten ligger uden for "
			    "intervallet %s–%s %% %s; afvigelsen er godkendt "
			    "af DAS (%.80s).", lo, hi, floor_what,
			    in->das_approval);
		} else {
			out->status = OCCUPANCY_REJECTED;
			add_msg(out, "Belægningsprocenten ligger %s %s %% %s. "
			    "Afvigelser fra intervallet %s–%s %% kræver "
			    "konkret godkendelse i DAS.",
			    (out->flags & OCCUPANCY_BELOW_MIN) ?
			    "under mindstegrænsen på" :
			    "over den højeste grænse på",
			    (out->flags & OCCUPANCY_BELOW_MIN) ? lo : hi,
			    floor_what, lo, hi);
		}
	} else if (out->flags & OCCUPANCY_ABOVE_WARN) {
		out->status = OCCUPANCY_WARNING;
		add_msg(out, "Belægningsprocenten er over den anbefalede "
		    "højeste belægningsprocent på %s %% (effektiv drift).",
		    warn);
	} else {
		out->status = OCCUPANCY_OK;
		add_msg(out, "Belægningsprocenten ligger inden for intervallet "
		    "%s–%s %% %s.", lo, hi, floor_what);
	}
	return 0;
}
