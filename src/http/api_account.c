/*
 * api_account — the JSON API of sessions and users.
 */
#include <microhttpd.h>
#include <string.h>

#include "core/role.h"
#include "http/api.h"
#include "http/http.h"
#include "http/routes.h"
#include "service/account.h"
#include "store/user_store.h"

static json_t *
who_json(const struct principal *p)
{
	return json_pack("{s:I, s:s, s:s, s:o}", "id", (json_int_t)p->user_id,
	    "username", p->username, "role", role_name(p->role), "org_code",
	    p->org_code ? json_string(p->org_code) : json_null());
}

void
api_session_create(struct http_req *r)
{
	struct account_session	 s;
	struct err		 e;
	json_t			*j = NULL;
	const char		*user = NULL, *pw = NULL, *code = NULL;
	json_error_t		 je;

	err_clear(&e);
	if (api_body(r, &j, &e) != 0)
		goto fail;
	if (json_unpack_ex(j, &je, JSON_STRICT, "{s:s, s:s, s?s}", "username",
	    &user, "password", &pw, "code", &code) != 0) {
		err_set(&e, ERR_INVALID, "invalid_login", NULL,
		    "Send {\"username\": ..., \"password\": ..., "
		    "\"code\": ...} som tekster");
		goto fail;
	}
	if (account_login(&r->svc, r->gate, user, pw, r->ip,
	    http_cookie(r, http_device_cookie_name(r)), &s, &e) != 0)
		goto fail;
	/* A second factor: the code in the same request. */
	if (s.pending != NULL && code == NULL) {
		err_set(&e, ERR_UNAUTHORIZED, "code_required", "code",
		    "Brugeren har to-trins-bekræftelse: send også \"code\"");
		goto fail;
	}
	if (s.pending != NULL && account_login_code(&r->svc, r->gate,
	    s.pending, code, r->ip, http_cookie(r,
	    http_device_cookie_name(r)), &s, &e) != 0)
		goto fail;
	json_decref(j);
	http_set_session_cookie(r, s.token);
	http_set_device_cookie(r, s.device);
	http_send_json(r, 200, json_pack("{s:s, s:o}", "csrf_token", s.csrf,
	    "user", who_json(&s.who)));
	return;
fail:
	json_decref(j);
	http_send_error(r, &e);
}

void
api_session_get(struct http_req *r)
{
	http_send_json(r, 200, json_pack("{s:s, s:o}", "csrf_token", r->csrf,
	    "user", who_json(&r->who)));
}

void
api_session_delete(struct http_req *r)
{
	struct err e;

	err_clear(&e);
	if (account_logout(&r->svc, r->session_token, &e) != 0) {
		http_send_error(r, &e);
		return;
	}
	http_set_session_cookie(r, NULL);
	http_send(r, 204, NULL, "", 0);
}

static json_t *
user_json(const struct user *u)
{
	return json_pack("{s:I, s:I, s:s, s:s, s:s, s:o, s:b, s:s, s:s}",
	    "id", (json_int_t)u->id, "version", (json_int_t)u->version,
	    "username", u->username, "display_name", u->display_name,
	    "role", role_name(u->role), "org_code",
	    u->org_code ? json_string(u->org_code) : json_null(),
	    "active", u->active, "created_at", u->created_at,
	    "updated_at", u->updated_at);
}

void
api_users_list(struct http_req *r)
{
	struct user	*u;
	struct err	 e;
	json_t		*arr;
	int		 n, i;

	err_clear(&e);
	if (account_user_list(&r->svc, &u, &n, &e) != 0) {
		http_send_error(r, &e);
		return;
	}
	arr = json_array();
	for (i = 0; i < n; i++)
		json_array_append_new(arr, user_json(&u[i]));
	http_send_json(r, 200, json_pack("{s:o}", "users", arr));
}

