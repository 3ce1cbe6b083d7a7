/*
 * analysis_report — the outputs of a tariff analysis (service/analysis):
 * its two charts (the real change per operator as bars, the weighted
 * mean tariff per place over the years as lines, in fixed and in current
 * prices), shared by the page (http/chart) and the PDF (report/
 * chart_pdf); the XLSX of every line behind it; and the PDF report with
 * a politicians' excerpt of the sections the secretariat chooses.
 */
#ifndef RAMME_ANALYSIS_REPORT_H
#define RAMME_ANALYSIS_REPORT_H

#include <stdbool.h>

#include "report/chart.h"

struct analysis_view;
struct arena;
struct buf;
struct err;

/* The charts of an analysis; labels and values live in an arena. */
struct analysis_charts {
	struct chart		bars;	/* nlabels 0: nothing to show */
	struct chart_series	bar_series[2];
	struct chart		lines;	/* nlabels 0: nothing to show */
	struct chart_series	line_series[2];
};

/* Sections of the PDF report; the excerpt holds those chosen. */
enum analysis_section {
	ANALYSIS_SEC_SUMMARY = 1u << 0,	/* "Resultat" */
	ANALYSIS_SEC_OPERATOR = 1u << 1, /* chart and table by operator */
	ANALYSIS_SEC_YEARS = 1u << 2,	/* the chart over the years */
	ANALYSIS_SEC_SECTION = 1u << 3,	/* table by paragraph */
	ANALYSIS_SEC_TARGET = 1u << 4,	/* table by target group */
	ANALYSIS_SEC_APART = 1u << 5,	/* lines outside the panel */
	ANALYSIS_SEC_COMMENTS = 1u << 6, /* the hearing's comments */
	ANALYSIS_SEC_ALL = (1u << 7) - 1
};

/* Section names as forms and URLs give them ("resultat", …), labels. */
#define ANALYSIS_SECTIONS	7
extern const struct analysis_section_name {
	unsigned	 bit;
	const char	*name;
	const char	*label;
} analysis_sections[ANALYSIS_SECTIONS];

/* Fill c from v, labels and values in a. */
void	analysis_report_charts(struct arena *a, const struct analysis_view *v,
	    struct analysis_charts *c);

/*
 * Every line of v (the panel and the lines outside it) with its figures
 * as an XLSX workbook at path. 0, or ERR_INVALID / ERR_IO (e filled).
 */
int	analysis_report_xlsx(const struct analysis_view *v, const char *path,
	    struct err *e);

/*
 * The PDF report of v into out: the politicians' excerpt (the sections
 * of `excerpt`, on its first page), then the full report (every
 * section, the panel as a table). 0, or ERR_INTERNAL (e filled).
 */
int	analysis_report_pdf(struct arena *a, const struct analysis_view *v,
	    unsigned excerpt, struct buf *out, struct err *e);

#endif
