import BorderwatchCore
import Foundation
import Testing
@testable import BorderwatchExtract

@Suite struct DatelineTests {
    static let reference = Day(iso: "2021-09-30")!

    @Test(arguments: [
        ("VILNIUS (UrduPoint News / Sputnik - 02nd August, 2021) Lithuania detained", "VILNIUS", "2021-08-02", "Lithuania detained"),
        ("RIGA, August 13. /TASS/. Latvian border guards", "RIGA", "2021-08-13", "Latvian border guards"),
        ("LONDON, Nov 12 (Reuters) - More than 1,000 people", "LONDON", "2020-11-12", "More than 1,000 people"),
        ("BRUSSELS – The European Union", "BRUSSELS", nil, "The European Union"),
        ("HELSINKI (AP) — Lithuania, a member", "HELSINKI", nil, "Lithuania, a member"),
        ("VILNIUS, Lithuania (AP) — On Tuesday night", "VILNIUS", nil, "On Tuesday night"),
        ("COPENHAGEN, Denmark (AP) — Latvia declared", "COPENHAGEN", nil, "Latvia declared"),
        ("EL PASO, Texas (AP) — U.S. Border Patrol agents", "EL PASO", nil, "U.S. Border Patrol agents"),
        ("ROME, 14 September 2023 (ANSA) - Over 7,000 people", "ROME", "2023-09-14", "Over 7,000 people"),
        ("ŁÓDŹ, 3rd Aug (PAP) — Polish guards", "ŁÓDŹ", "2021-08-03", "Polish guards"),
        ("Headline\n\nKYIV, Ukraine (AP) — Guards\r\nsaid", "KYIV", nil, "Headline\n\nGuards\r\nsaid"),
    ] as [(String, String, String?, String)])
    func datelines(_ paragraph: String, city: String, date: String?, rest: String) throws {
        let (dateline, text) = try #require(Dateline.find(in: paragraph, reference: Self.reference))
        #expect(dateline.city == city)
        #expect(dateline.date?.iso == date)
        #expect(text == rest)
    }

    @Test(arguments: [
        "NGOs have criticised the policy.",
        "EU Home Affairs Commissioner Ylva Johansson said.",
        "The border guards detained 17 people.",
        "UK border officials intercepted 202 migrants.",
    ])
    func proseIsNotADateline(_ paragraph: String) {
        #expect(Dateline.find(in: paragraph, reference: Self.reference) == nil)
    }
}

@Suite struct DecoderTests {
    @Test(arguments: [
        ("<!DOCTYPE html><html><body><p>x</p></body></html>", "a.txt", InputFormat.html),
        ("<p>Some text</p>", "story.html", .html),
        ("{\"title\": \"t\", \"body\": \"b\"}", "a.txt", .json),
        ("---\ntitle: t\n---\nbody", "a.txt", .markdown),
        ("# Heading\n\nbody", "a.md", .markdown),
        ("From: a@b.example\nSubject: s\nDate: Tue, 3 Aug 2021 10:00:00 +0000\n\nbody", "a.txt", .email),
        (" date 2021-08-03 Lead.\n\nBody.", "a.json", .text),
        ("Border guards: 17 people were detained.", "a.txt", .text),
    ] as [(String, String, InputFormat)])
    func detection(_ content: String, fileName: String, format: InputFormat) {
        #expect(DocumentDecoder.detect(Array(content.utf8), fileName: fileName) == format)
    }

    @Test func htmlEntitiesScriptsAndBlocks() {
        let html = "<html><body><p>A&amp;B &#8217;s &#x2014; caf&eacute;&nbsp;x</p><script>1 < 2</script><style>p{}</style><div>Two</div></body></html>"
        let document = DocumentDecoder.decode(Array(html.utf8), fileName: "a.html")
        #expect(document.text == "A&B ’s — café x\n\nTwo")
    }

    /// Navigation, sidebars, footers and "related" lists are other stories; nested ones close at their own end.
    @Test func htmlPageFurnitureIsLeftOut() {
        let html = """
            <html><body><nav>Home 1</nav><article><p>Story one: more than 300 people crossed the Channel on Saturday.</p>
            <div class="related-links"><div>Record 700 cross</div><div>45,774 in 2022</div></div>
            <p>Story two: it brings the total for the year so far to 21,000, the Home Office said.</p>
            <aside><aside>inner</aside>outer 12</aside><p>Story three: officials said the weather was calm and seas were low.</p></article>
            <footer>&copy; 2023</footer></body></html>
            """
        let text = DocumentDecoder.decode(Array(html.utf8), fileName: "a.html").text
        #expect(text.contains("Story one:") && text.contains("Story two:") && text.contains("Story three:"))
        #expect(!text.contains("700") && !text.contains("45,774") && !text.contains("outer") && !text.contains("Home 1"))
        #expect(!text.contains("2023"))
    }

    /// An element without an end tag that looks like furniture hides nothing after it.
    @Test func htmlVoidElementWithFurnitureClassHidesNothing() {
        let html = """
            <html><body><article><p>Lead: the number of people crossing the Channel in small boats rose again this weekend, officials in London and Paris said, as calm seas and warm weather returned to the coast.</p>
            <img class="share-icon" src="s.png"><input class="newsletter-email">
            <p>Story: more than 300 people crossed the Channel on Saturday, the Home Office said.</p></article></body></html>
            """
        let text = DocumentDecoder.decode(Array(html.utf8), fileName: "a.html").text
        #expect(text.contains("more than 300 people crossed the Channel on Saturday"))
    }

