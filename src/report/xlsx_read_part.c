/*
 * xlsx_read_part — one part of the archive streamed through expat, bounded and
 * with any DOCTYPE refused (so no entity is ever expanded or fetched), and
 * OOXML's _xHHHH_ escapes of its strings.
 */
#include <ctype.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#include <expat.h>
#include <zip.h>

#include "report/xlsx_read_impl.h"
#include "util/arena.h"
#include "util/buf.h"
#include "util/err.h"

/* ---------------------------------------------------------------------
 * Strings: OOXML's _xHHHH_ escapes.
 */

static int
hex4(const char *s)
{
	int v = 0, i;

	for (i = 0; i < 4; i++) {
		if (!isxdigit((unsigned char)s[i]))
			return -1;
		v = v * 16 + (isdigit((unsigned char)s[i]) ? s[i] - '0' :
		    tolower((unsigned char)s[i]) - 'a' + 10);
	}
	return v;
}

/* The escape _xHHHH_ at s[0..n), or -1. */
static int
escape_at(const char *s, size_t n)
{
	if (n < 7 || s[0] != '_' || s[1] != 'x' || s[6] != '_')
		return -1;
	return hex4(s + 2);
}

static void
put_utf8(struct buf *b, unsigned cp)
{
	char	u[4];
	size_t	n;

	if (cp < 0x80) {
		u[0] = (char)cp;
		n = 1;
	} else if (cp < 0x800) {
		u[0] = (char)(0xc0 | cp >> 6);
		u[1] = (char)(0x80 | (cp & 0x3f));
		n = 2;
	} else if (cp < 0x10000) {
		u[0] = (char)(0xe0 | cp >> 12);
		u[1] = (char)(0x80 | (cp >> 6 & 0x3f));
		u[2] = (char)(0x80 | (cp & 0x3f));
		n = 3;
	} else {
		u[0] = (char)(0xf0 | cp >> 18);
		u[1] = (char)(0x80 | (cp >> 12 & 0x3f));
		u[2] = (char)(0x80 | (cp >> 6 & 0x3f));
		u[3] = (char)(0x80 | (cp & 0x3f));
		n = 4;
	}
	buf_append(b, u, n);
}

/*
 * Copy s[0..n) into the arena, decoding Excel's escapes for characters XML
 * cannot carry: "_x000D_" is CR, "_x005F_" a literal "_". NUL is dropped;
 * a lone surrogate stays as written.
 */
const char *
xlsx_read_unescape(struct arena *a, const char *s, size_t n)
{
	struct buf	 out;
	const char	*res;
	size_t		 i;
	int		 cp, lo;

	if (memmem(s, n, "_x", 2) == NULL)
		return arena_strndup(a, s, n);
	buf_init(&out);
	for (i = 0; i < n; i++) {
		if ((cp = escape_at(s + i, n - i)) < 0) {
			buf_putc(&out, s[i]);
			continue;
		}
		if (cp >= 0xd800 && cp <= 0xdbff &&
		    (lo = escape_at(s + i + 7, n - i - 7)) >= 0xdc00 &&
		    lo <= 0xdfff) {
			put_utf8(&out, 0x10000 + (((unsigned)cp - 0xd800) << 10) +
			    ((unsigned)lo - 0xdc00));
			i += 13;
			continue;
		}
		if (cp >= 0xd800 && cp <= 0xdfff) {
			buf_putc(&out, s[i]);
			continue;
		}
		if (cp != 0)
			put_utf8(&out, (unsigned)cp);
		i += 6;
	}
	res = arena_strndup(a, buf_str(&out), out.len);
	buf_cleanup(&out);
	return res;
}

/* ---------------------------------------------------------------------
 * Parts: one entry of the archive streamed through expat.
 */

/* Record the first error of a parse and stop the parser. */
void
xlsx_read_fail(struct pstate *ps, int code, const char *key, const char *fmt,
    ...)
{
	char	msg[512];
	va_list	ap;

	if (ps->rc != 0)
		return;
	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	ps->rc = err_set(ps->e, code, key, NULL, "%s", msg);
	XML_StopParser(ps->p, XML_FALSE);
}

static void XMLCALL
on_doctype(void *ud, const XML_Char *name, const XML_Char *sysid,
    const XML_Char *pubid, int has_internal_subset)
{
	struct pstate *ps = ud;

	(void)name;
	(void)sysid;
	(void)pubid;
	(void)has_internal_subset;
	xlsx_read_fail(ps, ERR_INVALID, "xml_doctype", NOT_XLSX
	    ": %s indeholder en DTD, hvad Excel-filer ikke gør", ps->part);
}

