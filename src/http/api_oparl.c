/*
 * api_oparl — the OParl 1.1 read API under /oparl/v1 (docs/oparl.md):
 * System, the one Body, its lists (paginated, filtered by creation and
 * modification time, tombstones of deleted objects with
 * modified_since), single objects and the inline content of files.
 *
 * Handlers parse the path and query, ask service/oparl_feed for the
 * published objects, and build JSON with report/oparl. Everything is
 * public and the same for every caller; closed content is never in
 * what the service returns. Ids are absolute URLs on the host the
 * client asked for (https when the server runs behind TLS, i.e. with
 * Secure cookies). Errors are the project's {"error": {...}} object,
 * with OParl's "type" and "message" beside it.
 */
#include <string.h>

#include "http/http.h"
#include "http/routes.h"
#include "http/server.h"
#include "report/oparl.h"
#include "service/meeting.h"
#include "service/oparl_feed.h"
#include "util/buf.h"
#include "util/log.h"
#include "util/text.h"

#define OPARL_PATH	"/oparl/v1"
#define OPARL_BODY_KEY	"nordjylland"	/* the agreement: the one Body */

/* The list segments of the Body (as oparl_list_url builds them). */
static const struct {
	const char	*segment;
	enum oparl_type	 type;
} lists[] = {
	{ "organizations", OPARL_ORGANIZATION },
	{ "people", OPARL_PERSON },
	{ "memberships", OPARL_MEMBERSHIP },
	{ "meetings", OPARL_MEETING },
	{ "agendaItems", OPARL_AGENDA_ITEM },
	{ "files", OPARL_FILE },
	{ "locations", OPARL_LOCATION },
	{ "legislativeTerms", OPARL_LEGISLATIVE_TERM },
	{ "papers", OPARL_PAPER },
	{ "consultations", OPARL_CONSULTATION },
};

/* The object segments (as oparl_url builds them). */
static const struct {
	const char	*segment;
	enum oparl_type	 type;
} objects[] = {
	{ "organization", OPARL_ORGANIZATION },
	{ "person", OPARL_PERSON },
	{ "membership", OPARL_MEMBERSHIP },
	{ "meeting", OPARL_MEETING },
	{ "agendaItem", OPARL_AGENDA_ITEM },
	{ "file", OPARL_FILE },
	{ "legislativeTerm", OPARL_LEGISLATIVE_TERM },
};

static const char *const filter_names[] = {
	"created_since", "created_until", "modified_since", "modified_until",
};

/* ---- answers -------------------------------------------------------- */

/* An error as {type, message, error: {code, message, field}}. */
static void
send_error(struct http_req *r, const struct err *e)
{
	json_t	*inner;
	const char *msg = e->msg[0] != '\0' ? e->msg : "Fejl";

	inner = json_pack("{s:s, s:s}", "code", e->key[0] != '\0' ? e->key :
	    err_code_key(e->code), "message", msg);
	if (e->field[0] != '\0')
		json_object_set_new(inner, "field", json_string(e->field));
	http_send_json(r, http_status_of_err(e->code), json_pack(
	    "{s:s, s:s, s:o}", "type", OPARL_VERSION "Error", "message", msg,
	    "error", inner));
}

/*
 * The context of this request: the site is the host the client asked
 * for, if it is a plain host name or address with an optional port.
 */
static int
ctx_of(struct http_req *r, struct oparl_ctx *c, struct err *e)
{
	const char	*site = http_site_url(r);

	if (site == NULL)
		return err_set(e, ERR_INVALID, "invalid_host", "Host",
		    "Headeren Host mangler eller er ugyldig");
	memset(c, 0, sizeof(*c));
	c->site = site;
	c->base = arena_printf(&r->arena, "%s" OPARL_PATH, site);
	c->body = OPARL_BODY_KEY;
	c->file_content = true;
	c->meeting_pdfs = true;
	return 0;
}

/* The request's context and no query at all (single objects). */
static int
begin(struct http_req *r, struct oparl_ctx *c, struct err *e)
{
	static const char *const allowed[] = { "omit_internal", NULL };
	int rc;

	err_clear(e);
	if ((rc = http_query_check(r, allowed, e)) != 0)
		return rc;
	return ctx_of(r, c, e);
}

