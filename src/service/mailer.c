/*
 * mailer — the outbox's sender thread and its SMTP transport (see
 * mailer.h for the claim, the lease and the window they leave).
 */
#include <errno.h>
#include <pthread.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <curl/curl.h>
#include <sodium.h>

#include "core/notice.h"
#include "service/mail.h"
#include "service/mailer.h"
#include "service/svc.h"
#include "store/db.h"
#include "store/outbox_store.h"
#include "util/arena.h"
#include "util/buf.h"
#include "util/err.h"
#include "util/log.h"
#include "util/text.h"

struct mailer {
	struct mailer_config	 cfg;
	pthread_t		 thread;
	pthread_mutex_t		 mu;
	pthread_cond_t		 cv;
	bool			 stop;		/* under mu */
	struct db		*db;
};

/* The message being uploaded by libcurl. */
struct upload_src {
	const char	*p;
	size_t		 left;
};

static size_t
read_cb(char *out, size_t size, size_t nmemb, void *arg)
{
	struct upload_src	*u = arg;
	size_t			 n = size * nmemb;

	if (n > u->left)
		n = u->left;
	memcpy(out, u->p, n);
	u->p += n;
	u->left -= n;
	return n;
}

/*
 * Send msg to to_addr. 0 when the server accepted it; else non-zero with
 * why (Danish, in a) and *permanent set when the server refused for good
 * (a 5xx reply).
 */
static int
smtp_send(const struct mailer_config *cfg, struct arena *a,
    const char *to_addr, const struct buf *msg, const char **why,
    bool *permanent)
{
	CURL			*c;
	struct curl_slist	*rcpt = NULL;
	struct upload_src	 src;
	char			 errbuf[CURL_ERROR_SIZE];
	curl_off_t		 up = 0;
	long			 code = 0;
	int			 timeout;
	CURLcode		 rc;

	*permanent = false;
	timeout = cfg->timeout > 0 ? cfg->timeout : MAILER_TIMEOUT;
	if ((c = curl_easy_init()) == NULL) {
		*why = "Kunne ikke starte afsendelsen (libcurl)";
		return -1;
	}
	errbuf[0] = '\0';
	src.p = buf_str(msg);
	src.left = msg->len;
	rcpt = curl_slist_append(rcpt, arena_printf(a, "<%s>", to_addr));
	curl_easy_setopt(c, CURLOPT_URL, cfg->smtp_url);
	curl_easy_setopt(c, CURLOPT_MAIL_FROM, arena_printf(a, "<%s>",
	    cfg->from_addr));
	curl_easy_setopt(c, CURLOPT_MAIL_RCPT, rcpt);
	curl_easy_setopt(c, CURLOPT_READFUNCTION, read_cb);
	curl_easy_setopt(c, CURLOPT_READDATA, &src);
	curl_easy_setopt(c, CURLOPT_UPLOAD, 1L);
	curl_easy_setopt(c, CURLOPT_INFILESIZE_LARGE, (curl_off_t)msg->len);
	curl_easy_setopt(c, CURLOPT_NOSIGNAL, 1L);
	curl_easy_setopt(c, CURLOPT_TIMEOUT, (long)timeout);
	curl_easy_setopt(c, CURLOPT_CONNECTTIMEOUT, (long)(timeout < 10 ?
	    timeout : 10));
	curl_easy_setopt(c, CURLOPT_ERRORBUFFER, errbuf);
	/* STARTTLS when offered; required before a password goes out. */
	curl_easy_setopt(c, CURLOPT_USE_SSL, cfg->user != NULL ?
	    (long)CURLUSESSL_ALL : (long)CURLUSESSL_TRY);
	if (cfg->user != NULL) {
		curl_easy_setopt(c, CURLOPT_USERNAME, cfg->user);
		curl_easy_setopt(c, CURLOPT_PASSWORD, cfg->password != NULL ?
		    cfg->password : "");
	}
	rc = curl_easy_perform(c);
	curl_easy_getinfo(c, CURLINFO_RESPONSE_CODE, &code);
	curl_easy_getinfo(c, CURLINFO_SIZE_UPLOAD_T, &up);
	curl_slist_free_all(rcpt);
	curl_easy_cleanup(c);
	/*
	 * The whole message went up and the last reply is 250: the server
	 * took it, even if libcurl reports a timeout or an error after that
	 * (it may, for the reply to the message or the QUIT). Sending again
	 * would deliver it twice.
	 */
	if (rc == CURLE_OK || (code == 250 && up == (curl_off_t)msg->len))
		return 0;
	*permanent = code >= 500 && code < 600;
	/* Danish for the outbox page; libcurl's English detail to the log. */
	*why = arena_printf(a, "%s%s", rc == CURLE_OPERATION_TIMEDOUT ?
	    "SMTP-serveren svarede ikke i tide" : rc ==
	    CURLE_COULDNT_CONNECT ? "Kunne ikke forbinde til SMTP-serveren" :
	    rc == CURLE_COULDNT_RESOLVE_HOST ? "SMTP-serverens navn findes "
	    "ikke" : rc == CURLE_LOGIN_DENIED ? "SMTP-serveren afviste "
	    "login" : rc == CURLE_USE_SSL_FAILED || rc == CURLE_SSL_CONNECT_ERROR
	    || rc == CURLE_PEER_FAILED_VERIFICATION ? "Forbindelsen til "
	    "SMTP-serveren kunne ikke krypteres" : *permanent ?
	    "SMTP-serveren afviste e-mailen" : "Afsendelsen mislykkedes",
	    code > 0 ? arena_printf(a, " (svar %ld)", code) : "");
	log_warn("smtp %s: %s", to_addr, errbuf[0] != '\0' ? errbuf :
	    curl_easy_strerror(rc));
	return -1;
}

