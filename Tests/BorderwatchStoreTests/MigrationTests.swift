import BorderwatchCore
import BorderwatchStore
import BorderwatchTestSupport
import Foundation
import Testing

/// The schema exactly as borderwatch's first version wrote it: a frozen copy, so that a change
/// to the migrations in the code is still tested against a real old file.
private let schemaVersion1 = """
    CREATE TABLE articles (id INTEGER PRIMARY KEY, sha256 TEXT NOT NULL UNIQUE, file_name TEXT NOT NULL, title TEXT,
      url TEXT, date TEXT, date_source TEXT NOT NULL, language TEXT NOT NULL, format TEXT NOT NULL, size INTEGER NOT NULL,
      ingested_at REAL NOT NULL);
    CREATE INDEX articles_file_name ON articles(file_name);
    CREATE TABLE observations (id INTEGER PRIMARY KEY, region TEXT NOT NULL, via TEXT NOT NULL DEFAULT '',
      metric TEXT NOT NULL, period TEXT NOT NULL, anchor TEXT NOT NULL, year INTEGER, value INTEGER NOT NULL,
      bound TEXT NOT NULL, sources INTEGER NOT NULL, distinct_values INTEGER NOT NULL,
      UNIQUE (region, metric, period, anchor, via));
    CREATE INDEX observations_series ON observations(region, metric, period, year, anchor);
    CREATE TABLE facts (id INTEGER PRIMARY KEY, article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
      observation_id INTEGER REFERENCES observations(id), ordinal INTEGER NOT NULL, metric TEXT NOT NULL,
      value INTEGER NOT NULL, bound TEXT NOT NULL, bound_rank INTEGER NOT NULL, period TEXT NOT NULL, date TEXT,
      as_of TEXT, year INTEGER, month TEXT, start TEXT, end TEXT, region TEXT, via TEXT, record INTEGER NOT NULL,
      previous_record INTEGER NOT NULL, evidence TEXT NOT NULL, article_key TEXT NOT NULL);
    CREATE INDEX facts_article ON facts(article_id);
    CREATE INDEX facts_observation ON facts(observation_id, value, bound_rank, article_id, article_key);
    CREATE TABLE alerts (seq INTEGER PRIMARY KEY AUTOINCREMENT, id TEXT NOT NULL UNIQUE, kind TEXT NOT NULL,
      payload TEXT NOT NULL, article_id INTEGER REFERENCES articles(id) ON DELETE SET NULL, created_at REAL NOT NULL);
    CREATE TABLE deliveries (alert_seq INTEGER NOT NULL REFERENCES alerts(seq) ON DELETE CASCADE,
      destination TEXT NOT NULL,
      state TEXT NOT NULL DEFAULT 'pending' CHECK (state IN ('pending','delivered','failed')),
      attempts INTEGER NOT NULL DEFAULT 0, next_attempt_at REAL NOT NULL, last_status INTEGER, last_error TEXT,
      updated_at REAL NOT NULL, PRIMARY KEY (alert_seq, destination));
    CREATE INDEX deliveries_due ON deliveries(state, destination, next_attempt_at);
    CREATE TABLE destination_state (name TEXT PRIMARY KEY, disabled_at REAL, reason TEXT);
    PRAGMA user_version = 1;
    """

@Suite struct MigrationTests {
    @Test func aVersion1DatabaseIsUpgradedInPlaceKeepingItsData() throws {
        let directory = try TemporaryDirectory(prefix: "bw-migrate")
        defer { directory.remove() }
        let path = directory.path + "/old.sqlite"
        do {
            let old = try Database(path: path)
            try old.execute(schemaVersion1)
            try old.execute("""
                INSERT INTO articles VALUES (1, 'ab12', 'old.txt', NULL, NULL, '2021-07-28', 'header', 'en', 'text', 10, 0);
                INSERT INTO observations VALUES (1, 'LT', 'BY', 'arrivals', 'day', '2021-07-27', 2021, 171, 'exact', 1, 1);
                INSERT INTO facts VALUES (1, 1, 1, 0, 'arrivals', 171, 'exact', 0, 'day', '2021-07-27', NULL, NULL, NULL,
                  NULL, NULL, 'LT', 'BY', 1, 0, '171 on Tuesday.', '2021-07-28000000000001');
                """)
        }
        let store = try Store(path: path)
        #expect(try store.database.scalarInt("PRAGMA user_version") == Int64(Store.schemaVersion))
        #expect(try store.database.scalarInt("SELECT day_ordinal FROM observations WHERE id = 1") == Int64(day("2021-07-27").ordinal))
        #expect(try store.database.scalarString("SELECT name FROM sqlite_master WHERE name = 'alerts_article'") == "alerts_article")
        // The old data takes part in the rules: 287 beats the migrated 171.
        let outcome = try store.add(article("new.txt", date: "2021-08-03", [dayFact(287, "2021-08-02")]))
        #expect(outcome.alerts.first?.previous == .day(value: 171, date: day("2021-07-27")))
        #expect(try store.database.scalarString("PRAGMA integrity_check") == "ok")
    }

    @Test func aDatabaseFromANewerVersionIsRefused() throws {
        let directory = try TemporaryDirectory(prefix: "bw-migrate")
        defer { directory.remove() }
        let path = directory.path + "/new.sqlite"
        try Database(path: path).execute("PRAGMA user_version = 99")
        #expect(throws: DatabaseError.self) { try Store(path: path) }
    }
}
