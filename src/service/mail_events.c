/*
 * mail_events — the notices of the changes that exist (see
 * mail_events.h). The texts are Danish and plain; the link to the page
 * and the footer are added when the mail is sent.
 */
#include <stdbool.h>
#include <string.h>

#include "service/mail.h"
#include "service/mail_events.h"
#include "service/svc.h"
#include "store/indmelding_store.h"
#include "store/meeting_store.h"
#include "store/outbox_store.h"
#include "store/round_store.h"
#include "store/tariff_store.h"
#include "util/arena.h"
#include "util/buf.h"
#include "util/err.h"
#include "util/text.h"

/* "6. marts 2014" of an ISO date (or the date part of a time), in s. */
static const char *
date_da(struct svc *s, const char *iso)
{
	struct buf	 b;
	char		 d[11];
	const char	*r;

	if (iso == NULL || strlen(iso) < 10)
		return "";
	memcpy(d, iso, 10);
	d[10] = '\0';
	buf_init(&b);
	text_format_date_da(&b, d);
	r = arena_strdup(s->arena, buf_str(&b));
	buf_cleanup(&b);
	return r;
}

int
mail_round_opened(struct svc *s, const struct tariff_round *r, struct err *e)
{
	const char	**ops;
	size_t		  n, i;
	int		  rc;

	if ((rc = outbox_store_round_operators(s->db, s->arena, r->id, &ops,
	    &n, e)) != 0)
		return rc;
	for (i = 0; i < n; i++)
		if ((rc = mail_notify(s, &(struct mail_notice){
		    .kind = NOTICE_OPENED, .about = "tariff_round",
		    .about_id = r->id, .org_code = ops[i],
		    .subject = arena_printf(s->arena, "Takstindberetning "
		    "åbnet: %s", r->title),
		    .text = arena_printf(s->arena, "Sekretariatet har åbnet "
		    "\"%s\" for takståret %d.\n\nFristen for at indsende er "
		    "den %s. Indberetningerne er udfyldt på forhånd med sidste "
		    "års linjer og regnskab, hvor de findes.\n", r->title,
		    r->year, date_da(s, r->deadline)),
		    .path = arena_printf(s->arena, "/takstindberetning/%lld",
		    (long long)r->id) }, NULL, e)) != 0)
			return rc;
	return 0;
}

int
mail_submission_reviewed(struct svc *s, const struct submission *sub,
    const struct tariff_round *r, bool returned, struct err *e)
{
	return mail_notify(s, &(struct mail_notice){
	    .kind = returned ? NOTICE_RETURNED : NOTICE_APPROVED,
	    .about = "submission", .about_id = sub->id,
	    .org_code = sub->operator_code,
	    .subject = arena_printf(s->arena, "%s: %s (%s)", returned ?
	    "Sendt retur" : "Godkendt", sub->offer_name, r->title),
	    .text = returned ? arena_printf(s->arena, "Sekretariatet har sendt "
	    "indberetningen for %s i \"%s\" retur med denne kommentar:\n\n"
	    "%s\n\nRet indberetningen, og indsend den igen.\n",
	    sub->offer_name, r->title, sub->comment != NULL ? sub->comment :
	    "") : arena_printf(s->arena, "Sekretariatet har godkendt "
	    "indberetningen for %s i \"%s\". Taksterne offentliggøres i "
	    "takstoversigten, når runden er færdig.\n", sub->offer_name,
	    r->title),
	    .path = arena_printf(s->arena, "/indberetning/%lld",
	    (long long)sub->id) }, NULL, e);
}

static int
meeting_notice(struct svc *s, const struct meeting *m, bool minutes,
    struct err *e)
{
	const char *when = m->starts_at != NULL ? arena_printf(s->arena,
	    " den %s", date_da(s, m->starts_at)) : "";

	return mail_notify(s, &(struct mail_notice){
	    .kind = minutes ? NOTICE_MINUTES : NOTICE_AGENDA,
	    .about = "meeting", .about_id = m->id, .body_id = m->body_id,
	    .subject = arena_printf(s->arena, "%s: %s", minutes ?
	    "Referat til kommentering" : "Dagsorden udsendt", m->title),
	    .text = minutes ? arena_printf(s->arena, "Udkastet til referat "
	    "fra mødet \"%s\"%s i %s er udsendt til medlemmerne. Send dine "
	    "eventuelle bemærkninger til sekretariatet.\n", m->title, when,
	    m->body_name != NULL ? m->body_name : "organet") :
	    arena_printf(s->arena, "Dagsordenen til mødet \"%s\"%s i %s er "
	    "udsendt.\n", m->title, when, m->body_name != NULL ?
	    m->body_name : "organet"),
	    .path = arena_printf(s->arena, "/moeder/%lld", (long long)m->id) },
	    NULL, e);
}

