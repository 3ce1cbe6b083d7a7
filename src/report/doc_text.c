/*
 * doc_text — document type and text of attachments (see doc_text.h).
 */
#include <errno.h>
#include <expat.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>
#include <zip.h>

#include "report/doc_text.h"
#include "util/arena.h"
#include "util/buf.h"
#include "util/text.h"

extern char **environ;

/* ---- ZIP parts ----------------------------------------------------- */

/* Open data as a ZIP archive (data stays the caller's), or NULL. */
static zip_t *
zip_of(const void *data, size_t len)
{
	zip_source_t	*src;
	zip_error_t	 ze;
	zip_t		*z;

	zip_error_init(&ze);
	src = zip_source_buffer_create(data, len, 0, &ze);
	if (src == NULL) {
		zip_error_fini(&ze);
		return NULL;
	}
	if ((z = zip_open_from_source(src, ZIP_RDONLY, &ze)) == NULL)
		zip_source_free(src);
	zip_error_fini(&ze);
	return z;
}

static bool
zip_has(zip_t *z, const char *name)
{
	return zip_name_locate(z, name, 0) >= 0;
}

/* The XML text collected from a part. */
struct collect {
	struct buf	 out;
	const char	*text_elem;	/* "w:t" or "t" */
	const char	*break_elem;	/* "w:p" or "si": a line break after */
	bool		 in_text;
	bool		 stop;		/* a DTD: refuse */
};

static void XMLCALL
on_start(void *ud, const XML_Char *name, const XML_Char **attrs)
{
	struct collect *c = ud;

	(void)attrs;
	if (strcmp(name, c->text_elem) == 0)
		c->in_text = true;
	else if (strcmp(c->text_elem, "w:t") == 0 &&
	    strcmp(name, "w:tab") == 0)
		buf_putc(&c->out, '\t');
	else if (strcmp(c->text_elem, "w:t") == 0 &&
	    (strcmp(name, "w:br") == 0 || strcmp(name, "w:cr") == 0))
		buf_putc(&c->out, '\n');
	else if (strcmp(c->text_elem, "w:t") == 0 &&
	    strcmp(name, "w:noBreakHyphen") == 0)
		buf_putc(&c->out, '-');	/* "2011-43820" kept whole */
}

/* The last character written is ch: make it to (a cell's paragraph
   break a tab, a row's last tab a line break). */
static void
retail(struct collect *c, char ch, char to)
{
	if (c->out.len > 0 && c->out.data[c->out.len - 1] == ch)
		c->out.data[c->out.len - 1] = to;
}

static void XMLCALL
on_end(void *ud, const XML_Char *name)
{
	struct collect *c = ud;

	if (strcmp(name, c->text_elem) == 0)
		c->in_text = false;
	else if (strcmp(name, c->break_elem) == 0 && c->out.len < DOC_TEXT_MAX)
		buf_putc(&c->out, '\n');
	else if (strcmp(name, "w:tc") == 0)
		retail(c, '\n', '\t');	/* the cells of a row on one
						   line, parted by tabs */
	else if (strcmp(name, "w:tr") == 0)
		retail(c, '\t', '\n');
	else if (strcmp(name, "w:tbl") == 0 && c->out.len < DOC_TEXT_MAX)
		buf_putc(&c->out, '\n');	/* a table is a block: an
						   empty line after it */
}

static void XMLCALL
on_text(void *ud, const XML_Char *s, int len)
{
	struct collect *c = ud;

	if (c->in_text && len > 0 && c->out.len + (size_t)len < DOC_TEXT_MAX)
		buf_append(&c->out, s, (size_t)len);
}

static void XMLCALL
on_doctype(void *ud, const XML_Char *name, const XML_Char *sysid,
    const XML_Char *pubid, int has_internal)
{
	struct collect *c = ud;

	(void)name;
	(void)sysid;
	(void)pubid;
	(void)has_internal;
	c->stop = true;
}

