/*
 * meeting — states, sections, results and the minutes diff (see
 * meeting.h).
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "core/meeting.h"
#include "util/arena.h"
#include "util/buf.h"
#include "util/text.h"

#define DIFF_MAX_LINES	2000

/* A code and its label. */
struct name_label {
	const char	*name;
	const char	*label;
};

static const struct name_label states[MEETING_STATE_COUNT] = {
	{ "planlagt", "Planlagt" },
	{ "indkaldt", "Indkaldt" },
	{ "afholdt", "Afholdt" },
	{ "referat_udkast", "Referat (udkast)" },
	{ "referat_godkendt", "Referat godkendt" },
	{ "aflyst", "Aflyst" },
};

static const struct name_label sections[SECTION_COUNT] = {
	{ "indledning", NULL },
	{ "behandling", "Sager til behandling" },
	{ "efterretning", "Sager til forventet efterretning" },
	{ "orientering", "Orienteringer" },
	{ "lukket", "Lukkede punkter" },
	{ "afslutning", NULL },
};

static const char *const kinds[ITEM_KIND_COUNT] = {
	"sag", "dagsorden", "referat", "evt", "naeste_moede",
};

static const struct name_label results[RESULT_COUNT] = {
	{ NULL, NULL },
	{ "godkendt", "godkendt" },
	{ "anbefalet", "anbefalet" },
	{ "taget_til_efterretning", "taget til efterretning" },
	{ "droeftet", "drøftet" },
	{ "udsat", "udsat" },
	{ "afvist", "afvist" },
};

static const struct name_label participant_states[] = {
	{ "deltager", "Deltager" },
	{ "afbud", "Afbud" },
	{ "fravaerende", "Fraværende" },
	{ NULL, NULL },
};

static const struct name_label follow_up_states[] = {
	{ "aaben", "Åben" },
	{ "i_gang", "I gang" },
	{ "lukket", "Lukket" },
	{ NULL, NULL },
};

static const struct name_label roles[] = {
	{ "formand", "Formand" },
	{ "naestformand", "Næstformand" },
	{ "medlem", "Medlem" },
	{ "stedfortraeder", "Stedfortræder" },
	{ "observatoer", "Observatør" },
	{ "sekretaer", "Sekretær" },
	{ NULL, NULL },
};

static const struct name_label body_kinds[] = {
	{ "organ", "Organ" },
	{ "arbejdsgruppe", "Arbejdsgruppe" },
	{ "netvaerk", "Netværk" },
	{ NULL, NULL },
};

/* The entry of a NULL-terminated table named s, or NULL. */
static const struct name_label *
lookup(const struct name_label *t, const char *s)
{
	if (s == NULL)
		return NULL;
	for (; t->name != NULL; t++)
		if (strcmp(t->name, s) == 0)
			return t;
	return NULL;
}

const char *
meeting_state_name(enum meeting_state s)
{
	return (unsigned)s < MEETING_STATE_COUNT ? states[s].name : "planlagt";
}

const char *
meeting_state_label(enum meeting_state s)
{
	return (unsigned)s < MEETING_STATE_COUNT ? states[s].label : "";
}

int
meeting_state_parse(const char *s, enum meeting_state *out)
{
	int i;

	if (s == NULL)
		return -1;
	for (i = 0; i < MEETING_STATE_COUNT; i++)
		if (strcmp(states[i].name, s) == 0) {
			*out = (enum meeting_state)i;
			return 0;
		}
	return -1;
}

bool
meeting_state_change_ok(enum meeting_state from, enum meeting_state to)
{
	switch (to) {
	case MEETING_INDKALDT:
		return from == MEETING_PLANLAGT;
	case MEETING_AFHOLDT:
		return from == MEETING_INDKALDT;
	case MEETING_REFERAT_UDKAST:
		return from == MEETING_AFHOLDT;
	case MEETING_AFLYST:
		return from == MEETING_PLANLAGT || from == MEETING_INDKALDT;
	default:
		return false;
	}
}

bool
meeting_state_public(enum meeting_state s)
{
	return s != MEETING_PLANLAGT && (unsigned)s < MEETING_STATE_COUNT;
}

const char *
item_section_name(enum item_section s)
{
	return (unsigned)s < SECTION_COUNT ? sections[s].name : "behandling";
}

const char *
item_section_label(enum item_section s)
{
	return (unsigned)s < SECTION_COUNT ? sections[s].label : NULL;
}

int
item_section_parse(const char *s, enum item_section *out)
{
	int i;

	if (s == NULL)
		return -1;
	for (i = 0; i < SECTION_COUNT; i++)
		if (strcmp(sections[i].name, s) == 0) {
			*out = (enum item_section)i;
			return 0;
		}
	return -1;
}

enum item_section
item_section_from_text(const char *heading)
{
	struct buf		 b;
	const char		*f;
	enum item_section	 s = SECTION_BEHANDLING;

	if (heading == NULL)
		return s;
	buf_init(&b);
	text_fold(&b, heading);
	f = buf_str(&b);
	if (strstr(f, "lukke") != NULL || strstr(f, "fortrolig") != NULL)
		s = SECTION_LUKKET;
	else if (strstr(f, "efterretning") != NULL)
		s = SECTION_EFTERRETNING;
	else if (strstr(f, "orientering") != NULL)
		s = SECTION_ORIENTERING;
	buf_cleanup(&b);
	return s;
}

const char *
item_kind_name(enum item_kind k)
{
	return (unsigned)k < ITEM_KIND_COUNT ? kinds[k] : "sag";
}

