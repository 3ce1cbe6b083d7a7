/*
 * calc_impl — what the parts of service/calc share: the readers of the
 * JSON input, small and inline (each names the field at fault in a Danish
 * message), and the calculators that calc_json() dispatches to in
 * calc_share.c and calc_pl.c. Private to src/service/calc*.c; see calc.h
 * for the interface.
 */
#ifndef RAMME_CALC_IMPL_H
#define RAMME_CALC_IMPL_H

#include <jansson.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "core/decimal.h"
#include "util/err.h"
#include "util/text.h"

struct calc_params;

#define INT_INPUT_MAX	INT64_C(10000000000000)	/* |integer| accepted */
#define CENTI_INPUT_MAX	100000000		/* |decimal| accepted */
#define TEXT_INPUT_MAX	200			/* bytes of a text field */

/* Input reading. */

static inline int
missing(struct err *e, const char *path)
{
	return err_set(e, ERR_INVALID, "missing_field", path,
	    "Feltet %s mangler", path);
}

static inline int
type_error(struct err *e, const char *path, const char *what)
{
	return err_set(e, ERR_INVALID, "invalid_type", path,
	    "Feltet %s skal være %s", path, what);
}

/* "prefix.key" (or "key") into out. */
static inline const char *
path_of(char *out, size_t n, const char *prefix, const char *key)
{
	if (prefix == NULL)
		snprintf(out, n, "%s", key);
	else
		snprintf(out, n, "%s.%s", prefix, key);
	return out;
}

/*
 * obj must be an object holding only keys from allowed (NULL-terminated).
 * The unknown key is found by walking a copy, since jansson's iterator
 * needs a mutable object.
 */
static inline int
check_fields(const json_t *obj, const char *const *allowed,
    const char *prefix, struct err *e)
{
	const char	*key;
	json_t		*copy, *v;
	char		 path[128];
	size_t		 known = 0, i;
	int		 rc = 0;

	if (!json_is_object(obj)) {
		if (prefix == NULL)
			return err_set(e, ERR_INVALID, "invalid_json", NULL,
			    "Inddata skal være et JSON-objekt");
		return type_error(e, prefix, "et objekt");
	}
	for (i = 0; allowed[i] != NULL; i++)
		if (json_object_get(obj, allowed[i]) != NULL)
			known++;
	if (known == json_object_size(obj))
		return 0;
	copy = json_deep_copy(obj);
	json_object_foreach(copy, key, v) {
		for (i = 0; allowed[i] != NULL; i++)
			if (strcmp(key, allowed[i]) == 0)
				break;
		if (allowed[i] == NULL) {
			path_of(path, sizeof(path), prefix, key);
			rc = err_set(e, ERR_INVALID, "unknown_field", path,
			    "Ukendt felt: %.80s", path);
			break;
		}
	}
	json_decref(copy);
	if (rc == 0)
		rc = err_set(e, ERR_INVALID, "unknown_field", prefix,
		    "Ukendt felt i inddata");
	return rc;
}

/* The value of key, or NULL when it is absent or null. */
static inline const json_t *
field(const json_t *obj, const char *key)
{
	const json_t *v = json_object_get(obj, key);

	return v == NULL || json_is_null(v) ? NULL : v;
}

/* An integer value at path (not øre). */
static inline int
int_value(const json_t *v, const char *path, int64_t *out, struct err *e)
{
	json_int_t iv;

	if (!json_is_integer(v))
		return type_error(e, path, "et heltal");
	iv = json_integer_value(v);
	if (iv < -INT_INPUT_MAX || iv > INT_INPUT_MAX)
		return err_set(e, ERR_INVALID, "number_too_large", path,
		    "Feltet %s er urimeligt stort", path);
	*out = (int64_t)iv;
	return 0;
}

/* A money value: an integer number of øre; reals are refused. */
static inline int
ore_value(const json_t *v, const char *path, int64_t *out, struct err *e)
{
	if (!json_is_integer(v))
		return err_set(e, ERR_INVALID, "invalid_amount", path,
		    "Feltet %s skal være et helt antal øre (et heltal uden "
		    "decimaler)", path);
	return int_value(v, path, out, e);
}

