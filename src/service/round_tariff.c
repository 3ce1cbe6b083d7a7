/*
 * round_tariff — the published tariffs: the list and one tariff, and a change
 * of a published tariff during the year (a cause from the closed list, a
 * reason, a new validity), on every member of a harmonised group at once.
 */
#include <jansson.h>
#include <stdio.h>
#include <string.h>

#include "core/tariff_cause.h"
#include "service/offer_event.h"
#include "service/round.h"
#include "service/round_impl.h"
#include "service/svc.h"
#include "store/audit.h"
#include "store/db.h"
#include "store/offer_store.h"
#include "store/tariff_store.h"
#include "util/arena.h"
#include "util/err.h"
#include "util/text.h"

int
round_tariffs(struct svc *s, const struct tariff_filter *f,
    struct published_tariff **out, size_t *n, int64_t *generation,
    struct err *e)
{
	int rc;

	if ((rc = db_begin(s->db, DB_READ, e)) != 0)
		return rc;
	if (generation != NULL)
		*generation = offer_store_generation(s->db);
	rc = tariff_store_published_list(s->db, s->arena, f, out, n, e);
	db_rollback(s->db);
	return rc;
}

int
round_tariff_get(struct svc *s, int64_t id, struct published_tariff *out,
    struct published_tariff **versions, size_t *nv, struct err *e)
{
	int rc;

	if ((rc = db_begin(s->db, DB_READ, e)) != 0)
		return rc;
	rc = tariff_store_published_get(s->db, s->arena, id, out, e);
	if (rc == 0 && versions != NULL)
		rc = tariff_store_published_versions(s->db, s->arena, out,
		    versions, nv, e);
	db_rollback(s->db);
	return rc;
}

/* The ISO date before iso (a valid date) into out[11]. */
static void
day_before(const char *iso, char out[11])
{
	static const int mdays[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31,
	    30, 31 };
	int y, m, d;

	y = atoi(iso);
	m = atoi(iso + 5);
	d = atoi(iso + 8) - 1;
	if (d == 0) {
		if (--m == 0) {
			m = 12;
			y--;
		}
		d = mdays[m - 1] + (m == 2 && tariff_leap_year(y));
	}
	snprintf(out, 11, "%04d-%02d-%02d", y, m, d);
}

static char *
tariff_audit(struct svc *s, const struct published_tariff *t)
{
	json_t *j;

	j = json_pack("{s:I, s:I, s:i, s:s, s:s, s:s, s:I, s:I, s:s, s:s}",
	    "id", (json_int_t)t->id, "offer_id", (json_int_t)t->offer_id,
	    "year", t->year, "paragraph", t->paragraph, "level", t->level,
	    "unit", tariff_unit_name(t->unit), "version",
	    (json_int_t)t->version, "tariff_ore", (json_int_t)t->tariff_ore,
	    "valid_from", t->valid_from, "valid_to", t->valid_to);
	json_object_set_new(j, "reason", t->reason ? json_string(t->reason) :
	    json_null());
	if (t->cause != NULL)
		json_object_set_new(j, "cause", json_string(t->cause));
	if (t->referred_from != NULL)
		json_object_set_new(j, "referred_from",
		    json_string(t->referred_from));
	if (t->referred_before != NULL)
		json_object_set_new(j, "referred_before",
		    json_string(t->referred_before));
	return round_dump(s, j);
}

/* The arguments of a change in the year, before the tariff is read. */
static int
change_args(struct svc *s, int64_t tariff_ore, const char *valid_from,
    const char *cause, const char *reason, struct err *e)
{
	int rc;

	if ((rc = editors_only(s, e)) != 0)
		return rc;
	if (tariff_ore < 0 || tariff_ore > MONEY_INPUT_MAX_ORE)
		return err_set(e, ERR_INVALID, "invalid_amount", "tariff_ore",
		    "Taksten skal være et beløb i øre fra 0 og opefter");
	if (valid_from == NULL || !text_date_valid(valid_from))
		return err_set(e, ERR_INVALID, "invalid_date", "valid_from",
		    "Angiv datoen, hvor den nye takst gælder fra (ÅÅÅÅ-MM-DD)");
	if ((rc = tariff_cause_check(cause, reason, e)) != 0)
		return rc;
	if (reason == NULL)
		return 0;
	if (!text_utf8_valid(reason, strlen(reason)) ||
	    text_utf8_len(reason, strlen(reason)) > ROUND_REASON_MAX ||
	    text_has_controls(reason))
		return err_set(e, ERR_INVALID, "invalid_reason", "reason",
		    "Begrundelsen må højst have %d tegn og ingen styretegn",
		    ROUND_REASON_MAX);
	return 0;
}

/*
 * May the user change old from valid_from on? The operator of the
 * tariff's year (offer_event_operator_of_year) may, not the one before
 * or after a change of hands. Inside a transaction.
 */
