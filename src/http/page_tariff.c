/*
 * page_tariff — the Danish pages of the tariff rounds: the public
 * Takstoversigt (filters, downloads, version history and changes in the
 * year), Takstindberetning (rounds with their progress for the
 * secretariat, a new round), a round with its submissions, the XLSX
 * template and its upload, an operator's submission with its service
 * lines, computed tariffs and warnings before Indsend, and the review
 * with Godkend and Send retur. Handlers read the request, call the round
 * service and write through the escaping HTML writer.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/money.h"
#include "core/org.h"
#include "core/params.h"
#include "core/role.h"
#include "core/round.h"
#include "core/tariff.h"
#include "http/api.h"
#include "http/html.h"
#include "http/http.h"
#include "http/page.h"
#include "http/routes.h"
#include "http/tariff_http.h"
#include "service/history.h"
#include "service/reduction.h"
#include "service/register.h"
#include "service/round.h"
#include "service/round_io.h"
#include "store/audit.h"
#include "util/text.h"

/* ---- small helpers ---------------------------------------------------- */

/* "2.283 kr." with a no-break space, so an amount never wraps. */
static void
kr(struct html *h, int64_t ore)
{
	char	 b[TEXT_KR_SIZE], *sp;

	text_format_ore_da(b, ore);
	if ((sp = strrchr(b, ' ')) != NULL) {
		*sp = '\0';
		html_text(h, b);
		HTML_LIT(h, "&nbsp;");
		html_text(h, sp + 1);
	} else
		html_text(h, b);
}

static void
pct(struct html *h, int64_t bp)
{
	html_centi(h, bp);
	HTML_LIT(h, " %");
}

static void
num_text(struct html *h, struct http_req *r, int64_t v)
{
	html_text(h, arena_printf(&r->arena, "%lld", (long long)v));
}

/* A path with one id: idpath(r, "/takster/%lld", id). */
#define idpath(r, fmt, id)	arena_printf(&(r)->arena, fmt, (long long)(id))

/* Sub-navigation of the tariff pages. */
static void
subnav(struct page *p, const char *current)
{
	struct html *h = &p->h;

	if (p->r->who.role != ROLE_ADMIN && p->r->who.role != ROLE_OPERATOR)
		return;
	HTML_LIT(h, "<nav class=\"actions\" aria-label=\"Takster\">");
	HTML_LIT(h, "<a class=\"button secondary\" href=\"/takster\"");
	if (strcmp(current, "oversigt") == 0)
		HTML_LIT(h, " aria-current=\"page\"");
	HTML_LIT(h, ">Takstoversigt</a><a class=\"button secondary\" "
	    "href=\"/takstindberetning\"");
	if (strcmp(current, "indberetning") == 0)
		HTML_LIT(h, " aria-current=\"page\"");
	HTML_LIT(h, ">Takstindberetning</a><a class=\"button secondary\" "
	    "href=\"/takster/reduktion\"");
	if (strcmp(current, "reduktion") == 0)
		HTML_LIT(h, " aria-current=\"page\"");
	HTML_LIT(h, ">Takstreduktion</a></nav>");
}

/* A hidden version field. */
static void
version_field(struct page *p, int64_t v)
{
	HTML_LIT(&p->h, "<input type=\"hidden\" name=\"version\"");
	html_attr(&p->h, "value", arena_printf(&p->r->arena, "%lld",
	    (long long)v));
	HTML_LIT(&p->h, ">");
}

static int
form_version(struct http_req *r, int64_t *v, struct err *e)
{
	const char *s = http_form(r, "version");

	if (s == NULL || text_parse_i64(s, v) != 0 || *v <= 0)
		return err_set(e, ERR_INVALID, "missing_version", "version",
		    "Formularen mangler versionsnummer; genindlæs siden");
	return 0;
}

static const char *
status_label(const struct submission *s, const struct tariff_round *t)
{
	if (t != NULL && t->status == ROUND_PUBLISHED &&
	    s->status == SUBMISSION_APPROVED)
		return "Offentliggjort";
	return submission_status_label(s->status);
}

static void
org_options(struct html *h, struct http_req *r, const char *selected,
    int kommune_only)
{
	struct org	*v;
	struct err	 e;
	int		 n, i;

	err_clear(&e);
	if (register_org_list(&r->svc, &v, &n, &e) != 0)
		return;
	for (i = 0; i < n; i++) {
		if (kommune_only && v[i].kind != ORG_KOMMUNE)
			continue;
		HTML_LIT(h, "<option");
		html_attr(h, "value", v[i].code);
		if (selected != NULL && strcmp(selected, v[i].code) == 0)
			HTML_LIT(h, " selected");
		HTML_LIT(h, ">");
		html_text(h, v[i].name);
		HTML_LIT(h, " (");
		html_text(h, v[i].code);
		HTML_LIT(h, ")</option>");
	}
}

static void
history_table(struct page *p, const struct history_entry *hist, size_t n)
{
	struct html	*h = &p->h;
	size_t		 k;

	if (n == 0)
		return;
	HTML_LIT(h, "<h2>Historik</h2><table class=\"history\"><thead><tr>"
	    "<th scope=\"col\">Tidspunkt</th><th scope=\"col\">Bruger"
	    "</th><th scope=\"col\">Handling</th></tr></thead><tbody>");
	for (k = 0; k < n; k++) {
		HTML_LIT(h, "<tr><td>");
		html_time(h, hist[k].at_iso);
		HTML_LIT(h, "</td><td>");
		html_text(h, hist[k].who);
		HTML_LIT(h, "</td><td>");
		html_text(h, hist[k].action_label);
		HTML_LIT(h, "</td></tr>");
	}
	HTML_LIT(h, "</tbody></table>");
}

/* ---- Takstoversigt ---------------------------------------------------- */

static const char *
filter_query(struct http_req *r)
{
	static const char *const keys[] = { "year", "operator", "paragraph",
	    "target_group", "municipality", "offer", "versions", NULL };
	struct buf	 b;
	const char	*v, *out;
	int		 i;

	buf_init(&b);
	for (i = 0; keys[i] != NULL; i++)
		if ((v = http_query(r, keys[i])) != NULL && *v)
			buf_printf(&b, "&%s=%s", keys[i],
			    http_urlencode(&r->arena, v));
	out = arena_strdup(&r->arena, buf_str(&b));
	buf_cleanup(&b);
	return out;
}

static void
validity(struct html *h, const struct published_tariff *t)
{
	html_date(h, t->valid_from);
	HTML_LIT(h, " – ");
	html_date(h, t->valid_to);
}

/* Which citizens a tariff is for, after its level: "Visiteret fra 6.
 * marts 2014" (a new structure) or "Visiteret før ..." (the one it
 * replaces); nothing for every citizen. */
static void
referral_note(struct html *h, const char *from, const char *before)
{
	if (from == NULL && before == NULL)
		return;
	HTML_LIT(h, "<br><span class=\"muted referral\">");
	if (from != NULL)
		HTML_LIT(h, "Visiteret fra ");
	else
		HTML_LIT(h, "Visiteret før ");
	html_date(h, from != NULL ? from : before);
	HTML_LIT(h, "</span>");
}

