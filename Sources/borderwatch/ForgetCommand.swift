import ArgumentParser
import BorderwatchStore

struct ForgetCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "forget",
        abstract: "Remove an article and everything that rested only on it.",
        discussion: "Figures other articles also report are recomputed without it. Alerts already raised stay in the outbox."
    )

    @OptionGroup var storeOptions: StoreOptions

    @Argument(help: "The article's file name, or at least 4 hex digits of its SHA-256.")
    var article: String

    func run() throws {
        let store = try Store.existing(path: try storeOptions.configuration().database)
        let outcome = try store.forget(article)
        print("forgot \(outcome.fileName) (\(outcome.sha256.prefix(12))): \(outcome.facts) facts, "
              + "\(outcome.removedObservations) observations removed, \(outcome.recomputedObservations) recomputed")
    }
}
