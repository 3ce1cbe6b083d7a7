/*
 * oparl_feed — the published governance data for the OParl read API
 * (see oparl_feed.h).
 *
 * A list is read in one read transaction (the page's rows and count,
 * and for organizations and persons their memberships); then each
 * distinct meeting of the page is read through meeting_view_get(…,
 * false, …), which runs its own transaction. A meeting deleted in
 * between is left out of the page.
 */
#include <stdio.h>
#include <string.h>

#include "service/meeting.h"
#include "service/oparl_feed.h"
#include "service/svc.h"
#include "store/db.h"
#include "store/oparl_store.h"
#include "util/arena.h"
#include "util/err.h"
#include "util/log.h"
#include "util/text.h"

/* ---- times ---------------------------------------------------------- */

/* n digits at s into *v; false if any is not a digit. */
static bool
digits(const char *s, int n, int *v)
{
	int i;

	*v = 0;
	for (i = 0; i < n; i++) {
		if (s[i] < '0' || s[i] > '9')
			return false;
		*v = *v * 10 + (s[i] - '0');
	}
	return true;
}

int
oparl_feed_time(const char *in, const char *name, char out[OPARL_FEED_STAMP],
    struct err *e)
{
	char		date[11], stamp[64];
	const char	*p;
	int		y, mo, d, h, mi, sec = 0, oh = 0, om = 0, sign = 0;
	int64_t		t;

	out[0] = '\0';
	if (in == NULL || strlen(in) < 16 || strlen(in) > 40 ||
	    in[10] != 'T' || in[13] != ':')
		goto bad;
	memcpy(date, in, 10);
	date[10] = '\0';
	if (!text_date_valid(date) || !digits(in, 4, &y) ||
	    !digits(in + 5, 2, &mo) || !digits(in + 8, 2, &d) ||
	    !digits(in + 11, 2, &h) || !digits(in + 14, 2, &mi) || h > 23 ||
	    mi > 59)
		goto bad;
	p = in + 16;
	if (*p == ':') {
		if (!digits(p + 1, 2, &sec) || sec > 59)
			goto bad;
		p += 3;
		if (*p == '.') {
			for (p++; *p >= '0' && *p <= '9'; p++)
				;
			if (p[-1] == '.')
				goto bad;
		}
	}
	if (*p == 'Z' || *p == 'z')
		p++;
	else if (*p == '+' || *p == '-') {
		sign = *p == '+' ? 1 : -1;
		if (!digits(p + 1, 2, &oh) || oh > 23)
			goto bad;
		p += 3;
		if (*p == ':')
			p++;
		if (*p != '\0') {
			if (!digits(p, 2, &om) || om > 59)
				goto bad;
			p += 2;
		}
	}
	if (*p != '\0')
		goto bad;
	t = text_days_from_civil(y, mo, d) * 86400 + h * 3600 + mi * 60 + sec -
	    sign * (oh * 3600 + om * 60);
	text_civil_from_days(t >= 0 ? t / 86400 : (t - 86399) / 86400, &y, &mo,
	    &d);
	t = ((t % 86400) + 86400) % 86400;
	if (y < 1000 || y > 9999)
		goto bad;
	/* Via a roomy buffer: the compiler cannot bound the fields. */
	if (snprintf(stamp, sizeof(stamp), "%04d-%02d-%02dT%02d:%02d:%02dZ", y,
	    mo, d, (int)(t / 3600), (int)(t / 60 % 60), (int)(t % 60)) !=
	    OPARL_FEED_STAMP - 1)
		goto bad;
	memcpy(out, stamp, OPARL_FEED_STAMP);
	return 0;
bad:
	return err_set(e, ERR_INVALID, "invalid_datetime", name,
	    "%s skal være et tidspunkt som 2011-10-01T12:00:00+02:00", name);
}

/* ---- rows to entries ----------------------------------------------- */

