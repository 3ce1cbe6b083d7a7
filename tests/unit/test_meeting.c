/*
 * Unit tests for src/service/meeting.c, src/service/body.c and
 * src/core/meeting.c over a real database: automatic numbering and the
 * standard items, state changes (illegal ones refused), import of every
 * minutes fixture (twice creates nothing), closed items absent from the
 * public view and the search index, the minutes loop (circulate, approve
 * at the next meeting, frozen afterwards, early approval), the diff,
 * attachments stored once, follow-ups, nominations and roles.
 *
 * The fixtures are found through $RAMME_FIXTURES, else relative to this
 * file or the working directory (tests/fixtures/minutes/).
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <jansson.h>
#include <sodium.h>

#include "core/meeting.h"
#include "core/org.h"
#include "core/role.h"
#include "report/meeting_view.h"
#include "service/body.h"
#include "service/meeting.h"
#include "service/register.h"
#include "service/svc.h"
#include "store/audit.h"
#include "store/meeting_store.h"
#include "store/user_store.h"
#include "util/arena.h"
#include "util/buf.h"
#include "testdb.h"
#include "tool.h"

#define NOW	1700000000	/* 2023-11-14 */
#define SECRET	"Hemmeligholdt forhandlingsoplæg zebrafinke"
#define SECRET_FILE "Fortroligt notat papegøje"

static const char *const seeds[] = {
	"000_65e7f14a10f909d6.txt",
	"002_ddf5d63349d0c985.txt",
	"003_db29347853a598f2.txt",
};

struct fixture {
	struct testdb	t;
	struct arena	a;
	struct svc	s;	/* the secretariat */
	int64_t		socdir;	/* body ids */
	int64_t		das;
};

