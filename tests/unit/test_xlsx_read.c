/*
 * Unit tests for src/report/xlsx_read.c: workbooks written by
 * libxlsxwriter read back from a file and from memory, and hand-built
 * archives (libzip) for what Excel, LibreOffice and other writers do
 * differently and for hostile input: zip bombs, entities, broken parts.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <cmocka.h>

#include <xlsxwriter.h>
#include <zip.h>

#include "report/xlsx_read.h"
#include "util/arena.h"
#include "util/buf.h"
#include "util/err.h"

/* One file of a hand-built archive; len 0 means strlen(data). */
struct part {
	const char	*name;
	const char	*data;
	size_t		 len;
};

/* Build a zip archive in memory from parts (ended by a NULL name). */
static unsigned char *
make_zip(const struct part *parts, size_t *len)
{
	zip_error_t	 ze;
	zip_source_t	*src, *s;
	zip_t		*z;
	zip_stat_t	 st;
	unsigned char	*data;
	size_t		 i, n;

	zip_error_init(&ze);
	src = zip_source_buffer_create(NULL, 0, 0, &ze);
	assert_non_null(src);
	z = zip_open_from_source(src, ZIP_TRUNCATE, &ze);
	assert_non_null(z);
	zip_source_keep(src);
	for (i = 0; parts[i].name != NULL; i++) {
		n = parts[i].len != 0 ? parts[i].len : strlen(parts[i].data);
		s = zip_source_buffer(z, parts[i].data, n, 0);
		assert_non_null(s);
		assert_true(zip_file_add(z, parts[i].name, s,
		    ZIP_FL_ENC_UTF_8) >= 0);
	}
	assert_int_equal(zip_close(z), 0);
	assert_int_equal(zip_source_stat(src, &st), 0);
	assert_int_equal(zip_source_open(src), 0);
	data = malloc(st.size);
	assert_non_null(data);
	assert_int_equal(zip_source_read(src, data, st.size),
	    (zip_int64_t)st.size);
	zip_source_close(src);
	zip_source_free(src);
	zip_error_fini(&ze);
	*len = st.size;
	return data;
}

#define NS	"xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/" \
		"2006/main\" xmlns:r=\"http://schemas.openxmlformats.org/" \
		"officeDocument/2006/relationships\""
#define RELNS	"http://schemas.openxmlformats.org/officeDocument/2006/" \
		"relationships/"

static const char root_rels[] =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/"
    "2006/relationships\"><Relationship Id=\"rId1\" Type=\"" RELNS
    "officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>";

static const char wb_rels[] =
    "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/"
    "2006/relationships\">"
    "<Relationship Id=\"rId1\" Type=\"" RELNS "worksheet\" "
    "Target=\"worksheets/sheet1.xml\"/>"
    "<Relationship Id=\"rId2\" Type=\"" RELNS "sharedStrings\" "
    "Target=\"/xl/sharedStrings.xml\"/>"
    "<Relationship Id=\"rId3\" Type=\"" RELNS "styles\" "
    "Target=\"./styles.xml\"/></Relationships>";

static const char wb_plain[] =
    "<workbook " NS "><sheets><sheet name=\"Budget\" sheetId=\"1\" "
    "r:id=\"rId1\"/></sheets></workbook>";

static const char sst_empty[] = "<sst " NS "/>";
static const char styles_empty[] = "<styleSheet " NS "/>";

/* A one-sheet book with the given parts (NULL: a plain default). */
static unsigned char *
make_book(const char *workbook, const char *sheet, const char *sst,
    const char *styles, size_t *len)
{
	struct part parts[] = {
		{ "_rels/.rels", root_rels, 0 },
		{ "xl/workbook.xml", workbook ? workbook : wb_plain, 0 },
		{ "xl/_rels/workbook.xml.rels", wb_rels, 0 },
		{ "xl/worksheets/sheet1.xml", sheet, 0 },
		{ "xl/sharedStrings.xml", sst ? sst : sst_empty, 0 },
		{ "xl/styles.xml", styles ? styles : styles_empty, 0 },
		{ NULL, NULL, 0 },
	};

	return make_zip(parts, len);
}

/* Open a one-sheet book and read its sheet; asserts success. */
static const struct xlsx_sheet *
read_book(struct arena *a, const char *workbook, const char *sheet,
    const char *sst, const char *styles)
{
	struct xlsx_book	*b;
	const struct xlsx_sheet	*s;
	struct err		 e;
	unsigned char		*zip;
	size_t			 len;
	int			 rc;

	zip = make_book(workbook, sheet, sst, styles, &len);
	err_clear(&e);
	rc = xlsx_read_open(&b, a, zip, len, &e);
	if (rc != 0)
		fail_msg("open: %s", e.msg);
	rc = xlsx_read_sheet_at(b, 0, &s, &e);
	if (rc != 0)
		fail_msg("sheet: %s", e.msg);
	xlsx_read_close(b);
	free(zip);
	return s;
}

/* Open a one-sheet book and read its sheet; returns the error code. */
static int
read_book_rc(struct arena *a, const char *workbook, const char *sheet,
    const char *sst, const char *styles, struct err *e)
{
	struct xlsx_book	*b;
	const struct xlsx_sheet	*s;
	unsigned char		*zip;
	size_t			 len;
	int			 rc;

	zip = make_book(workbook, sheet, sst, styles, &len);
	err_clear(e);
	rc = xlsx_read_open(&b, a, zip, len, e);
	if (rc == 0) {
		rc = xlsx_read_sheet_at(b, 0, &s, e);
		xlsx_read_close(b);
	}
	free(zip);
	return rc;
}

static void
assert_cell(const struct xlsx_sheet *s, const char *ref,
    enum xlsx_cell_type type, const char *text)
{
	const struct xlsx_cell *c = xlsx_read_cell_ref(s, ref);

	if (c == NULL)
		fail_msg("no cell %s", ref);
	assert_string_equal(c->ref, ref);
	assert_int_equal(c->type, type);
	assert_string_equal(c->text, text);
}

/* A temporary file name ending in .xlsx; unlink it when done. */
static void
temp_path(char path[64])
{
	int fd;

	snprintf(path, 64, "/tmp/test_xlsx_read_XXXXXX.xlsx");
	fd = mkstemps(path, 5);
	assert_true(fd >= 0);
	close(fd);
}

static unsigned char *
slurp(const char *path, size_t *len)
{
	FILE		*f = fopen(path, "rb");
	unsigned char	*data;
	long		 n;

	assert_non_null(f);
	fseek(f, 0, SEEK_END);
	n = ftell(f);
	rewind(f);
	data = malloc((size_t)n);
	assert_non_null(data);
	assert_int_equal(fread(data, 1, (size_t)n, f), (size_t)n);
	fclose(f);
	*len = (size_t)n;
	return data;
}

