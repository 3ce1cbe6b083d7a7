/*
 * Unit tests for src/service/register_io.c over a real database: the
 * demo data (and loading it twice), all-or-nothing imports with line
 * numbers, Windows-1252 files, header and row errors, updates by id and
 * by name, and export round trips through CSV, JSON and XLSX.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <zip.h>

#include "core/offer.h"
#include "core/org.h"
#include "service/analysis.h"
#include "service/demo.h"
#include "service/pl.h"
#include "service/register.h"
#include "service/round.h"
#include "service/register_io.h"
#include "service/svc.h"
#include "store/db.h"
#include "store/offer_store.h"
#include "util/arena.h"
#include "util/embed.h"
#include "util/err.h"
#include "testdb.h"

extern const struct embedded_file demo_data[];
extern const unsigned demo_data_count;

struct fixture {
	struct testdb	t;
	struct arena	a;
	struct svc	s;	/* acting as the system admin */
};

static int
setup(void **state)
{
	struct fixture *f = calloc(1, sizeof(*f));

	if (f == NULL || testdb_open(&f->t) != 0)
		return -1;
	arena_init(&f->a);
	svc_init(&f->s, f->t.db, &f->a, NULL, 1700000000);
	*state = f;
	return 0;
}

static int
teardown(void **state)
{
	struct fixture *f = *state;

	arena_cleanup(&f->a);
	testdb_close(&f->t);
	free(f);
	return 0;
}

static const struct embedded_file *
demo(const char *name)
{
	unsigned i;

	for (i = 0; i < demo_data_count; i++)
		if (strcmp(demo_data[i].name, name) == 0)
			return &demo_data[i];
	fail_msg("no demo file %s", name);
	return NULL;
}

/* Load the demo data and check it worked. */
static void
load_demo(struct svc *s, struct register_io_report *rep)
{
	struct err e;

	if (register_io_load_demo(s, rep, &e) != 0)
		fail_msg("load_demo: %s (line %d, %d errors: %s)", e.msg,
		    e.line, rep->nerrors,
		    rep->nerrors ? rep->errors[0].msg : "");
}

/* Import the demo organisations only. */
static void
load_orgs(struct svc *s)
{
	const struct embedded_file	*m = demo("municipalities.csv");
	struct register_io_report	 rep;
	struct err			 e;

	assert_int_equal(register_io_import_orgs(s, m->data, m->len, 0, &rep,
	    &e), 0);
	assert_int_equal(rep.orgs, 12);
}

static int64_t
count_offers(struct svc *s)
{
	struct offer_filter	 flt;
	struct offer		*v;
	size_t			 n;
	int64_t			 total;
	struct err		 e;

	memset(&flt, 0, sizeof(flt));
	flt.covered = -1;
	flt.limit = 1;
	assert_int_equal(register_offer_list(s, &flt, &v, &n, &total, &e), 0);
	return total;
}

static int64_t
count_sql(struct db *db, const char *sql)
{
	struct db_stmt	*st;
	struct err	 e;
	int64_t		 n;

	assert_non_null(st = db_prep(db, sql, &e));
	assert_int_equal(db_step(st, &e), DB_ROW);
	n = db_col_i64(st, 0);
	db_reset(st);
	return n;
}

/* The live offer named name (there must be one). */
static void
find_offer(struct svc *s, const char *name, struct offer *o)
{
	struct offer_filter	 flt;
	struct offer		*v;
	size_t			 n, i;
	int64_t			 total;
	struct err		 e;

	memset(&flt, 0, sizeof(flt));
	flt.covered = -1;
	flt.limit = 1000;
	assert_int_equal(register_offer_list(s, &flt, &v, &n, &total, &e), 0);
	for (i = 0; i < n; i++)
		if (strcmp(v[i].name, name) == 0) {
			*o = v[i];
			return;
		}
	fail_msg("no offer named %s", name);
}

/* Export in fmt into a malloc'd, NUL-terminated buffer. */
static char *
export_mem(struct svc *s, enum register_io_format fmt, size_t *len)
{
	struct err	 e;
	char		*data = NULL;
	FILE		*f;

	assert_non_null(f = open_memstream(&data, len));
	if (register_io_export_offers(s, fmt, f, NULL, &e) != 0)
		fail_msg("export: %s", e.msg);
	fclose(f);
	return data;
}

