/*
 * offer — register rules for offers (see offer.h).
 */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "core/offer.h"
#include "core/org.h"
#include "util/arena.h"
#include "util/buf.h"
#include "util/err.h"
#include "util/text.h"

static const struct {
	const char *name;
	const char *label;
} kinds[OFFER_KIND_COUNT] = {
	[OFFER_KIND_UNKNOWN]		= { "", "Ikke oplyst" },
	[OFFER_RESIDENTIAL]		= { "residential", "Botilbud" },
	[OFFER_DAY]			= { "day", "Dagtilbud" },
	[OFFER_OUTPATIENT]		= { "outpatient", "Ambulant tilbud" },
	[OFFER_SECURE_INSTITUTION]	= { "secure_institution", "Sikret institution" },
	[OFFER_SPECIAL_EDUCATION]	= { "special_education", "Specialundervisningstilbud" },
	[OFFER_RESPITE]			= { "respite", "Aflastningstilbud" },
	[OFFER_SUPERVISION]		= { "supervision", "Socialtilsyn" },
};

static const struct {
	const char *name;
	const char *label;
} statuses[OFFER_STATUS_COUNT] = {
	[OFFER_ACTIVE]	= { "active", "Aktiv" },
	[OFFER_CLOSING]	= { "closing", "Under afvikling" },
	[OFFER_CLOSED]	= { "closed", "Lukket" },
};

const char *
offer_kind_name(enum offer_kind k)
{
	return (unsigned)k < OFFER_KIND_COUNT ? kinds[k].name : "";
}

const char *
offer_kind_label(enum offer_kind k)
{
	return (unsigned)k < OFFER_KIND_COUNT ? kinds[k].label : "";
}

int
offer_kind_parse(const char *s, enum offer_kind *out)
{
	int i;

	if (s == NULL || *s == '\0') {
		*out = OFFER_KIND_UNKNOWN;
		return 0;
	}
	for (i = 1; i < OFFER_KIND_COUNT; i++)
		if (strcmp(s, kinds[i].name) == 0) {
			*out = (enum offer_kind)i;
			return 0;
		}
	return -1;
}

const char *
offer_status_name(enum offer_status s)
{
	return (unsigned)s < OFFER_STATUS_COUNT ? statuses[s].name : "";
}

const char *
offer_status_label(enum offer_status s)
{
	return (unsigned)s < OFFER_STATUS_COUNT ? statuses[s].label : "";
}

int
offer_status_parse(const char *s, enum offer_status *out)
{
	int i;

	if (s == NULL)
		return -1;
	for (i = 0; i < OFFER_STATUS_COUNT; i++)
		if (strcmp(s, statuses[i].name) == 0) {
			*out = (enum offer_status)i;
			return 0;
		}
	return -1;
}

/* Check one text field: UTF-8, no control characters, length. */
static int
check_text(const char *s, const char *field, const char *label, size_t max,
    bool allow_newlines, struct err *e)
{
	size_t n = strlen(s);

	if (!text_utf8_valid(s, n))
		return err_set(e, ERR_INVALID, "invalid_utf8", field,
		    "%s er ikke gyldig UTF-8-tekst", label);
	if (text_has_controls(s) ||
	    (!allow_newlines && (strchr(s, '\n') || strchr(s, '\r'))))
		return err_set(e, ERR_INVALID, "invalid_characters", field,
		    "%s indeholder ugyldige tegn", label);
	if (text_utf8_len(s, n) > max)
		return err_set(e, ERR_INVALID, "too_long", field,
		    "%s må højst være %zu tegn", label, max);
	return 0;
}

