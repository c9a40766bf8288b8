import Foundation
@testable import KaizenKit
import Testing

/// `init` and `new` against a real temporary folder.
@Suite struct ScaffoldTests {
    let today = CalendarDate(year: 2026, month: 11, day: 20)!

    func temporaryFolder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("kaizen-scaffold-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    func records(in workspace: Workspace) throws -> [Record] {
        let loader = RecordLoader(workspace: workspace)
        return loader.load(try loader.recordPaths()).map(\.record)
    }

    @Test func initWritesEverythingOnceAndNeverOverwrites() throws {
        let root = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        let initializer = WorkspaceInitializer(workspace: try Workspace.open(at: root))
        let written = try initializer.run(teams: ["payments", "data-platform"])
        #expect(written.first == "kaizen.yml")
        #expect(written.count == 7)
        let workspace = try Workspace.open(at: root)
        #expect(workspace.configDiagnostics.isEmpty)
        #expect(workspace.config.teams.map(\.name) == ["Payments", "Data Platform"])

        let before = try String(contentsOf: root.appendingPathComponent("kaizen.yml"), encoding: .utf8)
        try "# edited\n".write(to: root.appendingPathComponent("experiments/README.md"), atomically: true, encoding: .utf8)
        #expect(throws: KaizenError.self) { try initializer.run(teams: []) }
        #expect(try String(contentsOf: root.appendingPathComponent("kaizen.yml"), encoding: .utf8) == before)
        #expect(try String(contentsOf: root.appendingPathComponent("experiments/README.md"), encoding: .utf8) == "# edited\n")
    }

    @Test func aFreshExperimentFailsOnlyOnWhatThePersonMustWrite() throws {
        let root = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        _ = try WorkspaceInitializer(workspace: try Workspace.open(at: root)).run(teams: ["payments"])
        let workspace = try Workspace.open(at: root)
        let path = try RecordCreator(workspace: workspace, records: []).create(
            NewRecordRequest(kind: .experiment, title: "Pair reviews: half the wait?", today: today))
        #expect(path == "experiments/pair-reviews-half-the-wait.md")

        let loader = RecordLoader(workspace: workspace)
        let report = Checker.check(loader.load(try loader.recordPaths()), workspace: workspace, today: today)
        #expect(Set(report.diagnostics.map(\.rule)) == ["hypothesis-form", "no-signals", "no-rollback"])
        #expect(report.diagnostics.allSatisfy { $0.message.contains("placeholder") })
        let record = try #require(try records(in: workspace).first?.experiment)
        #expect(record.teams.map(\.value) == ["payments"])
        #expect(record.reviewBy?.value == today.adding(days: 30))
        #expect(record.status?.value == .planned)
    }

    @Test func freshImprovementsAndConstraintsPassWhenFullySpecified() throws {
        let root = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        _ = try WorkspaceInitializer(workspace: try Workspace.open(at: root)).run(teams: ["payments", "platform"])
        let workspace = try Workspace.open(at: root)
        let creator = RecordCreator(workspace: workspace, records: [])
        _ = try creator.create(NewRecordRequest(kind: .improvement, title: "Trunk-based development", team: "payments",
                                                area: "flow", level: .crossTeam, today: today))
        _ = try creator.create(NewRecordRequest(kind: .constraint, title: "Weekly change board", team: "platform",
                                                level: .system, note: "Deploys wait up to 7 days", today: today))
        let loader = RecordLoader(workspace: workspace)
        let report = Checker.check(loader.load(try loader.recordPaths()), workspace: workspace, today: today)
        #expect(report.diagnostics.isEmpty)
        let all = try records(in: workspace)
        #expect(all.compactMap(\.improvement?.level?.value) == [.crossTeam])
        #expect(all.compactMap(\.constraint?.observed.first?.note?.value) == ["Deploys wait up to 7 days"])
    }

    @Test func newRefusesClashesAndUnknownNames() throws {
        let root = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        _ = try WorkspaceInitializer(workspace: try Workspace.open(at: root)).run(teams: ["payments", "platform"])
        let workspace = try Workspace.open(at: root)
        _ = try RecordCreator(workspace: workspace, records: []).create(
            NewRecordRequest(kind: .improvement, title: "Review pairs", team: "payments", area: "flow", today: today))
        let creator = RecordCreator(workspace: workspace, records: try records(in: workspace))
        let cases: [(NewRecordRequest, String)] = [
            (.init(kind: .experiment, title: "Review Pairs", team: "payments", today: today),
             "the id 'review-pairs' is already used by improvements/review-pairs.md: pass --id to choose another, or edit that record"),
            (.init(kind: .experiment, title: "Trial", team: "paymnets", today: today),
             "unknown team 'paymnets' (did you mean 'payments'?); the teams in kaizen.yml are payments, platform"),
            (.init(kind: .experiment, title: "Trial", today: today), "--team is required: one of payments, platform"),
            (.init(kind: .experiment, title: "Trial", team: "payments", improvement: "review-pair", today: today),
             "no improvement has the id 'review-pair' (did you mean 'review-pairs'?): see `kaizen list --kind improvement`"),
            (.init(kind: .improvement, title: "Trial", team: "payments", area: "speed", today: today),
             "unknown area 'speed'; the areas are dependencies, architecture, deployment-safety, decision-rights, policy-delay, feedback, learning-loops, flow"),
            (.init(kind: .experiment, title: "🚀", team: "payments", today: today),
             "cannot make a file name from the title '🚀': pass --id with a lowercase slug"),
            (.init(kind: .experiment, title: "Trial", id: "Bad Id", team: "payments", today: today),
             "'Bad Id' is not a valid id: use lowercase letters, digits and single hyphens, at most 60 characters"),
            (.init(kind: .experiment, title: "two\nlines", team: "payments", today: today),
             "the title spans several lines: a title is one line"),
            (.init(kind: .experiment, title: "Trial", team: "payments", constraints: ["review-pairs"], today: today),
             "'review-pairs' is an improvement, not a constraint: `kaizen list --kind constraint` lists the constraints"),
        ]
        for (request, message) in cases {
            #expect(throws: KaizenError.invalidArgument(message)) { try creator.create(request) }
        }
        #expect(try records(in: workspace).count == 1)
    }

