/*
 * sharing — keys and allocations (see sharing.h).
 */
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/decimal.h"
#include "core/money.h"
#include "core/org.h"
#include "core/role.h"
#include "core/split.h"
#include "report/csv.h"
#include "service/sharing.h"
#include "service/svc.h"
#include "store/audit.h"
#include "store/db.h"
#include "store/org_store.h"
#include "util/arena.h"
#include "util/err.h"
#include "util/text.h"

#define YEAR_MIN	2000
#define YEAR_MAX	2100

const char *const sharing_purposes[] = { "secretariat",
    "objective_financing", "closure_deficit", "event", "other", NULL };
const char *const sharing_kinds[] = { "population", "children", "other",
    NULL };

const char *
sharing_purpose_label(const char *p)
{
	if (p == NULL)
		return "";
	if (strcmp(p, "secretariat") == 0)
		return "Sekretariatets finansiering";
	if (strcmp(p, "objective_financing") == 0)
		return "Objektiv finansiering";
	if (strcmp(p, "closure_deficit") == 0)
		return "Underskud ved lukning";
	if (strcmp(p, "event") == 0)
		return "Deltagerbetaling";
	if (strcmp(p, "other") == 0)
		return "Anden fællesudgift";
	return "";
}

const char *
sharing_kind_label(const char *k)
{
	if (k == NULL)
		return "";
	if (strcmp(k, "population") == 0)
		return "Indbyggertal";
	if (strcmp(k, "children") == 0)
		return "0-17-årige";
	if (strcmp(k, "other") == 0)
		return "Andet tal pr. kommune";
	if (strcmp(k, "participants") == 0)
		return "Deltagere";
	return "";
}

static int
admin_only(const struct svc *s, struct err *e)
{
	if (s->who->role != ROLE_ADMIN)
		return err_set(e, ERR_FORBIDDEN, "forbidden", NULL,
		    "Kun sekretariatet kan se og oprette fordelinger og "
		    "fordelingsnøgler");
	return 0;
}

const char *
sharing_own_org(const struct svc *s)
{
	const char *c = s->who->org_code;

	if (s->who->role == ROLE_ANON || c == NULL ||
	    !org_code_valid(ORG_KOMMUNE, c))
		return NULL;
	return c;
}

/* A title-like text: 1..max bytes, no control characters. */
static int
check_text(const char *v, size_t max, const char *field, const char *label,
    struct err *e)
{
	if (v == NULL || *v == '\0')
		return err_set(e, ERR_INVALID, "missing_field", field,
		    "Udfyld feltet »%s«", label);
	if (strlen(v) > max || text_has_controls(v))
		return err_set(e, ERR_INVALID, "invalid_text", field,
		    "»%s« skal være en tekst på højst %zu tegn", label, max);
	return 0;
}

static bool
in_list(const char *v, const char *const *list)
{
	for (; v != NULL && *list != NULL; list++)
		if (strcmp(v, *list) == 0)
			return true;
	return false;
}

/* The municipalities of the register: code → name. */
static int
municipalities(struct svc *s, struct org **out, int *n, struct err *e)
{
	struct org	*v;
	int		 k, i, m = 0;
	int		 rc;

	if ((rc = org_store_list(s->db, s->arena, &v, &k, e)) != 0)
		return rc;
	for (i = 0; i < k; i++)
		if (v[i].kind == ORG_KOMMUNE)
			v[m++] = v[i];
	*out = v;
	*n = m;
	return 0;
}

static const struct org *
find_org(const struct org *v, int n, const char *code)
{
	int i;

	for (i = 0; i < n; i++)
		if (strcmp(v[i].code, code) == 0)
			return &v[i];
	return NULL;
}

/* Text of j in s's arena, and j released. */
static char *
json_text(struct svc *s, json_t *j)
{
	char	*txt, *copy;

	txt = json_dumps(j, JSON_COMPACT | JSON_PRESERVE_ORDER |
	    DECIMAL_JSON_FLAGS);
	json_decref(j);
	copy = arena_strdup(s->arena, txt);
	free(txt);
	return copy;
}

/* ---- keys ------------------------------------------------------------- */

int
sharing_keys(struct svc *s, struct sharing_key_row **out, size_t *n,
    struct err *e)
{
	int rc;

