/*
 * register_export — the register out: offers as CSV, JSON or XLSX, in the
 * import's own columns or for people (Danish headings, organisations by
 * name, labels, date cells), read in pages of EXPORT_PAGE offers.
 */
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/decimal.h"
#include "core/offer.h"
#include "core/offer_json.h"
#include "core/org.h"
#include "report/csv.h"
#include "report/xlsx.h"
#include "service/register.h"
#include "service/register_io.h"
#include "service/register_io_impl.h"
#include "service/svc.h"
#include "store/offer_store.h"
#include "store/org_store.h"
#include "util/arena.h"
#include "util/buf.h"
#include "util/err.h"
#include "util/text.h"

#define EXPORT_PAGE	1000	/* offers per register_offer_list call */

/* ------------------------------------------------------------------ */
/* Export                                                             */
/* ------------------------------------------------------------------ */

int
register_io_format_parse(const char *name, enum register_io_format *out)
{
	if (name == NULL)
		return -1;
	if (strcmp(name, "csv") == 0)
		*out = REGISTER_IO_CSV;
	else if (strcmp(name, "json") == 0)
		*out = REGISTER_IO_JSON;
	else if (strcmp(name, "xlsx") == 0)
		*out = REGISTER_IO_XLSX;
	else
		return -1;
	return 0;
}

/* Every live offer, read a page at a time. */
static int
all_offers(struct svc *s, struct offer **out, size_t *n, struct err *e)
{
	struct offer_filter	 f;
	struct offer		*page, *v = NULL, *nv;
	size_t			 got, cap = 0;
	int64_t			 total;
	int			 rc;

	memset(&f, 0, sizeof(f));
	f.covered = -1;
	f.sort = "id";
	f.limit = EXPORT_PAGE;
	*n = 0;
	for (;;) {
		if ((rc = register_offer_list(s, &f, &page, &got, &total, e))
		    != 0)
			return rc;
		if (*n + got > cap) {
			cap = *n + got > (size_t)total ? *n + got :
			    (size_t)total;
			nv = arena_calloc(s->arena, cap ? cap : 1, sizeof(*nv));
			if (*n > 0)
				memcpy(nv, v, *n * sizeof(*nv));
			v = nv;
		}
		if (got > 0)
			memcpy(v + *n, page, got * sizeof(*v));
		*n += got;
		if (got < (size_t)EXPORT_PAGE)
			break;
		f.offset += EXPORT_PAGE;
	}
	*out = v;
	return 0;
}

static int
int_cmp(const void *a, const void *b)
{
	const int *x = a, *y = b;

	return (*x > *y) - (*x < *y);
}

/* The distinct years with places in any offer, ascending. */
static int *
place_years(struct svc *s, const struct offer *v, size_t n, size_t *nyears)
{
	size_t	 i, k, total = 0, m = 0;
	int	*y;

	for (i = 0; i < n; i++)
		total += v[i].nplaces;
	y = arena_calloc(s->arena, total ? total : 1, sizeof(*y));
	for (i = 0; i < n; i++)
		for (k = 0; k < v[i].nplaces; k++)
			y[m++] = v[i].places[k].year;
	qsort(y, m, sizeof(*y), int_cmp);
	for (i = k = 0; i < m; i++)
		if (k == 0 || y[k - 1] != y[i])
			y[k++] = y[i];
	*nyears = k;
	return y;
}

/* The export's fixed columns, before the places_YYYY ones. */
static const char *const export_cols[] = {
	"id", "name", "operator_code", "location_code", "kind", "paragraphs",
	"target_groups", "covered", "category", "status", "opened_on",
	"status_from", "tilbudsportal_id", "note", "source", NULL
};
#define EXPORT_FIXED	15

/* The same columns in the export for people, before "Pladser ÅÅÅÅ". */
static const char *const human_cols[] = {
	"Tilbud nr.", "Tilbud", "Driftsherre", "Beliggenhedskommune",
	"Tilbudstype", "Paragraffer", "Målgrupper",
	"Omfattet af rammeaftalen", "Kategori", "Status", "Åbnet",
	"Status fra", "Tilbudsportalen", "Bemærkning", "Kilde", NULL
};

