/*
 * oparl — OParl 1.1 JSON serializers (see oparl.h, docs/oparl.md).
 *
 * Objects are assembled with jansson. Strings go through jstr(), which
 * cleans them to well-formed UTF-8 first (jansson refuses anything else);
 * empty and NULL strings are left out rather than written as "" or null,
 * because OParl says to omit unknown values. Timestamps are normalised
 * to RFC 3339 UTC ("2011-10-01T12:00:00Z"), meeting times to Danish
 * local time with its offset ("2011-10-06T13:00:00+02:00").
 *
 * This file owns the types and URLs, the register's objects (System,
 * Body, Organization, Person, Membership, LegislativeTerm, Location),
 * tombstones and list pages; a Meeting, its AgendaItems and Files are in
 * oparl_meeting.c; the helpers they share in oparl_impl.h.
 */
#include <stdio.h>
#include <string.h>

#include "report/meeting_fmt.h"
#include "report/meeting_view.h"
#include "report/oparl.h"
#include "report/oparl_impl.h"
#include "util/buf.h"
#include "util/err.h"
#include "util/text.h"

static const struct {
	const char	*name;		/* type name in the schema URL */
	const char	*path;		/* URL segment of objects */
	const char	*list;		/* URL segment of the Body's list */
} types[] = {
	[OPARL_SYSTEM]		= { "System", "", "" },
	[OPARL_BODY]		= { "Body", "body", "bodies" },
	[OPARL_ORGANIZATION]	= { "Organization", "organization",
				    "organizations" },
	[OPARL_PERSON]		= { "Person", "person", "people" },
	[OPARL_MEMBERSHIP]	= { "Membership", "membership",
				    "memberships" },
	[OPARL_MEETING]		= { "Meeting", "meeting", "meetings" },
	[OPARL_AGENDA_ITEM]	= { "AgendaItem", "agendaItem",
				    "agendaItems" },
	[OPARL_FILE]		= { "File", "file", "files" },
	[OPARL_LOCATION]	= { "Location", "location", "locations" },
	[OPARL_LEGISLATIVE_TERM] = { "LegislativeTerm", "legislativeTerm",
				    "legislativeTerms" },
	[OPARL_PAPER]		= { "Paper", "paper", "papers" },
	[OPARL_CONSULTATION]	= { "Consultation", "consultation",
				    "consultations" },
};

static const char *type_urls[] = {
	[OPARL_SYSTEM]		= OPARL_VERSION "System",
	[OPARL_BODY]		= OPARL_VERSION "Body",
	[OPARL_ORGANIZATION]	= OPARL_VERSION "Organization",
	[OPARL_PERSON]		= OPARL_VERSION "Person",
	[OPARL_MEMBERSHIP]	= OPARL_VERSION "Membership",
	[OPARL_MEETING]		= OPARL_VERSION "Meeting",
	[OPARL_AGENDA_ITEM]	= OPARL_VERSION "AgendaItem",
	[OPARL_FILE]		= OPARL_VERSION "File",
	[OPARL_LOCATION]	= OPARL_VERSION "Location",
	[OPARL_LEGISLATIVE_TERM] = OPARL_VERSION "LegislativeTerm",
	[OPARL_PAPER]		= OPARL_VERSION "Paper",
	[OPARL_CONSULTATION]	= OPARL_VERSION "Consultation",
};

const char *
oparl_type_url(enum oparl_type t)
{
	return type_urls[t];
}

/* The base without trailing slashes. */
static void
put_base(struct buf *out, const struct oparl_ctx *c)
{
	size_t	n = strlen(c->base);

	while (n > 0 && c->base[n - 1] == '/')
		n--;
	buf_append(out, c->base, n);
}

void
oparl_url(struct buf *out, const struct oparl_ctx *c, enum oparl_type t,
    const char *segment)
{
	put_base(out, c);
	if (t == OPARL_SYSTEM)
		return;
	buf_printf(out, "/%s/%s", types[t].path, segment);
}

void
oparl_list_url(struct buf *out, const struct oparl_ctx *c, enum oparl_type t)
{
	put_base(out, c);
	if (t == OPARL_BODY || t == OPARL_SYSTEM)
		buf_puts(out, "/bodies");
	else
		buf_printf(out, "/body/%s/%s", c->body, types[t].list);
}

