/*
 * password — the password policy: at least ACCOUNT_PASSWORD_MIN bytes
 * of valid UTF-8, and not easy to guess — checked by libpwquality with
 * the cracklib dictionary (common passwords and words, "1234567890",
 * "password12", keyboard rows, too few different characters), not
 * containing the user name or the person's name, nor the words of the
 * site (rammeaftale, the region's name). The messages are Danish and say
 * how to choose a good one.
 */
#ifndef RAMME_PASSWORD_H
#define RAMME_PASSWORD_H

#include <pthread.h>

struct err;

/*
 * Check pw for the user username (may be NULL) whose name is
 * display_name (may be NULL). lock (may be NULL in a single thread)
 * serialises the dictionary lookups, which cracklib does not make
 * thread-safe. 0, ERR_INVALID with field "password" and a Danish message,
 * or ERR_INTERNAL when the dictionary cannot be read (cracklib-runtime).
 */
int	password_check(const char *pw, const char *username,
	    const char *display_name, pthread_mutex_t *lock, struct err *e);

#endif
