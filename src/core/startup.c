/* startup — start-up costs spread over an offer's first tariff years. */
#include <string.h>

#include "core/money.h"
#include "core/params.h"
#include "core/startup.h"
#include "util/err.h"
#include "util/text.h"

int
startup_check(const struct startup_cost *c, const char *text, struct err *e)
{
	size_t n;

	if (c->amount_ore <= 0 || c->amount_ore > MONEY_INPUT_MAX_ORE)
		return err_set(e, ERR_INVALID, "invalid_amount", "amount",
		    "Opstartsomkostningerne skal være et beløb over 0 kr.");
	if (c->first_year < PARAMS_YEAR_MIN || c->first_year > PARAMS_YEAR_MAX)
		return err_set(e, ERR_INVALID, "invalid_year", "first_year",
		    "Første år skal være et årstal mellem %d og %d",
		    PARAMS_YEAR_MIN, PARAMS_YEAR_MAX);
	if (c->years < 1 || c->years > STARTUP_YEARS_MAX ||
	    c->first_year + c->years - 1 > PARAMS_YEAR_MAX)
		return err_set(e, ERR_INVALID, "invalid_years", "years",
		    "Antal år skal være mellem 1 og %d", STARTUP_YEARS_MAX);
	if (text == NULL || *text == '\0')
		return err_set(e, ERR_INVALID, "missing_text", "text",
		    "Skriv hvad opstartsomkostningerne dækker");
	n = strlen(text);
	if (!text_utf8_valid(text, n) || text_utf8_len(text, n) >
	    STARTUP_TEXT_MAX)
		return err_set(e, ERR_INVALID, "invalid_text", "text",
		    "Teksten må højst have %d tegn", STARTUP_TEXT_MAX);
	return 0;
}

int
startup_index(const struct startup_cost *c, int year)
{
	if (year < c->first_year || year > c->first_year + c->years - 1)
		return 0;
	return year - c->first_year + 1;
}

int64_t
startup_share(const struct startup_cost *c, int year)
{
	int64_t	share;
	int	k;

	if ((k = startup_index(c, year)) == 0)
		return 0;
	/* amount / years, half up to whole kroner (100 øre). */
	share = (c->amount_ore * 2 + (int64_t)c->years * 100) /
	    ((int64_t)c->years * 200) * 100;
	if (share * (c->years - 1) > c->amount_ore)
		share = c->amount_ore / c->years / 100 * 100;
	if (k < c->years)
		return share;
	return c->amount_ore - share * (c->years - 1);
}
