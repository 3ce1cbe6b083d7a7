/*
 * tariff_store_impl.h — the small conversions the files of tariff_store
 * share (tariff_store.c, tariff_published.c): referral dates and units
 * as stored.
 */
#ifndef RAMME_TARIFF_STORE_IMPL_H
#define RAMME_TARIFF_STORE_IMPL_H

#include "core/tariff.h"
#include "store/db.h"
#include "util/arena.h"

/* A referral date as stored ('' when absent) in the arena, or NULL. */
static inline const char *
referral_of(struct arena *a, struct db_stmt *st, int col)
{
	const char *t = db_col_null(st, col) ? "" : db_col_text(st, col);

	return *t != '\0' ? arena_strdup(a, t) : NULL;
}

/* A referral date to store: '' when absent. */
static inline const char *
referral_db(const char *d)
{
	return d != NULL ? d : "";
}

/* A stored unit, days when unknown. */
static inline enum tariff_unit
unit_of(const char *s)
{
	enum tariff_unit u;

	return s != NULL && tariff_unit_parse(s, &u) == 0 ? u : TARIFF_UNIT_DAY;
}

#endif