	*out = NULL;
	*n = 0;
	if ((rc = admin_only(s, e)) != 0 ||
	    (rc = db_begin(s->db, DB_READ, e)) != 0)
		return rc;
	rc = sharing_store_keys(s->db, s->arena, out, n, e);
	db_rollback(s->db);
	return rc;
}

int
sharing_key_get(struct svc *s, int64_t id, struct sharing_key_row *out,
    struct err *e)
{
	int rc;

	if ((rc = admin_only(s, e)) != 0 ||
	    (rc = db_begin(s->db, DB_READ, e)) != 0)
		return rc;
	rc = sharing_store_key_get(s->db, s->arena, id, out, e);
	db_rollback(s->db);
	return rc;
}

static char *
key_json(struct svc *s, const struct sharing_key_row *k)
{
	json_t	*j, *vals;
	size_t	 i;

	vals = json_object();
	for (i = 0; i < k->nvalues; i++)
		json_object_set_new(vals, k->values[i].org_code,
		    json_integer(k->values[i].weight));
	j = json_pack("{s:s, s:s, s:s, s:s, s:s?, s:o}", "name", k->name,
	    "title", k->title, "kind", k->kind, "snapshot_date",
	    k->snapshot_date, "source", k->source, "values", vals);
	return json_text(s, j);
}

/* Check the values of a key against the register's municipalities. */
static int
check_values(const struct sharing_value *v, size_t n, const struct org *orgs,
    int norgs, struct err *e)
{
	size_t	i, j;

	if (n == 0)
		return err_set(e, ERR_INVALID, "no_values", "values",
		    "Nøglen har ingen værdier");
	if (n > SHARING_ROWS_MAX)
		return err_set(e, ERR_INVALID, "too_many_values", "values",
		    "Nøglen har for mange værdier");
	for (i = 0; i < n; i++) {
		if (v[i].org_code == NULL ||
		    find_org(orgs, norgs, v[i].org_code) == NULL)
			return err_set(e, ERR_INVALID, "unknown_municipality",
			    "values", "%s er ikke en kommune i registret",
			    v[i].org_code ? v[i].org_code : "");
		if (v[i].weight < 0 || v[i].weight > MONEY_INPUT_MAX_ORE)
			return err_set(e, ERR_INVALID, "invalid_value",
			    "values", "Værdien for %s skal være et helt tal "
			    "på 0 eller derover", find_org(orgs, norgs,
			    v[i].org_code)->name);
		for (j = 0; j < i; j++)
			if (strcmp(v[i].org_code, v[j].org_code) == 0)
				return err_set(e, ERR_INVALID,
				    "duplicate_municipality", "values",
				    "%s står to gange", find_org(orgs, norgs,
				    v[i].org_code)->name);
	}
	return 0;
}

static int
check_key(const struct sharing_key_row *k, struct err *e)
{
	const char	*c;
	int		 rc;

	if ((rc = check_text(k->name, SHARING_NAME_MAX, "name", "Kort navn",
	    e)) != 0 || (rc = check_text(k->title, SHARING_TITLE_MAX, "title",
	    "Titel", e)) != 0)
		return rc;
	for (c = k->name; *c != '\0'; c++)
		if (!((*c >= 'a' && *c <= 'z') || (*c >= '0' && *c <= '9') ||
		    *c == '-'))
			return err_set(e, ERR_INVALID, "invalid_name", "name",
			    "Det korte navn må kun have små bogstaver a-z, "
			    "tal og bindestreg, fx befolkning-2012");
	if (!in_list(k->kind, sharing_kinds))
		return err_set(e, ERR_INVALID, "invalid_kind", "kind",
		    "Vælg hvad nøglen tæller: indbyggere, 0-17-årige eller "
		    "andet");
	if (k->snapshot_date == NULL || !text_date_valid(k->snapshot_date))
		return err_set(e, ERR_INVALID, "invalid_date", "snapshot_date",
		    "Opgørelsesdatoen skal være en dato");
	if (k->source != NULL && (strlen(k->source) > SHARING_TITLE_MAX ||
	    text_has_controls(k->source)))
		return err_set(e, ERR_INVALID, "invalid_text", "source",
		    "Kilden skal være en tekst på højst %d tegn",
		    SHARING_TITLE_MAX);
	return 0;
}