/* Empty the first field (the id) of every data line of a CSV export. */
static char *
strip_ids(const char *csv)
{
	char		*out = malloc(strlen(csv) + 1), *o = out;
	const char	*p = csv;
	int		 header = 1;

	while (*p != '\0') {
		if (!header)
			while (*p >= '0' && *p <= '9')
				p++;
		while (*p != '\0' && *p != '\n')
			*o++ = *p++;
		if (*p == '\n')
			*o++ = *p++;
		header = 0;
	}
	*o = '\0';
	return out;
}

static int
import(struct svc *s, const char *csv, int dry_run,
    struct register_io_report *rep, struct err *e)
{
	return register_io_import_offers(s, csv, strlen(csv), dry_run, rep, e);
}

static void
test_demo_loads(void **state)
{
	struct fixture			*f = *state;
	struct register_io_report	 rep;
	struct org			*orgs;
	struct offer			 o;
	struct err			 e;
	int				 norgs;

	load_demo(&f->s, &rep);
	assert_int_equal(rep.orgs, 12);
	assert_int_equal(rep.created, 18);
	assert_int_equal(rep.updated, 0);
	assert_int_equal(rep.nerrors, 0);
	/* Four offers state places without a year. */
	assert_int_equal(rep.nwarnings, 4);
	assert_int_equal(register_org_list(&f->s, &orgs, &norgs, &e), 0);
	assert_int_equal(norgs, 12);
	assert_int_equal(count_offers(&f->s), 18);

	find_offer(&f->s, "Den Sikrede Institution Kompasset", &o);
	assert_string_equal(o.opened_on, "2012-09-01");
	assert_int_equal(o.kind, OFFER_SECURE_INSTITUTION);
	assert_int_equal(offer_places_in(&o, 2012), 800);
	assert_string_equal(o.location_code, "810");

	find_offer(&f->s, "Neurocenter Østerskoven", &o);
	assert_int_equal(o.nplaces, 0);
	assert_int_equal(o.nparagraphs, 2);
	assert_string_equal(o.paragraphs[0], "SEL § 67");
	assert_string_equal(o.paragraphs[1], "SEL § 107");
	assert_non_null(strstr(o.note,
	    "; Pladser: 26 (år ikke oplyst i kilden)"));

	find_offer(&f->s, "Nøddehuset", &o);
	assert_int_equal(o.nparagraphs, 5);
	assert_int_equal(o.kind, OFFER_RESPITE);

	find_offer(&f->s, "Børnehus Nord", &o);
	assert_string_equal(o.opened_on, "2013-10-01");
	find_offer(&f->s, "Socialtilsyn Nord", &o);
	assert_string_equal(o.opened_on, "2014-01-01");
	assert_int_equal(o.kind, OFFER_SUPERVISION);

	find_offer(&f->s, "VoksenBøgen", &o);
	assert_null(o.operator_code);
	assert_int_equal(offer_places_in(&o, 2012), 2000);
}

static void
test_demo_twice_changes_nothing(void **state)
{
	struct fixture			*f = *state;
	struct register_io_report	 rep;
	int64_t				 audits;

	load_demo(&f->s, &rep);
	audits = count_sql(f->t.db, "SELECT count(*) FROM audit");
	load_demo(&f->s, &rep);
	assert_int_equal(rep.orgs, 0);
	assert_int_equal(rep.created, 0);
	assert_int_equal(rep.updated, 0);
	assert_int_equal(rep.unchanged, 18);
	assert_int_equal(count_offers(&f->s), 18);
	assert_int_equal(count_sql(f->t.db, "SELECT count(*) FROM audit"),
	    audits);
}

