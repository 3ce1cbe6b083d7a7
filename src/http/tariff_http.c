/*
 * tariff_http — the pieces the tariff pages share (see tariff_http.h):
 * tabs, amounts and percentages, referral dates, the version field of
 * their forms, the id in the path and the state badges.
 */
#include <stdio.h>
#include <string.h>

#include "core/role.h"
#include "core/round.h"
#include "core/startup.h"
#include "http/api.h"
#include "http/html.h"
#include "http/http.h"
#include "http/page.h"
#include "http/tariff_http.h"
#include "http/ui.h"
#include "service/round.h"
#include "store/round_store.h"
#include "store/tariff_store.h"
#include "store/startup_store.h"
#include "util/text.h"

void
tariff_http_tabs(struct page *p, enum tariff_tab current)
{
	struct ui_tab	tabs[3];
	int		n = 0, cur = 0;
	bool		editor = p->r->who.role == ROLE_ADMIN ||
			    p->r->who.role == ROLE_OPERATOR;

	tabs[n++] = (struct ui_tab){ "/takster", "Takstoversigt" };
	if (editor) {
		if (current == TARIFF_TAB_ROUNDS)
			cur = n;
		tabs[n++] = (struct ui_tab){ "/takstindberetning",
		    "Takstindberetning" };
	}
	if (current == TARIFF_TAB_REDUCTION)
		cur = n;
	tabs[n++] = (struct ui_tab){ "/takster/reduktion", "Takstreduktion" };
	ui_tabs(&p->h, "Takster", tabs, n, cur);
}

void
tariff_http_kr(struct html *h, int64_t ore)
{
	char	 b[TEXT_KR_SIZE], *sp;

	text_format_ore_da(b, ore);
	if ((sp = strrchr(b, ' ')) != NULL) {
		*sp = '\0';
		html_text(h, b);
		HTML_LIT(h, "&nbsp;");
		html_text(h, sp + 1);
	} else
		html_text(h, b);
}

void
tariff_http_warnings(struct html *h, const struct service_line *l)
{
	char	msg[ROUND_WARN_MSG];
	size_t	i;

	HTML_LIT(h, "<ul class=\"warnings\">");
	for (i = 0; i < l->nwarnings; i++) {
		round_warning_text(l, i, msg, sizeof(msg));
		HTML_LIT(h, "<li>");
		html_text(h, msg);
		if (l->warnings[i].needs_reason)
			HTML_LIT(h, " <strong>(kræver begrundelse)</strong>");
		HTML_LIT(h, "</li>");
	}
	HTML_LIT(h, "</ul>");
}

void
tariff_http_pct(struct html *h, int64_t bp)
{
	html_centi(h, bp);
	HTML_LIT(h, " %");
}

void
tariff_http_change(struct html *h, int64_t bp)
{
	if (bp < 0) {
		HTML_LIT(h, "−");
		bp = -bp;
	} else if (bp > 0)
		HTML_LIT(h, "+");
	tariff_http_pct(h, bp);
}

void
tariff_http_referral(struct html *h, const char *from, const char *before)
{
	if (from == NULL && before == NULL)
		return;
	HTML_LIT(h, "<br><span class=\"muted referral\">");
	if (from != NULL)
		HTML_LIT(h, "Visiteret fra ");
	else
		HTML_LIT(h, "Visiteret før ");
	html_date(h, from != NULL ? from : before);
	HTML_LIT(h, "</span>");
}

void
tariff_http_version_field(struct page *p, int64_t v)
{
	HTML_LIT(&p->h, "<input type=\"hidden\" name=\"version\"");
	html_attr(&p->h, "value", arena_printf(&p->r->arena, "%lld",
	    (long long)v));
	HTML_LIT(&p->h, ">");
}

int
tariff_http_form_version(struct http_req *r, int64_t *v, struct err *e)
{
	const char *s = http_form(r, "version");

	if (s == NULL || text_parse_i64(s, v) != 0 || *v <= 0)
		return err_set(e, ERR_INVALID, "missing_version", "version",
		    "Formularen mangler versionsnummer; genindlæs siden");
	return 0;
}

int
tariff_http_path_id(struct http_req *r, int64_t *id)
{
	struct err e;

	err_clear(&e);
	if (api_param_id(r, 0, id, &e) != 0) {
		http_send_error(r, &e);
		return -1;
	}
	return 0;
}

void
tariff_http_submission_badge(struct html *h, const struct submission *s,
    const struct tariff_round *t)
{
	enum ui_tone tone;

	if (t != NULL && t->status == ROUND_PUBLISHED &&
	    s->status == SUBMISSION_APPROVED) {
		ui_badge(h, UI_SUCCESS, "Offentliggjort");
		return;
	}
	switch (s->status) {
	case SUBMISSION_SUBMITTED:	tone = UI_INFO; break;
	case SUBMISSION_RETURNED:	tone = UI_WARNING; break;
	case SUBMISSION_APPROVED:	tone = UI_SUCCESS; break;
	default:			tone = UI_NEUTRAL; break;
	}
	ui_badge(h, tone, submission_status_label(s->status));
}

void
tariff_http_round_badge(struct html *h, const struct tariff_round *t)
{
	ui_badge(h, t->status == ROUND_OPEN ? UI_INFO :
	    t->status == ROUND_PUBLISHED ? UI_SUCCESS : UI_NEUTRAL,
	    round_status_label(t->status));
}

const char *
tariff_http_startup_label(struct http_req *r, const struct startup_row *c,
    int year)
{
	struct startup_cost	sc = { c->amount_ore, c->first_year, c->years };
	int			k = startup_index(&sc, year);

	if (c->years == 1)
		return arena_printf(&r->arena, "Opstartsomkostninger %d: 1/1",
		    c->first_year);
	if (k == 0)
		return arena_printf(&r->arena, "Opstartsomkostninger %d–%d",
		    c->first_year, c->first_year + c->years - 1);
	return arena_printf(&r->arena, "Opstartsomkostninger %d–%d: %d/%d",
	    c->first_year, c->first_year + c->years - 1, k, c->years);
}
