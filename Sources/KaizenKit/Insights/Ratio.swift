/// A count out of a total, so that no figure is a bare percentage.
public struct Ratio: Sendable, Equatable {
    public var count: Int
    public var total: Int

    public init(_ count: Int, of total: Int) {
        self.count = count
        self.total = total
    }

    /// nil when there is nothing to count.
    public var share: Double? { total == 0 ? nil : Double(count) / Double(total) }
}
