/*
 * analysis_xlsx — the workbook of a tariff analysis (analysis_report.h):
 * "Oversigt" (the means in total, per operator, per paragraph and per
 * target group), "Linjer" (every line with its figures), "Nye og
 * lukkede" (the lines outside the panel and why) and "Om analysen" (what
 * it was computed from).
 */
#include <stdio.h>
#include <string.h>

#include "core/panel.h"
#include "core/pl.h"
#include "core/tariff.h"
#include "report/analysis_report.h"
#include "report/xlsx.h"
#include "service/analysis.h"
#include "service/pl.h"
#include "util/err.h"

#define KR	"#,##0.00"	/* kroner with øre */
#define PCT	"0.00"		/* percent with two decimals */
#define INT	"#,##0"

/* A figure in hundredths, or a blank cell when it cannot be had. */
static void
x_opt(struct xlsx *x, int64_t v)
{
	if (v == PANEL_NO_VALUE)
		xlsx_blank(x);
	else
		xlsx_centi(x, v);
}

static void
group_rows(struct xlsx *x, const char *kind, const struct panel_group *g,
    size_t n, const struct analysis *a)
{
	size_t i;

	for (i = 0; i < n; i++) {
		xlsx_text(x, kind);
		xlsx_text(x, g[i].label);
		xlsx_int(x, (int64_t)g[i].n);
		x_opt(x, g[i].unweighted_e2);
		x_opt(x, g[i].weighted_e2);
		x_opt(x, g[i].exp_from_fixed_ore);
		x_opt(x, g[i].exp_to_fixed_ore);
		if (a->cap_minus_e4 >= 0) {
			xlsx_int(x, (int64_t)g[i].cap_met_n);
			xlsx_int(x, (int64_t)g[i].cap_n);
		} else {
			xlsx_blank(x);
			xlsx_blank(x);
		}
		xlsx_text(x, g[i].target_met == 1 ? "Nået" :
		    g[i].target_met == 0 ? "Ikke nået" : NULL);
		xlsx_end_row(x);
	}
}

static int
overview(struct xlsx *x, const struct analysis_view *v, struct err *e)
{
	const struct analysis	*a = &v->a;
	char			 h[2][64];
	struct xlsx_column	 cols[] = {
		{ "Opdeling", 0, NULL }, { "Gruppe", 0, NULL },
		{ "Ydelser i panelet", 0, INT },
		{ "Real ændring uvægtet (%)", 0, PCT },
		{ "Real ændring vægtet med udgiften (%)", 0, PCT },
		{ h[0], 0, KR }, { h[1], 0, KR },
		{ "Ydelser under loftet", 0, INT },
		{ "Ydelser med takstgrundlag", 0, INT },
		{ "Reduktionsmål", 0, NULL },
	};
	int rc;

	snprintf(h[0], sizeof(h[0]), "Udgift %d i %d-priser (kr.)",
	    a->from_year, a->price_year);
	snprintf(h[1], sizeof(h[1]), "Udgift %d i %d-priser (kr.)",
	    a->to_year, a->price_year);
	if ((rc = xlsx_sheet(x, "Oversigt", cols, 10, e)) != 0)
		return rc;
	group_rows(x, "I alt", &v->total, 1, a);
	group_rows(x, "Driftsherre", v->by_operator, v->nby_operator, a);
	group_rows(x, "Paragraf", v->by_section, v->nby_section, a);
	group_rows(x, "Målgruppe", v->by_target, v->nby_target, a);
	return 0;
}

/* The columns every line sheet starts with. */
static void
line_head(struct xlsx *x, const struct panel_line *l)
{
	const struct panel_row *r = l->to != NULL ? l->to : l->from;

	xlsx_text(x, panel_kind_label(l->kind));
	xlsx_text(x, r->offer_name);
	xlsx_int(x, r->offer_id);
	xlsx_text(x, r->operator_name);
	xlsx_text(x, r->target_group);
	xlsx_text(x, r->paragraph);
	xlsx_text(x, r->level);
	xlsx_text(x, tariff_unit_label(r->unit));
}

