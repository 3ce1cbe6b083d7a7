/*
 * sharing_http — shared helpers of the economy pages (see
 * sharing_http.h).
 */
#include <stdlib.h>

#include "http/html.h"
#include "http/http.h"
#include "http/page.h"
#include "http/sharing_http.h"
#include "http/tariff_http.h"
#include "http/ui.h"
#include "util/arena.h"
#include "util/err.h"
#include "util/text.h"

void
sharing_http_tabs(struct page *p, enum sharing_tab current)
{
	static const struct ui_tab tabs[] = {
		{ "/oekonomi/fordelinger", "Fordelinger" },
		{ "/oekonomi/noegler", "Fordelingsnøgler" },
		{ "/oekonomi/sekretariat", "Sekretariatet" },
		{ "/oekonomi/fakturaer", "Fakturaer" },
	};

	ui_tabs(&p->h, "Økonomi", tabs, 4, (int)current);
}

void
sharing_http_cell_kr(struct ui_table *t, int64_t ore)
{
	ui_cell_begin(t);
	tariff_http_kr(t->h, ore);
	ui_cell_end(t);
}

void
sharing_http_cell_plain(struct ui_table *t, struct http_req *r, int64_t v)
{
	ui_cell(t, arena_printf(&r->arena, "%lld", (long long)v));
}

int
sharing_http_year(struct http_req *r, const char *name, int def, int *out,
    struct err *e)
{
	const char	*s = http_query(r, name);
	int64_t		 v;

	*out = def;
	if (s == NULL || *s == '\0')
		return 0;
	if (text_parse_i64(s, &v) != 0 || v < 2000 || v > 2100)
		return err_set(e, ERR_INVALID, "invalid_year", name,
		    "Året skal være et årstal mellem 2000 og 2100");
	*out = (int)v;
	return 0;
}

int
sharing_http_this_year(struct http_req *r)
{
	return atoi(r->svc.now_iso);
}
