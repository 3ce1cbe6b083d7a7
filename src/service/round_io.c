/*
 * round_io — templates, uploads, CSV import and tariff exports (see
 * round_io.h). These files read and write files; the rules are in
 * service/round and core/round.
 *
 * This file owns the upload of a filled-in template: its cells read and
 * checked against the sheet it was made from, errors by row and cell, all
 * or nothing. The CSV import of service lines is in round_csv.c; the
 * files given out (the template, the published tariffs) in
 * round_export.c; what they share in round_io_impl.h.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/params.h"
#include "core/role.h"
#include "core/round.h"
#include "core/tariff.h"
#include "core/tariff_cause.h"
#include "report/csv.h"
#include "report/xlsx.h"
#include "report/round_xlsx.h"
#include "report/xlsx_read.h"
#include "service/agreement.h"
#include "service/round.h"
#include "service/round_io.h"
#include "service/round_io_impl.h"
#include "service/svc.h"
#include "util/arena.h"
#include "util/buf.h"
#include "util/err.h"
#include "util/text.h"

/* ---- the template ----------------------------------------------------- */

/* Template columns, 1-based as in the sheet (A = 1). */
enum tcol {
	TC_OFFER = 1, TC_NAME, TC_PARAGRAPH, TC_LEVEL, TC_UNIT, TC_PLACES,
	TC_DAYS, TC_MONTH_DAYS, TC_HOURS, TC_OCC, TC_HIST1, TC_HIST2,
	TC_WAGES, TC_PROPERTY, TC_OTHER, TC_OVERHEAD, TC_CAPITAL, TC_PENSION,
	TC_INCOME, TC_CARRY, TC_REASON, TC_REFERRED_FROM, TC_REFERRED_BEFORE,
	TC_TARIFF, TC_WARNINGS, TC_COUNT
};

/* The line field each column fills, for error messages. */
static const struct {
	enum tcol	 col;
	const char	*field;
} tcol_fields[] = {
	{ TC_OFFER, "offer_id" }, { TC_PARAGRAPH, "paragraph" },
	{ TC_LEVEL, "level" }, { TC_UNIT, "unit" }, { TC_PLACES, "places" },
	{ TC_DAYS, "days" }, { TC_MONTH_DAYS, "month_days" },
	{ TC_HOURS, "hours" }, { TC_OCC, "occupancy_pct" },
	{ TC_HIST1, "occupancy_history_pct" }, { TC_WAGES, "costs_ore.wages" },
	{ TC_PROPERTY, "costs_ore.property" }, { TC_OTHER, "costs_ore.other" },
	{ TC_OVERHEAD, "costs_ore.overhead" },
	{ TC_CAPITAL, "costs_ore.capital" },
	{ TC_PENSION, "costs_ore.pension" }, { TC_INCOME, "income_ore" },
	{ TC_CARRY, "carry_over_ore" }, { TC_REASON, "reason" },
	{ TC_REFERRED_FROM, "referred_from" },
	{ TC_REFERRED_BEFORE, "referred_before" },
	{ TC_PARAGRAPH, "lines" },
};

_Static_assert((int)TC_WARNINGS == (int)ROUND_XLSX_COL_WARNINGS &&
    (int)TC_REASON == (int)ROUND_XLSX_COL_REASON &&
    (int)TC_OCC == (int)ROUND_XLSX_COL_OCC,
    "the template's columns are report/round_xlsx's");

/* The column of a line field, for errors; TC_OFFER when unknown. */
static int
col_of_field(const char *field)
{
	size_t i;

	for (i = 0; i < sizeof(tcol_fields) / sizeof(tcol_fields[0]); i++)
		if (strcmp(tcol_fields[i].field, field) == 0)
			return (int)tcol_fields[i].col;
	return TC_OFFER;
}