/* Which of the two exports, and what the one for people needs. */
struct export_spec {
	bool		 human;		/* Danish headers and labels */
	struct org	*orgs;		/* human: the names of the codes */
	int		 norgs;
};

/* One cell of an exported row, for both CSV and XLSX. */
enum cell_kind { CELL_EMPTY, CELL_TEXT, CELL_VALUE, CELL_INT, CELL_CENTI,
	CELL_DATE };

struct cell {
	enum cell_kind	 kind;
	const char	*text;	/* CELL_TEXT (guarded in CSV), CELL_VALUE,
				   CELL_DATE (ISO) */
	int64_t		 num;	/* CELL_INT, CELL_CENTI (hundredths) */
};

/* The name of the organisation with code, or the code when unknown. */
static const char *
org_name_of(const struct export_spec *x, const char *code)
{
	int	i;

	if (code == NULL)
		return NULL;
	for (i = 0; i < x->norgs; i++)
		if (strcmp(x->orgs[i].code, code) == 0)
			return x->orgs[i].name;
	return code;
}

static const char *
join(struct svc *s, const char **items, size_t n, const char *sep)
{
	struct buf	 b;
	const char	*r;
	size_t		 i;

	if (n == 0)
		return NULL;
	buf_init(&b);
	for (i = 0; i < n; i++) {
		if (i > 0)
			buf_puts(&b, sep);
		buf_puts(&b, items[i]);
	}
	r = arena_strdup(s->arena, buf_str(&b));
	buf_cleanup(&b);
	return r;
}

static void
set_cell(struct cell *c, enum cell_kind kind, const char *text)
{
	c->kind = text != NULL ? kind : CELL_EMPTY;
	c->text = text;
}

/* The cells of o's row: EXPORT_FIXED + nyears of them. */
static void
offer_cells(struct svc *s, const struct export_spec *x, const struct offer *o,
    const int *years, size_t nyears, struct cell *c)
{
	const char	*kind = offer_kind_name(o->kind);
	size_t		 i;
	int64_t		 p;

	memset(c, 0, (EXPORT_FIXED + nyears) * sizeof(*c));
	c[0].kind = CELL_INT;
	c[0].num = o->id;
	set_cell(&c[1], CELL_TEXT, o->name);
	set_cell(&c[2], CELL_VALUE, o->operator_code);
	set_cell(&c[3], CELL_VALUE, o->location_code);
	set_cell(&c[4], CELL_VALUE, *kind != '\0' ? kind : NULL);
	set_cell(&c[5], CELL_TEXT, join(s, o->paragraphs, o->nparagraphs,
	    "; "));
	set_cell(&c[6], CELL_TEXT, join(s, o->target_groups,
	    o->ntarget_groups, " | "));
	set_cell(&c[7], CELL_VALUE, o->covered ? "true" : "false");
	set_cell(&c[8], CELL_TEXT, o->category);
	set_cell(&c[9], CELL_VALUE, offer_status_name(o->status));
	set_cell(&c[10], CELL_DATE, o->opened_on);
	set_cell(&c[11], CELL_DATE, o->status_from);
	set_cell(&c[12], CELL_VALUE, o->tilbudsportal_id);
	set_cell(&c[13], CELL_TEXT, o->note);
	set_cell(&c[14], CELL_TEXT, o->source);
	for (i = 0; i < nyears; i++)
		if ((p = offer_places_in(o, years[i])) >= 0) {
			c[EXPORT_FIXED + i].kind = CELL_CENTI;
			c[EXPORT_FIXED + i].num = p;
		}
	if (!x->human)
		return;
	set_cell(&c[2], CELL_TEXT, org_name_of(x, o->operator_code));
	set_cell(&c[3], CELL_TEXT, org_name_of(x, o->location_code));
	set_cell(&c[4], CELL_TEXT, *kind != '\0' ? offer_kind_label(o->kind) :
	    NULL);
	set_cell(&c[7], CELL_TEXT, o->covered ? "Ja" : "Nej");
	set_cell(&c[9], CELL_TEXT, offer_status_label(o->status));
	set_cell(&c[10], CELL_DATE, o->opened_on);
	set_cell(&c[11], CELL_DATE, o->status_from);
	set_cell(&c[12], CELL_TEXT, o->tilbudsportal_id);
}

