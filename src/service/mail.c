/*
 * mail — notifications, choices, the outbox and reminders (see mail.h).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>
#include <sodium.h>

#include "core/decimal.h"
#include "core/notice.h"
#include "core/params.h"
#include "core/role.h"
#include "service/agreement.h"
#include "service/mail.h"
#include "service/svc.h"
#include "store/audit.h"
#include "store/db.h"
#include "store/outbox_store.h"
#include "store/user_store.h"
#include "util/arena.h"
#include "util/buf.h"
#include "util/err.h"
#include "util/text.h"

/* "<32 hex digits@ramme>": unique without knowing the host. */
static const char *
new_message_id(struct svc *s)
{
	unsigned char	r[16];
	char		hex[33];

	randombytes_buf(r, sizeof(r));
	sodium_bin2hex(hex, sizeof(hex), r, sizeof(r));
	return arena_printf(s->arena, "<%s@ramme>", hex);
}

static bool
text_ok(const char *t, size_t max, bool one_line)
{
	size_t n;

	if (t == NULL || *t == '\0')
		return false;
	n = strlen(t);
	if (!text_utf8_valid(t, n) || text_utf8_len(t, n) > max)
		return false;
	return !one_line || (strchr(t, '\n') == NULL &&
	    strchr(t, '\r') == NULL);
}

int
mail_notify(struct svc *s, const struct mail_notice *n, int *queued,
    struct err *e)
{
	struct outbox_rcpt	*to;
	struct outbox_row	 r;
	char			 today[11];
	size_t			 nto, i;
	bool			 ins;
	int			 rc, k = 0;

	if (queued != NULL)
		*queued = 0;
	if ((unsigned)n->kind >= NOTICE_KIND_COUNT || n->about == NULL ||
	    !text_ok(n->subject, NOTICE_SUBJECT_MAX, true) ||
	    !text_ok(n->text, 15000, false) || n->path == NULL ||
	    n->path[0] != '/' || strchr(n->path, '\n') != NULL)
		return err_set(e, ERR_INVALID, "invalid_notice", NULL,
		    "Notifikationen mangler emne, tekst eller side");
	if (!db_in_txn(s->db))
		return err_set(e, ERR_INTERNAL, "notice_outside_txn", NULL,
		    "Notifikationen skal skrives i ændringens transaktion");
	memcpy(today, s->now_iso, 10);
	today[10] = '\0';
	if (n->body_id > 0)
		rc = outbox_store_rcpt_body(s->db, s->arena, n->body_id, today,
		    notice_kind_key(n->kind), &to, &nto, e);
	else
		rc = outbox_store_rcpt_org(s->db, s->arena, n->org_code,
		    notice_kind_key(n->kind), &to, &nto, e);
	if (rc != 0)
		return rc;
	for (i = 0; i < nto; i++) {
		memset(&r, 0, sizeof(r));
		r.kind = notice_kind_key(n->kind);
		r.about = n->about;
		r.about_id = n->about_id;
		r.user_id = to[i].user_id;
		r.to_addr = to[i].email;
		r.subject = n->subject;
		r.body = n->text;
		r.path = n->path;
		r.message_id = new_message_id(s);
		r.dedupe_key = n->key == NULL ? NULL : arena_printf(s->arena,
		    "%s:u%lld", n->key, (long long)to[i].user_id);
		r.next_attempt_at = s->now;
		if ((rc = outbox_store_insert(s->db, &r, s->now_iso, &ins, e))
		    != 0)
			return rc;
		k += ins;
	}
	if (queued != NULL)
		*queued = k;
	return 0;
}

/* ---- a user's settings ---------------------------------------------------- */

static int
may_see(const struct svc *s, int64_t user_id, struct err *e)
{
	if (s->who->role == ROLE_ADMIN || (s->who->user_id != 0 &&
	    s->who->user_id == user_id))
		return 0;
	return err_set(e, ERR_FORBIDDEN, "forbidden", NULL,
	    "Du kan kun se og ændre dine egne notifikationer");
}

static int
load_settings(struct svc *s, int64_t user_id, struct mail_settings *out,
    struct err *e)
{
	struct user	u;
	bool		off;
	int		rc, k;

