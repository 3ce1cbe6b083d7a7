/*
 * approval_store — the agreement's documents, their versions and each
 * approving party's decision, in the database. Functions run inside the
 * caller's transaction and check nothing but what SQL checks; the rules
 * are in service/approval.
 */
#ifndef RAMME_APPROVAL_STORE_H
#define RAMME_APPROVAL_STORE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/approval.h"

struct arena;
struct db;
struct err;

/* A document with its approval counted over the councils. */
struct agreement_doc {
	int64_t			 id;
	enum approval_kind	 kind;
	int			 year;		/* the year it is for */
	const char		*title;
	const char		*deadline;	/* ISO date */
	enum approval_stage	 stage;		/* of the newest version;
						   STAGE_DRAFT without one */
	int			 councils;	/* approving councils (12) */
	int			 approved;	/* of them approved, with or
						   without reservation */
	int			 rejected;	/* of them rejected */
	const char		*created_at;
	const char		*updated_at;
};

/* A version of a document as it passes the bodies. */
struct agreement_version {
	int64_t			 id;
	int			 no;		/* 1, 2, … */
	enum approval_stage	 stage;
	const char		*dated;		/* ISO date */
	const char		*note;		/* "" if none */
	const char		*created_at;
	const char		*created_by;
};

/* An approving party's decision on a document. */
struct approval_row {
	int64_t			 doc_id;
	const char		*party;		/* organisation code, "KKR",
						   "KU" */
	const char		*name;		/* "Aalborg Kommune",
						   "Kontaktudvalget" */
	bool			 council;	/* a municipal or the regional
						   council (counted in "N af
						   12") */
	enum approval_status	 status;
	const char		*decided_on;	/* ISO date or "" */
	const char		*reservation;	/* "" if none */
	const char		*updated_at;
	const char		*updated_by;
};

/* A file of a document. */
struct agreement_file {
	int64_t		 id;
	int64_t		 doc_id;
	int		 version_no;	/* 0: before any version */
	const char	*name;		/* shown */
	const char	*filename;	/* as uploaded, or NULL */
	const char	*media_type;	/* of the content */
	int64_t		 size;		/* bytes */
	const char	*created_at;
};

/* All documents, newest year first (kind order within a year). */
int	approval_store_docs(struct db *db, struct arena *a,
	    struct agreement_doc **out, size_t *n, struct err *e);
/* One document; ERR_NOT_FOUND "Dokumentet findes ikke". */
int	approval_store_doc(struct db *db, struct arena *a, int64_t id,
	    struct agreement_doc *out, struct err *e);
/*
 * Insert a document and a pending row for every council (each
 * municipality and region in the register) and for KKR and
 * Kontaktudvalget. ERR_CONFLICT when the kind and year exist.
 */
int	approval_store_doc_insert(struct db *db, const struct agreement_doc *d,
	    const char *who, const char *at, int64_t *id, struct err *e);
/* The versions of a document, oldest first. */
int	approval_store_versions(struct db *db, struct arena *a, int64_t doc_id,
	    struct agreement_version **out, size_t *n, struct err *e);
/* Append a version (number: the next); *no receives it. */
int	approval_store_version_add(struct db *db, int64_t doc_id,
	    const struct agreement_version *v, const char *who, const char *at,
	    int *no, struct err *e);
/* The parties of a document: councils by name, then KKR and KU. */
int	approval_store_parties(struct db *db, struct arena *a, int64_t doc_id,
	    struct approval_row **out, size_t *n, struct err *e);
/* One party's row; ERR_NOT_FOUND when the party does not approve it. */
int	approval_store_party(struct db *db, struct arena *a, int64_t doc_id,
	    const char *party, struct approval_row *out, struct err *e);
/* Set one party's decision. */
int	approval_store_party_set(struct db *db, const struct approval_row *r,
	    const char *who, const char *at, struct err *e);
/*
 * The pending council rows of documents not yet approved by every
 * council, for party (NULL: every party), deadline first.
 */
int	approval_store_pending(struct db *db, struct arena *a,
	    const char *party, struct approval_row **out, size_t *n,
	    struct err *e);

/* The files of a document, oldest first. */
int	approval_store_files(struct db *db, struct arena *a, int64_t doc_id,
	    struct agreement_file **out, size_t *n, struct err *e);
/*
 * Add a file whose content is stored already (file_blob hash) to the
 * document's newest version; *id receives the new id.
 */
int	approval_store_file_add(struct db *db, int64_t doc_id,
	    const char *name, const char *filename, const char *hash,
	    const char *who, const char *at, int64_t *id, struct err *e);
/* One file of the document with its content (data in a, len bytes). */
int	approval_store_file_get(struct db *db, struct arena *a, int64_t doc_id,
	    int64_t id, struct agreement_file *out, const void **data,
	    size_t *len, struct err *e);

#endif
