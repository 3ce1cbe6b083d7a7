/*
 * round — tariff-reporting rounds, submissions and published tariffs
 * (see round.h).
 */
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/decimal.h"
#include "core/harmonised.h"
#include "core/money.h"
#include "core/occupancy.h"
#include "core/offer.h"
#include "core/params.h"
#include "core/role.h"
#include "core/round.h"
#include "core/tariff.h"
#include "core/tariff_cause.h"
#include "service/agreement.h"
#include "service/mail_events.h"
#include "service/offer_event.h"
#include "service/round.h"
#include "service/startup.h"
#include "service/svc.h"
#include "store/accounts_store.h"
#include "store/audit.h"
#include "store/db.h"
#include "store/harmonised_store.h"
#include "store/offer_store.h"
#include "store/round_store.h"
#include "store/tariff_store.h"
#include "util/arena.h"
#include "util/buf.h"
#include "util/err.h"
#include "util/text.h"

/* ---- helpers -------------------------------------------------------- */

static void
today_of(const struct svc *s, char out[11])
{
	memcpy(out, s->now_iso, 10);
	out[10] = '\0';
}

static int
admin_only(const struct svc *s, struct err *e)
{
	if (s->who->role != ROLE_ADMIN)
		return err_set(e, ERR_FORBIDDEN, "forbidden", NULL,
		    "Kun sekretariatet kan gøre dette");
	return 0;
}

static int
editors_only(const struct svc *s, struct err *e)
{
	if (s->who->role != ROLE_ADMIN && s->who->role != ROLE_OPERATOR)
		return err_set(e, ERR_FORBIDDEN, "forbidden", NULL,
		    "Takstindberetningen er for driftsherrer og sekretariatet; "
		    "de offentliggjorte takster står i takstoversigten");
	return 0;
}

static int
not_yours(struct err *e)
{
	return err_set(e, ERR_FORBIDDEN, "forbidden", NULL,
	    "Du kan kun se og ændre indberetninger for tilbud, som din egen "
	    "organisation er driftsherre for");
}

static const char *
idtxt(struct svc *s, int64_t id)
{
	return arena_printf(s->arena, "%lld", (long long)id);
}

/* JSON text of j for the audit log, in the arena; j is released. */
static char *
dump(struct svc *s, json_t *j)
{
	char *txt, *copy;

	txt = json_dumps(j, JSON_COMPACT | JSON_SORT_KEYS |
	    DECIMAL_JSON_FLAGS);
	json_decref(j);
	copy = arena_strdup(s->arena, txt);
	free(txt);
	return copy;
}

static json_t *
centi_json(int64_t v)
{
	return decimal_json(v, 2);
}

json_t *
round_line_json(const struct service_line *l)
{
	json_t	*j, *w;
	size_t	 i;

	j = json_object();
	json_object_set_new(j, "pos", json_integer(l->pos));
	json_object_set_new(j, "paragraph", json_string(l->paragraph));
	json_object_set_new(j, "level", json_string(l->level ? l->level : ""));
	json_object_set_new(j, "unit", json_string(tariff_unit_name(l->unit)));
	json_object_set_new(j, "places", centi_json(l->places_centi));
	json_object_set_new(j, "days", l->days ? json_integer(l->days) :
	    json_null());
	json_object_set_new(j, "month_days", l->month_days ?
	    json_integer(l->month_days) : json_null());
	json_object_set_new(j, "hours", l->hours_centi ?
	    centi_json(l->hours_centi) : json_null());
	json_object_set_new(j, "occupancy_pct", centi_json(l->occupancy_bp));
	json_object_set_new(j, "occupancy_history_pct", json_pack("[o, o]",
	    l->hist_bp[0] >= 0 ? centi_json(l->hist_bp[0]) : json_null(),
	    l->hist_bp[1] >= 0 ? centi_json(l->hist_bp[1]) : json_null()));
	json_object_set_new(j, "costs_ore", json_pack("{s:I, s:I, s:I, s:I, "
	    "s:I, s:I}", "wages", (json_int_t)l->costs.wages_ore, "property",
	    (json_int_t)l->costs.property_ore, "other",
	    (json_int_t)l->costs.other_ore, "overhead",
	    (json_int_t)l->costs.overhead_ore, "capital",
	    (json_int_t)l->costs.capital_ore, "pension",
	    (json_int_t)l->costs.pension_ore));
	json_object_set_new(j, "income_ore", json_integer(l->income_ore));
	json_object_set_new(j, "carry_over_ore",
	    json_integer(l->carry_over_ore));
	json_object_set_new(j, "startup_ore", json_integer(l->startup_ore));
	json_object_set_new(j, "reason", l->reason ? json_string(l->reason) :
	    json_null());
	json_object_set_new(j, "referred_from", l->referred_from ?
	    json_string(l->referred_from) : json_null());
	json_object_set_new(j, "referred_before", l->referred_before ?
	    json_string(l->referred_before) : json_null());
	json_object_set_new(j, "computed", json_boolean(l->computed));
	json_object_set_new(j, "tariff_base_ore", l->computed ?
	    json_integer(l->base_ore) : json_null());
	json_object_set_new(j, "tariff_exact_ore", l->computed ?
	    json_string(l->exact) : json_null());
	json_object_set_new(j, "tariff_ore", l->computed ?
	    json_integer(l->tariff_ore) : json_null());
	w = json_array();
	for (i = 0; i < l->nwarnings; i++) {
		char msg[ROUND_WARN_MSG];

		round_warning_text(l, i, msg, sizeof(msg));
		json_array_append_new(w, json_pack("{s:s, s:s, s:b}", "code",
		    round_warning_code(l->warnings[i].kind), "message", msg,
		    "needs_reason", l->warnings[i].needs_reason));
	}
	json_object_set_new(j, "warnings", w);
	return j;
}

json_t *
round_submission_json(const struct submission *sub)
{
	json_t *j;

	j = json_pack("{s:I, s:I, s:I, s:i, s:i, s:I, s:s, s:s, s:s, s:s}",
	    "id", (json_int_t)sub->id, "version", (json_int_t)sub->version,
	    "round_id", (json_int_t)sub->round_id, "year", sub->year,
	    "round_no", sub->round_no, "offer_id", (json_int_t)sub->offer_id,
	    "offer_name", sub->offer_name, "operator_code", sub->operator_code,
	    "operator_name", sub->operator_name ? sub->operator_name : "",
	    "status", submission_status_name(sub->status));
	json_object_set_new(j, "comment", sub->comment ?
	    json_string(sub->comment) : json_null());
	json_object_set_new(j, "submitted_at", sub->submitted_at ?
	    json_string(sub->submitted_at) : json_null());
	json_object_set_new(j, "reviewed_at", sub->reviewed_at ?
	    json_string(sub->reviewed_at) : json_null());
	json_object_set_new(j, "reviewed_by", sub->reviewed_by ?
	    json_string(sub->reviewed_by) : json_null());
	json_object_set_new(j, "updated_at", json_string(sub->updated_at));
	json_object_set_new(j, "harmonised_id", sub->harmonised_id ?
	    json_integer(sub->harmonised_id) : json_null());
	return j;
}

/* A string literal appended without scanning it. */
#define PUT_LIT(b, s)	buf_append((b), (s), sizeof(s) - 1)

/* s as a JSON string (UTF-8 passes through; quotes, backslashes and
 * control characters are escaped). NULL writes null. */
static void
json_str_buf(struct buf *b, const char *s)
{
	const unsigned char	*p, *run;
	char			 esc[8];

	if (s == NULL) {
		PUT_LIT(b, "null");
		return;
	}
	buf_putc(b, '"');
	for (p = run = (const unsigned char *)s; *p != '\0'; p++) {
		if (*p != '"' && *p != '\\' && *p >= 0x20)
			continue;
		buf_append(b, run, (size_t)(p - run));
		if (*p == '"' || *p == '\\') {
			esc[0] = '\\';
			esc[1] = (char)*p;
			buf_append(b, esc, 2);
		} else {
			snprintf(esc, sizeof(esc), "\\u%04x", *p);
			buf_append(b, esc, 6);
		}
		run = p + 1;
	}
	buf_append(b, run, (size_t)(p - run));
	buf_putc(b, '"');
}

/* v in decimal. */
static void
i64_buf(struct buf *b, int64_t v)
{
	char		 d[24], *p = d + sizeof(d);
	uint64_t	 u = v < 0 ? (uint64_t)0 - (uint64_t)v : (uint64_t)v;

	do
		*--p = (char)('0' + u % 10);
	while ((u /= 10) != 0);
	if (v < 0)
		*--p = '-';
	buf_append(b, p, (size_t)(d + sizeof(d) - p));
}

/* Hundredths as a JSON number: 25, 97.5, 97.79. */
static void
centi_buf(struct buf *b, int64_t v)
{
	uint64_t	u = v < 0 ? (uint64_t)0 - (uint64_t)v : (uint64_t)v;
	char		f[3];

	if (v < 0)
		buf_putc(b, '-');
	i64_buf(b, (int64_t)(u / 100));
	if (u % 100 == 0)
		return;
	f[0] = '.';
	f[1] = (char)('0' + u % 100 / 10);
	f[2] = (char)('0' + u % 10);
	buf_append(b, f, u % 10 == 0 ? 2 : 3);
}

