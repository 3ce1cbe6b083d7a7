/*
 * params — the parameters of an agreement year and their descriptors
 * (see params.h). The table below is the only place defaults are written
 * down; params_defaults() builds a struct from it.
 */
#include <stdbool.h>
#include <stddef.h>
#include <string.h>

#include "core/money.h"
#include "core/params.h"
#include "util/err.h"

static const char *const surplus_rules[] = { "setaside", "carryover", NULL };
static const char *const surplus_rule_labels[] = {
	"Hensættelse af overskud (Nordjysk Socialaftale)",
	"Overførsel til næste års ramme (Syddanmark)",
	NULL
};
static const char *const day_bases[] = { "calendar", "365", "366", NULL };
static const char *const day_basis_labels[] = {
	"Kalenderdage (365, i skudår 366)",
	"Altid 365 dage",
	"Altid 366 dage",
	NULL
};
static const char *const month_rules[] = { "year_12", "days", NULL };
static const char *const month_rule_labels[] = {
	"Årstakst / 12",
	"Døgntakst × dage i måneden",
	NULL
};
static const char *const overhead_bases[] = { "direct", "direct_capital",
	NULL };
static const char *const overhead_base_labels[] = {
	"Direkte omkostninger (løn, ejendom, øvrige)",
	"Direkte omkostninger og kapitalomkostninger",
	NULL
};
static const char *const round_modes[] = { "half_up", "half_even", "down",
	"up", NULL };
static const char *const round_mode_labels[] = {
	"Afrunding (halve op)",
	"Halve til lige",
	"Nedrunding",
	"Oprunding",
	NULL
};

#define F(field)	offsetof(struct agreement_params, field)
#define CHOICE(names, labels) \
	PARAM_UNIT_CHOICE, 0, (int64_t)(sizeof(names) / sizeof(names[0])) - 2, \
	names, labels