/* The absolute URL of (t, id) as a string in a. */
static const char *
url_of(struct arena *a, const struct oparl_ctx *c, enum oparl_type t,
    int64_t id)
{
	struct buf	 b;
	const char	*s;
	char		 seg[24];

	buf_init(&b);
	snprintf(seg, sizeof(seg), "%lld", (long long)id);
	oparl_url(&b, c, t, seg);
	s = arena_strdup(a, buf_str(&b));
	buf_cleanup(&b);
	return s;
}

/*
 * The AgendaItems (or Files) of the last view asked for, built once for
 * all entries of a page that share the view.
 */
struct view_cache {
	const struct meeting_view	*view;
	enum oparl_type			 type;
	json_t				*arr;
};

static int
pick(struct http_req *r, const struct oparl_ctx *c, struct view_cache *vc,
    const struct oparl_entry *x, json_t **out, struct err *e)
{
	const char	*want;
	json_t		*o;
	size_t		 i;
	int		 rc;

	if (vc->view != x->view || vc->type != x->type || vc->arr == NULL) {
		json_decref(vc->arr);
		vc->arr = json_array();
		vc->view = x->view;
		vc->type = x->type;
		rc = x->type == OPARL_AGENDA_ITEM ?
		    oparl_agenda_items(c, x->view, vc->arr, e) :
		    oparl_files(c, x->view, vc->arr, e);
		if (rc != 0) {
			json_decref(vc->arr);
			vc->arr = NULL;
			return rc;
		}
	}
	want = url_of(&r->arena, c, x->type, x->type == OPARL_AGENDA_ITEM ?
	    x->item_id : x->file_id);
	json_array_foreach(vc->arr, i, o)
		if (strcmp(json_string_value(json_object_get(o, "id")),
		    want) == 0) {
			*out = json_incref(o);
			return 0;
		}
	return err_set(e, ERR_NOT_FOUND, "not_found", NULL,
	    "Objektet findes ikke");
}

/* The JSON of one entry into *out. */
static int
entry_json(struct http_req *r, const struct oparl_ctx *c,
    struct view_cache *vc, const struct oparl_entry *x, json_t **out,
    struct err *e)
{
	json_t	*m, *loc;
	int	 rc;

	*out = NULL;
	if (x->deleted)
		return oparl_tombstone(c, x->type, x->segment, x->created,
		    x->modified, out, e);
	switch (x->type) {
	case OPARL_ORGANIZATION:
		return oparl_organization(c, &x->org, out, e);
	case OPARL_PERSON:
		return oparl_person(c, &x->person, out, e);
	case OPARL_MEMBERSHIP:
		return oparl_membership(c, &x->membership, out, e);
	case OPARL_LEGISLATIVE_TERM:
		return oparl_legislative_term(c, &x->term, out, e);
	case OPARL_MEETING:
		return oparl_meeting(c, x->view, out, e);
	case OPARL_LOCATION:
		if ((rc = oparl_meeting(c, x->view, &m, e)) != 0)
			return rc;
		loc = json_object_get(m, "location");
		*out = json_incref(loc);
		json_decref(m);
		return loc != NULL ? 0 : err_set(e, ERR_NOT_FOUND,
		    "not_found", NULL, "Mødet har intet sted");
	case OPARL_AGENDA_ITEM:
	case OPARL_FILE:
		return pick(r, c, vc, x, out, e);
	default:
		return err_set(e, ERR_INTERNAL, "invalid_type", NULL,
		    "Ukendt OParl-type");
	}
}

/* ---- System and Body ------------------------------------------------ */

static int
body_json(struct http_req *r, const struct oparl_ctx *c, json_t **out,
    struct err *e)
{
	struct oparl_legislative_term	*terms;
	struct oparl_body		 b;
	const char			*created, *modified;
	size_t				 n;
	int				 rc;

