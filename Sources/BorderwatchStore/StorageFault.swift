#if canImport(Glibc)
import Glibc
#endif
import BorderwatchCore
import Foundation

/// Decides, in one place, whether a failure to store an article is the article's fault or the
/// storage's. An article fault sends the file to `failed/` with its reason; a storage fault (the
/// disk is full, the database is corrupt, locked or cannot be opened, an I/O error) leaves the file
/// in the inbox, to be stored when storage works again (what Postfix does with a queue it cannot
/// write). Pure, like the delivery retry policy.
public enum StorageFault {
    /// SQLite primary result codes that are faults of the place, not of what was being stored.
    static let sqliteCodes: [Int32: String] = [
        5: "database is busy (locked by another connection past the busy timeout)",
        6: "database table is locked",
        8: "database is read-only",
        10: "disk I/O error",
        11: "database disk image is malformed",
        13: "database or disk is full",
        14: "unable to open the database file",
        26: "file is not a database",
    ]
    /// `errno` values of a move or an fsync that are faults of the filesystem.
    static let errnos: Set<Int32> = [ENOSPC, EIO, EROFS, EDQUOT]

    /// The storage's reason when `error` is a fault of the place, `nil` when it is the article's.
    public static func reason(_ error: any Error) -> String? {
        if let database = error as? DatabaseError { return sqliteCodes[database.code] }
        let ns = error as NSError
        if ns.domain == NSPOSIXErrorDomain, errnos.contains(Int32(ns.code)) { return String(cString: strerror(Int32(ns.code))) }
        if let code = (error as? any ErrnoCarrying)?.errnoValue, errnos.contains(code) { return String(cString: strerror(code)) }
        return nil
    }

    /// Whether the fault means the database file itself is damaged (logged at critical).
    public static func isCorruption(_ error: any Error) -> Bool {
        guard let database = error as? DatabaseError else { return false }
        return database.code == 11 || database.code == 26
    }
}
