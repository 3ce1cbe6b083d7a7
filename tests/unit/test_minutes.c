/*
 * Unit tests for src/core/minutes.c: the three exported minutes in
 * tests/fixtures/minutes/ parsed into the expected meetings, the rule that
 * no text is dropped (every word of the normalised text ends up in a
 * field), the variations real exports show (page furniture, placeholder
 * text, hyphenation, markdown, an agenda list before the minutes, items
 * quoted inside items, sections), bad input, the fingerprint, the time
 * parser and the JSON form.
 *
 * The fixtures are found through $RAMME_FIXTURES, else relative to this
 * source file (__FILE__ as the compiler saw it, from the current
 * directory or from the build directory two levels above the test).
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <cmocka.h>

#include "core/minutes.h"
#include "util/arena.h"
#include "util/err.h"

#define SEED_000	"000_65e7f14a10f909d6.txt"
#define SEED_002	"002_ddf5d63349d0c985.txt"
#define SEED_003	"003_db29347853a598f2.txt"

/* ------------------------------------------------------------------ */
/* Helpers                                                             */
/* ------------------------------------------------------------------ */

static char *
read_all(const char *path, size_t *len)
{
	FILE	*f;
	char	*s;
	long	 n;

	if ((f = fopen(path, "rb")) == NULL)
		return NULL;
	if (fseek(f, 0, SEEK_END) != 0 || (n = ftell(f)) < 0 ||
	    fseek(f, 0, SEEK_SET) != 0) {
		fclose(f);
		return NULL;
	}
	s = malloc((size_t)n + 1);
	assert_non_null(s);
	*len = fread(s, 1, (size_t)n, f);
	s[*len] = '\0';
	fclose(f);
	return s;
}

/* The directory of __FILE__ ("" for none), into out. */
static void
source_dir(char *out, size_t size)
{
	const char *slash = strrchr(__FILE__, '/');

	if (slash == NULL)
		snprintf(out, size, ".");
	else
		snprintf(out, size, "%.*s", (int)(slash - __FILE__), __FILE__);
}

/* Load fixture name; fails the test if it cannot be found. */
static char *
fixture(const char *name, size_t *len)
{
	char		 dir[1024], exe[1024], path[4096], *s, *slash;
	const char	*env = getenv("RAMME_FIXTURES");
	ssize_t		 n;

	if (env != NULL && *env != '\0') {
		snprintf(path, sizeof(path), "%s/%s", env, name);
		if ((s = read_all(path, len)) != NULL)
			return s;
	}
	source_dir(dir, sizeof(dir));
	snprintf(path, sizeof(path), "%s/../fixtures/minutes/%s", dir, name);
	if ((s = read_all(path, len)) != NULL)
		return s;
	/* __FILE__ relative to the build directory: tests/unit/../.. */
	n = readlink("/proc/self/exe", exe, sizeof(exe) - 1);
	if (n > 0 && dir[0] != '/') {
		exe[n] = '\0';
		if ((slash = strrchr(exe, '/')) != NULL)
			*slash = '\0';
		snprintf(path, sizeof(path), "%s/../../%s/../fixtures/minutes/%s",
		    exe, dir, name);
		if ((s = read_all(path, len)) != NULL)
			return s;
	}
	snprintf(path, sizeof(path), "tests/fixtures/minutes/%s", name);
	if ((s = read_all(path, len)) != NULL)
		return s;
	fail_msg("fixture %s not found (set RAMME_FIXTURES)", name);
	return NULL;
}

/* Parse text (NUL-terminated) into *d, expecting success. */
static void
parse_ok(struct arena *a, const char *text, struct minutes_doc *d)
{
	struct err e;

	err_clear(&e);
	if (minutes_parse(a, text, strlen(text), d, &e) != 0)
		fail_msg("minutes_parse: %s: %s", e.key, e.msg);
}

static void
parse_seed(struct arena *a, const char *name, struct minutes_doc *d)
{
	struct err	 e;
	size_t		 len;
	char		*text = fixture(name, &len);

	err_clear(&e);
	if (minutes_parse(a, text, len, d, &e) != 0)
		fail_msg("%s: %s: %s", name, e.key, e.msg);
	free(text);
}

static bool
has_warning(const struct minutes_doc *d, const char *key)
{
	size_t i;

	for (i = 0; i < d->nwarnings; i++)
		if (strcmp(d->warnings[i].key, key) == 0)
			return true;
	return false;
}

static void
assert_contains(const char *hay, const char *needle)
{
	if (hay == NULL || strstr(hay, needle) == NULL)
		fail_msg("«%s» not found in «%s»", needle,
		    hay != NULL ? hay : "(null)");
}

static void
assert_starts(const char *s, const char *prefix)
{
	if (s == NULL || strncmp(s, prefix, strlen(prefix)) != 0)
		fail_msg("«%s» does not start with «%s»",
		    s != NULL ? s : "(null)", prefix);
}

static void
assert_person(const struct minutes_person *p, const char *name,
    const char *org, const char *note)
{
	assert_string_equal(p->name, name);
	if (org == NULL)
		assert_null(p->organisation);
	else
		assert_string_equal(p->organisation, org);
	if (note == NULL)
		assert_null(p->note);
	else
		assert_string_equal(p->note, note);
}

/* Which items have a field: "1100" = items 0 and 1 have it. */
static void
assert_pattern(const struct minutes_doc *d, const char *which,
    const char *want)
{
	char	got[64];
	size_t	i;

	assert_int_equal(strlen(want), d->nitems);
	for (i = 0; i < d->nitems && i < sizeof(got) - 1; i++) {
		if (strcmp(which, "recommendation") == 0)
			got[i] = d->items[i].recommendation ? '1' : '0';
		else if (strcmp(which, "minutes") == 0)
			got[i] = d->items[i].minutes ? '1' : '0';
		else if (strcmp(which, "background") == 0)
			got[i] = d->items[i].background ? '1' : '0';
		else
			got[i] = d->items[i].nattachments > 0 ? '1' : '0';
	}
	got[i] = '\0';
	if (strcmp(got, want) != 0)
		fail_msg("%s: got %s, want %s", which, got, want);
}

/* ------------------------------------------------------------------ */
/* The seeds                                                           */
/* ------------------------------------------------------------------ */

