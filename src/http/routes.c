/*
 * routes — the route table: path, method, the roles allowed, and the
 * handler. The router enforces roles and CSRF from this table for every
 * request, and docs/api.md is generated from it (`ramme routes`).
 */
#include <stddef.h>

#include "http/router.h"
#include "http/routes.h"

static const struct route routes[] = {
	/* Health and the API index. */
	{ "GET", "/healthz", ROLES_PUBLIC, ROUTE_API, api_health,
	  "200 when the database answers, 503 otherwise" },
	{ "GET", "/api/v1", ROLES_PUBLIC, ROUTE_API, api_index,
	  "This list of routes as JSON" },

	/* Sessions. */
	{ "POST", "/api/v1/session", ROLES_PUBLIC, ROUTE_API | ROUTE_NO_CSRF,
	  api_session_create, "Log in with {username, password}; sets the "
	  "session cookie and returns {csrf_token, user}" },
	{ "GET", "/api/v1/session", ROLES_USERS, ROUTE_API, api_session_get,
	  "The logged-in user and the CSRF token" },
	{ "DELETE", "/api/v1/session", ROLES_USERS, ROUTE_API,
	  api_session_delete, "Log out" },

	/* Organisations. */
	{ "GET", "/api/v1/organisations", ROLES_PUBLIC, ROUTE_API,
	  api_orgs_list, "Municipalities, regions and private operators with "
	  "population by year" },
	{ "GET", "/api/v1/organisations/:code", ROLES_PUBLIC, ROUTE_API,
	  api_org_get, "One organisation" },

	/* Offers. */
	{ "GET", "/api/v1/offers", ROLES_PUBLIC, ROUTE_API, api_offers_list,
	  "Offers; filters operator, municipality, paragraph, kind, status, "
	  "covered, q; sort; limit (1-1000), offset" },
	{ "POST", "/api/v1/offers", ROLES_EDITORS, ROUTE_API,
	  api_offers_create, "Create an offer (operators: their own)" },
	{ "GET", "/api/v1/offers/:id", ROLES_PUBLIC, ROUTE_API, api_offer_get,
	  "One offer, with its ETag" },
	{ "PATCH", "/api/v1/offers/:id", ROLES_EDITORS, ROUTE_API,
	  api_offer_patch, "Change fields of an offer; needs If-Match" },
	{ "DELETE", "/api/v1/offers/:id", ROLES_EDITORS, ROUTE_API,
	  api_offer_delete, "Delete an offer (history kept); needs If-Match" },
	{ "GET", "/api/v1/offers/:id/history", ROLES_USERS, ROUTE_API,
	  api_offer_history, "Audit history of an offer, newest first" },

	/* Users. */
	{ "GET", "/api/v1/users", ROLES_ADMIN, ROUTE_API, api_users_list,
	  "Users" },
	{ "POST", "/api/v1/users", ROLES_ADMIN, ROUTE_API, api_users_create,
	  "Create a user {username, display_name, role, org_code, password}" },
	{ "GET", "/api/v1/users/:id", ROLES_ADMIN, ROUTE_API, api_user_get,
	  "One user, with its ETag" },
	{ "PATCH", "/api/v1/users/:id", ROLES_ADMIN, ROUTE_API, api_user_patch,
	  "Change a user; needs If-Match" },

	/* Calculators and agreement parameters. */
	{ "POST", "/api/v1/calc/:name", ROLES_PUBLIC, ROUTE_API | ROUTE_NO_CSRF,
	  api_calc, "Run a calculator (tariff, surplus, occupancy) on JSON "
	  "input; changes nothing" },
	{ "GET", "/api/v1/params/:year", ROLES_PUBLIC, ROUTE_API,
	  api_params_get, "The agreement parameters of a year: value, "
	  "default, unit, range" },
	{ "PUT", "/api/v1/params/:year/:key", ROLES_ADMIN, ROUTE_API,
	  api_param_put, "Set a parameter {value, reason} (audited)" },

	/* HTML pages. */
	{ "GET", "/", ROLES_PUBLIC, 0, page_home, "Front page" },
	{ "GET", "/static/style.css", ROLES_PUBLIC, 0, page_style_css,
	  "Style sheet" },
	{ "GET", "/favicon.ico", ROLES_PUBLIC, 0, page_favicon,
	  "No icon (204), so browsers stop asking" },
	{ "GET", "/login", ROLES_PUBLIC, 0, page_login_form, "Login form" },
	{ "POST", "/login", ROLES_PUBLIC, ROUTE_ANON_FORM, page_login_post,
	  "Log in" },
	{ "POST", "/logout", ROLES_USERS, 0, page_logout_post, "Log out" },
	{ "GET", "/tilbud", ROLES_PUBLIC, 0, page_offers,
	  "Offers with filters and search" },
	{ "GET", "/tilbud/eksport", ROLES_PUBLIC, 0, page_offers_export,
	  "Download offers as csv, json or xlsx (?format=)" },
	{ "GET", "/tilbud/import", ROLES_ADMIN, 0, page_offers_import_form,
	  "Upload a CSV file of offers" },
	{ "POST", "/tilbud/import", ROLES_ADMIN, 0, page_offers_import_post,
	  "Import the uploaded CSV (all or nothing)" },
	{ "GET", "/tilbud/nyt", ROLES_EDITORS, 0, page_offer_new_form,
	  "Form for a new offer" },
	{ "POST", "/tilbud/nyt", ROLES_EDITORS, 0, page_offer_new_post,
	  "Create an offer" },
	{ "GET", "/tilbud/:id", ROLES_PUBLIC, 0, page_offer_view,
	  "One offer with places by year and history" },
	{ "GET", "/tilbud/:id/rediger", ROLES_EDITORS, 0, page_offer_edit_form,
	  "Form to change an offer" },
	{ "POST", "/tilbud/:id/rediger", ROLES_EDITORS, 0, page_offer_edit_post,
	  "Save changes to an offer" },
	{ "POST", "/tilbud/:id/slet", ROLES_EDITORS, 0, page_offer_delete_post,
	  "Delete an offer" },
	{ "GET", "/beregn", ROLES_PUBLIC, 0, page_calc,
	  "Tariff, surplus and occupancy calculators" },
	{ "POST", "/beregn", ROLES_PUBLIC, ROUTE_ANON_FORM, page_calc,
	  "Calculate (changes nothing)" },
	{ "GET", "/organisationer", ROLES_PUBLIC, 0, page_orgs,
	  "Organisations with population by year" },
	{ "GET", "/brugere", ROLES_ADMIN, 0, page_users,
	  "Users and a form for a new one" },
	{ "POST", "/brugere", ROLES_ADMIN, 0, page_user_create,
	  "Create a user" },
	{ "GET", "/brugere/:id", ROLES_ADMIN, 0, page_user_edit_form,
	  "Form to change a user" },
	{ "POST", "/brugere/:id", ROLES_ADMIN, 0, page_user_edit_post,
	  "Save changes to a user" },
};

const struct route *
router_routes(size_t *n)
{
	*n = sizeof(routes) / sizeof(routes[0]);
	return routes;
}
