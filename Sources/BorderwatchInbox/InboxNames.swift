/// Which names in the inbox are articles, and what a moved file is called. Pure.
public enum InboxNames {
    /// Suffixes of files still being written by editors, downloaders and copy tools.
    static let temporarySuffixes = ["~", ".tmp", ".part", ".swp", ".crdownload"]

    /// True for names to leave alone until renamed to a real name: dotfiles (`.x`, `.#x`),
    /// backups (`x~`) and partial files (`*.tmp`, `*.part`, `*.swp`, `*.crdownload`).
    public static func isTemporary(_ name: String) -> Bool {
        if name.isEmpty || name.hasPrefix(".") { return true }
        let lower = name.lowercased()
        return temporarySuffixes.contains { lower.hasSuffix($0) }
    }

    /// `name` if it is free, else `stem-N.ext` with the smallest N ≥ 1 that is free, so a later
    /// file never overwrites an earlier one of the same name.
    public static func freeName(for name: String, isTaken: (String) -> Bool) -> String {
        guard isTaken(name) else { return name }
        let stem: Substring, ext: Substring
        if let dot = name.lastIndex(of: "."), dot != name.startIndex {
            stem = name[..<dot]
            ext = name[dot...]
        } else {
            stem = name[...]
            ext = ""
        }
        var n = 1
        while isTaken("\(stem)-\(n)\(ext)") { n += 1 }
        return "\(stem)-\(n)\(ext)"
    }
}
