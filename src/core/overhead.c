/*
 * overhead — the premises part of an overhead (see overhead.h).
 */
#include "core/money.h"
#include "core/overhead.h"
#include "util/err.h"

static int
check_rate(int64_t v, const char *field, const char *label, struct err *e)
{
	if (v < 0 || v > MONEY_INPUT_MAX_ORE / 1000)
		return err_set(e, ERR_INVALID, "invalid_rate", field,
		    "%s pr. m² skal være et beløb på 0 kr. eller derover",
		    label);
	return 0;
}

int
overhead_premises_cost(const struct overhead_premises *p, int64_t *out_ore,
    struct err *e)
{
	int rc;

	if (p->area_centi <= 0 || p->area_centi > OVERHEAD_AREA_MAX)
		return err_set(e, ERR_INVALID, "invalid_area", "area",
		    "Arealet skal være større end 0 m² (højst 100.000 "
		    "m²)");
	if ((rc = check_rate(p->rent_ore, "rent", "Husleje", e)) != 0 ||
	    (rc = check_rate(p->utilities_ore, "utilities",
	    "Forbrugsafgifter", e)) != 0 ||
	    (rc = check_rate(p->other_ore, "other", "Øvrige driftsudgifter",
	    e)) != 0)
		return rc;
	return money_round((__int128)p->area_centi * (p->rent_ore +
	    p->utilities_ore + p->other_ore), 100, 1, ROUND_HALF_UP, out_ore);
}
