import CSQLite

/// One SQLite connection: a thin, typed layer over the system libsqlite3.
///
/// - One owner: use a `Database` from one thread at a time. It is `@unchecked Sendable`
///   only so that its owner can be moved (into an actor, a task or a thread); the
///   statement cache is not locked, so two threads must never call it at once.
/// - Statements are prepared once per SQL text, cached, and finalised when the
///   `Database` goes away.
/// - Every failure throws a `DatabaseError` carrying SQLite's message and the SQL.
/// - `transaction` runs a closure in `BEGIN IMMEDIATE ... COMMIT` and rolls back when it
///   throws; nested calls become savepoints, so each inner block is all-or-nothing too.
public final class Database: @unchecked Sendable {
    let handle: OpaquePointer
    /// The file this connection opened.
    public let path: String
    private var statements: [String: Statement] = [:]
    private var savepointDepth = 0

    /// How the connection is set up when it opens.
    public struct Options: Sendable {
        /// Milliseconds to wait for another connection's lock before failing with `SQLITE_BUSY`.
        public var busyTimeout: Int32 = 5000
        /// Open read-only (the file must exist).
        public var readOnly = false
        /// Create the file when it is missing; when `false`, a missing file is an error.
        public var create = true
        public init() {}
    }

    /// Opens (creating when missing, unless read-only) the database file at `path` and sets
    /// WAL mode, `synchronous=FULL`, foreign keys and the busy timeout. It does not create
    /// parent directories and does not migrate: `Store` does that.
    public init(path: String, options: Options = Options()) throws {
        var handle: OpaquePointer?
        let flags = (options.readOnly ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE | (options.create ? SQLITE_OPEN_CREATE : 0))
            | SQLITE_OPEN_NOMUTEX | SQLITE_OPEN_EXRESCODE
        let code = sqlite3_open_v2(path, &handle, flags, nil)
        guard code == SQLITE_OK, let handle else {
            let message = handle.map { String(cString: sqlite3_errmsg($0)) } ?? "out of memory"
            sqlite3_close_v2(handle)
            let hint = options.create ? "" : " (is the path right? `borderwatch ingest` or the daemon creates it)"
            throw DatabaseError(code: code, message: "cannot open \(path): \(message)\(hint)")
        }
        self.handle = handle
        self.path = path
        sqlite3_busy_timeout(handle, options.busyTimeout)
        if !options.readOnly {
            // WAL: readers (the query commands, the notifier) never block the writer and
            // the writer never blocks them; a commit appends to the log instead of
            // rewriting pages in place.
            let mode = try scalarString("PRAGMA journal_mode=WAL")
            guard mode?.lowercased() == "wal" else {
                throw DatabaseError(code: SQLITE_ERROR, message: "journal_mode is \(mode ?? "unknown"), WAL is required",
                                    sql: "PRAGMA journal_mode=WAL")
            }
        }
        // synchronous=FULL: in WAL mode, NORMAL only syncs the log at checkpoints, so a
        // commit that returned can still be lost on power failure (not on a crash of the
        // process). A stored article whose file has then been moved to processed/ would be
        // lost for good, so every commit is fsync'ed: FULL is the durable choice. Its cost
        // (one fsync per commit) is paid once per batch by `Store.ingest(batch:)`.
        try execute("PRAGMA synchronous=FULL; PRAGMA foreign_keys=ON")
    }

    deinit {
        statements.removeAll()
        sqlite3_close_v2(handle)
    }

    // MARK: Running SQL

    /// Runs one or more statements with no parameters and no result (DDL, PRAGMAs).
    public func execute(_ sql: String) throws {
        var message: UnsafeMutablePointer<CChar>?
        let code = sqlite3_exec(handle, sql, nil, nil, &message)
        if code != SQLITE_OK {
            let text = message.map { String(cString: $0) } ?? String(cString: sqlite3_errmsg(handle))
            sqlite3_free(message)
            throw DatabaseError(code: code, extendedCode: sqlite3_extended_errcode(handle), message: text, sql: sql)
        }
    }

