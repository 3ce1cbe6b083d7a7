/*
 * xlsx_read_cell — cell typing: the decimal text of numbers validated and
 * converted without a double, serial numbers as dates, which number formats
 * show dates or percentages; cell references; and the typed reads of a
 * cell (xlsx_cell_ore, _pct, _int, _text, _date) with their messages.
 */
#include <ctype.h>
#include <stdbool.h>
#include <stdint.h>
#include <string.h>

#include "report/xlsx_read.h"
#include "report/xlsx_read_impl.h"
#include "util/err.h"
#include "util/text.h"

/* ---------------------------------------------------------------------
 * Decimal numbers as written: validated and converted without a double.
 */


/*
 * Parse the xsd:double text s ("-12.50", "1.5E-7"); INF and NaN are not
 * numbers here. Digits beyond DEC_DIGITS are dropped (only reachable past
 * Excel's precision, where dec_round15 rounds anyway). Returns 0 or -1.
 */
int
xlsx_dec_parse(const char *s, struct dec *d)
{
	const char	*p = s;
	int		 mant = 0, ex = 0, eneg = 0, edig = 0;

	memset(d, 0, sizeof(*d));
	if (*p == '+' || *p == '-')
		d->neg = *p++ == '-';
	for (; *p >= '0' && *p <= '9'; p++, mant++) {
		if (d->ndig == 0 && *p == '0')
			continue;
		if (d->ndig < DEC_DIGITS)
			d->dig[d->ndig++] = *p;
		else
			d->exp++;
	}
	if (*p == '.')
		for (p++; *p >= '0' && *p <= '9'; p++, mant++) {
			if (d->ndig == 0 && *p == '0') {
				d->exp--;
				continue;
			}
			if (d->ndig < DEC_DIGITS) {
				d->dig[d->ndig++] = *p;
				d->exp--;
			}
		}
	if (mant == 0)
		return -1;
	if (*p == 'e' || *p == 'E') {
		p++;
		if (*p == '+' || *p == '-')
			eneg = *p++ == '-';
		for (; *p >= '0' && *p <= '9'; p++, edig++) {
			ex = ex * 10 + (*p - '0');
			if (ex > 9999)
				return -1;
		}
		if (edig == 0)
			return -1;
	}
	if (*p != '\0')
		return -1;
	d->exp += eneg ? -ex : ex;
	while (d->ndig > 0 && d->dig[d->ndig - 1] == '0') {
		d->ndig--;
		d->exp++;
	}
	if (d->ndig == 0) {
		d->neg = false;
		d->exp = 0;
	}
	return 0;
}

/* Round to Excel's 15 significant digits (half away from zero). */
void
xlsx_dec_round15(struct dec *d)
{
	int	i;
	bool	up;

	if (d->ndig <= EXCEL_DIGITS)
		return;
	up = d->dig[EXCEL_DIGITS] >= '5';
	d->exp += d->ndig - EXCEL_DIGITS;
	d->ndig = EXCEL_DIGITS;
	if (up) {
		for (i = EXCEL_DIGITS - 1; i >= 0; i--) {
			if (d->dig[i] < '9') {
				d->dig[i]++;
				break;
			}
			d->dig[i] = '0';
		}
		if (i < 0) {			/* 999…9 became 1000…0 */
			d->dig[0] = '1';
			d->ndig = 1;
			d->exp += EXCEL_DIGITS;
		}
	}
	while (d->ndig > 0 && d->dig[d->ndig - 1] == '0') {
		d->ndig--;
		d->exp++;
	}
}

/*
 * The value × 10^scale as an integer. Returns 0, -1 when that has a
 * fraction, -2 when it does not fit in int64.
 */
int
xlsx_dec_to_i64(const struct dec *d, int scale, int64_t *out)
{
	int64_t	v = 0;
	int	i, zeros;

	if (d->ndig == 0) {
		*out = 0;
		return 0;
	}
	if (d->exp + scale < 0)
		return -1;
	zeros = d->exp + scale;
	if (d->ndig + zeros > 19)
		return -2;
	for (i = 0; i < d->ndig + zeros; i++) {
		int digit = i < d->ndig ? d->dig[i] - '0' : 0;

		if (v > (INT64_MAX - digit) / 10)
			return -2;
		v = v * 10 + digit;
	}
	*out = d->neg ? -v : v;
	return 0;
}

/* ---------------------------------------------------------------------
 * Dates: serial numbers and number formats.
 */

/* "YYYY-MM-DD" of days since 1970-01-01; callers keep the year within
   1..9999. */