/* The text sent: the notice, the link, the footer. */
static const char *
mail_text(const struct mailer_config *cfg, struct arena *a,
    const struct outbox_row *r)
{
	const char *site = cfg->site_url != NULL ? cfg->site_url : "";

	return arena_printf(a, "%s%s\nSe mere: %s%s\n\n-- \n"
	    "Sendt automatisk fra %s. Du kan vælge, hvilke e-mails du får, "
	    "under Mine notifikationer:\n%s/konto/notifikationer\n",
	    r->body, r->body[0] != '\0' && r->body[strlen(r->body) - 1] ==
	    '\n' ? "" : "\n", site, r->path,
	    cfg->from_name != NULL ? cfg->from_name : "ramme", site);
}

static void
sleep_ms(int ms)
{
	struct timespec ts = { ms / 1000, (long)(ms % 1000) * 1000000L };

	while (nanosleep(&ts, &ts) != 0 && errno == EINTR)
		;
}

/*
 * Record the end of the claim; the database may be busy for a moment, so
 * a few tries. A failure here leaves the claim to expire (the window).
 */
static int
record(struct db *db, const struct outbox_row *r, const char *token,
    bool ok, const char *why, bool final, int64_t next, struct err *e)
{
	char	at[21];
	int	rc = 0, i;

	for (i = 0; i < 20; i++) {
		text_timestamp(at, (long long)time(NULL));
		if ((rc = db_begin(db, DB_WRITE, e)) == 0) {
			rc = ok ? outbox_store_sent(db, r->id, token, at, e) :
			    outbox_store_attempt_failed(db, r->id, token, why,
			    final, next, at, e);
			if (rc == 0)
				rc = db_commit(db, e);
			else
				db_rollback(db);
		}
		if (rc != ERR_BUSY)
			return rc;
		sleep_ms(100);
	}
	return rc;
}

/*
 * Claim, send and record one due mail: 1 sent, 2 the attempt failed, 0
 * none due, or a negative code.
 */
static int
send_one(struct db *db, const struct mailer_config *cfg, struct err *e)
{
	struct arena		 a;
	struct outbox_row	 r;
	struct notice_mail	 m;
	struct buf		 msg;
	unsigned char		 rnd[12];
	char			 token[25];
	const char		*why = NULL;
	int64_t			 now, created, lease;
	bool			 permanent, final;
	int			 rc, out;

	randombytes_buf(rnd, sizeof(rnd));
	sodium_bin2hex(token, sizeof(token), rnd, sizeof(rnd));
	lease = (cfg->timeout > 0 ? cfg->timeout : MAILER_TIMEOUT) +
	    MAILER_LEASE_MARGIN;
	arena_init(&a);
	now = (int64_t)time(NULL);
	if ((rc = db_begin(db, DB_WRITE, e)) != 0) {
		arena_cleanup(&a);
		return rc == ERR_BUSY ? 0 : rc;
	}
	if ((rc = outbox_store_claim(db, &a, now, lease, token, &r, e)) != 0) {
		db_rollback(db);
		arena_cleanup(&a);
		return rc == ERR_NOT_FOUND || rc == ERR_BUSY ? 0 : rc;
	}
	if ((rc = db_commit(db, e)) != 0) {
		arena_cleanup(&a);
		return rc == ERR_BUSY ? 0 : rc;
	}
	/* The claim is ours until now + lease; no transaction is open. */
	memset(&m, 0, sizeof(m));
	m.from_addr = cfg->from_addr;
	m.from_name = cfg->from_name;
	m.to_addr = r.to_addr;
	m.subject = r.subject;
	m.body = mail_text(cfg, &a, &r);
	m.message_id = r.message_id;
	m.date = text_parse_timestamp(r.created_at, &created) == 0 ? created :
	    now;
	buf_init(&msg);
	if (notice_mail_format(&m, &msg, e) != 0) {
		why = e->msg;
		permanent = true;
		rc = -1;
	} else
		rc = smtp_send(cfg, &a, r.to_addr, &msg, &why, &permanent);
	buf_cleanup(&msg);
	if (rc == 0) {
		out = 1;
		rc = record(db, &r, token, true, NULL, false, 0, e);
		if (rc != 0)
			log_error("mail %lld was sent but not recorded: %s",
			    (long long)r.id, e->msg);
		else
			log_info("mail %lld sent to %s (%s)", (long long)r.id,
			    r.to_addr, r.message_id);
	} else {
		out = 2;
		final = permanent || r.attempts >= NOTICE_ATTEMPTS_MAX;
		log_warn("mail %lld attempt %d%s: %s", (long long)r.id,
		    r.attempts, final ? ", giving up" : "", why);
		rc = record(db, &r, token, false, why, final,
		    (int64_t)time(NULL) + notice_backoff(r.attempts,
		    cfg->backoff), e);
		if (rc != 0)
			log_error("mail %lld: %s", (long long)r.id, e->msg);
	}
	arena_cleanup(&a);
	return out;
}

