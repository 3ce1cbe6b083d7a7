/*
 * pl_io — import and export of price-and-wage series as CSV or XLSX, and
 * the state series loaded by `ramme init` (see pl.h).
 */
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/decimal.h"
#include "core/pl.h"
#include "core/role.h"
#include "report/csv.h"
#include "report/xlsx.h"
#include "report/xlsx_read.h"
#include "service/pl.h"
#include "service/svc.h"
#include "store/audit.h"
#include "store/db.h"
#include "util/arena.h"
#include "util/buf.h"
#include "util/embed.h"
#include "util/err.h"
#include "util/text.h"

extern const struct embedded_file demo_data[];
extern const unsigned demo_data_count;

#define PL_NAME_MAX	64
#define NCOLS		5

enum { COL_SERIES, COL_YEAR, COL_PCT, COL_SOURCE, COL_NOTE };
static const char *const col_names[NCOLS] = {
	"series", "year", "pct_change", "source", "note"
};

/* One data row of a file, as text. */
struct row {
	int		 line;		/* row in the file (header = 1) */
	const char	*cell[NCOLS];	/* "" when absent */
};

/* One series being imported. */
struct pending {
	const char	*name;
	const char	*source;	/* the first non-empty source */
	struct pl_year	*ys;
	const char	**notes;
	size_t		 n, cap;
};

static int
add_error(struct svc *s, struct pl_import_report *rep, size_t *cap, int line,
    const char *field, const char *msg)
{
	struct err *x;

	if (rep->nerrors >= PL_IMPORT_ERRORS_MAX)
		return ERR_INVALID;
	rep->errors = arena_grow(s->arena, rep->errors, (size_t)rep->nerrors,
	    cap, sizeof(*rep->errors));
	x = &rep->errors[rep->nerrors++];
	err_clear(x);
	err_set(x, ERR_INVALID, "invalid_row", field, "%s", msg);
	x->line = line;
	return ERR_INVALID;
}

static bool
valid_name(const char *s)
{
	size_t n = strlen(s), i;

	if (n == 0 || n > PL_NAME_MAX || strcmp(s, "import") == 0)
		return false;	/* "import" is the import page's path */
	for (i = 0; i < n; i++)
		if (!((s[i] >= 'a' && s[i] <= 'z') ||
		    (s[i] >= '0' && s[i] <= '9') || s[i] == '_'))
			return false;
	return true;
}

static bool
valid_text(const char *s, size_t max)
{
	size_t n = strlen(s);

	return text_utf8_valid(s, n) && !text_has_controls(s) &&
	    text_utf8_len(s, n) <= max;
}

/* Map the header's column names onto COL_*; -1 where absent. */
static int
map_header(const char *const *names, size_t n, int map[NCOLS], struct err *e)
{
	size_t	i;
	int	c;

	for (c = 0; c < NCOLS; c++)
		map[c] = -1;
	for (i = 0; i < n; i++)
		for (c = 0; c < NCOLS; c++)
			if (text_casecmp(names[i], col_names[c]) == 0)
				map[c] = (int)i;
	for (c = 0; c <= COL_PCT; c++)
		if (map[c] < 0) {
			err_set(e, ERR_INVALID, "missing_column", col_names[c],
			    "Filen mangler kolonnen %s (overskrifterne skal "
			    "være series, year, pct_change, source, note)",
			    col_names[c]);
			e->line = 1;
			return ERR_INVALID;
		}
	return 0;
}

static int
read_csv(struct svc *s, const char *data, size_t len, struct row **rows,
    size_t *nrows, struct err *e)
{
	struct csv	 c;
	const char	*names[CSV_MAX_COLS];
	int		 map[NCOLS], i, k, rc;

	if ((rc = csv_parse(s->arena, data, len, &c, e)) != 0)
		return rc;
	for (i = 0; i < c.records[0].nfields; i++)
		names[i] = text_trim(c.records[0].fields[i].s);
	if ((rc = map_header(names, (size_t)c.records[0].nfields, map, e)) != 0)
		return rc;
	*rows = arena_calloc(s->arena, (size_t)c.nrecords, sizeof(**rows));
	*nrows = 0;
	for (i = 1; i < c.nrecords; i++) {
		struct csv_record	*r = &c.records[i];
		struct row		*o = &(*rows)[(*nrows)++];

		o->line = r->line;
		for (k = 0; k < NCOLS; k++)
			o->cell[k] = map[k] >= 0 && map[k] < r->nfields ?
			    text_trim(csv_unguard(r->fields[map[k]].s)) : "";
	}
	return 0;
}

