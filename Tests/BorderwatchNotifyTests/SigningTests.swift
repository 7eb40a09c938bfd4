import BorderwatchCore
import Crypto
import Foundation
import Testing
import BorderwatchNotify

/// The Standard Webhooks signature, recomputed here from the spec, not from the sender's code.
@Suite struct SigningTests {
    static func expectedSignature(secret: String, id: String, timestamp: String, body: Data) -> String {
        let key = SymmetricKey(data: Data(base64Encoded: String(secret.dropFirst("whsec_".count)))!)
        let signed = Data("\(id).\(timestamp).".utf8) + body
        return "v1," + Data(HMAC<SHA256>.authenticationCode(for: signed, using: key)).base64EncodedString()
    }

    @Test func knownVector() throws {
        // The example of the Standard Webhooks specification.
        let secret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"
        let body = Data(#"{"test": 2432232314}"#.utf8)
        let key = try StandardWebhooks.key(secret: secret)
        let signature = StandardWebhooks.signature(id: "msg_p5jXN8AQM9LWM0D4loKWxJek", timestamp: 1614265330, body: body, key: key)
        #expect(signature == "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=")
    }

    @Test func renderedRequestVerifies() throws {
        let secret = "whsec_" + Data((0..<32).map { UInt8($0) }).base64EncodedString()
        let request = try WebhookRequest.render(Samples.alert(), for: Destination(name: "g", format: .generic, url: "http://x/", secret: secret))
        let headers = Dictionary(uniqueKeysWithValues: request.headers.map { ($0.name, $0.value) })
        let id = try #require(headers["webhook-id"])
        let timestamp = try #require(headers["webhook-timestamp"])
        #expect(headers["webhook-signature"] == SigningTests.expectedSignature(secret: secret, id: id, timestamp: timestamp, body: request.body))
    }
}
