/*
 * round_json — the JSON of rounds, submissions and their lines: the API's
 * (round_line_json, round_submission_json) and the audit records' (written
 * straight into a buffer, as a round of thousands of lines audits them all).
 */
#include <jansson.h>
#include <stdlib.h>
#include <string.h>

#include "core/decimal.h"
#include "core/round.h"
#include "service/round.h"
#include "service/round_impl.h"
#include "service/svc.h"
#include "util/arena.h"
#include "util/buf.h"

/* JSON text of j for the audit log, in the arena; j is released. */
char *
round_dump(struct svc *s, json_t *j)
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
void
round_submission_audit_buf(struct buf *b, const struct submission *sub,
    bool ident, const struct service_line *lines, size_t n)
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
char *
round_submission_audit(struct svc *s, const struct submission *sub, bool ident,
    const struct service_line *lines, size_t n)
{
	struct buf	 b;
	char		*out;

	buf_init(&b);
	round_submission_audit_buf(&b, sub, ident, lines, n);
	out = arena_strndup(s->arena, buf_str(&b), b.len);
	buf_cleanup(&b);
	return out;
}

char *
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
	return round_dump(s, j);
}