/* An ISO date as "05-12-2026", the form Danish spreadsheets read. */
static const char *
date_dk(struct svc *s, const char *iso)
{
	if (!text_date_valid(iso))
		return iso;
	return arena_printf(s->arena, "%.2s-%.2s-%.4s", iso + 8, iso + 5,
	    iso);
}

static int
export_csv(struct svc *s, const struct export_spec *x, const struct offer *v,
    size_t n, const int *years, size_t nyears, FILE *out, struct err *e)
{
	const char *const	*titles = x->human ? human_cols : export_cols;
	struct csv_writer	 w;
	struct buf		 b;
	struct cell		*c;
	size_t			 i, k, ncols = EXPORT_FIXED + nyears;
	int			 failed = 0;

	c = arena_calloc(s->arena, ncols, sizeof(*c));
	buf_init(&b);
	csv_writer_init(&w, &b, ';', true);
	for (k = 0; titles[k] != NULL; k++)
		csv_write_value(&w, titles[k]);
	for (k = 0; k < nyears; k++)
		csv_write_value(&w, arena_printf(s->arena, x->human ?
		    "Pladser %d" : "places_%d", years[k]));
	csv_end_row(&w);
	for (i = 0; i <= n && !failed; i++) {
		if (i < n) {
			offer_cells(s, x, &v[i], years, nyears, c);
			for (k = 0; k < ncols; k++) {
				switch (c[k].kind) {
				case CELL_EMPTY:
					csv_write_value(&w, NULL);
					break;
				case CELL_TEXT:
					csv_write_text(&w, c[k].text);
					break;
				case CELL_VALUE:
					csv_write_value(&w, c[k].text);
					break;
				case CELL_DATE:
					csv_write_value(&w, x->human ?
					    date_dk(s, c[k].text) : c[k].text);
					break;
				case CELL_INT:
					csv_write_value(&w, arena_printf(
					    s->arena, "%lld",
					    (long long)c[k].num));
					break;
				case CELL_CENTI:
					csv_write_value(&w, rio_centi_da(s,
					    c[k].num));
					break;
				}
			}
			csv_end_row(&w);
		}
		/* Write out in chunks, and what is left at the end. */
		if (b.len >= 65536 || i == n) {
			if (b.len > 0 && fwrite(b.data, 1, b.len, out) != b.len)
				failed = 1;
			buf_reset(&b);
		}
	}
	buf_cleanup(&b);
	if (failed || fflush(out) != 0 || ferror(out))
		return err_set(e, ERR_IO, "write_failed", NULL,
		    "Eksporten kunne ikke skrives");
	return 0;
}

static int
export_json(const struct offer *v, size_t n, FILE *out, struct err *e)
{
	json_t	*root, *arr;
	size_t	 i;
	int	 rc;

	arr = json_array();
	for (i = 0; i < n; i++)
		json_array_append_new(arr, offer_to_json(&v[i]));
	root = json_object();
	json_object_set_new(root, "offers", arr);
	rc = json_dumpf(root, out, JSON_INDENT(2) |
	    JSON_PRESERVE_ORDER | DECIMAL_JSON_FLAGS);
	json_decref(root);
	if (rc != 0 || fputc('\n', out) == EOF || fflush(out) != 0 ||
	    ferror(out))
		return err_set(e, ERR_IO, "write_failed", NULL,
		    "Eksporten kunne ikke skrives");
	return 0;
}