/* ,"key":v with key a literal, for the cost components that are set. */
#define COST_BUF(b, first, key, v) do {					\
	if ((v) != 0) {							\
		if (!(first))						\
			buf_putc((b), ',');				\
		PUT_LIT((b), "\"" key "\":");				\
		i64_buf((b), (v));					\
		(first) = false;					\
	}								\
} while (0)

/*
 * The audit form of a line, written directly (a bulk import audits
 * thousands): what was entered and the tariff computed from it, in the
 * field names of round_line_json(). A value that is not set is left out
 * (an absent level is "", an absent days, month_days, hours, history,
 * cost, income, carry-over, reason, referral date or warning list means
 * none); the
 * calculation base is not repeated, it follows from the costs.
 */
static void
line_audit_buf(struct buf *b, const struct service_line *l)
{
	size_t	i;
	bool	first = true;

	PUT_LIT(b, "{\"pos\":");
	i64_buf(b, l->pos);
	PUT_LIT(b, ",\"paragraph\":");
	json_str_buf(b, l->paragraph);
	if (l->level != NULL && *l->level != '\0') {
		PUT_LIT(b, ",\"level\":");
		json_str_buf(b, l->level);
	}
	PUT_LIT(b, ",\"unit\":\"");
	buf_puts(b, tariff_unit_name(l->unit));
	PUT_LIT(b, "\",\"places\":");
	centi_buf(b, l->places_centi);
	if (l->days) {
		PUT_LIT(b, ",\"days\":");
		i64_buf(b, l->days);
	}
	if (l->month_days) {
		PUT_LIT(b, ",\"month_days\":");
		i64_buf(b, l->month_days);
	}
	if (l->hours_centi) {
		PUT_LIT(b, ",\"hours\":");
		centi_buf(b, l->hours_centi);
	}
	PUT_LIT(b, ",\"occupancy_pct\":");
	centi_buf(b, l->occupancy_bp);
	if (l->hist_bp[0] >= 0 || l->hist_bp[1] >= 0) {
		PUT_LIT(b, ",\"occupancy_history_pct\":[");
		for (i = 0; i < 2; i++) {
			if (i > 0)
				buf_putc(b, ',');
			if (l->hist_bp[i] >= 0)
				centi_buf(b, l->hist_bp[i]);
			else
				PUT_LIT(b, "null");
		}
		buf_putc(b, ']');
	}
	PUT_LIT(b, ",\"costs_ore\":{");
	COST_BUF(b, first, "wages", l->costs.wages_ore);
	COST_BUF(b, first, "property", l->costs.property_ore);
	COST_BUF(b, first, "other", l->costs.other_ore);
	COST_BUF(b, first, "overhead", l->costs.overhead_ore);
	COST_BUF(b, first, "capital", l->costs.capital_ore);
	COST_BUF(b, first, "pension", l->costs.pension_ore);
	buf_putc(b, '}');
	if (l->income_ore) {
		PUT_LIT(b, ",\"income_ore\":");
		i64_buf(b, l->income_ore);
	}
	if (l->startup_ore) {
		PUT_LIT(b, ",\"startup_ore\":");
		i64_buf(b, l->startup_ore);
	}
	if (l->carry_over_ore) {
		PUT_LIT(b, ",\"carry_over_ore\":");
		i64_buf(b, l->carry_over_ore);
	}
	if (l->reason != NULL) {
		PUT_LIT(b, ",\"reason\":");
		json_str_buf(b, l->reason);
	}
	if (l->referred_from != NULL) {
		PUT_LIT(b, ",\"referred_from\":");
		json_str_buf(b, l->referred_from);
	}
	if (l->referred_before != NULL) {
		PUT_LIT(b, ",\"referred_before\":");
		json_str_buf(b, l->referred_before);
	}
	PUT_LIT(b, ",\"tariff_ore\":");
	if (l->computed)
		i64_buf(b, l->tariff_ore);
	else
		PUT_LIT(b, "null");
	if (l->nwarnings > 0) {
		PUT_LIT(b, ",\"warnings\":[");
		for (i = 0; i < l->nwarnings; i++) {
			char msg[ROUND_WARN_MSG];

			round_warning_text(l, i, msg, sizeof(msg));
			if (i > 0)
				buf_putc(b, ',');
			PUT_LIT(b, "{\"code\":");
			json_str_buf(b,
			    round_warning_code(l->warnings[i].kind));
			PUT_LIT(b, ",\"message\":");
			json_str_buf(b, msg);
			if (l->warnings[i].needs_reason)
				PUT_LIT(b, ",\"needs_reason\":true}");
			else
				PUT_LIT(b, ",\"needs_reason\":false}");
		}
		buf_putc(b, ']');
	}
	buf_putc(b, '}');
}

/*
 * The audit form of a submission with its lines (lines NULL: none),
 * appended to b: its state, and with ident its round, offer and operator
 * too (which never change, so the record of its creation holds them).
 */
static void
submission_audit_buf(struct buf *b, const struct submission *sub, bool ident,
    const struct service_line *lines, size_t n)
{
	size_t i;

	PUT_LIT(b, "{\"id\":");
	i64_buf(b, sub->id);
	if (ident) {
		PUT_LIT(b, ",\"round_id\":");
		i64_buf(b, sub->round_id);
		PUT_LIT(b, ",\"offer_id\":");
		i64_buf(b, sub->offer_id);
		PUT_LIT(b, ",\"operator_code\":");
		json_str_buf(b, sub->operator_code);
	}
	PUT_LIT(b, ",\"status\":\"");
	buf_puts(b, submission_status_name(sub->status));
	PUT_LIT(b, "\",\"version\":");
	i64_buf(b, sub->version);
	PUT_LIT(b, ",\"comment\":");
	json_str_buf(b, sub->comment);
	if (lines != NULL) {
		PUT_LIT(b, ",\"lines\":[");
		for (i = 0; i < n; i++) {
			if (i > 0)
				buf_putc(b, ',');
			line_audit_buf(b, &lines[i]);
		}
		buf_putc(b, ']');
	}
	buf_putc(b, '}');
}

/* The same as a string in the arena. */
static char *
submission_audit(struct svc *s, const struct submission *sub, bool ident,
    const struct service_line *lines, size_t n)
{
	struct buf	 b;
	char		*out;

	buf_init(&b);
	submission_audit_buf(&b, sub, ident, lines, n);
	out = arena_strndup(s->arena, buf_str(&b), b.len);
	buf_cleanup(&b);
	return out;
}

static char *
round_audit(struct svc *s, const struct tariff_round *r)
{
	json_t *j;

	j = json_pack("{s:I, s:i, s:i, s:s, s:s, s:s, s:s, s:I, s:I, s:b}",
	    "id", (json_int_t)r->id, "year", r->year, "no", r->no, "title",
	    r->title, "opens_on", r->opens_on, "deadline", r->deadline,
	    "status", round_status_name(r->status), "pl_bp",
	    (json_int_t)r->pl_bp, "increase_warn_bp",
	    (json_int_t)r->increase_warn_bp, "covered_only", r->covered_only);
	json_object_set_new(j, "reopened_until", r->reopened_until ?
	    json_string(r->reopened_until) : json_null());
	return dump(s, j);
}

static enum occupancy_class
class_of(const char *offer_kind)
{
	if (offer_kind != NULL && strcmp(offer_kind, "respite") == 0)
		return OCCUPANCY_SHORT_STAY;
	if (offer_kind != NULL && strcmp(offer_kind, "secure_institution") == 0)
		return OCCUPANCY_SECURE;
	return OCCUPANCY_ORDINARY;
}

/* Two optional texts are equal (NULL equals NULL only). */
static bool
same_opt(const char *a, const char *b)
{
	return a == NULL ? b == NULL : b != NULL && strcmp(a, b) == 0;
}

/*
 * Last year's tariff of offer_id for line l among v[0..n) (sorted by
 * offer), or -1: the one of the same paragraph, level, unit and referral
 * dates; failing that, for a line of a structure being replaced (for the
 * citizens referred before a cut-off date), the one without referral
 * dates it continues. A line of a new structure has no predecessor
 * unless last year had the same structure.
 */
static int64_t
prev_of(const struct prev_tariff *v, size_t n, int64_t offer_id,
    const struct service_line *l)
{
	size_t	lo = 0, hi = n, mid;
	int64_t	plain = -1;

	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		if (v[mid].offer_id < offer_id)
			lo = mid + 1;
		else
			hi = mid;
	}
	for (; lo < n && v[lo].offer_id == offer_id; lo++) {
		if (v[lo].unit != l->unit ||
		    strcmp(v[lo].paragraph, l->paragraph) != 0 ||
		    strcmp(v[lo].level, l->level ? l->level : "") != 0)
			continue;
		if (same_opt(v[lo].referred_from, l->referred_from) &&
		    same_opt(v[lo].referred_before, l->referred_before))
			return v[lo].tariff_ore;
		if (v[lo].referred_from == NULL &&
		    v[lo].referred_before == NULL)
			plain = v[lo].tariff_ore;
	}
	return l->referred_before != NULL ? plain : -1;
}