    /// Runs one statement (cached) with `?` parameters and steps it to the end.
    public func run(_ sql: String, _ values: [SQLValue] = []) throws {
        let statement = try prepared(sql)
        try statement.bind(values)
        defer { statement.reset() }
        while try statement.step() {}
    }

    /// Runs one query (cached) and calls `body` for each row.
    public func forEach(_ sql: String, _ values: [SQLValue] = [], _ body: (Row) throws -> Void) throws {
        let statement = try prepared(sql)
        try statement.bind(values)
        defer { statement.reset() }
        while try statement.step() {
            try body(Row(handle: statement.handle))
        }
    }

    /// Runs one query (cached) and maps every row.
    public func rows<T>(_ sql: String, _ values: [SQLValue] = [], _ transform: (Row) throws -> T) throws -> [T] {
        var result: [T] = []
        try forEach(sql, values) { result.append(try transform($0)) }
        return result
    }

    /// Runs one query (cached) and maps its first row, if any.
    public func first<T>(_ sql: String, _ values: [SQLValue] = [], _ transform: (Row) throws -> T) throws -> T? {
        let statement = try prepared(sql)
        try statement.bind(values)
        defer { statement.reset() }
        return try statement.step() ? transform(Row(handle: statement.handle)) : nil
    }

    /// The first column of the first row as an integer; `nil` when there is no row or it is NULL.
    public func scalarInt(_ sql: String, _ values: [SQLValue] = []) throws -> Int64? {
        try first(sql, values) { $0.isNull(0) ? nil : $0.int64(0) } ?? nil
    }

    /// The first column of the first row as text; `nil` when there is no row or it is NULL.
    public func scalarString(_ sql: String, _ values: [SQLValue] = []) throws -> String? {
        try first(sql, values) { $0.optionalString(0) } ?? nil
    }

    /// The rowid of the last successful INSERT on this connection.
    public var lastInsertRowID: Int64 { sqlite3_last_insert_rowid(handle) }

    /// Rows changed by the last INSERT, UPDATE or DELETE (0 after an ignored `INSERT OR IGNORE`).
    public var changes: Int { Int(sqlite3_changes(handle)) }

    /// Whether a transaction is open on this connection.
    public var isInTransaction: Bool { sqlite3_get_autocommit(handle) == 0 }

    // MARK: Transactions

    /// Runs `body` in a write transaction (`BEGIN IMMEDIATE`, so the write lock is taken,
    /// or waited for up to the busy timeout, before anything is read) and commits it.
    /// When `body` throws, everything it did is rolled back and the error rethrown.
    /// Called inside another transaction, it becomes a savepoint of that transaction.
    public func transaction<T>(_ body: () throws -> T) throws -> T {
if isInTransaction { return try savepoint(body) }
        try run("BEGIN IMMEDIATE")
        let result: T
        do {
            result = try body()
        } catch {
            if isInTransaction { try? run("ROLLBACK") }
            throw error
        }
        do {
            try run("COMMIT")
        } catch {
            if isInTransaction { try? run("ROLLBACK") }
            throw error
        }
        return result
    }

    /// Runs `body` inside a savepoint: when it throws, only its own changes are undone and the
    /// enclosing transaction (if any) goes on. Outside a transaction it behaves like one.
    public func savepoint<T>(_ body: () throws -> T) throws -> T {
        savepointDepth += 1
        defer { savepointDepth -= 1 }
        let name = "bw\(savepointDepth)"
        try execute("SAVEPOINT \(name)")
        let result: T
        do {
            result = try body()
        } catch {
            if isInTransaction { try? execute("ROLLBACK TO \(name); RELEASE \(name)") }
            throw error
        }
        try execute("RELEASE \(name)")
        return result
    }

    // MARK: Internals

    func prepared(_ sql: String) throws -> Statement {
        if let statement = statements[sql] { return statement }
        let statement = try Statement(database: self, sql: sql)
        statements[sql] = statement
        return statement
    }

    func error(_ code: Int32, sql: String?) -> DatabaseError {
        DatabaseError(code: code, extendedCode: sqlite3_extended_errcode(handle),
                      message: String(cString: sqlite3_errmsg(handle)), sql: sql)
    }
}
