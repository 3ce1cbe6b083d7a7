/*
 * search_gen — the data of bench/search: years of meetings of the
 * standing bodies, written through ramme's own services, so the search
 * index is the one ramme builds (the public projection only).
 *
 * usage: search_gen [--db PATH] [--years N] [--meetings N] [--bodies N]
 *                   [--items N] [--files N] [--pdf-every N] [--words FILE]
 *
 * For each of --bodies standing bodies (at most 5) and each of --years
 * years up to 2025, --meetings meetings a year, one after the other:
 *   meeting_create (the standard items), meeting_item_add up to --items
 *   items (one in fifteen closed), meeting_attachment_add --files
 *   attachments per item (a DOCX note and an XLSX table, built here;
 *   every --pdf-every-th one, default 500th, a PDF, whose text comes from
 *   pdftotext when it is installed; one in twenty closed), convene,
 *   approve the previous meeting's minutes through this meeting's
 *   "Godkendelse af referat" item, held, minutes and a result for every
 *   item, circulate.
 * So every meeting but the last of each body ends with approved, public
 * minutes. Text is drawn from a Danish vocabulary of the secretariat's
 * minutes with Zipf-like frequencies, compounds of two stems for the
 * long tail, and proper names that occur rarely. The random sequence is fixed: every run writes the same data.
 *
 * The one shortcut: on SQLite this connection writes with synchronous=OFF
 * (no fsync per transaction) and a larger page cache; what is stored,
 * audited and indexed is unchanged. --db may also be a PostgreSQL URI
 * (bench/search --pg): the same data through the same services.
 * --words FILE writes the vocabulary (one word a line) for the queries;
 * without --db, that is all it does.
 */
#include <errno.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <zip.h>

#include "core/meeting.h"
#include "service/body.h"
#include "service/meeting.h"
#include "service/svc.h"
#include "store/body_store.h"
#include "store/db.h"
#include "store/meeting_store.h"
#include "store/migrate.h"
#include "util/arena.h"
#include "util/buf.h"
#include "util/err.h"