/* Write the reference workbook with libxlsxwriter. */
static void
write_workbook(const char *path, bool constant_memory)
{
	lxw_workbook_options	 opt = { .constant_memory = constant_memory };
	lxw_workbook		*wb = workbook_new_opt(path, &opt);
	lxw_worksheet		*ws, *ws2;
	lxw_format		*dmy, *builtin, *bold, *money;
	lxw_datetime		 d1 = { 2024, 3, 1, 0, 0, 0 };
	lxw_datetime		 d2 = { 1999, 12, 31, 18, 30, 0 };
	lxw_rich_string_tuple	 f1 = { NULL, "Rig " }, f2 = { NULL, "tekst" };
	lxw_rich_string_tuple	*rich[] = { &f1, &f2, NULL };

	assert_non_null(wb);
	ws = workbook_add_worksheet(wb, "Budget");
	ws2 = workbook_add_worksheet(wb, "Økonomi");
	dmy = workbook_add_format(wb);
	format_set_num_format(dmy, "dd-mm-yyyy");
	builtin = workbook_add_format(wb);
	format_set_num_format_index(builtin, 14);
	bold = workbook_add_format(wb);
	format_set_bold(bold);
	f1.format = bold;
	money = workbook_add_format(wb);
	format_set_num_format(money, "#,##0.00\\ \"kr.\"");

	worksheet_write_string(ws, 0, 0, "Post", bold);
	worksheet_write_string(ws, 0, 1, "Beløb", bold);
	worksheet_write_string(ws, 1, 0, "Løn og æøå ÆØÅ", NULL);
	worksheet_write_number(ws, 1, 1, 1234.5, money);
	worksheet_write_datetime(ws, 1, 2, &d1, dmy);
	worksheet_write_boolean(ws, 1, 3, 1, NULL);
	worksheet_write_formula_num(ws, 1, 4, "=B2*2", NULL, 2469);
	worksheet_write_string(ws, 2, 0, "Husleje", NULL);
	worksheet_write_number(ws, 2, 1, 1234.56, NULL);
	worksheet_write_datetime(ws, 2, 2, &d2, builtin);
	worksheet_write_boolean(ws, 2, 3, 0, NULL);
	worksheet_write_formula_str(ws, 2, 4, "=A3&\"!\"", NULL, "Husleje!");
	worksheet_write_number(ws, 3, 1, -0.05, NULL);
	worksheet_write_number(ws, 3, 2, 2024, NULL);
	worksheet_write_rich_string(ws, 3, 3, rich, NULL);

	worksheet_write_string(ws2, 0, 0, "Anden side", NULL);
	worksheet_write_number(ws2, 4, 1, 42, NULL);
	assert_int_equal(workbook_close(wb), LXW_NO_ERROR);
}

static void
check_workbook(struct xlsx_book *b)
{
	const struct xlsx_sheet	*s, *s2;
	const struct xlsx_cell	*c;
	struct err		 e;
	const char		*t;
	int64_t			 v;

	assert_int_equal(xlsx_read_sheet_count(b), 2);
	assert_string_equal(xlsx_read_sheet_name(b, 0), "Budget");
	assert_string_equal(xlsx_read_sheet_name(b, 1), "Økonomi");
	assert_null(xlsx_read_sheet_name(b, 2));

	assert_int_equal(xlsx_read_sheet(b, "budget", &s, &e), 0);
	assert_string_equal(s->name, "Budget");
	assert_int_equal(s->index, 0);
	assert_int_equal(s->nrows, 4);
	assert_int_equal(s->ncols, 5);
	assert_int_equal(s->ncells, 15);

	assert_cell(s, "A1", XLSX_CELL_STRING, "Post");
	assert_cell(s, "B1", XLSX_CELL_STRING, "Beløb");
	assert_cell(s, "A2", XLSX_CELL_STRING, "Løn og æøå ÆØÅ");
	assert_cell(s, "B2", XLSX_CELL_NUMBER, "1234.5");
	assert_cell(s, "C2", XLSX_CELL_DATE, "2024-03-01");
	assert_string_equal(xlsx_read_cell_ref(s, "C2")->serial, "45352");
	assert_cell(s, "D2", XLSX_CELL_BOOL, "TRUE");
	assert_cell(s, "E2", XLSX_CELL_NUMBER, "2469");
	c = xlsx_read_cell(s, 2, 5);
	assert_non_null(c);
	assert_string_equal(c->formula, "B2*2");
	assert_int_equal(c->row, 2);
	assert_int_equal(c->col, 5);
	assert_null(xlsx_read_cell_ref(s, "A2")->formula);
	assert_cell(s, "B3", XLSX_CELL_NUMBER, "1234.56");
	assert_cell(s, "C3", XLSX_CELL_DATE, "1999-12-31");
	assert_cell(s, "D3", XLSX_CELL_BOOL, "FALSE");
	assert_cell(s, "E3", XLSX_CELL_STRING, "Husleje!");
	assert_string_equal(xlsx_read_cell_ref(s, "E3")->formula, "A3&\"!\"");
	assert_cell(s, "B4", XLSX_CELL_NUMBER, "-0.05");
	assert_cell(s, "D4", XLSX_CELL_STRING, "Rig tekst");
	assert_null(xlsx_read_cell_ref(s, "A4"));
	assert_null(xlsx_read_cell(s, 9, 9));

	assert_int_equal(xlsx_cell_ore(s, 2, 2, &v, &e), 0);
	assert_int_equal(v, 123450);
	assert_int_equal(xlsx_cell_ore(s, 3, 2, &v, &e), 0);
	assert_int_equal(v, 123456);
	assert_int_equal(xlsx_cell_ore(s, 4, 2, &v, &e), 0);
	assert_int_equal(v, -5);
	assert_int_equal(xlsx_cell_ore(s, 2, 5, &v, &e), 0);
	assert_int_equal(v, 246900);
	assert_int_equal(xlsx_cell_int(s, 4, 3, &v, &e), 0);
	assert_int_equal(v, 2024);
	assert_int_equal(xlsx_cell_int(s, 2, 2, &v, &e), ERR_INVALID);
	assert_string_equal(e.msg, "Celle B2 i arket »Budget«: skal være et "
	    "helt tal uden decimaler");
	assert_int_equal(xlsx_cell_text(s, 2, 1, &t, &e), 0);
	assert_string_equal(t, "Løn og æøå ÆØÅ");
	assert_int_equal(xlsx_cell_text(s, 2, 2, &t, &e), 0);
	assert_string_equal(t, "1234.5");
	assert_int_equal(xlsx_cell_date(s, 2, 3, &t, &e), 0);
	assert_string_equal(t, "2024-03-01");
	assert_int_equal(xlsx_cell_date(s, 2, 2, &t, &e), ERR_INVALID);
	assert_string_equal(e.key, "invalid_date");
	assert_int_equal(xlsx_cell_ore(s, 2, 1, &v, &e), ERR_INVALID);
	assert_string_equal(e.msg, "Celle A2 i arket »Budget«: beløbet skal "
	    "være et tal, ikke tekst");
	assert_int_equal(xlsx_cell_ore(s, 2, 3, &v, &e), ERR_INVALID);
	assert_string_equal(e.msg, "Celle C2 i arket »Budget«: beløbet skal "
	    "være et tal, ikke en dato");

	assert_int_equal(xlsx_read_sheet_at(b, 1, &s2, &e), 0);
	assert_string_equal(s2->name, "Økonomi");
	assert_int_equal(s2->nrows, 5);
	assert_int_equal(s2->ncols, 2);
	assert_cell(s2, "A1", XLSX_CELL_STRING, "Anden side");
	assert_cell(s2, "B5", XLSX_CELL_NUMBER, "42");
	assert_int_equal(xlsx_read_sheet(b, "ØKONOMI", &s2, &e), 0);
	assert_int_equal(s2->index, 1);

	assert_int_equal(xlsx_read_sheet(b, "Findes ikke", &s2, &e),
	    ERR_NOT_FOUND);
	assert_null(s2);
	assert_string_equal(e.msg, "Filen har intet ark med navnet "
	    "»Findes ikke«");
	assert_int_equal(xlsx_read_sheet_at(b, 2, &s2, &e), ERR_NOT_FOUND);
}

