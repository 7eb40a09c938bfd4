import BorderwatchCore
import BorderwatchStore
import BorderwatchTestSupport
import Crypto
import Foundation
import Logging
import Testing
@testable import BorderwatchNotify

/// The notifier against a real receiver on 127.0.0.1 and a real SQLite file.
@Suite struct NotifierTests {
    static func delivery(total: Double = 2, initialBackoff: Double = 0.05) -> DeliveryConfiguration {
        var delivery = DeliveryConfiguration()
        delivery.connectTimeout = 1
        delivery.totalTimeout = total
        delivery.initialBackoff = initialBackoff
        delivery.maxBackoff = 0.2
        return delivery
    }

    /// Runs a notifier until the returned task is cancelled.
    static func start(_ fixture: OutboxFixture, _ destinations: [Destination], delivery: DeliveryConfiguration = delivery(),
                      logger: Logger = Logger(label: "test")) -> (Notifier, Task<Void, Error>) {
        let notifier = Notifier(databasePath: fixture.path, destinations: destinations, delivery: delivery, logger: logger, idleRecheck: 0.5)
        return (notifier, Task { try await notifier.run() })
    }

    static func alert(_ n: Int) -> AlertEvent { Samples.alert(id: "alert-\(n)") }

    @Test func deliversSignedGenericAlertAndMarksItDelivered() async throws {
        let fixture = try OutboxFixture()
        let receiver = try WebhookReceiver()
        defer { receiver.stop() }
        let secret = "whsec_" + Data((0..<24).map { UInt8($0 * 7 % 256) }).base64EncodedString()
        let (notifier, task) = Self.start(fixture, [Destination(name: "hook", format: .generic, url: receiver.url + "/in", secret: secret)])
        defer { task.cancel() }
        try fixture.insert(Self.alert(1), destinations: ["hook"])
        notifier.wake()
        let request = try #require(await receiver.waitForRequests(1).first)
        let id = try #require(request.headers["webhook-id"])
        let timestamp = try #require(request.headers["webhook-timestamp"])
        #expect(id == "alert-1")
        #expect(request.headers["webhook-signature"] == SigningTests.expectedSignature(secret: secret, id: id, timestamp: timestamp, body: request.body))
        #expect(abs((Double(timestamp) ?? 0) - Date().timeIntervalSince1970) < 10)
        let decoded = try JSONDecoder().decode(AlertEvent.self, from: request.body)
        #expect(decoded == Self.alert(1))
        let rows = try await fixture.waitFor { $0.first?.state == .delivered }
        #expect(rows.first?.state == .delivered)
        #expect(rows.first?.lastStatus == 200)
        #expect(rows.first?.attempts == 1)
    }

    @Test func serverErrorIsRetriedWithTheSameId() async throws {
        let fixture = try OutboxFixture()
        let receiver = try WebhookReceiver(script: [.init(status: 500, body: "oops"), .init(status: 200)])
        defer { receiver.stop() }
        let (notifier, task) = Self.start(fixture, [Destination(name: "hook", format: .generic, url: receiver.url)])
        defer { task.cancel() }
        try fixture.insert(Self.alert(1), destinations: ["hook"])
        notifier.wake()
        let requests = await receiver.waitForRequests(2)
        #expect(requests.map { $0.headers["webhook-id"] } == ["alert-1", "alert-1"])
        let rows = try await fixture.waitFor { $0.first?.state == .delivered }
        #expect(rows.first?.state == .delivered)
        #expect(rows.first?.attempts == 2)
    }

    @Test func rateLimitHonoursRetryAfter() async throws {
        let fixture = try OutboxFixture()
        let receiver = try WebhookReceiver(script: [.init(status: 429, headers: [("Retry-After", "1")]), .init(status: 204)])
        defer { receiver.stop() }
        let (notifier, task) = Self.start(fixture, [Destination(name: "hook", format: .discord, url: receiver.url + "/api/webhooks/1/T")])
        defer { task.cancel() }
        try fixture.insert(Self.alert(1), destinations: ["hook"])
        notifier.wake()
        let requests = await receiver.waitForRequests(2)
        try #require(requests.count == 2)
        let gap = requests[1].receivedAt.timeIntervalSince(requests[0].receivedAt)
        #expect(gap >= 0.95)
        #expect(gap < 2)
        let json = try #require(requests[1].json)
        #expect((json["allowed_mentions"] as? [String: Any])?["parse"] as? [Any] != nil)
    }