static void
test_seed_2011(void **state)
{
	static const char *const titles[] = {
		"Godkendelse af dagsorden",
		"Godkendelse af referat fra møde den 11. august i "
		"socialdirektørkredsen",
		"Orientering fra møde i Kommunaldirektørkredsen (KDK) 13. "
		"august vedr. behandling af sekretariatets forankring m.m samt "
		"orientering fra møde i FU vedr. udpegning af "
		"Forretningsudvalgets formand (BH)",
		"Drøftelse af forslag til eventuelle emner i den økonomiske "
		"styringsaftale (HETH)",
		"Drøftelse af forslag til eventuelle emner i den faglige "
		"udviklingsstrategi (HETH)",
		"Status på proces vedr. Halfway House (BH)",
		"Kategorisering (HETH)",
		"Status på Specialundervisning (BH)",
		"Orientering vedr. Faglig netværk for udsatte børn og unge "
		"(HETH)",
		"Orientering vedr. Sekretariatets hjemmeside",
		"Evt",
		"Næste møde i socialdirektørkredsen er 14. december kl. "
		"10.00-12-00",
	};
	struct arena		a;
	struct minutes_doc	d;
	size_t			i;

	(void)state;
	arena_init(&a);
	parse_seed(&a, SEED_000, &d);
	assert_string_equal(d.title, "Møde i Socialdirektørkredsen");
	assert_string_equal(d.body, "Socialdirektørkredsen");
	assert_string_equal(d.body_key, "socdir");
	assert_string_equal(d.time_text, "6. oktober 2011, kl. 13.00-16.00");
	assert_string_equal(d.start, "2011-10-06T13:00");
	assert_string_equal(d.end, "2011-10-06T16:00");
	assert_string_equal(d.place, "Boulevarden 13, repræsentationslokale 3");
	assert_int_equal(d.nparticipants, 1);
	assert_person(&d.participants[0], "Kredsen af socialdirektører", NULL,
	    NULL);
	assert_true(has_warning(&d, "participants_group"));
	assert_int_equal(d.napologies, 4);
	assert_person(&d.apologies[0], "Jan Nielsen", NULL, NULL);
	assert_person(&d.apologies[1], "Jane Hvas", NULL, NULL);
	assert_person(&d.apologies[2], "Jens Nørgaard", NULL,
	    "Per Heitmann deltog i stede for");
	assert_person(&d.apologies[3], "Henrik Leth", NULL, NULL);
	assert_null(d.referent);
	assert_string_equal(d.case_no, "2011-43820");
	assert_string_equal(d.doc_no, "2011-296084");

	assert_int_equal(d.nitems, 12);
	for (i = 0; i < d.nitems; i++) {
		assert_int_equal(d.items[i].number, (int)i + 1);
		assert_string_equal(d.items[i].title, titles[i]);
		assert_null(d.items[i].section);
		assert_false(d.items[i].closed);
	}
	assert_pattern(&d, "recommendation", "000110000000");
	assert_pattern(&d, "minutes", "111111111110");
	assert_pattern(&d, "attachments", "000000000000");
	assert_pattern(&d, "background", "000111101100");
	assert_string_equal(d.items[0].minutes, "Godkendt");
	assert_string_equal(d.items[2].presenter, "BH");
	assert_string_equal(d.items[3].presenter, "HETH");
	assert_null(d.items[9].presenter);
	assert_string_equal(d.items[3].recommendation, "Socialdirektørkredsen "
	    "bedes drøfte de ovenfornævnte forslag og evt. drøfte andre "
	    "forslag med henblik på en endelig godkendelse i Den "
	    "Administrative Styregruppe 27. oktober");
	assert_starts(d.items[3].background, "Forretningsudvalget har ved "
	    "møde 14. september udarbejdet følgende forslag til mulige emner "
	    "i styringsaftalen for 2013:");
	assert_starts(d.items[3].minutes, "På baggrund af indstillingen til "
	    "punktet, var det en kort drøftelse");
	assert_contains(d.items[3].minutes, "Ved det næste møde i kredsen som "
	    "er den 14. december, vil en drøftelse af ”snitflade” sættes på "
	    "dagsorden.");
	assert_string_equal(d.items[8].minutes, "Mariagerfjord og "
	    "Vesthimmerland melder tilbage med repræsentanter. Det blev "
	    "besluttet ,at Sekretariatet kontakter Hjørring kommune for "
	    "nærmere information om et allerede etableret netværk på området "
	    "i forhold til en afklaring af, hvorvidt det giver mening med to "
	    "netværk.");
	/* "Evt" in minutes: its text is the minutes. */
	assert_starts(d.items[10].minutes, "Dorte havde et spørgsmål");
	assert_contains(d.items[10].minutes, "Øvrige tilbud uændret "
	    "pladsnormering");
	assert_int_equal(d.nunplaced, 0);
	assert_int_equal(d.nagenda, 0);
	arena_cleanup(&a);
}

static void
test_seed_2012(void **state)
{
	static const char *const titles[] = {
		"Henvendelse fra metodecentret",
		"Sekretariatets regnskab for 2011 og budget 2012",
		"Status på evaluering af sekretariat for rammeaftaler.",
		"Drøftelse af indhold / emne til fællesmøde for "
		"socialudvalgene",
		"Status på overdragelse af koordineringsopgaven i forhold til "
		"specialundervisningsområdet.",
		"Tilbagesøgningskrav",
		"Gennemgang af dagsorden til DAS",
	};
	static const char *const presenters[] = { "Jane", "Michael Binderup",
	    "Benjamin Holst", "Jan Nielsen", "Benjamin Holst", "Leif Serup",
	    NULL };
	struct arena		a;
	struct minutes_doc	d;
	size_t			i;

	(void)state;
	arena_init(&a);
	parse_seed(&a, SEED_002, &d);
	/* This export starts with item 1: no header at all. */
	assert_null(d.title);
	assert_null(d.body);
	assert_null(d.start);
	assert_null(d.place);
	assert_int_equal(d.nparticipants, 0);
	assert_int_equal(d.napologies, 0);
	assert_null(d.case_no);
	assert_true(has_warning(&d, "missing_header"));
	/* … but the recommendations address the social directors. */
	assert_string_equal(d.body_key, "socdir");
	assert_true(has_warning(&d, "body_inferred"));

	assert_int_equal(d.nitems, 7);
	for (i = 0; i < d.nitems; i++) {
		assert_int_equal(d.items[i].number, (int)i + 1);
		assert_string_equal(d.items[i].title, titles[i]);
		if (presenters[i] == NULL)
			assert_null(d.items[i].presenter);
		else
			assert_string_equal(d.items[i].presenter,
			    presenters[i]);
	}
	assert_pattern(&d, "recommendation", "1111110");
	assert_pattern(&d, "minutes", "1111110");
	assert_pattern(&d, "attachments", "1000010");
	assert_int_equal(d.items[0].nattachments, 1);
	assert_string_equal(d.items[0].attachments[0],
	    "Henvendelse fra Metodecentret");
	assert_int_equal(d.items[5].nattachments, 1);
	assert_string_equal(d.items[5].attachments[0],
	    "Udkast til tilbagesøgningskrav");
	assert_string_equal(d.items[0].recommendation, "Socialdirektørerne "
	    "bidrager med en finansiering som ovenfornævnt til ansættelse af "
	    "en ekstra medarbejder hvis primære opgave vil være at beskæftige "
	    "sig med kvalitet og analysearbejdet.");
	assert_string_equal(d.items[1].recommendation, "Socialdirektørerne "
	    "bedes\n\nat drøfte og godkende regnskab for 2011 og budget for "
	    "2012.");
	/* Words hyphenated across lines are whole again. */
	assert_string_equal(d.items[0].minutes, "Jane Hvas orienterede om "
	    "tankerne bag forslaget. Der lægges op til at finde beskedne "
	    "beløb, som understøtter opkvalificering af sekretariatet til "
	    "også at løse udviklingsopgaver mv. Da der ikke kunne opnås "
	    "enighed arbejdes der ikke videre med ideen.");
	assert_contains(d.items[0].background, "ansættelse af kompetencer i "
	    "sekretariatet, som kan bidrage");
	/* The budget tables and footnotes stay in the background. */
	assert_contains(d.items[1].background, "Bloktilskud fra kommunerne");
	assert_contains(d.items[1].background, "DUT-kompensationen");
	assert_contains(d.items[1].minutes, "Budgettet for 2012 er taget til "
	    "efterretning");
	assert_starts(d.items[5].minutes, "Aftaleudkastet blev ikke tiltrådt, "
	    "da Rebild ikke kunne tilslutte sig en fælles aftale.");
	assert_string_equal(d.items[6].background,
	    "Se selvstændig udsendt dagsorden");
	assert_int_equal(d.nunplaced, 0);
	arena_cleanup(&a);
}

