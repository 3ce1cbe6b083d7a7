/*
 * oparl — OParl 1.1 JSON objects (https://schema.oparl.org/1.1/) for the
 * public read API: System, Body, Organization, Person, Membership,
 * Meeting, AgendaItem, File, Location, LegislativeTerm, deleted objects
 * (tombstones) and the paginated list around them.
 *
 * OParl output is public. Meeting, AgendaItem and File are built from
 * struct meeting_view and never contain a closed item or a closed file
 * (there is no include_closed switch here on purpose); the decisions of
 * an item (result, resolutionText) are published only once the minutes
 * are approved. The other objects are built from the small plain structs
 * below, which the governance storage fills.
 *
 * Object ids are absolute URLs under ctx->base; the URL scheme and the
 * "ramme:" extension fields are documented in docs/oparl.md. Every
 * function returns a new json_t the caller owns (json_decref). Text is
 * written as well-formed UTF-8 (invalid bytes become U+FFFD).
 */
#ifndef RAMME_OPARL_H
#define RAMME_OPARL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include <jansson.h>

struct buf;
struct err;
struct meeting_view;

#define OPARL_VERSION	"https://schema.oparl.org/1.1/"

enum oparl_type {
	OPARL_SYSTEM,
	OPARL_BODY,
	OPARL_ORGANIZATION,
	OPARL_PERSON,
	OPARL_MEMBERSHIP,
	OPARL_MEETING,
	OPARL_AGENDA_ITEM,
	OPARL_FILE,
	OPARL_LOCATION,
	OPARL_LEGISLATIVE_TERM,
	OPARL_PAPER,
	OPARL_CONSULTATION
};

/* Where the API lives; shared by every call. */
struct oparl_ctx {
	const char	*base;		/* API root, absolute, no trailing
					   slash: "https://x.dk/oparl/v1" */
	const char	*site;		/* site root for site-relative links
					   in the view ("/moeder/7"), or NULL */
	const char	*body;		/* key of the one Body: "nordjylland" */
	const char	*license;	/* data licence URL (System, Body), or
					   NULL */
	bool		 meeting_pdfs;	/* Meeting.invitation/resultsProtocol
					   point at {base}/meeting/{id}/
					   agenda.pdf and minutes.pdf, which
					   the HTTP layer then serves */
	bool		 file_content;	/* a File with a stored id and a URL
					   gets accessUrl {base}/file/{id}/
					   content (served inline, which the
					   HTTP layer then serves) and
					   downloadUrl = its URL; otherwise
					   both are its URL */
};

/* Timestamps below are ISO UTC ("2011-10-01T12:00:00Z"); NULL leaves
   created out and makes modified equal created. Dates are "YYYY-MM-DD"
   or NULL. */

struct oparl_system {
	const char	*name;		/* "Rammeaftalesekretariatet" */
	const char	*contact_email;
	const char	*contact_name;
	const char	*website;	/* absolute URL or NULL */
	const char	*vendor;	/* absolute URL or NULL */
	const char	*product;	/* absolute URL or NULL */
	const char	*created;
	const char	*modified;
};

struct oparl_legislative_term {
	int64_t		 id;
	const char	*name;		/* "Rammeaftaleperioden 2011-2012" */
	const char	*start_date;
	const char	*end_date;
	const char	*created;
	const char	*modified;
};

struct oparl_location {
	int64_t		 id;
	const char	*description;	/* free-text address */
	const char	*street_address;
	const char	*room;
	const char	*postal_code;
	const char	*sub_locality;
	const char	*locality;
	bool		 has_point;	/* lat/lon valid: a GeoJSON point */
	double		 lat;		/* degrees, WGS 84 */
	double		 lon;
	const char	*created;
	const char	*modified;
};

struct oparl_body {
	const char	*name;		/* "Rammeaftale Nordjylland" */
	const char	*short_name;
	const char	*website;	/* absolute URL or NULL */
	const char	*contact_email;
	const char	*contact_name;
	const char	*classification; /* "Kommunalt samarbejde" */
	const struct oparl_legislative_term *terms;	/* embedded */
	size_t		 nterms;
	const struct oparl_location *location;	/* or NULL */
	const char	*created;
	const char	*modified;
};

struct oparl_organization {
	const char	*key;		/* URL segment: "socdir", "das", or a
					   municipality code "851" */
	const char	*name;		/* "Den Administrative Styregruppe" */
	const char	*short_name;	/* "DAS" */
	const char	*organization_type; /* "Gremium", "Institution" */
	const char	*classification; /* "Direktørkreds", "Arbejdsgruppe",
					   "Kommune" */
	const char	*parent_key;	/* subOrganizationOf, or NULL */
	const char	*start_date;
	const char	*end_date;
	const char	*website;	/* absolute URL or NULL */
	const char *const *posts;	/* "formand", "næstformand" */
	size_t		 nposts;
	const int64_t	*membership_ids;
	size_t		 nmemberships;
	const char	*municipality_code; /* ramme:municipalityCode */
	const char	*mandate;	/* ramme:mandate (working groups) */
	const char	*created;
	const char	*modified;
};

