/*
 * analysis (service) — tariff analyses in fixed prices (see analysis.h).
 */
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "core/decimal.h"
#include "core/analysis.h"
#include "core/pl.h"
#include "core/role.h"
#include "core/tariff.h"
#include "service/analysis.h"
#include "service/pl.h"
#include "service/svc.h"
#include "store/audit.h"
#include "store/db.h"
#include "store/org_store.h"
#include "store/tariff_store.h"
#include "store/user_store.h"
#include "util/arena.h"
#include "util/err.h"
#include "util/text.h"

/*
 * The current version of series name (service/pl), its years into *ys
 * (arena). Runs its own read transaction: call it outside one. An
 * unknown series is bad input here, not a missing page.
 */
static int
series_current(struct svc *s, const char *name, int64_t *version,
    struct pl_year **ys, size_t *n, struct err *e)
{
	int	v = 0, rc;

	*ys = arena_calloc(s->arena, PL_YEARS_MAX, sizeof(**ys));
	if ((rc = pl_years(s, name != NULL ? name : "", 0, *ys, PL_YEARS_MAX,
	    n, &v, e)) != 0) {
		if (rc == ERR_NOT_FOUND)
			rc = err_set(e, ERR_INVALID, "analysis_series",
			    "series", "Ukendt PL-serie: %.64s",
			    name != NULL ? name : "");
		return rc;
	}
	*version = v;
	return 0;
}

const char *
analysis_state_label(const char *state)
{
	if (strcmp(state, "hearing") == 0)
		return "I høring";
	if (strcmp(state, "final") == 0)
		return "Endelig";
	return "Kladde";
}

static bool
may_see(const struct svc *s, const struct analysis *a)
{
	if (s->who->role == ROLE_ADMIN)
		return true;
	if (strcmp(a->state, "final") == 0)
		return true;
	return strcmp(a->state, "hearing") == 0 && s->who->role != ROLE_ANON;
}

int
analysis_list(struct svc *s, struct analysis **out, size_t *n, struct err *e)
{
	struct analysis	*v;
	size_t		 i, k = 0;
	int		 rc;

	if ((rc = db_begin(s->db, DB_READ, e)) != 0)
		return rc;
	rc = analysis_store_list(s->db, s->arena,
	    s->who->role == ROLE_ANON, &v, n, e);
	db_rollback(s->db);
	if (rc != 0)
		return rc;
	for (i = 0; i < *n; i++)
		if (may_see(s, &v[i]))
			v[k++] = v[i];
	*out = v;
	*n = k;
	return 0;
}

static int
check_pct(int64_t v, const char *field, struct err *e)
{
	if (v < -1 || v > 100 * PL_PCT_SCALE)
		return err_set(e, ERR_INVALID, "analysis_pct", field,
		    "Procenten skal ligge mellem 0 og 100");
	return 0;
}

static int
validate(struct svc *s, const struct analysis_input *in, struct err *e)
{
	enum tariff_unit	u;
	size_t			tl;
	int			rc;

	tl = in->title != NULL ? strlen(in->title) : 0;
	if (tl == 0)
		return err_set(e, ERR_INVALID, "analysis_title", "title",
		    "Skriv en titel på analysen");
	if (tl > ANALYSIS_TITLE_MAX || !text_utf8_valid(in->title, tl))
		return err_set(e, ERR_INVALID, "analysis_title", "title",
		    "Titlen må højst være %d tegn", ANALYSIS_TITLE_MAX);
	if (in->from_year < 2000 || in->from_year > 2100)
		return err_set(e, ERR_INVALID, "analysis_year", "from_year",
		    "Vælg et fra-år mellem 2000 og 2100");
	if (in->to_year < 2000 || in->to_year > 2100)
		return err_set(e, ERR_INVALID, "analysis_year", "to_year",
		    "Vælg et til-år mellem 2000 og 2100");
	if (in->to_year <= in->from_year)
		return err_set(e, ERR_INVALID, "analysis_years", "to_year",
		    "Til-året skal ligge efter fra-året");
	if (in->f_section < 0 || in->f_section > 100000)
		return err_set(e, ERR_INVALID, "analysis_section", "section",
		    "Ukendt paragraf");
	if (in->f_unit != NULL && *in->f_unit != '\0' &&
	    tariff_unit_parse(in->f_unit, &u) != 0)
		return err_set(e, ERR_INVALID, "analysis_unit", "unit",
		    "Ukendt takstenhed");
	if (in->f_level != NULL && strlen(in->f_level) > 50)
		return err_set(e, ERR_INVALID, "analysis_level", "level",
		    "Niveauet må højst være 50 tegn");
	if (in->f_operator != NULL &&
	    !org_store_exists(s->db, in->f_operator, NULL))
		return err_set(e, ERR_INVALID, "analysis_operator", "operator",
		    "Ukendt driftsherre");
	if ((rc = check_pct(in->cap_minus_e4, "cap", e)) != 0)
		return rc;
	return check_pct(in->target_e4, "target", e);
}

