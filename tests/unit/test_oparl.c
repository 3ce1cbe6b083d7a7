/*
 * Unit tests for src/report/oparl.c: ids and types, the meeting with its
 * agenda items and files (closed ones never present), times with the
 * Danish offset, draft minutes held back, extensions, tombstones and
 * list pagination.
 *
 * `test_oparl --write-samples DIR` writes one JSON file per sample
 * object (and list) into DIR and exits; tests/http/oparl_schema.test.mjs
 * validates those against the OParl 1.1 JSON schemas with ajv.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "meeting_fixture.h"
#include "report/meeting_view.h"
#include "report/oparl.h"
#include "util/buf.h"
#include "util/err.h"

#define BASE	"https://ramme.example.dk/oparl/v1"

static const struct oparl_ctx ctx = {
	.base = BASE "/",
	.site = "https://ramme.example.dk",
	.body = "nordjylland",
	.license = "https://creativecommons.org/licenses/by/4.0/",
	.meeting_pdfs = true,
};

static const struct oparl_legislative_term term = {
	.id = 1, .name = "Rammeaftaleperioden 2011–2012",
	.start_date = "2011-01-01", .end_date = "2012-12-31",
	.created = "2011-01-01T00:00:00Z",
};

static const struct oparl_location loc = {
	.id = 3, .description = "Boulevarden 13, 9000 Aalborg",
	.street_address = "Boulevarden 13", .room = "repræsentationslokale 3",
	.postal_code = "9000", .locality = "Aalborg", .has_point = true,
	.lat = 57.0463, .lon = 9.9215, .created = "2011-01-01T00:00:00Z",
	.modified = "2011-02-01T00:00:00Z",
};

static const struct oparl_membership memberships[] = {
	{ .id = 21, .person_id = 5, .organization_key = "socdir",
	  .role = "medlem", .voting_right = OPARL_VOTE_YES,
	  .start_date = "2011-01-01", .on_behalf_of_key = "851",
	  .created = "2011-01-01T00:00:00Z" },
	{ .id = 22, .person_id = 5, .organization_key = "fu",
	  .role = "formand", .voting_right = OPARL_VOTE_NO,
	  .start_date = "2011-01-01", .end_date = "2011-12-31",
	  .substitute_for = 21, .created = "2011-01-01T00:00:00Z" },
};

static const char *const posts[] = { "formand", "næstformand" };
static const int64_t member_ids[] = { 21, 23 };

static const struct oparl_organization orgs[] = {
	{ .key = "socdir", .name = "Socialdirektørkredsen",
	  .short_name = "SOCDIR", .organization_type = "Gremium",
	  .classification = "Direktørkreds", .posts = posts, .nposts = 2,
	  .membership_ids = member_ids, .nmemberships = 2,
	  .created = "2011-01-01T00:00:00Z", .modified =
	  "2011-06-01T00:00:00Z" },
	{ .key = "ag-takst", .name = "Arbejdsgruppe om takster",
	  .organization_type = "Gremium", .classification = "Arbejdsgruppe",
	  .parent_key = "das", .start_date = "2011-09-01",
	  .end_date = "2012-06-30", .mandate = "Foreslå en fælles model for "
	  "differentierede takster.", .created = "2011-08-15T10:00:00Z" },
	{ .key = "851", .name = "Aalborg Kommune",
	  .organization_type = "Institution", .classification = "Kommune",
	  .municipality_code = "851", .website = "https://www.aalborg.dk",
	  .created = "2011-01-01T00:00:00Z" },
};

static const struct oparl_person person = {
	.id = 5, .name = "Dorte Jende", .given_name = "Dorte",
	.family_name = "Jende", .status = "Socialdirektør",
	.email = "dj@example.dk", .memberships = memberships,
	.nmemberships = 2, .created = "2011-01-01T00:00:00Z",
	.modified = "2011-03-01T00:00:00Z",
};

static const struct oparl_system sys = {
	.name = "Rammeaftalesekretariatet Nordjylland",
	.contact_email = "ramme@example.dk", .contact_name = "Sekretariatet",
	.website = "https://ramme.example.dk",
	.vendor = "https://ramme.example.dk/om", .created =
	"2011-10-12T00:00:00Z",
};

static const struct oparl_body body = {
	.name = "Rammeaftale Nordjylland", .short_name = "Nordjylland",
	.website = "https://ramme.example.dk", .contact_email =
	"ramme@example.dk", .classification = "Kommunalt samarbejde",
	.terms = &term, .nterms = 1, .location = &loc,
	.created = "2011-10-12T00:00:00Z",
};

/* The JSON text of j (freed by the caller). */
static char *
dump(json_t *j)
{
	char	*s = json_dumps(j, JSON_SORT_KEYS | JSON_INDENT(2));

	assert_non_null(s);
	return s;
}

