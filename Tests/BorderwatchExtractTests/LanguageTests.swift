import BorderwatchCore
import Testing
@testable import BorderwatchExtract

/// Language detection and the language packs: each probe is written for its pack in the style of
/// that language's wire services (not taken from the gold sets), with the fact it must give.
@Suite struct LanguageTests {
    struct Probe: CustomStringConvertible, Sendable {
        let language: String
        let text: String
        let value: Int
        let metric: Metric
        let period: Period
        var description: String { language }
    }

    static let probes: [Probe] = [
        Probe(language: "de", text: "Die litauische Grenzschutzbehörde teilte am Donnerstag mit, in den vergangenen 24 Stunden seien 212 Migranten festgenommen worden, die illegal aus Belarus gekommen waren.",
              value: 212, metric: .arrivals, period: .day(Day(iso: "2024-06-13")!)),
        Probe(language: "fr", text: "Selon la préfecture, 386 migrants sont arrivés hier sur les côtes anglaises à bord de petites embarcations, un record pour cette année.",
              value: 386, metric: .arrivals, period: .day(Day(iso: "2024-06-12")!)),
        Probe(language: "es", text: "Un total de 243 inmigrantes han llegado este año a las costas de Baleares, según la Delegación del Gobierno, que registra la mayor cifra en lo que va de año.",
              value: 243, metric: .arrivals, period: .ytd(year: 2024, asOf: Day(iso: "2024-06-13")!)),
        Probe(language: "it", text: "Nelle ultime 24 ore sono sbarcati a Lampedusa 1.450 migranti, secondo i dati del Viminale diffusi oggi. Gli sbarchi sono stati dieci nella notte.",
              value: 1450, metric: .arrivals, period: .day(Day(iso: "2024-06-13")!)),
        Probe(language: "pl", text: "W ciągu ostatniej doby Straż Graniczna odnotowała 147 prób nielegalnego przekroczenia granicy z Białorusią, poinformowała rzeczniczka. Od początku roku było ich ponad 9 tys.",
              value: 147, metric: .attempts, period: .day(Day(iso: "2024-06-13")!)),
        Probe(language: "ru", text: "За минувшие сутки литовские пограничники не пустили в страну 64 мигранта, пытавшихся проникнуть из Беларуси, сообщает пресс-служба.",
              value: 64, metric: .prevented, period: .day(Day(iso: "2024-06-13")!)),
        Probe(language: "lt", text: "Praėjusią parą pasieniečiai apgręžė 37 migrantus, bandžiusius neteisėtai patekti į Lietuvą iš Baltarusijos, pranešė VSAT. Tai buvo daugiau nei prieš savaitę.",
              value: 37, metric: .prevented, period: .day(Day(iso: "2024-06-13")!)),
        Probe(language: "lv", text: "Pēdējā diennaktī Valsts robežsardze novērsa 58 cilvēku mēģinājumus nelikumīgi šķērsot Latvijas un Baltkrievijas robežu, informē dienests. Kopš gada sākuma tas ir noticis vairāk nekā tūkstoš reižu, un robeža tiek apsargāta.",
              value: 58, metric: .prevented, period: .day(Day(iso: "2024-06-13")!)),
        Probe(language: "et", text: "Leedu piirivalve teatel saadeti viimase ööpäeva jooksul Valgevenest tagasi 41 migranti, kes üritasid ületada piiri. Sel aastal on neid olnud juba üle tuhande.",
              value: 41, metric: .prevented, period: .day(Day(iso: "2024-06-13")!)),
    ]

