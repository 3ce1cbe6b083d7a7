/*
 * offer — an offer (tilbud) in the register of a framework agreement, and
 * the rules a valid offer obeys.
 *
 * Pure domain rules: no I/O. Strings are borrowed (usually from a request
 * or command arena); an offer never owns memory.
 */
#ifndef RAMME_OFFER_H
#define RAMME_OFFER_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct arena;
struct err;

enum offer_kind {
	OFFER_KIND_UNKNOWN = 0,		/* not stated in the source */
	OFFER_RESIDENTIAL,		/* botilbud / døgntilbud */
	OFFER_DAY,			/* dagtilbud */
	OFFER_OUTPATIENT,		/* ambulant tilbud */
	OFFER_SECURE_INSTITUTION,	/* sikret institution */
	OFFER_SPECIAL_EDUCATION,	/* specialundervisningstilbud */
	OFFER_RESPITE,			/* aflastningstilbud */
	OFFER_SUPERVISION,		/* socialtilsyn (financed, not bought) */
	OFFER_KIND_COUNT
};

enum offer_status {
	OFFER_ACTIVE,			/* aktiv */
	OFFER_CLOSING,			/* under afvikling */
	OFFER_CLOSED,			/* lukket */
	OFFER_STATUS_COUNT
};

#define OFFER_NAME_MAX		200	/* code points */
#define OFFER_TEXT_MAX		2000	/* code points, notes and sources */
#define OFFER_ITEM_MAX		200	/* code points, one paragraph or group */
#define OFFER_CATEGORY_MAX	50	/* code points */
#define OFFER_PORTAL_ID_MAX	12	/* digits of the Tilbudsportalen id */
#define OFFER_PARAGRAPHS_MAX	16
#define OFFER_GROUPS_MAX	8
#define OFFER_YEARS_MAX		60
#define OFFER_PLACES_MAX	1000000	/* hundredths: 10,000 places */
#define OFFER_YEAR_MIN		1970
#define OFFER_YEAR_MAX		2100

/* Places in one agreement year. */
struct offer_places {
	int	year;		/* agreement year */
	int64_t	centi;		/* places in hundredths (treatment offers
				   may have fractional places, spec TV-16) */
};

struct offer {
	int64_t			 id;		/* 0 before it is stored */
	int64_t			 version;	/* bumped by every update (ETag) */
	const char		*name;
	const char		*operator_code;	/* driftsherre; NULL if unknown */
	const char		*location_code;	/* beliggenhedskommune; NULL if unknown */
	enum offer_kind		 kind;
	const char		**paragraphs;	/* e.g. "SEL § 107" */
	size_t			 nparagraphs;
	const char		**target_groups; /* målgrupper, free text */
	size_t			 ntarget_groups;
	bool			 covered;	/* omfattet af rammeaftalen */
	const char		*category;	/* coverage category, e.g. "1"; NULL */
	struct offer_places	*places;	/* by year, ascending */
	size_t			 nplaces;
	enum offer_status	 status;
	const char		*opened_on;	/* ISO date or NULL */
	const char		*status_from;	/* ISO date the status took effect, or NULL */
	const char		*tilbudsportal_id; /* digits, or NULL */
	const char		*note;		/* what the sources say; NULL */
	const char		*source;	/* where the facts come from; NULL */
	const char		*updated_at;	/* ISO timestamp, set by storage */
};

/* API names ("residential", ...); "" for unknown. */
const char	*offer_kind_name(enum offer_kind k);
/* Danish labels ("Botilbud", ...); "Ikke oplyst" for unknown. */
const char	*offer_kind_label(enum offer_kind k);
/* Parse an API name; "" or NULL gives OFFER_KIND_UNKNOWN. 0 or -1. */
int		 offer_kind_parse(const char *s, enum offer_kind *out);
const char	*offer_status_name(enum offer_status s);
const char	*offer_status_label(enum offer_status s);
int		 offer_status_parse(const char *s, enum offer_status *out);

/*
 * Check every field of o against the register's rules (lengths, UTF-8,
 * code forms, dates, place counts and years). Whether referenced
 * organisations exist is for storage to check. Returns 0 or ERR_INVALID
 * with e naming the field and saying what is wrong in Danish.
 */
int		 offer_validate(const struct offer *o, struct err *e);

/*
 * Split a paragraph text as the sources write it into single paragraphs:
 * "SEL §§ 67 and 107" → "SEL § 67", "SEL § 107";
 * "Barnets lov §§ 32, 46, 47; SEL § 84" → four items;
 * "SEL § 101 / SUL § 141" → two items. Items are trimmed; empty ones are
 * dropped. At most max items are stored in out (from arena a).
 * Returns the number of items, or -1 if there are more than max.
 */
int		 offer_paragraphs_split(struct arena *a, const char *text,
		    const char **out, size_t max);
/*
 * The section number a paragraph names: "SEL § 66 stk. 1 nr. 7" → 66,
 * "Barnets lov § 20" → 20; 0 if it names none ("Folkeskoleloven").
 */
int		 offer_paragraph_section(const char *p);
/* Places in year, or -1 if none recorded. */
int64_t		 offer_places_in(const struct offer *o, int year);

#endif
