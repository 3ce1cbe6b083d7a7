/*
 * history — audit rows as typed records (see history.h). Reads the
 * audit JSON with jansson; touches nothing else.
 */
#include <jansson.h>
#include <stdlib.h>
#include <string.h>

#include "core/decimal.h"
#include "service/history.h"
#include "service/meeting.h"
#include "service/register.h"
#include "service/round.h"
#include "service/svc.h"
#include "store/audit.h"
#include "util/arena.h"
#include "util/err.h"
#include "util/text.h"

/* Danish labels of the fields of the audited JSON forms. */
static const struct {
	const char	*field;
	const char	*label;
} labels[] = {
	{ "name", "Navn" }, { "title", "Titel" }, { "status", "Status" },
	{ "minutes", "Referat" }, { "decision", "Beslutning" },
	{ "description", "Sagsfremstilling" }, { "recommendation",
	"Indstilling" }, { "section", "Afsnit" }, { "result", "Resultat" },
	{ "closed", "Lukket punkt" }, { "lines", "Ydelseslinjer" },
	{ "comment", "Kommentar" }, { "reason", "Begrundelse" },
	{ "operator_code", "Driftsherre" }, { "location_code",
	"Beliggenhedskommune" }, { "kind", "Tilbudstype" }, { "paragraphs",
	"Paragraffer" }, { "target_groups", "Målgrupper" }, { "covered",
	"Omfattet af rammeaftalen" }, { "category", "Kategori" },
	{ "places", "Pladser" }, { "status_from", "Status fra" },
	{ "opened_on", "Åbnet" }, { "address", "Adresse" },
	{ "tilbudsportal_id", "Tilbudsportalen" }, { "deleted", "Slettet" },
	{ "tariff_ore", "Takst" }, { "valid_from", "Gyldig fra" },
	{ "valid_to", "Gyldig til" }, { "submitted_at", "Indsendt" },
	{ "approved_at", "Godkendt" }, { "returned_at", "Sendt retur" },
	{ "harmonised_tariff", "Harmoniseret takst" },
	{ "from_year", "Gælder fra år" }, { "offers", "Tilbud" },
};

const char *
history_field_label(const char *field)
{
	size_t i;

	for (i = 0; i < sizeof(labels) / sizeof(labels[0]); i++)
		if (strcmp(labels[i].field, field) == 0)
			return labels[i].label;
	return NULL;
}

static const char *
action_label(const char *a)
{
	if (strcmp(a, "create") == 0)
		return "Oprettet";
	if (strcmp(a, "update") == 0)
		return "Gemt";
	if (strcmp(a, "delete") == 0)
		return "Slettet";
	if (strcmp(a, "submit") == 0)
		return "Indsendt";
	if (strcmp(a, "approve") == 0)
		return "Godkendt";
	if (strcmp(a, "return") == 0)
		return "Sendt retur";
	if (strcmp(a, "minutes") == 0)
		return "Referat ændret";
	if (strcmp(a, "harmonise") == 0)
		return "Harmoniseret takst";
	if (strcmp(a, "tariff_change") == 0)
		return "Takst ændret i året";
	if (strcmp(a, "dissolve") == 0)
		return "Harmoniseret takst ophævet";
	if (strncmp(a, "import", 6) == 0)
		return "Indlæst fra fil";
	return a;
}

/* "2026-11-23T10:00:00Z" as seconds since 1970 (UTC); 0 if malformed. */
static time_t
parse_at(const char *s)
{
	int y, mo, d, h, mi, se;

	if (s == NULL || strlen(s) < 19 || s[4] != '-' || s[7] != '-' ||
	    s[10] != 'T' || s[13] != ':' || s[16] != ':')
		return 0;
	y = atoi(s);
	mo = atoi(s + 5);
	d = atoi(s + 8);
	h = atoi(s + 11);
	mi = atoi(s + 14);
	se = atoi(s + 17);
	return (time_t)(text_days_from_civil(y, mo, d) * 86400 + h * 3600 +
	    mi * 60 + se);
}

