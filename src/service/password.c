/*
 * password — the password policy on libpwquality. See password.h.
 */
#include <pwquality.h>
#include <stdbool.h>
#include <string.h>

#include "service/account.h"
#include "service/password.h"
#include "util/buf.h"
#include "util/err.h"
#include "util/text.h"

/* Words of the site no password may contain (space separated). */
#define SITE_WORDS	"rammeaftale rammeaftaler nordjylland socialaftale " \
			"sekretariat ramme"

/*
 * True if pw contains a word of the person's name of 4 letters or more,
 * compared folded (case, accents).
 */
static bool
has_name(const char *pw, const char *name)
{
	struct buf	 fp, fn;
	char		*w, *save = NULL;
	bool		 found = false;

	if (name == NULL || *name == '\0')
		return false;
	buf_init(&fp);
	buf_init(&fn);
	text_fold(&fp, pw);
	text_fold(&fn, name);
	if (fn.data != NULL)
		for (w = strtok_r(fn.data, " -.,'", &save); w != NULL &&
		    !found; w = strtok_r(NULL, " -.,'", &save))
			found = text_utf8_len(w, strlen(w)) >= 4 &&
			    strstr(buf_str(&fp), w) != NULL;
	buf_cleanup(&fp);
	buf_cleanup(&fn);
	return found;
}

static const char advice[] = "Brug fx tre-fire ord med mellemrum eller "
    "tegn imellem, som ikke hører sammen.";

int
password_check(const char *pw, const char *username,
    const char *display_name, pthread_mutex_t *lock, struct err *e)
{
	pwquality_settings_t	*set;
	void			*aux = NULL;
	size_t			 n = pw != NULL ? strlen(pw) : 0;
	int			 rc;

	if (n < ACCOUNT_PASSWORD_MIN)
		return err_set(e, ERR_INVALID, "password_too_short", "password",
		    "Adgangskoden skal være mindst %d tegn. %s",
		    ACCOUNT_PASSWORD_MIN, advice);
	if (n > ACCOUNT_PASSWORD_MAX)
		return err_set(e, ERR_INVALID, "password_too_long", "password",
		    "Adgangskoden må højst være %d tegn", ACCOUNT_PASSWORD_MAX);
	if (!text_utf8_valid(pw, n))
		return err_set(e, ERR_INVALID, "invalid_utf8", "password",
		    "Adgangskoden er ikke gyldig UTF-8");
	if (has_name(pw, display_name) || has_name(pw, username))
		return err_set(e, ERR_INVALID, "password_personal", "password",
		    "Adgangskoden må ikke indeholde dit brugernavn eller dit "
		    "navn. %s", advice);
	if ((set = pwquality_default_settings()) == NULL)
		return err_set(e, ERR_INTERNAL, "password_check", "password",
		    "Adgangskoden kunne ikke kontrolleres");
	(void)pwquality_set_int_value(set, PWQ_SETTING_MIN_LENGTH,
	    ACCOUNT_PASSWORD_MIN);
	(void)pwquality_set_int_value(set, PWQ_SETTING_USER_CHECK, 1);
	(void)pwquality_set_str_value(set, PWQ_SETTING_BAD_WORDS, SITE_WORDS);
	if (lock != NULL)
		pthread_mutex_lock(lock);
	rc = pwquality_check(set, pw, NULL, username, &aux);
	if (lock != NULL)
		pthread_mutex_unlock(lock);
	pwquality_free_settings(set);
	/* aux points into cracklib's static messages: never freed. */
	if (rc >= 0)
		return 0;
	if (rc == PWQ_ERROR_CRACKLIB_CHECK && aux != NULL &&
	    strstr(aux, "dictionary") != NULL &&
	    strstr(aux, "error") != NULL)
		return err_set(e, ERR_INTERNAL, "password_dictionary",
		    "password", "Ordbogen til kontrol af adgangskoder mangler "
		    "(cracklib-runtime)");
	switch (rc) {
	case PWQ_ERROR_USER_CHECK:
		return err_set(e, ERR_INVALID, "password_personal", "password",
		    "Adgangskoden må ikke indeholde dit brugernavn eller dit "
		    "navn. %s", advice);
	case PWQ_ERROR_BAD_WORDS:
		return err_set(e, ERR_INVALID, "password_site_word", "password",
		    "Adgangskoden må ikke indeholde ord som \"rammeaftale\" "
		    "eller \"Nordjylland\". %s", advice);
	case PWQ_ERROR_CRACKLIB_CHECK:
		return err_set(e, ERR_INVALID, "password_common", "password",
		    "Adgangskoden er for let at gætte: den er et almindeligt "
		    "ord eller en almindelig adgangskode, eller den er for "
		    "systematisk (fx 1234567890 eller qwerty). %s", advice);
	default:
		return err_set(e, ERR_INVALID, "password_weak", "password",
		    "Adgangskoden er for enkel (for mange ens tegn eller en "
		    "for lang række). %s", advice);
	}
}