/* The carry-over the accounts direct to offer_id, from v sorted by offer. */
static const int64_t *
carry_of(const struct accounts_carry *v, size_t n, int64_t offer_id)
{
	size_t lo = 0, hi = n, mid;

	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		if (v[mid].offer_id < offer_id)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo < n && v[lo].offer_id == offer_id ?
	    &v[lo].to_tariff_ore : NULL;
}

/*
 * The accounts' place-days of offer_id in years last and last − 1 into
 * days[0] and days[1] (available 0 where none were reported).
 */
static void
days_of(const struct accounts_occupancy *v, size_t n, int64_t offer_id,
    int last, struct occupancy_year days[2])
{
	size_t	lo = 0, hi = n, mid;

	memset(days, 0, 2 * sizeof(days[0]));
	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		if (v[mid].offer_id < offer_id)
			lo = mid + 1;
		else
			hi = mid;
	}
	for (; lo < n && v[lo].offer_id == offer_id; lo++)
		if (v[lo].available_days > 0 && (v[lo].year == last ||
		    v[lo].year == last - 1)) {
			days[last - v[lo].year].occupied = v[lo].occupied_days;
			days[last - v[lo].year].available =
			    v[lo].available_days;
		}
}

/* Compute line l; a failure becomes a line without a tariff whose
 * warning says why (pre-filled lines only). */
static void
compute_or_mark(struct svc *s, const struct agreement_params *p,
    const struct round_line_ctx *ctx, struct service_line *l)
{
	struct err e;

	err_clear(&e);
	if (round_line_compute(p, ctx, (size_t)(l->pos - 1), l, &e) == 0)
		return;
	l->computed = false;
	l->nwarnings = 1;
	memset(&l->warnings[0], 0, sizeof(l->warnings[0]));
	l->warnings[0].kind = WARN_NOT_COMPUTED;
	l->problem = arena_strdup(s->arena, e.msg);
}

/* ---- rounds --------------------------------------------------------- */

/* What the pre-fill of a round reads once. */
struct prefill_data {
	struct accounts_carry		*carry;
	struct accounts_occupancy	*occ;
	struct prev_tariff		*prev;
	size_t				 ncarry, nocc, nprev;
	int				 first, last;	/* source years */
};

/*
 * Pre-fill line l, copied from a round shift years before: the history
 * from ctx->hist_days (else the source's, shifted), the budgeted
 * occupancy from that history (a secure institution's at the year's
 * assumed occupancy), no reason; then compute it. The caller sets
 * ctx (class, place-days, last year's tariff) and the carry-over.
 */
static void
prefill_line(struct svc *s, const struct agreement_params *p,
    const struct round_line_ctx *ctx, int shift, struct service_line *l)
{
	struct service_line	src = *l;
	int64_t			acc;
	int			k;

	for (k = 0; k < 2; k++) {
		acc = round_days_bp(ctx->hist_days[k].occupied,
		    ctx->hist_days[k].available);
		if (acc >= 0)
			l->hist_bp[k] = acc;
		else if (k - shift >= 0 && k - shift < 2)
			l->hist_bp[k] = src.hist_bp[k - shift];
		else
			l->hist_bp[k] = -1;
	}
	/* The history's mean, exact from the place-days. */
	if (round_line_history_bp(p, ctx, l, &acc) == 0 &&
	    acc >= 1 && acc <= MONEY_BP_ONE)
		l->occupancy_bp = acc;
	/* A secure institution is budgeted at the year's assumed occupancy,
	 * not at its history. */
	if (ctx->cls == OCCUPANCY_SECURE)
		l->occupancy_bp = p->secure_occupancy_bp;
	l->reason = NULL;
	compute_or_mark(s, p, ctx, l);
}

/* Check the carry-over of lines v[0..n-1] and store them in sub_id. */
static int
prefill_store(struct svc *s, int64_t sub_id, struct service_line *v,
    size_t n, const int64_t *carry, int64_t *nlines, struct err *e)
{
	size_t	i;
	int	rc;

	(void)round_lines_check(v, n, carry, NULL);
	for (i = 0; i < n; i++) {
		if ((rc = tariff_store_line_insert(s->db, sub_id, &v[i], e))
		    != 0)
			return rc;
		(*nlines)++;
	}
	return 0;
}

/*
 * The first round of a harmonised group: its submission (on the first
 * member) was pre-filled from that offer's own lines; add the other
 * members' latest lines, each pre-filled as its own offer's, and merge
 * them into the group's one line set (core/harmonised): places, costs
 * and carry-over summed, occupancy weighted by places, the history from
 * the members' place-days summed.
 */
static int
prefill_group(struct svc *s, const struct tariff_round *r,
    const struct agreement_params *p, const struct prefill_data *d,
    const struct submission *sub, int64_t *nlines, struct err *e)
{
	struct round_line_row	*rows;
	struct service_line	*own, *all, *merged;
	struct round_line_ctx	 ctx;
	struct occupancy_year	 days[2], sum[2];
	const int64_t		*c;
	int64_t			 carry = 0, lead_carry, acc;
	size_t			 nrows, nown, n, k, i, q;
	int			*years, rc;
	bool			 has_carry, known[2];

	if ((rc = harmonised_store_member_lines(s->db, s->arena, sub->id,
	    &rows, &years, &nrows, e)) != 0)
		return rc;
	if (nrows == 0)
		return 0;
	if ((rc = tariff_store_lines(s->db, s->arena, sub->id, &own, &nown,
	    e)) != 0)
		return rc;
	all = arena_calloc(s->arena, nown + nrows, sizeof(*all));
	for (i = 0; i < nown; i++)
		all[i] = own[i];
	c = carry_of(d->carry, d->ncarry, sub->offer_id);
	has_carry = c != NULL;
	lead_carry = c != NULL ? *c : 0;
	carry = lead_carry;
	days_of(d->occ, d->nocc, sub->offer_id, d->last, sum);
	for (q = 0; q < 2; q++)
		known[q] = sum[q].available > 0;
	memset(&ctx, 0, sizeof(ctx));
	ctx.year = r->year;
	ctx.pl_bp = r->pl_bp;
	ctx.increase_warn_bp = r->increase_warn_bp;
	for (i = 0; i < nrows; i++) {
		struct service_line *l = &all[nown + i];
		bool first = i == 0 || rows[i - 1].offer_id != rows[i].offer_id;

		*l = rows[i].line;
		ctx.cls = class_of(rows[i].offer_kind);
		days_of(d->occ, d->nocc, rows[i].offer_id, d->last, days);
		memcpy(ctx.hist_days, days, sizeof(days));
		c = carry_of(d->carry, d->ncarry, rows[i].offer_id);
		l->carry_over_ore = first && c != NULL ? *c : 0;
		if (first && c != NULL) {
			carry += *c;
			has_carry = true;
		}
		if (first)
			for (q = 0; q < 2; q++) {
				known[q] = known[q] && days[q].available > 0;
				sum[q].occupied += days[q].occupied;
				sum[q].available += days[q].available;
			}
		ctx.prev_tariff_ore = prev_of(d->prev, d->nprev,
		    rows[i].offer_id, l);
		prefill_line(s, p, &ctx, r->year - years[i], l);
	}
	merged = arena_calloc(s->arena, nown + nrows, sizeof(*merged));
	harmonised_merge_lines(all, nown + nrows, merged, &n);
	/* The group's place-days, where every member reported them. */
	for (q = 0; q < 2; q++)
		if (!known[q])
			memset(&sum[q], 0, sizeof(sum[q]));
	ctx.cls = class_of(sub->offer_kind);
	memcpy(ctx.hist_days, sum, sizeof(sum));
	for (k = 0; k < n; k++) {
		ctx.prev_tariff_ore = prev_of(d->prev, d->nprev, sub->offer_id,
		    &merged[k]);
		for (q = 0; q < 2; q++)
			if ((acc = round_days_bp(sum[q].occupied,
			    sum[q].available)) >= 0)
				merged[k].hist_bp[q] = acc;
		prefill_line(s, p, &ctx, 0, &merged[k]);
	}
	if ((rc = tariff_store_lines_delete(s->db, sub->id, e)) != 0)
		return rc;
	*nlines -= (int64_t)nown;
	return prefill_store(s, sub->id, merged, n, has_carry ? &carry : NULL,
	    nlines, e);
}