    /// Date wording of each language read by the English time rules through `glosses.tsv`
    /// (prepositions, articles, ordinal dots, year nouns) and `times.tsv` (parts of a year, the
    /// same period a year back). Written for these tests in each language's wire-service style;
    /// all dated 2024-06-13 (a Thursday).
    static let datedProbes: [Probe] = [
        Probe(language: "de", text: "Von Januar bis Mai haben in Deutschland 98.400 Menschen einen Asylantrag gestellt, teilte das Bundesamt mit.",
              value: 98400, metric: .asylumClaims, period: .span(start: Day(iso: "2024-01-01")!, end: Day(iso: "2024-05-31")!)),
        Probe(language: "de", text: "In den ersten sechs Monaten des vergangenen Jahres hat die Bundespolizei 4.210 unerlaubt eingereiste Menschen aufgegriffen.",
              value: 4210, metric: .arrivals, period: .span(start: Day(iso: "2023-01-01")!, end: Day(iso: "2023-06-30")!)),
        Probe(language: "de", text: "Seit dem 1. März hat die Bundespolizei an der Grenze zu Österreich 1.250 Migranten zurückgewiesen.",
              value: 1250, metric: .prevented, period: .span(start: Day(iso: "2024-03-01")!, end: nil)),
        // a year noun or article between "in" and the year: "im Jahr 2023", "en el año 2023"
        Probe(language: "de", text: "Im Jahr 2023 haben in Deutschland 329.120 Menschen einen Asylerstantrag gestellt, teilte das Bundesamt mit.",
              value: 329120, metric: .asylumClaims, period: .year(2023)),
        Probe(language: "es", text: "En el año 2023 llegaron a Canarias 39.910 migrantes, la mayor cifra desde que existen registros.",
              value: 39910, metric: .arrivals, period: .year(2023)),
        Probe(language: "fr", text: "En 2023, 29.437 migrants ont traversé la Manche à bord de petites embarcations, selon le ministère britannique.",
              value: 29437, metric: .arrivals, period: .year(2023)),
        Probe(language: "fr", text: "Du 3 au 9 juin, 882 personnes sont arrivées sur les côtes anglaises, selon le ministère de l'Intérieur.",
              value: 882, metric: .arrivals, period: .span(start: Day(iso: "2024-06-03")!, end: Day(iso: "2024-06-09")!)),
        Probe(language: "fr", text: "Depuis le 15 mars, 2.300 migrants sont arrivés à Lampedusa, selon les autorités italiennes.",
              value: 2300, metric: .arrivals, period: .span(start: Day(iso: "2024-03-15")!, end: nil)),
        Probe(language: "es", text: "El 17 de mayo llegaron a Canarias 410 migrantes a bordo de seis cayucos, según Salvamento Marítimo.",
              value: 410, metric: .arrivals, period: .day(Day(iso: "2024-05-17")!)),
        Probe(language: "es", text: "Entre enero y mayo han llegado a Baleares 1.210 migrantes, según los datos del Ministerio del Interior.",
              value: 1210, metric: .arrivals, period: .span(start: Day(iso: "2024-01-01")!, end: Day(iso: "2024-05-31")!)),
        Probe(language: "es", text: "Del 1 al 7 de junio llegaron a Canarias 1.030 migrantes, según el Ministerio del Interior.",
              value: 1030, metric: .arrivals, period: .span(start: Day(iso: "2024-06-01")!, end: Day(iso: "2024-06-07")!)),
        // "la del 3 de mayo" (the one of 3 May): "del" opens a stretch only before "al"
        Probe(language: "es", text: "El día con más llegadas fue el del 3 de mayo, cuando llegaron 512 migrantes a las costas de Almería.",
              value: 512, metric: .arrivals, period: .day(Day(iso: "2024-05-03")!)),
        Probe(language: "fr", text: "En 2023, l'Ofpra a reçu 142.500 dossiers, en hausse de 8 %, selon le ministère de l'Intérieur.",
              value: 142500, metric: .asylumClaims, period: .year(2023)),
        Probe(language: "it", text: "Dal 3 giugno sono sbarcati sulle coste italiane 3.120 migranti, secondo i dati del Viminale.",
              value: 3120, metric: .arrivals, period: .span(start: Day(iso: "2024-06-03")!, end: nil)),
        Probe(language: "pl", text: "Między 3 a 9 czerwca Straż Graniczna odnotowała 1140 prób nielegalnego przekroczenia granicy z Białorusią.",
              value: 1140, metric: .attempts, period: .span(start: Day(iso: "2024-06-03")!, end: Day(iso: "2024-06-09")!)),
        // "ok." (about) is an abbreviation and ends no sentence
        Probe(language: "pl", text: "W maju Straż Graniczna odnotowała ok. 1,4 tys. prób nielegalnego przekroczenia granicy z Białorusią.",
              value: 1400, metric: .attempts, period: .month(year: 2024, month: 5)),
        Probe(language: "ru", text: "С 1 по 10 июня литовские пограничники развернули 512 мигрантов, пытавшихся проникнуть из Беларуси.",
              value: 512, metric: .prevented, period: .span(start: Day(iso: "2024-06-01")!, end: Day(iso: "2024-06-10")!)),
        Probe(language: "lv", text: "Kopš 3. jūnija Valsts robežsardze novērsa 640 cilvēku mēģinājumus nelikumīgi šķērsot Latvijas un Baltkrievijas robežu.",
              value: 640, metric: .prevented, period: .span(start: Day(iso: "2024-06-03")!, end: nil)),
        Probe(language: "et", text: "Leedu piirivalve pidas 2023. aastal kinni 2410 ebaseaduslikku piiriületajat, kes olid tulnud Valgevenest.",
              value: 2410, metric: .arrivals, period: .year(2023)),
        Probe(language: "lt", text: "Nuo birželio 3 d. pasieniečiai apgręžė 420 neteisėtų migrantų, bandžiusių patekti į Lietuvą iš Baltarusijos.",
              value: 420, metric: .prevented, period: .span(start: Day(iso: "2024-06-03")!, end: nil)),
        // number words and verbs of each pack
        Probe(language: "de", text: "Am 3. Juni hat die Bundespolizei in Brandenburg achtzig Migranten aufgegriffen, die aus Polen gekommen waren.",
              value: 80, metric: .arrivals, period: .day(Day(iso: "2024-06-03")!)),
        Probe(language: "es", text: "El 3 de junio llegaron a Lanzarote doscientos migrantes en cuatro pateras.",
              value: 200, metric: .arrivals, period: .day(Day(iso: "2024-06-03")!)),
        Probe(language: "it", text: "Il 3 giugno sono sbarcati a Pantelleria un centinaio di migranti partiti dalla Tunisia.",
              value: 100, metric: .arrivals, period: .day(Day(iso: "2024-06-03")!)),
        Probe(language: "lv", text: "Kopš 3. jūnija robežsargi apturēja 310 cilvēkus, kas mēģināja nelikumīgi šķērsot robežu no Baltkrievijas.",
              value: 310, metric: .prevented, period: .span(start: Day(iso: "2024-06-03")!, end: nil)),
        Probe(language: "ru", text: "С 1 по 10 июня в Литву въехали 140 мигрантов из Беларуси.",
              value: 140, metric: .arrivals, period: .span(start: Day(iso: "2024-06-01")!, end: Day(iso: "2024-06-10")!)),
        // "с" alone is "since", before "по" "from"; a year named before the day ("прошлого года",
        // "2023. gada", "praėjusių metų") is that day's year
        Probe(language: "ru", text: "С 5 марта прошлого года пограничники развернули на границе с Беларусью 7 420 мигрантов.",
              value: 7420, metric: .prevented, period: .span(start: Day(iso: "2023-03-05")!, end: nil)),
        Probe(language: "lv", text: "Kopš 2023. gada 5. marta robežsargi kopumā atturējuši 6120 cilvēkus no nelikumīgas robežas šķērsošanas.",
              value: 6120, metric: .prevented, period: .span(start: Day(iso: "2023-03-05")!, end: nil)),
        Probe(language: "lt", text: "Nuo praėjusių metų kovo 5 d. pasieniečiai apgręžė 9310 neteisėtų migrantų, bandžiusių patekti į Lietuvą.",
              value: 9310, metric: .prevented, period: .span(start: Day(iso: "2023-03-05")!, end: nil)),
        // a weekday after "в"/"во" is read "on"; a list of weekdays running back from Wednesday goes
        // on back past the article's Thursday; items set off by a dash go on counting the first figure
        Probe(language: "ru", text: "В среду литовские пограничники развернули 31 мигранта, во вторник – 12, в понедельник – 17, в воскресенье – 9, в субботу – 14, в пятницу – 11, в четверг – 8.",
              value: 12, metric: .prevented, period: .day(Day(iso: "2024-06-11")!)),
        Probe(language: "ru", text: "В среду литовские пограничники развернули 31 мигранта, во вторник – 12, в понедельник – 17, в воскресенье – 9, в субботу – 14, в пятницу – 11, в четверг – 8.",
              value: 8, metric: .prevented, period: .day(Day(iso: "2024-06-06")!)),
        // "entre le 3 et le 9 juin": both articles take the prepositions' glosses; the British side
        // intercepting in its own waters counts arrivals
        Probe(language: "fr", text: "Entre le 3 et le 9 juin, les garde-côtes britanniques ont intercepté 1 204 personnes dans la Manche.",
              value: 1204, metric: .arrivals, period: .span(start: Day(iso: "2024-06-03")!, end: Day(iso: "2024-06-09")!)),
        // "W dn. 11.06" (on the day 11.06): a day and month in digits
        Probe(language: "pl", text: "W dn. 11.06 z Białorusi do Polski próbowało się nielegalnie przedostać 57 cudzoziemców.",
              value: 57, metric: .attempts, period: .day(Day(iso: "2024-06-11")!)),
        // "N días antes", "vier Tage zuvor": N days before the day of the figure told before
        Probe(language: "es", text: "El 10 de junio entraron en Melilla 120 inmigrantes. Dos días antes habían entrado otros 95 inmigrantes por el mismo tramo de la valla.",
              value: 95, metric: .arrivals, period: .day(Day(iso: "2024-06-08")!)),
        // a semicolon closes the figure's clause: the asylum claims after it are not what it counts
        Probe(language: "de", text: "Die Polizei zählt seit Jahresbeginn rund 2.100 Aufgegriffene; die meisten haben einen Asylantrag gestellt.",
              value: 2100, metric: .arrivals, period: .ytd(year: 2024, asOf: Day(iso: "2024-06-13")!)),
        // the time after "чем" (than) belongs to the comparison
        Probe(language: "ru", text: "С начала года в Литву пытались проникнуть 2 410 мигрантов, что в 30 раз больше, чем за весь прошлый год.",
              value: 2410, metric: .attempts, period: .ytd(year: 2024, asOf: Day(iso: "2024-06-13")!)),
        // an auxiliary after a figure without its noun leaves it to the verb ("otros 310 han perdido la vida")
        Probe(language: "es", text: "En lo que va de año han llegado a Canarias 19.250 migrantes y otros 310 han perdido la vida en la ruta.",
              value: 310, metric: .deaths, period: .ytd(year: 2024, asOf: Day(iso: "2024-06-13")!)),
        // "nel giro di 24 ore": the past day, hours no count
        Probe(language: "it", text: "Nel giro di appena 24 ore sono sbarcati a Lampedusa oltre 1.300 migranti, secondo la prefettura.",
              value: 1300, metric: .arrivals, period: .day(Day(iso: "2024-06-13")!)),
        // "le 3 mars dernier": this past 3 March, the first day of a stretch
        Probe(language: "fr", text: "Entre le 3 mars dernier et le 9 juin, 2 100 migrants sont arrivés à Lampedusa, selon les autorités italiennes.",
              value: 2100, metric: .arrivals, period: .span(start: Day(iso: "2024-03-03")!, end: Day(iso: "2024-06-09")!)),
        // a figure with its own verb right before it is not governed by one past a comma after it
        Probe(language: "et", text: "Ööpäevaga pääses Leetu 41 migranti, enamik saadeti piirilt tagasi.",
              value: 41, metric: .arrivals, period: .day(Day(iso: "2024-06-13")!)),
        Probe(language: "en", text: "On Wednesday border guards detained 41 migrants, most of them were sent back to Belarus.",
              value: 41, metric: .arrivals, period: .day(Day(iso: "2024-06-12")!)),
        // the same period a year back is that of the count told before, past a sentence without figures
        Probe(language: "it", text: "Dall'inizio dell'anno sono sbarcati in Italia 9.120 migranti. Lo riferisce il Viminale nel suo cruscotto. Nello stesso periodo dello scorso anno gli arrivi erano stati 4.200.",
              value: 4200, metric: .arrivals, period: .ytd(year: 2023, asOf: Day(iso: "2023-06-13")!)),
        // a figure with its noun and no verb in the same period a year back counts what the count before counts
        Probe(language: "de", text: "Von Januar bis Mai haben in Deutschland 98.400 Menschen einen Asylantrag gestellt. Im Vergleichszeitraum des Vorjahres waren es 121.300 Personen.",
              value: 121300, metric: .asylumClaims, period: .span(start: Day(iso: "2023-01-01")!, end: Day(iso: "2023-05-31")!)),
        // a verb at the end of the clause leaves the figure's noun to the words before it
        Probe(language: "de", text: "Die Zahl der seit Jahresbeginn aufgegriffenen Migranten habe damit 3.140 erreicht, teilte die Polizei mit.",
              value: 3140, metric: .arrivals, period: .ytd(year: 2024, asOf: Day(iso: "2024-06-13")!)),
        // "tokių migrantų ... daugiau nei 30" (such migrants): more of the count told before, its metric
        Probe(language: "lt", text: "Trečiadienį pasieniečiai apgręžė 18 migrantų iš Baltarusijos. Antradienį tokių migrantų užfiksuota daugiau nei 30, pranešė VSAT.",
              value: 30, metric: .prevented, period: .day(Day(iso: "2024-06-11")!)),
        // tried, but were turned back: prevented (the subject goes on after ", but"; lt tačiau = but, buvo = were)
        Probe(language: "lt", text: "Dar 12 migrantų šiandien bandė patekti į Lietuvą, tačiau buvo apgręžti.",
              value: 12, metric: .prevented, period: .day(Day(iso: "2024-06-13")!)),
        Probe(language: "en", text: "Another 12 migrants tried to enter Lithuania today, but were turned back.",
              value: 12, metric: .prevented, period: .day(Day(iso: "2024-06-13")!)),
        // a participle after a figure without its noun says what it counts ("ai 75 registrati ieri")
        Probe(language: "it", text: "Oggi sono sbarcati a Lampedusa 52 migranti, che si aggiungono ai 75 registrati ieri.",
              value: 75, metric: .arrivals, period: .day(Day(iso: "2024-06-12")!)),
        // "un acumulado de" (a cumulative total): the year to date, not the month named with it
        Probe(language: "es", text: "En este mes de junio las islas han alcanzado un acumulado de 1.950 migrantes, según la Delegación del Gobierno.",
              value: 1950, metric: .arrivals, period: .ytd(year: 2024, asOf: Day(iso: "2024-06-13")!)),
        // a long list of months goes on past the dot of an abbreviated scale and the preposition of the item's month
        Probe(language: "pl", text: "W ubiegłym roku takich prób było 41,2 tys., w tym 2,1 tys. w grudniu, 9,4 tys. w listopadzie, 16,8 tys. w październiku, 8,3 tys. we wrześniu i 3,1 tys. w sierpniu.",
              value: 8300, metric: .attempts, period: .month(year: 2023, month: 9)),
        Probe(language: "pl", text: "We wtorek funkcjonariusze Straży Granicznej zdążyli już zatrzymać 14 cudzoziemców, obywateli Syrii i Jemenu.",
              value: 14, metric: .arrivals, period: .day(Day(iso: "2024-06-11")!)),
        // "laupäeval ... 81 ja pühapäeval 46 ...": the time after "and" opens the next item; the first keeps its own
        Probe(language: "et", text: "Piirivalvurid pidasid laupäeval kinni 81 ja pühapäeval 46 ebaseaduslikku piiriületajat.",
              value: 81, metric: .arrivals, period: .day(Day(iso: "2024-06-08")!)),
        Probe(language: "en", text: "Border guards detained on Saturday 81, and on Sunday 46 irregular migrants from Belarus.",
              value: 81, metric: .arrivals, period: .day(Day(iso: "2024-06-08")!)),
        Probe(language: "et", text: "2022. aastal peeti kinni 2410 ning 2021. aastal 4200 ebaseaduslikku piiriületajat.",
              value: 2410, metric: .arrivals, period: .year(2022)),
        // "попытались проникнуть" is one phrase: the attempt, not the entry, also for a figure far after it
        Probe(language: "ru", text: "В соседнюю Латвию в среду нелегально попытались проникнуть из Беларуси 9 мигрантов, а в Польшу, по данным пограничной службы страны, – 31.",
              value: 31, metric: .attempts, period: .day(Day(iso: "2024-06-12")!)),
        // "hace cuatro años" (four years ago): that calendar year (times.tsv year:-4)
        Probe(language: "es", text: "Hace cuatro años llegaron a Baleares 1.460 migrantes a bordo de 110 pateras.",
              value: 1460, metric: .arrivals, period: .year(2020)),
        // "giugno dell'anno scorso" (June of last year); the next item's "nel 2022" is its own
        Probe(language: "it", text: "Nel mese di maggio dell'anno scorso gli arrivi furono 9.730, nel 2022 invece 5.180.",
              value: 9730, metric: .arrivals, period: .month(year: 2023, month: 5)),
        // a past year named after a count of a past month or the same period a year back, as the next item
        Probe(language: "it", text: "Nel mese di maggio dell'anno scorso gli arrivi furono 9.730, nel 2022 invece 5.180.",
              value: 5180, metric: .arrivals, period: .month(year: 2022, month: 5)),
        Probe(language: "it", text: "Dall'inizio dell'anno sono sbarcati in Italia 21.300 migranti. Nello stesso periodo dello scorso anno gli arrivi erano stati 55.100, mentre nel 2022 erano stati 22.400.",
              value: 22400, metric: .arrivals, period: .ytd(year: 2022, asOf: Day(iso: "2022-06-13")!)),
        Probe(language: "en", text: "In May last year 9,730 migrants arrived in Italy, and in 2022 5,180.",
              value: 5180, metric: .arrivals, period: .month(year: 2022, month: 5)),
        // "seni" (up to now): all so far, a stretch with only its end
        Probe(language: "et", text: "Seni on Läti päritoluriikidesse tagasi saatnud 412 illegaalset immigranti, teatas siseministeerium.",
              value: 412, metric: .returns, period: .span(start: nil, end: Day(iso: "2024-06-13")!)),
        // countries in brackets are a breakdown only when they are where people come from
        Probe(language: "en", text: "In 2023, Libya recorded the most land-route deaths, 117, ahead of Algeria (54) and Tunisia (10).",
              value: 54, metric: .deaths, period: .year(2023)),
        // a weekday in brackets after a paper is the day it printed the figures: the figure goes on
        // with the stretch of the count just told
        Probe(language: "de", text: "In den ersten fünf Monaten des Jahres hat die Bundespolizei 4.120 Versuche unerlaubter Einreise festgestellt. Wie die „Bild“-Zeitung (Dienstag) berichtet, wiesen die Beamten 1.730 Migranten an der Grenze zurück.",
              value: 1730, metric: .prevented, period: .span(start: Day(iso: "2024-01-01")!, end: Day(iso: "2024-05-31")!)),
        Probe(language: "en", text: "In the first five months of the year, federal police recorded 4,120 attempts at unauthorised entry. As Bild (Tuesday) reports, officers turned back 1,730 migrants at the border.",
              value: 1730, metric: .prevented, period: .span(start: Day(iso: "2024-01-01")!, end: Day(iso: "2024-05-31")!)),
        // a cell of a table row is dated by the time heading its column
        Probe(language: "de", text: "Das Bundesamt meldet die Zahl der Asylanträge.\n                      | März 2024 | April 2024 | Mai 2024\nAsylanträge insgesamt | 21.430 | 19.810 | 18.020",
              value: 19810, metric: .asylumClaims, period: .month(year: 2024, month: 4)),
        Probe(language: "en", text: "The Home Office published the figures.\n          | March 2024 | April 2024\nAsylum applications | 8,430 | 7,910",
              value: 8430, metric: .asylumClaims, period: .month(year: 2024, month: 3)),
        // last year, since a day of it: the stretch ends with that year
        Probe(language: "lt", text: "Pernai nuo rugsėjo 5 dienos pasieniečiai apgręžė 6120 neteisėtų migrantų, bandžiusių patekti į Lietuvą.",
              value: 6120, metric: .prevented, period: .span(start: Day(iso: "2023-09-05")!, end: Day(iso: "2023-12-31")!)),
        // a time past a comma, right before the next figure, is that one's: the first keeps its own
        Probe(language: "ru", text: "В соседнюю Латвию за минувшие сутки нелегально попытались проникнуть из Беларуси 9 мигрантов, в Польшу, по данным на вторник, – 31.",
              value: 9, metric: .attempts, period: .day(Day(iso: "2024-06-13")!)),
        Probe(language: "ru", text: "Всего с начала года, по данным ведомства, нелегально проникнуть в Латвию пытались 1 940 человек, что в 12 раз больше, чем за весь прошлый год.",
              value: 1940, metric: .attempts, period: .ytd(year: 2024, asOf: Day(iso: "2024-06-13")!)),
        // "durante la notte" (overnight) is the article's day; people intercepted off Italy by an
        // Italian patrol boat arrive (it 'intercettati' is an interception, arrivals^, as en 'intercepted')
        Probe(language: "it", text: "Già ieri erano sbarcati 300 migranti. Durante la notte sull'isola sono approdati altri 240 migranti, secondo la prefettura.",
              value: 240, metric: .arrivals, period: .day(Day(iso: "2024-06-13")!)),
        Probe(language: "it", text: "Nelle ultime 24 ore una motovedetta della Guardia di Finanza ha portato a Lampedusa 74 migranti intercettati a 20 miglia.",
              value: 74, metric: .arrivals, period: .day(Day(iso: "2024-06-13")!)),
        // verbs of each pack: tried, could not get in, not let in, stopped, got in, flew back
        Probe(language: "ru", text: "За минувшие сутки в Польшу из Беларуси нелегально попытались проникнуть 45 мигрантов.",
              value: 45, metric: .attempts, period: .day(Day(iso: "2024-06-13")!)),
        Probe(language: "ru", text: "С начала года попасть из Беларуси в Литву не смогли 2 310 мигрантов.",
              value: 2310, metric: .prevented, period: .ytd(year: 2024, asOf: Day(iso: "2024-06-13")!)),
        Probe(language: "lt", text: "Šiemet į Lenkiją iš Baltarusijos neįleisti 3200 migrantų, pranešė pasieniečiai.",
              value: 3200, metric: .prevented, period: .ytd(year: 2024, asOf: Day(iso: "2024-06-13")!)),
        Probe(language: "lt", text: "Latvijos pasieniečiai pirmadienį sustabdė 14 neteisėtų migrantų iš Baltarusijos.",
              value: 14, metric: .prevented, period: .day(Day(iso: "2024-06-10")!)),
        Probe(language: "et", text: "Viimase ööpäeva jooksul pääses Leetu 22 migranti, teatas piirivalve.",
              value: 22, metric: .arrivals, period: .day(Day(iso: "2024-06-13")!)),
        Probe(language: "et", text: "Laupäeval lennutas Läti tšarterlennuga Iraaki 64 migranti, kes olid nõus koju naasma.",
              value: 64, metric: .returns, period: .day(Day(iso: "2024-06-08")!)),
    ]

