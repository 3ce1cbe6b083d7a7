/*
 * offer_event — opt-outs and dated events of offers (see offer_event.h).
 */
#include <string.h>

#include "core/offer_event.h"
#include "util/err.h"

static const char *const step_names[OPTOUT_STEP_COUNT] = {
	"fravalgt", "genovervej", "fastholdt", "tilvalgt",
};
static const char *const step_labels[OPTOUT_STEP_COUNT] = {
	"Fravalgt", "Bedt om at genoverveje", "Fravalg fastholdt",
	"Tilvalgt igen",
};
static const char *const kind_names[OFFER_EVENT_KIND_COUNT] = {
	"overtaget", "hjemtaget", "lukket",
};
static const char *const kind_labels[OFFER_EVENT_KIND_COUNT] = {
	"Overtaget af anden driftsherre", "Hjemtaget af kommune", "Lukket",
};

const char *
optout_step_name(enum optout_step s)
{
	return (unsigned)s < OPTOUT_STEP_COUNT ? step_names[s] : "";
}

const char *
optout_step_label(enum optout_step s)
{
	return (unsigned)s < OPTOUT_STEP_COUNT ? step_labels[s] : "";
}

int
optout_step_parse(const char *s, enum optout_step *out)
{
	int i;

	for (i = 0; s != NULL && i < OPTOUT_STEP_COUNT; i++)
		if (strcmp(s, step_names[i]) == 0) {
			*out = (enum optout_step)i;
			return 0;
		}
	return -1;
}

const char *
offer_event_kind_name(enum offer_event_kind k)
{
	return (unsigned)k < OFFER_EVENT_KIND_COUNT ? kind_names[k] : "";
}

const char *
offer_event_kind_label(enum offer_event_kind k)
{
	return (unsigned)k < OFFER_EVENT_KIND_COUNT ? kind_labels[k] : "";
}

int
offer_event_kind_parse(const char *s, enum offer_event_kind *out)
{
	int i;

	for (i = 0; s != NULL && i < OFFER_EVENT_KIND_COUNT; i++)
		if (strcmp(s, kind_names[i]) == 0) {
			*out = (enum offer_event_kind)i;
			return 0;
		}
	return -1;
}

/* An opt-out is in force after these steps. */
static bool
in_force(int last)
{
	return last == OPTOUT_FRAVALGT || last == OPTOUT_GENOVERVEJ ||
	    last == OPTOUT_FASTHOLDT;
}

int
optout_step_check(enum optout_step step, int last, const char *category,
    bool covered, bool by_secretariat, struct err *e)
{
	if ((unsigned)step >= OPTOUT_STEP_COUNT)
		return err_set(e, ERR_INVALID, "invalid_step", "step",
		    "Vælg, hvad der skal registreres");
	if ((step == OPTOUT_GENOVERVEJ) != by_secretariat)
		return err_set(e, ERR_FORBIDDEN, "forbidden", NULL,
		    by_secretariat ? "Kun kommunen selv kan fravælge eller "
		    "tilvælge et tilbud" : "Kun sekretariatet kan bede en "
		    "kommune genoverveje et fravalg");
	switch (step) {
	case OPTOUT_FRAVALGT:
		if (!covered || category == NULL ||
		    strcmp(category, "2") != 0)
			return err_set(e, ERR_INVALID, "optout_not_category2",
			    "step", "Kun tilbud i kategori 2, som er omfattet "
			    "af rammeaftalen, kan fravælges");
		if (in_force(last))
			return err_set(e, ERR_CONFLICT, "optout_exists",
			    "step", "Kommunen har allerede fravalgt tilbuddet");
		return 0;
	case OPTOUT_GENOVERVEJ:
		if (last != OPTOUT_FRAVALGT && last != OPTOUT_FASTHOLDT)
			return err_set(e, ERR_CONFLICT, "optout_missing",
			    "step", "Kommunen har ikke fravalgt tilbuddet");
		return 0;
	case OPTOUT_FASTHOLDT:
		if (last != OPTOUT_GENOVERVEJ)
			return err_set(e, ERR_CONFLICT, "optout_not_asked",
			    "step", "Et fravalg fastholdes, når sekretariatet "
			    "har bedt kommunen genoverveje det");
		return 0;
	default:
		if (!in_force(last))
			return err_set(e, ERR_CONFLICT, "optout_missing",
			    "step", "Kommunen har ikke fravalgt tilbuddet");
		return 0;
	}
}

bool
optout_covers(bool covered, const char *category, int last)
{
	if (!covered)
		return false;
	if (category == NULL || strcmp(category, "2") != 0)
		return true;
	return !in_force(last);
}

void
offer_event_state_at(const struct offer_event_state *v, size_t n,
    const char *date, const char **operator, const char **status)
{
	size_t i;

	if (n == 0)
		return;
	*operator = v[0].from_operator;
	*status = v[0].from_status;
	for (i = 0; i < n; i++) {
		if (strcmp(v[i].on_date, date) > 0)
			break;
		*operator = v[i].to_operator;
		*status = v[i].to_status;
	}
}