	memset(out, 0, sizeof(*out));
	if ((rc = user_store_get(s->db, s->arena, user_id, &u, e)) != 0)
		return rc;
	out->user_id = user_id;
	out->username = u.username;
	if ((rc = outbox_store_email_get(s->db, s->arena, user_id,
	    &out->email, e)) != 0)
		return rc;
	for (k = 0; k < NOTICE_KIND_COUNT; k++) {
		if ((rc = outbox_store_optout_get(s->db, user_id,
		    notice_kinds[k].key, &off, e)) != 0)
			return rc;
		out->on[k] = !off;
	}
	return 0;
}

int
mail_settings_get(struct svc *s, int64_t user_id, struct mail_settings *out,
    struct err *e)
{
	int rc;

	if ((rc = may_see(s, user_id, e)) != 0)
		return rc;
	if ((rc = db_begin(s->db, DB_READ, e)) != 0)
		return rc;
	rc = load_settings(s, user_id, out, e);
	db_rollback(s->db);
	return rc;
}

/* The settings as audit JSON: {"email": …, "off": [kinds]}. */
static const char *
settings_json(struct svc *s, const struct mail_settings *m)
{
	json_t	*j, *off;
	char	*t;
	const char *r;
	int	 k;

	off = json_array();
	for (k = 0; k < NOTICE_KIND_COUNT; k++)
		if (!m->on[k])
			json_array_append_new(off,
			    json_string(notice_kinds[k].key));
	j = json_pack("{s:s?,s:o}", "email", m->email, "off", off);
	t = json_dumps(j, JSON_COMPACT | JSON_SORT_KEYS | DECIMAL_JSON_FLAGS);
	json_decref(j);
	r = arena_strdup(s->arena, t != NULL ? t : "{}");
	free(t);
	return r;
}

int
mail_settings_set(struct svc *s, const struct mail_settings *in,
    struct err *e)
{
	struct mail_settings	 old, now;
	char			*addr = NULL;
	int			 rc, k;

	if ((rc = may_see(s, in->user_id, e)) != 0)
		return rc;
	if (in->email != NULL) {
		addr = text_trim(arena_strdup(s->arena, in->email));
		if (*addr == '\0')
			addr = NULL;
	}
	if (addr != NULL && (rc = notice_email_check(addr, e)) != 0)
		return rc;
	if ((rc = db_begin(s->db, DB_WRITE, e)) != 0)
		return rc;
	if ((rc = load_settings(s, in->user_id, &old, e)) != 0)
		goto fail;
	now = old;
	now.email = addr;
	for (k = 0; k < NOTICE_KIND_COUNT; k++) {
		now.on[k] = in->on[k];
		if (now.on[k] != old.on[k] && (rc = outbox_store_optout_set(
		    s->db, in->user_id, notice_kinds[k].key, !now.on[k], e))
		    != 0)
			goto fail;
	}
	if ((rc = outbox_store_email_set(s->db, in->user_id, addr, s->now_iso,
	    e)) != 0 ||
	    (rc = audit_add(s->db, s->who, s->now_iso, "user_mail",
	    arena_printf(s->arena, "%lld", (long long)in->user_id), "update",
	    settings_json(s, &old), settings_json(s, &now), e)) != 0)
		goto fail;
	return db_commit(s->db, e);
fail:
	db_rollback(s->db);
	return rc;
}

/* ---- the outbox ------------------------------------------------------------ */

static int
admin_only(const struct svc *s, struct err *e)
{
	if (s->who->role != ROLE_ADMIN)
		return err_set(e, ERR_FORBIDDEN, "forbidden", NULL,
		    "Kun sekretariatet kan se udbakken");
	return 0;
}

int
mail_outbox_counts(struct svc *s, int64_t counts[5], struct err *e)
{
	int rc;

	memset(counts, 0, 5 * sizeof(counts[0]));
	if ((rc = db_begin(s->db, DB_READ, e)) != 0)
		return rc;
	rc = outbox_store_counts(s->db, counts, e);
	db_rollback(s->db);
	return rc;
}

int
mail_outbox_list(struct svc *s, const char *state, int page,
    struct mail_outbox *out, struct err *e)
{
	int rc;

