/*
 * expenditure — index and change of yearly net expenditure (see
 * expenditure.h).
 */
#include <strings.h>

#include "core/expenditure.h"
#include "util/err.h"

static const char *const names[EXPENDITURE_KIND_COUNT] = {
	[EXPENDITURE_ACCOUNTS]	= "accounts",
	[EXPENDITURE_BUDGET]	= "budget",
};

static const char *const labels[EXPENDITURE_KIND_COUNT] = {
	[EXPENDITURE_ACCOUNTS]	= "Regnskab",
	[EXPENDITURE_BUDGET]	= "Budget",
};

const char *
expenditure_kind_name(enum expenditure_kind k)
{
	return (unsigned)k < EXPENDITURE_KIND_COUNT ? names[k] : "";
}

const char *
expenditure_kind_label(enum expenditure_kind k)
{
	return (unsigned)k < EXPENDITURE_KIND_COUNT ? labels[k] : "";
}

int
expenditure_kind_parse(const char *s, enum expenditure_kind *out)
{
	int i;

	if (s == NULL)
		return -1;
	for (i = 0; i < EXPENDITURE_KIND_COUNT; i++)
		if (strcasecmp(s, names[i]) == 0 ||
		    strcasecmp(s, labels[i]) == 0) {
			*out = (enum expenditure_kind)i;
			return 0;
		}
	return -1;
}

/* num / den rounded half away from zero; den > 0. */
static int64_t
div_round(__int128 num, __int128 den)
{
	__int128 q;

	if (num >= 0)
		q = (num * 2 + den) / (den * 2);
	else
		q = -((-num * 2 + den) / (den * 2));
	return (int64_t)q;
}

int
expenditure_index(const int64_t *v, size_t n, size_t base, int64_t *out,
    struct err *e)
{
	size_t i;

	if (base >= n || v[base] == EXPENDITURE_MISSING)
		return err_set(e, ERR_INVALID, "no_base", "base_year",
		    "Der er ingen udgift i basisåret");
	if (v[base] <= 0)
		return err_set(e, ERR_INVALID, "bad_base", "base_year",
		    "Udgiften i basisåret skal være større end 0");
	for (i = 0; i < n; i++)
		out[i] = v[i] == EXPENDITURE_MISSING ? EXPENDITURE_MISSING :
		    div_round((__int128)v[i] * EXPENDITURE_INDEX_ONE, v[base]);
	return 0;
}

int
expenditure_change_bp(int64_t a, int64_t b, int64_t *out)
{
	if (a == EXPENDITURE_MISSING || b == EXPENDITURE_MISSING || a <= 0)
		return -1;
	*out = div_round(((__int128)b - a) * 10000, a);
	return 0;
}