/*
 * The price year py: a year of the series ys (or the to-year), and the
 * factor from the to-year to it into p.
 */
static int
price_check(const struct pl_year *ys, size_t nys, int to, int py, mpq_t p,
    struct err *e)
{
	size_t i;

	for (i = 0; i < nys && ys[i].year != py; i++)
		;
	if (py != to && i == nys)
		return err_set(e, ERR_INVALID, "analysis_price_year",
		    "price_year", "Prisåret skal være et år i PL-serien");
	if (pl_factor(ys, nys, to, py, p, e) != 0)
		return err_set(e, ERR_INVALID, "analysis_price_year",
		    "price_year", "PL-serien mangler år mellem %d og %d, så "
		    "der kan ikke regnes i %d-priser", to < py ? to : py,
		    to < py ? py : to, py);
	return 0;
}

/* Rows of both years, live or stored. */
static int
load_rows(struct svc *s, const struct analysis *a, struct panel_row **from,
    size_t *nfrom, struct panel_row **to, size_t *nto,
    struct analysis_year **ys, size_t *nys, struct err *e)
{
	int rc;

	if (strcmp(a->state, "draft") == 0) {
		if ((rc = analysis_store_rows_live(s->db, s->arena, a,
		    a->from_year, from, nfrom, e)) != 0 ||
		    (rc = analysis_store_rows_live(s->db, s->arena, a,
		    a->to_year, to, nto, e)) != 0)
			return rc;
		return ys == NULL ? 0 : analysis_store_years_live(s->db,
		    s->arena, a, ys, nys, e);
	}
	if ((rc = analysis_store_rows_frozen(s->db, s->arena, a->id, 0, from,
	    nfrom, e)) != 0 ||
	    (rc = analysis_store_rows_frozen(s->db, s->arena, a->id, 1, to,
	    nto, e)) != 0)
		return rc;
	return ys == NULL ? 0 : analysis_store_years_frozen(s->db, s->arena,
	    a->id, ys, nys, e);
}

/* Match and compute the panel of a into v (lines). */
static int
build(struct svc *s, struct analysis_view *v, const mpq_t f, const mpq_t p,
    struct err *e)
{
	struct panel_row	*from, *to;
	size_t			 nfrom, nto, i;
	int			 rc;

	if ((rc = load_rows(s, &v->a, &from, &nfrom, &to, &nto, NULL, NULL,
	    e)) != 0)
		return rc;
	/* panel_match writes every line it gives. */
	v->lines = arena_array(s->arena, nfrom + nto + 1, sizeof(*v->lines));
	panel_match(from, nfrom, to, nto, v->lines, &v->nlines);
	for (i = 0; i < v->nlines; i++)
		v->counts[v->lines[i].kind]++;
	return panel_compute(v->lines, v->nlines, f, p, v->a.cap_minus_e4, e);
}

int
analysis_create(struct svc *s, const struct analysis_input *in, int64_t *id,
    struct err *e)
{
	struct analysis_view	v;
	struct user		u;
	struct pl_year		*ys;
	size_t			 nys;
	mpq_t			 f, p;
	json_t			*j;
	char			*txt;
	int			 rc, py;