/* A number with at most two decimals, into hundredths (see calc.h). */
static inline int
centi_value(const json_t *v, const char *path, int64_t *out, struct err *e)
{
	int64_t	iv = 0;
	int	rc;

	if (json_is_integer(v)) {
		if ((rc = int_value(v, path, &iv, e)) != 0)
			return rc;
		*out = iv * 100;
		return 0;
	}
	switch (decimal_from_json(v, 2, CENTI_INPUT_MAX, out)) {
	case 0:
		return 0;
	case DECIMAL_NOT_NUMBER:
		return type_error(e, path, "et tal");
	case DECIMAL_TOO_LARGE:
		return err_set(e, ERR_INVALID, "number_too_large", path,
		    "Feltet %s er urimeligt stort", path);
	default:
		return err_set(e, ERR_INVALID, "too_many_decimals", path,
		    "Feltet %s må højst have to decimaler", path);
	}
}

/*
 * Read obj.key with fn into *out. An absent (or null) field is an error
 * when required; otherwise *out is left alone. *present (if not NULL)
 * says whether the field was there.
 */
static inline int
get_value(const json_t *obj, const char *key, const char *prefix,
    bool required, int (*fn)(const json_t *, const char *, int64_t *,
    struct err *), int64_t *out, bool *present, struct err *e)
{
	const json_t	*v = field(obj, key);
	char		 path[128];

	path_of(path, sizeof(path), prefix, key);
	if (present != NULL)
		*present = v != NULL;
	if (v == NULL)
		return required ? missing(e, path) : 0;
	return fn(v, path, out, e);
}

static inline int
get_int(const json_t *obj, const char *key, const char *prefix,
    bool required, int64_t *out, bool *present, struct err *e)
{
	return get_value(obj, key, prefix, required, int_value, out, present,
	    e);
}

static inline int
get_ore(const json_t *obj, const char *key, const char *prefix,
    bool required, int64_t *out, bool *present, struct err *e)
{
	return get_value(obj, key, prefix, required, ore_value, out, present,
	    e);
}

static inline int
get_centi(const json_t *obj, const char *key, const char *prefix,
    bool required, int64_t *out, bool *present, struct err *e)
{
	return get_value(obj, key, prefix, required, centi_value, out,
	    present, e);
}

/* A non-empty text field without control characters. */
static inline int
get_text(const json_t *obj, const char *key, bool required,
    const char **out, struct err *e)
{
	const json_t *v = field(obj, key);

	*out = NULL;
	if (v == NULL)
		return required ? missing(e, key) : 0;
	if (!json_is_string(v))
		return type_error(e, key, "en tekst");
	if (json_string_length(v) == 0 ||
	    json_string_length(v) > TEXT_INPUT_MAX ||
	    strlen(json_string_value(v)) != json_string_length(v) ||
	    text_has_controls(json_string_value(v)))
		return err_set(e, ERR_INVALID, "invalid_text", key,
		    "Feltet %s skal være en tekst på 1-%d tegn uden "
		    "kontroltegn", key, TEXT_INPUT_MAX);
	*out = json_string_value(v);
	return 0;
}

/* ---- calc_share.c ---------------------------------------------------- */

/* split: a pool by integer weights keyed by organisation code. */
int	calc_split(const json_t *in, json_t **out, struct err *e);

/*
 * post-adjustment: a secure institution's year settled against its
 * assumed occupancy, the difference shared by weights to the øre.
 */
int	calc_post_adjustment(const json_t *in, json_t **out, struct err *e);

/* ---- calc_pl.c ------------------------------------------------------- */

/*
 * fixed-prices: an amount restated from one year's prices to another's
 * through the price-and-wage series (src's, or one given in the input).
 */
int	calc_fixed_prices(const struct calc_params *src, const json_t *in,
	    json_t **out, struct err *e);

/*
 * analysis: the real change of tariff lines in fixed prices, the means
 * and the cap "PL − x %" (core/analysis).
 */
int	calc_analysis(const struct calc_params *src, const json_t *in,
	    json_t **out, struct err *e);

#endif
