import Testing
@testable import KaizenKit

@Suite struct KeyPositionsTests {
    static func at(_ line: Int) -> SourcePosition { SourcePosition(line: line, column: 1) }

    /// Fifty keys, "key-00" to "key-49", each at the line of its number.
    static let manyKeys = (0..<50).map { (key: "key-\($0 < 10 ? "0" : "")\($0)", position: at($0 + 1)) }

    @Test func findsEveryKeySetInAnyOrder() {
        var positions = KeyPositions()
        var generator = SplitMix64(seed: 5)
        for (key, position) in Self.manyKeys.shuffled(using: &generator) { positions[key] = position }
        for (key, position) in Self.manyKeys { #expect(positions[key] == position, "\(key)") }
        #expect(positions["key-50"] == nil)
        #expect(positions[""] == nil)
        #expect(positions.entries.map(\.key) == Self.manyKeys.map(\.key))
    }

    @Test func settingAKeyAgainReplacesItAndNilRemovesIt() {
        var positions: KeyPositions = ["title": Self.at(2), "status": Self.at(3)]
        positions["title"] = Self.at(9)
        #expect(positions["title"] == Self.at(9))
        #expect(positions.entries.count == 2)
        positions["status"] = nil
        positions["absent"] = nil
        #expect(positions == ["title": Self.at(9)])
    }

    @Test func equalPositionsAreEqualWhateverOrderTheyWereSetIn() {
        var forwards = KeyPositions(), backwards = KeyPositions()
        for (key, position) in Self.manyKeys { forwards[key] = position }
        for (key, position) in Self.manyKeys.reversed() { backwards[key] = position }
        #expect(forwards == backwards)
        backwards["key-07"] = Self.at(70)
        #expect(forwards != backwards)
    }

    @Test func sortedEntriesAreTakenAsTheyAreAndOthersRefused() {
        let entries = Self.manyKeys.map { KeyPositions.Entry(key: $0.key, position: $0.position) }
        #expect(KeyPositions(sorted: entries)?.entries == entries)
        #expect(KeyPositions(sorted: [])?.entries == [])
        #expect(KeyPositions(sorted: entries.reversed()) == nil)
        #expect(KeyPositions(sorted: entries + [entries[49]]) == nil)
        #expect(KeyPositions(sorted: [entries[3], entries[3]]) == nil)
    }
}