static int
kind_of(enum oparl_type t, enum oparl_kind *k)
{
	switch (t) {
	case OPARL_ORGANIZATION:	*k = OPARL_KIND_ORGANIZATION; return 0;
	case OPARL_PERSON:		*k = OPARL_KIND_PERSON; return 0;
	case OPARL_MEMBERSHIP:		*k = OPARL_KIND_MEMBERSHIP; return 0;
	case OPARL_MEETING:		*k = OPARL_KIND_MEETING; return 0;
	case OPARL_AGENDA_ITEM:		*k = OPARL_KIND_AGENDA_ITEM; return 0;
	case OPARL_FILE:		*k = OPARL_KIND_FILE; return 0;
	case OPARL_LOCATION:		*k = OPARL_KIND_LOCATION; return 0;
	case OPARL_LEGISLATIVE_TERM:	*k = OPARL_KIND_TERM; return 0;
	default:			return ERR_NOT_FOUND;
	}
}

static int64_t
to_i64(const char *s)
{
	int64_t v;

	return s != NULL && text_parse_i64(s, &v) == 0 ? v : 0;
}

/* A membership role as written ("naestformand" → "næstformand"). */
static const char *
role_label(const char *code)
{
	static const struct { const char *code, *label; } roles[] = {
		{ "formand", "formand" }, { "naestformand", "næstformand" },
		{ "medlem", "medlem" }, { "stedfortraeder", "stedfortræder" },
		{ "observatoer", "observatør" }, { "sekretaer", "sekretær" },
	};
	size_t i;

	for (i = 0; code != NULL && i < sizeof(roles) / sizeof(roles[0]); i++)
		if (strcmp(code, roles[i].code) == 0)
			return roles[i].label;
	return code;
}

static void
fill_membership(const struct oparl_row *r, struct oparl_membership *m)
{
	memset(m, 0, sizeof(*m));
	m->id = r->id;
	m->organization_key = r->extra[0];
	m->person_id = to_i64(r->extra[1]);
	m->role = role_label(r->extra[2]);
	m->voting_right = r->extra[3] == NULL ? OPARL_VOTE_UNKNOWN :
	    strcmp(r->extra[3], "1") == 0 ? OPARL_VOTE_YES : OPARL_VOTE_NO;
	m->on_behalf_of_key = r->extra[4];
	m->substitute_for = to_i64(r->extra[5]);
	m->start_date = r->extra[6];
	m->end_date = r->extra[7];
	m->created = r->created;
	m->modified = r->modified;
}

static const char *
org_classification(const char *kind)
{
	if (kind == NULL || strcmp(kind, "organ") == 0)
		return "Organ";
	if (strcmp(kind, "arbejdsgruppe") == 0)
		return "Arbejdsgruppe";
	if (strcmp(kind, "netvaerk") == 0)
		return "Netværk";
	return kind;
}

static void
fill_organization(const struct oparl_row *r, const int64_t *body_ids,
    const int64_t *ids, size_t nids, struct oparl_organization *g)
{
	const char	*kind = r->extra[2];
	size_t		 i;

	memset(g, 0, sizeof(*g));
	g->key = r->key;
	g->name = r->extra[0];
	g->short_name = r->extra[1];
	g->created = r->created;
	g->modified = r->modified;
	if (kind != NULL && (strcmp(kind, "kommune") == 0 ||
	    strcmp(kind, "region") == 0)) {
		g->organization_type = "Institution";
		g->classification = strcmp(kind, "kommune") == 0 ? "Kommune" :
		    "Region";
		if (strcmp(kind, "kommune") == 0)
			g->municipality_code = r->key;
		return;
	}
	g->organization_type = "Gremium";
	g->classification = org_classification(kind);
	g->parent_key = r->extra[3];
	g->mandate = r->extra[4];
	g->end_date = r->extra[5];
	for (i = 0; i < nids; i++)
		if (body_ids[i] == r->id) {
			if (g->membership_ids == NULL)
				g->membership_ids = &ids[i];
			g->nmemberships++;
		}
}

