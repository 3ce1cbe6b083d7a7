/*
 * api — JSON API helpers (see api.h).
 */
#include <math.h>
#include <microhttpd.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "core/decimal.h"
#include "http/api.h"
#include "http/http.h"
#include "util/text.h"

int
api_body(struct http_req *r, json_t **out, struct err *e)
{
	const char	*ct;
	json_error_t	 je;

	*out = NULL;
	ct = http_header(r, MHD_HTTP_HEADER_CONTENT_TYPE);
	if (ct == NULL || strncasecmp(ct, "application/json", 16) != 0 ||
	    (ct[16] != '\0' && ct[16] != ';' && ct[16] != ' '))
		return err_set(e, ERR_UNSUPPORTED, "unsupported_media_type",
		    NULL, "Indholdet skal sendes som application/json");
	if (!text_utf8_valid(buf_str(&r->body), r->body.len))
		return err_set(e, ERR_INVALID, "invalid_utf8", NULL,
		    "Indholdet er ikke gyldig UTF-8");
	*out = json_loadb(buf_str(&r->body), r->body.len,
	    JSON_REJECT_DUPLICATES, &je);
	if (*out == NULL)
		return err_set(e, ERR_INVALID, "invalid_json", NULL,
		    "Ugyldig JSON omkring linje %d, kolonne %d", je.line,
		    je.column);
	if (!json_is_object(*out)) {
		json_decref(*out);
		*out = NULL;
		return err_set(e, ERR_INVALID, "invalid_json", NULL,
		    "Indholdet skal være et JSON-objekt");
	}
	return 0;
}

int
api_param_id(struct http_req *r, int n, int64_t *out, struct err *e)
{
	const char *s = n < r->nparams ? r->params[n] : NULL;

	if (s == NULL || text_parse_i64(s, out) != 0 || *out <= 0 ||
	    s[0] == '+' || s[0] == '0')
		return err_set(e, ERR_NOT_FOUND, "not_found", NULL,
		    "Findes ikke");
	return 0;
}

int
api_if_match(struct http_req *r, int64_t *version, struct err *e)
{
	const char	*h = http_header(r, MHD_HTTP_HEADER_IF_MATCH);
	char		 digits[24];
	size_t		 n;

	if (h == NULL)
		return err_set(e, ERR_PRECONDITION_REQ, "if_match_required",
		    NULL, "Ændringer kræver headeren If-Match med tilbuddets "
		    "ETag, så ingen ændring går tabt");
	if (strncmp(h, "W/", 2) == 0)
		h += 2;
	n = strlen(h);
	if (n < 3 || n > 22 || h[0] != '"' || h[n - 1] != '"')
		goto bad;
	memcpy(digits, h + 1, n - 2);
	digits[n - 2] = '\0';
	if (text_parse_i64(digits, version) != 0 || *version <= 0)
		goto bad;
	return 0;
bad:
	return err_set(e, ERR_PRECONDITION, "stale_version", NULL,
	    "If-Match passer ikke til den gemte version; hent den igen");
}

void
api_etag(struct http_req *r, int64_t version)
{
	http_set_header(r, MHD_HTTP_HEADER_ETAG,
	    arena_printf(&r->arena, "\"%lld\"", (long long)version));
}

#define INT_INPUT_MAX	INT64_C(10000000000000)	/* |integer| accepted */
#define CENTI_INPUT_MAX	100000000		/* |decimal| accepted */

/* ---- reading JSON fields ---------------------------------------------- */

int
api_type_error(struct err *e, const char *path, const char *what)
{
	return err_set(e, ERR_INVALID, "invalid_type", path,
	    "Feltet %s skal være %s", path, what);
}

/* obj holds only keys from allowed (NULL-terminated). */
int
api_fields(const json_t *obj, const char *const *allowed, const char *prefix,
    struct err *e)
{
	const char	*key;
	json_t		*v;
	size_t		 i;
	void		*it;

	if (!json_is_object(obj))
		return api_type_error(e, prefix ? prefix : "indholdet", "et "
		    "objekt");
	for (it = json_object_iter((json_t *)(uintptr_t)obj); it != NULL;
	    it = json_object_iter_next((json_t *)(uintptr_t)obj, it)) {
		key = json_object_iter_key(it);
		v = json_object_iter_value(it);
		(void)v;
		for (i = 0; allowed[i] != NULL; i++)
			if (strcmp(key, allowed[i]) == 0)
				break;
		if (allowed[i] == NULL)
			return err_set(e, ERR_INVALID, "unknown_field", key,
			    "Ukendt felt: %s%s%.60s", prefix ? prefix : "",
			    prefix ? "." : "", key);
	}
	return 0;
}

/* The value of key, or NULL when absent or null. */
const json_t *
api_field(const json_t *obj, const char *key)
{
	const json_t *v = json_object_get(obj, key);

	return v == NULL || json_is_null(v) ? NULL : v;
}

const char *
api_path(struct http_req *r, const char *prefix, const char *key)
{
	return prefix ? arena_printf(&r->arena, "%s.%s", prefix, key) : key;
}