static int
export_xlsx(struct svc *s, const struct export_spec *xs,
    const struct offer *v, size_t n, const int *years, size_t nyears,
    const char *path, struct err *e)
{
	const char *const	*titles = xs->human ? human_cols : export_cols;
	struct xlsx_column	*cols;
	struct xlsx		*x;
	struct cell		*c;
	size_t			 i, k, ncols = EXPORT_FIXED + nyears;
	int			 rc;

	if (ncols > XLSX_MAX_COLS)
		return err_set(e, ERR_INVALID, "too_many_years", NULL,
		    "For mange år med pladser til et regneark");
	cols = arena_calloc(s->arena, ncols, sizeof(*cols));
	for (k = 0; titles[k] != NULL; k++)
		cols[k].title = titles[k];
	for (k = 0; k < nyears; k++)
		cols[EXPORT_FIXED + k].title = arena_printf(s->arena,
		    xs->human ? "Pladser %d" : "places_%d", years[k]);
	if ((rc = xlsx_open(&x, path, "Tilbud", cols, (int)ncols, e)) != 0)
		return rc;
	c = arena_calloc(s->arena, ncols, sizeof(*c));
	for (i = 0; i < n; i++) {
		offer_cells(s, xs, &v[i], years, nyears, c);
		for (k = 0; k < ncols; k++) {
			switch (c[k].kind) {
			case CELL_EMPTY:
				xlsx_blank(x);
				break;
			case CELL_DATE:
				xlsx_date(x, c[k].text);
				break;
			case CELL_TEXT:
			case CELL_VALUE:
				xlsx_text(x, c[k].text);
				break;
			case CELL_INT:
				xlsx_int(x, c[k].num);
				break;
			case CELL_CENTI:
				xlsx_centi(x, c[k].num);
				break;
			}
		}
		xlsx_end_row(x);
	}
	return xlsx_close(x, e);
}

/* Both exports: the checks, the offers, then the one format. */
static int
export_offers(struct svc *s, struct export_spec *x,
    enum register_io_format fmt, FILE *out, const char *xlsx_path,
    struct err *e)
{
	struct offer	*v;
	size_t		 n, nyears;
	int		*years, rc;

	if (fmt == REGISTER_IO_XLSX && xlsx_path == NULL)
		return err_set(e, ERR_INVALID, "missing_path", NULL,
		    "XLSX kan kun skrives til en fil");
	if (fmt != REGISTER_IO_XLSX && out == NULL)
		return err_set(e, ERR_INTERNAL, "missing_stream", NULL,
		    "Intet sted at skrive eksporten");
	if ((rc = all_offers(s, &v, &n, e)) != 0)
		return rc;
	years = place_years(s, v, n, &nyears);
	switch (fmt) {
	case REGISTER_IO_CSV:
		return export_csv(s, x, v, n, years, nyears, out, e);
	case REGISTER_IO_JSON:
		return export_json(v, n, out, e);
	case REGISTER_IO_XLSX:
		return export_xlsx(s, x, v, n, years, nyears, xlsx_path, e);
	}
	return err_set(e, ERR_INTERNAL, "unknown_format", NULL,
	    "Ukendt eksportformat");
}

int
register_io_export_offers(struct svc *s, enum register_io_format fmt,
    FILE *out, const char *xlsx_path, struct err *e)
{
	struct export_spec	x;

	memset(&x, 0, sizeof(x));
	return export_offers(s, &x, fmt, out, xlsx_path, e);
}

int
register_io_export_offers_da(struct svc *s, enum register_io_format fmt,
    FILE *out, const char *xlsx_path, struct err *e)
{
	struct export_spec	x;
	int			rc;

	if (fmt == REGISTER_IO_JSON)
		return err_set(e, ERR_INVALID, "invalid_format", "format",
		    "Oversigten til læsning findes som CSV og Excel");
	memset(&x, 0, sizeof(x));
	x.human = true;
	if ((rc = register_org_list(s, &x.orgs, &x.norgs, e)) != 0)
		return rc;
	return export_offers(s, &x, fmt, out, xlsx_path, e);
}
