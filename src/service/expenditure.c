/*
 * expenditure — loading and showing the expenditure development (see
 * expenditure.h).
 */
#include <jansson.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "core/decimal.h"
#include "core/expenditure.h"
#include "core/org.h"
#include "core/role.h"
#include "report/csv.h"
#include "service/expenditure.h"
#include "service/svc.h"
#include "store/audit.h"
#include "store/db.h"
#include "store/expenditure_store.h"
#include "store/org_store.h"
#include "util/arena.h"
#include "util/buf.h"
#include "util/err.h"
#include "util/text.h"

enum col { COL_AREA = 0, COL_KIND, COL_YEAR, COL_AMOUNT, COL_COUNT };

/* s case-folded, in the arena. */
static const char *
folded(struct arena *a, const char *s)
{
	struct buf	 b;
	const char	*out;

	buf_init(&b);
	text_fold(&b, s);
	out = arena_strdup(a, buf_str(&b));
	buf_cleanup(&b);
	return out;
}

/*
 * The columns of the header into idx[COL_*]; *thousands says whether the
 * amounts are in 1.000 kr. 0 or ERR_INVALID (line 1).
 */
static int
read_header(struct arena *a, const struct csv_record *h, int idx[COL_COUNT],
    bool *thousands, struct err *e)
{
	static const char *const names[COL_COUNT] = { "område", "art", "år",
	    NULL };
	const char	*f;
	int		 i, c;

	for (c = 0; c < COL_COUNT; c++)
		idx[c] = -1;
	for (i = 0; i < h->nfields; i++) {
		f = folded(a, h->fields[i].s);
		for (c = 0; c < COL_AMOUNT; c++)
			if (strcmp(f, names[c]) == 0 || (c == COL_AREA &&
			    strcmp(f, "omraade") == 0) || (c == COL_YEAR &&
			    strcmp(f, "aar") == 0))
				break;
		if (c == COL_AMOUNT) {
			if (strcmp(f, "nettoudgift (1.000 kr.)") == 0)
				*thousands = true;
			else if (strcmp(f, "nettoudgift (kr.)") == 0)
				*thousands = false;
			else {
				err_set(e, ERR_INVALID, "unknown_column",
				    h->fields[i].s, "Ukendt kolonne »%.60s« "
				    "(brug Område, Art, År og Nettoudgift "
				    "(1.000 kr.) eller Nettoudgift (kr.))",
				    h->fields[i].s);
				e->line = h->line;
				return ERR_INVALID;
			}
		}
		if (idx[c] >= 0) {
			err_set(e, ERR_INVALID, "duplicate_column",
			    h->fields[i].s, "Kolonnen »%.60s« findes to gange",
			    h->fields[i].s);
			e->line = h->line;
			return ERR_INVALID;
		}
		idx[c] = i;
	}
	for (c = 0; c < COL_COUNT; c++)
		if (idx[c] < 0) {
			err_set(e, ERR_INVALID, "missing_column", NULL,
			    "Filen mangler kolonnen %s", c == COL_AREA ?
			    "Område" : c == COL_KIND ? "Art" : c == COL_YEAR ?
			    "År" : "Nettoudgift (1.000 kr.)");
			e->line = h->line;
			return ERR_INVALID;
		}
	return 0;
}

/* The area code of text (a name or code of the register, or the
 * country); NULL if unknown. */
static const char *
area_of(struct arena *a, const struct org *orgs, int norgs, const char *text)
{
	const char	*f = folded(a, text);
	int		 i;

	if (strcmp(text, EXPENDITURE_COUNTRY) == 0 ||
	    strcmp(f, "hele landet") == 0)
		return EXPENDITURE_COUNTRY;
	for (i = 0; i < norgs; i++)
		if (orgs[i].kind != ORG_PRIVATE &&
		    (strcmp(orgs[i].code, text) == 0 ||
		    strcmp(folded(a, orgs[i].name), f) == 0))
			return orgs[i].code;
	return NULL;
}

/* Add a row error; false once the list is full. */
static bool
row_error(struct svc *s, struct expenditure_report *rep, int line,
    const char *field, const char *msg)
{
	struct err *x;

	if (rep->nerrors >= EXPENDITURE_MAX_ERRORS)
		return false;
	x = &rep->errors[rep->nerrors++];
	err_set(x, ERR_INVALID, "invalid_row", field, "%s", msg);
	x->line = line;
	(void)s;
	return true;
}

/* Check one record into *out; a message on failure. */
static const char *
read_row(struct svc *s, const struct csv_record *rec, const int idx[COL_COUNT],
    bool thousands, const struct org *orgs, int norgs,
    struct expenditure_row *out, const char **field)
{
	const char		*v[COL_COUNT];
	enum expenditure_kind	 k;
	int64_t			 year, ore;
	int			 c;