/* Places and tariff of a year's row, or two blanks. */
static void
year_cells(struct xlsx *x, const struct panel_row *r)
{
	if (r != NULL) {
		xlsx_centi(x, r->places_centi);
		xlsx_centi(x, r->tariff_ore);
	} else {
		xlsx_blank(x);
		xlsx_blank(x);
	}
}

#define HEAD_COLS	8
static const struct xlsx_column head_cols[HEAD_COLS] = {
	{ "Status", 0, NULL }, { "Tilbud", 0, NULL },
	{ "Tilbud-id", 0, "0" }, { "Driftsherre", 0, NULL },
	{ "Målgruppe", 0, NULL }, { "Paragraf", 0, NULL },
	{ "Niveau", 0, NULL }, { "Takstenhed", 0, NULL },
};

static int
lines(struct xlsx *x, const struct analysis_view *v, struct err *e)
{
	const struct analysis	*a = &v->a;
	char			 h[9][64];
	struct xlsx_column	 cols[HEAD_COLS + 11];
	size_t			 i;
	int			 rc, f = a->from_year, t = a->to_year;
	int			 p = a->price_year;

	memcpy(cols, head_cols, sizeof(head_cols));
	snprintf(h[0], 64, "Pladser %d", f);
	snprintf(h[1], 64, "Takst %d (kr.)", f);
	snprintf(h[2], 64, "Takst %d i %d-priser (kr.)", f, p);
	snprintf(h[3], 64, "Pladser %d", t);
	snprintf(h[4], 64, "Takst %d (kr.)", t);
	snprintf(h[5], 64, "Takst %d i %d-priser (kr.)", t, p);
	snprintf(h[6], 64, "Udgift pr. plads pr. døgn %d i %d-priser (kr.)",
	    f, t);
	snprintf(h[7], 64, "Udgift pr. plads pr. døgn %d (kr.)", t);
	snprintf(h[8], 64, "Loft %d (kr.)", t);
	cols[8] = (struct xlsx_column){ h[0], 0, KR };
	cols[9] = (struct xlsx_column){ h[1], 0, KR };
	cols[10] = (struct xlsx_column){ h[2], 0, KR };
	cols[11] = (struct xlsx_column){ h[3], 0, KR };
	cols[12] = (struct xlsx_column){ h[4], 0, KR };
	cols[13] = (struct xlsx_column){ h[5], 0, KR };
	cols[14] = (struct xlsx_column){ "Real ændring (%)", 0, PCT };
	cols[15] = (struct xlsx_column){ h[6], 0, KR };
	cols[16] = (struct xlsx_column){ h[7], 0, KR };
	cols[17] = (struct xlsx_column){ h[8], 0, KR };
	cols[18] = (struct xlsx_column){ "Loft overholdt", 0, NULL };
	if ((rc = xlsx_sheet(x, "Linjer", cols, HEAD_COLS + 11, e)) != 0)
		return rc;
	for (i = 0; i < v->nlines; i++) {
		const struct panel_line *l = &v->lines[i];
		line_head(x, l);
		year_cells(x, l->from);
		x_opt(x, l->from_fixed_ore);
		year_cells(x, l->to);
		x_opt(x, l->to_fixed_ore);
		x_opt(x, l->real_change_e2);
		x_opt(x, l->cpd_from_fixed_ore);
		x_opt(x, l->cpd_to_ore);
		x_opt(x, l->cap_ore);
		xlsx_text(x, l->cap_met == 1 ? "Ja" : l->cap_met == 0 ? "Nej" :
		    NULL);
		xlsx_end_row(x);
	}
	return 0;
}

