/*
 * request — reading requests and queueing responses (see http.h).
 */
#include <microhttpd.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "core/decimal.h"
#include "http/cache.h"
#include "http/form.h"
#include "http/http.h"
#include "http/page.h"
#include "http/server.h"
#include "service/account.h"
#include "util/text.h"

const char *
http_header(struct http_req *r, const char *name)
{
	return MHD_lookup_connection_value(r->conn, MHD_HEADER_KIND, name);
}

const char *
http_site_url(struct http_req *r)
{
	const char	*pub = http_server_public_url(r->srv);
	const char	*host;

	if (pub != NULL)
		return pub;
	host = http_header(r, "Host");
	if (host == NULL || !http_host_valid(host, strlen(host)))
		return NULL;
	return arena_printf(&r->arena, "%s://%s",
	    http_server_secure(r->srv) ? "https" : "http", host);
}

const char *
http_query(struct http_req *r, const char *name)
{
	const char *v;

	v = MHD_lookup_connection_value(r->conn, MHD_GET_ARGUMENT_KIND, name);
	if (v != NULL && !text_utf8_valid(v, strlen(v)))
		return NULL;
	return v;
}

struct query_check {
	const char *const	*allowed;
	const char		*bad;		/* unknown name */
	const char		*bad_utf8;	/* name with invalid value */
};

static enum MHD_Result
query_iter(void *cls, enum MHD_ValueKind kind, const char *key,
    const char *value)
{
	struct query_check	*q = cls;
	int			 i;

	(void)kind;
	for (i = 0; q->allowed[i] != NULL; i++)
		if (strcmp(key, q->allowed[i]) == 0)
			break;
	if (q->allowed[i] == NULL) {
		q->bad = key;
		return MHD_NO;
	}
	if (value != NULL && !text_utf8_valid(value, strlen(value))) {
		q->bad_utf8 = key;
		return MHD_NO;
	}
	return MHD_YES;
}

int
http_query_check(struct http_req *r, const char *const *allowed,
    struct err *e)
{
	struct query_check q = { allowed, NULL, NULL };

	MHD_get_connection_values(r->conn, MHD_GET_ARGUMENT_KIND, query_iter,
	    &q);
	if (q.bad != NULL)
		return err_set(e, ERR_INVALID, "unknown_parameter",
		    arena_strdup(&r->arena, q.bad), "Ukendt parameter: %.40s",
		    q.bad);
	if (q.bad_utf8 != NULL)
		return err_set(e, ERR_INVALID, "invalid_utf8",
		    arena_strdup(&r->arena, q.bad_utf8),
		    "Parameteren %.40s er ikke gyldig UTF-8", q.bad_utf8);
	return 0;
}

const char *
http_cookie(struct http_req *r, const char *name)
{
	return MHD_lookup_connection_value(r->conn, MHD_COOKIE_KIND, name);
}

/* ---- forms --------------------------------------------------------- */

static void
form_parse(struct http_req *r)
{
	const char *ctype;

	if (r->form_parsed)
		return;
	r->form_parsed = true;
	r->form = arena_calloc(&r->arena, HTTP_MAX_FORM, sizeof(*r->form));
	ctype = http_header(r, MHD_HTTP_HEADER_CONTENT_TYPE);
	if (form_body_parse(&r->arena, ctype, buf_str(&r->body), r->body.len,
	    r->form, HTTP_MAX_FORM, &r->nform) != 0)
		r->nform = -1;
}

const char *
http_form(struct http_req *r, const char *name)
{
	int i;

	form_parse(r);
	for (i = 0; i < r->nform; i++)
		if (strcmp(r->form[i].name, name) == 0 &&
		    r->form[i].filename == NULL) {
			if (strlen(r->form[i].value) != r->form[i].len ||
			    !text_utf8_valid(r->form[i].value, r->form[i].len))
				return NULL;
			return r->form[i].value;
		}
	return NULL;
}

const struct http_field *
http_form_file(struct http_req *r, const char *name)
{
	int i;

	form_parse(r);
	for (i = 0; i < r->nform; i++)
		if (strcmp(r->form[i].name, name) == 0 &&
		    r->form[i].filename != NULL)
			return &r->form[i];
	return NULL;
}

size_t
http_form_files(struct http_req *r, const char *name,
    const struct http_field **out, size_t max)
{
	size_t	n = 0;
	int	i;

	form_parse(r);
	for (i = 0; i < r->nform; i++)
		if (strcmp(r->form[i].name, name) == 0 &&
		    r->form[i].filename != NULL) {
			if (n < max)
				out[n] = &r->form[i];
			n++;
		}
	return n;
}

size_t
http_form_values(struct http_req *r, const char *name, const char **out,
    size_t max)
{
	size_t	n = 0;
	int	i;

	form_parse(r);
	for (i = 0; i < r->nform; i++)
		if (strcmp(r->form[i].name, name) == 0 &&
		    r->form[i].filename == NULL &&
		    strlen(r->form[i].value) == r->form[i].len &&
		    text_utf8_valid(r->form[i].value, r->form[i].len)) {
			if (n < max)
				out[n] = r->form[i].value;
			n++;
		}
	return n;
}

