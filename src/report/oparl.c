/*
 * oparl — OParl 1.1 JSON serializers (see oparl.h, docs/oparl.md).
 *
 * Objects are assembled with jansson. Strings go through jstr(), which
 * cleans them to well-formed UTF-8 first (jansson refuses anything else);
 * empty and NULL strings are left out rather than written as "" or null,
 * because OParl says to omit unknown values. Timestamps are normalised
 * to RFC 3339 UTC ("2011-10-01T12:00:00Z"), meeting times to Danish
 * local time with its offset ("2011-10-06T13:00:00+02:00").
 */
#include <stdio.h>
#include <string.h>

#include "report/meeting_fmt.h"
#include "report/meeting_view.h"
#include "report/oparl.h"
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

/* A JSON string of clean UTF-8. */
static json_t *
jstr(const char *s)
{
	struct buf	 b;
	json_t		*j;

	buf_init(&b);
	meeting_fmt_utf8(&b, s);
	j = json_stringn(buf_str(&b), b.len);
	buf_cleanup(&b);
	return j;
}

/* key: s, unless s is blank. */
static void
set_str(json_t *o, const char *key, const char *s)
{
	if (!meeting_fmt_blank(s))
		json_object_set_new(o, key, jstr(s));
}

/* key: [s], unless s is blank. */
static void
set_str_array1(json_t *o, const char *key, const char *s)
{
	json_t	*a;

	if (meeting_fmt_blank(s))
		return;
	a = json_array();
	json_array_append_new(a, jstr(s));
	json_object_set_new(o, key, a);
}

/* key: the object URL of (t, segment). */
static void
set_url(json_t *o, const char *key, const struct oparl_ctx *c,
    enum oparl_type t, const char *segment)
{
	struct buf	b;

	buf_init(&b);
	oparl_url(&b, c, t, segment);
	json_object_set_new(o, key, json_stringn(b.data, b.len));
	buf_cleanup(&b);
}

static void
set_url_id(json_t *o, const char *key, const struct oparl_ctx *c,
    enum oparl_type t, int64_t id)
{
	char	seg[24];

	snprintf(seg, sizeof(seg), "%lld", (long long)id);
	set_url(o, key, c, t, seg);
}

static void
set_list_url(json_t *o, const char *key, const struct oparl_ctx *c,
    enum oparl_type t)
{
	struct buf	b;

	buf_init(&b);
	oparl_list_url(&b, c, t);
	json_object_set_new(o, key, json_stringn(b.data, b.len));
	buf_cleanup(&b);
}

/* key: an absolute http(s) URL (site-relative ones joined to site). */
static void
set_link(json_t *o, const char *key, const struct oparl_ctx *c,
    const char *url)
{
	struct buf	b;

	buf_init(&b);
	if (meeting_fmt_url_join(&b, c->site, url))
		json_object_set_new(o, key, json_stringn(b.data, b.len));
	buf_cleanup(&b);
}

/* Start an object with id and type. */
static json_t *
object(const struct oparl_ctx *c, enum oparl_type t, const char *segment)
{
	json_t	*o = json_object();

	set_url(o, "id", c, t, segment);
	json_object_set_new(o, "type", json_string(type_urls[t]));
	return o;
}

static json_t *
object_id(const struct oparl_ctx *c, enum oparl_type t, int64_t id)
{
	char	seg[24];

	snprintf(seg, sizeof(seg), "%lld", (long long)id);
	return object(c, t, seg);
}

#define STAMP_MAX	96	/* room for any int fields, not only valid */

/* RFC 3339 UTC text of epoch into out. */
static void
rfc3339_utc(char out[STAMP_MAX], int64_t t)
{
	struct meeting_fmt_tm	tm;

	meeting_fmt_from_epoch(t, &tm);
	snprintf(out, STAMP_MAX, "%04d-%02d-%02dT%02d:%02d:%02dZ", tm.year,
	    tm.mon, tm.day, tm.hour, tm.min, tm.sec);
}

/* created and modified (modified falls back to created). */
static int
set_stamps(json_t *o, const char *created, const char *modified,
    struct err *e)
{
	char	text[STAMP_MAX];
	int64_t	t;