static void
test_seed_2014(void **state)
{
	static const char *const titles[] = {
		"I margin af mødet: Orientering om Den Sikrede Institution "
		"Kompasset",
		"Godkendelse af dagsorden",
		"Godkendelse af referat fra møde den 8. januar 2014",
		"Orientering om drøftelse vedr. anvendelsen af PTU "
		"Handicapbiler og Køreskole i forbindelse med møde i KL’s "
		"Koordinationsforum for den 4. februar 2014. (Thomas)",
		"Forretningsudvalgets møde med LOS",
		"Politisk temamøde om samarbejdet i Nordjylland om det "
		"specialiserede social- og specialundervisningsområde",
		"Udgiftsudviklingen på det specialiserede socialområde",
		"Gennemgang af dagsordenen til DAS-møde den 6. marts 2014",
		"Evt.",
		"Næste møde den 12.-13. juni 2014",
	};
	struct arena		a;
	struct minutes_doc	d;
	size_t			i;

	(void)state;
	arena_init(&a);
	parse_seed(&a, SEED_003, &d);
	assert_string_equal(d.title, "Dagsorden til SOCDIR den 6. marts 2014");
	assert_string_equal(d.body, "Socialdirektørkredsen");
	assert_string_equal(d.body_key, "socdir");
	assert_string_equal(d.time_text, "6. marts 2014, kl. 10.00-12.00");
	assert_string_equal(d.start, "2014-03-06T10:00");
	assert_string_equal(d.end, "2014-03-06T12:00");
	assert_string_equal(d.place, "Den Sikrede Institution Kompasset, "
	    "Saturnvej 2, 9700 Brønderslev");
	assert_int_equal(d.nparticipants, 13);
	assert_person(&d.participants[0], "Alice Aagaard Hagemann",
	    "Aalborg Kommune", "ÆH");
	assert_person(&d.participants[1], "Britta Bruun-Schmidt",
	    "Vesthimmerlands Kommune", NULL);
	assert_person(&d.participants[4], "Henrik Aarup-Kristensen",
	    "Brønderslev Kommune", "formand");
	assert_person(&d.participants[6], "Jan Bendix Jensen",
	    "Thisted Kommune", NULL);
	assert_person(&d.participants[10], "Line Rohde Olsen",
	    "KKR-sekretariatet", NULL);
	assert_person(&d.participants[11], "Thomas Gajhede Haugaard",
	    "Sekretariat for Rammeaftaler", NULL);
	assert_person(&d.participants[12], "Lone Boelt Møller",
	    "Sekretariat for Rammeaftaler", NULL);
	assert_int_equal(d.napologies, 7);
	assert_person(&d.apologies[0], "Ann Hermansen", "Rebild Kommune",
	    NULL);
	assert_person(&d.apologies[4], "Hans Ole Steffensen", "Læsø Kommune",
	    NULL);
	assert_person(&d.apologies[6], "Sven Thomsen", "Aalborg Kommune",
	    "Skoleforvaltningen");
	assert_string_equal(d.referent, "Thomas Gajhede Haugaard");
	assert_string_equal(d.case_no, "2014-209");
	assert_string_equal(d.doc_no, "2014-42002");

	/* An unnumbered item before item 1, then 1-9. */
	assert_int_equal(d.nitems, 10);
	for (i = 0; i < d.nitems; i++) {
		assert_int_equal(d.items[i].number, (int)i);
		assert_string_equal(d.items[i].title, titles[i]);
	}
	assert_true(has_warning(&d, "unnumbered_item"));
	assert_pattern(&d, "recommendation", "0001111000");
	assert_pattern(&d, "minutes", "1111111010");
	assert_pattern(&d, "attachments", "0000000000");
	assert_pattern(&d, "background", "0001111101");
	assert_string_equal(d.items[3].presenter, "Thomas");
	assert_starts(d.items[0].minutes, "Socialdirektørkredsmødet blev "
	    "afholdt på Den Sikrede Institution Kompasset");
	assert_contains(d.items[0].minutes, "Forstander TinaMaria Larsen gav");
	assert_string_equal(d.items[1].minutes, "Godkendt uden bemærkninger");
	assert_string_equal(d.items[3].recommendation, "Det indstilles, at "
	    "socialdirektørkredsen\n\n- tager orienteringen til efterretning");
	assert_string_equal(d.items[5].recommendation, "Det indstilles, at "
	    "Den Administrative Styregruppe\n\n- Drøfter og godkender forslag "
	    "til politiske temamøde");
	assert_string_equal(d.items[5].minutes, "Forslaget blev godkendt. "
	    "Formanden orienterede om, at temamødet ville blive afholdt "
	    "torsdag den 8. maj 2014 kl. 14-18. Et foreløbigt program ville "
	    "blive udarbejdet og udsendt snarest.");
	assert_contains(d.items[5].background, "• Velkomst ved Formand for "
	    "KKR-Nordjylland");
	assert_string_equal(d.items[6].minutes,
	    "Socialdirektørkredsen tog orienteringen til efterretning.");
	assert_starts(d.items[8].minutes, "Aalborg Kommune (FB) orienterede");
	assert_string_equal(d.items[9].background,
	    "Mødet afholdes som del af et døgnseminar på Dronninglund Slot");

	/* Page furniture is reported, the letterhead is kept unplaced. */
	assert_true(has_warning(&d, "placeholder_removed"));
	assert_true(has_warning(&d, "page_number_removed"));
	assert_null(strstr(d.normalised, "2/5"));
	assert_null(strstr(d.normalised, "Click here"));
	assert_int_equal(d.nunplaced, 1);
	assert_int_equal(d.unplaced[0].line, 10);
	assert_string_equal(d.unplaced[0].text, "Sekretariatet for "
	    "Rammeaftaler  Boulevarden 13  9931 3131\n\n9000 Aalborg  "
	    "aalborg@aalborg.dk");
	assert_true(has_warning(&d, "unplaced_text"));
	arena_cleanup(&a);
}

/* ------------------------------------------------------------------ */
/* Nothing is dropped                                                  */
/* ------------------------------------------------------------------ */

