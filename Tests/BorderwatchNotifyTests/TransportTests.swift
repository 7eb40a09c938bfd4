import BorderwatchCore
import BorderwatchTestSupport
import Foundation
import Testing
import BorderwatchNotify

@Suite struct TransportTests {
    func delivery(connect: Double = 2, total: Double = 2) -> DeliveryConfiguration {
        var delivery = DeliveryConfiguration()
        delivery.connectTimeout = connect
        delivery.totalTimeout = total
        return delivery
    }

    @Test func postsHeadersAndBodyAndReadsTheReply() async throws {
        let receiver = try WebhookReceiver(script: [.init(status: 201, headers: [("Retry-After", "3")], body: "created")])
        defer { receiver.stop() }
        let body = Data(String(repeating: "x", count: 5000).utf8)
        let request = WebhookRequest(url: receiver.url + "/hook?token=T", headers: [.init("Content-Type", "application/json"), .init("webhook-id", "a1")], body: body)
        let result = await CurlTransport().post(request, delivery: delivery())
        #expect(result == .response(status: 201, headers: ["retry-after": "3", "content-length": "7"], body: "created"))
        let received = try #require(receiver.requests.first)
        #expect(received.method == "POST")
        #expect(received.target == "/hook?token=T")
        #expect(received.headers["webhook-id"] == "a1")
        #expect(received.headers["expect"] == nil)
        #expect(received.body == body)
    }

    @Test func reusesOneConnectionForSeveralPosts() async throws {
        let receiver = try WebhookReceiver()
        defer { receiver.stop() }
        let transport = CurlTransport()
        for index in 0..<3 {
            let result = await transport.post(WebhookRequest(url: receiver.url, headers: [], body: Data("\(index)".utf8)), delivery: delivery())
            #expect(result == .response(status: 200, headers: ["content-length": "2"], body: "ok"))
        }
        #expect(receiver.requests.map(\.text) == ["0", "1", "2"])
    }

    @Test func slowReceiverTimesOut() async throws {
        let receiver = try WebhookReceiver(script: [.init(status: 200, delay: 10)])
        defer { receiver.stop() }
        let started = Date()
        let result = await CurlTransport().post(WebhookRequest(url: receiver.url, headers: [], body: Data()), delivery: delivery(total: 0.3))
        guard case .failure(let error) = result else { Issue.record("expected a timeout, got \(result)"); return }
        #expect(error.kind == .timeout)
        // curl gives up after 0.3 s, but getting back onto the concurrency pool took up to 6 s while
        // the CPU-bound tests of other modules ran in parallel: only "before the reply" is asserted.
        #expect(Date().timeIntervalSince(started) < 9.5)
    }

    @Test func connectionRefusedIsAConnectErrorWithoutTheSecret() async throws {
        let port = try WebhookReceiver.closedPort()
        let url = "http://127.0.0.1:\(port)/services/SECRETTOKEN"
        let result = await CurlTransport().post(WebhookRequest(url: url, headers: [], body: Data()), delivery: delivery(),
                                                secrets: ["/services/SECRETTOKEN"])
        guard case .failure(let error) = result else { Issue.record("expected refusal, got \(result)"); return }
        #expect(error.kind == .connect)
        #expect(!error.description.contains("SECRETTOKEN"))
    }

    @Test func redirectsAreNotFollowed() async throws {
        let receiver = try WebhookReceiver(script: [.init(status: 302, headers: [("Location", "/elsewhere")])])
        defer { receiver.stop() }
        let result = await CurlTransport().post(WebhookRequest(url: receiver.url, headers: [], body: Data()), delivery: delivery())
        guard case .response(let status, _, _) = result else { Issue.record("\(result)"); return }
        #expect(status == 302)
        #expect(receiver.requests.count == 1)
    }

    @Test func otherProtocolsAreRefused() async throws {
        let result = await CurlTransport().post(WebhookRequest(url: "file:///etc/passwd", headers: [], body: Data()), delivery: delivery())
        guard case .failure(let error) = result else { Issue.record("\(result)"); return }
        #expect(error.kind == .unusable)
    }

    @Test func cancellationAbandonsTheRequestAtOnce() async throws {
        let receiver = try WebhookReceiver(script: [.init(status: 200, delay: 5)])
        defer { receiver.stop() }
        let transport = CurlTransport()
        let task = Task { await transport.post(WebhookRequest(url: receiver.url, headers: [], body: Data()), delivery: delivery(total: 10)) }
        _ = await receiver.waitForRequests(1)
        let started = Date()
        task.cancel()
        let result = await task.value
        // Milliseconds, but the whole suite runs in parallel on 2 cores: allow for scheduling delays
        // while still far under the receiver's 5 s.
        #expect(Date().timeIntervalSince(started) < 3)
        guard case .failure(let error) = result else { Issue.record("\(result)"); return }
        #expect(error.kind == .cancelled)
    }
}
