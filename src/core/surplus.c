/*
 * surplus — surplus/deficit split and the set-aside ledger (see surplus.h).
 */
#include <string.h>

#include "core/money.h"
#include "core/params.h"
#include "core/surplus.h"
#include "util/err.h"
#include "util/text.h"

/* An amount from outside must be 0..MONEY_INPUT_MAX_ORE. */
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

static int64_t
abs64(int64_t v)
{
	return v < 0 ? -v : v;
}

/* The setaside rule: keep part of a surplus; a deficit enters the tariff. */
static int
split_setaside(const struct agreement_params *p,
    const struct surplus_input *in, struct surplus_result *out,
    struct err *e)
{
	char	amount[48], limit[48];
	int64_t	r = out->result_ore, keep;

	if (in->setaside_given) {
		keep = in->setaside_ore;
		text_format_ore_da(amount, keep);
		if (keep < 0)
			return err_set(e, ERR_INVALID, "setaside_negative",
			    "setaside_ore", "Hensættelsen kan ikke være "
			    "negativ");
		if (keep > 0 && r <= 0)
			return err_set(e, ERR_INVALID,
			    "setaside_without_surplus", "setaside_ore",
			    "Der er intet overskud at hensætte");
		if (keep > out->ceiling_ore) {
			text_format_ore_da(limit, out->ceiling_ore);
			return err_set(e, ERR_INVALID, "setaside_above_ceiling",
			    "setaside_ore", "Hensættelsen på %s overstiger "
			    "loftet på %lld,%02lld %% af takstberegnings"
			    "grundlaget (%s)", amount,
			    (long long)(p->setaside_ceiling_bp / 100),
			    (long long)(p->setaside_ceiling_bp % 100), limit);
		}
		if (keep > r) {
			text_format_ore_da(limit, r);
			return err_set(e, ERR_INVALID, "setaside_above_surplus",
			    "setaside_ore", "Hensættelsen på %s er større end "
			    "overskuddet på %s", amount, limit);
		}
	} else
		keep = r <= 0 ? 0 : r < out->ceiling_ore ? r :
		    out->ceiling_ore;

	if (in->deficit_covered_ore != 0) {
		if (in->deficit_covered_ore < 0)
			return err_set(e, ERR_INVALID, "negative_amount",
			    "deficit_covered_ore", "Dækningen af underskuddet "
			    "kan ikke være negativ");
		if (r >= 0)
			return err_set(e, ERR_INVALID, "no_deficit",
			    "deficit_covered_ore", "Der er intet underskud at "
			    "dække");
		if (!p->setaside_covers_deficit)
			return err_set(e, ERR_INVALID, "cover_not_allowed",
			    "deficit_covered_ore", "Hensatte overskud må ikke "
			    "dække underskud i %d", p->year);
		if (in->deficit_covered_ore > -r)
			return err_set(e, ERR_INVALID, "cover_above_deficit",
			    "deficit_covered_ore", "Dækningen er større end "
			    "underskuddet");
	}
	out->setaside_ore = keep;
	out->deficit_covered_ore = in->deficit_covered_ore;
	out->to_tariff_ore = -(r - keep + in->deficit_covered_ore);
	out->setaside_expires_year = keep > 0 ?
	    in->year + (int)p->setaside_years : 0;
	return 0;
}

/* The carryover rule: ± up to the ceiling into next year's frame. */
static int
split_carryover(const struct agreement_params *p,
    const struct surplus_input *in, struct surplus_result *out,
    struct err *e)
{
	char	amount[48], limit[48];
	int64_t	r = out->result_ore, keep;

