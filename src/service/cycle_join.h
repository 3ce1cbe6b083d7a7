/*
 * cycle_join — the resolvers (service/cycle.h) that join the annual
 * cycle's steps of the reinforced cooperation and the regional
 * takeovers to what they belong to:
 *
 *  - reinforced_nominations (November of year C) and expert_panel
 *    (December of C): the reinforced cooperation of year C + 1;
 *  - reinforced_in_force (1 July of C): the reinforced cooperation of C;
 *  - takeover_notice_deadline (1 January of C, the election period's 3rd
 *    year): the notices giving a takeover on 1 January of C + 1.
 *
 * Each sets the step's status from the state of that object, a link and
 * a Danish detail; a step whose object holds nothing yet keeps the
 * status by date (planned, overdue once passed). Reads only, with the
 * context's system principal.
 */
#ifndef RAMME_CYCLE_JOIN_H
#define RAMME_CYCLE_JOIN_H

#include "service/cycle.h"

/*
 * Nominations: open while they come in (done once the panel has
 * assessed or DAS decided), done after the date with nominations,
 * overdue after it without any.
 */
int	cycle_join_nominations(struct cycle_resolve_ctx *c,
	    struct cycle_item *it, struct err *e);
/*
 * The expert panel: done when every nominated offer and every offer due
 * for re-assessment is assessed (or DAS decided), overdue after the
 * date otherwise, open while there is something to assess.
 */
int	cycle_join_panel(struct cycle_resolve_ctx *c, struct cycle_item *it,
	    struct err *e);
/*
 * In force on 1 July: done once the councils approved and the day has
 * come; open after DAS's decision before it; overdue when the day has
 * passed with a decision but no approval.
 */
int	cycle_join_in_force(struct cycle_resolve_ctx *c, struct cycle_item *it,
	    struct err *e);
/*
 * The takeover notice deadline: open until the day (a notice is a
 * municipality's choice), done after; the detail counts the notices
 * that give a takeover on 1 January of the next year.
 */
int	cycle_join_takeover(struct cycle_resolve_ctx *c, struct cycle_item *it,
	    struct err *e);

#endif
