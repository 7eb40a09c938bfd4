/// Numbers every word any lexicon table uses, so that tables match on small integers instead
/// of hashing strings again for every table.
///
/// Looked up by a 64-bit FNV-1a hash of the word's UTF-8 bytes in an open-addressing table kept
/// at most half full, with 8-byte slots so that it stays in the first-level cache: one pass over
/// the bytes per token, no `Hasher`. A slot whose tag matches is confirmed against the word's
/// bytes, so ids are exact. The index keeps each word's text too, so that the tokenizer reuses
/// it for the tokens that spell a known word instead of building a new `String`.
struct WordIndex: Sendable {
    /// 32 bits of the hash (0 marks an empty slot) and the word id, side by side.
    private struct Slot {
        var tag: UInt32 = 0
        var id: Int32 = -1
    }
    private var slots = [Slot](repeating: Slot(), count: 1 << 10)
    private(set) var count = 0
    /// The words by id, and their UTF-8 bytes end to end (word `id` spans `ends[id]..<ends[id + 1]`).
    private var words: [String] = []
    private var utf8: [UInt8] = []
    private var ends: [Int] = [0]

    static func hash(_ bytes: some Sequence<UInt8>) -> UInt64 {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes {
            h = (h ^ UInt64(byte)) &* 0x0000_0100_0000_01b3
        }
        return h
    }

    /// The slot holding the word spelled by `bytes` (whose hash is `h`), or the empty slot where it belongs.
    private func slot(_ h: UInt64, _ bytes: some Collection<UInt8>) -> Int {
        let mask = slots.count - 1
        let tag = UInt32(truncatingIfNeeded: h >> 32) | 1
        var i = Int(truncatingIfNeeded: h) & mask
        while slots[i].tag != 0 {
            if slots[i].tag == tag, spells(slots[i].id, bytes) { return i }
            i = (i + 1) & mask
        }
        return i
    }

    private func spells(_ id: Int32, _ bytes: some Collection<UInt8>) -> Bool {
        let (start, end) = (ends[Int(id)], ends[Int(id) + 1])
        return end - start == bytes.count && utf8[start..<end].elementsEqual(bytes)
    }

    /// The id of `word`, or -1 when no table uses it.
    func id(_ word: some StringProtocol) -> Int32 { id(hash: WordIndex.hash(word.utf8), spelled: word.utf8) }

    /// The id of the word spelled by `bytes`, whose `hash` is given; -1 when no table uses it.
    func id(hash: UInt64, spelled bytes: some Collection<UInt8>) -> Int32 { slots[slot(hash, bytes)].id }

    /// The text of word `id`.
    func word(_ id: Int32) -> String { words[Int(id)] }

    mutating func add(_ word: String) -> Int32 {
        let i = slot(WordIndex.hash(word.utf8), word.utf8)
        if slots[i].tag != 0 { return slots[i].id }
        let id = Int32(count)
        words.append(word)
        utf8 += word.utf8
        ends.append(utf8.count)
        count += 1
        if count * 2 > slots.count {
            slots = [Slot](repeating: Slot(), count: slots.count * 2)
            for old in 0..<id { place(old) }
        }
        place(id)
        return id
    }

    /// Puts word `id` (already in `words`) into its slot.
    private mutating func place(_ id: Int32) {
        let bytes = utf8[ends[Int(id)]..<ends[Int(id) + 1]]
        let h = WordIndex.hash(bytes)
        slots[slot(h, bytes)] = Slot(tag: UInt32(truncatingIfNeeded: h >> 32) | 1, id: id)
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
    /// The index shared by every table compiled together.
    let index: WordIndex
    /// Per word id, one array for all the tables compiled together: bit `k` is set when the word
    /// starts a phrase of table `k`, bit `21 + k` when it is a whole phrase of it, bit `42 + k`
    /// when it is a later word of one. Most tokens start or continue no phrase of the tables
    /// tried on them; this answers that from one small array that stays in cache instead of
    /// from each table's `root` and edges.
    private let starts: [UInt64]
    /// This table's bit in `starts`.
    private let bit: UInt64
    private static let whole = 21, later = 42

    /// Compiles `tables` (at most 21) against one shared index (the index grows to hold all their words).
    static func compile(_ tables: [PhraseTable]) -> [WordTable] {
        precondition(tables.count <= whole, "WordTable.compile: at most \(whole) tables share one index")
        var index = WordIndex()
        let encoded = tables.map { table in
            table.entries.map { entry in (entry.phrase.split(separator: " ").map { index.add(String($0)) }, entry.value) }
        }
        var starts = [UInt64](repeating: 0, count: index.count)
        for (k, entries) in encoded.enumerated() {
            for (words, _) in entries where !words.isEmpty {
                starts[Int(words[0])] |= 1 << UInt64(k) | (words.count == 1 ? 1 << UInt64(whole + k) : 0)
                for word in words.dropFirst() { starts[Int(word)] |= 1 << UInt64(later + k) }
            }
        }
        return encoded.enumerated().map { k, entries in
            var table = WordTable(root: Array(repeating: -1, count: index.count), index: index, starts: starts, bit: 1 << UInt64(k))
            for (words, value) in entries { table.insert(words, value: value) }
            return table
        }
    }

    private init(root: [Int32], index: WordIndex, starts: [UInt64], bit: UInt64) {
        self.root = root
        self.index = index
        self.starts = starts
        self.bit = bit
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

    /// The value of a one-word phrase, by word id.
    subscript(id id: Int32) -> String? {
        guard contains(id: id) else { return nil }
        return values[Int(root[Int(id)])]
    }

    /// The value of a one-word phrase.
    subscript(word: some StringProtocol) -> String? { self[id: index.id(word)] }

    /// Whether some phrase of this table starts with the word `id`.
    func startsPhrase(id: Int32) -> Bool {
        id >= 0 && Int(id) < starts.count && starts[Int(id)] & bit != 0
    }

    /// Whether the word `id` is a one-word phrase of this table (without reading its value).
    func contains(id: Int32) -> Bool {
        id >= 0 && Int(id) < starts.count && starts[Int(id)] & bit << WordTable.whole != 0
    }

    /// The longest phrase starting at `start`: its value and how many words it spans.
    ///
    /// Inlined up to the first word's lookup, which rules out most tokens, so that callers trying
    /// several tables at every word pay no call for the words none of them holds.
    @inline(__always)
    func longestMatch(in ids: [Int32], at start: Int) -> (value: String, length: Int)? {
        guard start < ids.count else { return nil }
        let first = ids[start]
        guard startsPhrase(id: first) else { return nil }
        return longestMatch(from: root[Int(first)], in: ids, at: start)
    }

    private func longestMatch(from firstNode: Int32, in ids: [Int32], at start: Int) -> (value: String, length: Int)? {
        var node = firstNode
        var best: (String, Int)?
        if let value = values[Int(node)] { best = (value, 1) }
        var i = start + 1
        while i < ids.count, ids[i] >= 0, Int(ids[i]) < starts.count, starts[Int(ids[i])] & bit << WordTable.later != 0,
              let next = child(node, ids[i]) {
            node = next
            i += 1
            if let value = values[Int(node)] { best = (value, i - start) }
        }
        return best
    }
}
