/*
 * purchase — long-term purchase agreements (see purchase.h).
 */
#include <jansson.h>
#include <stdlib.h>
#include <string.h>

#include "core/offer.h"
#include "core/org.h"
#include "core/role.h"
#include "service/purchase.h"
#include "service/svc.h"
#include "store/audit.h"
#include "store/db.h"
#include "store/offer_store.h"
#include "store/org_store.h"
#include "util/arena.h"
#include "util/err.h"
#include "util/text.h"

int
purchase_list(struct svc *s, int64_t offer_id, const char *buyer,
    struct purchase **out, size_t *n, struct err *e)
{
	int rc;

	if ((rc = db_begin(s->db, DB_READ, e)) != 0)
		return rc;
	rc = purchase_store_list(s->db, s->arena, offer_id, buyer, out, n, e);
	db_rollback(s->db);
	return rc;
}

/* The checks that need no database. */
static int
check_input(struct svc *s, const char *buyer, const char *starts_on,
    const char *years, const char *guarantor, const char *note, int64_t *y,
    struct err *e)
{
	if (s->who->role != ROLE_ADMIN && !(s->who->role == ROLE_AUTHORITY &&
	    s->who->org_code != NULL && buyer != NULL &&
	    strcmp(s->who->org_code, buyer) == 0))
		return err_set(e, ERR_FORBIDDEN, "forbidden", NULL,
		    "Kun sekretariatet og den købende kommune kan registrere "
		    "en købsaftale");
	if (starts_on == NULL || !text_date_valid(starts_on))
		return err_set(e, ERR_INVALID, "invalid_date", "starts_on",
		    "Skriv datoen, bindingen gælder fra");
	if (years == NULL || text_parse_i64(years, y) != 0 || *y < 1 ||
	    *y > PURCHASE_YEARS_MAX)
		return err_set(e, ERR_INVALID, "invalid_years",
		    "binding_years", "Bindingsperioden skal være et helt "
		    "antal år fra 1 til %d", PURCHASE_YEARS_MAX);
	if (guarantor != NULL && *guarantor != '\0' &&
	    strcmp(guarantor, "buyer") != 0 &&
	    strcmp(guarantor, "operator") != 0)
		return err_set(e, ERR_INVALID, "invalid_guarantor",
		    "guarantor", "Vælg, hvem der giver tomgangsgarantien");
	if (note != NULL && (!text_utf8_valid(note, strlen(note)) ||
	    text_utf8_len(note, strlen(note)) > OFFER_TEXT_MAX))
		return err_set(e, ERR_INVALID, "text_too_long", "note",
		    "Noten må højst være %d tegn", OFFER_TEXT_MAX);
	return 0;
}

int
purchase_record(struct svc *s, int64_t offer_id, const char *buyer,
    const char *starts_on, const char *years, const char *guarantor,
    const char *note, int64_t *id, struct err *e)
{
	struct purchase	 p;
	struct offer	 o;
	json_t		*j;
	char		*txt;
	int64_t		 y = 0, nid = 0;
	int		 kind = -1, rc;

	if ((rc = check_input(s, buyer, starts_on, years, guarantor, note, &y,
	    e)) != 0)
		return rc;
	if ((rc = db_begin(s->db, DB_WRITE, e)) != 0)
		return rc;
	if ((rc = offer_store_get(s->db, s->arena, offer_id, &o, e)) != 0)
		goto fail;
	if (!org_store_exists(s->db, buyer, &kind) || kind != ORG_KOMMUNE) {
		rc = err_set(e, ERR_INVALID, "unknown_municipality", "buyer",
		    "Vælg den købende kommune");
		goto fail;
	}
	if (o.operator_code == NULL) {
		rc = err_set(e, ERR_INVALID, "operator_missing", "offer_id",
		    "Tilbuddet har ingen driftsherre");
		goto fail;
	}
	memset(&p, 0, sizeof(p));
	p.offer_id = offer_id;
	p.buyer = buyer;
	p.operator = o.operator_code;
	p.starts_on = starts_on;
	p.binding_years = (int)y;
	p.guarantor = guarantor == NULL || *guarantor == '\0' ? "" :
	    strcmp(guarantor, "buyer") == 0 ? buyer : o.operator_code;
	p.note = note != NULL ? note : "";
	p.created_at = s->now_iso;
	p.created_by = s->who->username;
	if ((rc = purchase_store_insert(s->db, &p, &nid, e)) != 0)
		goto fail;
	j = json_pack("{s:I, s:s, s:s, s:s, s:i, s:s, s:s}", "offer_id",
	    (json_int_t)offer_id, "buyer", buyer, "operator", p.operator,
	    "starts_on", starts_on, "binding_years", p.binding_years,
	    "guarantor", p.guarantor, "note", p.note);
	txt = json_dumps(j, JSON_COMPACT | JSON_SORT_KEYS);
	json_decref(j);
	rc = audit_add(s->db, s->who, s->now_iso, "purchase_agreement",
	    arena_printf(s->arena, "%lld", (long long)nid), "create", NULL,
	    txt != NULL ? arena_strdup(s->arena, txt) : "{}", e);
	free(txt);
	if (rc != 0)
		goto fail;
	if (id != NULL)
		*id = nid;
	return db_commit(s->db, e);
fail:
	db_rollback(s->db);
	return rc;
}
