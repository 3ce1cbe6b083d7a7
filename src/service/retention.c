/*
 * retention — the retention job and its worker (see retention.h).
 */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "core/params.h"
#include "core/role.h"
#include "service/agreement.h"
#include "service/retention.h"
#include "service/svc.h"
#include "store/audit.h"
#include "store/db.h"
#include "util/arena.h"
#include "util/err.h"
#include "util/log.h"
#include "util/text.h"

struct retention_worker {
	pthread_t	 thread;
	pthread_mutex_t	 mu;
	pthread_cond_t	 cv;
	bool		 stop;		/* under mu */
	struct db	*db;
};

/* now_iso moved back by years, same day and time ("2016-…" from "2026-…"). */
static const char *
years_back(struct svc *s, int64_t years)
{
	int	y = atoi(s->now_iso);

	return arena_printf(s->arena, "%04d%s", y - (int)years,
	    s->now_iso + 4);
}

static const char *
days_back(struct svc *s, int64_t days)
{
	char	iso[21];

	text_timestamp(iso, (long long)(s->now - days * 86400));
	return arena_strdup(s->arena, iso);
}

int
retention_run(struct svc *s, bool dry, struct retention_report *out,
    struct err *e)
{
	struct agreement_params		p;
	struct retention_cutoffs	c;
	int				k, rc;

	memset(out, 0, sizeof(*out));
	if (s->who->role != ROLE_ADMIN)
		return err_set(e, ERR_FORBIDDEN, "forbidden", NULL,
		    "Kun sekretariatets administratorer kan slette efter "
		    "opbevaringsfristerne");
	out->year = atoi(s->now_iso);
	if ((rc = db_begin(s->db, DB_WRITE, e)) != 0)
		return rc;
	if ((rc = agreement_params_get_in_tx(s, out->year, &p, e)) != 0)
		goto fail;
	out->login_days = p.retention_login_days;
	out->session_days = p.retention_session_days;
	out->audit_years = p.retention_audit_years;
	out->mail_days = p.retention_mail_days;
	c.login_epoch = s->now - p.retention_login_days * 86400;
	c.login_iso = days_back(s, p.retention_login_days);
	c.session_iso = days_back(s, p.retention_session_days);
	c.audit_iso = years_back(s, p.retention_audit_years);
	c.mail_iso = days_back(s, p.retention_mail_days);
	if ((rc = retention_store_apply(s->db, &c, dry, out->n, e)) != 0)
		goto fail;
	for (k = 0; k < RETENTION_KINDS; k++)
		out->total += out->n[k];
	if (dry || out->total == 0) {
		db_rollback(s->db);
		return 0;
	}
	rc = audit_add(s->db, s->who, s->now_iso, "retention",
	    arena_printf(s->arena, "%d", out->year), "run", NULL,
	    arena_printf(s->arena, "{\"login_attempt\":%lld,\"audit_login\":"
	    "%lld,\"session\":%lld,\"audit\":%lld,\"outbox\":%lld}",
	    (long long)out->n[RETENTION_LOGIN_ATTEMPT],
	    (long long)out->n[RETENTION_LOGIN_AUDIT],
	    (long long)out->n[RETENTION_SESSION],
	    (long long)out->n[RETENTION_AUDIT],
	    (long long)out->n[RETENTION_OUTBOX]), e);
	if (rc != 0)
		goto fail;
	return db_commit(s->db, e);
fail:
	db_rollback(s->db);
	return rc;
}

static void
run_once(struct retention_worker *w)
{
	struct retention_report	r;
	struct arena		a;
	struct svc		s;
	struct err		e;

	arena_init(&a);
	err_clear(&e);
	svc_init(&s, w->db, &a, &svc_system, (int64_t)time(NULL));
	if (retention_run(&s, false, &r, &e) != 0)
		log_warn("retention: %s", e.msg);
	else if (r.total > 0)
		log_info("retention: %lld rows deleted (login_attempt %lld, "
		    "audit logins %lld, session %lld, audit %lld, outbox %lld)",
		    (long long)r.total,
		    (long long)r.n[RETENTION_LOGIN_ATTEMPT],
		    (long long)r.n[RETENTION_LOGIN_AUDIT],
		    (long long)r.n[RETENTION_SESSION],
		    (long long)r.n[RETENTION_AUDIT],
		    (long long)r.n[RETENTION_OUTBOX]);
	arena_cleanup(&a);
}

static void *
run(void *arg)
{
	struct retention_worker	*w = arg;
	struct timespec		 until;
	time_t			 wait = RETENTION_FIRST;

	pthread_mutex_lock(&w->mu);
	for (;;) {
		clock_gettime(CLOCK_REALTIME, &until);
		until.tv_sec += wait;
		while (!w->stop && pthread_cond_timedwait(&w->cv, &w->mu,
		    &until) == 0)
			;
		if (w->stop)
			break;
		pthread_mutex_unlock(&w->mu);
		run_once(w);
		wait = RETENTION_EVERY;
		pthread_mutex_lock(&w->mu);
	}
	pthread_mutex_unlock(&w->mu);
	return NULL;
}

int
retention_start(struct retention_worker **out, const char *db_path,
    struct err *e)
{
	struct retention_worker	*w;
	int			 rc;

	*out = NULL;
	if ((w = calloc(1, sizeof(*w))) == NULL)
		return err_set(e, ERR_INTERNAL, "oom", NULL,
		    "Ikke nok hukommelse");
	if ((rc = db_open(&w->db, db_path, e)) != 0) {
		free(w);
		return rc;
	}
	pthread_mutex_init(&w->mu, NULL);
	pthread_cond_init(&w->cv, NULL);
	if (pthread_create(&w->thread, NULL, run, w) != 0) {
		pthread_mutex_destroy(&w->mu);
		pthread_cond_destroy(&w->cv);
		db_close(w->db);
		free(w);
		return err_set(e, ERR_INTERNAL, "thread", NULL,
		    "Kunne ikke starte den daglige sletning");
	}
	*out = w;
	return 0;
}

void
retention_stop(struct retention_worker *w)
{
	if (w == NULL)
		return;
	pthread_mutex_lock(&w->mu);
	w->stop = true;
	pthread_cond_signal(&w->cv);
	pthread_mutex_unlock(&w->mu);
	pthread_join(w->thread, NULL);
	pthread_mutex_destroy(&w->mu);
	pthread_cond_destroy(&w->cv);
	db_close(w->db);
	free(w);
}
