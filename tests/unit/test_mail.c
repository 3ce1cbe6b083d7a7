/*
 * Unit tests for src/service/mail.c, src/service/mail_events.c and
 * src/store/outbox_store.c over a real database: recipients resolved in
 * the change's transaction (organisation, address, choices), nothing when
 * the change rolls back, addresses and choices with their rights, the
 * atomic claim and its expiry (a mail is marked sent only by the claim's
 * holder), retry and cancel, and reminders once per deadline and user.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include "core/offer.h"
#include "core/org.h"
#include "core/role.h"
#include "core/round.h"
#include "service/mail.h"
#include "service/mail_events.h"
#include "service/meeting.h"
#include "service/register.h"
#include "service/round.h"
#include "service/svc.h"
#include "store/db.h"
#include "store/outbox_store.h"
#include "util/arena.h"
#include "testdb.h"

/* 2023-11-14T22:13:20Z */
#define NOW	1700000000
#define DAY	86400

struct fixture {
	struct testdb	t;
	struct arena	a;
	struct svc	s;		/* the secretariat */
	struct svc	op;		/* operator 851, user 2 */
	struct svc	other;		/* operator 1081, user 5 */
};

static const struct principal op851 = { 2, "aalborg", ROLE_OPERATOR, "851" };
static const struct principal op1081 = { 5, "region", ROLE_OPERATOR, "1081" };

static int64_t
one_int(struct db *db, const char *sql)
{
	struct db_stmt	*st;
	struct err	 e;
	int64_t		 v = -1;

	st = db_prep(db, sql, &e);
	if (st != NULL && db_step(st, &e) == DB_ROW)
		v = db_col_i64(st, 0);
	if (st != NULL)
		db_reset(st);
	return v;
}

static int64_t
new_offer(struct fixture *f, const char *name, const char *op)
{
	static const char	*par[] = { "SEL § 107" };
	struct offer		 o;
	struct err		 e;
	int64_t			 id;

	memset(&o, 0, sizeof(o));
	o.name = name;
	o.operator_code = op;
	o.location_code = "851";
	o.kind = OFFER_RESIDENTIAL;
	o.paragraphs = par;
	o.nparagraphs = 1;
	if (register_offer_create(&f->s, &o, &id, &e) != 0)
		return 0;
	return id;
}

static int
setup(void **state)
{
	struct org	orgs[] = {
		{ "851", "Aalborg", ORG_KOMMUNE, NULL, 0 },
		{ "1081", "Region Nordjylland", ORG_REGION, NULL, 0 },
	};
	struct fixture	*f = calloc(1, sizeof(*f));
	struct err	 e;
	size_t		 i;

	if (testdb_open(&f->t) != 0)
		return -1;
	arena_init(&f->a);
	svc_init(&f->s, f->t.db, &f->a, NULL, NOW);
	svc_init(&f->op, f->t.db, &f->a, &op851, NOW);
	svc_init(&f->other, f->t.db, &f->a, &op1081, NOW);
	for (i = 0; i < 2; i++)
		if (register_org_save(&f->s, &orgs[i], &e) != 0)
			return -1;
	/*
	 * 1 admin with an address; 2 Aalborg with one; 3 Aalborg without;
	 * 4 Aalborg with one who turned "opened" off; 5 the region with one;
	 * 6 Aalborg inactive with one.
	 */
	if (db_exec(f->t.db, "INSERT INTO app_user (id, username, "
	    "display_name, role, org_code, password_hash, active, created_at, "
	    "updated_at) VALUES "
	    "(1, 'sek', 'Sek', 'admin', NULL, 'x', 1, 'x', 'x'),"
	    "(2, 'aalborg', 'A', 'operator', '851', 'x', 1, 'x', 'x'),"
	    "(3, 'aalborg2', 'B', 'operator', '851', 'x', 1, 'x', 'x'),"
	    "(4, 'aalborg3', 'C', 'operator', '851', 'x', 1, 'x', 'x'),"
	    "(5, 'region', 'R', 'operator', '1081', 'x', 1, 'x', 'x'),"
	    "(6, 'gammel', 'G', 'operator', '851', 'x', 0, 'x', 'x');"
	    "INSERT INTO user_mail (user_id, email, updated_at) VALUES "
	    "(1, 'sek@example.dk', 'x'), (2, 'a@aalborg.dk', 'x'), "
	    "(4, 'c@aalborg.dk', 'x'), (5, 'r@rn.dk', 'x'), "
	    "(6, 'g@aalborg.dk', 'x');"
	    "INSERT INTO notice_optout (user_id, kind) VALUES (4, 'opened');",
	    &e) != 0)
		return -1;
	if (!new_offer(f, "Bostedet Æblehaven", "851") ||
	    !new_offer(f, "Aflastningen", "851") ||
	    !new_offer(f, "Bostedet Aars", "1081"))
		return -1;
	*state = f;
	return 0;
}

