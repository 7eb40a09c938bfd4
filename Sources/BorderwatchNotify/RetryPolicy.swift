import BorderwatchCore
import Foundation

/// What one delivery attempt came back with.
public enum AttemptResult: Sendable, Equatable {
    /// The receiver answered. Header names are lowercased; `body` is at most 64 KiB.
    case response(status: Int, headers: [String: String], body: String)
    case failure(TransportError)
}

/// A request that got no HTTP answer, with libcurl's code and a message already scrubbed
/// of the URL's secret parts.
public struct TransportError: Error, Sendable, Equatable, CustomStringConvertible {
    public enum Kind: String, Sendable {
        /// Bad URL or protocol: retrying cannot help.
        case unusable
        case resolve, connect, timeout, tls, transfer
        /// The notifier is stopping; the attempt is abandoned, the row stays pending.
        case cancelled
    }

    public var kind: Kind
    public var curlCode: Int
    public var message: String

    public init(kind: Kind, curlCode: Int, message: String) {
        self.kind = kind
        self.curlCode = curlCode
        self.message = message
    }

    public var description: String { "\(kind.rawValue) error (curl \(curlCode)): \(message)" }
}

/// What the notifier does with a delivery after an attempt.
public enum DeliveryDecision: Sendable, Equatable {
    case delivered
    /// Try again after this many seconds.
    case retry(after: Double, reason: String)
    /// Give up on this alert for this destination (kept in the outbox as `failed`).
    case fail(reason: String)
    /// The destination is gone (410): stop sending to it until an operator requeues.
    case disable(reason: String)
    /// Stopping: leave the row pending as it was.
    case abandon
}

/// Retry classification: a pure function of the attempt's result, the number of attempts
/// made so far and a jitter draw, so it is tested table by table.
public struct RetryPolicy: Sendable {
    public var initialBackoff: Double
    public var maxBackoff: Double
    /// A `Retry-After` longer than this is not believed.
    public var maxRetryAfter: Double = 3600

    public init(initialBackoff: Double, maxBackoff: Double) {
        self.initialBackoff = initialBackoff
        self.maxBackoff = maxBackoff
    }

    public init(_ delivery: DeliveryConfiguration) {
        self.init(initialBackoff: delivery.initialBackoff, maxBackoff: delivery.maxBackoff)
    }

    /// - Parameters:
    ///   - attempt: attempts made including this one (1 after the first).
    ///   - jitter: a draw from `0..<1`; the backoff is scaled into its upper half.
    public func decide(_ result: AttemptResult, attempt: Int, jitter: Double, now: Date = Date()) -> DeliveryDecision {
        switch result {
        case .failure(let error):
            switch error.kind {
            case .cancelled: return .abandon
            case .unusable: return .fail(reason: error.description)
            case .resolve, .connect, .timeout, .tls, .transfer:
                return .retry(after: backoff(attempt: attempt, jitter: jitter), reason: error.description)
            }
        case .response(let status, let headers, let body):
            switch status {
            case 200..<300:
                return .delivered
            case 408, 500..<600:
                return .retry(after: backoff(attempt: attempt, jitter: jitter), reason: "HTTP \(status)\(excerpt(body))")
            case 429:
                let wait = RetryPolicy.retryAfter(headers["retry-after"], now: now) ?? RetryPolicy.retryAfter(jsonBody: body)
                    ?? backoff(attempt: attempt, jitter: jitter)
                return .retry(after: min(max(0, wait), maxRetryAfter), reason: "HTTP 429 rate limited")
            case 410:
                return .disable(reason: "HTTP 410 Gone: the receiver says this webhook no longer exists\(excerpt(body))")
            case 300..<400:
                return .fail(reason: "HTTP \(status): redirects are not followed; configure the final URL")
            default:
                return .fail(reason: "HTTP \(status)\(excerpt(body))")
            }
        }
    }

    /// `initialBackoff · 2^(attempt-1)`, capped at `maxBackoff`, scaled by `0.5 + jitter/2`.
    public func backoff(attempt: Int, jitter: Double) -> Double {
        let exponent = Double(min(max(attempt, 1) - 1, 62))
        let base = min(maxBackoff, initialBackoff * pow(2, exponent))
        return base * (0.5 + 0.5 * min(max(jitter, 0), 1))
    }

    /// Seconds to wait from a `Retry-After` header: delay-seconds or an HTTP-date.
    public static func retryAfter(_ header: String?, now: Date) -> Double? {
        guard let header = header?.trimmingCharacters(in: .whitespaces), !header.isEmpty else { return nil }
        if let seconds = Double(header), seconds.isFinite { return seconds }
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "GMT")
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss zzz"
        guard let date = formatter.date(from: header) else { return nil }
        return date.timeIntervalSince(now)
    }

    /// Discord's JSON `retry_after` (seconds, possibly fractional).
    public static func retryAfter(jsonBody body: String) -> Double? {
        guard let object = try? JSONSerialization.jsonObject(with: Data(body.utf8)) as? [String: Any],
              let value = object["retry_after"] as? NSNumber
        else { return nil }
        return value.doubleValue
    }

    private func excerpt(_ body: String) -> String {
        let trimmed = body.trimmingCharacters(in: .whitespacesAndNewlines)
        return trimmed.isEmpty ? "" : ": " + String(trimmed.prefix(500))
    }
}
