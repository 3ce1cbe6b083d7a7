/*
 * indmelding_io — templates, uploads, report files and the DAS item of
 * the yearly submissions (see indmelding_io.h).
 */
#include <stddef.h>
#include <stdio.h>
#include <strings.h>
#include <string.h>

#include "core/indmelding.h"
#include "core/meeting.h"
#include "report/indmelding_pdf.h"
#include "report/xlsx.h"
#include "report/xlsx_read.h"
#include "service/indmelding.h"
#include "service/indmelding_io.h"
#include "service/meeting.h"
#include "service/svc.h"
#include "util/arena.h"
#include "util/buf.h"
#include "util/err.h"
#include "util/text.h"

/* The template's columns (1-based), per kind; 0 ends a list. */
enum { C_OFFER = 1, C_NAME = 2, C_FIRST = 3 };

/* A column of the template: title and the line field it fills. */
struct tcol {
	const char	*title;
	const char	*field;		/* ind_line_check()'s field name */
	char		 type;		/* 'p' hundredths, 'i' integer,
					   'c' change, 't' text */
};

static const struct tcol mcols[] = {
	{ "Forventede pladser", "use_places", 'p' },
	{ "Forventede døgn", "use_days", 'i' },
	{ "Ændring (mere, mindre, uændret)", "change", 'c' },
	{ "Ønskede ændringer", "change_note", 't' },
	{ "Hvorfor intet forbrug", "no_use_reason", 't' },
	{ "Bruger i stedet", "alternative", 't' },
	{ NULL, NULL, 0 },
};

static const struct tcol ocols[] = {
	{ "Kapacitet (pladser)", "capacity", 'p' },
	{ "Belægning sidste år (%)", "occupancy", 'p' },
	{ "Belægning året før (%)", "occupancy_prev", 'p' },
	{ "Venteliste (antal)", "waiting", 'i' },
	{ "Optageområde", "catchment", 't' },
	{ "Udvikling", "development", 't' },
	{ "Planlagte lukninger eller nye tilbud", "plans", 't' },
	{ "Link til ydelsesbeskrivelse", "declaration_url", 't' },
	{ NULL, NULL, 0 },
};

/* The address of field f of line l: an int64_t or a const char *. */
static void *
slot(struct ind_line *l, const char *f)
{
	static const struct { const char *f; size_t off; } map[] = {
		{ "use_places", offsetof(struct ind_line, use_places_centi) },
		{ "use_days", offsetof(struct ind_line, use_days) },
		{ "change", offsetof(struct ind_line, change) },
		{ "change_note", offsetof(struct ind_line, change_note) },
		{ "no_use_reason", offsetof(struct ind_line, no_use_reason) },
		{ "alternative", offsetof(struct ind_line, alternative) },
		{ "capacity", offsetof(struct ind_line, capacity_centi) },
		{ "occupancy", offsetof(struct ind_line, occupancy_bp) },
		{ "occupancy_prev",
		    offsetof(struct ind_line, occupancy_prev_bp) },
		{ "waiting", offsetof(struct ind_line, waiting) },
		{ "catchment", offsetof(struct ind_line, catchment) },
		{ "development", offsetof(struct ind_line, development) },
		{ "plans", offsetof(struct ind_line, plans) },
		{ "declaration_url",
		    offsetof(struct ind_line, declaration_url) },
	};
	size_t i;

	for (i = 0; i < sizeof(map) / sizeof(map[0]); i++)
		if (strcmp(map[i].f, f) == 0)
			return (char *)l + map[i].off;
	return NULL;
}

static const struct tcol *
cols_of(enum ind_kind k)
{
	return k == IND_MUNICIPALITY ? mcols : ocols;
}

/* The second sheet's columns, its dropdown and the wishes' row label. */
enum { F_GROUP = 1, F_FIT = 2, F_NOTE = 3 };
static const struct xlsx_column fcols[] = {
	{ "Målgruppe", 40, NULL },
	{ "Sammenhæng mellem udbud og efterspørgsel (1–5)", 22, NULL },
	{ "Hvad mangler, og ønsker til nye tilbud", 60, NULL },
};
static const char *const fit_values[] = { "1", "2", "3", "4", "5",
    "ved ikke", NULL };
