/*
 * minutes_markup — the markup exports leave in minutes text, removed
 * before the lines are read (stage 1 of the minutes parser):
 *   - HTML-ish text (a "Save as web page", a mail, a CMS export): tags
 *     go, block elements (p, div, h1-h6, li, tr, br, table) end a line,
 *     a table cell ends with a tab so "<b>Møde</b><td>Møde i …" becomes
 *     "Møde	Møde i …", white space inside a paragraph is one space as a
 *     browser shows it, head/script/style are dropped, entities decoded;
 *   - a header table read column by column (PDF without layout): the
 *     labels first, then the values, joined again pair by pair;
 *   - markdown in a line: a list bullet in front of a numbered heading
 *     ("- 3. Title**") and bold marks ("**Møde**", a lone "**" left
 *     where an export cut a bold run).
 */
#include <ctype.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "core/minutes.h"
#include "core/minutes_int.h"
#include "util/arena.h"
#include "util/buf.h"
#include "util/err.h"
#include "util/text.h"

/* Named entities the exports use, with their UTF-8. */
static const struct {
	const char	*name;
	const char	*utf8;
} entities[] = {
	{ "amp", "&" }, { "lt", "<" }, { "gt", ">" }, { "quot", "\"" },
	{ "apos", "'" }, { "nbsp", "\xc2\xa0" }, { "shy", "\xc2\xad" },
	{ "aelig", "æ" }, { "oslash", "ø" }, { "aring", "å" },
	{ "AElig", "Æ" }, { "Oslash", "Ø" }, { "Aring", "Å" },
	{ "eacute", "é" }, { "Eacute", "É" }, { "uuml", "ü" },
	{ "ouml", "ö" }, { "auml", "ä" }, { "ndash", "–" }, { "mdash", "—" },
	{ "hellip", "…" }, { "laquo", "«" }, { "raquo", "»" },
	{ "ldquo", "“" }, { "rdquo", "”" }, { "bdquo", "„" },
	{ "lsquo", "‘" }, { "rsquo", "’" }, { "bull", "•" }, { "euro", "€" },
};

/* Elements that end a line. */
static const char *const blocks[] = {
	"p", "div", "br", "h1", "h2", "h3", "h4", "h5", "h6", "li", "tr",
	"table", "ul", "ol", "blockquote", "pre", "hr", "section", "body",
	"html", "dt", "dd", "caption", "article", "header", "footer", NULL
};

/* Elements whose content is not text. */
static const char *const hidden[] = {
	"head", "script", "style", "title", NULL
};

/* True if the text looks like HTML: one of a few tags, case ignored. */
bool
mn_is_html(const char *text, size_t len)
{
	static const char *const tags[] = { "<p>", "<p ", "<br", "<b>",
	    "<td", "<div", "<html", "<h1", "<h2", "<h3", "<table", "<strong>",
	    "</p>", NULL };
	size_t i, k, n;

	for (i = 0; i < len && i < 65536; i++) {
		if (text[i] != '<')
			continue;
		for (k = 0; tags[k] != NULL; k++) {
			n = strlen(tags[k]);
			if (i + n <= len && strncasecmp(text + i, tags[k], n) == 0)
				return true;
		}
	}
	return false;
}

static bool
in_list(const char *const *v, const char *s, size_t n)
{
	for (; *v != NULL; v++)
		if (strlen(*v) == n && strncasecmp(*v, s, n) == 0)
			return true;
	return false;
}

/* Append the code point cp as UTF-8 (a space when it is not valid). */
static void
put_cp(struct buf *b, unsigned long cp)
{
	char	u[4];

	if (cp == 0 || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff) ||
	    (cp < 0x20 && cp != '\t' && cp != '\n'))
		buf_putc(b, ' ');
	else if (cp < 0x80)
		buf_putc(b, (char)cp);
	else if (cp < 0x800) {
		u[0] = (char)(0xc0 | (cp >> 6));
		u[1] = (char)(0x80 | (cp & 0x3f));
		buf_append(b, u, 2);
	} else if (cp < 0x10000) {
		u[0] = (char)(0xe0 | (cp >> 12));
		u[1] = (char)(0x80 | ((cp >> 6) & 0x3f));
		u[2] = (char)(0x80 | (cp & 0x3f));
		buf_append(b, u, 3);
	} else {
		u[0] = (char)(0xf0 | (cp >> 18));
		u[1] = (char)(0x80 | ((cp >> 12) & 0x3f));
		u[2] = (char)(0x80 | ((cp >> 6) & 0x3f));
		u[3] = (char)(0x80 | (cp & 0x3f));
		buf_append(b, u, 4);
	}
}

/* Decode the entity at s[0] == '&' into b; returns the bytes taken (1
   when it is not an entity: the '&' is kept). */
static size_t
entity(struct buf *b, const char *s, size_t len)
{
	const char	*semi;
	size_t		 n, k;
	unsigned long	 cp;
	char		*end;

	semi = memchr(s, ';', len < 12 ? len : 12);
	if (semi == NULL || semi == s + 1) {
		buf_putc(b, '&');
		return 1;
	}
	n = (size_t)(semi - s - 1);
	if (s[1] == '#') {
		if (s[2] == 'x' || s[2] == 'X')
			cp = strtoul(s + 3, &end, 16);
		else
			cp = strtoul(s + 2, &end, 10);
		if (end != semi) {
			buf_putc(b, '&');
			return 1;
		}
		put_cp(b, cp);
		return n + 2;
	}
	for (k = 0; k < sizeof(entities) / sizeof(entities[0]); k++)
		if (strlen(entities[k].name) == n &&
		    strncmp(entities[k].name, s + 1, n) == 0) {
			buf_puts(b, entities[k].utf8);
			return n + 2;
		}
	buf_putc(b, '&');
	return 1;
}