int
sharing_key_create(struct svc *s, const struct sharing_key_row *in,
    int64_t *id, struct err *e)
{
	struct sharing_key_row	 k = *in;
	struct org		*orgs;
	int			 norgs, rc;
	char			 ids[24];

	if ((rc = admin_only(s, e)) != 0 || (rc = check_key(&k, e)) != 0)
		return rc;
	if (k.source != NULL && *k.source == '\0')
		k.source = NULL;
	k.created_at = s->now_iso;
	k.created_by = s->who->username;
	if ((rc = db_begin(s->db, DB_WRITE, e)) != 0)
		return rc;
	if ((rc = municipalities(s, &orgs, &norgs, e)) != 0 ||
	    (rc = check_values(k.values, k.nvalues, orgs, norgs, e)) != 0 ||
	    (rc = sharing_store_key_add(s->db, &k, id, e)) != 0)
		goto fail;
	snprintf(ids, sizeof(ids), "%lld", (long long)*id);
	if ((rc = audit_add(s->db, s->who, s->now_iso, "sharing_key", ids,
	    "create", NULL, key_json(s, &k), e)) != 0 ||
	    (rc = db_commit(s->db, e)) != 0)
		goto fail;
	return 0;
fail:
	db_rollback(s->db);
	return rc;
}

int
sharing_key_update(struct svc *s, int64_t id, const struct sharing_key_row *in,
    struct err *e)
{
	struct sharing_key_row	 old, k;
	struct org		*orgs;
	int			 norgs, rc;
	char			 ids[24];

	if ((rc = admin_only(s, e)) != 0)
		return rc;
	if (in->snapshot_date == NULL || !text_date_valid(in->snapshot_date))
		return err_set(e, ERR_INVALID, "invalid_date", "snapshot_date",
		    "Opgørelsesdatoen skal være en dato");
	if ((rc = db_begin(s->db, DB_WRITE, e)) != 0)
		return rc;
	if ((rc = sharing_store_key_get(s->db, s->arena, id, &old, e)) != 0 ||
	    (rc = municipalities(s, &orgs, &norgs, e)) != 0 ||
	    (rc = check_values(in->values, in->nvalues, orgs, norgs, e)) != 0)
		goto fail;
	k = old;
	k.snapshot_date = in->snapshot_date;
	k.source = in->source != NULL && *in->source != '\0' ? in->source :
	    old.source;
	k.values = in->values;
	k.nvalues = in->nvalues;
	if ((rc = check_key(&k, e)) != 0 ||
	    (rc = sharing_store_key_replace(s->db, &k, s->now_iso, e)) != 0)
		goto fail;
	snprintf(ids, sizeof(ids), "%lld", (long long)id);
	if ((rc = audit_add(s->db, s->who, s->now_iso, "sharing_key", ids,
	    "update", key_json(s, &old), key_json(s, &k), e)) != 0 ||
	    (rc = db_commit(s->db, e)) != 0)
		goto fail;
	return 0;
fail:
	db_rollback(s->db);
	return rc;
}

int
sharing_key_from_population(struct svc *s, int year, const char *name,
    int64_t *id, struct err *e)
{
	struct sharing_key_row	 k;
	struct org		*orgs;
	int			 norgs, i, j, rc;

	if ((rc = admin_only(s, e)) != 0)
		return rc;
	if (year < YEAR_MIN || year > YEAR_MAX)
		return err_set(e, ERR_INVALID, "invalid_year", "year",
		    "Året skal ligge mellem %d og %d", YEAR_MIN, YEAR_MAX);
	if ((rc = db_begin(s->db, DB_READ, e)) != 0)
		return rc;
	rc = municipalities(s, &orgs, &norgs, e);
	db_rollback(s->db);
	if (rc != 0)
		return rc;
	memset(&k, 0, sizeof(k));
	k.values = arena_calloc(s->arena, (size_t)norgs + 1,
	    sizeof(*k.values));
	for (i = 0; i < norgs; i++) {
		for (j = 0; j < orgs[i].npop; j++)
			if (orgs[i].pop[j].year == year)
				break;
		if (j == orgs[i].npop)
			return err_set(e, ERR_INVALID, "missing_population",
			    "year", "Registret har ikke indbyggertallet for "
			    "%s 1. januar %d", orgs[i].name, year);
		k.values[k.nvalues].org_code = orgs[i].code;
		k.values[k.nvalues].weight = orgs[i].pop[j].persons;
		k.nvalues++;
	}
	k.name = name != NULL && *name != '\0' ? name :
	    arena_printf(s->arena, "befolkning-%d", year);
	k.title = arena_printf(s->arena, "Indbyggertal 1. januar %d", year);
	k.kind = "population";
	k.snapshot_date = arena_printf(s->arena, "%d-01-01", year);
	k.source = "Registrets indbyggertal (Danmarks Statistik)";
	return sharing_key_create(s, &k, id, e);
}

