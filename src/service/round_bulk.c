/*
 * round_bulk — bulk submit and approve (see round_bulk.h).
 */
#include <string.h>

#include "core/role.h"
#include "core/round.h"
#include "service/round.h"
#include "service/round_bulk.h"
#include "service/svc.h"
#include "util/arena.h"
#include "util/err.h"

int
round_bulk_plan(struct svc *s, int64_t round_id, enum round_bulk what,
    const char *operator_code, struct round_bulk_item **out, size_t *n,
    size_t *nready, struct err *e)
{
	struct tariff_round	 r;
	struct submission	*v;
	struct round_bulk_item	*it;
	struct err		 le;
	size_t			 nv, i, k = 0;
	char			 today[11];
	int			 rc;

	*out = NULL;
	*n = *nready = 0;
	if (what == ROUND_BULK_APPROVE && s->who->role != ROLE_ADMIN)
		return err_set(e, ERR_FORBIDDEN, "forbidden", NULL,
		    "Kun sekretariatet kan godkende indberetninger");
	if ((rc = round_get(s, round_id, &r, NULL, e)) != 0 ||
	    (rc = round_submissions(s, round_id, &v, &nv, e)) != 0)
		return rc;
	memcpy(today, s->now_iso, 10);
	today[10] = '\0';
	it = arena_calloc(s->arena, nv + 1, sizeof(*it));
	for (i = 0; i < nv; i++) {
		const struct submission *sub = &v[i];

		if (operator_code != NULL && *operator_code != '\0' &&
		    strcmp(sub->operator_code, operator_code) != 0)
			continue;
		if (what == ROUND_BULK_SUBMIT ?
		    sub->status != SUBMISSION_DRAFT &&
		    sub->status != SUBMISSION_RETURNED :
		    sub->status != SUBMISSION_SUBMITTED)
			continue;
		if (what == ROUND_BULK_SUBMIT &&
		    !role_may_edit_offer(s->who, sub->operator_code))
			continue;
		it[k].sub = sub;
		err_clear(&le);
		if (round_submission_may(&r, sub->status, what ==
		    ROUND_BULK_SUBMIT ? SUBMISSION_SUBMIT : SUBMISSION_APPROVE,
		    today, &le) != 0)
			it[k].why = arena_strdup(s->arena, le.msg);
		else if (what == ROUND_BULK_SUBMIT && sub->nlines == 0)
			it[k].why = "har ingen ydelseslinjer";
		else if (what == ROUND_BULK_SUBMIT && sub->not_computed > 0)
			it[k].why = arena_printf(s->arena, "%lld %s kan ikke "
			    "beregnes", (long long)sub->not_computed,
			    sub->not_computed == 1 ? "takst" : "takster");
		else if (what == ROUND_BULK_SUBMIT &&
		    sub->reasons_missing > 0)
			it[k].why = arena_printf(s->arena, "%lld %s mangler en "
			    "begrundelse", (long long)sub->reasons_missing,
			    sub->reasons_missing == 1 ? "linje" : "linjer");
		else {
			it[k].ready = true;
			(*nready)++;
		}
		k++;
	}
	*out = it;
	*n = k;
	return 0;
}

int
round_bulk_act(struct svc *s, int64_t round_id, enum round_bulk what,
    const char *operator_code, int *done, int *failed, struct err *e)
{
	struct round_bulk_item	*it;
	struct err		 le;
	size_t			 n, nready, i;
	int			 rc;

	*done = *failed = 0;
	if ((rc = round_bulk_plan(s, round_id, what, operator_code, &it, &n,
	    &nready, e)) != 0)
		return rc;
	if (nready == 0)
		return err_set(e, ERR_CONFLICT, "nothing_ready", NULL, "%s",
		    what == ROUND_BULK_SUBMIT ? "Ingen indberetninger er klar "
		    "til at blive indsendt" : "Ingen indberetninger venter på "
		    "godkendelse");
	for (i = 0; i < n; i++) {
		if (!it[i].ready)
			continue;
		err_clear(&le);
		if (round_submission_act(s, it[i].sub->id, it[i].sub->version,
		    what == ROUND_BULK_SUBMIT ? SUBMISSION_SUBMIT :
		    SUBMISSION_APPROVE, NULL, NULL, &le) == 0)
			(*done)++;
		else
			(*failed)++;
	}
	return 0;
}