/* A space unless the output already ends in white space. */
static void
put_space(struct buf *b)
{
	if (b->len > 0 && buf_str(b)[b->len - 1] != ' ' &&
	    buf_str(b)[b->len - 1] != '\n' && buf_str(b)[b->len - 1] != '\t')
		buf_putc(b, ' ');
}

/* End the output line (trailing spaces dropped); a block boundary
   after another makes no empty line, a <br> always ends one. */
static void
put_break(struct buf *b, bool always)
{
	while (b->len > 0 && buf_str(b)[b->len - 1] == ' ')
		b->len--;
	if (always || (b->len > 0 && buf_str(b)[b->len - 1] != '\n'))
		buf_putc(b, '\n');
}

char *
mn_unhtml(struct arena *a, const char *text, size_t len, size_t *outlen)
{
	struct buf	 b;
	const char	*name, *gt;
	size_t		 i = 0, n;
	bool		 closing, hide = false;
	char		*out;

	buf_init(&b);
	while (i < len) {
		if (text[i] == '<') {
			if (i + 4 <= len && strncmp(text + i, "<!--", 4) == 0) {
				gt = memmem(text + i, len - i, "-->", 3);
				i = gt ? (size_t)(gt - text) + 3 : len;
				continue;
			}
			gt = memchr(text + i, '>', len - i);
			if (gt == NULL) {
				buf_putc(&b, '<');
				i++;
				continue;
			}
			closing = text[i + 1] == '/';
			name = text + i + 1 + closing;
			for (n = 0; name + n < gt && (isalnum((unsigned char)
			    name[n])); n++)
				;
			if (in_list(hidden, name, n))
				hide = !closing;
			else if (n == 2 && (strncasecmp(name, "td", 2) == 0 ||
			    strncasecmp(name, "th", 2) == 0) && closing) {
				while (b.len > 0 && buf_str(&b)[b.len - 1] ==
				    ' ')
					b.len--;
				buf_putc(&b, '\t');
			} else if (in_list(blocks, name, n))
				put_break(&b, n == 2 && strncasecmp(name, "br",
				    2) == 0);
			i = (size_t)(gt - text) + 1;
			continue;
		}
		if (hide) {
			i++;
			continue;
		}
		if (text[i] == '&') {
			i += entity(&b, text + i, len - i);
			continue;
		}
		if (text[i] == ' ' || text[i] == '\n' || text[i] == '\r' ||
		    text[i] == '\t') {
			put_space(&b);
			i++;
			continue;
		}
		buf_putc(&b, text[i++]);
	}
	*outlen = b.len;
	out = arena_strndup(a, buf_str(&b), b.len);
	buf_cleanup(&b);
	return out;
}

size_t
mn_unmarkdown(char *s)
{
	char	*p, *q;
	size_t	 n;

	/* "- 3. Title": a bullet in front of a numbered heading */
	if ((s[0] == '-' || s[0] == '*' || s[0] == '+') && s[1] == ' ') {
		for (p = s + 2; *p == ' '; p++)
			;
		for (q = p; *q >= '0' && *q <= '9'; q++)
			;
		if (q > p && q - p <= 3 && q[0] == '.' && q[1] == ' ')
			memmove(s, p, strlen(p) + 1);
	}
	/* bold runs: "**" anywhere, paired or left over */
	for (p = s, q = s; *p != '\0';) {
		if (p[0] == '*' && p[1] == '*') {
			p += 2;
			continue;
		}
		*q++ = *p++;
	}
	*q = '\0';
	n = strlen(s);
	while (n > 0 && s[n - 1] == ' ')
		s[--n] = '\0';
	return n;
}

/* Line i holds only a header label ("Møde", "Sagsnr./Dok.nr.:"). */
static bool
bare_label(const struct ctx *c, size_t i)
{
	const char *val;

	return c->l[i].use != USE_GONE && c->l[i].len > 0 &&
	    mn_label_of(c->l[i].s, &val) != H_NONE && *val == '\0';
}

void
mn_join_label_column(struct ctx *c)
{
	size_t	i, j, k, m, v;

	for (i = 0; i < c->n; i = j) {
		for (j = i; j < c->n && bare_label(c, j); j++)
			;
		if ((k = j - i) < 3) {
			j = j > i ? j : i + 1;
			continue;
		}
		/* the values: exactly k lines of text after blank lines,
		   then a blank line or the end */
		for (v = j; v < c->n && (c->l[v].use == USE_GONE ||
		    c->l[v].len == 0); v++)
			;
		for (m = 0; m < k && v + m < c->n && c->l[v + m].use !=
		    USE_GONE && c->l[v + m].len > 0 && !mn_is_structural(
		    c->l[v + m].s); m++)
			;
		if (m < k || (v + k < c->n && c->l[v + k].len > 0))
			continue;
		for (m = 0; m < k; m++) {
			c->l[i + m].s = arena_printf(c->a, "%s %s",
			    c->l[i + m].s, c->l[v + m].s);
			c->l[i + m].len = strlen(c->l[i + m].s);
			c->l[v + m].use = USE_GONE;
		}
		mn_warn(c, c->l[i].no, "header_table_joined", "Mødets hoved "
		    "stod som en tabel med etiketterne før værdierne (linje %d "
		    "og %d); de er sat sammen parvis", c->l[i].no, c->l[v].no);
		j = v + k;
	}
}