void
page_tariffs(struct http_req *r)
{
	static const char *const allowed[] = { "year", "operator", "paragraph",
	    "target_group", "municipality", "offer", "versions", NULL };
	struct page		 p;
	struct html		*h = &p.h;
	struct published_tariff	*v = NULL;
	struct tariff_filter	 f;
	struct err		 e;
	const char		**groups = NULL, *sel, *q;
	int			*years = NULL;
	size_t			 n = 0, ng = 0, ny = 0, i;
	int			 rc;

	err_clear(&e);
	rc = http_query_check(r, allowed, &e);
	if (rc == 0)
		rc = tariff_http_filter(r, &f, &e);
	if (rc == 0)
		rc = round_tariffs(&r->svc, &f, &v, &n, NULL, &e);
	if (rc != 0 && e.code != ERR_INVALID) {
		http_send_error(r, &e);
		return;
	}
	round_tariff_facets(&r->svc, &groups, &ng, &years, &ny, &e);
	page_begin(&p, r, "Takstoversigt", "takster");
	subnav(&p, "oversigt");
	HTML_LIT(h, "<p>Offentliggjorte takster for tilbud under "
	    "rammeaftalen: enhed, takstniveau, budgetteret belægning og "
	    "gyldighed. Tidligere versioner bevares; en takstændring i løbet "
	    "af året har sin egen begrundelse og gyldighedsperiode. Se også "
	    "<a href=\"/takster/reduktion\">den generelle takstreduktion"
	    "</a>: hvem har sænket taksterne som aftalt.</p>");
	HTML_LIT(h, "<form class=\"filters\" method=\"get\" "
	    "action=\"/takster\" "
	    "role=\"search\"><label>Takstår<select name=\"year\">"
	    "<option value=\"\">Alle</option>");
	sel = http_query(r, "year");
	for (i = 0; i < ny; i++) {
		const char *y = arena_printf(&r->arena, "%d", years[i]);
		HTML_LIT(h, "<option");
		html_attr(h, "value", y);
		if (sel != NULL && strcmp(sel, y) == 0)
			HTML_LIT(h, " selected");
		HTML_LIT(h, ">");
		html_text(h, y);
		HTML_LIT(h, "</option>");
	}
	HTML_LIT(h, "</select></label><label>Driftsherre<select "
	    "name=\"operator\"><option value=\"\">Alle</option>");
	org_options(h, r, http_query(r, "operator"), 0);
	HTML_LIT(h, "</select></label><label>Paragraf<input name=\"paragraph\" "
	    "size=\"8\" placeholder=\"fx 107\"");
	html_attr(h, "value", http_query(r, "paragraph"));
	HTML_LIT(h, "></label><label>Målgruppe<select name=\"target_group\">"
	    "<option value=\"\">Alle</option>");
	sel = http_query(r, "target_group");
	for (i = 0; i < ng; i++) {
		HTML_LIT(h, "<option");
		html_attr(h, "value", groups[i]);
		if (sel != NULL && strcmp(sel, groups[i]) == 0)
			HTML_LIT(h, " selected");
		HTML_LIT(h, ">");
		html_text(h, groups[i]);
		HTML_LIT(h, "</option>");
	}
	HTML_LIT(h, "</select></label><label>Beliggenhedskommune<select "
	    "name=\"municipality\"><option value=\"\">Alle</option>");
	org_options(h, r, http_query(r, "municipality"), 1);
	HTML_LIT(h, "</select></label><label class=\"check\"><input "
	    "type=\"checkbox\" name=\"versions\" value=\"true\"");
	if ((sel = http_query(r, "versions")) != NULL &&
	    strcmp(sel, "true") == 0)
		HTML_LIT(h, " checked");
	HTML_LIT(h, "> Vis afløste versioner</label><button type=\"submit\">"
	    "Vis</button></form>\n");
	if (rc != 0)
		page_message(&p, "error", e.msg);
	q = filter_query(r);
	HTML_LIT(h, "<div class=\"actions\"><span class=\"muted\">Hent "
	    "oversigten:</span><a class=\"button secondary\" download");
	html_url(h, "href", arena_printf(&r->arena,
	    "/api/v1/tariffs?format=xlsx%s", q));
	HTML_LIT(h, ">Excel</a><a class=\"button secondary\" download");
	html_url(h, "href", arena_printf(&r->arena,
	    "/api/v1/tariffs?format=csv%s", q));
	HTML_LIT(h, ">CSV</a></div>\n<p id=\"count\">");
	html_int(h, (int64_t)n);
	if (n == 1)
		HTML_LIT(h, " takst</p>");
	else
		HTML_LIT(h, " takster</p>");
	HTML_LIT(h, "<table class=\"tariffs\"><thead><tr>"
	    "<th scope=\"col\">Tilbud</th><th scope=\"col\">Driftsherre</th>"
	    "<th scope=\"col\">Beliggenhedskommune</th><th scope=\"col\">"
	    "Paragraf</th><th scope=\"col\">Takstniveau</th><th scope=\"col\">"
	    "Enhed</th><th scope=\"col\" class=\"num\">Takst</th>"
	    "<th scope=\"col\" class=\"num\">Pladser</th><th scope=\"col\" "
	    "class=\"num\">Budgetteret belægning</th><th scope=\"col\">"
	    "Gyldig</th><th scope=\"col\">Version</th></tr></thead><tbody>");
	for (i = 0; i < n; i++) {
		HTML_LIT(h, "<tr><td><a");
		html_url(h, "href", idpath(r, "/tilbud/%lld", v[i].offer_id));
		HTML_LIT(h, ">");
		html_text(h, v[i].offer_name);
		HTML_LIT(h, "</a></td><td>");
		html_text(h, v[i].operator_name ? v[i].operator_name :
		    "Ikke oplyst");
		HTML_LIT(h, "</td><td>");
		html_text(h, v[i].location_name ? v[i].location_name :
		    "Ikke oplyst");
		HTML_LIT(h, "</td><td>");
		html_text(h, v[i].paragraph);
		HTML_LIT(h, "</td><td>");
		html_text(h, *v[i].level ? v[i].level : "–");
		referral_note(h, v[i].referred_from, v[i].referred_before);
		HTML_LIT(h, "</td><td>");
		html_text(h, tariff_unit_label(v[i].unit));
		HTML_LIT(h, "</td><td class=\"num\">");
		kr(h, v[i].tariff_ore);
		HTML_LIT(h, "</td><td class=\"num\">");
		html_centi(h, v[i].places_centi);
		HTML_LIT(h, "</td><td class=\"num\">");
		pct(h, v[i].occupancy_bp);
		HTML_LIT(h, "</td><td>");
		validity(h, &v[i]);
		if (v[i].superseded_at != NULL)
			HTML_LIT(h, " <span class=\"muted\">(afløst)</span>");
		HTML_LIT(h, "</td><td><a");
		html_url(h, "href", idpath(r, "/takster/%lld", v[i].id));
		HTML_LIT(h, ">");
		html_text(h, arena_printf(&r->arena, "Version %lld",
		    (long long)v[i].version));
		HTML_LIT(h, "</a></td></tr>\n");
	}
	HTML_LIT(h, "</tbody></table>");
	page_end(&p, rc == 0 ? 200 : 400);
}

