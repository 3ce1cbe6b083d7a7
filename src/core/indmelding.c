/*
 * indmelding — states, lines, target groups and flags of the yearly
 * submissions (see indmelding.h).
 */
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "core/indmelding.h"
#include "util/err.h"
#include "util/text.h"

/* The groups of the supply and demand questionnaire (spec §6.3). */
const struct ind_group ind_groups[IND_GROUP_COUNT] = {
	{ "fysisk", "Fysisk handicap" },
	{ "hjerneskade", "Erhvervet hjerneskade" },
	{ "udvikling", "Udviklingsforstyrrelser (fx autisme)" },
	{ "udviklingshaemning", "Udviklingshæmning" },
	{ "kognitiv", "Andre kognitive vanskeligheder" },
	{ "psykiatri", "Sindslidelse" },
	{ "flere", "Flere funktionsnedsættelser" },
	{ "sjaeldne", "Sjældne handicap" },
	{ "hjemloes", "Hjemløshed" },
	{ "vold", "Vold og overgreb" },
	{ "misbrug", "Misbrug" },
	{ "sociale", "Andre svære sociale problemer" },
};

static const char *const year_names[] = { "open", "hearing", "done" };
static const char *const year_labels[] = { "Åben", "I høring",
    "På dagsorden" };
static const char *const kind_names[] = { "municipality", "operator" };
static const char *const kind_labels[] = { "Kommune", "Driftsherre" };
static const char *const change_names[] = { "", "more", "less", "same" };
static const char *const change_labels[] = { "", "Mere", "Mindre",
    "Uændret" };

const char *
ind_year_status_name(enum ind_year_status s)
{
	return (unsigned)s < IND_YEAR_STATUS_COUNT ? year_names[s] : "";
}

const char *
ind_year_status_label(enum ind_year_status s)
{
	return (unsigned)s < IND_YEAR_STATUS_COUNT ? year_labels[s] : "";
}

int
ind_year_status_parse(const char *s, enum ind_year_status *out)
{
	int i;

	for (i = 0; s != NULL && i < IND_YEAR_STATUS_COUNT; i++)
		if (strcmp(s, year_names[i]) == 0) {
			*out = (enum ind_year_status)i;
			return 0;
		}
	return -1;
}

const char *
ind_kind_name(enum ind_kind k)
{
	return (unsigned)k < IND_KIND_COUNT ? kind_names[k] : "";
}

const char *
ind_kind_label(enum ind_kind k)
{
	return (unsigned)k < IND_KIND_COUNT ? kind_labels[k] : "";
}

int
ind_kind_parse(const char *s, enum ind_kind *out)
{
	int i;

	for (i = 0; s != NULL && i < IND_KIND_COUNT; i++)
		if (strcmp(s, kind_names[i]) == 0) {
			*out = (enum ind_kind)i;
			return 0;
		}
	return -1;
}

const char *
ind_change_name(enum ind_change c)
{
	return (unsigned)c < IND_CHANGE_COUNT ? change_names[c] : "";
}

const char *
ind_change_label(enum ind_change c)
{
	return (unsigned)c < IND_CHANGE_COUNT ? change_labels[c] : "";
}

int
ind_change_parse(const char *s, enum ind_change *out)
{
	int i;

	if (s == NULL || *s == '\0') {
		*out = IND_CHANGE_NONE;
		return 0;
	}
	for (i = 1; i < IND_CHANGE_COUNT; i++)
		if (strcmp(s, change_names[i]) == 0 ||
		    text_casecmp(s, change_labels[i]) == 0) {
			*out = (enum ind_change)i;
			return 0;
		}
	return -1;
}

const struct ind_group *
ind_group_find(const char *key)
{
	int i;

	for (i = 0; key != NULL && i < IND_GROUP_COUNT; i++)
		if (strcmp(ind_groups[i].key, key) == 0)
			return &ind_groups[i];
	return NULL;
}

void
ind_line_init(struct ind_line *l, int64_t offer_id)
{
	memset(l, 0, sizeof(*l));
	l->offer_id = offer_id;
	l->use_places_centi = l->use_days = -1;
	l->capacity_centi = l->occupancy_bp = l->occupancy_prev_bp = -1;
	l->waiting = -1;
}

static bool
blank(const char *s)
{
	if (s == NULL)
		return true;
	for (; *s != '\0'; s++)
		if (*s != ' ' && *s != '\t' && *s != '\r' && *s != '\n')
			return false;
	return true;
}

/* A free text: blank → NULL, else at most max code points, no controls. */
static int
text_ok(const char **s, size_t max, const char *field, const char *what,
    struct err *e)
{
	size_t n;