	if ((rc = oparl_feed_body(&r->svc, &terms, &n, &created, &modified,
	    e)) != 0)
		return rc;
	memset(&b, 0, sizeof(b));
	b.name = "Rammeaftale Nordjylland";
	b.short_name = "Nordjylland";
	b.classification = "Kommunalt samarbejde";
	b.website = arena_printf(&r->arena, "%s/", c->site);
	b.terms = terms;
	b.nterms = n;
	b.created = created;
	b.modified = modified;
	return oparl_body(c, &b, out, e);
}

void
api_oparl_system(struct http_req *r)
{
	struct oparl_legislative_term	*terms;
	struct oparl_system		 s;
	struct oparl_ctx		 c;
	struct err			 e;
	json_t				*o;
	size_t				 n;

	memset(&s, 0, sizeof(s));
	if (begin(r, &c, &e) != 0 || oparl_feed_body(&r->svc, &terms, &n,
	    &s.created, &s.modified,
	    &e) != 0)
		goto fail;
	s.name = "Sekretariatet for Rammeaftaler Nordjylland";
	s.website = arena_printf(&r->arena, "%s/", c.site);
	if (oparl_system(&c, &s, &o, &e) != 0)
		goto fail;
	http_send_json(r, 200, o);
	return;
fail:
	send_error(r, &e);
}

void
api_oparl_body(struct http_req *r)
{
	struct oparl_ctx	 c;
	struct err		 e;
	json_t			*o;

	if (begin(r, &c, &e) != 0)
		goto fail;
	if (strcmp(r->params[0], OPARL_BODY_KEY) != 0) {
		err_set(&e, ERR_NOT_FOUND, "not_found", NULL,
		    "Organet findes ikke");
		goto fail;
	}
	if (body_json(r, &c, &o, &e) != 0)
		goto fail;
	http_send_json(r, 200, o);
	return;
fail:
	send_error(r, &e);
}

/* ---- lists ---------------------------------------------------------- */

/* limit and page from the query; 0 or ERR_INVALID. */
static int
query_int(struct http_req *r, const char *name, int64_t def, int64_t max,
    int64_t *out, struct err *e)
{
	const char *s = http_query(r, name);

	*out = def;
	if (s == NULL)
		return 0;
	if (s[0] < '0' || s[0] > '9' || text_parse_i64(s, out) != 0 ||
	    *out < 1 || *out > max)
		return err_set(e, ERR_INVALID, name[0] == 'l' ?
		    "invalid_limit" : "invalid_page", name,
		    "%s skal være et heltal mellem 1 og %lld", name,
		    (long long)max);
	return 0;
}

/*
 * The list's URL with the client's filters and limit (in a fixed order),
 * to which oparl_list adds page=N.
 */
static const char *
list_url(struct http_req *r, const struct oparl_ctx *c, enum oparl_type t)
{
	struct buf	 b;
	const char	*v, *s;
	char		 sep = '?';
	size_t		 i;

	buf_init(&b);
	oparl_list_url(&b, c, t);
	for (i = 0; i < sizeof(filter_names) / sizeof(filter_names[0]); i++)
		if ((v = http_query(r, filter_names[i])) != NULL) {
			buf_printf(&b, "%c%s=%s", sep, filter_names[i],
			    http_urlencode(&r->arena, v));
			sep = '&';
		}
	if ((v = http_query(r, "limit")) != NULL)
		buf_printf(&b, "%climit=%s", sep, http_urlencode(&r->arena, v));
	s = arena_strdup(&r->arena, buf_str(&b));
	buf_cleanup(&b);
	return s;
}

/* Answer with page p of a list (its entries as JSON). */
static void
send_list(struct http_req *r, const struct oparl_ctx *c, enum oparl_type t,
    const struct oparl_page *p, int64_t limit, int64_t page)
{
	struct view_cache	 vc = { NULL, OPARL_SYSTEM, NULL };
	struct err		 e;
	json_t			*data, *o;
	size_t			 i;
	int			 rc;

	err_clear(&e);
	data = json_array();
	for (i = 0; i < p->n; i++) {
		/* One row that cannot be rendered is left out, not the list. */
		rc = entry_json(r, c, &vc, &p->entries[i], &o, &e);
		if (rc == ERR_INVALID) {
			log_warn("oparl: %s %s skipped: %s",
			    oparl_type_url(p->entries[i].type),
			    p->entries[i].segment, e.msg);
			err_clear(&e);
			continue;
		}
		if (rc != 0) {
			json_decref(vc.arr);
			json_decref(data);
			send_error(r, &e);
			return;
		}
		json_array_append_new(data, o);
	}
	json_decref(vc.arr);
	if (oparl_list(list_url(r, c, t), data, p->total, limit, page, &o,
	    &e) != 0) {
		send_error(r, &e);
		return;
	}
	http_send_json(r, 200, o);
}