	if (in->deficit_covered_ore != 0)
		return err_set(e, ERR_INVALID, "unused_field",
		    "deficit_covered_ore", "Dækning af underskud fra "
		    "hensættelser findes kun i hensættelsesmodellen");
	if (in->setaside_given) {
		keep = in->setaside_ore;
		text_format_ore_da(amount, keep);
		if (keep != 0 && (r == 0 || (keep < 0) != (r < 0)))
			return err_set(e, ERR_INVALID, "carryover_wrong_sign",
			    "setaside_ore", "Overførslen skal have samme "
			    "fortegn som resultatet (overskud positivt, "
			    "underskud negativt)");
		if (abs64(keep) > out->ceiling_ore) {
			text_format_ore_da(limit, out->ceiling_ore);
			return err_set(e, ERR_INVALID, "setaside_above_ceiling",
			    "setaside_ore", "Overførslen på %s overstiger "
			    "loftet på ± %lld,%02lld %% af omkostnings"
			    "budgettet (%s)", amount,
			    (long long)(p->carryover_ceiling_bp / 100),
			    (long long)(p->carryover_ceiling_bp % 100), limit);
		}
		if (abs64(keep) > abs64(r)) {
			text_format_ore_da(limit, r);
			return err_set(e, ERR_INVALID, "setaside_above_surplus",
			    "setaside_ore", "Overførslen på %s er større end "
			    "resultatet på %s", amount, limit);
		}
	} else if (r > out->ceiling_ore)
		keep = out->ceiling_ore;
	else if (r < -out->ceiling_ore)
		keep = -out->ceiling_ore;
	else
		keep = r;
	out->setaside_ore = keep;
	out->to_tariff_ore = -(r - keep);
	out->setaside_expires_year = keep != 0 ?
	    in->year + (int)p->carryover_years : 0;
	return 0;
}

int
surplus_compute(const struct agreement_params *p,
    const struct surplus_input *in, struct surplus_result *out,
    struct err *e)
{
	int64_t	bp;
	int	rc;

	memset(out, 0, sizeof(*out));
	if (in->year < PARAMS_YEAR_MIN || in->year > PARAMS_YEAR_MAX)
		return err_set(e, ERR_INVALID, "invalid_year", "year",
		    "Regnskabsåret skal ligge mellem %d og %d", PARAMS_YEAR_MIN,
		    PARAMS_YEAR_MAX);
	if (p->surplus_rule != SURPLUS_RULE_SETASIDE &&
	    p->surplus_rule != SURPLUS_RULE_CARRYOVER)
		return err_set(e, ERR_INVALID, "invalid_rule", "rule",
		    "Ukendt regelsæt for over- og underskud");
	if (in->base_ore <= 0)
		return err_set(e, ERR_INVALID, "nonpositive_base",
		    "tariff_base_ore", "Takstberegningsgrundlaget skal være "
		    "positivt");
	if ((rc = check_amount(in->base_ore, "tariff_base_ore",
	    "Takstberegningsgrundlaget", e)) != 0 ||
	    (rc = check_amount(in->revenue_ore, "revenue_ore",
	    "Indtægten", e)) != 0 ||
	    (rc = check_amount(in->costs_ore, "costs_ore",
	    "Omkostningerne", e)) != 0)
		return rc;
	if (in->setaside_given && abs64(in->setaside_ore) > MONEY_INPUT_MAX_ORE)
		return err_set(e, ERR_INVALID, "amount_too_large",
		    "setaside_ore", "Hensættelsen er urimeligt stor");
	if (in->deficit_covered_ore > MONEY_INPUT_MAX_ORE)
		return err_set(e, ERR_INVALID, "amount_too_large",
		    "deficit_covered_ore", "Dækningen er urimeligt stor");

	out->rule = (enum surplus_rule)p->surplus_rule;
	out->result_ore = in->revenue_ore - in->costs_ore;
	out->tariff_year = in->year + (int)p->carry_lag_years;
	bp = out->rule == SURPLUS_RULE_SETASIDE ? p->setaside_ceiling_bp :
	    p->carryover_ceiling_bp;
	if (money_pct(in->base_ore, bp, ROUND_DOWN, &out->ceiling_ore) != 0)
		return err_set(e, ERR_INVALID, "amount_too_large",
		    "tariff_base_ore", "Takstberegningsgrundlaget er "
		    "urimeligt stort");
	if (out->rule == SURPLUS_RULE_SETASIDE)
		return split_setaside(p, in, out, e);
	return split_carryover(p, in, out, e);
}

/* The lot a use draws on next, or -1: origin given, or oldest usable. */
static long
next_lot(const struct setaside_lot *lots, size_t nlots,
    const struct setaside_entry *use)
{
	size_t i;

	for (i = 0; i < nlots; i++) {
		if (use->origin_year != 0 &&
		    lots[i].origin_year != use->origin_year)
			continue;
		if (lots[i].origin_year < use->year &&
		    lots[i].expires_year >= use->year &&
		    lots[i].balance_ore > 0)
			return (long)i;
	}
	return -1;
}

