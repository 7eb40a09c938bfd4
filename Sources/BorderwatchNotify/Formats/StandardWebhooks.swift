import Crypto
import Foundation

/// A `generic` destination's secret that is not `whsec_` followed by base64.
public struct SigningSecretError: Error, CustomStringConvertible {
    public var destination: String?
    public var description: String {
        "the signing secret\(destination.map { " of destination '\($0)'" } ?? "") is not 'whsec_' followed by base64; the secret itself is not shown"
    }
}

/// Standard Webhooks (standardwebhooks.com) signing: `webhook-id`, `webhook-timestamp`
/// and `webhook-signature: v1,<base64 HMAC-SHA256 of "id.timestamp.body">`.
public enum StandardWebhooks {
    /// The HMAC key of a `whsec_<base64>` secret.
    public static func key(secret: String) throws -> SymmetricKey {
        let encoded = secret.hasPrefix("whsec_") ? String(secret.dropFirst(6)) : secret
        guard let bytes = Data(base64Encoded: encoded), !bytes.isEmpty else { throw SigningSecretError() }
        return SymmetricKey(data: bytes)
    }

    /// `v1,<base64 signature>` of `body` sent with `id` at `timestamp` (whole seconds).
    public static func signature(id: String, timestamp: Int, body: Data, key: SymmetricKey) -> String {
        var content = Data("\(id).\(timestamp).".utf8)
        content.append(body)
        let mac = HMAC<SHA256>.authenticationCode(for: content, using: key)
        return "v1," + Data(mac).base64EncodedString()
    }

    /// The three headers; without a secret, the id and timestamp only.
    static func headers(id: String, timestamp: Date, body: Data, secret: String?) throws -> [WebhookRequest.Header] {
        let seconds = Int(timestamp.timeIntervalSince1970)
        var headers = [WebhookRequest.Header("webhook-id", id), WebhookRequest.Header("webhook-timestamp", String(seconds))]
        if let secret, !secret.isEmpty {
            headers.append(WebhookRequest.Header("webhook-signature",
                                                 signature(id: id, timestamp: seconds, body: body, key: try key(secret: secret))))
        }
        return headers
    }
}