void
api_oparl_bodies(struct http_req *r)
{
	static const char *const allowed[] = { "created_since",
	    "created_until", "modified_since", "modified_until", "limit",
	    "page", "omit_internal", NULL };
	struct oparl_ctx	 c;
	struct err		 e;
	json_t			*data, *o;
	int64_t			 limit, page;

	err_clear(&e);
	if (http_query_check(r, allowed, &e) != 0 || ctx_of(r, &c, &e) != 0 ||
	    query_int(r, "limit", OPARL_FEED_LIMIT, OPARL_FEED_LIMIT_MAX,
	    &limit, &e) != 0 || query_int(r, "page", 1, INT64_MAX /
	    OPARL_FEED_LIMIT_MAX, &page, &e) != 0 ||
	    body_json(r, &c, &o, &e) != 0)
		goto fail;
	/* The one Body, whatever the time filters say. */
	data = json_array();
	json_array_append_new(data, o);
	if (oparl_list(list_url(r, &c, OPARL_BODY), data, 1, limit, page, &o,
	    &e) != 0)
		goto fail;
	http_send_json(r, 200, o);
	return;
fail:
	send_error(r, &e);
}

void
api_oparl_list(struct http_req *r)
{
	static const char *const allowed[] = { "created_since",
	    "created_until", "modified_since", "modified_until", "limit",
	    "page", "omit_internal", NULL };
	struct oparl_query	 q;
	struct oparl_page	 p;
	struct oparl_ctx	 c;
	struct err		 e;
	const char		*seg;
	size_t			 i;

	err_clear(&e);
	seg = strrchr(r->path, '/') + 1;
	for (i = 0; i < sizeof(lists) / sizeof(lists[0]); i++)
		if (strcmp(seg, lists[i].segment) == 0)
			break;
	if (i == sizeof(lists) / sizeof(lists[0]) ||
	    strcmp(r->params[0], OPARL_BODY_KEY) != 0) {
		err_set(&e, ERR_NOT_FOUND, "not_found", NULL,
		    "Listen findes ikke");
		goto fail;
	}
	memset(&q, 0, sizeof(q));
	if (http_query_check(r, allowed, &e) != 0 || ctx_of(r, &c, &e) != 0 ||
	    query_int(r, "limit", OPARL_FEED_LIMIT, OPARL_FEED_LIMIT_MAX,
	    &q.limit, &e) != 0 || query_int(r, "page", 1, INT64_MAX /
	    OPARL_FEED_LIMIT_MAX, &q.page, &e) != 0)
		goto fail;
	q.created_since = http_query(r, "created_since");
	q.created_until = http_query(r, "created_until");
	q.modified_since = http_query(r, "modified_since");
	q.modified_until = http_query(r, "modified_until");
	if (oparl_feed_list(&r->svc, lists[i].type, &q, &p, &e) != 0)
		goto fail;
	send_list(r, &c, lists[i].type, &p, q.limit, q.page);
	return;
fail:
	send_error(r, &e);
}

/* ---- single objects ------------------------------------------------- */

/* Answer with the object of type t at segment seg. */
static void
send_object(struct http_req *r, enum oparl_type t, const char *seg)
{
	struct view_cache	 vc = { NULL, OPARL_SYSTEM, NULL };
	struct oparl_entry	 x;
	struct oparl_ctx	 c;
	struct err		 e;
	json_t			*o;
	int			 rc;

	if (begin(r, &c, &e) != 0 || oparl_feed_get(&r->svc, t, seg, &x,
	    &e) != 0) {
		send_error(r, &e);
		return;
	}
	rc = entry_json(r, &c, &vc, &x, &o, &e);
	json_decref(vc.arr);
	if (rc != 0) {
		send_error(r, &e);
		return;
	}
	http_send_json(r, 200, o);
}

