/*
 * round_xlsx — the workbook of a tariff round (see round_xlsx.h), written
 * with libxlsxwriter: the first failing call is remembered and reported.
 */
#include <stdio.h>
#include <string.h>
#include <xlsxwriter.h>

#include "core/round.h"
#include "core/tariff.h"
#include "report/round_xlsx.h"
#include "util/err.h"

#define GREY		0xE7E6E6	/* locked, computed cells */
#define HEAD		0xDDEBF7	/* the input columns' header */
#define LAST_ROW	2000		/* validation and formats reach this
					   row, so added rows get them too */

struct w {
	lxw_workbook	*wb;
	lxw_error	 error;
};

static void
note(struct w *w, lxw_error rc)
{
	if (rc != LXW_NO_ERROR && w->error == LXW_NO_ERROR)
		w->error = rc;
}

/* The Danish word the template writes for a unit (read back by upload). */
static const char *
unit_word(enum tariff_unit u)
{
	switch (u) {
	case TARIFF_UNIT_DAY:	return "døgn";
	case TARIFF_UNIT_MONTH:	return "måned";
	case TARIFF_UNIT_HOUR:	return "time";
	case TARIFF_UNIT_YEAR:	return "år";
	default:		return "";
	}
}

/* How a column is written: its number format, and whether it is input. */
struct colspec {
	const char	*title;
	double		 width;
	const char	*num;		/* number format, or NULL */
	bool		 input;		/* unlocked, white */
};

static void
colspecs(const struct round_xlsx *v, struct colspec *c, char *h1, char *h2,
    size_t hsz)
{
	int i;

	snprintf(h1, hsz, "Faktisk belægning %d (%%)", v->hist_years[0]);
	snprintf(h2, hsz, "Faktisk belægning %d (%%)", v->hist_years[1]);
	memset(c, 0, sizeof(*c) * ROUND_XLSX_COL_COUNT);
#define C(k, t, wd, n, in) c[k] = (struct colspec){ t, wd, n, in }
	C(ROUND_XLSX_COL_OFFER, "Tilbud nr.", 10, "0", true);
	C(ROUND_XLSX_COL_NAME, "Tilbud", 30, NULL, false);
	C(ROUND_XLSX_COL_PARAGRAPH, "Paragraf", 14, "@", true);
	C(ROUND_XLSX_COL_LEVEL, "Takstniveau", 14, "@", true);
	C(ROUND_XLSX_COL_UNIT, "Enhed (døgn, måned, time, år)", 12, "@",
	    true);
	C(ROUND_XLSX_COL_PLACES, "Pladser", 10, "#,##0.00", true);
	C(ROUND_XLSX_COL_DAYS, "Åbningsdage (tom: hele året)", 12, "0",
	    true);
	C(ROUND_XLSX_COL_MONTH_DAYS, "Dage i måneden", 10, "0", true);
	C(ROUND_XLSX_COL_HOURS, "Timer pr. plads pr. år", 12, "#,##0.00",
	    true);
	C(ROUND_XLSX_COL_OCC, "Budgetteret belægning (%)", 14, "0.00", true);
	C(ROUND_XLSX_COL_HIST1, h1, 14, "0.00", true);
	C(ROUND_XLSX_COL_HIST2, h2, 14, "0.00", true);
	C(ROUND_XLSX_COL_WAGES, "Løn (kr.)", 15, "#,##0.00", true);
	C(ROUND_XLSX_COL_PROPERTY, "Ejendom (kr.)", 15, "#,##0.00", true);
	C(ROUND_XLSX_COL_OTHER, "Øvrige driftsomkostninger (kr.)", 15,
	    "#,##0.00", true);
	C(ROUND_XLSX_COL_OVERHEAD, "Overhead (kr.)", 15, "#,##0.00", true);
	C(ROUND_XLSX_COL_CAPITAL, "Kapitalomkostninger (kr.)", 15,
	    "#,##0.00", true);
	C(ROUND_XLSX_COL_PENSION, "Tjenestemandspension (kr.)", 15,
	    "#,##0.00", true);
	C(ROUND_XLSX_COL_INCOME, "Indtægter uden for taksten (kr.)", 15,
	    "#,##0.00", true);
	C(ROUND_XLSX_COL_CARRY, "Over-/underskud (kr., overskud < 0)", 15,
	    "#,##0.00", true);
	C(ROUND_XLSX_COL_REASON, "Begrundelse", 40, "@", true);
	C(ROUND_XLSX_COL_REFERRED_FROM, "Visiteret fra", 12, "dd-mm-yyyy",
	    true);
	C(ROUND_XLSX_COL_REFERRED_BEFORE, "Visiteret før", 12, "dd-mm-yyyy",
	    true);
	C(ROUND_XLSX_COL_TARIFF, "Beregnet takst (kr.)", 15, "#,##0.00",
	    false);
	C(ROUND_XLSX_COL_WARNINGS, "Advarsler", 60, NULL, false);
	C(ROUND_XLSX_COL_PREV_TARIFF, "Sidste års takst (kr.)", 15,
	    "#,##0.00", false);
	C(ROUND_XLSX_COL_PREV_PLACES, "Sidste års pladser", 12, "#,##0.00",
	    false);
	C(ROUND_XLSX_COL_PREV_OCC, "Sidste års budgetterede belægning (%)",
	    14, "0.00", false);
#undef C
	for (i = 1; i < ROUND_XLSX_COL_COUNT; i++)
		if (c[i].title == NULL)
			c[i].title = "";
}