enum oparl_vote {
	OPARL_VOTE_UNKNOWN = 0,		/* votingRight left out */
	OPARL_VOTE_YES,
	OPARL_VOTE_NO
};

struct oparl_membership {
	int64_t		 id;
	int64_t		 person_id;
	const char	*organization_key;
	const char	*role;		/* "formand", "medlem" */
	enum oparl_vote	 voting_right;
	const char	*start_date;
	const char	*end_date;
	const char	*on_behalf_of_key; /* the municipality, or NULL */
	int64_t		 substitute_for; /* ramme:substituteFor: the
					   membership this one stands in
					   for, 0 = none */
	const char	*created;
	const char	*modified;
};

struct oparl_person {
	int64_t		 id;
	const char	*name;		/* "Hilde E. Thun Holst" */
	const char	*family_name;
	const char	*given_name;
	const char	*form_of_address;
	const char	*affix;
	const char	*title;		/* academic title, or NULL */
	const char	*gender;	/* omit (NULL) unless known */
	const char	*email;		/* NULL unless consented to */
	const char	*phone;		/* NULL unless consented to */
	const char	*status;	/* "Socialdirektør" */
	const struct oparl_membership *memberships;	/* embedded */
	size_t		 nmemberships;
	const char	*created;
	const char	*modified;
};

/*
 * Append the absolute URL of an object: {base}/{type}/{segment}, e.g.
 * oparl_url(b, c, OPARL_MEETING, "7"). System is {base} itself.
 */
void	oparl_url(struct buf *out, const struct oparl_ctx *c,
	    enum oparl_type t, const char *segment);
/*
 * Append the URL of the Body's external list of objects of type t:
 * {base}/body/{body}/{meetings|organizations|...}; OPARL_BODY gives
 * {base}/bodies (the System's body list).
 */
void	oparl_list_url(struct buf *out, const struct oparl_ctx *c,
	    enum oparl_type t);
/* "https://schema.oparl.org/1.1/Meeting" ... */
const char *oparl_type_url(enum oparl_type t);

/*
 * Each builder below stores a new object in *out and returns 0, or
 * returns ERR_INVALID with e filled (key "invalid_date",
 * "invalid_timestamp", "invalid_start", "missing_key", "invalid_ctx")
 * and *out NULL.
 */
int	oparl_system(const struct oparl_ctx *c, const struct oparl_system *s,
	    json_t **out, struct err *e);
int	oparl_body(const struct oparl_ctx *c, const struct oparl_body *b,
	    json_t **out, struct err *e);
int	oparl_organization(const struct oparl_ctx *c,
	    const struct oparl_organization *o, json_t **out, struct err *e);
/* A Person with its memberships embedded. */
int	oparl_person(const struct oparl_ctx *c, const struct oparl_person *p,
	    json_t **out, struct err *e);
int	oparl_membership(const struct oparl_ctx *c,
	    const struct oparl_membership *m, json_t **out, struct err *e);
int	oparl_location(const struct oparl_ctx *c,
	    const struct oparl_location *l, json_t **out, struct err *e);
int	oparl_legislative_term(const struct oparl_ctx *c,
	    const struct oparl_legislative_term *t, json_t **out,
	    struct err *e);
/*
 * A Meeting with its open agenda items and their open files embedded;
 * closed items and closed files are left out entirely and `order`
 * counts only the published items.
 */
int	oparl_meeting(const struct oparl_ctx *c, const struct meeting_view *v,
	    json_t **out, struct err *e);
/*
 * Append the meeting's published AgendaItems (resp. Files) to the JSON
 * array arr as standalone objects, for the Body's agendaItem and file
 * lists and for /agendaItem/{id} and /file/{id}. Returns 0 or
 * ERR_INVALID; arr may then hold some of them.
 */
int	oparl_agenda_items(const struct oparl_ctx *c,
	    const struct meeting_view *v, json_t *arr, struct err *e);
int	oparl_files(const struct oparl_ctx *c, const struct meeting_view *v,
	    json_t *arr, struct err *e);
/*
 * A deleted object: id, type, deleted: true, created and modified (the
 * time of deletion), plus what the type's schema requires (Body: empty
 * name and its list URLs; File: accessUrl = its id; AgendaItem: order
 * 0; System: oparlVersion and body list).
 */
int	oparl_tombstone(const struct oparl_ctx *c, enum oparl_type t,
	    const char *segment, const char *created, const char *modified,
	    json_t **out, struct err *e);
/*
 * Wrap one page of objects as an OParl list:
 *   { "data": [...], "pagination": { totalElements, elementsPerPage,
 *     currentPage, totalPages }, "links": { first, prev, next, last } }
 * list_url is the list's absolute URL, possibly with a query
 * ("...?modified_since=..."); page links add "page=N" to it. data (a
 * JSON array) is stolen, also on error. total >= 0, per_page >= 1,
 * page >= 1; an empty list has one (empty) page. Returns 0, ERR_INVALID
 * (key "invalid_page") or ERR_NOT_FOUND (key "page_not_found", page
 * after the last).
 */
int	oparl_list(const char *list_url, json_t *data, int64_t total,
	    int64_t per_page, int64_t page, json_t **out, struct err *e);

#endif
