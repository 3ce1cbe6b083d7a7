/*
 * secretariat_store — the secretariat's own budget and accounts: lines
 * of expense, overhead and income by year, and the premises of the
 * overhead. Functions run inside the caller's transaction; results are
 * copied into the caller's arena.
 */
#ifndef RAMME_SECRETARIAT_STORE_H
#define RAMME_SECRETARIAT_STORE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/overhead.h"

struct arena;
struct db;
struct err;

/* One line of the budget and accounts. */
struct secretariat_line {
	int64_t		 id;		/* 0 when new */
	int		 year;
	const char	*section;	/* "expense", "overhead", "income" */
	const char	*label;		/* "Lønomkostninger" */
	int64_t		 budget_ore;	/* budget; may be < 0 (a surplus
					   carried forward) */
	bool		 has_actual;	/* the accounts are made */
	int64_t		 actual_ore;	/* accounts, when has_actual */
	int		 position;	/* order within the section */
	const char	*updated_at;
};

/* The lines of year, by section, position, id. */
int	secretariat_store_lines(struct db *db, struct arena *a, int year,
	    struct secretariat_line **out, size_t *n, struct err *e);
/* One line; ERR_NOT_FOUND if none. */
int	secretariat_store_line_get(struct db *db, struct arena *a, int64_t id,
	    struct secretariat_line *out, struct err *e);
/*
 * Insert (l->id 0; *id set) or update line l->id. ERR_CONFLICT when the
 * year and section already have a line of that label.
 */
int	secretariat_store_line_put(struct db *db,
	    const struct secretariat_line *l, int64_t *id, struct err *e);
/* Delete line id; ERR_NOT_FOUND if none. */
int	secretariat_store_line_delete(struct db *db, int64_t id,
	    struct err *e);
/* The premises of year; ERR_NOT_FOUND if none are set. */
int	secretariat_store_premises(struct db *db, int year,
	    struct overhead_premises *out, struct err *e);
/* Set the premises of year. */
int	secretariat_store_premises_put(struct db *db, int year,
	    const struct overhead_premises *p, const char *at, struct err *e);

#endif
