/// A configuration that cannot be used, saying which key is wrong and what to write instead.
public struct ConfigurationError: Error, CustomStringConvertible, Equatable {
    /// The dotted key at fault, such as `rules.daily_record.scope`; `nil` for file-level problems.
    public var key: String?
    /// What is wrong and how to fix it.
    public var message: String
    /// The file the configuration came from, when there was one.
    public var file: String?

    public init(key: String?, message: String, file: String? = nil) {
        self.key = key
        self.message = message
        self.file = file
    }

    public var description: String {
        var text = ""
        if let file { text += "\(file): " }
        if let key { text += "\(key): " }
        return text + message
    }
}
