/*
 * notice — kinds of notification, addresses, backoff and the message
 * format (see notice.h).
 */
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "core/notice.h"
#include "util/buf.h"
#include "util/err.h"
#include "util/text.h"

const struct notice_kind_info notice_kinds[NOTICE_KIND_COUNT] = {
	{ NOTICE_OPENED, "opened", "Ny indberetning åbnet",
	  "Når sekretariatet åbner en indberetning eller indmelding, som "
	  "din organisation skal udfylde" },
	{ NOTICE_REMINDER, "reminder", "Påmindelse før frist",
	  "Nogle dage før fristen (som udgangspunkt 7), når din "
	  "organisation ikke har indsendt, svaret eller godkendt" },
	{ NOTICE_OVERDUE, "overdue", "Fristen er overskredet",
	  "Dagen efter fristen, når din organisation ikke har indsendt" },
	{ NOTICE_RETURNED, "returned", "Sendt retur med en kommentar",
	  "Når sekretariatet sender en indberetning retur til rettelse" },
	{ NOTICE_APPROVED, "approved", "Godkendt",
	  "Når sekretariatet godkender en indberetning" },
	{ NOTICE_AGENDA, "agenda", "Dagsorden udsendt",
	  "Når dagsordenen til et møde i et organ, du er medlem af, "
	  "udsendes" },
	{ NOTICE_MINUTES, "minutes", "Referat til kommentering",
	  "Når udkastet til referat udsendes til medlemmerne" },
	{ NOTICE_HEARING, "hearing", "Høring åbnet",
	  "Når sekretariatet sender noget i høring hos din organisation" },
};

int
notice_kind_parse(const char *key, enum notice_kind *out, struct err *e)
{
	int k;

	for (k = 0; key != NULL && k < NOTICE_KIND_COUNT; k++)
		if (strcmp(notice_kinds[k].key, key) == 0) {
			*out = (enum notice_kind)k;
			return 0;
		}
	return err_set(e, ERR_INVALID, "invalid_kind", "kind",
	    "Ukendt slags notifikation");
}

const char *
notice_kind_key(enum notice_kind k)
{
	if ((unsigned)k >= NOTICE_KIND_COUNT)
		return "";
	return notice_kinds[k].key;
}

const char *
notice_kind_label(const char *key)
{
	int k;

	for (k = 0; key != NULL && k < NOTICE_KIND_COUNT; k++)
		if (strcmp(notice_kinds[k].key, key) == 0)
			return notice_kinds[k].label;
	return key;
}

/* ---- addresses ---------------------------------------------------------- */