static int
read_xlsx(struct svc *s, const char *data, size_t len, struct row **rows,
    size_t *nrows, struct err *e)
{
	struct xlsx_book	*b;
	const struct xlsx_sheet	*sh;
	const char		*names[64], *t;
	size_t			 ncol;
	uint32_t		 r;
	int			 map[NCOLS], k, rc;

	if ((rc = xlsx_read_open(&b, s->arena, data, len, e)) != 0)
		return rc;
	if ((rc = xlsx_read_sheet_at(b, 0, &sh, e)) != 0)
		goto out;
	ncol = sh->ncols < 64 ? sh->ncols : 64;
	for (k = 0; (size_t)k < ncol; k++) {
		if (xlsx_cell_text(sh, 1, (uint32_t)k + 1, &t, NULL) != 0)
			t = "";
		names[k] = arena_strdup(s->arena, t);
	}
	if ((rc = map_header(names, ncol, map, e)) != 0)
		goto out;
	*rows = arena_calloc(s->arena, sh->nrows + 1, sizeof(**rows));
	*nrows = 0;
	for (r = 2; r <= sh->nrows; r++) {
		struct row	*o = &(*rows)[*nrows];
		bool		 any = false;

		o->line = (int)r;
		for (k = 0; k < NCOLS; k++) {
			t = "";
			if (map[k] >= 0 && (rc = xlsx_cell_text(sh, r,
			    (uint32_t)map[k] + 1, &t, e)) != 0 &&
			    rc != ERR_NOT_FOUND)
				goto out;
			o->cell[k] = text_trim(arena_strdup(s->arena, t));
			any = any || *o->cell[k] != '\0';
		}
		rc = 0;
		if (any)
			(*nrows)++;
	}
out:
	xlsx_read_close(b);
	return rc;
}

/*
 * A percentage from a cell: the exact text, or, for a spreadsheet's
 * binary noise ("1.2000000000000002"), the number at 10 significant
 * digits.
 */
static int
cell_pct(const char *t, int64_t *out)
{
	char	buf[64], *end;
	double	d;

	if (pl_pct_parse(t, out) == 0)
		return 0;
	d = strtod(t, &end);
	if (end == t || *end != '\0' || !(d > -1000 && d < 1000))
		return ERR_INVALID;
	snprintf(buf, sizeof(buf), "%.10g", d);
	return pl_pct_parse(buf, out);
}

static struct pending *
pending_of(struct svc *s, struct pending **ps, size_t *np, size_t *cap,
    const char *name)
{
	size_t i;

	for (i = 0; i < *np; i++)
		if (strcmp((*ps)[i].name, name) == 0)
			return &(*ps)[i];
	*ps = arena_grow(s->arena, *ps, *np, cap, sizeof(**ps));
	(*ps)[*np].name = name;
	(*ps)[*np].source = "";
	return &(*ps)[(*np)++];
}

/* Check the rows and group them by series. */
static int
parse_rows(struct svc *s, const struct row *rows, size_t nrows,
    struct pending **ps, size_t *np, struct pl_import_report *rep)
{
	struct pending	*p;
	struct err	 ce;
	size_t		 i, j, pcap = 0, ecap = 0;
	int64_t		 year, pct;

