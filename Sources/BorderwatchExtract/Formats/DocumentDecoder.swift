import BorderwatchCore

/// Detects an article's input format from its content and decodes it into a `Document`.
public enum DocumentDecoder {
    /// Decodes `bytes` leniently: invalid UTF-8 becomes U+FFFD, never a failure.
    public static func decode(_ bytes: [UInt8], fileName: String) -> Document {
        let text = String(decoding: bytes, as: UTF8.self)
        return PlainText.decode(text)
    }
}