    @Test func slowReceiverTimesOutAndIsRetried() async throws {
        let fixture = try OutboxFixture()
        let receiver = try WebhookReceiver(script: [.init(status: 200, delay: 1.5)])
        defer { receiver.stop() }
        let (notifier, task) = Self.start(fixture, [Destination(name: "hook", format: .slack, url: receiver.url + "/services/T/B/X")],
                                          delivery: Self.delivery(total: 0.3))
        defer { task.cancel() }
        try fixture.insert(Self.alert(1), destinations: ["hook"])
        notifier.wake()
        let rows = try await fixture.waitFor { $0.first?.state == .delivered }
        #expect(rows.first?.state == .delivered)
        #expect((rows.first?.attempts ?? 0) >= 2)
        #expect(receiver.requests.count >= 2)
    }

    @Test func receiverDownThenUpLosesNothing() async throws {
        let fixture = try OutboxFixture()
        let port = try WebhookReceiver.closedPort()
        let (notifier, task) = Self.start(fixture, [Destination(name: "hook", format: .mattermost, url: "http://127.0.0.1:\(port)/hooks/abc")])
        defer { task.cancel() }
        try fixture.insert(Self.alert(1), destinations: ["hook"])
        try fixture.insert(Self.alert(2), destinations: ["hook"])
        notifier.wake()
        let refused = try await fixture.waitFor { ($0.first?.attempts ?? 0) >= 2 }
        #expect(refused.allSatisfy { $0.state == .pending })
        #expect(refused.first?.lastError?.contains("connect") == true)
        let receiver = try WebhookReceiver(port: port)
        defer { receiver.stop() }
        let rows = try await fixture.waitFor { $0.allSatisfy { $0.state == .delivered } }
        #expect(rows.map(\.state) == [.delivered, .delivered])
        #expect(receiver.requests.count == 2)
    }

    @Test func restartDeliversRetriesLeftPending() async throws {
        let fixture = try OutboxFixture()
        let receiver = try WebhookReceiver(script: [.init(status: 503)])
        defer { receiver.stop() }
        let destination = Destination(name: "hook", format: .generic, url: receiver.url)
        let (first, firstTask) = Self.start(fixture, [destination], delivery: Self.delivery(initialBackoff: 30))
        try fixture.insert(Self.alert(1), destinations: ["hook"])
        first.wake()
        let pending = try await fixture.waitFor { $0.first?.attempts == 1 }
        firstTask.cancel()
        _ = try? await firstTask.value
        #expect(pending.first?.state == .pending)
        #expect(pending.first?.lastStatus == 503)
        // A new notifier on the same file; the row is due in 30 s, so make it due now as a
        // restart after that time would find it.
        try fixture.database.run("UPDATE deliveries SET next_attempt_at = 0")
        let (_, secondTask) = Self.start(fixture, [destination])
        defer { secondTask.cancel() }
        let rows = try await fixture.waitFor { $0.first?.state == .delivered }
        #expect(rows.first?.state == .delivered)
        #expect(rows.first?.attempts == 2)
        #expect(receiver.requests.map { $0.headers["webhook-id"] } == ["alert-1", "alert-1"])
    }

    @Test func orderIsKeptPerDestination() async throws {
        let fixture = try OutboxFixture()
        let receiver = try WebhookReceiver(script: [.init(status: 500), .init(status: 500)])
        defer { receiver.stop() }
        for n in 1...3 { try fixture.insert(Self.alert(n), destinations: ["hook"]) }
        let (_, task) = Self.start(fixture, [Destination(name: "hook", format: .generic, url: receiver.url)])
        defer { task.cancel() }
        _ = try await fixture.waitFor { $0.allSatisfy { $0.state == .delivered } }
        #expect(receiver.requests.map { $0.headers["webhook-id"] ?? "" } == ["alert-1", "alert-1", "alert-1", "alert-2", "alert-3"])
    }

    @Test func goneDisablesTheDestinationUntilRequeued() async throws {
        let fixture = try OutboxFixture()
        let receiver = try WebhookReceiver(script: [.init(status: 410, body: "Unknown Webhook")])
        defer { receiver.stop() }
        let recorder = LogRecorder()
        let (notifier, task) = Self.start(fixture, [Destination(name: "hook", format: .discord, url: receiver.url + "/api/webhooks/1/T")],
                                          logger: recorder.logger())
        defer { task.cancel() }
        try fixture.insert(Self.alert(1), destinations: ["hook"])
        try fixture.insert(Self.alert(2), destinations: ["hook"])
        notifier.wake()
        _ = await receiver.waitForRequests(1)
        try await Task.sleep(nanoseconds: 300_000_000)
        #expect(receiver.requests.count == 1)
        #expect(try fixture.outbox.disabled("hook")?.reason.contains("410") == true)
        #expect(recorder.all.contains { $0.contains("destination disabled") })
        #expect(try fixture.outbox.list(state: .pending).count == 2)
        #expect(try fixture.outbox.requeue(alert: "alert-1", now: Date()) == ["hook"])
        #expect(try fixture.outbox.disabled("hook") == nil)
        notifier.wake()
        let rows = try await fixture.waitFor { $0.allSatisfy { $0.state == .delivered } }
        #expect(rows.map(\.state) == [.delivered, .delivered])
    }