static int
teardown(void **state)
{
	struct fixture *f = *state;

	arena_cleanup(&f->a);
	testdb_close(&f->t);
	free(f);
	return 0;
}

static int64_t
open_round(struct fixture *f, int year, const char *deadline)
{
	struct tariff_round	r;
	struct err		e;
	int64_t			id = 0;

	memset(&r, 0, sizeof(r));
	r.year = year;
	r.no = 1;
	r.title = "Foreløbige takster";
	r.opens_on = "2023-11-01";
	r.deadline = deadline;
	r.increase_warn_bp = 500;
	if (round_create(&f->s, &r, &id, NULL, &e) != 0)
		fail_msg("round: %s", e.msg);
	return id;
}

static void
test_round_opened(void **state)
{
	struct fixture		*f = *state;
	struct tariff_round	 r;
	struct err		 e;

	open_round(f, 2025, "2023-12-20");
	/* Aalborg's user 2 and the region's user 5, once each. */
	assert_int_equal(one_int(f->t.db, "SELECT count(*) FROM outbox"), 2);
	assert_int_equal(one_int(f->t.db, "SELECT count(*) FROM outbox WHERE "
	    "kind = 'opened' AND state = 'queued' AND attempts = 0 AND "
	    "user_id IN (2, 5) AND path LIKE '/takstindberetning/%' AND "
	    "subject LIKE 'Takstindberetning åbnet: %'"), 2);
	assert_int_equal(one_int(f->t.db, "SELECT count(DISTINCT message_id) "
	    "FROM outbox WHERE message_id LIKE '<%@ramme>'"), 2);
	assert_int_equal(one_int(f->t.db, "SELECT next_attempt_at FROM "
	    "outbox LIMIT 1"), NOW);
	/* A round refused (same year and number) writes no mail. */
	memset(&r, 0, sizeof(r));
	r.year = 2025;
	r.no = 1;
	r.title = "Igen";
	r.opens_on = "2023-11-01";
	r.deadline = "2023-12-20";
	assert_int_not_equal(round_create(&f->s, &r, NULL, NULL, &e), 0);
	assert_int_equal(one_int(f->t.db, "SELECT count(*) FROM outbox"), 2);
}

static void
test_notify_rolls_back(void **state)
{
	struct fixture		*f = *state;
	struct mail_notice	 n;
	struct err		 e;
	int			 q = -1;

	memset(&n, 0, sizeof(n));
	n.kind = NOTICE_HEARING;
	n.about = "hearing";
	n.about_id = 1;
	n.org_code = NULL;	/* the secretariat */
	n.subject = "Høring åbnet";
	n.text = "Tekst\n";
	n.path = "/";
	/* Outside a transaction: refused. */
	assert_int_equal(mail_notify(&f->s, &n, &q, &e), ERR_INTERNAL);
	assert_int_equal(db_begin(f->t.db, DB_WRITE, &e), 0);
	assert_int_equal(mail_notify(&f->s, &n, &q, &e), 0);
	assert_int_equal(q, 1);
	db_rollback(f->t.db);
	assert_int_equal(one_int(f->t.db, "SELECT count(*) FROM outbox"), 0);
	/* A bad notice is refused. */
	assert_int_equal(db_begin(f->t.db, DB_WRITE, &e), 0);
	n.subject = "to\nlinjer";
	assert_int_equal(mail_notify(&f->s, &n, &q, &e), ERR_INVALID);
	n.subject = "Emne";
	n.path = "http://x";
	assert_int_equal(mail_notify(&f->s, &n, &q, &e), ERR_INVALID);
	/* A key: once per recipient. */
	n.path = "/";
	n.key = "hearing:1";
	assert_int_equal(mail_notify(&f->s, &n, &q, &e), 0);
	assert_int_equal(q, 1);
	assert_int_equal(mail_notify(&f->s, &n, &q, &e), 0);
	assert_int_equal(q, 0);
	assert_int_equal(db_commit(f->t.db, &e), 0);
	assert_int_equal(one_int(f->t.db, "SELECT count(*) FROM outbox WHERE "
	    "user_id = 1 AND dedupe_key = 'hearing:1:u1'"), 1);
}