static void
tariff_page(struct http_req *r, int64_t id, const struct err *err,
    int status)
{
	struct page		 p;
	struct html		*h = &p.h;
	struct published_tariff	 t, *v;
	struct err		 e;
	size_t			 n, i;
	const char		*flash;

	err_clear(&e);
	if (round_tariff_get(&r->svc, id, &t, &v, &n, &e) != 0) {
		http_send_error(r, &e);
		return;
	}
	page_begin(&p, r, arena_printf(&r->arena, "Takst: %s", t.offer_name),
	    "takster");
	subnav(&p, "oversigt");
	if ((flash = http_query(r, "besked")) != NULL &&
	    strcmp(flash, "aendret") == 0)
		page_message(&p, "ok", "Takstændringen er gemt som en ny "
		    "version.");
	if (err != NULL)
		page_message(&p, "error", err->msg);
	HTML_LIT(h, "<dl class=\"facts\"><dt>Tilbud</dt><dd><a");
	html_url(h, "href", idpath(r, "/tilbud/%lld", t.offer_id));
	HTML_LIT(h, ">");
	html_text(h, t.offer_name);
	HTML_LIT(h, "</a></dd><dt>Driftsherre</dt><dd>");
	html_text(h, t.operator_name ? t.operator_name : "Ikke oplyst");
	HTML_LIT(h, "</dd><dt>Takstår</dt><dd>");
	num_text(h, r, t.year);
	HTML_LIT(h, "</dd><dt>Paragraf</dt><dd>");
	html_text(h, t.paragraph);
	HTML_LIT(h, "</dd><dt>Takstniveau</dt><dd>");
	html_text(h, *t.level ? t.level : "–");
	referral_note(h, t.referred_from, t.referred_before);
	HTML_LIT(h, "</dd><dt>Enhed</dt><dd>");
	html_text(h, tariff_unit_label(t.unit));
	HTML_LIT(h, "</dd><dt>Takst</dt><dd>");
	kr(h, t.tariff_ore);
	HTML_LIT(h, "</dd><dt>Gyldig</dt><dd>");
	validity(h, &t);
	HTML_LIT(h, "</dd></dl><h2>Versioner</h2><table class=\"versions\">"
	    "<thead><tr><th scope=\"col\">Version</th><th scope=\"col\" "
	    "class=\"num\">Takst</th><th scope=\"col\">Gyldig</th><th "
	    "scope=\"col\">Kilde</th><th scope=\"col\">Begrundelse</th>"
	    "<th scope=\"col\">Offentliggjort</th><th scope=\"col\">Status"
	    "</th></tr></thead><tbody>");
	for (i = 0; i < n; i++) {
		HTML_LIT(h, "<tr><td>");
		num_text(h, r, v[i].version);
		HTML_LIT(h, "</td><td class=\"num\">");
		kr(h, v[i].tariff_ore);
		HTML_LIT(h, "</td><td>");
		validity(h, &v[i]);
		HTML_LIT(h, "</td><td>");
		if (v[i].round_no)
			html_text(h, arena_printf(&r->arena, "Runde %d",
			    v[i].round_no));
		else
			html_text(h, "Takstændring i året");
		HTML_LIT(h, "</td><td>");
		html_text(h, v[i].reason ? v[i].reason : "");
		HTML_LIT(h, "</td><td>");
		html_time(h, v[i].published_at);
		HTML_LIT(h, " (");
		html_text(h, v[i].published_by);
		HTML_LIT(h, ")</td><td>");
		html_text(h, v[i].superseded_at ? "Afløst af senere runde" :
		    "Gældende");
		HTML_LIT(h, "</td></tr>");
	}
	HTML_LIT(h, "</tbody></table>");
	if (t.superseded_at == NULL && role_may_edit_offer(&r->who,
	    t.operator_code) && t.id == v[n - 1].id) {
		HTML_LIT(h, "<h2>Takstændring i løbet af året</h2><p>En "
		    "ændring "
		    "gælder fra en dato og kræver en begrundelse (fx en varig "
		    "ændring af pladstallet). Den hidtidige takst bevares med "
		    "gyldighed til dagen før.</p><form class=\"stack\" "
		    "method=\"post\"");
		html_url(h, "action", idpath(r, "/takster/%lld/aendring",
		    t.id));
		HTML_LIT(h, ">");
		page_csrf(&p);
		HTML_LIT(h, "<label>Ny takst (kr.)<input name=\"tariff\" "
		    "inputmode=\"decimal\" required></label><label>Gælder fra"
		    "<input type=\"date\" name=\"valid_from\" required"
		    "></label><label>Begrundelse<textarea name=\"reason\" "
		    "rows=\"3\" required></textarea></label><div "
		    "class=\"actions\"><button type=\"submit\">Gem "
		    "takstændring</button></div></form>");
	}
	HTML_LIT(h, "<p><a href=\"/takster\">Tilbage til takstoversigten</a>"
	    "</p>");
	page_end(&p, status);
}

void
page_tariff_view(struct http_req *r)
{
	struct err	e;
	int64_t		id;

	err_clear(&e);
	if (api_param_id(r, 0, &id, &e) != 0) {
		http_send_error(r, &e);
		return;
	}
	tariff_page(r, id, NULL, 200);
}

void
page_tariff_change_post(struct http_req *r)
{
	struct err	 e;
	const char	*amount, *from, *reason;
	int64_t		 id, ore, nid;

	err_clear(&e);
	if (api_param_id(r, 0, &id, &e) != 0) {
		http_send_error(r, &e);
		return;
	}
	amount = http_form_text(r, "tariff");
	from = http_form_text(r, "valid_from");
	reason = http_form_text(r, "reason");
	if (http_form_error(r, &e) != 0)
		;
	else if (amount == NULL || text_parse_kr(amount, &ore) != 0)
		err_set(&e, ERR_INVALID, "invalid_amount", "tariff", "Angiv "
		    "den "
		    "nye takst i kroner (fx 2.283 eller 2.283,50)");
	else if (round_tariff_change(&r->svc, id, ore, from, reason, &nid,
	    &e) == 0) {
		http_redirect(r, idpath(r, "/takster/%lld?besked=aendret",
		    nid));
		return;
	}
	if (e.code == ERR_FORBIDDEN || e.code == ERR_NOT_FOUND) {
		http_send_error(r, &e);
		return;
	}
	tariff_page(r, id, &e, http_status_of_err(e.code));
}

/* ---- Takstindberetning: rounds --------------------------------------- */

