/*
 * oparl_impl — what the OParl serializers share, small and inline:
 * strings cleaned to UTF-8 and left out when blank, object and list
 * URLs, an object started with its id and type, timestamps and dates,
 * the context's check and the common finish. Private to
 * src/report/oparl.c and oparl_meeting.c; see oparl.h for the interface.
 */
#ifndef RAMME_OPARL_IMPL_H
#define RAMME_OPARL_IMPL_H

#include <jansson.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "report/meeting_fmt.h"
#include "report/oparl.h"
#include "util/buf.h"
#include "util/err.h"
#include "util/text.h"

/* A JSON string of clean UTF-8. */
static inline json_t *
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
static inline void
set_str(json_t *o, const char *key, const char *s)
{
	if (!meeting_fmt_blank(s))
		json_object_set_new(o, key, jstr(s));
}

/* key: [s], unless s is blank. */
static inline void
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
static inline void
set_url(json_t *o, const char *key, const struct oparl_ctx *c,
    enum oparl_type t, const char *segment)
{
	struct buf	b;

	buf_init(&b);
	oparl_url(&b, c, t, segment);
	json_object_set_new(o, key, json_stringn(b.data, b.len));
	buf_cleanup(&b);
}

static inline void
set_url_id(json_t *o, const char *key, const struct oparl_ctx *c,
    enum oparl_type t, int64_t id)
{
	char	seg[24];

	snprintf(seg, sizeof(seg), "%lld", (long long)id);
	set_url(o, key, c, t, seg);
}

static inline void
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
static inline void
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
static inline json_t *
object(const struct oparl_ctx *c, enum oparl_type t, const char *segment)
{
	json_t	*o = json_object();

	set_url(o, "id", c, t, segment);
	json_object_set_new(o, "type", json_string(oparl_type_url(t)));
	return o;
}

static inline json_t *
object_id(const struct oparl_ctx *c, enum oparl_type t, int64_t id)
{
	char	seg[24];

	snprintf(seg, sizeof(seg), "%lld", (long long)id);
	return object(c, t, seg);
}

#define STAMP_MAX	96	/* room for any int fields, not only valid */

/* RFC 3339 UTC text of epoch into out. */
static inline void
rfc3339_utc(char out[STAMP_MAX], int64_t t)
{
	struct meeting_fmt_tm	tm;

	meeting_fmt_from_epoch(t, &tm);
	snprintf(out, STAMP_MAX, "%04d-%02d-%02dT%02d:%02d:%02dZ", tm.year,
	    tm.mon, tm.day, tm.hour, tm.min, tm.sec);
}

/* created and modified (modified falls back to created). */
static inline int
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
static inline int
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
static inline int
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

static inline int
check_ctx(const struct oparl_ctx *c, struct err *e)
{
	if (c == NULL || !meeting_fmt_url_absolute(c->base) ||
	    meeting_fmt_blank(c->body) || strpbrk(c->body, "/?#") != NULL)
		return err_set(e, ERR_INVALID, "invalid_ctx", NULL,
		    "OParl-adressen er ikke sat korrekt op");
	return 0;
}

/* Store o in *out, or drop it on error. */
static inline int
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


/* The text of b as a JSON string. */
static inline json_t *
url_string(struct buf *b)
{
	return json_stringn(buf_str(b), b->len);
}

#endif
