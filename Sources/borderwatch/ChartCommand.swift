import ArgumentParser

struct ChartCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "chart", abstract: "Draw a daily bar chart as SVG.")

    func run() async throws {
        throw ValidationError("chart is not built yet")
    }
}
