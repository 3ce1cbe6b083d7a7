/*
 * settlement — post-adjustments of secure institutions (see
 * settlement.h).
 */
#include <jansson.h>
#include <stdlib.h>
#include <string.h>

#include "core/decimal.h"
#include "core/offer.h"
#include "core/org.h"
#include "core/params.h"
#include "core/postadj.h"
#include "core/role.h"
#include "core/split.h"
#include "core/tariff.h"
#include "service/agreement.h"
#include "service/settlement.h"
#include "service/sharing.h"
#include "service/svc.h"
#include "store/accounts_store.h"
#include "store/audit.h"
#include "store/db.h"
#include "store/offer_store.h"
#include "store/org_store.h"
#include "store/settlement_store.h"
#include "store/sharing_store.h"
#include "report/xlsx.h"
#include "util/arena.h"
#include "util/buf.h"
#include "util/err.h"
#include "util/text.h"

const char *
settlement_key_label(const char *kind)
{
	if (kind != NULL && strcmp(kind, "entered") == 0)
		return "Indtastet fordelingsnøgle";
	return sharing_kind_label(kind);
}

static int
admin_only(const struct svc *s, struct err *e)
{
	if (s->who->role != ROLE_ADMIN)
		return err_set(e, ERR_FORBIDDEN, "forbidden", NULL,
		    "Kun sekretariatet kan lave efterreguleringer");
	return 0;
}

/* The weight of code in the entered key, or -1 if it is not there. */
static int64_t
entered_weight(const struct settlement_input *in, const char *code)
{
	size_t i;

	for (i = 0; i < in->nweights; i++)
		if (strcmp(in->weights[i].org_code, code) == 0)
			return in->weights[i].weight;
	return -1;
}

/* The value of code in key k, or -1 if it has none. */
static int64_t
key_value(const struct sharing_key_row *k, const char *code)
{
	size_t i;

	for (i = 0; i < k->nvalues; i++)
		if (strcmp(k->values[i].org_code, code) == 0)
			return k->values[i].weight;
	return -1;
}

/*
 * The stored key (cost sharing's fordelingsnøgler) the settlement uses:
 * key_id when given, else the newest key of kind (default children, the
 * 0–17-year-olds).
 */
static int
stored_key(struct svc *s, const struct settlement_input *in,
    const char *kind, struct sharing_key_row *out, struct err *e)
{
	struct sharing_key_row	*v;
	size_t			 n, i;
	int			 rc;

	if (in->key_id > 0) {
		rc = sharing_store_key_get(s->db, s->arena, in->key_id, out, e);
		return rc == ERR_NOT_FOUND ? err_set(e, ERR_INVALID,
		    "unknown_key", "key_id", "Fordelingsnøglen findes ikke") :
		    rc;
	}
	if ((rc = sharing_store_keys(s->db, s->arena, &v, &n, e)) != 0)
		return rc;
	/* Newest snapshot first. */
	for (i = 0; i < n; i++)
		if (strcmp(v[i].kind, kind) == 0)
			return sharing_store_key_get(s->db, s->arena, v[i].id,
			    out, e);
	return err_set(e, ERR_INVALID, "no_key", "key_id", "Der er ingen "
	    "fordelingsnøgle med %s; opret den under fordelingsnøgler, eller "
	    "vælg en anden nøgle", sharing_kind_label(kind));
}

/*
 * The key of the settlement: every municipality of the register with its
 * weight, into out->shares, and the key's identity and label. The one
 * place that knows where weights come from: a stored key of cost sharing
 * (the 0–17-year-olds by default), or weights entered for every
 * municipality.
 */
static int
key_weights(struct svc *s, const struct settlement_input *in,
    struct settlement *out, struct err *e)
{
	struct sharing_key_row	 key;
	struct buf		 b;
	struct org		*orgs;
	const char		*kind = in->key_kind;
	bool			 entered;
	int			 norgs, i, rc;
	size_t			 k, nk = 0;