/* Words of the secretariat's minutes, most frequent first. */
static const char *const WORDS[] = {
	"møde", "sekretariatet", "blev", "referat", "forhold", "kommune",
	"kommunerne", "skal", "ikke", "forslag", "vedrørende", "mødet",
	"drøftelse", "specialiserede", "forbindelse", "indstilling",
	"socialdirektørkredsen", "hvor", "budget", "samt", "orienterede",
	"fælles", "fokus", "havde", "politiske", "også", "udkast", "drøfte",
	"punktet", "været", "være", "kommuner", "orientering",
	"sekretariatets", "nærmere", "rammeaftalen", "bliver", "besluttet",
	"tilbud", "arbejde", "samarbejde", "kvalitet", "mellem", "udgifter",
	"oplæg", "ønske", "udarbejdet", "socialdirektørerne", "henblik",
	"styregruppe", "kunne", "øvrige", "sekretariat", "kredsen",
	"godkendelse", "mere", "omkring", "formanden", "således", "dette",
	"aftale", "bedes", "næste", "videre", "evalueringen", "social",
	"unge", "socialområde", "efterretning", "sikrede", "dagsorden",
	"godkendt", "formand", "følgende", "nogle", "administrative",
	"baggrund", "henvendelse", "både", "område", "niveau", "større",
	"status", "hvilke", "over", "nordjyske", "udvikling", "indleder",
	"regnskab", "samlede", "perioden", "orienteringen", "redegjorde",
	"forretningsudvalget", "tilbuddene", "hvordan", "endelig", "blandt",
	"andet", "fået", "afholdt", "pladser", "regionen", "beslutning",
	"faglige", "enighed", "området", "proces", "opgaven", "kommunale",
	"rammeaftaler", "opgørelse", "evaluering", "emnet", "kompasset",
	"drøftelserne", "introduktion", "sted", "socialdirektører",
	"behandling", "afklaring", "udarbejdelsen", "møder", "endvidere",
	"blive", "emner", "økonomiske", "bilag", "andre", "hvorvidt",
	"eller", "styregruppen", "herunder", "direktørerne", "ville",
	"skulle", "godkende", "under", "kommunernes", "politisk", "fortsat",
	"spørgsmål", "meget", "give", "opgave", "fordel", "vigtigt",
	"repræsentanter", "hjemmeside", "kommissorium", "besluttede",
	"indtægter", "oplægsholdere", "husleje", "denne", "primært",
	"afholdes", "hele", "udsendt", "tilbagesøgningskrav", "institution",
	"anvendelsen", "indstilles", "temamøde", "samarbejdet", "opgørelsen",
	"takster", "kommunaldirektørkredsen", "forretningsudvalgets",
	"komme", "kommunaldirektørerne", "mulige", "model", "ligge",
	"foreslåede", "først", "redegørelse", "noget", "drøftet", "kommer",
	"faglighed", "primære", "forslaget", "rammeaftale", "særligt",
	"generelt", "drøftede", "efter", "uden", "heraf", "kommende",
	"hvilket", "giver", "rammeaftalerne", "inden", "dialog",
	"fællesmøde", "kategorisering", "oversigt", "specialundervisning",
	"netværk", "samme", "forskellige", "tale", "metodecentret", "beløb",
	"samtidig", "finansiering", "flere", "udgifterne", "drift",
	"driftsudgifter", "kompetenceudvikling", "måned", "første", "tage",
	"fælleskommunale", "sekretariatsstruktur", "lignende",
	"konklusionen", "tager", "forudsatte", "arrangementet", "generelle",
	"figur", "statistik", "deltagere", "afbud", "forankring", "fandt",
	"behovet", "deltager", "udkastet", "mulighed", "input", "direktør",
	"daglige", "overordnede", "beslutninger", "fællesskab",
	"eventuelle", "styringsaftale", "langsigtet", "øverste",
	"overtagelse", "differentierede", "behandler", "indstillingen",
	"kort", "styringsgruppen", "fremmest", "behov", "omfattende",
	"taler", "ændringer", "sker", "udarbejder", "indhold",
	"fremlægges", "dagtilbud", "følge", "ønskede", "truffet",
	"regionsrådet", "takstreduktion", "udviklingsstrategi",
	"anbefaling", "emne", "have", "administrativt", "hold", "vinkel",
	"sætter", "kommunalreformen", "anden", "effektmåling",
	"tidsperspektivet", "socialministeriet", "taget", "dialogrunde",
	"politikerne", "indtil", "henholdsvis", "formålet", "projektet",
	"ligger", "udarbejdes", "udpeget", "samarbejdes", "omfattet",
	"bredt", "muligheder", "tolkning", "igen", "regioners",
	"kategoriseringen", "såfremt", "plads", "praksis", "forståelse",
	"vedlagt", "kommet", "børn", "haft", "gjort", "meldt", "etableret",
	"arbejdet", "hjemmesiden", "familie", "respektive", "udvalg",
	"fremgik", "konkret", "skabe", "metoder", "tilsvarende",
	"behandlet", "finansiere", "udviklingsopgaver", "finde", "bidrage",
	"derfor", "bidrager", "ansættelse", "projekter", "tilslutning",
	"ideen", "opgaver", "medarbejder", "lægges", "løse", "finansieres",
	"forventede", "budgettet", "midler", "enkelte", "modtaget",
	"etablering", "lønomkostninger", "personaleudgifter",
	"telefongodtgørelse", "kursus", "rejser", "repræsentation",
	"temamøder", "arrangementer", "temadag", "inventar",
	"overheadudgifter", "forbrugsudgifter", "økonomiopfølgning",
	"økonomiledelse", "personaleadministration", "ledelse",
	"afregning", "halvår", "overskud", "beløbene", "beregnet",
	"principperne", "budgetvejledning", "forbrugsafgifter", "afsat",
	"regnskabet", "stramt", "lønudgift", "sammen", "måneder", "idet",
	"deres", "udarbejde", "aftalt", "indgår", "efterfølgende", "siden",
	"medarbejderne", "mange", "opgavevaretagelse", "vurdere",
	"respondenter", "afventer", "socialudvalgene", "henhold",
	"drøftelser", "strategisk", "invitation", "fællesmødet",
	"koordineringsopgaven", "specialundervisningsområdet",
	"færdiggøre", "forventes", "samlet", "aftaleudkastet",
	"gennemgang", "margin", "institutioner", "særlige", "referatet",
	"sociale", "særdeles", "massive", "bemærkninger", "handicapbiler",
	"køreskole", "koordinationsforum", "orienterer",
	"udviklingsstrategien", "ydelser", "anvendes", "belægningsprocent",
	"gerne", "herudover", "temamødet", "forstærkede", "netop",
	"baseret", "udgiftsudviklingen", "rammeaftaletilbuddene",
	"udgiftsudvikling", "dels", "godt", "stigende", "billede", "viser",
	"landsplan", "fordelt", "landet", "kilde", "budgetter", "faldet",
	"procent", "oplevede", "kommentar", "tidligere", "indmeldte",
	"pladsantal", "justering", "pladsantallet", "harmoniserede",
	"udpegning", "systematisk", "involvering", "processen",
	"præsenteret", "repræsenteret", "indtræder", "fortsætter",
	"sparring", "styring", "strategiske", "træffes", "disse",
	"ytrede", "procedurenotat", "overvejelser", "genfindes",
	"rammeaftalesekretariatet", "forelagt", "styringsaftalen",
	"flerårig", "trekanten", "elementer", "bilaterale", "aftaler",
	"spilleregler", "etiske", "retningslinjer", "hinanden",
	"selvstændigt", "direktørkredsen", "snitflade", "sættes",
	"vurderede", "bindingselementer", "opstå", "uforudsete",
	"håndtere", "borger", "ændrer", "driftsherre", "efterspørgsel",
	"driver", "konkrete", "regionens", "henvendelsen", "takststigning",
	"renovering", "bygninger", "bindingsperiode", "høringsproces",
	"lukning", "forespørgsel", "punkter", "usikkerhed",
	"tomgangsgaranti", "sagerne", "administrationens", "fremgår",
	"hjemtagelse", "løbende", "kontaktet", "svar",
	"udviklingsstrategigruppen", "tilbagemeldinger", "tilsluttet",
	"anbefalingen", "igangsat", "kvalitetsprojekt", "opfordret",
	"projekt", "baggrunden", "hovedsagligt", "handlede", "øget",
	"tilgange", "effekt", "måles", "tidspresset",
	"rammeaftalearbejdet", "kontorcheferne", "orienteret",
	"tidsfrister", "ministeriet", "rammeaftalekoncept", "udbytte",
	"dialogmøder", "synspunkterne", "bevidsthed", "ejerskab",
	"styringsmæssigt", "sundhedsområdet", "anmodede", "hurtigst",
	"udgangen", "måneden", "brev", "bruttoliste", "uafklarede",
	"temaer", "forretningsudvalgene", "sundhedsdirektørerne",
	"tovholdere", "fremadrettet", "lovgivning", "udsender",
	"fortolkning", "anvendt", "regioner", "alternativ", "måde",
	"tilbudsviften", "ensartet", "udenfor", "metode", "ansvarlig",
	"genoptages", "foreligger", "faglig", "udsatte", "frist",
	"netværket", "repræsentant", "myndighed", "dokumenter",
	"operationel", "lanceres", "takstmodel", "belægning", "botilbud",
	"misbrug", "autisme", "hjerneskade", "sindslidelse",
	"udviklingshæmning", "høretab", "takstberegning", "overhead",
	"forrentning", "afskrivning", "tilsyn", "socialtilsynet",
	"kapacitet", "efterspørgslen", "forsyningssikkerhed",
	"centrale", "udmelding", "rammeaftalens", "styringsaftalens",
	"prisudvikling", "pris", "lønudvikling", "visitation",
	"udredning", "rehabilitering", "beskæftigelse", "bostøtte",
};
#define NWORDS	(sizeof(WORDS) / sizeof(WORDS[0]))

