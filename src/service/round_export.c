/*
 * round_export — the files of a round given out (see round_io.h): the XLSX
 * template of a round for an operator, pre-filled with its lines and last
 * year's tariffs, and the published tariffs as CSV and XLSX (with the
 * cause of a change in the year as its Danish label).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/params.h"
#include "core/round.h"
#include "core/tariff.h"
#include "core/tariff_cause.h"
#include "report/csv.h"
#include "report/xlsx.h"
#include "report/round_xlsx.h"
#include "service/agreement.h"
#include "service/round.h"
#include "service/round_io.h"
#include "service/round_io_impl.h"
#include "service/svc.h"
#include "util/arena.h"
#include "util/buf.h"
#include "util/err.h"
#include "util/text.h"

static void
level_add(const char **v, size_t *n, size_t max, const char *level)
{
	size_t i;

	if (level == NULL || *level == '\0')
		return;
	for (i = 0; i < *n; i++)
		if (strcmp(v[i], level) == 0)
			return;
	if (*n < max)
		v[(*n)++] = level;
}

/* Last year's published tariff of line l of offer_id, or NULL. */
static const struct published_tariff *
prev_of_line(const struct published_tariff *v, size_t n, int64_t offer_id,
    const struct service_line *l)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (v[i].offer_id == offer_id && v[i].unit == l->unit &&
		    strcmp(v[i].paragraph, l->paragraph) == 0 &&
		    strcmp(v[i].level ? v[i].level : "", l->level ?
		    l->level : "") == 0)
			return &v[i];
	return NULL;
}

const char *
round_io_template_name(struct svc *s, const struct tariff_round *r,
    const char *operator_code)
{
	const char *op = operator_of(s, operator_code);

	return arena_printf(s->arena, "takstindberetning-%d-runde-%d%s%s.xlsx",
	    r->year, r->no, *op ? "-" : "", op);
}

int
round_io_template(struct svc *s, int64_t round_id, const char *operator_code,
    const char *path, struct err *e)
{
	struct agreement_params	 p;
	struct tariff_round	 r;
	struct tariff_filter	 f;
	struct submission	*subs;
	struct round_line_row	*lines;
	struct published_tariff	*prev = NULL;
	struct round_xlsx	 v;
	struct round_xlsx_row	*rows;
	const char		**levels;
	struct buf		 w;
	size_t			 nsubs, nlines, nprev = 0, i, k, m, nrows = 0;
	int			 rc, first, last, c;

	if ((rc = round_get(s, round_id, &r, NULL, e)) != 0 ||
	    (rc = agreement_params_get(s, r.year, &p, e)) != 0 ||
	    (rc = round_submission_lines(s, round_id, &subs, &nsubs, &lines,
	    &nlines, e)) != 0)
		return rc;
	memset(&v, 0, sizeof(v));
	v.operator_code = operator_of(s, operator_code);
	v.operator_name = "";
	memset(&f, 0, sizeof(f));
	f.year = r.year - 1;
	f.operator_code = *v.operator_code ? v.operator_code : NULL;
	if ((rc = round_tariffs(s, &f, &prev, &nprev, NULL, e)) != 0)
		return rc;
	occupancy_source_years(&p, r.year, &first, &last);
	v.round_id = r.id;
	v.year = r.year;
	v.round_no = r.no;
	v.round_title = r.title;
	v.hist_years[0] = last;
	v.hist_years[1] = last - 1;
	v.occupancy_floor_bp = p.occupancy_floor_bp;
	rows = arena_calloc(s->arena, nlines + nsubs + 1, sizeof(*rows));
	levels = arena_calloc(s->arena, 32, sizeof(*levels));
	level_add(levels, &v.nlevels, 32, "lav");
	level_add(levels, &v.nlevels, 32, "mellem");
	level_add(levels, &v.nlevels, 32, "høj");
	buf_init(&w);
	for (i = 0; i < nsubs; i++) {
		if (*v.operator_code &&
		    strcmp(subs[i].operator_code, v.operator_code) != 0)
			continue;
		if (*v.operator_code)
			v.operator_name = subs[i].operator_name;
		for (k = 0, m = 0; k < nlines; k++) {
			const struct service_line	*l = &lines[k].line;
			const struct published_tariff	*pt;
			struct round_xlsx_row		*x = &rows[nrows];

			if (lines[k].submission_id != subs[i].id)
				continue;
			m++;
			nrows++;
			x->offer_id = subs[i].offer_id;
			x->offer_name = subs[i].offer_name;
			x->line = l;
			level_add(levels, &v.nlevels, 32, l->level);
			if ((pt = prev_of_line(prev, nprev, subs[i].offer_id,
			    l)) != NULL) {
				x->has_prev = true;
				x->prev_tariff_ore = pt->tariff_ore;
				x->prev_places_centi = pt->places_centi;
				x->prev_occupancy_bp = pt->occupancy_bp;
			}
			buf_reset(&w);
			for (c = 0; c < (int)l->nwarnings; c++) {
				char msg[ROUND_WARN_MSG];

				if (c > 0)
					buf_puts(&w, " | ");
				round_warning_text(l, (size_t)c, msg,
				    sizeof(msg));
				buf_puts(&w, msg);
				if (l->warnings[c].needs_reason)
					buf_puts(&w, " (kræver begrundelse)");
			}
			x->warnings = w.len ? arena_strdup(s->arena,
			    buf_str(&w)) : NULL;
		}
		if (m == 0) {
			rows[nrows].offer_id = subs[i].offer_id;
			rows[nrows].offer_name = subs[i].offer_name;
			nrows++;
		}
	}
	buf_cleanup(&w);
	if (*v.operator_code && *v.operator_name == '\0')
		v.operator_name = v.operator_code;
	v.levels = levels;
	v.rows = rows;
	v.nrows = nrows;
	return round_xlsx_write(&v, path, e);
}


