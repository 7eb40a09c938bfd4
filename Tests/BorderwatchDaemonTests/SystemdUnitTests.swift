import BorderwatchTestSupport
import Foundation
import Testing

let systemdAnalyze = "/usr/bin/systemd-analyze"

/// Runs a command; its combined output and exit status.
func run(_ executable: String, _ arguments: [String]) throws -> (output: String, status: Int32) {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: executable)
    process.arguments = arguments
    let pipe = Pipe()
    process.standardOutput = pipe
    process.standardError = pipe
    try process.run()
    let data = pipe.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return (String(decoding: data, as: UTF8.self), process.terminationStatus)
}

@Suite(.enabled(if: FileManager.default.isExecutableFile(atPath: systemdAnalyze), "systemd-analyze is not installed"))
struct SystemdUnitTests {
    /// The shipped unit, with ExecStart pointed at the built binary so that verify finds it.
    func unitCopy(in dir: TemporaryDirectory) throws -> String {
        let text = try String(contentsOf: repositoryRoot.appendingPathComponent("systemd/borderwatch.service"), encoding: .utf8)
        let binary = try #require(borderwatchBinary())
        let path = dir.path + "/borderwatch.service"
        try text.replacingOccurrences(of: "ExecStart=/usr/local/bin/borderwatch", with: "ExecStart=\(binary)")
            .write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    @Test func verifyPrintsNothing() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let result = try run(systemdAnalyze, ["verify", try unitCopy(in: dir)])
        #expect(result.output == "")
        #expect(result.status == 0)
    }

    @Test func exposureIsAtMostOnePointFive() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let result = try run(systemdAnalyze, ["security", "--offline=true", try unitCopy(in: dir)])
        let line = try #require(result.output.split(separator: "\n").first { $0.contains("Overall exposure level") })
        let score = line.split(separator: " ").compactMap { Double($0) }.first
        #expect(try #require(score) <= 1.5, "\(line)")
    }

    @Test func unitIsANotifyServiceWithStateAndConfigurationDirectories() throws {
        let text = try String(contentsOf: repositoryRoot.appendingPathComponent("systemd/borderwatch.service"), encoding: .utf8)
        for line in ["Type=notify", "StateDirectory=borderwatch", "ConfigurationDirectory=borderwatch", "User=borderwatch", "WatchdogSec="] {
            #expect(text.contains(line), "missing \(line)")
        }
    }
}