/* Round trip through libxlsxwriter: from the file and from memory. */
static void
test_xlsxwriter(void **state)
{
	struct arena		 a;
	struct xlsx_book	*b;
	struct err		 e;
	unsigned char		*data;
	size_t			 len;
	char			 path[64];
	int			 cm;

	(void)state;
	for (cm = 0; cm <= 1; cm++) {	/* constant_memory: inline strings */
		arena_init(&a);
		temp_path(path);
		write_workbook(path, cm);

		err_clear(&e);
		assert_int_equal(xlsx_read_open_file(&b, &a, path, &e), 0);
		check_workbook(b);
		xlsx_read_close(b);
		xlsx_read_close(b);	/* harmless */

		data = slurp(path, &len);
		assert_int_equal(xlsx_read_open(&b, &a, data, len, &e), 0);
		check_workbook(b);
		xlsx_read_close(b);
		free(data);
		unlink(path);
		arena_cleanup(&a);
	}
}

/* Inline strings, cells without r, prefixes, every cell type. */
static void
test_cell_kinds(void **state)
{
	static const char sheet[] =
	    "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
	    "<x:worksheet xmlns:x=\"http://schemas.openxmlformats.org/"
	    "spreadsheetml/2006/main\"><x:dimension ref=\"A1:Z99\"/>"
	    "<x:sheetData>"
	    "<x:row r=\"2\"><x:c t=\"inlineStr\"><x:is><x:t>Første</x:t>"
	    "</x:is></x:c><x:c><x:v>7</x:v></x:c><x:c s=\"0\"/>"
	    "<x:c t=\"inlineStr\"><x:is><x:r><x:t xml:space=\"preserve\">"
	    " Rig </x:t></x:r><x:r><x:rPr><x:b/></x:rPr><x:t>tekst</x:t>"
	    "</x:r><x:rPh sb=\"0\" eb=\"1\"><x:t>ふり</x:t></x:rPh></x:is>"
	    "</x:c></x:row>"
	    "<x:row><x:c t=\"s\"><x:v>0</x:v></x:c><x:c t=\"s\"><x:v>1"
	    "</x:v></x:c><x:c t=\"e\"><x:v>#DIV/0!</x:v><x:f>1/0</x:f>"
	    "</x:c><x:c t=\"b\"><x:v>1</x:v></x:c>"
	    "<x:c t=\"str\"><x:f>A2&amp;\" \"</x:f><x:v>Første </x:v></x:c>"
	    "<x:c><x:f>B2+1</x:f></x:c>"
	    "<x:c><x:f t=\"shared\" si=\"0\"/><x:v>9</x:v></x:c>"
	    "<x:c t=\"d\"><x:v>2024-02-29T00:00:00</x:v></x:c>"
	    "<x:c><x:v> 1.5E+3 </x:v></x:c>"
	    "<x:c t=\"inlineStr\"><x:is><x:t>a_x000D_b_x005F_x0041_</x:t>"
	    "</x:is></x:c></x:row>"
	    "<x:row r=\"5\" spans=\"1:3\"><x:c r=\"C5\"><x:v>3</x:v></x:c>"
	    "<x:c><x:v>4</x:v></x:c></x:row>"
	    "</x:sheetData><x:mergeCells count=\"0\"/></x:worksheet>";
	static const char sst[] =
	    "<sst " NS " count=\"2\" uniqueCount=\"2\"><si><t>Delt</t></si>"
	    "<si><r><t>Del</t></r><r><rPr><i/></rPr><t xml:space=\"preserve\">"
	    "t to</t></r></si></sst>";
	struct arena		 a;
	const struct xlsx_sheet	*s;
	const struct xlsx_cell	*c;
	struct err		 e;
	int64_t			 v;
	const char		*t;

	(void)state;
	arena_init(&a);
	s = read_book(&a, NULL, sheet, sst, NULL);
	assert_cell(s, "A2", XLSX_CELL_STRING, "Første");
	assert_cell(s, "B2", XLSX_CELL_NUMBER, "7");
	assert_null(xlsx_read_cell_ref(s, "C2"));	/* styled, empty */
	assert_cell(s, "D2", XLSX_CELL_STRING, " Rig tekst");
	assert_cell(s, "A3", XLSX_CELL_STRING, "Delt");
	assert_cell(s, "B3", XLSX_CELL_STRING, "Delt to");
	assert_cell(s, "C3", XLSX_CELL_ERROR, "#DIV/0!");
	assert_cell(s, "D3", XLSX_CELL_BOOL, "TRUE");
	assert_cell(s, "E3", XLSX_CELL_STRING, "Første ");
	assert_string_equal(xlsx_read_cell_ref(s, "E3")->formula, "A2&\" \"");
	c = xlsx_read_cell_ref(s, "F3");
	assert_cell(s, "F3", XLSX_CELL_EMPTY, "");
	assert_string_equal(c->formula, "B2+1");
	assert_cell(s, "G3", XLSX_CELL_NUMBER, "9");
	assert_string_equal(xlsx_read_cell_ref(s, "G3")->formula, "");
	assert_cell(s, "H3", XLSX_CELL_DATE, "2024-02-29");
	assert_null(xlsx_read_cell_ref(s, "H3")->serial);
	assert_cell(s, "I3", XLSX_CELL_NUMBER, "1.5E+3");
	assert_cell(s, "J3", XLSX_CELL_STRING, "a\rb_x0041_");
	assert_cell(s, "C5", XLSX_CELL_NUMBER, "3");
	assert_cell(s, "D5", XLSX_CELL_NUMBER, "4");
	assert_int_equal(s->nrows, 5);
	assert_int_equal(s->ncols, 10);
	assert_int_equal(s->ncells, 15);

	assert_int_equal(xlsx_cell_ore(s, 3, 9, &v, &e), 0);
	assert_int_equal(v, 150000);
	assert_int_equal(xlsx_cell_int(s, 3, 9, &v, &e), 0);
	assert_int_equal(v, 1500);
	assert_int_equal(xlsx_cell_ore(s, 3, 3, &v, &e), ERR_INVALID);
	assert_string_equal(e.key, "cell_error");
	assert_string_equal(e.msg, "Celle C3 i arket »Budget«: cellen viser "
	    "fejlen #DIV/0!");
	assert_int_equal(xlsx_cell_text(s, 3, 3, &t, &e), ERR_INVALID);
	assert_int_equal(xlsx_cell_ore(s, 3, 6, &v, &e), ERR_INVALID);
	assert_string_equal(e.key, "uncalculated_formula");
	assert_int_equal(v, 0);
	assert_int_equal(xlsx_cell_ore(s, 3, 20, &v, &e), ERR_NOT_FOUND);
	assert_int_equal(xlsx_cell_text(s, 9, 1, &t, &e), ERR_NOT_FOUND);
	assert_string_equal(t, "");
	assert_string_equal(e.key, "empty_cell");
	assert_string_equal(e.field, "A9");
	assert_int_equal(e.line, 9);
	assert_string_equal(e.msg, "Celle A9 i arket »Budget«: skal udfyldes");
	assert_int_equal(xlsx_cell_int(s, 3, 4, &v, &e), ERR_INVALID);
	assert_string_equal(e.msg, "Celle D3 i arket »Budget«: skal være et "
	    "helt tal, ikke en sandhedsværdi");
	assert_int_equal(xlsx_cell_date(s, 3, 8, &t, &e), 0);
	assert_string_equal(t, "2024-02-29");
	arena_cleanup(&a);
}

