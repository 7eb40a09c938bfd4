import ArgumentParser

struct IngestCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "ingest", abstract: "Read, extract and store article files, as the daemon does.")

    func run() async throws {
        throw ValidationError("ingest is not built yet")
    }
}