/* Pre-fill the lines of the new round r (inside the transaction). */
static int
prefill(struct svc *s, const struct tariff_round *r,
    const struct agreement_params *p, int64_t *nlines, struct err *e)
{
	struct round_line_row		*rows;
	struct submission		*subs;
	struct prefill_data		 d;
	struct round_line_ctx		 ctx;
	size_t				 nrows, nsubs, i, j, g;
	int				*years, rc;

	*nlines = 0;
	memset(&d, 0, sizeof(d));
	occupancy_source_years(p, r->year, &d.first, &d.last);
	if ((rc = tariff_store_prefill_rows(s->db, s->arena, r->id, &rows,
	    &years, &nrows, e)) != 0 ||
	    (rc = accounts_store_carry(s->db, s->arena, r->year, 0, &d.carry,
	    &d.ncarry, e)) != 0 ||
	    (rc = accounts_store_occupancy(s->db, s->arena, d.last - 1, d.last,
	    0, &d.occ, &d.nocc, e)) != 0 ||
	    (rc = tariff_store_prev_tariffs(s->db, s->arena, r->year - 1, 0,
	    &d.prev, &d.nprev, e)) != 0)
		return rc;
	memset(&ctx, 0, sizeof(ctx));
	ctx.year = r->year;
	ctx.pl_bp = r->pl_bp;
	ctx.increase_warn_bp = r->increase_warn_bp;
	for (g = 0; g < nrows; g = j) {
		const int64_t		*c;
		struct service_line	*v;

		c = carry_of(d.carry, d.ncarry, rows[g].offer_id);
		if ((rc = startup_share_in_tx(s, rows[g].offer_id, r->year,
		    &ctx.startup_ore, NULL, NULL, e)) != 0)
			return rc;
		for (j = g; j < nrows &&
		    rows[j].submission_id == rows[g].submission_id; j++) {
			struct service_line *l = &rows[j].line;

			l->pos = (int)(j - g + 1);
			ctx.cls = class_of(rows[j].offer_kind);
			days_of(d.occ, d.nocc, rows[j].offer_id, d.last,
			    ctx.hist_days);
			l->carry_over_ore = j == g && c != NULL ? *c : 0;
			ctx.prev_tariff_ore = prev_of(d.prev, d.nprev,
			    rows[j].offer_id, l);
			prefill_line(s, p, &ctx, r->year - years[j], l);
		}
		/* The carry-over check of the whole submission. */
		v = arena_calloc(s->arena, j - g, sizeof(*v));
		for (i = 0; i < j - g; i++)
			v[i] = rows[g + i].line;
		if ((rc = prefill_store(s, rows[g].submission_id, v, j - g, c,
		    nlines, e)) != 0)
			return rc;
	}
	/* A harmonised group reports once: its first round merges. */
	if ((rc = tariff_store_submission_list(s->db, s->arena, r->id, NULL,
	    &subs, &nsubs, e)) != 0)
		return rc;
	for (i = 0; i < nsubs; i++)
		if (subs[i].harmonised_id != 0 && (rc = prefill_group(s, r, p,
		    &d, &subs[i], nlines, e)) != 0)
			return rc;
	return 0;
}

int
round_create(struct svc *s, const struct tariff_round *in, int64_t *id,
    int64_t *nsub, struct err *e)
{
	struct agreement_params	p;
	struct tariff_round	r;
	int64_t			n = 0, nlines = 0;
	char			*after;
	int			rc;

	if ((rc = admin_only(s, e)) != 0 || (rc = round_validate(in, e)) != 0)
		return rc;
	if ((rc = db_begin(s->db, DB_WRITE, e)) != 0)
		return rc;
	if ((rc = agreement_params_get_in_tx(s, in->year, &p, e)) != 0 ||
	    (rc = round_store_insert(s->db, in, s->now_iso, id, e)) != 0 ||
	    (rc = round_store_get(s->db, s->arena, *id, &r, e)) != 0 ||
	    (rc = tariff_store_create_submissions(s->db, &r, s->now_iso, &n,
	    e)) != 0 ||
	    (rc = prefill(s, &r, &p, &nlines, e)) != 0)
		goto fail;
	after = round_audit(s, &r);
	after = arena_printf(s->arena, "{\"round\":%s,\"submissions\":%lld,"
	    "\"prefilled_lines\":%lld}", after, (long long)n,
	    (long long)nlines);
	if ((rc = audit_add(s->db, s->who, s->now_iso, "tariff_round",
	    idtxt(s, *id), "create", NULL, after, e)) != 0 ||
	    (rc = mail_round_opened(s, &r, e)) != 0)
		goto fail;
	if ((rc = db_commit(s->db, e)) != 0)
		return rc;
	if (nsub != NULL)
		*nsub = n;
	return 0;
fail:
	db_rollback(s->db);
	return rc;
}

int
round_list(struct svc *s, struct tariff_round **out, size_t *n,
    struct err *e)
{
	int rc;

	if ((rc = editors_only(s, e)) != 0)
		return rc;
	if ((rc = db_begin(s->db, DB_READ, e)) != 0)
		return rc;
	rc = round_store_list(s->db, s->arena, out, n, e);
	db_rollback(s->db);
	return rc;
}

int
round_get(struct svc *s, int64_t id, struct tariff_round *out,
    struct round_progress *progress, struct err *e)
{
	const char	*op = NULL;
	int		 rc;

	if ((rc = editors_only(s, e)) != 0)
		return rc;
	if (s->who->role == ROLE_OPERATOR)
		op = s->who->org_code != NULL ? s->who->org_code : "";
	if ((rc = db_begin(s->db, DB_READ, e)) != 0)
		return rc;
	rc = round_store_get(s->db, s->arena, id, out, e);
	if (rc == 0 && progress != NULL)
		rc = round_store_progress(s->db, s->arena, id, op, progress, e);
	db_rollback(s->db);
	return rc;
}

/* Change the status of a round, audited. */
static int
round_set(struct svc *s, int64_t id, int64_t expected_version,
    enum round_status to, const char *until, const char *action,
    struct err *e)
{
	struct tariff_round	old, now;
	char			today[11];
	int			rc;

	if ((rc = admin_only(s, e)) != 0)
		return rc;
	today_of(s, today);
	if (until != NULL && (!text_date_valid(until) ||
	    strcmp(until, today) < 0))
		return err_set(e, ERR_INVALID, "invalid_date", "until",
		    "Angiv en ny frist i dag eller senere (ÅÅÅÅ-MM-DD)");
	if ((rc = db_begin(s->db, DB_WRITE, e)) != 0)
		return rc;
	if ((rc = round_store_get(s->db, s->arena, id, &old, e)) != 0)
		goto fail;
	if (old.version != expected_version) {
		rc = err_set(e, ERR_PRECONDITION, "stale_version", NULL,
		    "Runden er ændret af en anden i mellemtiden; hent den "
		    "igen");
		goto fail;
	}
	if (old.status == ROUND_PUBLISHED) {
		rc = err_set(e, ERR_CONFLICT, "round_published", NULL,
		    "Runden er offentliggjort og kan ikke ændres");
		goto fail;
	}
	if (to == ROUND_OPEN && round_accepts_submissions(&old, today)) {
		rc = err_set(e, ERR_CONFLICT, "round_open", NULL,
		    "Runden er åben, og fristen er ikke overskredet; kun en "
		    "lukket runde eller en runde efter fristen kan genåbnes");
		goto fail;
	}
	if (to == ROUND_CLOSED && old.status == ROUND_CLOSED) {
		rc = err_set(e, ERR_CONFLICT, "round_closed", NULL,
		    "Runden er allerede lukket");
		goto fail;
	}
	if ((rc = round_store_set_status(s->db, id, expected_version, to,
	    to == ROUND_OPEN ? until : old.reopened_until, s->now_iso,
	    e)) != 0 ||
	    (rc = round_store_get(s->db, s->arena, id, &now, e)) != 0 ||
	    (rc = audit_add(s->db, s->who, s->now_iso, "tariff_round",
	    idtxt(s, id), action, round_audit(s, &old), round_audit(s, &now),
	    e)) != 0)
		goto fail;
	return db_commit(s->db, e);
fail:
	db_rollback(s->db);
	return rc;
}

int
round_close(struct svc *s, int64_t id, int64_t expected_version,
    struct err *e)
{
	return round_set(s, id, expected_version, ROUND_CLOSED, NULL, "close",
	    e);
}

int
round_reopen(struct svc *s, int64_t id, int64_t expected_version,
    const char *until, struct err *e)
{
	if (until == NULL)
		return err_set(e, ERR_INVALID, "missing_field", "until",
		    "Angiv den nye frist for at indsende");
	return round_set(s, id, expected_version, ROUND_OPEN, until, "reopen",
	    e);
}

/* Publish round old inside the caller's write transaction. */
static int
publish_in_tx(struct svc *s, const struct tariff_round *old, int64_t *n,
    struct err *e)
{
	struct tariff_round	now;
	int64_t			by_status[SUBMISSION_STATUS_COUNT];
	char			*after;
	int			 rc;

