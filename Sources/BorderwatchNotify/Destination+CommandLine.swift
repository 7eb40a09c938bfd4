import BorderwatchCore
import Crypto
import Foundation

/// A `--webhook` value that cannot be used; the message never contains the URL's secret part.
public struct DestinationParseError: Error, CustomStringConvertible, Equatable {
    public var description: String
}

extension Destination {
    /// Parses a destination named on the command line: `FORMAT=URL` (`discord=https://…`)
    /// or a bare URL, which means `generic`.
    ///
    /// The name is `FORMAT-` followed by 8 hex digits of the URL's SHA-256, so the same URL
    /// keeps the same name (and its outbox rows) across restarts without the secret showing.
    public static func parse(commandLine value: String, secret: String? = nil) throws -> Destination {
        let trimmed = value.trimmingCharacters(in: .whitespaces)
        var format = DestinationFormat.generic
        var url = trimmed
        if let equals = trimmed.firstIndex(of: "="), !trimmed[..<equals].contains("://"),
           !trimmed[..<equals].contains("/") {
            let word = trimmed[..<equals].lowercased()
            guard let named = DestinationFormat(rawValue: word) else {
                let known = DestinationFormat.allCases.map(\.rawValue).joined(separator: ", ")
                throw DestinationParseError(description: "unknown webhook format '\(word)': use one of \(known), as FORMAT=URL, or a bare URL for generic")
            }
            format = named
            url = String(trimmed[trimmed.index(after: equals)...])
        }
        guard let components = URLComponents(string: url), let scheme = components.scheme?.lowercased(),
              scheme == "http" || scheme == "https", let host = components.host, !host.isEmpty
        else {
            throw DestinationParseError(description: "webhook URL \(redacted(url: url)) is not an http:// or https:// URL with a host")
        }
        let digest = SHA256.hash(data: Data(url.utf8)).prefix(4).map { String(format: "%02x", $0) }.joined()
        return Destination(name: "\(format.rawValue)-\(digest)", format: format, url: url, secret: secret)
    }
}
