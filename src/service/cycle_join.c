/*
 * cycle_join — the reinforced cooperation's and the regional takeovers'
 * steps joined (see cycle_join.h).
 */
#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#include "service/cycle_join.h"
#include "service/reinforced.h"
#include "service/svc.h"
#include "service/takeover.h"
#include "util/arena.h"
#include "util/err.h"

#define REINFORCED_YEAR_MIN	2007	/* reinforced_view_get's range */
#define REINFORCED_YEAR_MAX	2100

/*
 * Status by date alone, for a step whose year holds nothing: planned
 * until its date, then missing, which is overdue for a step that should
 * have made something (the nominations) and not applicable for one
 * about what is not there (the assessment of no nominations, a
 * cooperation that was never decided).
 */
static void
by_date(struct cycle_resolve_ctx *c, struct cycle_item *it,
    enum cycle_status missing)
{
	it->status = strcmp(it->date, c->today) < 0 ? missing : CYCLE_PLANNED;
}

/*
 * The reinforced cooperation of year into *v; false (and the status by
 * date, missing once passed) when the year is out of range or holds
 * nothing yet.
 */
static int
load_year(struct cycle_resolve_ctx *c, struct cycle_item *it, int year,
    enum cycle_status missing, struct reinforced_view *v, bool *found,
    struct err *e)
{
	int rc;

	*found = false;
	if (year < REINFORCED_YEAR_MIN || year > REINFORCED_YEAR_MAX) {
		by_date(c, it, missing);
		return 0;
	}
	if ((rc = reinforced_view_get(c->sys, year, v, e)) != 0)
		return rc;
	if (v->nnoms == 0 && v->nassessments == 0 && v->ndecided == 0 &&
	    *v->y.decided_on == '\0' && *v->y.approved_on == '\0') {
		by_date(c, it, missing);
		return 0;
	}
	*found = true;
	it->link_label = arena_printf(c->sys->arena, "Forstærket samarbejde "
	    "%d", year);
	it->href = arena_printf(c->sys->arena, "/aftale/forstaerket?aar=%d",
	    year);
	return 0;
}

static bool
decided(const struct reinforced_view *v)
{
	return v->y.decided_on != NULL && *v->y.decided_on != '\0';
}

static bool
assessed(const struct reinforced_view *v, int64_t offer_id)
{
	size_t i;

	for (i = 0; i < v->nassessments; i++)
		if (v->assessments[i].offer_id == offer_id)
			return true;
	return false;
}

int
cycle_join_nominations(struct cycle_resolve_ctx *c, struct cycle_item *it,
    struct err *e)
{
	struct reinforced_view	v;
	bool			found;
	int			rc;

	if ((rc = load_year(c, it, c->year + 1, CYCLE_OVERDUE, &v, &found,
	    e)) != 0 || !found)
		return rc;
	it->detail = arena_printf(c->sys->arena, "%zu tilbud indstillet",
	    v.nnoms);
	if (v.nassessments > 0 || decided(&v) ||
	    (v.nnoms > 0 && strcmp(it->date, c->today) < 0))
		it->status = CYCLE_DONE;
	else if (strcmp(it->date, c->today) < 0)
		it->status = CYCLE_OVERDUE;
	else
		it->status = CYCLE_OPEN;
	return 0;
}

int
cycle_join_panel(struct cycle_resolve_ctx *c, struct cycle_item *it,
    struct err *e)
{
	struct reinforced_view	v;
	size_t			due = 0, done = 0, i;
	bool			found;
	int			rc;

	if ((rc = load_year(c, it, c->year + 1, CYCLE_NOT_APPLICABLE, &v,
	    &found, e)) != 0 || !found)
		return rc;
	for (i = 0; i < v.nnoms; i++) {
		/* An offer nominated by several counts once. */
		size_t j;

		for (j = 0; j < i && v.noms[j].offer_id != v.noms[i].offer_id;
		    j++)
			;
		if (j < i)
			continue;
		due++;
		done += assessed(&v, v.noms[i].offer_id);
	}
	for (i = 0; i < v.nreassess; i++) {
		due++;
		done += assessed(&v, v.reassess[i].offer_id);
	}
	it->detail = arena_printf(c->sys->arena, "%zu af %zu tilbud vurderet",
	    done, due);
	if (decided(&v) || (due > 0 && done >= due))
		it->status = CYCLE_DONE;
	else if (strcmp(it->date, c->today) < 0)
		it->status = CYCLE_OVERDUE;
	else
		it->status = due > 0 ? CYCLE_OPEN : CYCLE_PLANNED;
	return 0;
}

int
cycle_join_in_force(struct cycle_resolve_ctx *c, struct cycle_item *it,
    struct err *e)
{
	struct reinforced_view	v;
	bool			found, passed;
	int			rc;

	if ((rc = load_year(c, it, c->year, CYCLE_NOT_APPLICABLE, &v, &found,
	    e)) != 0 || !found)
		return rc;
	passed = strcmp(it->date, c->today) <= 0;
	it->detail = arena_printf(c->sys->arena, "%zu tilbud omfattet",
	    passed ? v.ncovered : v.ndecided);
	if (*v.y.approved_on != '\0')
		it->status = passed ? CYCLE_DONE : CYCLE_OPEN;
	else if (strcmp(it->date, c->today) < 0)
		it->status = CYCLE_OVERDUE;
	else
		it->status = decided(&v) ? CYCLE_OPEN : CYCLE_PLANNED;
	return 0;
}

int
cycle_join_takeover(struct cycle_resolve_ctx *c, struct cycle_item *it,
    struct err *e)
{
	struct takeover	*v;
	char		 on[16];
	size_t		 n, i, k = 0;
	int		 rc;

	if ((rc = takeover_list(c->sys, 0, &v, &n, e)) != 0)
		return rc;
	snprintf(on, sizeof(on), "%04d-01-01", (c->year + 1) % 10000);
	for (i = 0; i < n; i++)
		if (v[i].takeover_on != NULL &&
		    strcmp(v[i].takeover_on, on) == 0)
			k++;
	it->link_label = "Overtagelser af regionale tilbud";
	it->href = "/aftale/overtagelser";
	it->detail = k == 0 ? arena_printf(c->sys->arena, "Ingen varsler om "
	    "overtagelse 1. januar %d", c->year + 1) :
	    arena_printf(c->sys->arena, "%zu %s om overtagelse 1. januar %d",
	    k, k == 1 ? "varsel" : "varsler", c->year + 1);
	it->status = strcmp(it->date, c->today) < 0 ? CYCLE_DONE : CYCLE_OPEN;
	return 0;
}