	if (old->status == ROUND_PUBLISHED)
		return err_set(e, ERR_CONFLICT, "round_published", NULL,
		    "Runden er allerede offentliggjort");
	if ((rc = round_store_status_counts(s->db, old->id, NULL, by_status,
	    e)) != 0)
		return rc;
	if (by_status[SUBMISSION_SUBMITTED] > 0)
		return err_set(e, ERR_CONFLICT, "pending_review", NULL,
		    "%lld indsendte indberetninger venter på at blive godkendt "
		    "eller sendt retur", (long long)
		    by_status[SUBMISSION_SUBMITTED]);
	if ((rc = tariff_store_publish(s->db, old, s->now_iso,
	    s->who->username ? s->who->username : "system", n, e)) != 0 ||
	    (rc = round_store_set_status(s->db, old->id, old->version,
	    ROUND_PUBLISHED, old->reopened_until, s->now_iso, e)) != 0 ||
	    (rc = round_store_get(s->db, s->arena, old->id, &now, e)) != 0)
		return rc;
	after = arena_printf(s->arena, "{\"round\":%s,\"approved\":%lld,"
	    "\"tariffs\":%lld}", round_audit(s, &now), (long long)
	    by_status[SUBMISSION_APPROVED], (long long)*n);
	return audit_add(s->db, s->who, s->now_iso, "tariff_round",
	    idtxt(s, old->id), "publish", round_audit(s, old), after, e);
}

int
round_publish(struct svc *s, int64_t id, int64_t expected_version, int64_t *n,
    struct err *e)
{
	struct tariff_round	old;
	int			rc;

	if ((rc = admin_only(s, e)) != 0)
		return rc;
	if ((rc = db_begin(s->db, DB_WRITE, e)) != 0)
		return rc;
	if ((rc = round_store_get(s->db, s->arena, id, &old, e)) != 0)
		goto fail;
	if (old.version != expected_version) {
		rc = err_set(e, ERR_PRECONDITION, "stale_version", NULL,
		    "Runden er ændret af en anden i mellemtiden; hent den "
		    "igen");
		goto fail;
	}
	if ((rc = publish_in_tx(s, &old, n, e)) != 0)
		goto fail;
	return db_commit(s->db, e);
fail:
	db_rollback(s->db);
	return rc;
}

int
round_add_offer(struct svc *s, int64_t round_id, int64_t offer_id,
    int64_t *submission_id, struct err *e)
{
	struct tariff_round	r;
	struct offer		o;
	struct submission	sub;
	const char		*group = NULL;
	int			rc;

	if ((rc = admin_only(s, e)) != 0)
		return rc;
	if ((rc = db_begin(s->db, DB_WRITE, e)) != 0)
		return rc;
	if ((rc = round_store_get(s->db, s->arena, round_id, &r, e)) != 0 ||
	    (rc = offer_store_get(s->db, s->arena, offer_id, &o, e)) != 0)
		goto fail;
	if (r.status == ROUND_PUBLISHED) {
		rc = err_set(e, ERR_CONFLICT, "round_published", NULL,
		    "Runden er offentliggjort");
		goto fail;
	}
	if ((rc = offer_event_operator_of_year(s, offer_id, o.operator_code,
	    r.year, &o.operator_code, NULL, e)) != 0)
		goto fail;
	if (o.operator_code == NULL) {
		rc = err_set(e, ERR_INVALID, "missing_operator", "offer_id",
		    "Tilbuddet har ingen driftsherre");
		goto fail;
	}
	/* A member of a group that reports in the round has no line set of
	 * its own. */
	if ((rc = harmonised_store_reported(s->db, s->arena, round_id, r.year,
	    offer_id, &group, e)) != 0)
		goto fail;
	if (group != NULL) {
		rc = err_set(e, ERR_CONFLICT, "already_in_round", "offer_id",
		    "Tilbuddet er med i runden gennem den harmoniserede takst "
		    "%s", group);
		goto fail;
	}
	if ((rc = tariff_store_add_submission(s->db, &r, offer_id,
	    o.operator_code, s->now_iso, submission_id, e)) != 0 ||
	    (rc = tariff_store_submission_get(s->db, s->arena, *submission_id,
	    &sub, e)) != 0 ||
	    (rc = audit_add(s->db, s->who, s->now_iso, "submission",
	    idtxt(s, *submission_id), "create", NULL,
	    submission_audit(s, &sub, true, NULL, 0), e)) != 0)
		goto fail;
	return db_commit(s->db, e);
fail:
	db_rollback(s->db);
	return rc;
}

/* ---- submissions ---------------------------------------------------- */

int
round_submissions(struct svc *s, int64_t round_id, struct submission **out,
    size_t *n, struct err *e)
{
	struct tariff_round	 r;
	const char		*op = NULL;
	int			 rc;

	if ((rc = editors_only(s, e)) != 0)
		return rc;
	if (s->who->role == ROLE_OPERATOR)
		op = s->who->org_code != NULL ? s->who->org_code : "";
	if ((rc = db_begin(s->db, DB_READ, e)) != 0)
		return rc;
	rc = round_store_get(s->db, s->arena, round_id, &r, e);
	if (rc == 0)
		rc = tariff_store_submission_list(s->db, s->arena, round_id, op,
		    out, n, e);
	db_rollback(s->db);
	return rc;
}

int
round_submission_lines(struct svc *s, int64_t round_id,
    struct submission **subs, size_t *nsubs, struct round_line_row **lines,
    size_t *nlines, struct err *e)
{
	struct tariff_round	 r;
	struct round_line_row	*all;
	const char		*op = NULL;
	size_t			 nall, i, k;
	int			 rc;

	*lines = NULL;
	*nlines = 0;
	if ((rc = editors_only(s, e)) != 0)
		return rc;
	if (s->who->role == ROLE_OPERATOR)
		op = s->who->org_code != NULL ? s->who->org_code : "";
	if ((rc = db_begin(s->db, DB_READ, e)) != 0)
		return rc;
	if ((rc = round_store_get(s->db, s->arena, round_id, &r, e)) == 0 &&
	    (rc = tariff_store_submission_list(s->db, s->arena, round_id, op,
	    subs, nsubs, e)) == 0)
		rc = tariff_store_round_lines(s->db, s->arena, round_id, &all,
		    &nall, e);
	db_rollback(s->db);
	if (rc != 0)
		return rc;
	if (op == NULL) {
		*lines = all;
		*nlines = nall;
		return 0;
	}
	/* Keep the lines of the operator's own submissions. */
	for (i = 0, k = 0; i < nall; i++) {
		size_t j;

		for (j = 0; j < *nsubs; j++)
			if ((*subs)[j].id == all[i].submission_id)
				break;
		if (j < *nsubs)
			all[k++] = all[i];
	}
	*lines = all;
	*nlines = k;
	return 0;
}

/* Load a submission the acting user may see, with its round. */
static int
load_sub(struct svc *s, int64_t id, struct submission *sub,
    struct tariff_round *r, struct err *e)
{
	int rc;

	if ((rc = editors_only(s, e)) != 0)
		return rc;
	if ((rc = tariff_store_submission_get(s->db, s->arena, id, sub, e))
	    != 0)
		return rc;
	if (!role_may_edit_offer(s->who, sub->operator_code))
		return not_yours(e);
	return round_store_get(s->db, s->arena, sub->round_id, r, e);
}

/* The comparison context of a submission's lines, inside a transaction. */
static int
line_context(struct svc *s, const struct agreement_params *p,
    const struct submission *sub, const struct tariff_round *r,
    struct round_line_ctx *ctx, struct prev_tariff **prev, size_t *nprev,
    bool *has_carry, int64_t *carry, struct err *e)
{
	struct accounts_carry		*c;
	struct accounts_occupancy	*occ;
	size_t				 nc, nocc;
	int				 rc, first, last;

	memset(ctx, 0, sizeof(*ctx));
	ctx->year = r->year;
	ctx->cls = class_of(sub->offer_kind);
	ctx->pl_bp = r->pl_bp;
	ctx->increase_warn_bp = r->increase_warn_bp;
	ctx->prev_tariff_ore = -1;
	if ((rc = tariff_store_prev_tariffs(s->db, s->arena, r->year - 1,
	    sub->offer_id, prev, nprev, e)) != 0 ||
	    (rc = accounts_store_carry(s->db, s->arena, r->year, sub->offer_id,
	    &c, &nc, e)) != 0)
		return rc;
	occupancy_source_years(p, r->year, &first, &last);
	if ((rc = accounts_store_occupancy(s->db, s->arena, last - 1, last,
	    sub->offer_id, &occ, &nocc, e)) != 0)
		return rc;
	days_of(occ, nocc, sub->offer_id, last, ctx->hist_days);
	if ((rc = startup_share_in_tx(s, sub->offer_id, r->year,
	    &ctx->startup_ore, NULL, NULL, e)) != 0)
		return rc;
	*has_carry = nc > 0;
	*carry = nc > 0 ? c[0].to_tariff_ore : 0;
	return 0;
}

int
round_submission_get(struct svc *s, int64_t id, struct submission_view *out,
    struct err *e)
{
	struct agreement_params	p;
	struct accounts_carry	*c;
	size_t			 nc, i;
	char			 today[11];
	int			 rc, first, last;

