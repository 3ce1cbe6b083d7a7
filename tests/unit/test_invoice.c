/*
 * Unit tests for src/report/invoice.c: the invoice lists as PDF (one
 * section per municipality, its lines and total, "Side n af N", read
 * back with pdftotext and pdfinfo) and as XLSX (a zip workbook).
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

#include "tool.h"
#include "report/invoice.h"
#include "store/sharing_store.h"
#include "util/buf.h"
#include "util/err.h"

static const struct invoice_row rows[] = {
	{ 1, 1, "Sekretariatet 1. halvår 2011", "secretariat", 2011, "851",
	  "Aalborg", 199188, 579829, "Indbyggertal 1. januar 2011", 25421100,
	  "2012-03-01T09:00:00Z" },
	{ 2, 1, "Temadag om takster", "event", 2014, "851", "Aalborg", 3, 5,
	  "Deltagere", 480000, "2014-03-06T09:00:00Z" },
	{ 1, 1, "Sekretariatet 1. halvår 2011", "secretariat", 2011, "810",
	  "Brønderslev", 35789, 579829, "Indbyggertal 1. januar 2011",
	  4567500, "2012-03-01T09:00:00Z" },
};

/* The output of cmd (a shell command line) in out. */
static void
run(const char *cmd, struct buf *out)
{
	char	 chunk[4096];
	size_t	 n;
	FILE	*p = popen(cmd, "r");

	assert_non_null(p);
	while ((n = fread(chunk, 1, sizeof(chunk), p)) > 0)
		buf_append(out, chunk, n);
	pclose(p);
}

static void
test_pdf(void **state)
{
	char		 path[] = "/tmp/ramme-invoice-XXXXXX";
	struct buf	 b, txt;
	struct err	 e;
	FILE		*f;
	int		 fd;

	(void)state;
	buf_init(&b);
	buf_init(&txt);
	assert_int_equal(invoice_pdf_write_buf("Fakturaliste", "Udskrevet i "
	    "dag", rows, 3, &b, &e), 0);
	assert_memory_equal(b.data, "%PDF-", 5);
	if (!tool_need("pdftotext", "poppler-utils") ||
	    !tool_need("pdfinfo", "poppler-utils"))
		goto done;
	fd = mkstemp(path);
	assert_true(fd >= 0);
	f = fdopen(fd, "wb");
	fwrite(b.data, 1, b.len, f);
	fclose(f);
	{
		char cmd[128];

		snprintf(cmd, sizeof(cmd), "pdftotext -layout %s -", path);
		run(cmd, &txt);
		assert_non_null(strstr(buf_str(&txt), "Aalborg (851)"));
		assert_non_null(strstr(buf_str(&txt), "Brønderslev (810)"));
		/* Aalborg: 254.211 + 4.800 kr.; the year shown once. */
		assert_non_null(strstr(buf_str(&txt), "259.011,00 kr."));
		assert_non_null(strstr(buf_str(&txt), "Temadag om takster, "
		    "2014"));
		assert_null(strstr(buf_str(&txt), "2011, 2011"));
		assert_non_null(strstr(buf_str(&txt), "Side 2 af 2"));
		buf_reset(&txt);
		snprintf(cmd, sizeof(cmd), "pdfinfo %s", path);
		run(cmd, &txt);
		assert_non_null(strstr(buf_str(&txt), "Pages:"));
		assert_int_equal(atoi(strstr(buf_str(&txt), "Pages:") + 6), 2);
	}
	unlink(path);
done:
	buf_cleanup(&b);
	buf_cleanup(&txt);
}

static void
test_pdf_empty(void **state)
{
	struct buf	b;
	struct err	e;

	(void)state;
	buf_init(&b);
	assert_int_equal(invoice_pdf_write_buf("Fakturaliste", "", NULL, 0,
	    &b, &e), 0);
	assert_memory_equal(b.data, "%PDF-", 5);
	buf_cleanup(&b);
}

static void
test_xlsx(void **state)
{
	char		 path[] = "/tmp/ramme-invoice-XXXXXX";
	char		 head[4];
	struct err	 e;
	FILE		*f;
	int		 fd;

	(void)state;
	fd = mkstemp(path);
	assert_true(fd >= 0);
	close(fd);
	assert_int_equal(invoice_xlsx_write(rows, 3, path, &e), 0);
	f = fopen(path, "rb");
	assert_non_null(f);
	assert_int_equal(fread(head, 1, 4, f), 4);
	fclose(f);
	assert_memory_equal(head, "PK\3\4", 4);
	unlink(path);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_pdf),
		cmocka_unit_test(test_pdf_empty),
		cmocka_unit_test(test_xlsx),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
