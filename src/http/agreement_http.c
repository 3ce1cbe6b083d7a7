/*
 * agreement_http — shared parts of the pages under /aftale (see
 * agreement_http.h).
 */
#include <stdlib.h>
#include <string.h>

#include "core/offer.h"
#include "http/agreement_http.h"
#include "http/html.h"
#include "http/http.h"
#include "http/page.h"
#include "http/ui.h"
#include "core/reinforced.h"
#include "service/register.h"
#include "service/reinforced.h"
#include "service/takeover.h"
#include "store/offer_store.h"
#include "util/arena.h"
#include "util/text.h"

#define OFFER_OPTIONS_MAX	1000	/* offers offered in a select */

void
agreement_tabs(struct html *h, enum agreement_tab current)
{
	static const struct ui_tab tabs[] = {
		{ "/aftale", "Dokumenter og godkendelse" },
		{ "/aftale/forstaerket", "Forstærket samarbejde" },
		{ "/aftale/overtagelser", "Overtagelse af regionale tilbud" },
	};

	ui_tabs(h, "Aftalen", tabs, 3, (int)current);
}

static const struct {
	const char	*key;
	const char	*text;
} flashes[] = {
	{ "oprettet", "Dokumentet er oprettet." },
	{ "version", "Versionen er tilføjet." },
	{ "bilag", "Bilaget er tilføjet." },
	{ "registreret", "Beslutningen er registreret." },
	{ "indstillet", "Tilbuddet er indstillet til det forstærkede "
	    "samarbejde." },
	{ "vurderet", "Ekspertpanelets vurdering er gemt." },
	{ "dagsorden", "Sagen er sat på dagsordenen for DAS' næste møde." },
	{ "besluttet", "DAS' beslutning er registreret." },
	{ "godkendt", "Godkendelsen er registreret; tilbuddene er omfattet "
	    "fra 1. juli." },
	{ "noedspor", "Nødsporet er gemt." },
	{ "varslet", "Varslet om overtagelse er registreret." },
	{ "gennemfoert", "Overtagelsen er gennemført i tilbudsregistret." },
};

void
agreement_flash(struct page *p)
{
	const char	*key = http_query(p->r, "besked");
	size_t		 i;

	for (i = 0; key != NULL && i < sizeof(flashes) / sizeof(flashes[0]);
	    i++)
		if (strcmp(key, flashes[i].key) == 0)
			ui_alert(&p->h, UI_SUCCESS, NULL, flashes[i].text);
}

void
agreement_errors(struct http_req *r, struct ui_errors *errs,
    const struct err *err)
{
	ui_errors_init(errs);
	if (err != NULL && err->code != 0)
		ui_errors_add_err(errs, r, err);
}

int
agreement_this_year(struct http_req *r)
{
	return atoi(r->svc.now_iso);
}

int
agreement_query_year(struct http_req *r, const char *name, int dflt)
{
	const char	*s = http_query(r, name);
	int64_t		 v;

	if (s == NULL || *s == '\0')
		return dflt;
	if (text_parse_i64(s, &v) != 0 || v < 2007 || v > 2100)
		return 0;
	return (int)v;
}

const struct ui_option *
agreement_offer_options(struct http_req *r, const char *operator_code,
    int *n)
{
	struct offer_filter	 f;
	struct offer		*v;
	struct ui_option	*o;
	struct err		 e;
	size_t			 nv = 0, i;
	int64_t			 total;

	memset(&f, 0, sizeof(f));
	f.operator_code = operator_code;
	f.covered = -1;
	f.sort = "name";
	f.limit = OFFER_OPTIONS_MAX;
	err_clear(&e);
	*n = 0;
	if (register_offer_list(&r->svc, &f, &v, &nv, &total, &e) != 0)
		return NULL;
	o = arena_calloc(&r->arena, nv + 1, sizeof(*o));
	for (i = 0; i < nv; i++) {
		o[i].value = arena_printf(&r->arena, "%lld",
		    (long long)v[i].id);
		o[i].label = v[i].name;
	}
	*n = (int)nv;
	return o;
}

void
agreement_offer_facts(struct http_req *r, struct html *h, int64_t offer_id)
{
	struct reinforced_coverage	*c = NULL;
	struct takeover			*t = NULL;
	struct err			 e;
	size_t				 nc = 0, nt = 0, i;

	err_clear(&e);
	if (reinforced_offer(&r->svc, offer_id, &c, &nc, &e) == 0 && nc > 0) {
		ui_fact_begin(h, "Forstærket samarbejde");
		for (i = 0; i < nc; i++) {
			if (i > 0)
				HTML_LIT(h, "<br>");
			HTML_LIT(h, "<a");
			html_url(h, "href", arena_printf(&r->arena,
			    "/aftale/forstaerket?aar=%d", c[i].year));
			HTML_LIT(h, ">Omfattet fra ");
			html_date(h, c[i].valid_from);
			if (*c[i].valid_to != '\0') {
				HTML_LIT(h, " til ");
				html_date(h, c[i].valid_to);
			}
			HTML_LIT(h, "</a> ");
			ui_badge(h, c[i].status == COVER_APPROVED ? UI_SUCCESS :
			    c[i].status == COVER_ENDED ? UI_NEUTRAL : UI_INFO,
			    coverage_status_label(c[i].status));
		}
		ui_fact_end(h);
	}
	err_clear(&e);
	if (takeover_list(&r->svc, offer_id, &t, &nt, &e) == 0 && nt > 0) {
		ui_fact_begin(h, "Overtagelse");
		html_text(h, *t[0].applied_at != '\0' ? "Overtaget af " :
		    "Overtages af ");
		html_text(h, t[0].to_name);
		HTML_LIT(h, " ");
		html_date(h, t[0].takeover_on);
		HTML_LIT(h, " (<a href=\"/aftale/overtagelser\">varslet ");
		html_date(h, t[0].notice_on);
		HTML_LIT(h, "</a>)");
		ui_fact_end(h);
	}
}