/* Money: exact from the text, at most two decimals, Excel's noise. */
static void
test_ore(void **state)
{
	static const char sheet[] =
	    "<worksheet " NS "><sheetData><row r=\"7\">"
	    "<c r=\"A7\"><v>1234.5</v></c>"
	    "<c r=\"B7\"><v>0.30000000000000004</v></c>"
	    "<c r=\"C7\"><v>1234.567</v></c>"
	    "<c r=\"D7\"><v>1234.5600000000002</v></c>"
	    "<c r=\"E7\"><v>12.349999999999998</v></c>"
	    "<c r=\"F7\"><v>-7.10</v></c>"
	    "<c r=\"G7\"><v>1E-3</v></c>"
	    "<c r=\"H7\"><v>99999999999999999999</v></c>"
	    "<c r=\"I7\"><v>92233720368547758.08</v></c>"
	    "<c r=\"J7\"><v>-0</v></c>"
	    "<c r=\"K7\"><v>0.125</v></c>"
	    "<c r=\"L7\" t=\"s\"><v>0</v></c>"
	    "<c r=\"M7\"><v>1234.5670000000001</v></c>"
	    "<c r=\"N7\"><v>9223372036854775807</v></c>"
	    "<c r=\"O7\"><v>2.5</v></c>"
	    "</row></sheetData></worksheet>";
	static const char sst[] = "<sst " NS "><si><t>1.500</t></si></sst>";
	struct arena		 a;
	const struct xlsx_sheet	*s;
	struct err		 e;
	int64_t			 v;

	(void)state;
	arena_init(&a);
	s = read_book(&a, NULL, sheet, sst, NULL);
	err_clear(&e);
	assert_int_equal(xlsx_cell_ore(s, 7, 1, &v, &e), 0);
	assert_int_equal(v, 123450);
	assert_int_equal(xlsx_cell_ore(s, 7, 2, &v, &e), 0);
	assert_int_equal(v, 30);
	assert_int_equal(xlsx_cell_ore(s, 7, 3, &v, &e), ERR_INVALID);
	assert_string_equal(e.key, "invalid_amount");
	assert_string_equal(e.field, "C7");
	assert_int_equal(e.line, 7);
	assert_string_equal(e.msg, "Celle C7 i arket »Budget«: beløbet skal "
	    "være i kroner med højst to decimaler");
	assert_int_equal(xlsx_cell_ore(s, 7, 4, &v, &e), 0);
	assert_int_equal(v, 123456);
	assert_int_equal(xlsx_cell_ore(s, 7, 5, &v, &e), 0);
	assert_int_equal(v, 1235);
	assert_int_equal(xlsx_cell_ore(s, 7, 6, &v, &e), 0);
	assert_int_equal(v, -710);
	assert_int_equal(xlsx_cell_ore(s, 7, 7, &v, &e), ERR_INVALID);
	assert_int_equal(xlsx_cell_ore(s, 7, 8, &v, &e), ERR_INVALID);
	assert_string_equal(e.msg, "Celle H7 i arket »Budget«: beløbet er for "
	    "stort");
	assert_int_equal(xlsx_cell_ore(s, 7, 9, &v, &e), ERR_INVALID);
	assert_string_equal(e.key, "invalid_amount");
	assert_int_equal(xlsx_cell_ore(s, 7, 10, &v, &e), 0);
	assert_int_equal(v, 0);
	assert_int_equal(xlsx_cell_ore(s, 7, 11, &v, &e), ERR_INVALID);
	/* Text is never money: "1.500" could be 1,5 or 1500 kroner. */
	assert_int_equal(xlsx_cell_ore(s, 7, 12, &v, &e), ERR_INVALID);
	/* 16+ digits: rounded to 15 first, still three decimals. */
	assert_int_equal(xlsx_cell_ore(s, 7, 13, &v, &e), ERR_INVALID);
	assert_int_equal(xlsx_cell_int(s, 7, 14, &v, &e), 0);
	assert_int_equal(v, INT64_MAX);
	assert_int_equal(xlsx_cell_int(s, 7, 15, &v, &e), ERR_INVALID);
	assert_string_equal(e.key, "invalid_integer");
	arena_cleanup(&a);
}

