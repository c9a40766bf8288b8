import Foundation
@testable import KaizenKit
import Testing

/// What `kaizen new` and `kaizen adopt` tell of the record they write, on the examples.
@Suite struct CreatedRecordTests {
    static let today = CalendarDate(year: 2026, month: 11, day: 20)!

    /// A copy of the examples, which goes when `body` returns.
    private func withExamples(_ body: (Workspace) throws -> Void) throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("kaizen-created-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        let examples = ParseCacheTests.packageRoot.appendingPathComponent("examples")
        for name in [KaizenConfig.fileName, "improvements", "experiments", "constraints"] {
            try FileManager.default.copyItem(at: examples.appendingPathComponent(name), to: root.appendingPathComponent(name))
        }
        try body(try Workspace.open(at: root))
    }

    @Test func aNewImprovementIsComparedWithTheRecordedOnesAndAnExperimentIsNot() throws {
        try withExamples { workspace in
            let improvement = try CreatedRecord.new(NewRecordRequest(
                kind: .improvement, title: "Canary releases for the data pipelines", team: "payments", area: "deployment-safety",
                today: Self.today), in: workspace)
            #expect(improvement.path == "improvements/canary-releases-for-the-data-pipelines.md")
            #expect(improvement.record.title?.value == "Canary releases for the data pipelines")
            #expect(improvement.lookalikes.first?.record.id == "canary-releases")
            #expect(improvement.lookalikes.allSatisfy { $0.record.kind == .improvement })
            #expect(!improvement.stillToFillIn.isEmpty)
            #expect(improvement.stillToFillIn.allSatisfy { $0.path == improvement.path })
            #expect(improvement.note == nil)

            let experiment = try CreatedRecord.new(NewRecordRequest(
                kind: .experiment, title: "Canary releases for the nightly batch jobs", team: "payments", today: Self.today), in: workspace)
            #expect(experiment.lookalikes.isEmpty)
            #expect(experiment.stillToFillIn.contains { $0.rule == "hypothesis-form" })
        }
    }

    @Test func anAdoptionIsCheckedAmongTheOthers() throws {
        try withExamples { workspace in
            let adoption = try CreatedRecord.adoption(AdoptionRequest(improvement: "canary-releases", team: "data", today: Self.today),
                                                      in: workspace)
            #expect(adoption.path == "experiments/data-adopts-canary-releases-with-automatic-rollback.md")
            #expect(adoption.record.experiment?.improvement?.value == "canary-releases")
            #expect(adoption.lookalikes.isEmpty)
            #expect(adoption.stillToFillIn.contains { $0.rule == "no-signals" && $0.path == adoption.path })
        }
    }
}