#define WISHES_LABEL	"Ønsker til nye tilbud (generelt)"

/* The sheet of target groups: one row a group, then the wishes. */
static int
fits_sheet(struct xlsx *x, const struct ind_sub *sub, struct err *e)
{
	const struct ind_fit	*f;
	size_t			 g, i;
	int			 rc;

	if ((rc = xlsx_sheet(x, IND_IO_FITS, fcols, 3, e)) != 0)
		return rc;
	for (g = 0; g < IND_GROUP_COUNT; g++) {
		for (f = NULL, i = 0; i < sub->nfit; i++)
			if (strcmp(sub->fits[i].grp, ind_groups[g].key) == 0)
				f = &sub->fits[i];
		xlsx_text(x, ind_groups[g].label);
		if (f == NULL || f->fit < 0)
			xlsx_blank(x);
		else if (f->fit == 0)
			xlsx_text(x, "ved ikke");
		else
			xlsx_int(x, f->fit);
		xlsx_text(x, f != NULL ? f->note : NULL);
		xlsx_end_row(x);
	}
	xlsx_text(x, WISHES_LABEL);
	xlsx_blank(x);
	xlsx_text(x, sub->general);
	xlsx_end_row(x);
	xlsx_dropdown(x, F_FIT - 1, 1, IND_GROUP_COUNT, fit_values,
	    "Vælg 1 (passer dårligt) til 5 (passer godt) eller »ved ikke«");
	return 0;
}

int
ind_io_template(struct svc *s, int64_t sub_id, const char *path,
    struct err *e)
{
	struct xlsx_column	 xc[16];
	struct ind_sub_view	 v;
	const struct tcol	*tc;
	struct xlsx		*x;
	struct ind_line		*l;
	size_t			 i;
	int			 rc, c, n;

	if ((rc = ind_sub_get(s, sub_id, &v, e)) != 0)
		return rc;
	tc = cols_of(v.sub.kind);
	memset(xc, 0, sizeof(xc));
	xc[0] = (struct xlsx_column){ "Tilbud nr.", 10, NULL };
	xc[1] = (struct xlsx_column){ "Tilbud", 32, NULL };
	for (n = 2, c = 0; tc[c].title != NULL; c++, n++)
		xc[n] = (struct xlsx_column){ tc[c].title, tc[c].type == 't' ?
		    36 : 14, tc[c].type == 'p' ? "0.00" : NULL };
	if ((rc = xlsx_open(&x, path, IND_IO_SHEET, xc, n, e)) != 0)
		return rc;
	for (i = 0; i < v.sub.nline; i++) {
		l = &v.sub.lines[i];
		xlsx_int(x, l->offer_id);
		xlsx_text(x, l->offer_name);
		for (c = 0; tc[c].title != NULL; c++) {
			void *p = slot(l, tc[c].field);

			if (tc[c].type == 't')
				xlsx_text(x, *(const char **)p);
			else if (tc[c].type == 'c')
				xlsx_text(x, ind_change_label(
				    *(enum ind_change *)p));
			else if (*(int64_t *)p < 0)
				xlsx_blank(x);
			else if (tc[c].type == 'p')
				xlsx_centi(x, *(int64_t *)p);
			else
				xlsx_int(x, *(int64_t *)p);
		}
		xlsx_end_row(x);
	}
	if (v.sub.kind == IND_MUNICIPALITY &&
	    (rc = fits_sheet(x, &v.sub, e)) != 0) {
		xlsx_discard(x);
		return rc;
	}
	return xlsx_close(x, e);
}

/* Prefix e's message with the cell and set field and line to it. */
static void
at_cell(struct err *e, uint32_t row, uint32_t col)
{
	char	ref[XLSX_REF_SIZE], msg[sizeof(e->msg)];

	xlsx_read_ref_format(ref, row, col);
	if (strncmp(e->msg, "Celle ", 6) != 0) {
		memcpy(msg, e->msg, sizeof(msg));
		msg[sizeof(msg) - 1] = '\0';
		snprintf(e->msg, sizeof(e->msg), "Celle %s: %.480s", ref, msg);
	}
	snprintf(e->field, sizeof(e->field), "%s", ref);
	e->line = (int)row;
}

