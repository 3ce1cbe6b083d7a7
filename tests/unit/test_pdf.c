/*
 * Unit tests for src/report/pdf.c. The PDFs are read back with poppler's
 * command-line tools: pdfinfo for the page count and pdftotext for the
 * text (header block, Danish letters, "Side n af N", and that nothing of
 * a closed item or closed attachment is there unless asked for). A
 * missing tool fails test_tools, naming it (tool.h).
 *
 * RAMME_TEST_KEEP=1 keeps the temporary directory with the PDFs and
 * prints its path.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <cmocka.h>

#include <cairo.h>

#include "meeting_fixture.h"
#include "tool.h"
#include "report/meeting_view.h"
#include "report/pdf.h"
#include "util/buf.h"
#include "util/err.h"

struct env {
	char	dir[64];	/* temporary directory */
	bool	has_pdftotext;
	bool	has_pdfinfo;
	bool	has_pdfunite;
};

static bool
have(const char *tool)
{
	char	cmd[128];

	snprintf(cmd, sizeof(cmd), "command -v %s >/dev/null 2>&1", tool);
	return system(cmd) == 0;
}

/* Run cmd and capture its stdout; returns its exit status. */
static int
capture(const char *cmd, struct buf *out)
{
	FILE	*fp;
	char	 chunk[4096];
	size_t	 n;

	buf_reset(out);
	assert_non_null(fp = popen(cmd, "r"));
	while ((n = fread(chunk, 1, sizeof(chunk), fp)) > 0)
		buf_append(out, chunk, n);
	return pclose(fp);
}

/* The text of a PDF with every run of white space made one space. */
static void
pdf_text(const char *path, struct buf *out)
{
	struct buf	raw;
	char		cmd[512];
	const char	*p;
	bool		space = false;

	buf_init(&raw);
	/* -layout keeps a header row's label and value on one line. */
	snprintf(cmd, sizeof(cmd), "pdftotext -layout -enc UTF-8 '%s' -",
	    path);
	assert_int_equal(capture(cmd, &raw), 0);
	buf_reset(out);
	for (p = buf_str(&raw); *p != '\0'; p++) {
		if (*p == ' ' || *p == '\n' || *p == '\t' || *p == '\f' ||
		    *p == '\r') {
			space = true;
			continue;
		}
		if (space && out->len > 0)
			buf_putc(out, ' ');
		space = false;
		buf_putc(out, *p);
	}
	buf_cleanup(&raw);
}

static int
pdf_pages(const char *path)
{
	struct buf	 out;
	char		 cmd[512];
	const char	*p;
	int		 n;

	buf_init(&out);
	snprintf(cmd, sizeof(cmd), "pdfinfo '%s'", path);
	assert_int_equal(capture(cmd, &out), 0);
	assert_non_null(p = strstr(buf_str(&out), "\nPages:"));
	n = atoi(p + 7);
	buf_cleanup(&out);
	return n;
}

static void
path_in(const struct env *env, const char *name, char *out, size_t size)
{
	snprintf(out, size, "%s/%s", env->dir, name);
}

/* The file's first bytes are "%PDF-". */
static void
assert_pdf_file(const char *path)
{
	FILE	*fp;
	char	 head[6] = "";

	assert_non_null(fp = fopen(path, "rb"));
	assert_int_equal(fread(head, 1, 5, fp), 5);
	fclose(fp);
	assert_memory_equal(head, "%PDF-", 5);
}

static void
assert_contains(const char *text, const char *what)
{
	if (strstr(text, what) == NULL)
		fail_msg("missing \"%s\" in:\n%s", what, text);
}

static void
assert_marker_free(const char *text)
{
	const char	*m = fixture_marker_in(text);

	if (m != NULL)
		fail_msg("closed marker %s in public text", m);
}

static void
render(const struct env *env, const struct meeting_view *v,
    enum pdf_kind kind, bool include_closed, const char *name, char *path,
    size_t size)
{
	struct err	e;

	path_in(env, name, path, size);
	if (pdf_meeting_write(v, kind, include_closed, path, &e) != 0)
		fail_msg("%s: %s", e.key, e.msg);
	assert_pdf_file(path);
}

