import BorderwatchCore

/// A daily bar chart as a standalone SVG document: title, labelled axes with round ticks,
/// one bar per day, record days (higher than every earlier day shown) in red with their value.
public struct DailyChart: Sendable {
    public var title: String
    public var valueLabel: String
    /// One value per day; days without a figure are left empty.
    public var points: [(day: Day, value: Int)]

    public init(title: String, valueLabel: String, points: [(day: Day, value: Int)]) {
        self.title = title
        self.valueLabel = valueLabel
        self.points = points.sorted { $0.day < $1.day }
    }

    static let width = 960.0, height = 480.0
    static let left = 80.0, right = 24.0, top = 56.0, bottom = 64.0

    /// The days that set a new high: strictly higher than every earlier day of the chart.
    public var recordDays: Set<Day> {
        var best = Int.min
        var records = Set<Day>()
        for point in points where point.value > best {
            best = point.value
            records.insert(point.day)
        }
        return records
    }

    public func svg() -> String {
        let w = Self.width, h = Self.height
        let plotWidth = w - Self.left - Self.right, plotHeight = h - Self.top - Self.bottom
        var out = """
            <svg xmlns="http://www.w3.org/2000/svg" width="\(Int(w))" height="\(Int(h))" viewBox="0 0 \(Int(w)) \(Int(h))" \
            font-family="Helvetica, Arial, sans-serif" font-size="12">
            <rect width="100%" height="100%" fill="#ffffff"/>
            <text x="\(Int(w / 2))" y="30" text-anchor="middle" font-size="18" font-weight="bold">\(Self.escape(title))</text>

            """
        let bottomY = Self.top + plotHeight
        guard let first = points.first?.day, let last = points.last?.day else {
            out += "<text x=\"\(Int(w / 2))\" y=\"\(Int(h / 2))\" text-anchor=\"middle\">No daily figures stored</text>\n</svg>\n"
            return out
        }
        let dayCount = first.days(until: last) + 1
        let maxValue = max(1, points.map(\.value).max() ?? 1)
        let step = Self.niceStep(Double(maxValue) / 5)
        let top = (Double(maxValue) / step).rounded(.up) * step
        func y(_ value: Double) -> Double { bottomY - value / top * plotHeight }
        let slot = plotWidth / Double(dayCount)
        func x(_ day: Day) -> Double { Self.left + Double(first.days(until: day)) * slot }

        // Horizontal grid and value ticks.
        var tick = 0.0
        while tick <= top + step / 2 {
            let ty = Self.format(y(tick))
            out += "<line x1=\"\(Int(Self.left))\" y1=\"\(ty)\" x2=\"\(Int(w - Self.right))\" y2=\"\(ty)\" stroke=\"#e3e3e3\"/>\n"
            out += "<text x=\"\(Int(Self.left) - 8)\" y=\"\(ty)\" dy=\"4\" text-anchor=\"end\">\(Self.thousands(Int(tick)))</text>\n"
            tick += step
        }
        // Bars.
        let records = recordDays
        let barWidth = Self.format(max(1, slot * 0.8))
        for point in points {
            let isRecord = records.contains(point.day)
            let bx = Self.format(x(point.day) + slot * 0.1), by = Self.format(y(Double(point.value)))
            let bh = Self.format(bottomY - y(Double(point.value)))
            out += "<rect x=\"\(bx)\" y=\"\(by)\" width=\"\(barWidth)\" height=\"\(bh)\" fill=\"\(isRecord ? "#c0392b" : "#4a7ab5")\">"
            out += "<title>\(point.day.iso): \(Self.thousands(point.value))\(isRecord ? " (record)" : "")</title></rect>\n"
            if isRecord {
                out += "<text x=\"\(Self.format(x(point.day) + slot / 2))\" y=\"\(Self.format(y(Double(point.value)) - 4))\" "
                out += "text-anchor=\"middle\" font-size=\"10\" fill=\"#c0392b\">\(Self.thousands(point.value))</text>\n"
            }
        }
        // Axes, date ticks and labels.
        out += "<line x1=\"\(Int(Self.left))\" y1=\"\(Self.format(bottomY))\" x2=\"\(Int(w - Self.right))\" y2=\"\(Self.format(bottomY))\" stroke=\"#333\"/>\n"
        out += "<line x1=\"\(Int(Self.left))\" y1=\"\(Int(Self.top))\" x2=\"\(Int(Self.left))\" y2=\"\(Self.format(bottomY))\" stroke=\"#333\"/>\n"
        for day in Self.dateTicks(from: first, to: last) {
            let tx = Self.format(x(day) + slot / 2)
            out += "<line x1=\"\(tx)\" y1=\"\(Self.format(bottomY))\" x2=\"\(tx)\" y2=\"\(Self.format(bottomY + 5))\" stroke=\"#333\"/>\n"
            out += "<text x=\"\(tx)\" y=\"\(Self.format(bottomY + 18))\" text-anchor=\"middle\">\(Self.dayLabel(day))</text>\n"
        }
        out += "<text x=\"\(Int(Self.left + plotWidth / 2))\" y=\"\(Int(h - 16))\" text-anchor=\"middle\" font-size=\"13\">"
        out += "Day (\(first.iso) to \(last.iso))</text>\n"
        out += "<text transform=\"translate(20 \(Int(Self.top + plotHeight / 2))) rotate(-90)\" text-anchor=\"middle\" font-size=\"13\">"
        out += "\(Self.escape(valueLabel))</text>\n"
        out += "<rect x=\"\(Int(w - Self.right - 110))\" y=\"\(Int(Self.top - 18))\" width=\"10\" height=\"10\" fill=\"#c0392b\"/>"
        out += "<text x=\"\(Int(w - Self.right - 95))\" y=\"\(Int(Self.top - 9))\">record day</text>\n"
        out += "</svg>\n"
        return out
    }

    /// 1, 2 or 5 times a power of ten, at least `raw`.
    static func niceStep(_ raw: Double) -> Double {
        var magnitude = 1.0
        while magnitude * 10 <= raw { magnitude *= 10 }
        for factor in [1.0, 2.0, 5.0, 10.0] where factor * magnitude >= raw { return factor * magnitude }
        return 10 * magnitude
    }

    /// The first of each month for long ranges, else every Monday (every day for a week or less).
    static func dateTicks(from first: Day, to last: Day) -> [Day] {
        let span = first.days(until: last)
        let all = (0...span).map { first.adding(days: $0) }
        if span <= 7 { return all }
        if span <= 70 { return all.filter { $0.weekday == 1 } }
        let months = all.filter { $0.day == 1 }
        return span <= 400 ? months : months.filter { $0.month % 3 == 1 }
    }

    private static let monthNames = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

    static func dayLabel(_ day: Day) -> String {
        day.day == 1 && day.month == 1 ? "\(monthNames[0]) \(day.year)" : "\(day.day) \(monthNames[day.month - 1])"
    }

    static func format(_ value: Double) -> String {
        String(Double((value * 10).rounded()) / 10)
    }

    static func thousands(_ value: Int) -> String {
        let digits = String(value.magnitude)
        var out = value < 0 ? "-" : ""
        for (index, digit) in digits.enumerated() {
            if index > 0, (digits.count - index) % 3 == 0 { out += "," }
            out.append(digit)
        }
        return out
    }

    /// Escapes text for SVG character data and attribute values.
    static func escape(_ text: String) -> String {
        var out = ""
        for character in text {
            switch character {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.append(character)
            }
        }
        return out
    }
}
