/// A table of phrases (one or more lower-case words) mapped to a value, matched word by word.
///
/// Stored as a trie over words, so matching the longest phrase at a position costs one hash
/// lookup per word and allocates nothing.
public struct PhraseTable: Sendable {
    struct Node: Sendable {
        var value: String?
        var children: [String: Int] = [:]
    }
    private(set) var nodes: [Node] = [Node()]

    public init() {}

    /// Adds `phrase` (words separated by single spaces) with `value`; a later entry replaces an earlier one.
    public mutating func insert(_ phrase: String, value: String) {
        var node = 0
        for word in phrase.split(separator: " ") {
            let key = String(word)
            if let next = nodes[node].children[key] {
                node = next
            } else {
                nodes.append(Node())
                nodes[node].children[key] = nodes.count - 1
                node = nodes.count - 1
            }
        }
        nodes[node].value = value
    }

    /// The value of a one-word phrase.
    public subscript(word: some StringProtocol) -> String? {
        guard let node = nodes[0].children[String(word)] else { return nil }
        return nodes[node].value
    }

    /// The longest phrase starting at `start` in `words`: its value and how many words it spans.
    public func longestMatch(in words: some RandomAccessCollection<String>, at start: Int) -> (value: String, length: Int)? {
        var node = 0
        var best: (String, Int)?
        var index = words.index(words.startIndex, offsetBy: start)
        var length = 0
        while index != words.endIndex, let next = nodes[node].children[words[index]] {
            node = next
            length += 1
            if let value = nodes[node].value { best = (value, length) }
            index = words.index(after: index)
        }
        return best
    }

    /// Every phrase with its value, in no particular order.
    public var entries: [(phrase: String, value: String)] {
        var result: [(String, String)] = []
        func walk(_ node: Int, _ words: [String]) {
            if let value = nodes[node].value { result.append((words.joined(separator: " "), value)) }
            for (word, child) in nodes[node].children { walk(child, words + [word]) }
        }
        walk(0, [])
        return result
    }
}