/* Proper names: offers, places, people; each occurs rarely. */
static const char *const RARE[] = {
	"Æblehaven", "Søbakken", "Kærgården", "Østerled", "Bøgely",
	"Fjordglimt", "Lærkereden", "Skovbrynet", "Engen", "Møllehuset",
	"Åparken", "Solsikken", "Havblik", "Lyngbo", "Egely", "Granly",
	"Østerskoven", "Sødisbakke", "Fantasten", "Danahus", "Vestervang",
	"Skovvænget", "Kompasset", "Nordlyset", "Birkehøj", "Rosenlund",
	"Holtegården", "Klitrosen", "Stenbakken", "Hvidbjerg", "Marieslund",
	"Bakkehuset", "Tornhøj", "Lindegården", "Vesterbo", "Kildevang",
	"Hjørring", "Frederikshavn", "Brønderslev", "Thisted", "Morsø",
	"Rebild", "Mariagerfjord", "Jammerbugt", "Vesthimmerland", "Læsø",
	"Hillerød", "Svendborg", "Haugaard", "Houmøller", "Nørgaard",
	"Heitmann", "Binderup", "Kristensen", "Hosbond", "Gajhede",
	"Aarup", "Maarup", "Serup", "Jende",
};
#define NRARE	(sizeof(RARE) / sizeof(RARE[0]))

/* Openings of titles; "og" joins a second subject to those ending in
 * a space. */
/* Stems of compounds ("takst" + "model"): the long tail of the text. */
static const char *const STEMS[] = {
	"takst", "budget", "plads", "tilbuds", "bolig", "børne", "unge",
	"voksen", "handicap", "misbrugs", "psykiatri", "sekretariats",
	"styrings", "aftale", "kvalitets", "udviklings", "beskæftigelses",
	"sundheds", "økonomi", "regnskabs", "tilsyns", "områdes",
	"kapacitets", "visitations", "belægnings", "overhead", "personale",
	"løn", "pensions", "bygnings", "drifts", "anlægs", "special",
	"skole", "dag", "døgn", "aflastnings", "behandlings",
	"rehabiliterings", "kommune", "region", "rammeaftale", "analyse",
	"model", "strategi", "plan", "proces", "notat", "rapport",
	"oversigt", "opgørelse", "vejledning", "evaluering", "høring",
	"møde", "gruppe", "netværk", "udvalg", "forum", "pris",
};
#define NSTEMS		(sizeof(STEMS) / sizeof(STEMS[0]))
#define NCOMPOUNDS	(NSTEMS * (NSTEMS - 1))