struct words {
	char	**v;
	size_t	  n;
	size_t	  cap;
};

static bool
edge_punct(const char *s, size_t n, size_t *k, bool at_end)
{
	static const char *const multi[] = { "\xe2\x80\x9c", "\xe2\x80\x9d",
	    "\xe2\x80\x98", "\xe2\x80\x99", "\xe2\x80\x93", "\xe2\x80\x94",
	    "\xe2\x80\xa2", "\xc2\xab", "\xc2\xbb", NULL };
	size_t i, m;

	if (n == 0)
		return false;
	if (strchr(".,;:()[]\"'!?*#/-", at_end ? s[n - 1] : s[0]) != NULL) {
		*k = 1;
		return true;
	}
	for (i = 0; multi[i] != NULL; i++) {
		m = strlen(multi[i]);
		if (n >= m && memcmp(at_end ? s + n - m : s, multi[i], m) == 0) {
			*k = m;
			return true;
		}
	}
	return false;
}

/* Add the words of s: white-space separated, punctuation trimmed. */
static void
add_words(struct words *w, const char *s)
{
	size_t n, k;

	if (s == NULL)
		return;
	while (*s != '\0') {
		while (*s == ' ' || *s == '\n')
			s++;
		n = strcspn(s, " \n");
		if (n == 0)
			break;
		{
			const char	*p = s;
			size_t		 len = n;

			while (edge_punct(p, len, &k, false)) {
				p += k;
				len -= k;
			}
			while (edge_punct(p, len, &k, true))
				len -= k;
			if (len > 0) {
				if (w->n == w->cap) {
					w->cap = w->cap ? w->cap * 2 : 256;
					w->v = realloc(w->v, w->cap *
					    sizeof(*w->v));
					assert_non_null(w->v);
				}
				w->v[w->n] = strndup(p, len);
				assert_non_null(w->v[w->n]);
				w->n++;
			}
		}
		s += n;
	}
}

static int
cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static void
free_words(struct words *w)
{
	size_t i;

	for (i = 0; i < w->n; i++)
		free(w->v[i]);
	free(w->v);
}

static void
add_people(struct words *w, const struct minutes_person *p, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		add_words(w, p[i].name);
		add_words(w, p[i].organisation);
		add_words(w, p[i].note);
	}
}

/*
 * Every word of the normalised text must appear in the fields at least
 * as often, apart from labels and markers ("Tid", "Referat", …) and the
 * "og" that separates names in the header. Returns the number missing.
 */
static size_t
coverage_misses(const struct minutes_doc *d)
{
	static const char *const labels[] = { "Møde", "Tid", "Sted",
	    "Deltagere", "Afbud", "Referent", "Sagsnr./Dok.nr", "Referat",
	    "Indstilling", "Bilag", "Beslutning", "Dagsorden", "og", NULL };
	struct words	in = { 0 }, have = { 0 };
	const struct minutes_item *it;
	size_t		i, j, k, a, b, misses = 0;
	char		num[16];
	bool		label;

	add_words(&in, d->normalised);
	add_words(&have, d->title);
	add_words(&have, d->body);
	add_words(&have, d->time_text);
	add_words(&have, d->place);
	add_words(&have, d->referent);
	add_words(&have, d->case_no);
	add_words(&have, d->doc_no);
	add_people(&have, d->participants, d->nparticipants);
	add_people(&have, d->apologies, d->napologies);
	for (i = 0; i < d->nagenda; i++)
		add_words(&have, d->agenda[i]);
	for (i = 0; i < d->nitems; i++) {
		it = &d->items[i];
		if (it->number > 0) {
			snprintf(num, sizeof(num), "%d", it->number);
			add_words(&have, num);
		}
		add_words(&have, it->title);
		add_words(&have, it->section);
		add_words(&have, it->background);
		add_words(&have, it->recommendation);
		add_words(&have, it->minutes);
		for (k = 0; k < it->nattachments; k++)
			add_words(&have, it->attachments[k]);
	}
	for (i = 0; i < d->nunplaced; i++)
		add_words(&have, d->unplaced[i].text);
	assert_true(in.n > 0);
	qsort(in.v, in.n, sizeof(*in.v), cmp_str);
	qsort(have.v, have.n, sizeof(*have.v), cmp_str);
	for (i = 0, j = 0; i < in.n; i = a) {
		for (a = i; a < in.n && strcmp(in.v[a], in.v[i]) == 0; a++)
			;
		while (j < have.n && strcmp(have.v[j], in.v[i]) < 0)
			j++;
		for (b = j; b < have.n && strcmp(have.v[b], in.v[i]) == 0; b++)
			;
		if (b - j >= a - i)
			continue;
		label = false;
		for (k = 0; labels[k] != NULL; k++)
			if (strcmp(labels[k], in.v[i]) == 0)
				label = true;
		if (label)
			continue;
		print_error("word «%s»: %zu in the text, %zu in the fields\n",
		    in.v[i], a - i, b - j);
		misses++;
	}
	free_words(&in);
	free_words(&have);
	return misses;
}

static void
test_coverage(void **state)
{
	static const char *const seeds[] = { SEED_000, SEED_002, SEED_003,
	    NULL };
	struct arena		a;
	struct minutes_doc	d;
	size_t			i;

	(void)state;
	for (i = 0; seeds[i] != NULL; i++) {
		arena_init(&a);
		parse_seed(&a, seeds[i], &d);
		assert_int_equal(coverage_misses(&d), 0);
		arena_cleanup(&a);
	}
}

/* ------------------------------------------------------------------ */
/* Variations                                                          */
/* ------------------------------------------------------------------ */

static void
test_page_furniture(void **state)
{
	static const char text[] =
	    "Dagsorden til DAS den 5. marts 2014\n"
	    "Møde Den Administrative Styregruppe\n"
	    "Tid 5. marts 2014, kl. 13.00-15.00\n"
	    "Referent Click here to enter text.\n"
	    "\n"
	    "1. Takster for 2015 og den videre proces for rammeaftalen\n"
	    "\n"
	    "Referat\n"
	    "Taksterne for 2015 blev drøftet grundigt, og der var enighed om "
	    "at fastholde\n"
	    "\n"
	    "Side 2 af 3\n"
	    "\n"
	    "Dagsorden til DAS den 5. marts 2014\n"
	    "\n"
	    "den fælles model for takstberegning i hele perioden.\n"
	    "\n"
	    "2. Evt.\n"
	    "Click here to enter text.\n"
	    "Intet til dette punkt.\n"
	    "Dagsorden til DAS den 5. marts 2014\n"
	    "3/3\n";
	struct arena		a;
	struct minutes_doc	d;

	(void)state;
	arena_init(&a);
	parse_ok(&a, text, &d);
	/* The first-page title stays; the running header is removed. */
	assert_string_equal(d.title, "Dagsorden til DAS den 5. marts 2014");
	assert_string_equal(d.body_key, "das");
	assert_null(d.referent);
	assert_int_equal(d.nitems, 2);
	assert_string_equal(d.items[0].minutes, "Taksterne for 2015 blev "
	    "drøftet grundigt, og der var enighed om at fastholde den fælles "
	    "model for takstberegning i hele perioden.");
	assert_string_equal(d.items[1].title, "Evt.");
	assert_string_equal(d.items[1].minutes, "Intet til dette punkt.");
	assert_true(has_warning(&d, "page_number_removed"));
	assert_true(has_warning(&d, "page_header_removed"));
	assert_true(has_warning(&d, "placeholder_removed"));
	assert_int_equal(d.nunplaced, 0);
	assert_int_equal(coverage_misses(&d), 0);
	arena_cleanup(&a);
}

