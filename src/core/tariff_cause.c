/*
 * tariff_cause — the closed list of causes of a tariff change during the
 * year and the rule for choosing one.
 */
#include <stddef.h>
#include <string.h>

#include "core/tariff_cause.h"
#include "util/err.h"

/*
 * Renovation is the cause the minutes name (Oct 2011); a permanent
 * change in the number of places during the year is its own section of
 * the agreement (7.2.4). Keys are stored: never rename one, only add.
 */
static const struct tariff_cause causes[] = {
	{ "renovering",	"Ombygning eller renovering",	false },
	{ "ny_ydelse",	"Ny ydelse i tilbuddet",	false },
	{ "pladser",	"Varig ændring af antal pladser", false },
	{ "normering",	"Ændret normering",		false },
	{ "fejl",	"Fejl i takstberegningen",	false },
	{ "lovaendring", "Lovændring",			false },
	{ "andet",	"Andet",			true },
};

#define NCAUSES	(sizeof(causes) / sizeof(causes[0]))

size_t
tariff_cause_count(void)
{
	return NCAUSES;
}

const struct tariff_cause *
tariff_cause_at(size_t i)
{
	return &causes[i < NCAUSES ? i : NCAUSES - 1];
}

const struct tariff_cause *
tariff_cause_find(const char *key)
{
	size_t i;

	if (key == NULL)
		return NULL;
	for (i = 0; i < NCAUSES; i++)
		if (strcmp(causes[i].key, key) == 0)
			return &causes[i];
	return NULL;
}

const char *
tariff_cause_label(const char *key)
{
	const struct tariff_cause *c = tariff_cause_find(key);

	return c != NULL ? c->label : NULL;
}

int
tariff_cause_check(const char *key, const char *text, struct err *e)
{
	const struct tariff_cause *c;

	if (key == NULL || *key == '\0')
		return err_set(e, ERR_INVALID, "missing_cause", "cause",
		    "Vælg årsagen til takstændringen");
	if ((c = tariff_cause_find(key)) == NULL)
		return err_set(e, ERR_INVALID, "invalid_cause", "cause",
		    "Årsagen til takstændringen skal være en af listens");
	if (c->needs_text && (text == NULL || *text == '\0'))
		return err_set(e, ERR_INVALID, "missing_reason", "reason",
		    "Ved årsagen »%s« skal begrundelsen beskrive årsagen",
		    c->label);
	return 0;
}
