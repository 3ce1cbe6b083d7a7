/*
 * routes — the route table: path, method, the roles allowed, and the
 * handler. The router enforces roles and CSRF from this table for every
 * request, and docs/api.md is generated from it (`ramme routes`).
 */
#include <stddef.h>

#include "http/asset.h"
#include "http/router.h"
#include "http/routes.h"

/* Who writes in a tariff analysis's data hearing. */
#define ROLES_COMMENTERS	(ROLE_BIT(ROLE_OPERATOR) | \
				    ROLE_BIT(ROLE_AUTHORITY))

static const struct route routes[] = {
	/* Health and the API index. */
	{ "GET", "/healthz", ROLES_PUBLIC, ROUTE_API, api_health,
	  "200 when the database answers, 503 otherwise" },
	{ "GET", "/metrics", ROLES_PUBLIC, 0, page_metrics,
	  "The server's counters in the Prometheus text format: for the "
	  "secretariat's admins, or from the machine itself" },
	{ "GET", "/api/v1", ROLES_PUBLIC, ROUTE_API, api_index,
	  "This list of routes as JSON" },

	/* Sessions. */
	{ "POST", "/api/v1/session", ROLES_PUBLIC,
	  ROUTE_API | ROUTE_NO_CSRF | ROUTE_LOGIN,
	  api_session_create, "Log in with {username, password, code?} "
	  "(code: TOTP or recovery code, required when the user has a "
	  "second factor); sets the session cookie and returns "
	  "{csrf_token, user}" },
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
	  "covered, q; sort; limit (1-1000), offset; cursor (the "
	  "next_cursor of the previous page)" },
	{ "POST", "/api/v1/offers", ROLES_EDITORS, ROUTE_API,
	  api_offers_create, "Create an offer (operators: their own)" },
	{ "GET", "/api/v1/offers/:id", ROLES_PUBLIC, ROUTE_API, api_offer_get,
	  "One offer, with its ETag; harmonised: its harmonised tariff "
	  "group, when it has one" },
	{ "PATCH", "/api/v1/offers/:id", ROLES_EDITORS, ROUTE_API,
	  api_offer_patch, "Change fields of an offer; needs If-Match" },
	{ "DELETE", "/api/v1/offers/:id", ROLES_EDITORS, ROUTE_API,
	  api_offer_delete, "Delete an offer (history kept); needs If-Match" },
	{ "GET", "/api/v1/offers/:id/history", ROLES_USERS, ROUTE_API,
	  api_offer_history, "Audit history of an offer, newest first" },
	{ "GET", "/api/v1/offers/:id/coverage", ROLES_PUBLIC, ROUTE_API,
	  api_offer_coverage, "Coverage of an offer per municipality: "
	  "category, each municipality's opt-out steps and whether covered" },
	{ "GET", "/api/v1/purchase-agreements", ROLES_PUBLIC, ROUTE_API,
	  api_purchases, "Long-term purchase agreements: buyer, operator, "
	  "offer, binding period, who gives the idle-capacity guarantee "
	  "(?municipality=, ?offer=)" },
	{ "GET", "/api/v1/offers/:id/events", ROLES_PUBLIC, ROUTE_API,
	  api_offer_events, "An offer taken over, taken home or closed: its "
	  "dated events with operator and status before and after" },
	{ "GET", "/api/v1/offers/:id/startup-costs", ROLES_PUBLIC, ROUTE_API,
	  api_offer_startup_list, "The start-up costs of an offer with the "
	  "share of each tariff year" },
	{ "POST", "/api/v1/offers/:id/startup-costs", ROLES_EDITORS,
	  ROUTE_API, api_offer_startup_create, "Record start-up costs "
	  "{amount_ore, first_year, years, text} spread over the first "
	  "years' tariffs (the secretariat, or the operator of the first "
	  "year)" },

	/* Users. */
	{ "GET", "/api/v1/users", ROLES_ADMIN, ROUTE_API, api_users_list,
	  "Users" },
	{ "POST", "/api/v1/users", ROLES_ADMIN, ROUTE_API, api_users_create,
	  "Create a user {username, display_name, role, org_code, password}" },
	{ "GET", "/api/v1/users/:id", ROLES_ADMIN, ROUTE_API, api_user_get,
	  "One user, with its ETag" },
	{ "PATCH", "/api/v1/users/:id", ROLES_ADMIN, ROUTE_API, api_user_patch,
	  "Change a user; needs If-Match" },

	/* Post-adjustments of secure institutions. */
	{ "GET", "/api/v1/settlements", ROLES_USERS, ROUTE_API,
	  api_settlements_list, "Post-adjustments of secure institutions, "
	  "latest versions (municipalities: their own share only)" },
	{ "POST", "/api/v1/settlements", ROLES_ADMIN, ROUTE_API,
	  api_settlements_create, "Settle a secure institution's year "
	  "{offer_id, year, cost_ore?, occupied_days?, key?, weights?, "
	  "reason?}; a new version when settled before" },
	{ "GET", "/api/v1/settlements/:id", ROLES_USERS, ROUTE_API,
	  api_settlement_get, "One post-adjustment version with its shares" },

	/* Calculators and agreement parameters. */
	{ "POST", "/api/v1/calc/:name", ROLES_PUBLIC, ROUTE_API | ROUTE_NO_CSRF,
	  api_calc, "Run a calculator (tariff, surplus, occupancy, "
	  "fixed-prices, analysis, split, post-adjustment) on JSON input; "
	  "changes nothing" },
	{ "GET", "/api/v1/pl-series", ROLES_PUBLIC, ROUTE_API, api_pl_list,
	  "Price-and-wage series with their current version" },
	{ "GET", "/api/v1/pl-series/:name", ROLES_PUBLIC, ROUTE_API,
	  api_pl_get, "One price-and-wage series: % change and index per "
	  "year, its versions; ?version=N for an earlier version" },
	{ "GET", "/api/v1/params/:year", ROLES_PUBLIC, ROUTE_API,
	  api_params_get, "The agreement parameters of a year: value, "
	  "default, unit, range" },
	{ "PUT", "/api/v1/params/:year/:key", ROLES_ADMIN, ROUTE_API,
	  api_param_put, "Set a parameter {value, reason, onward}: onward "
	  "true sets it from that year on (audited)" },

	/* The annual cycle (årshjul). */
	{ "GET", "/api/v1/cycle/:year", ROLES_PUBLIC, ROUTE_API,
	  api_cycle_year, "The steps of a calendar year of the annual cycle: "
	  "{year, steps: [{date, planned, kind, title, status (planned|open|"
	  "done|overdue), party, party_label, href?, belongs_to?, detail?}]}" },

	/* HTML pages. */
	{ "GET", "/", ROLES_PUBLIC, 0, page_home, "Front page" },
	{ "GET", "/static/:name", ROLES_PUBLIC, 0, asset_serve,
	  "Style sheets, script, fonts and icons under content-hashed names "
	  "(cached for a year)" },
	{ "GET", "/favicon.ico", ROLES_PUBLIC, 0, page_favicon,
	  "No icon (204), so browsers stop asking" },
	{ "GET", "/tilgaengelighed", ROLES_PUBLIC, 0, page_a11y,
	  "Accessibility statement (tilgængelighedserklæring)" },
	{ "GET", "/privatliv", ROLES_PUBLIC, 0, page_privacy,
	  "Privacy policy: the personal data held, purpose, legal basis, "
	  "rights" },
	{ "GET", "/login", ROLES_PUBLIC, 0, page_login_form, "Login form" },
	{ "POST", "/login", ROLES_PUBLIC, ROUTE_ANON_FORM | ROUTE_LOGIN,
	  page_login_post,
	  "Log in; a user with a second factor is sent on to /login/kode "
	  "with a short-lived half-logged-in cookie instead of a session" },
	{ "GET", "/login/kode", ROLES_PUBLIC, 0, page_login_code_form,
	  "The second step of a login: the code from the app" },
	{ "POST", "/login/kode", ROLES_PUBLIC, ROUTE_ANON_FORM | ROUTE_LOGIN,
	  page_login_code_post, "Finish a login with a TOTP code or a "
	  "recovery code (rate-limited as the password)" },
	{ "POST", "/logout", ROLES_USERS, 0, page_logout_post, "Log out" },
	{ "GET", "/konto", ROLES_USERS, 0, page_profile,
	  "Min konto: who one is, the sessions open in one's name" },
	{ "GET", "/konto/adgangskode", ROLES_USERS, 0, page_password_form,
	  "Change one's own password" },
	{ "POST", "/konto/adgangskode", ROLES_USERS, 0, page_password_post,
	  "Change one's own password (the current one, the new twice); "
	  "ends one's other sessions" },
	{ "GET", "/konto/to-trins", ROLES_USERS, 0, page_twofactor,
	  "To-trins-bekræftelse: its state, or enrolment (the key as text, "
	  "QR code and otpauth URI)" },
	{ "POST", "/konto/to-trins", ROLES_USERS, 0, page_twofactor_post,
	  "Confirm enrolment with a code {code}; shows the recovery codes "
	  "once" },
	{ "POST", "/konto/to-trins/slaa-fra", ROLES_USERS, 0,
	  page_twofactor_disable, "Turn the second factor off (confirm=1, "
	  "then password and code)" },
	{ "POST", "/konto/log-ud-alle-steder", ROLES_USERS, 0,
	  page_logout_everywhere, "End every session of one's own (with "
	  "confirm=1; else the confirmation)" },
	{ "GET", "/tilbud", ROLES_PUBLIC, 0, page_offers,
	  "Offers with filters and search" },
	{ "GET", "/tilbud/eksport", ROLES_PUBLIC, 0, page_offers_export,
	  "Download offers as csv, json or xlsx "
	  "(?format=; &visning=oversigt: for people)" },
	{ "GET", "/tilbud/import", ROLES_ADMIN, 0, page_offers_import_form,
	  "Upload a CSV file of offers" },
	{ "POST", "/tilbud/import", ROLES_ADMIN, 0, page_offers_import_post,
	  "Import the uploaded CSV (all or nothing)" },
	{ "GET", "/tilbud/nyt", ROLES_EDITORS, 0, page_offer_new_form,
	  "Form for a new offer" },
	{ "POST", "/tilbud/nyt", ROLES_EDITORS, 0, page_offer_new_post,
	  "Create an offer" },
	{ "GET", "/tilbud/fravalg", ROLES_PUBLIC, 0, page_optouts,
	  "Municipalities' opt-outs of category 2 offers (?kommune=)" },
	{ "GET", "/tilbud/koebsaftaler", ROLES_PUBLIC, 0, page_purchases,
	  "Long-term purchase agreements per municipality (?kommune=)" },
	{ "GET", "/tilbud/:id", ROLES_PUBLIC, 0, page_offer_view,
	  "One offer with places by year and history" },
	{ "GET", "/tilbud/:id/rediger", ROLES_EDITORS, 0, page_offer_edit_form,
	  "Form to change an offer" },
	{ "POST", "/tilbud/:id/rediger", ROLES_EDITORS, 0, page_offer_edit_post,
	  "Save changes to an offer" },
	{ "POST", "/tilbud/:id/slet", ROLES_EDITORS, 0, page_offer_delete_post,
	  "Delete an offer" },
	{ "GET", "/tilbud/:id/fravalg", ROLES_ADMIN |
	  ROLE_BIT(ROLE_AUTHORITY), 0, page_offer_optout_form,
	  "Form to opt a category 2 offer out (a municipality, its own) or "
	  "to ask a municipality to reconsider (the secretariat)" },
	{ "POST", "/tilbud/:id/fravalg", ROLES_ADMIN |
	  ROLE_BIT(ROLE_AUTHORITY), 0, page_offer_optout_post,
	  "Record an opt-out step: fravalgt, fastholdt, tilvalgt (only the "
	  "municipality itself), genovervej (only the secretariat)" },
	{ "GET", "/tilbud/:id/koebsaftale", ROLES_ADMIN |
	  ROLE_BIT(ROLE_AUTHORITY), 0, page_purchase_form,
	  "Form for a long-term purchase agreement of the offer" },
	{ "POST", "/tilbud/:id/koebsaftale", ROLES_ADMIN |
	  ROLE_BIT(ROLE_AUTHORITY), 0, page_purchase_post,
	  "Record a long-term purchase agreement (the secretariat, or a "
	  "municipality as the buyer)" },
	{ "GET", "/tilbud/:id/harmoniser", ROLES_EDITORS, 0,
	  page_harmonised_form, "Form to give the offer one harmonised "
	  "tariff with other offers of its operator" },
	{ "POST", "/tilbud/:id/harmoniser", ROLES_EDITORS, 0,
	  page_harmonised_post, "Group the offer with other offers of the "
	  "same operator under one harmonised tariff (the secretariat, or "
	  "the operator of all the offers)" },
	{ "POST", "/tilbud/:id/harmoniser/ophaev", ROLES_EDITORS, 0,
	  page_harmonised_dissolve, "Dissolve the offer's harmonised tariff "
	  "from a year, after a confirmation: its offers report and publish "
	  "their own tariffs again from then (the secretariat, or the "
	  "operator)" },
	{ "GET", "/tilbud/:id/haendelse", ROLES_ADMIN, 0,
	  page_offer_event_form, "Form to record an offer taken over, taken "
	  "home or closed from a date" },
	{ "POST", "/tilbud/:id/haendelse", ROLES_ADMIN, 0,
	  page_offer_event_post, "Record an offer taken over, taken home or "
	  "closed from a date (confirmed first); the operator or status "
	  "changes from that date" },
	{ "GET", "/tilbud/:id/opstart", ROLES_EDITORS, 0,
	  page_offer_startup_form, "Form to record the start-up costs of an "
	  "offer" },
	{ "POST", "/tilbud/:id/opstart", ROLES_EDITORS, 0,
	  page_offer_startup_post, "Record the start-up costs of an offer "
	  "(the secretariat, or the operator of the first year)" },
	{ "GET", "/beregn", ROLES_PUBLIC, 0, page_calc,
	  "Tariff, surplus and occupancy calculators" },
	{ "POST", "/beregn/takst", ROLES_PUBLIC, ROUTE_ANON_FORM,
	  page_calc_preview, "The tariff of the posted calculator form, as "
	  "JSON (changes nothing)" },
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
	{ "POST", "/brugere/:id/to-trins/nulstil", ROLES_ADMIN, 0,
	  page_user_totp_reset, "Reset a user's second factor (a lost "
	  "phone; confirmed first, audited)" },
	{ "GET", "/brugere/:id/notifikationer", ROLES_ADMIN, 0,
	  page_user_notices, "A user's e-mail address and notification "
	  "choices" },
	{ "POST", "/brugere/:id/notifikationer", ROLES_ADMIN, 0,
	  page_user_notices_post, "Save a user's e-mail address and choices" },
	{ "GET", "/konto/notifikationer", ROLES_USERS, 0, page_notices,
	  "Mine notifikationer: one's e-mail address and the kinds of mail "
	  "wanted" },
	{ "POST", "/konto/notifikationer", ROLES_USERS, 0, page_notices_post,
	  "Save one's e-mail address and choices" },
	{ "GET", "/udbakke", ROLES_ADMIN, 0, page_outbox,
	  "The outbox: mails by state with failures (?status=, ?side=)" },
	{ "GET", "/udbakke/:id", ROLES_ADMIN, 0, page_outbox_view,
	  "One mail: recipient, state, attempts, error and its text" },
	{ "POST", "/udbakke/:id/igen", ROLES_ADMIN, 0, page_outbox_retry,
	  "Send a queued or failed mail again now (confirmed first)" },
	{ "POST", "/udbakke/:id/annuller", ROLES_ADMIN, 0, page_outbox_cancel,
	  "Cancel a queued or failed mail (confirmed first)" },
	{ "GET", "/personer", ROLES_ADMIN, 0, page_persons,
	  "Persons known as members of bodies or meeting participants" },
	{ "GET", "/personer/:id", ROLES_ADMIN, 0, page_person,
	  "Persondata: what is held about one person, export and erasure" },
	{ "GET", "/personer/:id/persondata.json", ROLES_ADMIN, 0,
	  page_person_json, "Everything held about one person as JSON "
	  "(the export is audited)" },
	{ "GET", "/personer/:id/persondata.pdf", ROLES_ADMIN, 0,
	  page_person_pdf, "Everything held about one person as PDF "
	  "(the export is audited)" },
	{ "POST", "/personer/:id/slet", ROLES_ADMIN, 0, page_person_erase,
	  "Erase (pseudonymise) a person, keeping approved minutes as "
	  "published (confirmed first)" },

	/* Tariff rounds, submissions, published tariffs and accounts. */
	{ "GET", "/api/v1/rounds", ROLES_EDITORS, ROUTE_API, api_rounds_list,
	  "Tariff-reporting rounds, newest first" },
	{ "POST", "/api/v1/rounds", ROLES_ADMIN, ROUTE_API, api_rounds_create,
	  "Open a round {year, no, title, opens_on, deadline, pl_pct, "
	  "increase_warn_pct, covered_only}; creates pre-filled submissions" },
	{ "GET", "/api/v1/rounds/:id", ROLES_EDITORS, ROUTE_API, api_round_get,
	  "One round with its progress (\"7 af 11\"; operators: their own)" },
	{ "POST", "/api/v1/rounds/:id/close", ROLES_ADMIN, ROUTE_API,
	  api_round_close, "Close a round for reporting; needs If-Match" },
	{ "POST", "/api/v1/rounds/:id/reopen", ROLES_ADMIN, ROUTE_API,
	  api_round_reopen, "Reopen a round {until}; needs If-Match" },
	{ "POST", "/api/v1/rounds/:id/publish", ROLES_ADMIN, ROUTE_API,
	  api_round_publish, "Publish the approved tariffs and close the round; "
	  "needs If-Match" },
	{ "GET", "/api/v1/rounds/:id/submissions", ROLES_EDITORS, ROUTE_API,
	  api_round_submissions, "Submissions of a round (operators: their "
	  "own) with line, warning and missing-reason counts" },
	{ "POST", "/api/v1/rounds/:id/submissions", ROLES_ADMIN, ROUTE_API,
	  api_round_add_offer, "Add an offer to a round {offer_id}" },
	{ "GET", "/api/v1/rounds/:id/template", ROLES_EDITORS, ROUTE_API,
	  api_round_template, "The XLSX template of the user's offers in a "
	  "round (admin: ?operator=)" },
	{ "GET", "/api/v1/submissions/:id", ROLES_EDITORS, ROUTE_API,
	  api_submission_get, "One submission with its lines, computed "
	  "tariffs and warnings, and its ETag" },
	{ "PATCH", "/api/v1/submissions/:id", ROLES_EDITORS, ROUTE_API,
	  api_submission_patch, "Replace the service lines {lines: [...]}; "
	  "needs If-Match" },
	{ "POST", "/api/v1/submissions/:id/lines", ROLES_EDITORS, ROUTE_API,
	  api_submission_line_add, "Add one service line (a line of lines); "
	  "the first line of a new tariff structure makes the lines without "
	  "referral dates the one it replaces; needs If-Match" },
	{ "PUT", "/api/v1/submissions/:id/lines/:pos", ROLES_EDITORS,
	  ROUTE_API, api_submission_line_put, "Replace service line pos "
	  "(1-based), paired as on adding; needs If-Match" },
	{ "DELETE", "/api/v1/submissions/:id/lines/:pos", ROLES_EDITORS,
	  ROUTE_API, api_submission_line_delete, "Delete service line pos; "
	  "the last line of a new structure unpairs the one it replaced; "
	  "needs If-Match" },
	{ "POST", "/api/v1/submissions/:id/submit", ROLES_EDITORS, ROUTE_API,
	  api_submission_submit, "Submit (deadline, reasons); needs If-Match" },
	{ "POST", "/api/v1/submissions/:id/approve", ROLES_ADMIN, ROUTE_API,
	  api_submission_approve, "Approve a submission; needs If-Match" },
	{ "POST", "/api/v1/submissions/:id/return", ROLES_ADMIN, ROUTE_API,
	  api_submission_return, "Return a submission {comment}; needs "
	  "If-Match" },
	{ "GET", "/api/v1/submissions/:id/history", ROLES_EDITORS, ROUTE_API,
	  api_submission_history, "Audit history of a submission, newest "
	  "first" },
	{ "GET", "/api/v1/tariffs", ROLES_PUBLIC, ROUTE_API, api_tariffs_list,
	  "Published tariffs; filters year, operator, paragraph, target_group, "
	  "municipality, offer, versions; format json, csv or xlsx" },
	{ "GET", "/api/v1/tariffs/reduction", ROLES_PUBLIC, ROUTE_API,
	  api_tariffs_reduction, "The general tariff reduction of a year "
	  "(year): per operator, place-weighted, met or not; and per tariff" },
	{ "GET", "/api/v1/tariffs/:id", ROLES_PUBLIC, ROUTE_API,
	  api_tariff_get, "One published tariff with every version" },
	{ "POST", "/api/v1/tariffs/:id/change", ROLES_EDITORS, ROUTE_API,
	  api_tariff_change, "Change a tariff in the year {tariff_ore, "
	  "valid_from, cause, reason}: a new version with its cause (renovering, "
	  "ny_ydelse, pladser, normering, fejl, lovaendring, andet; reason "
	  "required for andet)" },
	{ "GET", "/api/v1/accounts", ROLES_EDITORS, ROUTE_API,
	  api_accounts_list, "Reported accounts; filters offer, year "
	  "(operators: their own)" },
	{ "POST", "/api/v1/accounts", ROLES_EDITORS, ROUTE_API,
	  api_accounts_report, "Report an offer's accounts for a year: "
	  "surplus, set-aside and carry-over to the tariff two years later" },
	{ "GET", "/api/v1/setaside", ROLES_EDITORS, ROUTE_API,
	  api_setaside_ledger, "An operator's set-aside ledger as of a year "
	  "(?operator=, ?year=)" },
	/* Economics: price-and-wage series. */
	{ "GET", "/oekonomi", ROLES_PUBLIC, 0, page_economy,
	  "Økonomi: the economics sections as cards" },
	{ "GET", "/oekonomi/pl", ROLES_PUBLIC, 0, page_pl_list,
	  "Price-and-wage series with current version, source and revision" },
	{ "GET", "/oekonomi/pl/import", ROLES_ADMIN, 0, page_pl_import_form,
	  "Form to import a new version of PL series (CSV or XLSX)" },
	{ "POST", "/oekonomi/pl/import", ROLES_ADMIN, 0, page_pl_import_post,
	  "Check an uploaded series file; with confirm=1 store the new "
	  "versions" },
	{ "GET", "/oekonomi/pl/:name", ROLES_PUBLIC, 0, page_pl_view,
	  "One series: changes and index per year, versions, and an amount "
	  "restated in fixed prices (?beloeb, fra, til)" },
	{ "GET", "/oekonomi/pl/:name/eksport", ROLES_PUBLIC, 0, page_pl_export,
	  "A series version as CSV or XLSX in the import format "
	  "(?format=csv|xlsx, version)" },

	{ "GET", "/api/v1/analyses", ROLES_PUBLIC, ROUTE_API,
	  api_analyses_list, "Tariff analyses (final ones for the public; in "
	  "hearing for users; all for the secretariat)" },
	{ "GET", "/api/v1/analyses/:id", ROLES_PUBLIC, ROUTE_API,
	  api_analysis_get, "One tariff analysis: totals, groups, lines, "
	  "hearing comments" },
	{ "GET", "/oekonomi/analyser", ROLES_PUBLIC, 0, page_analyses,
	  "Takstanalyser: tariff analyses in fixed prices; the form for a new "
	  "one (secretariat)" },
	{ "POST", "/oekonomi/analyser", ROLES_ADMIN, 0, page_analyses_create,
	  "Create a tariff analysis (years, PL series, filters, cap, target)" },
	{ "GET", "/oekonomi/analyser/:id", ROLES_PUBLIC, 0, page_analysis,
	  "One tariff analysis with charts, groups, panel and hearing" },
	{ "POST", "/oekonomi/analyser/:id/hoering", ROLES_ADMIN, 0,
	  page_analysis_send, "Send an analysis to hearing with a deadline "
	  "(its panel is stored)" },
	{ "POST", "/oekonomi/analyser/:id/kommentar", ROLES_COMMENTERS, 0,
	  page_analysis_comment, "A hearing comment (operators and "
	  "municipalities), general or on an own offer" },
	{ "POST", "/oekonomi/analyser/:id/endelig", ROLES_ADMIN, 0,
	  page_analysis_finalise, "Finalise an analysis in hearing (confirm)" },
	{ "GET", "/oekonomi/analyser/:id/analyse.xlsx", ROLES_PUBLIC, 0,
	  page_analysis_xlsx, "Every line of an analysis as XLSX" },
	{ "GET", "/oekonomi/analyser/:id/rapport.pdf", ROLES_PUBLIC, 0,
	  page_analysis_pdf, "The analysis as a PDF report; afsnit_NAME "
	  "chooses the politicians' excerpt" },
	{ "POST", "/oekonomi/analyser/:id/dagsorden", ROLES_ADMIN, 0,
	  page_analysis_attach, "Attach the PDF report to an item of an "
	  "upcoming meeting (or a new item)" },
	{ "GET", "/takster", ROLES_PUBLIC, 0, page_tariffs,
	  "Takstoversigt: published tariffs with filters and downloads" },
	{ "GET", "/takster/reduktion", ROLES_PUBLIC, 0, page_tariff_reduction,
	  "The general tariff reduction of a year: who met it (year)" },
	{ "GET", "/takster/:id", ROLES_PUBLIC, 0, page_tariff_view,
	  "One published tariff with its versions" },
	{ "POST", "/takster/:id/aendring", ROLES_EDITORS, 0,
	  page_tariff_change_post, "Change a tariff in the year, with a reason" },
	{ "GET", "/takstindberetning", ROLES_EDITORS, 0, page_rounds,
	  "Tariff-reporting rounds (admin: open a new round)" },
	{ "POST", "/takstindberetning", ROLES_ADMIN, 0, page_rounds_create,
	  "Open a round" },
	{ "GET", "/takstindberetning/:id", ROLES_EDITORS, 0, page_round_view,
	  "A round: progress, submissions, template, secretariat actions" },
	{ "POST", "/takstindberetning/:id/luk", ROLES_ADMIN, 0,
	  page_round_close, "Close a round" },
	{ "POST", "/takstindberetning/:id/genaabn", ROLES_ADMIN, 0,
	  page_round_reopen, "Reopen a round with a new deadline" },
	{ "POST", "/takstindberetning/:id/offentliggoer", ROLES_ADMIN, 0,
	  page_round_publish, "Publish a round's approved tariffs" },
	{ "GET", "/takstindberetning/:id/skabelon", ROLES_EDITORS, 0,
	  page_round_template, "Download the XLSX template of one's offers" },
	{ "POST", "/takstindberetning/:id/skabelon", ROLES_EDITORS, 0,
	  page_round_upload, "Upload a filled template (all or nothing)" },
	{ "POST", "/takstindberetning/:id/indsend-alle", ROLES_EDITORS, 0,
	  page_round_submit_all, "Submit all of one's ready submissions of a "
	  "round (after a confirmation)" },
	{ "POST", "/takstindberetning/:id/godkend-alle", ROLES_ADMIN, 0,
	  page_round_approve_all, "Approve all submitted submissions of a "
	  "round (after a confirmation), audited one by one" },
	{ "GET", "/indberetning/:id", ROLES_EDITORS, 0, page_submission,
	  "A submission: lines, computed tariffs, warnings, Indsend, review" },
	{ "POST", "/indberetning/:id/indsend", ROLES_EDITORS, 0,
	  page_submission_submit, "Submit" },
	{ "POST", "/indberetning/:id/godkend", ROLES_ADMIN, 0,
	  page_submission_approve, "Approve" },
	{ "POST", "/indberetning/:id/retur", ROLES_ADMIN, 0,
	  page_submission_return, "Return with a comment" },
	{ "GET", "/indberetning/:id/linje/:pos", ROLES_EDITORS, 0,
	  page_line_form, "Form for a service line (:pos ny for a new one)" },
	{ "POST", "/indberetning/:id/linje/:pos", ROLES_EDITORS, 0,
	  page_line_post, "Save a service line and compute its tariff" },
	{ "POST", "/indberetning/:id/linje/:pos/slet", ROLES_EDITORS, 0,
	  page_line_delete, "Delete a service line" },
	{ "POST", "/indberetning/:id/linje/:pos/beregn", ROLES_EDITORS, 0,
	  page_line_preview, "The tariff and warnings of a posted line, as "
	  "JSON, without saving it" },
	{ "GET", "/api/v1/indmeldinger", ROLES_USERS, ROUTE_API, api_ind_list,
	  "The yearly submissions (indmeldinger): years, deadlines, states" },
	{ "GET", "/api/v1/indmeldinger/:id", ROLES_USERS, ROUTE_API,
	  api_ind_get, "A year's submission: progress and the submissions the "
	  "user may see (admin all, a municipality or operator its own)" },
	{ "GET", "/api/v1/indmelding/:id", ROLES_USERS, ROUTE_API,
	  api_ind_sub_get, "One party's submission with its lines and fits" },
	{ "GET", "/indmeldinger", ROLES_USERS, 0, page_ind_years,
	  "Indmeldinger: the years (admin: open a year)" },
	{ "POST", "/indmeldinger", ROLES_ADMIN, 0, page_ind_open,
	  "Open the submission of a year with a deadline" },
	{ "GET", "/indmeldinger/:id", ROLES_USERS, 0, page_ind_year,
	  "A year: progress, submissions, hearing and agenda steps" },
	{ "POST", "/indmeldinger/:id/hoering", ROLES_ADMIN, 0,
	  page_ind_hearing, "Send the status report to the joint hearing" },
	{ "POST", "/indmeldinger/:id/dagsorden", ROLES_ADMIN, 0,
	  page_ind_agenda, "Put the report with the comments on the next DAS "
	  "meeting" },
	{ "GET", "/indmeldinger/:id/statusbillede", ROLES_USERS, 0,
	  page_ind_report, "The compiled status report with flags and the "
	  "hearing's comments" },
	{ "GET", "/indmeldinger/:id/statusbillede.xlsx", ROLES_USERS, 0,
	  page_ind_report_xlsx, "The status report as Excel" },
	{ "GET", "/indmeldinger/:id/statusbillede.pdf", ROLES_USERS, 0,
	  page_ind_report_pdf, "The status report as PDF" },
	{ "POST", "/indmeldinger/:id/kommentar", ROLES_USERS, 0,
	  page_ind_comment, "A hearing comment, per offer or general" },
	{ "GET", "/indmelding/:id", ROLES_USERS, 0, page_ind_sub,
	  "A party's submission: offers, groups, template, Indsend, review" },
	{ "POST", "/indmelding/:id/indsend", ROLES_USERS, 0, page_ind_submit,
	  "Submit a submission" },
	{ "POST", "/indmelding/:id/godkend", ROLES_ADMIN, 0, page_ind_approve,
	  "Approve a submission" },
	{ "POST", "/indmelding/:id/retur", ROLES_ADMIN, 0, page_ind_return,
	  "Return a submission with a comment" },
	{ "GET", "/indmelding/:id/skabelon", ROLES_USERS, 0, page_ind_template,
	  "The submission's Excel template" },
	{ "POST", "/indmelding/:id/skabelon", ROLES_USERS, 0, page_ind_upload,
	  "Upload a filled template (all or nothing)" },
	{ "GET", "/indmelding/:id/tilbud/:offer", ROLES_USERS, 0,
	  page_ind_line_form, "Form for one offer of a submission" },
	{ "POST", "/indmelding/:id/tilbud/:offer", ROLES_USERS, 0,
	  page_ind_line_post, "Save one offer of a submission" },
	{ "GET", "/indmelding/:id/maalgrupper", ROLES_USERS, 0,
	  page_ind_groups_form, "Form for the target groups and wishes" },
	{ "POST", "/indmelding/:id/maalgrupper", ROLES_USERS, 0,
	  page_ind_groups_post, "Save the target groups and wishes" },
	{ "GET", "/regnskab", ROLES_EDITORS, 0, page_accounts,
	  "Reported accounts (årsresultater; operators: their own)" },
	{ "GET", "/regnskab/indberet", ROLES_EDITORS, 0, page_accounts_form,
	  "Form to report an offer's accounts for a year (?tilbud=, ?aar=)" },
	{ "POST", "/regnskab/indberet", ROLES_EDITORS, 0, page_accounts_post,
	  "Report the accounts: surplus or deficit, set-aside, carry-over" },
	{ "GET", "/regnskab/hensaettelser", ROLES_EDITORS, 0,
	  page_accounts_ledger, "An operator's set-aside ledger "
	  "(?driftsherre=, ?aar=)" },
	{ "GET", "/regnskab/:id/:year", ROLES_EDITORS, 0, page_accounts_view,
	  "One offer's accounts for a year and what follows from them" },
	/* Post-adjustment of secure institutions (efterregulering). */
	{ "GET", "/oekonomi/efterregulering", ROLES_USERS, 0,
	  page_settlements, "Post-adjustments of secure institutions "
	  "(municipalities: their own share)" },
	{ "GET", "/oekonomi/efterregulering/ny", ROLES_ADMIN, 0,
	  page_settlement_form, "Form for a post-adjustment (?tilbud=, "
	  "?aar=)" },
	{ "POST", "/oekonomi/efterregulering/ny", ROLES_ADMIN, 0,
	  page_settlement_post, "Preview a post-adjustment; with confirm=1 "
	  "store it" },
	{ "GET", "/oekonomi/efterregulering/:id", ROLES_USERS, 0,
	  page_settlement_view, "One post-adjustment with its shares and "
	  "chart" },
	{ "GET", "/oekonomi/efterregulering/:id/andele.xlsx", ROLES_USERS, 0,
	  page_settlement_xlsx, "The shares of a post-adjustment as XLSX" },
	{ "GET", "/oekonomi/efterregulering/:id/efterregulering.pdf",
	  ROLES_USERS, 0, page_settlement_pdf, "One post-adjustment as PDF: "
	  "occupancy assumed and actual, the amount, the key and the "
	  "shares" },
	/* Expenditure development (udgiftsudvikling). */
	{ "GET", "/oekonomi/udgifter", ROLES_PUBLIC, 0, page_expenditure,
	  "Net expenditure of North Jutland against the whole country as "
	  "index charts (?basisaar=), and by municipality" },
	{ "POST", "/oekonomi/udgifter/indlaes", ROLES_ADMIN, 0,
	  page_expenditure_upload, "Load net expenditure from CSV (all or "
	  "nothing)" },
	/* Cost sharing and the secretariat's budget. */
	{ "GET", "/api/v1/sharing-keys", ROLES_ADMIN, ROUTE_API,
	  api_sharing_keys, "Keys of cost sharing (population, 0-17-year-olds, "
	  "other) with totals" },
	{ "POST", "/api/v1/sharing-keys", ROLES_ADMIN, ROUTE_API,
	  api_sharing_key_create, "Create a key {name, title, kind, "
	  "snapshot_date, source, values {code: n}} or {from_population: "
	  "year}" },
	{ "GET", "/api/v1/sharing-keys/:id", ROLES_ADMIN, ROUTE_API,
	  api_sharing_key_get, "One key with its value per municipality" },
	{ "GET", "/api/v1/allocations", ROLES_ADMIN, ROUTE_API,
	  api_allocations_list, "Allocations (current versions); filters "
	  "year, purpose" },
	{ "POST", "/api/v1/allocations", ROLES_ADMIN, ROUTE_API,
	  api_allocation_create, "Split a pool by a key {title, purpose, "
	  "year, pool_ore, unit_ore, key_id, municipalities} or by weights "
	  "(price_ore per participant)" },
	{ "GET", "/api/v1/allocations/:id", ROLES_USERS, ROUTE_API,
	  api_allocation_get, "One allocation with its shares (?version=); a "
	  "municipality sees its own share" },
	{ "POST", "/api/v1/allocations/:id/versions", ROLES_ADMIN, ROUTE_API,
	  api_allocation_correct, "Correct an allocation: a new version with "
	  "a reason" },
	{ "GET", "/api/v1/invoices", ROLES_USERS, ROUTE_API, api_invoices,
	  "Invoice lines of cost sharing (filters municipality, year); a "
	  "municipality gets its own" },
	{ "GET", "/oekonomi/fordelinger", ROLES_ADMIN, 0, page_allocations,
	  "Allocations of common costs (filters aar, formaal)" },
	{ "GET", "/oekonomi/fordelinger/ny", ROLES_ADMIN, 0,
	  page_allocation_new_form, "Form for a new allocation: pool, key, "
	  "municipalities" },
	{ "POST", "/oekonomi/fordelinger/ny", ROLES_ADMIN, 0,
	  page_allocation_new_post, "Preview the split, then create it after "
	  "confirmation" },
	{ "GET", "/oekonomi/fordelinger/:id", ROLES_ADMIN, 0,
	  page_allocation_view, "One allocation: shares, key as used, "
	  "versions (?version=)" },
	{ "GET", "/oekonomi/fordelinger/:id/ret", ROLES_ADMIN, 0,
	  page_allocation_correct_form, "Form to correct an allocation" },
	{ "POST", "/oekonomi/fordelinger/:id/ret", ROLES_ADMIN, 0,
	  page_allocation_correct_post, "Preview and store a new version "
	  "with a reason" },
	{ "GET", "/oekonomi/fakturaer", ROLES_USERS, 0, page_invoices,
	  "Invoice lines per municipality (a municipality: its own)" },
	{ "GET", "/oekonomi/fakturaer.xlsx", ROLES_USERS, 0,
	  page_invoices_xlsx, "The invoice lines as XLSX (?kommune=, ?aar=)" },
	{ "GET", "/oekonomi/fakturaer.pdf", ROLES_USERS, 0, page_invoices_pdf,
	  "The invoice lists as PDF, one section per municipality" },
	{ "GET", "/oekonomi/noegler", ROLES_ADMIN, 0, page_keys,
	  "Keys of cost sharing, and forms for new keys" },
	{ "POST", "/oekonomi/noegler/befolkning", ROLES_ADMIN, 0,
	  page_key_population_post, "Create a key from the register's "
	  "populations of a year" },
	{ "POST", "/oekonomi/noegler/upload", ROLES_ADMIN, 0,
	  page_key_upload_post, "Create a key from an uploaded CSV file" },
	{ "GET", "/oekonomi/noegler/:id", ROLES_ADMIN, 0, page_key_view,
	  "One key with its value per municipality" },
	{ "POST", "/oekonomi/noegler/:id/upload", ROLES_ADMIN, 0,
	  page_key_update_post, "Replace a key's figures from a CSV file "
	  "(earlier allocations keep theirs)" },
	{ "GET", "/oekonomi/sekretariat", ROLES_ADMIN, 0, page_secretariat,
	  "The secretariat's budget and accounts of a year (?aar=), overhead "
	  "and invoices" },
	{ "POST", "/oekonomi/sekretariat/linje", ROLES_ADMIN, 0,
	  page_secretariat_line_post, "Add or change a budget line" },
	{ "POST", "/oekonomi/sekretariat/linje/:id/slet", ROLES_ADMIN, 0,
	  page_secretariat_line_delete, "Delete a budget line (confirmed)" },
	{ "POST", "/oekonomi/sekretariat/lokaler", ROLES_ADMIN, 0,
	  page_secretariat_premises_post, "Set the premises of the overhead "
	  "(m² and rates per m²)" },
	{ "GET", "/oekonomi/sekretariat/deltagerbetaling", ROLES_ADMIN, 0,
	  page_secretariat_fee_form, "Form for participant fees of an event" },
	{ "POST", "/oekonomi/sekretariat/deltagerbetaling", ROLES_ADMIN, 0,
	  page_secretariat_fee_post, "Invoice participant fees per "
	  "municipality (confirmed)" },
	/* Governance: meetings, agendas, minutes, search, bodies. */
	{ "GET", "/moeder", ROLES_PUBLIC, 0, page_meetings,
	  "Meetings by body and year (filters organ, aar)" },
	{ "GET", "/moeder/nyt", ROLES_ADMIN, 0, page_meeting_new_form,
	  "Form for a new meeting" },
	{ "POST", "/moeder/nyt", ROLES_ADMIN, 0, page_meeting_new_post,
	  "Create a meeting with the standard items" },
	{ "GET", "/moeder/import", ROLES_ADMIN, 0, page_meeting_import_form,
	  "Upload minutes exported as text" },
	{ "POST", "/moeder/import", ROLES_ADMIN, 0, page_meeting_import_post,
	  "Import the uploaded minutes (the same text only once)" },
	{ "GET", "/moeder/ufuldstaendige", ROLES_ADMIN, 0,
	  page_meetings_incomplete, "Imported meetings whose start could not "
	  "be read (Ufuldstændige møder)" },
	{ "GET", "/moeder/:id", ROLES_PUBLIC, 0, page_meeting_view,
	  "A meeting: header, agenda, attachments, minutes, follow-ups "
	  "(closed items only for members and the secretariat)" },
	{ "GET", "/moeder/:id/rediger", ROLES_ADMIN, 0, page_meeting_edit_form,
	  "Form to change a meeting's header" },
	{ "POST", "/moeder/:id/rediger", ROLES_ADMIN, 0, page_meeting_edit_post,
	  "Save a meeting's header" },
	{ "POST", "/moeder/:id/status", ROLES_ADMIN, 0, page_meeting_state_post,
	  "Change a meeting's state (convene, held, cancel)" },
	{ "POST", "/moeder/:id/deltagere", ROLES_ADMIN, 0,
	  page_meeting_participant_post, "Add a participant or an apology" },
	{ "POST", "/moeder/:id/deltagere/:pid", ROLES_ADMIN, 0,
	  page_meeting_participant_set_post, "Change a participant's status "
	  "(deltager, afbud, fravaerende) and substitute" },
	{ "POST", "/moeder/:id/fra-organ", ROLES_ADMIN, 0,
	  page_meeting_participants_prefill_post, "Put the body's voting "
	  "members and substitutes on a meeting without participants" },
	{ "POST", "/moeder/:id/punkter", ROLES_ADMIN, 0, page_meeting_item_post,
	  "Add an item (items are numbered again)" },
	{ "POST", "/moeder/:id/referat/udsend", ROLES_ADMIN, 0,
	  page_meeting_circulate_post, "Circulate the draft minutes" },
	{ "POST", "/moeder/:id/referat/godkend", ROLES_ADMIN, 0,
	  page_meeting_approve_post, "Approve circulated minutes before the "
	  "next meeting {note}" },
	{ "POST", "/moeder/:id/referat/tiltraed", ROLES_USERS, 0,
	  page_meeting_signoff_post, "A member signs off circulated minutes" },
	{ "GET", "/moeder/:id/referat/aendringer", ROLES_PUBLIC, 0,
	  page_meeting_diff, "What changed between draft and approved minutes" },
	{ "GET", "/punkter/:id", ROLES_ADMIN, 0, page_item_form,
	  "An item's agenda fields, minutes, attachments and follow-ups" },
	{ "POST", "/punkter/:id", ROLES_ADMIN, 0, page_item_post,
	  "Save an item's agenda fields" },
	{ "POST", "/punkter/:id/slet", ROLES_ADMIN, 0, page_item_delete_post,
	  "Delete an item without minutes (confirms first)" },
	{ "POST", "/punkter/:id/flyt", ROLES_ADMIN, 0, page_item_move_post,
	  "Move an item up or down in its section (retning op|ned)" },
	{ "POST", "/punkter/:id/referat", ROLES_ADMIN, 0,
	  page_item_minutes_post, "Save an item's minutes and result (audited)" },
	{ "POST", "/punkter/:id/bilag", ROLES_ADMIN, ROUTE_UPLOAD,
	  page_item_attachment_post, "Attach a PDF, DOCX or XLSX (at most "
	  "serve --max-upload, default 50 MiB)" },
	{ "POST", "/punkter/:id/opfoelgning", ROLES_ADMIN, 0,
	  page_item_follow_up_post, "Add a follow-up {text, owner, due_on}" },
	{ "POST", "/punkter/:id/godkend", ROLES_ADMIN, 0,
	  page_item_approve_post, "Approve the previous meeting's minutes "
	  "(freezes and publishes them)" },
	{ "POST", "/opfoelgning/:id", ROLES_ADMIN, 0, page_follow_up_post,
	  "Change a follow-up's status" },
	{ "POST", "/bilag/:id", ROLES_ADMIN, 0, page_attachment_post,
	  "Rename an attachment or change its closed flag" },
	{ "POST", "/bilag/:id/slet", ROLES_ADMIN, 0,
	  page_attachment_delete_post, "Delete an attachment (confirms first)" },
	{ "POST", "/bilag/:id/luk", ROLES_ADMIN, 0,
	  page_attachment_close_post, "Close an open attachment or open a "
	  "closed one (confirms first) {item}" },
	{ "GET", "/bilag/:id", ROLES_PUBLIC, 0, page_attachment,
	  "Download an attachment (closed ones only for members)" },
	{ "GET", "/soeg", ROLES_PUBLIC, 0, page_search,
	  "Full-text search of public items, minutes and attachments "
	  "(q, organ, aar, afsnit, beslutning, side)" },
	{ "GET", "/organer", ROLES_PUBLIC, 0, page_bodies,
	  "Bodies, working groups and networks" },
	{ "POST", "/organer", ROLES_ADMIN, 0, page_bodies_post,
	  "Create a body" },
	{ "GET", "/organer/:id", ROLES_PUBLIC, 0, page_body_view,
	  "A body: members, meetings, nominations" },
	{ "POST", "/organer/:id/medlemmer", ROLES_ADMIN, 0,
	  page_body_member_post, "Add a member (optionally linked to a login)" },
	{ "POST", "/organer/:id/udpegninger", ROLES_ADMIN, 0,
	  page_body_nomination_post, "Ask the municipalities to nominate "
	  "members by a deadline" },
	{ "POST", "/medlemskaber/:id/afslut", ROLES_ADMIN, 0,
	  page_membership_end_post, "End a membership" },
	{ "GET", "/udpegninger/:id", ROLES_PUBLIC, 0, page_nomination_view,
	  "A nomination: who has nominated and who has not" },
	{ "POST", "/udpegninger/:id", ROLES_ADMIN, 0, page_nomination_post,
	  "Record a municipality's nominee" },

	/* Publication: documents, feeds and the politicians' page. */
	{ "GET", "/moeder/:id/dagsorden.pdf", ROLES_PUBLIC, 0,
	  page_meeting_agenda_pdf, "A meeting's agenda as PDF (closed items "
	  "only for members and the secretariat)" },
	{ "GET", "/moeder/:id/referat.pdf", ROLES_PUBLIC, 0,
	  page_meeting_minutes_pdf, "A meeting's minutes as PDF, once "
	  "approved (drafts as on the meeting page)" },
	{ "GET", "/moeder/:id/pakke.pdf", ROLES_PUBLIC, 0,
	  page_meeting_packet_pdf, "The meeting packet: the agenda followed "
	  "by the PDF attachments" },
	{ "GET", "/kalender.ics", ROLES_PUBLIC, 0, page_calendar,
	  "Published meetings and the steps of the annual cycle (this year "
	  "and the next, all-day events) as an iCalendar feed" },
	{ "GET", "/aarshjul", ROLES_PUBLIC, 0, page_cycle_year,
	  "The annual cycle (årshjul) of a year by month (?aar=YEAR): each "
	  "step with its date, who acts, status and what it belongs to" },
	{ "GET", "/aarshjul/overtagelse", ROLES_PUBLIC, 0,
	  page_cycle_takeover, "The takeover date of a regional offer from "
	  "the date of a municipality's notice (?varsel=DATE), by the "
	  "election-period rule; changes nothing" },
	{ "GET", "/aarshjul/regler", ROLES_ADMIN, 0, page_cycle_rules,
	  "The rules of the annual cycle, every version" },
	{ "GET", "/aarshjul/regler/ny", ROLES_ADMIN, 0,
	  page_cycle_rule_new_form, "Form for a new step of the annual cycle" },
	{ "POST", "/aarshjul/regler/ny", ROLES_ADMIN, 0,
	  page_cycle_rule_new_post, "Add a step with its rule and a reason "
	  "(audited)" },
	{ "GET", "/aarshjul/regler/:id", ROLES_ADMIN, 0, page_cycle_rule_form,
	  "A rule with its form and the step's history" },
	{ "POST", "/aarshjul/regler/:id", ROLES_ADMIN, 0, page_cycle_rule_post,
	  "Change a rule, or add a version from a later year (scope=ret|ny), "
	  "with a reason (audited)" },
	{ "POST", "/aarshjul/regler/:id/ophoer", ROLES_ADMIN, 0,
	  page_cycle_rule_retire_post, "Retire a step from a year on, with a "
	  "reason (confirmed first; audited)" },
	{ "GET", "/organer/:id/kalender.ics", ROLES_PUBLIC, 0,
	  page_body_calendar, "One body's published meetings as an iCalendar "
	  "feed" },
	{ "GET", "/referater.rss", ROLES_PUBLIC, 0, page_minutes_rss,
	  "RSS feed of approved minutes, newest first" },
	{ "GET", "/politikere", ROLES_PUBLIC, 0, page_politicians,
	  "For politicians: recent decisions, upcoming meetings, links to "
	  "the tariff overview and the documents" },

	/* The OParl 1.1 read API (docs/oparl.md): public, read only. */
	{ "GET", "/oparl/v1", ROLES_PUBLIC, ROUTE_API, api_oparl_system,
	  "OParl System: the entry point of the open governance data" },
	{ "GET", "/oparl/v1/bodies", ROLES_PUBLIC, ROUTE_API, api_oparl_bodies,
	  "OParl: the list of Bodies (the one framework agreement)" },
	{ "GET", "/oparl/v1/body/:body", ROLES_PUBLIC, ROUTE_API,
	  api_oparl_body, "OParl Body: the framework agreement (nordjylland)" },
	{ "GET", "/oparl/v1/body/:body/organizations", ROLES_PUBLIC, ROUTE_API,
	  api_oparl_list, "OParl list: bodies of the agreement, then "
	  "municipalities and regions"
	  "; limit, page, created_since/until, modified_since/until" },
	{ "GET", "/oparl/v1/body/:body/people", ROLES_PUBLIC, ROUTE_API,
	  api_oparl_list, "OParl list: persons with their memberships"
	  "; limit, page, created_since/until, modified_since/until" },
	{ "GET", "/oparl/v1/body/:body/memberships", ROLES_PUBLIC, ROUTE_API,
	  api_oparl_list, "OParl list: memberships of the bodies"
	  "; limit, page, created_since/until, modified_since/until" },
	{ "GET", "/oparl/v1/body/:body/meetings", ROLES_PUBLIC, ROUTE_API,
	  api_oparl_list, "OParl list: published meetings"
	  "; limit, page, created_since/until, modified_since/until" },
	{ "GET", "/oparl/v1/body/:body/agendaItems", ROLES_PUBLIC, ROUTE_API,
	  api_oparl_list, "OParl list: open items of published meetings"
	  "; limit, page, created_since/until, modified_since/until" },
	{ "GET", "/oparl/v1/body/:body/files", ROLES_PUBLIC, ROUTE_API,
	  api_oparl_list, "OParl list: open attachments of open items"
	  "; limit, page, created_since/until, modified_since/until" },
	{ "GET", "/oparl/v1/body/:body/locations", ROLES_PUBLIC, ROUTE_API,
	  api_oparl_list, "OParl list: places of published meetings"
	  "; limit, page, created_since/until, modified_since/until" },
	{ "GET", "/oparl/v1/body/:body/legislativeTerms", ROLES_PUBLIC, ROUTE_API,
	  api_oparl_list, "OParl list: agreement years"
	  "; limit, page, created_since/until, modified_since/until" },
	{ "GET", "/oparl/v1/body/:body/papers", ROLES_PUBLIC, ROUTE_API,
	  api_oparl_list, "OParl list: papers (none yet: empty)"
	  "; limit, page, created_since/until, modified_since/until" },
	{ "GET", "/oparl/v1/body/:body/consultations", ROLES_PUBLIC, ROUTE_API,
	  api_oparl_list, "OParl list: consultations (none yet: empty)"
	  "; limit, page, created_since/until, modified_since/until" },
	{ "GET", "/oparl/v1/organization/:key", ROLES_PUBLIC, ROUTE_API,
	  api_oparl_object, "OParl Organization: a body (key) or a "
	  "municipality (code), or its tombstone" },
	{ "GET", "/oparl/v1/person/:id", ROLES_PUBLIC, ROUTE_API,
	  api_oparl_object, "OParl Person with embedded memberships, or its "
	  "tombstone" },
	{ "GET", "/oparl/v1/membership/:id", ROLES_PUBLIC, ROUTE_API,
	  api_oparl_object, "OParl Membership, or its tombstone" },
	{ "GET", "/oparl/v1/meeting/:id", ROLES_PUBLIC, ROUTE_API,
	  api_oparl_object, "OParl Meeting with its open items and files, or "
	  "its tombstone" },
	{ "GET", "/oparl/v1/agendaItem/:id", ROLES_PUBLIC, ROUTE_API,
	  api_oparl_object, "OParl AgendaItem of a published meeting, or its "
	  "tombstone" },
	{ "GET", "/oparl/v1/file/:id", ROLES_PUBLIC, ROUTE_API,
	  api_oparl_object, "OParl File: an open attachment, or its tombstone" },
	{ "GET", "/oparl/v1/legislativeTerm/:id", ROLES_PUBLIC, ROUTE_API,
	  api_oparl_object, "OParl LegislativeTerm: an agreement year, or "
	  "its tombstone" },
	{ "GET", "/oparl/v1/meeting/:id/location", ROLES_PUBLIC, ROUTE_API,
	  api_oparl_meeting_location, "OParl Location: a meeting's place" },
	{ "GET", "/oparl/v1/meeting/:id/agenda", ROLES_PUBLIC, ROUTE_API,
	  api_oparl_meeting_file, "OParl File: the agenda PDF "
	  "(Meeting.invitation)" },
	{ "GET", "/oparl/v1/meeting/:id/minutes", ROLES_PUBLIC, ROUTE_API,
	  api_oparl_meeting_file, "OParl File: the approved minutes PDF "
	  "(Meeting.resultsProtocol)" },
	{ "GET", "/oparl/v1/meeting/:id/agenda.pdf", ROLES_PUBLIC, ROUTE_API,
	  api_oparl_meeting_pdf, "Redirect to the agenda PDF" },
	{ "GET", "/oparl/v1/meeting/:id/minutes.pdf", ROLES_PUBLIC, ROUTE_API,
	  api_oparl_meeting_pdf, "Redirect to the minutes PDF" },
	{ "GET", "/oparl/v1/file/:id/content", ROLES_PUBLIC, ROUTE_API,
	  api_oparl_file_content, "An open attachment's content, inline "
	  "(File.accessUrl)" },

	/* The agreement: documents and approvals, reinforced cooperation,
	   takeovers of regional offers. */
	{ "GET", "/api/v1/agreement/documents", ROLES_PUBLIC, ROUTE_API,
	  api_agreement_docs, "The agreement's documents (udviklingsstrategi, "
	  "styringsaftale, socialaftale) with year, deadline, stage and how "
	  "many councils approved" },
	{ "GET", "/api/v1/agreement/documents/:id", ROLES_PUBLIC, ROUTE_API,
	  api_agreement_doc, "One document with its versions and every "
	  "approving party's status, date and reservation" },
	{ "GET", "/aftale", ROLES_PUBLIC, 0, page_agreement,
	  "The agreement's documents and their status for approval" },
	{ "POST", "/aftale/dokumenter", ROLES_ADMIN, 0,
	  page_agreement_doc_create, "Create a document (secretariat)" },
	{ "GET", "/aftale/dokumenter/:id", ROLES_PUBLIC, 0, page_agreement_doc,
	  "A document: Status for godkendelse, who is missing, versions" },
	{ "POST", "/aftale/dokumenter/:id/versioner", ROLES_ADMIN, 0,
	  page_agreement_version_add, "Add a version of a document" },
	{ "POST", "/aftale/dokumenter/:id/bilag", ROLES_ADMIN, ROUTE_UPLOAD,
	  page_agreement_file_add, "Attach a PDF, DOCX or XLSX to the "
	  "document's newest version (at most serve --max-upload)" },
	{ "GET", "/aftale/dokumenter/:id/bilag/:file", ROLES_PUBLIC, 0,
	  page_agreement_file, "Download a document's file" },
	{ "POST", "/aftale/dokumenter/:id/godkendelse", ROLES_ADMIN |
	  ROLE_BIT(ROLE_AUTHORITY), 0, page_agreement_decision,
	  "Record a party's decision (a municipality: its own council's)" },
	{ "GET", "/api/v1/agreement/reinforced/:year", ROLES_PUBLIC, ROUTE_API,
	  api_agreement_reinforced, "The offers covered by the reinforced "
	  "cooperation on 1 July of a year, with period and status" },
	{ "GET", "/aftale/forstaerket", ROLES_PUBLIC, 0, page_reinforced,
	  "Reinforced cooperation of a year (?aar=): steps, covered offers; "
	  "for users nominations, assessments, rescue tracks" },
	{ "GET", "/aftale/forstaerket/:year/brev.pdf", ROLES_PUBLIC, 0,
	  page_reinforced_letter, "Letter to the referral units listing the "
	  "covered offers (PDF)" },
	{ "POST", "/aftale/forstaerket/:year/indstillinger", ROLES_EDITORS |
	  ROLE_BIT(ROLE_AUTHORITY), 0, page_reinforced_nominate,
	  "Nominate an offer with reasons (an operator its own offers)" },
	{ "POST", "/aftale/forstaerket/:year/vurderinger", ROLES_ADMIN, 0,
	  page_reinforced_assess, "The expert panel's assessment of an offer" },
	{ "POST", "/aftale/forstaerket/:year/dagsorden", ROLES_ADMIN, 0,
	  page_reinforced_agenda, "Put the panel's recommendation on DAS's "
	  "next meeting" },
	{ "POST", "/aftale/forstaerket/:year/beslutning", ROLES_ADMIN, 0,
	  page_reinforced_decide, "Record DAS's decision: covered from 1 July" },
	{ "POST", "/aftale/forstaerket/:year/godkendelse", ROLES_ADMIN, 0,
	  page_reinforced_approve, "Record the councils' approval" },
	{ "POST", "/aftale/noedspor", ROLES_ADMIN, 0, page_rescue_open,
	  "Start a rescue track (nødspor) for an offer" },
	{ "GET", "/aftale/noedspor/:id", ROLES_USERS, 0, page_rescue,
	  "A rescue track: warning, task force, terms, follow-up" },
	{ "POST", "/aftale/noedspor/:id", ROLES_ADMIN, 0, page_rescue_update,
	  "Change a rescue track and add a follow-up note" },
	{ "POST", "/aftale/noedspor/:id/luk", ROLES_ADMIN, 0,
	  page_rescue_close, "Close a rescue track (confirmed first)" },
	{ "GET", "/aftale/overtagelser", ROLES_PUBLIC, 0, page_takeovers,
	  "Takeovers of regional offers: the election-period rule, notices "
	  "and takeover dates" },
	{ "POST", "/aftale/overtagelser", ROLES_ADMIN |
	  ROLE_BIT(ROLE_AUTHORITY), 0, page_takeover_notify,
	  "Record a municipality's notice of takeover (a municipality: its "
	  "own); a notice after the deadline is refused" },
	{ "POST", "/aftale/overtagelser/:id/gennemfoer", ROLES_ADMIN, 0,
	  page_takeover_apply, "Carry out a takeover that is due: the offer's "
	  "operator changes (confirmed first)" },
};

const struct route *
router_routes(size_t *n)
{
	*n = sizeof(routes) / sizeof(routes[0]);
	return routes;
}