/* Reword a line error for a sheet: "Celle M5 i arket »Budget«: ...". */
static void
cell_error(struct err *e, int row, int col)
{
	char	ref[XLSX_REF_SIZE], msg[sizeof(e->msg)];
	size_t	n, m;

	xlsx_read_ref_format(ref, (uint32_t)row, (uint32_t)col);
	memcpy(msg, e->msg, sizeof(msg));
	msg[sizeof(msg) - 1] = '\0';
	n = (size_t)snprintf(e->msg, sizeof(e->msg), "Celle %s i arket »%s«: ",
	    ref, ROUND_IO_SHEET);
	if (n < sizeof(e->msg)) {
		/* Append as much of the old message as fits. */
		m = strlen(msg);
		if (m > sizeof(e->msg) - n - 1)
			m = sizeof(e->msg) - n - 1;
		memcpy(e->msg + n, msg, m);
		e->msg[n + m] = '\0';
	}
	snprintf(e->field, sizeof(e->field), "%s", ref);
	e->line = row;
}

/*
 * A number with at most two decimals (a number cell, or numeric text):
 * text is read by text_parse_kr() when kr (amounts: "2.283,50"),
 * otherwise by text_parse_centi().
 */
static int
cell_centi(const struct xlsx_sheet *sh, uint32_t row, uint32_t col,
    const char *what, bool kr, int64_t *out, bool *present, struct err *e)
{
	const struct xlsx_cell	*c = xlsx_read_cell(sh, row, col);
	char			 ref[XLSX_REF_SIZE];
	char			*t;

	*out = 0;
	*present = false;
	if (c == NULL || (c->type == XLSX_CELL_STRING && *c->text == '\0'))
		return 0;
	if (c->type == XLSX_CELL_STRING) {
		t = text_trim(strdup(c->text));
		if (t != NULL && *t == '\0') {
			free(t);
			return 0;
		}
		if (t != NULL && (kr ? text_parse_kr(t, out) :
		    text_parse_centi(t, out)) == 0) {
			free(t);
			*present = true;
			return 0;
		}
		free(t);
		xlsx_read_ref_format(ref, row, col);
		err_set(e, ERR_INVALID, "invalid_number", ref, "Celle %s i "
		    "arket »%s«: %s skal være et tal, ikke teksten »%.60s«",
		    ref, sh->name, what, c->text);
		e->line = (int)row;
		return ERR_INVALID;
	}
	*present = true;
	return xlsx_cell_ore(sh, row, col, out, e);
}

/*
 * A percentage in hundredths of a percent: a number as the user sees it
 * (0,95 in a cell formatted as a percentage is 95 %), or text "95,37"
 * or "95,37 %".
 */
static int
cell_pct(const struct xlsx_sheet *sh, uint32_t row, uint32_t col,
    int64_t *out, bool *present, struct err *e)
{
	const struct xlsx_cell	*c = xlsx_read_cell(sh, row, col);
	char			 ref[XLSX_REF_SIZE];
	char			*t, *pc;
	int			 rc;

	*out = 0;
	*present = false;
	if (c == NULL || (c->type == XLSX_CELL_STRING && *c->text == '\0'))
		return 0;
	if (c->type != XLSX_CELL_STRING) {
		rc = xlsx_cell_pct(sh, row, col, out, e);
		*present = rc == 0;
		return rc == ERR_NOT_FOUND ? 0 : rc;
	}
	t = strdup(c->text);
	if (t != NULL && (pc = strchr(t, '%')) != NULL && pc[1] == '\0')
		*pc = '\0';
	if (t != NULL && *text_trim(t) == '\0') {
		free(t);
		return 0;
	}
	if (t != NULL && text_parse_centi(text_trim(t), out) == 0) {
		free(t);
		*present = true;
		return 0;
	}
	free(t);
	xlsx_read_ref_format(ref, row, col);
	err_set(e, ERR_INVALID, "invalid_number", ref, "Celle %s i arket "
	    "»%s«: belægningen skal være en procent, fx 95,37, ikke teksten "
	    "»%.60s«", ref, sh->name, c->text);
	e->line = (int)row;
	return ERR_INVALID;
}