int
oparl_system(const struct oparl_ctx *c, const struct oparl_system *s,
    json_t **out, struct err *e)
{
	json_t	*o;
	int	 rc;

	*out = NULL;
	if ((rc = check_ctx(c, e)) != 0)
		return rc;
	o = object(c, OPARL_SYSTEM, "");
	json_object_set_new(o, "oparlVersion", json_string(OPARL_VERSION));
	set_list_url(o, "body", c, OPARL_BODY);
	set_str(o, "name", s->name);
	set_str(o, "contactEmail", s->contact_email);
	set_str(o, "contactName", s->contact_name);
	set_link(o, "website", c, s->website);
	set_link(o, "vendor", c, s->vendor);
	set_link(o, "product", c, s->product);
	set_link(o, "license", c, c->license);
	set_link(o, "web", c, s->website);
	return finish(o, set_stamps(o, s->created, s->modified, e), out);
}

static int
term_json(const struct oparl_ctx *c, const struct oparl_legislative_term *t,
    json_t **out, struct err *e)
{
	json_t	*o;
	int	 rc;

	o = object_id(c, OPARL_LEGISLATIVE_TERM, t->id);
	set_url(o, "body", c, OPARL_BODY, c->body);
	set_str(o, "name", t->name);
	if ((rc = set_date(o, "startDate", t->start_date, e)) == 0 &&
	    (rc = set_date(o, "endDate", t->end_date, e)) == 0)
		rc = set_stamps(o, t->created, t->modified, e);
	return finish(o, rc, out);
}

int
oparl_legislative_term(const struct oparl_ctx *c,
    const struct oparl_legislative_term *t, json_t **out, struct err *e)
{
	int	rc;

	*out = NULL;
	if ((rc = check_ctx(c, e)) != 0)
		return rc;
	return term_json(c, t, out, e);
}

static int
location_json(const struct oparl_ctx *c, const struct oparl_location *l,
    json_t **out, struct err *e)
{
	json_t	*o, *feature, *geometry, *coords;

	o = object_id(c, OPARL_LOCATION, l->id);
	set_str(o, "description", l->description);
	set_str(o, "streetAddress", l->street_address);
	set_str(o, "room", l->room);
	set_str(o, "postalCode", l->postal_code);
	set_str(o, "subLocality", l->sub_locality);
	set_str(o, "locality", l->locality);
	if (l->has_point && l->lat >= -90.0 && l->lat <= 90.0 &&
	    l->lon >= -180.0 && l->lon <= 180.0) {
		feature = json_object();
		geometry = json_object();
		coords = json_array();
		/* GeoJSON order: longitude, latitude. */
		json_array_append_new(coords, json_real(l->lon));
		json_array_append_new(coords, json_real(l->lat));
		json_object_set_new(geometry, "type", json_string("Point"));
		json_object_set_new(geometry, "coordinates", coords);
		json_object_set_new(feature, "type", json_string("Feature"));
		json_object_set_new(feature, "geometry", geometry);
		json_object_set_new(feature, "properties", json_object());
		json_object_set_new(o, "geojson", feature);
	}
	return finish(o, set_stamps(o, l->created, l->modified, e), out);
}

int
oparl_location(const struct oparl_ctx *c, const struct oparl_location *l,
    json_t **out, struct err *e)
{
	int	rc;

	*out = NULL;
	if ((rc = check_ctx(c, e)) != 0)
		return rc;
	return location_json(c, l, out, e);
}

int
oparl_body(const struct oparl_ctx *c, const struct oparl_body *b,
    json_t **out, struct err *e)
{
	json_t	*o, *terms, *t;
	size_t	 i;
	int	 rc;

	*out = NULL;
	if ((rc = check_ctx(c, e)) != 0)
		return rc;
	o = object(c, OPARL_BODY, c->body);
	set_url(o, "system", c, OPARL_SYSTEM, "");
	json_object_set_new(o, "name", jstr(b->name != NULL ? b->name : ""));
	set_str(o, "shortName", b->short_name);
	set_link(o, "website", c, b->website);
	set_link(o, "license", c, c->license);
	set_str(o, "contactEmail", b->contact_email);
	set_str(o, "contactName", b->contact_name);
	set_str(o, "classification", b->classification);
	set_list_url(o, "organization", c, OPARL_ORGANIZATION);
	set_list_url(o, "person", c, OPARL_PERSON);
	set_list_url(o, "meeting", c, OPARL_MEETING);
	set_list_url(o, "paper", c, OPARL_PAPER);
	set_list_url(o, "agendaItem", c, OPARL_AGENDA_ITEM);
	set_list_url(o, "consultation", c, OPARL_CONSULTATION);
	set_list_url(o, "file", c, OPARL_FILE);
	set_list_url(o, "membership", c, OPARL_MEMBERSHIP);
	set_list_url(o, "locationList", c, OPARL_LOCATION);
	set_list_url(o, "legislativeTermList", c, OPARL_LEGISLATIVE_TERM);
	terms = json_array();
	json_object_set_new(o, "legislativeTerm", terms);
	for (i = 0; i < b->nterms; i++) {
		if ((rc = term_json(c, &b->terms[i], &t, e)) != 0)
			return finish(o, rc, out);
		json_array_append_new(terms, t);
	}
	if (b->location != NULL) {
		if ((rc = location_json(c, b->location, &t, e)) != 0)
			return finish(o, rc, out);
		json_object_set_new(o, "location", t);
	}
	set_link(o, "web", c, b->website);
	return finish(o, set_stamps(o, b->created, b->modified, e), out);
}