	if (blank(*s)) {
		*s = NULL;
		return 0;
	}
	n = strlen(*s);
	if (!text_utf8_valid(*s, n) || text_has_controls(*s))
		return err_set(e, ERR_INVALID, "invalid_text", field,
		    "%s indeholder tegn, der ikke kan gemmes", what);
	if (text_utf8_len(*s, n) > max)
		return err_set(e, ERR_INVALID, "text_too_long", field,
		    "%s må højst være %zu tegn", what, max);
	return 0;
}

/* A figure: -1 (not given) or lo..hi. */
static int
range_ok(int64_t v, int64_t hi, const char *field, const char *msg,
    struct err *e)
{
	if (v < -1 || v > hi)
		return err_set(e, ERR_INVALID, "out_of_range", field, "%s",
		    msg);
	return 0;
}

static int
municipality_check(struct ind_line *l, struct err *e)
{
	int rc;

	if ((rc = range_ok(l->use_places_centi, IND_PLACES_MAX, "use_places",
	    "Forventet forbrug skal være 0–10.000 pladser", e)) != 0 ||
	    (rc = range_ok(l->use_days, IND_DAYS_MAX, "use_days",
	    "Forventede døgn skal være et helt tal på 0 eller mere", e)) != 0)
		return rc;
	if ((unsigned)l->change >= IND_CHANGE_COUNT)
		return err_set(e, ERR_INVALID, "invalid_change", "change",
		    "Vælg mere, mindre eller uændret");
	if ((rc = text_ok(&l->change_note, IND_TEXT_MAX, "change_note",
	    "Ønskede ændringer", e)) != 0 ||
	    (rc = text_ok(&l->no_use_reason, IND_TEXT_MAX, "no_use_reason",
	    "Begrundelsen", e)) != 0 ||
	    (rc = text_ok(&l->alternative, IND_TEXT_MAX, "alternative",
	    "Hvad I bruger i stedet", e)) != 0)
		return rc;
	/* No use expected: say why (and what is used instead). */
	if (l->use_places_centi == 0 && l->use_days <= 0 &&
	    l->no_use_reason == NULL)
		return err_set(e, ERR_INVALID, "no_use_reason_missing",
		    "no_use_reason", "Skriv hvorfor I ikke forventer at "
		    "bruge tilbuddet");
	return 0;
}

static int
operator_check(struct ind_line *l, struct err *e)
{
	const char	*u;
	int		 rc;

	if ((rc = range_ok(l->capacity_centi, IND_PLACES_MAX, "capacity",
	    "Kapaciteten skal være 0–10.000 pladser", e)) != 0 ||
	    (rc = range_ok(l->occupancy_bp, IND_OCC_MAX_BP, "occupancy",
	    "Belægningen skal være 0–200 %", e)) != 0 ||
	    (rc = range_ok(l->occupancy_prev_bp, IND_OCC_MAX_BP,
	    "occupancy_prev", "Belægningen skal være 0–200 %", e)) != 0 ||
	    (rc = range_ok(l->waiting, IND_WAITING_MAX, "waiting",
	    "Ventelisten skal være et helt antal borgere", e)) != 0)
		return rc;
	if ((rc = text_ok(&l->catchment, IND_TEXT_MAX, "catchment",
	    "Optageområdet", e)) != 0 ||
	    (rc = text_ok(&l->development, IND_TEXT_MAX, "development",
	    "Udviklingen", e)) != 0 ||
	    (rc = text_ok(&l->plans, IND_TEXT_MAX, "plans",
	    "Planerne", e)) != 0 ||
	    (rc = text_ok(&l->declaration_url, IND_URL_MAX, "declaration_url",
	    "Linket", e)) != 0)
		return rc;
	u = l->declaration_url;
	if (u != NULL && ((strncmp(u, "https://", 8) != 0 &&
	    strncmp(u, "http://", 7) != 0) || strpbrk(u, " \t\"<>") != NULL))
		return err_set(e, ERR_INVALID, "invalid_url", "declaration_url",
		    "Linket skal begynde med https:// og må ikke indeholde "
		    "mellemrum");
	return 0;
}

int
ind_line_check(enum ind_kind k, struct ind_line *l, struct err *e)
{
	if (k == IND_MUNICIPALITY)
		return municipality_check(l, e);
	if (k == IND_OPERATOR)
		return operator_check(l, e);
	return err_set(e, ERR_INVALID, "invalid_kind", NULL,
	    "Ukendt slags indmelding");
}

bool
ind_line_answered(enum ind_kind k, const struct ind_line *l)
{
	if (k == IND_MUNICIPALITY)
		return l->use_places_centi >= 0 || l->use_days >= 0;
	return l->capacity_centi >= 0;
}