static void
civil_from_days(int64_t z, char out[11])
{
	int	y, m, d;

	text_civil_from_days(z, &y, &m, &d);
	out[0] = (char)('0' + y / 1000 % 10);
	out[1] = (char)('0' + y / 100 % 10);
	out[2] = (char)('0' + y / 10 % 10);
	out[3] = (char)('0' + y % 10);
	out[4] = '-';
	out[5] = (char)('0' + m / 10);
	out[6] = (char)('0' + m % 10);
	out[7] = '-';
	out[8] = (char)('0' + d / 10);
	out[9] = (char)('0' + d % 10);
	out[10] = '\0';
}

/*
 * The date of serial number d in out, or false when it is no real date:
 * negative, serial 0 of the 1900 system ("1900-01-00"), 60 (the 29
 * February 1900 that Excel believes in) or past 9999-12-31. The time of
 * day in the fraction is ignored.
 */
bool
xlsx_serial_to_iso(const struct dec *d0, bool date1904, char out[11])
{
	struct dec	d = *d0;
	int64_t		days = 0;
	int		i;

	xlsx_dec_round15(&d);
	if (d.neg)
		return false;
	for (i = 0; i < d.ndig + d.exp && i < 9; i++)
		days = days * 10 + (i < d.ndig ? d.dig[i] - '0' : 0);
	if (d.ndig + d.exp > 8)
		return false;
	if (date1904) {
		if (days > 2957003)
			return false;
		civil_from_days(days - 24107, out);	/* 1904-01-01 = 0 */
		return true;
	}
	if (days < 1 || days == 60 || days > 2958465)
		return false;
	if (days < 60)
		days++;			/* before Excel's fictitious leap day */
	civil_from_days(days - 25569, out);	/* 1899-12-30 = 0 */
	return true;
}

/* True if ISO s ("YYYY-MM-DD", maybe followed by "T...") is a real date. */
bool
xlsx_iso_date_prefix(const char *s, char out[11])
{
	static const int mdays[] = { 31, 29, 31, 30, 31, 30, 31, 31, 30, 31,
	    30, 31 };
	int	y, m, d, i;

	for (i = 0; i < 10; i++)
		if (i == 4 || i == 7 ? s[i] != '-' : !isdigit((unsigned char)
		    s[i]))
			return false;
	if (s[10] != '\0' && s[10] != 'T')
		return false;
	y = atoi(s);
	m = atoi(s + 5);
	d = atoi(s + 8);
	if (y < 1 || m < 1 || m > 12 || d < 1 || d > mdays[m - 1])
		return false;
	if (m == 2 && d == 29 && !(y % 4 == 0 && (y % 100 != 0 ||
	    y % 400 == 0)))
		return false;
	memcpy(out, s, 10);
	out[10] = '\0';
	return true;
}

/*
 * Built-in number formats that show a date: 14-17 and 22 in every
 * locale, 27-36 and 50-58 in East Asian ones. 18-21 and 45-47 show only a
 * time of day and stay numbers.
 */
bool
xlsx_builtin_is_date(uint32_t id)
{
	return (id >= 14 && id <= 17) || id == 22 || (id >= 27 && id <= 36) ||
	    (id >= 50 && id <= 58);
}

/* True if bracket text [s, end) is elapsed time: [h], [mm], [ss]. */
static bool
elapsed(const char *s, const char *end)
{
	const char *p;

	if (s == end || strchr("hHmMsS", *s) == NULL)
		return false;
	for (p = s; p < end; p++)
		if (tolower((unsigned char)*p) != tolower((unsigned char)*s))
			return false;
	return true;
}

/*
 * True if the custom format code shows a date: its first section has a
 * day or year, or a month without hours or seconds (so "mm:ss" is a
 * time). Quoted text, escaped characters, fill and padding characters
 * and bracketed colours and locales are skipped.
 */
bool
xlsx_format_is_date(const char *code)
{
	const char	*p, *close;
	bool		 date = false, month = false, time = false;

	for (p = code; *p != '\0' && *p != ';'; p++) {
		switch (*p) {
		case '"':
			close = strchr(p + 1, '"');
			if (close == NULL)
				return false;
			p = close;
			break;
		case '\\':
		case '_':
		case '*':
			if (p[1] != '\0')
				p++;
			break;
		case '[':
			close = strchr(p + 1, ']');
			if (close == NULL)
				return false;
			if (elapsed(p + 1, close))
				time = true;
			p = close;
			break;
		case 'd': case 'D': case 'y': case 'Y':
			date = true;
			break;
		case 'm': case 'M':
			month = true;
			break;
		case 'h': case 'H': case 's': case 'S':
			time = true;
			break;
		default:
			break;
		}
	}
	return date || (month && !time);
}

/*
 * True if the format code shows a percentage: a "%" in its first section
 * outside quoted text, escapes and brackets (built-in 9 "0%" and 10
 * "0.00%" are known by id).
 */