static const char *
str(json_t *o, const char *key)
{
	json_t	*v = json_object_get(o, key);

	return json_is_string(v) ? json_string_value(v) : NULL;
}

static void
test_simple_objects(void **state)
{
	struct err	 e;
	json_t		*o, *a;

	(void)state;
	assert_int_equal(oparl_system(&ctx, &sys, &o, &e), 0);
	assert_string_equal(str(o, "id"), BASE);
	assert_string_equal(str(o, "type"),
	    "https://schema.oparl.org/1.1/System");
	assert_string_equal(str(o, "oparlVersion"),
	    "https://schema.oparl.org/1.1/");
	assert_string_equal(str(o, "body"), BASE "/bodies");
	assert_string_equal(str(o, "created"), "2011-10-12T00:00:00Z");
	assert_string_equal(str(o, "modified"), "2011-10-12T00:00:00Z");
	json_decref(o);

	assert_int_equal(oparl_body(&ctx, &body, &o, &e), 0);
	assert_string_equal(str(o, "id"), BASE "/body/nordjylland");
	assert_string_equal(str(o, "meeting"),
	    BASE "/body/nordjylland/meetings");
	assert_string_equal(str(o, "legislativeTermList"),
	    BASE "/body/nordjylland/legislativeTerms");
	a = json_object_get(o, "legislativeTerm");
	assert_int_equal(json_array_size(a), 1);
	assert_string_equal(str(json_array_get(a, 0), "id"),
	    BASE "/legislativeTerm/1");
	assert_string_equal(str(json_object_get(o, "location"), "room"),
	    "repræsentationslokale 3");
	json_decref(o);

	assert_int_equal(oparl_organization(&ctx, &orgs[1], &o, &e), 0);
	assert_string_equal(str(o, "id"), BASE "/organization/ag-takst");
	assert_string_equal(str(o, "subOrganizationOf"),
	    BASE "/organization/das");
	assert_string_equal(str(o, "endDate"), "2012-06-30");
	assert_non_null(str(o, "ramme:mandate"));
	json_decref(o);

	assert_int_equal(oparl_person(&ctx, &person, &o, &e), 0);
	a = json_object_get(o, "membership");
	assert_int_equal(json_array_size(a), 2);
	assert_string_equal(str(json_array_get(a, 0), "onBehalfOf"),
	    BASE "/organization/851");
	assert_true(json_is_true(json_object_get(json_array_get(a, 0),
	    "votingRight")));
	assert_string_equal(str(json_array_get(a, 1), "ramme:substituteFor"),
	    BASE "/membership/21");
	assert_string_equal(json_string_value(json_array_get(
	    json_object_get(o, "email"), 0)), "dj@example.dk");
	assert_null(json_object_get(o, "phone"));
	json_decref(o);

	assert_int_equal(oparl_location(&ctx, &loc, &o, &e), 0);
	a = json_object_get(json_object_get(json_object_get(o, "geojson"),
	    "geometry"), "coordinates");
	assert_true(json_real_value(json_array_get(a, 0)) > 9.0);	/* lon */
	json_decref(o);
}

