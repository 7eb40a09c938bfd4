import BorderwatchCore
import Foundation

/// `generic`: the SCHEMA.md alert JSON, as Core's `AlertEvent` encodes it.
enum GenericFormat {
    static func body(_ alert: AlertEvent) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.withoutEscapingSlashes]
        return try encoder.encode(alert)
    }
}