static void
remind(struct mailer *m)
{
	struct arena	a;
	struct svc	s;
	struct err	e;
	int		q = 0;

	arena_init(&a);
	err_clear(&e);
	svc_init(&s, m->db, &a, &svc_system, (int64_t)time(NULL));
	if (mail_remind(&s, &q, &e) != 0)
		log_warn("reminders: %s", e.msg);
	else if (q > 0)
		log_info("reminders: %d mails queued", q);
	arena_cleanup(&a);
}

static bool
stopping(struct mailer *m)
{
	bool s;

	pthread_mutex_lock(&m->mu);
	s = m->stop;
	pthread_mutex_unlock(&m->mu);
	return s;
}

static void *
run(void *arg)
{
	struct mailer	*m = arg;
	struct timespec	 until;
	struct err	 e;
	time_t		 next_remind = 0;
	int		 poll, rc;

	poll = m->cfg.poll_ms > 0 ? m->cfg.poll_ms : MAILER_POLL_MS;
	while (!stopping(m)) {
		if (time(NULL) >= next_remind) {
			remind(m);
			next_remind = time(NULL) + MAILER_REMIND_EVERY;
		}
		/* One mail at a time, so that a stop is heard between them. */
		while (m->cfg.smtp_url != NULL && !stopping(m)) {
			err_clear(&e);
			if ((rc = send_one(m->db, &m->cfg, &e)) == 0)
				break;
			if (rc < 0) {
				log_error("outbox: %s", e.msg);
				break;
			}
		}
		clock_gettime(CLOCK_REALTIME, &until);
		until.tv_sec += poll / 1000;
		until.tv_nsec += (long)(poll % 1000) * 1000000L;
		if (until.tv_nsec >= 1000000000L) {
			until.tv_sec++;
			until.tv_nsec -= 1000000000L;
		}
		pthread_mutex_lock(&m->mu);
		if (!m->stop)
			pthread_cond_timedwait(&m->cv, &m->mu, &until);
		pthread_mutex_unlock(&m->mu);
	}
	return NULL;
}

int
mailer_global_init(struct err *e)
{
	if (curl_global_init(CURL_GLOBAL_DEFAULT) != CURLE_OK)
		return err_set(e, ERR_INTERNAL, "curl_init", NULL,
		    "Kunne ikke starte libcurl");
	return 0;
}

int
mailer_start(struct mailer **out, const struct mailer_config *cfg,
    struct err *e)
{
	struct mailer	*m;
	int		 rc;

	*out = NULL;
	if ((m = calloc(1, sizeof(*m))) == NULL)
		return err_set(e, ERR_INTERNAL, "oom", NULL, "Ikke nok hukommelse");
	m->cfg = *cfg;
	if ((rc = db_open(&m->db, cfg->db_path, e)) != 0) {
		free(m);
		return rc;
	}
	pthread_mutex_init(&m->mu, NULL);
	pthread_cond_init(&m->cv, NULL);
	if (pthread_create(&m->thread, NULL, run, m) != 0) {
		db_close(m->db);
		free(m);
		return err_set(e, ERR_INTERNAL, "thread", NULL,
		    "Kunne ikke starte afsenderen af e-mails");
	}
	*out = m;
	return 0;
}

void
mailer_stop(struct mailer *m)
{
	if (m == NULL)
		return;
	pthread_mutex_lock(&m->mu);
	m->stop = true;
	pthread_cond_signal(&m->cv);
	pthread_mutex_unlock(&m->mu);
	pthread_join(m->thread, NULL);
	pthread_mutex_destroy(&m->mu);
	pthread_cond_destroy(&m->cv);
	db_close(m->db);
	free(m);
}
