import Foundation
import PackagePlugin

/// Compiles the target's `Lexicons/<language>/*.tsv` into a Swift source file, so that the
/// word lists travel inside the binary: `install -m 0755 borderwatch /usr/local/bin/` is the
/// whole program, with no resources folder beside it.
@main
struct EmbedLexicons: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
        guard let target = target as? SourceModuleTarget else { return [] }
        let folder = target.directoryURL.appending(path: "Lexicons")
        let files = (FileManager.default.enumerator(at: folder, includingPropertiesForKeys: nil)?.allObjects as? [URL] ?? [])
            .filter { $0.pathExtension == "tsv" }
            .sorted { $0.path < $1.path }
        let output = context.pluginWorkDirectoryURL.appending(path: "EmbeddedLexicons.swift")
        return [.buildCommand(displayName: "Embedding \(files.count) lexicon files",
                              executable: try context.tool(named: "embed-lexicons").url,
                              arguments: [folder.path, output.path],
                              inputFiles: files, outputFiles: [output])]
    }
}