/* Number formats that show dates, the 1900 leap bug and date1904. */
static void
test_dates(void **state)
{
	static const char styles[] =
	    "<styleSheet " NS "><numFmts count=\"6\">"
	    "<numFmt numFmtId=\"164\" formatCode=\"dd-mm-yyyy\"/>"
	    "<numFmt numFmtId=\"165\" formatCode=\"[$-406]d\\.\\ mmmm\\ "
	    "yyyy;@\"/>"
	    "<numFmt numFmtId=\"166\" formatCode=\"#,##0.00\\ &quot;kr."
	    "&quot;\"/>"
	    "<numFmt numFmtId=\"167\" formatCode=\"[h]:mm\"/>"
	    "<numFmt numFmtId=\"168\" formatCode=\"mm:ss\"/>"
	    "<numFmt numFmtId=\"169\" formatCode=\"&quot;dag &quot;0\"/>"
	    "</numFmts>"
	    "<cellStyleXfs count=\"1\"><xf numFmtId=\"14\"/></cellStyleXfs>"
	    "<cellXfs count=\"10\"><xf numFmtId=\"0\"/><xf numFmtId=\"14\"/>"
	    "<xf numFmtId=\"164\"/><xf numFmtId=\"165\"/>"
	    "<xf numFmtId=\"166\"/><xf numFmtId=\"167\"/>"
	    "<xf numFmtId=\"168\"/><xf numFmtId=\"169\"/>"
	    "<xf numFmtId=\"20\"/><xf numFmtId=\"22\"/>"
	    "<xf numFmtId=\"170\"/></cellXfs>"
	    "<dxfs><dxf><numFmt numFmtId=\"170\" formatCode=\"yyyy\"/></dxf>"
	    "</dxfs></styleSheet>";
	static const char sheet[] =
	    "<worksheet " NS "><sheetData><row r=\"1\">"
	    "<c r=\"A1\" s=\"1\"><v>1</v></c>"
	    "<c r=\"B1\" s=\"1\"><v>59</v></c>"
	    "<c r=\"C1\" s=\"1\"><v>60</v></c>"
	    "<c r=\"D1\" s=\"1\"><v>61</v></c>"
	    "<c r=\"E1\" s=\"2\"><v>45352.75</v></c>"
	    "<c r=\"F1\" s=\"3\"><v>36525</v></c>"
	    "<c r=\"G1\" s=\"4\"><v>45352</v></c>"
	    "<c r=\"H1\" s=\"5\"><v>1.5</v></c>"
	    "<c r=\"I1\" s=\"6\"><v>0.01</v></c>"
	    "<c r=\"J1\" s=\"7\"><v>3</v></c>"
	    "<c r=\"K1\" s=\"8\"><v>0.5</v></c>"
	    "<c r=\"L1\" s=\"9\"><v>2958465.99</v></c>"
	    "<c r=\"M1\" s=\"1\"><v>0</v></c>"
	    "<c r=\"N1\" s=\"1\"><v>-1</v></c>"
	    "<c r=\"O1\" s=\"1\"><v>2958466</v></c>"
	    "<c r=\"P1\" s=\"99\"><v>45352</v></c>"
	    "<c r=\"Q1\" s=\"1\"><v>45352.99999999999</v></c>"
	    "<c r=\"R1\" s=\"10\"><v>2024</v></c>"
	    "</row></sheetData></worksheet>";
	static const char wb1904[] =
	    "<workbook " NS "><workbookPr date1904=\"1\"/><sheets>"
	    "<sheet name=\"Budget\" sheetId=\"1\" r:id=\"rId1\"/></sheets>"
	    "</workbook>";
	struct arena		 a;
	const struct xlsx_sheet	*s;

	(void)state;
	arena_init(&a);
	s = read_book(&a, NULL, sheet, NULL, styles);
	assert_cell(s, "A1", XLSX_CELL_DATE, "1900-01-01");
	assert_cell(s, "B1", XLSX_CELL_DATE, "1900-02-28");
	assert_cell(s, "C1", XLSX_CELL_NUMBER, "60");	/* 1900-02-29 */
	assert_cell(s, "D1", XLSX_CELL_DATE, "1900-03-01");
	assert_cell(s, "E1", XLSX_CELL_DATE, "2024-03-01");
	assert_string_equal(xlsx_read_cell_ref(s, "E1")->serial, "45352.75");
	assert_cell(s, "F1", XLSX_CELL_DATE, "1999-12-31");
	assert_cell(s, "G1", XLSX_CELL_NUMBER, "45352");	/* kr. */
	assert_cell(s, "H1", XLSX_CELL_NUMBER, "1.5");	/* [h]:mm */
	assert_cell(s, "I1", XLSX_CELL_NUMBER, "0.01");	/* mm:ss */
	assert_cell(s, "J1", XLSX_CELL_NUMBER, "3");		/* "dag "0 */
	assert_cell(s, "K1", XLSX_CELL_NUMBER, "0.5");	/* h:mm */
	assert_cell(s, "L1", XLSX_CELL_DATE, "9999-12-31");
	assert_cell(s, "M1", XLSX_CELL_NUMBER, "0");
	assert_cell(s, "N1", XLSX_CELL_NUMBER, "-1");
	assert_cell(s, "O1", XLSX_CELL_NUMBER, "2958466");
	assert_cell(s, "P1", XLSX_CELL_NUMBER, "45352");	/* no such xf */
	assert_cell(s, "Q1", XLSX_CELL_DATE, "2024-03-02");	/* 15 digits */
	assert_cell(s, "R1", XLSX_CELL_NUMBER, "2024");	/* dxf format */

	s = read_book(&a, wb1904, sheet, NULL, styles);
	assert_cell(s, "A1", XLSX_CELL_DATE, "1904-01-02");
	assert_cell(s, "C1", XLSX_CELL_DATE, "1904-03-01");
	assert_cell(s, "E1", XLSX_CELL_DATE, "2028-03-02");
	assert_cell(s, "M1", XLSX_CELL_DATE, "1904-01-01");
	arena_cleanup(&a);
}

/* Cells out of order are sorted; a cell given twice is refused. */
/* Percent formats: built-in 9 and 10, custom codes as LibreOffice and
 * Excel write them; "%" in quotes or brackets is not a percentage. */
static void
test_percent(void **state)
{
	static const char styles[] =
	    "<styleSheet " NS "><numFmts count=\"4\">"
	    "<numFmt numFmtId=\"164\" formatCode=\"0.00%\"/>"
	    "<numFmt numFmtId=\"165\" formatCode=\"0&quot; %&quot;\"/>"
	    "<numFmt numFmtId=\"166\" formatCode=\"[$%-406]0.00\"/>"
	    "<numFmt numFmtId=\"167\" formatCode=\"#,##0.0\\ %;[Red]\\-#,##0.0\\ %\"/>"
	    "</numFmts>"
	    "<cellXfs count=\"7\"><xf numFmtId=\"0\"/><xf numFmtId=\"9\"/>"
	    "<xf numFmtId=\"10\"/><xf numFmtId=\"164\"/><xf numFmtId=\"165\"/>"
	    "<xf numFmtId=\"166\"/><xf numFmtId=\"167\"/></cellXfs>"
	    "</styleSheet>";
	static const char sheet[] =
	    "<worksheet " NS "><sheetData><row r=\"1\">"
	    "<c r=\"A1\" s=\"1\"><v>0.95</v></c>"
	    "<c r=\"B1\" s=\"2\"><v>0.95369999999999999</v></c>"
	    "<c r=\"C1\" s=\"3\"><v>0.9537</v></c>"
	    "<c r=\"D1\" s=\"4\"><v>95</v></c>"
	    "<c r=\"E1\" s=\"5\"><v>95.5</v></c>"
	    "<c r=\"F1\" s=\"6\"><v>0.961</v></c>"
	    "<c r=\"G1\"><v>95.37</v></c>"
	    "<c r=\"H1\" s=\"3\"><v>0.953712</v></c>"
	    "<c r=\"I1\" t=\"s\" s=\"1\"><v>0</v></c>"
	    "</row></sheetData></worksheet>";
	static const char sst[] = "<sst " NS "><si><t>95 %</t></si></sst>";
	struct arena		 a;
	const struct xlsx_sheet	*s;
	struct err		 e;
	int64_t			 v;

	(void)state;
	arena_init(&a);
	s = read_book(&a, NULL, sheet, sst, styles);
	assert_true(xlsx_read_cell_ref(s, "A1")->percent);
	assert_true(xlsx_read_cell_ref(s, "C1")->percent);
	assert_false(xlsx_read_cell_ref(s, "D1")->percent);
	assert_false(xlsx_read_cell_ref(s, "E1")->percent);
	assert_false(xlsx_read_cell_ref(s, "G1")->percent);
	err_clear(&e);
	assert_int_equal(xlsx_cell_pct(s, 1, 1, &v, &e), 0);
	assert_int_equal(v, 9500);			/* 0,95 as 95 % */
	assert_int_equal(xlsx_cell_pct(s, 1, 2, &v, &e), 0);
	assert_int_equal(v, 9537);			/* binary noise */
	assert_int_equal(xlsx_cell_pct(s, 1, 3, &v, &e), 0);
	assert_int_equal(v, 9537);
	assert_int_equal(xlsx_cell_pct(s, 1, 4, &v, &e), 0);
	assert_int_equal(v, 9500);			/* "%" in quotes */
	assert_int_equal(xlsx_cell_pct(s, 1, 5, &v, &e), 0);
	assert_int_equal(v, 9550);			/* [$%-406] */
	assert_int_equal(xlsx_cell_pct(s, 1, 6, &v, &e), 0);
	assert_int_equal(v, 9610);			/* escaped "\ %" */
	assert_int_equal(xlsx_cell_pct(s, 1, 7, &v, &e), 0);
	assert_int_equal(v, 9537);			/* a plain number */
	assert_int_equal(xlsx_cell_pct(s, 1, 8, &v, &e), ERR_INVALID);
	assert_string_equal(e.field, "H1");		/* 95,3712 % */
	err_clear(&e);
	assert_int_equal(xlsx_cell_pct(s, 1, 9, &v, &e), ERR_INVALID);
	assert_int_equal(xlsx_cell_pct(s, 1, 10, &v, &e), ERR_NOT_FOUND);
	arena_cleanup(&a);
}