/* The meeting views of a page, by meeting id. */
struct views {
	int64_t			*ids;
	struct meeting_view	**v;	/* NULL: gone or not public */
	size_t			 n, cap, vcap;
};

/*
 * The public view of meeting mid into *out (read once per page), with
 * modified as its modification time; *out NULL when the meeting is gone
 * or no longer public. 0 or a negative err code.
 */
static int
view_of(struct svc *s, struct views *vs, int64_t mid, const char *modified,
    const struct meeting_view **out, struct err *e)
{
	struct meeting_view	*v;
	struct err		 e2;
	size_t			 i;
	int			 rc;

	*out = NULL;
	for (i = 0; i < vs->n; i++)
		if (vs->ids[i] == mid) {
			*out = vs->v[i];
			return 0;
		}
	v = arena_calloc(s->arena, 1, sizeof(*v));
	err_clear(&e2);
	if ((rc = meeting_view_get(s, mid, false, v, &e2)) != 0) {
		if (rc != ERR_NOT_FOUND) {
			if (e != NULL)
				*e = e2;
			return rc;
		}
		v = NULL;
	} else if (modified != NULL)
		/* The meeting's own stamp leaves out changes to its items
		   and files; the API shows the latest of them. */
		v->updated_at = modified;
	vs->ids = arena_grow(s->arena, vs->ids, vs->n, &vs->cap,
	    sizeof(*vs->ids));
	vs->v = arena_grow(s->arena, vs->v, vs->n, &vs->vcap, sizeof(*vs->v));
	vs->ids[vs->n] = mid;
	vs->v[vs->n++] = v;
	*out = v;
	return 0;
}

/* The memberships of person id among pm (ordered by person), in a. */
static void
person_memberships(struct arena *a, const struct oparl_row *pm, size_t npm,
    struct oparl_person *p)
{
	struct oparl_membership	*v;
	size_t			 j, k = 0;

	for (j = 0; j < npm; j++)
		if (to_i64(pm[j].extra[1]) == p->id)
			k++;
	if (k == 0)
		return;
	v = arena_calloc(a, k, sizeof(*v));
	k = 0;
	for (j = 0; j < npm; j++)
		if (to_i64(pm[j].extra[1]) == p->id)
			fill_membership(&pm[j], &v[k++]);
	p->memberships = v;
	p->nmemberships = k;
}

/*
 * Turn rows into entries (o->entries, o->n); memberships of persons and
 * organizations were read by the caller. Views are read here (outside
 * any transaction).
 */
/* An ISO UTC stamp as stored, or NULL (logged) when it is not one. */
static const char *
stamp_or_null(const char *iso)
{
	int64_t	t;

	if (iso == NULL || text_parse_timestamp(iso, &t) == 0)
		return iso;
	log_warn("oparl: a legislative term's stamp left out: %.40s", iso);
	return NULL;
}

static int
fill(struct svc *s, enum oparl_type t, const struct oparl_row *rows,
    size_t nrows, const struct oparl_row *pm, size_t npm,
    const int64_t *body_ids, const int64_t *mids, size_t nmids,
    struct oparl_page *o, struct err *e)
{
	struct views	 vs;
	size_t		 i;
	int		 rc;

