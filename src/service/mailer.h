/*
 * mailer — the background sender of the outbox, a thread started by
 * `ramme serve` with a database connection of its own.
 *
 * Every poll it runs the reminders (mail_remind) when they are due, and,
 * when an SMTP server is configured, claims the due mails one at a time
 * and sends each through libcurl (smtp:// with STARTTLS when the server
 * offers it, required when a login is configured; smtps:// with TLS from
 * the start). No transaction is open while a mail is being sent, so HTTP
 * requests never wait for the SMTP server. A failed attempt is retried
 * after notice_backoff(); after NOTICE_ATTEMPTS_MAX attempts the mail is
 * failed. Without an SMTP server the outbox only collects.
 *
 * Never twice: a mail is sent only by the sender holding its claim
 * (claimed atomically by one UPDATE), and marked sent, while the claim is
 * still held, right after the server accepted it (its 250 to the whole
 * message counts even when libcurl reports an error after it). A claim
 * lasts MAILER_LEASE_MARGIN longer than the exchange's timeout: libcurl
 * may wait for the reply to the message itself beyond the timeout, and
 * RFC 5321 (4.5.3.2.6) asks a client to wait 10 minutes for it, so a live
 * sender does not lose its claim mid-send. One window remains: a process
 * that dies after the server's 250 to the message and before "sent" is
 * committed, or an exchange cut off after the message went up but before
 * the reply came, leaves the mail to be sent again (when the claim
 * expires, or at the next attempt) — with the same Message-ID, by which
 * receiving systems recognise the copy. The window is the server's reply,
 * the QUIT and one commit long.
 */
#ifndef RAMME_MAILER_H
#define RAMME_MAILER_H

#include <stdint.h>

struct err;
struct mailer;

#define MAILER_TIMEOUT		60	/* seconds for one SMTP exchange */
#define MAILER_LEASE_MARGIN	600	/* seconds a claim outlasts it */
#define MAILER_POLL_MS		1000	/* between looks at the outbox */
#define MAILER_REMIND_EVERY	600	/* seconds between reminder runs */

struct mailer_config {
	const char	*db_path;
	const char	*smtp_url;	/* "smtp://host:port", "smtps://…", or
					   NULL: collect only */
	const char	*user;		/* SMTP login, or NULL */
	const char	*password;	/* with user */
	const char	*from_addr;	/* envelope and From address */
	const char	*from_name;	/* From display name, or NULL */
	const char	*site_url;	/* "https://host" for the links */
	int64_t		 backoff;	/* seconds before the 2nd attempt;
					   0: NOTICE_BACKOFF_BASE */
	int		 timeout;	/* seconds; 0: MAILER_TIMEOUT */
	int		 poll_ms;	/* 0: MAILER_POLL_MS */
};

/* libcurl's global set-up: once, before any thread starts. */
int	mailer_global_init(struct err *e);
/*
 * Start the sender thread (it opens its own connection to cfg->db_path).
 * The strings of cfg must outlive the mailer.
 */
int	mailer_start(struct mailer **out, const struct mailer_config *cfg,
	    struct err *e);
/* Stop after the mail being sent, join and free. NULL is a no-op. */
void	mailer_stop(struct mailer *m);

#endif