static void
test_bad_row_stores_nothing(void **state)
{
	struct fixture			*f = *state;
	struct register_io_report	 rep;
	struct err			 e;
	const char *csv =
	    "name,operator_code,location_code,places_2024\n"
	    "Godt Tilbud,851,851,4\n"
	    "Ukendt Kommune,851,999,4\n"		/* line 3 */
	    "Negativt,851,851,-2\n"			/* line 4 */
	    "Også Godt,851,810,3\n";

	load_orgs(&f->s);
	assert_int_equal(import(&f->s, csv, 0, &rep, &e), ERR_INVALID);
	assert_int_equal(rep.nerrors, 2);
	assert_int_equal(rep.errors[0].line, 3);
	assert_string_equal(rep.errors[0].key, "unknown_municipality");
	assert_int_equal(rep.errors[1].line, 4);
	assert_string_equal(rep.errors[1].key, "invalid_places");
	assert_string_equal(e.key, "import_failed");
	assert_int_equal(count_offers(&f->s), 0);
	assert_int_equal(count_sql(f->t.db,
	    "SELECT count(*) FROM audit WHERE entity = 'offer'"), 0);
}

static void
test_dry_run(void **state)
{
	struct fixture			*f = *state;
	struct register_io_report	 rep;
	struct err			 e;

	load_orgs(&f->s);
	assert_int_equal(import(&f->s, "name;operator_code\nA;851\nB;851\n", 1,
	    &rep, &e), 0);
	assert_int_equal(rep.created, 2);
	assert_int_equal(count_offers(&f->s), 0);
}

static void
test_header_errors(void **state)
{
	struct fixture			*f = *state;
	struct register_io_report	 rep;
	struct err			 e;

	load_orgs(&f->s);
	assert_int_equal(import(&f->s, "name;colour\nA;red\n", 0, &rep, &e),
	    ERR_INVALID);
	assert_int_equal(rep.nerrors, 1);
	assert_int_equal(rep.errors[0].line, 1);
	assert_string_equal(rep.errors[0].key, "unknown_column");
	assert_non_null(strstr(rep.errors[0].msg, "colour"));

	assert_int_equal(import(&f->s, "name;note;status_note\nA;x;y\n", 0,
	    &rep, &e), ERR_INVALID);
	assert_string_equal(rep.errors[0].key, "duplicate_column");

	assert_int_equal(import(&f->s, "operator_code\n851\n", 0, &rep, &e),
	    ERR_INVALID);
	assert_string_equal(rep.errors[0].key, "missing_column");
	/* Header names are trimmed and case-insensitive. */
	assert_int_equal(import(&f->s, " Name ; OPERATOR_CODE;Places_2020\n"
	    "A;851;2\n", 0, &rep, &e), 0);
	assert_int_equal(rep.created, 1);
}

static void
test_duplicate_rows(void **state)
{
	struct fixture			*f = *state;
	struct register_io_report	 rep;
	struct err			 e;

	load_orgs(&f->s);
	assert_int_equal(import(&f->s,
	    "name;operator_code\n"
	    "Bostedet;1081\n"
	    "Bostedet;851\n"		/* another operator: fine */
	    "  BOSTEDET ;1081\n",	/* line 4 */
	    0, &rep, &e), ERR_INVALID);
	assert_int_equal(rep.nerrors, 1);
	assert_int_equal(rep.errors[0].line, 4);
	assert_string_equal(rep.errors[0].key, "duplicate_row");
	assert_non_null(strstr(rep.errors[0].msg, "Linje 2 og linje 4"));
	assert_int_equal(count_offers(&f->s), 0);
}

static void
test_row_errors(void **state)
{
	struct fixture			*f = *state;
	struct register_io_report	 rep;
	struct err			 e;

	load_orgs(&f->s);
	assert_int_equal(import(&f->s,
	    "id;name;kind;covered;status;places;places_year\n"
	    "999;Findes ikke;;;;;\n"		/* 2: no such id */
	    ";A;castle;;;;\n"			/* 3: kind */
	    ";B;;maybe;;;\n"			/* 4: covered */
	    ";C;;;open;;\n"			/* 5: status */
	    ";D;;;;3;1850\n"			/* 6: year */
	    ";E;;;;-1;\n"			/* 7: negative, no year */
	    ";F;;;;12.345;\n"			/* 8: three decimals */
	    ";G;;;closed;;\n"			/* 9: closed, date unknown: fine */
	    ";H;residential;ja;active;2;2020\n",	/* fine */
	    0, &rep, &e), ERR_INVALID);
	assert_int_equal(rep.nerrors, 7);
	assert_string_equal(rep.errors[0].key, "offer_not_found");
	assert_int_equal(rep.errors[0].line, 2);
	assert_string_equal(rep.errors[1].key, "invalid_kind");
	assert_string_equal(rep.errors[2].key, "invalid_covered");
	assert_string_equal(rep.errors[3].key, "invalid_status");
	assert_string_equal(rep.errors[4].key, "invalid_year");
	assert_string_equal(rep.errors[5].key, "invalid_places");
	assert_string_equal(rep.errors[6].key, "invalid_places");
	assert_int_equal(rep.errors[6].line, 8);
	assert_int_equal(count_offers(&f->s), 0);
}