	memset(out, 0, sizeof(*out));
	if ((rc = db_begin(s->db, DB_READ, e)) != 0)
		return rc;
	if ((rc = load_sub(s, id, &out->sub, &out->round, e)) != 0 ||
	    (rc = tariff_store_lines(s->db, s->arena, id, &out->sub.lines,
	    &out->sub.nlines_loaded, e)) != 0 ||
	    (rc = accounts_store_carry(s->db, s->arena, out->round.year,
	    out->sub.offer_id, &c, &nc, e)) != 0 ||
	    (rc = agreement_params_get_in_tx(s, out->round.year, &p, e)) != 0)
		goto done;
	out->has_carry = nc > 0;
	out->expected_carry_ore = nc > 0 ? c[0].to_tariff_ore : 0;
	if ((rc = startup_share_in_tx(s, out->sub.offer_id, out->round.year,
	    &out->startup_ore, &out->startup, &out->nstartup, e)) != 0)
		goto done;
	occupancy_source_years(&p, out->round.year, &first, &last);
	out->hist_years[0] = last;
	out->hist_years[1] = last - 1;
	if ((rc = tariff_store_prev_tariffs(s->db, s->arena,
	    out->round.year - 1, out->sub.offer_id, &out->prev, &out->nprev,
	    e)) != 0)
		goto done;
	if (out->sub.prefilled_from != 0 &&
	    tariff_store_submission_get(s->db, s->arena,
	    out->sub.prefilled_from, &out->src, e) == 0 &&
	    (rc = tariff_store_lines(s->db, s->arena, out->src.id,
	    &out->src.lines, &out->src.nlines_loaded, e)) != 0)
		goto done;
	if (out->src.lines == NULL)
		memset(&out->src, 0, sizeof(out->src));
	err_clear(e);
	out->sub.nlines = (int64_t)out->sub.nlines_loaded;
	for (i = 0; i < out->sub.nlines_loaded; i++)
		if (round_line_needs_reason(&out->sub.lines[i]))
			out->reasons_missing++;
	today_of(s, today);
	out->may_edit = round_submission_may(&out->round, out->sub.status,
	    SUBMISSION_EDIT, today, NULL) == 0;
	out->may_submit = round_submission_may(&out->round, out->sub.status,
	    SUBMISSION_SUBMIT, today, NULL) == 0;
	out->may_review = s->who->role == ROLE_ADMIN &&
	    (round_submission_may(&out->round, out->sub.status,
	    SUBMISSION_APPROVE, today, NULL) == 0 ||
	    round_submission_may(&out->round, out->sub.status,
	    SUBMISSION_RETURN, today, NULL) == 0);
done:
	db_rollback(s->db);
	return rc;
}

/* One line saved or deleted (round_line_put, round_line_delete). */
struct line_edit {
	const struct service_line *line;	/* put: the line; NULL: delete */
	int			 pos;		/* delete: 1-based position */
	int			 at;		/* put: 1-based position the line
						   was saved at */
};

/*
 * Save the lines of submission id: lines[0..n), or with edit the stored
 * lines with one line put or deleted (core/round pairs the referral
 * dates). One transaction with an audit record.
 */
static int
save_lines(struct svc *s, int64_t id, int64_t expected_version,
    struct service_line *lines, size_t n, struct line_edit *edit,
    int64_t *version, struct err *e)
{
	struct agreement_params	 p;
	struct submission	 sub, now;
	struct tariff_round	 r;
	struct round_line_ctx	 ctx;
	struct prev_tariff	*prev;
	struct service_line	*old;
	size_t			 nprev, nold, i, at;
	int64_t			 carry;
	bool			 has_carry;
	char			 today[11], *before;
	int			 rc;

	today_of(s, today);
	if (edit == NULL && n > ROUND_LINES_MAX)
		return err_set(e, ERR_INVALID, "too_many_lines", "lines",
		    "Højst %d ydelseslinjer i en indberetning",
		    ROUND_LINES_MAX);
	if ((rc = db_begin(s->db, DB_WRITE, e)) != 0)
		return rc;
	if ((rc = load_sub(s, id, &sub, &r, e)) != 0 ||
	    (rc = round_submission_may(&r, sub.status, SUBMISSION_EDIT, today,
	    e)) != 0)
		goto fail;
	if (sub.version != expected_version) {
		rc = err_set(e, ERR_PRECONDITION, "stale_version", NULL,
		    "Indberetningen er ændret i mellemtiden; hent den igen og "
		    "gentag ændringen");
		goto fail;
	}
	if ((rc = tariff_store_lines(s->db, s->arena, id, &old, &nold, e))
	    != 0)
		goto fail;
	if (edit != NULL) {
		lines = arena_calloc(s->arena, nold + 1, sizeof(*lines));
		if (edit->line != NULL) {
			if ((rc = round_lines_put(old, nold, edit->line, lines,
			    &n, &at, e)) != 0)
				goto fail;
			edit->at = (int)at + 1;
		} else if ((rc = round_lines_delete(old, nold, edit->pos,
		    lines, &n, e)) != 0)
			goto fail;
		if (n > ROUND_LINES_MAX) {
			rc = err_set(e, ERR_INVALID, "too_many_lines", "lines",
			    "Højst %d ydelseslinjer i en indberetning",
			    ROUND_LINES_MAX);
			goto fail;
		}
	}
	if ((rc = agreement_params_get_in_tx(s, r.year, &p, e)) != 0 ||
	    (rc = line_context(s, &p, &sub, &r, &ctx, &prev, &nprev, &has_carry,
	    &carry, e)) != 0)
		goto fail;
	for (i = 0; i < n; i++) {
		lines[i].pos = (int)i + 1;
		ctx.prev_tariff_ore = -1;
		if (lines[i].paragraph != NULL && lines[i].level != NULL)
			ctx.prev_tariff_ore = prev_of(prev, nprev,
			    sub.offer_id, &lines[i]);
		if ((rc = round_line_compute(&p, &ctx, i, &lines[i], e)) != 0)
			goto fail;
	}
	if ((rc = round_lines_check(lines, n, has_carry ? &carry : NULL, e))
	    != 0)
		goto fail;
	before = submission_audit(s, &sub, false, old, nold);
	if ((rc = tariff_store_lines_delete(s->db, id, e)) != 0)
		goto fail;
	for (i = 0; i < n; i++)
		if ((rc = tariff_store_line_insert(s->db, id, &lines[i], e))
		    != 0)
			goto fail;
	if ((rc = tariff_store_submission_touch(s->db, id, expected_version,
	    s->now_iso, e)) != 0 ||
	    (rc = tariff_store_submission_get(s->db, s->arena, id, &now, e))
	    != 0 ||
	    (rc = audit_add(s->db, s->who, s->now_iso, "submission",
	    idtxt(s, id), "update", before, submission_audit(s, &now, false,
	    lines, n), e)) != 0)
		goto fail;
	if ((rc = db_commit(s->db, e)) != 0)
		return rc;
	if (version != NULL)
		*version = now.version;
	return 0;
fail:
	db_rollback(s->db);
	return rc;
}

int
round_submission_save(struct svc *s, int64_t id, int64_t expected_version,
    struct service_line *lines, size_t n, int64_t *version, struct err *e)
{
	return save_lines(s, id, expected_version, lines, n, NULL, version, e);
}

int
round_line_put(struct svc *s, int64_t submission_id,
    int64_t expected_version, const struct service_line *line, int *pos,
    int64_t *version, struct err *e)
{
	struct line_edit	edit = { line, 0, 0 };
	int			rc;

	rc = save_lines(s, submission_id, expected_version, NULL, 0, &edit,
	    version, e);
	if (rc == 0 && pos != NULL)
		*pos = edit.at;
	return rc;
}

int
round_line_preview(struct svc *s, int64_t submission_id,
    struct service_line *line, struct err *e)
{
	struct agreement_params	 p;
	struct submission	 sub;
	struct tariff_round	 r;
	struct round_line_ctx	 ctx;
	struct prev_tariff	*prev;
	size_t			 nprev;
	int64_t			 carry;
	bool			 has_carry;
	int			 rc;

	if ((rc = db_begin(s->db, DB_READ, e)) != 0)
		return rc;
	if ((rc = load_sub(s, submission_id, &sub, &r, e)) != 0 ||
	    (rc = agreement_params_get_in_tx(s, r.year, &p, e)) != 0 ||
	    (rc = line_context(s, &p, &sub, &r, &ctx, &prev, &nprev, &has_carry,
	    &carry, e)) != 0)
		goto done;
	if (line->paragraph != NULL && line->level != NULL)
		ctx.prev_tariff_ore = prev_of(prev, nprev, sub.offer_id, line);
	/* The start-up share belongs to the first line only. */
	if (line->pos > 1 || (line->pos == 0 && sub.nlines > 0))
		ctx.startup_ore = 0;
	rc = round_line_compute(&p, &ctx, 0, line, e);
done:
	db_rollback(s->db);
	return rc;
}

