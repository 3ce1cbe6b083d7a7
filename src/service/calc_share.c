/*
 * calc_share — the calculators of sharing: a pool split among organisations
 * by weights to whole kroner (core/split), and the post-adjustment of a
 * secure institution (core/postadj), as JSON.
 */
#include <jansson.h>
#include <stdbool.h>
#include <string.h>

#include "core/money.h"
#include "core/postadj.h"
#include "core/split.h"
#include "service/calc.h"
#include "service/calc_impl.h"
#include "util/err.h"
#include "util/text.h"

/*
 * The weights {code: integer ≥ 0, ...} of in into rows[0..*n). *copy
 * receives a copy of the object that owns the codes (json_decref it);
 * jansson iterates only a mutable object.
 */
static int
read_weights(const json_t *in, struct split_row *rows, size_t *n,
    json_t **copy, struct err *e)
{
	const json_t	*w;
	const char	*code;
	json_t		*v;
	char		 path[128];
	int		 rc = 0;

	*n = 0;
	*copy = NULL;
	if ((w = field(in, "weights")) == NULL)
		return missing(e, "weights");
	if (!json_is_object(w))
		return type_error(e, "weights", "et objekt med en vægt pr. "
		    "kode");
	if (json_object_size(w) > SPLIT_MAX_ROWS)
		return err_set(e, ERR_INVALID, "too_many_weights", "weights",
		    "Der kan højst fordeles mellem %d", SPLIT_MAX_ROWS);
	*copy = json_deep_copy(w);
	json_object_foreach(*copy, code, v) {
		path_of(path, sizeof(path), "weights", code);
		if (!json_is_integer(v)) {
			rc = type_error(e, path, "et heltal");
			break;
		}
		if ((rc = int_value(v, path, &rows[*n].weight, e)) != 0)
			break;
		if (strlen(code) == 0 || strlen(code) > 32 ||
		    text_has_controls(code)) {
			rc = err_set(e, ERR_INVALID, "invalid_code",
			    "weights", "En kode i weights skal være 1-32 "
			    "tegn uden kontroltegn");
			break;
		}
		rows[*n].code = code;
		rows[*n].amount_ore = 0;
		(*n)++;
	}
	if (rc != 0) {
		json_decref(*copy);
		*copy = NULL;
	}
	return rc;
}

/* The allocations of rows[0..n) as {code: øre, ...}. */
static json_t *
allocations_json(const struct split_row *rows, size_t n)
{
	json_t	*alloc = json_object();
	size_t	 i;

	for (i = 0; i < n; i++)
		json_object_set_new(alloc, rows[i].code,
		    json_integer(rows[i].amount_ore));
	return alloc;
}

/* split: a pool by integer weights keyed by organisation code. */
int
calc_split(const json_t *in, json_t **out, struct err *e)
{
	static const char *const allowed[] = { "pool_ore", "unit_ore",
	    "weights", NULL };
	struct split_row	 rows[SPLIT_MAX_ROWS];
	json_t			*copy;
	int64_t			 pool = 0, unit = 100;
	size_t			 n = 0;
	int			 rc;

	if ((rc = check_fields(in, allowed, NULL, e)) != 0 ||
	    (rc = get_ore(in, "pool_ore", NULL, true, &pool, NULL, e)) != 0 ||
	    (rc = get_ore(in, "unit_ore", NULL, false, &unit, NULL, e)) != 0 ||
	    (rc = read_weights(in, rows, &n, &copy, e)) != 0)
		return rc;
	if ((rc = split_allocate(pool, unit, rows, n, e)) != 0) {
		json_decref(copy);
		return rc;
	}
	*out = json_pack("{s:o, s:I}", "allocations",
	    allocations_json(rows, n), "total_ore", (json_int_t)pool);
	json_decref(copy);
	return 0;
}

/*
 * post-adjustment: a secure institution's year settled against its
 * assumed occupancy, the difference shared by weights to the øre.
 */
int
calc_post_adjustment(const json_t *in, json_t **out, struct err *e)
{
	static const char *const allowed[] = { "places", "day_basis",
	    "cost_ore", "assumed_occupancy_pct", "occupied_days",
	    "rounding_ore", "weights", NULL };
	struct split_row	 rows[SPLIT_MAX_ROWS];
	struct postadj_input	 pi;
	struct postadj_result	 pr;
	json_t			*copy, *o;
	size_t			 n = 0;
	int			 rc;

	memset(&pi, 0, sizeof(pi));
	pi.rounding_ore = 100;
	if ((rc = check_fields(in, allowed, NULL, e)) != 0 ||
	    (rc = get_centi(in, "places", NULL, true, &pi.places_centi, NULL,
	    e)) != 0 ||
	    (rc = get_int(in, "day_basis", NULL, true, &pi.day_basis, NULL,
	    e)) != 0 ||
	    (rc = get_ore(in, "cost_ore", NULL, true, &pi.cost_ore, NULL,
	    e)) != 0 ||
	    (rc = get_centi(in, "assumed_occupancy_pct", NULL, true,
	    &pi.assumed_bp, NULL, e)) != 0 ||
	    (rc = get_int(in, "occupied_days", NULL, true, &pi.occupied_days,
	    NULL, e)) != 0 ||
	    (rc = get_ore(in, "rounding_ore", NULL, false, &pi.rounding_ore,
	    NULL, e)) != 0 ||
	    (rc = postadj_compute(&pi, &pr, e)) != 0 ||
	    (rc = read_weights(in, rows, &n, &copy, e)) != 0)
		return rc;
	if ((rc = split_allocate(pr.difference_ore, 1, rows, n, e)) != 0) {
		json_decref(copy);
		return rc;
	}
	o = json_object();
	json_object_set_new(o, "tariff_exact_ore",
	    json_loads(pr.tariff_exact, JSON_DECODE_ANY, NULL));
	json_object_set_new(o, "tariff_ore", json_integer(pr.tariff_ore));
	json_object_set_new(o, "billed_ore", json_integer(pr.billed_ore));
	json_object_set_new(o, "difference_ore",
	    json_integer(pr.difference_ore));
	json_object_set_new(o, "allocations", allocations_json(rows, n));
	json_decref(copy);
	*out = o;
	return 0;
}

/* fixed-prices and analysis: the PL series of the input */

