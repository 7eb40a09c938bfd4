import ArgumentParser

struct TestWebhookCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "test-webhook", abstract: "Post a sample alert to one destination and print the reply.")

    func run() async throws {
        throw ValidationError("test-webhook is not built yet")
    }
}