static void
test_invalid(void **state)
{
	struct oparl_ctx		bad = ctx;
	struct oparl_organization	g = orgs[0];
	struct oparl_membership		m = memberships[0];
	struct meeting_fixture		f;
	struct err			e;
	json_t				*o = json_null();

	(void)state;
	bad.base = "ramme.example.dk/oparl";
	assert_int_equal(oparl_system(&bad, &sys, &o, &e), ERR_INVALID);
	assert_string_equal(e.key, "invalid_ctx");
	assert_null(o);
	g.key = "a/b";
	assert_int_equal(oparl_organization(&ctx, &g, &o, &e), ERR_INVALID);
	assert_string_equal(e.key, "missing_key");
	m.start_date = "2011-02-30";
	assert_int_equal(oparl_membership(&ctx, &m, &o, &e), ERR_INVALID);
	assert_string_equal(e.key, "invalid_date");
	m = memberships[0];
	m.created = "igår";
	assert_int_equal(oparl_membership(&ctx, &m, &o, &e), ERR_INVALID);
	assert_string_equal(e.key, "invalid_timestamp");
	assert_null(o);
	meeting_fixture_init(&f);
	f.v.start = "6. oktober";
	assert_int_equal(oparl_meeting(&ctx, &f.v, &o, &e), ERR_INVALID);
	assert_string_equal(e.key, "invalid_start");
	assert_null(o);
}

static void
test_meeting(void **state)
{
	struct meeting_fixture	 f;
	struct err		 e;
	json_t			*o, *items, *it, *files;
	char			*s;
	size_t			 i;

	(void)state;
	meeting_fixture_init(&f);
	assert_int_equal(oparl_meeting(&ctx, &f.v, &o, &e), 0);
	s = dump(o);
	assert_null(fixture_marker_in(s));
	assert_string_equal(str(o, "id"), BASE "/meeting/7");
	assert_string_equal(str(o, "name"), "Møde i Socialdirektørkredsen");
	assert_string_equal(str(o, "start"), "2011-10-06T13:00:00+02:00");
	assert_string_equal(str(o, "end"), "2011-10-06T16:00:00+02:00");
	assert_string_equal(str(o, "meetingState"), "durchgeführt");
	assert_string_equal(str(o, "ramme:state"), "referat_godkendt");
	assert_string_equal(str(o, "ramme:minutesStatus"), "approved");
	assert_string_equal(str(o, "ramme:minutesApproved"),
	    "2011-12-14T15:00:00Z");
	assert_string_equal(str(o, "ramme:caseNumber"), "2011-43820");
	assert_string_equal(str(o, "ramme:documentNumber"), "2011-296084");
	assert_string_equal(str(o, "web"), "https://ramme.example.dk/moeder/7");
	assert_false(json_is_true(json_object_get(o, "cancelled")));
	assert_string_equal(json_string_value(json_array_get(
	    json_object_get(o, "organization"), 0)),
	    BASE "/organization/socdir");
	assert_string_equal(str(json_object_get(o, "location"), "room"),
	    "repræsentationslokale 3");
	assert_string_equal(str(json_object_get(o, "invitation"), "accessUrl"),
	    BASE "/meeting/7/agenda.pdf");
	assert_string_equal(str(json_object_get(o, "resultsProtocol"),
	    "accessUrl"), BASE "/meeting/7/minutes.pdf");
	assert_int_equal(json_array_size(json_object_get(o, "ramme:afbud")),
	    2);
	assert_string_equal(str(json_array_get(json_object_get(o,
	    "ramme:afbud"), 0), "substitute"), "Per Heitmann");
	assert_int_equal(json_array_size(json_object_get(o,
	    "ramme:attendees")), 4);
	assert_non_null(strstr(s, FIXTURE_DANISH));

	/* Six open items, order 0..5 without a gap where the closed was. */
	items = json_object_get(o, "agendaItem");
	assert_int_equal(json_array_size(items), 6);
	for (i = 0; i < 6; i++) {
		it = json_array_get(items, i);
		assert_int_equal(json_integer_value(json_object_get(it,
		    "order")), (json_int_t)i);
		assert_true(json_is_true(json_object_get(it, "public")));
		assert_string_equal(str(it, "meeting"), BASE "/meeting/7");
	}
	it = json_array_get(items, 2);
	assert_string_equal(str(it, "id"), BASE "/agendaItem/13");
	assert_string_equal(str(it, "number"), "3");
	assert_string_equal(str(it, "ramme:presenter"), "HETH");
	assert_string_equal(str(it, "ramme:section"), "Sager til behandling");
	assert_non_null(strstr(str(it, "ramme:recommendation"),
	    "Det indstilles"));
	assert_string_equal(str(it, "result"), "drøftet");
	assert_non_null(strstr(str(it, "resolutionText"),
	    FIXTURE_OPEN_MINUTES));
	/* Bilag 1 and 3; Bilag 2 is closed. */
	files = json_object_get(it, "auxiliaryFile");
	assert_int_equal(json_array_size(files), 2);
	assert_string_equal(str(json_array_get(files, 0), "id"),
	    BASE "/file/101");
	assert_string_equal(str(json_array_get(files, 0), "accessUrl"),
	    "https://ramme.example.dk/filer/bilag-1.pdf");
	assert_int_equal(json_integer_value(json_object_get(json_array_get(
	    files, 0), "size")), 123456);
	/* No id and no URL: a derived id, which is also the accessUrl. */
	assert_string_equal(str(json_array_get(files, 1), "id"),
	    BASE "/meeting/7/file/3-2");
	assert_string_equal(str(json_array_get(files, 1), "accessUrl"),
	    BASE "/meeting/7/file/3-2");
	it = json_array_get(items, 5);
	assert_string_equal(str(it, "id"), BASE "/meeting/7/agendaItem/7");
	assert_string_equal(str(it, "number"), "7");
	free(s);
	json_decref(o);
}