static int
setup(void **state)
{
	struct org	orgs[] = {
		{ "851", "Aalborg", ORG_KOMMUNE, NULL, 0 },
		{ "810", "Brønderslev", ORG_KOMMUNE, NULL, 0 },
		{ "813", "Frederikshavn", ORG_KOMMUNE, NULL, 0 },
		{ "1081", "Region Nordjylland", ORG_REGION, NULL, 0 },
	};
	struct fixture	*f = calloc(1, sizeof(*f));
	struct body	*v;
	struct err	 e;
	size_t		 i, n;

	if (sodium_init() < 0 || testdb_open(&f->t) != 0)
		return -1;
	arena_init(&f->a);
	svc_init(&f->s, f->t.db, &f->a, NULL, NOW);
	for (i = 0; i < 4; i++)
		if (register_org_save(&f->s, &orgs[i], &e) != 0)
			return -1;
	if (body_list(&f->s, &v, &n, &e) != 0)
		return -1;
	for (i = 0; i < n; i++) {
		if (v[i].key && strcmp(v[i].key, "socdir") == 0)
			f->socdir = v[i].id;
		if (v[i].key && strcmp(v[i].key, "das") == 0)
			f->das = v[i].id;
	}
	*state = f;
	return f->socdir && f->das ? 0 : -1;
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

/* ---- helpers ------------------------------------------------------- */

static char *
read_all(const char *path, size_t *len)
{
	FILE	*fp = fopen(path, "rb");
	char	*s;
	long	 n;

	if (fp == NULL)
		return NULL;
	fseek(fp, 0, SEEK_END);
	n = ftell(fp);
	fseek(fp, 0, SEEK_SET);
	s = malloc((size_t)n + 1);
	if (fread(s, 1, (size_t)n, fp) != (size_t)n) {
		fclose(fp);
		free(s);
		return NULL;
	}
	s[n] = '\0';
	fclose(fp);
	*len = (size_t)n;
	return s;
}

static char *
fixture(const char *name, size_t *len)
{
	char		 path[4096], dir[2048];
	const char	*env = getenv("RAMME_FIXTURES"), *slash;
	char		*s;

	if (env != NULL && *env != '\0') {
		snprintf(path, sizeof(path), "%s/%s", env, name);
		if ((s = read_all(path, len)) != NULL)
			return s;
	}
	slash = strrchr(__FILE__, '/');
	snprintf(dir, sizeof(dir), "%.*s", slash ? (int)(slash - __FILE__) : 1,
	    slash ? __FILE__ : ".");
	snprintf(path, sizeof(path), "%s/../fixtures/minutes/%s", dir, name);
	if ((s = read_all(path, len)) != NULL)
		return s;
	snprintf(path, sizeof(path), "tests/fixtures/minutes/%s", name);
	if ((s = read_all(path, len)) != NULL)
		return s;
	snprintf(path, sizeof(path), "../tests/fixtures/minutes/%s", name);
	if ((s = read_all(path, len)) != NULL)
		return s;
	fail_msg("fixture %s not found (set RAMME_FIXTURES)", name);
	return NULL;
}

static int64_t
new_meeting(struct fixture *f, int64_t body, const char *when)
{
	struct meeting_input	in;
	struct err		e;
	int64_t			id = 0;

	memset(&in, 0, sizeof(in));
	in.body_id = body;
	in.starts_at = when;
	in.place = "Boulevarden 13";
	if (meeting_create(&f->s, &in, &id, &e) != 0)
		fail_msg("meeting_create: %s", e.msg);
	return id;
}

static int64_t
add_item(struct fixture *f, int64_t m, enum item_section sec,
    const char *title, bool closed)
{
	struct item_input	in;
	struct err		e;
	int64_t			id = 0;

	memset(&in, 0, sizeof(in));
	in.section = sec;
	in.title = title;
	in.recommendation = "Det indstilles, at orienteringen tages til "
	    "efterretning.";
	in.closed = closed;
	if (meeting_item_add(&f->s, m, &in, &id, &e) != 0)
		fail_msg("meeting_item_add: %s", e.msg);
	return id;
}

/* meeting_item_add's return code for a plain item. */
static int
add_item_rc(struct fixture *f, int64_t m)
{
	struct item_input	in;
	struct err		e;
	int64_t			id;

	memset(&in, 0, sizeof(in));
	in.section = SECTION_BEHANDLING;
	in.title = "Sent punkt";
	return meeting_item_add(&f->s, m, &in, &id, &e);
}

static void
state(struct fixture *f, int64_t m, enum meeting_state to)
{
	struct err e;

	if (meeting_set_state(&f->s, m, to, &e) != 0)
		fail_msg("meeting_set_state %s: %s", meeting_state_name(to),
		    e.msg);
}

static struct meeting_page
page(struct svc *s, int64_t id)
{
	struct meeting_page	p;
	struct err		e;

	if (meeting_load(s, id, &p, &e) != 0)
		fail_msg("meeting_load: %s", e.msg);
	return p;
}

/* The view as JSON text, for "does this text appear anywhere" checks. */
static char *
view_text(struct svc *s, int64_t id, bool include_closed)
{
	struct meeting_view	 v;
	struct err		 e;
	json_t			*j;
	char			*txt;

	if (meeting_view_get(s, id, include_closed, &v, &e) != 0)
		fail_msg("meeting_view_get: %s", e.msg);
	j = meeting_view_json(&v);
	txt = json_dumps(j, JSON_COMPACT);
	json_decref(j);
	return txt;
}

static int64_t
search_count(struct fixture *f, const char *q)
{
	struct search_filter	 sf;
	struct search_hit	*h;
	struct err		 e;
	size_t			 n;
	int64_t			 total;

	memset(&sf, 0, sizeof(sf));
	sf.limit = 20;
	if (meeting_search(&f->s, q, &sf, &h, &n, &total, &e) != 0)
		fail_msg("meeting_search: %s", e.msg);
	return total;
}

/* A small valid PDF whose only text is text (offsets computed). */
static char *
make_pdf(const char *text, size_t *len)
{
	struct buf	 b;
	char		 stream[256], obj[512];
	const char	*objs[5];
	size_t		 offs[5], x;
	int		 i;

	snprintf(stream, sizeof(stream), "BT /F1 12 Tf 10 50 Td (%s) Tj ET",
	    text);
	objs[0] = "<< /Type /Catalog /Pages 2 0 R >>";
	objs[1] = "<< /Type /Pages /Kids [3 0 R] /Count 1 >>";
	objs[2] = "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 300 100] "
	    "/Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>";
	objs[3] = NULL;
	objs[4] = "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>";
	buf_init(&b);
	buf_puts(&b, "%PDF-1.4\n");
	for (i = 0; i < 5; i++) {
		offs[i] = b.len;
		if (objs[i] != NULL)
			snprintf(obj, sizeof(obj), "%d 0 obj\n%s\nendobj\n",
			    i + 1, objs[i]);
		else
			snprintf(obj, sizeof(obj), "%d 0 obj\n<< /Length %zu "
			    ">>\nstream\n%s\nendstream\nendobj\n", i + 1,
			    strlen(stream), stream);
		buf_puts(&b, obj);
	}
	x = b.len;
	buf_puts(&b, "xref\n0 6\n0000000000 65535 f \n");
	for (i = 0; i < 5; i++)
		buf_printf(&b, "%010zu 00000 n \n", offs[i]);
	buf_printf(&b, "trailer\n<< /Size 6 /Root 1 0 R >>\nstartxref\n%zu\n"
	    "%%%%EOF\n", x);
	return buf_release(&b, len);
}

/* A login linked to a person who is a member of body. */
static int64_t
member_user(struct fixture *f, const char *username, int64_t body)
{
	struct user		u;
	struct member_input	in;
	struct err		e;
	int64_t			uid = 0, mid;

	memset(&u, 0, sizeof(u));
	u.username = username;
	u.display_name = username;
	u.role = ROLE_READER;
	u.password_hash = "x";
	u.active = true;
	assert_int_equal(db_begin(f->t.db, DB_WRITE, &e), 0);
	assert_int_equal(user_store_insert(f->t.db, &u, "2023-01-01T00:00:00Z",
	    &uid, &e), 0);
	assert_int_equal(db_commit(f->t.db, &e), 0);
	memset(&in, 0, sizeof(in));
	in.name = "Jens Nørgaard";
	in.org_code = "851";
	in.username = username;
	in.role = "medlem";
	in.voting = true;
	in.on_behalf_of = "851";
	if (body_member_add(&f->s, body, &in, &mid, &e) != 0)
		fail_msg("body_member_add: %s", e.msg);
	return uid;
}

/* ---- tests --------------------------------------------------------- */

static void
test_rules(void **unused)
{
	struct arena		 a;
	struct diff_line	*d;
	size_t			 n;

	(void)unused;
	assert_true(meeting_state_change_ok(MEETING_PLANLAGT,
	    MEETING_INDKALDT));
	assert_false(meeting_state_change_ok(MEETING_PLANLAGT,
	    MEETING_AFHOLDT));
	assert_false(meeting_state_change_ok(MEETING_REFERAT_UDKAST,
	    MEETING_REFERAT_GODKENDT));
	assert_false(meeting_state_change_ok(MEETING_AFHOLDT, MEETING_AFLYST));
	assert_true(meeting_time_valid("2014-03-06T10:00"));
	assert_true(meeting_time_valid("2014-03-06"));
	assert_false(meeting_time_valid("2014-02-30"));
	assert_false(meeting_time_valid("2014-03-06T24:00"));
	assert_int_equal(item_section_from_text("Sager til forventet "
	    "efterretning"), SECTION_EFTERRETNING);
	assert_int_equal(item_section_from_text("Lukket punkt"),
	    SECTION_LUKKET);

	arena_init(&a);
	meeting_diff_lines(&a, "A\nB\nC", "A\nX\nC\nD", &d, &n);
	assert_int_equal(n, 5);
	assert_int_equal(d[0].op, ' ');
	assert_int_equal(d[1].op, '-');
	assert_string_equal(d[1].text, "B");
	assert_int_equal(d[2].op, '+');
	assert_string_equal(d[2].text, "X");
	assert_int_equal(d[3].op, ' ');
	assert_int_equal(d[4].op, '+');
	meeting_diff_lines(&a, NULL, "ny", &d, &n);
	assert_int_equal(n, 1);
	assert_int_equal(d[0].op, '+');
	arena_cleanup(&a);
}

static void
test_numbering_and_standard_items(void **st)
{
	struct fixture		*f = *st;
	struct meeting_page	 p;
	int64_t			 m1, m2, late;

	m1 = new_meeting(f, f->socdir, "2026-03-06T10:00");
	p = page(&f->s, m1);
	/* No earlier meeting: no approval of previous minutes. */
	assert_int_equal(p.nitems, 3);
	assert_int_equal(p.items[0].kind, ITEM_DAGSORDEN);
	assert_int_equal(p.items[1].kind, ITEM_EVT);
	assert_string_equal(p.items[1].title, "Evt.");
	assert_int_equal(p.items[2].kind, ITEM_NAESTE_MOEDE);
	assert_int_equal(p.m.state, MEETING_PLANLAGT);
	assert_string_equal(p.m.title, "Møde i Socialdirektørkredsen");

	add_item(f, m1, SECTION_EFTERRETNING, "Status på takster (HETH)",
	    false);
	add_item(f, m1, SECTION_BEHANDLING, "Styringsaftalen 2027", false);
	add_item(f, m1, SECTION_LUKKET, "Personsag", false);
	late = add_item(f, m1, SECTION_BEHANDLING, "Rammeaftalens "
	    "udviklingsstrategi", false);
	p = page(&f->s, m1);
	assert_int_equal(p.nitems, 7);
	assert_string_equal(p.items[0].title, "Godkendelse af dagsorden");
	assert_string_equal(p.items[1].title, "Styringsaftalen 2027");
	assert_string_equal(p.items[2].title, "Rammeaftalens "
	    "udviklingsstrategi");
	assert_int_equal(p.items[2].id, late);
	assert_string_equal(p.items[3].title, "Status på takster (HETH)");
	assert_string_equal(p.items[4].title, "Personsag");
	assert_true(p.items[4].closed);	/* the closed section closes it */
	assert_string_equal(p.items[5].title, "Evt.");
	assert_string_equal(p.items[6].title, "Næste møde");
	for (size_t i = 0; i < p.nitems; i++)
		assert_int_equal(p.items[i].number, (int)i + 1);

	/* The next meeting approves this one's minutes, linked to it. */
	m2 = new_meeting(f, f->socdir, "2026-05-06T10:00");
	p = page(&f->s, m2);
	assert_int_equal(p.nitems, 4);
	assert_int_equal(p.items[1].kind, ITEM_REFERAT);
	assert_int_equal(p.items[1].prev_meeting, m1);
	assert_string_equal(p.items[1].title, "Godkendelse af referat fra "
	    "mødet den 6. marts 2026");
	assert_int_equal(p.items[1].number, 2);
	assert_int_equal(p.prev_meeting, m1);
	/* Another body's meetings are not its previous meetings. */
	p = page(&f->s, new_meeting(f, f->das, "2026-05-07T10:00"));
	assert_int_equal(p.nitems, 3);
}

static void
test_state_changes(void **st)
{
	struct fixture		*f = *st;
	struct meeting_page	 p;
	struct err		 e;
	int64_t			 m, it;

	m = new_meeting(f, f->socdir, "2026-03-06T10:00");
	assert_int_equal(meeting_set_state(&f->s, m, MEETING_AFHOLDT, &e),
	    ERR_CONFLICT);
	assert_string_equal(e.key, "invalid_transition");
	assert_int_equal(meeting_set_state(&f->s, m, MEETING_REFERAT_GODKENDT,
	    &e), ERR_CONFLICT);
	state(f, m, MEETING_INDKALDT);
	p = page(&f->s, m);
	assert_non_null(p.m.agenda_published_at);
	assert_int_equal(meeting_set_state(&f->s, m, MEETING_INDKALDT, &e),
	    ERR_CONFLICT);
	/* No minutes before the meeting is held. */
	it = p.items[0].id;
	assert_int_equal(meeting_item_minutes(&f->s, it, "Godkendt",
	    RESULT_GODKENDT, &e), ERR_CONFLICT);
	assert_string_equal(e.key, "not_held");
	state(f, m, MEETING_AFHOLDT);
	assert_int_equal(meeting_set_state(&f->s, m, MEETING_AFLYST, &e),
	    ERR_CONFLICT);
	/* The first minutes make a draft. */
	assert_int_equal(meeting_item_minutes(&f->s, it, "Godkendt",
	    RESULT_GODKENDT, &e), 0);
	assert_int_equal(page(&f->s, m).m.state, MEETING_REFERAT_UDKAST);
	assert_int_equal(meeting_set_state(&f->s, m, MEETING_REFERAT_GODKENDT,
	    &e), ERR_CONFLICT);

	/* Participants: an apology with the substitute who came. */
	{
		struct participant pp;
		memset(&pp, 0, sizeof(pp));
		pp.name = "Jens Nørgaard";
		pp.organisation = "Mariagerfjord Kommune";
		pp.status = "deltager";
		assert_int_equal(meeting_participant_add(&f->s, m, &pp, &e), 0);
		pp.status = "syg";
		assert_int_equal(meeting_participant_add(&f->s, m, &pp, &e),
		    ERR_INVALID);
		p = page(&f->s, m);
		assert_int_equal(p.npeople, 1);
		assert_int_equal(meeting_participant_set(&f->s, m,
		    p.people[0].id, "afbud", "Per Heitmann", &e), 0);
		assert_int_equal(meeting_participant_set(&f->s, m + 1,
		    p.people[0].id, "afbud", NULL, &e), ERR_NOT_FOUND);
		p = page(&f->s, m);
		assert_string_equal(p.people[0].status, "afbud");
		assert_string_equal(p.people[0].substitute, "Per Heitmann");
	}

	/* A planned meeting can be cancelled; then nothing changes it. */
	m = new_meeting(f, f->socdir, "2026-09-06T10:00");
	state(f, m, MEETING_AFLYST);
	assert_int_equal(meeting_set_state(&f->s, m, MEETING_INDKALDT, &e),
	    ERR_CONFLICT);
	assert_int_equal(add_item_rc(f, m), ERR_CONFLICT);
}

static void
test_roles(void **st)
{
	struct fixture		*f = *st;
	struct principal	 rd = { 77, "reader", ROLE_READER, NULL };
	struct principal	 anon = { 0, "", ROLE_ANON, NULL };
	struct meeting_input	 in;
	struct meeting_view	 v;
	struct meeting		 m;
	struct svc		 s;
	struct err		 e;
	int64_t			 id, mid;

	mid = new_meeting(f, f->socdir, "2026-03-06T10:00");
	memset(&in, 0, sizeof(in));
	in.body_id = f->socdir;
	in.starts_at = "2026-04-06";
	svc_init(&s, f->t.db, &f->a, &rd, NOW);
	assert_int_equal(meeting_create(&s, &in, &id, &e), ERR_FORBIDDEN);
	assert_int_equal(meeting_set_state(&s, mid, MEETING_INDKALDT, &e),
	    ERR_FORBIDDEN);
	assert_int_equal(meeting_import(&s, "x.txt", "1. Punkt\n", 9, f->socdir,
	    &(struct meeting_import_result){ 0 }, &e), ERR_FORBIDDEN);
	/* A planned meeting is not public yet. */
	assert_int_equal(meeting_get(&s, mid, &m, &e), ERR_NOT_FOUND);
	svc_init(&s, f->t.db, &f->a, &anon, NOW);
	assert_int_equal(meeting_view_get(&s, mid, false, &v, &e),
	    ERR_NOT_FOUND);
	state(f, mid, MEETING_INDKALDT);
	assert_int_equal(meeting_get(&s, mid, &m, &e), 0);
	/* Only the secretariat and members may ask for closed content. */
	assert_int_equal(meeting_view_get(&s, mid, true, &v, &e),
	    ERR_FORBIDDEN);
}

static void
test_import_fixtures(void **st)
{
	struct fixture			*f = *st;
	struct meeting_import_result	 r;
	struct meeting_filter		 flt;
	struct meeting			*list;
	struct meeting_page		 p;
	struct err			 e;
	int64_t				 ids[3];
	size_t				 i, len, n;
	char				*text;

	for (i = 0; i < 3; i++) {
		text = fixture(seeds[i], &len);
		if (meeting_import(&f->s, seeds[i], text, len, 0, &r, &e) != 0)
			fail_msg("%s: %s", seeds[i], e.msg);
		assert_true(r.created);
		assert_true(r.nitems >= 7);
		ids[i] = r.id;
		/* The same text again creates nothing. */
		assert_int_equal(meeting_import(&f->s, seeds[i], text, len, 0,
		    &r, &e), 0);
		assert_false(r.created);
		assert_int_equal(r.id, ids[i]);
		free(text);
	}
	memset(&flt, 0, sizeof(flt));
	flt.limit = 100;
	assert_int_equal(meeting_list(&f->s, &flt, &list, &n, &e), 0);
	assert_int_equal(n, 3);

	p = page(&f->s, ids[0]);
	assert_int_equal(p.m.body_id, f->socdir);
	assert_string_equal(p.m.starts_at, "2011-10-06T13:00");
	assert_string_equal(p.m.ends_at, "2011-10-06T16:00");
	/* Approved as of the meeting's end (CEST), not the import's time:
	   the date the RSS feed gives the minutes. */
	assert_string_equal(p.m.minutes_approved_at, "2011-10-06T14:00:00Z");
	assert_string_equal(p.m.case_no, "2011-43820");
	assert_string_equal(p.m.doc_no, "2011-296084");
	assert_int_equal(p.m.state, MEETING_REFERAT_GODKENDT);
	assert_int_equal(p.nitems, 12);
	assert_int_equal(p.items[0].number, 1);
	assert_int_equal(p.items[0].kind, ITEM_DAGSORDEN);
	assert_int_equal(p.items[0].result, RESULT_GODKENDT);
	assert_string_equal(p.items[3].presenter, "HETH");
	assert_non_null(strstr(p.items[3].recommendation, "Socialdirekt"));
	/* Apologies, with the substitute who came instead. */
	for (i = 0, n = 0; i < p.npeople; i++)
		if (strcmp(p.people[i].status, "afbud") == 0) {
			n++;
			if (strcmp(p.people[i].name, "Jens Nørgaard") == 0)
				assert_string_equal(p.people[i].substitute,
				    "Per Heitmann");
		}
	assert_int_equal(n, 4);

	/* Without a header: the body inferred, no date; attachment names. */
	p = page(&f->s, ids[1]);
	assert_int_equal(p.m.body_id, f->socdir);
	assert_null(p.m.starts_at);
	assert_int_equal(p.items[0].nfiles, 1);
	assert_string_equal(p.items[0].files[0].name,
	    "Henvendelse fra Metodecentret");
	assert_null(p.items[0].files[0].blob_hash);

	/* Unplaced text is kept on the meeting; the unnumbered item too. */
	p = page(&f->s, ids[2]);
	assert_non_null(p.m.unplaced);
	assert_non_null(strstr(p.m.unplaced, "Boulevarden 13"));
	assert_int_equal(p.items[0].number, 0);
	assert_string_equal(p.m.referent, "Thomas Gajhede Haugaard");
	assert_string_equal(p.m.case_no, "2014-209");

	/* Imported minutes are public and searchable. */
	assert_true(search_count(f, "procedurenotat") >= 1);
	assert_true(search_count(f, "Halfway House") >= 1);
}

static void
test_closed_content_never_public(void **st)
{
	struct fixture		*f = *st;
	struct principal	 anon = { 0, "", ROLE_ANON, NULL };
	struct meeting_page	 p;
	struct svc		 pub, mem;
	struct principal	 mp;
	struct err		 e;
	struct search_hit	*h;
	struct search_filter	 sf;
	int64_t			 m, open_item, closed_item, fid, uid, total;
	size_t			 n, i;
	char			*txt, *pdf;
	size_t			 plen;

	m = new_meeting(f, f->socdir, "2026-03-06T10:00");
	open_item = add_item(f, m, SECTION_BEHANDLING, "Budgetanalyse "
	    "kolibri", false);
	closed_item = add_item(f, m, SECTION_LUKKET, "Lukket sag " SECRET,
	    false);
	/* A closed attachment on an open item, and one on the closed. */
	pdf = make_pdf("Papegoje fortroligt bilagstekst", &plen);
	assert_int_equal(meeting_attachment_add(&f->s, open_item,
	    SECRET_FILE, "notat.pdf", pdf, plen, true, NULL, &fid, &e), 0);
	free(pdf);
	pdf = make_pdf("Kolibri offentlig bilagstekst", &plen);
	assert_int_equal(meeting_attachment_add(&f->s, open_item,
	    "Bilag 1 Budget", "budget.pdf", pdf, plen, false, NULL, &fid, &e),
	    0);
	free(pdf);
	state(f, m, MEETING_INDKALDT);

	/* Public: neither the closed item nor the closed attachment. */
	svc_init(&pub, f->t.db, &f->a, &anon, NOW);
	p = page(&pub, m);
	for (i = 0; i < p.nitems; i++) {
		assert_int_not_equal(p.items[i].id, closed_item);
		assert_false(p.items[i].closed);
		if (p.items[i].id == open_item) {
			assert_int_equal(p.items[i].nfiles, 1);
			assert_string_equal(p.items[i].files[0].name,
			    "Bilag 1 Budget");
		}
	}
	txt = view_text(&pub, m, false);
	assert_null(strstr(txt, "zebrafinke"));
	assert_null(strstr(txt, "papegøje"));
	assert_null(strstr(txt, "Lukket sag"));
	free(txt);
	/* The secretariat's public view is the same projection. */
	txt = view_text(&f->s, m, false);
	assert_null(strstr(txt, "zebrafinke"));
	free(txt);
	txt = view_text(&f->s, m, true);
	assert_non_null(strstr(txt, "zebrafinke"));
	assert_non_null(strstr(txt, "papegøje"));
	free(txt);

	/* The search index never holds closed text. */
	assert_int_equal(search_count(f, "zebrafinke"), 0);
	assert_int_equal(search_count(f, "papegøje"), 0);
	assert_int_equal(search_count(f, "papegoje"), 0);
	assert_int_equal(search_count(f, "kolibri"), 1);
	/* Attachment text of the open attachment is found (if extracted). */
	if (tool_need("pdftotext", "poppler-utils"))
		assert_int_equal(search_count(f, "offentlig bilagstekst"), 1);
	assert_int_equal(meeting_store_fts_closed_rows(f->t.db), 0);
	memset(&sf, 0, sizeof(sf));
	sf.limit = 20;
	assert_int_equal(meeting_search(&pub, "Lukket sag", &sf, &h, &n,
	    &total, &e), 0);
	assert_int_equal(total, 0);

	/* An open item closed later leaves the index. */
	{
		struct item_input in;
		memset(&in, 0, sizeof(in));
		in.section = SECTION_BEHANDLING;
		in.title = "Budgetanalyse kolibri";
		in.closed = true;
		assert_int_equal(meeting_item_update(&f->s, open_item, &in,
		    &e), 0);
		assert_int_equal(search_count(f, "kolibri"), 0);
		in.closed = false;
		assert_int_equal(meeting_item_update(&f->s, open_item, &in,
		    &e), 0);
		assert_int_equal(search_count(f, "kolibri"), 1);
	}

	/* The closed attachment cannot be fetched by the public. */
	{
		struct attachment	 a;
		const void		*data;
		size_t			 len;
		p = page(&f->s, m);
		for (i = 0; i < p.nitems; i++)
			if (p.items[i].id == open_item)
				break;
		assert_true(i < p.nitems && p.items[i].nfiles == 2);
		assert_true(p.items[i].files[0].closed);
		assert_int_equal(meeting_attachment_get(&pub,
		    p.items[i].files[0].id, &a, &data, &len, &e),
		    ERR_NOT_FOUND);
		assert_int_equal(meeting_attachment_get(&pub,
		    p.items[i].files[1].id, &a, &data, &len, &e), 0);
		assert_true(len > 0 && memcmp(data, "%PDF", 4) == 0);
	}

	/* A member of the body sees the closed item; of another body not. */
	uid = member_user(f, "jens", f->socdir);
	mp = (struct principal){ uid, "jens", ROLE_READER, NULL };
	svc_init(&mem, f->t.db, &f->a, &mp, NOW);
	p = page(&mem, m);
	for (i = 0, n = 0; i < p.nitems; i++)
		if (p.items[i].id == closed_item)
			n++;
	assert_int_equal(n, 1);
	txt = view_text(&mem, m, true);
	assert_non_null(strstr(txt, "zebrafinke"));
	free(txt);
	m = new_meeting(f, f->das, "2026-03-07T10:00");
	add_item(f, m, SECTION_LUKKET, "DAS lukket " SECRET, false);
	state(f, m, MEETING_INDKALDT);
	p = page(&mem, m);
	for (i = 0; i < p.nitems; i++)
		assert_false(p.items[i].closed);
	assert_int_equal(meeting_view_get(&mem, m, true,
	    &(struct meeting_view){ 0 }, &e), ERR_FORBIDDEN);
}

static void
test_minutes_loop(void **st)
{
	struct fixture		*f = *st;
	struct principal	 anon = { 0, "", ROLE_ANON, NULL };
	struct meeting_page	 p;
	struct item_diff	*d;
	struct audit_entry	*h;
	struct svc		 pub;
	struct err		 e;
	int64_t			 m1, m2, it, approve = 0;
	size_t			 n, i, k;
	int			 nh;
	char			*txt;

	svc_init(&pub, f->t.db, &f->a, &anon, NOW);
	m1 = new_meeting(f, f->socdir, "2026-03-06T10:00");
	it = add_item(f, m1, SECTION_BEHANDLING, "Styringsaftalen", false);
	state(f, m1, MEETING_INDKALDT);
	state(f, m1, MEETING_AFHOLDT);
	assert_int_equal(meeting_item_minutes(&f->s, it, "Kredsen drøftede "
	    "aftalen.\nSekretariatet retter afsnit 3.", RESULT_DROEFTET, &e),
	    0);
	/* Draft minutes are not public. */
	p = page(&pub, m1);
	assert_false(p.show_minutes);
	for (i = 0; i < p.nitems; i++)
		assert_null(p.items[i].minutes);
	txt = view_text(&pub, m1, false);
	assert_null(strstr(txt, "Kredsen drøftede"));
	free(txt);
	assert_int_equal(search_count(f, "drøftede"), 0);

	assert_int_equal(meeting_minutes_circulate(&f->s, m1, &e), 0);
	/* A comment changes the text after circulation. */
	assert_int_equal(meeting_item_minutes(&f->s, it, "Kredsen drøftede "
	    "aftalen.\nSekretariatet retter afsnit 3 og 4.", RESULT_GODKENDT,
	    &e), 0);
	assert_int_equal(audit_list(f->t.db, &f->a, "agenda_item",
	    arena_printf(&f->a, "%lld", (long long)it), 50, &h, &nh, &e), 0);
	assert_int_equal(nh, 3);	/* created, two minutes */
	assert_string_equal(h[0].action, "minutes");
	assert_non_null(strstr(h[0].before_json, "afsnit 3."));
	assert_non_null(strstr(h[0].after_json, "afsnit 3 og 4."));

	/* Approval at the next meeting. */
	m2 = new_meeting(f, f->socdir, "2026-05-06T10:00");
	p = page(&f->s, m2);
	for (i = 0; i < p.nitems; i++)
		if (p.items[i].kind == ITEM_REFERAT)
			approve = p.items[i].id;
	assert_true(approve > 0);
	/* Not before the next meeting is convened. */
	assert_int_equal(meeting_item_approve(&f->s, approve, &e),
	    ERR_CONFLICT);
	state(f, m2, MEETING_INDKALDT);
	assert_int_equal(meeting_item_approve(&f->s, approve, &e), 0);
	p = page(&f->s, m1);
	assert_int_equal(p.m.state, MEETING_REFERAT_GODKENDT);
	assert_int_equal(p.m.approved_by_item, approve);
	assert_int_equal(p.next_meeting, m2);
	/* Frozen. */
	assert_int_equal(meeting_item_minutes(&f->s, it, "Ændret bagefter",
	    RESULT_GODKENDT, &e), ERR_CONFLICT);
	assert_string_equal(e.key, "minutes_frozen");
	assert_int_equal(add_item_rc(f, m1), ERR_CONFLICT);
	/* Published. */
	txt = view_text(&pub, m1, false);
	assert_non_null(strstr(txt, "afsnit 3 og 4."));
	assert_non_null(strstr(txt, "\"result\":\"godkendt\""));
	free(txt);
	assert_int_equal(search_count(f, "drøftede"), 1);
	/* The approving item says so. */
	p = page(&f->s, m2);
	for (i = 0; i < p.nitems; i++)
		if (p.items[i].id == approve)
			assert_int_equal(p.items[i].result, RESULT_GODKENDT);

	/* The history of the minutes, for the secretariat only. */
	{
		struct principal rd = { 77, "reader", ROLE_READER, NULL };
		struct svc s2;
		assert_int_equal(meeting_item_history(&f->s, it, &h, &nh, &e),
		    0);
		assert_true(nh >= 3);
		svc_init(&s2, f->t.db, &f->a, &rd, NOW);
		assert_int_equal(meeting_item_history(&s2, it, &h, &nh, &e),
		    ERR_FORBIDDEN);
	}

	/* The diff: one line changed. */
	assert_int_equal(meeting_minutes_diff(&pub, m1, &d, &n, &e), 0);
	for (i = 0, k = 0; i < n; i++)
		if (d[i].changed) {
			k++;
			assert_int_equal(d[i].nlines, 3);
			assert_int_equal(d[i].lines[0].op, ' ');
			assert_int_equal(d[i].lines[1].op, '-');
			assert_string_equal(d[i].lines[1].text,
			    "Sekretariatet retter afsnit 3.");
			assert_int_equal(d[i].lines[2].op, '+');
		}
	assert_int_equal(k, 1);
}

static void
test_early_approval_and_signoff(void **st)
{
	struct fixture		*f = *st;
	struct principal	 mp;
	struct meeting_page	 p;
	struct svc		 mem;
	struct err		 e;
	int64_t			 m, it, uid;

	uid = member_user(f, "jens", f->socdir);
	mp = (struct principal){ uid, "jens", ROLE_READER, NULL };
	svc_init(&mem, f->t.db, &f->a, &mp, NOW);
	m = new_meeting(f, f->socdir, "2026-03-06T10:00");
	it = add_item(f, m, SECTION_BEHANDLING, "Hastesag", false);
	state(f, m, MEETING_INDKALDT);
	state(f, m, MEETING_AFHOLDT);
	assert_int_equal(meeting_item_minutes(&f->s, it, "Godkendt med "
	    "virkning fra 1. april.", RESULT_GODKENDT, &e), 0);
	/* Members see no draft before it is circulated. */
	assert_false(page(&mem, m).show_minutes);
	assert_int_equal(meeting_minutes_signoff(&mem, m, &e), ERR_CONFLICT);
	assert_int_equal(meeting_minutes_approve_early(&f->s, m, "Træder i "
	    "kraft 1. april", &e), ERR_CONFLICT);
	assert_int_equal(meeting_minutes_circulate(&f->s, m, &e), 0);
	p = page(&mem, m);
	assert_true(p.show_minutes);
	assert_true(p.minutes_draft);
	assert_int_equal(meeting_minutes_signoff(&mem, m, &e), 0);
	assert_int_equal(meeting_minutes_signoff(&mem, m, &e), 0);
	p = page(&mem, m);
	assert_int_equal(p.signoffs, 1);
	assert_true(p.signed_off);
	assert_int_equal(p.voting_members, 1);
	/* Only the secretariat approves; a reason is required. */
	assert_int_equal(meeting_minutes_approve_early(&mem, m, "x", &e),
	    ERR_FORBIDDEN);
	assert_int_equal(meeting_minutes_approve_early(&f->s, m, "", &e),
	    ERR_INVALID);
	assert_int_equal(meeting_minutes_approve_early(&f->s, m, "Træder i "
	    "kraft 1. april", &e), 0);
	p = page(&f->s, m);
	assert_int_equal(p.m.state, MEETING_REFERAT_GODKENDT);
	assert_true(p.m.approved_early);
	/* The next meeting's approval item notes it. */
	{
		int64_t m2 = new_meeting(f, f->socdir, "2026-05-06T10:00");
		size_t i;
		state(f, m2, MEETING_INDKALDT);
		p = page(&f->s, m2);
		for (i = 0; i < p.nitems; i++)
			if (p.items[i].kind == ITEM_REFERAT)
				assert_int_equal(meeting_item_approve(&f->s,
				    p.items[i].id, &e), 0);
		p = page(&f->s, m2);
		assert_non_null(strstr(p.items[1].minutes, "før mødet"));
	}
}

static void
test_attachments(void **st)
{
	struct fixture		*f = *st;
	struct meeting_page	 p;
	struct err		 e;
	struct db_stmt		*s;
	int64_t			 m, it, a1, a2, blobs;
	char			*pdf;
	size_t			 len;

	m = new_meeting(f, f->socdir, "2026-03-06T10:00");
	it = add_item(f, m, SECTION_BEHANDLING, "Budget", false);
	pdf = make_pdf("Budget 2027", &len);
	assert_int_equal(meeting_attachment_add(&f->s, it, NULL,
	    "Bilag 2 Budget.pdf", pdf, len, false, "2026-1234", &a1, &e), 0);
	/* The same content again: a second attachment, one blob. */
	assert_int_equal(meeting_attachment_add(&f->s, it, "Samme budget",
	    NULL, pdf, len, false, NULL, &a2, &e), 0);
	free(pdf);
	s = db_prep(f->t.db, "SELECT count(*) FROM file_blob", &e);
	assert_int_equal(db_step(s, &e), DB_ROW);
	blobs = db_col_i64(s, 0);
	db_reset(s);
	assert_int_equal(blobs, 1);
	p = page(&f->s, m);
	assert_int_equal(p.items[1].nfiles, 2);
	assert_string_equal(p.items[1].files[0].name, "Bilag 2 Budget");
	assert_string_equal(p.items[1].files[0].media_type, "application/pdf");
	assert_string_equal(p.items[1].files[0].doc_no, "2026-1234");
	assert_int_equal(p.items[1].files[0].size, (int64_t)len);

	assert_int_equal(meeting_attachment_add(&f->s, it, "Noter", "x.txt",
	    "bare tekst", 10, false, NULL, &a1, &e), ERR_UNSUPPORTED);
	/* The size is refused before a byte is read. */
	assert_int_equal(meeting_attachment_add(&f->s, it, "Stor", "x.pdf",
	    "%PDF-1.4\n", MEETING_ATTACHMENT_MAX + 1, false, NULL, &a1, &e),
	    ERR_TOO_LARGE);
}

/* Items move within their section and are deleted; numbers follow. */
static void
test_move_and_delete(void **st)
{
	struct fixture		*f = *st;
	struct meeting_page	 p;
	struct err		 e;
	int64_t			 m, a, b, c, closed, mid = 0;

	m = new_meeting(f, f->socdir, "2026-03-06T10:00");
	a = add_item(f, m, SECTION_BEHANDLING, "A", false);
	b = add_item(f, m, SECTION_BEHANDLING, "B", false);
	c = add_item(f, m, SECTION_BEHANDLING, "C", false);
	closed = add_item(f, m, SECTION_LUKKET, "Lukket", false);
	/* dagsorden 1, A 2, B 3, C 4, Lukket 5, Evt. 6, Næste møde 7 */
	assert_int_equal(meeting_item_move(&f->s, c, -1, &e), 0);
	p = page(&f->s, m);
	assert_string_equal(p.items[1].title, "A");
	assert_string_equal(p.items[2].title, "C");
	assert_string_equal(p.items[3].title, "B");
	assert_int_equal(p.items[3].number, 4);
	/* Not across sections: A is the first of "Sager til behandling". */
	assert_int_equal(meeting_item_move(&f->s, a, -1, &e), ERR_CONFLICT);
	assert_string_equal(e.key, "cannot_move");
	assert_int_equal(meeting_item_move(&f->s, closed, 1, &e),
	    ERR_CONFLICT);
	assert_int_equal(meeting_item_move(&f->s, a, 2, &e), ERR_INVALID);

	assert_int_equal(meeting_item_delete(&f->s, c, &mid, &e), 0);
	assert_int_equal(mid, m);
	p = page(&f->s, m);
	assert_int_equal(p.nitems, 6);
	assert_string_equal(p.items[2].title, "B");
	for (size_t i = 0; i < p.nitems; i++)
		assert_int_equal(p.items[i].number, (int)i + 1);
	assert_int_equal(meeting_item_delete(&f->s, c, &mid, &e),
	    ERR_NOT_FOUND);

	/* An item with minutes stays. */
	state(f, m, MEETING_INDKALDT);
	state(f, m, MEETING_AFHOLDT);
	assert_int_equal(meeting_item_minutes(&f->s, b, "Drøftet.",
	    RESULT_DROEFTET, &e), 0);
	assert_int_equal(meeting_item_delete(&f->s, b, &mid, &e),
	    ERR_CONFLICT);
	assert_string_equal(e.key, "item_has_minutes");
	assert_int_equal(page(&f->s, m).nitems, 6);
}

static void
test_follow_ups(void **st)
{
	struct fixture		*f = *st;
	struct principal	 anon = { 0, "", ROLE_ANON, NULL };
	struct meeting_page	 p;
	struct svc		 pub;
	struct err		 e;
	int64_t			 m1, m2, it, fu, approve = 0;
	size_t			 i;

	svc_init(&pub, f->t.db, &f->a, &anon, NOW);
	m1 = new_meeting(f, f->socdir, "2026-03-06T10:00");
	it = add_item(f, m1, SECTION_BEHANDLING, "Halfway House", false);
	state(f, m1, MEETING_INDKALDT);
	state(f, m1, MEETING_AFHOLDT);
	assert_int_equal(meeting_item_minutes(&f->s, it, "Sekretariatet tager "
	    "kontakt til Hjørring.", RESULT_GODKENDT, &e), 0);
	assert_int_equal(meeting_follow_up_add(&f->s, it, "Bruttoliste til "
	    "KKR", "Sekretariatet", "2026-10-31", &fu, &e), 0);
	assert_int_equal(meeting_follow_up_add(&f->s, it, "x", NULL,
	    "31-10-2026", &fu, &e), ERR_INVALID);
	m2 = new_meeting(f, f->socdir, "2026-05-06T10:00");
	/* Open on the next agenda; the public sees it once approved. */
	p = page(&f->s, m2);
	assert_int_equal(p.nopen, 1);
	assert_string_equal(p.open[0].text, "Bruttoliste til KKR");
	assert_string_equal(p.open[0].due_on, "2026-10-31");
	state(f, m2, MEETING_INDKALDT);
	assert_int_equal(page(&pub, m2).nopen, 0);
	p = page(&f->s, m2);
	for (i = 0; i < p.nitems; i++)
		if (p.items[i].kind == ITEM_REFERAT)
			approve = p.items[i].id;
	assert_int_equal(meeting_item_approve(&f->s, approve, &e), 0);
	assert_int_equal(page(&pub, m2).nopen, 1);
	assert_int_equal(page(&pub, m1).nfollow_ups, 1);
	/* Until closed. */
	assert_int_equal(meeting_follow_up_set(&f->s, fu, "i_gang", &e), 0);
	assert_int_equal(page(&f->s, m2).nopen, 1);
	assert_int_equal(meeting_follow_up_set(&f->s, fu, "lukket", &e), 0);
	assert_int_equal(page(&f->s, m2).nopen, 0);
	assert_int_equal(meeting_follow_up_set(&f->s, fu, "færdig", &e),
	    ERR_INVALID);
}

static void
test_bodies_and_nominations(void **st)
{
	struct fixture		*f = *st;
	struct principal	 rd = { 77, "reader", ROLE_READER, NULL };
	struct body		 b, got;
	struct nomination	 nm, gotn;
	struct nominee		*x;
	struct membership	*mm;
	struct member_input	 in;
	const char		**codes, **names;
	struct svc		 s;
	struct err		 e;
	size_t			 nx, nmiss, n;
	int64_t			 gid, nid, xid, mid, sid;

	memset(&b, 0, sizeof(b));
	b.name = "Netværk for udsatte børn og unge";
	b.kind = "netvaerk";
	b.parent_id = f->socdir;
	b.mandate = "Erfaringsudveksling om anbringelser.";
	b.ends_on = "2027-12-31";
	assert_int_equal(body_save(&f->s, &b, &gid, &e), 0);
	assert_int_equal(body_get(&f->s, gid, &got, &e), 0);
	assert_string_equal(got.parent_name, "Socialdirektørkredsen");
	assert_string_equal(got.ends_on, "2027-12-31");
	assert_int_equal(body_save(&f->s, &b, &gid, &e), ERR_CONFLICT);
	/* A body cannot sit below itself. */
	got.parent_id = gid;
	assert_int_equal(body_save(&f->s, &got, &gid, &e), ERR_INVALID);
	svc_init(&s, f->t.db, &f->a, &rd, NOW);
	b.name = "Andet netværk";
	assert_int_equal(body_save(&s, &b, &gid, &e), ERR_FORBIDDEN);

	memset(&nm, 0, sizeof(nm));
	nm.body_id = gid;
	nm.title = "Udpegning af medlemmer";
	nm.deadline = "2011-09-15";
	nm.seats = 1;
	assert_int_equal(body_nomination_create(&f->s, &nm, &nid, &e), 0);
	assert_int_equal(body_nominee_add(&f->s, nid, "851", "Anne Madsen",
	    &xid, &e), 0);
	assert_int_equal(body_nominee_add(&f->s, nid, "1081", "Region Person",
	    &xid, &e), ERR_INVALID);
	assert_int_equal(body_nomination_get(&f->s, nid, &gotn, &x, &nx,
	    &codes, &names, &nmiss, &e), 0);
	assert_int_equal(gotn.answered, 1);
	assert_int_equal(gotn.asked, 3);
	assert_int_equal(nx, 1);
	assert_string_equal(x[0].person_name, "Anne Madsen");
	assert_int_equal(nmiss, 2);
	assert_string_equal(names[0], "Brønderslev");
	/* The nominee became a member on behalf of the municipality. */
	assert_int_equal(body_members(&f->s, gid, true, &mm, &n, &e), 0);
	assert_int_equal(n, 1);
	assert_string_equal(mm[0].on_behalf_of, "851");
	mid = mm[0].id;

	/* A substitute for that member. */
	memset(&in, 0, sizeof(in));
	in.name = "Bo Jensen";
	in.substitute_for = mid;
	in.on_behalf_of = "851";
	assert_int_equal(body_member_add(&f->s, gid, &in, &sid, &e), 0);
	assert_int_equal(body_members(&f->s, gid, true, &mm, &n, &e), 0);
	assert_int_equal(n, 2);
	assert_string_equal(mm[1].role, "stedfortraeder");
	assert_string_equal(mm[1].substitute_for_name, "Anne Madsen");
	in.substitute_for = 9999;
	assert_int_equal(body_member_add(&f->s, gid, &in, &sid, &e),
	    ERR_INVALID);
	/* Ending a membership: not before it began. */
	assert_int_equal(body_member_end(&f->s, mid, "2023-01-01", &e),
	    ERR_INVALID);
	assert_int_equal(body_member_end(&f->s, mid, "2023-11-14", &e), 0);
	assert_int_equal(body_members(&f->s, gid, false, &mm, &n, &e), 0);
	assert_int_equal(n, 2);
	assert_string_equal(mm[0].ends_on, "2023-11-14");
}

static void
test_earlier_recommendation(void **st)
{
	struct fixture		*f = *st;
	struct principal	 anon = { 0, "", ROLE_ANON, NULL };
	struct item_input	 in;
	struct meeting_page	 p;
	struct svc		 pub;
	struct err		 e;
	int64_t			 das, soc, das_item, closed_item, it;
	size_t			 i;

	svc_init(&pub, f->t.db, &f->a, &anon, NOW);
	das = new_meeting(f, f->das, "2026-02-01T10:00");
	das_item = add_item(f, das, SECTION_BEHANDLING, "Styringsaftalen",
	    false);
	closed_item = add_item(f, das, SECTION_LUKKET, "Lukket sag", false);
	state(f, das, MEETING_INDKALDT);
	soc = new_meeting(f, f->socdir, "2026-03-01T10:00");
	memset(&in, 0, sizeof(in));
	in.section = SECTION_BEHANDLING;
	in.title = "Styringsaftalen (fra DAS)";
	in.earlier_item = das_item;
	assert_int_equal(meeting_item_add(&f->s, soc, &in, &it, &e), 0);
	in.title = "Lukket sag (fra DAS)";
	in.earlier_item = closed_item;
	assert_int_equal(meeting_item_add(&f->s, soc, &in, &it, &e), 0);
	in.title = "Fra KKR";
	in.earlier_item = 0;
	in.earlier_body = f->das;
	in.earlier_text = "DAS anbefaler modellen.";
	assert_int_equal(meeting_item_add(&f->s, soc, &in, &it, &e), 0);
	/* An item cannot carry its own meeting's recommendation. */
	in.earlier_item = it;
	assert_int_equal(meeting_item_add(&f->s, soc, &in, &it, &e),
	    ERR_INVALID);
	state(f, soc, MEETING_INDKALDT);
	p = page(&pub, soc);
	for (i = 0; i < p.nitems; i++) {
		if (strcmp(p.items[i].title, "Styringsaftalen (fra DAS)") == 0) {
			assert_non_null(p.earlier[i]);
			assert_non_null(strstr(p.earlier[i], "Den Administrative "
			    "Styregruppe, 1. februar 2026 (punkt 2): Det "
			    "indstilles"));
		} else if (strcmp(p.items[i].title, "Lukket sag (fra DAS)") == 0)
			assert_null(p.earlier[i]);
		else if (strcmp(p.items[i].title, "Fra KKR") == 0)
			assert_string_equal(p.earlier[i], "Den Administrative "
			    "Styregruppe: DAS anbefaler modellen.");
	}
}

static void
test_search_filters(void **st)
{
	struct fixture		*f = *st;
	struct search_filter	 sf;
	struct search_hit	*h;
	struct err		 e;
	int64_t			 m, total;
	size_t			 n;

	m = new_meeting(f, f->das, "2025-02-01T10:00");
	add_item(f, m, SECTION_EFTERRETNING, "Takstanalyse for botilbud",
	    false);
	state(f, m, MEETING_INDKALDT);
	m = new_meeting(f, f->socdir, "2026-02-01T10:00");
	add_item(f, m, SECTION_BEHANDLING, "Takstanalyse i kredsen", false);
	state(f, m, MEETING_INDKALDT);
	memset(&sf, 0, sizeof(sf));
	sf.limit = 20;
	assert_int_equal(meeting_search(&f->s, "takstanal", &sf, &h, &n,
	    &total, &e), 0);
	assert_int_equal(total, 2);
	assert_non_null(strchr(h[0].snippet, '\001'));
	sf.body_id = f->das;
	assert_int_equal(meeting_search(&f->s, "takstanalyse", &sf, &h, &n,
	    &total, &e), 0);
	assert_int_equal(total, 1);
	assert_string_equal(h[0].body_name, "Den Administrative Styregruppe");
	sf.body_id = 0;
	sf.year = 2026;
	assert_int_equal(meeting_search(&f->s, "takstanalyse", &sf, &h, &n,
	    &total, &e), 0);
	assert_int_equal(total, 1);
	sf.year = 0;
	sf.section = "efterretning";
	assert_int_equal(meeting_search(&f->s, "takstanalyse", &sf, &h, &n,
	    &total, &e), 0);
	assert_int_equal(total, 1);
	sf.section = "nope";
	assert_int_equal(meeting_search(&f->s, "takstanalyse", &sf, &h, &n,
	    &total, &e), ERR_INVALID);
	sf.section = NULL;
	/* FTS syntax in the user's words is only words. */
	assert_int_equal(meeting_search(&f->s, "\"takst* OR NEAR(", &sf, &h,
	    &n, &total, &e), 0);
	assert_int_equal(meeting_search(&f->s, "  ,, ", &sf, &h, &n, &total,
	    &e), ERR_INVALID);
	/* A last word of two letters or more is a prefix, one letter not. */
	assert_int_equal(meeting_search(&f->s, "takstanalyse bo", &sf, &h,
	    &n, &total, &e), 0);
	assert_int_equal(total, 1);
	assert_int_equal(meeting_search(&f->s, "takstanalyse b", &sf, &h,
	    &n, &total, &e), 0);
	assert_int_equal(total, 0);
	assert_int_equal(meeting_search(&f->s, "takstanalyse i", &sf, &h,
	    &n, &total, &e), 0);
	assert_int_equal(total, 1);
	assert_string_equal(h[0].title, "Takstanalyse i kredsen");
	assert_string_equal(h[0].section, "behandling");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_rules),
		cmocka_unit_test_setup_teardown(
		    test_numbering_and_standard_items, setup, teardown),
		cmocka_unit_test_setup_teardown(test_state_changes, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_roles, setup, teardown),
		cmocka_unit_test_setup_teardown(test_import_fixtures, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(
		    test_closed_content_never_public, setup, teardown),
		cmocka_unit_test_setup_teardown(test_minutes_loop, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(
		    test_early_approval_and_signoff, setup, teardown),
		cmocka_unit_test_setup_teardown(test_attachments, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_move_and_delete, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_follow_ups, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_bodies_and_nominations,
		    setup, teardown),
		cmocka_unit_test_setup_teardown(test_earlier_recommendation,
		    setup, teardown),
		cmocka_unit_test_setup_teardown(test_search_filters, setup,
		    teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