/* A whole number, or absent. */
static int
cell_int(const struct xlsx_sheet *sh, uint32_t row, uint32_t col,
    const char *what, int64_t *out, bool *present, struct err *e)
{
	const struct xlsx_cell	*c = xlsx_read_cell(sh, row, col);
	char			 ref[XLSX_REF_SIZE];
	char			*t;

	*out = 0;
	*present = false;
	if (c == NULL || (c->type == XLSX_CELL_STRING && *c->text == '\0'))
		return 0;
	if (c->type == XLSX_CELL_STRING) {
		t = text_trim(strdup(c->text));
		if (t != NULL && *t != '\0' && text_parse_i64(t, out) == 0) {
			free(t);
			*present = true;
			return 0;
		}
		free(t);
		xlsx_read_ref_format(ref, row, col);
		err_set(e, ERR_INVALID, "invalid_number", ref, "Celle %s i "
		    "arket »%s«: %s skal være et helt tal, ikke teksten "
		    "»%.60s«", ref, sh->name, what, c->text);
		e->line = (int)row;
		return ERR_INVALID;
	}
	*present = true;
	return xlsx_cell_int(sh, row, col, out, e);
}

/* Text of a cell ("" when empty), trimmed, in the arena. */
static int
cell_str(struct svc *s, const struct xlsx_sheet *sh, uint32_t row,
    uint32_t col, const char **out, struct err *e)
{
	const char	*t;
	int		 rc;

	rc = xlsx_cell_text(sh, row, col, &t, e);
	if (rc == ERR_NOT_FOUND) {
		*out = "";
		return 0;
	}
	if (rc != 0)
		return rc;
	*out = text_trim(arena_strdup(s->arena, t));
	return 0;
}

/* A referral date: a date cell or "ÅÅÅÅ-MM-DD" text; NULL when empty. */
static int
cell_referral(struct svc *s, const struct xlsx_sheet *sh, uint32_t row,
    uint32_t col, const char **out, struct err *e)
{
	const struct xlsx_cell	*c = xlsx_read_cell(sh, row, col);
	const char		*t;
	char			 ref[XLSX_REF_SIZE];
	int			 rc;

	*out = NULL;
	if (c == NULL)
		return 0;
	if (c->type == XLSX_CELL_STRING) {
		t = text_trim(arena_strdup(s->arena, c->text));
		if (*t == '\0')
			return 0;
		if (!text_date_valid(t)) {
			xlsx_read_ref_format(ref, row, col);
			err_set(e, ERR_INVALID, "invalid_referral", ref,
			    "Celle %s i arket »%s«: skæringsdatoen skal være "
			    "en dato (ÅÅÅÅ-MM-DD), ikke »%.40s«", ref,
			    sh->name, t);
			e->line = (int)row;
			return ERR_INVALID;
		}
		*out = t;
		return 0;
	}
	if ((rc = xlsx_cell_date(sh, row, col, &t, e)) != 0) {
		e->line = (int)row;
		return rc == ERR_NOT_FOUND ? 0 : rc;
	}
	*out = arena_strdup(s->arena, t);
	return 0;
}

/* "day", "døgn", "dag", "måned", "time", "år" and their API names. */
int
round_io_unit_parse_da(const char *u, enum tariff_unit *out)
{
	static const struct {
		const char		*name;
		enum tariff_unit	 unit;
	} names[] = {
		{ "døgn", TARIFF_UNIT_DAY }, { "dag", TARIFF_UNIT_DAY },
		{ "døgntakst", TARIFF_UNIT_DAY },
		{ "dagtakst", TARIFF_UNIT_DAY },
		{ "måned", TARIFF_UNIT_MONTH },
		{ "månedstakst", TARIFF_UNIT_MONTH },
		{ "time", TARIFF_UNIT_HOUR }, { "timetakst", TARIFF_UNIT_HOUR },
		{ "år", TARIFF_UNIT_YEAR }, { "årstakst", TARIFF_UNIT_YEAR },
	};
	size_t i;

	if (tariff_unit_parse(u, out) == 0)
		return 0;
	for (i = 0; i < sizeof(names) / sizeof(names[0]); i++)
		if (text_casecmp(u, names[i].name) == 0) {
			*out = names[i].unit;
			return 0;
		}
	return -1;
}