	memset(&vs, 0, sizeof(vs));
	o->entries = arena_calloc(s->arena, nrows + 1, sizeof(*o->entries));
	o->n = 0;
	for (i = 0; i < nrows; i++) {
		const struct oparl_row	*r = &rows[i];
		struct oparl_entry	*x = &o->entries[o->n];

		x->type = t;
		x->deleted = r->deleted;
		x->segment = r->key != NULL ? r->key :
		    arena_printf(s->arena, "%lld", (long long)r->id);
		x->created = r->created;
		x->modified = r->modified;
		if (r->deleted) {
			o->n++;
			continue;
		}
		switch (t) {
		case OPARL_ORGANIZATION:
			fill_organization(r, body_ids, mids, nmids, &x->org);
			break;
		case OPARL_PERSON:
			x->person.id = r->id;
			x->person.name = r->extra[0];
			x->person.created = r->created;
			x->person.modified = r->modified;
			person_memberships(s->arena, pm, npm, &x->person);
			break;
		case OPARL_MEMBERSHIP:
			fill_membership(r, &x->membership);
			break;
		case OPARL_LEGISLATIVE_TERM:
			/* A meeting whose start is not a date has no year. */
			if (r->id < 1 || r->id > 9999) {
				log_warn("oparl: a legislative term skipped: a "
				    "meeting's start has no valid year");
				continue;
			}
			x->term.id = r->id;
			x->term.name = arena_printf(s->arena,
			    "Rammeaftaleåret %lld", (long long)r->id);
			x->term.start_date = arena_printf(s->arena,
			    "%04lld-01-01", (long long)r->id);
			x->term.end_date = arena_printf(s->arena,
			    "%04lld-12-31", (long long)r->id);
			/* A year is kept even if a meeting's stamp is bad. */
			x->term.created = stamp_or_null(r->created);
			x->term.modified = stamp_or_null(r->modified);
			break;
		default:
			if ((rc = view_of(s, &vs, r->meeting_id, r->modified,
			    &x->view, e)) != 0)
				return rc;
			if (x->view == NULL)
				continue;	/* gone meanwhile */
			if (t == OPARL_AGENDA_ITEM)
				x->item_id = r->id;
			else if (t == OPARL_FILE)
				x->file_id = r->id;
			break;
		}
		o->n++;
	}
	return 0;
}

/* Read rows of k for f and what their entries need, then fill o. */
static int
load(struct svc *s, enum oparl_type t, const struct oparl_filter *f,
    struct oparl_page *o, struct err *e)
{
	struct oparl_row	*rows = NULL, *pm = NULL;
	enum oparl_kind		 k;
	int64_t			*body_ids = NULL, *mids = NULL, lo = 0, hi = 0;
	size_t			 n = 0, npm = 0, nmids = 0, i;
	int			 rc;

	memset(o, 0, sizeof(*o));
	if (kind_of(t, &k) != 0)
		return 0;	/* Paper, Consultation: always empty */
	if ((rc = db_begin(s->db, DB_READ, e)) != 0)
		return rc;
	rc = oparl_store_page(s->db, s->arena, k, f, &rows, &n, &o->total, e);
	if (rc == 0 && t == OPARL_ORGANIZATION)
		rc = oparl_store_body_memberships(s->db, s->arena, &body_ids,
		    &mids, &nmids, e);
	if (rc == 0 && t == OPARL_PERSON) {
		for (i = 0; i < n; i++)
			if (!rows[i].deleted) {
				if (lo == 0 || rows[i].id < lo)
					lo = rows[i].id;
				if (rows[i].id > hi)
					hi = rows[i].id;
			}
		if (hi > 0)
			rc = oparl_store_person_memberships(s->db, s->arena,
			    lo, hi, &pm, &npm, e);
	}
	db_rollback(s->db);
	if (rc != 0)
		return rc;
	return fill(s, t, rows, n, pm, npm, body_ids, mids, nmids, o, e);
}

int
oparl_feed_list(struct svc *s, enum oparl_type t, const struct oparl_query *q,
    struct oparl_page *out, struct err *e)
{
	struct oparl_filter	f;
	char			cs[OPARL_FEED_STAMP], cu[OPARL_FEED_STAMP];
	char			ms[OPARL_FEED_STAMP], mu[OPARL_FEED_STAMP];
	int			rc;