int
http_form_error(struct http_req *r, struct err *e)
{
	int i;

	form_parse(r);
	if (r->nform < 0)
		return err_set(e, ERR_INVALID, "invalid_form", NULL,
		    "Formularen kunne ikke læses");
	for (i = 0; i < r->nform; i++)
		if (r->form[i].filename == NULL &&
		    (strlen(r->form[i].value) != r->form[i].len ||
		    !text_utf8_valid(r->form[i].value, r->form[i].len)))
			return err_set(e, ERR_INVALID, "invalid_utf8",
			    r->form[i].name, "Feltet %.40s er ikke gyldig "
			    "UTF-8-tekst", r->form[i].name);
	return 0;
}

/* ---- responses ----------------------------------------------------- */

void
http_set_header(struct http_req *r, const char *name, const char *value)
{
	if (r->nhdr < HTTP_MAX_HEADERS) {
		r->hdr_name[r->nhdr] = name;
		r->hdr_value[r->nhdr] = value;
		r->nhdr++;
	}
}

/* Add the common headers to resp and queue it as the answer to r. */
static void
queue(struct http_req *r, int status, const char *type,
    struct MHD_Response *resp, size_t len)
{
	int i, cache_set = 0;

	if (type != NULL)
		MHD_add_response_header(resp, MHD_HTTP_HEADER_CONTENT_TYPE, type);
	MHD_add_response_header(resp, "X-Content-Type-Options", "nosniff");
	MHD_add_response_header(resp, "Referrer-Policy", "same-origin");
	MHD_add_response_header(resp, "X-Frame-Options", "DENY");
	/* Behind TLS (secure cookies): browsers keep to https for a year. */
	if (http_server_secure(r->srv))
		MHD_add_response_header(resp, "Strict-Transport-Security",
		    "max-age=31536000; includeSubDomains");
	/* The OParl API is public and read only: any site may read it. */
	if (r->path != NULL && strncmp(r->path, "/oparl/", 7) == 0)
		MHD_add_response_header(resp, "Access-Control-Allow-Origin",
		    "*");
	if (type != NULL && strncmp(type, "text/html", 9) == 0)
		MHD_add_response_header(resp, "Content-Security-Policy",
		    "default-src 'self'; script-src 'self'; style-src 'self'; "
		    "img-src 'self' data:; form-action 'self'; "
		    "frame-ancestors 'none'; base-uri 'none'");
	for (i = 0; i < r->nhdr; i++) {
		if (strcasecmp(r->hdr_name[i], MHD_HTTP_HEADER_CACHE_CONTROL) == 0)
			cache_set = 1;
		MHD_add_response_header(resp, r->hdr_name[i], r->hdr_value[i]);
	}
	if (!cache_set && (r->who.role != ROLE_ANON || r->is_api))
		MHD_add_response_header(resp, MHD_HTTP_HEADER_CACHE_CONTROL,
		    "no-store");
	r->status = status;
	r->sent_bytes = len;
	MHD_queue_response(r->conn, (unsigned int)status, resp);
	MHD_destroy_response(resp);
}

void
http_send(struct http_req *r, int status, const char *type, const char *body,
    size_t len)
{
	if (r->status != 0)
		return;		/* one response per request */
	queue(r, status, type, MHD_create_response_from_buffer(len,
	    (void *)(uintptr_t)body, MHD_RESPMEM_MUST_COPY), len);
}

void
http_send_static(struct http_req *r, int status, const char *type,
    const char *body, size_t len)
{
	if (r->status != 0)
		return;
	queue(r, status, type, MHD_create_response_from_buffer(len,
	    (void *)(uintptr_t)body, MHD_RESPMEM_PERSISTENT), len);
}

static void
release_entry(void *cls)
{
	resp_cache_release(cls);
}

void
http_send_cached(struct http_req *r, int status, const char *type,
    struct cache_entry *ce)
{
	const char	*body;
	size_t		 len;

	if (r->status != 0) {
		resp_cache_release(ce);
		return;
	}
	body = resp_cache_body(ce, &len);
	/* The response borrows the cached body; MHD drops the reference
	 * when it has sent it. */
	queue(r, status, type, MHD_create_response_from_buffer_with_free_callback_cls(
	    len, (void *)(uintptr_t)body, release_entry, ce), len);
}

void
http_send_json(struct http_req *r, int status, json_t *j)
{
	size_t	 n;
	char	*txt;

	n = json_dumpb(j, NULL, 0, JSON_COMPACT | DECIMAL_JSON_FLAGS);
	txt = arena_alloc(&r->arena, n + 1);
	json_dumpb(j, txt, n, JSON_COMPACT | DECIMAL_JSON_FLAGS);
	json_decref(j);
	http_send(r, status, "application/json; charset=utf-8", txt, n);
}