static void XMLCALL
on_entity(void *ud, const XML_Char *name, int is_param,
    const XML_Char *value, int value_length, const XML_Char *base,
    const XML_Char *sysid, const XML_Char *pubid, const XML_Char *notation)
{
	(void)name;
	(void)is_param;
	(void)value;
	(void)value_length;
	(void)base;
	(void)sysid;
	(void)pubid;
	(void)notation;
	on_doctype(ud, NULL, NULL, NULL, 0);
}

/* Index of the entry path (exact name first, then ignoring case), or -1. */
zip_int64_t
xlsx_read_locate(zip_t *z, const char *path)
{
	zip_int64_t idx;

	if ((idx = zip_name_locate(z, path, 0)) < 0)
		idx = zip_name_locate(z, path, ZIP_FL_NOCASE);
	return idx;
}

/*
 * Stream the part at path through a new parser with the given handlers
 * and ps as user data. Returns 0, ERR_NOT_FOUND (part absent; e not
 * filled, the caller knows what it means) or the first error, e filled.
 */
int
xlsx_read_part(struct pstate *ps, const char *path,
    XML_StartElementHandler start, XML_EndElementHandler end,
    XML_CharacterDataHandler text)
{
	struct xlsx_book	*b = ps->b;
	zip_int64_t		 idx, n;
	zip_stat_t		 st;
	zip_file_t		*zf;
	XML_Parser		 p;
	uint64_t		 total = 0;
	void			*chunk;
	int			 rc = 0;

	ps->part = path;
	if ((idx = xlsx_read_locate(b->zip, path)) < 0)
		return ERR_NOT_FOUND;
	if (zip_stat_index(b->zip, (zip_uint64_t)idx, 0, &st) != 0)
		return err_set(ps->e, ERR_INVALID, "not_xlsx", NULL,
		    NOT_XLSX ": %s kan ikke læses", path);
	if ((st.valid & ZIP_STAT_ENCRYPTION_METHOD) &&
	    st.encryption_method != ZIP_EM_NONE)
		return err_set(ps->e, ERR_INVALID, "encrypted", NULL,
		    "Filen er beskyttet med adgangskode; gem den uden "
		    "adgangskode og prøv igen");
	if ((st.valid & ZIP_STAT_SIZE) && st.size > XLSX_READ_MAX_PART)
		return err_set(ps->e, ERR_TOO_LARGE, "part_too_large", NULL,
		    "Filen indeholder for meget: %s fylder over %u MB "
		    "udpakket", path, XLSX_READ_MAX_PART >> 20);
	if ((zf = zip_fopen_index(b->zip, (zip_uint64_t)idx, 0)) == NULL)
		return err_set(ps->e, ERR_INVALID, "not_xlsx", NULL,
		    NOT_XLSX ": %s kan ikke pakkes ud", path);
	if ((p = XML_ParserCreate(NULL)) == NULL)
		fatal("XML_ParserCreate: out of memory");
	ps->p = p;
	XML_SetUserData(p, ps);
	XML_SetElementHandler(p, start, end);
	if (text != NULL)
		XML_SetCharacterDataHandler(p, text);
	XML_SetStartDoctypeDeclHandler(p, on_doctype);
	XML_SetEntityDeclHandler(p, on_entity);
	XML_SetParamEntityParsing(p, XML_PARAM_ENTITY_PARSING_NEVER);
	for (;;) {
		if ((chunk = XML_GetBuffer(p, CHUNK)) == NULL)
			fatal("XML_GetBuffer: out of memory");
		if ((n = zip_fread(zf, chunk, CHUNK)) < 0) {
			rc = err_set(ps->e, ERR_INVALID, "corrupt", NULL,
			    "Filen er beskadiget: %s kan ikke pakkes ud",
			    path);
			break;
		}
		total += (uint64_t)n;
		if (total > XLSX_READ_MAX_PART) {
			rc = err_set(ps->e, ERR_TOO_LARGE, "part_too_large",
			    NULL, "Filen indeholder for meget: %s fylder over "
			    "%u MB udpakket", path, XLSX_READ_MAX_PART >> 20);
			break;
		}
		if (XML_ParseBuffer(p, (int)n, n == 0) != XML_STATUS_OK) {
			if (ps->rc != 0)
				rc = ps->rc;
			else
				rc = err_set(ps->e, ERR_INVALID, "invalid_xml",
				    NULL, NOT_XLSX ": fejl i XML i %s, linje "
				    "%lu", path,
				    (unsigned long)XML_GetCurrentLineNumber(p));
			break;
		}
		if (ps->rc != 0 || n == 0)
			break;
	}
	XML_ParserFree(p);
	ps->p = NULL;
	zip_fclose(zf);
	return rc != 0 ? rc : ps->rc;
}

/*
 * The path of a part that target names, relative to the part at base
 * ("xl/workbook.xml" + "worksheets/sheet1.xml"), or absolute ("/xl/...").
 * "." and ".." are resolved; NULL if ".." climbs above the root.
 */