int
offer_validate(const struct offer *o, struct err *e)
{
	size_t	i, j;
	int	rc;

	if (o->name == NULL || *o->name == '\0')
		return err_set(e, ERR_INVALID, "missing_name", "name",
		    "Tilbuddets navn skal udfyldes");
	if ((rc = check_text(o->name, "name", "Navnet", OFFER_NAME_MAX, false,
	    e)) != 0)
		return rc;
	if (o->name[0] == ' ' || o->name[strlen(o->name) - 1] == ' ')
		return err_set(e, ERR_INVALID, "invalid_name", "name",
		    "Navnet må ikke begynde eller slutte med mellemrum");
	if (o->operator_code != NULL && !org_code_plausible(o->operator_code))
		return err_set(e, ERR_INVALID, "invalid_operator_code",
		    "operator_code", "Ugyldig driftsherrekode: %.20s",
		    o->operator_code);
	if (o->location_code != NULL &&
	    !org_code_valid(ORG_KOMMUNE, o->location_code))
		return err_set(e, ERR_INVALID, "invalid_location_code",
		    "location_code", "Beliggenhedskommunen skal angives med "
		    "en kommunekode på 3 cifre");
	if ((unsigned)o->kind >= OFFER_KIND_COUNT)
		return err_set(e, ERR_INVALID, "invalid_kind", "kind",
		    "Ukendt tilbudstype");
	if ((unsigned)o->status >= OFFER_STATUS_COUNT)
		return err_set(e, ERR_INVALID, "invalid_status", "status",
		    "Ukendt status");
	if (o->nparagraphs > OFFER_PARAGRAPHS_MAX)
		return err_set(e, ERR_INVALID, "too_many_paragraphs",
		    "paragraphs", "Højst %d paragraffer pr. tilbud",
		    OFFER_PARAGRAPHS_MAX);
	for (i = 0; i < o->nparagraphs; i++) {
		if (o->paragraphs[i] == NULL || *o->paragraphs[i] == '\0')
			return err_set(e, ERR_INVALID, "empty_paragraph",
			    "paragraphs", "En paragraf må ikke være tom");
		if ((rc = check_text(o->paragraphs[i], "paragraphs",
		    "Paragraffen", OFFER_ITEM_MAX, false, e)) != 0)
			return rc;
		for (j = 0; j < i; j++)
			if (strcmp(o->paragraphs[i], o->paragraphs[j]) == 0)
				return err_set(e, ERR_INVALID,
				    "duplicate_paragraph", "paragraphs",
				    "Paragraffen %s er angivet to gange",
				    o->paragraphs[i]);
	}
	if (o->ntarget_groups > OFFER_GROUPS_MAX)
		return err_set(e, ERR_INVALID, "too_many_target_groups",
		    "target_groups", "Højst %d målgrupper pr. tilbud",
		    OFFER_GROUPS_MAX);
	for (i = 0; i < o->ntarget_groups; i++) {
		if (o->target_groups[i] == NULL || *o->target_groups[i] == '\0')
			return err_set(e, ERR_INVALID, "empty_target_group",
			    "target_groups", "En målgruppe må ikke være tom");
		if ((rc = check_text(o->target_groups[i], "target_groups",
		    "Målgruppen", OFFER_TEXT_MAX, false, e)) != 0)
			return rc;
	}
	if (o->category != NULL && (rc = check_text(o->category, "category",
	    "Kategorien", OFFER_CATEGORY_MAX, false, e)) != 0)
		return rc;
	if (o->nplaces > OFFER_YEARS_MAX)
		return err_set(e, ERR_INVALID, "too_many_years", "places",
		    "Højst %d år med pladstal", OFFER_YEARS_MAX);
	for (i = 0; i < o->nplaces; i++) {
		if (o->places[i].year < OFFER_YEAR_MIN ||
		    o->places[i].year > OFFER_YEAR_MAX)
			return err_set(e, ERR_INVALID, "invalid_year", "places",
			    "Ugyldigt år for pladser: %d (skal ligge mellem "
			    "%d og %d)", o->places[i].year, OFFER_YEAR_MIN,
			    OFFER_YEAR_MAX);
		if (o->places[i].centi < 0)
			return err_set(e, ERR_INVALID, "invalid_places",
			    "places", "Antal pladser kan ikke være negativt");
		if (o->places[i].centi > OFFER_PLACES_MAX)
			return err_set(e, ERR_INVALID, "invalid_places",
			    "places", "Antal pladser er urimeligt stort "
			    "(højst %d)", OFFER_PLACES_MAX / 100);
		for (j = 0; j < i; j++)
			if (o->places[j].year == o->places[i].year)
				return err_set(e, ERR_INVALID,
				    "duplicate_year", "places",
				    "Pladser for %d er angivet to gange",
				    o->places[i].year);
	}
	if (o->opened_on != NULL && !text_date_valid(o->opened_on))
		return err_set(e, ERR_INVALID, "invalid_date", "opened_on",
		    "Åbningsdatoen skal være en gyldig dato (ÅÅÅÅ-MM-DD)");
	if (o->status_from != NULL && !text_date_valid(o->status_from))
		return err_set(e, ERR_INVALID, "invalid_date", "status_from",
		    "Statusdatoen skal være en gyldig dato (ÅÅÅÅ-MM-DD)");
	if (o->opened_on != NULL && o->status_from != NULL &&
	    strcmp(o->status_from, o->opened_on) < 0)
		return err_set(e, ERR_INVALID, "invalid_date", "status_from",
		    "Statusdatoen ligger før åbningsdatoen");
	if (o->tilbudsportal_id != NULL) {
		int64_t v;
		if (strlen(o->tilbudsportal_id) > OFFER_PORTAL_ID_MAX ||
		    text_parse_i64(o->tilbudsportal_id, &v) != 0 || v <= 0 ||
		    o->tilbudsportal_id[0] == '+' ||
		    o->tilbudsportal_id[0] == '-')
			return err_set(e, ERR_INVALID, "invalid_tilbudsportal_id",
			    "tilbudsportal_id", "Tilbudsportalens id skal være "
			    "et tal på højst %d cifre", OFFER_PORTAL_ID_MAX);
	}
	if (o->note != NULL && (rc = check_text(o->note, "note", "Noten",
	    OFFER_TEXT_MAX, true, e)) != 0)
		return rc;
	if (o->source != NULL && (rc = check_text(o->source, "source",
	    "Kilden", OFFER_TEXT_MAX, true, e)) != 0)
		return rc;
	return 0;
}

