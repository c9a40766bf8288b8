/// The results of work spread over threads by `Parallel`, one slot per
/// index, kept in index order whatever order the threads finish in.
///
/// Shared between threads without a lock, which is safe because: the slots
/// are raw memory, so writing one is no access to the others (a Swift array
/// in a shared class would be one exclusive access to the whole array from
/// several threads at once); each slot is written at most once, by the one
/// thread `Parallel` gave its index to; and the slots are read only after
/// `Parallel.forEachIndex` has returned, which waits for every thread, so
/// every write is seen.
final class ParallelResults<Value: Sendable>: @unchecked Sendable {
    private let slots: UnsafeMutableBufferPointer<Value?>

    init(count: Int) {
        slots = .allocate(capacity: count)
        slots.initialize(repeating: nil)
    }

    deinit {
        slots.deinitialize()
        slots.deallocate()
    }

    /// Keeps `value` at `index`; from any thread, at most once per index.
    func store(_ value: consuming Value, at index: Int) {
        slots[index] = consume value
    }

    /// Stores `compute`'s value for every index, on all cores.
    func fill(_ compute: @Sendable (Int) -> Value) {
        Parallel.forEachIndex(below: slots.count) { index in self.store(compute(index), at: index) }
    }

    /// Fills these results and `other`, as many, at once: `compute` gives each
    /// index's value of both. Values taken apart from one tuple are moved;
    /// taking them apart from one stored value would copy them.
    func fill<Other>(alongside other: ParallelResults<Other>, _ compute: @Sendable (Int) -> (Value, Other)) {
        precondition(other.slots.count == slots.count, "results of another size")
        Parallel.forEachIndex(below: slots.count) { index in
            let (value, otherValue) = compute(index)
            self.store(value, at: index)
            other.store(otherValue, at: index)
        }
    }

    /// The values stored, in index order, moved out rather than copied:
    /// copying a record retains each of its fields. The slots are empty afterwards.
    func takeValues() -> [Value] {
        var values: [Value] = []
        values.reserveCapacity(slots.count)
        for index in slots.indices {
            if let value = slots[index].take() { values.append(value) }
        }
        return values
    }
}
