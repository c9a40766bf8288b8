/// Order statistics over whole days.
enum Statistics {
    /// The middle value, or the mean of the two middle values.
    static func median(_ values: [Int]) -> Double? {
        guard !values.isEmpty else { return nil }
        let sorted = values.sorted()
        let middle = sorted.count / 2
        return sorted.count % 2 == 1 ? Double(sorted[middle]) : Double(sorted[middle - 1] + sorted[middle]) / 2
    }

    /// The nearest-rank percentile: the smallest value with at least `share`
    /// of the values at or below it.
    static func percentile(_ share: Double, of values: [Int]) -> Int? {
        guard !values.isEmpty else { return nil }
        let rank = Int((share * Double(values.count)).rounded(.up))
        return values.sorted()[max(1, rank) - 1]
    }
}
