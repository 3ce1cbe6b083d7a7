/*
 * offer_json — JSON form of an offer (see offer_json.h).
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/decimal.h"
#include "core/offer.h"
#include "core/offer_json.h"
#include "util/arena.h"
#include "util/buf.h"
#include "util/err.h"
#include "util/text.h"

static json_t *
str_or_null(const char *s)
{
	return s != NULL ? json_string(s) : json_null();
}

json_t *
offer_to_json(const struct offer *o)
{
	json_t	*j, *arr, *places;
	size_t	 i;
	char	 year[16];

	j = json_object();
	json_object_set_new(j, "id", json_integer(o->id));
	json_object_set_new(j, "version", json_integer(o->version));
	json_object_set_new(j, "name", json_string(o->name ? o->name : ""));
	json_object_set_new(j, "operator_code", str_or_null(o->operator_code));
	json_object_set_new(j, "location_code", str_or_null(o->location_code));
	json_object_set_new(j, "kind", o->kind == OFFER_KIND_UNKNOWN ?
	    json_null() : json_string(offer_kind_name(o->kind)));
	arr = json_array();
	for (i = 0; i < o->nparagraphs; i++)
		json_array_append_new(arr, json_string(o->paragraphs[i]));
	json_object_set_new(j, "paragraphs", arr);
	arr = json_array();
	for (i = 0; i < o->ntarget_groups; i++)
		json_array_append_new(arr, json_string(o->target_groups[i]));
	json_object_set_new(j, "target_groups", arr);
	json_object_set_new(j, "covered", json_boolean(o->covered));
	json_object_set_new(j, "category", str_or_null(o->category));
	places = json_object();
	for (i = 0; i < o->nplaces; i++) {
		snprintf(year, sizeof(year), "%d", o->places[i].year);
		json_object_set_new(places, year,
		    decimal_json(o->places[i].centi, 2));
	}
	json_object_set_new(j, "places", places);
	json_object_set_new(j, "status", json_string(offer_status_name(o->status)));
	json_object_set_new(j, "opened_on", str_or_null(o->opened_on));
	json_object_set_new(j, "status_from", str_or_null(o->status_from));
	json_object_set_new(j, "tilbudsportal_id",
	    str_or_null(o->tilbudsportal_id));
	json_object_set_new(j, "note", str_or_null(o->note));
	json_object_set_new(j, "source", str_or_null(o->source));
	if (o->updated_at != NULL)
		json_object_set_new(j, "updated_at", json_string(o->updated_at));
	return j;
}

static int
type_error(struct err *e, const char *field, const char *what)
{
	return err_set(e, ERR_INVALID, "invalid_type", field,
	    "Feltet %s skal være %s", field, what);
}

/* A string or null (→ NULL); empty strings count as null. */
static int
get_opt_string(struct arena *a, json_t *v, const char *field,
    const char **out, struct err *e)
{
	if (json_is_null(v)) {
		*out = NULL;
		return 0;
	}
	if (!json_is_string(v))
		return type_error(e, field, "en tekst eller null");
	*out = json_string_length(v) == 0 ? NULL :
	    arena_strndup(a, json_string_value(v), json_string_length(v));
	if (*out != NULL && strlen(*out) != json_string_length(v))
		return err_set(e, ERR_INVALID, "invalid_characters", field,
		    "Feltet %s indeholder et nul-tegn", field);
	return 0;
}

static int
get_string_array(struct arena *a, json_t *v, const char *field, size_t max,
    const char ***out, size_t *n, struct err *e)
{
	size_t		 i;
	json_t		*item;
	const char	**arr;

	if (json_is_null(v)) {
		*out = NULL;
		*n = 0;
		return 0;
	}
	if (!json_is_array(v))
		return type_error(e, field, "en liste af tekster");
	if (json_array_size(v) > max)
		return err_set(e, ERR_INVALID, "too_many_items", field,
		    "Feltet %s må højst have %zu elementer", field, max);
	arr = arena_calloc(a, json_array_size(v) + 1, sizeof(*arr));
	json_array_foreach(v, i, item) {
		if (!json_is_string(item))
			return type_error(e, field, "en liste af tekster");
		arr[i] = arena_strndup(a, json_string_value(item),
		    json_string_length(item));
		if (strlen(arr[i]) != json_string_length(item))
			return err_set(e, ERR_INVALID, "invalid_characters",
			    field, "Feltet %s indeholder et nul-tegn", field);
	}
	*out = arr;
	*n = json_array_size(v);
	return 0;
}

