import BorderwatchCore
import BorderwatchStore
import BorderwatchTestSupport
import Foundation
import Testing

@Suite struct DatabaseTests {
    @Test func connectionIsInWALWithFullSyncAndForeignKeys() throws {
        try withStore { (store, _) throws in
            #expect(try store.database.scalarString("PRAGMA journal_mode") == "wal")
            #expect(try store.database.scalarInt("PRAGMA synchronous") == 2)
            #expect(try store.database.scalarInt("PRAGMA foreign_keys") == 1)
            #expect(try store.database.scalarInt("PRAGMA user_version") == Int64(Store.schemaVersion))
        }
    }

    @Test func errorsCarrySQLitesMessageAndTheSQL() throws {
        try withStore { (store, _) throws in
            do {
                try store.database.run("SELECT nope FROM articles")
                Issue.record("no error")
            } catch let error as DatabaseError {
                #expect(error.message.contains("no such column: nope"))
                #expect(error.sql == "SELECT nope FROM articles")
                #expect(error.description.contains("SELECT nope"))
            }
        }
    }

    @Test func aThrowingTransactionRollsBackAndAnInnerSavepointAlone() throws {
        struct Boom: Error {}
        try withStore { (store, _) throws in
            let db = store.database
            try db.execute("CREATE TABLE t (x INTEGER)")
            do {
                try db.transaction {
                    try db.run("INSERT INTO t VALUES (?)", [1])
                    throw Boom()
                }
                Issue.record("no error")
            } catch is Boom {}
            try db.transaction {
                try db.run("INSERT INTO t VALUES (?)", [2])
                do {
                    try db.savepoint {
                        try db.run("INSERT INTO t VALUES (?)", [3])
                        throw Boom()
                    }
                } catch is Boom {}
            }
            #expect(try db.rows("SELECT x FROM t") { $0.int(0) } == [2])
            #expect(!db.isInTransaction)
        }
    }

    /// A second connection holding `BEGIN IMMEDIATE`: a short busy timeout gives a clear busy
    /// error and nothing half-written; a long one waits and then stores the article.
    @Test func aWriteLockHeldElsewhereMeansAClearErrorOrAWaitNeverALoss() throws {
        let directory = try TemporaryDirectory(prefix: "bw-lock")
        defer { directory.remove() }
        let path = directory.path + "/lock.sqlite"
        _ = try Store(path: path)
        let holder = try Database(path: path)
        try holder.run("BEGIN IMMEDIATE")

        var impatient = Database.Options()
        impatient.busyTimeout = 100
        let store = try Store(path: path, options: impatient)
        let a = article("a.txt", date: "2021-07-28", [dayFact(171, "2021-07-27")])
        do {
            try store.add(a)
            Issue.record("the ingest did not notice the lock")
        } catch let error as DatabaseError {
            #expect(error.isBusy)
            #expect(error.description.contains("locked"))
        }
        #expect(try store.count("articles") == 0)

        // Release the lock from another thread after 300 ms; a patient store waits for it.
        let patient = try Store(path: path)
        let release = Thread {
            Thread.sleep(forTimeInterval: 0.3)
            try? holder.run("COMMIT")
        }
        release.start()
        let started = Date()
        let outcome = try patient.add(a)
        #expect(Date().timeIntervalSince(started) >= 0.2)
        #expect(!outcome.isDuplicate)
        #expect(try patient.count("articles") == 1 && patient.count("facts") == 1)
        #expect(try patient.database.scalarString("PRAGMA integrity_check") == "ok")
    }
}
