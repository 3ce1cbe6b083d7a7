/*
 * harmonised — the rule of a harmonised tariff (see harmonised.h).
 */
#include <string.h>

#include "core/harmonised.h"
#include "core/round.h"
#include "util/err.h"

int
harmonised_check(const char *name, int from_year,
    const struct harmonised_offer *v, size_t n, struct err *e)
{
	size_t	i, j;

	if (name == NULL || *name == '\0' ||
	    strlen(name) > HARMONISED_NAME_MAX)
		return err_set(e, ERR_INVALID, "harmonised_name", "name",
		    "Skriv et navn på den harmoniserede takst (højst %d "
		    "tegn)", HARMONISED_NAME_MAX);
	if (from_year < 2000 || from_year > 2100)
		return err_set(e, ERR_INVALID, "harmonised_year", "from_year",
		    "Skriv det år, den harmoniserede takst gælder fra");
	if (v == NULL || n < HARMONISED_MIN_OFFERS)
		return err_set(e, ERR_INVALID, "harmonised_too_few", "offers",
		    "Vælg mindst %d tilbud, som skal have samme takst",
		    HARMONISED_MIN_OFFERS);
	for (i = 0; i < n; i++) {
		for (j = 0; j < i; j++)
			if (v[j].id == v[i].id)
				return err_set(e, ERR_INVALID,
				    "harmonised_duplicate", "offers",
				    "Tilbuddet %s er valgt mere end én gang",
				    v[i].name != NULL ? v[i].name : "");
		if (v[i].operator_code == NULL || *v[i].operator_code == '\0')
			return err_set(e, ERR_INVALID,
			    "harmonised_no_operator", "offers",
			    "Tilbuddet %s har ingen driftsherre og kan ikke "
			    "få en harmoniseret takst",
			    v[i].name != NULL ? v[i].name : "");
		if (strcmp(v[i].operator_code, v[0].operator_code) != 0)
			return err_set(e, ERR_INVALID,
			    "harmonised_other_operator", "offers",
			    "Tilbuddet %s har en anden driftsherre. En "
			    "harmoniseret takst kan kun omfatte tilbud med "
			    "samme driftsherre",
			    v[i].name != NULL ? v[i].name : "");
	}
	return 0;
}

static bool
same_text(const char *a, const char *b)
{
	if (a == NULL || b == NULL)
		return (a == NULL || *a == '\0') && (b == NULL || *b == '\0');
	return strcmp(a, b) == 0;
}

static bool
same_line(const struct service_line *a, const struct service_line *b)
{
	return a->unit == b->unit && same_text(a->paragraph, b->paragraph) &&
	    same_text(a->level, b->level) &&
	    same_text(a->referred_from, b->referred_from) &&
	    same_text(a->referred_before, b->referred_before);
}

/* sum(x_i × w_i) / sum(w_i), rounded half up; w_i > 0. */
static int64_t
weighted(int64_t num, int64_t den)
{
	return den > 0 ? (num + den / 2) / den : 0;
}

void
harmonised_merge_lines(const struct service_line *v, size_t n,
    struct service_line *out, size_t *nout)
{
	/* Weighted sums per merged line, beside out. */
	struct sums {
		int64_t	places, occ, hist[2];
		bool	hist_known[2];
	};
	struct sums	 sum[ROUND_LINES_MAX];
	size_t		 i, j, k = 0, q;

	for (i = 0; i < n; i++) {
		for (j = 0; j < k && !same_line(&out[j], &v[i]); j++)
			;
		if (j == k) {
			if (k >= ROUND_LINES_MAX)
				continue;
			out[k] = v[i];
			out[k].pos = (int)k + 1;
			out[k].places_centi = 0;
			memset(&out[k].costs, 0, sizeof(out[k].costs));
			out[k].income_ore = 0;
			out[k].carry_over_ore = 0;
			out[k].reason = NULL;
			out[k].problem = NULL;
			out[k].computed = false;
			out[k].base_ore = 0;
			out[k].exact[0] = '\0';
			out[k].tariff_ore = 0;
			out[k].nwarnings = 0;
			memset(&sum[k], 0, sizeof(sum[k]));
			sum[k].hist_known[0] = sum[k].hist_known[1] = true;
			k++;
		}
		out[j].places_centi += v[i].places_centi;
		out[j].costs.wages_ore += v[i].costs.wages_ore;
		out[j].costs.property_ore += v[i].costs.property_ore;
		out[j].costs.other_ore += v[i].costs.other_ore;
		out[j].costs.overhead_ore += v[i].costs.overhead_ore;
		out[j].costs.capital_ore += v[i].costs.capital_ore;
		out[j].costs.pension_ore += v[i].costs.pension_ore;
		out[j].income_ore += v[i].income_ore;
		out[j].carry_over_ore += v[i].carry_over_ore;
		sum[j].places += v[i].places_centi;
		sum[j].occ += v[i].occupancy_bp * v[i].places_centi;
		for (q = 0; q < 2; q++) {
			if (v[i].hist_bp[q] < 0)
				sum[j].hist_known[q] = false;
			else
				sum[j].hist[q] += v[i].hist_bp[q] *
				    v[i].places_centi;
		}
	}
	for (j = 0; j < k; j++) {
		out[j].occupancy_bp = weighted(sum[j].occ, sum[j].places);
		for (q = 0; q < 2; q++)
			out[j].hist_bp[q] = sum[j].hist_known[q] ?
			    weighted(sum[j].hist[q], sum[j].places) : -1;
	}
	*nout = k;
}