	memset(out, 0, sizeof(*out));
	memset(&f, 0, sizeof(f));
	if (q->limit < 1 || q->limit > OPARL_FEED_LIMIT_MAX)
		return err_set(e, ERR_INVALID, "invalid_limit", "limit",
		    "limit skal være et heltal mellem 1 og %d",
		    OPARL_FEED_LIMIT_MAX);
	if (q->page < 1 || q->page > INT64_MAX / OPARL_FEED_LIMIT_MAX)
		return err_set(e, ERR_INVALID, "invalid_page", "page",
		    "page skal være et positivt heltal");
	if ((q->created_since != NULL && (rc = oparl_feed_time(
	    q->created_since, "created_since", cs, e)) != 0) ||
	    (q->created_until != NULL && (rc = oparl_feed_time(
	    q->created_until, "created_until", cu, e)) != 0) ||
	    (q->modified_since != NULL && (rc = oparl_feed_time(
	    q->modified_since, "modified_since", ms, e)) != 0) ||
	    (q->modified_until != NULL && (rc = oparl_feed_time(
	    q->modified_until, "modified_until", mu, e)) != 0))
		return rc;
	f.created_since = q->created_since != NULL ? cs : NULL;
	f.created_until = q->created_until != NULL ? cu : NULL;
	f.modified_since = q->modified_since != NULL ? ms : NULL;
	f.modified_until = q->modified_until != NULL ? mu : NULL;
	/* OParl: deleted objects are listed only to clients that sync. */
	f.with_deleted = q->modified_since != NULL;
	f.limit = q->limit;
	f.offset = (q->page - 1) * q->limit;
	return load(s, t, &f, out, e);
}

/* A positive decimal id without sign or leading zeros. */
static bool
parse_id(const char *seg, int64_t *id)
{
	return seg != NULL && seg[0] >= '1' && seg[0] <= '9' &&
	    text_parse_i64(seg, id) == 0 && *id > 0;
}

int
oparl_feed_get(struct svc *s, enum oparl_type t, const char *seg,
    struct oparl_entry *out, struct err *e)
{
	struct oparl_filter	f;
	struct oparl_page	p;
	const char		*c;
	int			rc;

	memset(out, 0, sizeof(*out));
	memset(&f, 0, sizeof(f));
	f.with_deleted = true;
	f.limit = 1;
	if (t == OPARL_ORGANIZATION) {
		for (c = seg; c != NULL && *c != '\0'; c++)
			if (!((*c >= 'a' && *c <= 'z') ||
			    (*c >= '0' && *c <= '9') || *c == '_' || *c == '-'))
				break;
		if (seg == NULL || *seg == '\0' || *c != '\0' ||
		    strlen(seg) > 40)
			goto not_found;
		f.only_key = seg;
	} else if (!parse_id(seg, &f.only_id))
		goto not_found;
	if ((rc = load(s, t, &f, &p, e)) != 0)
		return rc;
	if (p.n == 0)
		goto not_found;
	*out = p.entries[0];
	return 0;
not_found:
	return err_set(e, ERR_NOT_FOUND, "not_found", NULL,
	    "Objektet findes ikke");
}

/* A stored stamp the feed can show; a bad row's is passed over. */
static bool
stamp_valid(const char *stamp)
{
	char	out[OPARL_FEED_STAMP];

	return oparl_feed_time(stamp, "stamp", out, NULL) == 0;
}

int
oparl_feed_body(struct svc *s, struct oparl_legislative_term **terms,
    size_t *nterms, const char **created, const char **modified,
    struct err *e)
{
	struct oparl_filter	 f;
	struct oparl_page	 p;
	size_t			 i;
	int			 rc;

	*terms = NULL;
	*nterms = 0;
	memset(&f, 0, sizeof(f));
	f.limit = 10000;
	if ((rc = db_begin(s->db, DB_READ, e)) != 0)
		return rc;
	rc = oparl_store_stamps(s->db, s->arena, stamp_valid, created,
	    modified, e);
	db_rollback(s->db);
	if (rc != 0 || (rc = load(s, OPARL_LEGISLATIVE_TERM, &f, &p, e)) != 0)
		return rc;
	*terms = arena_calloc(s->arena, p.n + 1, sizeof(**terms));
	for (i = 0; i < p.n; i++)
		(*terms)[i] = p.entries[i].term;
	*nterms = p.n;
	return 0;
}