/* Append one item, trimmed, unless empty; -1 when out is full. */
static int
push_item(struct arena *a, const char *s, size_t n, const char **out,
    size_t max, size_t *count)
{
	char *item = arena_strndup(a, s, n);

	text_trim(item);
	if (*item == '\0')
		return 0;
	if (*count >= max)
		return -1;
	out[(*count)++] = item;
	return 0;
}

/*
 * Expand one segment without ';' or '/': "SEL §§ 67 and 107" gives
 * "SEL § 67" and "SEL § 107"; anything without "§§" is one item.
 */
static int
split_segment(struct arena *a, const char *seg, const char **out, size_t max,
    size_t *count)
{
	const char	*pp, *p, *start;
	struct buf	 b;
	size_t		 lawlen;
	int		 rc = 0;

	if ((pp = strstr(seg, "§§")) == NULL)
		return push_item(a, seg, strlen(seg), out, max, count);
	lawlen = (size_t)(pp - seg);
	p = pp + strlen("§§");
	buf_init(&b);
	while (*p != '\0' && rc == 0) {
		while (*p == ' ' || *p == ',')
			p++;
		if (strncmp(p, "and ", 4) == 0)
			p += 4;
		else if (strncmp(p, "og ", 3) == 0)
			p += 3;
		while (*p == ' ')
			p++;
		start = p;
		while (*p != '\0' && *p != ',' && strncmp(p, " and ", 5) != 0 &&
		    strncmp(p, " og ", 4) != 0)
			p++;
		if (p > start) {
			buf_reset(&b);
			buf_append(&b, seg, lawlen);
			buf_puts(&b, "§ ");
			buf_append(&b, start, (size_t)(p - start));
			rc = push_item(a, buf_str(&b), b.len, out, max, count);
		}
	}
	buf_cleanup(&b);
	return rc;
}

int
offer_paragraphs_split(struct arena *a, const char *text, const char **out,
    size_t max)
{
	const char	*p, *start;
	size_t		 count = 0;
	char		*seg;

	if (text == NULL)
		return 0;
	for (p = start = text;; p++) {
		if (*p == ';' || *p == '/' || *p == '\0') {
			seg = arena_strndup(a, start, (size_t)(p - start));
			if (split_segment(a, seg, out, max, &count) != 0)
				return -1;
			if (*p == '\0')
				break;
			start = p + 1;
		}
	}
	return (int)count;
}

int
offer_paragraph_section(const char *p)
{
	const char	*s;
	long		 v;

	if ((s = strstr(p, "§")) == NULL)
		return 0;
	s += strlen("§");
	while (*s == ' ' || *s == '\xc2' || *s == '\xa0')
		s++;
	if (!isdigit((unsigned char)*s))
		return 0;
	v = strtol(s, NULL, 10);
	return v > 0 && v < 100000 ? (int)v : 0;
}

int64_t
offer_places_in(const struct offer *o, int year)
{
	size_t i;

	for (i = 0; i < o->nplaces; i++)
		if (o->places[i].year == year)
			return o->places[i].centi;
	return -1;
}