static void
test_cp1252_semicolon_file(void **state)
{
	struct fixture			*f = *state;
	struct register_io_report	 rep;
	struct offer			 o;
	struct err			 e;
	/* As Danish Excel saves "CSV (semikolonsepareret)". */
	const char *csv =
	    "Name;Operator_code;Location_code;Paragraphs;Target_group;"
	    "Covered;Opened_on;Places_2023;Places_2024\r\n"
	    "B\xf8rnehuset \xc5lund;851;851;SEL \xa7\xa7 66 og 107;"
	    "B\xf8rn med s\xe6rlige behov;Ja;01-09-2012;12,5;13\r\n"
	    ";;;;;;;;\r\n";

	load_orgs(&f->s);
	assert_int_equal(import(&f->s, csv, 0, &rep, &e), 0);
	assert_int_equal(rep.created, 1);
	find_offer(&f->s, "Børnehuset Ålund", &o);
	assert_int_equal(o.nparagraphs, 2);
	assert_string_equal(o.paragraphs[0], "SEL § 66");
	assert_string_equal(o.paragraphs[1], "SEL § 107");
	assert_string_equal(o.target_groups[0], "Børn med særlige behov");
	assert_true(o.covered);
	assert_string_equal(o.opened_on, "2012-09-01");
	assert_int_equal(offer_places_in(&o, 2023), 1250);
	assert_int_equal(offer_places_in(&o, 2024), 1300);
}

static void
test_update_by_id_and_by_name(void **state)
{
	struct fixture			*f = *state;
	struct register_io_report	 rep;
	struct offer			 o;
	struct err			 e;
	char				*csv;

	load_orgs(&f->s);
	assert_int_equal(import(&f->s, "name;operator_code;places_2020;note\n"
	    "Hus;851;5;første\n", 0, &rep, &e), 0);
	find_offer(&f->s, "Hus", &o);
	assert_int_equal(o.version, 1);

	/* By name: a new year added, the stored one kept, the note as is. */
	assert_int_equal(import(&f->s, "name;operator_code;places_2021\n"
	    "Hus;851;6\n", 0, &rep, &e), 0);
	assert_int_equal(rep.updated, 1);
	find_offer(&f->s, "Hus", &o);
	assert_int_equal(o.nplaces, 2);
	assert_int_equal(offer_places_in(&o, 2020), 500);
	assert_int_equal(offer_places_in(&o, 2021), 600);
	assert_string_equal(o.note, "første");

	/* By id: rename; an empty cell clears the note. */
	csv = arena_printf(&f->a, "id;name;note\n%lld;Huset;\n",
	    (long long)o.id);
	assert_int_equal(import(&f->s, csv, 0, &rep, &e), 0);
	assert_int_equal(rep.updated, 1);
	find_offer(&f->s, "Huset", &o);
	assert_null(o.note);
	assert_int_equal(o.version, 3);
	assert_int_equal(o.nplaces, 2);

	/* The same again is unchanged and writes nothing. */
	assert_int_equal(import(&f->s, csv, 0, &rep, &e), 0);
	assert_int_equal(rep.unchanged, 1);
	assert_int_equal(rep.updated, 0);
	find_offer(&f->s, "Huset", &o);
	assert_int_equal(o.version, 3);
}