	*ps = NULL;
	*np = 0;
	for (i = 0; i < nrows; i++) {
		const struct row *r = &rows[i];

		if (!valid_name(r->cell[COL_SERIES])) {
			add_error(s, rep, &ecap, r->line, "series",
			    arena_printf(s->arena, "Serien »%.64s« skal være "
			    "1-64 tegn a-z, 0-9 eller _", r->cell[COL_SERIES]));
			continue;
		}
		if (text_parse_i64(r->cell[COL_YEAR], &year) != 0 ||
		    year < PL_YEAR_MIN || year > PL_YEAR_MAX) {
			add_error(s, rep, &ecap, r->line, "year",
			    arena_printf(s->arena, "Året »%.20s« skal være et "
			    "år mellem 1900 og 2200", r->cell[COL_YEAR]));
			continue;
		}
		if (cell_pct(r->cell[COL_PCT], &pct) != 0 ||
		    pct < PL_PCT_MIN || pct > PL_PCT_MAX) {
			add_error(s, rep, &ecap, r->line, "pct_change",
			    arena_printf(s->arena, "Ændringen »%.20s« skal "
			    "være en procent mellem −50 og 100 med højst fire "
			    "decimaler", r->cell[COL_PCT]));
			continue;
		}
		if (!valid_text(r->cell[COL_SOURCE], PL_TEXT_MAX) ||
		    !valid_text(r->cell[COL_NOTE], PL_TEXT_MAX)) {
			add_error(s, rep, &ecap, r->line, "note",
			    "Kilde og note må højst være 500 tegn uden "
			    "kontroltegn");
			continue;
		}
		p = pending_of(s, ps, np, &pcap, r->cell[COL_SERIES]);
		for (j = 0; j < p->n; j++)
			if (p->ys[j].year == year)
				break;
		if (j < p->n) {
			add_error(s, rep, &ecap, r->line, "year",
			    arena_printf(s->arena, "Året %.20s står flere "
			    "gange for serien %s", r->cell[COL_YEAR], p->name));
			continue;
		}
		if (p->n == p->cap) {
			size_t c = p->cap;

			p->ys = arena_grow(s->arena, p->ys, p->n, &c,
			    sizeof(*p->ys));
			c = p->cap;
			p->notes = arena_grow(s->arena, p->notes, p->n, &c,
			    sizeof(*p->notes));
			p->cap = c;
		}
		p->ys[p->n].year = (int)year;
		p->ys[p->n].pct_e4 = pct;
		p->notes[p->n] = r->cell[COL_NOTE];
		p->n++;
		if (*p->source == '\0')
			p->source = r->cell[COL_SOURCE];
	}
	for (i = 0; rep->nerrors == 0 && i < *np; i++) {
		err_clear(&ce);
		if (pl_check((*ps)[i].ys, (*ps)[i].n, &ce) != 0)
			add_error(s, rep, &ecap, 0, ce.field,
			    arena_strdup(s->arena, ce.msg));
	}
	if (rep->nerrors == 0 && *np == 0)
		add_error(s, rep, &ecap, 0, NULL,
		    "Filen indeholder ingen rækker med PL-tal");
	return rep->nerrors > 0 ? ERR_INVALID : 0;
}

static int
cmp_year(const void *a, const void *b)
{
	const struct pl_year *x = a, *y = b;

	return (x->year > y->year) - (x->year < y->year);
}

/* Does p hold exactly the years of the current version? */
static int
same_as_current(struct svc *s, const struct pl_series_row *sr,
    const struct pending *p, bool *same, struct err *e)
{
	struct pl_value_row	*v;
	struct pl_year		*sorted;
	size_t			 n, i;
	int			 rc;

	*same = false;
	if (sr->version == 0)
		return 0;
	if ((rc = pl_store_values(s->db, s->arena, sr->id, sr->version, NULL,
	    &v, &n, e)) != 0)
		return rc;
	if (n != p->n)
		return 0;
	sorted = arena_calloc(s->arena, p->n, sizeof(*sorted));
	memcpy(sorted, p->ys, p->n * sizeof(*sorted));
	qsort(sorted, p->n, sizeof(*sorted), cmp_year);
	for (i = 0; i < n; i++)
		if (v[i].year != sorted[i].year ||
		    v[i].pct_e4 != sorted[i].pct_e4)
			return 0;
	*same = true;
	return 0;
}

static char *
audit_json(struct svc *s, const struct pending *p, int version,
    const char *revised_on)
{
	json_t	*o, *years;
	char	 pct[24], key[8], *txt, *out;
	size_t	 i;

	years = json_object();
	for (i = 0; i < p->n; i++) {
		snprintf(key, sizeof(key), "%d", p->ys[i].year);
		pl_pct_str(p->ys[i].pct_e4, pct, sizeof(pct));
		json_object_set_new(years, key, json_string(pct));
	}
	o = json_pack("{s:i, s:s, s:s, s:o}", "version", version,
	    "revised_on", revised_on, "source", p->source, "pct_change", years);
	txt = json_dumps(o, JSON_COMPACT | JSON_SORT_KEYS | DECIMAL_JSON_FLAGS);
	json_decref(o);
	out = arena_strdup(s->arena, txt != NULL ? txt : "{}");
	free(txt);
	return out;
}