/* A whole number with optional thousands points ("199.188"). */
static int
parse_count(const char *s, int64_t *out)
{
	char	buf[32];
	size_t	k = 0;

	for (; *s == ' '; s++)
		;
	for (; *s != '\0' && *s != ' '; s++) {
		if (*s == '.')
			continue;
		if (k + 1 >= sizeof(buf))
			return -1;
		buf[k++] = *s;
	}
	buf[k] = '\0';
	return k == 0 ? -1 : text_parse_i64(buf, out);
}

int
sharing_key_parse_csv(struct svc *s, const char *data, size_t len,
    struct sharing_value **out, size_t *n, struct err *e)
{
	struct csv		 c;
	struct org		*orgs;
	struct sharing_value	*v;
	const struct org	*o;
	const char		*who;
	int			 norgs, i, k, rc;

	*out = NULL;
	*n = 0;
	if ((rc = csv_parse(s->arena, data, len, &c, e)) != 0)
		return rc;
	if (c.nrecords < 2)
		return err_set(e, ERR_INVALID, "empty_csv", "file",
		    "Filen har ingen rækker under overskriften");
	if (c.nrecords - 1 > SHARING_ROWS_MAX)
		return err_set(e, ERR_INVALID, "too_many_values", "file",
		    "Filen har for mange rækker (højst %d)",
		    SHARING_ROWS_MAX);
	if ((rc = db_begin(s->db, DB_READ, e)) != 0)
		return rc;
	rc = municipalities(s, &orgs, &norgs, e);
	db_rollback(s->db);
	if (rc != 0)
		return rc;
	v = arena_calloc(s->arena, (size_t)c.nrecords, sizeof(*v));
	for (i = 1, k = 0; i < c.nrecords; i++) {
		const struct csv_record *r = &c.records[i];

		if (r->nfields < 2) {
			rc = err_set(e, ERR_INVALID, "invalid_row", "file",
			    "Linje %d: skriv kommunens kode eller navn og "
			    "værdien, adskilt af semikolon", r->line);
			e->line = r->line;
			return rc;
		}
		who = r->fields[0].s;
		o = find_org(orgs, norgs, who);
		for (int j = 0; o == NULL && j < norgs; j++)
			if (strcmp(orgs[j].name, who) == 0)
				o = &orgs[j];
		if (o == NULL) {
			rc = err_set(e, ERR_INVALID, "unknown_municipality",
			    "file", "Linje %d: %.60s er ikke en kommune i "
			    "registret", r->line, who);
			e->line = r->line;
			return rc;
		}
		if (parse_count(r->fields[1].s, &v[k].weight) != 0 ||
		    v[k].weight < 0) {
			rc = err_set(e, ERR_INVALID, "invalid_value", "file",
			    "Linje %d: værdien for %s skal være et helt tal "
			    "på 0 eller derover", r->line, o->name);
			e->line = r->line;
			return rc;
		}
		v[k].org_code = o->code;
		v[k].org_name = o->name;
		k++;
	}
	*out = v;
	*n = (size_t)k;
	return 0;
}

/* ---- allocations ------------------------------------------------------ */