static int
apart(struct xlsx *x, const struct analysis_view *v, struct err *e)
{
	char			 h[4][64];
	struct xlsx_column	 cols[HEAD_COLS + 4];
	size_t			 i;
	int			 rc;

	memcpy(cols, head_cols, sizeof(head_cols));
	snprintf(h[0], 64, "Pladser %d", v->a.from_year);
	snprintf(h[1], 64, "Takst %d (kr.)", v->a.from_year);
	snprintf(h[2], 64, "Pladser %d", v->a.to_year);
	snprintf(h[3], 64, "Takst %d (kr.)", v->a.to_year);
	for (i = 0; i < 4; i++)
		cols[HEAD_COLS + i] = (struct xlsx_column){ h[i], 0, KR };
	if ((rc = xlsx_sheet(x, "Nye og lukkede", cols, HEAD_COLS + 4,
	    e)) != 0)
		return rc;
	for (i = 0; i < v->nlines; i++) {
		const struct panel_line *l = &v->lines[i];
		if (l->kind == PANEL_IN)
			continue;
		line_head(x, l);
		year_cells(x, l->from);
		year_cells(x, l->to);
		xlsx_end_row(x);
	}
	return 0;
}

static void
fact(struct xlsx *x, const char *k, const char *val)
{
	xlsx_text(x, k);
	xlsx_text(x, val);
	xlsx_end_row(x);
}

static void
fact_int(struct xlsx *x, const char *k, int64_t val)
{
	xlsx_text(x, k);
	xlsx_int(x, val);
	xlsx_end_row(x);
}

static void
fact_pct(struct xlsx *x, const char *k, int64_t e4)
{
	xlsx_text(x, k);
	if (e4 >= 0)
		xlsx_scaled(x, e4, 4);
	xlsx_end_row(x);
}

/* The ISO timestamp's date as a date cell. */
static void
fact_date(struct xlsx *x, const char *k, const char *iso)
{
	char d[11];

	if (iso == NULL)
		return;
	snprintf(d, sizeof(d), "%s", iso);
	xlsx_text(x, k);
	xlsx_date(x, d);
	xlsx_end_row(x);
}

static int
about(struct xlsx *x, const struct analysis_view *v, struct err *e)
{
	const struct analysis	*a = &v->a;
	struct xlsx_column	 cols[] = {
		{ "Oplysning", 0, NULL }, { "Værdi", 0, NULL },
	};
	int			 rc;

	if ((rc = xlsx_sheet(x, "Om analysen", cols, 2, e)) != 0)
		return rc;
	fact(x, "Titel", a->title);
	fact(x, "Status", analysis_state_label(a->state));
	fact_int(x, "Fra år", a->from_year);
	fact_int(x, "Til år", a->to_year);
	fact_int(x, "Prisår", a->price_year);
	fact(x, "Pris- og lønindeks", pl_known_title(a->series_name) ?
	    pl_known_title(a->series_name) : a->series_name);
	fact(x, "Serienavn", a->series_name);
	fact_int(x, "Version af serien", a->series_version);
	fact(x, "PL-faktor fra år til til år", v->factor);
	fact(x, "PL-faktor til år til prisår", v->price_factor);
	fact_pct(x, "Loft: PL minus (%)", a->cap_minus_e4);
	fact_pct(x, "Reduktionsmål (%)", a->target_e4);
	fact_int(x, "Ydelser i panelet", (int64_t)v->counts[PANEL_IN]);
	fact_int(x, "Ydelser uden for panelet", (int64_t)(v->nlines -
	    v->counts[PANEL_IN]));
	fact_date(x, "Oprettet", a->created_at);
	fact(x, "Oprettet af", a->created_by);
	fact_date(x, "Sendt i høring", a->sent_at);
	if (a->deadline != NULL)
		fact_date(x, "Høringsfrist", a->deadline);
	fact_date(x, "Endelig", a->finalised_at);
	return 0;
}

int
analysis_report_xlsx(const struct analysis_view *v, const char *path,
    struct err *e)
{
	struct xlsx	*x;
	int		 rc;

	if ((rc = xlsx_open_book(&x, path, e)) != 0)
		return rc;
	if ((rc = overview(x, v, e)) != 0 || (rc = lines(x, v, e)) != 0 ||
	    (rc = apart(x, v, e)) != 0 || (rc = about(x, v, e)) != 0) {
		xlsx_discard(x);
		return rc;
	}
	return xlsx_close(x, e);
}