static int
fail(struct round_import_report *rep, const struct err *e)
{
	add_error(rep, e);
	return -1;
}

/* Read one data row of the template into *row; 1 if the row is blank
 * apart from the offer, 0 if read, < 0 on errors (added to rep). */
static int
read_row(struct svc *s, const struct xlsx_sheet *sh, uint32_t rn,
    bool referral, int64_t floor_bp, struct round_import_row *row,
    struct round_import_report *rep)
{
	static const struct {
		int	col;
		size_t	off;
	} money[] = {
		{ TC_WAGES, offsetof(struct service_line, costs.wages_ore) },
		{ TC_PROPERTY, offsetof(struct service_line,
		    costs.property_ore) },
		{ TC_OTHER, offsetof(struct service_line, costs.other_ore) },
		{ TC_OVERHEAD, offsetof(struct service_line,
		    costs.overhead_ore) },
		{ TC_CAPITAL, offsetof(struct service_line,
		    costs.capital_ore) },
		{ TC_PENSION, offsetof(struct service_line,
		    costs.pension_ore) },
		{ TC_INCOME, offsetof(struct service_line, income_ore) },
		{ TC_CARRY, offsetof(struct service_line, carry_over_ore) },
	};
	struct service_line	*l = &row->line;
	const char		*unit, *reason;
	struct err		 e;
	int64_t			 v;
	bool			 present, any = false;
	size_t			 i;
	int			 bad = 0, c;