static void
test_settings(void **state)
{
	struct fixture		*f = *state;
	struct mail_settings	 m, in;
	struct err		 e;

	assert_int_equal(mail_settings_get(&f->op, 2, &m, &e), 0);
	assert_string_equal(m.email, "a@aalborg.dk");
	assert_true(m.on[NOTICE_OPENED] && m.on[NOTICE_HEARING]);
	/* Another user's settings: only the secretariat. */
	assert_int_equal(mail_settings_get(&f->op, 5, &m, &e), ERR_FORBIDDEN);
	assert_int_equal(mail_settings_get(&f->s, 5, &m, &e), 0);
	assert_int_equal(mail_settings_get(&f->s, 99, &m, &e), ERR_NOT_FOUND);
	in = m;
	in.user_id = 5;
	assert_int_equal(mail_settings_set(&f->op, &in, &e), ERR_FORBIDDEN);
	/* A bad address: a Danish error, nothing changed. */
	assert_int_equal(mail_settings_get(&f->op, 2, &in, &e), 0);
	in.email = "a@aalborg";
	in.on[NOTICE_OPENED] = false;
	assert_int_equal(mail_settings_set(&f->op, &in, &e), ERR_INVALID);
	assert_string_equal(e.field, "email");
	assert_non_null(strstr(e.msg, "E-mailadressen er ikke gyldig"));
	assert_int_equal(mail_settings_get(&f->op, 2, &m, &e), 0);
	assert_string_equal(m.email, "a@aalborg.dk");
	assert_true(m.on[NOTICE_OPENED]);
	assert_int_equal(one_int(f->t.db, "SELECT count(*) FROM audit "
	    "WHERE entity = 'user_mail'"), 0);
	/* A good one, trimmed, with a kind turned off: saved and audited. */
	in.email = "  ny@aalborg.dk ";
	assert_int_equal(mail_settings_set(&f->op, &in, &e), 0);
	assert_int_equal(mail_settings_get(&f->op, 2, &m, &e), 0);
	assert_string_equal(m.email, "ny@aalborg.dk");
	assert_false(m.on[NOTICE_OPENED]);
	assert_true(m.on[NOTICE_RETURNED]);
	assert_int_equal(one_int(f->t.db, "SELECT count(*) FROM audit "
	    "WHERE entity = 'user_mail' AND entity_id = '2'"), 1);
	/* An empty address removes it. */
	in.email = "";
	assert_int_equal(mail_settings_set(&f->op, &in, &e), 0);
	assert_int_equal(mail_settings_get(&f->op, 2, &m, &e), 0);
	assert_null(m.email);
}

