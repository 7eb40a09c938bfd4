import BorderwatchTestSupport
import Foundation
import Testing

/// The binary is the whole program: copied alone into an empty folder it extracts what the built
/// one does, and `$BORDERWATCH_LEXICONS` overrides a compiled-in lexicon for development.
@Suite struct OneFileInstallTests {
    static let article = " date 2021-08-03 Lithuania\nBorder guards detained 287 migrants who crossed from Belarus on Monday.\n"

    func extract(_ binary: String, _ file: String, environment: [String: String] = [:]) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: binary)
        process.arguments = ["extract", "--json", file]
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        let out = Pipe()
        process.standardOutput = out
        try process.run()
        let text = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        return text
    }

    @Test func aCopiedBinaryReadsAsTheBuiltOne() throws {
        let binary = try #require(borderwatchBinary())
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("bw-alone-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let copy = folder.appendingPathComponent("borderwatch").path
        try FileManager.default.copyItem(atPath: binary, toPath: copy)
        let file = folder.appendingPathComponent("a.txt").path
        try Self.article.write(toFile: file, atomically: true, encoding: .utf8)
        let built = try extract(binary, file), copied = try extract(copy, file)
        #expect(copied.contains("\"value\": 287") && copied == built)
        // nothing but the binary and the article in the folder
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted() == ["a.txt", "borderwatch"])
    }

    @Test func aLexiconFolderOverridesTheCompiledOne() throws {
        let binary = try #require(borderwatchBinary())
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("bw-lexicons-\(UUID().uuidString)")
        let english = folder.appendingPathComponent("en")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let source = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Sources/BorderwatchExtract/Lexicons/en")
        try FileManager.default.copyItem(at: source, to: english)
        // "detained" no longer counts anything in the override
        let metrics = english.appendingPathComponent("metrics.tsv")
        let kept = try String(contentsOf: metrics, encoding: .utf8).split(separator: "\n").filter { !$0.hasPrefix("detained\t") }
        try (kept.joined(separator: "\n") + "\ndetained\tnone\n").write(to: metrics, atomically: true, encoding: .utf8)
        let file = folder.appendingPathComponent("a.txt").path
        try Self.article.write(toFile: file, atomically: true, encoding: .utf8)
        #expect(try extract(binary, file).contains("\"value\": 287"))
        #expect(try !extract(binary, file, environment: ["BORDERWATCH_LEXICONS": folder.path]).contains("\"value\": 287"))
    }
}
