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

    /// Long file lists bypass the argument parser's quadratic path (`FileOperands`): every file is
    /// read once, in the order given, whatever stands between them: options, `--`, a name like "-x".
    @Test func manyFileNamesAreReadInOrderWithOptionsAnywhere() throws {
        let binary = try #require(borderwatchBinary())
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("bw-operands-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        var paths: [String] = []
        for i in 0..<400 {
            let path = folder.appendingPathComponent(i == 399 ? "-dash.txt" : "a\(i).txt").path
            try "Border guards detained \(100 + i) migrants who crossed from Belarus on Monday.\n"
                .write(toFile: path, atomically: true, encoding: .utf8)
            paths.append(path)
        }
        let names = paths.dropLast().map { $0 }
        var arguments = ["extract", names[0], "--date", "2021-08-04"] + names[1..<200] + ["--json"] + names[200...]
        arguments += ["--", paths[399]]

        let process = Process()
        process.executableURL = URL(fileURLWithPath: binary)
        process.arguments = arguments
        let out = Pipe()
        process.standardOutput = out
        try process.run()
        let stdout = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()

        #expect(process.terminationStatus == 0)
        let values = stdout.split(separator: "\n").compactMap { line -> Int? in
            guard let range = line.range(of: "\"value\": ") else { return nil }
            return Int(line[range.upperBound...].prefix { $0.isNumber })
        }
        #expect(values == Array(100..<500))
        #expect(stdout.contains("\"date\": \"2021-08-02\""))
    }
}