static void
test_order(void **state)
{
	static const char sheet[] =
	    "<worksheet " NS "><sheetData>"
	    "<row r=\"3\"><c r=\"B3\"><v>2</v></c><c r=\"A3\"><v>1</v></c>"
	    "</row><row r=\"1\"><c r=\"AA1\"><v>3</v></c></row>"
	    "</sheetData></worksheet>";
	static const char dup[] =
	    "<worksheet " NS "><sheetData>"
	    "<row r=\"3\"><c r=\"B3\"><v>2</v></c><c r=\"A3\"><v>1</v></c>"
	    "<c r=\"B3\"><v>1</v></c></row></sheetData></worksheet>";
	struct arena		 a;
	const struct xlsx_sheet	*s;
	struct err		 e;

	(void)state;
	arena_init(&a);
	s = read_book(&a, NULL, sheet, NULL, NULL);
	assert_int_equal(s->ncells, 3);
	assert_string_equal(s->cells[0].ref, "AA1");
	assert_string_equal(s->cells[1].ref, "A3");
	assert_string_equal(s->cells[2].ref, "B3");
	assert_int_equal(s->ncols, 27);
	assert_int_equal(s->nrows, 3);
	assert_cell(s, "AA1", XLSX_CELL_NUMBER, "3");
	assert_ptr_equal(xlsx_read_cell_ref(s, "aa1"), &s->cells[0]);
	assert_null(xlsx_read_cell_ref(s, "A0"));

	assert_int_equal(read_book_rc(&a, NULL, dup, NULL, NULL, &e),
	    ERR_INVALID);
	assert_string_equal(e.key, "duplicate_cell");
	assert_string_equal(e.field, "B3");
	arena_cleanup(&a);
}

static void
test_refs(void **state)
{
	static const struct {
		const char	*ref;
		uint32_t	 row, col;
	} ok[] = {
		{ "A1", 1, 1 }, { "Z9", 9, 26 }, { "AA10", 10, 27 },
		{ "AZ1", 1, 52 }, { "BA1", 1, 53 }, { "ZZ1", 1, 702 },
		{ "AAA1", 1, 703 }, { "XFD1048576", 1048576, 16384 },
	};
	static const char *bad[] = {
		"", "A", "1", "A0", "A01", "XFE1", "A1048577", "AAAA1", "$A$1",
		"A1:B2", "A-1", "Æ1",
	};
	char		out[XLSX_REF_SIZE];
	uint32_t	row, col;
	size_t		i;

	(void)state;
	for (i = 0; i < sizeof(ok) / sizeof(ok[0]); i++) {
		assert_int_equal(xlsx_read_ref_parse(ok[i].ref, &row, &col), 0);
		assert_int_equal(row, ok[i].row);
		assert_int_equal(col, ok[i].col);
		xlsx_read_ref_format(out, row, col);
		assert_string_equal(out, ok[i].ref);
	}
	assert_int_equal(xlsx_read_ref_parse("b7", &row, &col), 0);
	assert_int_equal(row, 7);
	assert_int_equal(col, 2);
	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++)
		assert_int_equal(xlsx_read_ref_parse(bad[i], &row, &col), -1);
}

/* Input that is no xlsx at all, or lacks its parts. */
static void
test_not_xlsx(void **state)
{
	static const unsigned char ole[] = { 0xd0, 0xcf, 0x11, 0xe0, 0xa1,
	    0xb1, 0x1a, 0xe1, 0, 0, 0, 0 };
	static const struct part no_wb[] = {
		{ "[Content_Types].xml", "<Types/>", 0 },
		{ "docProps/app.xml", "<Properties/>", 0 },
		{ NULL, NULL, 0 },
	};
	static const struct part ods[] = {
		{ "mimetype", "application/vnd.oasis.opendocument.spreadsheet",
		    0 },
		{ "content.xml", "<office:document-content/>", 0 },
		{ NULL, NULL, 0 },
	};
	static const struct part no_sheets[] = {
		{ "xl/workbook.xml", "<workbook><sheets/></workbook>", 0 },
		{ NULL, NULL, 0 },
	};
	static const struct part no_sheet_part[] = {
		{ "xl/workbook.xml", wb_plain, 0 },
		{ "xl/_rels/workbook.xml.rels", wb_rels, 0 },
		{ "xl/sharedStrings.xml", sst_empty, 0 },
		{ "xl/styles.xml", styles_empty, 0 },
		{ NULL, NULL, 0 },
	};
	struct arena		 a;
	struct xlsx_book	*b;
	const struct xlsx_sheet	*s;
	struct err		 e;
	unsigned char		*zip, *big;
	size_t			 len;
	char			 path[64];
	FILE			*f;

	(void)state;
	arena_init(&a);
	assert_int_equal(xlsx_read_open(&b, &a, "hello, world", 12, &e),
	    ERR_INVALID);
	assert_null(b);
	assert_string_equal(e.key, "not_xlsx");
	assert_string_equal(e.msg, "Filen er ikke en gyldig Excel-fil (xlsx)");
	assert_int_equal(xlsx_read_open(&b, &a, "", 0, &e), ERR_INVALID);
	assert_int_equal(xlsx_read_open(&b, &a, "PK\3\4garbage", 11, &e),
	    ERR_INVALID);
	assert_string_equal(e.key, "not_xlsx");
	assert_int_equal(xlsx_read_open(&b, &a, ole, sizeof(ole), &e),
	    ERR_INVALID);
	assert_string_equal(e.key, "encrypted");

	big = calloc(1, XLSX_READ_MAX_FILE + 1);
	assert_non_null(big);
	big[0] = 'P';
	big[1] = 'K';
	assert_int_equal(xlsx_read_open(&b, &a, big, XLSX_READ_MAX_FILE + 1,
	    &e), ERR_TOO_LARGE);
	assert_string_equal(e.msg, "Filen er for stor (højst 20 MB)");
	temp_path(path);
	f = fopen(path, "wb");
	assert_non_null(f);
	assert_int_equal(fwrite(big, 1, XLSX_READ_MAX_FILE + 1, f),
	    XLSX_READ_MAX_FILE + 1);
	fclose(f);
	free(big);
	assert_int_equal(xlsx_read_open_file(&b, &a, path, &e), ERR_TOO_LARGE);
	unlink(path);
	assert_int_equal(xlsx_read_open_file(&b, &a, path, &e), ERR_NOT_FOUND);
	assert_int_equal(xlsx_read_open_file(&b, &a, "/tmp", &e), ERR_IO);
	assert_null(b);

	zip = make_zip(no_wb, &len);
	assert_int_equal(xlsx_read_open(&b, &a, zip, len, &e), ERR_INVALID);
	assert_string_equal(e.key, "missing_workbook");
	assert_string_equal(e.msg, "Filen er ikke en gyldig Excel-fil (xlsx): "
	    "projektmappen (workbook.xml) mangler");
	free(zip);

	zip = make_zip(ods, &len);
	assert_int_equal(xlsx_read_open(&b, &a, zip, len, &e), ERR_INVALID);
	assert_string_equal(e.key, "ods");
	free(zip);

	zip = make_zip(no_sheets, &len);
	assert_int_equal(xlsx_read_open(&b, &a, zip, len, &e), ERR_INVALID);
	assert_string_equal(e.key, "no_sheets");
	free(zip);

	/* Without _rels/.rels and styles: defaults; the sheet is missing. */
	zip = make_zip(no_sheet_part, &len);
	assert_int_equal(xlsx_read_open(&b, &a, zip, len, &e), 0);
	assert_int_equal(xlsx_read_sheet(b, "Budget", &s, &e), ERR_INVALID);
	assert_string_equal(e.key, "missing_sheet");
	assert_string_equal(e.msg, "Filen er ikke en gyldig Excel-fil (xlsx): "
	    "arket »Budget« mangler");
	xlsx_read_close(b);
	free(zip);
	arena_cleanup(&a);
}