    /// A story wrapped in an element that only looks like furniture is still read.
    @Test func htmlStoryInsideFurnitureLikeWrapperIsKept() {
        let html = "<html><body><div class=\"share-enabled\"><p>120 migrants crossed on Monday.</p></div></body></html>"
        let text = DocumentDecoder.decode(Array(html.utf8), fileName: "a.html").text
        #expect(text.contains("120 migrants crossed on Monday."))
    }

    /// A scraped page's byline date is the article's date when nothing else gives one, and its
    /// line leaves the text; a sentence of the story that names a date is no byline.
    @Test(arguments: [
        ("Published: 14 November 2023", "2023-11-14"), ("Updated 3:45 PM GMT, November 14, 2023", "2023-11-14"),
        ("By Jane Doe | Nov. 14, 2023", "2023-11-14"), ("Tuesday 14 November 2023 10.45 GMT", "2023-11-14"),
        ("2023-11-14", "2023-11-14"), ("Updated 15.11.2023, published 14.11.2023", "2023-11-14"),
    ])
    func plainTextBylineDate(line: String, iso: String) {
        let text = "Migrants cross the Channel\n\(line)\n\nMore than 400 migrants crossed on Monday.\n"
        let document = DocumentDecoder.decode(Array(text.utf8), fileName: "a.txt")
        #expect(document.date == Day(iso: iso))
        #expect(document.dateSource == .metadata)
        #expect(!document.text.contains(line))
    }

    @Test func aStorySentenceIsNoByline() {
        let text = "Migrants cross the Channel\n\nMore than 400 migrants crossed on Monday, November 13, 2023, officials said.\n"
        #expect(DocumentDecoder.decode(Array(text.utf8), fileName: "a.txt").date == nil)
    }

    @Test func plainTextInlineLinksLoseTheirTargets() {
        let text = "Iraqis are part of <a href=\"https://x.example/2021/08/12/story\">the crisis</a>, he said."
        let document = DocumentDecoder.decode(Array(text.utf8), fileName: "a.txt")
        #expect(document.text == "Iraqis are part of the crisis, he said.")
    }

    @Test func plainTextHeaderLineEndsAtCRLF() {
        let lf = DocumentDecoder.decode(Array(" date 2021-08-03 Lead line.\n\nHeadline Here\nBody text.\n".utf8), fileName: "a.txt")
        let crlf = DocumentDecoder.decode(Array(" date 2021-08-03 Lead line.\r\n\r\nHeadline Here\r\nBody text.\r\n".utf8), fileName: "a.txt")
        #expect(crlf.date?.iso == "2021-08-03")
        #expect(crlf.text.hasPrefix("Lead line.\n\nHeadline Here"))
        #expect(crlf.title == lf.title)
        #expect(crlf.title == "Headline Here")
    }

    @Test func plainTextHeadline() {
        let document = DocumentDecoder.decode(Array("Lithuania Begins Turning Back Migrants\n\nBorder guards began.".utf8), fileName: "a.txt")
        #expect(document.title == "Lithuania Begins Turning Back Migrants")
    }

    @Test func emailLatin1Base64() {
        let body = Data("Caf\u{e9}: 12 people".data(using: .isoLatin1)!).base64EncodedString()
        let message = "From: a@b.example\nSubject: =?ISO-8859-1?B?Q2Fm6Q==?=\nContent-Type: text/plain; charset=iso-8859-1\nContent-Transfer-Encoding: base64\n\n\(body)\n"
        let document = DocumentDecoder.decode(Array(message.utf8), fileName: "m.eml")
        #expect(document.title == "Café")
        #expect(document.text.hasSuffix("Café: 12 people"))
    }

    @Test func emailWindows1252QuotesAndDashes() {
        let body: [UInt8] = Array("He said ".utf8) + [0x93] + Array("12 people".utf8) + [0x94, 0x20, 0x96, 0x20, 0x80] + Array("5".utf8)
        let message = Array("From: a@b.example\nSubject: s\nContent-Type: text/plain; charset=windows-1252\n\n".utf8) + body
        let document = DocumentDecoder.decode(message, fileName: "m.eml")
        #expect(document.text.hasSuffix("He said \u{201C}12 people\u{201D} \u{2013} \u{20AC}5"))
    }

    @Test func markdownMarkupIsRemoved() {
        let text = "## Title\n\n> **Bold** and _it_ [link text](https://x.example/1,000) ![img](a.png) snake_case `code`\n"
        let document = DocumentDecoder.decode(Array(text.utf8), fileName: "a.md")
        #expect(document.text == "Title\n\nBold and it link text snake_case code")
    }

    /// Invalid UTF-8, binary garbage and truncated fixtures never crash and never invent a date.
    @Test func garbageNeverCrashes() {
        var generator = SystemRandomNumberGenerator()
        let seeds: [[UInt8]] = [
            Array("<html><head><meta property=\"article:published_time\" content=\"2021".utf8),
            Array("{\"body\": \"\\u12".utf8),
            Array("From: x\nContent-Type: multipart/mixed; boundary=\"q\"\n\n--q\n".utf8),
            Array("---\ntitle: \"x\n".utf8),
            [0xFF, 0xFE, 0x00, 0xC3, 0x28, 0xE2, 0x82],
        ]
        for seed in seeds {
            for cut in 0...seed.count {
                _ = Extractor().extract(Array(seed.prefix(cut)), fileName: "x", fallbackDate: nil)
            }
        }
        for _ in 0..<300 {
            let length = Int.random(in: 0..<400, using: &generator)
            let bytes = (0..<length).map { _ in UInt8.random(in: 0...255, using: &generator) }
            let article = Extractor().extract(bytes, fileName: "noise.bin", fallbackDate: Day(iso: "2021-08-03"))
            #expect(article.metadata.date != nil)
        }
    }
}