	memset(out, 0, sizeof(*out));
	if ((rc = admin_only(s, e)) != 0)
		return rc;
	if (page < 1)
		page = 1;
	if ((rc = db_begin(s->db, DB_READ, e)) != 0)
		return rc;
	rc = outbox_store_list(s->db, s->arena, state, MAIL_PAGE,
	    (page - 1) * MAIL_PAGE, &out->rows, &out->n, &out->total, e);
	if (rc == 0)
		rc = outbox_store_counts(s->db, out->counts, e);
	db_rollback(s->db);
	return rc;
}

int
mail_outbox_get(struct svc *s, int64_t id, struct outbox_row *out,
    struct err *e)
{
	int rc;

	if ((rc = admin_only(s, e)) != 0)
		return rc;
	if ((rc = db_begin(s->db, DB_READ, e)) != 0)
		return rc;
	rc = outbox_store_get(s->db, s->arena, id, out, e);
	db_rollback(s->db);
	return rc;
}

static int
outbox_change(struct svc *s, int64_t id, bool retry, struct err *e)
{
	struct outbox_row	r;
	int			rc;

	if ((rc = admin_only(s, e)) != 0)
		return rc;
	if ((rc = db_begin(s->db, DB_WRITE, e)) != 0)
		return rc;
	if ((rc = outbox_store_get(s->db, s->arena, id, &r, e)) != 0)
		goto fail;
	rc = retry ? outbox_store_retry(s->db, id, s->now, s->now_iso, e) :
	    outbox_store_cancel(s->db, id, s->now_iso, e);
	if (rc != 0 ||
	    (rc = audit_add(s->db, s->who, s->now_iso, "outbox",
	    arena_printf(s->arena, "%lld", (long long)id),
	    retry ? "retry" : "cancel",
	    arena_printf(s->arena, "{\"state\":\"%s\",\"attempts\":%d}",
	    r.state, r.attempts), retry ? "{\"state\":\"queued\"}" :
	    "{\"state\":\"cancelled\"}", e)) != 0)
		goto fail;
	return db_commit(s->db, e);
fail:
	db_rollback(s->db);
	return rc;
}

int
mail_outbox_retry(struct svc *s, int64_t id, struct err *e)
{
	return outbox_change(s, id, true, e);
}

int
mail_outbox_cancel(struct svc *s, int64_t id, struct err *e)
{
	return outbox_change(s, id, false, e);
}

const char *
mail_state_label(const char *state, int *tone)
{
	static const struct { const char *state, *label; int tone; } t[] = {
		{ "queued", "I kø", 0 }, { "sending", "Sendes", 2 },
		{ "sent", "Sendt", 1 }, { "failed", "Fejlet", 3 },
		{ "cancelled", "Annulleret", 4 },
	};
	size_t i;

	for (i = 0; state != NULL && i < sizeof(t) / sizeof(t[0]); i++)
		if (strcmp(t[i].state, state) == 0) {
			*tone = t[i].tone;
			return t[i].label;
		}
	*tone = 4;
	return state != NULL ? state : "";
}

/* ---- reminders ---------------------------------------------------------- */

/* The ISO date days after (or before, < 0) the date iso. */
static void
date_add(const char *iso, int days, char out[11])
{
	int64_t	z;
	int	y, m, d;

	y = atoi(iso);
	m = atoi(iso + 5);
	d = atoi(iso + 8);
	z = text_days_from_civil(y, m, d) + days;
	text_civil_from_days(z, &y, &m, &d);
	snprintf(out, 11, "%04d-%02d-%02d", y, m, d);
}

/* "6. marts 2014" of the ISO date iso, in s's arena. */
static const char *
mail_date_da(struct svc *s, const char *iso)
{
	struct buf	 b;
	const char	*r;

	buf_init(&b);
	text_format_date_da(&b, iso);
	r = arena_strdup(s->arena, buf_str(&b));
	buf_cleanup(&b);
	return r;
}