int
ind_fit_check(struct ind_fit *f, struct err *e)
{
	const struct ind_group	*g = ind_group_find(f->grp);
	char			 field[64];

	if (g == NULL)
		return err_set(e, ERR_INVALID, "unknown_group", NULL,
		    "Ukendt målgruppe");
	if (f->fit < -1 || f->fit > IND_FIT_MAX) {
		(void)snprintf(field, sizeof(field), "fit_%s", g->key);
		return err_set(e, ERR_INVALID, "invalid_fit", field,
		    "%s: vælg 1–5 eller »ved ikke«", g->label);
	}
	(void)snprintf(field, sizeof(field), "note_%s", g->key);
	if (text_ok(&f->note, IND_TEXT_MAX, field, g->label, e) != 0)
		return ERR_INVALID;
	if ((f->fit == 1 || f->fit == 2) && f->note == NULL)
		return err_set(e, ERR_INVALID, "fit_note_missing", field,
		    "%s: forklar hvad der mangler, når sammenhængen er 1 "
		    "eller 2", g->label);
	return 0;
}

int
ind_sub_may(enum ind_year_status ys, const char *deadline,
    enum submission_status st, enum submission_action act, const char *today,
    bool admin, struct err *e)
{
	switch (act) {
	case SUBMISSION_EDIT:
	case SUBMISSION_SUBMIT:
		if (ys != IND_OPEN)
			return err_set(e, ERR_CONFLICT, "year_closed", NULL,
			    "Indmeldingen er sendt i høring og kan ikke "
			    "længere ændres");
		if (st == SUBMISSION_SUBMITTED)
			return err_set(e, ERR_CONFLICT, "submission_submitted",
			    NULL, "Indmeldingen er indsendt og venter på "
			    "sekretariatet");
		if (st == SUBMISSION_APPROVED)
			return err_set(e, ERR_CONFLICT, "submission_approved",
			    NULL, "Indmeldingen er godkendt og kan ikke "
			    "ændres");
		if (!admin && strcmp(today, deadline) > 0)
			return err_set(e, ERR_CONFLICT, "deadline_passed",
			    NULL, "Fristen er overskredet; kontakt "
			    "sekretariatet");
		return 0;
	case SUBMISSION_APPROVE:
	case SUBMISSION_RETURN:
		if (ys == IND_DONE)
			return err_set(e, ERR_CONFLICT, "year_done", NULL,
			    "Statusbilledet er sat på dagsordenen; "
			    "indmeldingerne kan ikke længere ændres");
		if (st == SUBMISSION_SUBMITTED ||
		    (act == SUBMISSION_RETURN && st == SUBMISSION_APPROVED))
			return 0;
		return err_set(e, ERR_CONFLICT, "not_submitted", NULL,
		    "Indmeldingen er ikke indsendt");
	default:
		return err_set(e, ERR_INVALID, "invalid_action", NULL,
		    "Ukendt handling");
	}
}

int
ind_general_check(const char *s, struct err *e)
{
	return text_ok(&s, IND_GENERAL_MAX, "general", "Teksten", e);
}

int
ind_comment_check(const char *s, struct err *e)
{
	int rc;

	if ((rc = text_ok(&s, IND_COMMENT_MAX, "text", "Bemærkningen", e))
	    != 0)
		return rc;
	if (s == NULL)
		return err_set(e, ERR_INVALID, "comment_missing", "text",
		    "Skriv en bemærkning");
	return 0;
}

unsigned
ind_flags(const struct ind_figures *f)
{
	unsigned flags = 0;

	if (f->demand_centi >= 0 && f->capacity_centi > 0 &&
	    f->demand_centi < f->capacity_centi &&
	    (f->prev_demand_centi < 0 ||
	    f->demand_centi < f->prev_demand_centi))
		flags |= IND_FLAG_DEMAND;
	if (f->occupancy_bp >= 0 && f->occupancy_prev_bp >= 0 &&
	    f->occupancy_bp < f->band_min_bp &&
	    f->occupancy_prev_bp < f->band_min_bp)
		flags |= IND_FLAG_OCC;
	if (f->waiting > 0)
		flags |= IND_FLAG_WAIT;
	return flags;
}

const char *
ind_flag_label(unsigned flag)
{
	switch (flag) {
	case IND_FLAG_DEMAND:
		return "Faldende efterspørgsel";
	case IND_FLAG_OCC:
		return "Lav belægning to år";
	case IND_FLAG_WAIT:
		return "Venteliste";
	default:
		return "";
	}
}

const char *
ind_flag_text(unsigned flag)
{
	switch (flag) {
	case IND_FLAG_DEMAND:
		return "Kommunernes forventede forbrug er lavere end "
		    "kapaciteten og faldende i forhold til sidste år.";
	case IND_FLAG_OCC:
		return "Belægningen har været under båndet to år i træk.";
	case IND_FLAG_WAIT:
		return "Der er borgere på venteliste.";
	default:
		return "";
	}
}
