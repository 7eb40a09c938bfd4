import ArgumentParser
import BorderwatchConfig
import BorderwatchCore
import BorderwatchNotify
import Foundation

struct TestWebhookCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "test-webhook",
        abstract: "Post a sample alert to one destination and print the reply.",
        discussion: """
        NAME is a destination of the configuration file; --webhook FORMAT=URL (or a bare URL, \
        meaning generic) names one on the command line instead. The alert is posted once, \
        without retries, with the configured timeouts and CA file; the exit status is 0 only \
        for a 2xx reply. URLs are printed without their secret path and query.
        """
    )

    @Option(help: ArgumentHelp("The configuration file (default: $BORDERWATCH_CONFIG, then ./config/borderwatch.toml, then /etc/borderwatch/borderwatch.toml).", valueName: "FILE"))
    var config: String?

    @Option(help: ArgumentHelp("A destination given here instead of by name.", valueName: "FORMAT=URL"))
    var webhook: String?

    @Option(help: ArgumentHelp("The whsec_ signing secret for a generic --webhook.", valueName: "SECRET"))
    var secret: String?

    @Argument(help: "The configured destination's name.")
    var name: String?

    func validate() throws {
        if (name == nil) == (webhook == nil) {
            throw ValidationError("name one destination: either NAME or --webhook FORMAT=URL")
        }
    }

    func run() async throws {
        let destination: Destination
        var delivery = DeliveryConfiguration()
        if let webhook {
            destination = try Destination.parse(commandLine: webhook, secret: secret)
            if config != nil { delivery = try ConfigurationLoader.load(path: config).delivery }
        } else {
            let configuration = try ConfigurationLoader.load(path: config)
            delivery = configuration.delivery
            guard let configured = configuration.destinations.first(where: { $0.name == name }) else {
                let known = configuration.destinations.map(\.name)
                throw ValidationError("no destination named '\(name ?? "")' in the configuration; known: \(known.isEmpty ? "none" : known.joined(separator: ", "))")
            }
            destination = configured
        }
        let request = try WebhookRequest.render(.sample(), for: destination)
        print("POST \(redacted(url: destination.url)) (\(destination.format.rawValue), destination '\(destination.name)')")
        let result = await CurlTransport().post(request, delivery: delivery, secrets: [destination.url])
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
}
