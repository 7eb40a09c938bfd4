import ArgumentParser

struct AlertsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "alerts", abstract: "List the alert outbox, or requeue an alert.")

    func run() async throws {
        throw ValidationError("alerts is not built yet")
    }
}