static void
test_agenda(void **state)
{
	struct env		*env = *state;
	struct meeting_fixture	 f;
	struct buf		 t;
	char			 path[256], side[64];
	int			 pages;

	meeting_fixture_init(&f);
	render(env, &f.v, PDF_AGENDA, false, "agenda.pdf", path, sizeof(path));
	if (!env->has_pdftotext || !env->has_pdfinfo) {
		fprintf(stderr, "# pdftotext/pdfinfo missing: text checks "
		    "skipped\n");
		return;
	}
	pages = pdf_pages(path);
	assert_true(pages >= 2);
	buf_init(&t);
	pdf_text(path, &t);
	assert_contains(buf_str(&t), "Dagsorden");
	/* The header block, as the secretariat writes it. */
	assert_contains(buf_str(&t), "Møde Møde i Socialdirektørkredsen");
	assert_contains(buf_str(&t), "Tid 6. oktober 2011, kl. "
	    "13.00\xe2\x80\x93" "16.00");
	assert_contains(buf_str(&t), "Sted Boulevarden 13, "
	    "repræsentationslokale 3");
	assert_contains(buf_str(&t), "Deltagere Hilde E. Thun Holst "
	    "(Rammeaftalesekretariatet), Dorte Jende (Aalborg Kommune)");
	assert_contains(buf_str(&t), "Afbud Jens Nørgaard (Mariagerfjord "
	    "Kommune) – Per Heitmann deltog i stedet og Jane Hvas");
	assert_contains(buf_str(&t), "Referent Hilde E. Thun Holst");
	assert_contains(buf_str(&t), "Sagsnr./Dok.nr. 2011-43820 / "
	    "2011-296084");
	/* Danish letters survive shaping, embedding and extraction. */
	assert_contains(buf_str(&t), FIXTURE_DANISH);
	assert_contains(buf_str(&t), "Sager til behandling");
	assert_contains(buf_str(&t), "Sager til forventet efterretning");
	assert_contains(buf_str(&t), "3. Drøftelse af forslag til eventuelle "
	    "emner i den økonomiske styringsaftale (HETH)");
	assert_contains(buf_str(&t), "Indstilling Det indstilles, at "
	    "Socialdirektørkredsen");
	assert_contains(buf_str(&t), "Tidligere indstilling "
	    "Forretningsudvalget indstiller");
	assert_contains(buf_str(&t), "Bilag • Bilag 1 Etiske retningslinjer "
	    "• Bilag 3 Takstoversigt");
	assert_contains(buf_str(&t), "»hvordan vi behandler hinanden«");
	snprintf(side, sizeof(side), "Side 1 af %d", pages);
	assert_contains(buf_str(&t), side);
	snprintf(side, sizeof(side), "Side %d af %d", pages, pages);
	assert_contains(buf_str(&t), side);
	/* Not the minutes, and nothing closed. */
	assert_null(strstr(buf_str(&t), FIXTURE_OPEN_MINUTES));
	assert_null(strstr(buf_str(&t), "Beslutning"));
	assert_null(strstr(buf_str(&t), "lukket"));
	assert_marker_free(buf_str(&t));
	buf_cleanup(&t);
}

static void
test_minutes(void **state)
{
	struct env		*env = *state;
	struct meeting_fixture	 f;
	struct buf		 t;
	char			 path[256];

	meeting_fixture_init(&f);
	render(env, &f.v, PDF_MINUTES, false, "minutes.pdf", path,
	    sizeof(path));
	if (!env->has_pdftotext)
		return;
	buf_init(&t);
	pdf_text(path, &t);
	assert_contains(buf_str(&t), "Referat Møde Møde i "
	    "Socialdirektørkredsen");
	assert_null(strstr(buf_str(&t), "Referat – udkast"));
	assert_contains(buf_str(&t), "Referat På baggrund af indstillingen");
	assert_contains(buf_str(&t), FIXTURE_OPEN_MINUTES);
	assert_contains(buf_str(&t), "1. Godkendelse af dagsorden Beslutning: "
	    "Godkendt");
	assert_contains(buf_str(&t), "Beslutning: Taget til efterretning");
	assert_marker_free(buf_str(&t));

	/* The members' version has every trace of the closed item. */
	render(env, &f.v, PDF_MINUTES, true, "minutes-closed.pdf", path,
	    sizeof(path));
	pdf_text(path, &t);
	if (!fixture_all_markers_in(buf_str(&t)))
		fail_msg("closed markers missing with include_closed:\n%s",
		    buf_str(&t));
	assert_contains(buf_str(&t), "4. ZEBRAFINK personalesag (ZQXW) – "
	    "lukket punkt");
	assert_contains(buf_str(&t), "ANTILOPEHEMMELIG notat (lukket bilag)");

	/* Initials the title already ends with are not repeated. */
	f.v.items[2].title = "Drøftelse af styringsaftalen (HETH)";
	render(env, &f.v, PDF_AGENDA, false, "initials.pdf", path,
	    sizeof(path));
	pdf_text(path, &t);
	assert_contains(buf_str(&t), "3. Drøftelse af styringsaftalen (HETH)");
	assert_null(strstr(buf_str(&t), "(HETH) (HETH)"));
	buf_cleanup(&t);
}