	if (kind == NULL || *kind == '\0')
		kind = "children";
	entered = strcmp(kind, "entered") == 0;
	if (!entered && strcmp(kind, "children") != 0 &&
	    strcmp(kind, "population") != 0 && strcmp(kind, "other") != 0)
		return err_set(e, ERR_INVALID, "invalid_key", "key",
		    "Ukendt fordelingsnøgle (brug children, population, other "
		    "eller entered)");
	if ((rc = org_store_list(s->db, s->arena, &orgs, &norgs, e)) != 0)
		return rc;
	for (i = 0; i < norgs; i++)
		if (orgs[i].kind == ORG_KOMMUNE)
			nk++;
	if (nk == 0)
		return err_set(e, ERR_INVALID, "no_municipalities", "key",
		    "Der er ingen kommuner i registret at fordele mellem");
	memset(&key, 0, sizeof(key));
	if (entered) {
		out->key_kind = "entered";
		out->key_label = "Indtastet fordelingsnøgle";
		for (k = 0; k < in->nweights; k++) {
			for (i = 0; i < norgs; i++)
				if (orgs[i].kind == ORG_KOMMUNE &&
				    strcmp(orgs[i].code,
				    in->weights[k].org_code) == 0)
					break;
			if (i == norgs)
				return err_set(e, ERR_INVALID, "key_unknown",
				    "weights", "%.40s er ikke en kommune i "
				    "registret", in->weights[k].org_code);
			if (in->weights[k].weight < 0)
				return err_set(e, ERR_INVALID,
				    "negative_weight", "weights", "Vægten for "
				    "%.80s må ikke være negativ",
				    orgs[i].name);
		}
	} else {
		if ((rc = stored_key(s, in, kind, &key, e)) != 0)
			return rc;
		out->key_id = key.id;
		out->key_kind = key.kind;
		buf_init(&b);
		text_format_date_da(&b, key.snapshot_date);
		out->key_label = arena_printf(s->arena, "%s (opgjort %s)",
		    key.title, buf_str(&b));
		buf_cleanup(&b);
	}
	out->shares = arena_calloc(s->arena, nk, sizeof(*out->shares));
	out->nshares = 0;
	for (i = 0; i < norgs; i++) {
		struct settlement_share	*h;
		int64_t			 w;

		if (orgs[i].kind != ORG_KOMMUNE)
			continue;
		w = entered ? entered_weight(in, orgs[i].code) :
		    key_value(&key, orgs[i].code);
		if (w < 0)
			return err_set(e, ERR_INVALID, "key_missing",
			    entered ? "weights" : "key_id",
			    "Fordelingsnøglen mangler %.80s", orgs[i].name);
		h = &out->shares[out->nshares++];
		h->org_code = orgs[i].code;
		h->org_name = orgs[i].name;
		h->weight = w;
	}
	return 0;
}

/* True if s is NULL or only white space. */
static bool
blank(const char *s)
{
	if (s == NULL)
		return true;
	for (; *s != '\0'; s++)
		if (*s != ' ' && *s != '\t' && *s != '\n' && *s != '\r')
			return false;
	return true;
}

/* The places of o in year: that year's, or the latest before it. */
static int64_t
places_in(const struct offer *o, int year)
{
	int64_t	c = 0;
	size_t	i;

	for (i = 0; i < o->nplaces; i++)
		if (o->places[i].year <= year)
			c = o->places[i].centi;
	return c;
}

/*
 * Compute the settlement of in into out, inside the caller's
 * transaction: the institution, the year's parameters, the accounts,
 * the key, the tariff and the shares.
 */
static int
compute(struct svc *s, const struct settlement_input *in,
    struct settlement *out, struct err *e)
{
	struct agreement_params	 p;
	struct offer		 o;
	struct accounts_row	 acc;
	struct postadj_input	 pi;
	struct postadj_result	 pr;
	struct split_row	*rows;
	bool			 has_acc;
	size_t			 i;
	int			 rc, latest;

	memset(out, 0, sizeof(*out));
	if (in->year < PARAMS_YEAR_MIN || in->year > PARAMS_YEAR_MAX)
		return err_set(e, ERR_INVALID, "invalid_year", "year",
		    "Året skal ligge mellem %d og %d", PARAMS_YEAR_MIN,
		    PARAMS_YEAR_MAX);
	if ((rc = offer_store_get(s->db, s->arena, in->offer_id, &o, e)) != 0)
		return rc == ERR_NOT_FOUND ? err_set(e, ERR_INVALID,
		    "unknown_offer", "offer_id", "Vælg en sikret institution "
		    "fra tilbudsregistret") : rc;
	if (o.kind != OFFER_SECURE_INSTITUTION)
		return err_set(e, ERR_INVALID, "not_secure", "offer_id",
		    "%.80s er ikke en sikret institution; efterregulering "
		    "gælder kun sikrede institutioner", o.name);
	if ((rc = agreement_params_get_in_tx(s, in->year, &p, e)) != 0)
		return rc;
	has_acc = accounts_store_get(s->db, s->arena, in->offer_id, in->year,
	    &acc, NULL) == 0;

