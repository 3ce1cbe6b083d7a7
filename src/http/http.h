/*
 * http — the request and response of ramme's thin HTTP layer.
 *
 * libmicrohttpd stays behind server.c; handlers see a struct http_req,
 * read its method, path, parameters, headers, cookies and body through
 * the functions below, and answer with one of the http_send_* functions.
 * Everything a handler allocates comes from req->arena, which the server
 * frees when the request completes, so handlers cannot leak.
 */
#ifndef RAMME_HTTP_H
#define RAMME_HTTP_H

#include <jansson.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/role.h"
#include "service/svc.h"
#include "util/arena.h"
#include "util/buf.h"
#include "util/err.h"

struct account_gate;
struct http_server;
struct route;
struct MHD_Connection;
struct upload;

#define HTTP_MAX_PARAMS		4	/* path parameters like :id */
#define HTTP_MAX_HEADERS	12	/* response headers besides the defaults */
#define HTTP_MAX_FORM		64	/* form fields */

/* One form field of a urlencoded or multipart body. */
struct http_field {
	const char	*name;
	const char	*value;		/* NUL-terminated (files may hold NULs) */
	size_t		 len;		/* bytes in value */
	const char	*filename;	/* multipart file parts; else NULL */
	const char	*path;		/* a file part of an upload route:
					   the temporary file holding its len
					   bytes (value is ""), unlinked, as
					   /proc/PID/fd/FD, open until the
					   request ends; else NULL */
	const char	*hash;		/* with path: BLAKE2b-256 of the
					   content, hex */
};

struct http_req {
	struct arena		 arena;		/* freed when the request completes */
	struct MHD_Connection	*conn;
	struct http_server	*srv;
	const char		*method;	/* "GET", "POST", ... */
	const char		*path;		/* decoded, without the query */
	const char		*ip;		/* client address */
	struct buf		 body;		/* request body (≤ body limit) */
	bool			 too_large;	/* body exceeded the limit */
	size_t			 discarded;	/* bytes of a too large body read
						   and dropped */
	size_t			 limit;		/* bytes the body may have */
	size_t			 received;	/* bytes of the body so far */
	struct upload		*upload;	/* an upload route's body being
						   parsed to files, or NULL */
	struct err		 upload_err;	/* why it failed, when code != 0 */
	uint64_t		 started_ns;	/* for the log line */
	uint64_t		 db_ns;		/* time in the database */
	const struct route	*route;		/* the route matched, or NULL */

	/* Set by the router. */
	const char		*params[HTTP_MAX_PARAMS]; /* :name values in order */
	int			 nparams;
	bool			 is_api;	/* JSON errors instead of HTML */

	/* Set by authentication. */
	struct principal	 who;		/* ROLE_ANON if not logged in */
	const char		*csrf;		/* session's CSRF token, or NULL */
	const char		*session_token;	/* cookie value, or NULL */
	const char		*anon_csrf;	/* CSRF token for anonymous forms */
	struct svc		 svc;		/* db + arena + who + now */
	struct account_gate	*gate;		/* password-hash limiter */

	/* Parsed form, filled on first use. */
	struct http_field	*form;
	int			 nform;
	bool			 form_parsed;

	/* The response. */
	int			 status;	/* 0 until a response is queued */
	size_t			 sent_bytes;
	const char		*hdr_name[HTTP_MAX_HEADERS];
	const char		*hdr_value[HTTP_MAX_HEADERS];
	int			 nhdr;
};

/* A request header, or NULL. */
const char	*http_header(struct http_req *r, const char *name);
/*
 * The site's absolute root, for links in feeds and the open API: the
 * configured public URL (serve --public-url), else as the client reached
 * it: "https://host[:port]" when the server sets Secure cookies (it is
 * behind TLS), else "http://…", with the request's Host header; NULL
 * when Host is missing or not a plain host name or address with an
 * optional port.
 */
const char	*http_site_url(struct http_req *r);
/* A query parameter (decoded, valid UTF-8), or NULL. */
const char	*http_query(struct http_req *r, const char *name);
/*
 * Check that the query has only parameters named in allowed (NULL
 * terminated) and that every value is valid UTF-8; 0 or ERR_INVALID.
 */