static void
new_round_form(struct page *p)
{
	struct html	*h = &p->h;
	int		 y = atoi(p->r->svc.now_iso) + 1;

	HTML_LIT(h, "<h2>Åbn en ny runde</h2><p>Alle driftsherrers tilbud får "
	    "en indberetning, udfyldt på forhånd med sidste års linjer og "
	    "regnskabernes over-/underskud og belægning.</p><form "
	    "class=\"stack\" method=\"post\" action=\"/takstindberetning\">");
	page_csrf(p);
	HTML_LIT(h, "<label>Takstår<input name=\"year\" inputmode=\"numeric\" "
	    "maxlength=\"4\" required");
	html_attr(h, "value", arena_printf(&p->r->arena, "%d", y));
	HTML_LIT(h, "></label><label>Rundenummer<input name=\"no\" "
	    "inputmode=\"numeric\" maxlength=\"1\" value=\"1\" required>"
	    "</label><label>Titel<input name=\"title\"");
	HTML_LIT(h, " maxlength=\"");
	html_int(h, ROUND_TITLE_MAX);
	HTML_LIT(h, "\" required value=\"Foreløbige takster\"></label>"
	    "<label>Åbner<input type=\"date\" name=\"opens_on\" required");
	html_attr(h, "value", arena_strndup(&p->r->arena, p->r->svc.now_iso,
	    10));
	HTML_LIT(h, "></label><label>Frist<input type=\"date\" "
	    "name=\"deadline\" required></label><label>Pris- og lønudvikling "
	    "fra året før (%)<input name=\"pl_pct\" inputmode=\"decimal\" "
	    "value=\"0\"></label><label>Reel stigning der kræver begrundelse "
	    "(%)<input name=\"increase_warn_pct\" inputmode=\"decimal\" "
	    "value=\"5\"></label><label class=\"check\"><input "
	    "type=\"checkbox\" name=\"covered_only\" value=\"1\"> Kun tilbud "
	    "omfattet af rammeaftalen</label><div class=\"actions\"><button "
	    "type=\"submit\">Åbn runden</button></div></form>");
}

static void
rounds_page(struct http_req *r, const struct err *err, int status)
{
	struct page		 p;
	struct html		*h = &p.h;
	struct tariff_round	*v;
	struct err		 e;
	size_t			 n = 0, i;

	err_clear(&e);
	if (round_list(&r->svc, &v, &n, &e) != 0) {
		http_send_error(r, &e);
		return;
	}
	page_begin(&p, r, "Takstindberetning", "indberetning");
	subnav(&p, "indberetning");
	if (err != NULL)
		page_message(&p, "error", err->msg);
	HTML_LIT(h, "<p>Runder for takstindberetning (runde 1: foreløbige "
	    "takster om sommeren; runde 2: endelige takster efter "
	    "budgetvedtagelsen).</p><table class=\"rounds\"><thead><tr>"
	    "<th scope=\"col\">Takstår</th><th scope=\"col\">Runde</th>"
	    "<th scope=\"col\">Titel</th><th scope=\"col\">Frist</th>"
	    "<th scope=\"col\">Status</th></tr></thead><tbody>");
	for (i = 0; i < n; i++) {
		HTML_LIT(h, "<tr><td>");
		num_text(h, r, v[i].year);
		HTML_LIT(h, "</td><td>");
		num_text(h, r, v[i].no);
		HTML_LIT(h, "</td><td><a");
		html_url(h, "href", idpath(r, "/takstindberetning/%lld",
		    v[i].id));
		HTML_LIT(h, ">");
		html_text(h, v[i].title);
		HTML_LIT(h, "</a></td><td>");
		html_date(h, v[i].deadline);
		HTML_LIT(h, "</td><td>");
		html_text(h, round_status_label(v[i].status));
		HTML_LIT(h, "</td></tr>");
	}
	HTML_LIT(h, "</tbody></table>");
	if (n == 0)
		HTML_LIT(h, "<p class=\"muted\">Ingen runder endnu.</p>");
	if (r->who.role == ROLE_ADMIN)
		new_round_form(&p);
	page_end(&p, status);
}

void
page_rounds(struct http_req *r)
{
	rounds_page(r, NULL, 200);
}

/* A percentage field ("1,8" or "1.8") into basis points. */
static int
form_pct(struct http_req *r, const char *name, int64_t *out, struct err *e)
{
	const char *v = http_form_text(r, name);

	if (v == NULL)
		return 0;
	if (text_parse_centi(v, out) != 0)
		return err_set(e, ERR_INVALID, "invalid_number", name,
		    "Angiv et tal med højst to decimaler");
	return 0;
}

void
page_rounds_create(struct http_req *r)
{
	struct tariff_round	 t;
	struct err		 e;
	const char		*s;
	int64_t			 y = 0, no = 0, id;
	int			 rc;

	err_clear(&e);
	memset(&t, 0, sizeof(t));
	t.increase_warn_bp = 500;
	if ((rc = http_form_error(r, &e)) == 0) {
		if ((s = http_form_text(r, "year")) == NULL || text_parse_i64(s, &y) != 0)
			rc = err_set(&e, ERR_INVALID, "invalid_year", "year",
			    "Angiv takståret");
		else if ((s = http_form_text(r, "no")) == NULL ||
		    text_parse_i64(s, &no) != 0 || no < 1 || no > ROUND_NO_MAX)
			rc = err_set(&e, ERR_INVALID, "invalid_round_no", "no",
			    "Rundenummeret skal være 1–%d", ROUND_NO_MAX);
		else if ((rc = form_pct(r, "pl_pct", &t.pl_bp, &e)) == 0)
			rc = form_pct(r, "increase_warn_pct",
			    &t.increase_warn_bp, &e);
	}
	if (rc == 0) {
		t.year = (int)(y > 0 && y < 10000 ? y : 0);
		t.no = (int)no;
		t.title = http_form_text(r, "title");
		t.opens_on = http_form_text(r, "opens_on");
		t.deadline = http_form_text(r, "deadline");
		t.covered_only = http_form_text(r, "covered_only") != NULL;
		rc = round_create(&r->svc, &t, &id, NULL, &e);
	}
	if (rc == 0) {
		http_redirect(r, idpath(r, "/takstindberetning/%lld?besked="
		    "oprettet", id));
		return;
	}
	if (e.code == ERR_FORBIDDEN) {
		http_send_error(r, &e);
		return;
	}
	rounds_page(r, &e, http_status_of_err(e.code));
}

static const char *
round_flash(const char *key)
{
	if (key == NULL)
		return NULL;
	if (strcmp(key, "oprettet") == 0)
		return "Runden er åbnet, og indberetningerne er oprettet.";
	if (strcmp(key, "lukket") == 0)
		return "Runden er lukket for indberetning.";
	if (strcmp(key, "genaabnet") == 0)
		return "Runden er genåbnet med en ny frist.";
	if (strcmp(key, "offentliggjort") == 0)
		return "Runden er offentliggjort; taksterne står i "
		    "takstoversigten.";
	if (strcmp(key, "indlaest") == 0)
		return "Skabelonen er indlæst; taksterne er beregnet.";
	return NULL;
}

static void
upload_form(struct page *p, int64_t round_id)
{
	struct html *h = &p->h;

	HTML_LIT(h, "<h2>Excel-skabelon</h2><p>Hent skabelonen med dine "
	    "tilbud, udfyld budgettet pr. ydelseslinje og indlæs den igen. "
	    "Hvis en celle er forkert, gemmes intet, og fejlen vises med "
	    "række og celle.</p><div class=\"actions\"><a class=\"button "
	    "secondary\" download");
	html_url(h, "href", idpath(p->r, "/takstindberetning/%lld/skabelon",
	    round_id));
	HTML_LIT(h, ">Hent skabelon (Excel)</a></div><form class=\"stack\" "
	    "method=\"post\" enctype=\"multipart/form-data\"");
	html_url(h, "action", idpath(p->r, "/takstindberetning/%lld/skabelon",
	    round_id));
	HTML_LIT(h, ">");
	page_csrf(p);
	HTML_LIT(h, "<label>Udfyldt skabelon (.xlsx)<input type=\"file\" "
	    "name=\"file\" accept=\".xlsx\" required></label><div "
	    "class=\"actions\"><button type=\"submit\">Indlæs skabelon"
	    "</button></div></form>");
}