static void
push(struct ind_import_report *rep, const struct err *e)
{
	if (rep->nerrors < IND_ERRORS_MAX)
		rep->errors[rep->nerrors++] = *e;
}

/* Read row rn into l: 0, 1 for an empty row, -1 after an error. */
static int
read_row(struct svc *s, const struct xlsx_sheet *sh, uint32_t rn,
    enum ind_kind kind, struct ind_line *l, struct ind_import_report *rep)
{
	const struct tcol	*tc = cols_of(kind);
	const char		*t;
	struct err		 e;
	int64_t			 v;
	uint32_t		 c;
	int			 rc, bad = 0;
	bool			 any = false;

	for (c = 1; c <= C_FIRST + 10; c++)
		if (xlsx_read_cell(sh, rn, c) != NULL)
			any = true;
	if (!any)
		return 1;
	err_clear(&e);
	if ((rc = xlsx_cell_int(sh, rn, C_OFFER, &v, &e)) != 0) {
		if (rc == ERR_NOT_FOUND)
			err_set(&e, ERR_INVALID, "missing_offer", NULL,
			    "Angiv tilbuddets nummer");
		at_cell(&e, rn, C_OFFER);
		push(rep, &e);
		return -1;
	}
	ind_line_init(l, v);
	for (c = 0; tc[c].title != NULL; c++) {
		uint32_t	 col = C_FIRST + c;
		void		*p = slot(l, tc[c].field);

		err_clear(&e);
		rc = 0;
		if (tc[c].type == 'p')
			rc = xlsx_cell_ore(sh, rn, col, (int64_t *)p, &e);
		else if (tc[c].type == 'i')
			rc = xlsx_cell_int(sh, rn, col, (int64_t *)p, &e);
		else if ((rc = xlsx_cell_text(sh, rn, col, &t, &e)) == 0) {
			if (tc[c].type == 't')
				*(const char **)p = arena_strdup(s->arena, t);
			else if (ind_change_parse(t, (enum ind_change *)p)
			    != 0)
				rc = err_set(&e, ERR_INVALID, "invalid_change",
				    NULL, "Skriv mere, mindre eller uændret");
		}
		if (rc == ERR_NOT_FOUND) {
			if (tc[c].type == 'p' || tc[c].type == 'i')
				*(int64_t *)p = -1;
			continue;
		}
		if (rc != 0) {
			at_cell(&e, rn, col);
			push(rep, &e);
			bad = 1;
		}
	}
	return bad ? -1 : 0;
}

/* The template column of a line field, or 0. */
static uint32_t
col_of(enum ind_kind kind, const char *field)
{
	const struct tcol	*tc = cols_of(kind);
	uint32_t		 c;

	if (strcmp(field, "offer") == 0)
		return C_OFFER;
	for (c = 0; tc[c].title != NULL; c++)
		if (strcmp(tc[c].field, field) == 0)
			return C_FIRST + c;
	return 0;
}

/* e at cell row, col of the sheet of target groups. */
static void
at_fits_cell(struct err *e, uint32_t row, uint32_t col)
{
	char	ref[XLSX_REF_SIZE], msg[sizeof(e->msg)];
	const char *m = e->msg;

	xlsx_read_ref_format(ref, row, col);
	if (strncmp(m, "Celle ", 6) == 0 && (m = strstr(m, ": ")) != NULL)
		m += 2;
	else
		m = e->msg;
	snprintf(msg, sizeof(msg), "%s", m);
	snprintf(e->msg, sizeof(e->msg), "Celle %s i arket »%s«: %.440s", ref,
	    IND_IO_FITS, msg);
	snprintf(e->field, sizeof(e->field), "%s!%s", IND_IO_FITS, ref);
	e->line = (int)row;
}