int
round_line_delete(struct svc *s, int64_t submission_id,
    int64_t expected_version, int pos, int64_t *version, struct err *e)
{
	struct line_edit edit = { NULL, pos, 0 };

	return save_lines(s, submission_id, expected_version, NULL, 0, &edit,
	    version, e);
}

/*
 * The first line carries the year's start-up share as it is now: costs
 * recorded after the lines were computed need them saved again.
 */
static int
check_startup(struct svc *s, const struct submission *sub, int year,
    enum submission_action act, const struct service_line *lines, size_t n,
    struct err *e)
{
	int64_t	share;
	int	rc;

	if ((rc = startup_share_in_tx(s, sub->offer_id, year, &share, NULL,
	    NULL, e)) != 0)
		return rc;
	if (n == 0 || lines[0].startup_ore == share)
		return 0;
	return err_set(e, ERR_CONFLICT, "startup_changed", "lines[0]",
	    "Opstartsomkostningerne for tilbuddet er ændret, siden linje 1 "
	    "blev beregnet. %s", act == SUBMISSION_SUBMIT ? "Gem linje 1 "
	    "igen, og indsend så" : "Send indberetningen retur, så "
	    "driftsherren kan gemme linje 1 igen");
}

/* Lines ready to submit: at least one, all computed, reasons given. */
static int
check_ready(const struct service_line *lines, size_t n, struct err *e)
{
	char	field[40], msg[ROUND_WARN_MSG];
	size_t	i, k;

	if (n == 0)
		return err_set(e, ERR_INVALID, "no_lines", "lines",
		    "Indberetningen har ingen ydelseslinjer");
	for (i = 0; i < n; i++) {
		if (!lines[i].computed) {
			snprintf(field, sizeof(field), "lines[%zu]", i);
			return err_set(e, ERR_INVALID, "not_computed", field,
			    "Linje %zu: taksten kan ikke beregnes; ret linjen "
			    "først", i + 1);
		}
		if (round_line_needs_reason(&lines[i])) {
			for (k = 0; k < lines[i].nwarnings; k++)
				if (lines[i].warnings[k].needs_reason)
					break;
			snprintf(field, sizeof(field), "lines[%zu].reason", i);
			round_warning_text(&lines[i], k, msg, sizeof(msg));
			return err_set(e, ERR_INVALID, "missing_reason", field,
			    "Linje %zu: skriv en begrundelse for advarslen: "
			    "%.300s", i + 1, msg);
		}
	}
	return 0;
}

int
round_submission_act(struct svc *s, int64_t id, int64_t expected_version,
    enum submission_action act, const char *comment, int64_t *version,
    struct err *e)
{
	static const char *const actions[] = { "update", "submit", "approve",
	    "return" };
	static const enum submission_status to[] = { SUBMISSION_DRAFT,
	    SUBMISSION_SUBMITTED, SUBMISSION_APPROVED, SUBMISSION_RETURNED };
	struct submission	 sub, now;
	struct tariff_round	 r;
	struct service_line	*lines;
	size_t			 n;
	char			 today[11], *before;
	int			 rc;

	if ((unsigned)act >= SUBMISSION_ACTION_COUNT || act == SUBMISSION_EDIT)
		return err_set(e, ERR_INVALID, "invalid_action", NULL,
		    "Ukendt handling");
	if (act != SUBMISSION_SUBMIT && (rc = admin_only(s, e)) != 0)
		return rc;
	if (act == SUBMISSION_RETURN) {
		if (comment == NULL || *comment == '\0')
			return err_set(e, ERR_INVALID, "missing_comment",
			    "comment", "Skriv en kommentar til driftsherren "
			    "om, "
			    "hvad der skal rettes");
		if (!text_utf8_valid(comment, strlen(comment)) ||
		    text_utf8_len(comment, strlen(comment)) > ROUND_COMMENT_MAX
		    || text_has_controls(comment))
			return err_set(e, ERR_INVALID, "invalid_comment",
			    "comment", "Kommentaren må højst have %d tegn og "
			    "ingen styretegn", ROUND_COMMENT_MAX);
	}
	today_of(s, today);
	if ((rc = db_begin(s->db, DB_WRITE, e)) != 0)
		return rc;
	if ((rc = load_sub(s, id, &sub, &r, e)) != 0 ||
	    (rc = round_submission_may(&r, sub.status, act, today, e)) != 0)
		goto fail;
	if (sub.version != expected_version) {
		rc = err_set(e, ERR_PRECONDITION, "stale_version", NULL,
		    "Indberetningen er ændret i mellemtiden; hent den igen og "
		    "gentag handlingen");
		goto fail;
	}
	if ((rc = tariff_store_lines(s->db, s->arena, id, &lines, &n, e)) != 0)
		goto fail;
	if (act == SUBMISSION_SUBMIT && (rc = check_ready(lines, n, e)) != 0)
		goto fail;
	if ((act == SUBMISSION_SUBMIT || act == SUBMISSION_APPROVE) &&
	    (rc = check_startup(s, &sub, r.year, act, lines, n, e)) != 0)
		goto fail;
	before = submission_audit(s, &sub, false, NULL, 0);
	if ((rc = tariff_store_submission_set(s->db, id, expected_version,
	    to[act], act == SUBMISSION_RETURN ? comment : NULL, s->now_iso,
	    s->who->username, e)) != 0 ||
	    (rc = tariff_store_submission_get(s->db, s->arena, id, &now, e))
	    != 0 ||
	    (rc = audit_add(s->db, s->who, s->now_iso, "submission",
	    idtxt(s, id), actions[act], before, submission_audit(s, &now, false,
	    NULL, 0), e)) != 0)
		goto fail;
	if ((act == SUBMISSION_RETURN || act == SUBMISSION_APPROVE) &&
	    (rc = mail_submission_reviewed(s, &now, &r,
	    act == SUBMISSION_RETURN, e)) != 0)
		goto fail;
	if ((rc = db_commit(s->db, e)) != 0)
		return rc;
	if (version != NULL)
		*version = now.version;
	return 0;
fail:
	db_rollback(s->db);
	return rc;
}

int
round_submission_history(struct svc *s, int64_t id, struct audit_entry **out,
    int *n, struct err *e)
{
	struct submission	sub;
	struct tariff_round	r;
	int			rc;

	if ((rc = db_begin(s->db, DB_READ, e)) != 0)
		return rc;
	rc = load_sub(s, id, &sub, &r, e);
	if (rc == 0)
		rc = audit_list(s->db, s->arena, "submission", idtxt(s, id),
		    200, out, n, e);
	db_rollback(s->db);
	return rc;
}

/* ---- bulk import ---------------------------------------------------- */

struct import_key {
	int64_t	offer_id;
	size_t	idx;
};

static int
import_key_cmp(const void *a, const void *b)
{
	const struct import_key *x = a, *y = b;

	if (x->offer_id != y->offer_id)
		return x->offer_id < y->offer_id ? -1 : 1;
	return x->idx < y->idx ? -1 : x->idx > y->idx;
}

static int
sub_offer_cmp(const void *a, const void *b)
{
	const struct submission *x = a, *y = b;

	return x->offer_id < y->offer_id ? -1 : x->offer_id > y->offer_id;
}

/* The first of the lines v (n of them, by submission) of submission id,
 * or where it would be. */