static void
send_user(struct http_req *r, int status, int64_t id)
{
	struct user	u;
	struct err	e;

	err_clear(&e);
	if (account_user_get(&r->svc, id, &u, &e) != 0) {
		http_send_error(r, &e);
		return;
	}
	api_etag(r, u.version);
	http_send_json(r, status, user_json(&u));
}

void
api_users_create(struct http_req *r)
{
	struct account_new	 n;
	struct err		 e;
	json_t			*j = NULL;
	json_error_t		 je;
	const char		*role = NULL;
	int64_t			 id;

	err_clear(&e);
	memset(&n, 0, sizeof(n));
	if (api_body(r, &j, &e) != 0)
		goto fail;
	if (json_unpack_ex(j, &je, JSON_STRICT, "{s:s, s?s, s:s, s?s, s:s}",
	    "username", &n.username, "display_name", &n.display_name,
	    "role", &role, "org_code", &n.org_code, "password",
	    &n.password) != 0) {
		err_set(&e, ERR_INVALID, "invalid_user", NULL,
		    "Ugyldig bruger: felterne er username, display_name, role, "
		    "org_code og password (tekster)");
		goto fail;
	}
	if (role_parse(role, &n.role) != 0) {
		err_set(&e, ERR_INVALID, "invalid_role", "role",
		    "Ukendt rolle (admin, operator, authority, reader)");
		goto fail;
	}
	if (account_user_add(&r->svc, r->gate, &n, &id, &e) != 0)
		goto fail;
	json_decref(j);
	send_user(r, 201, id);
	return;
fail:
	json_decref(j);
	http_send_error(r, &e);
}

void
api_user_get(struct http_req *r)
{
	struct err	e;
	int64_t		id;

	err_clear(&e);
	if (api_param_id(r, 0, &id, &e) != 0) {
		http_send_error(r, &e);
		return;
	}
	send_user(r, 200, id);
}

void
api_user_patch(struct http_req *r)
{
	struct user	 u;
	struct err	 e;
	json_t		*j = NULL, *v;
	const char	*key, *password = NULL;
	int64_t		 id, version;

	err_clear(&e);
	if (api_param_id(r, 0, &id, &e) != 0 ||
	    api_if_match(r, &version, &e) != 0 ||
	    api_body(r, &j, &e) != 0 ||
	    account_user_get(&r->svc, id, &u, &e) != 0)
		goto fail;
	json_object_foreach(j, key, v) {
		if (strcmp(key, "display_name") == 0 && json_is_string(v))
			u.display_name = arena_strdup(&r->arena,
			    json_string_value(v));
		else if (strcmp(key, "role") == 0 && json_is_string(v)) {
			if (role_parse(json_string_value(v), &u.role) != 0) {
				err_set(&e, ERR_INVALID, "invalid_role", key,
				    "Ukendt rolle");
				goto fail;
			}
		} else if (strcmp(key, "org_code") == 0 &&
		    (json_is_string(v) || json_is_null(v)))
			u.org_code = json_is_null(v) ? NULL :
			    arena_strdup(&r->arena, json_string_value(v));
		else if (strcmp(key, "active") == 0 && json_is_boolean(v))
			u.active = json_is_true(v);
		else if (strcmp(key, "password") == 0 && json_is_string(v))
			password = arena_strdup(&r->arena, json_string_value(v));
		else if (strcmp(key, "id") == 0 || strcmp(key, "version") == 0 ||
		    strcmp(key, "username") == 0 ||
		    strcmp(key, "created_at") == 0 ||
		    strcmp(key, "updated_at") == 0)
			continue;
		else {
			err_set(&e, ERR_INVALID, "invalid_field", key,
			    "Ukendt felt eller forkert type: %.40s", key);
			goto fail;
		}
	}
	if (account_user_update(&r->svc, r->gate, &u, password, version, &e)
	    != 0)
		goto fail;
	json_decref(j);
	send_user(r, 200, id);
	return;
fail:
	json_decref(j);
	http_send_error(r, &e);
}
