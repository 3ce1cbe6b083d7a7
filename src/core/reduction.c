/*
 * reduction — general tariff reduction per operator (see reduction.h).
 *
 * With r the required reduction in basis points and pl = a/b the PL
 * factor (1 in current prices), an operator meets it when
 *   Σ places × cur × 10000 × b  ≤  Σ places × prev × a × (10000 − r),
 * compared exactly in 128 bits; sums are at most 10^4 offers × 10^6
 * hundredths × 10^13 øre, times 10^4 × 10^6, well below 2^127.
 */
#include <string.h>

#include "core/money.h"
#include "core/params.h"
#include "core/reduction.h"
#include "util/err.h"

/* Does cur (× b) meet prev (× a) reduced by r basis points? */
static bool
meets(__int128 cur, __int128 prev, __int128 a, __int128 b, int64_t r)
{
	return cur * MONEY_BP_ONE * b <= prev * a * (MONEY_BP_ONE - r);
}

int
reduction_check(const struct agreement_params *p,
    const struct reduction_offer *offers, size_t n, const struct ratio *pl,
    struct reduction_operator *out, size_t max, size_t *nout, struct err *e)
{
	__int128	 a = 1, b = 1, cur, prev;
	size_t		 i, k, count = 0;
	int64_t		 r = p->general_reduction_bp;

	*nout = 0;
	if (p->reduction_fixed_prices && pl == NULL)
		return err_set(e, ERR_INVALID, "missing_pl", "pl",
		    "Takstreduktionen måles i faste priser: angiv "
		    "PL-fremskrivningen fra året før");
	if (!p->reduction_fixed_prices && pl != NULL)
		return err_set(e, ERR_INVALID, "unused_field", "pl",
		    "Takstreduktionen måles i løbende priser; "
		    "PL-fremskrivning bruges ikke");
	if (pl != NULL) {
		if (pl->num <= 0 || pl->den <= 0 ||
		    pl->num > REDUCTION_PL_MAX || pl->den > REDUCTION_PL_MAX)
			return err_set(e, ERR_INVALID, "invalid_pl", "pl",
			    "PL-fremskrivningen skal være en positiv brøk");
		a = pl->num;
		b = pl->den;
	}
	if (r < 0 || r > MONEY_BP_ONE)
		return err_set(e, ERR_INVALID, "param_out_of_range",
		    "general_reduction_bp", "Den generelle takstreduktion skal "
		    "ligge mellem 0 og 100 %%");
	if (n > REDUCTION_OFFERS_MAX)
		return err_set(e, ERR_INVALID, "too_many_offers", "offers",
		    "Højst %d tilbud i én opgørelse", REDUCTION_OFFERS_MAX);
	for (i = 0; i < n; i++) {
		const struct reduction_offer *o = &offers[i];

		if (o->operator_code == NULL || *o->operator_code == '\0')
			return err_set(e, ERR_INVALID, "missing_operator",
			    "operator_code", "Tilbud nr. %zu mangler "
			    "driftsherre", i + 1);
		if (o->places_centi <= 0 ||
		    o->places_centi > INT64_C(1000000))
			return err_set(e, ERR_INVALID, "invalid_places",
			    "places", "Antal pladser skal være større end 0");
		if (o->prev_ore <= 0 || o->prev_ore > REDUCTION_AMOUNT_MAX ||
		    o->cur_ore < 0 || o->cur_ore > REDUCTION_AMOUNT_MAX)
			return err_set(e, ERR_INVALID, "invalid_amount",
			    "tariff_ore", "Taksterne skal være positive beløb");
		for (k = 0; k < count; k++)
			if (strcmp(out[k].operator_code, o->operator_code) == 0)
				break;
		if (k == count) {
			if (count >= max)
				return err_set(e, ERR_INVALID,
				    "too_many_operators", "offers",
				    "For mange driftsherrer (højst %zu)", max);
			memset(&out[count], 0, sizeof(out[count]));
			out[count++].operator_code = o->operator_code;
		}
		out[k].noffers++;
		if (meets(o->cur_ore, o->prev_ore, a, b, r))
			out[k].noffers_met++;
	}
	for (k = 0; k < count; k++) {
		cur = prev = 0;
		for (i = 0; i < n; i++) {
			if (strcmp(offers[i].operator_code,
			    out[k].operator_code) != 0)
				continue;
			cur += (__int128)offers[i].places_centi *
			    offers[i].cur_ore;
			prev += (__int128)offers[i].places_centi *
			    offers[i].prev_ore;
		}
		out[k].met = meets(cur, prev, a, b, r);
		if (money_round((cur * b - prev * a) * MONEY_BP_ONE, prev * a,
		    1, ROUND_HALF_UP, &out[k].change_bp) != 0)
			return err_set(e, ERR_INTERNAL, "overflow", NULL,
			    "Intern regnefejl i takstreduktionen");
	}
	*nout = count;
	return 0;
}