static int
check_input(const struct sharing_input *in, struct err *e)
{
	int rc;

	if ((rc = check_text(in->title, SHARING_TITLE_MAX, "title", "Titel",
	    e)) != 0)
		return rc;
	if (!in_list(in->purpose, sharing_purposes))
		return err_set(e, ERR_INVALID, "invalid_purpose", "purpose",
		    "Vælg hvad puljen dækker");
	if (in->year < YEAR_MIN || in->year > YEAR_MAX)
		return err_set(e, ERR_INVALID, "invalid_year", "year",
		    "Året skal ligge mellem %d og %d", YEAR_MIN, YEAR_MAX);
	if (in->unit_ore != 1 && in->unit_ore != 100)
		return err_set(e, ERR_INVALID, "invalid_unit", "unit_ore",
		    "Fordel til hele kroner (100 øre) eller til øre (1)");
	if (in->price_ore < 0 || in->price_ore > MONEY_INPUT_MAX_ORE)
		return err_set(e, ERR_INVALID, "invalid_price", "price_ore",
		    "Prisen pr. deltager skal være større end 0");
	if (in->price_ore == 0 && in->pool_ore <= 0)
		return err_set(e, ERR_INVALID, "invalid_pool", "pool_ore",
		    "Puljen skal være større end 0 kr.; et overskud, der "
		    "skal betales tilbage, fordeles ikke her");
	if (in->pool_ore > MONEY_INPUT_MAX_ORE)
		return err_set(e, ERR_INVALID, "pool_too_large", "pool_ore",
		    "Puljen er urimeligt stor");
	return 0;
}

/*
 * The allocation of *in into *out (shares in the arena, sorted by name),
 * inside the caller's transaction.
 */
static int
compute(struct svc *s, const struct sharing_input *in,
    struct allocation_row *out, struct err *e)
{
	struct sharing_key_row	 key;
	struct split_row	*rows;
	struct org		*orgs;
	const struct org	*o;
	const struct sharing_value *src;
	size_t			 nsrc, i, j, n = 0;
	int			 norgs, rc;
	int64_t			 participants = 0;

	if ((rc = check_input(in, e)) != 0)
		return rc;
	if ((rc = municipalities(s, &orgs, &norgs, e)) != 0)
		return rc;
	memset(out, 0, sizeof(*out));
	out->version = 1;
	out->title = in->title;
	out->purpose = in->purpose;
	out->year = in->year;
	out->unit_ore = in->unit_ore;
	out->price_ore = in->price_ore;
	out->reason = in->reason;
	if (in->key_id > 0) {
		if ((rc = sharing_store_key_get(s->db, s->arena, in->key_id,
		    &key, e)) != 0) {
			if (rc == ERR_NOT_FOUND)
				snprintf(e->field, sizeof(e->field), "key_id");
			return rc;
		}
		out->key_id = key.id;
		out->key_title = key.title;
		out->key_kind = key.kind;
		out->key_snapshot_date = key.snapshot_date;
		src = key.values;
		nsrc = key.nvalues;
	} else {
		if ((rc = check_text(in->key_title, SHARING_TITLE_MAX,
		    "key_title", "Nøglens titel", e)) != 0)
			return rc;
		if (in->snapshot_date == NULL ||
		    !text_date_valid(in->snapshot_date))
			return err_set(e, ERR_INVALID, "invalid_date",
			    "snapshot_date", "Datoen skal være en dato");
		if ((rc = check_values(in->weights, in->nweights, orgs, norgs,
		    e)) != 0)
			return rc;
		out->key_title = in->key_title;
		out->key_kind = in->price_ore > 0 ? "participants" : "other";
		out->key_snapshot_date = in->snapshot_date;
		src = in->weights;
		nsrc = in->nweights;
	}
	/* The chosen municipalities: all of the key's, or those named. */
	rows = arena_calloc(s->arena, nsrc + in->norgs + 1, sizeof(*rows));
	if (in->key_id > 0 && in->norgs > 0) {
		for (i = 0; i < in->norgs; i++) {
			if ((o = find_org(orgs, norgs, in->org_codes[i])) ==
			    NULL)
				return err_set(e, ERR_INVALID,
				    "unknown_municipality", "org_codes",
				    "%.20s er ikke en kommune i registret",
				    in->org_codes[i]);
			for (j = 0; j < nsrc; j++)
				if (strcmp(src[j].org_code, o->code) == 0)
					break;
			if (j == nsrc)
				return err_set(e, ERR_INVALID, "key_missing",
				    "org_codes", "Nøglen »%s« har ingen værdi "
				    "for %s; vælg en anden nøgle, eller fjern "
				    "kommunen fra fordelingen", out->key_title,
				    o->name);
			rows[n].code = o->code;
			rows[n].weight = src[j].weight;
			n++;
		}
	} else
		for (i = 0; i < nsrc; i++) {
			rows[n].code = src[i].org_code;
			rows[n].weight = src[i].weight;
			n++;
		}
	if (in->price_ore > 0) {
		for (i = 0; i < n; i++)
			participants += rows[i].weight;
		if (participants <= 0)
			return err_set(e, ERR_INVALID, "zero_weights",
			    "weights", "Der er ingen deltagere");
		if (participants > 100000 ||
		    in->price_ore > MONEY_INPUT_MAX_ORE / participants)
			return err_set(e, ERR_INVALID, "pool_too_large",
			    "pool_ore", "Beløbet bliver urimeligt stort");
		out->pool_ore = in->price_ore * participants;
		if (out->pool_ore % in->unit_ore != 0)
			out->unit_ore = 1;
	} else
		out->pool_ore = in->pool_ore;
	if ((rc = split_allocate(out->pool_ore, out->unit_ore, rows, n, e))
	    != 0) {
		if (strcmp(e->key, "zero_weights") == 0)
			snprintf(e->msg, sizeof(e->msg), "Alle valgte "
			    "kommuner har 0 i nøglen »%s«, så der er intet at "
			    "fordele efter", out->key_title);
		return rc;
	}
	out->shares = arena_calloc(s->arena, n + 1, sizeof(*out->shares));
	for (i = 0; i < n; i++) {
		o = find_org(orgs, norgs, rows[i].code);
		out->shares[i].org_code = rows[i].code;
		out->shares[i].org_name = o != NULL ? o->name : rows[i].code;
		out->shares[i].weight = rows[i].weight;
		out->shares[i].amount_ore = rows[i].amount_ore;
		out->weight_total += rows[i].weight;
	}
	out->nshares = n;
	/* By name, as every list of municipalities is shown. */
	for (i = 1; i < n; i++)
		for (j = i; j > 0 && strcmp(out->shares[j - 1].org_name,
		    out->shares[j].org_name) > 0; j--) {
			struct sharing_value t = out->shares[j];

			out->shares[j] = out->shares[j - 1];
			out->shares[j - 1] = t;
		}
	return 0;
}