/* The fit in cell rn, F_FIT: 1–5, 0 for "ved ikke", -1 when empty. */
static int
read_fit(const struct xlsx_sheet *sh, uint32_t rn, int *fit, struct err *e)
{
	const char	*t;
	int		 rc;

	*fit = -1;
	if ((rc = xlsx_cell_text(sh, rn, F_FIT, &t, e)) == ERR_NOT_FOUND)
		return 0;
	if (rc != 0)
		return rc;
	if (strcasecmp(t, "ved ikke") == 0) {
		*fit = 0;
		return 0;
	}
	if ((t[0] >= '1' && t[0] <= '5') && (t[1] == '\0' ||
	    strcmp(t + 1, ".0") == 0)) {
		*fit = t[0] - '0';
		return 0;
	}
	return err_set(e, ERR_INVALID, "invalid_fit", NULL,
	    "Vælg 1–5 eller »ved ikke«, ikke »%.40s«", t);
}

/*
 * Read the sheet of target groups into fu: a row per group named by its
 * label in column A (in any order; a group left out is not answered),
 * the wishes in the row WISHES_LABEL. Errors go to rep.
 */
static void
read_fits(struct svc *s, const struct xlsx_sheet *sh,
    struct ind_fits_upload *fu, struct ind_import_report *rep)
{
	struct ind_fit	*fits;
	struct err	 e;
	const char	*t;
	int		*rows, fit;
	bool		 seen[IND_GROUP_COUNT] = { false };
	uint32_t	 rn;
	size_t		 g;

	fits = arena_calloc(s->arena, IND_GROUP_COUNT, sizeof(*fits));
	rows = arena_calloc(s->arena, IND_GROUP_COUNT, sizeof(*rows));
	memset(fu, 0, sizeof(*fu));
	fu->fits = fits;
	fu->rows = rows;
	fu->general = "";
	err_clear(&e);
	if (xlsx_cell_text(sh, 1, F_GROUP, &t, NULL) != 0 ||
	    strcmp(t, fcols[0].title) != 0) {
		err_set(&e, ERR_INVALID, "wrong_columns", NULL, "Arket har "
		    "ikke skabelonens kolonner; hent en ny skabelon fra "
		    "indmeldingen");
		at_fits_cell(&e, 1, F_GROUP);
		push(rep, &e);
		return;
	}
	for (rn = 2; rn <= sh->nrows; rn++) {
		err_clear(&e);
		if (xlsx_cell_text(sh, rn, F_GROUP, &t, NULL) != 0) {
			if (xlsx_read_cell(sh, rn, F_FIT) == NULL &&
			    xlsx_read_cell(sh, rn, F_NOTE) == NULL)
				continue;
			t = "";
		}
		if (strcmp(t, WISHES_LABEL) == 0) {
			if (xlsx_cell_text(sh, rn, F_NOTE, &t, NULL) == 0)
				fu->general = arena_strdup(s->arena, t);
			fu->general_row = (int)rn;
			continue;
		}
		for (g = 0; g < IND_GROUP_COUNT; g++)
			if (strcmp(t, ind_groups[g].label) == 0)
				break;
		if (g == IND_GROUP_COUNT || seen[g]) {
			err_set(&e, ERR_INVALID, "unknown_group", NULL,
			    g == IND_GROUP_COUNT ? "Ukendt målgruppe »%.60s«; "
			    "brug skabelonens navne" : "Målgruppen »%.60s« står "
			    "to gange", t);
			at_fits_cell(&e, rn, F_GROUP);
			push(rep, &e);
			continue;
		}
		seen[g] = true;
		if (read_fit(sh, rn, &fit, &e) != 0) {
			at_fits_cell(&e, rn, F_FIT);
			push(rep, &e);
			continue;
		}
		fits[fu->n].grp = ind_groups[g].key;
		fits[fu->n].fit = fit;
		fits[fu->n].note = xlsx_cell_text(sh, rn, F_NOTE, &t, NULL) ==
		    0 ? arena_strdup(s->arena, t) : NULL;
		rows[fu->n++] = (int)rn;
	}
}