static void
test_draft_and_cancelled(void **state)
{
	struct meeting_fixture	 f;
	struct err		 e;
	json_t			*o, *it;
	char			*s;

	(void)state;
	meeting_fixture_init(&f);
	f.v.state = "referat_udkast";
	f.v.minutes_approved_at = NULL;
	f.v.start = "2012-01-12T09:00";
	f.v.end = NULL;
	assert_int_equal(oparl_meeting(&ctx, &f.v, &o, &e), 0);
	s = dump(o);
	/* Draft minutes stay with the members. */
	assert_null(strstr(s, FIXTURE_OPEN_MINUTES));
	assert_null(strstr(s, "resolutionText"));
	assert_null(json_object_get(o, "resultsProtocol"));
	assert_non_null(json_object_get(o, "invitation"));
	assert_string_equal(str(o, "ramme:minutesStatus"), "draft");
	assert_string_equal(str(o, "meetingState"), "eingeladen");
	assert_string_equal(str(o, "start"), "2012-01-12T09:00:00+01:00");
	assert_null(json_object_get(o, "end"));
	it = json_array_get(json_object_get(o, "agendaItem"), 0);
	assert_null(json_object_get(it, "result"));
	free(s);
	json_decref(o);

	f.v.state = "aflyst";
	f.v.cancelled = true;
	assert_int_equal(oparl_meeting(&ctx, &f.v, &o, &e), 0);
	assert_true(json_is_true(json_object_get(o, "cancelled")));
	assert_string_equal(str(o, "meetingState"), "terminiert");
	assert_string_equal(str(o, "ramme:minutesStatus"), "none");
	json_decref(o);
}

static void
test_item_and_file_lists(void **state)
{
	struct meeting_fixture	 f;
	struct err		 e;
	json_t			*a;
	char			*s;

	(void)state;
	meeting_fixture_init(&f);
	a = json_array();
	assert_int_equal(oparl_agenda_items(&ctx, &f.v, a, &e), 0);
	assert_int_equal(json_array_size(a), 6);
	assert_int_equal(oparl_files(&ctx, &f.v, a, &e), 0);
	assert_int_equal(json_array_size(a), 8);
	assert_string_equal(str(json_array_get(a, 6), "type"),
	    "https://schema.oparl.org/1.1/File");
	assert_string_equal(json_string_value(json_array_get(json_object_get(
	    json_array_get(a, 6), "agendaItem"), 0)), BASE "/agendaItem/13");
	s = dump(a);
	assert_null(fixture_marker_in(s));
	free(s);
	json_decref(a);
}

static void
test_utf8_cleaned(void **state)
{
	struct meeting_fixture	 f;
	struct err		 e;
	json_t			*o;

	(void)state;
	meeting_fixture_init(&f);
	f.v.title = "M\xf8" "de";	/* Latin-1 ø, invalid UTF-8 */
	assert_int_equal(oparl_meeting(&ctx, &f.v, &o, &e), 0);
	assert_string_equal(str(o, "name"), "M\xef\xbf\xbd" "de");
	json_decref(o);
}

