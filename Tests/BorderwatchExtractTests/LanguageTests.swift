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
