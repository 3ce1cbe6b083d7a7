/*
 * accounts — accounts, surplus and the set-aside ledger (see accounts.h).
 */
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/decimal.h"
#include "core/offer.h"
#include "core/params.h"
#include "core/role.h"
#include "core/surplus.h"
#include "service/accounts.h"
#include "service/agreement.h"
#include "service/offer_event.h"
#include "service/svc.h"
#include "store/accounts_store.h"
#include "store/audit.h"
#include "store/db.h"
#include "store/offer_store.h"
#include "util/arena.h"
#include "util/err.h"

static int
editors_only(const struct svc *s, struct err *e)
{
	if (s->who->role != ROLE_ADMIN && s->who->role != ROLE_OPERATOR)
		return err_set(e, ERR_FORBIDDEN, "forbidden", NULL,
		    "Regnskaber er for driftsherrer og sekretariatet");
	return 0;
}

static char *
row_json(struct svc *s, const struct accounts_row *r)
{
	json_t	*j;
	char	*txt, *copy;

	j = json_pack("{s:I, s:i, s:s, s:s, s:I, s:I, s:I, s:I, s:I, s:I, "
	    "s:I, s:i}", "offer_id", (json_int_t)r->offer_id, "year", r->year,
	    "operator_code", r->operator_code, "rule", r->rule,
	    "tariff_base_ore", (json_int_t)r->tariff_base_ore, "revenue_ore",
	    (json_int_t)r->revenue_ore, "costs_ore", (json_int_t)r->costs_ore,
	    "result_ore", (json_int_t)r->result_ore, "setaside_ore",
	    (json_int_t)r->setaside_ore, "deficit_covered_ore",
	    (json_int_t)r->deficit_covered_ore, "to_tariff_ore",
	    (json_int_t)r->to_tariff_ore, "tariff_year", r->tariff_year);
	json_object_set_new(j, "occupied_days", r->occupied_days >= 0 ?
	    json_integer(r->occupied_days) : json_null());
	json_object_set_new(j, "available_days", r->available_days > 0 ?
	    json_integer(r->available_days) : json_null());
	txt = json_dumps(j, JSON_COMPACT | JSON_SORT_KEYS | DECIMAL_JSON_FLAGS);
	json_decref(j);
	copy = arena_strdup(s->arena, txt);
	free(txt);
	return copy;
}

/*
 * The core ledger entries of stored rows: deposits of one year are
 * summed (the operator's set-asides of a year form one lot, whichever
 * offer they came from), uses kept one by one. Rows are by year, deposits
 * first. extra (if not NULL) are appended at their year.
 */
static size_t
core_entries(const struct setaside_row *rows, size_t n,
    const struct setaside_entry *extra, size_t nextra,
    struct setaside_entry *out)
{
	size_t	i, k = 0, x = 0;

	for (i = 0; i <= n; i++) {
		/* Extra entries go before the stored ones of a later year. */
		while (x < nextra && (i == n || extra[x].year < rows[i].year ||
		    (extra[x].year == rows[i].year &&
		    extra[x].kind == SETASIDE_DEPOSIT &&
		    strcmp(rows[i].kind, "create") != 0))) {
			if (extra[x].kind == SETASIDE_DEPOSIT && k > 0 &&
			    out[k - 1].kind == SETASIDE_DEPOSIT &&
			    out[k - 1].year == extra[x].year)
				out[k - 1].amount_ore += extra[x].amount_ore;
			else
				out[k++] = extra[x];
			x++;
		}
		if (i == n)
			break;
		if (strcmp(rows[i].kind, "create") == 0) {
			if (k > 0 && out[k - 1].kind == SETASIDE_DEPOSIT &&
			    out[k - 1].year == rows[i].year) {
				out[k - 1].amount_ore += rows[i].amount_ore;
				continue;
			}
			memset(&out[k], 0, sizeof(out[k]));
			out[k].kind = SETASIDE_DEPOSIT;
			out[k].year = rows[i].year;
			out[k].amount_ore = rows[i].amount_ore;
			out[k].expires_year = rows[i].expires_year;
			k++;
		} else if (strcmp(rows[i].kind, "use") == 0) {
			memset(&out[k], 0, sizeof(out[k]));
			out[k].kind = SETASIDE_USE;
			out[k].year = rows[i].year;
			out[k].amount_ore = rows[i].amount_ore;
			out[k].origin_year = rows[i].origin_year;
			k++;
		}
	}
	return k;
}

int
accounts_report(struct svc *s, const struct accounts_input *in,
    struct accounts_row *out, struct err *e)
{
	struct agreement_params	 p;
	struct surplus_input	 si;
	struct surplus_result	 sr;
	struct offer		 o;
	struct accounts_row	 old, r;
	struct setaside_row	*ledger, *kept;
	struct setaside_entry	*ce, extra[2];
	struct setaside_lot	*lots;
	struct setaside_summary	 sum;
	size_t			 nl, nk, nextra = 0, nce, nlots, i;
	char			*before = NULL;
	const char		*cur;
	bool			 changed;
	int			 rc, existed, as_of;