	if (s->who->role != ROLE_ADMIN)
		return err_set(e, ERR_FORBIDDEN, "forbidden", NULL,
		    "Kun sekretariatet kan oprette takstanalyser");
	memset(&v, 0, sizeof(v));
	if ((rc = series_current(s, in->series_name, &v.a.series_version, &ys,
	    &nys, e)) != 0)
		return rc;
	if ((rc = db_begin(s->db, DB_WRITE, e)) != 0)
		return rc;
	mpq_inits(f, p, NULL);
	py = in->price_year > 0 ? in->price_year : in->to_year;
	if ((rc = validate(s, in, e)) != 0 ||
	    (rc = pl_factor(ys, nys, in->from_year, in->to_year, f, e)) != 0 ||
	    (rc = price_check(ys, nys, in->to_year, py, p, e)) != 0)
		goto fail;
	v.a.title = in->title;
	v.a.from_year = in->from_year;
	v.a.to_year = in->to_year;
	v.a.price_year = py;
	v.a.series_name = in->series_name;
	v.a.f_section = in->f_section;
	v.a.f_unit = in->f_unit != NULL ? in->f_unit : "";
	v.a.f_level = in->f_level;
	v.a.f_operator = in->f_operator;
	v.a.cap_minus_e4 = in->cap_minus_e4;
	v.a.target_e4 = in->target_e4;
	v.a.state = "draft";
	v.a.created_by = s->who->username;
	if (s->who->user_id > 0 && user_store_get(s->db, s->arena,
	    s->who->user_id, &u, NULL) == 0)
		v.a.created_by = u.username;
	if ((rc = build(s, &v, f, p, e)) != 0 ||
	    (rc = analysis_store_insert(s->db, &v.a, ys, nys, s->now_iso, id,
	    e)) != 0)
		goto fail;
	j = json_pack("{s:s, s:i, s:i, s:i, s:s, s:I, s:I, s:s, s:s?, s:s?, "
	    "s:I, s:I, s:I}", "title", in->title, "from_year", in->from_year,
	    "to_year", in->to_year, "price_year", py, "series", in->series_name,
	    "series_version", (json_int_t)v.a.series_version,
	    "section", (json_int_t)in->f_section, "unit", v.a.f_unit,
	    "level", in->f_level, "operator", in->f_operator,
	    "cap_minus_e4", (json_int_t)in->cap_minus_e4,
	    "target_e4", (json_int_t)in->target_e4,
	    "panel_lines", (json_int_t)v.counts[PANEL_IN]);
	txt = json_dumps(j, JSON_COMPACT | JSON_SORT_KEYS | DECIMAL_JSON_FLAGS);
	json_decref(j);
	rc = audit_add(s->db, s->who, s->now_iso, "analysis",
	    arena_printf(s->arena, "%lld", (long long)*id), "create", NULL,
	    txt, e);
	free(txt);
	if (rc != 0)
		goto fail;
	mpq_clears(f, p, NULL);
	return db_commit(s->db, e);
fail:
	mpq_clears(f, p, NULL);
	db_rollback(s->db);
	return rc;
}

static void
year_points(struct svc *s, struct analysis_view *v,
    const struct analysis_year *ys, size_t n)
{
	mpq_t	f, q;
	size_t	i;

	v->years = arena_calloc(s->arena, n + 1, sizeof(*v->years));
	v->nyears = n;
	mpq_inits(f, q, NULL);
	for (i = 0; i < n; i++) {
		struct analysis_year_point *p = &v->years[i];
		p->year = ys[i].year;
		p->nlines = ys[i].nlines;
		p->mean_ore = p->mean_fixed_ore = PANEL_NO_VALUE;
		if (ys[i].places_centi <= 0)
			continue;
		mpz_set_si(mpq_numref(q), (long)ys[i].exp_centi_ore);
		mpz_set_si(mpq_denref(q), (long)ys[i].places_centi);
		mpq_canonicalize(q);
		if (pl_round(q, 1, &p->mean_ore) != 0)
			p->mean_ore = PANEL_NO_VALUE;
		if (pl_factor(v->pl, v->npl, ys[i].year, v->a.price_year, f,
		    NULL) != 0)
			continue;
		mpq_mul(q, q, f);
		if (pl_round(q, 1, &p->mean_fixed_ore) != 0)
			p->mean_fixed_ore = PANEL_NO_VALUE;
	}
	mpq_clears(f, q, NULL);
}