/* The row and cell of a service error on the sheet of target groups. */
static bool
fits_error_cell(const struct ind_fits_upload *fu, struct err *e)
{
	size_t	i;
	int	col;

	if (strcmp(e->field, "general") == 0) {
		at_fits_cell(e, (uint32_t)(fu->general_row > 0 ?
		    fu->general_row : IND_GROUP_COUNT + 2), F_NOTE);
		return true;
	}
	if (strncmp(e->field, "fit_", 4) == 0)
		col = F_FIT;
	else if (strncmp(e->field, "note_", 5) == 0)
		col = F_NOTE;
	else
		return false;
	for (i = 0; i < fu->n; i++)
		if (fu->rows[i] == e->line) {
			at_fits_cell(e, (uint32_t)e->line, (uint32_t)col);
			return true;
		}
	return false;
}

int
ind_io_upload(struct svc *s, int64_t sub_id, const void *data, size_t len,
    struct ind_import_report *rep, struct err *e)
{
	const struct xlsx_sheet	*sh, *fsh = NULL;
	struct xlsx_book	*book;
	struct ind_sub_view	 v;
	struct ind_fits_upload	 fu;
	struct ind_line		*lines;
	struct err		 he;
	const char		*t;
	int			*rows;
	size_t			 n = 0;
	uint32_t		 rn, col;
	int			 rc, i;

	memset(rep, 0, sizeof(*rep));
	rep->errors = arena_calloc(s->arena, IND_ERRORS_MAX,
	    sizeof(*rep->errors));
	if ((rc = ind_sub_get(s, sub_id, &v, e)) != 0)
		return rc;
	if ((rc = xlsx_read_open(&book, s->arena, data, len, e)) != 0)
		return rc;
	rc = xlsx_read_sheet(book, IND_IO_SHEET, &sh, e);
	if (rc == 0 && v.sub.kind == IND_MUNICIPALITY &&
	    (rc = xlsx_read_sheet(book, IND_IO_FITS, &fsh, e)) ==
	    ERR_NOT_FOUND) {
		fsh = NULL;
		rc = 0;
	}
	xlsx_read_close(book);
	if (rc == ERR_NOT_FOUND)
		return err_set(e, ERR_INVALID, "missing_sheet", NULL,
		    "Filen har intet ark ved navn »%s«; brug skabelonen fra "
		    "indmeldingen", IND_IO_SHEET);
	if (rc != 0)
		return rc;
	if (xlsx_cell_text(sh, 1, C_OFFER, &t, NULL) != 0 ||
	    strcmp(t, "Tilbud nr.") != 0 ||
	    xlsx_cell_text(sh, 1, C_FIRST, &t, NULL) != 0 ||
	    strcmp(t, cols_of(v.sub.kind)[0].title) != 0) {
		err_clear(&he);
		err_set(&he, ERR_INVALID, "wrong_columns", NULL,
		    "Arket har ikke skabelonens kolonner; hent en ny "
		    "skabelon fra indmeldingen");
		at_cell(&he, 1, C_OFFER);
		push(rep, &he);
		return err_set(e, ERR_INVALID, "import_failed", NULL, "%s",
		    he.msg);
	}
	lines = arena_calloc(s->arena, sh->nrows + 1, sizeof(*lines));
	rows = arena_calloc(s->arena, sh->nrows + 1, sizeof(*rows));
	for (rn = 2; rn <= sh->nrows; rn++)
		if (read_row(s, sh, rn, v.sub.kind, &lines[n], rep) == 0)
			rows[n++] = (int)rn;
	if (fsh != NULL)
		read_fits(s, fsh, &fu, rep);
	if (rep->nerrors > 0)
		return err_set(e, ERR_INVALID, "import_failed", NULL,
		    "%d fejl i filen; intet er gemt", rep->nerrors);
	if (n == 0 && fsh == NULL)
		return err_set(e, ERR_INVALID, "no_lines", NULL,
		    "Arket »%s« har ingen udfyldte rækker", IND_IO_SHEET);
	rc = ind_lines_import(s, sub_id, lines, rows, n, fsh != NULL ? &fu :
	    NULL, rep, e);
	/* The service names fields; the user needs the sheet and cells. */
	for (i = 0; i < rep->nerrors; i++) {
		if (fsh != NULL && fits_error_cell(&fu, &rep->errors[i]))
			continue;
		if ((col = col_of(v.sub.kind, rep->errors[i].field)) != 0)
			at_cell(&rep->errors[i], (uint32_t)rep->errors[i].line,
			    col);
	}
	return rc;
}