    @Test(arguments: datedProbes) func packReadsItsDateWording(_ probe: Probe) throws {
        let engine = try #require(FactEngine.byLanguage[probe.language])
        let found = engine.facts(text: probe.text, date: Day(iso: "2024-06-13")!)
        #expect(found.contains { $0.value == probe.value && $0.metric == probe.metric && $0.period == probe.period },
                "\(found.map { "\($0.metric) \($0.value) \($0.period)" })")
    }

    /// "tra cui 12 donne e 7 bambini": both groups are parts of the 120, joined by a glossed "and".
    @Test func listedPartsAreNoFacts() throws {
        let engine = try #require(FactEngine.byLanguage["it"])
        let found = engine.facts(text: "Nelle ultime 24 ore sono sbarcati a Lampedusa 120 migranti, tra cui 12 donne e 7 bambini.", date: Day(iso: "2024-06-13")!)
        #expect(found.map(\.value) == [120], "\(found.map { "\($0.metric) \($0.value) \($0.period)" })")
    }

    /// Counts that are no facts, by each pack's `none` metrics and units: status granted, smugglers.
    @Test(arguments: [
        ("de", "Die Rechtsstellung eines Flüchtlings erhielten im Mai 3.120 Personen, teilte das Bundesamt mit."),
        ("pl", "W maju funkcjonariusze zatrzymali też 12 przemytników, którzy przewozili cudzoziemców."),
        ("fr", "En 2023, 60.830 personnes ayant obtenu l'asile ont été recensées par l'Ofpra."),
        // a nationality after citizens ("obywateli Gruzji", genitive_after); a clock time with a dot
        ("pl", "W czwartek strażnicy zatrzymali też 2 obywateli Gruzji, którzy przewozili cudzoziemców."),
        ("pl", "Druga próba przekroczenia granicy miała miejsce w sobotę około 19.30 na odcinku placówki w Mielniku."),
        ("en", "The second attempt to force the border took place on Saturday at around 19.30 near the Mielnik post."),
        // a nationality after a copula ("1.098 sono bengalesi") is a breakdown
        ("it", "Degli sbarcati quest'anno, 1.098 sono bengalesi, secondo il Viminale."),
        // a difference ("um 1.210"); people taken over for registration
        ("de", "Verglichen mit dem Vormonat ging die Zahl der Asylanträge im Mai um 1.210 zurück, teilte das Bundesamt mit."),
        ("de", "Allein Kärnten hat seit dem Frühjahr mehr als 2.400 Menschen übernommen, damit die Asylanträge bearbeitet werden."),
        // set against a figure that is no count ("contre 31.200"); each of a count told before ("chacune des")
        ("fr", "Le nombre de personnes ayant obtenu l'asile a progressé en 2023, avec 34.100 dossiers acceptés contre 31.200 l'année précédente."),
        ("fr", "Selon la préfecture, chacune des 12.400 interpellations s'est soldée par une remise aux autorités italiennes."),
        // another story's headline, behind "À lire aussi", "Read more"
        ("fr", "À lire aussi : Plus de 300 migrants secourus dans la Manche en une nuit"),
        ("en", "Read more: 500 migrants crossed the Channel on Tuesday"),
        ("de", "Die meisten unerlaubt eingereisten Ausländer stammten in diesem Zeitraum aus Afghanistan (1320), Syrien (940) und der Türkei (610)."),
        // landings are events ("12 sbarchi"); "mehrere Hundert" is no figure
        ("it", "Nella notte a Lampedusa si sono contati 12 sbarchi, secondo la prefettura."),
        ("de", "Mehrere Hundert Migranten sind in diesem Monat über Polen nach Brandenburg gekommen."),
    ]) func noFactsInAnyLanguage(_ language: String, _ text: String) throws {
        let engine = try #require(FactEngine.byLanguage[language])
        let found = engine.facts(text: text, date: Day(iso: "2024-06-13")!)
        #expect(found.isEmpty, "\(found.map { "\($0.metric) \($0.value) \($0.period)" })")
    }

    /// French shares "de", "la", "en" with Spanish and Italian; its own function words decide.
    @Test func frenchIsNotSpanish() {
        let text = "En 2020, seuls 74 migrants avaient traversé la frontière en quête de refuge dans l'Union européenne. Le petit pays balte a déjà vu arriver plus de 3.000 migrants cette année."
        #expect(LanguageDetector.shipped.language(of: text) == "fr")
    }

    @Test func englishReadsItsOwnWords() {
        let vocabulary = FactEngine.english.vocabulary
        let list = Tokenizer.tokenize(Array("Since 10. August 2021".utf8), index: vocabulary.index)
        #expect(Glosses.timeWords(list.words, tokens: list.tokens, ids: list.ids, vocabulary: vocabulary) == list.words)
    }

    @Test(arguments: probes) func languageIsDetected(_ probe: Probe) {
        #expect(LanguageDetector.shipped.language(of: probe.text) == probe.language)
    }

    @Test(arguments: probes) func packReadsItsProbe(_ probe: Probe) throws {
        let engine = try #require(FactEngine.byLanguage[probe.language])
        let found = engine.facts(text: probe.text, date: Day(iso: "2024-06-13")!)
        #expect(found.contains { $0.value == probe.value && $0.metric == probe.metric && $0.period == probe.period },
                "\(found.map { "\($0.metric) \($0.value) \($0.period)" })")
    }

    @Test func englishStaysEnglish() {
        let text = "Border guards detained 150 migrants on Friday who had crossed from Belarus, the ministry said."
        #expect(LanguageDetector.shipped.language(of: text) == "en")
        #expect(LanguageDetector.shipped.language(of: "") == "en")
    }

    @Test func upperCaseBeyondASCIIIsLowerCased() {
        let list = Tokenizer.tokenize(Array("ЛИТВА Łotwa".utf8), index: FactEngine.byLanguage["ru"]!.vocabulary.index)
        #expect(list.words.prefix(2) == ["литва", "łotwa"])
        #expect(list.tokens[0].capitalized && list.tokens[1].capitalized)
    }
}
