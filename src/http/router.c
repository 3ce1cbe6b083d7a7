/*
 * router — dispatch, authentication, role and CSRF checks (see router.h).
 */
#include <microhttpd.h>
#include <sodium.h>
#include <string.h>

#include "http/http.h"
#include "http/page.h"
#include "http/router.h"
#include "http/routes.h"
#include "service/account.h"
#include "service/twofactor.h"

/* Match pattern against path, capturing :params. */
static int
match(const char *pattern, const char *path, struct http_req *r)
{
	const char	*p = pattern, *s = path, *seg;
	int		 n = 0;

	while (*p != '\0' && *s != '\0') {
		if (*p == ':') {
			seg = s;
			while (*s != '\0' && *s != '/')
				s++;
			if (s == seg || n >= HTTP_MAX_PARAMS)
				return 0;
			if (r != NULL)
				r->params[n] = arena_strndup(&r->arena, seg,
				    (size_t)(s - seg));
			n++;
			while (*p != '\0' && *p != '/')
				p++;
			continue;
		}
		if (*p != *s)
			return 0;
		p++;
		s++;
	}
	if (*p != '\0' || *s != '\0')
		return 0;
	if (r != NULL)
		r->nparams = n;
	return 1;
}

static void
authenticate(struct http_req *r)
{
	const char	*tok, *csrf;
	struct err	 e;

	r->who.role = ROLE_ANON;
	r->who.username = "";
	r->who.user_id = 0;
	r->who.org_code = NULL;
	tok = http_cookie(r, http_session_cookie_name(r));
	if (tok == NULL)
		return;
	err_clear(&e);
	if (account_session_resolve(&r->svc, tok, &r->who, &csrf, &e) == 0) {
		r->csrf = csrf;
		r->session_token = arena_strdup(&r->arena, tok);
	} else {
		r->who.role = ROLE_ANON;
		r->who.username = "";
	}
}

/* Requests from another site are refused (Origin or Sec-Fetch-Site). */
static int
same_origin(struct http_req *r)
{
	const char	*origin, *host, *sfs, *p;

	sfs = http_header(r, "Sec-Fetch-Site");
	if (sfs != NULL && strcmp(sfs, "cross-site") == 0)
		return 0;
	origin = http_header(r, "Origin");
	if (origin == NULL || strcmp(origin, "null") == 0)
		return origin == NULL;
	host = http_header(r, MHD_HTTP_HEADER_HOST);
	if (host == NULL)
		return 0;
	if ((p = strstr(origin, "://")) == NULL)
		return 0;
	return strcmp(p + 3, host) == 0;
}

static int
csrf_ok(struct http_req *r, const struct route *rt)
{
	const char *given;

	if (strcmp(r->method, "GET") == 0 || strcmp(r->method, "HEAD") == 0)
		return 1;
	if (!same_origin(r))
		return 0;
	if (rt->flags & ROUTE_NO_CSRF)
		return 1;
	if (r->csrf != NULL) {
		given = (rt->flags & ROUTE_API) ?
		    http_header(r, "X-CSRF-Token") : http_form(r, "csrf_token");
		return account_token_equal(given, r->csrf);
	}
	if (rt->flags & ROUTE_ANON_FORM)
		return account_token_equal(http_form(r, "csrf_token"),
		    http_cookie(r, "ramme_csrf"));
	return 0;
}

/*
 * Paths an admin who must enrol a second factor may still use: the
 * enrolment itself, logging out, the assets and the session API.
 */
static bool
enrol_exempt(const char *path)
{
	return strcmp(path, "/konto/to-trins") == 0 ||
	    strncmp(path, "/konto/to-trins/", 16) == 0 ||
	    strcmp(path, "/logout") == 0 || strcmp(path, "/healthz") == 0 ||
	    strncmp(path, "/static/", 8) == 0 ||
	    strcmp(path, "/favicon.ico") == 0 ||
	    strcmp(path, "/api/v1/session") == 0 ||
	    strncmp(path, "/login", 6) == 0;
}

/*
 * An admin without a second factor while it is required is sent to
 * enrol (a page) or refused (anything else). 1 when the request may go
 * on; 0 when a response was sent.
 */
