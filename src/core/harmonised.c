/*
 * harmonised — the rule of a harmonised tariff (see harmonised.h).
 */
#include <string.h>

#include "core/harmonised.h"
#include "util/err.h"

int
harmonised_check(const char *name, int from_year,
    const struct harmonised_offer *v, size_t n, struct err *e)
{
	size_t	i, j;

	if (name == NULL || *name == '\0' ||
	    strlen(name) > HARMONISED_NAME_MAX)
		return err_set(e, ERR_INVALID, "harmonised_name", "name",
		    "Skriv et navn på den harmoniserede takst (højst %d "
		    "tegn)", HARMONISED_NAME_MAX);
	if (from_year < 2000 || from_year > 2100)
		return err_set(e, ERR_INVALID, "harmonised_year", "from_year",
		    "Skriv det år, den harmoniserede takst gælder fra");
	if (v == NULL || n < HARMONISED_MIN_OFFERS)
		return err_set(e, ERR_INVALID, "harmonised_too_few", "offers",
		    "Vælg mindst %d tilbud, som skal have samme takst",
		    HARMONISED_MIN_OFFERS);
	for (i = 0; i < n; i++) {
		for (j = 0; j < i; j++)
			if (v[j].id == v[i].id)
				return err_set(e, ERR_INVALID,
				    "harmonised_duplicate", "offers",
				    "Tilbuddet %s er valgt mere end én gang",
				    v[i].name != NULL ? v[i].name : "");
		if (v[i].operator_code == NULL || *v[i].operator_code == '\0')
			return err_set(e, ERR_INVALID,
			    "harmonised_no_operator", "offers",
			    "Tilbuddet %s har ingen driftsherre og kan ikke "
			    "få en harmoniseret takst",
			    v[i].name != NULL ? v[i].name : "");
		if (strcmp(v[i].operator_code, v[0].operator_code) != 0)
			return err_set(e, ERR_INVALID,
			    "harmonised_other_operator", "offers",
			    "Tilbuddet %s har en anden driftsherre. En "
			    "harmoniseret takst kan kun omfatte tilbud med "
			    "samme driftsherre",
			    v[i].name != NULL ? v[i].name : "");
	}
	return 0;
}