int
item_kind_parse(const char *s, enum item_kind *out)
{
	int i;

	if (s == NULL)
		return -1;
	for (i = 0; i < ITEM_KIND_COUNT; i++)
		if (strcmp(kinds[i], s) == 0) {
			*out = (enum item_kind)i;
			return 0;
		}
	return -1;
}

const char *
item_result_name(enum item_result r)
{
	return (unsigned)r < RESULT_COUNT ? results[r].name : NULL;
}

const char *
item_result_label(enum item_result r)
{
	return (unsigned)r < RESULT_COUNT ? results[r].label : NULL;
}

int
item_result_parse(const char *s, enum item_result *out)
{
	int i;

	if (s == NULL || *s == '\0') {
		*out = RESULT_NONE;
		return 0;
	}
	for (i = 1; i < RESULT_COUNT; i++)
		if (strcmp(results[i].name, s) == 0) {
			*out = (enum item_result)i;
			return 0;
		}
	return -1;
}

bool
participant_status_valid(const char *s)
{
	return lookup(participant_states, s) != NULL;
}

const char *
participant_status_label(const char *s)
{
	const struct name_label *t = lookup(participant_states, s);

	return t ? t->label : "";
}

bool
follow_up_status_valid(const char *s)
{
	return lookup(follow_up_states, s) != NULL;
}

const char *
follow_up_status_label(const char *s)
{
	const struct name_label *t = lookup(follow_up_states, s);

	return t ? t->label : "";
}

bool
membership_role_valid(const char *s)
{
	return lookup(roles, s) != NULL;
}

const char *
membership_role_label(const char *s)
{
	const struct name_label *t = lookup(roles, s);

	return t ? t->label : "";
}

bool
body_kind_valid(const char *s)
{
	return lookup(body_kinds, s) != NULL;
}

const char *
body_kind_label(const char *s)
{
	const struct name_label *t = lookup(body_kinds, s);

	return t ? t->label : "";
}

static bool
two_digits(const char *s, int max)
{
	return s[0] >= '0' && s[0] <= '9' && s[1] >= '0' && s[1] <= '9' &&
	    (s[0] - '0') * 10 + (s[1] - '0') <= max;
}

bool
meeting_time_valid(const char *s)
{
	char	date[11];
	size_t	n;

	if (s == NULL)
		return false;
	n = strlen(s);
	if (n != 10 && n != 16)
		return false;
	memcpy(date, s, 10);
	date[10] = '\0';
	if (!text_date_valid(date))
		return false;
	if (n == 10)
		return true;
	return s[10] == 'T' && two_digits(s + 11, 23) && s[13] == ':' &&
	    two_digits(s + 14, 59);
}

/* Split s into lines in a; *n receives the count. */
static char **
split_lines(struct arena *a, const char *s, size_t *n)
{
	char		**v;
	const char	 *p, *nl;
	size_t		  cap = 1, k = 0, len;

	*n = 0;
	if (s == NULL || *s == '\0')
		return NULL;
	for (p = s; *p != '\0'; p++)
		if (*p == '\n')
			cap++;
	v = arena_calloc(a, cap, sizeof(*v));
	for (p = s; ; p = nl + 1) {
		nl = strchr(p, '\n');
		len = nl ? (size_t)(nl - p) : strlen(p);
		if (len > 0 && p[len - 1] == '\r')
			len--;
		v[k++] = arena_strndup(a, p, len);
		if (nl == NULL || nl[1] == '\0')
			break;
	}
	*n = k;
	return v;
}

void
meeting_diff_lines(struct arena *a, const char *old, const char *new_,
    struct diff_line **out, size_t *n)
{
	char		**x, **y;
	size_t		  nx, ny, i, j, k = 0;
	uint16_t	 *lcs;
	struct diff_line *d;

	x = split_lines(a, old, &nx);
	y = split_lines(a, new_, &ny);
	d = arena_calloc(a, nx + ny + 1, sizeof(*d));
	if (nx > DIFF_MAX_LINES || ny > DIFF_MAX_LINES) {
		for (i = 0; i < nx; i++)
			d[k++] = (struct diff_line){ '-', x[i] };
		for (j = 0; j < ny; j++)
			d[k++] = (struct diff_line){ '+', y[j] };
		*out = d;
		*n = k;
		return;
	}
	/* lcs[i][j]: length of the LCS of x[i..] and y[j..]. */
	lcs = calloc((nx + 1) * (ny + 1), sizeof(*lcs));
	if (lcs == NULL)
		abort();
#define L(i, j)	lcs[(i) * (ny + 1) + (j)]
	for (i = nx; i-- > 0; )
		for (j = ny; j-- > 0; )
			L(i, j) = strcmp(x[i], y[j]) == 0 ?
			    (uint16_t)(L(i + 1, j + 1) + 1) :
			    (L(i + 1, j) >= L(i, j + 1) ? L(i + 1, j) :
			    L(i, j + 1));
	i = j = 0;
	while (i < nx || j < ny) {
		if (i < nx && j < ny && strcmp(x[i], y[j]) == 0) {
			d[k++] = (struct diff_line){ ' ', x[i] };
			i++;
			j++;
		} else if (i < nx && (j == ny || L(i + 1, j) >= L(i, j + 1)))
			d[k++] = (struct diff_line){ '-', x[i++] };
		else
			d[k++] = (struct diff_line){ '+', y[j++] };
	}
#undef L
	free(lcs);
	*out = d;
	*n = k;
}