static int
groups(struct svc *s, struct analysis_view *v, const mpq_t f, const mpq_t p,
    struct err *e)
{
	size_t	n = v->nlines + 1, one;
	int	rc;

	/* Room for a group per line; only the groups found are written. */
	v->by_operator = arena_array(s->arena, n, sizeof(*v->by_operator));
	v->by_section = arena_array(s->arena, n, sizeof(*v->by_section));
	v->by_target = arena_array(s->arena, n, sizeof(*v->by_target));
	if ((rc = panel_groups(v->lines, v->nlines, f, p, PANEL_BY_TOTAL,
	    v->a.target_e4, &v->total, &one, e)) != 0 ||
	    (rc = panel_groups(v->lines, v->nlines, f, p, PANEL_BY_OPERATOR,
	    v->a.target_e4, v->by_operator, &v->nby_operator, e)) != 0 ||
	    (rc = panel_groups(v->lines, v->nlines, f, p, PANEL_BY_SECTION,
	    v->a.target_e4, v->by_section, &v->nby_section, e)) != 0)
		return rc;
	return panel_groups(v->lines, v->nlines, f, p, PANEL_BY_TARGET,
	    v->a.target_e4, v->by_target, &v->nby_target, e);
}

int
analysis_get(struct svc *s, int64_t id, struct analysis_view *out,
    struct err *e)
{
	struct analysis_year	*ys;
	size_t			 nys;
	mpq_t			 f, p;
	int			 rc;

	memset(out, 0, sizeof(*out));
	if ((rc = db_begin(s->db, DB_READ, e)) != 0)
		return rc;
	mpq_inits(f, p, NULL);
	if ((rc = analysis_store_get(s->db, s->arena, id, &out->a, e)) != 0)
		goto done;
	if (!may_see(s, &out->a)) {
		rc = db_not_found(e, "Analysen");
		goto done;
	}
	if ((rc = analysis_store_pl(s->db, s->arena, id, &out->pl, &out->npl,
	    e)) != 0 ||
	    (rc = pl_factor(out->pl, out->npl, out->a.from_year,
	    out->a.to_year, f, e)) != 0 ||
	    (rc = pl_factor(out->pl, out->npl, out->a.to_year,
	    out->a.price_year, p, e)) != 0 ||
	    (rc = build(s, out, f, p, e)) != 0 ||
	    (rc = strcmp(out->a.state, "draft") == 0 ?
	    analysis_store_years_live(s->db, s->arena, &out->a, &ys, &nys, e) :
	    analysis_store_years_frozen(s->db, s->arena, id, &ys, &nys,
	    e)) != 0 ||
	    (rc = groups(s, out, f, p, e)) != 0 ||
	    (rc = analysis_store_comments(s->db, s->arena, id, &out->comments,
	    &out->ncomments, e)) != 0)
		goto done;
	year_points(s, out, ys, nys);
	pl_mpq_str(f, 6, out->factor, sizeof(out->factor));
	pl_mpq_str(p, 6, out->price_factor, sizeof(out->price_factor));
	out->may_manage = s->who->role == ROLE_ADMIN;
	out->hearing_open = strcmp(out->a.state, "hearing") == 0 &&
	    out->a.deadline != NULL &&
	    strncmp(s->now_iso, out->a.deadline, 10) <= 0;
	out->may_comment = out->hearing_open &&
	    (s->who->role == ROLE_OPERATOR || s->who->role == ROLE_AUTHORITY);
done:
	mpq_clears(f, p, NULL);
	db_rollback(s->db);
	return rc;
}

static int
audit_state(struct svc *s, int64_t id, const char *action, const char *from,
    const char *to, const char *deadline, struct err *e)
{
	json_t	*j;
	char	*before, *after;
	int	 rc;

	j = json_pack("{s:s}", "state", from);
	before = json_dumps(j, JSON_COMPACT | DECIMAL_JSON_FLAGS);
	json_decref(j);
	j = json_pack("{s:s, s:s?}", "state", to, "deadline", deadline);
	after = json_dumps(j, JSON_COMPACT |
	    JSON_SORT_KEYS | DECIMAL_JSON_FLAGS);
	json_decref(j);
	rc = audit_add(s->db, s->who, s->now_iso, "analysis",
	    arena_printf(s->arena, "%lld", (long long)id), action, before,
	    after, e);
	free(before);
	free(after);
	return rc;
}