/* ---- exports ---------------------------------------------------------- */

static const char *const export_titles[] = {
	"Tilbud nr.", "Tilbud", "Driftsherre", "Beliggenhedskommune",
	"Målgrupper", "Paragraf", "Takstniveau", "Enhed", "Takst (kr.)",
	"Pladser", "Budgetteret belægning (%)", "Takstår", "Gyldig fra",
	"Gyldig til", "Version", "Runde", "Årsag", "Begrundelse",
	"Visiteret fra",
	"Visiteret før", NULL
};

/* The Danish label of a change's cause (a stored key), NULL for none. */
static const char *
cause_text(const char *key)
{
	const char *l;

	if (key == NULL)
		return NULL;
	return (l = tariff_cause_label(key)) != NULL ? l : key;
}

/* Hundredths as "2283,5" (Danish decimal comma, no thousands dots). */
static const char *
centi_text(struct svc *s, int64_t v)
{
	struct buf	 b;
	char		*r, *p;

	buf_init(&b);
	text_format_centi(&b, v);
	r = arena_strdup(s->arena, buf_str(&b));
	buf_cleanup(&b);
	if ((p = strchr(r, '.')) != NULL)
		*p = ',';
	return r;
}

void
round_io_tariffs_csv(struct svc *s, const struct published_tariff *v,
    size_t n, struct buf *out)
{
	struct csv_writer	w;
	size_t			i;
	int			k;

	csv_writer_init(&w, out, ';', true);
	for (k = 0; export_titles[k] != NULL; k++)
		csv_write_text(&w, export_titles[k]);
	csv_end_row(&w);
	for (i = 0; i < n; i++) {
		csv_write_value(&w, arena_printf(s->arena, "%lld",
		    (long long)v[i].offer_id));
		csv_write_text(&w, v[i].offer_name);
		csv_write_text(&w, v[i].operator_name);
		csv_write_text(&w, v[i].location_name);
		csv_write_text(&w, v[i].target_groups);
		csv_write_text(&w, v[i].paragraph);
		csv_write_text(&w, v[i].level);
		csv_write_text(&w, tariff_unit_label(v[i].unit));
		csv_write_value(&w, centi_text(s, v[i].tariff_ore));
		csv_write_value(&w, centi_text(s, v[i].places_centi));
		csv_write_value(&w, centi_text(s, v[i].occupancy_bp));
		csv_write_value(&w, arena_printf(s->arena, "%d", v[i].year));
		csv_write_value(&w, v[i].valid_from);
		csv_write_value(&w, v[i].valid_to);
		csv_write_value(&w, arena_printf(s->arena, "%lld",
		    (long long)v[i].version));
		csv_write_value(&w, v[i].round_no ? arena_printf(s->arena,
		    "%d", v[i].round_no) : "");
		csv_write_text(&w, cause_text(v[i].cause));
		csv_write_text(&w, v[i].reason);
		csv_write_value(&w, v[i].referred_from);
		csv_write_value(&w, v[i].referred_before);
		csv_end_row(&w);
	}
}

int
round_io_tariffs_xlsx(struct svc *s, const struct published_tariff *v,
    size_t n, const char *path, struct err *e)
{
	struct xlsx_column	 cols[20];
	struct xlsx		*x;
	size_t			 i;
	int			 k, rc;

	memset(cols, 0, sizeof(cols));
	for (k = 0; export_titles[k] != NULL; k++)
		cols[k].title = export_titles[k];
	cols[8].num_format = "#,##0.00";
	if ((rc = xlsx_open(&x, path, "Takster", cols, k, e)) != 0)
		return rc;
	for (i = 0; i < n; i++) {
		xlsx_int(x, v[i].offer_id);
		xlsx_text(x, v[i].offer_name);
		xlsx_text(x, v[i].operator_name);
		xlsx_text(x, v[i].location_name);
		xlsx_text(x, v[i].target_groups);
		xlsx_text(x, v[i].paragraph);
		xlsx_text(x, v[i].level);
		xlsx_text(x, tariff_unit_label(v[i].unit));
		xlsx_centi(x, v[i].tariff_ore);
		xlsx_centi(x, v[i].places_centi);
		xlsx_centi(x, v[i].occupancy_bp);
		xlsx_int(x, v[i].year);
		xlsx_date(x, v[i].valid_from);
		xlsx_date(x, v[i].valid_to);
		xlsx_int(x, v[i].version);
		if (v[i].round_no)
			xlsx_int(x, v[i].round_no);
		else
			xlsx_blank(x);
		xlsx_text(x, cause_text(v[i].cause));
		xlsx_text(x, v[i].reason);
		xlsx_date(x, v[i].referred_from);
		xlsx_date(x, v[i].referred_before);
		xlsx_end_row(x);
	}
	(void)s;
	return xlsx_close(x, e);
}