int
sharing_preview(struct svc *s, const struct sharing_input *in,
    struct allocation_row *out, struct err *e)
{
	int rc;

	if ((rc = admin_only(s, e)) != 0 ||
	    (rc = db_begin(s->db, DB_READ, e)) != 0)
		return rc;
	rc = compute(s, in, out, e);
	db_rollback(s->db);
	return rc;
}

static char *
alloc_json(struct svc *s, const struct allocation_row *r)
{
	json_t	*j, *shares;
	size_t	 i;

	shares = json_object();
	for (i = 0; i < r->nshares; i++)
		json_object_set_new(shares, r->shares[i].org_code,
		    json_pack("{s:I, s:I}", "weight",
		    (json_int_t)r->shares[i].weight, "amount_ore",
		    (json_int_t)r->shares[i].amount_ore));
	j = json_pack("{s:i, s:s, s:s, s:i, s:I, s:I, s:s, s:s, s:s, s:s?, "
	    "s:o}", "version", r->version, "title", r->title, "purpose",
	    r->purpose, "year", r->year, "pool_ore", (json_int_t)r->pool_ore,
	    "unit_ore", (json_int_t)r->unit_ore, "key_title", r->key_title,
	    "key_kind", r->key_kind, "key_snapshot_date",
	    r->key_snapshot_date, "reason", r->reason, "shares", shares);
	if (r->price_ore > 0)
		json_object_set_new(j, "price_ore", json_integer(r->price_ore));
	return json_text(s, j);
}

/* Store *in as allocation id (0: new) after old (NULL: none). */
static int
store(struct svc *s, int64_t id, const struct allocation_row *old,
    const struct sharing_input *in, int64_t *out_id, struct err *e)
{
	struct allocation_row	r;
	char			ids[24];
	int			rc;

	if ((rc = compute(s, in, &r, e)) != 0)
		return rc;
	r.id = id;
	r.version = old != NULL ? old->current_version + 1 : 1;
	r.reason = old != NULL ? in->reason : NULL;
	r.created_at = s->now_iso;
	r.created_by = s->who->username;
	if ((rc = sharing_store_allocation_put(s->db, &r, out_id, e)) != 0)
		return rc;
	snprintf(ids, sizeof(ids), "%lld", (long long)*out_id);
	return audit_add(s->db, s->who, s->now_iso, "allocation", ids,
	    old != NULL ? "correct" : "create", old != NULL ?
	    alloc_json(s, old) : NULL, alloc_json(s, &r), e);
}

