/*
 * svc — service context (see svc.h).
 */
#include "core/role.h"
#include "service/svc.h"
#include "util/text.h"

const struct principal svc_system = { 0, "system", ROLE_ADMIN, NULL };

void
svc_init(struct svc *s, struct db *db, struct arena *a,
    const struct principal *who, int64_t now)
{
	s->db = db;
	s->arena = a;
	s->who = who != NULL ? who : &svc_system;
	s->now = now;
	text_timestamp(s->now_iso, now);
	s->docs = NULL;
	s->key = NULL;
}