static void
test_empty_meeting(void **state)
{
	struct meeting_view	 v;
	struct err		 e;
	json_t			*o;

	(void)state;
	memset(&v, 0, sizeof(v));
	v.id = 1;
	assert_int_equal(oparl_meeting(&ctx, &v, &o, &e), 0);
	assert_string_equal(str(o, "id"), BASE "/meeting/1");
	assert_int_equal(json_array_size(json_object_get(o, "agendaItem")), 0);
	assert_null(json_object_get(o, "start"));
	assert_null(json_object_get(o, "location"));
	json_decref(o);
}

static void
test_tombstone(void **state)
{
	struct err	 e;
	json_t		*o;

	(void)state;
	assert_int_equal(oparl_tombstone(&ctx, OPARL_MEETING, "8",
	    "2011-09-01T08:00:00Z", "2011-11-01T10:00:00Z", &o, &e), 0);
	assert_string_equal(str(o, "id"), BASE "/meeting/8");
	assert_true(json_is_true(json_object_get(o, "deleted")));
	assert_string_equal(str(o, "modified"), "2011-11-01T10:00:00Z");
	assert_int_equal(json_object_size(o), 5);
	assert_null(json_object_get(o, "name"));
	json_decref(o);
	assert_int_equal(oparl_tombstone(&ctx, OPARL_FILE, "102", NULL,
	    "2011-11-01T10:00:00Z", &o, &e), 0);
	assert_string_equal(str(o, "accessUrl"), BASE "/file/102");
	json_decref(o);
	assert_int_equal(oparl_tombstone(&ctx, OPARL_PERSON, "", NULL, NULL,
	    &o, &e), ERR_INVALID);
}

static void
test_list(void **state)
{
	struct err	 e;
	json_t		*o, *links, *pg;

	(void)state;
	assert_int_equal(oparl_list(BASE "/body/nordjylland/meetings",
	    json_array(), 250, 100, 2, &o, &e), 0);
	pg = json_object_get(o, "pagination");
	assert_int_equal(json_integer_value(json_object_get(pg,
	    "totalPages")), 3);
	assert_int_equal(json_integer_value(json_object_get(pg,
	    "currentPage")), 2);
	links = json_object_get(o, "links");
	assert_string_equal(str(links, "first"),
	    BASE "/body/nordjylland/meetings?page=1");
	assert_string_equal(str(links, "prev"),
	    BASE "/body/nordjylland/meetings?page=1");
	assert_string_equal(str(links, "next"),
	    BASE "/body/nordjylland/meetings?page=3");
	assert_string_equal(str(links, "last"),
	    BASE "/body/nordjylland/meetings?page=3");
	json_decref(o);

	assert_int_equal(oparl_list(BASE "/x?modified_since=2011-01-01",
	    json_array(), 0, 100, 1, &o, &e), 0);
	links = json_object_get(o, "links");
	assert_string_equal(str(links, "last"),
	    BASE "/x?modified_since=2011-01-01&page=1");
	assert_null(json_object_get(links, "prev"));
	assert_null(json_object_get(links, "next"));
	assert_int_equal(json_integer_value(json_object_get(json_object_get(o,
	    "pagination"), "totalPages")), 1);
	json_decref(o);

	assert_int_equal(oparl_list(BASE "/x", json_array(), 10, 5, 3, &o,
	    &e), ERR_NOT_FOUND);
	assert_string_equal(e.key, "page_not_found");
	assert_int_equal(oparl_list(BASE "/x", json_array(), 10, 0, 1, &o,
	    &e), ERR_INVALID);
	assert_null(o);
}

/* ---- --write-samples DIR --------------------------------------------- */

static int
save(const char *dir, const char *name, json_t *j)
{
	char	path[1024];
	int	rc;

	if (j == NULL) {
		fprintf(stderr, "test_oparl: no object for %s\n", name);
		return 1;
	}
	snprintf(path, sizeof(path), "%s/%s.json", dir, name);
	rc = json_dump_file(j, path, JSON_INDENT(2) | JSON_SORT_KEYS);
	json_decref(j);
	if (rc != 0)
		fprintf(stderr, "test_oparl: cannot write %s\n", path);
	return rc != 0;
}