/*
 * Minutes as a PDF's text with its layout kept (pdftotext -layout): the
 * document's kind above its title, the header a table whose long values
 * go on indented, a heading wrapped after "og" and "til", and a footer
 * with the page number beside the running text.
 */
static void
test_layout_text(void **state)
{
	static const char text[] =
	    "Referat\n"
	    "\n"
	    "Temadag om botilbud\n"
	    "\n"
	    "Møde          Den Administrative Styregruppe\n"
	    "Tid           5. marts 2014, kl. 13.00-15.00\n"
	    "Deltagere     Jan Nielsen (Frederikshavn Kommune, formand), Jane "
	    "Hvas\n"
	    "              (Hjørring Kommune)\n"
	    "Afbud         Per Hansen (Thisted Kommune)\n"
	    "\n"
	    "1. Orientering om takster for botilbud og\n"
	    "botilbudsområdet i forhold til\n"
	    "rammeaftalen 2015\n"
	    "Referat\n"
	    "Taget til efterretning.\n"
	    "\n"
	    "DAS · Referat · 5. marts 2014                        Side 1 af 2\n"
	    "2. Evt.\n"
	    "Referat\n"
	    "Pladser i alt      2/5\n"
	    "\n"
	    "DAS · Referat · 5. marts 2014                        Side 2 af 2\n";
	struct arena		a;
	struct minutes_doc	d;

	(void)state;
	arena_init(&a);
	parse_ok(&a, text, &d);
	assert_string_equal(d.title, "Temadag om botilbud");
	assert_string_equal(d.body, "Den Administrative Styregruppe");
	assert_string_equal(d.start, "2014-03-05T13:00");
	assert_int_equal(d.nparticipants, 2);
	assert_person(&d.participants[0], "Jan Nielsen",
	    "Frederikshavn Kommune", "formand");
	assert_person(&d.participants[1], "Jane Hvas", "Hjørring Kommune",
	    NULL);
	assert_int_equal(d.napologies, 1);
	assert_int_equal(d.nitems, 2);
	assert_string_equal(d.items[0].title, "Orientering om takster for "
	    "botilbud og botilbudsområdet i forhold til rammeaftalen 2015");
	assert_string_equal(d.items[0].minutes, "Taget til efterretning.");
	assert_string_equal(d.items[1].title, "Evt.");
	/* only a number that says so is a page number */
	assert_contains(d.items[1].minutes, "Pladser i alt");
	assert_contains(d.items[1].minutes, "2/5");
	assert_true(has_warning(&d, "page_number_removed"));
	assert_int_equal(d.nunplaced, 0);
	assert_int_equal(coverage_misses(&d), 0);
	arena_cleanup(&a);
}

static void
test_hyphenation(void **state)
{
	static const char text[] =
	    "1. Udkast til rammeaftale for det specialiserede område (HETH)\n"
	    "Sekretariatet udarbejder inden sommerferien et udkast til ram-\n"
	    "meaftalen for 2013, som forelægges for direktørerne. DUT-\n"
	    "kompensationen og de øvrige midler på social- og\n"
	    "sundhedsområdet indgår i budgettet. Henrik Aarup-\n"
	    "Kristensen orienterede, og udkastet blev sendt i hø-\n"
	    "\n"
	    "2/4\n"
	    "\n"
	    "ring hos kommunerne.\n";
	struct arena		a;
	struct minutes_doc	d;

	(void)state;
	arena_init(&a);
	parse_ok(&a, text, &d);
	assert_int_equal(d.nitems, 1);
	assert_string_equal(d.items[0].background, "Sekretariatet udarbejder "
	    "inden sommerferien et udkast til rammeaftalen for 2013, som "
	    "forelægges for direktørerne. DUT-kompensationen og de øvrige "
	    "midler på social- og sundhedsområdet indgår i budgettet. Henrik "
	    "Aarup-Kristensen orienterede, og udkastet blev sendt i høring "
	    "hos kommunerne.");
	assert_int_equal(coverage_misses(&d), 0);
	arena_cleanup(&a);

	/* The brief's own example, and a soft hyphen. */
	arena_init(&a);
	parse_ok(&a, "1. Punkt\nArbejdet med ram-\nmeaftale\xc2\xad\n"
	    "arbejdet fortsætter.\n", &d);
	assert_string_equal(d.items[0].background,
	    "Arbejdet med rammeaftalearbejdet fortsætter.");
	arena_cleanup(&a);
}

static void
test_markdown(void **state)
{
	static const char text[] =
	    "# Referat fra møde i DAS\n"
	    "\n"
	    "**Tid:** 5. marts 2014 kl. 13-15\n"
	    "**Sted:** Boulevarden 13\n"
	    "\n"
	    "## 1. Godkendelse af dagsorden\n"
	    "\n"
	    "**Referat**\n"
	    "\n"
	    "Godkendt.\n"
	    "\n"
	    "## 2. Budget 2015 (HETH) ##\n"
	    "\n"
	    "### Indstilling\n"
	    "\n"
	    "Det indstilles, at DAS godkender budgettet.\n"
	    "\n"
	    "### Bilag\n"
	    "\n"
	    "- Budget 2015\n"
	    "- Notat om takster\n"
	    "\n"
	    "### Referat\n"
	    "\n"
	    "Godkendt med bemærkninger.\n"
	    "\n"
	    "## 3. Punkt\n"
	    "\n"
	    "Beslutning: Udsat til næste møde.\n";
	struct arena		a;
	struct minutes_doc	d;

	(void)state;
	arena_init(&a);
	parse_ok(&a, text, &d);
	assert_string_equal(d.title, "Referat fra møde i DAS");
	assert_string_equal(d.body_key, "das");
	assert_string_equal(d.start, "2014-03-05T13:00");
	assert_string_equal(d.end, "2014-03-05T15:00");
	assert_string_equal(d.place, "Boulevarden 13");
	assert_int_equal(d.nitems, 3);
	assert_string_equal(d.items[0].title, "Godkendelse af dagsorden");
	assert_string_equal(d.items[0].minutes, "Godkendt.");
	assert_string_equal(d.items[1].title, "Budget 2015 (HETH)");
	assert_string_equal(d.items[1].presenter, "HETH");
	assert_string_equal(d.items[1].recommendation,
	    "Det indstilles, at DAS godkender budgettet.");
	assert_int_equal(d.items[1].nattachments, 2);
	assert_string_equal(d.items[1].attachments[0], "Budget 2015");
	assert_string_equal(d.items[1].attachments[1], "Notat om takster");
	assert_string_equal(d.items[1].minutes, "Godkendt med bemærkninger.");
	assert_int_equal(d.items[2].number, 3);
	assert_string_equal(d.items[2].title, "Punkt");
	assert_string_equal(d.items[2].minutes, "Udsat til næste møde.");
	assert_null(strstr(d.normalised, "#"));
	assert_null(strstr(d.normalised, "**"));
	assert_int_equal(d.nunplaced, 0);
	arena_cleanup(&a);
}