int
analysis_send(struct svc *s, int64_t id, int64_t expected_version,
    const char *deadline, struct err *e)
{
	struct analysis_view	 v;
	struct analysis_year	*ys;
	struct panel_row	*from, *to;
	size_t			 nfrom, nto, nys;
	mpq_t			 f, p;
	int			 rc;

	if (s->who->role != ROLE_ADMIN)
		return err_set(e, ERR_FORBIDDEN, "forbidden", NULL,
		    "Kun sekretariatet kan sende en analyse i høring");
	if (deadline == NULL || !text_date_valid(deadline))
		return err_set(e, ERR_INVALID, "analysis_deadline", "deadline",
		    "Skriv fristen som en dato (åååå-mm-dd)");
	if (strncmp(deadline, s->now_iso, 10) < 0)
		return err_set(e, ERR_INVALID, "analysis_deadline", "deadline",
		    "Fristen ligger i fortiden; vælg i dag eller en senere dato");
	if ((rc = db_begin(s->db, DB_WRITE, e)) != 0)
		return rc;
	memset(&v, 0, sizeof(v));
	mpq_inits(f, p, NULL);
	if ((rc = analysis_store_get(s->db, s->arena, id, &v.a, e)) != 0)
		goto fail;
	if (strcmp(v.a.state, "draft") != 0) {
		rc = err_set(e, ERR_CONFLICT, "analysis_state", NULL,
		    "Analysen er allerede sendt i høring");
		goto fail;
	}
	if ((rc = analysis_store_pl(s->db, s->arena, id, &v.pl, &v.npl,
	    e)) != 0 ||
	    (rc = pl_factor(v.pl, v.npl, v.a.from_year, v.a.to_year, f,
	    e)) != 0 ||
	    (rc = pl_factor(v.pl, v.npl, v.a.to_year, v.a.price_year, p,
	    e)) != 0 ||
	    (rc = build(s, &v, f, p, e)) != 0 ||
	    (rc = load_rows(s, &v.a, &from, &nfrom, &to, &nto, &ys, &nys,
	    e)) != 0 ||
	    (rc = analysis_store_freeze(s->db, id, from, nfrom, to, nto, ys,
	    nys, e)) != 0 ||
	    (rc = analysis_store_set_state(s->db, id, expected_version,
	    "hearing", deadline, s->now_iso, s->who->username, e)) != 0 ||
	    (rc = audit_state(s, id, "send", "draft", "hearing", deadline,
	    e)) != 0)
		goto fail;
	mpq_clears(f, p, NULL);
	return db_commit(s->db, e);
fail:
	mpq_clears(f, p, NULL);
	db_rollback(s->db);
	return rc;
}

/* Whether offer_id is among the stored lines of a run by org. */
static int
offer_of_org(struct svc *s, int64_t id, int64_t offer_id, const char *org,
    struct err *e)
{
	struct panel_row	*v;
	size_t			 n, i;
	int			 side, rc;

	for (side = 0; side < 2; side++) {
		if ((rc = analysis_store_rows_frozen(s->db, s->arena, id, side,
		    &v, &n, e)) != 0)
			return rc;
		for (i = 0; i < n; i++)
			if (v[i].offer_id == offer_id)
				return org != NULL &&
				    strcmp(v[i].operator_code, org) == 0 ? 0 :
				    err_set(e, ERR_FORBIDDEN, "analysis_offer",
				    "offer", "Du kan kun kommentere jeres egne "
				    "tilbud");
	}
	return err_set(e, ERR_INVALID, "analysis_offer", "offer",
	    "Tilbuddet er ikke med i analysen");
}

