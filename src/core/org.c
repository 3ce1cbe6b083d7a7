/*
 * org — organisation rules (see org.h).
 */
#include <string.h>

#include "core/org.h"
#include "util/err.h"
#include "util/text.h"

int
org_kind_parse(const char *s, enum org_kind *out)
{
	if (s == NULL)
		return -1;
	if (strcmp(s, "kommune") == 0)
		*out = ORG_KOMMUNE;
	else if (strcmp(s, "region") == 0)
		*out = ORG_REGION;
	else if (strcmp(s, "private") == 0)
		*out = ORG_PRIVATE;
	else
		return -1;
	return 0;
}

const char *
org_kind_name(enum org_kind k)
{
	switch (k) {
	case ORG_KOMMUNE:	return "kommune";
	case ORG_REGION:	return "region";
	default:		return "private";
	}
}

const char *
org_kind_label(enum org_kind k)
{
	switch (k) {
	case ORG_KOMMUNE:	return "Kommune";
	case ORG_REGION:	return "Region";
	default:		return "Privat";
	}
}

static bool
all_digits(const char *s, size_t n)
{
	size_t i;

	if (s == NULL || strlen(s) != n)
		return false;
	for (i = 0; i < n; i++)
		if (s[i] < '0' || s[i] > '9')
			return false;
	return true;
}

bool
org_code_valid(enum org_kind k, const char *code)
{
	switch (k) {
	case ORG_KOMMUNE:	return all_digits(code, 3);
	case ORG_REGION:	return all_digits(code, 4);
	default:		return all_digits(code, 8);
	}
}

bool
org_code_plausible(const char *code)
{
	return all_digits(code, 3) || all_digits(code, 4) ||
	    all_digits(code, 8);
}

int
org_validate(const struct org *o, struct err *e)
{
	int i, j;

	if (o->name == NULL || *o->name == '\0')
		return err_set(e, ERR_INVALID, "missing_name", "name",
		    "Navn skal udfyldes");
	if (!text_utf8_valid(o->name, strlen(o->name)) ||
	    text_has_controls(o->name))
		return err_set(e, ERR_INVALID, "invalid_name", "name",
		    "Navnet indeholder ugyldige tegn");
	if (text_utf8_len(o->name, strlen(o->name)) > ORG_NAME_MAX)
		return err_set(e, ERR_INVALID, "name_too_long", "name",
		    "Navnet må højst være %d tegn", ORG_NAME_MAX);
	if (!org_code_valid(o->kind, o->code))
		return err_set(e, ERR_INVALID, "invalid_code", "code",
		    "Ugyldig kode for %s: en kommune har 3 cifre, en region 4 "
		    "og en privat driftsherre et CVR-nummer på 8",
		    org_kind_label(o->kind));
	for (i = 0; i < o->npop; i++) {
		if (o->pop[i].year < 1900 || o->pop[i].year > 2200)
			return err_set(e, ERR_INVALID, "invalid_year",
			    "population", "Ugyldigt år for indbyggertal: %d",
			    o->pop[i].year);
		if (o->pop[i].persons < 0 || o->pop[i].persons > 20000000)
			return err_set(e, ERR_INVALID, "invalid_population",
			    "population", "Ugyldigt indbyggertal for %d",
			    o->pop[i].year);
		for (j = 0; j < i; j++)
			if (o->pop[j].year == o->pop[i].year)
				return err_set(e, ERR_INVALID,
				    "duplicate_year", "population",
				    "Indbyggertal for %d er angivet to gange",
				    o->pop[i].year);
	}
	return 0;
}