int
mail_agenda_published(struct svc *s, const struct meeting *m, struct err *e)
{
	return meeting_notice(s, m, false, e);
}

int
mail_minutes_circulated(struct svc *s, const struct meeting *m,
    struct err *e)
{
	return meeting_notice(s, m, true, e);
}

/* The same notice to every party of year y. */
static int
ind_parties_notify(struct svc *s, const struct ind_year *y,
    struct mail_notice *n, struct err *e)
{
	const char	**orgs;
	size_t		  k, i;
	int		  rc;

	if ((rc = outbox_store_ind_parties(s->db, s->arena, y->id, &orgs, &k,
	    e)) != 0)
		return rc;
	for (i = 0; i < k; i++) {
		n->org_code = orgs[i];
		if ((rc = mail_notify(s, n, NULL, e)) != 0)
			return rc;
	}
	return 0;
}

int
mail_ind_opened(struct svc *s, const struct ind_year *y, struct err *e)
{
	struct mail_notice n = {
	    .kind = NOTICE_OPENED, .about = "indmelding_year",
	    .about_id = y->id,
	    .subject = arena_printf(s->arena, "Indmelding %d åbnet", y->year),
	    .text = arena_printf(s->arena, "Sekretariatet har åbnet den "
	    "årlige indmelding for %d.\n\nKommunerne melder forventet "
	    "forbrug og ønsker ind, driftsherrerne kapacitet, belægning og "
	    "udvikling for deres tilbud. Indmeldingen er udfyldt på forhånd "
	    "med sidste års svar og registerets oplysninger, hvor de "
	    "findes.\n\nFristen for at indsende er den %s.\n", y->year,
	    date_da(s, y->deadline)),
	    .path = arena_printf(s->arena, "/indmeldinger/%lld",
	    (long long)y->id) };

	return ind_parties_notify(s, y, &n, e);
}

int
mail_ind_reviewed(struct svc *s, const struct ind_sub *sub,
    const struct ind_year *y, bool returned, struct err *e)
{
	return mail_notify(s, &(struct mail_notice){
	    .kind = returned ? NOTICE_RETURNED : NOTICE_APPROVED,
	    .about = "indmelding", .about_id = sub->id,
	    .org_code = sub->org_code,
	    .subject = arena_printf(s->arena, "%s: indmelding %d", returned ?
	    "Sendt retur" : "Godkendt", y->year),
	    .text = returned ? arena_printf(s->arena, "Sekretariatet har sendt "
	    "jeres indmelding for %d retur med denne kommentar:\n\n%s\n\n"
	    "Ret indmeldingen, og indsend den igen senest den %s.\n",
	    y->year, sub->comment != NULL ? sub->comment : "",
	    date_da(s, y->deadline)) : arena_printf(s->arena,
	    "Sekretariatet har godkendt jeres indmelding for %d. Den indgår "
	    "i statusbilledet, som sendes i høring hos parterne.\n", y->year),
	    .path = arena_printf(s->arena, "/indmelding/%lld",
	    (long long)sub->id) }, NULL, e);
}

int
mail_ind_hearing(struct svc *s, const struct ind_year *y, struct err *e)
{
	struct mail_notice n = {
	    .kind = NOTICE_HEARING, .about = "indmelding_year",
	    .about_id = y->id,
	    .subject = arena_printf(s->arena, "Høring: statusbillede %d",
	    y->year),
	    .text = arena_printf(s->arena, "Sekretariatet har sendt "
	    "statusbilledet for %d i skriftlig høring hos kommunerne og "
	    "driftsherrerne.\n\nI kan skrive bemærkninger til de enkelte "
	    "tilbud eller generelt senest den %s. Statusbilledet med "
	    "bemærkningerne forelægges derefter Den Administrative Styregruppe (DAS).\n",
	    y->year, date_da(s, y->hearing_deadline)),
	    .path = arena_printf(s->arena, "/indmeldinger/%lld/statusbillede",
	    (long long)y->id) };

	return ind_parties_notify(s, y, &n, e);
}