static void
test_claim(void **state)
{
	struct fixture		*f = *state;
	struct outbox_row	 r;
	struct err		 e;

	open_round(f, 2025, "2023-12-20");
	/* Claimed once; a second sender finds nothing while it is held. */
	assert_int_equal(db_begin(f->t.db, DB_WRITE, &e), 0);
	assert_int_equal(outbox_store_claim(f->t.db, &f->a, NOW, 100, "A", &r,
	    &e), 0);
	assert_string_equal(r.state, "sending");
	assert_int_equal(r.attempts, 1);
	assert_int_equal(outbox_store_claim(f->t.db, &f->a, NOW, 100, "B", &r,
	    &e), 0);	/* the other mail */
	assert_int_equal(outbox_store_claim(f->t.db, &f->a, NOW + 99, 100, "C",
	    &r, &e), ERR_NOT_FOUND);
	/* Not yet due: a mail queued for later is not claimed. */
	assert_int_equal(outbox_store_claim(f->t.db, &f->a, NOW - 1, 100, "C",
	    &r, &e), ERR_NOT_FOUND);
	/* A's claim ran out: C takes its mail over; A can no longer mark it. */
	assert_int_equal(outbox_store_claim(f->t.db, &f->a, NOW + 100, 100,
	    "C", &r, &e), 0);
	assert_int_equal(r.attempts, 2);
	assert_int_equal(outbox_store_sent(f->t.db, r.id, "A", "t", &e),
	    ERR_CONFLICT);
	assert_string_equal(e.key, "claim_lost");
	assert_int_equal(outbox_store_sent(f->t.db, r.id, "C", "t", &e), 0);
	/* Sent once: never claimed again, not even after any lease. */
	assert_int_equal(outbox_store_sent(f->t.db, r.id, "C", "t", &e),
	    ERR_CONFLICT);
	assert_int_equal(outbox_store_claim(f->t.db, &f->a, NOW + 100000, 100,
	    "D", &r, &e), 0);	/* B's mail, expired */
	assert_int_equal(outbox_store_claim(f->t.db, &f->a, NOW + 200000, 1,
	    "E", &r, &e), 0);	/* D's claim expired too */
	assert_string_equal(r.username, "aalborg");
	/* A failed attempt: queued again at the backoff; then final. */
	assert_int_equal(outbox_store_attempt_failed(f->t.db, r.id, "E",
	    "nede", false, NOW + 300000, "t", &e), 0);
	assert_int_equal(outbox_store_get(f->t.db, &f->a, r.id, &r, &e), 0);
	assert_string_equal(r.state, "queued");
	assert_string_equal(r.last_error, "nede");
	assert_int_equal(outbox_store_claim(f->t.db, &f->a, NOW + 300000, 100,
	    "F", &r, &e), 0);
	assert_int_equal(outbox_store_attempt_failed(f->t.db, r.id, "F",
	    "550 nej", true, 0, "t", &e), 0);
	assert_int_equal(db_commit(f->t.db, &e), 0);
	assert_int_equal(one_int(f->t.db, "SELECT count(*) FROM outbox WHERE "
	    "state = 'sent'"), 1);
	assert_int_equal(one_int(f->t.db, "SELECT count(*) FROM outbox WHERE "
	    "state = 'failed' AND attempts = 4"), 1);

	/* The secretariat: retry the failed one, cancel it, no more. */
	assert_int_equal(mail_outbox_retry(&f->op, r.id, &e), ERR_FORBIDDEN);
	assert_int_equal(mail_outbox_retry(&f->s, r.id, &e), 0);
	assert_int_equal(one_int(f->t.db, "SELECT attempts FROM outbox WHERE "
	    "state = 'queued'"), 0);
	assert_int_equal(mail_outbox_cancel(&f->s, r.id, &e), 0);
	assert_int_equal(mail_outbox_retry(&f->s, r.id, &e), ERR_CONFLICT);
	assert_int_equal(mail_outbox_cancel(&f->s, 9999, &e), ERR_NOT_FOUND);
	assert_int_equal(one_int(f->t.db, "SELECT count(*) FROM audit "
	    "WHERE entity = 'outbox'"), 2);
}

static void
test_remind(void **state)
{
	struct fixture	*f = *state;
	struct svc	 later;
	struct err	 e;
	int		 q = -1;

	/* Deadline in 10 days: nothing yet. */
	open_round(f, 2025, "2023-11-24");
	assert_int_equal(db_exec(f->t.db, "DELETE FROM outbox", &e), 0);
	assert_int_equal(mail_remind(&f->s, &q, &e), 0);
	assert_int_equal(q, 0);
	assert_int_equal(mail_remind(&f->op, &q, &e), ERR_FORBIDDEN);
	/* 7 days before: one reminder per operator's user, once. */
	svc_init(&later, f->t.db, &f->a, NULL, NOW + 3 * DAY);
	assert_int_equal(mail_remind(&later, &q, &e), 0);
	assert_int_equal(q, 3);	/* users 2, 4 (Aalborg), 5 (region) */
	assert_int_equal(mail_remind(&later, &q, &e), 0);
	assert_int_equal(q, 0);
	assert_int_equal(one_int(f->t.db, "SELECT count(*) FROM outbox WHERE "
	    "kind = 'reminder' AND user_id = 2 AND body LIKE "
	    "'%Aflastningen%' AND body LIKE '%Bostedet Æblehaven%'"), 1);
	/* On the deadline still a reminder (already sent); the day after,
	   overdue once. */
	svc_init(&later, f->t.db, &f->a, NULL, NOW + 10 * DAY);
	assert_int_equal(mail_remind(&later, &q, &e), 0);
	assert_int_equal(q, 0);
	svc_init(&later, f->t.db, &f->a, NULL, NOW + 11 * DAY);
	assert_int_equal(mail_remind(&later, &q, &e), 0);
	assert_int_equal(q, 3);
	assert_int_equal(mail_remind(&later, &q, &e), 0);
	assert_int_equal(q, 0);
	/* Long past deadlines are left alone. */
	assert_int_equal(db_exec(f->t.db, "DELETE FROM outbox", &e), 0);
	svc_init(&later, f->t.db, &f->a, NULL, NOW + 60 * DAY);
	assert_int_equal(mail_remind(&later, &q, &e), 0);
	assert_int_equal(q, 0);
}