void
api_oparl_object(struct http_req *r)
{
	const char	*p = r->path + strlen(OPARL_PATH "/");
	size_t		 i, n;
	struct err	 e;

	for (i = 0; i < sizeof(objects) / sizeof(objects[0]); i++) {
		n = strlen(objects[i].segment);
		if (strncmp(p, objects[i].segment, n) == 0 && p[n] == '/') {
			send_object(r, objects[i].type, r->params[0]);
			return;
		}
	}
	err_set(&e, ERR_NOT_FOUND, "not_found", NULL, "Objektet findes ikke");
	send_error(r, &e);
}

void
api_oparl_meeting_location(struct http_req *r)
{
	send_object(r, OPARL_LOCATION, r->params[0]);
}

/*
 * The File of a meeting's agenda or minutes PDF (Meeting.invitation,
 * Meeting.resultsProtocol): the member of the Meeting object itself, so
 * that both always agree; 404 while the minutes are not approved.
 */
void
api_oparl_meeting_file(struct http_req *r)
{
	struct view_cache	 vc = { NULL, OPARL_SYSTEM, NULL };
	struct oparl_entry	 x;
	struct oparl_ctx	 c;
	struct err		 e;
	const char		*key;
	json_t			*m = NULL, *f;

	err_clear(&e);
	key = strcmp(r->path + strlen(r->path) - 7, "minutes") == 0 ?
	    "resultsProtocol" : "invitation";
	if (begin(r, &c, &e) != 0 || oparl_feed_get(&r->svc, OPARL_MEETING,
	    r->params[0], &x, &e) != 0)
		goto fail;
	if (x.deleted || entry_json(r, &c, &vc, &x, &m, &e) != 0 ||
	    (f = json_object_get(m, key)) == NULL) {
		json_decref(vc.arr);
		json_decref(m);
		if (e.code == 0)
			err_set(&e, ERR_NOT_FOUND, "not_found", NULL,
			    "Filen findes ikke");
		goto fail;
	}
	json_decref(vc.arr);
	json_incref(f);
	json_decref(m);
	http_send_json(r, 200, f);
	return;
fail:
	send_error(r, &e);
}

/*
 * File.accessUrl of a meeting's PDFs: the site's own PDF of the meeting
 * (the public projection for the public), by redirect.
 */
void
api_oparl_meeting_pdf(struct http_req *r)
{
	bool minutes = strstr(r->path, "/minutes.pdf") != NULL;

	http_redirect(r, arena_printf(&r->arena, "/moeder/%s/%s",
	    r->params[0], minutes ? "referat.pdf" : "dagsorden.pdf"));
}

void
api_oparl_file_content(struct http_req *r)
{
	struct oparl_entry	 x;
	struct attachment	 f;
	struct oparl_ctx	 c;
	struct err		 e;
	const void		*data;
	size_t			 len;
	int64_t			 id;
	const char		*ext;

	if (begin(r, &c, &e) != 0 || oparl_feed_get(&r->svc, OPARL_FILE,
	    r->params[0], &x, &e) != 0)
		goto fail;
	/* Only a published file; a deleted one is gone. */
	if (x.deleted || text_parse_i64(r->params[0], &id) != 0) {
		err_set(&e, ERR_NOT_FOUND, "not_found", NULL,
		    "Filen findes ikke");
		goto fail;
	}
	if (meeting_attachment_get(&r->svc, id, &f, &data, &len, &e) != 0)
		goto fail;
	ext = strcmp(f.media_type, "application/pdf") == 0 ? "pdf" :
	    strstr(f.media_type, "word") ? "docx" : "xlsx";
	http_set_header(r, "Content-Disposition", arena_printf(&r->arena,
	    "inline; filename=\"bilag-%lld.%s\"", (long long)id, ext));
	http_send(r, 200, f.media_type, data, len);
	return;
fail:
	send_error(r, &e);
}