static size_t
old_first(const struct round_line_row *v, size_t n, int64_t id)
{
	size_t lo = 0, hi = n, mid;

	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		if (v[mid].submission_id < id)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

/* Record an error of the import for row; false once the list is full. */
static bool
import_error(struct round_import_report *rep, int row, const struct err *src)
{
	if (rep->nerrors >= ROUND_IMPORT_ERRORS_MAX)
		return false;
	rep->errors[rep->nerrors] = *src;
	rep->errors[rep->nerrors].line = row;
	rep->nerrors++;
	return true;
}

static void
import_error_msg(struct round_import_report *rep, int row, const char *key,
    const char *field, const char *msg)
{
	struct err e;

	err_clear(&e);
	err_set(&e, ERR_INVALID, key, field, "%s", msg);
	import_error(rep, row, &e);
}

int
round_import_lines(struct svc *s, int64_t round_id,
    struct round_import_row *rows, size_t n, unsigned flags,
    struct round_import_report *rep, struct err *e)
{
	struct agreement_params	 p;
	struct tariff_round	 r;
	struct submission	*subs, key, *sub;
	struct prev_tariff	*prev;
	struct accounts_carry	*carry;
	struct round_line_row	*old;
	struct import_key	*order;
	struct service_line	*group;
	struct round_line_ctx	 ctx;
	struct err		 le;
	struct accounts_occupancy *occ;
	size_t			 nsubs, nprev, ncarry, nold, nocc, g, j, k, o;
	int			 yfirst, ylast;
	size_t			*start;
	bool			 approve = (flags & (ROUND_IMPORT_APPROVE |
				    ROUND_IMPORT_PUBLISH)) != 0;
	struct buf		 ab, bb;
	char			 today[11], idbuf[24];
	int			 rc;

	memset(rep, 0, sizeof(*rep));
	buf_init(&ab);	/* fail: frees them, from the first step on */
	buf_init(&bb);
	rep->errors = arena_calloc(s->arena, ROUND_IMPORT_ERRORS_MAX,
	    sizeof(*rep->errors));
	if ((rc = editors_only(s, e)) != 0 ||
	    (approve && (rc = admin_only(s, e)) != 0))
		return rc;
	if (n == 0)
		return err_set(e, ERR_INVALID, "no_lines", NULL,
		    "Filen har ingen ydelseslinjer");
	today_of(s, today);
	if ((rc = db_begin(s->db, DB_WRITE, e)) != 0)
		return rc;
	if ((rc = round_store_get(s->db, s->arena, round_id, &r, e)) != 0 ||
	    (rc = agreement_params_get_in_tx(s, r.year, &p, e)) != 0 ||
	    (rc = tariff_store_submission_keys(s->db, s->arena, round_id,
	    &subs, &nsubs, e)) != 0 ||
	    (rc = tariff_store_prev_tariffs(s->db, s->arena, r.year - 1, 0,
	    &prev, &nprev, e)) != 0 ||
	    (rc = accounts_store_carry(s->db, s->arena, r.year, 0, &carry,
	    &ncarry, e)) != 0 ||
	    (rc = tariff_store_round_lines(s->db, s->arena, round_id, &old,
	    &nold, e)) != 0)
		goto fail;
	occupancy_source_years(&p, r.year, &yfirst, &ylast);
	if ((rc = accounts_store_occupancy(s->db, s->arena, ylast - 1, ylast,
	    0, &occ, &nocc, e)) != 0)
		goto fail;

	/* Group the rows by offer, keeping their order within an offer; the
	 * lines are computed where they are, in rows. */
	order = arena_calloc(s->arena, n, sizeof(*order));
	for (j = 0; j < n; j++) {
		order[j].offer_id = rows[j].offer_id;
		order[j].idx = j;
	}
	qsort(order, n, sizeof(*order), import_key_cmp);
	start = arena_calloc(s->arena, n + 1, sizeof(*start));
	group = arena_calloc(s->arena, ROUND_LINES_MAX, sizeof(*group));

	memset(&ctx, 0, sizeof(ctx));
	ctx.year = r.year;
	ctx.pl_bp = r.pl_bp;
	ctx.increase_warn_bp = r.increase_warn_bp;
	for (g = 0, o = 0; g < n; g = j) {
		struct round_import_row *first = &rows[order[g].idx];

		for (j = g; j < n &&
		    order[j].offer_id == order[g].offer_id; j++)
			;
		start[o] = g;
		key.offer_id = order[g].offer_id;
		sub = nsubs ? bsearch(&key, subs, nsubs, sizeof(*subs),
		    sub_offer_cmp) : NULL;
		if (sub == NULL) {
			import_error_msg(rep, first->row, "not_in_round",
			    "offer_id", arena_printf(s->arena, "Tilbud nr. "
			    "%lld er ikke med i runden", (long long)
			    key.offer_id));
			continue;
		}
		if (!role_may_edit_offer(s->who, sub->operator_code)) {
			import_error_msg(rep, first->row, "forbidden",
			    "offer_id", arena_printf(s->arena, "Tilbud nr. "
			    "%lld har en anden driftsherre end din "
			    "organisation", (long long)key.offer_id));
			continue;
		}
		err_clear(&le);
		if (round_submission_may(&r, sub->status, approve ?
		    SUBMISSION_SUBMIT : SUBMISSION_EDIT, today, &le) != 0) {
			import_error(rep, first->row, &le);
			continue;
		}
		if (j - g > ROUND_LINES_MAX) {
			import_error_msg(rep, first->row, "too_many_lines",
			    "offer_id", arena_printf(s->arena, "Tilbud nr. "
			    "%lld har mere end %d ydelseslinjer", (long long)
			    key.offer_id, ROUND_LINES_MAX));
			continue;
		}
		ctx.cls = class_of(sub->offer_kind);
		days_of(occ, nocc, sub->offer_id, ylast, ctx.hist_days);
		if ((rc = startup_share_in_tx(s, sub->offer_id, r.year,
		    &ctx.startup_ore, NULL, NULL, e)) != 0)
			goto fail;
		for (k = g; k < j; k++) {
			struct round_import_row	*row = &rows[order[k].idx];
			struct service_line	*l = &row->line;

			l->pos = (int)(k - g + 1);
			ctx.prev_tariff_ore = l->paragraph != NULL ?
			    prev_of(prev, nprev, key.offer_id, l) : -1;
			err_clear(&le);
			if (round_line_compute(&p, &ctx, k - g, l, &le) != 0) {
				/* The file names the row, not "Linje n". */
				const char *colon = strstr(le.msg, ": ");
				if (colon != NULL)
					memmove(le.msg, colon + 2,
					    strlen(colon + 2) + 1);
				const char *dot = strchr(le.field, '.');
				if (dot != NULL)
					memmove(le.field, dot + 1,
					    strlen(dot + 1) + 1);
				import_error(rep, row->row, &le);
			}
		}
		if (rep->nerrors == 0) {
			/* The whole submission: duplicates, carry-over,
			 * reasons; on a copy, whose warnings go back. */
			for (k = g; k < j; k++)
				group[k - g] = rows[order[k].idx].line;
			err_clear(&le);
			if (round_lines_check(group, j - g, carry_of(carry,
			    ncarry, key.offer_id), &le) != 0)
				import_error(rep, first->row, &le);
			err_clear(&le);
			if (rep->nerrors == 0 && approve &&
			    check_ready(group, j - g, &le) != 0)
				import_error(rep, first->row, &le);
			first->line = group[0];
		}
		o++;
	}
	start[o] = n;
	if (rep->nerrors > 0) {
		db_rollback(s->db);
		return err_set(e, ERR_INVALID, "import_failed", NULL,
		    "%d fejl i filen; intet er gemt", rep->nerrors);
	}
	if ((flags & ROUND_IMPORT_CHECK) != 0) {
		db_rollback(s->db);
		return 0;
	}

	/* Write: every submission in the file gets its new lines. */
	for (g = 0; g < o; g++) {
		size_t	 a = start[g], b = start[g + 1], m;
		int64_t	 v;

		key.offer_id = order[a].offer_id;
		sub = bsearch(&key, subs, nsubs, sizeof(*subs), sub_offer_cmp);
		v = sub->version;
		buf_reset(&bb);
		if (sub->nlines > 0) {
			struct service_line *ov = arena_calloc(s->arena,
			    (size_t)sub->nlines, sizeof(*ov));
			for (m = 0, k = old_first(old, nold, sub->id);
			    k < nold && m < (size_t)sub->nlines &&
			    old[k].submission_id == sub->id; k++)
				ov[m++] = old[k].line;
			submission_audit_buf(&bb, sub, false, ov, m);
		}
		if (sub->nlines > 0 &&
		    (rc = tariff_store_lines_delete(s->db, sub->id, e)) != 0)
			goto fail;
		for (k = a; k < b; k++) {
			group[k - a] = rows[order[k].idx].line;
			if (round_line_needs_reason(&group[k - a]))
				rep->reasons_missing++;
			if ((rc = tariff_store_line_insert(s->db, sub->id,
			    &group[k - a], e)) != 0)
				goto fail;
		}
		if (approve) {
			/* Submitted and approved at once (submitted_at set). */
			if ((rc = tariff_store_submission_set(s->db, sub->id,
			    v, SUBMISSION_APPROVED, NULL, s->now_iso,
			    s->who->username, e)) != 0)
				goto fail;
			sub->version = v + 1;
			sub->status = SUBMISSION_APPROVED;
			rep->approved++;
		} else {
			if ((rc = tariff_store_submission_touch(s->db, sub->id,
			    v, s->now_iso, e)) != 0)
				goto fail;
			sub->version = v + 1;
		}
		buf_reset(&ab);
		submission_audit_buf(&ab, sub, false, group, b - a);
		snprintf(idbuf, sizeof(idbuf), "%lld", (long long)sub->id);
		if ((rc = audit_add(s->db, s->who, s->now_iso, "submission",
		    idbuf, approve ? "import_approve" : "import", bb.len ?
		    buf_str(&bb) : NULL, buf_str(&ab), e)) != 0)
			goto fail;
		rep->submissions++;
		rep->lines += (int)(b - a);
	}
	buf_cleanup(&ab);
	buf_cleanup(&bb);
	if ((flags & ROUND_IMPORT_PUBLISH) != 0 &&
	    (rc = publish_in_tx(s, &r, &rep->published, e)) != 0)
		goto fail;
	return db_commit(s->db, e);
fail:
	buf_cleanup(&ab);
	buf_cleanup(&bb);
	db_rollback(s->db);
	return rc;
}

/* ---- published tariffs ---------------------------------------------- */

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
	return dump(s, j);
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
