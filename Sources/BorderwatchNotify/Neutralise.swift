/// Text from articles made inert for each chat tool: no pings, no links, no markup.
///
/// Zero-width space (U+200B) breaks a token without changing what a reader sees: it is
/// what discord.js's `cleanContent` puts after `@`, and it stops Slack's and Google Chat's
/// emphasis markers from pairing up.
enum Neutralise {
    static let zeroWidthSpace: Character = "\u{200B}"

    /// Slack mrkdwn: `& < >` as entities (which also kills `<!channel>`, `<@U…>` and
    /// `<url|text>` links), emphasis markers and `@` broken with a zero-width space.
    static func slack(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for character in text {
            switch character {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "*", "_", "~", "`": out.append(zeroWidthSpace); out.append(character)
            case "@": out.append(character); out.append(zeroWidthSpace)
            default: out.append(character)
            }
        }
        return out
    }

    /// Google Chat text: `<users/all>` mentions and `<url|text>` links broken after `<`,
    /// emphasis markers and `@` broken with a zero-width space.
    static func googleChat(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for character in text {
            switch character {
            case "<", "@": out.append(character); out.append(zeroWidthSpace)
            case "*", "_", "~", "`": out.append(zeroWidthSpace); out.append(character)
            default: out.append(character)
            }
        }
        return out
    }

    /// CommonMark (Discord, Mattermost): every ASCII punctuation mark that Markdown or the
    /// tool reads (emphasis, links, headings, quotes, spoilers, HTML, emoji shortcodes) is
    /// backslash-escaped, and `@` gets a zero-width space so `@everyone`, `@here`,
    /// `@channel`, `@all` and `@user` never ping, whatever the receiver's settings.
    static func markdown(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for character in text {
            switch character {
            case "\\", "`", "*", "_", "~", "[", "]", "(", ")", "#", "<", ">", "|", "!", ":", "-", "+", "{", "}":
                out.append("\\"); out.append(character)
            case "@": out.append(character); out.append(zeroWidthSpace)
            default: out.append(character)
            }
        }
        return out
    }

    /// One line: newlines and other control characters become spaces, so text cannot
    /// start a Markdown block (heading, quote, list) on a line of its own.
    static func line(_ text: String) -> String {
        String(text.map { $0.isNewline || $0.asciiValue.map { $0 < 0x20 || $0 == 0x7F } == true ? " " : $0 })
    }
}

/// The visible marker that ends a truncated text: no ASCII punctuation, so no tool's
/// escaping changes it.
let truncationMarker = "… ✂ truncated"

extension String {
    /// At most `limit` units (as counted by `count`), ending with `truncationMarker` when
    /// cut. Cuts between characters, never inside a grapheme or an escape sequence of
    /// the form `\x` or `&…;` produced by `Neutralise`.
    func truncated(to limit: Int, count: (Substring) -> Int = { $0.count }) -> String {
        if count(Substring(self)) <= limit { return self }
        let budget = limit - count(Substring(truncationMarker))
        guard budget > 0 else { return String(truncationMarker.prefix(max(0, limit))) }
        // Binary search over character offsets for the longest prefix within budget.
        var low = 0, high = self.count
        while low < high {
            let mid = (low + high + 1) / 2
            if count(self.prefix(mid)) <= budget { low = mid } else { high = mid - 1 }
        }
        var prefix = self.prefix(low)
        // Do not leave half an escape behind.
        if prefix.last == "\\" { prefix = prefix.dropLast() }
        if let amp = prefix.lastIndex(of: "&"), !prefix[amp...].contains(";") { prefix = prefix[..<amp] }
        return prefix + truncationMarker
    }

    /// Truncation counted in UTF-16 code units (Discord's limits).
    func truncated(utf16 limit: Int) -> String { truncated(to: limit) { $0.utf16.count } }

    /// Truncation counted in UTF-8 bytes.
    func truncated(bytes limit: Int) -> String { truncated(to: limit) { $0.utf8.count } }
}
