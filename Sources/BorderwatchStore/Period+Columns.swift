import BorderwatchCore

extension Period {
    /// The text that tells two periods of the same kind apart in `observations.anchor`:
    /// day `YYYY-MM-DD`; ytd its as-of day; year `YYYY`; month `YYYY-MM`; span `start..end`
    /// (either side empty when unknown).
    var anchor: String {
        switch self {
        case .day(let d): return d.iso
        case .ytd(_, let asOf): return asOf.iso
        case .year(let y): return String(y)
        case .month(let y, let m): return Period.monthString(year: y, month: m)
        case .span(let start, let end): return "\(start?.iso ?? "")..\(end?.iso ?? "")"
        }
    }

    /// Rebuilds a period from its stored kind, anchor and year.
    init?(kind: String, anchor: String, year: Int?) {
        switch Period.Kind(rawValue: kind) {
        case .day?:
            guard let d = Day(iso: anchor) else { return nil }
            self = .day(d)
        case .ytd?:
            guard let asOf = Day(iso: anchor) else { return nil }
            self = .ytd(year: year ?? asOf.year, asOf: asOf)
        case .year?:
            guard let y = Int(anchor) else { return nil }
            self = .year(y)
        case .month?:
            let parts = anchor.split(separator: "-")
            guard parts.count == 2, let y = Int(parts[0]), let m = Int(parts[1]) else { return nil }
            self = .month(year: y, month: m)
        case .span?:
            guard let range = anchor.range(of: "..") else { return nil }
            self = .span(start: Day(iso: anchor[..<range.lowerBound]), end: Day(iso: anchor[range.upperBound...]))
        case nil:
            return nil
        }
    }

    /// The day as days since 1970-01-01, for `day` periods.
    var dayOrdinal: Int? {
        if case .day(let d) = self { return d.ordinal }
        return nil
    }
}

extension Bound {
    /// Order of trust when outlets disagree: exact, then the one-sided bounds, then approximate.
    var rank: Int {
        switch self {
        case .exact: return 0
        case .atLeast: return 1
        case .atMost: return 2
        case .approx: return 3
        }
    }

    init(rank: Int) {
        switch rank {
        case 0: self = .exact
        case 1: self = .atLeast
        case 2: self = .atMost
        default: self = .approx
        }
    }
}