static void
test_agenda_list(void **state)
{
	static const char text[] =
	    "Møde Socialdirektørkredsen\n"
	    "Tid 6. marts 2014, kl. 10.00-12.00\n"
	    "\n"
	    "Dagsorden\n"
	    "Sager til behandling\n"
	    "1. Godkendelse af dagsorden\n"
	    "2. Takster 2015 (HETH)\n"
	    "Sager til orientering\n"
	    "3. Orientering fra FU\n"
	    "4. Status på Halfway House\n"
	    "\n"
	    "Referat\n"
	    "\n"
	    "1. Godkendelse af dagsorden\n"
	    "Godkendt.\n"
	    "\n"
	    "2. Takster 2015 (HETH)\n"
	    "Det indstilles, at kredsen godkender taksterne.\n"
	    "Referat\n"
	    "Godkendt.\n"
	    "\n"
	    "3. Orientering fra Forretningsudvalget\n"
	    "Referat\n"
	    "Taget til efterretning.\n";
	struct arena		a;
	struct minutes_doc	d;

	(void)state;
	arena_init(&a);
	parse_ok(&a, text, &d);
	assert_int_equal(d.nitems, 3);
	assert_int_equal(d.nagenda, 6);
	assert_string_equal(d.agenda[0], "Sager til behandling");
	assert_string_equal(d.agenda[1], "1. Godkendelse af dagsorden");
	assert_string_equal(d.agenda[5], "4. Status på Halfway House");
	assert_int_equal(d.items[0].number, 1);
	assert_string_equal(d.items[0].minutes, "Godkendt.");
	assert_string_equal(d.items[1].recommendation,
	    "Det indstilles, at kredsen godkender taksterne.");
	assert_string_equal(d.items[1].minutes, "Godkendt.");
	/* Sections come from the agenda when the minutes have none. */
	assert_string_equal(d.items[0].section, "Sager til behandling");
	assert_string_equal(d.items[1].section, "Sager til behandling");
	assert_string_equal(d.items[2].section, "Sager til orientering");
	/* Differences between agenda and minutes are reported. */
	assert_true(has_warning(&d, "agenda_title_differs"));
	assert_true(has_warning(&d, "agenda_item_missing"));
	assert_int_equal(d.nunplaced, 0);
	assert_int_equal(coverage_misses(&d), 0);
	arena_cleanup(&a);
}

static void
test_quoted_item(void **state)
{
	static const char text[] =
	    "1. Godkendelse af dagsorden\n"
	    "Godkendt.\n"
	    "\n"
	    "2. Henvendelse fra Regionen\n"
	    "Regionens Forretningsudvalg behandlede den 3. oktober dette "
	    "punkt:\n"
	    "\n"
	    "”3. Østerskoven – renovering\n"
	    "\n"
	    "Det indstilles, at Regionsrådet godkender renoveringen.”\n"
	    "\n"
	    "og desuden et punkt om Sødisbakke:\n"
	    "\n"
	    "7. Sødisbakke – lukning af et dagtilbud\n"
	    "\n"
	    "> 3. Takstnedsættelse\n"
	    "> Referat\n"
	    "> Regionsrådet godkendte ikke en takstreduktion.\n"
	    "\n"
	    "Referat\n"
	    "Sekretariatet retter henvendelse til Regionen.\n"
	    "\n"
	    "3. Evt.\n"
	    "Intet.\n";
	struct arena		a;
	struct minutes_doc	d;

	(void)state;
	arena_init(&a);
	parse_ok(&a, text, &d);
	assert_int_equal(d.nitems, 3);
	assert_string_equal(d.items[1].title, "Henvendelse fra Regionen");
	assert_contains(d.items[1].background, "”3. Østerskoven – renovering");
	assert_contains(d.items[1].background, "Det indstilles, at "
	    "Regionsrådet godkender renoveringen.”");
	assert_contains(d.items[1].background,
	    "7. Sødisbakke – lukning af et dagtilbud");
	assert_contains(d.items[1].background, "> Referat");
	assert_null(d.items[1].recommendation);
	assert_string_equal(d.items[1].minutes,
	    "Sekretariatet retter henvendelse til Regionen.");
	assert_int_equal(d.items[2].number, 3);
	assert_string_equal(d.items[2].title, "Evt.");
	assert_string_equal(d.items[2].minutes, "Intet.");
	assert_false(has_warning(&d, "missing_items"));
	assert_int_equal(coverage_misses(&d), 0);
	arena_cleanup(&a);
}

static void
test_sections_closed(void **state)
{
	static const char text[] =
	    "Møde Forretningsudvalget\n"
	    "Tid 14. september 2011 kl. 13.00\n"
	    "Deltagere Jan Nielsen, Frederikshavn, Jens Nørgaard og Leif "
	    "Serup\n"
	    "Afbud Jane Hvas (Brønderslev Kommune)\n"
	    "\n"
	    "Sager til behandling\n"
	    "\n"
	    "1. Styringsaftale 2013 (HETH)\n"
	    "Indstilling\n"
	    "Det indstilles, at FU drøfter forslagene.\n"
	    "Bilag\n"
	    "- Udkast til styringsaftale\n"
	    "- Notat om bindingsperioder for\n"
	    "  de mest specialiserede tilbud\n"
	    "Referat\n"
	    "Drøftet. Leif Serup, Hjørring bemærkede, at punktet kommer igen.\n"
	    "\n"
	    "Sager til forventet efterretning\n"
	    "\n"
	    "2. Status på Halfway House (BH)\n"
	    "Referat\n"
	    "Taget til efterretning.\n"
	    "\n"
	    "4. Personalesag\n"
	    "Lukket punkt\n"
	    "Referat\n"
	    "Drøftet.\n";
	struct arena		a;
	struct minutes_doc	d;

	(void)state;
	arena_init(&a);
	parse_ok(&a, text, &d);
	assert_string_equal(d.body, "Forretningsudvalget");
	assert_string_equal(d.body_key, "fu");
	assert_string_equal(d.start, "2011-09-14T13:00");
	assert_null(d.end);
	assert_int_equal(d.nparticipants, 3);
	assert_person(&d.participants[0], "Jan Nielsen", "Frederikshavn",
	    NULL);
	assert_person(&d.participants[1], "Jens Nørgaard", NULL, NULL);
	/* Inferred from "Leif Serup, Hjørring bemærkede …". */
	assert_person(&d.participants[2], "Leif Serup", "Hjørring", NULL);
	assert_true(has_warning(&d, "organisation_inferred"));
	assert_int_equal(d.napologies, 1);
	assert_person(&d.apologies[0], "Jane Hvas", "Brønderslev Kommune",
	    NULL);
	assert_int_equal(d.nitems, 3);
	assert_string_equal(d.items[0].section, "Sager til behandling");
	assert_int_equal(d.items[0].nattachments, 2);
	assert_string_equal(d.items[0].attachments[1], "Notat om "
	    "bindingsperioder for de mest specialiserede tilbud");
	assert_false(d.items[0].closed);
	assert_string_equal(d.items[1].section,
	    "Sager til forventet efterretning");
	assert_int_equal(d.items[2].number, 4);
	assert_true(d.items[2].closed);
	assert_string_equal(d.items[2].minutes, "Drøftet.");
	assert_true(has_warning(&d, "missing_items"));
	arena_cleanup(&a);
}