int
analysis_comment(struct svc *s, int64_t id, int64_t offer_id,
    const char *body, int64_t *comment_id, struct err *e)
{
	struct analysis_comment	 c;
	struct analysis		 a;
	struct user		 u;
	json_t			*j;
	char			*txt;
	size_t			 len;
	int			 rc;

	if (s->who->role != ROLE_OPERATOR && s->who->role != ROLE_AUTHORITY)
		return err_set(e, ERR_FORBIDDEN, "forbidden", NULL,
		    "Kun driftsherrer og kommuner kan kommentere i høringen");
	len = body != NULL ? strlen(body) : 0;
	if (len == 0)
		return err_set(e, ERR_INVALID, "analysis_comment", "body",
		    "Skriv en kommentar");
	if (len > ANALYSIS_COMMENT_MAX || !text_utf8_valid(body, len))
		return err_set(e, ERR_INVALID, "analysis_comment", "body",
		    "Kommentaren må højst være %d tegn", ANALYSIS_COMMENT_MAX);
	if ((rc = db_begin(s->db, DB_WRITE, e)) != 0)
		return rc;
	if ((rc = analysis_store_get(s->db, s->arena, id, &a, e)) != 0)
		goto fail;
	if (strcmp(a.state, "hearing") != 0) {
		rc = err_set(e, ERR_CONFLICT, "analysis_state", NULL,
		    "Analysen er ikke i høring");
		goto fail;
	}
	if (a.deadline != NULL && strncmp(s->now_iso, a.deadline, 10) > 0) {
		rc = err_set(e, ERR_CONFLICT, "analysis_closed", NULL,
		    "Fristen for høringen er overskredet");
		goto fail;
	}
	if (offer_id > 0 && (rc = offer_of_org(s, id, offer_id,
	    s->who->org_code, e)) != 0)
		goto fail;
	memset(&c, 0, sizeof(c));
	c.offer_id = offer_id;
	c.author = s->who->username;
	c.author_name = s->who->username;
	if (user_store_get(s->db, s->arena, s->who->user_id, &u, NULL) == 0 &&
	    u.display_name != NULL && *u.display_name != '\0')
		c.author_name = u.display_name;
	c.org_code = s->who->org_code;
	c.body = body;
	c.created_at = s->now_iso;
	if ((rc = analysis_store_comment_add(s->db, id, &c, comment_id,
	    e)) != 0)
		goto fail;
	j = json_pack("{s:I, s:I, s:s}", "analysis_id", (json_int_t)id,
	    "offer_id", (json_int_t)offer_id, "body", body);
	txt = json_dumps(j, JSON_COMPACT | JSON_SORT_KEYS | DECIMAL_JSON_FLAGS);
	json_decref(j);
	rc = audit_add(s->db, s->who, s->now_iso, "analysis_comment",
	    arena_printf(s->arena, "%lld", (long long)*comment_id), "create",
	    NULL, txt, e);
	free(txt);
	if (rc != 0)
		goto fail;
	return db_commit(s->db, e);
fail:
	db_rollback(s->db);
	return rc;
}

int
analysis_finalise(struct svc *s, int64_t id, int64_t expected_version,
    struct err *e)
{
	struct analysis	a;
	int		rc;

	if (s->who->role != ROLE_ADMIN)
		return err_set(e, ERR_FORBIDDEN, "forbidden", NULL,
		    "Kun sekretariatet kan gøre en analyse endelig");
	if ((rc = db_begin(s->db, DB_WRITE, e)) != 0)
		return rc;
	if ((rc = analysis_store_get(s->db, s->arena, id, &a, e)) != 0)
		goto fail;
	if (strcmp(a.state, "hearing") != 0) {
		rc = err_set(e, ERR_CONFLICT, "analysis_state", NULL,
		    strcmp(a.state, "final") == 0 ? "Analysen er allerede "
		    "endelig" : "Send analysen i høring, før den gøres endelig");
		goto fail;
	}
	if ((rc = analysis_store_set_state(s->db, id, expected_version,
	    "final", NULL, s->now_iso, s->who->username, e)) != 0 ||
	    (rc = audit_state(s, id, "finalise", "hearing", "final", NULL,
	    e)) != 0)
		goto fail;
	return db_commit(s->db, e);
fail:
	db_rollback(s->db);
	return rc;
}

int
analysis_form_options(struct svc *s, struct pl_series_row **series,
    size_t *ns, int **years, size_t *ny, struct err *e)
{
	int rc;

	if ((rc = pl_list(s, series, ns, e)) != 0)
		return rc;
	if ((rc = db_begin(s->db, DB_READ, e)) != 0)
		return rc;
	rc = tariff_store_years(s->db, s->arena, years, ny, e);
	db_rollback(s->db);
	return rc;
}
