@testable import KaizenKit
import Testing

/// No input makes the editor crash or write a wrong edit: the demo's
/// experiments, mutated as the parser's robustness test mutates them, are
/// either refused or edited so that the record reads the new values and the
/// body is untouched.
@Suite struct EditRobustnessTests {
    @Test func mutatedExperimentsAreRefusedOrEditedExactly() throws {
        let seeds = try RobustnessTests.seeds().filter { $0.path.hasPrefix("experiments/") }
        let parser = RecordParser()
        var generator = SplitMix64(seed: 11)
        var edited = 0
        for _ in 0..<40 {
            for seed in seeds {
                let bytes = RobustnessTests.mutate(seed.bytes, &generator)
                guard var editor = try? FrontMatterEditor(bytes) else { continue }
                do {
                    try editor.setText("status", to: "concluded", after: [])
                    try editor.setText("outcome", to: "retained", after: ["extensions", "review-by"])
                    try editor.append([("until", "2027-01-02"), ("reason", "a: b")], to: "extensions", after: ["review-by"])
                } catch {
                    continue
                }
                guard let (output, changes) = try? editor.edited() else { continue }
                edited += 1
                let record = parser.parse(output, path: seed.path, folderKind: .experiment).record.experiment
                #expect(record?.status?.value == .concluded, "\(seed.path)")
                #expect(record?.outcome?.value == .retained, "\(seed.path)")
                #expect(record?.extensions.last?.until?.value == CalendarDate(year: 2027, month: 1, day: 2), "\(seed.path)")
                #expect(record?.extensions.last?.reason?.value == "a: b", "\(seed.path)")
                let last = try #require(changes.last)
                #expect(output.suffix(bytes.count - last.range.upperBound).elementsEqual(bytes[last.range.upperBound...]))
                let before = parser.parse(bytes, path: seed.path, folderKind: .experiment).record
                let after = parser.parse(output, path: seed.path, folderKind: .experiment).record
                #expect(after.sections.map(\.title) == before.sections.map(\.title))
                #expect(after.title?.value == before.title?.value)
                #expect(after.experiment?.hypothesis?.value == before.experiment?.hypothesis?.value)
            }
        }
        // Most mutations leave an editable record: the happy path is exercised, not only refusals.
        #expect(edited > 100)
    }
}