/* Collect the text of one XML part of z into c; false on failure. */
static bool
collect_part(zip_t *z, const char *name, struct collect *c)
{
	zip_int64_t	 idx, n;
	zip_stat_t	 st;
	zip_file_t	*zf;
	XML_Parser	 p;
	char		 chunk[16384];
	uint64_t	 total = 0;
	bool		 ok = true;

	if ((idx = zip_name_locate(z, name, 0)) < 0)
		return false;
	if (zip_stat_index(z, (zip_uint64_t)idx, 0, &st) != 0 ||
	    ((st.valid & ZIP_STAT_ENCRYPTION_METHOD) &&
	    st.encryption_method != ZIP_EM_NONE) ||
	    ((st.valid & ZIP_STAT_SIZE) && st.size > DOC_TEXT_MAX_PART))
		return false;
	if ((zf = zip_fopen_index(z, (zip_uint64_t)idx, 0)) == NULL)
		return false;
	if ((p = XML_ParserCreate(NULL)) == NULL) {
		zip_fclose(zf);
		return false;
	}
	XML_SetUserData(p, c);
	XML_SetElementHandler(p, on_start, on_end);
	XML_SetCharacterDataHandler(p, on_text);
	XML_SetStartDoctypeDeclHandler(p, on_doctype);
	XML_SetParamEntityParsing(p, XML_PARAM_ENTITY_PARSING_NEVER);
	for (;;) {
		n = zip_fread(zf, chunk, sizeof(chunk));
		if (n < 0 || (total += (uint64_t)n) > DOC_TEXT_MAX_PART) {
			ok = false;
			break;
		}
		if (XML_Parse(p, chunk, (int)n, n == 0) != XML_STATUS_OK ||
		    c->stop) {
			ok = false;
			break;
		}
		if (n == 0)
			break;
	}
	XML_ParserFree(p);
	zip_fclose(zf);
	return ok;
}

const char *
doc_text_type(const void *data, size_t len)
{
	const char	*type = NULL;
	zip_t		*z;

	if (len >= 5 && memcmp(data, "%PDF-", 5) == 0)
		return DOC_TYPE_PDF;
	if (len < 4 || memcmp(data, "PK\003\004", 4) != 0)
		return NULL;
	if ((z = zip_of(data, len)) == NULL)
		return NULL;
	if (zip_has(z, "word/document.xml"))
		type = DOC_TYPE_DOCX;
	else if (zip_has(z, "xl/workbook.xml"))
		type = DOC_TYPE_XLSX;
	zip_discard(z);
	return type;
}

/* Text of a DOCX or XLSX, or NULL. */
static char *
office_text(struct arena *a, const char *type, const void *data, size_t len)
{
	struct collect	 c;
	zip_t		*z;
	char		*out = NULL;
	bool		 ok;

	if ((z = zip_of(data, len)) == NULL)
		return NULL;
	memset(&c, 0, sizeof(c));
	buf_init(&c.out);
	if (strcmp(type, DOC_TYPE_DOCX) == 0) {
		c.text_elem = "w:t";
		c.break_elem = "w:p";
		ok = collect_part(z, "word/document.xml", &c);
	} else {
		c.text_elem = "t";
		c.break_elem = "si";
		ok = collect_part(z, "xl/sharedStrings.xml", &c);
	}
	zip_discard(z);
	if (ok && c.out.len > 0 && text_utf8_valid(c.out.data, c.out.len))
		out = arena_strdup(a, buf_str(&c.out));
	buf_cleanup(&c.out);
	return out;
}

/* ---- PDF ----------------------------------------------------------- */

static int64_t
now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

/* Write data to a fresh temporary file; its path in path[]. */
static bool
temp_file(char path[64], const void *data, size_t len)
{
	const char	*p = data;
	ssize_t		 w;
	int		 fd;

	snprintf(path, 64, "/tmp/ramme-bilag-XXXXXX");
	if ((fd = mkstemp(path)) < 0)
		return false;
	while (len > 0) {
		if ((w = write(fd, p, len)) < 0) {
			if (errno == EINTR)
				continue;
			close(fd);
			unlink(path);
			return false;
		}
		p += w;
		len -= (size_t)w;
	}
	close(fd);
	return true;
}

