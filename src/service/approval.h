/*
 * approval — the agreement's documents (udviklingsstrategi,
 * styringsaftale, socialaftale) with their versions and each approving
 * party's decision: the 11 municipal councils and the regional council,
 * KKR and Kontaktudvalget. Anyone may read them (the public page "Status
 * for godkendelse"); the secretariat creates documents, adds versions and
 * records any party's decision; a municipality's user records its own
 * council's decision. Each change is one transaction with an audit
 * record (entity "agreement_doc", id the document).
 */
#ifndef RAMME_APPROVAL_H
#define RAMME_APPROVAL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "store/approval_store.h"

struct err;
struct svc;

struct meeting_file;

/* Everything the page of one document shows. */
struct agreement_doc_view {
	struct agreement_doc		 doc;
	struct agreement_version	*versions;	/* oldest first */
	size_t				 nversions;
	struct agreement_file		*files;		/* oldest first */
	size_t				 nfiles;
	struct approval_row		*parties;	/* councils, KKR, KU */
	size_t				 nparties;
	bool				 may_edit;	/* the secretariat */
	const char			*own_party;	/* the party the user
							   may record for (a
							   municipality's
							   user), or NULL */
};

/* All documents with their counts, newest year first. */
int	approval_doc_list(struct svc *s, struct agreement_doc **out,
	    size_t *n, struct err *e);
/* One document with versions and parties; ERR_NOT_FOUND. */
int	approval_doc_get(struct svc *s, int64_t id,
	    struct agreement_doc_view *out, struct err *e);
/*
 * Create a document (admin): kind, year (APPROVAL_YEAR_MIN..MAX), title
 * (NULL or "": "Udviklingsstrategi 2015"), deadline (NULL or "": the
 * default of the year, approval_deadline_default). Every council in the
 * register, KKR and Kontaktudvalget start as pending. *id receives the
 * new id. ERR_INVALID, ERR_CONFLICT (kind and year exist), ERR_FORBIDDEN.
 */
int	approval_doc_create(struct svc *s, enum approval_kind kind, int year,
	    const char *title, const char *deadline, int64_t *id,
	    struct err *e);
/*
 * Add a version (admin): the stage it reached, its date (ISO), an
 * optional note (≤ APPROVAL_TEXT_MAX). *no receives its number.
 */
int	approval_version_add(struct svc *s, int64_t doc_id,
	    enum approval_stage stage, const char *dated, const char *note,
	    int *no, struct err *e);
/*
 * Record party's decision on the document: status, the date decided_on
 * and for a reservation its text (approval_decision_check). The
 * secretariat for any party; a municipality's user (role authority)
 * only for its own organisation (ERR_FORBIDDEN otherwise).
 */
int	approval_record(struct svc *s, int64_t doc_id, const char *party,
	    enum approval_status status, const char *decided_on,
	    const char *reservation, struct err *e);
/*
 * The councils' pending decisions for the start page: for a user with
 * an organisation its own (party), for the secretariat all of them
 * (party NULL), deadline first. Rows live in the service's arena.
 */
int	approval_pending(struct svc *s, const char *party,
	    struct approval_row **out, size_t *n, struct err *e);

/*
 * Attach the file f (PDF, DOCX or XLSX, ≤ MEETING_ATTACHMENT_MAX) to the
 * document's newest version (admin), stored once by its content as the
 * meetings' attachments are; name (NULL: the file's name) is shown.
 * ERR_UNSUPPORTED for another type. *id receives the file.
 */
int	approval_file_add(struct svc *s, int64_t doc_id, const char *name,
	    const struct meeting_file *f, int64_t *id, struct err *e);
/* A file of the document with its content (in the service's arena). */
int	approval_file_get(struct svc *s, int64_t doc_id, int64_t id,
	    struct agreement_file *out, const void **data, size_t *len,
	    struct err *e);

#endif