	memset(&pi, 0, sizeof(pi));
	pi.places_centi = places_in(&o, in->year);
	if (pi.places_centi <= 0)
		return err_set(e, ERR_INVALID, "no_places", "offer_id",
		    "%.80s har ikke noget antal pladser for %d i "
		    "tilbudsregistret", o.name, in->year);
	pi.day_basis = tariff_days_in_year(&p, in->year);
	pi.assumed_bp = p.secure_occupancy_bp;
	pi.rounding_ore = p.tariff_round_ore;
	if (in->cost_given) {
		pi.cost_ore = in->cost_ore;
		out->cost_source = "entered";
	} else if (has_acc) {
		pi.cost_ore = acc.costs_ore;
		out->cost_source = "accounts";
	} else
		return err_set(e, ERR_INVALID, "missing_cost", "cost_ore",
		    "Der er intet regnskab for %.80s i %d; angiv årets "
		    "omkostninger", o.name, in->year);
	if (in->days_given)
		pi.occupied_days = in->occupied_days;
	else if (has_acc && acc.occupied_days >= 0)
		pi.occupied_days = acc.occupied_days;
	else
		return err_set(e, ERR_INVALID, "missing_days",
		    "occupied_days", "Regnskabet for %d har ingen belagte "
		    "døgn; angiv antal belagte døgn", in->year);
	if ((rc = postadj_compute(&pi, &pr, e)) != 0) {
		if (strcmp(e->field, "cost_ore") != 0 &&
		    strcmp(e->field, "occupied_days") != 0)
			snprintf(e->field, sizeof(e->field), "offer_id");
		return rc;
	}
	if ((rc = key_weights(s, in, out, e)) != 0)
		return rc;
	rows = arena_calloc(s->arena, out->nshares, sizeof(*rows));
	for (i = 0; i < out->nshares; i++) {
		rows[i].code = out->shares[i].org_code;
		rows[i].weight = out->shares[i].weight;
	}
	if ((rc = split_allocate(pr.difference_ore, 1, rows, out->nshares,
	    e)) != 0) {
		snprintf(e->field, sizeof(e->field), "%s",
		    strcmp(out->key_kind, "entered") == 0 ? "weights" :
		    "key_id");
		return rc;
	}
	for (i = 0; i < out->nshares; i++)
		out->shares[i].amount_ore = rows[i].amount_ore;
	if ((rc = settlement_store_latest(s->db, in->offer_id, in->year,
	    &latest, e)) != 0)
		return rc;

	out->offer_id = o.id;
	out->offer_name = o.name;
	out->operator_code = o.operator_code;
	out->operator_name = o.operator_code;
	out->year = in->year;
	out->version = latest + 1;
	out->nversions = latest + 1;
	out->places_centi = pi.places_centi;
	out->day_basis = pi.day_basis;
	out->assumed_bp = pi.assumed_bp;
	out->rounding_ore = pi.rounding_ore;
	out->cost_ore = pi.cost_ore;
	out->occupied_days = pi.occupied_days;
	out->tariff_ore = pr.tariff_ore;
	out->billed_ore = pr.billed_ore;
	out->difference_ore = pr.difference_ore;
	out->created_by = s->who->username != NULL ? s->who->username :
	    "system";
	out->created_at = s->now_iso;
	if (!blank(in->reason))
		out->reason = in->reason;
	if (latest > 0 && blank(in->reason))
		return err_set(e, ERR_INVALID, "reason_required", "reason",
		    "%.80s er allerede efterreguleret for %d; angiv hvorfor "
		    "der skal en ny version", o.name, in->year);
	if (in->reason != NULL && strlen(in->reason) > SETTLEMENT_REASON_MAX)
		return err_set(e, ERR_INVALID, "reason_too_long", "reason",
		    "Begrundelsen må højst være %d tegn",
		    SETTLEMENT_REASON_MAX);
	return 0;
}

int
settlement_institutions(struct svc *s, struct offer **out, size_t *n,
    struct err *e)
{
	struct offer_filter	f;
	int64_t			total;
	int			rc;