int
ind_io_report_xlsx(struct svc *s, const struct ind_report *r,
    const char *path, struct err *e)
{
	static const struct xlsx_column cols[] = {
		{ "Tilbud nr.", 10, NULL }, { "Tilbud", 32, NULL },
		{ "Driftsherre", 20, NULL },
		{ "Kapacitet (pladser)", 12, "0.00" },
		{ "Forventet forbrug (pladser)", 12, "0.00" },
		{ "Kommuner der har svaret", 10, NULL },
		{ "Heraf uden forbrug", 10, NULL },
		{ "Forbrug sidste år (pladser)", 12, "0.00" },
		{ "Belægning sidste år (%)", 12, "0.00" },
		{ "Belægning året før (%)", 12, "0.00" },
		{ "Venteliste", 10, NULL }, { "Markeringer", 40, NULL },
		{ "Udvikling", 40, NULL }, { "Planer", 40, NULL },
	};
	const struct ind_report_row	*row;
	struct xlsx			*x;
	struct buf			 b;
	size_t				 i;
	unsigned			 bit;
	int				 rc, k;

	(void)s;
	if ((rc = xlsx_open(&x, path, "Statusbillede", cols,
	    (int)(sizeof(cols) / sizeof(cols[0])), e)) != 0)
		return rc;
	buf_init(&b);
	for (i = 0; i < r->nrows; i++) {
		row = &r->rows[i];
		xlsx_int(x, row->offer_id);
		xlsx_text(x, row->offer_name);
		xlsx_text(x, row->operator_name);
#define OPT(v, f) do { if ((v) < 0) xlsx_blank(x); else f(x, (v)); } while (0)
		OPT(row->capacity_centi, xlsx_centi);
		OPT(row->demand_centi, xlsx_centi);
		xlsx_int(x, row->answers);
		xlsx_int(x, row->no_use);
		OPT(row->prev_demand_centi, xlsx_centi);
		OPT(row->occupancy_bp, xlsx_centi);
		OPT(row->occupancy_prev_bp, xlsx_centi);
		OPT(row->waiting, xlsx_int);
		buf_reset(&b);
		for (k = 0, bit = 1; k < IND_FLAG_COUNT; k++, bit <<= 1)
			if (row->flags & bit)
				buf_printf(&b, "%s%s", b.len ? ", " : "",
				    ind_flag_label(bit));
		xlsx_text(x, buf_str(&b));
		xlsx_text(x, row->development);
		xlsx_text(x, row->plans);
		xlsx_end_row(x);
	}
	xlsx_blank(x);
	xlsx_text(x, "I alt");
	xlsx_blank(x);
	xlsx_centi(x, r->capacity_centi);
	xlsx_centi(x, r->demand_centi);
	xlsx_blank(x);
	xlsx_blank(x);
	OPT(r->prev_demand_centi, xlsx_centi);
#undef OPT
	xlsx_blank(x);
	xlsx_blank(x);
	xlsx_int(x, r->waiting);
	xlsx_end_row(x);
	buf_cleanup(&b);
	return xlsx_close(x, e);
}

int
ind_io_report_pdf(struct svc *s, int64_t year_id, struct buf *out,
    struct err *e)
{
	struct ind_report	r;
	int			rc;

	if ((rc = ind_report(s, year_id, &r, e)) != 0)
		return rc;
	return indmelding_pdf_write(&r, out, e);
}