/* Store one series' new version inside the transaction. */
static int
store_series(struct svc *s, const struct pending *p,
    const struct pl_import_opts *o, const char *revised_on,
    struct pl_import_series *res, struct err *e)
{
	struct pl_series_row	 sr;
	const char		*title;
	int64_t			 vid;
	size_t			 i;
	bool			 same;
	int			 rc;

	memset(res, 0, sizeof(*res));
	res->name = p->name;
	res->nyears = (int)p->n;
	rc = pl_store_get(s->db, s->arena, p->name, &sr, e);
	if (rc == ERR_NOT_FOUND) {
		title = o->title != NULL && *o->title != '\0' ? o->title :
		    pl_known_title(p->name) != NULL ? pl_known_title(p->name) :
		    p->name;
		if ((rc = pl_store_create(s->db, p->name, title, NULL,
		    s->now_iso, &sr.id, e)) != 0)
			return rc;
		sr.version = 0;
		res->created = true;
	} else if (rc != 0)
		return rc;
	if ((rc = same_as_current(s, &sr, p, &same, e)) != 0)
		return rc;
	if (same) {
		res->unchanged = true;
		res->version = sr.version;
		return 0;
	}
	if ((rc = pl_store_add_version(s->db, sr.id, revised_on, p->source,
	    o->note, s->who->username, s->now_iso, &vid, &res->version,
	    e)) != 0)
		return rc;
	for (i = 0; i < p->n; i++)
		if ((rc = pl_store_add_value(s->db, vid, p->ys[i].year,
		    p->ys[i].pct_e4, p->notes[i], e)) != 0)
			return rc;
	if ((rc = pl_store_update(s->db, sr.id, res->created ? NULL :
	    (o->title != NULL && *o->title != '\0' ? o->title : NULL),
	    p->source, e)) != 0)
		return rc;
	return audit_add(s->db, s->who, s->now_iso, "pl_series", p->name,
	    res->created ? "create" : "version", NULL,
	    audit_json(s, p, res->version, revised_on), e);
}

static int
check_opts(const struct pl_import_opts *o, struct err *e)
{
	if (o->title != NULL && *o->title != '\0' &&
	    !valid_text(o->title, PL_TITLE_MAX))
		return err_set(e, ERR_INVALID, "invalid_title", "title",
		    "Titlen må højst være %d tegn uden kontroltegn",
		    PL_TITLE_MAX);
	if (o->note != NULL && !valid_text(o->note, PL_TEXT_MAX))
		return err_set(e, ERR_INVALID, "invalid_note", "note",
		    "Noten må højst være %d tegn uden kontroltegn",
		    PL_TEXT_MAX);
	if (o->revised_on != NULL && *o->revised_on != '\0' &&
	    !text_date_valid(o->revised_on))
		return err_set(e, ERR_INVALID, "invalid_date", "revised_on",
		    "Revisionsdatoen skal være en dato (ÅÅÅÅ-MM-DD)");
	return 0;
}

int
pl_import(struct svc *s, const char *data, size_t len, enum pl_format fmt,
    const struct pl_import_opts *o, struct pl_import_report *rep,
    struct err *e)
{
	struct row	*rows = NULL;
	struct pending	*ps;
	size_t		 nrows = 0, np, i;
	char		 today[11];
	const char	*revised_on;
	int		 rc;

	memset(rep, 0, sizeof(*rep));
	if (s->who->role != ROLE_ADMIN)
		return err_set(e, ERR_FORBIDDEN, "forbidden", NULL,
		    "Kun sekretariatet kan indlæse PL-serier");
	if ((rc = check_opts(o, e)) != 0)
		return rc;
	rc = fmt == PL_XLSX ? read_xlsx(s, data, len, &rows, &nrows, e) :
	    read_csv(s, data, len, &rows, &nrows, e);
	if (rc != 0)
		return rc;
	if ((rc = parse_rows(s, rows, nrows, &ps, &np, rep)) != 0) {
		*e = rep->errors[0];
		return rc;
	}
	snprintf(today, sizeof(today), "%.10s", s->now_iso);
	revised_on = o->revised_on != NULL && *o->revised_on != '\0' ?
	    o->revised_on : today;
	rep->series = arena_calloc(s->arena, np, sizeof(*rep->series));
	if ((rc = db_begin(s->db, DB_WRITE, e)) != 0)
		return rc;
	for (i = 0; i < np; i++) {
		if ((rc = store_series(s, &ps[i], o, revised_on,
		    &rep->series[i], e)) != 0) {
			db_rollback(s->db);
			return rc;
		}
		rep->nseries++;
	}
	if (o->dry_run) {
		db_rollback(s->db);
		return 0;
	}
	return db_commit(s->db, e);
}