/* A validation of column col (0-based) on rows 2..LAST_ROW. */
static void
validate(struct w *w, lxw_worksheet *ws, int col, lxw_data_validation *dv)
{
	note(w, worksheet_data_validation_range(ws, 1, (lxw_col_t)col,
	    LAST_ROW - 1, (lxw_col_t)col, dv));
}

static void
validate_number(struct w *w, lxw_worksheet *ws, int col, bool integer,
    double min, double max, const char *msg)
{
	lxw_data_validation	dv;
	char			buf[300];

	snprintf(buf, sizeof(buf), "%s", msg);
	memset(&dv, 0, sizeof(dv));
	dv.validate = integer ? LXW_VALIDATION_TYPE_INTEGER :
	    LXW_VALIDATION_TYPE_DECIMAL;
	dv.criteria = LXW_VALIDATION_CRITERIA_BETWEEN;
	dv.minimum_number = min;
	dv.maximum_number = max;
	dv.error_title = "Ugyldig værdi";
	dv.error_message = buf;
	validate(w, ws, col, &dv);
}

static void
budget_sheet(struct w *w, const struct round_xlsx *v)
{
	static char		 u0[] = "døgn", u1[] = "måned", u2[] = "time",
				 u3[] = "år";
	char			*units[] = { u0, u1, u2, u3, NULL };
	char			 lv[64][64];
	struct colspec		 c[ROUND_XLSX_COL_COUNT];
	lxw_format		*head_in, *head_out, *in[ROUND_XLSX_COL_COUNT];
	lxw_format		*out[ROUND_XLSX_COL_COUNT];
	lxw_worksheet		*ws;
	lxw_data_validation	 dv;
	lxw_protection		 prot;
	char			 h1[48], h2[48], header[300], occmsg[160];
	char			*levels[64];
	size_t			 i, nl;
	int			 k;
	lxw_row_t		 r;

	ws = workbook_add_worksheet(w->wb, ROUND_XLSX_SHEET);
	colspecs(v, c, h1, h2, sizeof(h1));
	head_in = workbook_add_format(w->wb);
	format_set_bold(head_in);
	format_set_text_wrap(head_in);
	format_set_bg_color(head_in, HEAD);
	head_out = workbook_add_format(w->wb);
	format_set_bold(head_out);
	format_set_text_wrap(head_out);
	format_set_bg_color(head_out, GREY);
	for (k = 1; k < ROUND_XLSX_COL_COUNT; k++) {
		lxw_format *f = workbook_add_format(w->wb);

		if (c[k].num != NULL)
			format_set_num_format(f, c[k].num);
		if (c[k].input) {
			format_set_unlocked(f);
		} else {
			format_set_bg_color(f, GREY);
			if (k == ROUND_XLSX_COL_WARNINGS)
				format_set_text_wrap(f);
		}
		in[k] = c[k].input ? f : NULL;
		out[k] = f;
		/* Rows added later get the column's format and lock. */
		note(w, worksheet_set_column(ws, (lxw_col_t)(k - 1),
		    (lxw_col_t)(k - 1), c[k].width, f));
		note(w, worksheet_write_string(ws, 0, (lxw_col_t)(k - 1),
		    c[k].title, c[k].input ? head_in : head_out));
	}
	note(w, worksheet_set_row(ws, 0, 45, NULL));
	for (i = 0, r = 1; i < v->nrows; i++, r++) {
		const struct round_xlsx_row	*x = &v->rows[i];
		const struct service_line	*l = x->line;

#define COL(k) (lxw_col_t)((k) - 1)
#define NUM(k, val) note(w, worksheet_write_number(ws, r, COL(k), (val), \
	out[k]))
