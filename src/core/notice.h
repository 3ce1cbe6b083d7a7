/*
 * notice — the kinds of e-mail notification and the rules of a mail:
 * which kinds exist (one table), what a valid address is, how long to wait
 * before the next attempt, and the message itself (RFC 5322 headers, the
 * subject encoded by RFC 2047 when it is not ASCII, a UTF-8 plain text
 * body in quoted-printable). Pure: no I/O, no clock.
 */
#ifndef RAMME_NOTICE_H
#define RAMME_NOTICE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct buf;
struct err;

/* The kinds of notification; keep in step with notice_kinds[]. */
enum notice_kind {
	NOTICE_OPENED = 0,	/* a round or submission opened */
	NOTICE_REMINDER,	/* a deadline is near */
	NOTICE_OVERDUE,		/* a deadline has passed, not submitted */
	NOTICE_RETURNED,	/* returned with a comment */
	NOTICE_APPROVED,	/* approved */
	NOTICE_AGENDA,		/* a meeting's agenda published */
	NOTICE_MINUTES,		/* minutes circulated for comments */
	NOTICE_HEARING,		/* a hearing opened */
	NOTICE_KIND_COUNT
};

/* What a kind is called and what the user is told it means. */
struct notice_kind_info {
	enum notice_kind kind;
	const char	*key;		/* stable: "opened", stored in the db */
	const char	*label;		/* Danish: "Åbnet indberetning" */
	const char	*hint;		/* Danish, for the choices page */
};

#define NOTICE_REMINDER_DAYS_MAX 60	/* the longest lead of a reminder;
					   the lead of a year is the agreement
					   parameter reminder_days (7) */
#define NOTICE_ATTEMPTS_MAX	8	/* attempts before a mail fails */
#define NOTICE_BACKOFF_BASE	60	/* seconds before the 2nd attempt */
#define NOTICE_BACKOFF_MAX	(6 * 3600) /* seconds, the longest wait */
#define NOTICE_EMAIL_MAX	254	/* bytes of an address */
#define NOTICE_SUBJECT_MAX	200	/* characters of a subject */

/* Every kind, in enum order. */
extern const struct notice_kind_info notice_kinds[NOTICE_KIND_COUNT];

/* The kind with key, 0; or ERR_INVALID "invalid_kind". */
int	notice_kind_parse(const char *key, enum notice_kind *out,
	    struct err *e);
/* The stable key of k ("opened"); "" for a value out of range. */
const char *notice_kind_key(enum notice_kind k);
/* The Danish label of the kind with key, or key itself when unknown. */
const char *notice_kind_label(const char *key);

/*
 * Check an e-mail address as a user types it (already trimmed):
 * local@domain, at most NOTICE_EMAIL_MAX bytes, the local part of
 * letters, digits and !#$%&'*+/=?^_`{|}~.- without a leading, trailing or
 * double dot, the domain of labels of letters, digits and hyphens with a
 * dot and a top level of two letters or more. Nothing else: no spaces,
 * quotes, control characters or line breaks (a header cannot be
 * injected). 0 or ERR_INVALID "invalid_email" on field "email".
 */
int	notice_email_check(const char *addr, struct err *e);

/*
 * Seconds to wait after failed attempt number attempts (1, 2, ...):
 * base · 2^(attempts-1), at most NOTICE_BACKOFF_MAX; base ≤ 0 means
 * NOTICE_BACKOFF_BASE.
 */
int64_t	notice_backoff(int attempts, int64_t base);

/* A mail to write: every string UTF-8, addresses already checked. */
struct notice_mail {
	const char	*from_addr;	/* "rammeaftaler@example.dk" */
	const char	*from_name;	/* "Rammeaftaler Nordjylland", or NULL */
	const char	*to_addr;
	const char	*subject;	/* one line */
	const char	*body;		/* text, lines ending in "\n" */
	const char	*message_id;	/* "<…@…>" */
	int64_t		 date;		/* epoch seconds */
};

/*
 * The RFC 5322 Date of t (epoch seconds, UTC): "Sat, 05 Dec 2026
 * 13:45:53 +0000". out holds at least 32 bytes.
 */
void	notice_date(int64_t t, char out[32]);
/*
 * Append s as a header value: as is when it is printable ASCII, else as
 * RFC 2047 encoded words (=?UTF-8?B?…?=, each at most 75 characters,
 * split between characters, folded with CRLF SP). s is valid UTF-8.
 */
void	notice_header_encode(struct buf *out, const char *s);
/*
 * Append s (UTF-8 text, lines ending in "\n") as quoted-printable with
 * CRLF line ends and soft line breaks keeping lines under 77 characters.
 */
void	notice_qp_encode(struct buf *out, const char *s);
/*
 * Append the whole message: Date, From, To, Subject, Message-ID,
 * MIME-Version, Content-Type text/plain; charset=utf-8,
 * Content-Transfer-Encoding quoted-printable, a blank line and the body,
 * every line ending in CRLF. ERR_INVALID when a field is missing or holds
 * a line break or is not UTF-8.
 */
int	notice_mail_format(const struct notice_mail *m, struct buf *out,
	    struct err *e);

#endif