static void
test_no_items(void **state)
{
	struct arena		a;
	struct minutes_doc	d;

	(void)state;
	arena_init(&a);
	parse_ok(&a, "Et notat uden punkter.\n\nAndet afsnit.\n", &d);
	assert_int_equal(d.nitems, 0);
	assert_int_equal(d.nunplaced, 1);
	assert_int_equal(d.unplaced[0].line, 1);
	assert_string_equal(d.unplaced[0].text,
	    "Et notat uden punkter.\n\nAndet afsnit.");
	assert_true(has_warning(&d, "no_items"));
	assert_true(has_warning(&d, "unplaced_text"));
	arena_cleanup(&a);
}

/* ------------------------------------------------------------------ */
/* Bad input, limits                                                   */
/* ------------------------------------------------------------------ */

static void
test_invalid(void **state)
{
	static const char bad_utf8[] = "1. Punkt\nGodkendt\n\xc3\x28 tekst\n";
	static const char nul[] = "1. Punkt\n\0Godkendt\n";
	struct arena		a;
	struct minutes_doc	d;
	struct err		e;
	char			*big;
	size_t			i, off, bign;

	(void)state;
	arena_init(&a);
	err_clear(&e);
	assert_int_equal(minutes_parse(&a, bad_utf8, sizeof(bad_utf8) - 1, &d,
	    &e), ERR_INVALID);
	assert_string_equal(e.key, "invalid_utf8");
	assert_int_equal(e.line, 3);
	/* Latin-1 "ø" alone is not UTF-8 either. */
	assert_int_equal(minutes_parse(&a, "M\xf8" "de", 4, &d, &e),
	    ERR_INVALID);
	assert_string_equal(e.key, "invalid_utf8");
	assert_int_equal(minutes_parse(&a, nul, sizeof(nul) - 1, &d, &e),
	    ERR_INVALID);
	assert_string_equal(e.key, "invalid_characters");
	assert_int_equal(e.line, 2);
	/* Nothing or only white space / furniture. */
	assert_int_equal(minutes_parse(&a, "", 0, &d, &e), ERR_INVALID);
	assert_string_equal(e.key, "empty_minutes");
	assert_int_equal(minutes_parse(&a, NULL, 0, &d, &e), ERR_INVALID);
	assert_int_equal(minutes_parse(&a, " \n\r\n\t\n", 6, &d, &e),
	    ERR_INVALID);
	assert_string_equal(e.key, "empty_minutes");
	assert_int_equal(minutes_parse(&a, "2/5\nClick here to enter text.\n",
	    30, &d, &e), ERR_INVALID);
	/* Size and item limits. */
	bign = MINUTES_MAX_BYTES + 1;
	big = malloc(bign);
	assert_non_null(big);
	memset(big, 'a', bign);
	assert_int_equal(minutes_parse(&a, big, bign, &d, &e),
	    ERR_TOO_LARGE);
	assert_string_equal(e.key, "too_large");
	memset(big, '\n', MINUTES_MAX_LINES + 1);
	assert_int_equal(minutes_parse(&a, big, MINUTES_MAX_LINES + 1, &d, &e),
	    ERR_TOO_LARGE);
	assert_string_equal(e.key, "too_many_lines");
	memset(big, '\f', MINUTES_MAX_LINES + 1);
	assert_int_equal(minutes_parse(&a, big, MINUTES_MAX_LINES + 1, &d, &e),
	    ERR_TOO_LARGE);
	/* Exactly the maximum is fine (CRLF counts once). */
	for (i = 0; i < MINUTES_MAX_LINES; i++)
		memcpy(big + 2 * i, i == 0 ? "x\n" : "\r\n", 2);
	assert_int_equal(minutes_parse(&a, big, 2 * MINUTES_MAX_LINES, &d,
	    &e), 0);
	for (i = 0, off = 0; i < MINUTES_MAX_ITEMS + 1; i++)
		off += (size_t)snprintf(big + off, bign - off,
		    "%zu. Punkt\nTekst\n", i + 1);
	assert_int_equal(minutes_parse(&a, big, off, &d, &e),
	    ERR_TOO_LARGE);
	assert_string_equal(e.key, "too_many_items");
	off = 0;
	for (i = 0; i < MINUTES_MAX_ITEMS; i++)
		off += (size_t)snprintf(big + off, bign - off,
		    "%zu. Punkt\nTekst\n", i + 1);
	assert_int_equal(minutes_parse(&a, big, off, &d, &e), 0);
	assert_int_equal(d.nitems, MINUTES_MAX_ITEMS);
	free(big);
	arena_cleanup(&a);
}

/* Pathological input stays fast and bounded. */
static void
test_pathological(void **state)
{
	struct arena		 a;
	struct minutes_doc	 d;
	struct err		 e;
	char			*p;
	size_t			 i, off = 0, cap = 2u * 1024u * 1024u;

	(void)state;
	p = malloc(cap);
	assert_non_null(p);
	/* Many out-of-sequence headings, quotes, hyphens, page numbers. */
	for (i = 0; off + 64 < cap && i < MINUTES_MAX_LINES; i++)
		off += (size_t)snprintf(p + off, cap - off, "%s\n",
		    i % 5 == 0 ? "999. Titel" : i % 5 == 1 ? "”ord-" :
		    i % 5 == 2 ? "1/2" : i % 5 == 3 ? "3. Titel" : "ord-");
	arena_init(&a);
	err_clear(&e);
	assert_int_equal(minutes_parse(&a, p, off, &d, &e), 0);
	assert_true(d.nitems <= 2);
	arena_cleanup(&a);
	free(p);
}

/* ------------------------------------------------------------------ */
/* Fingerprint, time, JSON                                             */
/* ------------------------------------------------------------------ */