static void
import_errors(struct page *p, const struct round_import_report *rep)
{
	struct html	*h = &p->h;
	int		 i;

	if (rep->nerrors == 0)
		return;
	HTML_LIT(h, "<table class=\"errors\"><thead><tr><th scope=\"col\">"
	    "Række</th><th scope=\"col\">Celle</th><th scope=\"col\">Fejl</th>"
	    "</tr></thead><tbody>");
	for (i = 0; i < rep->nerrors; i++) {
		HTML_LIT(h, "<tr><td>");
		html_int(h, rep->errors[i].line);
		HTML_LIT(h, "</td><td>");
		html_text(h, rep->errors[i].field);
		HTML_LIT(h, "</td><td>");
		html_text(h, rep->errors[i].msg);
		HTML_LIT(h, "</td></tr>");
	}
	HTML_LIT(h, "</tbody></table>");
}

static void
round_page(struct http_req *r, int64_t id, const struct err *err,
    const struct round_import_report *rep, int status)
{
	struct page		 p;
	struct html		*h = &p.h;
	struct tariff_round	 t;
	struct round_progress	 pr;
	struct submission	*v;
	struct err		 e;
	const char		*flash;
	size_t			 n, i;
	int			 k;
	bool			 admin = r->who.role == ROLE_ADMIN;

	err_clear(&e);
	if (round_get(&r->svc, id, &t, &pr, &e) != 0 ||
	    round_submissions(&r->svc, id, &v, &n, &e) != 0) {
		http_send_error(r, &e);
		return;
	}
	page_begin(&p, r, arena_printf(&r->arena, "Takstindberetning %d, "
	    "runde %d", t.year, t.no), "indberetning");
	subnav(&p, "indberetning");
	if ((flash = round_flash(http_query(r, "besked"))) != NULL)
		page_message(&p, "ok", flash);
	if (err != NULL)
		page_message(&p, "error", err->msg);
	if (rep != NULL)
		import_errors(&p, rep);
	HTML_LIT(h, "<dl class=\"facts\"><dt>Titel</dt><dd>");
	html_text(h, t.title);
	HTML_LIT(h, "</dd><dt>Takstår</dt><dd>");
	num_text(h, r, t.year);
	HTML_LIT(h, "</dd><dt>Åbner</dt><dd>");
	html_date(h, t.opens_on);
	HTML_LIT(h, "</dd><dt>Frist</dt><dd>");
	html_date(h, t.deadline);
	if (t.reopened_until != NULL) {
		HTML_LIT(h, " (genåbnet til ");
		html_date(h, t.reopened_until);
		HTML_LIT(h, ")");
	}
	HTML_LIT(h, "</dd><dt>Status</dt><dd>");
	html_text(h, round_status_label(t.status));
	HTML_LIT(h, "</dd></dl>");

	HTML_LIT(h, "<h2>Fremdrift</h2><p id=\"progress\"><strong>");
	html_int(h, pr.operators_done);
	HTML_LIT(h, " af ");
	html_int(h, pr.operators);
	HTML_LIT(h, "</strong> driftsherrer har indsendt alle deres "
	    "indberetninger.</p><p class=\"muted\">");
	for (k = 0; k < SUBMISSION_STATUS_COUNT; k++) {
		if (k > 0)
			HTML_LIT(h, " · ");
		html_text(h, submission_status_label(
		    (enum submission_status)k));
		HTML_LIT(h, ": ");
		html_int(h, pr.by_status[k]);
	}
	HTML_LIT(h, "</p>");
	if (admin && pr.nops > 0) {
		HTML_LIT(h, "<table class=\"operators\"><thead><tr><th "
		    "scope=\"col\">Driftsherre</th><th scope=\"col\" "
		    "class=\"num\">Tilbud</th><th scope=\"col\" class=\"num\">"
		    "Indsendt</th><th scope=\"col\" class=\"num\">Godkendt</th>"
		    "<th scope=\"col\">Status</th></tr></thead><tbody>");
		for (i = 0; i < pr.nops; i++) {
			HTML_LIT(h, "<tr><td>");
			html_text(h, pr.ops[i].name);
			HTML_LIT(h, "</td><td class=\"num\">");
			html_int(h, pr.ops[i].offers);
			HTML_LIT(h, "</td><td class=\"num\">");
			html_int(h, pr.ops[i].done);
			HTML_LIT(h, "</td><td class=\"num\">");
			html_int(h, pr.ops[i].approved);
			HTML_LIT(h, "</td><td>");
			html_text(h, pr.ops[i].done == pr.ops[i].offers ?
			    "Alt indsendt" : "Mangler at indsende");
			HTML_LIT(h, "</td></tr>");
		}
		HTML_LIT(h, "</tbody></table>");
	}

	HTML_LIT(h, "<h2>Indberetninger</h2><table class=\"submissions\">"
	    "<thead><tr><th scope=\"col\">Tilbud</th><th scope=\"col\">"
	    "Driftsherre</th><th scope=\"col\">Status</th><th scope=\"col\" "
	    "class=\"num\">Linjer</th><th scope=\"col\" class=\"num\">"
	    "Advarsler</th><th scope=\"col\" class=\"num\">Mangler "
	    "begrundelse</th></tr></thead><tbody>");
	for (i = 0; i < n; i++) {
		HTML_LIT(h, "<tr><td><a");
		html_url(h, "href", idpath(r, "/indberetning/%lld", v[i].id));
		HTML_LIT(h, ">");
		html_text(h, v[i].offer_name);
		HTML_LIT(h, "</a></td><td>");
		html_text(h, v[i].operator_name);
		HTML_LIT(h, "</td><td>");
		html_text(h, status_label(&v[i], &t));
		HTML_LIT(h, "</td><td class=\"num\">");
		html_int(h, v[i].nlines);
		HTML_LIT(h, "</td><td class=\"num\">");
		html_int(h, v[i].nwarnings);
		HTML_LIT(h, "</td><td class=\"num\">");
		html_int(h, v[i].reasons_missing);
		HTML_LIT(h, "</td></tr>");
	}
	HTML_LIT(h, "</tbody></table>");
	if (n == 0)
		HTML_LIT(h, "<p class=\"muted\">Ingen indberetninger.</p>");

	if (t.status == ROUND_OPEN && n > 0)
		upload_form(&p, id);
	if (admin && t.status != ROUND_PUBLISHED) {
		HTML_LIT(h, "<h2>Sekretariatet</h2><div class=\"actions\">");
		if (t.status == ROUND_OPEN) {
			HTML_LIT(h, "<form method=\"post\"");
			html_url(h, "action", idpath(r,
			    "/takstindberetning/%lld/luk", id));
			HTML_LIT(h, ">");
			page_csrf(&p);
			version_field(&p, t.version);
			HTML_LIT(h, "<button class=\"secondary\" "
			    "type=\"submit\">Luk runden</button></form>");
		}
		HTML_LIT(h, "<form method=\"post\"");
		html_url(h, "action", idpath(r,
		    "/takstindberetning/%lld/offentliggoer", id));
		HTML_LIT(h, ">");
		page_csrf(&p);
		version_field(&p, t.version);
		HTML_LIT(h, "<button type=\"submit\">Offentliggør takster"
		    "</button></form></div><form class=\"filters\" "
		    "method=\"post\"");
		html_url(h, "action", idpath(r,
		    "/takstindberetning/%lld/genaabn", id));
		HTML_LIT(h, ">");
		page_csrf(&p);
		version_field(&p, t.version);
		HTML_LIT(h, "<label>Ny frist<input type=\"date\" "
		    "name=\"until\" "
		    "required></label><button class=\"secondary\" "
		    "type=\"submit\">Genåbn runden</button></form>");
	}
	page_end(&p, status);
}