static void
test_reviewed(void **state)
{
	struct fixture		*f = *state;
	struct submission	 sub;
	struct tariff_round	 r;
	struct err		 e;

	memset(&sub, 0, sizeof(sub));
	memset(&r, 0, sizeof(r));
	sub.id = 7;
	sub.offer_name = "Bostedet Æblehaven";
	sub.operator_code = "851";
	sub.comment = "Lønnen mangler";
	r.title = "Endelige takster";
	assert_int_equal(db_begin(f->t.db, DB_WRITE, &e), 0);
	assert_int_equal(mail_submission_reviewed(&f->s, &sub, &r, true, &e),
	    0);
	assert_int_equal(mail_submission_reviewed(&f->s, &sub, &r, false, &e),
	    0);
	assert_int_equal(db_commit(f->t.db, &e), 0);
	assert_int_equal(one_int(f->t.db, "SELECT count(*) FROM outbox WHERE "
	    "kind = 'returned' AND path = '/indberetning/7' AND body LIKE "
	    "'%Lønnen mangler%' AND subject = 'Sendt retur: Bostedet "
	    "Æblehaven (Endelige takster)'"), 2);
	assert_int_equal(one_int(f->t.db, "SELECT count(*) FROM outbox WHERE "
	    "kind = 'approved'"), 2);
}

static void
test_meeting_members(void **state)
{
	struct fixture		*f = *state;
	struct meeting_input	 in;
	struct err		 e;
	int64_t			 id;

	/*
	 * DAS (body 3): user 2 a current member, user 5 a member whose
	 * membership ended, user 1 (the secretariat) no member.
	 */
	assert_int_equal(db_exec(f->t.db, "INSERT INTO person (id, name, "
	    "name_key, user_id, created_at, updated_at) VALUES "
	    "(1, 'Jens', 'jens', 2, 'x', 'x'), (2, 'Rita', 'rita', 5, 'x', 'x');"
	    "INSERT INTO membership (body_id, person_id, ends_on, created_at, "
	    "updated_at) VALUES (3, 1, NULL, 'x', 'x'), "
	    "(3, 2, '2020-12-31', 'x', 'x');", &e), 0);
	memset(&in, 0, sizeof(in));
	in.body_id = 3;
	in.title = "Møde i DAS";
	in.starts_at = "2023-12-06T10:00";
	assert_int_equal(meeting_create(&f->s, &in, &id, &e), 0);
	assert_int_equal(one_int(f->t.db, "SELECT count(*) FROM outbox"), 0);
	assert_int_equal(meeting_set_state(&f->s, id, MEETING_INDKALDT, &e),
	    0);
	assert_int_equal(one_int(f->t.db, "SELECT count(*) FROM outbox"), 1);
	assert_int_equal(one_int(f->t.db, "SELECT count(*) FROM outbox WHERE "
	    "user_id = 2 AND kind = 'agenda' AND about = 'meeting' AND "
	    "subject = 'Dagsorden udsendt: Møde i DAS' AND body LIKE "
	    "'%6. december 2023%'"), 1);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_round_opened, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_notify_rolls_back, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_settings, setup, teardown),
		cmocka_unit_test_setup_teardown(test_claim, setup, teardown),
		cmocka_unit_test_setup_teardown(test_remind, setup, teardown),
		cmocka_unit_test_setup_teardown(test_reviewed, setup, teardown),
		cmocka_unit_test_setup_teardown(test_meeting_members, setup,
		    teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