static const struct param_desc descs[] = {
	{ "surplus_rule", "Regelsæt for over- og underskud",
	  "spec §2.5: S3 (Nordjylland), S4 (Syddanmark)",
	  CHOICE(surplus_rules, surplus_rule_labels),
	  F(surplus_rule), { { 0, SURPLUS_RULE_SETASIDE } }, 1 },
	{ "setaside_ceiling_bp",
	  "Loft for hensættelse af overskud (% af takstberegningsgrundlaget)",
	  "spec §2.5 [V] S3; 2 % før 2012 (referat aug. 2011)",
	  PARAM_UNIT_BP, 0, MONEY_BP_ONE, NULL, NULL,
	  F(setaside_ceiling_bp), { { 0, 200 }, { 2012, 500 } }, 2 },
	{ "setaside_years", "Hensat overskud skal bruges inden for (år)",
	  "spec §2.5 [V] S3",
	  PARAM_UNIT_YEARS, 0, 20, NULL, NULL,
	  F(setaside_years), { { 0, 5 } }, 1 },
	{ "setaside_covers_deficit",
	  "Hensat overskud må dække underskud",
	  "spec §2.5 [V] S3, §10.3",
	  PARAM_UNIT_FLAG, 0, 1, NULL, NULL,
	  F(setaside_covers_deficit), { { 0, 1 } }, 1 },
	{ "carryover_ceiling_bp",
	  "Loft for overførsel til næste års ramme "
	  "(± % af omkostningsbudgettet)",
	  "spec §2.5 [V] S4",
	  PARAM_UNIT_BP, 0, MONEY_BP_ONE, NULL, NULL,
	  F(carryover_ceiling_bp), { { 0, 500 } }, 1 },
	{ "carryover_years",
	  "Overførsel indgår i rammen (år efter regnskabsåret)",
	  "spec §2.5 [V] S4",
	  PARAM_UNIT_YEARS, 1, 5, NULL, NULL,
	  F(carryover_years), { { 0, 1 } }, 1 },
	{ "carry_lag_years",
	  "Over-/underskud indgår i taksten (år efter regnskabsåret)",
	  "spec §2.5 [K], [V] S4",
	  PARAM_UNIT_YEARS, 1, 5, NULL, NULL,
	  F(carry_lag_years), { { 0, 2 } }, 1 },
	{ "occupancy_years",
	  "Antal afsluttede regnskabsår i gennemsnittet for belægning",
	  "spec §2.4 [V] S2",
	  PARAM_UNIT_COUNT, 1, 4, NULL, NULL,
	  F(occupancy_years), { { 0, 2 } }, 1 },
	{ "occupancy_lag_years",
	  "Seneste regnskabsår for belægning (år før takståret)",
	  "spec §2.4, §10.1 [V] G3",
	  PARAM_UNIT_YEARS, 1, 5, NULL, NULL,
	  F(occupancy_lag_years), { { 0, 2 } }, 1 },
	{ "occupancy_min_bp", "Mindste budgetterede belægningsprocent",
	  "spec §2.4 [V] S2",
	  PARAM_UNIT_BP, 1, MONEY_BP_ONE, NULL, NULL,
	  F(occupancy_min_bp), { { 0, 9500 } }, 1 },
	{ "occupancy_max_bp", "Største budgetterede belægningsprocent",
	  "spec §2.4 [V] S2",
	  PARAM_UNIT_BP, 1, MONEY_BP_ONE, NULL, NULL,
	  F(occupancy_max_bp), { { 0, 10000 } }, 1 },
	{ "occupancy_short_min_bp",
	  "Mindste belægningsprocent for korte forløb, akut- og "
	  "aflastningstilbud",
	  "spec §2.4 [V] S2",
	  PARAM_UNIT_BP, 1, MONEY_BP_ONE, NULL, NULL,
	  F(occupancy_short_min_bp), { { 0, 9000 } }, 1 },
	{ "occupancy_warn_bp",
	  "Anbefalet højeste belægningsprocent (advarsel over)",
	  "spec §2.4 [V] S2",
	  PARAM_UNIT_BP, 1, MONEY_BP_ONE, NULL, NULL,
	  F(occupancy_warn_bp), { { 0, 9800 } }, 1 },
	{ "occupancy_floor_bp",
	  "Laveste budgetterede belægningsprocent, der kan indlæses fra Excel",
	  "sund fornuft: 0,95 i en procentcelle er 95 %, ikke 0,95 %",
	  PARAM_UNIT_BP, 0, MONEY_BP_ONE, NULL, NULL,
	  F(occupancy_floor_bp), { { 0, 5000 } }, 1 },
	{ "occupancy_round_mode",
	  "Afrunding af gennemsnitlig belægning (til hundrededele procent)",
	  "spec §2.4 [D]",
	  CHOICE(round_modes, round_mode_labels),
	  F(occupancy_round_mode), { { 0, ROUND_HALF_UP } }, 1 },
	{ "secure_occupancy_bp",
	  "Forudsat belægningsprocent for sikrede institutioner",
	  "spec §4.3; referat DAS marts 2014: 85 %, 90 % fra 2015",
	  PARAM_UNIT_BP, 1, MONEY_BP_ONE, NULL, NULL,
	  F(secure_occupancy_bp), { { 0, 8500 }, { 2015, 9000 } }, 2 },
	{ "day_basis", "Dage pr. år i døgntakster",
	  "spec §2.3, §8 Q2/Q9, §10.2 [K]",
	  CHOICE(day_bases, day_basis_labels),
	  F(day_basis), { { 0, DAY_BASIS_CALENDAR } }, 1 },
	{ "month_rule", "Beregning af månedstakst",
	  "spec §2.3, §8 Q9, §10.2 [K]",
	  CHOICE(month_rules, month_rule_labels),
	  F(month_rule), { { 0, MONTH_RULE_YEAR_12 } }, 1 },
	{ "tariff_round_ore", "Offentliggjorte takster afrundes til (øre)",
	  "spec §2.3 [D/K]: hele kroner",
	  PARAM_UNIT_ORE, 1, 10000, NULL, NULL,
	  F(tariff_round_ore), { { 0, 100 } }, 1 },
	{ "tariff_round_mode", "Afrunding af offentliggjorte takster",
	  "spec §2.3 [D/K]",
	  CHOICE(round_modes, round_mode_labels),
	  F(tariff_round_mode), { { 0, ROUND_HALF_UP } }, 1 },
	{ "overhead_base", "Grundlag for overhead i procent",
	  "spec §2.3, §8 Q12 [K]",
	  CHOICE(overhead_bases, overhead_base_labels),
	  F(overhead_base), { { 0, OVERHEAD_BASE_DIRECT } }, 1 },
	{ "treatment_citizens_per_place",
	  "Behandlingstilbud: forventede borgere pr. takstplads "
	  "(0 = gælder ikke)",
	  "spec §2.1 nr. 5 [V] S8, fra takståret 2018",
	  PARAM_UNIT_COUNT, 0, 1000, NULL, NULL,
	  F(treatment_citizens_per_place), { { 0, 0 }, { 2018, 10 } }, 2 },
	{ "vat_refund_bp",
	  "Refusion af indirekte moms (private tilbud, % af taksten)",
	  "spec TV-9 [V] S28",
	  PARAM_UNIT_BP, 0, MONEY_BP_ONE, NULL, NULL,
	  F(vat_refund_bp), { { 0, 460 } }, 1 },
	{ "general_reduction_bp",
	  "Generel takstreduktion i forhold til året før",
	  "referat aug./okt. 2011: 2 % for 2012",
	  PARAM_UNIT_BP, 0, MONEY_BP_ONE, NULL, NULL,
	  F(general_reduction_bp),
	  { { 0, 0 }, { 2012, 200 }, { 2013, 0 } }, 3 },
	{ "reduction_fixed_prices",
	  "Takstreduktion måles i faste priser (efter PL-fremskrivning)",
	  "[K]",
	  PARAM_UNIT_FLAG, 0, 1, NULL, NULL,
	  F(reduction_fixed_prices), { { 0, 0 } }, 1 },
	{ "approval_deadline_month",
	  "Måned for byrådenes frist for godkendelse af næste års aftale "
	  "(den 1.)",
	  "referat DAS 6. marts 2014: 1. juni, fra 2015 1. maj",
	  PARAM_UNIT_COUNT, 1, 12, NULL, NULL,
	  F(approval_deadline_month), { { 0, 6 }, { 2015, 5 } }, 2 },
	{ "retention_login_days",
	  "Loginlog (loginforsøg og logins i revisionssporet) gemmes (dage)",
	  "docs/privacy.md: databeskyttelsesforordningen art. 5, stk. 1, e",
	  PARAM_UNIT_COUNT, 1, 3650, NULL, NULL,
	  F(retention_login_days), { { 0, 180 } }, 1 },
	{ "retention_session_days",
	  "Afsluttede sessioner gemmes (dage efter udløb)",
	  "docs/privacy.md: databeskyttelsesforordningen art. 5, stk. 1, e",
	  PARAM_UNIT_COUNT, 1, 3650, NULL, NULL,
	  F(retention_session_days), { { 0, 30 } }, 1 },
	{ "retention_audit_years",
	  "Revisionsspor gemmes (år); godkendte referaters spor slettes "
	  "aldrig",
	  "docs/privacy.md: arkivlovens og forvaltningslovens krav",
	  PARAM_UNIT_YEARS, 1, 100, NULL, NULL,
	  F(retention_audit_years), { { 0, 10 } }, 1 },
	{ "retention_mail_days",
	  "Sendte og annullerede e-mails gemmes (dage)",
	  "docs/privacy.md: databeskyttelsesforordningen art. 5, stk. 1, e",
	  PARAM_UNIT_COUNT, 1, 3650, NULL, NULL,
	  F(retention_mail_days), { { 0, 90 } }, 1 },
	{ "totp_required_admin",
	  "Sekretariatets administratorer skal bruge to-trins-bekræftelse",
	  "OWASP ASVS 2.7 / 2.8",
	  PARAM_UNIT_FLAG, 0, 1, NULL, NULL,
	  F(totp_required_admin), { { 0, 1 } }, 1 },
	{ "reminder_days",
	  "Dage før en frist, hvor der sendes påmindelse pr. e-mail",
	  "sekretariatets valg [K]",
	  PARAM_UNIT_COUNT, 1, 60, NULL, NULL,
	  F(reminder_days), { { 0, 7 } }, 1 },
};