int
api_int(struct http_req *r, const json_t *obj, const char *prefix,
    const char *key, bool required, int64_t min, int64_t max, int64_t *out,
    struct err *e)
{
	const json_t	*v = api_field(obj, key);
	const char	*p = api_path(r, prefix, key);
	json_int_t	 iv;

	if (v == NULL)
		return required ? err_set(e, ERR_INVALID, "missing_field", p,
		    "Feltet %s mangler", p) : 0;
	if (!json_is_integer(v))
		return api_type_error(e, p, "et heltal");
	iv = json_integer_value(v);
	if (iv < min || iv > max)
		return err_set(e, ERR_INVALID, "out_of_range", p, "Feltet %s "
		    "skal "
		    "ligge mellem %lld og %lld", p, (long long)min,
		    (long long)max);
	*out = (int64_t)iv;
	return 0;
}

/* An amount in øre: an integer; fractions and exponents are refused. */
int
api_ore(struct http_req *r, const json_t *obj, const char *prefix,
    const char *key, bool required, int64_t *out, struct err *e)
{
	const json_t	*v = api_field(obj, key);
	const char	*p = api_path(r, prefix, key);

	if (v == NULL)
		return required ? err_set(e, ERR_INVALID, "missing_field", p,
		    "Feltet %s mangler", p) : 0;
	if (!json_is_integer(v))
		return err_set(e, ERR_INVALID, "invalid_amount", p, "Feltet %s "
		    "skal være et helt antal øre (et heltal uden decimaler)",
		    p);
	if (json_integer_value(v) < -INT_INPUT_MAX ||
	    json_integer_value(v) > INT_INPUT_MAX)
		return err_set(e, ERR_INVALID, "number_too_large", p,
		    "Feltet %s er urimeligt stort", p);
	*out = (int64_t)json_integer_value(v);
	return 0;
}

/* A number with at most two decimals into hundredths. */
int
api_centi_value(const json_t *v, const char *p, int64_t *out, struct err *e)
{
	if (json_is_integer(v)) {
		if (json_integer_value(v) < -INT_INPUT_MAX ||
		    json_integer_value(v) > INT_INPUT_MAX)
			return err_set(e, ERR_INVALID, "number_too_large", p,
			    "Feltet %s er urimeligt stort", p);
		*out = (int64_t)json_integer_value(v) * 100;
		return 0;
	}
	switch (decimal_from_json(v, 2, CENTI_INPUT_MAX, out)) {
	case 0:
		return 0;
	case DECIMAL_NOT_NUMBER:
		return api_type_error(e, p, "et tal");
	case DECIMAL_TOO_LARGE:
		return err_set(e, ERR_INVALID, "number_too_large", p,
		    "Feltet %s er urimeligt stort", p);
	default:
		return err_set(e, ERR_INVALID, "too_many_decimals", p,
		    "Feltet %s må højst have to decimaler", p);
	}
}

int
api_centi(struct http_req *r, const json_t *obj, const char *prefix,
    const char *key, bool required, int64_t *out, struct err *e)
{
	const json_t	*v = api_field(obj, key);
	const char	*p = api_path(r, prefix, key);

	if (v == NULL)
		return required ? err_set(e, ERR_INVALID, "missing_field", p,
		    "Feltet %s mangler", p) : 0;
	return api_centi_value(v, p, out, e);
}

int
api_str(struct http_req *r, const json_t *obj, const char *prefix,
    const char *key, bool required, const char **out, struct err *e)
{
	const json_t	*v = api_field(obj, key);
	const char	*p = api_path(r, prefix, key);

	if (v == NULL)
		return required ? err_set(e, ERR_INVALID, "missing_field", p,
		    "Feltet %s mangler", p) : 0;
	if (!json_is_string(v))
		return api_type_error(e, p, "en tekst");
	*out = arena_strdup(&r->arena, json_string_value(v));
	return 0;
}

/* A text that may be null or absent (*out NULL), or "" (NULL too). */
int
api_opt_str(struct http_req *r, const json_t *obj, const char *prefix,
    const char *key, const char **out, struct err *e)
{
	const json_t *v = api_field(obj, key);

	*out = NULL;
	if (v == NULL || json_is_null(v))
		return 0;
	if (!json_is_string(v))
		return api_type_error(e, api_path(r, prefix, key),
		    "en tekst eller null");
	if (*json_string_value(v) != '\0')
		*out = arena_strdup(&r->arena, json_string_value(v));
	return 0;
}

int
api_bool(const json_t *obj, const char *key, bool *out, struct err *e)
{
	const json_t *v = api_field(obj, key);

	if (v == NULL)
		return 0;
	if (!json_is_boolean(v))
		return api_type_error(e, key, "true eller false");
	*out = json_is_true(v);
	return 0;
}

/* ---- writing JSON ----------------------------------------------------- */

json_t *
api_centi_json(int64_t v)
{
	return decimal_json(v, 2);
}

json_t *
api_opt_json(const char *s)
{
	return s != NULL ? json_string(s) : json_null();
}

void
api_fail(struct http_req *r, json_t *j, const struct err *e)
{
	json_decref(j);
	http_send_error(r, e);
}
