import CSQLite

/// A failed SQLite call: SQLite's own code and message, and the SQL that failed.
public struct DatabaseError: Error, CustomStringConvertible, Sendable {
    /// The primary result code (`SQLITE_BUSY`, `SQLITE_CONSTRAINT`...).
    public var code: Int32
    /// The extended result code, when SQLite gave one.
    public var extendedCode: Int32
    /// `sqlite3_errmsg` at the time of the failure.
    public var message: String
    /// The statement being prepared or run, if any.
    public var sql: String?

    public init(code: Int32, extendedCode: Int32? = nil, message: String, sql: String? = nil) {
        self.code = code & 0xFF
        self.extendedCode = extendedCode ?? code
        self.message = message
        self.sql = sql
    }

    /// Another connection held the lock for longer than `busy_timeout`.
    public var isBusy: Bool { code == SQLITE_BUSY || code == SQLITE_LOCKED }

    public var description: String {
        var text = "SQLite error \(extendedCode) (\(String(cString: sqlite3_errstr(extendedCode)))): \(message)"
        if let sql { text += " — in `\(sql)`" }
        if isBusy {
            text += " — another process kept the database locked; try again, or stop the other writer"
        }
        return text
    }
}