#undef F
#undef CHOICE

#define NDESCS	(sizeof(descs) / sizeof(descs[0]))

static const char *const unit_names[] = {
	[PARAM_UNIT_BP]		= "bp",
	[PARAM_UNIT_YEARS]	= "years",
	[PARAM_UNIT_ORE]	= "ore",
	[PARAM_UNIT_COUNT]	= "count",
	[PARAM_UNIT_CHOICE]	= "choice",
	[PARAM_UNIT_FLAG]	= "flag",
};

size_t
params_count(void)
{
	return NDESCS;
}

const struct param_desc *
params_desc_at(size_t i)
{
	return i < NDESCS ? &descs[i] : NULL;
}

const struct param_desc *
params_find(const char *key)
{
	size_t i;

	if (key == NULL)
		return NULL;
	for (i = 0; i < NDESCS; i++)
		if (strcmp(descs[i].key, key) == 0)
			return &descs[i];
	return NULL;
}

int64_t
params_desc_default(const struct param_desc *d, int year)
{
	int64_t	v = d->steps[0].value;
	int	i;

	for (i = 1; i < d->nsteps; i++)
		if (d->steps[i].from_year <= year)
			v = d->steps[i].value;
	return v;
}

const char *
params_unit_name(enum param_unit u)
{
	return (unsigned)u < sizeof(unit_names) / sizeof(unit_names[0]) ?
	    unit_names[u] : "";
}