static const char *const TITLES[] = {
	"Orientering om ", "Drøftelse af", "Godkendelse af", "Status på",
	"Evaluering af ", "Opfølgning på", "Forslag til", "Budget for",
	"Udmelding om", "Takster for ", "Høring om", "Temadrøftelse: ",
};
#define NTITLES	(sizeof(TITLES) / sizeof(TITLES[0]))

static const int MONTHS[] = { 1, 2, 3, 4, 5, 6, 8, 9, 10, 11, 12 };

/* ---- random text ---------------------------------------------------- */

static uint64_t	rng_state = 0x9e3779b97f4a7c15ULL;
static double	zipf_cum[NWORDS];
static double	comp_cum[NCOMPOUNDS];
static char	*compounds[NCOMPOUNDS];	/* in the order of their weights */

static uint64_t
rnd(void)
{
	uint64_t x = rng_state;

	x ^= x << 13;
	x ^= x >> 7;
	x ^= x << 17;
	return rng_state = x;
}

/* Uniform in [0, n). */
static size_t
rnd_n(size_t n)
{
	return (size_t)(rnd() % n);
}

static double
rnd_unit(void)
{
	return (double)(rnd() >> 11) / (double)(1ULL << 53);
}

/*
 * Weights 1/(rank + 2) for the words of the minutes: a few in nearly every
 * text. The compounds of two stems, in a fixed shuffled order, weigh
 * 1/(rank + 1): from a few in a tenth of the texts to many in a handful.
 */
static void
zipf_init(void)
{
	double	sum = 0;
	size_t	i, j, k = 0;
	char	*t;

	for (i = 0; i < NWORDS; i++) {
		sum += 1.0 / (double)(i + 2);
		zipf_cum[i] = sum;
	}
	for (i = 0; i < NWORDS; i++)
		zipf_cum[i] /= sum;
	for (i = 0; i < NSTEMS; i++)
		for (j = 0; j < NSTEMS; j++)
			if (i != j) {
				compounds[k] = malloc(strlen(STEMS[i]) +
				    strlen(STEMS[j]) + 1);
				if (compounds[k] == NULL)
					abort();
				strcpy(compounds[k], STEMS[i]);
				strcat(compounds[k++], STEMS[j]);
			}
	for (i = NCOMPOUNDS - 1; i > 0; i--) {
		j = rnd_n(i + 1);
		t = compounds[i];
		compounds[i] = compounds[j];
		compounds[j] = t;
	}
	sum = 0;
	for (i = 0; i < NCOMPOUNDS; i++) {
		sum += 1.0 / (double)(i + 1);
		comp_cum[i] = sum;
	}
	for (i = 0; i < NCOMPOUNDS; i++)
		comp_cum[i] /= sum;
}

