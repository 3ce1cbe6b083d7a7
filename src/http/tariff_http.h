/*
 * tariff_http — what the JSON API and the HTML pages of the tariff rounds
 * share: reading the filter of the published overview from the query
 * string, sending the overview or a template as a file, and showing
 * amounts in kroner again in a form.
 */
#ifndef RAMME_TARIFF_HTTP_H
#define RAMME_TARIFF_HTTP_H

#include <stdint.h>

struct err;
struct http_req;
struct published_tariff;
struct tariff_filter;

/*
 * The filter of the published overview from the query (year, operator,
 * paragraph, target_group, municipality, offer, versions); empty values
 * mean no filter. 0 or ERR_INVALID naming the parameter.
 */
int	tariff_http_filter(struct http_req *r, struct tariff_filter *f,
	    struct err *e);
/*
 * Send v[0..n) as a CSV ("csv") or XLSX ("xlsx") download named
 * takster.csv / takster.xlsx. Errors are sent as errors.
 */
void	tariff_http_send_export(struct http_req *r, const char *format,
	    const struct published_tariff *v, size_t n);
/*
 * Send the XLSX template of round_id (for operator_code, or the user's
 * own submissions) as a download.
 */
void	tariff_http_send_template(struct http_req *r, int64_t round_id,
	    const char *operator_code);
/*
 * The year asked for by query parameter name ("year"): a year of the
 * agreement parameters' range, or def when absent. 0 or ERR_INVALID.
 */
int	tariff_http_year(struct http_req *r, const char *name, int def,
	    int *out, struct err *e);
/* Øre as a form shows them again: "1.234,56" (no unit), in the arena. */
const char *tariff_http_kr_value(struct http_req *r, int64_t ore);

#endif