static int
enrolment_ok(struct http_req *r, const char *method)
{
	struct err	e;
	bool		must = false;

	if (r->who.role != ROLE_ADMIN || enrol_exempt(r->path))
		return 1;
	err_clear(&e);
	if (twofactor_must_enrol(&r->svc, &r->who, &must, &e) != 0) {
		http_send_error(r, &e);
		return 0;
	}
	if (!must)
		return 1;
	if (!r->is_api && strcmp(method, "GET") == 0) {
		http_redirect(r, "/konto/to-trins");
		return 0;
	}
	err_set(&e, ERR_FORBIDDEN, "totp_enrol_required", NULL,
	    "Slå to-trins-bekræftelse til under Min konto, før du gør "
	    "andet");
	http_send_error(r, &e);
	return 0;
}

const struct route *
router_find(const char *method, const char *path)
{
	const struct route	*routes;
	size_t			 n, i;

	routes = router_routes(&n);
	for (i = 0; i < n; i++)
		if (strcmp(routes[i].method, method) == 0 &&
		    match(routes[i].pattern, path, NULL))
			return &routes[i];
	return NULL;
}

bool
router_allows(struct http_req *r, const struct route *rt)
{
	authenticate(r);
	return (rt->roles & ROLE_BIT(r->who.role)) != 0 && same_origin(r);
}

void
router_dispatch(struct http_req *r)
{
	const struct route	*routes, *rt = NULL;
	size_t			 n, i;
	struct err		 e;
	struct buf		 allow;
	const char		*method;
	int			 path_hit = 0;

	routes = router_routes(&n);
	method = strcmp(r->method, "HEAD") == 0 ? "GET" : r->method;
	r->is_api = strncmp(r->path, "/api/", 5) == 0 ||
	    strncmp(r->path, "/oparl/", 7) == 0;
	buf_init(&allow);
	for (i = 0; i < n; i++) {
		if (!match(routes[i].pattern, r->path, NULL))
			continue;
		path_hit = 1;
		if (allow.len)
			buf_puts(&allow, ", ");
		buf_puts(&allow, routes[i].method);
		if (strcmp(routes[i].method, method) == 0 && rt == NULL)
			rt = &routes[i];
	}
	err_clear(&e);
	if (rt == NULL) {
		if (path_hit) {
			http_set_header(r, MHD_HTTP_HEADER_ALLOW,
			    arena_strdup(&r->arena, buf_str(&allow)));
			buf_cleanup(&allow);
			err_set(&e, ERR_INVALID, "method_not_allowed", NULL,
			    "Metoden %.10s er ikke tilladt her", r->method);
			if (r->is_api) {
				json_t *j = json_pack("{s:{s:s, s:s}}", "error",
				    "code", e.key, "message", e.msg);
				http_send_json(r, 405, j);
			} else
				page_error(r, 405, &e);
			return;
		}
		buf_cleanup(&allow);
		err_set(&e, ERR_NOT_FOUND, "not_found", NULL,
		    "Siden findes ikke");
		http_send_error(r, &e);
		return;
	}
	buf_cleanup(&allow);
	r->route = rt;
	match(rt->pattern, r->path, r);
	r->is_api = (rt->flags & ROUTE_API) != 0;
	authenticate(r);

	if ((rt->roles & ROLE_BIT(r->who.role)) == 0) {
		if (r->who.role == ROLE_ANON) {
			if (!r->is_api && strcmp(method, "GET") == 0) {
				http_redirect(r, arena_printf(&r->arena,
				    "/login?next=%s",
				    http_urlencode(&r->arena, r->path)));
				return;
			}
			err_set(&e, ERR_UNAUTHORIZED, "login_required", NULL,
			    "Du skal være logget ind");
		} else
			err_set(&e, ERR_FORBIDDEN, "forbidden", NULL,
			    "Din rolle (%s) giver ikke adgang til dette",
			    role_label(r->who.role));
		http_send_error(r, &e);
		return;
	}
	if (!csrf_ok(r, rt)) {
		err_set(&e, ERR_FORBIDDEN, "csrf_failed", NULL,
		    "Sikkerhedstjekket (CSRF) fejlede; genindlæs siden og "
		    "prøv igen");
		http_send_error(r, &e);
		return;
	}
	if (!enrolment_ok(r, method))
		return;
	rt->handler(r);
}
