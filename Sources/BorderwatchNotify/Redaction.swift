import BorderwatchCore
import Foundation

/// A webhook URL with everything secret removed: `scheme://host[:port]/…`.
///
/// Chat webhook URLs carry their credential in the path or query (Slack, Discord,
/// Teams, Google Chat), so only the scheme, host and port are ever logged or printed.
public func redacted(url: String) -> String {
    guard let components = URLComponents(string: url), let scheme = components.scheme,
          let host = components.host, !host.isEmpty
    else { return "<unparseable URL>" }
    var text = "\(scheme)://\(host.contains(":") ? "[\(host)]" : host)"
    if let port = components.port { text += ":\(port)" }
    let path = components.percentEncodedPath
    if (!path.isEmpty && path != "/") || components.percentEncodedQuery != nil || components.fragment != nil {
        text += "/…"
    }
    return text
}

/// `text` (typically libcurl's error buffer or a receiver's reply) with every URL
/// replaced by its `redacted(url:)` form and every given secret (a URL's path and
/// query, a signing key) replaced by `…`.
public func scrubbed(_ text: String, secrets: [String]) -> String {
    var out = ""
    var rest = Substring(text)
    while let range = rest.range(of: "://") {
        // Walk back over the scheme, forward to the end of the URL.
        var start = range.lowerBound
        while start > rest.startIndex {
            let before = rest.index(before: start)
            guard rest[before].isLetter || rest[before].isNumber || "+-.".contains(rest[before]) else { break }
            start = before
        }
        var end = range.upperBound
        while end < rest.endIndex, !rest[end].isWhitespace, !"\"'<>`".contains(rest[end]) { end = rest.index(after: end) }
        out += rest[rest.startIndex..<start]
        out += redacted(url: String(rest[start..<end]))
        rest = rest[end...]
    }
    out += rest
    for secret in secrets where secret.count >= 4 {
        out = out.replacingOccurrences(of: secret, with: "…")
    }
    return out
}

extension Destination {
    /// The parts of this destination that must never appear in a log line:
    /// the URL's path and query (chat tools put their tokens there) and the signing secret.
    public var secretParts: [String] {
        var parts: [String] = []
        if let components = URLComponents(string: url) {
            if components.percentEncodedPath.count > 1 { parts.append(components.percentEncodedPath) }
            if let query = components.percentEncodedQuery { parts.append(query) }
        }
        if let secret, !secret.isEmpty {
            parts.append(secret)
            if secret.hasPrefix("whsec_") { parts.append(String(secret.dropFirst(6))) }
        }
        return parts.sorted { $0.count > $1.count }
    }
}