/* The item's background: totals, flagged offers, the comments. */
static const char *
background(struct svc *s, const struct ind_report *r)
{
	struct buf	b;
	size_t		i;
	unsigned	bit;
	int		k;
	char		*out;

	buf_init(&b);
	buf_printf(&b, "Sekretariatet har samlet indmeldingerne for %d fra "
	    "%lld af %lld kommuner og %lld af %lld driftsherrer i et "
	    "statusbillede, som har været i fælles skriftlig høring.\n\n"
	    "Kapacitet i alt: ", r->year.year,
	    (long long)r->progress.done[IND_MUNICIPALITY],
	    (long long)r->progress.total[IND_MUNICIPALITY],
	    (long long)r->progress.done[IND_OPERATOR],
	    (long long)r->progress.total[IND_OPERATOR]);
	text_format_centi_da(&b, r->capacity_centi);
	buf_puts(&b, " pladser. Forventet forbrug i alt: ");
	text_format_centi_da(&b, r->demand_centi);
	buf_puts(&b, " pladser. På venteliste: ");
	text_format_int_da(&b, r->waiting);
	buf_puts(&b, ".\n");
	for (k = 0, bit = 1; k < IND_FLAG_COUNT; k++, bit <<= 1) {
		if (r->flagged[k] == 0)
			continue;
		buf_printf(&b, "\n%s:", ind_flag_label(bit));
		for (i = 0; i < r->nrows; i++)
			if (r->rows[i].flags & bit)
				buf_printf(&b, "\n- %s", r->rows[i].offer_name);
		buf_puts(&b, "\n");
	}
	buf_printf(&b, "\nHøringssvar (%zu):", r->ncomments);
	for (i = 0; i < r->ncomments; i++)
		buf_printf(&b, "\n- %s, %s: %s", r->comments[i].org_name,
		    r->comments[i].offer_name != NULL ?
		    r->comments[i].offer_name : "generelt",
		    r->comments[i].text);
	if (r->ncomments == 0)
		buf_puts(&b, " ingen.");
	buf_puts(&b, "\n\nStatusbilledet med høringssvarene er vedlagt.");
	out = arena_strdup(s->arena, buf_str(&b));
	buf_cleanup(&b);
	return out;
}

int
ind_io_agenda(struct svc *s, int64_t year_id, int64_t expected_version,
    int64_t *meeting_id, int64_t *item_id, struct err *e)
{
	struct ind_report	 r;
	struct item_input	 in;
	struct buf		 pdf;
	struct err		 ignored;
	const char		*mtitle, *mstart, *name;
	int64_t			 att, mid;
	int			 rc;

	if ((rc = ind_report(s, year_id, &r, e)) != 0)
		return rc;
	if (r.year.status != IND_HEARING)
		return err_set(e, ERR_CONFLICT, "wrong_state", NULL,
		    r.year.status == IND_OPEN ? "Send statusbilledet i "
		    "høring, før det sættes på dagsordenen" :
		    "Statusbilledet er allerede sat på dagsordenen");
	if (r.year.version != expected_version)
		return err_set(e, ERR_PRECONDITION, "stale_version", NULL,
		    "Indmeldingen er ændret af en anden i mellemtiden; hent "
		    "den igen");
	if ((rc = ind_next_das(s, meeting_id, &mtitle, &mstart, e)) != 0)
		return rc;
	buf_init(&pdf);
	if ((rc = indmelding_pdf_write(&r, &pdf, e)) != 0) {
		buf_cleanup(&pdf);
		return rc;
	}
	memset(&in, 0, sizeof(in));
	in.section = SECTION_BEHANDLING;
	in.title = arena_printf(s->arena, "Statusbillede %d: kommunernes og "
	    "driftsherrernes indmeldinger og høringssvar", r.year.year);
	in.background = background(s, &r);
	in.recommendation = "Det indstilles, at DAS drøfter statusbilledet "
	    "og høringssvarene.";
	name = arena_printf(s->arena, "Statusbillede %d", r.year.year);
	if ((rc = meeting_item_add(s, *meeting_id, &in, item_id, e)) != 0) {
		buf_cleanup(&pdf);
		return rc;
	}
	rc = meeting_attachment_add(s, *item_id, name, arena_printf(s->arena,
	    "statusbillede-%d.pdf", r.year.year), pdf.data, pdf.len, false,
	    NULL, &att, e);
	buf_cleanup(&pdf);
	if (rc == 0)
		rc = ind_set_agenda(s, year_id, expected_version, *meeting_id,
		    *item_id, e);
	if (rc != 0) {
		err_clear(&ignored);
		(void)meeting_item_delete(s, *item_id, &mid, &ignored);
		*item_id = 0;
	}
	return rc;
}
