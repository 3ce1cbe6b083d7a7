/*
 * api — JSON API helpers (see api.h).
 */
#include <microhttpd.h>
#include <string.h>
#include <strings.h>

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
