import ArgumentParser

struct RunCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "run", abstract: "Watch the inbox, store every article's figures and post alerts (foreground, systemd style).")

    func run() async throws {
        throw ValidationError("run is not built yet")
    }
}