	if ((rc = admin_only(s, e)) != 0)
		return rc;
	memset(&f, 0, sizeof(f));
	f.kind = "secure_institution";
	f.covered = -1;
	f.sort = "name";
	f.limit = 1000;
	if ((rc = db_begin(s->db, DB_READ, e)) != 0)
		return rc;
	rc = offer_store_list(s->db, s->arena, &f, out, n, &total, e);
	db_rollback(s->db);
	return rc;
}

int
settlement_keys(struct svc *s, struct sharing_key_row **out, size_t *n,
    int64_t *default_id, struct err *e)
{
	size_t	i;
	int	rc;

	*default_id = 0;
	if ((rc = admin_only(s, e)) != 0 ||
	    (rc = db_begin(s->db, DB_READ, e)) != 0)
		return rc;
	rc = sharing_store_keys(s->db, s->arena, out, n, e);
	db_rollback(s->db);
	if (rc != 0)
		return rc;
	for (i = 0; i < *n && *default_id == 0; i++)
		if (strcmp((*out)[i].kind, "children") == 0)
			*default_id = (*out)[i].id;
	if (*default_id == 0 && *n > 0)
		*default_id = (*out)[0].id;
	return 0;
}

int
settlement_prepare(struct svc *s, const struct settlement_input *in,
    struct settlement *out, struct err *e)
{
	int rc;

	if ((rc = admin_only(s, e)) != 0)
		return rc;
	if ((rc = db_begin(s->db, DB_READ, e)) != 0)
		return rc;
	rc = compute(s, in, out, e);
	db_rollback(s->db);
	return rc;
}

/* The audit form of a settlement: figures, key and shares. */
static char *
audit_json(struct svc *s, const struct settlement *r)
{
	json_t	*j, *sh;
	char	*txt, *copy;
	size_t	 i;

	j = json_pack("{s:I, s:i, s:i, s:I, s:I, s:I, s:I, s:I, s:s, s:I, "
	    "s:I, s:I, s:I, s:s, s:s, s:I}", "offer_id", (json_int_t)r->offer_id,
	    "year", r->year, "version", r->version, "places_centi",
	    (json_int_t)r->places_centi, "day_basis",
	    (json_int_t)r->day_basis, "assumed_bp", (json_int_t)r->assumed_bp,
	    "rounding_ore", (json_int_t)r->rounding_ore, "cost_ore",
	    (json_int_t)r->cost_ore, "cost_source", r->cost_source,
	    "occupied_days", (json_int_t)r->occupied_days, "tariff_ore",
	    (json_int_t)r->tariff_ore, "billed_ore",
	    (json_int_t)r->billed_ore, "difference_ore",
	    (json_int_t)r->difference_ore, "key_kind", r->key_kind,
	    "key_label", r->key_label, "key_id", (json_int_t)r->key_id);
	json_object_set_new(j, "reason", r->reason != NULL ?
	    json_string(r->reason) : json_null());
	sh = json_array();
	for (i = 0; i < r->nshares; i++)
		json_array_append_new(sh, json_pack("{s:s, s:I, s:I}", "org_code",
		    r->shares[i].org_code, "weight",
		    (json_int_t)r->shares[i].weight, "amount_ore",
		    (json_int_t)r->shares[i].amount_ore));
	json_object_set_new(j, "shares", sh);
	txt = json_dumps(j, JSON_COMPACT | JSON_SORT_KEYS | DECIMAL_JSON_FLAGS);
	json_decref(j);
	copy = arena_strdup(s->arena, txt);
	free(txt);
	return copy;
}

/* The audit form of the latest stored version of r's year, or NULL. */
static int
previous_json(struct svc *s, const struct settlement *r, char **out,
    struct err *e)
{
	struct settlement	 prev;
	int64_t			*ids;
	size_t			 n;
	int			 rc;

	*out = NULL;
	if (r->version <= 1)
		return 0;
	if ((rc = settlement_store_versions(s->db, s->arena, r->offer_id,
	    r->year, &ids, &n, e)) != 0 || n == 0)
		return rc;
	if ((rc = settlement_store_get(s->db, s->arena, ids[n - 1], &prev,
	    e)) != 0)
		return rc;
	*out = audit_json(s, &prev);
	return 0;
}

int
settlement_create(struct svc *s, const struct settlement_input *in,
    struct settlement *out, struct err *e)
{
	char	*before;
	int64_t	 id;
	int	 rc;

