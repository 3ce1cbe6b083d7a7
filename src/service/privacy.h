/*
 * privacy — a person's personal data for the secretariat: the list of
 * persons, an export of everything held about one (JSON, and PDF through
 * report/person_pdf.h), and the erasure (pseudonymisation) of a person
 * no longer needed, keeping the names in approved minutes as published
 * (docs/privacy.md). Admins only; each export and erasure is audited
 * without the person's data.
 */
#ifndef RAMME_PRIVACY_H
#define RAMME_PRIVACY_H

#include <jansson.h>
#include <stddef.h>
#include <stdint.h>

#include "store/privacy_store.h"

struct err;
struct svc;

#define PRIVACY_PAGE		50	/* persons a page */
#define PRIVACY_REASON_MAX	500	/* characters of an erasure's reason */

/* Page page (1…) of the persons by name, erased last; *total all. */
int	privacy_persons(struct svc *s, int page, struct privacy_person **out,
	    size_t *n, int64_t *total, struct err *e);
/* Person id, or ERR_NOT_FOUND. */
int	privacy_person(struct svc *s, int64_t id, struct privacy_person *out,
	    struct err *e);
/*
 * Everything held about person id as a new JSON object (the caller
 * decrefs): "exported_at", then one array per kind of data
 * (privacy_store_dossier()). The export is recorded in the audit.
 */
int	privacy_export(struct svc *s, int64_t id, json_t **out,
	    struct err *e);
/*
 * Erase person id for reason (1..PRIVACY_REASON_MAX characters, kept in
 * the audit): the name becomes "Slettet person N" (N the person's id),
 * see privacy_store_erase(). Refused (ERR_CONFLICT) for a person already
 * erased, for the acting admin's own person and for the last active
 * admin. *pseudonym (may be NULL) receives the new name.
 */
int	privacy_erase(struct svc *s, int64_t id, const char *reason,
	    struct privacy_erased *out, const char **pseudonym,
	    struct err *e);

#endif