/* Malformed XML, in the workbook and in a sheet. */
static void
test_invalid_xml(void **state)
{
	static const char sheet[] =
	    "<worksheet " NS "><sheetData><row r=\"1\"><c r=\"A1\"><v>1</v>"
	    "</c></row>\n<row></sheetData></worksheet>";
	static const char bad_ref[] =
	    "<worksheet " NS "><sheetData><row r=\"1\"><c r=\"XFE1\"><v>1</v>"
	    "</c></row></sheetData></worksheet>";
	static const char bad_num[] =
	    "<worksheet " NS "><sheetData><row r=\"4\"><c r=\"B4\"><v>1,5</v>"
	    "</c></row></sheetData></worksheet>";
	static const char bad_idx[] =
	    "<worksheet " NS "><sheetData><row r=\"4\"><c r=\"B4\" t=\"s\">"
	    "<v>5</v></c></row></sheetData></worksheet>";
	static const char bad_type[] =
	    "<worksheet " NS "><sheetData><row r=\"4\"><c r=\"B4\" t=\"q\">"
	    "<v>5</v></c></row></sheetData></worksheet>";
	struct arena	a;
	struct err	e;

	(void)state;
	arena_init(&a);
	assert_int_equal(read_book_rc(&a, NULL, sheet, NULL, NULL, &e),
	    ERR_INVALID);
	assert_string_equal(e.key, "invalid_xml");
	assert_string_equal(e.msg, "Filen er ikke en gyldig Excel-fil (xlsx): "
	    "fejl i XML i xl/worksheets/sheet1.xml, linje 2");
	assert_int_equal(read_book_rc(&a, "<workbook><sheets>", sheet, NULL,
	    NULL, &e), ERR_INVALID);
	assert_string_equal(e.key, "invalid_xml");
	assert_int_equal(read_book_rc(&a, NULL, bad_ref, NULL, NULL, &e),
	    ERR_INVALID);
	assert_string_equal(e.key, "invalid_cell_ref");
	assert_int_equal(read_book_rc(&a, NULL, bad_num, NULL, NULL, &e),
	    ERR_INVALID);
	assert_string_equal(e.msg, "Celle B4 i arket »Budget«: ugyldigt tal");
	assert_string_equal(e.field, "B4");
	assert_int_equal(e.line, 4);
	assert_int_equal(read_book_rc(&a, NULL, bad_idx, NULL, NULL, &e),
	    ERR_INVALID);
	assert_string_equal(e.key, "invalid_string_index");
	assert_int_equal(read_book_rc(&a, NULL, bad_type, NULL, NULL, &e),
	    ERR_INVALID);
	assert_string_equal(e.key, "invalid_cell_type");
	arena_cleanup(&a);
}

/* Entities: external ones are never fetched, nested ones never expanded. */
static void
test_entities(void **state)
{
	static const char xxe[] =
	    "<?xml version=\"1.0\"?>\n<!DOCTYPE worksheet [<!ENTITY x SYSTEM "
	    "\"file:///etc/passwd\">]><worksheet " NS "><sheetData><row>"
	    "<c t=\"inlineStr\"><is><t>&x;</t></is></c></row></sheetData>"
	    "</worksheet>";
	static const char lol[] =
	    "<?xml version=\"1.0\"?>\n<!DOCTYPE sst [<!ENTITY a \"aaaaaaaaaa\">"
	    "<!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\">"
	    "<!ENTITY c \"&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;\">"
	    "<!ENTITY d \"&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;\">"
	    "<!ENTITY e \"&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;\">"
	    "<!ENTITY f \"&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;\">"
	    "<!ENTITY g \"&f;&f;&f;&f;&f;&f;&f;&f;&f;&f;\">"
	    "<!ENTITY h \"&g;&g;&g;&g;&g;&g;&g;&g;&g;&g;\">"
	    "<!ENTITY i \"&h;&h;&h;&h;&h;&h;&h;&h;&h;&h;\">]>"
	    "<sst " NS "><si><t>&i;</t></si></sst>";
	static const char undeclared[] =
	    "<worksheet " NS "><sheetData><row><c t=\"inlineStr\"><is><t>"
	    "&x;</t></is></c></row></sheetData></worksheet>";
	static const char plain[] =
	    "<worksheet " NS "><sheetData><row><c t=\"inlineStr\"><is><t>"
	    "&lt;&amp;&#230;&#x00F8;</t></is></c></row></sheetData>"
	    "</worksheet>";
	struct arena		 a;
	const struct xlsx_sheet	*s;
	struct err		 e;

	(void)state;
	arena_init(&a);
	assert_int_equal(read_book_rc(&a, NULL, xxe, NULL, NULL, &e),
	    ERR_INVALID);
	assert_string_equal(e.key, "xml_doctype");
	assert_null(strstr(e.msg, "root"));
	assert_int_equal(read_book_rc(&a, NULL, plain, lol, NULL, &e),
	    ERR_INVALID);
	assert_string_equal(e.key, "xml_doctype");
	assert_string_equal(e.msg, "Filen er ikke en gyldig Excel-fil (xlsx): "
	    "xl/sharedStrings.xml indeholder en DTD, hvad Excel-filer ikke "
	    "gør");
	assert_true(a.total < 1u << 20);	/* nothing was expanded */
	assert_int_equal(read_book_rc(&a, NULL, undeclared, NULL, NULL, &e),
	    ERR_INVALID);
	assert_string_equal(e.key, "invalid_xml");
	s = read_book(&a, NULL, plain, NULL, NULL);
	assert_cell(s, "A1", XLSX_CELL_STRING, "<&æø");
	arena_cleanup(&a);
}