static int64_t *
field_of(struct agreement_params *p, const struct param_desc *d)
{
	return (int64_t *)(void *)((char *)p + d->offset);
}

static int64_t
value_of(const struct agreement_params *p, const struct param_desc *d)
{
	int64_t v;

	memcpy(&v, (const char *)p + d->offset, sizeof(v));
	return v;
}

int
params_defaults(int year, struct agreement_params *out, struct err *e)
{
	size_t i;

	if (year < PARAMS_YEAR_MIN || year > PARAMS_YEAR_MAX)
		return err_set(e, ERR_INVALID, "invalid_year", "year",
		    "Året skal ligge mellem %d og %d", PARAMS_YEAR_MIN,
		    PARAMS_YEAR_MAX);
	memset(out, 0, sizeof(*out));
	out->year = year;
	for (i = 0; i < NDESCS; i++)
		*field_of(out, &descs[i]) =
		    params_desc_default(&descs[i], year);
	return 0;
}

int
params_get(const struct agreement_params *p, const char *key, int64_t *out)
{
	const struct param_desc *d;

	if ((d = params_find(key)) == NULL)
		return ERR_NOT_FOUND;
	*out = value_of(p, d);
	return 0;
}

/* Check v against d's range; e names the key. */
static int
check_value(const struct param_desc *d, int64_t v, struct err *e)
{
	if (v >= d->min && v <= d->max)
		return 0;
	if (d->unit == PARAM_UNIT_BP)
		return err_set(e, ERR_INVALID, "param_out_of_range", d->key,
		    "%s skal ligge mellem %lld,%02lld %% og %lld,%02lld %%",
		    d->label, (long long)(d->min / 100),
		    (long long)(d->min % 100), (long long)(d->max / 100),
		    (long long)(d->max % 100));
	return err_set(e, ERR_INVALID, "param_out_of_range", d->key,
	    "%s skal ligge mellem %lld og %lld", d->label, (long long)d->min,
	    (long long)d->max);
}

int
params_set(struct agreement_params *p, const char *key, int64_t v,
    struct err *e)
{
	const struct param_desc	*d;
	int			 rc;

	if ((d = params_find(key)) == NULL)
		return err_set(e, ERR_NOT_FOUND, "unknown_param", key,
		    "Ukendt parameter: %.40s", key);
	if ((rc = check_value(d, v, e)) != 0)
		return rc;
	*field_of(p, d) = v;
	return 0;
}

int
params_validate(const struct agreement_params *p, struct err *e)
{
	size_t	i;
	int	rc;

	if (p->year < PARAMS_YEAR_MIN || p->year > PARAMS_YEAR_MAX)
		return err_set(e, ERR_INVALID, "invalid_year", "year",
		    "Året skal ligge mellem %d og %d", PARAMS_YEAR_MIN,
		    PARAMS_YEAR_MAX);
	for (i = 0; i < NDESCS; i++)
		if ((rc = check_value(&descs[i], value_of(p, &descs[i]),
		    e)) != 0)
			return rc;
	if (p->occupancy_min_bp > p->occupancy_max_bp)
		return err_set(e, ERR_INVALID, "param_band_order",
		    "occupancy_min_bp", "Mindste belægningsprocent må ikke "
		    "være større end den største");
	if (p->occupancy_short_min_bp > p->occupancy_min_bp)
		return err_set(e, ERR_INVALID, "param_band_order",
		    "occupancy_short_min_bp", "Mindste belægningsprocent for "
		    "korte forløb må ikke være større end den almindelige");
	if (p->occupancy_warn_bp < p->occupancy_min_bp ||
	    p->occupancy_warn_bp > p->occupancy_max_bp)
		return err_set(e, ERR_INVALID, "param_band_order",
		    "occupancy_warn_bp", "Den anbefalede højeste "
		    "belægningsprocent skal ligge inden for intervallet");
	return 0;
}