int		 http_query_check(struct http_req *r, const char *const *allowed,
		    struct err *e);
/* A cookie, or NULL. */
const char	*http_cookie(struct http_req *r, const char *name);
/*
 * A field of the urlencoded or multipart form body, or NULL. Text fields
 * are checked for valid UTF-8 (an invalid one reads as NULL and
 * http_form_error() reports it).
 */
const char	*http_form(struct http_req *r, const char *name);
/* A form field or query parameter trimmed of white space (a copy in the
   request's arena); NULL when missing or blank. */
const char	*http_form_text(struct http_req *r, const char *name);
const char	*http_query_text(struct http_req *r, const char *name);
/* The file part named name, or NULL. */
const struct http_field *http_form_file(struct http_req *r, const char *name);
/* Every file part named name (several files of one input), in the
   order sent, into out[0..max); returns how many there are. */
size_t		 http_form_files(struct http_req *r, const char *name,
		    const struct http_field **out, size_t max);
/* Every text field named name (a group of checkboxes), in the order
   sent, into out[0..max); returns how many there are. */
size_t		 http_form_values(struct http_req *r, const char *name,
		    const char **out, size_t max);
/* Non-zero when the form body could not be parsed; e says why. */
int		 http_form_error(struct http_req *r, struct err *e);

/* Add a response header (both strings must outlive the request). */
void		 http_set_header(struct http_req *r, const char *name,
		    const char *value);
/* Queue a response with body bytes (copied). */
void		 http_send(struct http_req *r, int status, const char *type,
		    const char *body, size_t len);
/* Queue a response with body bytes that outlive the server (not copied:
   the embedded assets). */
void		 http_send_static(struct http_req *r, int status,
		    const char *type, const char *body, size_t len);
struct cache_entry;
/*
 * Queue the body of a cache entry without copying it; the reference the
 * caller got from resp_cache_get() is dropped once the body is sent.
 */
void		 http_send_cached(struct http_req *r, int status,
		    const char *type, struct cache_entry *ce);
/* The server's response cache. */
struct resp_cache *http_cache(struct http_req *r);
/*
 * The server's cache of list totals: the number of matches of a filter
 * (as decimal text) at a generation of the register, whatever the page.
 */
struct resp_cache *http_count_cache(struct http_req *r);
/* Queue a JSON response and drop the reference to j. */
void		 http_send_json(struct http_req *r, int status, json_t *j);
/* Queue a 303 redirect to a local path. */
void		 http_redirect(struct http_req *r, const char *location);
/*
 * Answer with the error e: JSON {"error":{code,message,field}} for API
 * routes, an HTML error page otherwise; the status comes from e->code.
 */
void		 http_send_error(struct http_req *r, const struct err *e);
/* The HTTP status for an error code (400, 404, 409, 412, ...). */
int		 http_status_of_err(int code);
/* Percent-encode s for a query value. */
const char	*http_urlencode(struct arena *a, const char *s);

/* Session cookie name (the __Host- prefix requires Secure). */
/*
 * The known-device cookie: its name ("__Host-ramme_device" behind TLS,
 * else "ramme_device"), and setting it to a token from account_login()
 * for a year (NULL: leave it as it is).
 */
const char	*http_device_cookie_name(const struct http_req *r);
void		 http_set_device_cookie(struct http_req *r, const char *token);
const char	*http_session_cookie_name(const struct http_req *r);
/*
 * The half-logged-in cookie between password and code ("__Host-ramme_2fa"
 * behind TLS, else "ramme_2fa"): HttpOnly, SameSite=Strict, for
 * ACCOUNT_PENDING_SECONDS; token NULL clears it.
 */
const char	*http_pending_cookie_name(const struct http_req *r);
void		 http_set_pending_cookie(struct http_req *r, const char *token);
/* Set or clear the session cookie. */
void		 http_set_session_cookie(struct http_req *r, const char *token);

#endif