bool
xlsx_format_is_percent(const char *code)
{
	const char *p, *close;

	for (p = code; *p != '\0' && *p != ';'; p++) {
		switch (*p) {
		case '"':
			if ((close = strchr(p + 1, '"')) == NULL)
				return false;
			p = close;
			break;
		case '\\':
		case '_':
		case '*':
			if (p[1] != '\0')
				p++;
			break;
		case '[':
			if ((close = strchr(p + 1, ']')) == NULL)
				return false;
			p = close;
			break;
		case '%':
			return true;
		default:
			break;
		}
	}
	return false;
}

/* ---------------------------------------------------------------------
 * Cells.
 */

int
xlsx_read_ref_parse(const char *ref, uint32_t *row, uint32_t *col)
{
	const char	*p = ref;
	uint32_t	 c = 0, r = 0;
	int		 letters = 0, digits = 0;

	for (; isalpha((unsigned char)*p); p++) {
		if (++letters > 3)
			return -1;
		c = c * 26 + (uint32_t)(toupper((unsigned char)*p) - 'A' + 1);
	}
	if (letters == 0 || c > XLSX_READ_MAX_COLS || *p == '0')
		return -1;
	for (; *p >= '0' && *p <= '9'; p++) {
		if (++digits > 7)
			return -1;
		r = r * 10 + (uint32_t)(*p - '0');
	}
	if (digits == 0 || *p != '\0' || r > XLSX_READ_MAX_ROWS)
		return -1;
	*row = r;
	*col = c;
	return 0;
}

void
xlsx_read_ref_format(char out[XLSX_REF_SIZE], uint32_t row, uint32_t col)
{
	char	letters[4];
	int	n = 0, i;

	if (col == 0 || col > XLSX_READ_MAX_COLS || row == 0 ||
	    row > XLSX_READ_MAX_ROWS) {
		snprintf(out, XLSX_REF_SIZE, "?");
		return;
	}
	while (col > 0) {
		letters[n++] = (char)('A' + (col - 1) % 26);
		col = (col - 1) / 26;
	}
	for (i = 0; i < n; i++)
		out[i] = letters[n - 1 - i];
	snprintf(out + n, (size_t)(XLSX_REF_SIZE - n), "%u", row);
}

const struct xlsx_cell *
xlsx_read_cell(const struct xlsx_sheet *s, uint32_t row, uint32_t col)
{
	size_t lo = 0, hi = s->ncells, mid;

	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		if (s->cells[mid].row < row || (s->cells[mid].row == row &&
		    s->cells[mid].col < col))
			lo = mid + 1;
		else
			hi = mid;
	}
	if (lo < s->ncells && s->cells[lo].row == row &&
	    s->cells[lo].col == col)
		return &s->cells[lo];
	return NULL;
}

const struct xlsx_cell *
xlsx_read_cell_ref(const struct xlsx_sheet *s, const char *ref)
{
	uint32_t row, col;

	if (xlsx_read_ref_parse(ref, &row, &col) != 0)
		return NULL;
	return xlsx_read_cell(s, row, col);
}

/*
 * The cell for a helper: NULL with ERR_NOT_FOUND filled when it is empty,
 * or with ERR_INVALID when it holds an error value or a formula that was
 * never calculated (its value is unknown, not empty).
 */
static const struct xlsx_cell *
cell_for(const struct xlsx_sheet *s, uint32_t row, uint32_t col, int *rc,
    struct err *e)
{
	const struct xlsx_cell	*c = xlsx_read_cell(s, row, col);
	char			 tmp[40];

	*rc = 0;
	if (c != NULL && c->type == XLSX_CELL_EMPTY && c->formula != NULL) {
		*rc = cell_err(e, s->name, row, col, ERR_INVALID,
		    "uncalculated_formula", "formlen har ingen beregnet "
		    "værdi; åbn filen i Excel, og gem den igen");
		return NULL;
	}
	if (c == NULL || c->type == XLSX_CELL_EMPTY) {
		*rc = cell_err(e, s->name, row, col, ERR_NOT_FOUND,
		    "empty_cell", "skal udfyldes");
		return NULL;
	}
	if (c->type == XLSX_CELL_ERROR) {
		*rc = cell_err(e, s->name, row, col, ERR_INVALID, "cell_error",
		    "cellen viser fejlen %s", clip(tmp, sizeof(tmp), c->text));
		return NULL;
	}
	return c;
}

/* Why a cell of the wrong type is no number, for messages. */
static const char *
not_number(const struct xlsx_cell *c)
{
	switch (c->type) {
	case XLSX_CELL_DATE:	return "en dato";
	case XLSX_CELL_BOOL:	return "en sandhedsværdi";
	default:		return "tekst";
	}
}

