/*
 * round_impl — what the parts of service/round share: the role checks and
 * small helpers (inline), and what one part defines for the others.
 * Private to src/service/round*.c (not round_bulk.c, round_io.c); see
 * round.h for the interface.
 */
#ifndef RAMME_ROUND_IMPL_H
#define RAMME_ROUND_IMPL_H

#include <jansson.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "core/occupancy.h"
#include "core/role.h"
#include "core/round.h"
#include "service/round.h"
#include "service/svc.h"
#include "store/accounts_store.h"
#include "store/tariff_store.h"
#include "util/arena.h"
#include "util/buf.h"
#include "util/err.h"

struct agreement_params;

static inline void
today_of(const struct svc *s, char out[11])
{
	memcpy(out, s->now_iso, 10);
	out[10] = '\0';
}

static inline int
admin_only(const struct svc *s, struct err *e)
{
	if (s->who->role != ROLE_ADMIN)
		return err_set(e, ERR_FORBIDDEN, "forbidden", NULL,
		    "Kun sekretariatet kan gøre dette");
	return 0;
}

static inline int
editors_only(const struct svc *s, struct err *e)
{
	if (s->who->role != ROLE_ADMIN && s->who->role != ROLE_OPERATOR)
		return err_set(e, ERR_FORBIDDEN, "forbidden", NULL,
		    "Takstindberetningen er for driftsherrer og sekretariatet; "
		    "de offentliggjorte takster står i takstoversigten");
	return 0;
}

static inline int
not_yours(struct err *e)
{
	return err_set(e, ERR_FORBIDDEN, "forbidden", NULL,
	    "Du kan kun se og ændre indberetninger for tilbud, som din egen "
	    "organisation er driftsherre for");
}

static inline const char *
idtxt(struct svc *s, int64_t id)
{
	return arena_printf(s->arena, "%lld", (long long)id);
}

/* ---- round_json.c --------------------------------------------------- */

/* JSON text of j for the audit log, in the arena; j is released. */
char	*round_dump(struct svc *s, json_t *j);

/*
 * The audit record of submission sub, with lines[0..n) unless lines is
 * NULL, appended to b as JSON: its state, and with ident its round, offer
 * and operator too.
 */
void	 round_submission_audit_buf(struct buf *b, const struct submission *sub,
	    bool ident, const struct service_line *lines, size_t n);

/* The same as a string in the arena. */
char	*round_submission_audit(struct svc *s, const struct submission *sub,
	    bool ident, const struct service_line *lines, size_t n);

/* The audit record of round r as JSON, in the arena. */
char	*round_audit(struct svc *s, const struct tariff_round *r);

/* ---- round_prefill.c ------------------------------------------------ */

/* The occupancy class of an offer of kind offer_kind (NULL: ordinary). */
enum occupancy_class round_class_of(const char *offer_kind);

/*
 * Last year's tariff of offer_id for line l among v[0..n) (sorted by
 * offer), or -1; the rule is described above its definition.
 */
int64_t	 round_prev_of(const struct prev_tariff *v, size_t n,
	    int64_t offer_id, const struct service_line *l);

/*
 * The carry-over the accounts direct to offer_id, from v sorted by offer;
 * NULL when they direct none.
 */
const int64_t *round_carry_of(const struct accounts_carry *v, size_t n,
	    int64_t offer_id);

/*
 * The accounts' place-days of offer_id in years last and last − 1 into
 * days[0] and days[1] (available 0 where none were reported), from v
 * sorted by offer.
 */
void	 round_days_of(const struct accounts_occupancy *v, size_t n,
	    int64_t offer_id, int last, struct occupancy_year days[2]);

/*
 * Pre-fill the lines of the new round r under the agreement parameters p,
 * inside the caller's write transaction; *nlines counts the lines stored.
 */
int	 round_prefill(struct svc *s, const struct tariff_round *r,
	    const struct agreement_params *p, int64_t *nlines, struct err *e);

/* ---- round_submission.c --------------------------------------------- */

/*
 * Lines lines[0..n) are ready to submit: at least one, all computed,
 * every warning that asks for a reason given one; else ERR_INVALID
 * naming the first line that is not.
 */
int	 round_check_ready(const struct service_line *lines, size_t n,
	    struct err *e);

/* ---- round.c -------------------------------------------------------- */

/*
 * Publish round old inside the caller's write transaction: refused when
 * it is published or submissions wait for review; *n the tariffs written;
 * audited.
 */
int	 round_publish_in_tx(struct svc *s, const struct tariff_round *old,
	    int64_t *n, struct err *e);

#endif