	memset(row, 0, sizeof(*row));
	row->row = (int)rn;
	l->hist_bp[0] = l->hist_bp[1] = -1;
	for (c = TC_PARAGRAPH; c <= (referral ? TC_REFERRED_BEFORE : TC_REASON);
	    c++)
		if (xlsx_read_cell(sh, rn, (uint32_t)c) != NULL &&
		    !(xlsx_read_cell(sh, rn, (uint32_t)c)->type ==
		    XLSX_CELL_STRING &&
		    *xlsx_read_cell(sh, rn, (uint32_t)c)->text == '\0'))
			any = true;
	err_clear(&e);
	if (cell_int(sh, rn, TC_OFFER, "Tilbudsnummeret", &row->offer_id,
	    &present, &e) != 0) {
		add_error(rep, &e);
		return -1;
	}
	if (!present) {
		if (!any)
			return 1;
		err_set(&e, ERR_INVALID, "missing_field", "offer_id",
		    "Rækken mangler tilbudsnummeret");
		cell_error(&e, (int)rn, TC_OFFER);
		add_error(rep, &e);
		return -1;
	}
	if (!any)
		return 1;
	err_clear(&e);
	if (cell_str(s, sh, rn, TC_PARAGRAPH, &l->paragraph, &e) != 0 ||
	    cell_str(s, sh, rn, TC_LEVEL, &l->level, &e) != 0 ||
	    cell_str(s, sh, rn, TC_UNIT, &unit, &e) != 0 ||
	    cell_str(s, sh, rn, TC_REASON, &reason, &e) != 0) {
		add_error(rep, &e);
		return -1;
	}
	l->reason = *reason ? reason : NULL;
	if (round_io_unit_parse_da(unit, &l->unit) != 0) {
		err_set(&e, ERR_INVALID, "invalid_unit", "unit", "Ukendt enhed "
		    "»%.40s« (døgn, måned, time eller år)", unit);
		cell_error(&e, (int)rn, TC_UNIT);
		bad = fail(rep, &e);
	}
	err_clear(&e);
	if (cell_centi(sh, rn, TC_PLACES, "Pladser", false, &l->places_centi,
	    &present, &e) != 0)
		bad = fail(rep, &e);
	err_clear(&e);
	if (cell_int(sh, rn, TC_DAYS, "Åbningsdage", &l->days, &present, &e)
	    != 0)
		bad = fail(rep, &e);
	err_clear(&e);
	if (cell_int(sh, rn, TC_MONTH_DAYS, "Dage i måneden", &l->month_days,
	    &present, &e) != 0)
		bad = fail(rep, &e);
	err_clear(&e);
	if (cell_centi(sh, rn, TC_HOURS, "Timer", false, &l->hours_centi,
	    &present, &e) != 0)
		bad = fail(rep, &e);
	err_clear(&e);
	if (cell_pct(sh, rn, TC_OCC, &l->occupancy_bp, &present, &e) != 0)
		bad = fail(rep, &e);
	else if (present && l->occupancy_bp < floor_bp) {
		struct buf b;

		buf_init(&b);
		text_format_centi_da(&b, l->occupancy_bp);
		err_set(&e, ERR_INVALID, "occupancy_too_low", "occupancy_pct",
		    "den budgetterede belægning er %s %%, under %lld %%; skriv "
		    "procenten som fx 95 for 95 %%", buf_str(&b),
		    (long long)(floor_bp / 100));
		buf_cleanup(&b);
		cell_error(&e, (int)rn, TC_OCC);
		bad = fail(rep, &e);
	}
	for (i = 0; i < 2; i++) {
		err_clear(&e);
		if (cell_pct(sh, rn, (uint32_t)(TC_HIST1 + i), &v, &present,
		    &e) != 0)
			bad = fail(rep, &e);
		else if (present)
			l->hist_bp[i] = v;
	}
	for (i = 0; i < sizeof(money) / sizeof(money[0]); i++) {
		err_clear(&e);
		if (cell_centi(sh, rn, (uint32_t)money[i].col, "Beløbet", true,
		    &v, &present, &e) != 0)
			bad = fail(rep, &e);
		else
			*(int64_t *)(void *)((char *)l + money[i].off) = v;
	}
	if (referral) {
		err_clear(&e);
		if (cell_referral(s, sh, rn, TC_REFERRED_FROM,
		    &l->referred_from, &e) != 0)
			bad = fail(rep, &e);
		err_clear(&e);
		if (cell_referral(s, sh, rn, TC_REFERRED_BEFORE,
		    &l->referred_before, &e) != 0)
			bad = fail(rep, &e);
	}
	return bad;
}

/* Column of a cell reference ("M5" → 13), 0 when there is none. */
static uint32_t
ref_col(const char *ref)
{
	uint32_t row, col;

	return xlsx_read_ref_parse(ref, &row, &col) == 0 ? col : 0;
}

/* Errors by row, then column; whole-file errors (row 0) first. */
static int
err_row_cmp(const void *a, const void *b)
{
	const struct err	*x = a, *y = b;
	uint32_t		 cx, cy;

	if (x->line != y->line)
		return x->line < y->line ? -1 : 1;
	cx = ref_col(x->field);
	cy = ref_col(y->field);
	return cx < cy ? -1 : cx > cy;
}

/*
 * The hidden sheet of a template: which round and operator it is for.
 * Files without it (made by hand, or before it existed) pass; a file of
 * another round or operator is refused. *file_op receives the operator
 * the file names ("" when none).
 */