/* Find the central directory entry of name and set its unpacked size. */
static void
patch_size(unsigned char *zip, size_t len, const char *name, uint32_t size)
{
	size_t	i, n = strlen(name);

	for (i = 0; i + 46 + n <= len; i++)
		if (memcmp(zip + i, "PK\1\2", 4) == 0 &&
		    (size_t)(zip[i + 28] | zip[i + 29] << 8) == n &&
		    memcmp(zip + i + 46, name, n) == 0) {
			zip[i + 24] = (unsigned char)size;
			zip[i + 25] = (unsigned char)(size >> 8);
			zip[i + 26] = (unsigned char)(size >> 16);
			zip[i + 27] = (unsigned char)(size >> 24);
			return;
		}
	fail_msg("no central directory entry for %s", name);
}

/* Parts larger than allowed: as claimed, and as actually unpacked. */
static void
test_zip_bomb(void **state)
{
	static const char sheet[] =
	    "<worksheet " NS "><sheetData><row r=\"1\"><c r=\"A1\"><v>1</v>"
	    "</c></row></sheetData></worksheet>";
	struct arena		 a;
	struct xlsx_book	*b;
	const struct xlsx_sheet	*s;
	struct err		 e;
	unsigned char		*zip;
	char			*bomb;
	size_t			 len, n = XLSX_READ_MAX_PART + 4096;

	(void)state;
	arena_init(&a);
	zip = make_book(NULL, sheet, NULL, NULL, &len);
	patch_size(zip, len, "xl/worksheets/sheet1.xml", 0x7fffffff);
	assert_int_equal(xlsx_read_open(&b, &a, zip, len, &e), 0);
	assert_int_equal(xlsx_read_sheet_at(b, 0, &s, &e), ERR_TOO_LARGE);
	assert_string_equal(e.key, "part_too_large");
	assert_string_equal(e.msg, "Filen indeholder for meget: "
	    "xl/worksheets/sheet1.xml fylder over 50 MB udpakket");
	xlsx_read_close(b);
	free(zip);

	/* The same with the true size of a real bomb: 50 MiB of spaces. */
	bomb = malloc(n + 1);
	assert_non_null(bomb);
	memset(bomb, ' ', n);
	memcpy(bomb, "<worksheet><sheetData>", 22);
	bomb[n] = '\0';
	zip = make_book(NULL, bomb, NULL, NULL, &len);
	free(bomb);
	assert_true(len < XLSX_READ_MAX_FILE);
	assert_int_equal(xlsx_read_open(&b, &a, zip, len, &e), 0);
	assert_int_equal(xlsx_read_sheet_at(b, 0, &s, &e), ERR_TOO_LARGE);
	assert_string_equal(e.key, "part_too_large");

	/* And when the archive understates it: streaming still stops. */
	xlsx_read_close(b);
	patch_size(zip, len, "xl/worksheets/sheet1.xml", 1000);
	assert_int_equal(xlsx_read_open(&b, &a, zip, len, &e), 0);
	assert_int_equal(xlsx_read_sheet_at(b, 0, &s, &e), ERR_TOO_LARGE);
	assert_string_equal(e.key, "part_too_large");
	xlsx_read_close(b);
	free(zip);
	arena_cleanup(&a);
}

/* The counting limits: sheets, columns, cells, text. */
static void
test_limits(void **state)
{
	struct arena		 a;
	struct err		 e;
	struct buf		 x;
	const struct xlsx_sheet	*s;
	int			 i;

	(void)state;
	arena_init(&a);
	buf_init(&x);

	buf_puts(&x, "<workbook " NS "><sheets>");
	for (i = 1; i <= XLSX_READ_MAX_SHEETS + 1; i++)
		buf_printf(&x, "<sheet name=\"Ark%d\" sheetId=\"%d\" "
		    "r:id=\"rId1\"/>", i, i);
	buf_puts(&x, "</sheets></workbook>");
	assert_int_equal(read_book_rc(&a, buf_str(&x), "<worksheet/>", NULL,
	    NULL, &e), ERR_TOO_LARGE);
	assert_string_equal(e.key, "too_many_sheets");
	assert_string_equal(e.msg, "Filen har for mange ark (højst 100)");

	buf_reset(&x);
	buf_puts(&x, "<worksheet><sheetData><row r=\"3\">");
	for (i = 1; i <= XLSX_READ_MAX_COLS; i++)
		buf_puts(&x, "<c><v>1</v></c>");
	buf_puts(&x, "</row></sheetData></worksheet>");
	s = read_book(&a, NULL, buf_str(&x), NULL, NULL);
	assert_int_equal(s->ncols, XLSX_READ_MAX_COLS);
	assert_string_equal(s->cells[s->ncells - 1].ref, "XFD3");
	x.len -= strlen("</row></sheetData></worksheet>");
	buf_puts(&x, "<c><v>1</v></c></row></sheetData></worksheet>");
	assert_int_equal(read_book_rc(&a, NULL, buf_str(&x), NULL, NULL, &e),
	    ERR_INVALID);
	assert_string_equal(e.key, "too_many_columns");

	buf_reset(&x);
	buf_puts(&x, "<worksheet><sheetData><row r=\"2\"><c r=\"B2\" "
	    "t=\"inlineStr\"><is><t>");
	for (i = 0; i < XLSX_READ_MAX_TEXT / 2; i++)
		buf_puts(&x, "ø");
	buf_puts(&x, "</t></is></c></row></sheetData></worksheet>");
	s = read_book(&a, NULL, buf_str(&x), NULL, NULL);
	assert_int_equal(strlen(s->cells[0].text), XLSX_READ_MAX_TEXT - 1);
	x.len -= strlen("</t></is></c></row></sheetData></worksheet>");
	buf_puts(&x, "ab</t></is></c></row></sheetData></worksheet>");
	assert_int_equal(read_book_rc(&a, NULL, buf_str(&x), NULL, NULL, &e),
	    ERR_INVALID);
	assert_string_equal(e.key, "text_too_long");
	assert_string_equal(e.field, "B2");

	/* One cell too many, ten cells a row without references. */
	buf_reset(&x);
	buf_puts(&x, "<worksheet><sheetData>");
	for (i = 0; i <= XLSX_READ_MAX_CELLS / 10; i++)
		buf_puts(&x, "<row><c><v>1</v></c><c><v>1</v></c><c><v>1</v>"
		    "</c><c><v>1</v></c><c><v>1</v></c><c><v>1</v></c><c><v>1"
		    "</v></c><c><v>1</v></c><c><v>1</v></c><c><v>1</v></c>"
		    "</row>");
	buf_puts(&x, "</sheetData></worksheet>");
	assert_int_equal(read_book_rc(&a, NULL, buf_str(&x), NULL, NULL, &e),
	    ERR_TOO_LARGE);
	assert_string_equal(e.key, "too_many_cells");
	assert_string_equal(e.msg, "Arket »Budget« har for mange udfyldte "
	    "celler (højst 1.000.000)");
	buf_cleanup(&x);
	arena_cleanup(&a);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_xlsxwriter),
		cmocka_unit_test(test_cell_kinds),
		cmocka_unit_test(test_ore),
		cmocka_unit_test(test_dates),
		cmocka_unit_test(test_order),
		cmocka_unit_test(test_refs),
		cmocka_unit_test(test_not_xlsx),
		cmocka_unit_test(test_invalid_xml),
		cmocka_unit_test(test_entities),
		cmocka_unit_test(test_zip_bomb),
		cmocka_unit_test(test_limits),
		cmocka_unit_test(test_percent),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