void
http_redirect(struct http_req *r, const char *location)
{
	http_set_header(r, MHD_HTTP_HEADER_LOCATION, location);
	http_send(r, 303, "text/plain; charset=utf-8", "", 0);
}

int
http_status_of_err(int code)
{
	switch (code) {
	case ERR_INVALID:		return 400;
	case ERR_UNAUTHORIZED:		return 401;
	case ERR_FORBIDDEN:		return 403;
	case ERR_NOT_FOUND:		return 404;
	case ERR_CONFLICT:		return 409;
	case ERR_PRECONDITION:		return 412;
	case ERR_TOO_LARGE:		return 413;
	case ERR_UNSUPPORTED:		return 415;
	case ERR_PRECONDITION_REQ:	return 428;
	case ERR_RATE_LIMITED:		return 429;
	case ERR_BUSY:			return 503;
	default:			return 500;
	}
}

void
http_send_error(struct http_req *r, const struct err *e)
{
	json_t	*j, *inner;
	int	 status = http_status_of_err(e->code);

	if (r->is_api) {
		inner = json_pack("{s:s, s:s}", "code", e->key[0] ? e->key :
		    err_code_key(e->code), "message", e->msg[0] ? e->msg :
		    "Fejl");
		if (e->field[0] != '\0')
			json_object_set_new(inner, "field",
			    json_string(e->field));
		if (e->line > 0)
			json_object_set_new(inner, "line",
			    json_integer(e->line));
		j = json_pack("{s:o}", "error", inner);
		http_send_json(r, status, j);
		return;
	}
	page_error(r, status, e);
}

const char *
http_urlencode(struct arena *a, const char *s)
{
	static const char hex[] = "0123456789ABCDEF";
	char	*out = arena_alloc(a, strlen(s) * 3 + 1), *p = out;

	for (; *s != '\0'; s++) {
		unsigned char c = (unsigned char)*s;
		if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
		    (c >= '0' && c <= '9') || c == '-' || c == '_' ||
		    c == '.' || c == '~')
			*p++ = (char)c;
		else {
			*p++ = '%';
			*p++ = hex[c >> 4];
			*p++ = hex[c & 15];
		}
	}
	*p = '\0';
	return out;
}

const char *
http_session_cookie_name(const struct http_req *r)
{
	return http_server_secure(r->srv) ? "__Host-ramme" : "ramme_session";
}

void
http_set_session_cookie(struct http_req *r, const char *token)
{
	bool secure = http_server_secure(r->srv);

	if (token != NULL)
		http_set_header(r, MHD_HTTP_HEADER_SET_COOKIE,
		    arena_printf(&r->arena, "%s=%s; Path=/; HttpOnly; "
		    "SameSite=Lax; Max-Age=28800%s",
		    http_session_cookie_name(r), token,
		    secure ? "; Secure" : ""));
	else
		http_set_header(r, MHD_HTTP_HEADER_SET_COOKIE,
		    arena_printf(&r->arena, "%s=; Path=/; HttpOnly; "
		    "SameSite=Lax; Max-Age=0%s", http_session_cookie_name(r),
		    secure ? "; Secure" : ""));
}

const char *
http_device_cookie_name(const struct http_req *r)
{
	return http_server_secure(r->srv) ? "__Host-ramme_device" :
	    "ramme_device";
}

void
http_set_device_cookie(struct http_req *r, const char *token)
{
	if (token == NULL)
		return;
	http_set_header(r, MHD_HTTP_HEADER_SET_COOKIE,
	    arena_printf(&r->arena, "%s=%s; Path=/; HttpOnly; "
	    "SameSite=Strict; Max-Age=31536000%s", http_device_cookie_name(r),
	    token, http_server_secure(r->srv) ? "; Secure" : ""));
}

const char *
http_pending_cookie_name(const struct http_req *r)
{
	return http_server_secure(r->srv) ? "__Host-ramme_2fa" : "ramme_2fa";
}

void
http_set_pending_cookie(struct http_req *r, const char *token)
{
	http_set_header(r, MHD_HTTP_HEADER_SET_COOKIE,
	    arena_printf(&r->arena, "%s=%s; Path=/; HttpOnly; "
	    "SameSite=Strict; Max-Age=%d%s", http_pending_cookie_name(r),
	    token != NULL ? token : "", token != NULL ?
	    ACCOUNT_PENDING_SECONDS : 0,
	    http_server_secure(r->srv) ? "; Secure" : ""));
}

/* v trimmed, in the arena; NULL when NULL or blank. */
static const char *
trimmed(struct http_req *r, const char *v)
{
	char	*t;

	if (v == NULL)
		return NULL;
	t = text_trim(arena_strdup(&r->arena, v));
	return *t != '\0' ? t : NULL;
}

const char *
http_form_text(struct http_req *r, const char *name)
{
	return trimmed(r, http_form(r, name));
}

const char *
http_query_text(struct http_req *r, const char *name)
{
	return trimmed(r, http_query(r, name));
}
