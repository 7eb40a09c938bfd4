import BorderwatchCore
import Foundation
import Testing
import BorderwatchNotify

@Suite struct RetryPolicyTests {
    let policy = RetryPolicy(initialBackoff: 1, maxBackoff: 300)
    let now = Date(timeIntervalSince1970: 1_700_000_000)

    static func response(_ status: Int, _ headers: [String: String] = [:], _ body: String = "") -> AttemptResult {
        .response(status: status, headers: headers, body: body)
    }

    static func failure(_ kind: TransportError.Kind) -> AttemptResult {
        .failure(TransportError(kind: kind, curlCode: 7, message: "x"))
    }

    enum Expected: Equatable { case delivered, retry(Double), fail, disable, abandon }

    static let table: [(AttemptResult, Int, Expected)] = [
        (response(200), 1, .delivered),
        (response(202), 1, .delivered),
        (response(204), 3, .delivered),
        (response(500), 1, .retry(1)),
        (response(503), 2, .retry(2)),
        (response(502), 4, .retry(8)),
        (response(500), 30, .retry(300)),
        (response(408), 1, .retry(1)),
        (response(429, ["retry-after": "7"]), 1, .retry(7)),
        (response(429, ["retry-after": "Tue, 14 Nov 2023 22:13:40 GMT"]), 1, .retry(20)),
        (response(429, [:], #"{"message": "You are being rate limited.", "retry_after": 0.25, "global": false}"#), 1, .retry(0.25)),
        (response(429), 3, .retry(4)),
        (response(429, ["retry-after": "999999"]), 1, .retry(3600)),
        (response(410), 1, .disable),
        (response(400, [:], "invalid_payload"), 1, .fail),
        (response(401), 1, .fail),
        (response(403), 1, .fail),
        (response(404), 5, .fail),
        (response(413), 1, .fail),
        (response(301, ["location": "https://elsewhere/"]), 1, .fail),
        (failure(.connect), 1, .retry(1)),
        (failure(.timeout), 2, .retry(2)),
        (failure(.resolve), 1, .retry(1)),
        (failure(.tls), 1, .retry(1)),
        (failure(.transfer), 1, .retry(1)),
        (failure(.unusable), 1, .fail),
        (failure(.cancelled), 1, .abandon),
    ]

    @Test func classification() {
        for (result, attempt, expected) in Self.table {
            // jitter 1 gives the full backoff, so the table reads as the schedule.
            let decision = policy.decide(result, attempt: attempt, jitter: 1, now: now)
            let actual: Expected
            switch decision {
            case .delivered: actual = .delivered
            case .retry(let after, _): actual = .retry((after * 1000).rounded() / 1000)
            case .fail: actual = .fail
            case .disable: actual = .disable
            case .abandon: actual = .abandon
            }
            #expect(actual == expected, "\(result) attempt \(attempt)")
        }
    }

    @Test func permanentFailuresKeepTheBody() {
        guard case .fail(let reason) = policy.decide(Self.response(400, [:], "invalid_payload"), attempt: 1, jitter: 0) else {
            Issue.record("400 must fail")
            return
        }
        #expect(reason.contains("400"))
        #expect(reason.contains("invalid_payload"))
    }

    @Test func jitterStaysInTheUpperHalfOfTheBackoff() {
        for attempt in 1...12 {
            let full = policy.backoff(attempt: attempt, jitter: 1)
            let least = policy.backoff(attempt: attempt, jitter: 0)
            #expect(least == full / 2)
            #expect(full <= 300)
        }
    }
}
