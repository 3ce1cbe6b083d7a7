/*
 * page_org — the organisations page: municipalities and the region with
 * their official codes and populations by year, each linking to the
 * offers it runs.
 */
#include <stdio.h>
#include <string.h>

#include "core/org.h"
#include "http/html.h"
#include "http/http.h"
#include "http/page.h"
#include "http/routes.h"
#include "http/ui.h"
#include "service/register.h"
#include "util/arena.h"

#define ORG_YEARS_MAX	(UI_COLS_MAX - 3)	/* population columns */

/* The years with populations in v[0..n), ascending, the newest kept. */
static int
pop_years(const struct org *v, int n, int *years)
{
	int	all[64], na = 0, i, j, k, t;

	for (i = 0; i < n; i++)
		for (j = 0; j < v[i].npop; j++) {
			for (k = 0; k < na; k++)
				if (all[k] == v[i].pop[j].year)
					break;
			if (k == na && na < 64)
				all[na++] = v[i].pop[j].year;
		}
	for (i = 1; i < na; i++)
		for (j = i; j > 0 && all[j - 1] > all[j]; j--) {
			t = all[j];
			all[j] = all[j - 1];
			all[j - 1] = t;
		}
	k = na > ORG_YEARS_MAX ? na - ORG_YEARS_MAX : 0;
	for (i = k; i < na; i++)
		years[i - k] = all[i];
	return na - k;
}

void
page_orgs(struct http_req *r)
{
	struct page	 p;
	struct html	*h = &p.h;
	struct org	*v;
	struct ui_col	 cols[UI_COLS_MAX];
	struct ui_table	 t;
	struct err	 e;
	int		 n = 0, years[ORG_YEARS_MAX], ny, i, j, k;

	err_clear(&e);
	if (register_org_list(&r->svc, &v, &n, &e) != 0) {
		http_send_error(r, &e);
		return;
	}
	ny = pop_years(v, n, years);
	cols[0] = (struct ui_col){ "Navn", 0 };
	cols[1] = (struct ui_col){ "Type", 0 };
	cols[2] = (struct ui_col){ "Kode", UI_COL_NUM };
	for (k = 0; k < ny; k++)
		cols[3 + k] = (struct ui_col){ arena_printf(&r->arena,
		    "Indbyggere %d", years[k]), UI_COL_NUM };
	page_begin(&p, r, "Organisationer", "organisationer");
	HTML_LIT(h, "<p>Kommuner og region med officielle koder og "
	    "indbyggertal pr. 1. januar (Danmarks Statistik). Vælg en "
	    "organisation for at se de tilbud, den er driftsherre for.</p>");
	ui_table_begin(&t, h, NULL, cols, 3 + ny);
	for (i = 0; i < n; i++) {
		ui_row(&t);
		ui_cell_link(&t, arena_printf(&r->arena, "/tilbud?operator=%s",
		    http_urlencode(&r->arena, v[i].code)), v[i].name);
		ui_cell(&t, org_kind_label(v[i].kind));
		ui_cell(&t, v[i].code);
		for (k = 0; k < ny; k++) {
			for (j = 0; j < v[i].npop; j++)
				if (v[i].pop[j].year == years[k])
					break;
			if (j < v[i].npop)
				ui_cell_int(&t, v[i].pop[j].persons);
			else
				ui_cell(&t, "–");
		}
	}
	ui_table_end(&t);
	page_end(&p, 200);
}
