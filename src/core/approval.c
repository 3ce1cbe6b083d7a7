/*
 * approval — names, labels and rules of the agreement's documents and
 * their approval (see approval.h).
 */
#include <stdio.h>
#include <string.h>

#include "core/approval.h"
#include "util/err.h"
#include "util/text.h"

static const char *const kind_names[DOC_KIND_COUNT] = {
	"udviklingsstrategi", "styringsaftale", "socialaftale"
};
static const char *const kind_labels[DOC_KIND_COUNT] = {
	"Udviklingsstrategi", "Styringsaftale", "Socialaftale"
};
static const char *const stage_names[STAGE_COUNT] = {
	"udkast", "das", "kkr", "kontaktudvalget", "byraad"
};
static const char *const stage_labels[STAGE_COUNT] = {
	"Udkast", "Behandlet i DAS", "Behandlet i KKR",
	"Behandlet i Kontaktudvalget", "Sendt til byråd og regionsråd"
};
static const char *const status_names[APPROVAL_STATUS_COUNT] = {
	"afventer", "godkendt", "forbehold", "afvist"
};
static const char *const status_labels[APPROVAL_STATUS_COUNT] = {
	"Afventer", "Godkendt", "Godkendt med forbehold", "Afvist"
};

const char *
approval_kind_name(enum approval_kind k)
{
	return (unsigned)k < DOC_KIND_COUNT ? kind_names[k] : "";
}

int
approval_kind_parse(const char *s, enum approval_kind *out)
{
	int i = text_index(kind_names, DOC_KIND_COUNT, s);

	if (i < 0)
		return -1;
	*out = (enum approval_kind)i;
	return 0;
}

const char *
approval_stage_name(enum approval_stage s)
{
	return (unsigned)s < STAGE_COUNT ? stage_names[s] : "";
}

int
approval_stage_parse(const char *s, enum approval_stage *out)
{
	int i = text_index(stage_names, STAGE_COUNT, s);

	if (i < 0)
		return -1;
	*out = (enum approval_stage)i;
	return 0;
}

const char *
approval_status_name(enum approval_status s)
{
	return (unsigned)s < APPROVAL_STATUS_COUNT ? status_names[s] : "";
}

int
approval_status_parse(const char *s, enum approval_status *out)
{
	int i = text_index(status_names, APPROVAL_STATUS_COUNT, s);

	if (i < 0)
		return -1;
	*out = (enum approval_status)i;
	return 0;
}

const char *
approval_kind_label(enum approval_kind k)
{
	return (unsigned)k < DOC_KIND_COUNT ? kind_labels[k] : "";
}

const char *
approval_stage_label(enum approval_stage s)
{
	return (unsigned)s < STAGE_COUNT ? stage_labels[s] : "";
}

const char *
approval_status_label(enum approval_status s)
{
	return (unsigned)s < APPROVAL_STATUS_COUNT ? status_labels[s] : "";
}

bool
approval_is_approved(enum approval_status s)
{
	return s == APPROVAL_APPROVED || s == APPROVAL_RESERVED;
}

void
approval_deadline_default(int year, char out[11])
{
	unsigned approval_year = (unsigned)(year - 1) % 10000u;

	snprintf(out, 11, "%04u-%s", approval_year,
	    approval_year < APPROVAL_LATE_CHANGE ? "06-01" : "05-01");
}

void
approval_deadline_of(int year, int month, char out[11])
{
	if (month < 1 || month > 12) {
		approval_deadline_default(year, out);
		return;
	}
	snprintf(out, 11, "%04u-%02u-01", (unsigned)(year - 1) % 10000u,
	    (unsigned)month);
}

int
approval_decision_check(enum approval_status s, const char *decided_on,
    const char *reservation, struct err *e)
{
	bool has_date = decided_on != NULL && *decided_on != '\0';
	bool has_text = reservation != NULL && *reservation != '\0';

	if ((unsigned)s >= APPROVAL_STATUS_COUNT)
		return err_set(e, ERR_INVALID, "invalid_status", "status",
		    "Vælg en status for godkendelsen");
	if (s == APPROVAL_PENDING) {
		if (has_date || has_text)
			return err_set(e, ERR_INVALID, "pending_with_date",
			    "decided_on", "En afventende godkendelse har "
			    "hverken dato eller forbehold");
		return 0;
	}
	if (!has_date || !text_date_valid(decided_on))
		return err_set(e, ERR_INVALID, "invalid_date", "decided_on",
		    "Angiv datoen for beslutningen som en gyldig dato");
	if (s == APPROVAL_RESERVED && !has_text)
		return err_set(e, ERR_INVALID, "reservation_missing",
		    "reservation", "Skriv forbeholdet");
	if (s != APPROVAL_RESERVED && has_text)
		return err_set(e, ERR_INVALID, "reservation_not_allowed",
		    "reservation", "Et forbehold hører kun til status "
		    "\"Godkendt med forbehold\"");
	if (has_text && strlen(reservation) > APPROVAL_TEXT_MAX)
		return err_set(e, ERR_INVALID, "reservation_too_long",
		    "reservation", "Forbeholdet må højst være %d tegn",
		    APPROVAL_TEXT_MAX);
	return 0;
}
