import ArgumentParser
import BorderwatchInbox
import Foundation

/// `borderwatch requeue [NAME...]`: articles in `failed/` back into the inbox, for the cases an
/// operator has fixed by hand (what `postsuper -r` is to Postfix).
struct RequeueCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "requeue",
        abstract: "Move articles from failed/ back into the inbox (all, or those named).",
        discussion: "Each file is renamed back into the inbox (under a free name) and its .reason file removed; "
            + "a running daemon reads it again at once. Names are as `ls failed/` shows them."
    )

    @Argument(help: "Names of files in failed/ (default: every one).") var names: [String] = []
    @OptionGroup var storeOptions: StoreOptions

    func run() throws {
        let configuration = try storeOptions.configuration()
        let inbox = try InboxDirectory(path: configuration.inbox, processed: configuration.processedDirectory,
                                       failed: configuration.failedDirectory, maxArticleBytes: configuration.maxArticleBytes)
        let wanted = names.isEmpty ? try inbox.failedArticles() : names.map { $0.hasSuffix(".reason") ? String($0.dropLast(7)) : $0 }
        if wanted.isEmpty { print("failed/ is empty: nothing to requeue") }
        var missing = 0
        for name in wanted {
            do {
                let queued = try inbox.requeue(name)
                print(queued == name ? "requeued \(name)" : "requeued \(name) as \(queued)")
            } catch {
                FileHandle.standardError.write(Data("borderwatch requeue: \(name): not in failed/\n".utf8))
                missing += 1
            }
        }
        if missing > 0 { throw ExitCode(1) }
    }
}