static int
round_id(struct http_req *r, int64_t *id)
{
	struct err e;

	err_clear(&e);
	if (api_param_id(r, 0, id, &e) != 0) {
		http_send_error(r, &e);
		return -1;
	}
	return 0;
}

void
page_round_view(struct http_req *r)
{
	int64_t id;

	if (round_id(r, &id) == 0)
		round_page(r, id, NULL, NULL, 200);
}

static void
round_post(struct http_req *r, int what)
{
	static const char *const flash[] = { "lukket", "genaabnet",
	    "offentliggjort" };
	struct err	e;
	int64_t		id, version, n;
	int		rc;

	if (round_id(r, &id) != 0)
		return;
	err_clear(&e);
	if ((rc = http_form_error(r, &e)) == 0 &&
	    (rc = form_version(r, &version, &e)) == 0)
		rc = what == 0 ? round_close(&r->svc, id, version, &e) :
		    what == 1 ? round_reopen(&r->svc, id, version,
		    http_form_text(r, "until"), &e) :
		    round_publish(&r->svc, id, version, &n, &e);
	if (rc == 0) {
		http_redirect(r, arena_printf(&r->arena,
		    "/takstindberetning/%lld?besked=%s", (long long)id,
		    flash[what]));
		return;
	}
	if (e.code == ERR_FORBIDDEN || e.code == ERR_NOT_FOUND) {
		http_send_error(r, &e);
		return;
	}
	round_page(r, id, &e, NULL, http_status_of_err(e.code));
}

void
page_round_close(struct http_req *r)
{
	round_post(r, 0);
}

void
page_round_reopen(struct http_req *r)
{
	round_post(r, 1);
}

void
page_round_publish(struct http_req *r)
{
	round_post(r, 2);
}

void
page_round_template(struct http_req *r)
{
	int64_t id;

	if (round_id(r, &id) == 0)
		tariff_http_send_template(r, id, NULL);
}

void
page_round_upload(struct http_req *r)
{
	struct round_import_report	 rep;
	const struct http_field		*file;
	struct err			 e;
	int64_t				 id;
	int				 rc;

	if (round_id(r, &id) != 0)
		return;
	err_clear(&e);
	memset(&rep, 0, sizeof(rep));
	if ((rc = http_form_error(r, &e)) == 0) {
		file = http_form_file(r, "file");
		if (file == NULL || file->len == 0)
			rc = err_set(&e, ERR_INVALID, "missing_file", "file",
			    "Vælg den udfyldte skabelon (.xlsx)");
		else
			rc = round_io_upload(&r->svc, id, file->value,
			    file->len, &rep, &e);
	}
	if (rc == 0) {
		http_redirect(r, idpath(r, "/takstindberetning/%lld?besked="
		    "indlaest", id));
		return;
	}
	if (e.code == ERR_FORBIDDEN || e.code == ERR_NOT_FOUND) {
		http_send_error(r, &e);
		return;
	}
	round_page(r, id, &e, &rep, http_status_of_err(e.code));
}

/* ---- a submission ----------------------------------------------------- */

static const char *
sub_flash(const char *key)
{
	if (key == NULL)
		return NULL;
	if (strcmp(key, "gemt") == 0)
		return "Linjen er gemt, og taksten er beregnet.";
	if (strcmp(key, "slettet") == 0)
		return "Linjen er slettet.";
	if (strcmp(key, "indsendt") == 0)
		return "Indberetningen er indsendt til sekretariatet.";
	if (strcmp(key, "godkendt") == 0)
		return "Indberetningen er godkendt.";
	if (strcmp(key, "retur") == 0)
		return "Indberetningen er sendt retur til driftsherren.";
	return NULL;
}

static void
warnings_list(struct html *h, const struct service_line *l)
{
	size_t i;

	if (l->nwarnings == 0) {
		HTML_LIT(h, "<span class=\"muted\">Ingen</span>");
		return;
	}
	HTML_LIT(h, "<ul class=\"warnings\">");
	for (i = 0; i < l->nwarnings; i++) {
		char msg[ROUND_WARN_MSG];

		round_warning_text(l, i, msg, sizeof(msg));
		HTML_LIT(h, "<li>");
		html_text(h, msg);
		if (l->warnings[i].needs_reason)
			HTML_LIT(h, " <strong>(kræver begrundelse)</strong>");
		HTML_LIT(h, "</li>");
	}
	HTML_LIT(h, "</ul>");
}