static int
check_meta(struct svc *s, struct xlsx_book *book,
    const struct tariff_round *r, const char *expected_op,
    const char **file_op, struct err *e)
{
	const struct xlsx_sheet	*m;
	const char		*kind, *op, *name;
	int64_t			 year = 0, no = 0;
	struct err		 ie;

	*file_op = "";
	err_clear(&ie);
	if (xlsx_read_sheet(book, ROUND_XLSX_META_SHEET, &m, &ie) != 0)
		return 0;
	if (xlsx_cell_text(m, ROUND_XLSX_META_KIND, 2, &kind, &ie) != 0 ||
	    strcmp(kind, ROUND_XLSX_KIND) != 0)
		return 0;
	if (xlsx_cell_int(m, ROUND_XLSX_META_YEAR, 2, &year, &ie) != 0 ||
	    xlsx_cell_int(m, ROUND_XLSX_META_ROUND_NO, 2, &no, &ie) != 0)
		return err_set(e, ERR_INVALID, "wrong_template", NULL,
		    "Filen siger ikke, hvilken runde den hører til; hent en "
		    "ny skabelon fra runden");
	if (year != r->year || no != r->no)
		return err_set(e, ERR_INVALID, "wrong_round", NULL,
		    "Filen er skabelonen til takståret %lld, runde %lld, men "
		    "du indlæser den i takståret %d, runde %d. Hent "
		    "skabelonen fra denne runde og skriv tallene ind i den",
		    (long long)year, (long long)no, r->year, r->no);
	if (xlsx_cell_text(m, ROUND_XLSX_META_OPERATOR, 2, &op, &ie) != 0)
		op = "";
	if (xlsx_cell_text(m, ROUND_XLSX_META_OPERATOR_NAME, 2, &name,
	    &ie) != 0 || *name == '\0')
		name = op;
	*file_op = arena_strdup(s->arena, op);
	if (*expected_op && *op && strcmp(op, expected_op) != 0)
		return err_set(e, ERR_INVALID, "wrong_operator", NULL,
		    "Filen er skabelonen for driftsherren %.100s (%.10s), "
		    "ikke for %.10s. Hent skabelonen for den rigtige "
		    "driftsherre", name, op, expected_op);
	return 0;
}

/* Every row's offer is run by operator op (when op is not ""). */
static void
check_rows_operator(struct svc *s, int64_t round_id,
    const struct round_import_row *rows, size_t n, const char *op,
    struct round_import_report *rep)
{
	struct submission	*subs;
	struct err		 e;
	size_t			 nsubs, i, k;

	err_clear(&e);
	if (*op == '\0' || round_submissions(s, round_id, &subs, &nsubs, &e)
	    != 0)
		return;
	for (i = 0; i < n; i++) {
		if (i > 0 && rows[i].offer_id == rows[i - 1].offer_id)
			continue;
		for (k = 0; k < nsubs; k++)
			if (subs[k].offer_id == rows[i].offer_id)
				break;
		if (k == nsubs || strcmp(subs[k].operator_code, op) == 0)
			continue;
		err_clear(&e);
		err_set(&e, ERR_INVALID, "forbidden", "offer_id", "Tilbud nr. "
		    "%lld drives af %.100s, ikke af driftsherren %.10s, som "
		    "filen er til", (long long)rows[i].offer_id,
		    subs[k].operator_name, op);
		cell_error(&e, rows[i].row, TC_OFFER);
		add_error(rep, &e);
	}
}

int
round_io_upload(struct svc *s, int64_t round_id, const char *operator_code,
    const void *data, size_t len, struct round_import_report *rep,
    struct err *e)
{
	const struct xlsx_sheet	*sh;
	struct xlsx_book	*book;
	struct round_import_row	*rows;
	struct round_import_report check;
	struct agreement_params	 p;
	struct tariff_round	 r;
	struct err		 he, *perr;
	const char		*t, *expected, *file_op;
	size_t			 n = 0, i;
	uint32_t		 rn;
	int			 rc, k, nperr;
	bool			 referral;