#define STR(k, s) note(w, worksheet_write_string(ws, r, COL(k), \
	(s) != NULL ? (s) : "", out[k]))
		NUM(ROUND_XLSX_COL_OFFER, (double)x->offer_id);
		STR(ROUND_XLSX_COL_NAME, x->offer_name);
		if (l != NULL) {
			STR(ROUND_XLSX_COL_PARAGRAPH, l->paragraph);
			STR(ROUND_XLSX_COL_LEVEL, l->level);
			STR(ROUND_XLSX_COL_UNIT, unit_word(l->unit));
			NUM(ROUND_XLSX_COL_PLACES, l->places_centi / 100.0);
			if (l->days)
				NUM(ROUND_XLSX_COL_DAYS, (double)l->days);
			if (l->month_days)
				NUM(ROUND_XLSX_COL_MONTH_DAYS,
				    (double)l->month_days);
			if (l->hours_centi)
				NUM(ROUND_XLSX_COL_HOURS,
				    l->hours_centi / 100.0);
			NUM(ROUND_XLSX_COL_OCC, l->occupancy_bp / 100.0);
			if (l->hist_bp[0] >= 0)
				NUM(ROUND_XLSX_COL_HIST1, l->hist_bp[0] / 100.0);
			if (l->hist_bp[1] >= 0)
				NUM(ROUND_XLSX_COL_HIST2, l->hist_bp[1] / 100.0);
			NUM(ROUND_XLSX_COL_WAGES, l->costs.wages_ore / 100.0);
			NUM(ROUND_XLSX_COL_PROPERTY,
			    l->costs.property_ore / 100.0);
			NUM(ROUND_XLSX_COL_OTHER, l->costs.other_ore / 100.0);
			NUM(ROUND_XLSX_COL_OVERHEAD,
			    l->costs.overhead_ore / 100.0);
			NUM(ROUND_XLSX_COL_CAPITAL,
			    l->costs.capital_ore / 100.0);
			NUM(ROUND_XLSX_COL_PENSION,
			    l->costs.pension_ore / 100.0);
			NUM(ROUND_XLSX_COL_INCOME, l->income_ore / 100.0);
			NUM(ROUND_XLSX_COL_CARRY, l->carry_over_ore / 100.0);
			if (l->reason != NULL)
				STR(ROUND_XLSX_COL_REASON, l->reason);
			if (l->referred_from != NULL)
				STR(ROUND_XLSX_COL_REFERRED_FROM,
				    l->referred_from);
			if (l->referred_before != NULL)
				STR(ROUND_XLSX_COL_REFERRED_BEFORE,
				    l->referred_before);
			if (l->computed)
				NUM(ROUND_XLSX_COL_TARIFF,
				    l->tariff_ore / 100.0);
			if (x->warnings != NULL)
				STR(ROUND_XLSX_COL_WARNINGS, x->warnings);
		}
		if (x->has_prev) {
			NUM(ROUND_XLSX_COL_PREV_TARIFF,
			    x->prev_tariff_ore / 100.0);
			NUM(ROUND_XLSX_COL_PREV_PLACES,
			    x->prev_places_centi / 100.0);
			NUM(ROUND_XLSX_COL_PREV_OCC,
			    x->prev_occupancy_bp / 100.0);
		}