	if (created != NULL) {
		if (meeting_fmt_utc(created, &t) != 0)
			return err_set(e, ERR_INVALID, "invalid_timestamp",
			    "created", "Ugyldigt tidsstempel: %.40s", created);
		rfc3339_utc(text, t);
		json_object_set_new(o, "created", json_string(text));
	}
	if (modified == NULL)
		modified = created;
	if (modified != NULL) {
		if (meeting_fmt_utc(modified, &t) != 0)
			return err_set(e, ERR_INVALID, "invalid_timestamp",
			    "modified", "Ugyldigt tidsstempel: %.40s",
			    modified);
		rfc3339_utc(text, t);
		json_object_set_new(o, "modified", json_string(text));
	}
	return 0;
}

/* key: a "YYYY-MM-DD" date, unless NULL. */
static int
set_date(json_t *o, const char *key, const char *date, struct err *e)
{
	if (date == NULL)
		return 0;
	if (!text_date_valid(date))
		return err_set(e, ERR_INVALID, "invalid_date", key,
		    "Ugyldig dato: %.20s", date);
	json_object_set_new(o, key, json_string(date));
	return 0;
}

/* Local meeting time as RFC 3339 with the Danish offset. */
static int
set_local_time(json_t *o, const char *key, const char *local, struct err *e)
{
	struct meeting_fmt_tm	tm;
	char			text[STAMP_MAX];
	int			off;

	if (local == NULL)
		return 0;
	if (meeting_fmt_local(local, &tm) != 0)
		return err_set(e, ERR_INVALID, "invalid_start", key,
		    "Ugyldigt mødetidspunkt: %.40s", local);
	off = meeting_fmt_cph_offset(&tm);
	snprintf(text, sizeof(text), "%04d-%02d-%02dT%02d:%02d:%02d+%02d:00",
	    tm.year, tm.mon, tm.day, tm.hour, tm.min, tm.sec, off / 3600);
	json_object_set_new(o, key, json_string(text));
	return 0;
}

static int
check_ctx(const struct oparl_ctx *c, struct err *e)
{
	if (c == NULL || !meeting_fmt_url_absolute(c->base) ||
	    meeting_fmt_blank(c->body) || strpbrk(c->body, "/?#") != NULL)
		return err_set(e, ERR_INVALID, "invalid_ctx", NULL,
		    "OParl-adressen er ikke sat korrekt op");
	return 0;
}