    @Test func otherClientErrorsFailForGoodWithTheBody() async throws {
        let fixture = try OutboxFixture()
        let receiver = try WebhookReceiver(script: [.init(status: 400, body: "invalid_blocks")])
        defer { receiver.stop() }
        let (notifier, task) = Self.start(fixture, [Destination(name: "hook", format: .slack, url: receiver.url + "/services/T/B/X")])
        defer { task.cancel() }
        try fixture.insert(Self.alert(1), destinations: ["hook"])
        try fixture.insert(Self.alert(2), destinations: ["hook"])
        notifier.wake()
        let rows = try await fixture.waitFor { $0.allSatisfy { $0.state != .pending } }
        #expect(rows.map(\.state) == [.failed, .delivered])
        #expect(rows.first?.lastStatus == 400)
        #expect(rows.first?.lastError?.contains("invalid_blocks") == true)
    }

    @Test func secretsNeverReachTheLog() async throws {
        let fixture = try OutboxFixture()
        let port = try WebhookReceiver.closedPort()
        let recorder = LogRecorder()
        let secret = "whsec_" + Data("k3y-material-that-is-secret".utf8).base64EncodedString()
        let url = "http://127.0.0.1:\(port)/services/SECRETPATH?token=SECRETQUERY"
        let (notifier, task) = Self.start(fixture, [Destination(name: "hook", format: .generic, url: url, secret: secret)],
                                          logger: recorder.logger())
        try fixture.insert(Self.alert(1), destinations: ["hook"])
        notifier.wake()
        let rows = try await fixture.waitFor { ($0.first?.attempts ?? 0) >= 2 }
        task.cancel()
        let lines = recorder.all
        #expect(lines.count >= 2)
        for line in lines + rows.compactMap(\.lastError) {
            #expect(!line.contains("SECRETPATH"))
            #expect(!line.contains("SECRETQUERY"))
            #expect(!line.contains(secret))
        }
        #expect(lines.contains { $0.contains("http://127.0.0.1:\(port)/…") })
    }

    @Test func shutdownAbandonsTheRequestInFlightQuickly() async throws {
        let fixture = try OutboxFixture()
        let receiver = try WebhookReceiver(script: [.init(status: 200, delay: 5)])
        defer { receiver.stop() }
        let (notifier, task) = Self.start(fixture, [Destination(name: "hook", format: .generic, url: receiver.url)],
                                          delivery: Self.delivery(total: 10))
        try fixture.insert(Self.alert(1), destinations: ["hook"])
        notifier.wake()
        _ = await receiver.waitForRequests(1)
        let started = Date()
        task.cancel()
        _ = try? await task.value
        #expect(Date().timeIntervalSince(started) < 1)
        let rows = try fixture.outbox.list()
        #expect(rows.first?.state == .pending)
        #expect(rows.first?.attempts == 0)
    }

    /// Issue item 8: an alert committed to the outbox reaches a loopback receiver within
    /// 50 ms when the notifier is woken.
    @Test func wokenNotifierPostsWithin50Milliseconds() async throws {
        let fixture = try OutboxFixture()
        let receiver = try WebhookReceiver()
        defer { receiver.stop() }
        let (notifier, task) = Self.start(fixture, [Destination(name: "hook", format: .generic, url: receiver.url)])
        defer { task.cancel() }
        try await Task.sleep(nanoseconds: 100_000_000)
        var latencies: [Double] = []
        for n in 1...5 {
            try fixture.insert(Self.alert(n), destinations: ["hook"])
            let committed = Date()
            notifier.wake()
            let requests = await receiver.waitForRequests(n, timeout: 2)
            try #require(requests.count == n)
            latencies.append(requests[n - 1].receivedAt.timeIntervalSince(committed) * 1000)
        }
        let median = latencies.sorted()[2]
        #expect(median <= 50, "latencies in ms: \(latencies)")
    }
}