static void
submission_page(struct http_req *r, int64_t id, const struct err *err,
    int status)
{
	struct page		 p;
	struct html		*h = &p.h;
	struct submission_view	 v;
	struct history_entry	*hist;
	struct err		 e;
	const char		*flash;
	size_t			 i, nh = 0;

	err_clear(&e);
	if (round_submission_get(&r->svc, id, &v, &e) != 0) {
		http_send_error(r, &e);
		return;
	}
	page_begin(&p, r, arena_printf(&r->arena, "Takstindberetning: %s",
	    v.sub.offer_name), "indberetning");
	subnav(&p, "indberetning");
	if ((flash = sub_flash(http_query(r, "besked"))) != NULL)
		page_message(&p, "ok", flash);
	if (err != NULL)
		page_message(&p, "error", err->msg);
	if (v.sub.comment != NULL && v.sub.status == SUBMISSION_RETURNED)
		page_message(&p, "error", arena_printf(&r->arena, "Sendt retur "
		    "af sekretariatet: %s", v.sub.comment));
	HTML_LIT(h, "<dl class=\"facts\"><dt>Runde</dt><dd><a");
	html_url(h, "href", idpath(r, "/takstindberetning/%lld",
	    v.round.id));
	HTML_LIT(h, ">");
	html_text(h, arena_printf(&r->arena, "Takstår %d, runde %d: %s",
	    v.round.year, v.round.no, v.round.title));
	HTML_LIT(h, "</a></dd><dt>Driftsherre</dt><dd>");
	html_text(h, v.sub.operator_name);
	HTML_LIT(h, "</dd><dt>Frist</dt><dd>");
	html_date(h, v.round.deadline);
	if (v.round.reopened_until != NULL) {
		HTML_LIT(h, " (genåbnet til ");
		html_date(h, v.round.reopened_until);
		HTML_LIT(h, ")");
	}
	HTML_LIT(h, "</dd><dt>Status</dt><dd id=\"status\">");
	html_text(h, status_label(&v.sub, &v.round));
	HTML_LIT(h, "</dd><dt>Overførsel fra regnskab</dt><dd>");
	if (v.has_carry) {
		kr(h, v.expected_carry_ore);
		HTML_LIT(h, " <span class=\"muted\">(over-/underskud fra ");
		num_text(h, r, v.round.year - 2);
		HTML_LIT(h, "; overskud nedsætter taksten)</span>");
	} else
		HTML_LIT(h, "Intet regnskab med overførsel til dette takstår");
	HTML_LIT(h, "</dd></dl>");

	HTML_LIT(h, "<h2>Ydelseslinjer og beregnede takster</h2>"
	    "<table class=\"lines\"><thead><tr><th scope=\"col\">Linje</th>"
	    "<th scope=\"col\">Paragraf</th><th scope=\"col\">Takstniveau</th>"
	    "<th scope=\"col\">Enhed</th><th scope=\"col\" class=\"num\">"
	    "Pladser</th><th scope=\"col\" class=\"num\">Belægning</th>"
	    "<th scope=\"col\" class=\"num\">Takstgrundlag</th><th "
	    "scope=\"col\" "
	    "class=\"num\">Beregnet takst</th><th scope=\"col\">Advarsler</th>"
	    "<th scope=\"col\">Begrundelse</th>");
	if (v.may_edit)
		HTML_LIT(h, "<th scope=\"col\">Ret</th>");
	HTML_LIT(h, "</tr></thead><tbody>");
	for (i = 0; i < v.sub.nlines_loaded; i++) {
		const struct service_line *l = &v.sub.lines[i];

		HTML_LIT(h, "<tr");
		html_attr(h, "id", arena_printf(&r->arena, "linje-%d", l->pos));
		HTML_LIT(h, "><td>");
		num_text(h, r, l->pos);
		HTML_LIT(h, "</td><td>");
		html_text(h, l->paragraph);
		HTML_LIT(h, "</td><td>");
		html_text(h, *l->level ? l->level : "–");
		referral_note(h, l->referred_from, l->referred_before);
		HTML_LIT(h, "</td><td>");
		html_text(h, tariff_unit_label(l->unit));
		HTML_LIT(h, "</td><td class=\"num\">");
		html_centi(h, l->places_centi);
		HTML_LIT(h, "</td><td class=\"num\">");
		pct(h, l->occupancy_bp);
		HTML_LIT(h, "</td><td class=\"num\">");
		if (l->computed)
			kr(h, l->base_ore);
		HTML_LIT(h, "</td><td class=\"num tariff\">");
		if (l->computed)
			kr(h, l->tariff_ore);
		else
			HTML_LIT(h, "Kan ikke beregnes");
		HTML_LIT(h, "</td><td>");
		warnings_list(h, l);
		HTML_LIT(h, "</td><td>");
		if (l->reason != NULL)
			html_text(h, l->reason);
		else if (round_line_needs_reason(l))
			HTML_LIT(h, "<strong>Mangler</strong>");
		HTML_LIT(h, "</td>");
		if (v.may_edit) {
			HTML_LIT(h, "<td><a");
			html_url(h, "href", arena_printf(&r->arena,
			    "/indberetning/%lld/linje/%d", (long long)id,
			    l->pos));
			HTML_LIT(h, ">");
			html_text(h, arena_printf(&r->arena, "Ret linje %d",
			    l->pos));
			HTML_LIT(h, "</a></td>");
		}
		HTML_LIT(h, "</tr>");
	}
	HTML_LIT(h, "</tbody></table>");
	if (v.sub.nlines_loaded == 0)
		HTML_LIT(h, "<p class=\"muted\">Ingen ydelseslinjer "
		    "endnu.</p>");

	HTML_LIT(h, "<div class=\"actions\">");
	if (v.may_edit && v.sub.nlines_loaded < ROUND_LINES_MAX) {
		HTML_LIT(h, "<a class=\"button secondary\"");
		html_url(h, "href", idpath(r, "/indberetning/%lld/linje/ny",
		    id));
		HTML_LIT(h, ">Tilføj ydelseslinje</a>");
	}
	if (v.may_submit) {
		HTML_LIT(h, "<form method=\"post\"");
		html_url(h, "action", idpath(r, "/indberetning/%lld/indsend",
		    id));
		HTML_LIT(h, ">");
		page_csrf(&p);
		version_field(&p, v.sub.version);
		HTML_LIT(h, "<button type=\"submit\">Indsend</button></form>");
	}
	if (v.may_review && v.sub.status == SUBMISSION_SUBMITTED) {
		HTML_LIT(h, "<form method=\"post\"");
		html_url(h, "action", idpath(r, "/indberetning/%lld/godkend",
		    id));
		HTML_LIT(h, ">");
		page_csrf(&p);
		version_field(&p, v.sub.version);
		HTML_LIT(h, "<button type=\"submit\">Godkend</button></form>");
	}
	HTML_LIT(h, "</div>");
	if (v.may_submit && v.reasons_missing > 0)
		page_message(&p, "error", arena_printf(&r->arena, "%zu "
		    "linje(r) har advarsler, der kræver en begrundelse, før "
		    "indberetningen kan indsendes.", v.reasons_missing));
	else if (!v.may_submit && v.may_edit)
		HTML_LIT(h, "<p class=\"muted\">Fristen for at indsende er "
		    "overskredet; sekretariatet kan genåbne runden.</p>");
	if (v.may_review) {
		HTML_LIT(h, "<form class=\"stack\" method=\"post\"");
		html_url(h, "action", idpath(r, "/indberetning/%lld/retur",
		    id));
		HTML_LIT(h, ">");
		page_csrf(&p);
		version_field(&p, v.sub.version);
		HTML_LIT(h, "<label>Kommentar til driftsherren<textarea "
		    "name=\"comment\" rows=\"3\" required></textarea></label>"
		    "<div class=\"actions\"><button class=\"secondary\" "
		    "type=\"submit\">Send retur</button></div></form>");
	}
	if (history_submission(&r->svc, id, &hist, &nh, &e) == 0)
		history_table(&p, hist, nh);
	page_end(&p, status);
}

void
page_submission(struct http_req *r)
{
	int64_t id;

	if (round_id(r, &id) == 0)
		submission_page(r, id, NULL, 200);
}

static void
submission_post(struct http_req *r, enum submission_action act)
{
	static const char *const flash[] = { "gemt", "indsendt", "godkendt",
	    "retur" };
	struct err	e;
	int64_t		id, version, nv;
	int		rc;

	if (round_id(r, &id) != 0)
		return;
	err_clear(&e);
	if ((rc = http_form_error(r, &e)) == 0 &&
	    (rc = form_version(r, &version, &e)) == 0)
		rc = round_submission_act(&r->svc, id, version, act,
		    http_form_text(r, "comment"), &nv, &e);
	if (rc == 0) {
		http_redirect(r, arena_printf(&r->arena,
		    "/indberetning/%lld?besked=%s", (long long)id, flash[act]));
		return;
	}
	if (e.code == ERR_FORBIDDEN || e.code == ERR_NOT_FOUND) {
		http_send_error(r, &e);
		return;
	}
	submission_page(r, id, &e, http_status_of_err(e.code));
}

void
page_submission_submit(struct http_req *r)
{
	submission_post(r, SUBMISSION_SUBMIT);
}

void
page_submission_approve(struct http_req *r)
{
	submission_post(r, SUBMISSION_APPROVE);
}

void
page_submission_return(struct http_req *r)
{
	submission_post(r, SUBMISSION_RETURN);
}

/* ---- the general tariff reduction ------------------------------------ */