int
sharing_create(struct svc *s, const struct sharing_input *in, int64_t *id,
    struct err *e)
{
	int rc;

	if ((rc = admin_only(s, e)) != 0 ||
	    (rc = db_begin(s->db, DB_WRITE, e)) != 0)
		return rc;
	if ((rc = store(s, 0, NULL, in, id, e)) != 0 ||
	    (rc = db_commit(s->db, e)) != 0) {
		db_rollback(s->db);
		return rc;
	}
	return 0;
}

int
sharing_correct(struct svc *s, int64_t id, const struct sharing_input *in,
    struct err *e)
{
	struct allocation_row	old;
	int64_t			out_id;
	int			rc;

	if ((rc = admin_only(s, e)) != 0)
		return rc;
	if (in->reason == NULL || *in->reason == '\0')
		return err_set(e, ERR_INVALID, "missing_reason", "reason",
		    "Skriv hvorfor fordelingen rettes");
	if ((rc = check_text(in->reason, 1000, "reason", "Begrundelse", e))
	    != 0)
		return rc;
	if ((rc = db_begin(s->db, DB_WRITE, e)) != 0)
		return rc;
	if ((rc = sharing_store_allocation_get(s->db, s->arena, id, 0, &old,
	    e)) != 0 || (rc = store(s, id, &old, in, &out_id, e)) != 0 ||
	    (rc = db_commit(s->db, e)) != 0) {
		db_rollback(s->db);
		return rc;
	}
	return 0;
}

int
sharing_get(struct svc *s, int64_t id, int version,
    struct allocation_row *out, struct err *e)
{
	const char	*own = sharing_own_org(s);
	size_t		 i;
	int		 rc;

	if (s->who->role != ROLE_ADMIN && own == NULL)
		return admin_only(s, e);
	if ((rc = db_begin(s->db, DB_READ, e)) != 0)
		return rc;
	rc = sharing_store_allocation_get(s->db, s->arena, id, version, out,
	    e);
	db_rollback(s->db);
	if (rc != 0 || s->who->role == ROLE_ADMIN)
		return rc;
	/* A municipality sees its own share of the current version. */
	if (out->version != out->current_version)
		return db_not_found(e, "Fordelingen");
	for (i = 0; i < out->nshares; i++)
		if (strcmp(out->shares[i].org_code, own) == 0)
			break;
	if (i == out->nshares)
		return db_not_found(e, "Fordelingen");
	out->shares[0] = out->shares[i];
	out->nshares = 1;
	out->reason = NULL;
	return 0;
}

int
sharing_versions(struct svc *s, int64_t id, struct allocation_row **out,
    size_t *n, struct err *e)
{
	int rc;

	if ((rc = admin_only(s, e)) != 0 ||
	    (rc = db_begin(s->db, DB_READ, e)) != 0)
		return rc;
	rc = sharing_store_allocation_versions(s->db, s->arena, id, out, n,
	    e);
	db_rollback(s->db);
	if (rc == 0 && *n == 0)
		rc = db_not_found(e, "Fordelingen");
	return rc;
}

int
sharing_list(struct svc *s, int year, const char *purpose,
    struct allocation_row **out, size_t *n, struct err *e)
{
	int rc;

	if ((rc = admin_only(s, e)) != 0 ||
	    (rc = db_begin(s->db, DB_READ, e)) != 0)
		return rc;
	rc = sharing_store_allocations(s->db, s->arena, year, purpose, out, n,
	    e);
	db_rollback(s->db);
	return rc;
}

int
sharing_invoices(struct svc *s, const char *org_code, int year,
    int64_t allocation_id, struct invoice_row **out, size_t *n,
    struct err *e)
{
	const char	*own = sharing_own_org(s);
	int		 rc;

	*out = NULL;
	*n = 0;
	if (s->who->role != ROLE_ADMIN) {
		if (own == NULL)
			return err_set(e, ERR_FORBIDDEN, "forbidden", NULL,
			    "Fakturaer kan kun ses af kommunerne og "
			    "sekretariatet");
		org_code = own;
	}
	if ((rc = db_begin(s->db, DB_READ, e)) != 0)
		return rc;
	rc = sharing_store_invoices(s->db, s->arena, org_code, year,
	    allocation_id, out, n, e);
	db_rollback(s->db);
	return rc;
}