int
oparl_organization(const struct oparl_ctx *c,
    const struct oparl_organization *g, json_t **out, struct err *e)
{
	json_t	*o, *a;
	size_t	 i;
	int	 rc;

	*out = NULL;
	if ((rc = check_ctx(c, e)) != 0)
		return rc;
	if (meeting_fmt_blank(g->key) || strpbrk(g->key, "/?# ") != NULL)
		return err_set(e, ERR_INVALID, "missing_key", "key",
		    "Gruppen mangler en nøgle til sin adresse");
	o = object(c, OPARL_ORGANIZATION, g->key);
	set_url(o, "body", c, OPARL_BODY, c->body);
	set_str(o, "name", g->name);
	set_str(o, "shortName", g->short_name);
	set_str(o, "organizationType", g->organization_type);
	set_str(o, "classification", g->classification);
	if (!meeting_fmt_blank(g->parent_key))
		set_url(o, "subOrganizationOf", c, OPARL_ORGANIZATION,
		    g->parent_key);
	if (g->nposts > 0) {
		a = json_array();
		for (i = 0; i < g->nposts; i++)
			if (!meeting_fmt_blank(g->posts[i]))
				json_array_append_new(a, jstr(g->posts[i]));
		json_object_set_new(o, "post", a);
	}
	a = json_array();
	for (i = 0; i < g->nmemberships; i++) {
		struct buf	b;
		char		seg[24];

		buf_init(&b);
		snprintf(seg, sizeof(seg), "%lld",
		    (long long)g->membership_ids[i]);
		oparl_url(&b, c, OPARL_MEMBERSHIP, seg);
		json_array_append_new(a, json_stringn(b.data, b.len));
		buf_cleanup(&b);
	}
	json_object_set_new(o, "membership", a);
	set_link(o, "website", c, g->website);
	set_str(o, "ramme:municipalityCode", g->municipality_code);
	set_str(o, "ramme:mandate", g->mandate);
	if ((rc = set_date(o, "startDate", g->start_date, e)) == 0 &&
	    (rc = set_date(o, "endDate", g->end_date, e)) == 0)
		rc = set_stamps(o, g->created, g->modified, e);
	return finish(o, rc, out);
}

static int
membership_json(const struct oparl_ctx *c, const struct oparl_membership *m,
    json_t **out, struct err *e)
{
	json_t	*o;
	int	 rc;

	o = object_id(c, OPARL_MEMBERSHIP, m->id);
	set_url_id(o, "person", c, OPARL_PERSON, m->person_id);
	if (!meeting_fmt_blank(m->organization_key))
		set_url(o, "organization", c, OPARL_ORGANIZATION,
		    m->organization_key);
	set_str(o, "role", m->role);
	if (m->voting_right != OPARL_VOTE_UNKNOWN)
		json_object_set_new(o, "votingRight",
		    json_boolean(m->voting_right == OPARL_VOTE_YES));
	if (!meeting_fmt_blank(m->on_behalf_of_key))
		set_url(o, "onBehalfOf", c, OPARL_ORGANIZATION,
		    m->on_behalf_of_key);
	if (m->substitute_for > 0)
		set_url_id(o, "ramme:substituteFor", c, OPARL_MEMBERSHIP,
		    m->substitute_for);
	if ((rc = set_date(o, "startDate", m->start_date, e)) == 0 &&
	    (rc = set_date(o, "endDate", m->end_date, e)) == 0)
		rc = set_stamps(o, m->created, m->modified, e);
	return finish(o, rc, out);
}

int
oparl_membership(const struct oparl_ctx *c, const struct oparl_membership *m,
    json_t **out, struct err *e)
{
	int	rc;

	*out = NULL;
	if ((rc = check_ctx(c, e)) != 0)
		return rc;
	return membership_json(c, m, out, e);
}