int
xlsx_cell_ore(const struct xlsx_sheet *s, uint32_t row, uint32_t col,
    int64_t *out, struct err *e)
{
	const struct xlsx_cell	*c;
	struct dec		 d;
	int			 rc;

	*out = 0;
	if ((c = cell_for(s, row, col, &rc, e)) == NULL)
		return rc;
	if (c->type != XLSX_CELL_NUMBER)
		return cell_err(e, s->name, row, col, ERR_INVALID,
		    "invalid_amount", "beløbet skal være et tal, ikke %s",
		    not_number(c));
	if (xlsx_dec_parse(c->text, &d) != 0)
		return cell_err(e, s->name, row, col, ERR_INVALID,
		    "invalid_amount", "beløbet skal være et tal");
	if ((rc = xlsx_dec_to_i64(&d, 2, out)) == -1) {
		xlsx_dec_round15(&d);
		rc = xlsx_dec_to_i64(&d, 2, out);
	}
	if (rc == -1)
		return cell_err(e, s->name, row, col, ERR_INVALID,
		    "invalid_amount", "beløbet skal være i kroner med højst "
		    "to decimaler");
	if (rc == -2)
		return cell_err(e, s->name, row, col, ERR_INVALID,
		    "invalid_amount", "beløbet er for stort");
	return 0;
}

int
xlsx_cell_pct(const struct xlsx_sheet *s, uint32_t row, uint32_t col,
    int64_t *out, struct err *e)
{
	const struct xlsx_cell	*c;
	struct dec		 d;
	int			 rc, scale;

	*out = 0;
	if ((c = cell_for(s, row, col, &rc, e)) == NULL)
		return rc;
	if (c->type != XLSX_CELL_NUMBER)
		return cell_err(e, s->name, row, col, ERR_INVALID,
		    "invalid_percent", "procenten skal være et tal, ikke %s",
		    not_number(c));
	if (xlsx_dec_parse(c->text, &d) != 0)
		return cell_err(e, s->name, row, col, ERR_INVALID,
		    "invalid_percent", "procenten skal være et tal");
	/* 0.9537 shown as 95,37 % is 9537 hundredths of a percent. */
	scale = c->percent ? 4 : 2;
	if ((rc = xlsx_dec_to_i64(&d, scale, out)) == -1) {
		xlsx_dec_round15(&d);
		rc = xlsx_dec_to_i64(&d, scale, out);
	}
	if (rc == -1)
		return cell_err(e, s->name, row, col, ERR_INVALID,
		    "invalid_percent", "procenten må have højst to decimaler");
	if (rc == -2)
		return cell_err(e, s->name, row, col, ERR_INVALID,
		    "invalid_percent", "procenten er for stor");
	return 0;
}

int
xlsx_cell_int(const struct xlsx_sheet *s, uint32_t row, uint32_t col,
    int64_t *out, struct err *e)
{
	const struct xlsx_cell	*c;
	struct dec		 d;
	int			 rc;

	*out = 0;
	if ((c = cell_for(s, row, col, &rc, e)) == NULL)
		return rc;
	if (c->type != XLSX_CELL_NUMBER)
		return cell_err(e, s->name, row, col, ERR_INVALID,
		    "invalid_integer", "skal være et helt tal, ikke %s",
		    not_number(c));
	if (xlsx_dec_parse(c->text, &d) != 0)
		return cell_err(e, s->name, row, col, ERR_INVALID,
		    "invalid_integer", "skal være et helt tal");
	if ((rc = xlsx_dec_to_i64(&d, 0, out)) == -1) {
		xlsx_dec_round15(&d);
		rc = xlsx_dec_to_i64(&d, 0, out);
	}
	if (rc == -1)
		return cell_err(e, s->name, row, col, ERR_INVALID,
		    "invalid_integer", "skal være et helt tal uden decimaler");
	if (rc == -2)
		return cell_err(e, s->name, row, col, ERR_INVALID,
		    "invalid_integer", "tallet er for stort");
	return 0;
}

int
xlsx_cell_text(const struct xlsx_sheet *s, uint32_t row, uint32_t col,
    const char **out, struct err *e)
{
	const struct xlsx_cell	*c;
	int			 rc;

	*out = "";
	if ((c = cell_for(s, row, col, &rc, e)) == NULL)
		return rc;
	*out = c->text;
	return 0;
}

int
xlsx_cell_date(const struct xlsx_sheet *s, uint32_t row, uint32_t col,
    const char **out, struct err *e)
{
	const struct xlsx_cell	*c;
	int			 rc;
	char			 iso[11];

	*out = "";
	if ((c = cell_for(s, row, col, &rc, e)) == NULL)
		return rc;
	if (c->type == XLSX_CELL_DATE) {
		*out = c->text;
		return 0;
	}
	if (c->type == XLSX_CELL_STRING && strlen(c->text) == 10 &&
	    xlsx_iso_date_prefix(c->text, iso)) {
		*out = c->text;
		return 0;
	}
	return cell_err(e, s->name, row, col, ERR_INVALID, "invalid_date",
	    "skal være en dato");
}
