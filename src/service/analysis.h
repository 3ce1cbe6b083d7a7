/*
 * analysis (service) — tariff analyses in fixed prices (takstanalyse,
 * spec §7.2): created by the secretariat over two years of published
 * tariffs with a price-and-wage series, a data hearing in which the
 * operators and municipalities comment, and the final analysis.
 *
 * States: draft (the panel is read from the published tariffs, only the
 * secretariat sees it) → hearing (the panel and the yearly figures are
 * stored, logged-in users see it, operators and municipalities comment
 * until the deadline) → final (public; it never changes). Every change
 * runs in one transaction with an audit record (entity "analysis").
 */
#ifndef RAMME_SERVICE_ANALYSIS_H
#define RAMME_SERVICE_ANALYSIS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/panel.h"
#include "store/analysis_store.h"
#include "store/pl_store.h"

struct err;
struct svc;

#define ANALYSIS_TITLE_MAX	200	/* bytes */
#define ANALYSIS_COMMENT_MAX	4000	/* bytes */

/* What the secretariat gives when creating an analysis. */
struct analysis_input {
	const char	*title;
	int		 from_year;
	int		 to_year;
	int		 price_year;	/* a year of the series; 0: to_year */
	const char	*series_name;	/* a stored PL series */
	int64_t		 f_section;	/* 0: every paragraph */
	const char	*f_unit;	/* API unit name or "" */
	const char	*f_level;	/* NULL: every level */
	const char	*f_operator;	/* organisation code or NULL */
	int64_t		 cap_minus_e4;	/* -1: no cap */
	int64_t		 target_e4;	/* -1: no target */
};

/* A year of the line chart: the weighted mean tariff per place. */
struct analysis_year_point {
	int	year;
	int64_t	nlines;
	int64_t	mean_ore;	/* Σ places × tariff / Σ places, current
				   prices, øre (PANEL_NO_VALUE: none) */
	int64_t	mean_fixed_ore;	/* the same in to-year prices
				   (PANEL_NO_VALUE when the series lacks a
				   year) */
};

/* Everything an analysis page, the XLSX and the PDF show. */
struct analysis_view {
	struct analysis			 a;
	struct pl_year			*pl;	/* the recorded series */
	size_t				 npl;
	char				 factor[24]; /* F, 6 decimals, '.' */
	char				 price_factor[24]; /* to-year → price
						   year, the same */
	struct panel_line		*lines;	/* every line, by offer */
	size_t				 nlines;
	size_t				 counts[PANEL_KIND_COUNT];
	struct panel_group		 total;
	struct panel_group		*by_operator, *by_section, *by_target;
	size_t				 nby_operator, nby_section, nby_target;
	struct analysis_year_point	*years;
	size_t				 nyears;
	struct analysis_comment		*comments;
	size_t				 ncomments;
	bool				 may_manage;	/* the secretariat */
	bool				 may_comment;	/* now, this user */
	bool				 hearing_open;	/* before the deadline */
};

/* State labels: "Kladde", "I høring", "Endelig". */
const char	*analysis_state_label(const char *state);

/*
 * The analyses the user may see: all for the secretariat; those in
 * hearing or final for logged-in users; the final ones for others.
 */
int	analysis_list(struct svc *s, struct analysis **out, size_t *n,
	    struct err *e);
/*
 * Create an analysis (secretariat). Validates the title, the years
 * (2000..2100, to after from), the series (its current version is
 * recorded; a year missing between from and to: "PL-serien mangler
 * 2021"), the price year (a year of the series, key
 * "analysis_price_year"), the filters, the cap and the target (0..100 %), and that the
 * panel is not empty (ERR_INVALID "analysis_empty"). Nothing is stored
 * on an error.
 */
int	analysis_create(struct svc *s, const struct analysis_input *in,
	    int64_t *id, struct err *e);
/*
 * The analysis with its panel and figures (ERR_NOT_FOUND for one the
 * user may not see, as analysis_list).
 */
int	analysis_get(struct svc *s, int64_t id, struct analysis_view *out,
	    struct err *e);
/*
 * Send a draft to hearing with deadline (ISO date, today or later):
 * its panel and yearly figures are stored as they are now (secretariat).
 */
int	analysis_send(struct svc *s, int64_t id, int64_t expected_version,
	    const char *deadline, struct err *e);
/*
 * A hearing comment by an operator or municipality user, until the
 * deadline: general (offer_id 0) or on one of the analysis's offers run
 * by the user's organisation.
 */
int	analysis_comment(struct svc *s, int64_t id, int64_t offer_id,
	    const char *body, int64_t *comment_id, struct err *e);
/* Finalise an analysis in hearing (secretariat). */
int	analysis_finalise(struct svc *s, int64_t id, int64_t expected_version,
	    struct err *e);
/*
 * The PL series an analysis may use (service/pl) and the years of
 * published tariffs, for the form.
 */
int	analysis_form_options(struct svc *s, struct pl_series_row **series,
	    size_t *ns, int **years, size_t *ny, struct err *e);

#endif
