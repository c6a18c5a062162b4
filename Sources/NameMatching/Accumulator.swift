/// Per-search score accumulator: an open-addressing table from record ordinal to accumulated key weight.
///
/// Its size follows the number of candidates a search touches (bounded by the posting budget), not the registry:
/// a dense array of one float per record is 40 MB at ten million names, and every accumulation into it is a cache
/// miss; this table stays in the processor's cache. Reused across searches (`reset()` clears only what was used).
/// Raw buffers rather than arrays: this is the innermost loop of a search, and class-held arrays would pay
/// exclusivity and uniqueness checks on every write.
final class Accumulator {
    private static let empty = UInt32.max
    private var keys: UnsafeMutablePointer<UInt32>
    private var values: UnsafeMutablePointer<Float>
    private var mask: Int
    /// Slots in the order their ordinals were first touched.
    private var slots: UnsafeMutablePointer<Int32>
    /// Number of ordinals touched since the last reset.
    private(set) var count = 0

    init(capacity: Int = 1 << 12) {
        var c = 16
        while c < capacity * 2 { c <<= 1 }
        mask = c - 1
        keys = .allocate(capacity: c)
        keys.initialize(repeating: Self.empty, count: c)
        values = .allocate(capacity: c)
        values.initialize(repeating: 0, count: c)
        slots = .allocate(capacity: c / 2 + 1)
    }

    deinit {
        keys.deallocate()
        values.deallocate()
        slots.deallocate()
    }

    @inline(__always)
    private static func hash(_ o: UInt32) -> Int { Int(truncatingIfNeeded: (UInt64(o) &* 0x9E37_79B9_7F4A_7C15) >> 40) }

    /// Adds `w` to ordinal `o`, inserting it when new.
    @inline(__always)
    func add(_ o: UInt32, _ w: Float) {
        if count * 2 >= mask { grow() }
        var h = Self.hash(o) & mask
        while true {
            let k = keys[h]
            if k == o { values[h] += w; return }
            if k == Self.empty {
                keys[h] = o; values[h] = w
                slots[count] = Int32(truncatingIfNeeded: h)
                count += 1
                return
            }
            h = (h + 1) & mask
        }
    }

    /// The ordinal and value of the `i`-th touched entry.
    @inline(__always)
    func entry(_ i: Int) -> (ord: UInt32, value: Float) {
        let s = Int(slots[i])
        return (keys[s], values[s])
    }

    /// Adds `w` to the `i`-th touched entry.
    @inline(__always)
    func add(atEntry i: Int, _ w: Float) { values[Int(slots[i])] += w }

    /// Doubles the table, keeping the touched entries in their order.
    private func grow() {
        let oldKeys = keys, oldValues = values, oldSlots = slots
        let c = (mask + 1) * 2
        mask = c - 1
        keys = .allocate(capacity: c)
        keys.initialize(repeating: Self.empty, count: c)
        values = .allocate(capacity: c)
        values.initialize(repeating: 0, count: c)
        slots = .allocate(capacity: c / 2 + 1)
        for i in 0..<count {
            let s = Int(oldSlots[i])
            let o = oldKeys[s]
            var h = Self.hash(o) & mask
            while keys[h] != Self.empty { h = (h + 1) & mask }
            keys[h] = o; values[h] = oldValues[s]
            slots[i] = Int32(truncatingIfNeeded: h)
        }
        oldKeys.deallocate(); oldValues.deallocate(); oldSlots.deallocate()
    }

    /// Clears the touched entries (not the whole table).
    func reset() {
        for i in 0..<count {
            let s = Int(slots[i])
            keys[s] = Self.empty
            values[s] = 0
        }
        count = 0
    }
}