/* One notice for the operator of rows v[0..n) (one round, one operator). */
static int
remind_group(struct svc *s, const struct outbox_due_sub *v, size_t n,
    const char *today, int *queued, struct err *e)
{
	struct mail_notice	 mn;
	struct buf		 b, date;
	bool			 overdue = strcmp(v[0].deadline, today) < 0;
	size_t			 i;
	int			 q = 0, rc;

	buf_init(&b);
	buf_init(&date);
	text_format_date_da(&date, v[0].deadline);
	if (overdue)
		buf_printf(&b, "Fristen for \"%s\" var den %s, og I har endnu "
		    "ikke indsendt for:\n\n", v[0].round_title, buf_str(&date));
	else
		buf_printf(&b, "Fristen for \"%s\" er den %s. I mangler at "
		    "indsende for:\n\n", v[0].round_title, buf_str(&date));
	for (i = 0; i < n; i++)
		buf_printf(&b, "- %s\n", v[i].offer_name);
	buf_puts(&b, overdue ? "\nSkriv til sekretariatet, hvis I har brug "
	    "for mere tid.\n" : "\nIndsend, når indberetningen er klar.\n");
	memset(&mn, 0, sizeof(mn));
	mn.kind = overdue ? NOTICE_OVERDUE : NOTICE_REMINDER;
	mn.about = "tariff_round";
	mn.about_id = v[0].round_id;
	mn.org_code = v[0].operator_code;
	mn.subject = arena_printf(s->arena, overdue ?
	    "Fristen er overskredet: %s" : "Påmindelse: frist %s for %s",
	    overdue ? v[0].round_title : buf_str(&date),
	    v[0].round_title);
	mn.text = arena_strdup(s->arena, buf_str(&b));
	mn.path = arena_printf(s->arena, "/takstindberetning/%lld",
	    (long long)v[0].round_id);
	mn.key = arena_printf(s->arena, "%s:tariff_round:%lld:%s:%s",
	    overdue ? "overdue" : "reminder", (long long)v[0].round_id,
	    v[0].deadline, v[0].operator_code);
	buf_cleanup(&b);
	buf_cleanup(&date);
	rc = mail_notify(s, &mn, &q, e);
	*queued += q;
	return rc;
}

/* The ISO date on which a reminder for a deadline of year is due. */
static int
lead_until(struct svc *s, int year, const char *today, char out[11],
    struct err *e)
{
	struct agreement_params	p;
	int			rc;

	if (year < PARAMS_YEAR_MIN || year > PARAMS_YEAR_MAX)
		year = atoi(today);
	if ((rc = agreement_params_get_in_tx(s, year, &p, e)) != 0)
		return rc;
	date_add(today, (int)p.reminder_days, out);
	return 0;
}

/* What a deadline of the yearly cycle asks of a party. */
enum due_what { DUE_IND, DUE_HEARING, DUE_APPROVAL };

/* One reminder or overdue notice for the party of d. */
static int
remind_due(struct svc *s, enum due_what w, const struct outbox_due *d,
    const char *today, int *queued, struct err *e)
{
	static const char *const what[] = { "indmelding_year", "hearing",
	    "agreement_doc" };
	struct mail_notice	 mn;
	const char		*date;
	bool			 overdue = strcmp(d->deadline, today) < 0;
	int			 q = 0, rc;

	if (overdue && w == DUE_HEARING)
		return 0;	/* a party that did not comment has none */
	date = mail_date_da(s, d->deadline);
	memset(&mn, 0, sizeof(mn));
	mn.kind = overdue ? NOTICE_OVERDUE : NOTICE_REMINDER;
	mn.about = what[w];
	mn.about_id = d->id;
	mn.org_code = d->org_code;
	switch (w) {
	case DUE_IND:
		mn.subject = overdue ? arena_printf(s->arena, "Fristen er "
		    "overskredet: indmelding %d", d->year) :
		    arena_printf(s->arena, "Påmindelse: frist %s for "
		    "indmelding %d", date, d->year);
		mn.text = arena_printf(s->arena, "Fristen for jeres indmelding "
		    "for %d %s den %s, og den er endnu ikke indsendt.\n\n%s\n",
		    d->year, overdue ? "var" : "er", date, overdue ? "Skriv til "
		    "sekretariatet, hvis I har brug for mere tid." : "Indsend, "
		    "når indmeldingen er klar.");
		mn.path = arena_printf(s->arena, "/indmeldinger/%lld",
		    (long long)d->id);
		break;
	case DUE_HEARING:
		mn.subject = arena_printf(s->arena, "Påmindelse: høringsfrist "
		    "%s for statusbillede %d", date, d->year);
		mn.text = arena_printf(s->arena, "Høringen om statusbilledet "
		    "for %d slutter den %s, og I har endnu ikke skrevet "
		    "bemærkninger.\n\nSkriv dem til de enkelte tilbud eller "
		    "generelt. Har I ingen bemærkninger, kan I se bort fra "
		    "denne mail.\n", d->year, date);
		mn.path = arena_printf(s->arena,
		    "/indmeldinger/%lld/statusbillede", (long long)d->id);
		break;
	case DUE_APPROVAL:
		mn.subject = overdue ? arena_printf(s->arena, "Fristen er "
		    "overskredet: godkendelse af %s", d->title) :
		    arena_printf(s->arena, "Påmindelse: frist %s for "
		    "godkendelse af %s", date, d->title);
		mn.text = arena_printf(s->arena, "Fristen for at godkende "
		    "\"%s\" %s den %s, og jeres beslutning er endnu ikke "
		    "registreret.\n\n%s\n", d->title, overdue ? "var" : "er",
		    date, overdue ? "Registrér beslutningen, eller skriv til "
		    "sekretariatet om, hvornår den træffes." : "Registrér "
		    "beslutningen, når den er truffet.");
		mn.path = arena_printf(s->arena, "/aftale/dokumenter/%lld",
		    (long long)d->id);
		break;
	}
	mn.key = arena_printf(s->arena, "%s:%s:%lld:%s:%s",
	    overdue ? "overdue" : "reminder", what[w], (long long)d->id,
	    d->deadline, d->org_code);
	rc = mail_notify(s, &mn, &q, e);
	*queued += q;
	return rc;
}

