import BorderwatchCore
@testable import BorderwatchExtract

/// Facts of `text` for an article dated `date` (YYYY-MM-DD), through the English engine.
func facts(_ text: String, date: String = "2021-08-05") -> [Fact] {
    FactEngine.english.facts(text: text, date: Day(iso: date)!)
}

/// The single fact of `text`, or nil when there is not exactly one.
func onlyFact(_ text: String, date: String = "2021-08-05") -> Fact? {
    let found = facts(text, date: date)
    return found.count == 1 ? found[0] : nil
}

func day(_ iso: String) -> Day { Day(iso: iso)! }