	for (c = 0; c < COL_COUNT; c++) {
		v[c] = idx[c] < rec->nfields ?
		    text_trim(rec->fields[idx[c]].s) : "";
	}
	*field = "Område";
	if (*v[COL_AREA] == '\0')
		return "Området mangler";
	if ((out->area_code = area_of(s->arena, orgs, norgs, v[COL_AREA])) ==
	    NULL)
		return arena_printf(s->arena, "Ukendt område »%.60s« (brug en "
		    "kommune eller regionen fra registret, eller Hele landet)",
		    v[COL_AREA]);
	*field = "Art";
	if (expenditure_kind_parse(v[COL_KIND], &k) != 0)
		return arena_printf(s->arena, "Art skal være Regnskab eller "
		    "Budget, ikke »%.30s«", v[COL_KIND]);
	out->kind = expenditure_kind_name(k);
	*field = "År";
	if (text_parse_i64(v[COL_YEAR], &year) != 0 ||
	    year < EXPENDITURE_YEAR_MIN || year > EXPENDITURE_YEAR_MAX)
		return arena_printf(s->arena, "År skal være et årstal mellem "
		    "%d og %d", EXPENDITURE_YEAR_MIN, EXPENDITURE_YEAR_MAX);
	out->year = (int)year;
	*field = "Nettoudgift";
	if (text_parse_kr(v[COL_AMOUNT], &ore) != 0 ||
	    (thousands && (ore > INT64_MAX / 1000 || ore < INT64_MIN / 1000)))
		return arena_printf(s->arena, "Nettoudgiften »%.40s« er ikke "
		    "et beløb (fx 1.234.567 eller 1234567,5)", v[COL_AMOUNT]);
	out->net_ore = thousands ? ore * 1000 : ore;
	return NULL;
}

int
expenditure_import(struct svc *s, const char *data, size_t len,
    const char *source, struct expenditure_report *rep, struct err *e)
{
	struct csv		 csv;
	struct org		*orgs;
	struct expenditure_row	*rows;
	const char		*msg, *field;
	json_t			*j;
	char			*after;
	bool			 thousands = true;
	int			 idx[COL_COUNT], norgs, i, k, n = 0, rc;

	memset(rep, 0, sizeof(*rep));
	rep->errors = arena_calloc(s->arena, EXPENDITURE_MAX_ERRORS,
	    sizeof(*rep->errors));
	if (s->who->role != ROLE_ADMIN)
		return err_set(e, ERR_FORBIDDEN, "forbidden", NULL,
		    "Kun sekretariatet kan indlæse udgifter");
	if ((rc = csv_parse(s->arena, data, len, &csv, e)) != 0)
		return rc;
	if ((rc = read_header(s->arena, &csv.records[0], idx, &thousands,
	    e)) != 0)
		return rc;
	if (csv.nrecords < 2)
		return err_set(e, ERR_INVALID, "empty_file", NULL, "Filen har "
		    "ingen rækker med udgifter");
	if ((rc = db_begin(s->db, DB_WRITE, e)) != 0)
		return rc;
	if ((rc = org_store_list(s->db, s->arena, &orgs, &norgs, e)) != 0)
		goto fail;
	rows = arena_calloc(s->arena, (size_t)csv.nrecords, sizeof(*rows));
	for (i = 1; i < csv.nrecords; i++) {
		const struct csv_record *rec = &csv.records[i];

		msg = read_row(s, rec, idx, thousands, orgs, norgs, &rows[n],
		    &field);
		for (k = 0; msg == NULL && k < n; k++)
			if (strcmp(rows[k].area_code, rows[n].area_code) == 0 &&
			    strcmp(rows[k].kind, rows[n].kind) == 0 &&
			    rows[k].year == rows[n].year)
				msg = "Samme område, art og år står to gange "
				    "i filen";
		if (msg == NULL)
			n++;
		else if (!row_error(s, rep, rec->line, field, msg))
			break;
	}
	if (rep->nerrors > 0) {
		rc = err_set(e, ERR_INVALID, "invalid_rows", NULL, "%d %s "
		    "fejl; intet er gemt", rep->nerrors, rep->nerrors == 1 ?
		    "række har" : "rækker har");
		goto fail;
	}
	for (i = 0; i < n; i++)
		if ((rc = expenditure_store_put(s->db, &rows[i], source,
		    s->who->username != NULL ? s->who->username : "system",
		    s->now_iso, e)) != 0)
			goto fail;
	j = json_pack("{s:i, s:s?}", "rows", n, "source", source);
	after = json_dumps(j, JSON_COMPACT |
	    JSON_SORT_KEYS | DECIMAL_JSON_FLAGS);
	json_decref(j);
	rc = audit_add(s->db, s->who, s->now_iso, "expenditure", "import",
	    "import", NULL, after, e);
	free(after);
	if (rc != 0)
		goto fail;
	rep->rows = n;
	return db_commit(s->db, e);
fail:
	db_rollback(s->db);
	return rc;
}

