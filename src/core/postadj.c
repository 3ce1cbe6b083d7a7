/*
 * postadj — the post-adjustment of a secure institution (see postadj.h).
 */
#include <string.h>

#include "core/money.h"
#include "core/postadj.h"
#include "util/err.h"

int
postadj_compute(const struct postadj_input *in, struct postadj_result *out,
    struct err *e)
{
	struct postadj_result	 r;
	struct ratio		 exact;
	__int128		 billed;

	if (in->places_centi <= 0 || in->places_centi > POSTADJ_PLACES_MAX)
		return err_set(e, ERR_INVALID, "invalid_places", "places",
		    "Antal pladser skal være større end 0 og højst %lld",
		    (long long)(POSTADJ_PLACES_MAX / 100));
	if (in->day_basis < 1 || in->day_basis > 366)
		return err_set(e, ERR_INVALID, "invalid_days", "day_basis",
		    "Antal dage i året skal ligge mellem 1 og 366");
	if (in->cost_ore < 0 || in->cost_ore > POSTADJ_COST_MAX)
		return err_set(e, ERR_INVALID, "invalid_amount", "cost_ore",
		    "Omkostningerne skal være 0 kr. eller mere (og under "
		    "1.000 mia. kr.)");
	if (in->assumed_bp < 1 || in->assumed_bp > MONEY_BP_ONE)
		return err_set(e, ERR_INVALID, "invalid_occupancy",
		    "assumed_occupancy_pct", "Den forudsatte belægning skal "
		    "være større end 0 %% og højst 100 %%");
	if (in->occupied_days < 0)
		return err_set(e, ERR_INVALID, "negative_days",
		    "occupied_days", "Antal belagte døgn kan ikke være "
		    "negativt");
	/* At most twice the place-days: places_centi × days / 50. */
	if ((__int128)in->occupied_days * 50 >
	    (__int128)in->places_centi * in->day_basis)
		return err_set(e, ERR_INVALID, "too_many_days",
		    "occupied_days", "Antal belagte døgn er urimeligt: mere "
		    "end det dobbelte af pladsdøgnene i året");
	if (in->rounding_ore < 1 || in->rounding_ore > 10000)
		return err_set(e, ERR_INVALID, "invalid_rounding",
		    "rounding_ore", "Afrunding skal være mellem 1 og 10000 "
		    "øre");

	memset(&r, 0, sizeof(r));
	/* cost / (places_centi/100 × days × bp/10000). */
	exact.num = (__int128)in->cost_ore * 100 * MONEY_BP_ONE;
	exact.den = (__int128)in->places_centi * in->day_basis *
	    in->assumed_bp;
	exact = money_ratio_reduce(exact);
	if (money_ratio_str(exact, 4, r.tariff_exact,
	    sizeof(r.tariff_exact)) != 0 ||
	    money_round_ratio(exact, in->rounding_ore, ROUND_HALF_UP,
	    &r.tariff_ore) != 0)
		return err_set(e, ERR_INVALID, "number_too_large", "cost_ore",
		    "Taksten bliver urimeligt stor");
	billed = (__int128)in->occupied_days * r.tariff_ore;
	if (billed > POSTADJ_COST_MAX * 2)
		return err_set(e, ERR_INVALID, "number_too_large",
		    "occupied_days", "Det opkrævede beløb bliver urimeligt "
		    "stort");
	r.billed_ore = (int64_t)billed;
	r.difference_ore = in->cost_ore - r.billed_ore;
	*out = r;
	return 0;
}

int64_t
postadj_actual_bp(int64_t occupied_days, int64_t places_centi,
    int64_t day_basis)
{
	struct ratio	q;
	int64_t		bp;

	if (occupied_days < 0 || places_centi <= 0 || day_basis <= 0)
		return -1;
	q.num = (__int128)occupied_days * 100 * MONEY_BP_ONE;
	q.den = (__int128)places_centi * day_basis;
	if (money_round_ratio(money_ratio_reduce(q), 1, ROUND_HALF_UP,
	    &bp) != 0)
		return -1;
	return bp;
}