/* Run pdftotext on the file at path; its output, or NULL. */
static char *
pdf_text_file(struct arena *a, const char *path)
{
	posix_spawn_file_actions_t	 fa;
	struct pollfd			 pfd;
	struct buf			 out;
	char				 chunk[16384];
	char				*argv[] = { (char *)"pdftotext", (char *)"-q",
					    (char *)"-layout", (char *)"-enc", (char *)"UTF-8",
					    (char *)"-l", (char *)"500",
					    (char *)(uintptr_t)path,
					    (char *)"-", NULL };
	char				*res = NULL;
	int				 fds[2], status, devnull;
	int64_t				 deadline;
	ssize_t				 r;
	pid_t				 pid;
	bool				 killed = false;

	if (pipe2(fds, O_CLOEXEC) != 0)
		return NULL;
	devnull = open("/dev/null", O_RDWR | O_CLOEXEC);
	posix_spawn_file_actions_init(&fa);
	posix_spawn_file_actions_adddup2(&fa, fds[1], 1);
	if (devnull >= 0) {
		posix_spawn_file_actions_adddup2(&fa, devnull, 0);
		posix_spawn_file_actions_adddup2(&fa, devnull, 2);
	}
	if (posix_spawnp(&pid, "pdftotext", &fa, NULL, argv, environ) != 0)
		pid = -1;
	posix_spawn_file_actions_destroy(&fa);
	close(fds[1]);
	if (devnull >= 0)
		close(devnull);
	if (pid < 0) {
		close(fds[0]);
		return NULL;
	}
	buf_init(&out);
	deadline = now_ms() + DOC_TEXT_TIMEOUT_MS;
	pfd.fd = fds[0];
	pfd.events = POLLIN;
	for (;;) {
		int64_t left = deadline - now_ms();
		if (left <= 0) {
			kill(pid, SIGKILL);
			killed = true;
			break;
		}
		if (poll(&pfd, 1, (int)left) < 0) {
			if (errno == EINTR)
				continue;
			kill(pid, SIGKILL);
			killed = true;
			break;
		}
		r = read(fds[0], chunk, sizeof(chunk));
		if (r < 0 && errno == EINTR)
			continue;
		if (r <= 0)
			break;
		if (out.len + (size_t)r <= DOC_TEXT_MAX)
			buf_append(&out, chunk, (size_t)r);
	}
	close(fds[0]);
	while (waitpid(pid, &status, 0) < 0 && errno == EINTR)
		;
	if (!killed && WIFEXITED(status) && WEXITSTATUS(status) == 0 &&
	    out.len > 0 && text_utf8_valid(out.data, out.len))
		res = arena_strdup(a, buf_str(&out));
	buf_cleanup(&out);
	return res;
}

/* Run pdftotext on data; its output, or NULL. */
static char *
pdf_text(struct arena *a, const void *data, size_t len)
{
	char	 path[64];
	char	*t;

	if (!temp_file(path, data, len))
		return NULL;
	t = pdf_text_file(a, path);
	unlink(path);
	return t;
}

static char *text_clean(char *);

char *
doc_text_extract(struct arena *a, const char *type, const void *data,
    size_t len)
{
	return doc_text_extract_file(a, type, NULL, data, len);
}

char *
doc_text_extract_file(struct arena *a, const char *type, const char *path,
    const void *data, size_t len)
{
	char *t = NULL;

	if (type == NULL || data == NULL || len == 0)
		return NULL;
	if (strcmp(type, DOC_TYPE_PDF) == 0)
		t = path != NULL ? pdf_text_file(a, path) :
		    pdf_text(a, data, len);
	else if (strcmp(type, DOC_TYPE_DOCX) == 0 ||
	    strcmp(type, DOC_TYPE_XLSX) == 0)
		t = office_text(a, type, data, len);
	return t != NULL ? text_clean(t) : NULL;
}

/* t with control characters made line breaks or spaces, trimmed; NULL
   when nothing is left. */
static char *
text_clean(char *t)
{
	char *p;

	/* pdftotext separates pages with \f: make them line breaks; other
	 * control characters become spaces. */
	for (p = t; *p != '\0'; p++) {
		unsigned char ch = (unsigned char)*p;
		if (ch == '\f' || ch == '\v')
			*p = '\n';
		else if ((ch < 0x20 && ch != '\n' && ch != '\t' &&
		    ch != '\r') || ch == 0x7f)
			*p = ' ';
	}
	t = text_trim(t);
	return *t != '\0' ? t : NULL;
}
