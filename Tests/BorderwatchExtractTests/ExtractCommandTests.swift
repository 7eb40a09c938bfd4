import BorderwatchTestSupport
import Foundation
import Testing

/// `borderwatch extract` through the real binary: a missing file is reported on stderr,
/// the other files are still extracted, and the exit status is 1.
@Suite struct ExtractCommandTests {
    @Test func missingFileIsReportedAfterTheOthers() throws {
        let binary = try #require(borderwatchBinary())
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("bw-extract-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let article = folder.appendingPathComponent("a.txt")
        try " date 2021-08-03 Lithuania\nBorder guards detained 287 migrants who crossed from Belarus on Monday.\n"
            .write(to: article, atomically: true, encoding: .utf8)
        let missing = folder.appendingPathComponent("missing.txt").path

        let process = Process()
        process.executableURL = URL(fileURLWithPath: binary)
        process.arguments = ["extract", "--json", missing, article.path]
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let stdout = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        let stderr = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()

        #expect(process.terminationStatus == 1)
        #expect(stderr.contains("missing.txt"))
        #expect(stdout.contains("\"article\": \"a.txt\"") && stdout.contains("\"value\": 287"))
        #expect(!stdout.contains("missing.txt"))
    }
}