	if ((rc = editors_only(s, e)) != 0)
		return rc;
	if (in->year < PARAMS_YEAR_MIN || in->year > PARAMS_YEAR_MAX)
		return err_set(e, ERR_INVALID, "invalid_year", "year",
		    "Regnskabsåret skal ligge mellem %d og %d",
		    PARAMS_YEAR_MIN, PARAMS_YEAR_MAX);
	if ((in->occupied_days < 0) != (in->available_days < 0))
		return err_set(e, ERR_INVALID, "invalid_occupancy",
		    "occupied_days", "Angiv både belagte og disponible "
		    "pladsdøgn, eller ingen af dem");
	if (in->available_days == 0 || (in->available_days > 0 &&
	    (in->occupied_days > 2 * in->available_days ||
	    in->available_days > 100000000)))
		return err_set(e, ERR_INVALID, "invalid_occupancy",
		    "available_days", "Disponible pladsdøgn skal være større "
		    "end 0, og belagte højst det dobbelte");
	if ((rc = db_begin(s->db, DB_WRITE, e)) != 0)
		return rc;
	if ((rc = offer_store_get(s->db, s->arena, in->offer_id, &o, e)) != 0)
		goto fail;
	/* The accounts of a year belong to that year's operator. */
	cur = o.operator_code;
	if ((rc = offer_event_operator_of_year(s, in->offer_id, cur, in->year,
	    &o.operator_code, &changed, e)) != 0)
		goto fail;
	if (o.operator_code == NULL) {
		rc = err_set(e, ERR_INVALID, "missing_operator", "offer_id",
		    "Tilbuddet har ingen driftsherre");
		goto fail;
	}
	if (!role_may_edit_offer(s->who, o.operator_code) && changed &&
	    s->who->role == ROLE_OPERATOR) {
		rc = err_set(e, ERR_FORBIDDEN, "operator_changed", NULL,
		    "Tilbuddet har skiftet driftsherre: regnskabet for %d "
		    "indberettes af driftsherren for det år. Du kan se jeres "
		    "tidligere regnskaber, men ikke ændre dem", in->year);
		goto fail;
	}
	if (!role_may_edit_offer(s->who, o.operator_code)) {
		rc = err_set(e, ERR_FORBIDDEN, "forbidden", NULL, "Du kan kun "
		    "indberette regnskab for tilbud, som din egen "
		    "organisation er driftsherre for");
		goto fail;
	}
	if ((rc = agreement_params_get_in_tx(s, in->year, &p, e)) != 0)
		goto fail;
	memset(&si, 0, sizeof(si));
	si.year = in->year;
	si.base_ore = in->tariff_base_ore;
	si.revenue_ore = in->revenue_ore;
	si.costs_ore = in->costs_ore;
	si.setaside_given = in->setaside_given;
	si.setaside_ore = in->setaside_ore;
	si.deficit_covered_ore = in->deficit_covered_ore;
	if ((rc = surplus_compute(&p, &si, &sr, e)) != 0)
		goto fail;

	/* The operator's ledger without this report's old entries. */
	if ((rc = accounts_store_ledger(s->db, s->arena, o.operator_code,
	    &ledger, &nl, e)) != 0)
		goto fail;
	kept = arena_calloc(s->arena, nl + 1, sizeof(*kept));
	for (i = 0, nk = 0; i < nl; i++)
		if (!(ledger[i].offer_id == in->offer_id &&
		    ledger[i].accounts_year == in->year))
			kept[nk++] = ledger[i];
	memset(extra, 0, sizeof(extra));
	if (sr.rule == SURPLUS_RULE_SETASIDE && sr.setaside_ore > 0) {
		extra[nextra].kind = SETASIDE_DEPOSIT;
		extra[nextra].year = in->year;
		extra[nextra].amount_ore = sr.setaside_ore;
		extra[nextra].expires_year = sr.setaside_expires_year;
		nextra++;
	}
	if (sr.deficit_covered_ore > 0) {
		extra[nextra].kind = SETASIDE_USE;
		extra[nextra].year = in->year;
		extra[nextra].amount_ore = sr.deficit_covered_ore;
		nextra++;
	}
	ce = arena_calloc(s->arena, nk + nextra + 1, sizeof(*ce));
	nce = core_entries(kept, nk, extra, nextra, ce);
	as_of = in->year;
	for (i = 0; i < nce; i++)
		if (ce[i].year > as_of)
			as_of = ce[i].year;
	lots = arena_calloc(s->arena, nce + 1, sizeof(*lots));
	if ((rc = surplus_ledger(ce, nce, as_of, lots, nce + 1, &nlots, &sum,
	    e)) != 0) {
		if (strcmp(e->key, "setaside_insufficient") == 0)
			snprintf(e->field, sizeof(e->field),
			    "deficit_covered_ore");
		goto fail;
	}