static int
change_allowed(struct svc *s, const struct published_tariff *old,
    const char *valid_from, struct err *e)
{
	const char	*op;
	bool		 changed;
	int		 rc;

	if ((rc = offer_event_operator_of_year(s, old->offer_id,
	    old->operator_code, old->year, &op, &changed, e)) != 0)
		return rc;
	if (!role_may_edit_offer(s->who, op)) {
		if (changed && s->who->role == ROLE_OPERATOR)
			return err_set(e, ERR_FORBIDDEN, "operator_changed",
			    NULL, "Tilbuddet har skiftet driftsherre: "
			    "taksterne for %d ændres af driftsherren for det "
			    "år. Du kan se jeres tidligere takster, men ikke "
			    "ændre dem", old->year);
		return err_set(e, ERR_FORBIDDEN, "forbidden", NULL, "Du kan "
		    "kun ændre takster for tilbud, som din egen organisation "
		    "er driftsherre for");
	}
	if (old->superseded_at != NULL)
		return err_set(e, ERR_CONFLICT, "superseded", NULL, "Taksten "
		    "er afløst af en senere runde og kan ikke ændres");
	if (strcmp(valid_from, old->valid_from) <= 0 ||
	    strcmp(valid_from, old->valid_to) > 0)
		return err_set(e, ERR_INVALID, "invalid_date", "valid_from",
		    "Den nye takst skal gælde fra en dato efter %s og senest "
		    "%s", old->valid_from, old->valid_to);
	return 0;
}

int
round_tariff_change_check(struct svc *s, int64_t id, int64_t tariff_ore,
    const char *valid_from, const char *cause, const char *reason,
    struct published_tariff *old, struct err *e)
{
	int rc;

	if ((rc = change_args(s, tariff_ore, valid_from, cause, reason, e))
	    != 0)
		return rc;
	if ((rc = db_begin(s->db, DB_READ, e)) != 0)
		return rc;
	if ((rc = tariff_store_published_get(s->db, s->arena, id, old, e))
	    == 0)
		rc = change_allowed(s, old, valid_from, e);
	db_rollback(s->db);
	return rc;
}

int
round_tariff_change(struct svc *s, int64_t id, int64_t tariff_ore,
    const char *valid_from, const char *cause, const char *reason,
    int64_t *new_id, struct err *e)
{
	struct published_tariff	old, cut, now, *sib = NULL;
	char			prev_day[11], *after, *news;
	size_t			nsib = 0, i;
	int64_t			sib_new = 0;
	int			rc;

	if ((rc = change_args(s, tariff_ore, valid_from, cause, reason, e))
	    != 0)
		return rc;
	if ((rc = db_begin(s->db, DB_WRITE, e)) != 0)
		return rc;
	if ((rc = tariff_store_published_get(s->db, s->arena, id, &old, e))
	    != 0 || (rc = change_allowed(s, &old, valid_from, e)) != 0)
		goto fail;
	day_before(valid_from, prev_day);
	if ((rc = tariff_store_published_siblings(s->db, s->arena, &old, &sib,
	    &nsib, e)) != 0)
		goto fail;
	for (i = 0; i < nsib; i++)
		if ((rc = change_allowed(s, &sib[i], valid_from, e)) != 0)
			goto fail;
	if ((rc = tariff_store_published_change(s->db, &old, tariff_ore,
	    valid_from, prev_day, cause, reason, s->now_iso, s->who->username ?
	    s->who->username : "system", new_id, e)) != 0 ||
	    (rc = tariff_store_published_get(s->db, s->arena, id, &cut, e))
	    != 0 ||
	    (rc = tariff_store_published_get(s->db, s->arena, *new_id, &now,
	    e)) != 0)
		goto fail;
	if (old.harmonised_id == 0) {
		if ((rc = audit_add(s->db, s->who, s->now_iso,
		    "published_tariff", idtxt(s, id), "change",
		    tariff_audit(s, &old), arena_printf(s->arena,
		    "{\"ended\":%s,\"new\":%s}", tariff_audit(s, &cut),
		    tariff_audit(s, &now)), e)) != 0)
			goto fail;
		return db_commit(s->db, e);
	}
	/*
	 * A harmonised group's one tariff: the same change on every member
	 * offer, in this transaction, audited once with the group.
	 */
	after = arena_printf(s->arena, "{\"ended\":[%s", tariff_audit(s,
	    &cut));
	news = arena_printf(s->arena, "%s", tariff_audit(s, &now));
	for (i = 0; i < nsib; i++) {
		if ((rc = tariff_store_published_change(s->db, &sib[i],
		    tariff_ore, valid_from, prev_day, cause, reason, s->now_iso,
		    s->who->username ? s->who->username : "system", &sib_new,
		    e)) != 0 ||
		    (rc = tariff_store_published_get(s->db, s->arena,
		    sib[i].id, &cut, e)) != 0 ||
		    (rc = tariff_store_published_get(s->db, s->arena, sib_new,
		    &now, e)) != 0)
			goto fail;
		after = arena_printf(s->arena, "%s,%s", after,
		    tariff_audit(s, &cut));
		news = arena_printf(s->arena, "%s,%s", news,
		    tariff_audit(s, &now));
	}
	after = arena_printf(s->arena, "%s],\"new\":[%s]}", after, news);
	if ((rc = audit_add(s->db, s->who, s->now_iso, "harmonised_tariff",
	    idtxt(s, old.harmonised_id), "tariff_change", tariff_audit(s,
	    &old), after, e)) != 0)
		goto fail;
	return db_commit(s->db, e);
fail:
	db_rollback(s->db);
	return rc;
}

int
round_tariff_facets(struct svc *s, const char ***groups, size_t *ngroups,
    int **years, size_t *nyears, struct err *e)
{
	int rc;

	if ((rc = db_begin(s->db, DB_READ, e)) != 0)
		return rc;
	rc = tariff_store_target_groups(s->db, s->arena, groups, ngroups, e);
	if (rc == 0)
		rc = tariff_store_years(s->db, s->arena, years, nyears, e);
	db_rollback(s->db);
	return rc;
}