#undef NUM
#undef STR
#undef COL
	}
	(void)in;

	/* Dropdowns: the unit strictly, the level as a suggestion. */
	memset(&dv, 0, sizeof(dv));
	dv.validate = LXW_VALIDATION_TYPE_LIST;
	dv.value_list = units;
	dv.error_title = "Ukendt enhed";
	dv.error_message = "Vælg døgn, måned, time eller år.";
	validate(w, ws, ROUND_XLSX_COL_UNIT - 1, &dv);
	for (nl = 0; nl < v->nlevels && nl < 63; nl++) {
		snprintf(lv[nl], sizeof(lv[nl]), "%s", v->levels[nl]);
		levels[nl] = lv[nl];
	}
	levels[nl] = NULL;
	if (nl > 0) {
		memset(&dv, 0, sizeof(dv));
		dv.validate = LXW_VALIDATION_TYPE_LIST;
		dv.value_list = levels;
		dv.error_type = LXW_VALIDATION_ERROR_TYPE_INFORMATION;
		dv.error_title = "Nyt takstniveau";
		dv.error_message = "Niveauet findes ikke i forvejen. Det er "
		    "i orden, hvis du tilføjer et nyt niveau.";
		validate(w, ws, ROUND_XLSX_COL_LEVEL - 1, &dv);
	}
	validate_number(w, ws, ROUND_XLSX_COL_OFFER - 1, true, 1, 1e9,
	    "Skriv tilbuddets nummer som i kolonnen, fx fra rækken ovenfor.");
	validate_number(w, ws, ROUND_XLSX_COL_PLACES - 1, false, 0.01, 1e6,
	    "Pladser skal være et tal større end 0 med højst to decimaler.");
	validate_number(w, ws, ROUND_XLSX_COL_DAYS - 1, true, 1, 366,
	    "Åbningsdage skal være et helt tal fra 1 til 366.");
	validate_number(w, ws, ROUND_XLSX_COL_MONTH_DAYS - 1, true, 28, 31,
	    "Dage i måneden skal være 28, 29, 30 eller 31.");
	validate_number(w, ws, ROUND_XLSX_COL_HOURS - 1, false, 0, 1e6,
	    "Timer skal være et tal, 0 eller mere.");
	snprintf(occmsg, sizeof(occmsg), "Skriv belægningen i procent, fx "
	    "95 for 95 %%, mellem %lld og 100.",
	    (long long)(v->occupancy_floor_bp / 100));
	validate_number(w, ws, ROUND_XLSX_COL_OCC - 1, false,
	    (double)v->occupancy_floor_bp / 100.0, 100, occmsg);
	for (k = ROUND_XLSX_COL_HIST1; k <= ROUND_XLSX_COL_HIST2; k++)
		validate_number(w, ws, k - 1, false, 0, 200,
		    "Skriv belægningen i procent, fx 95 for 95 %.");
	for (k = ROUND_XLSX_COL_WAGES; k <= ROUND_XLSX_COL_INCOME; k++)
		validate_number(w, ws, k - 1, false, 0, 1e12,
		    "Beløbet skal være i kroner, 0 eller mere, med højst to "
		    "decimaler.");
	validate_number(w, ws, ROUND_XLSX_COL_CARRY - 1, false, -1e12, 1e12,
	    "Beløbet skal være i kroner; et overskud skrives med minus.");

	snprintf(header, sizeof(header), "&LTakstindberetning %d, runde %d"
	    "&R%s", v->year, v->round_no, *v->operator_name ?
	    v->operator_name : "Alle driftsherrer");
	note(w, worksheet_set_header(ws, header));
	worksheet_freeze_panes(ws, 1, 2);
	memset(&prot, 0, sizeof(prot));
	prot.insert_rows = 1;
	prot.delete_rows = 1;
	prot.format_columns = 1;
	prot.format_rows = 1;
	worksheet_protect(ws, NULL, &prot);
	worksheet_activate(ws);
}