static int
write_samples(const char *dir)
{
	static const enum oparl_type dead[] = { OPARL_SYSTEM, OPARL_BODY,
	    OPARL_ORGANIZATION, OPARL_PERSON, OPARL_MEMBERSHIP,
	    OPARL_MEETING, OPARL_AGENDA_ITEM, OPARL_FILE, OPARL_LOCATION,
	    OPARL_LEGISLATIVE_TERM, OPARL_PAPER, OPARL_CONSULTATION };
	struct meeting_fixture	 f, g;
	struct err		 e;
	json_t			*o, *a, *l;
	size_t			 i;
	int			 bad = 0;
	char			 name[64];

	meeting_fixture_init(&f);
	meeting_fixture_init(&g);
	g.v.id = 8;
	g.v.state = "aflyst";
	g.v.cancelled = true;
	g.v.start = "2012-01-12T09:00";
	g.v.end = NULL;
	g.v.place = NULL;
	g.v.room = NULL;
	g.v.minutes_approved_at = NULL;

	bad |= oparl_system(&ctx, &sys, &o, &e) || save(dir, "System", o);
	bad |= oparl_body(&ctx, &body, &o, &e) || save(dir, "Body", o);
	for (i = 0; i < sizeof(orgs) / sizeof(orgs[0]); i++) {
		snprintf(name, sizeof(name), "Organization-%s", orgs[i].key);
		bad |= oparl_organization(&ctx, &orgs[i], &o, &e) ||
		    save(dir, name, o);
	}
	bad |= oparl_person(&ctx, &person, &o, &e) || save(dir, "Person", o);
	bad |= oparl_membership(&ctx, &memberships[1], &o, &e) ||
	    save(dir, "Membership", o);
	bad |= oparl_location(&ctx, &loc, &o, &e) || save(dir, "Location", o);
	bad |= oparl_legislative_term(&ctx, &term, &o, &e) ||
	    save(dir, "LegislativeTerm", o);
	bad |= oparl_meeting(&ctx, &f.v, &o, &e) || save(dir, "Meeting", o);
	bad |= oparl_meeting(&ctx, &g.v, &o, &e) ||
	    save(dir, "Meeting-cancelled", o);
	a = json_array();
	bad |= oparl_agenda_items(&ctx, &f.v, a, &e);
	bad |= save(dir, "AgendaItem", json_incref(json_array_get(a, 2)));
	bad |= oparl_list(BASE "/body/nordjylland/agendaItems", a, 6, 100, 1,
	    &l, &e) || save(dir, "list-agendaItems", l);
	a = json_array();
	bad |= oparl_files(&ctx, &f.v, a, &e);
	bad |= save(dir, "File", json_incref(json_array_get(a, 0)));
	bad |= oparl_list(BASE "/body/nordjylland/files", a, 5, 2, 2, &l, &e) ||
	    save(dir, "list-files", l);
	a = json_array();
	bad |= oparl_meeting(&ctx, &f.v, &o, &e);
	json_array_append_new(a, o);
	bad |= oparl_tombstone(&ctx, OPARL_MEETING, "9",
	    "2011-09-01T08:00:00Z", "2011-11-01T10:00:00Z", &o, &e);
	json_array_append_new(a, o);
	bad |= oparl_list(BASE "/body/nordjylland/meetings?modified_since="
	    "2011-10-01T00:00:00Z", a, 2, 100, 1, &l, &e) ||
	    save(dir, "list-meetings", l);
	for (i = 0; i < sizeof(dead) / sizeof(dead[0]); i++) {
		bad |= oparl_tombstone(&ctx, dead[i], "99",
		    "2011-09-01T08:00:00Z", "2011-11-01T10:00:00Z", &o, &e);
		snprintf(name, sizeof(name), "deleted-%zu", i);
		bad |= save(dir, name, o);
	}
	if (bad)
		fprintf(stderr, "test_oparl: %s: %s\n", e.key, e.msg);
	return bad ? 1 : 0;
}

int
main(int argc, char **argv)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_simple_objects),
		cmocka_unit_test(test_invalid),
		cmocka_unit_test(test_meeting),
		cmocka_unit_test(test_draft_and_cancelled),
		cmocka_unit_test(test_item_and_file_lists),
		cmocka_unit_test(test_utf8_cleaned),
		cmocka_unit_test(test_empty_meeting),
		cmocka_unit_test(test_tombstone),
		cmocka_unit_test(test_list),
	};

	if (argc == 3 && strcmp(argv[1], "--write-samples") == 0)
		return write_samples(argv[2]);
	return cmocka_run_group_tests(tests, NULL, NULL);
}