static void
test_draft_and_cancelled(void **state)
{
	struct env		*env = *state;
	struct meeting_fixture	 f;
	struct buf		 t;
	char			 path[256];

	meeting_fixture_init(&f);
	f.v.state = "referat_udkast";
	f.v.minutes_approved_at = NULL;
	render(env, &f.v, PDF_MINUTES, false, "draft.pdf", path, sizeof(path));
	buf_init(&t);
	if (env->has_pdftotext) {
		pdf_text(path, &t);
		assert_contains(buf_str(&t), "Referat – udkast");
	}
	meeting_fixture_init(&f);
	f.v.state = "aflyst";
	f.v.cancelled = true;
	f.v.end = NULL;
	f.v.nitems = 0;
	f.v.npeople = 0;
	render(env, &f.v, PDF_AGENDA, false, "cancelled.pdf", path,
	    sizeof(path));
	if (env->has_pdftotext) {
		pdf_text(path, &t);
		assert_contains(buf_str(&t), "Mødet er aflyst");
		assert_contains(buf_str(&t), "Tid 6. oktober 2011, kl. 13.00 ");
		assert_contains(buf_str(&t), "Side 1 af 1");
		assert_null(strstr(buf_str(&t), "Deltagere"));
	}
	if (env->has_pdfinfo)
		assert_int_equal(pdf_pages(path), 1);
	buf_cleanup(&t);
}

static void
test_buf_and_errors(void **state)
{
	struct env		*env = *state;
	struct meeting_fixture	 f;
	struct buf		 a, b;
	struct err		 e;
	FILE			*fp;
	char			 path[256];
	size_t			 n;

	meeting_fixture_init(&f);
	buf_init(&a);
	buf_init(&b);
	assert_int_equal(pdf_meeting_write_buf(&f.v, PDF_AGENDA, false, &a,
	    &e), 0);
	assert_memory_equal(a.data, "%PDF-", 5);
	/* The file variant writes the same document. */
	render(env, &f.v, PDF_AGENDA, false, "same.pdf", path, sizeof(path));
	assert_non_null(fp = fopen(path, "rb"));
	buf_reset(&b);
	{
		char	chunk[8192];

		while ((n = fread(chunk, 1, sizeof(chunk), fp)) > 0)
			buf_append(&b, chunk, n);
	}
	fclose(fp);
	assert_int_equal(a.len, b.len);
	assert_memory_equal(a.data, b.data, a.len);

	buf_reset(&a);
	buf_puts(&a, "keep");
	assert_int_equal(pdf_meeting_write_buf(&f.v, (enum pdf_kind)7, false,
	    &a, &e), ERR_INVALID);
	assert_string_equal(buf_str(&a), "keep");
	assert_int_equal(pdf_meeting_write(&f.v, PDF_AGENDA, false,
	    "/nonexistent-dir/x.pdf", &e), ERR_IO);
	assert_string_equal(e.key, "pdf_write");
	buf_cleanup(&a);
	buf_cleanup(&b);
}

/* A view with nothing in it still gives a one-page document. */
static void
test_empty_view(void **state)
{
	struct env		*env = *state;
	struct meeting_view	 v;
	struct buf		 t;
	char			 path[256];

	memset(&v, 0, sizeof(v));
	render(env, &v, PDF_MINUTES, true, "empty.pdf", path, sizeof(path));
	if (env->has_pdfinfo)
		assert_int_equal(pdf_pages(path), 1);
	if (env->has_pdftotext) {
		buf_init(&t);
		pdf_text(path, &t);
		assert_contains(buf_str(&t), "Referat – udkast");
		assert_contains(buf_str(&t), "Side 1 af 1");
		buf_cleanup(&t);
	}
}

/* A one-page PDF whose only text is word. */
static void
attachment(const struct env *env, const char *word, char *path, size_t size)
{
	struct meeting_view	v;
	char			name[64];

	memset(&v, 0, sizeof(v));
	v.title = word;
	v.start = "2011-10-01T10:00";
	snprintf(name, sizeof(name), "%s.pdf", word);
	render(env, &v, PDF_AGENDA, false, name, path, size);
}