/* The reminders of the tariff rounds, due by the widest lead. */
static int
remind_rounds(struct svc *s, const char *today, const char *widest,
    const char *oldest, int *queued, struct err *e)
{
	struct outbox_due_sub	*v;
	char			 until[11];
	size_t			 n, i, j;
	int			 rc;

	if ((rc = outbox_store_due_subs(s->db, s->arena, widest, &v, &n, e))
	    != 0)
		return rc;
	for (i = 0; i < n; i = j) {
		for (j = i; j < n && v[j].round_id == v[i].round_id &&
		    strcmp(v[j].operator_code, v[i].operator_code) == 0; j++)
			;
		if (strcmp(v[i].deadline, oldest) < 0)
			continue;
		if ((rc = lead_until(s, v[i].year, today, until, e)) != 0)
			return rc;
		if (strcmp(v[i].deadline, until) > 0)
			continue;
		if ((rc = remind_group(s, v + i, j - i, today, queued, e))
		    != 0)
			return rc;
	}
	return 0;
}

/* The reminders of the yearly cycle: indmeldinger, hearings, approvals. */
static int
remind_cycle(struct svc *s, const char *today, const char *widest,
    const char *oldest, int *queued, struct err *e)
{
	static int (*const load[])(struct db *, struct arena *, const char *,
	    struct outbox_due **, size_t *, struct err *) = {
		outbox_store_due_ind, outbox_store_due_hearing,
		outbox_store_due_approvals,
	};
	struct outbox_due	*v;
	char			 until[11];
	size_t			 n, i, w;
	int			 rc;

	for (w = 0; w < sizeof(load) / sizeof(load[0]); w++) {
		if ((rc = load[w](s->db, s->arena, widest, &v, &n, e)) != 0)
			return rc;
		for (i = 0; i < n; i++) {
			if (strcmp(v[i].deadline, oldest) < 0)
				continue;
			if ((rc = lead_until(s, v[i].year, today, until, e))
			    != 0)
				return rc;
			if (strcmp(v[i].deadline, until) > 0)
				continue;
			if ((rc = remind_due(s, (enum due_what)w, v + i, today,
			    queued, e)) != 0)
				return rc;
		}
	}
	return 0;
}

int
mail_remind(struct svc *s, int *queued, struct err *e)
{
	char	today[11], widest[11], oldest[11];
	int	rc;

	*queued = 0;
	if ((rc = admin_only(s, e)) != 0)
		return rc;
	memcpy(today, s->now_iso, 10);
	today[10] = '\0';
	date_add(today, NOTICE_REMINDER_DAYS_MAX, widest);
	date_add(today, -30, oldest);
	if ((rc = db_begin(s->db, DB_WRITE, e)) != 0)
		return rc;
	if ((rc = remind_rounds(s, today, widest, oldest, queued, e)) != 0 ||
	    (rc = remind_cycle(s, today, widest, oldest, queued, e)) != 0)
		goto fail;
	return db_commit(s->db, e);
fail:
	db_rollback(s->db);
	return rc;
}