	if ((rc = admin_only(s, e)) != 0)
		return rc;
	if ((rc = db_begin(s->db, DB_WRITE, e)) != 0)
		return rc;
	if ((rc = compute(s, in, out, e)) != 0 ||
	    (rc = previous_json(s, out, &before, e)) != 0 ||
	    (rc = settlement_store_insert(s->db, out, &id, e)) != 0 ||
	    (rc = audit_add(s->db, s->who, s->now_iso, "settlement",
	    arena_printf(s->arena, "%lld/%d", (long long)in->offer_id,
	    in->year), out->version == 1 ? "create" : "update", before,
	    audit_json(s, out), e)) != 0 ||
	    (rc = settlement_store_get(s->db, s->arena, id, out, e)) != 0) {
		db_rollback(s->db);
		return rc;
	}
	return db_commit(s->db, e);
}

/* Who sees what: the operator filter and the share filter. */
static int
visibility(const struct svc *s, const char **op, const char **share,
    struct err *e)
{
	*op = NULL;
	*share = NULL;
	switch (s->who->role) {
	case ROLE_ADMIN:
	case ROLE_READER:
		return 0;
	case ROLE_OPERATOR:
		*op = s->who->org_code != NULL ? s->who->org_code : "";
		return 0;
	case ROLE_AUTHORITY:
		*share = s->who->org_code != NULL ? s->who->org_code : "";
		return 0;
	default:
		return err_set(e, ERR_UNAUTHORIZED, "login_required", NULL,
		    "Log ind for at se efterreguleringer");
	}
}

int
settlement_list(struct svc *s, struct settlement **out, size_t *n,
    struct err *e)
{
	const char	*op, *share;
	int		 rc;

	if ((rc = visibility(s, &op, &share, e)) != 0 ||
	    (rc = db_begin(s->db, DB_READ, e)) != 0)
		return rc;
	rc = settlement_store_list(s->db, s->arena, op, share, out, n, e);
	db_rollback(s->db);
	return rc;
}

int
settlement_get(struct svc *s, int64_t id, struct settlement *out,
    int64_t **versions, size_t *nversions, struct err *e)
{
	const char	*op, *share;
	size_t		 i, k;
	int		 rc;

	if ((rc = visibility(s, &op, &share, e)) != 0 ||
	    (rc = db_begin(s->db, DB_READ, e)) != 0)
		return rc;
	if ((rc = settlement_store_get(s->db, s->arena, id, out, e)) == 0 &&
	    op != NULL && (out->operator_code == NULL ||
	    strcmp(out->operator_code, op) != 0))
		rc = db_not_found(e, "Efterreguleringen");
	if (rc == 0)
		rc = settlement_store_versions(s->db, s->arena, out->offer_id,
		    out->year, versions, nversions, e);
	db_rollback(s->db);
	if (rc != 0 || share == NULL)
		return rc;
	for (i = k = 0; i < out->nshares; i++)
		if (strcmp(out->shares[i].org_code, share) == 0)
			out->shares[k++] = out->shares[i];
	out->nshares = k;
	return 0;
}

int
settlement_xlsx(const struct settlement *s, const char *path, struct err *e)
{
	static const struct xlsx_column cols[] = {
		{ "Kommune", 0, NULL },
		{ "Kommunekode", 0, NULL },
		{ "Fordelingsnøgle", 0, "#,##0" },
		{ "Andel (kr.)", 0, "#,##0.00" },
	};
	struct xlsx	*x;
	int64_t		 sum = 0, wsum = 0;
	size_t		 i;
	int		 rc;

	if ((rc = xlsx_open(&x, path, "Efterregulering", cols, 4, e)) != 0)
		return rc;
	for (i = 0; i < s->nshares; i++) {
		xlsx_text(x, s->shares[i].org_name);
		xlsx_text(x, s->shares[i].org_code);
		xlsx_int(x, s->shares[i].weight);
		xlsx_centi(x, s->shares[i].amount_ore);
		xlsx_end_row(x);
		sum += s->shares[i].amount_ore;
		wsum += s->shares[i].weight;
	}
	xlsx_text(x, "I alt");
	xlsx_blank(x);
	xlsx_int(x, wsum);
	xlsx_centi(x, sum);
	xlsx_end_row(x);
	return xlsx_close(x, e);
}