static int
get_places(struct arena *a, json_t *v, struct offer *o, struct err *e)
{
	const char		*key;
	json_t			*val;
	struct offer_places	*p;
	size_t			 k = 0;
	int64_t			 year, centi;
	int			 rc;

	if (json_is_null(v)) {
		o->places = NULL;
		o->nplaces = 0;
		return 0;
	}
	if (!json_is_object(v))
		return type_error(e, "places", "et objekt med år som nøgler");
	if (json_object_size(v) > OFFER_YEARS_MAX)
		return err_set(e, ERR_INVALID, "too_many_years", "places",
		    "Højst %d år med pladstal", OFFER_YEARS_MAX);
	p = arena_calloc(a, json_object_size(v) + 1, sizeof(*p));
	json_object_foreach(v, key, val) {
		if (text_parse_i64(key, &year) != 0 || key[0] == '+' ||
		    key[0] == '-' || year < OFFER_YEAR_MIN ||
		    year > OFFER_YEAR_MAX)
			return err_set(e, ERR_INVALID, "invalid_year", "places",
			    "Ugyldigt år for pladser: %.10s", key);
		if (json_is_integer(val)) {
			json_int_t iv = json_integer_value(val);
			if (iv < 0)
				return err_set(e, ERR_INVALID, "invalid_places",
				    "places", "Antal pladser kan ikke være "
				    "negativt");
			if (iv > OFFER_PLACES_MAX / 100)
				return err_set(e, ERR_INVALID, "invalid_places",
				    "places", "Antal pladser er urimeligt stort "
				    "(højst %d)", OFFER_PLACES_MAX / 100);
			centi = (int64_t)iv * 100;
		} else if (json_is_real(val)) {
			rc = decimal_from_json(val, 2,
			    OFFER_PLACES_MAX / 100 + 1, &centi);
			if (rc == DECIMAL_TOO_PRECISE)
				return err_set(e, ERR_INVALID, "invalid_places",
				    "places", "Antal pladser må højst have to "
				    "decimaler");
			if (rc != 0 || centi > OFFER_PLACES_MAX)
				return err_set(e, ERR_INVALID, "invalid_places",
				    "places", "Antal pladser er urimeligt stort "
				    "(højst %d)", OFFER_PLACES_MAX / 100);
			if (centi < 0)
				return err_set(e, ERR_INVALID, "invalid_places",
				    "places", "Antal pladser kan ikke være "
				    "negativt");
		} else
			return type_error(e, "places", "tal");
		p[k].year = (int)year;
		p[k].centi = centi;
		k++;
	}
	/* Ascending years. */
	for (size_t i = 1; i < k; i++)
		for (size_t m = i; m > 0 && p[m - 1].year > p[m].year; m--) {
			struct offer_places t = p[m];
			p[m] = p[m - 1];
			p[m - 1] = t;
		}
	o->places = p;
	o->nplaces = k;
	return 0;
}

int
offer_from_json(struct arena *a, json_t *j, struct offer *o, struct err *e)
{
	const char	*key, *s;
	json_t		*v;
	int		 rc;

	if (!json_is_object(j))
		return err_set(e, ERR_INVALID, "invalid_json", NULL,
		    "Et tilbud skal sendes som et JSON-objekt");
	json_object_foreach(j, key, v) {
		rc = 0;
		if (strcmp(key, "id") == 0 || strcmp(key, "version") == 0 ||
		    strcmp(key, "updated_at") == 0)
			continue;
		if (strcmp(key, "name") == 0) {
			if (!json_is_string(v))
				return type_error(e, key, "en tekst");
			o->name = arena_strndup(a, json_string_value(v),
			    json_string_length(v));
			if (strlen(o->name) != json_string_length(v))
				return err_set(e, ERR_INVALID,
				    "invalid_characters", key,
				    "Navnet indeholder et nul-tegn");
		} else if (strcmp(key, "operator_code") == 0)
			rc = get_opt_string(a, v, key, &o->operator_code, e);
		else if (strcmp(key, "location_code") == 0)
			rc = get_opt_string(a, v, key, &o->location_code, e);
		else if (strcmp(key, "kind") == 0) {
			if ((rc = get_opt_string(a, v, key, &s, e)) == 0 &&
			    offer_kind_parse(s, &o->kind) != 0)
				return err_set(e, ERR_INVALID, "invalid_kind",
				    key, "Ukendt tilbudstype: %.40s (gyldige: "
				    "residential, day, outpatient, "
				    "secure_institution, special_education, "
				    "respite, supervision)", s);
		} else if (strcmp(key, "paragraphs") == 0)
			rc = get_string_array(a, v, key, OFFER_PARAGRAPHS_MAX,
			    &o->paragraphs, &o->nparagraphs, e);
		else if (strcmp(key, "target_groups") == 0)
			rc = get_string_array(a, v, key, OFFER_GROUPS_MAX,
			    &o->target_groups, &o->ntarget_groups, e);
		else if (strcmp(key, "covered") == 0) {
			if (!json_is_boolean(v))
				return type_error(e, key, "true eller false");
			o->covered = json_is_true(v);
		} else if (strcmp(key, "category") == 0)
			rc = get_opt_string(a, v, key, &o->category, e);
		else if (strcmp(key, "places") == 0)
			rc = get_places(a, v, o, e);
		else if (strcmp(key, "status") == 0) {
			if (!json_is_string(v))
				return type_error(e, key, "en tekst");
			if (offer_status_parse(json_string_value(v),
			    &o->status) != 0)
				return err_set(e, ERR_INVALID, "invalid_status",
				    key, "Ukendt status (gyldige: active, "
				    "closing, closed)");
		} else if (strcmp(key, "opened_on") == 0)
			rc = get_opt_string(a, v, key, &o->opened_on, e);
		else if (strcmp(key, "status_from") == 0)
			rc = get_opt_string(a, v, key, &o->status_from, e);
		else if (strcmp(key, "tilbudsportal_id") == 0) {
			if (json_is_integer(v))
				o->tilbudsportal_id = arena_printf(a, "%lld",
				    (long long)json_integer_value(v));
			else
				rc = get_opt_string(a, v, key,
				    &o->tilbudsportal_id, e);
		} else if (strcmp(key, "note") == 0)
			rc = get_opt_string(a, v, key, &o->note, e);
		else if (strcmp(key, "source") == 0)
			rc = get_opt_string(a, v, key, &o->source, e);
		else
			return err_set(e, ERR_INVALID, "unknown_field", key,
			    "Ukendt felt: %.60s", key);
		if (rc != 0)
			return rc;
	}
	return 0;
}
