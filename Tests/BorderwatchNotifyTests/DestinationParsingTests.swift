import BorderwatchCore
import Testing
import BorderwatchNotify

@Suite struct DestinationParsingTests {
    @Test func formatPrefixPicksTheFormat() throws {
        let discord = try Destination.parse(commandLine: "discord=https://discord.com/api/webhooks/1/TOKEN")
        #expect(discord.format == .discord)
        #expect(discord.url == "https://discord.com/api/webhooks/1/TOKEN")
        #expect(discord.name.hasPrefix("discord-"))
        #expect(!discord.name.contains("TOKEN"))
        let teams = try Destination.parse(commandLine: "Teams=https://prod.westeurope.logic.azure.com/workflows/x?sig=S")
        #expect(teams.format == .teams)
    }

    @Test func bareURLIsGenericEvenWithEqualsInTheQuery() throws {
        let generic = try Destination.parse(commandLine: "https://example.org/hook?token=abc", secret: "whsec_AAAA")
        #expect(generic.format == .generic)
        #expect(generic.url == "https://example.org/hook?token=abc")
        #expect(generic.secret == "whsec_AAAA")
    }

    @Test func nameIsStablePerURL() throws {
        let a = try Destination.parse(commandLine: "slack=https://hooks.slack.com/services/A")
        let b = try Destination.parse(commandLine: "slack=https://hooks.slack.com/services/A")
        let c = try Destination.parse(commandLine: "slack=https://hooks.slack.com/services/B")
        #expect(a.name == b.name)
        #expect(a.name != c.name)
    }

    @Test func mistakesAreExplainedWithoutTheSecret() {
        #expect(throws: DestinationParseError.self) { try Destination.parse(commandLine: "slak=https://hooks.slack.com/services/SECRET") }
        do {
            _ = try Destination.parse(commandLine: "slak=https://hooks.slack.com/services/SECRET")
        } catch {
            #expect(String(describing: error).contains("slak"))
            #expect(String(describing: error).contains("generic"))
        }
        do {
            _ = try Destination.parse(commandLine: "slack=ftp://files.example/SECRET")
            Issue.record("ftp must be refused")
        } catch {
            #expect(!String(describing: error).contains("SECRET"))
        }
        #expect(throws: DestinationParseError.self) { try Destination.parse(commandLine: "not a url") }
    }
}

@Suite struct RedactionTests {
    @Test func keepsOnlySchemeHostAndPort() {
        #expect(redacted(url: "https://hooks.slack.com/services/T0/B0/XXXX") == "https://hooks.slack.com/…")
        #expect(redacted(url: "https://chat.googleapis.com/v1/spaces/A/messages?key=K&token=T") == "https://chat.googleapis.com/…")
        #expect(redacted(url: "http://127.0.0.1:8080") == "http://127.0.0.1:8080")
        #expect(redacted(url: "https://user:pass@host.example/x") == "https://host.example/…")
    }

    @Test func scrubsURLsAndSecretsFromText() {
        let text = "Failed to connect to https://discord.com/api/webhooks/1/TOKEN?wait=true: refused; key whsec_SECRETKEY"
        let clean = scrubbed(text, secrets: ["whsec_SECRETKEY"])
        #expect(!clean.contains("TOKEN"))
        #expect(!clean.contains("SECRETKEY"))
        #expect(clean.contains("https://discord.com/…"))
        #expect(clean.contains("refused"))
    }
}