static bool
is_alpha(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

static bool
is_alnum(char c)
{
	return is_alpha(c) || (c >= '0' && c <= '9');
}

/* A character of RFC 5322 atext. */
static bool
is_atext(char c)
{
	return is_alnum(c) || (c != '\0' && strchr("!#$%&'*+/=?^_`{|}~-", c)
	    != NULL);
}

static int
bad_email(struct err *e, const char *why)
{
	return err_set(e, ERR_INVALID, "invalid_email", "email",
	    "E-mailadressen er ikke gyldig: %s", why);
}

int
notice_email_check(const char *addr, struct err *e)
{
	const char	*at, *p, *label, *last = NULL;
	size_t		 n;

	if (addr == NULL || *addr == '\0')
		return err_set(e, ERR_INVALID, "missing_email", "email",
		    "Skriv en e-mailadresse, fx navn@kommune.dk");
	n = strlen(addr);
	if (n > NOTICE_EMAIL_MAX)
		return bad_email(e, "den må højst have 254 tegn");
	if ((at = strchr(addr, '@')) == NULL || strchr(at + 1, '@') != NULL)
		return bad_email(e, "skriv den som navn@domæne.dk med ét @");
	if (at == addr || at - addr > 64)
		return bad_email(e, "delen før @ skal have 1 til 64 tegn");
	for (p = addr; p < at; p++) {
		if (*p == '.') {
			if (p == addr || p + 1 == at || p[1] == '.')
				return bad_email(e, "et punktum må ikke stå "
				    "først, sidst eller to gange i træk før @");
		} else if (!is_atext(*p))
			return bad_email(e, "brug kun bogstaver a-z, tal og . _ "
			    "- + før @");
	}
	label = at + 1;
	for (p = label; ; p++) {
		if (*p == '.' || *p == '\0') {
			if (p == label || p - label > 63 || *label == '-' ||
			    p[-1] == '-')
				return bad_email(e, "domænet efter @ skal være "
				    "fx kommune.dk");
			last = label;
			if (*p == '\0')
				break;
			label = p + 1;
		} else if (!is_alnum(*p) && *p != '-')
			return bad_email(e, "domænet må kun have bogstaver a-z, "
			    "tal, - og punktum");
	}
	if (last == at + 1)
		return bad_email(e, "domænet efter @ skal have et punktum, fx "
		    "kommune.dk");
	for (p = last; *p != '\0'; p++)
		if (!is_alpha(*p))
			return bad_email(e, "domænet skal slutte med fx .dk");
	if (p - last < 2)
		return bad_email(e, "domænet skal slutte med fx .dk");
	return 0;
}

/* ---- backoff ------------------------------------------------------------ */

int64_t
notice_backoff(int attempts, int64_t base)
{
	int64_t	d;
	int	i;

	if (base <= 0)
		base = NOTICE_BACKOFF_BASE;
	if (attempts < 1)
		attempts = 1;
	d = base;
	for (i = 1; i < attempts && d < NOTICE_BACKOFF_MAX; i++)
		d *= 2;
	return d < NOTICE_BACKOFF_MAX ? d : NOTICE_BACKOFF_MAX;
}

/* ---- the message -------------------------------------------------------- */

void
notice_date(int64_t t, char out[32])
{
	static const char *const wd[] = { "Sun", "Mon", "Tue", "Wed", "Thu",
	    "Fri", "Sat" };
	static const char *const mon[] = { "Jan", "Feb", "Mar", "Apr", "May",
	    "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec" };
	struct tm	tm;
	time_t		tt = (time_t)t;

	gmtime_r(&tt, &tm);
	snprintf(out, 32, "%s, %02d %s %04d %02d:%02d:%02d +0000",
	    wd[tm.tm_wday % 7], tm.tm_mday % 100, mon[tm.tm_mon % 12],
	    (tm.tm_year + 1900) % 10000, tm.tm_hour % 100, tm.tm_min % 100,
	    tm.tm_sec % 100);
}

static bool
plain_ascii(const char *s)
{
	for (; *s != '\0'; s++)
		if ((unsigned char)*s < 0x20 || (unsigned char)*s > 0x7e)
			return false;
	return true;
}

static void
base64(struct buf *out, const unsigned char *p, size_t n)
{
	static const char tab[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
	    "abcdefghijklmnopqrstuvwxyz0123456789+/";
	size_t		i;
	unsigned	v;

	for (i = 0; i + 2 < n; i += 3) {
		v = (unsigned)p[i] << 16 | (unsigned)p[i + 1] << 8 | p[i + 2];
		buf_putc(out, tab[v >> 18 & 63]);
		buf_putc(out, tab[v >> 12 & 63]);
		buf_putc(out, tab[v >> 6 & 63]);
		buf_putc(out, tab[v & 63]);
	}
	if (n - i == 1) {
		v = (unsigned)p[i] << 16;
		buf_putc(out, tab[v >> 18 & 63]);
		buf_putc(out, tab[v >> 12 & 63]);
		buf_puts(out, "==");
	} else if (n - i == 2) {
		v = (unsigned)p[i] << 16 | (unsigned)p[i + 1] << 8;
		buf_putc(out, tab[v >> 18 & 63]);
		buf_putc(out, tab[v >> 12 & 63]);
		buf_putc(out, tab[v >> 6 & 63]);
		buf_putc(out, '=');
	}
}

/* Bytes of input in one encoded word: 75 - strlen("=?UTF-8?B?" "?=") = 63
   base64 characters, 45 bytes. */
#define WORD_BYTES	45

void
notice_header_encode(struct buf *out, const char *s)
{
	const unsigned char	*p = (const unsigned char *)s;
	size_t			 n = strlen(s), take;
	bool			 first = true;

	if (plain_ascii(s)) {
		buf_puts(out, s);
		return;
	}
	while (n > 0) {
		take = n < WORD_BYTES ? n : WORD_BYTES;
		/* Never split a character: back off continuation bytes. */
		while (take < n && take > 0 && (p[take] & 0xc0) == 0x80)
			take--;
		if (!first)
			buf_puts(out, "\r\n ");
		buf_puts(out, "=?UTF-8?B?");
		base64(out, p, take);
		buf_puts(out, "?=");
		p += take;
		n -= take;
		first = false;
	}
}

/* Quoted-printable lines stay within 76 characters (RFC 2045). */
#define QP_LINE	76

void
notice_qp_encode(struct buf *out, const char *s)
{
	static const char	 hex[] = "0123456789ABCDEF";
	const unsigned char	*p = (const unsigned char *)s;
	char			 tok[4];
	size_t			 col = 0, len;
	unsigned char		 c;

	for (; *p != '\0'; p++) {
		c = *p;
		if (c == '\n') {
			buf_puts(out, "\r\n");
			col = 0;
			continue;
		}
		if (c == '\r')
			continue;
		/* Spaces and tabs before a line end are encoded. */
		if ((c == ' ' || c == '\t') && (p[1] == '\n' || p[1] == '\0' ||
		    (p[1] == '\r' && p[2] == '\n'))) {
			tok[0] = '=';
			tok[1] = hex[c >> 4];
			tok[2] = hex[c & 15];
			len = 3;
		} else if ((c >= 33 && c <= 126 && c != '=') || c == ' ' ||
		    c == '\t') {
			tok[0] = (char)c;
			len = 1;
		} else {
			tok[0] = '=';
			tok[1] = hex[c >> 4];
			tok[2] = hex[c & 15];
			len = 3;
		}
		/* Leave room for the soft break's "=". */
		if (col + len > QP_LINE - 1) {
			buf_puts(out, "=\r\n");
			col = 0;
		}
		/* A line never starts with a bare dot (SMTP transparency). */
		if (col == 0 && tok[0] == '.' && len == 1) {
			buf_puts(out, "=2E");
			col = 3;
			continue;
		}
		buf_append(out, tok, len);
		col += len;
	}
	if (col > 0)
		buf_puts(out, "\r\n");
}

static bool
one_line(const char *s)
{
	return s != NULL && *s != '\0' && strchr(s, '\r') == NULL &&
	    strchr(s, '\n') == NULL && text_utf8_valid(s, strlen(s));
}

int
notice_mail_format(const struct notice_mail *m, struct buf *out,
    struct err *e)
{
	char date[32];

	if (!one_line(m->from_addr) || !one_line(m->to_addr) ||
	    !one_line(m->subject) || !one_line(m->message_id) ||
	    (m->from_name != NULL && !one_line(m->from_name)) ||
	    m->body == NULL || !text_utf8_valid(m->body, strlen(m->body)))
		return err_set(e, ERR_INVALID, "invalid_mail", NULL,
		    "E-mailen mangler afsender, modtager, emne eller tekst");
	notice_date(m->date, date);
	buf_printf(out, "Date: %s\r\nFrom: ", date);
	if (m->from_name != NULL) {
		if (plain_ascii(m->from_name) &&
		    strpbrk(m->from_name, "\"\\") == NULL)
			buf_printf(out, "\"%s\"", m->from_name);
		else
			notice_header_encode(out, m->from_name);
		buf_printf(out, " <%s>", m->from_addr);
	} else
		buf_puts(out, m->from_addr);
	buf_printf(out, "\r\nTo: %s\r\nSubject: ", m->to_addr);
	notice_header_encode(out, m->subject);
	buf_printf(out, "\r\nMessage-ID: %s\r\n"
	    "MIME-Version: 1.0\r\n"
	    "Content-Type: text/plain; charset=utf-8\r\n"
	    "Content-Transfer-Encoding: quoted-printable\r\n"
	    "Auto-Submitted: auto-generated\r\n"
	    "\r\n", m->message_id);
	notice_qp_encode(out, m->body);
	return 0;
}