int
tariff_http_year(struct http_req *r, const char *name, int def, int *out,
    struct err *e)
{
	const char	*s = http_query_text(r, name);
	int64_t		 y;

	*out = def;
	if (s == NULL)
		return 0;
	if (text_parse_i64(s, &y) != 0 || y < PARAMS_YEAR_MIN ||
	    y > PARAMS_YEAR_MAX)
		return err_set(e, ERR_INVALID, "invalid_year", name,
		    "Året skal være et årstal mellem %d og %d",
		    PARAMS_YEAR_MIN, PARAMS_YEAR_MAX);
	*out = (int)y;
	return 0;
}

/* "−2,15 %" with a real minus sign. */
static void
change_pct(struct html *h, int64_t bp)
{
	if (bp < 0) {
		HTML_LIT(h, "−");
		bp = -bp;
	} else if (bp > 0)
		HTML_LIT(h, "+");
	pct(h, bp);
}

void
page_tariff_reduction(struct http_req *r)
{
	static const char *const allowed[] = { "year", NULL };
	struct reduction_report	 rep;
	struct page		 p;
	struct html		*h = &p.h;
	struct err		 e;
	const char		*op = NULL;
	size_t			 i;
	int			 year;

	err_clear(&e);
	if (http_query_check(r, allowed, &e) != 0 ||
	    tariff_http_year(r, "year", 2012, &year, &e) != 0 ||
	    reduction_report(&r->svc, year, &rep, &e) != 0) {
		page_error(r, http_status_of_err(e.code), &e);
		return;
	}
	page_begin(&p, r, arena_printf(&r->arena, "Generel takstreduktion %d",
	    year), "takster");
	subnav(&p, "reduktion");
	HTML_LIT(h, "<form class=\"filters\" method=\"get\" "
	    "action=\"/takster/reduktion\"><label>Takstår<input name=\"year\" "
	    "inputmode=\"numeric\" size=\"6\"");
	html_attr(h, "value", arena_printf(&r->arena, "%d", year));
	HTML_LIT(h, "></label><button type=\"submit\">Vis</button></form>");
	HTML_LIT(h, "<p>Krav: taksterne skal falde med mindst ");
	pct(h, rep.required_bp);
	HTML_LIT(h, " i forhold til ");
	num_text(h, r, year - 1);
	if (rep.fixed_prices) {
		HTML_LIT(h, ", målt i faste priser (sidste års takster "
		    "fremskrevet med PL ");
		change_pct(h, rep.pl_bp);
		HTML_LIT(h, ")");
	} else
		HTML_LIT(h, ", målt i løbende priser");
	HTML_LIT(h, ". Hver driftsherres takster vægtes med årets pladser. "
	    "Kravet og målemåden er parametre for aftaleåret.</p>");
	if (rep.nrows == 0) {
		HTML_LIT(h, "<p>Der er ingen offentliggjorte takster for både ");
		num_text(h, r, year - 1);
		HTML_LIT(h, " og ");
		num_text(h, r, year);
		HTML_LIT(h, " at sammenligne.</p>");
		page_end(&p, 200);
		return;
	}
	HTML_LIT(h, "<p id=\"summary\"><strong>");
	html_int(h, (int64_t)rep.nmet);
	HTML_LIT(h, " af ");
	html_int(h, (int64_t)rep.nrows);
	HTML_LIT(h, "</strong> driftsherrer har opfyldt kravet.");
	if (rep.nnew > 0) {
		HTML_LIT(h, " ");
		html_int(h, (int64_t)rep.nnew);
		HTML_LIT(h, " takster uden takst året før indgår ikke.");
	}
	HTML_LIT(h, "</p><table><caption>Driftsherrer</caption><thead><tr>"
	    "<th>Driftsherre</th><th class=\"num\">Takster</th>"
	    "<th class=\"num\">Heraf opfyldt</th><th class=\"num\">"
	    "Vægtet ændring</th><th>Kravet</th></tr></thead><tbody>");
	for (i = 0; i < rep.nrows; i++) {
		const struct reduction_row *x = &rep.rows[i];
		HTML_LIT(h, "<tr><td>");
		html_text(h, x->operator_name ? x->operator_name :
		    x->op.operator_code);
		HTML_LIT(h, "</td><td class=\"num\">");
		html_int(h, (int64_t)x->op.noffers);
		HTML_LIT(h, "</td><td class=\"num\">");
		html_int(h, (int64_t)x->op.noffers_met);
		HTML_LIT(h, "</td><td class=\"num\">");
		change_pct(h, x->op.change_bp);
		HTML_LIT(h, "</td><td>");
		if (x->op.met)
			HTML_LIT(h, "<span class=\"tag ok\">Opfyldt</span>");
		else
			HTML_LIT(h, "<span class=\"tag bad\">Ikke opfyldt"
			    "</span>");
		HTML_LIT(h, "</td></tr>");
	}
	HTML_LIT(h, "</tbody></table><h2>Takst for takst</h2><table><thead>"
	    "<tr><th>Tilbud</th><th>Paragraf</th><th>Niveau</th><th>Enhed</th>"
	    "<th class=\"num\">");
	num_text(h, r, year - 1);
	HTML_LIT(h, "</th><th class=\"num\">");
	num_text(h, r, year);
	HTML_LIT(h, "</th><th class=\"num\">Ændring</th></tr></thead><tbody>");
	for (i = 0; i < rep.nlines; i++) {
		const struct reduction_line *l = &rep.lines[i];
		if (op == NULL || strcmp(op, l->operator_code) != 0) {
			size_t k;
			op = l->operator_code;
			HTML_LIT(h, "<tr><th colspan=\"7\">");
			for (k = 0; k < rep.nrows; k++)
				if (strcmp(rep.rows[k].op.operator_code, op)
				    == 0 && rep.rows[k].operator_name)
					break;
			html_text(h, k < rep.nrows ?
			    rep.rows[k].operator_name : op);
			HTML_LIT(h, "</th></tr>");
		}
		HTML_LIT(h, "<tr><td><a");
		html_url(h, "href", idpath(r, "/tilbud/%lld", l->offer_id));
		HTML_LIT(h, ">");
		html_text(h, l->offer_name);
		HTML_LIT(h, "</a></td><td>");
		html_text(h, l->paragraph);
		HTML_LIT(h, "</td><td>");
		html_text(h, l->level);
		if (l->referred_from != NULL || l->referred_before != NULL) {
			HTML_LIT(h, "<br><span class=\"muted\">Visiteret ");
			html_text(h, l->referred_from ? "fra " : "før ");
			html_date(h, l->referred_from ? l->referred_from :
			    l->referred_before);
			HTML_LIT(h, "</span>");
		}
		HTML_LIT(h, "</td><td>");
		html_text(h, tariff_unit_label(l->unit));
		HTML_LIT(h, "</td><td class=\"num\">");
		kr(h, l->prev_ore);
		HTML_LIT(h, "</td><td class=\"num\">");
		kr(h, l->cur_ore);
		HTML_LIT(h, "</td><td class=\"num\">");
		change_pct(h, l->change_bp);
		if (!l->met)
			HTML_LIT(h, " <span class=\"muted\">(under kravet)"
			    "</span>");
		HTML_LIT(h, "</td></tr>");
	}
	HTML_LIT(h, "</tbody></table>");
	page_end(&p, 200);
}
