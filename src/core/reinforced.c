/*
 * reinforced — criteria, dates and states of the reinforced cooperation
 * (see reinforced.h).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/reinforced.h"
#include "util/text.h"

static const char *const crit_labels[CRIT_COUNT] = {
	"Højt specialiseret tilbud til en lille målgruppe",
	"Anvendes af flere kommuner",
	"Specialviden, som er svær at genopbygge, hvis den går tabt",
	"Tilbuddets bæredygtighed er truet (fx faldende belægning)",
};
static const char *const cover_names[COVER_STATUS_COUNT] = {
	"besluttet", "godkendt", "ophoert"
};
static const char *const cover_labels[COVER_STATUS_COUNT] = {
	"Besluttet af DAS", "Godkendt", "Ophørt"
};
static const char *const rescue_names[RESCUE_STATUS_COUNT] = {
	"aaben", "vilkaar", "lukket"
};
static const char *const rescue_labels[RESCUE_STATUS_COUNT] = {
	"Taskforce arbejder", "Særlige vilkår besluttet", "Lukket"
};

unsigned
reinforced_criterion_bit(int i)
{
	return i >= 0 && i < CRIT_COUNT ? 1u << i : 0;
}

const char *
reinforced_criterion_label(int i)
{
	return i >= 0 && i < CRIT_COUNT ? crit_labels[i] : "";
}

int
reinforced_criteria_count(unsigned set)
{
	int i, n = 0;

	for (i = 0; i < CRIT_COUNT; i++)
		if (set & (1u << i))
			n++;
	return n;
}

void
reinforced_in_force(int year, char out[11])
{
	snprintf(out, 11, "%04u-07-01", (unsigned)year % 10000u);
}

void
reinforced_panel_month(int year, char out[11])
{
	snprintf(out, 11, "%04u-12-01", (unsigned)(year - 1) % 10000u);
}

bool
reinforced_reassess_due(const char *valid_from, int year)
{
	int y, m, months;

	if (valid_from == NULL || !text_date_valid(valid_from))
		return false;
	y = atoi(valid_from);
	m = atoi(valid_from + 5);
	/* Whole months from the coverage's month to the panel's (December
	   of year − 1). */
	months = ((year - 1) - y) * 12 + (12 - m);
	return months >= REINFORCED_REASSESS_MIN &&
	    months <= REINFORCED_REASSESS_MAX;
}

const char *
coverage_status_name(enum coverage_status s)
{
	return (unsigned)s < COVER_STATUS_COUNT ? cover_names[s] : "";
}

int
coverage_status_parse(const char *s, enum coverage_status *out)
{
	int i = text_index(cover_names, COVER_STATUS_COUNT, s);

	if (i < 0)
		return -1;
	*out = (enum coverage_status)i;
	return 0;
}

const char *
coverage_status_label(enum coverage_status s)
{
	return (unsigned)s < COVER_STATUS_COUNT ? cover_labels[s] : "";
}

const char *
rescue_status_name(enum rescue_status s)
{
	return (unsigned)s < RESCUE_STATUS_COUNT ? rescue_names[s] : "";
}

int
rescue_status_parse(const char *s, enum rescue_status *out)
{
	int i = text_index(rescue_names, RESCUE_STATUS_COUNT, s);

	if (i < 0)
		return -1;
	*out = (enum rescue_status)i;
	return 0;
}

const char *
rescue_status_label(enum rescue_status s)
{
	return (unsigned)s < RESCUE_STATUS_COUNT ? rescue_labels[s] : "";
}