/* A JSON value as text in a: strings as they are, the rest compact. */
static const char *
value_text(struct arena *a, const json_t *v)
{
	char		*t;
	const char	*out;

	if (v == NULL)
		return NULL;
	if (json_is_string(v))
		return arena_strdup(a, json_string_value(v));
	if ((t = json_dumps(v, JSON_COMPACT | JSON_ENCODE_ANY |
	    DECIMAL_JSON_FLAGS)) == NULL)
		return NULL;
	out = arena_strdup(a, t);
	free(t);
	return out;
}

static int
skipped(const char *key)
{
	return strcmp(key, "version") == 0 || strcmp(key, "updated_at") == 0;
}

/* The fields of b and a that differ into x (a's keys, then b's only). */
static void
diff(struct arena *ar, const json_t *b, const json_t *a,
    struct history_entry *x)
{
	const char	*key;
	json_t		*v;
	size_t		 cap, k = 0;

	cap = (a ? json_object_size(a) : 0) + (b ? json_object_size(b) : 0);
	if (cap == 0)
		return;
	x->changes = arena_calloc(ar, cap, sizeof(*x->changes));
	if (a != NULL)
		json_object_foreach((json_t *)(uintptr_t)a, key, v) {
			const json_t *old = b ? json_object_get(b, key) : NULL;

			if (skipped(key) || (old != NULL && json_equal(v, old)))
				continue;
			x->changes[k].field = arena_strdup(ar, key);
			x->changes[k].before = value_text(ar, old);
			x->changes[k].after = value_text(ar, v);
			k++;
		}
	if (b != NULL)
		json_object_foreach((json_t *)(uintptr_t)b, key, v) {
			if (skipped(key) || (a != NULL &&
			    json_object_get(a, key) != NULL))
				continue;
			x->changes[k].field = arena_strdup(ar, key);
			x->changes[k].before = value_text(ar, v);
			k++;
		}
	for (x->nchanges = k; k-- > 0; ) {
		const char *l = history_field_label(x->changes[k].field);

		x->changes[k].label = l != NULL ? l : x->changes[k].field;
	}
}

int
history_from_audit(struct arena *a, const struct audit_entry *v, int n,
    struct history_entry **out, size_t *nout)
{
	struct history_entry	*x;
	json_t			*b, *af;
	int			 i;

	x = arena_calloc(a, n > 0 ? (size_t)n : 1, sizeof(*x));
	for (i = 0; i < n; i++) {
		x[i].at_iso = v[i].at;
		x[i].at = parse_at(v[i].at);
		x[i].who = v[i].username;
		x[i].action = v[i].action;
		x[i].action_label = action_label(v[i].action);
		b = v[i].before_json ? json_loads(v[i].before_json, 0, NULL) :
		    NULL;
		af = v[i].after_json ? json_loads(v[i].after_json, 0, NULL) :
		    NULL;
		if ((b == NULL || json_is_object(b)) &&
		    (af == NULL || json_is_object(af)))
			diff(a, b, af, &x[i]);
		json_decref(b);
		json_decref(af);
	}
	*out = x;
	*nout = n > 0 ? (size_t)n : 0;
	return 0;
}

int
history_submission(struct svc *s, int64_t id, struct history_entry **out,
    size_t *n, struct err *e)
{
	struct audit_entry	*v;
	int			 nv, rc;

	if ((rc = round_submission_history(s, id, &v, &nv, e)) != 0)
		return rc;
	return history_from_audit(s->arena, v, nv, out, n);
}

int
history_item(struct svc *s, int64_t item_id, struct history_entry **out,
    size_t *n, struct err *e)
{
	struct audit_entry	*v;
	int			 nv, rc;

	if ((rc = meeting_item_history(s, item_id, &v, &nv, e)) != 0)
		return rc;
	return history_from_audit(s->arena, v, nv, out, n);
}

int
history_offer(struct svc *s, int64_t id, struct history_entry **out,
    size_t *n, struct err *e)
{
	struct audit_entry	*v;
	int			 nv, rc;

	if ((rc = register_offer_history(s, id, &v, &nv, e)) != 0)
		return rc;
	return history_from_audit(s->arena, v, nv, out, n);
}
