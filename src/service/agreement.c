/*
 * agreement — effective agreement parameters (see agreement.h).
 */
#include <stdio.h>
#include <string.h>

#include "core/params.h"
#include "core/role.h"
#include "service/agreement.h"
#include "service/svc.h"
#include "store/audit.h"
#include "store/db.h"
#include "store/param_store.h"
#include "util/arena.h"
#include "util/err.h"
#include "util/text.h"

int
agreement_params_get_in_tx(struct svc *s, int year,
    struct agreement_params *out, struct err *e)
{
	int rc;

	if ((rc = params_defaults(year, out, e)) != 0)
		return rc;
	return param_store_apply(s->db, year, out, e);
}

int
agreement_params_get(struct svc *s, int year, struct agreement_params *out,
    struct err *e)
{
	int rc;

	if ((rc = db_begin(s->db, DB_READ, e)) != 0)
		return rc;
	rc = agreement_params_get_in_tx(s, year, out, e);
	db_rollback(s->db);
	return rc;
}

int
agreement_params_overrides(struct svc *s, int year, struct param_row **out,
    int *n, struct err *e)
{
	int rc;

	if ((rc = db_begin(s->db, DB_READ, e)) != 0)
		return rc;
	rc = param_store_list(s->db, s->arena, year, out, n, e);
	db_rollback(s->db);
	return rc;
}

/*
 * After an onward change from year: every later year still passes
 * params_validate(), else e names the first that does not.
 */
static int
check_later(struct svc *s, int year, struct err *e)
{
	struct agreement_params	p;
	struct err		in;
	int			y, rc;

	for (y = year + 1; y <= PARAMS_YEAR_MAX; y++) {
		if ((rc = agreement_params_get_in_tx(s, y, &p, e)) != 0)
			return rc;
		if ((rc = params_validate(&p, &in)) != 0)
			return err_set(e, rc, in.key, in.field, "I %d: %s", y,
			    in.msg);
	}
	return 0;
}

int
agreement_param_set(struct svc *s, int year, const char *key, int64_t value,
    bool onward, const char *reason, struct err *e)
{
	const struct param_desc	*d;
	struct agreement_params	 p, without;
	int64_t			 old, inherited;
	char			 id[80];
	int			 rc;

	if (s->who->role != ROLE_ADMIN)
		return err_set(e, ERR_FORBIDDEN, "forbidden", NULL,
		    "Kun sekretariatet kan ændre aftalens parametre");
	if ((d = params_find(key)) == NULL)
		return err_set(e, ERR_NOT_FOUND, "unknown_param", "key",
		    "Ukendt parameter: %.60s", key);
	if (reason == NULL || *reason == '\0')
		return err_set(e, ERR_INVALID, "missing_reason", "reason",
		    "Angiv hvorfor værdien ændres (fx beslutning i DAS)");
	if (strlen(reason) > 2000 || !text_utf8_valid(reason, strlen(reason))
	    || text_utf8_len(reason, strlen(reason)) > 500)
		return err_set(e, ERR_INVALID, "invalid_reason", "reason",
		    "Begrundelsen må højst være 500 tegn gyldig tekst");
	if ((rc = db_begin(s->db, DB_WRITE, e)) != 0)
		return rc;
	if ((rc = agreement_params_get_in_tx(s, year, &p, e)) != 0)
		goto fail;
	params_get(&p, key, &old);
	if ((rc = params_set(&p, key, value, e)) != 0 ||
	    (rc = params_validate(&p, e)) != 0)
		goto fail;
	if ((rc = params_defaults(year, &without, e)) != 0 ||
	    (rc = param_store_inherit(s->db, year, &without, e)) != 0)
		goto fail;
	params_get(&without, key, &inherited);
	if (!onward && value == inherited)
		rc = param_store_delete(s->db, year, key, e);
	else
		rc = param_store_put(s->db, year, key, value, onward, reason,
		    s->now_iso, e);
	if (rc != 0 || (onward && (rc = check_later(s, year, e)) != 0))
		goto fail;
	snprintf(id, sizeof(id), "%d/%s", year, key);
	if ((rc = audit_add(s->db, s->who, s->now_iso, "agreement_param", id,
	    "update", arena_printf(s->arena, "{\"value\":%lld}",
	    (long long)old), arena_printf(s->arena, "{\"value\":%lld%s}",
	    (long long)value, onward ? ",\"onward\":true" : ""), e)) != 0)
		goto fail;
	return db_commit(s->db, e);
fail:
	db_rollback(s->db);
	return rc;
}