    /// `--constraint` reaches any template: the built-in improvement's
    /// `constraints: []`, an experiment template without the field, and a
    /// repository's own template without it.
    @Test func constraintsAreListedWhateverTheTemplateWrites() throws {
        let root = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        let workspace = try Workspace.open(at: root)
        for (id, title) in [("slow-ci", "Slow CI"), ("staging-queue", "Staging queue")] {
            _ = try RecordCreator(workspace: workspace, records: []).create(
                NewRecordRequest(kind: .constraint, title: title, id: id, team: "payments", note: "seen", today: today))
        }
        let creator = RecordCreator(workspace: workspace, records: try records(in: workspace))
        func created(_ request: NewRecordRequest) throws -> String {
            try String(contentsOf: workspace.url(for: creator.create(request)), encoding: .utf8)
        }
        let improvement = try created(NewRecordRequest(kind: .improvement, title: "Build cache", team: "payments", area: "flow",
                                                       constraints: ["slow-ci", "staging-queue", "slow-ci"], today: today))
        #expect(improvement.contains("area: flow\nconstraints: [slow-ci, staging-queue]\ntags: []\n"))
        let experiment = try created(NewRecordRequest(kind: .experiment, title: "Cache trial", team: "payments",
                                                      constraints: ["staging-queue"], today: today))
        #expect(experiment.contains("teams: [payments]\nconstraints: [staging-queue]\nhypothesis: "))

        let override = root.appendingPathComponent(".kaizen/templates/improvement.md")
        try FileManager.default.createDirectory(at: override.deletingLastPathComponent(), withIntermediateDirectories: true)
        try "---\nkind: improvement\ntitle: {{title}}\nstatus: proposed\norigin: {{team}}\nlevel: {{level}}\narea: {{area}}\n---\n"
            .write(to: override, atomically: true, encoding: .utf8)
        let own = try created(NewRecordRequest(kind: .improvement, title: "Merge queue", team: "payments", area: "flow",
                                               constraints: ["slow-ci"], today: today))
        #expect(own == "---\nkind: improvement\ntitle: \"Merge queue\"\nstatus: proposed\norigin: payments\nlevel: team\narea: flow\nconstraints: [slow-ci]\n---\n")

        #expect(throws: KaizenError.invalidArgument(
            "no constraint has the id 'slow-cl' (did you mean 'slow-ci'?): see `kaizen list --kind constraint`")) {
            try creator.create(NewRecordRequest(kind: .experiment, title: "Other", team: "payments", constraints: ["slow-cl"], today: today))
        }
    }

    @Test func aRepositoryTemplateOverridesTheBuiltInOne() throws {
        let root = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        _ = try WorkspaceInitializer(workspace: try Workspace.open(at: root)).run(teams: ["payments"])
        let override = root.appendingPathComponent(".kaizen/templates/constraint.md")
        try "---\nkind: constraint\ntitle: {{title}}\nstatus: open\nlevel: team\nobserved: [{date: {{today}}, team: {{team}}}]\ntags: [house-style]\n---\n"
            .write(to: override, atomically: true, encoding: .utf8)
        let workspace = try Workspace.open(at: root)
        let path = try RecordCreator(workspace: workspace, records: []).create(
            NewRecordRequest(kind: .constraint, title: "Flaky staging", today: today))
        let text = try String(contentsOf: workspace.url(for: path), encoding: .utf8)
        #expect(text.contains("tags: [house-style]"))
        #expect(text.contains("observed: [{date: 2026-11-20, team: payments}]"))
    }

    @Test func atomicCreateRefusesAnExistingFileAndLeavesNoTemporaryFiles() throws {
        let root = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        let target = root.appendingPathComponent("a/b.md")
        try AtomicFile.create(at: target, contents: "first")
        #expect(throws: KaizenError.alreadyExists(paths: [target.path])) { try AtomicFile.create(at: target, contents: "second") }
        #expect(try String(contentsOf: target, encoding: .utf8) == "first")
        #expect(try FileManager.default.contentsOfDirectory(atPath: target.deletingLastPathComponent().path) == ["b.md"])
    }
}
