import ArgumentParser

struct ForgetCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "forget", abstract: "Remove an article and everything that rested only on it.")

    func run() async throws {
        throw ValidationError("forget is not built yet")
    }
}