/* Index of year in years[0..n), or -1. */
static int
year_at(const int *years, size_t n, int year)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (years[i] == year)
			return (int)i;
	return -1;
}

static void
area_init(struct arena *a, struct expenditure_area *x, size_t nyears)
{
	size_t	k, i;

	for (k = 0; k < EXPENDITURE_KIND_COUNT; k++) {
		x->net[k] = arena_calloc(a, nyears ? nyears : 1,
		    sizeof(int64_t));
		for (i = 0; i < nyears; i++)
			x->net[k][i] = EXPENDITURE_MISSING;
	}
}

static int
cmp_int(const void *a, const void *b)
{
	return *(const int *)a - *(const int *)b;
}

int
expenditure_view(struct svc *s, struct expenditure_view *out,
    struct err *e)
{
	struct expenditure_row	*rows;
	struct org		*orgs;
	struct expenditure_area	*x;
	enum expenditure_kind	 kind;
	size_t			 n, i, a, y;
	int			 norgs, rc, o, at, pass;

	memset(out, 0, sizeof(*out));
	if ((rc = db_begin(s->db, DB_READ, e)) != 0)
		return rc;
	rc = expenditure_store_list(s->db, s->arena, &rows, &n, e);
	if (rc == 0)
		rc = org_store_list(s->db, s->arena, &orgs, &norgs, e);
	db_rollback(s->db);
	if (rc != 0)
		return rc;
	out->years = arena_calloc(s->arena, EXPENDITURE_YEARS_MAX + 1,
	    sizeof(int));
	for (i = 0; i < n; i++)
		if (year_at(out->years, out->nyears, rows[i].year) < 0 &&
		    out->nyears < EXPENDITURE_YEARS_MAX)
			out->years[out->nyears++] = rows[i].year;
	qsort(out->years, out->nyears, sizeof(int), cmp_int);
	/* Municipalities, then the region, each by the register's order. */
	out->areas = arena_calloc(s->arena, (size_t)norgs + 1,
	    sizeof(*out->areas));
	for (pass = 0; pass < 2; pass++)
		for (o = 0; o < norgs; o++)
			if (orgs[o].kind == (pass == 0 ? ORG_KOMMUNE :
			    ORG_REGION)) {
				x = &out->areas[out->nareas++];
				x->code = orgs[o].code;
				x->name = orgs[o].name;
				x->municipality = orgs[o].kind == ORG_KOMMUNE;
				area_init(s->arena, x, out->nyears);
			}
	out->north.code = "nord";
	out->north.name = "Nordjylland (kommunerne)";
	area_init(s->arena, &out->north, out->nyears);
	out->country.code = EXPENDITURE_COUNTRY;
	out->country.name = "Hele landet";
	area_init(s->arena, &out->country, out->nyears);
	for (i = 0; i < n; i++) {
		if (expenditure_kind_parse(rows[i].kind, &kind) != 0 ||
		    (at = year_at(out->years, out->nyears, rows[i].year)) < 0)
			continue;
		x = NULL;
		if (strcmp(rows[i].area_code, EXPENDITURE_COUNTRY) == 0)
			x = &out->country;
		for (a = 0; x == NULL && a < out->nareas; a++)
			if (strcmp(out->areas[a].code, rows[i].area_code) == 0)
				x = &out->areas[a];
		if (x != NULL)
			x->net[kind][at] = rows[i].net_ore;
	}
	/* North Jutland: the sum when every municipality has the figure. */
	for (kind = 0; kind < EXPENDITURE_KIND_COUNT; kind++)
		for (y = 0; y < out->nyears; y++) {
			int64_t	sum = 0;
			size_t	nm = 0;
			bool	all = true;

			for (a = 0; a < out->nareas; a++) {
				if (!out->areas[a].municipality)
					continue;
				nm++;
				if (out->areas[a].net[kind][y] ==
				    EXPENDITURE_MISSING)
					all = false;
				else
					sum += out->areas[a].net[kind][y];
			}
			if (all && nm > 0)
				out->north.net[kind][y] = sum;
		}
	return 0;
}