static void
test_fingerprint(void **state)
{
	static const char one[] = "Møde DAS\n\n1. Punkt\nReferat\nGodkendt.\n";
	static const char crlf[] =
	    "Møde DAS\r\n\r\n1. Punkt\r\nReferat\r\nGodkendt.\r\n";
	static const char other[] = "Møde DAS\n\n1. Punkt\nReferat\nUdsat.\n";
	struct arena		a;
	struct minutes_doc	d1, d2;
	size_t			len;
	char			*text;

	(void)state;
	arena_init(&a);
	parse_ok(&a, one, &d1);
	parse_ok(&a, one, &d2);
	assert_true(minutes_fingerprint(&d1) == minutes_fingerprint(&d2));
	parse_ok(&a, crlf, &d2);
	assert_true(minutes_fingerprint(&d1) == minutes_fingerprint(&d2));
	parse_ok(&a, other, &d2);
	assert_true(minutes_fingerprint(&d1) != minutes_fingerprint(&d2));
	/* The same seed twice, and normalise alone, agree. */
	text = fixture(SEED_003, &len);
	assert_int_equal(minutes_parse(&a, text, len, &d1, NULL), 0);
	assert_int_equal(minutes_normalise(&a, text, len, &d2, NULL), 0);
	assert_true(minutes_fingerprint(&d1) == minutes_fingerprint(&d2));
	assert_int_equal(d2.nitems, 0);
	assert_true(d2.nlines > 0);
	assert_int_equal(d2.lines[0].line, 1);
	free(text);
	text = fixture(SEED_000, &len);
	assert_int_equal(minutes_parse(&a, text, len, &d2, NULL), 0);
	assert_true(minutes_fingerprint(&d1) != minutes_fingerprint(&d2));
	free(text);
	arena_cleanup(&a);
}

static void
test_parse_when(void **state)
{
	static const struct {
		const char	*in;
		int		 rc;
		const char	*start;
		const char	*end;
	} cases[] = {
		{ "6. oktober 2011, kl. 13.00-16.00", 0, "2011-10-06T13:00",
		    "2011-10-06T16:00" },
		{ "torsdag den 6. marts 2014 kl. 10-12", 0, "2014-03-06T10:00",
		    "2014-03-06T12:00" },
		{ "12.-13. juni 2014", 0, "2014-06-12", "2014-06-13" },
		{ "06.03.2014 kl. 9.30", 0, "2014-03-06T09:30", "" },
		{ "14. sept. 2011 kl. 13:00 \xe2\x80\x93 15:30", 0,
		    "2011-09-14T13:00", "2011-09-14T15:30" },
		{ "1. Dec 2012 fra 8.15 til 9.45", 0, "2012-12-01T08:15",
		    "2012-12-01T09:45" },
		{ "29. februar 2012", 0, "2012-02-29", "" },
		{ "29. februar 2013", -1, "", "" },
		{ "6. oktober, kl. 13", -1, "", "" },
		{ "næste torsdag", -1, "", "" },
		{ "", -1, "", "" },
	};
	char	start[17], end[17];
	size_t	i;

	(void)state;
	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		assert_int_equal(minutes_parse_when(cases[i].in, start, end),
		    cases[i].rc);
		if (cases[i].rc != 0)
			continue;
		assert_string_equal(start, cases[i].start);
		assert_string_equal(end, cases[i].end);
	}
	assert_int_equal(minutes_parse_when(NULL, start, end), -1);
}

static void
test_body_key(void **state)
{
	(void)state;
	assert_string_equal(minutes_body_key("Socialdirektørkredsen"),
	    "socdir");
	assert_string_equal(minutes_body_key("Dagsorden til SOCDIR"),
	    "socdir");
	assert_string_equal(minutes_body_key("Den Administrative Styregruppe"),
	    "das");
	assert_string_equal(minutes_body_key("DAS-møde"), "das");
	assert_string_equal(minutes_body_key("Forretningsudvalget"), "fu");
	assert_string_equal(minutes_body_key("KKR Nordjylland"), "kkr");
	assert_string_equal(minutes_body_key("Kommunaldirektørkredsen"),
	    "kdk");
	assert_null(minutes_body_key("Dasher"));
	assert_null(minutes_body_key(NULL));
}

static void
assert_keys(json_t *o, const char *const *keys)
{
	size_t i;

	for (i = 0; keys[i] != NULL; i++)
		if (json_object_get(o, keys[i]) == NULL)
			fail_msg("missing key %s", keys[i]);
	assert_int_equal(json_object_size(o), i);
}

static void
test_json(void **state)
{
	static const char *const top[] = { "body", "start", "end", "place",
	    "participants", "apologies", "case_no", "doc_no", "items", "title",
	    "referent", "unplaced", "warnings", NULL };
	static const char *const item[] = { "number", "title", "section",
	    "recommendation", "minutes", "attachments", NULL };
	static const char *const person[] = { "name", "organisation", "note",
	    NULL };
	struct arena		 a;
	struct minutes_doc	 d;
	json_t			*j, *items, *it;
	char			*s;

	(void)state;
	arena_init(&a);
	parse_seed(&a, SEED_003, &d);
	j = minutes_to_json(&d);
	assert_keys(j, top);
	assert_string_equal(json_string_value(json_object_get(j, "body")),
	    "Socialdirektørkredsen");
	assert_string_equal(json_string_value(json_object_get(j, "start")),
	    "2014-03-06T10:00");
	assert_string_equal(json_string_value(json_object_get(j, "case_no")),
	    "2014-209");
	assert_keys(json_array_get(json_object_get(j, "participants"), 0),
	    person);
	items = json_object_get(j, "items");
	assert_int_equal(json_array_size(items), 10);
	it = json_array_get(items, 0);
	assert_keys(it, item);
	assert_true(json_is_null(json_object_get(it, "number")));
	it = json_array_get(items, 4);
	assert_int_equal(json_integer_value(json_object_get(it, "number")), 4);
	assert_string_equal(json_string_value(json_object_get(it, "title")),
	    "Forretningsudvalgets møde med LOS");
	assert_true(json_is_null(json_object_get(it, "section")));
	assert_true(json_is_array(json_object_get(it, "attachments")));
	assert_int_equal(json_array_size(json_object_get(j, "unplaced")), 1);
	assert_int_equal(json_integer_value(json_object_get(json_array_get(
	    json_object_get(j, "unplaced"), 0), "line")), 10);
	assert_true(json_array_size(json_object_get(j, "warnings")) >= 3);
	/* Everything serialises (valid UTF-8 throughout). */
	s = json_dumps(j, 0);
	assert_non_null(s);
	free(s);
	json_decref(j);
	arena_cleanup(&a);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_seed_2011),
		cmocka_unit_test(test_seed_2012),
		cmocka_unit_test(test_seed_2014),
		cmocka_unit_test(test_coverage),
		cmocka_unit_test(test_page_furniture),
		cmocka_unit_test(test_layout_text),
		cmocka_unit_test(test_hyphenation),
		cmocka_unit_test(test_markdown),
		cmocka_unit_test(test_agenda_list),
		cmocka_unit_test(test_quoted_item),
		cmocka_unit_test(test_sections_closed),
		cmocka_unit_test(test_no_items),
		cmocka_unit_test(test_invalid),
		cmocka_unit_test(test_pathological),
		cmocka_unit_test(test_fingerprint),
		cmocka_unit_test(test_parse_when),
		cmocka_unit_test(test_body_key),
		cmocka_unit_test(test_json),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