static void
test_export_csv_round_trip(void **state)
{
	static const char header[] = "\xef\xbb\xbfid;name;operator_code;"
	    "location_code;kind;paragraphs;target_groups;covered;category;"
	    "status;opened_on;status_from;tilbudsportal_id;note;source;"
	    "places_2012\r\n";
	struct fixture			*f = *state;
	struct register_io_report	 rep;
	struct fixture			*g;
	void				*gs = NULL;
	struct offer			 o;
	struct err			 e;
	char				*one, *two, *s1, *s2;
	size_t				 len1, len2;
	int64_t				 id;

	load_demo(&f->s, &rep);
	/* A name that a spreadsheet would take for a formula. */
	memset(&o, 0, sizeof(o));
	o.name = "=HYPERLINK(\"x\")";
	o.operator_code = "851";
	o.note = "two\nlines; and \"quotes\"";
	assert_int_equal(register_offer_create(&f->s, &o, &id, &e), 0);

	one = export_mem(&f->s, REGISTER_IO_CSV, &len1);
	assert_memory_equal(one, header, sizeof(header) - 1);
	assert_non_null(strstr(one, ";\"'=HYPERLINK(\"\"x\"\")\";"));
	assert_non_null(strstr(one, "SEL § 67; SEL § 107"));

	/* Back into the same database: nothing changes. */
	assert_int_equal(register_io_import_offers(&f->s, one, len1, 0, &rep,
	    &e), 0);
	assert_int_equal(rep.unchanged, 19);
	assert_int_equal(rep.created + rep.updated, 0);

	/* Into a fresh database without ids: the same export again. */
	assert_int_equal(setup(&gs), 0);
	g = gs;
	load_orgs(&g->s);
	s1 = strip_ids(one);
	if (register_io_import_offers(&g->s, s1, strlen(s1), 0, &rep, &e) != 0)
		fail_msg("import: %s / %s", e.msg,
		    rep.nerrors ? rep.errors[0].msg : "");
	assert_int_equal(rep.created, 19);
	assert_int_equal(rep.nwarnings, 0);
	two = export_mem(&g->s, REGISTER_IO_CSV, &len2);
	s2 = strip_ids(two);
	assert_string_equal(s1, s2);
	find_offer(&g->s, "=HYPERLINK(\"x\")", &o);
	assert_string_equal(o.note, "two\nlines; and \"quotes\"");
	free(s1);
	free(s2);
	free(one);
	free(two);
	teardown(&gs);
}

static void
test_export_json(void **state)
{
	struct fixture			*f = *state;
	struct register_io_report	 rep;
	json_error_t			 je;
	json_t				*j, *arr;
	char				*txt;
	size_t				 len;

	load_demo(&f->s, &rep);
	txt = export_mem(&f->s, REGISTER_IO_JSON, &len);
	assert_non_null(j = json_loadb(txt, len, 0, &je));
	assert_non_null(arr = json_object_get(j, "offers"));
	assert_int_equal(json_array_size(arr), 18);
	assert_non_null(json_object_get(json_array_get(arr, 0), "places"));
	json_decref(j);
	free(txt);
}

/* The text of member name of the zip archive at path. */
static char *
zip_member(const char *path, const char *name)
{
	zip_t		*z;
	zip_file_t	*zf;
	zip_stat_t	 st;
	char		*buf;
	int		 err;

	assert_non_null(z = zip_open(path, ZIP_RDONLY, &err));
	assert_int_equal(zip_stat(z, name, 0, &st), 0);
	buf = calloc(1, st.size + 1);
	assert_non_null(zf = zip_fopen(z, name, 0));
	assert_int_equal(zip_fread(zf, buf, st.size), (zip_int64_t)st.size);
	zip_fclose(zf);
	zip_close(z);
	return buf;
}

static void
test_export_xlsx(void **state)
{
	struct fixture			*f = *state;
	struct register_io_report	 rep;
	struct err			 e;
	char				 path[] = "/tmp/ramme-xlsx-XXXXXX";
	char				*sheet, *strings;
	int				 fd;

	load_demo(&f->s, &rep);
	assert_true((fd = mkstemp(path)) >= 0);
	close(fd);
	assert_int_equal(register_io_export_offers(&f->s, REGISTER_IO_XLSX,
	    NULL, path, &e), 0);
	sheet = zip_member(path, "xl/worksheets/sheet1.xml");
	strings = zip_member(path, "xl/sharedStrings.xml");
	/* Frozen header row, a filter, widths, and 18 data rows. */
	assert_non_null(strstr(sheet, "ySplit=\"1\""));
	assert_non_null(strstr(sheet, "<autoFilter ref=\"A1:P19\""));
	assert_non_null(strstr(sheet, "<cols>"));
	assert_non_null(strstr(sheet, "<row r=\"19\""));
	assert_null(strstr(sheet, "<row r=\"20\""));
	/* Places are numbers: Kompasset's 8 in 2012 (column P). */
	assert_non_null(strstr(sheet, "t=\"s\""));
	assert_non_null(strstr(sheet, "<v>8</v>"));
	assert_non_null(strstr(strings, "places_2012"));
	assert_non_null(strstr(strings, "Den Sikrede Institution Kompasset"));
	/* XLSX needs a path. */
	assert_int_equal(register_io_export_offers(&f->s, REGISTER_IO_XLSX,
	    stdout, NULL, &e), ERR_INVALID);
	free(sheet);
	free(strings);
	unlink(path);
}

