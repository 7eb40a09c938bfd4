/// Numbers every word any lexicon table uses, so that tables match on small integers instead
/// of hashing strings again for every table.
///
/// Looked up by a 64-bit FNV-1a hash of the word's UTF-8 bytes in an open-addressing table kept
/// at most a quarter full and small enough to stay in cache: one pass over the bytes per token,
/// no `Hasher`. Two words sharing a 64-bit hash are not told apart.
struct WordIndex: Sendable {
    /// A hash and its word id side by side, so a probe reads one cache line.
    private struct Slot {
        var hash: UInt64 = 0  // 0 marks an empty slot
        var id: Int32 = -1
    }
    private var slots = [Slot](repeating: Slot(), count: 1 << 10)
    private(set) var count = 0

    static func hash(_ bytes: some Sequence<UInt8>) -> UInt64 {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes {
            h = (h ^ UInt64(byte)) &* 0x0000_0100_0000_01b3
        }
        return h | 1  // 0 marks an empty slot
    }

    private func slot(_ h: UInt64) -> Int {
        let mask = slots.count - 1
        var i = Int(truncatingIfNeeded: h >> 17) & mask
        while slots[i].hash != 0 && slots[i].hash != h { i = (i + 1) & mask }
        return i
    }

    /// The id of `word`, or -1 when no table uses it.
    func id(_ word: some StringProtocol) -> Int32 { id(hash: WordIndex.hash(word.utf8)) }

    /// The id of the word whose `hash` is given.
    func id(hash: UInt64) -> Int32 { slots[slot(hash)].id }

    mutating func add(_ word: String) -> Int32 {
        let h = WordIndex.hash(word.utf8)
        let i = slot(h)
        if slots[i].hash == h { return slots[i].id }
        slots[i] = Slot(hash: h, id: Int32(count))
        count += 1
        if count * 4 > slots.count {
            let old = slots.filter { $0.hash != 0 }
            slots = [Slot](repeating: Slot(), count: slots.count * 2)
            for entry in old { slots[slot(entry.hash)] = entry }
        }
        return Int32(count - 1)
    }
}

/// A `PhraseTable` compiled against a `WordIndex`: the first word is found by array indexing,
/// later words through one open-addressing table of trie edges keyed by (node, word id).
struct WordTable: Sendable {
    private var root: [Int32]
    private var values: [String?] = [nil]
    /// Edge keys `node << 32 | word` (0 marks an empty slot: node 0 is never a parent) and their child nodes.
    private var edgeKeys: [UInt64] = Array(repeating: 0, count: 16)
    private var edgeTargets: [Int32] = Array(repeating: -1, count: 16)
    private var edgeCount = 0
    private let index: WordIndex

    /// Compiles `tables` against one shared index (the index grows to hold all their words).
    static func compile(_ tables: [PhraseTable]) -> [WordTable] {
        var index = WordIndex()
        let encoded = tables.map { table in
            table.entries.map { entry in (entry.phrase.split(separator: " ").map { index.add(String($0)) }, entry.value) }
        }
        return encoded.map { entries in
            var table = WordTable(root: Array(repeating: -1, count: index.count), index: index)
            for (words, value) in entries { table.insert(words, value: value) }
            return table
        }
    }

    private init(root: [Int32], index: WordIndex) {
        self.root = root
        self.index = index
    }

    private static func edgeKey(_ node: Int32, _ word: Int32) -> UInt64 {
        UInt64(UInt32(bitPattern: node)) << 32 | UInt64(UInt32(bitPattern: word))
    }

    /// The slot of `key` in the edge table: where it is, or the empty slot where it belongs.
    private func edgeSlot(_ key: UInt64) -> Int {
        let mask = edgeKeys.count - 1
        var i = Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> 40) & mask
        while edgeKeys[i] != 0 && edgeKeys[i] != key { i = (i + 1) & mask }
        return i
    }

    private func child(_ node: Int32, _ word: Int32) -> Int32? {
        let slot = edgeSlot(WordTable.edgeKey(node, word))
        return edgeKeys[slot] != 0 ? edgeTargets[slot] : nil
    }

    private mutating func addEdge(_ node: Int32, _ word: Int32, to target: Int32) {
        if (edgeCount + 1) * 2 > edgeKeys.count {
            // grow to keep the table at most half full
            let old = zip(edgeKeys, edgeTargets).filter { $0.0 != 0 }
            edgeKeys = Array(repeating: 0, count: edgeKeys.count * 2)
            edgeTargets = Array(repeating: -1, count: edgeKeys.count)
            for (key, value) in old {
                let slot = edgeSlot(key)
                edgeKeys[slot] = key
                edgeTargets[slot] = value
            }
        }
        let key = WordTable.edgeKey(node, word)
        let slot = edgeSlot(key)
        edgeKeys[slot] = key
        edgeTargets[slot] = target
        edgeCount += 1
    }

    private mutating func insert(_ words: [Int32], value: String) {
        guard let first = words.first else { return }
        var node: Int32
        if root[Int(first)] >= 0 { node = root[Int(first)] } else {
            node = Int32(values.count)
            values.append(nil)
            root[Int(first)] = node
        }
        for word in words.dropFirst() {
            if let next = child(node, word) { node = next } else {
                let next = Int32(values.count)
                values.append(nil)
                addEdge(node, word, to: next)
                node = next
            }
        }
        values[Int(node)] = value
    }

    /// The id of `word` in this table's index (-1 for words no table knows).
    func wordID(_ word: String) -> Int32 { index.id(word) }

    /// The ids of `tokens` in this table's index (-1 for words no table knows).
    func ids(_ tokens: [Token]) -> [Int32] { tokens.map { index.id(hash: $0.hash) } }

    /// The value of a one-word phrase, by word id.
    subscript(id id: Int32) -> String? {
        guard id >= 0, Int(id) < root.count else { return nil }
        let node = root[Int(id)]
        return node >= 0 ? values[Int(node)] : nil
    }

    /// The value of a one-word phrase.
    subscript(word: some StringProtocol) -> String? { self[id: index.id(word)] }

    /// Whether the word `id` is a one-word phrase of this table (without reading its value).
    func contains(id: Int32) -> Bool {
        guard id >= 0, Int(id) < root.count else { return false }
        let node = root[Int(id)]
        return node >= 0 && values[Int(node)] != nil
    }

    /// The longest phrase starting at `start`: its value and how many words it spans.
    ///
    /// Inlined up to the first word's lookup, which rules out most tokens, so that callers trying
    /// several tables at every word pay no call for the words none of them holds.
    @inline(__always)
    func longestMatch(in ids: [Int32], at start: Int) -> (value: String, length: Int)? {
        guard start < ids.count else { return nil }
        let first = ids[start]
        guard first >= 0, Int(first) < root.count, root[Int(first)] >= 0 else { return nil }
        return longestMatch(from: root[Int(first)], in: ids, at: start)
    }

    private func longestMatch(from firstNode: Int32, in ids: [Int32], at start: Int) -> (value: String, length: Int)? {
        var node = firstNode
        var best: (String, Int)?
        if let value = values[Int(node)] { best = (value, 1) }
        var i = start + 1
        while i < ids.count, ids[i] >= 0, edgeCount > 0, let next = child(node, ids[i]) {
            node = next
            i += 1
            if let value = values[Int(node)] { best = (value, i - start) }
        }
        return best
    }
}
