/// The database schema, as a list of migrations applied in order.
///
/// `PRAGMA user_version` holds the number of migrations applied. Opening an older file
/// applies the missing ones in place, each in its own transaction; a file from a newer
/// borderwatch is refused rather than guessed at. Never edit a migration that has shipped:
/// add the next one.
enum Schema {
    static var version: Int { migrations.count }

    static let migrations: [String] = [v1, v2, v3, v4, v5]

    /// Version 1: articles, facts, observations and the alert outbox.
    static let v1 = """
        CREATE TABLE articles (
          id INTEGER PRIMARY KEY,
          sha256 TEXT NOT NULL UNIQUE,          -- hex SHA-256 of the file's bytes
          file_name TEXT NOT NULL,
          title TEXT,
          url TEXT,
          date TEXT,                            -- YYYY-MM-DD, the article's own date
          date_source TEXT NOT NULL,            -- DateSource raw value
          language TEXT NOT NULL,
          format TEXT NOT NULL,                 -- InputFormat raw value
          size INTEGER NOT NULL,
          ingested_at REAL NOT NULL             -- unix seconds
        );
        CREATE INDEX articles_file_name ON articles(file_name);

        -- One figure: region + via + metric + period + anchor. `value` and `bound` are the
        -- shown value, recomputed from the facts whenever they change.
        CREATE TABLE observations (
          id INTEGER PRIMARY KEY,
          region TEXT NOT NULL,
          via TEXT NOT NULL DEFAULT '',         -- '' when no via (NULLs would defeat UNIQUE)
          metric TEXT NOT NULL,
          period TEXT NOT NULL,                 -- day, ytd, year, month, span
          anchor TEXT NOT NULL,                 -- day: date; ytd: as_of; year: YYYY; month: YYYY-MM; span: start..end
          year INTEGER,                         -- the calendar year the period belongs to
          value INTEGER NOT NULL,
          bound TEXT NOT NULL,
          sources INTEGER NOT NULL,             -- distinct articles behind any value
          distinct_values INTEGER NOT NULL,     -- > 1: the outlets disagree
          UNIQUE (region, metric, period, anchor, via)
        );
        CREATE INDEX observations_series ON observations(region, metric, period, year, anchor);

        CREATE TABLE facts (
          id INTEGER PRIMARY KEY,
          article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
          observation_id INTEGER REFERENCES observations(id),  -- NULL when the fact has no region
          ordinal INTEGER NOT NULL,             -- position among the article's facts
          metric TEXT NOT NULL,
          value INTEGER NOT NULL,
          bound TEXT NOT NULL,
          bound_rank INTEGER NOT NULL,          -- 0 exact, 1 at_least, 2 at_most, 3 approx
          period TEXT NOT NULL,
          date TEXT,
          as_of TEXT,
          year INTEGER,
          month TEXT,
          start TEXT,
          end TEXT,
          region TEXT,
          via TEXT,
          record INTEGER NOT NULL,
          previous_record INTEGER NOT NULL,
          evidence TEXT NOT NULL,
          article_key TEXT NOT NULL             -- article date || id: orders "the latest article"
        );
        CREATE INDEX facts_article ON facts(article_id);
        CREATE INDEX facts_observation ON facts(observation_id, value, bound_rank, article_id, article_key);

        CREATE TABLE alerts (
          seq INTEGER PRIMARY KEY AUTOINCREMENT,
          id TEXT NOT NULL UNIQUE,
          kind TEXT NOT NULL,
          payload TEXT NOT NULL,
          article_id INTEGER REFERENCES articles(id) ON DELETE SET NULL,
          created_at REAL NOT NULL
        );
        CREATE TABLE deliveries (
          alert_seq INTEGER NOT NULL REFERENCES alerts(seq) ON DELETE CASCADE,
          destination TEXT NOT NULL,
          state TEXT NOT NULL DEFAULT 'pending' CHECK (state IN ('pending','delivered','failed')),
          attempts INTEGER NOT NULL DEFAULT 0,
          next_attempt_at REAL NOT NULL,
          last_status INTEGER,
          last_error TEXT,
          updated_at REAL NOT NULL,
          PRIMARY KEY (alert_seq, destination)
        );
        CREATE INDEX deliveries_due ON deliveries(state, destination, next_attempt_at);
        CREATE TABLE destination_state (name TEXT PRIMARY KEY, disabled_at REAL, reason TEXT);
        """

    /// Version 2: `alerts.article_id` is indexed, so `forget` (which sets it to NULL)
    /// does not scan the whole outbox; observations remember the day of their anchor
    /// as an ordinal, so `series --from --to` and the charts range-scan it.
    static let v2 = """
        CREATE INDEX alerts_article ON alerts(article_id);
        ALTER TABLE observations ADD COLUMN day_ordinal INTEGER;
        UPDATE observations SET day_ordinal = CAST(julianday(anchor) - 2440587.5 AS INTEGER) WHERE period = 'day';
        CREATE INDEX observations_days ON observations(region, metric, day_ordinal) WHERE period = 'day';
        """

    /// Version 3: an alert may be held (stored, not posted) with the reason a plausibility rule
    /// gave; a held alert has no deliveries until the same alert is raised by a figure that passes.
    static let v3 = """
        ALTER TABLE alerts ADD COLUMN held TEXT;
        """

    /// Version 4: each fact keeps how firmly it was read (`strong` or `weak`, see `Fact.strength`),
    /// so that alerts can weigh it and `facts` can show it.
    static let v4 = """
        ALTER TABLE facts ADD COLUMN strength TEXT NOT NULL DEFAULT 'strong';
        """

    /// Version 5: a day figure that failed a plausibility check when its article was stored keeps
    /// the reason (`facts.failed`): it stays in the series but stands in the way of no later record.
    static let v5 = """
        ALTER TABLE facts ADD COLUMN failed TEXT;
        """
    /// Brings `database` to the current version, one transaction per migration.
    static func migrate(_ database: Database) throws {
        let current = Int(try database.scalarInt("PRAGMA user_version") ?? 0)
        guard current <= version else {
            throw DatabaseError(code: 1, message: "\(database.path) has schema version \(current), newer than this "
                                + "borderwatch understands (\(version)); use a newer borderwatch or another database file")
        }
        for index in current..<version {
            try database.transaction {
                try database.execute(migrations[index])
                try database.execute("PRAGMA user_version = \(index + 1)")
            }
        }
    }
}
