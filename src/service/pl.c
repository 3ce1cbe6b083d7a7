/*
 * pl — reading the stored price-and-wage series (see pl.h); the import
 * and export are in pl_io.c.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "service/pl.h"
#include "service/svc.h"
#include "store/db.h"
#include "util/arena.h"
#include "util/err.h"

static const struct {
	const char	*name;
	const char	*title;
} known[] = {
	{ "state_general_pl", "Statens generelle pris- og lønudvikling" },
	{ "kl_service_pl", "KL's pris- og lønskøn for serviceudgifter" },
};

const char *
pl_known_title(const char *name)
{
	size_t i;

	for (i = 0; name != NULL && i < sizeof(known) / sizeof(known[0]); i++)
		if (strcmp(known[i].name, name) == 0)
			return known[i].title;
	return NULL;
}

int
pl_list(struct svc *s, struct pl_series_row **out, size_t *n, struct err *e)
{
	int rc;

	if ((rc = db_begin(s->db, DB_READ, e)) != 0)
		return rc;
	rc = pl_store_list(s->db, s->arena, out, n, e);
	db_rollback(s->db);
	return rc;
}

static int
not_found(struct err *e, const char *name)
{
	return err_set(e, ERR_NOT_FOUND, "not_found", "series",
	    "PL-serien findes ikke: %.64s", name);
}

/* Within a read transaction: the series and the values of a version. */
static int
load(struct svc *s, const char *name, int version,
    struct pl_series_row *sr, struct pl_version_row *vr,
    struct pl_value_row **vals, size_t *n, struct err *e)
{
	int rc;

	if ((rc = pl_store_get(s->db, s->arena, name, sr, e)) != 0)
		return rc == ERR_NOT_FOUND ? not_found(e, name) : rc;
	if (version == 0)
		version = sr->version;
	if (version == 0)
		return err_set(e, ERR_NOT_FOUND, "not_found", "version",
		    "PL-serien %.64s har ingen versioner", name);
	rc = pl_store_values(s->db, s->arena, sr->id, version, vr, vals, n,
	    e);
	if (rc == ERR_NOT_FOUND)
		return err_set(e, ERR_NOT_FOUND, "not_found", "version",
		    "PL-serien %.64s har ikke en version %d", name, version);
	return rc;
}

/* The default base year: the last year ≤ this year, else the last one. */
static int
default_base(const struct svc *s, const struct pl_value_row *v, size_t n)
{
	int	this_year = atoi(s->now_iso), base = 0;
	size_t	i;

	for (i = 0; i < n; i++)
		if (v[i].year <= this_year)
			base = v[i].year;
	return base != 0 || n == 0 ? base : v[n - 1].year;
}

int
pl_show(struct svc *s, const char *name, int version, int base_year,
    struct pl_series_view *v, struct err *e)
{
	struct pl_year	*ys;
	size_t		 i;
	int		 rc;

	memset(v, 0, sizeof(*v));
	if ((rc = db_begin(s->db, DB_READ, e)) != 0)
		return rc;
	if ((rc = load(s, name, version, &v->series, &v->version, &v->values,
	    &v->nvalues, e)) == 0)
		rc = pl_store_versions(s->db, s->arena, v->series.id,
		    &v->versions, &v->nversions, e);
	db_rollback(s->db);
	if (rc != 0)
		return rc;
	v->current = v->version.version == v->series.version;
	if (v->nvalues == 0)
		return 0;
	ys = arena_calloc(s->arena, v->nvalues, sizeof(*ys));
	for (i = 0; i < v->nvalues; i++) {
		ys[i].year = v->values[i].year;
		ys[i].pct_e4 = v->values[i].pct_e4;
		if (ys[i].year == base_year)
			v->index_base = base_year;
	}
	if (v->index_base == 0)
		v->index_base = default_base(s, v->values, v->nvalues);
	v->index = arena_calloc(s->arena, v->nvalues, sizeof(*v->index));
	if (pl_index(ys, v->nvalues, v->index_base, v->index, v->nvalues,
	    &v->nindex, NULL) != 0) {
		v->index_base = 0;
		v->nindex = 0;
	}
	return 0;
}

int
pl_years(struct svc *s, const char *name, int version, struct pl_year *out,
    size_t max, size_t *n, int *version_out, struct err *e)
{
	struct pl_series_row	 sr;
	struct pl_version_row	 vr;
	struct pl_value_row	*vals;
	size_t			 nv, i;
	int			 rc;

	*n = 0;
	if ((rc = db_begin(s->db, DB_READ, e)) != 0)
		return rc;
	rc = load(s, name, version, &sr, &vr, &vals, &nv, e);
	db_rollback(s->db);
	if (rc != 0)
		return rc;
	if (nv > max)
		return err_set(e, ERR_INVALID, "pl_too_many_years", "series",
		    "PL-serien har for mange år");
	for (i = 0; i < nv; i++) {
		out[i].year = vals[i].year;
		out[i].pct_e4 = vals[i].pct_e4;
	}
	*n = nv;
	if (version_out != NULL)
		*version_out = vr.version;
	return 0;
}

int
pl_calc_lookup(void *arg, const char *name, struct pl_year *out, size_t max,
    size_t *n, struct err *e)
{
	return pl_years(arg, name, 0, out, max, n, NULL, e);
}