int
pl_load_initial(struct svc *s, bool *loaded, struct err *e)
{
	struct pl_import_opts	 o = {
		.note = "Statens generelle PL, indlæst da databasen blev oprettet"
	};
	struct pl_import_report	 rep;
	struct pl_series_row	 sr;
	struct buf		 b;
	const char		*nl, *p, *end;
	unsigned		 i;
	int			 rc;

	*loaded = false;
	if ((rc = db_begin(s->db, DB_READ, e)) != 0)
		return rc;
	rc = pl_store_get(s->db, s->arena, PL_STATE_SERIES, &sr, e);
	db_rollback(s->db);
	if (rc == 0)
		return 0;
	if (rc != ERR_NOT_FOUND)
		return rc;
	err_clear(e);
	for (i = 0; i < demo_data_count; i++)
		if (strcmp(demo_data[i].name, "pl_index.csv") == 0)
			break;
	if (i == demo_data_count)
		return err_set(e, ERR_INTERNAL, "pl_missing", NULL,
		    "PL-serien mangler i programmet");
	/* the header, then only the state series' rows */
	buf_init(&b);
	p = demo_data[i].data;
	end = p + demo_data[i].len;
	for (; p < end; p = nl + 1) {
		if ((nl = memchr(p, '\n', (size_t)(end - p))) == NULL)
			nl = end;
		if (p == demo_data[i].data ||
		    strncmp(p, PL_STATE_SERIES ",", strlen(PL_STATE_SERIES) + 1)
		    == 0) {
			buf_append(&b, p, (size_t)(nl - p));
			buf_putc(&b, '\n');
		}
		if (nl == end)
			break;
	}
	rc = pl_import(s, buf_str(&b), b.len, PL_CSV, &o, &rep, e);
	buf_cleanup(&b);
	if (rc == 0)
		*loaded = true;
	return rc;
}

int
pl_export(struct svc *s, const char *name, int version, enum pl_format fmt,
    struct buf *out, const char *xlsx_path, struct err *e)
{
	static const struct xlsx_column cols[NCOLS] = {
		{ "series", 0, NULL }, { "year", 0, "0" },
		{ "pct_change", 0, "0.0###" }, { "source", 0, NULL },
		{ "note", 0, NULL },
	};
	struct pl_series_view	 v;
	struct csv_writer	 w;
	struct xlsx		*x;
	char			 pct[24], year[8];
	size_t			 i;
	int			 rc;

	if ((rc = pl_show(s, name, version, 0, &v, e)) != 0)
		return rc;
	if (fmt == PL_XLSX) {
		if ((rc = xlsx_open(&x, xlsx_path, "PL", cols, NCOLS, e)) != 0)
			return rc;
		for (i = 0; i < v.nvalues; i++) {
			xlsx_text(x, v.series.name);
			xlsx_int(x, v.values[i].year);
			xlsx_scaled(x, v.values[i].pct_e4, 4);
			xlsx_text(x, v.version.source);
			xlsx_text(x, v.values[i].note);
			xlsx_end_row(x);
		}
		return xlsx_close(x, e);
	}
	csv_writer_init(&w, out, ';', true);
	for (i = 0; i < NCOLS; i++)
		csv_write_text(&w, col_names[i]);
	csv_end_row(&w);
	for (i = 0; i < v.nvalues; i++) {
		char *c;

		pl_pct_str(v.values[i].pct_e4, pct, sizeof(pct));
		if ((c = strchr(pct, '.')) != NULL)
			*c = ',';
		snprintf(year, sizeof(year), "%d", v.values[i].year);
		csv_write_text(&w, v.series.name);
		csv_write_value(&w, year);
		csv_write_value(&w, pct);
		csv_write_text(&w, v.version.source);
		csv_write_text(&w, v.values[i].note);
		csv_end_row(&w);
	}
	return 0;
}
