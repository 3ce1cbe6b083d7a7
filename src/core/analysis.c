/*
 * analysis — tariff analysis arithmetic in fixed prices (see analysis.h).
 */
#include <stdio.h>

#include "core/analysis.h"
#include "core/pl.h"
#include "util/err.h"

void
analysis_init(struct analysis_line_out *out, size_t n,
    struct analysis_summary *s)
{
	size_t i;

	for (i = 0; out != NULL && i < n; i++)
		mpq_inits(out[i].from_fixed_ore, out[i].real_change, NULL);
	if (s != NULL) {
		s->n = 0;
		s->weighted = false;
		mpq_inits(s->unweighted_mean, s->weighted_mean,
		    s->expenditure_from_ore, s->expenditure_to_ore, NULL);
	}
}

void
analysis_clear(struct analysis_line_out *out, size_t n,
    struct analysis_summary *s)
{
	size_t i;

	for (i = 0; out != NULL && i < n; i++)
		mpq_clears(out[i].from_fixed_ore, out[i].real_change, NULL);
	if (s != NULL)
		mpq_clears(s->unweighted_mean, s->weighted_mean,
		    s->expenditure_from_ore, s->expenditure_to_ore, NULL);
}

static const char *
line_name(const struct analysis_line *l, size_t i, char *buf, size_t n)
{
	if (l->id != NULL && l->id[0] != '\0')
		snprintf(buf, n, "%.60s", l->id);
	else
		snprintf(buf, n, "%zu", i + 1);
	return buf;
}

static int
check_line(const struct analysis_line *l, size_t i, struct err *e)
{
	char name[64], field[64];

	line_name(l, i, name, sizeof(name));
	if (l->tariff_from_ore <= 0) {
		snprintf(field, sizeof(field), "lines[%zu].tariff_from_ore", i);
		return err_set(e, ERR_INVALID, "analysis_zero_tariff", field,
		    "Linje %s har ingen takst i fra-året, så den reale "
		    "udvikling kan ikke beregnes", name);
	}
	if (l->tariff_to_ore < 0) {
		snprintf(field, sizeof(field), "lines[%zu].tariff_to_ore", i);
		return err_set(e, ERR_INVALID, "analysis_tariff", field,
		    "Linje %s har en negativ takst i til-året", name);
	}
	if (l->places_e2 < 0 || l->places_e2 > ANALYSIS_PLACES_MAX) {
		snprintf(field, sizeof(field), "lines[%zu].places", i);
		return err_set(e, ERR_INVALID, "analysis_places", field,
		    "Linje %s: antal pladser skal være mellem 0 og "
		    "1.000.000", name);
	}
	return 0;
}

int
analysis_compute(const struct analysis_line *lines, size_t n,
    const mpq_t factor, struct analysis_line_out *out,
    struct analysis_summary *s, struct err *e)
{
	mpq_t	t, w;
	size_t	i;
	int	rc;

	if (n == 0)
		return err_set(e, ERR_INVALID, "analysis_empty", "lines",
		    "Analysen har ingen linjer i begge år");
	if (n > ANALYSIS_LINES_MAX)
		return err_set(e, ERR_INVALID, "analysis_too_many", "lines",
		    "Analysen har for mange linjer (højst %d)",
		    ANALYSIS_LINES_MAX);
	if (mpq_sgn(factor) <= 0)
		return err_set(e, ERR_INVALID, "analysis_factor", "factor",
		    "PL-faktoren skal være større end 0");
	for (i = 0; i < n; i++)
		if ((rc = check_line(&lines[i], i, e)) != 0)
			return rc;

	mpq_inits(t, w, NULL);
	s->n = n;
	mpq_set_ui(s->unweighted_mean, 0, 1);
	mpq_set_ui(s->expenditure_from_ore, 0, 1);
	mpq_set_ui(s->expenditure_to_ore, 0, 1);
	for (i = 0; i < n; i++) {
		const struct analysis_line *l = &lines[i];

		mpq_set_si(out[i].from_fixed_ore, (long)l->tariff_from_ore, 1);
		mpq_mul(out[i].from_fixed_ore, out[i].from_fixed_ore, factor);
		mpq_set_si(t, (long)l->tariff_to_ore, 1);
		mpq_div(out[i].real_change, t, out[i].from_fixed_ore);
		mpq_set_si(w, -1, 1);
		mpq_add(out[i].real_change, out[i].real_change, w);
		mpq_add(s->unweighted_mean, s->unweighted_mean,
		    out[i].real_change);

		/* weights in whole places: places_e2 / 100 */
		mpq_set_si(w, (long)l->places_e2, 100);
		mpq_canonicalize(w);
		mpq_mul(t, w, out[i].from_fixed_ore);
		mpq_add(s->expenditure_from_ore, s->expenditure_from_ore, t);
		mpq_set_si(t, (long)l->tariff_to_ore, 1);
		mpq_mul(t, t, w);
		mpq_add(s->expenditure_to_ore, s->expenditure_to_ore, t);
	}
	mpq_set_ui(t, (unsigned long)n, 1);
	mpq_div(s->unweighted_mean, s->unweighted_mean, t);
	s->weighted = mpq_sgn(s->expenditure_from_ore) > 0;
	if (s->weighted) {
		mpq_div(s->weighted_mean, s->expenditure_to_ore,
		    s->expenditure_from_ore);
		mpq_set_si(t, -1, 1);
		mpq_add(s->weighted_mean, s->weighted_mean, t);
	} else
		mpq_set_ui(s->weighted_mean, 0, 1);
	mpq_clears(t, w, NULL);
	return 0;
}

int
analysis_cap(int64_t base_ore, const mpq_t factor, int64_t minus_pct_e4,
    mpq_t cap_ore, struct err *e)
{
	mpq_t keep;

	if (base_ore < 0)
		return err_set(e, ERR_INVALID, "analysis_cap", "base_ore",
		    "Grundbeløbet må ikke være negativt");
	if (mpq_sgn(factor) <= 0)
		return err_set(e, ERR_INVALID, "analysis_cap", "factor",
		    "PL-faktoren skal være større end 0");
	if (minus_pct_e4 < 0 || minus_pct_e4 > 100 * PL_PCT_SCALE)
		return err_set(e, ERR_INVALID, "analysis_cap", "minus_pct",
		    "Fradraget i loftet skal ligge mellem 0 %% og 100 %%");
	mpq_init(keep);
	/* 1 − x/100 = (10^6 − x_e4) / 10^6 */
	mpq_set_si(keep, (long)(100 * PL_PCT_SCALE - minus_pct_e4),
	    100UL * PL_PCT_SCALE);
	mpq_canonicalize(keep);
	mpq_set_si(cap_ore, (long)base_ore, 1);
	mpq_mul(cap_ore, cap_ore, factor);
	mpq_mul(cap_ore, cap_ore, keep);
	mpq_clear(keep);
	return 0;
}

bool
analysis_cap_met(int64_t value_ore, const mpq_t cap_ore)
{
	mpq_t	v;
	bool	met;

	mpq_init(v);
	mpq_set_si(v, (long)value_ore, 1);
	met = mpq_cmp(v, cap_ore) <= 0;
	mpq_clear(v);
	return met;
}

int
analysis_pct_str(const mpq_t fraction, int decimals, char *out, size_t n)
{
	mpq_t	p;
	int	rc;

	mpq_init(p);
	mpq_set_ui(p, 100, 1);
	mpq_mul(p, p, fraction);
	rc = pl_mpq_str(p, decimals, out, n);
	mpq_clear(p);
	return rc;
}