/* The export for people: Danish headers, names, labels and dates. */
static void
test_export_human(void **state)
{
	struct fixture			*f = *state;
	struct register_io_report	 rep;
	struct err			 e;
	char				*data = NULL, *sheet, *styles;
	char				 path[] = "/tmp/ramme-xlsx-XXXXXX";
	size_t				 len;
	FILE				*out;
	int				 fd;

	load_demo(&f->s, &rep);
	assert_non_null(out = open_memstream(&data, &len));
	assert_int_equal(register_io_export_offers_da(&f->s, REGISTER_IO_CSV,
	    out, NULL, &e), 0);
	fclose(out);
	assert_non_null(strstr(data, "Tilbud nr.;Tilbud;Driftsherre;"
	    "Beliggenhedskommune;Tilbudstype;"));
	assert_non_null(strstr(data, ";Pladser 2012"));
	/* Kompasset: names, type, Ja/Nej, status, a Danish date. */
	assert_non_null(strstr(data, "Den Sikrede Institution Kompasset;"
	    "Region Nordjylland;Brønderslev;Sikret institution;"));
	assert_non_null(strstr(data, ";Aktiv;01-09-2012;"));
	assert_null(strstr(data, "places_"));
	free(data);
	assert_int_equal(register_io_export_offers_da(&f->s, REGISTER_IO_JSON,
	    stdout, NULL, &e), ERR_INVALID);

	assert_true((fd = mkstemp(path)) >= 0);
	close(fd);
	assert_int_equal(register_io_export_offers_da(&f->s, REGISTER_IO_XLSX,
	    NULL, path, &e), 0);
	sheet = zip_member(path, "xl/worksheets/sheet1.xml");
	styles = zip_member(path, "xl/styles.xml");
	/* 1 September 2012 is the serial day 41153, in a date format. */
	assert_non_null(strstr(sheet, "<v>41153</v>"));
	assert_non_null(strstr(styles, "[$-406]d. mmmm yyyy"));
	free(sheet);
	free(styles);
	unlink(path);
}

/* The example year: through the services, once, with fixed figures. */
static void
test_demo_example_year(void **state)
{
	struct fixture			*f = *state;
	struct register_io_report	 rep;
	struct demo_report		 d;
	struct tariff_filter		 flt;
	struct published_tariff		*v;
	struct analysis			*an;
	struct err			 e;
	size_t				 n, i;
	int				 kompasset = 0;
	bool				 loaded;

	load_demo(&f->s, &rep);
	/* The example analysis reads the state's PL series, as init loads. */
	assert_int_equal(pl_load_initial(&f->s, &loaded, &e), 0);
	if (demo_example_year(&f->s, &d, &e) != 0)
		fail_msg("demo_example_year: %s", e.msg);
	assert_int_equal(d.accounts, 5);
	assert_int_equal(d.submissions, 5);
	assert_int_equal(d.tariffs, 13);	/* 2024 and 2025: 4 each */
	memset(&flt, 0, sizeof(flt));
	flt.year = DEMO_TARIFF_YEAR;
	flt.limit = 100;
	assert_int_equal(round_tariffs(&f->s, &flt, &v, &n, NULL, &e), 0);
	assert_int_equal(n, 5);
	for (i = 0; i < n; i++)
		if (strcmp(v[i].offer_name,
		    "Den Sikrede Institution Kompasset") == 0) {
			kompasset = 1;
			assert_int_equal(v[i].tariff_ore, 1379000);
			assert_string_equal(v[i].published_at,
			    "2025-10-15T10:00:00Z");
		}
	assert_true(kompasset);
	/* The example analysis, final. */
	assert_int_equal(analysis_list(&f->s, &an, &n, &e), 0);
	assert_int_equal(n, 1);
	assert_string_equal(an[0].state, "final");
	assert_int_equal(an[0].from_year, DEMO_TARIFF_YEAR - 2);
	/* Twice: nothing more. */
	assert_int_equal(demo_example_year(&f->s, &d, &e), 0);
	assert_int_equal(d.accounts + d.submissions + (int)d.tariffs, 0);
}