/* The index in cum[0..n) of a uniform draw. */
static size_t
draw(const double *cum, size_t n)
{
	double	u = rnd_unit();
	size_t	lo = 0, hi = n - 1, mid;

	while (lo < hi) {
		mid = (lo + hi) / 2;
		if (cum[mid] < u)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

/* A word: one in ten a compound. */
static const char *
word(void)
{
	if (rnd_n(10) == 0)
		return compounds[draw(comp_cum, NCOMPOUNDS)];
	return WORDS[draw(zipf_cum, NWORDS)];
}

/* A sentence of lo..hi words; a rare name with probability p %. */
static void
sentence(struct buf *b, int lo, int hi, double p)
{
	int		 n = lo + (int)rnd_n((size_t)(hi - lo + 1)), i;
	const char	*w;

	for (i = 0; i < n; i++) {
		w = i > 0 && rnd_unit() < p / 100 / n ? RARE[rnd_n(NRARE)] :
		    word();
		if (i > 0)
			buf_putc(b, ' ');
		if (i == 0 && (unsigned char)w[0] < 0x80 && w[0] >= 'a' &&
		    w[0] <= 'z') {
			buf_putc(b, (char)(w[0] - 'a' + 'A'));
			buf_puts(b, w + 1);
		} else
			buf_puts(b, w);
	}
	buf_puts(b, ".");
}

/* lo..hi sentences, separated by spaces; into b (cleared). */
static const char *
text(struct buf *b, int lo, int hi, double p)
{
	int n = lo + (int)rnd_n((size_t)(hi - lo + 1)), i;

	buf_reset(b);
	for (i = 0; i < n; i++) {
		if (i > 0)
			buf_putc(b, i % 4 == 0 ? '\n' : ' ');
		sentence(b, 6, 16, p);
	}
	return buf_str(b);
}

/* ---- documents ------------------------------------------------------ */

/* A zip in memory with the given parts; malloc'ed bytes in *out. */
static int
zip_build(const char *const *names, const char *const *parts, int n,
    char **out, size_t *len)
{
	zip_source_t	*src, *ps;
	zip_error_t	 ze;
	zip_stat_t	 st;
	zip_t		*z;
	int		 i;

	zip_error_init(&ze);
	if ((src = zip_source_buffer_create(NULL, 0, 0, &ze)) == NULL)
		return -1;
	if ((z = zip_open_from_source(src, ZIP_TRUNCATE, &ze)) == NULL) {
		zip_source_free(src);
		return -1;
	}
	zip_source_keep(src);
	for (i = 0; i < n; i++) {
		ps = zip_source_buffer(z, parts[i], strlen(parts[i]), 0);
		if (ps == NULL || zip_file_add(z, names[i], ps,
		    ZIP_FL_ENC_UTF_8) < 0) {
			zip_source_free(ps);
			zip_discard(z);
			zip_source_free(src);
			return -1;
		}
	}
	if (zip_close(z) != 0 || zip_source_open(src) != 0) {
		zip_discard(z);
		zip_source_free(src);
		return -1;
	}
	if (zip_source_stat(src, &st) != 0 ||
	    (*out = malloc(st.size)) == NULL ||
	    zip_source_read(src, *out, st.size) != (zip_int64_t)st.size) {
		zip_source_close(src);
		zip_source_free(src);
		return -1;
	}
	*len = st.size;
	zip_source_close(src);
	zip_source_free(src);
	zip_error_fini(&ze);
	return 0;
}

/* A DOCX note: paragraphs of text. */
static int
make_docx(struct buf *scratch, char **out, size_t *len)
{
	static const char *const names[] = { "[Content_Types].xml",
	    "word/document.xml" };
	const char	*parts[2];
	struct buf	 x;
	int		 np = 3 + (int)rnd_n(10), i, rc;

	buf_init(&x);
	buf_puts(&x, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
	    "<w:document xmlns:w=\"http://schemas.openxmlformats.org/"
	    "wordprocessingml/2006/main\"><w:body>");
	for (i = 0; i < np; i++) {
		buf_puts(&x, "<w:p><w:r><w:t>");
		buf_puts(&x, text(scratch, 1, 4, 0.4));
		buf_puts(&x, "</w:t></w:r></w:p>");
	}
	buf_puts(&x, "</w:body></w:document>");
	parts[0] = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Types "
	    "xmlns=\"http://schemas.openxmlformats.org/package/2006/"
	    "content-types\"><Override PartName=\"/word/document.xml\" "
	    "ContentType=\"application/vnd.openxmlformats-officedocument."
	    "wordprocessingml.document.main+xml\"/></Types>";
	parts[1] = buf_str(&x);
	rc = zip_build(names, parts, 2, out, len);
	buf_cleanup(&x);
	return rc;
}

/* An XLSX table: shared strings of headings, words and amounts. */
static int
make_xlsx(struct buf *scratch, int year, char **out, size_t *len)
{
	static const char *const names[] = { "[Content_Types].xml",
	    "xl/workbook.xml", "xl/sharedStrings.xml" };
	const char	*parts[3];
	struct buf	 x;
	char		 num[32];
	int		 nc = 10 + (int)rnd_n(40), i, rc;

	buf_init(&x);
	buf_puts(&x, "<?xml version=\"1.0\" encoding=\"UTF-8\"?><sst xmlns="
	    "\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">");
	for (i = 0; i < nc; i++) {
		buf_puts(&x, "<si><t>");
		if (i % 3 == 2) {
			snprintf(num, sizeof(num), "%d %03d", (int)rnd_n(900),
			    (int)rnd_n(1000));
			buf_puts(&x, num);
		} else {
			buf_reset(scratch);
			sentence(scratch, 1, 3, i == 0 ? 5 : 0.1);
			scratch->data[--scratch->len] = '\0';	/* the '.' */
			buf_puts(&x, buf_str(scratch));
			if (i == 0) {
				snprintf(num, sizeof(num), " %d", year);
				buf_puts(&x, num);
			}
		}
		buf_puts(&x, "</t></si>");
	}
	buf_puts(&x, "</sst>");
	parts[0] = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Types "
	    "xmlns=\"http://schemas.openxmlformats.org/package/2006/"
	    "content-types\"><Override PartName=\"/xl/workbook.xml\" "
	    "ContentType=\"application/vnd.openxmlformats-officedocument."
	    "spreadsheetml.sheet.main+xml\"/></Types>";
	parts[1] = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><workbook "
	    "xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/"
	    "main\"><sheets><sheet name=\"Oversigt\" sheetId=\"1\"/></sheets>"
	    "</workbook>";
	parts[2] = buf_str(&x);
	rc = zip_build(names, parts, 3, out, len);
	buf_cleanup(&x);
	return rc;
}

/* A one-page PDF with ASCII words (its fonts know no other letters). */
static int
make_pdf(char **out, size_t *len)
{
	struct buf	 b, s;
	const char	*objs[5], *w;
	size_t		 offs[5], x;
	char		 head[96];
	int		 i, n = 20 + (int)rnd_n(60);

	buf_init(&s);
	buf_puts(&s, "BT /F1 10 Tf 20 800 Td 12 TL (");
	for (i = 0; i < n; i++) {
		do
			w = rnd_n(200) == 0 ? RARE[rnd_n(NRARE)] :
			    word();
		while (strspn(w, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMN"
		    "OPQRSTUVWXYZ") != strlen(w));
		buf_puts(&s, w);
		buf_puts(&s, i % 10 == 9 ? ") ' (" : " ");
	}
	buf_puts(&s, ") ' ET");
	objs[0] = "<< /Type /Catalog /Pages 2 0 R >>";
	objs[1] = "<< /Type /Pages /Kids [3 0 R] /Count 1 >>";
	objs[2] = "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] "
	    "/Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>";
	objs[3] = NULL;
	objs[4] = "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>";
	buf_init(&b);
	buf_puts(&b, "%PDF-1.4\n");
	for (i = 0; i < 5; i++) {
		offs[i] = b.len;
		if (objs[i] != NULL) {
			snprintf(head, sizeof(head), "%d 0 obj\n", i + 1);
			buf_puts(&b, head);
			buf_puts(&b, objs[i]);
		} else {
			snprintf(head, sizeof(head), "%d 0 obj\n<< /Length %zu "
			    ">>\nstream\n", i + 1, s.len);
			buf_puts(&b, head);
			buf_append(&b, s.data, s.len);
			buf_puts(&b, "\nendstream");
		}
		buf_puts(&b, "\nendobj\n");
	}
	x = b.len;
	buf_puts(&b, "xref\n0 6\n0000000000 65535 f \n");
	for (i = 0; i < 5; i++) {
		snprintf(head, sizeof(head), "%010zu 00000 n \n", offs[i]);
		buf_puts(&b, head);
	}
	snprintf(head, sizeof(head), "trailer\n<< /Size 6 /Root 1 0 R >>\n"
	    "startxref\n%zu\n%%%%EOF\n", x);
	buf_puts(&b, head);
	buf_cleanup(&s);
	*out = buf_release(&b, len);
	return *out != NULL ? 0 : -1;
}

/* ---- the meetings --------------------------------------------------- */

static void
die(const char *what, const struct err *e)
{
	fprintf(stderr, "search_gen: %s: %s\n", what, e != NULL ? e->msg :
	    strerror(errno));
	exit(1);
}

struct opts {
	const char	*db, *words;
	int		 years, meetings, bodies, items, files, pdf_every;
};

struct counts {
	long	meetings, items, closed_items, files, closed_files, pdfs;
	long	approved;
};

static enum item_result
result_for(enum item_section sec)
{
	static const enum item_result behandling[] = { RESULT_GODKENDT,
	    RESULT_GODKENDT, RESULT_ANBEFALET, RESULT_DROEFTET,
	    RESULT_DROEFTET, RESULT_UDSAT, RESULT_AFVIST };

	if (sec == SECTION_BEHANDLING || sec == SECTION_LUKKET)
		return behandling[rnd_n(sizeof(behandling) /
		    sizeof(behandling[0]))];
	return RESULT_EFTERRETNING;
}

static void
attach(struct svc *s, const struct opts *o, struct buf *scratch,
    int64_t item, int k, int year, struct counts *c)
{
	struct err	 e;
	char		*data = NULL, name[128];
	const char	*fn;
	size_t		 len = 0;
	int64_t		 id;
	bool		 closed = rnd_n(20) == 0;
	int		 rc;

	c->files++;
	if (o->pdf_every > 0 && c->files % o->pdf_every == 0) {
		rc = make_pdf(&data, &len);
		fn = "notat.pdf";
		c->pdfs++;
	} else if (k % 2 == 0) {
		rc = make_docx(scratch, &data, &len);
		fn = "notat.docx";
	} else {
		rc = make_xlsx(scratch, year, &data, &len);
		fn = "oversigt.xlsx";
	}
	if (rc != 0)
		die("building an attachment", NULL);
	buf_reset(scratch);
	sentence(scratch, 1, 4, 1);
	snprintf(name, sizeof(name), "Bilag %d %.80s", k + 1,
	    buf_str(scratch));
	name[strcspn(name, ".")] = '\0';
	if (meeting_attachment_add(s, item, name, fn, data, len, closed,
	    NULL, &id, &e) != 0)
		die("meeting_attachment_add", &e);
	c->closed_files += closed;
	free(data);
}

static void
one_meeting(struct svc *s, const struct opts *o, int64_t body, int year,
    int month, int day, int64_t *prev, struct counts *c)
{
	struct meeting_input	 mi;
	struct item_input	 ii;
	struct meeting_page	 p;
	struct buf		 t1, t2, sc;
	struct err		 e;
	char			 when[32], title[256];
	const char		*tp;
	int64_t			 m, id, approve = 0;
	size_t			 i;
	int			 k;

	buf_init(&t1);
	buf_init(&t2);
	buf_init(&sc);
	memset(&mi, 0, sizeof(mi));
	mi.body_id = body;
	snprintf(when, sizeof(when), "%04d-%02d-%02dT10:00", year, month, day);
	mi.starts_at = when;
	mi.place = "Boulevarden 13";
	mi.room = "Mødelokale 3";
	if (meeting_create(s, &mi, &m, &e) != 0)
		die("meeting_create", &e);
	if (meeting_load(s, m, &p, &e) != 0)
		die("meeting_load", &e);
	for (k = (int)p.nitems; k < o->items; k++) {
		memset(&ii, 0, sizeof(ii));
		ii.section = k % 15 == 14 ? SECTION_LUKKET :
		    k % 3 == 0 ? SECTION_BEHANDLING :
		    k % 3 == 1 ? SECTION_EFTERRETNING : SECTION_ORIENTERING;
		tp = TITLES[rnd_n(NTITLES)];
		snprintf(title, sizeof(title), "%s%s%s%s%s", tp,
		    tp[strlen(tp) - 1] == ' ' ? "" : " ", word(),
		    tp[strlen(tp) - 1] == ' ' ? " og " : "",
		    tp[strlen(tp) - 1] != ' ' ? "" : rnd_n(200) == 0 ?
		    RARE[rnd_n(NRARE)] : word());
		ii.title = title;
		ii.presenter = rnd_n(2) ? "HETH" : "BH";
		ii.background = text(&t1, 2, 8, 0.5);
		buf_reset(&t2);
		buf_puts(&t2, "Det indstilles, at ");
		sentence(&t2, 6, 14, 0.2);
		ii.recommendation = buf_str(&t2);
		if (meeting_item_add(s, m, &ii, &id, &e) != 0)
			die("meeting_item_add", &e);
	}
	if (meeting_load(s, m, &p, &e) != 0)
		die("meeting_load", &e);
	for (i = 0; i < p.nitems; i++) {
		c->items++;
		c->closed_items += p.items[i].closed;
		for (k = 0; k < o->files; k++)
			attach(s, o, &sc, p.items[i].id, k, year, c);
		if (p.items[i].kind == ITEM_REFERAT)
			approve = p.items[i].id;
	}
	if (meeting_set_state(s, m, MEETING_INDKALDT, &e) != 0)
		die("convene", &e);
	if (approve > 0 && *prev > 0) {
		if (meeting_item_approve(s, approve, &e) != 0)
			die("meeting_item_approve", &e);
		c->approved++;
	}
	if (meeting_set_state(s, m, MEETING_AFHOLDT, &e) != 0)
		die("held", &e);
	for (i = 0; i < p.nitems; i++) {
		if (p.items[i].id == approve && *prev > 0)
			continue;
		switch (p.items[i].kind) {
		case ITEM_DAGSORDEN:
			buf_reset(&t1);
			buf_puts(&t1, "Dagsordenen blev godkendt.");
			break;
		case ITEM_EVT:
			text(&t1, 0, 1, 0.2);
			if (t1.len == 0)
				buf_puts(&t1, "Intet.");
			break;
		case ITEM_NAESTE_MOEDE:
			buf_reset(&t1);
			buf_puts(&t1, "Næste møde afholdes som planlagt. ");
			sentence(&t1, 4, 8, 0);
			break;
		default:
			text(&t1, 2, 9, 0.5);
			break;
		}
		if (meeting_item_minutes(s, p.items[i].id, buf_str(&t1),
		    p.items[i].kind == ITEM_SAG ?
		    result_for(p.items[i].section) : p.items[i].kind ==
		    ITEM_DAGSORDEN ? RESULT_GODKENDT : RESULT_EFTERRETNING,
		    &e) != 0)
			die("meeting_item_minutes", &e);
	}
	if (meeting_minutes_circulate(s, m, &e) != 0)
		die("meeting_minutes_circulate", &e);
	*prev = m;
	c->meetings++;
	buf_cleanup(&t1);
	buf_cleanup(&t2);
	buf_cleanup(&sc);
}

static int
int_arg(const char *s, int lo, int hi)
{
	char	*end;
	long	 v;

	errno = 0;
	v = strtol(s, &end, 10);
	if (errno != 0 || *end != '\0' || v < lo || v > hi) {
		fprintf(stderr, "search_gen: %s: not a number in %d-%d\n", s,
		    lo, hi);
		exit(2);
	}
	return (int)v;
}

int
main(int argc, char **argv)
{
	static const char *const keys[] = { "kkr", "kdk", "das", "socdir",
	    "fu" };
	struct opts	 o = { NULL, NULL, 20, 10, 5, 15, 2, 500 };
	struct counts	 c;
	struct db	*db;
	struct arena	 a;
	struct svc	 s;
	struct body	*bv;
	struct err	 e;
	struct timespec	 t0, t1;
	int64_t		 body[5], prev[5];
	size_t		 nb, i;
	int		 y, k, b, j, sqlite;
	FILE		*f;

	for (j = 1; j < argc; j++) {
		if (j + 1 >= argc)
			goto usage;
		if (strcmp(argv[j], "--db") == 0)
			o.db = argv[++j];
		else if (strcmp(argv[j], "--words") == 0)
			o.words = argv[++j];
		else if (strcmp(argv[j], "--years") == 0)
			o.years = int_arg(argv[++j], 1, 100);
		else if (strcmp(argv[j], "--meetings") == 0)
			o.meetings = int_arg(argv[++j], 1, 11);
		else if (strcmp(argv[j], "--bodies") == 0)
			o.bodies = int_arg(argv[++j], 1, 5);
		else if (strcmp(argv[j], "--items") == 0)
			o.items = int_arg(argv[++j], 4, 60);
		else if (strcmp(argv[j], "--files") == 0)
			o.files = int_arg(argv[++j], 0, 10);
		else if (strcmp(argv[j], "--pdf-every") == 0)
			o.pdf_every = int_arg(argv[++j], 0, 1000000);
		else
			goto usage;
	}
	if (o.db == NULL && o.words == NULL)
		goto usage;
	zipf_init();
	if (o.words != NULL) {
		if ((f = fopen(o.words, "w")) == NULL)
			die(o.words, NULL);
		for (i = 0; i < NWORDS; i++)
			fprintf(f, "%s\n", WORDS[i]);
		for (i = 0; i < NCOMPOUNDS; i++)
			fprintf(f, "%s\n", compounds[i]);
		for (i = 0; i < NRARE; i++)
			fprintf(f, "%s\n", RARE[i]);
		fclose(f);
		if (o.db == NULL)
			return 0;
	}
	err_clear(&e);
	if (db_open(&db, o.db, &e) != 0 || migrate_run(db, NULL, &e) != 0)
		die(o.db, &e);
	sqlite = strcmp(db_backend(db), "sqlite") == 0;
	if (sqlite && db_exec(db, "PRAGMA synchronous=OFF; "
	    "PRAGMA cache_size=-262144", &e) != 0)
		die("synchronous", &e);
	arena_init(&a);
	svc_init(&s, db, &a, NULL, (int64_t)time(NULL));
	if (body_list(&s, &bv, &nb, &e) != 0)
		die("body_list", &e);
	for (b = 0; b < o.bodies; b++) {
		body[b] = 0;
		prev[b] = 0;
		for (i = 0; i < nb; i++)
			if (bv[i].key != NULL && strcmp(bv[i].key, keys[b]) == 0)
				body[b] = bv[i].id;
		if (body[b] == 0) {
			fprintf(stderr, "search_gen: no body %s\n", keys[b]);
			return 1;
		}
	}
	memset(&c, 0, sizeof(c));
	clock_gettime(CLOCK_MONOTONIC, &t0);
	for (y = 2026 - o.years; y <= 2025; y++)
		for (k = 0; k < o.meetings; k++)
			for (b = 0; b < o.bodies; b++) {
				one_meeting(&s, &o, body[b], y, MONTHS[k],
				    3 + 5 * b, &prev[b], &c);
				/* Results of one meeting are not needed
				 * after it. */
				arena_cleanup(&a);
				arena_init(&a);
			}
	clock_gettime(CLOCK_MONOTONIC, &t1);
	if (sqlite && db_exec(db, "PRAGMA wal_checkpoint(TRUNCATE)", &e) != 0)
		die("checkpoint", &e);
	arena_cleanup(&a);
	db_close(db);
	printf("meetings %ld items %ld closed_items %ld attachments %ld "
	    "closed_attachments %ld pdfs %ld approved %ld seconds %.1f\n",
	    c.meetings, c.items, c.closed_items, c.files, c.closed_files,
	    c.pdfs, c.approved, (double)(t1.tv_sec - t0.tv_sec) +
	    (double)(t1.tv_nsec - t0.tv_nsec) / 1e9);
	return 0;
usage:
	fputs("usage: search_gen [--db PATH] [--years N] [--meetings N] "
	    "[--bodies N] [--items N] [--files N] [--pdf-every N] "
	    "[--words FILE]\n", stderr);
	return 2;
}