static void
help_sheet(struct w *w, const struct round_xlsx *v)
{
	lxw_worksheet	*ws = workbook_add_worksheet(w->wb,
			    ROUND_XLSX_HELP_SHEET);
	lxw_format	*title = workbook_add_format(w->wb);
	lxw_format	*bold = workbook_add_format(w->wb);
	lxw_format	*wrap = workbook_add_format(w->wb);
	char		 buf[400];
	lxw_row_t	 r = 0;
	size_t		 i;
	static const char *const text[][2] = {
	    { "Sådan udfylder du", NULL },
	    { "", "Skriv budgettet på arket »Budget«, én række pr. "
	      "ydelseslinje. Hvide celler udfyldes; grå celler beregnes "
	      "af systemet og ændres ikke." },
	    { "", "Indlæs filen igen under runden på siden "
	      "»Takstindberetning«. Er der fejl, gemmes intet, og alle fejl "
	      "vises med række og celle." },
	    { "Enheder", NULL },
	    { "Beløb", "I kroner med højst to decimaler, fx 1.234.567,50. "
	      "Alle omkostninger og indtægter er 0 eller mere." },
	    { "Over-/underskud", "I kroner. Et overskud, der betales "
	      "tilbage, skrives med minus; et underskud med plus." },
	    { "Belægning", "I procent, fx 95 eller 95,37 for 95,37 %. "
	      "Skriver du 95 % i en procentformateret celle, læses den også "
	      "som 95 %." },
	    { "Pladser", "Antal pladser, gerne med to decimaler, fx 12,5." },
	    { "Enhed", "Vælg døgn, måned, time eller år i listen." },
	    { "Åbningsdage", "Tom celle: hele året. Skriv et tal, hvis "
	      "tilbuddet kun har åbent nogle dage." },
	    { "Dage i måneden", "Kun for månedstakster efter dage i "
	      "måneden: 28, 29, 30 eller 31." },
	    { "Timer", "Kun for timetakster: budgetterede timer pr. plads "
	      "pr. år." },
	    { "Paragraf og takstniveau", NULL },
	    { "Paragraf", "Skriv lovens navn og paragraf, fx »SEL § 107« "
	      "eller »SEL §§ 67 og 107«." },
	    { "Nyt takstniveau", "Indsæt en ny række under tilbuddet, skriv "
	      "tilbuddets nummer i kolonne A og det nye niveau i kolonnen "
	      "»Takstniveau«, fx »høj«. Udfyld resten af rækken." },
	    { "Slet en linje", "Slet rækken. En række med kun tilbuddets "
	      "nummer lader tilbuddet være uden linjer." },
	    { "Begrundelse", "Skriv en begrundelse, hvis kolonnen "
	      "»Advarsler« siger, at advarslen kræver det." },
	    { "Hvad beregnes", NULL },
	    { "Beregnet takst", "Taksten beregnes af omkostningerne minus "
	      "indtægterne plus over-/underskud, divideret med pladser × "
	      "dage × belægning, og afrundes efter aftalens regler." },
	    { "Advarsler", "Belægning uden for båndet, en stigning over "
	      "grænsen og andet, der kræver en begrundelse." },
	    { "Sidste år", "De grå kolonner til højre viser sidste års "
	      "offentliggjorte takst, pladser og belægning til "
	      "sammenligning; de indlæses ikke." },
	};

	format_set_bold(title);
	format_set_font_size(title, 14);
	format_set_bold(bold);
	format_set_text_wrap(wrap);
	format_set_align(wrap, LXW_ALIGN_VERTICAL_TOP);
	format_set_align(bold, LXW_ALIGN_VERTICAL_TOP);
	note(w, worksheet_set_column(ws, 0, 0, 26, NULL));
	note(w, worksheet_set_column(ws, 1, 1, 90, wrap));
	snprintf(buf, sizeof(buf), "Takstindberetning %d, runde %d",
	    v->year, v->round_no);
	note(w, worksheet_write_string(ws, r++, 0, buf, title));
	note(w, worksheet_write_string(ws, r, 0, "Runde", bold));
	note(w, worksheet_write_string(ws, r++, 1, v->round_title, wrap));
	note(w, worksheet_write_string(ws, r, 0, "Takstår", bold));
	note(w, worksheet_write_number(ws, r++, 1, v->year, NULL));
	note(w, worksheet_write_string(ws, r, 0, "Driftsherre", bold));
	snprintf(buf, sizeof(buf), "%s%s%s%s", *v->operator_name ?
	    v->operator_name : "Alle driftsherrer", *v->operator_code ?
	    " (" : "", v->operator_code, *v->operator_code ? ")" : "");
	note(w, worksheet_write_string(ws, r++, 1, buf, wrap));
	note(w, worksheet_write_string(ws, r++, 1, "Filen hører til denne "
	    "runde og driftsherre og kan kun indlæses her.", wrap));
	for (i = 0; i < sizeof(text) / sizeof(text[0]); i++) {
		if (text[i][1] == NULL) {
			r++;
			note(w, worksheet_write_string(ws, r++, 0, text[i][0],
			    title));
			continue;
		}
		if (*text[i][0])
			note(w, worksheet_write_string(ws, r, 0, text[i][0],
			    bold));
		note(w, worksheet_write_string(ws, r++, 1, text[i][1], wrap));
	}
}