static void
test_import_orgs(void **state)
{
	struct fixture			*f = *state;
	struct register_io_report	 rep;
	struct org			 o;
	struct err			 e;
	const char *bad =
	    "code;name;kind;pop_2020\n"
	    "851;Aalborg;kommune;217075\n"
	    "1081;Region Nordjylland;county;589936\n"	/* 3: kind */
	    "860;Hjørring;kommune;64.483\n"		/* 4: separator */
	    "851;Aalborg Kommune;kommune;1\n"		/* 5: repeated */
	    "85;Kort;kommune;\n";			/* 6: code form */
	const char *good = "code,name,kind,pop_2021\n851,Aalborg,kommune,"
	    "218000\n";

	assert_int_equal(register_io_import_orgs(&f->s, bad, strlen(bad), 0,
	    &rep, &e), ERR_INVALID);
	assert_int_equal(rep.nerrors, 4);
	assert_int_equal(rep.errors[0].line, 3);
	assert_string_equal(rep.errors[0].key, "invalid_kind");
	assert_string_equal(rep.errors[1].key, "invalid_population");
	assert_string_equal(rep.errors[2].key, "duplicate_row");
	assert_int_equal(rep.errors[2].line, 5);
	assert_string_equal(rep.errors[3].key, "invalid_code");
	assert_int_equal(register_org_get(&f->s, "851", &o, &e),
	    ERR_NOT_FOUND);

	/* Populations of other years are kept. */
	load_orgs(&f->s);
	assert_int_equal(register_io_import_orgs(&f->s, good, strlen(good), 0,
	    &rep, &e), 0);
	assert_int_equal(rep.orgs, 1);
	assert_int_equal(register_org_get(&f->s, "851", &o, &e), 0);
	assert_int_equal(o.npop, 4);
	assert_int_equal(register_io_import_orgs(&f->s, good, strlen(good), 0,
	    &rep, &e), 0);
	assert_int_equal(rep.orgs, 0);
}

static void
test_format_parse(void **state)
{
	enum register_io_format fmt;

	(void)state;
	assert_int_equal(register_io_format_parse("csv", &fmt), 0);
	assert_int_equal(fmt, REGISTER_IO_CSV);
	assert_int_equal(register_io_format_parse("xlsx", &fmt), 0);
	assert_int_equal(fmt, REGISTER_IO_XLSX);
	assert_int_equal(register_io_format_parse("json", &fmt), 0);
	assert_int_equal(fmt, REGISTER_IO_JSON);
	assert_int_equal(register_io_format_parse("xls", &fmt), -1);
	assert_int_equal(register_io_format_parse(NULL, &fmt), -1);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_demo_loads, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_demo_twice_changes_nothing,
		    setup, teardown),
		cmocka_unit_test_setup_teardown(test_bad_row_stores_nothing,
		    setup, teardown),
		cmocka_unit_test_setup_teardown(test_dry_run, setup, teardown),
		cmocka_unit_test_setup_teardown(test_header_errors, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_duplicate_rows, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_row_errors, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_cp1252_semicolon_file,
		    setup, teardown),
		cmocka_unit_test_setup_teardown(test_update_by_id_and_by_name,
		    setup, teardown),
		cmocka_unit_test_setup_teardown(test_export_csv_round_trip,
		    setup, teardown),
		cmocka_unit_test_setup_teardown(test_export_json, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_export_xlsx, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_export_human, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_demo_example_year, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_import_orgs, setup,
		    teardown),
		cmocka_unit_test(test_format_parse),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