/* Store o in *out, or drop it on error. */
static int
finish(json_t *o, int rc, json_t **out)
{
	if (rc != 0) {
		json_decref(o);
		*out = NULL;
		return rc;
	}
	*out = o;
	return 0;
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

/* ---- Meetings, from struct meeting_view ---------------------------- */

/* The AgendaItem id: {base}/agendaItem/{id} or a meeting-derived one. */
static void
item_url(struct buf *b, const struct oparl_ctx *c,
    const struct meeting_view *v, const struct meeting_view_item *it)
{
	char	seg[48];

	if (it->id > 0) {
		snprintf(seg, sizeof(seg), "%lld", (long long)it->id);
		oparl_url(b, c, OPARL_AGENDA_ITEM, seg);
		return;
	}
	snprintf(seg, sizeof(seg), "%lld/agendaItem/%d", (long long)v->id,
	    it->number);
	oparl_url(b, c, OPARL_MEETING, seg);
}

static json_t *
url_string(struct buf *b)
{
	return json_stringn(buf_str(b), b->len);
}

static void
meeting_url(struct buf *b, const struct oparl_ctx *c,
    const struct meeting_view *v)
{
	char	seg[24];

	snprintf(seg, sizeof(seg), "%lld", (long long)v->id);
	oparl_url(b, c, OPARL_MEETING, seg);
}

/*
 * A File for attachment f of item it; pos counts the item's published
 * files from 1 (for ids of files without their own id).
 */
static int
file_json(const struct oparl_ctx *c, const struct meeting_view *v,
    const struct meeting_view_item *it, const struct meeting_view_file *f,
    size_t pos, json_t **out, struct err *e)
{
	struct buf	 b;
	json_t		*o, *a;
	char		 seg[64];

	buf_init(&b);
	if (f->id > 0)
		snprintf(seg, sizeof(seg), "%lld", (long long)f->id);
	o = json_object();
	if (f->id > 0)
		oparl_url(&b, c, OPARL_FILE, seg);
	else {
		snprintf(seg, sizeof(seg), "%lld/file/%d-%zu",
		    (long long)v->id, it->number, pos);
		oparl_url(&b, c, OPARL_MEETING, seg);
	}
	json_object_set_new(o, "id", url_string(&b));
	json_object_set_new(o, "type", json_string(type_urls[OPARL_FILE]));
	set_str(o, "name", f->name);
	set_str(o, "mimeType", f->media_type);
	if (f->size > 0)
		json_object_set_new(o, "size", json_integer(f->size));
	/* accessUrl is required: the file's own URL, else its id. */
	buf_reset(&b);
	if (meeting_fmt_url_join(&b, c->site, f->url)) {
		json_object_set_new(o, "downloadUrl", url_string(&b));
		if (c->file_content && f->id > 0) {
			buf_reset(&b);
			oparl_url(&b, c, OPARL_FILE, seg);
			buf_puts(&b, "/content");
		}
		json_object_set_new(o, "accessUrl", url_string(&b));
	} else
		json_object_set_new(o, "accessUrl",
		    json_deep_copy(json_object_get(o, "id")));
	a = json_array();
	buf_reset(&b);
	meeting_url(&b, c, v);
	json_array_append_new(a, url_string(&b));
	json_object_set_new(o, "meeting", a);
	a = json_array();
	buf_reset(&b);
	item_url(&b, c, v, it);
	json_array_append_new(a, url_string(&b));
	json_object_set_new(o, "agendaItem", a);
	buf_cleanup(&b);
	return finish(o, set_stamps(o, v->created_at, v->updated_at, e), out);
}

/* The meeting's PDFs as Files, when the HTTP layer serves them. */
static void
meeting_pdf(json_t *o, const char *key, const struct oparl_ctx *c,
    const struct meeting_view *v, const char *which, const char *name)
{
	struct buf	 b;
	json_t		*f;
	char		 seg[48];

	buf_init(&b);
	f = json_object();
	snprintf(seg, sizeof(seg), "%lld/%s", (long long)v->id, which);
	oparl_url(&b, c, OPARL_MEETING, seg);
	json_object_set_new(f, "id", url_string(&b));
	json_object_set_new(f, "type", json_string(type_urls[OPARL_FILE]));
	json_object_set_new(f, "name", json_string(name));
	buf_printf(&b, ".pdf");
	json_object_set_new(f, "accessUrl", url_string(&b));
	json_object_set_new(f, "mimeType", json_string("application/pdf"));
	buf_reset(&b);
	meeting_url(&b, c, v);
	json_object_set_new(f, "meeting", json_pack("[s]", buf_str(&b)));
	/* Cannot fail: the meeting's own stamps were checked already. */
	(void)set_stamps(f, v->created_at, v->updated_at, NULL);
	json_object_set_new(o, key, f);
	buf_cleanup(&b);
}

/*
 * An AgendaItem; order is its position among the published items. The
 * back-reference to the meeting is always written, so the same object
 * serves embedded in its Meeting and standalone.
 */
static int
item_json(const struct oparl_ctx *c, const struct meeting_view *v,
    const struct meeting_view_item *it, int order, json_t **out,
    struct err *e)
{
	struct buf	 b;
	json_t		*o, *files, *f;
	size_t		 k, pos = 0;
	char		 num[16];
	int		 rc;

	buf_init(&b);
	o = json_object();
	item_url(&b, c, v, it);
	json_object_set_new(o, "id", url_string(&b));
	json_object_set_new(o, "type",
	    json_string(type_urls[OPARL_AGENDA_ITEM]));
	buf_reset(&b);
	meeting_url(&b, c, v);
	json_object_set_new(o, "meeting", url_string(&b));
	buf_cleanup(&b);
	snprintf(num, sizeof(num), "%d", it->number);
	json_object_set_new(o, "number", json_string(num));
	json_object_set_new(o, "order", json_integer(order));
	set_str(o, "name", it->title);
	json_object_set_new(o, "public", json_true());
	if (meeting_fmt_minutes_approved(v)) {
		set_str(o, "result", it->result);
		set_str(o, "resolutionText", it->minutes);
	}
	files = json_array();
	for (k = 0; k < it->nfiles; k++) {
		if (!meeting_fmt_file_shown(it, &it->files[k], false))
			continue;
		if ((rc = file_json(c, v, it, &it->files[k], ++pos, &f,
		    e)) != 0) {
			json_decref(files);
			return finish(o, rc, out);
		}
		json_array_append_new(files, f);
	}
	if (json_array_size(files) > 0)
		json_object_set_new(o, "auxiliaryFile", files);
	else
		json_decref(files);
	set_str(o, "ramme:section", it->section);
	set_str(o, "ramme:presenter", it->presenter);
	set_str(o, "ramme:background", it->background);
	set_str(o, "ramme:recommendation", it->recommendation);
	set_str(o, "ramme:earlierRecommendation", it->earlier);
	return finish(o, set_stamps(o, v->created_at, v->updated_at, e), out);
}

/* OParl's recommended meetingState for our state (docs/oparl.md). */
static const char *
oparl_state(const char *state)
{
	if (state == NULL || strcmp(state, "planlagt") == 0 ||
	    strcmp(state, "aflyst") == 0)
		return "terminiert";
	if (strcmp(state, "referat_godkendt") == 0)
		return "durchgeführt";
	return "eingeladen";
}

static const char *
minutes_status(const struct meeting_view *v)
{
	if (meeting_fmt_minutes_approved(v))
		return "approved";
	if (v->state != NULL && strcmp(v->state, "referat_udkast") == 0)
		return "draft";
	return "none";
}

/* ramme:attendees / ramme:afbud / ramme:absent from view.people. */
static void
people(json_t *o, const struct meeting_view *v)
{
	json_t	*att, *afbud, *absent, *p, *dst;
	size_t	 i;

	att = json_array();
	afbud = json_array();
	absent = json_array();
	for (i = 0; i < v->npeople; i++) {
		const struct meeting_view_person *mp = &v->people[i];

		if (meeting_fmt_blank(mp->name))
			continue;
		if (mp->status != NULL && strcmp(mp->status, "afbud") == 0)
			dst = afbud;
		else if (mp->status != NULL &&
		    strcmp(mp->status, "fravaerende") == 0)
			dst = absent;
		else
			dst = att;
		p = json_object();
		set_str(p, "name", mp->name);
		set_str(p, "organisation", mp->organisation);
		set_str(p, "substitute", mp->substitute);
		json_array_append_new(dst, p);
	}
	json_object_set_new(o, "ramme:attendees", att);
	json_object_set_new(o, "ramme:afbud", afbud);
	json_object_set_new(o, "ramme:absent", absent);
}

int
oparl_meeting(const struct oparl_ctx *c, const struct meeting_view *v,
    json_t **out, struct err *e)
{
	struct buf	 b;
	json_t		*o, *items, *it, *loc;
	size_t		 i;
	int		 rc, order = 0;
	int64_t		 t;
	char		 text[STAMP_MAX];

	*out = NULL;
	if ((rc = check_ctx(c, e)) != 0)
		return rc;
	buf_init(&b);
	o = json_object();
	meeting_url(&b, c, v);
	json_object_set_new(o, "id", url_string(&b));
	json_object_set_new(o, "type", json_string(type_urls[OPARL_MEETING]));
	set_str(o, "name", v->title);
	json_object_set_new(o, "meetingState",
	    json_string(oparl_state(v->state)));
	json_object_set_new(o, "cancelled", json_boolean(v->cancelled ||
	    (v->state != NULL && strcmp(v->state, "aflyst") == 0)));
	if ((rc = set_local_time(o, "start", v->start, e)) != 0 ||
	    (rc = set_local_time(o, "end", v->end, e)) != 0) {
		buf_cleanup(&b);
		return finish(o, rc, out);
	}
	if (!meeting_fmt_blank(v->place) || !meeting_fmt_blank(v->room)) {
		loc = json_object();
		buf_puts(&b, "/location");
		json_object_set_new(loc, "id", url_string(&b));
		json_object_set_new(loc, "type",
		    json_string(type_urls[OPARL_LOCATION]));
		set_str(loc, "description", v->place);
		set_str(loc, "room", v->room);
		buf_reset(&b);
		meeting_url(&b, c, v);
		json_object_set_new(loc, "meetings",
		    json_pack("[s]", buf_str(&b)));
		(void)set_stamps(loc, v->created_at, v->updated_at, NULL);
		json_object_set_new(o, "location", loc);
	}
	buf_cleanup(&b);
	if (!meeting_fmt_blank(v->body_key) &&
	    strpbrk(v->body_key, "/?# ") == NULL) {
		buf_init(&b);
		oparl_url(&b, c, OPARL_ORGANIZATION, v->body_key);
		json_object_set_new(o, "organization",
		    json_pack("[s]", buf_str(&b)));
		buf_cleanup(&b);
	}
	if (c->meeting_pdfs) {
		meeting_pdf(o, "invitation", c, v, "agenda", "Dagsorden");
		if (meeting_fmt_minutes_approved(v))
			meeting_pdf(o, "resultsProtocol", c, v, "minutes",
			    "Referat");
	}
	items = json_array();
	json_object_set_new(o, "agendaItem", items);
	for (i = 0; i < v->nitems; i++) {
		if (!meeting_fmt_item_shown(&v->items[i], false))
			continue;
		if ((rc = item_json(c, v, &v->items[i], order++, &it, e)) != 0)
			return finish(o, rc, out);
		json_array_append_new(items, it);
	}
	set_link(o, "web", c, v->url);
	set_str(o, "ramme:state", v->state);
	set_str(o, "ramme:body", v->body_name);
	set_str(o, "ramme:referent", v->referent);
	set_str(o, "ramme:caseNumber", v->case_no);
	set_str(o, "ramme:documentNumber", v->doc_no);
	json_object_set_new(o, "ramme:minutesStatus",
	    json_string(minutes_status(v)));
	if (meeting_fmt_minutes_approved(v) &&
	    meeting_fmt_utc(v->minutes_approved_at, &t) == 0) {
		rfc3339_utc(text, t);
		json_object_set_new(o, "ramme:minutesApproved",
		    json_string(text));
	}
	people(o, v);
	return finish(o, set_stamps(o, v->created_at, v->updated_at, e), out);
}

int
oparl_agenda_items(const struct oparl_ctx *c, const struct meeting_view *v,
    json_t *arr, struct err *e)
{
	json_t	*it;
	size_t	 i;
	int	 rc, order = 0;

	if ((rc = check_ctx(c, e)) != 0)
		return rc;
	for (i = 0; i < v->nitems; i++) {
		if (!meeting_fmt_item_shown(&v->items[i], false))
			continue;
		if ((rc = item_json(c, v, &v->items[i], order++, &it, e)) != 0)
			return rc;
		json_array_append_new(arr, it);
	}
	return 0;
}

int
oparl_files(const struct oparl_ctx *c, const struct meeting_view *v,
    json_t *arr, struct err *e)
{
	json_t	*f;
	size_t	 i, k, pos;
	int	 rc;

	if ((rc = check_ctx(c, e)) != 0)
		return rc;
	for (i = 0; i < v->nitems; i++) {
		const struct meeting_view_item *it = &v->items[i];

		if (!meeting_fmt_item_shown(it, false))
			continue;
		pos = 0;
		for (k = 0; k < it->nfiles; k++) {
			if (!meeting_fmt_file_shown(it, &it->files[k], false))
				continue;
			if ((rc = file_json(c, v, it, &it->files[k], ++pos, &f,
			    e)) != 0)
				return rc;
			json_array_append_new(arr, f);
		}
	}
	return 0;
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