int
surplus_ledger(const struct setaside_entry *entries, size_t n,
    int as_of_year, struct setaside_lot *lots, size_t maxlots,
    size_t *nlots, struct setaside_summary *sum, struct err *e)
{
	const struct setaside_entry	*en;
	struct setaside_lot		*l;
	size_t				 i, k, count = 0;
	int64_t				 left, take;
	long				 li;

	*nlots = 0;
	memset(sum, 0, sizeof(*sum));
	for (i = 0; i < n; i++) {
		en = &entries[i];
		if (en->year < PARAMS_YEAR_MIN || en->year > PARAMS_YEAR_MAX)
			return err_set(e, ERR_INVALID, "invalid_year", "year",
			    "Ugyldigt år i hensættelsesregnskabet: %d",
			    en->year);
		if (i > 0 && en->year < entries[i - 1].year)
			return err_set(e, ERR_INVALID, "entries_out_of_order",
			    "year", "Posterne skal stå i årsorden");
		if (en->year > as_of_year)
			return err_set(e, ERR_INVALID, "entry_after_date",
			    "year", "Posten fra %d ligger efter opgørelsesåret "
			    "%d", en->year, as_of_year);
		if (en->amount_ore <= 0 || en->amount_ore > MONEY_INPUT_MAX_ORE)
			return err_set(e, ERR_INVALID, "invalid_amount",
			    "amount_ore", "Beløbet skal være positivt");
		if (en->kind == SETASIDE_DEPOSIT) {
			if (en->expires_year < en->year)
				return err_set(e, ERR_INVALID,
				    "invalid_expiry", "expires_year",
				    "Hensættelsen fra %d udløber før den er "
				    "hensat", en->year);
			for (k = 0; k < count; k++)
				if (lots[k].origin_year == en->year)
					return err_set(e, ERR_INVALID,
					    "duplicate_deposit", "year",
					    "Der er allerede hensat overskud "
					    "for %d", en->year);
			if (count >= maxlots || count >= SETASIDE_LOTS_MAX)
				return err_set(e, ERR_INVALID, "too_many_lots",
				    "entries", "For mange hensættelser (højst "
				    "%zu)", maxlots < SETASIDE_LOTS_MAX ?
				    maxlots : (size_t)SETASIDE_LOTS_MAX);
			l = &lots[count++];
			memset(l, 0, sizeof(*l));
			l->origin_year = en->year;
			l->expires_year = en->expires_year;
			l->deposited_ore = en->amount_ore;
			l->balance_ore = en->amount_ore;
			continue;
		}
		if (en->kind != SETASIDE_USE)
			return err_set(e, ERR_INVALID, "invalid_kind", "kind",
			    "Ukendt posttype");
		for (left = en->amount_ore; left > 0; left -= take) {
			if ((li = next_lot(lots, count, en)) < 0)
				return err_set(e, ERR_INVALID,
				    "setaside_insufficient", "amount_ore",
				    "Forbruget i %d er større end de hensatte "
				    "overskud, der kan bruges det år",
				    en->year);
			l = &lots[li];
			take = left < l->balance_ore ? left : l->balance_ore;
			l->balance_ore -= take;
			l->used_ore += take;
		}
	}
	for (k = 0; k < count; k++) {
		l = &lots[k];
		if (l->expires_year < as_of_year) {
			l->expired_ore = l->balance_ore;
			l->balance_ore = 0;
		}
		sum->deposited_ore += l->deposited_ore;
		sum->used_ore += l->used_ore;
		sum->expired_ore += l->expired_ore;
		sum->balance_ore += l->balance_ore;
		if (l->balance_ore > 0 && (sum->next_expiry_year == 0 ||
		    l->expires_year < sum->next_expiry_year)) {
			sum->next_expiry_year = l->expires_year;
			sum->next_expiry_ore = 0;
		}
		if (l->balance_ore > 0 &&
		    l->expires_year == sum->next_expiry_year)
			sum->next_expiry_ore += l->balance_ore;
	}
	*nlots = count;
	return 0;
}