static void
meta_sheet(struct w *w, const struct round_xlsx *v)
{
	lxw_worksheet *ws = workbook_add_worksheet(w->wb,
	    ROUND_XLSX_META_SHEET);
	lxw_format *text = workbook_add_format(w->wb);

	format_set_num_format(text, "@");
#define ROW(k) ((lxw_row_t)((k) - 1))
	note(w, worksheet_write_string(ws, ROW(ROUND_XLSX_META_KIND), 0,
	    "Skabelon", NULL));
	note(w, worksheet_write_string(ws, ROW(ROUND_XLSX_META_KIND), 1,
	    ROUND_XLSX_KIND, NULL));
	note(w, worksheet_write_string(ws, ROW(ROUND_XLSX_META_ROUND_ID), 0,
	    "Runde-id", NULL));
	note(w, worksheet_write_number(ws, ROW(ROUND_XLSX_META_ROUND_ID), 1,
	    (double)v->round_id, NULL));
	note(w, worksheet_write_string(ws, ROW(ROUND_XLSX_META_YEAR), 0,
	    "Takstår", NULL));
	note(w, worksheet_write_number(ws, ROW(ROUND_XLSX_META_YEAR), 1,
	    v->year, NULL));
	note(w, worksheet_write_string(ws, ROW(ROUND_XLSX_META_ROUND_NO), 0,
	    "Runde", NULL));
	note(w, worksheet_write_number(ws, ROW(ROUND_XLSX_META_ROUND_NO), 1,
	    v->round_no, NULL));
	note(w, worksheet_write_string(ws, ROW(ROUND_XLSX_META_OPERATOR), 0,
	    "Driftsherre", NULL));
	note(w, worksheet_write_string(ws, ROW(ROUND_XLSX_META_OPERATOR), 1,
	    v->operator_code, text));
	note(w, worksheet_write_string(ws, ROW(ROUND_XLSX_META_OPERATOR_NAME),
	    0, "Driftsherrens navn", NULL));
	note(w, worksheet_write_string(ws, ROW(ROUND_XLSX_META_OPERATOR_NAME),
	    1, v->operator_name, NULL));
#undef ROW
	worksheet_protect(ws, NULL, NULL);
	worksheet_hide(ws);
}

int
round_xlsx_write(const struct round_xlsx *v, const char *path,
    struct err *e)
{
	lxw_doc_properties	 props;
	struct w		 w;
	char			 title[200], subject[300];
	lxw_error		 rc;

	memset(&w, 0, sizeof(w));
	if ((w.wb = workbook_new(path)) == NULL)
		return err_set(e, ERR_IO, "xlsx_create", NULL,
		    "Regnearket %.200s kunne ikke oprettes", path);
	/* »Budget« first: it is sheet1.xml, the one uploads are read from. */
	budget_sheet(&w, v);
	help_sheet(&w, v);
	meta_sheet(&w, v);
	snprintf(title, sizeof(title), "Takstindberetning %d, runde %d%s%s",
	    v->year, v->round_no, *v->operator_name ? ", " : "",
	    v->operator_name);
	memset(&props, 0, sizeof(props));
	props.title = title;
	snprintf(subject, sizeof(subject), "%s", v->round_title);
	props.subject = subject;
	note(&w, workbook_set_properties(w.wb, &props));
	note(&w, workbook_set_custom_property_number(w.wb, "Takstår",
	    v->year));
	note(&w, workbook_set_custom_property_number(w.wb, "Runde",
	    v->round_no));
	note(&w, workbook_set_custom_property_string(w.wb, "Driftsherre",
	    *v->operator_code ? v->operator_code : "alle"));
	rc = workbook_close(w.wb);
	if (w.error != LXW_NO_ERROR)
		rc = w.error;
	if (rc == LXW_ERROR_255_STRING_LENGTH_EXCEEDED ||
	    rc == LXW_ERROR_MAX_STRING_LENGTH_EXCEEDED)
		return err_set(e, ERR_INVALID, "xlsx_text", NULL,
		    "En tekst er for lang til en celle i regnearket");
	if (rc != LXW_NO_ERROR)
		return err_set(e, ERR_IO, "xlsx_write", NULL,
		    "Regnearket kunne ikke skrives: %s", lxw_strerror(rc));
	return 0;
}