int
oparl_person(const struct oparl_ctx *c, const struct oparl_person *p,
    json_t **out, struct err *e)
{
	json_t	*o, *a, *m;
	size_t	 i;
	int	 rc;

	*out = NULL;
	if ((rc = check_ctx(c, e)) != 0)
		return rc;
	o = object_id(c, OPARL_PERSON, p->id);
	set_url(o, "body", c, OPARL_BODY, c->body);
	set_str(o, "name", p->name);
	set_str(o, "familyName", p->family_name);
	set_str(o, "givenName", p->given_name);
	set_str(o, "formOfAddress", p->form_of_address);
	set_str(o, "affix", p->affix);
	set_str_array1(o, "title", p->title);
	set_str(o, "gender", p->gender);
	set_str_array1(o, "email", p->email);
	set_str_array1(o, "phone", p->phone);
	set_str_array1(o, "status", p->status);
	a = json_array();
	json_object_set_new(o, "membership", a);
	for (i = 0; i < p->nmemberships; i++) {
		if ((rc = membership_json(c, &p->memberships[i], &m, e)) != 0)
			return finish(o, rc, out);
		json_array_append_new(a, m);
	}
	return finish(o, set_stamps(o, p->created, p->modified, e), out);
}

int
oparl_tombstone(const struct oparl_ctx *c, enum oparl_type t,
    const char *segment, const char *created, const char *modified,
    json_t **out, struct err *e)
{
	json_t	*o;
	int	 rc;

	*out = NULL;
	if ((rc = check_ctx(c, e)) != 0)
		return rc;
	if (t != OPARL_SYSTEM && (meeting_fmt_blank(segment) ||
	    strpbrk(segment, "?# ") != NULL))
		return err_set(e, ERR_INVALID, "missing_key", "id",
		    "Det slettede objekt mangler sin nøgle");
	o = object(c, t, t == OPARL_SYSTEM ? "" : segment);
	json_object_set_new(o, "deleted", json_true());
	switch (t) {
	case OPARL_SYSTEM:
		json_object_set_new(o, "oparlVersion",
		    json_string(OPARL_VERSION));
		set_list_url(o, "body", c, OPARL_BODY);
		break;
	case OPARL_BODY:
		json_object_set_new(o, "name", json_string(""));
		set_list_url(o, "organization", c, OPARL_ORGANIZATION);
		set_list_url(o, "person", c, OPARL_PERSON);
		set_list_url(o, "meeting", c, OPARL_MEETING);
		set_list_url(o, "paper", c, OPARL_PAPER);
		json_object_set_new(o, "legislativeTerm", json_array());
		break;
	case OPARL_AGENDA_ITEM:
		json_object_set_new(o, "order", json_integer(0));
		break;
	case OPARL_FILE:
		json_object_set_new(o, "accessUrl",
		    json_deep_copy(json_object_get(o, "id")));
		break;
	default:
		break;
	}
	return finish(o, set_stamps(o, created, modified, e), out);
}

/* list_url with page=N added to its query. */
static json_t *
page_link(const char *list_url, int64_t page)
{
	struct buf	 b;
	json_t		*j;

	buf_init(&b);
	buf_printf(&b, "%s%spage=%lld", list_url,
	    strchr(list_url, '?') != NULL ? "&" : "?", (long long)page);
	j = url_string(&b);
	buf_cleanup(&b);
	return j;
}

int
oparl_list(const char *list_url, json_t *data, int64_t total,
    int64_t per_page, int64_t page, json_t **out, struct err *e)
{
	json_t	*o, *pg, *links;
	int64_t	 pages;

	*out = NULL;
	if (data == NULL || !json_is_array(data) || total < 0 ||
	    per_page < 1 || page < 1 || !meeting_fmt_url_absolute(list_url)) {
		json_decref(data);
		return err_set(e, ERR_INVALID, "invalid_page", "page",
		    "Ugyldig side i listen");
	}
	pages = total == 0 ? 1 : total / per_page + (total % per_page != 0);
	if (page > pages) {
		json_decref(data);
		return err_set(e, ERR_NOT_FOUND, "page_not_found", "page",
		    "Siden findes ikke; listen har kun %lld sider",
		    (long long)pages);
	}
	o = json_object();
	json_object_set_new(o, "data", data);
	pg = json_object();
	json_object_set_new(pg, "totalElements", json_integer(total));
	json_object_set_new(pg, "elementsPerPage", json_integer(per_page));
	json_object_set_new(pg, "currentPage", json_integer(page));
	json_object_set_new(pg, "totalPages", json_integer(pages));
	json_object_set_new(o, "pagination", pg);
	links = json_object();
	json_object_set_new(links, "first", page_link(list_url, 1));
	if (page > 1)
		json_object_set_new(links, "prev", page_link(list_url,
		    page - 1));
	if (page < pages)
		json_object_set_new(links, "next", page_link(list_url,
		    page + 1));
	json_object_set_new(links, "last", page_link(list_url, pages));
	json_object_set_new(o, "links", links);
	*out = o;
	return 0;
}
