/*
 * analysis_http — what the pages of the tariff analyses share
 * (page_analysis.c: the list, one analysis, its hearing;
 * page_analysis_out.c: the downloads, "Sæt på dagsorden", the JSON API).
 */
#ifndef RAMME_ANALYSIS_HTTP_H
#define RAMME_ANALYSIS_HTTP_H

#include <stdint.h>

#include "core/tariff.h"

struct analysis_view;
struct err;
struct html;
struct http_req;
struct page;
struct panel_row;
struct ui_errors;

#define ANALYSIS_HTTP_ROWS_MAX	50	/* lines a page lists (all are in
					   the XLSX) */

/* The state as a badge: Kladde, I høring, Endelig. */
void		 analysis_http_badge(struct html *h, const char *state);
/* Hundredths of a percent as "+2,86 %" in r's arena. */
const char	*analysis_http_pct(struct http_req *r, int64_t e2);
/* Øre as "1.234,56 kr." in r's arena ("–" for no value). */
const char	*analysis_http_kr(struct http_req *r, int64_t ore);
/* An API unit name as the enum (day for anything else). */
enum tariff_unit analysis_http_unit(const char *name);
/* "SEL § 107, niveau 2, døgntakst" of a line. */
const char	*analysis_http_line_label(struct http_req *r,
		    const struct panel_row *l);
/*
 * The analysis page (with fe's message at its form when fe is not NULL)
 * sent with status.
 */
void		 analysis_http_page(struct http_req *r, int64_t id,
		    const struct err *fe, int status);
/* The downloads and, for the secretariat, "Sæt på dagsorden". */
void		 analysis_http_outputs(struct page *p,
		    const struct analysis_view *v, const struct ui_errors *errs);

#endif
