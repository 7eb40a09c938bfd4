/// What `forget` removed.
public struct ForgetOutcome: Hashable, Sendable {
    public var articleID: Int64
    public var fileName: String
    public var sha256: String
    public var facts: Int
    /// Observations that rested only on the article, now gone.
    public var removedObservations: Int
    /// Observations still supported by other articles, recomputed without it.
    public var recomputedObservations: Int
}

/// `forget` could not tell which article was meant.
public struct ArticleLookupError: Error, CustomStringConvertible {
    public var reference: String
    public var candidates: [String]

    public var description: String {
        candidates.isEmpty
            ? "no stored article has the file name or hash prefix \"\(reference)\"; `borderwatch facts` lists them"
            : "\"\(reference)\" matches \(candidates.count) articles (\(candidates.prefix(5).joined(separator: ", "))); give a longer hash prefix"
    }
}

extension Store {
    /// Removes an article (by exact file name, or by a prefix of at least 4 hex digits of its
    /// SHA-256) and everything that rested only on it, in one transaction. Observations other
    /// articles still support are recomputed; alerts already raised stay in the outbox with no
    /// article.
    public func forget(_ reference: String) throws -> ForgetOutcome {
        try database.transaction {
            let article = try findArticle(reference)
            let observations = try database.rows(
                "SELECT DISTINCT observation_id FROM facts WHERE article_id = ? AND observation_id IS NOT NULL",
                [.integer(article.id)]) { $0.int64(0) }
            let facts = Int(try database.scalarInt("SELECT COUNT(*) FROM facts WHERE article_id = ?", [.integer(article.id)]) ?? 0)
            try database.run("DELETE FROM articles WHERE id = ?", [.integer(article.id)])
            var removed = 0
            for id in observations {
                try recompute(observation: id)
                if try database.scalarInt("SELECT 1 FROM observations WHERE id = ?", [.integer(id)]) == nil { removed += 1 }
            }
            return ForgetOutcome(articleID: article.id, fileName: article.fileName, sha256: article.sha256, facts: facts,
                                 removedObservations: removed, recomputedObservations: observations.count - removed)
        }
    }

    func findArticle(_ reference: String) throws -> (id: Int64, fileName: String, sha256: String) {
        var matches = try database.rows("SELECT id, file_name, sha256 FROM articles WHERE file_name = ?", [.text(reference)]) {
            (id: $0.int64(0), fileName: $0.string(1), sha256: $0.string(2))
        }
        let hex = reference.lowercased()
        if matches.isEmpty, hex.count >= 4, hex.allSatisfy(\.isHexDigit) {
            matches = try database.rows("SELECT id, file_name, sha256 FROM articles WHERE sha256 >= ? AND sha256 < ? LIMIT 20",
                                        [.text(hex), .text(hex + "g")]) {
                (id: $0.int64(0), fileName: $0.string(1), sha256: $0.string(2))
            }
        }
        guard matches.count == 1 else {
            throw ArticleLookupError(reference: reference, candidates: matches.map { "\($0.fileName) \($0.sha256.prefix(12))" })
        }
        return matches[0]
    }
}