static void
test_packet(void **state)
{
	struct env		*env = *state;
	struct meeting_fixture	 f;
	struct buf		 t;
	struct err		 e;
	char			 open_pdf[256], closed_pdf[256], path[256];
	char			 agenda[256];
	const char		*paths[4];
	char			*saved_path;
	bool			 merged = true;
	int			 agenda_pages = 0;

	meeting_fixture_init(&f);
	attachment(env, "KAMELBILAG", open_pdf, sizeof(open_pdf));
	attachment(env, "LEMURPDFINDHOLD", closed_pdf, sizeof(closed_pdf));
	render(env, &f.v, PDF_AGENDA, false, "packet-agenda.pdf", agenda,
	    sizeof(agenda));
	if (env->has_pdfinfo)
		agenda_pages = pdf_pages(agenda);
	/* In view order: item 3's three files, then the closed item's. */
	paths[0] = open_pdf;
	paths[1] = closed_pdf;		/* closed file on an open item */
	paths[2] = NULL;		/* Bilag 3 has no PDF form */
	paths[3] = "/nonexistent/lemur.pdf"; /* closed item: never opened */
	buf_init(&t);

	path_in(env, "packet.pdf", path, sizeof(path));
	if (pdf_packet_write(&f.v, false, paths, 4, path, &merged, &e) != 0)
		fail_msg("%s: %s", e.key, e.msg);
	assert_pdf_file(path);
	assert_int_equal(merged, env->has_pdfunite);
	if (env->has_pdfunite && env->has_pdfinfo)
		assert_int_equal(pdf_pages(path), agenda_pages + 1 + 1);
	if (env->has_pdftotext) {
		pdf_text(path, &t);
		assert_marker_free(buf_str(&t));
		assert_null(strstr(buf_str(&t), "LEMURPDFINDHOLD"));
		assert_contains(buf_str(&t), "1. Bilag 1 Etiske retningslinjer "
		    "– til punkt 3");
		if (env->has_pdfunite) {
			assert_contains(buf_str(&t), "Bilag i denne "
			    "mødepakke");
			assert_contains(buf_str(&t), "KAMELBILAG");
		}
	}

	/* With closed content asked for, the closed item's file is read. */
	assert_int_equal(pdf_packet_write(&f.v, true, paths, 4, path, &merged,
	    &e), ERR_IO);
	assert_string_equal(e.key, "attachment_missing");

	/* Without pdfunite: the attachments are listed instead. */
	saved_path = strdup(getenv("PATH") != NULL ? getenv("PATH") : "");
	setenv("PATH", "/nonexistent", 1);
	path_in(env, "packet-listed.pdf", path, sizeof(path));
	assert_int_equal(pdf_packet_write(&f.v, false, paths, 4, path, &merged,
	    &e), 0);
	setenv("PATH", saved_path, 1);
	free(saved_path);
	assert_false(merged);
	if (env->has_pdfinfo)
		assert_int_equal(pdf_pages(path), agenda_pages + 1);
	if (env->has_pdftotext) {
		pdf_text(path, &t);
		assert_contains(buf_str(&t), "Bilagene kunne ikke samles i "
		    "denne fil");
		assert_contains(buf_str(&t), "1. Bilag 1 Etiske retningslinjer "
		    "– til punkt 3");
		assert_null(strstr(buf_str(&t), "KAMELBILAG"));
		assert_marker_free(buf_str(&t));
	}

	assert_int_equal(pdf_packet_write(&f.v, false, paths, 3, path, &merged,
	    &e), ERR_INVALID);
	assert_string_equal(e.key, "attachment_count");
	buf_cleanup(&t);
}

/* The tools the other tests read the PDFs back with. */
static void
test_tools(void **state)
{
	(void)state;
	(void)tool_need("pdftotext", "poppler-utils");
	(void)tool_need("pdfinfo", "poppler-utils");
	(void)tool_need("pdfunite", "poppler-utils");
}

static int
setup(void **state)
{
	struct env	*env = calloc(1, sizeof(*env));

	if (env == NULL)
		return -1;
	snprintf(env->dir, sizeof(env->dir), "/tmp/ramme-pdf-XXXXXX");
	if (mkdtemp(env->dir) == NULL) {
		free(env);
		return -1;
	}
	env->has_pdftotext = have("pdftotext");
	env->has_pdfinfo = have("pdfinfo");
	env->has_pdfunite = have("pdfunite");
	*state = env;
	return 0;
}

static int
teardown(void **state)
{
	struct env	*env = *state;
	char		 cmd[128];

	if (getenv("RAMME_TEST_KEEP") != NULL)
		fprintf(stderr, "# PDFs kept in %s\n", env->dir);
	else {
		snprintf(cmd, sizeof(cmd), "rm -rf '%s'", env->dir);
		if (system(cmd) != 0)
			return -1;
	}
	free(env);
	/* Let LeakSanitizer see only our allocations. */
	cairo_debug_reset_static_data();
	return 0;
}

/*
 * fontconfig (2.14) leaks a few hundred bytes while it parses its
 * configuration, unreachable and never freed (not even by FcFini()).
 * LeakSanitizer reads its built-in suppressions from this hook, so the
 * sanitized test needs no LSAN_OPTIONS; tests/lsan.supp has the same
 * line for the server binary.
 */
const char *__lsan_default_suppressions(void);

const char *
__lsan_default_suppressions(void)
{
	return "leak:libfontconfig.so\n";
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_tools),
		cmocka_unit_test(test_agenda),
		cmocka_unit_test(test_minutes),
		cmocka_unit_test(test_draft_and_cancelled),
		cmocka_unit_test(test_buf_and_errors),
		cmocka_unit_test(test_empty_view),
		cmocka_unit_test(test_packet),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
