import BorderwatchCore

/// The one human sentence of each alert, as it reads in a chat.
enum AlertText {
    static func dailyRecord(_ fact: Fact, region: String, day: Day, previous: StoredObservation?) -> String {
        var text = "\(place(region)): record \(figure(fact)) \(noun(fact))\(origin(fact)) in one day (\(long(day)))"
        if let previous, let previousDay = previous.day {
            let when = previousDay.year == day.year ? short(previousDay) : long(previousDay)
            text += ", previous record \(number(previous.value)) on \(when)"
        }
        return text
    }

    static func dailyThreshold(_ fact: Fact, region: String, day: Day, level: Int) -> String {
        "\(place(region)): \(figure(fact)) \(noun(fact))\(origin(fact)) in one day (\(long(day))), "
            + "at or above the alert level of \(number(level))"
    }

    static func ytdMilestone(_ fact: Fact, region: String, year: Int, asOf: Day, level: Int) -> String {
        "\(place(region)): \(noun(fact))\(origin(fact)) passed \(number(level)) so far in \(year) "
            + "(\(figure(fact)) as of \(short(asOf)))"
    }

    static func ytdExceedsYear(_ fact: Fact, region: String, year: Int, asOf: Day, lastYear: Int) -> String {
        let ratio = Double(fact.value) / Double(lastYear)
        let times = ratio >= 10 ? String(Int(ratio.rounded())) : String(Double(Int((ratio * 10).rounded())) / 10)
        return "\(place(region)): \(figure(fact)) \(noun(fact))\(origin(fact)) so far in \(year) (as of \(short(asOf))), "
            + "more than the \(number(lastYear)) of all \(year - 1) (\(times) times as many)"
    }

    // MARK: Pieces

    static func figure(_ fact: Fact) -> String {
        switch fact.bound {
        case .exact: return number(fact.value)
        case .approx: return "about \(number(fact.value))"
        case .atLeast: return "at least \(number(fact.value))"
        case .atMost: return "up to \(number(fact.value))"
        }
    }

    static func noun(_ fact: Fact) -> String {
        switch fact.metric {
        case .arrivals: return "arrivals"
        case .prevented: return "people turned back"
        case .attempts: return "crossing attempts"
        case .returns: return "returns"
        case .deaths: return "deaths"
        case .asylumClaims: return "asylum claims"
        }
    }

    static func origin(_ fact: Fact) -> String {
        fact.via.map { " from \(place($0))" } ?? ""
    }

    /// `4,026`.
    static func number(_ value: Int) -> String {
        let digits = String(value.magnitude)
        var out = ""
        for (index, digit) in digits.enumerated() {
            if index > 0, (digits.count - index) % 3 == 0 { out += "," }
            out.append(digit)
        }
        return value < 0 ? "-" + out : out
    }

    private static let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

    /// `2 Aug 2021`.
    static func long(_ day: Day) -> String { "\(short(day)) \(day.year)" }

    /// `2 Aug`.
    static func short(_ day: Day) -> String { "\(day.day) \(months[day.month - 1])" }

    /// The country's English name for the codes borderwatch meets, else the code itself.
    static func place(_ code: String) -> String {
        names[code] ?? code
    }

    private static let names: [String: String] = [
        "AT": "Austria", "BE": "Belgium", "BG": "Bulgaria", "BY": "Belarus", "CY": "Cyprus", "CZ": "Czechia",
        "DE": "Germany", "DK": "Denmark", "EE": "Estonia", "ES": "Spain", "FI": "Finland", "FR": "France",
        "GB": "United Kingdom", "GR": "Greece", "HR": "Croatia", "HU": "Hungary", "IE": "Ireland", "IT": "Italy",
        "LT": "Lithuania", "LV": "Latvia", "LY": "Libya", "MA": "Morocco", "MT": "Malta", "NL": "Netherlands",
        "NO": "Norway", "PL": "Poland", "PT": "Portugal", "RO": "Romania", "RS": "Serbia", "RU": "Russia",
        "SE": "Sweden", "SK": "Slovakia", "SI": "Slovenia", "TN": "Tunisia", "TR": "Turkey", "UA": "Ukraine",
        "US": "United States", "MX": "Mexico",
    ]
}