	memset(rep, 0, sizeof(*rep));
	rep->errors = arena_calloc(s->arena, ROUND_IMPORT_ERRORS_MAX,
	    sizeof(*rep->errors));
	if ((rc = round_get(s, round_id, &r, NULL, e)) != 0 ||
	    (rc = agreement_params_get(s, r.year, &p, e)) != 0)
		return rc;
	expected = operator_of(s, operator_code);
	if ((rc = xlsx_read_open(&book, s->arena, data, len, e)) != 0)
		return rc;
	rc = xlsx_read_sheet(book, ROUND_IO_SHEET, &sh, e);
	if (rc == 0)
		rc = check_meta(s, book, &r, expected, &file_op, e);
	xlsx_read_close(book);
	if (rc == ERR_NOT_FOUND)
		return err_set(e, ERR_INVALID, "missing_sheet", NULL,
		    "Filen har intet ark ved navn »%s«; brug skabelonen fra "
		    "runden", ROUND_IO_SHEET);
	if (rc != 0)
		return rc;
	if (*expected == '\0')
		expected = file_op;
	/* The header must be the template's. */
	if (xlsx_cell_text(sh, 1, TC_OFFER, &t, NULL) != 0 ||
	    strcmp(t, "Tilbud nr.") != 0 ||
	    xlsx_cell_text(sh, 1, TC_WAGES, &t, NULL) != 0 ||
	    strcmp(t, "Løn (kr.)") != 0 ||
	    xlsx_cell_text(sh, 1, TC_REASON, &t, NULL) != 0 ||
	    strcmp(t, "Begrundelse") != 0) {
		err_clear(&he);
		err_set(&he, ERR_INVALID, "wrong_columns", "A1",
		    "Arket har ikke skabelonens kolonner (række 1 skal starte "
		    "med »Tilbud nr.«); hent en ny skabelon");
		cell_error(&he, 1, TC_OFFER);
		add_error(rep, &he);
		return err_set(e, ERR_INVALID, "import_failed", NULL, "%s",
		    he.msg);
	}
	/* Templates from before the referral columns hold the tariff
	   there; their lines are for every citizen. */
	referral = xlsx_cell_text(sh, 1, TC_REFERRED_FROM, &t, NULL) == 0 &&
	    strcmp(t, "Visiteret fra") == 0;
	rows = arena_calloc(s->arena, sh->nrows ? sh->nrows : 1,
	    sizeof(*rows));
	for (rn = 2; rn <= sh->nrows; rn++) {
		if (read_row(s, sh, rn, referral, p.occupancy_floor_bp,
		    &rows[n], rep) == 0)
			n++;
	}
	if (s->who->role != ROLE_OPERATOR)
		check_rows_operator(s, round_id, rows, n, expected, rep);
	if (n == 0 && rep->nerrors == 0)
		return err_set(e, ERR_INVALID, "no_lines", NULL,
		    "Arket »%s« har ingen udfyldte ydelseslinjer",
		    ROUND_IO_SHEET);
	/* The rows read are checked as the import would, so the file's
	   errors are all reported at once. */
	nperr = rep->nerrors;
	perr = arena_calloc(s->arena, (size_t)nperr + 1, sizeof(*perr));
	memcpy(perr, rep->errors, (size_t)nperr * sizeof(*perr));
	if (nperr > 0) {
		memset(&check, 0, sizeof(check));
		err_clear(&he);
		if (n > 0)
			round_import_lines(s, round_id, rows, n,
			    ROUND_IMPORT_CHECK, &check, &he);
		rep->nerrors = 0;
		for (k = 0; k < check.nerrors; k++)
			add_error(rep, &check.errors[k]);
		rc = ERR_INVALID;
	} else
		rc = round_import_lines(s, round_id, rows, n, 0, rep, e);
	/* Name the cell of every line error. */
	for (i = 0; i < (size_t)rep->nerrors; i++)
		if (rep->errors[i].line > 0)
			cell_error(&rep->errors[i], rep->errors[i].line,
			    col_of_field(rep->errors[i].field));
	for (k = 0; k < nperr; k++)
		add_error(rep, &perr[k]);
	qsort(rep->errors, (size_t)rep->nerrors, sizeof(*rep->errors),
	    err_row_cmp);
	if (rc != 0 && rep->nerrors > 0)
		return err_set(e, ERR_INVALID, "import_failed", NULL,
		    "%d fejl i filen; intet er gemt", rep->nerrors);
	return rc;
}
