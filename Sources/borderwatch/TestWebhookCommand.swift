import ArgumentParser
import BorderwatchCore
import BorderwatchNotify
import Foundation

struct TestWebhookCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "test-webhook", abstract: "Post a sample alert to one destination and print the reply.",
        discussion: "The sample is a daily record for a made-up region 'XX', id 'test-<unix time>'. Exits 1 unless the reply is 2xx.")

    @Argument(help: "A destination named in the configuration.") var name: String?
    @Option(help: ArgumentHelp("A destination not in the configuration: FORMAT=URL, or a bare URL for generic.",
                               valueName: "[FORMAT=]URL")) var webhook: String?
    @Option(help: ArgumentHelp("With --webhook: the generic signing secret (whsec_...).", valueName: "SECRET")) var secret: String?
    @OptionGroup var storeOptions: StoreOptions

    func validate() throws {
        if (name == nil) == (webhook == nil) { throw ValidationError("give a destination NAME or --webhook [FORMAT=]URL") }
        if secret != nil && webhook == nil { throw ValidationError("--secret goes with --webhook; a configured destination has its own") }
    }

    func run() async throws {
        let configuration = try storeOptions.configuration()
        let destination: Destination
        if let webhook {
            destination = try Destination.parse(commandLine: webhook, secret: secret)
        } else if let found = configuration.destinations.first(where: { $0.name == name }) {
            destination = found
        } else {
            let known = configuration.destinations.map(\.name)
            throw NotFound(description: "no destination '\(name ?? "")' in the configuration"
                                  + (known.isEmpty ? " (it has none)" : "; known: \(known.joined(separator: ", "))"))
        }
        let alert = TestWebhookCommand.sample(now: Date())
        let request = try WebhookRequest.render(alert, for: destination)
        print("posting sample alert \(alert.id) to \(destination.name) (\(destination.format.rawValue)) at \(redacted(url: destination.url))")
        let result = await CurlTransport().post(request, delivery: configuration.delivery, secrets: destination.secretParts)
        switch result {
        case .response(let status, _, let body):
            print("HTTP \(status)")
            if !body.isEmpty { print(body) }
            if !(200..<300).contains(status) { throw ExitCode(1) }
        case .failure(let error):
            print("no reply: \(error)")
            throw ExitCode(1)
        }
    }

    static func sample(now: Date) -> AlertEvent {
        let day = Day(ordinal: Int((now.timeIntervalSince1970 / 86_400).rounded(.down)))
        return AlertEvent(
            id: "test-\(Int(now.timeIntervalSince1970))", kind: .dailyRecord, region: "XX", metric: .arrivals, value: 123,
            date: day, sources: [AlertSource(article: "borderwatch-test.txt", title: "borderwatch test alert",
                                             evidence: "This is a test alert sent by `borderwatch test-webhook`.")],
            text: "Test alert from borderwatch: region XX counted 123 irregular arrivals on \(day.iso), a record for the year.")
    }
}