	existed = accounts_store_get(s->db, s->arena, in->offer_id, in->year,
	    &old, NULL) == 0;
	if (existed)
		before = row_json(s, &old);
	memset(&r, 0, sizeof(r));
	r.offer_id = in->offer_id;
	r.year = in->year;
	r.operator_code = o.operator_code;
	r.rule = sr.rule == SURPLUS_RULE_SETASIDE ? "setaside" : "carryover";
	r.tariff_base_ore = in->tariff_base_ore;
	r.revenue_ore = in->revenue_ore;
	r.costs_ore = in->costs_ore;
	r.result_ore = sr.result_ore;
	r.setaside_ore = sr.setaside_ore;
	r.deficit_covered_ore = sr.deficit_covered_ore;
	r.to_tariff_ore = sr.to_tariff_ore;
	r.tariff_year = sr.tariff_year;
	r.setaside_expires_year = sr.setaside_expires_year;
	r.occupied_days = in->occupied_days;
	r.available_days = in->available_days;
	r.reported_at = s->now_iso;
	r.reported_by = s->who->username ? s->who->username : "system";
	if ((rc = accounts_store_put(s->db, &r, e)) != 0 ||
	    (rc = accounts_store_ledger_clear(s->db, in->offer_id, in->year,
	    e)) != 0)
		goto fail;
	for (i = 0; i < nextra; i++) {
		struct setaside_row sr_row;

		memset(&sr_row, 0, sizeof(sr_row));
		sr_row.offer_id = in->offer_id;
		sr_row.year = in->year;
		sr_row.kind = extra[i].kind == SETASIDE_DEPOSIT ? "create" :
		    "use";
		sr_row.amount_ore = extra[i].amount_ore;
		sr_row.expires_year = extra[i].expires_year;
		sr_row.accounts_year = in->year;
		if ((rc = accounts_store_ledger_add(s->db, o.operator_code,
		    &sr_row, s->now_iso, e)) != 0)
			goto fail;
	}
	if ((rc = accounts_store_get(s->db, s->arena, in->offer_id, in->year,
	    out, e)) != 0 ||
	    (rc = audit_add(s->db, s->who, s->now_iso, "accounts",
	    arena_printf(s->arena, "%lld/%d", (long long)in->offer_id,
	    in->year), existed ? "update" : "create", before,
	    row_json(s, out), e)) != 0)
		goto fail;
	return db_commit(s->db, e);
fail:
	db_rollback(s->db);
	return rc;
}

int
accounts_list(struct svc *s, int64_t offer_id, int year,
    struct accounts_row **out, size_t *n, struct err *e)
{
	const char	*op = NULL;
	int		 rc;

	if ((rc = editors_only(s, e)) != 0)
		return rc;
	if (s->who->role == ROLE_OPERATOR)
		op = s->who->org_code != NULL ? s->who->org_code : "";
	if ((rc = db_begin(s->db, DB_READ, e)) != 0)
		return rc;
	rc = accounts_store_list(s->db, s->arena, offer_id, year, op, out, n,
	    e);
	db_rollback(s->db);
	return rc;
}

int
accounts_ledger(struct svc *s, const char *operator_code, int as_of_year,
    struct accounts_ledger *out, struct err *e)
{
	struct setaside_entry	*ce;
	size_t			 nce, i;
	int			 rc;

	memset(out, 0, sizeof(*out));
	if ((rc = editors_only(s, e)) != 0)
		return rc;
	if (operator_code == NULL)
		operator_code = s->who->org_code;
	if (operator_code == NULL)
		return err_set(e, ERR_INVALID, "missing_field", "operator",
		    "Angiv driftsherren");
	if (s->who->role == ROLE_OPERATOR && (s->who->org_code == NULL ||
	    strcmp(s->who->org_code, operator_code) != 0))
		return err_set(e, ERR_FORBIDDEN, "forbidden", NULL, "Du kan "
		    "kun se din egen organisations hensættelser");
	if ((rc = db_begin(s->db, DB_READ, e)) != 0)
		return rc;
	rc = accounts_store_ledger(s->db, s->arena, operator_code,
	    &out->entries, &out->nentries, e);
	db_rollback(s->db);
	if (rc != 0)
		return rc;
	out->operator_code = operator_code;
	ce = arena_calloc(s->arena, out->nentries + 1, sizeof(*ce));
	nce = core_entries(out->entries, out->nentries, NULL, 0, ce);
	for (i = 0; i < nce; i++)
		if (ce[i].year > as_of_year)
			as_of_year = ce[i].year;
	out->as_of_year = as_of_year;
	out->lots = arena_calloc(s->arena, nce + 1, sizeof(*out->lots));
	return surplus_ledger(ce, nce, as_of_year, out->lots, nce + 1,
	    &out->nlots, &out->sum, e);
}
