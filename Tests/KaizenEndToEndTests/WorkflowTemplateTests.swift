import Foundation
import Testing

/// templates/github-workflow.yml: its kaizen steps, run as GitHub Actions runs
/// them (bash -e, the step's env), on a clone of a sample pull request.
@Suite struct WorkflowTemplateTests {
    static let template = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("templates/github-workflow.yml")

    /// The workflow's steps as JSON, parsed by PyYAML (independent of kaizen's own YAML reading).
    private func steps() throws -> [[String: Any]] {
        let script = "import json, sys, yaml; print(json.dumps(yaml.safe_load(open(sys.argv[1]))['jobs']['review']['steps']))"
        let output = try FixtureProcess.run("/usr/bin/python3", ["-c", script, Self.template.path], in: nil, environment: [:])
        #expect(output.status == 0, "\(output.errorText)")
        return try #require(try JSONSerialization.jsonObject(with: output.stdout) as? [[String: Any]])
    }

    private func run(_ step: [String: Any], in clone: URL, temp: URL) throws -> FixtureProcess.Output {
        var environment = [
            "PATH": HookTests.path, "HOME": temp.path, "RUNNER_TEMP": temp.path, "NO_COLOR": "1",
            "GITHUB_STEP_SUMMARY": temp.appendingPathComponent("summary.md").path,
        ]
        for (key, value) in step["env"] as? [String: String] ?? [:] {
            environment[key] = value == "${{ github.base_ref }}" ? "main" : value
        }
        // The sample's records are dated around 2026-11-20; fixing the date keeps the test from expiring them.
        let script = try #require(step["run"] as? String)
            .replacingOccurrences(of: "kaizen check", with: "kaizen check --today 2026-11-20")
            .replacingOccurrences(of: "kaizen review", with: "kaizen review --today 2026-11-20")
        return try FixtureProcess.run("/bin/bash", ["-e", "-c", script], in: clone, environment: environment)
    }

    @Test func theCheckAndReviewStepsWorkOnAPullRequestClone() throws {
        let pull = try SamplePullRequest()
        // A clone, as actions/checkout leaves it: origin/main exists, HEAD is the pull request.
        let clone = pull.repo.folder.url.appendingPathComponent("clone")
        try pull.repo.git(["clone", "-q", "--no-local", pull.repo.workTree.path, clone.path])
        let temp = pull.repo.folder.url.appendingPathComponent("runner-temp")
        try FileManager.default.createDirectory(at: temp, withIntermediateDirectories: true)
        _ = try FixtureProcess.run("/usr/bin/git", ["checkout", "-q", "topic"], in: clone, environment: pull.repo.environment)

        let steps = try steps()
        let byName = Dictionary(steps.compactMap { step in (step["name"] as? String).map { ($0, step) } }, uniquingKeysWith: { first, _ in first })
        #expect((steps.first?["with"] as? [String: Any])?["fetch-depth"] as? Int == 0, "the merge base needs the history")

        let check = try run(try #require(byName["Check the records"]), in: clone, temp: temp)
        #expect(check.status == 0, "\(check.text)\(check.errorText)")

        let review = try run(try #require(byName["Review the pull request"]), in: clone, temp: temp)
        #expect(review.status == 1, "the sample pull request moves a target")
        #expect(review.text.contains("::error file=experiments/checkout-focus-mornings.md,line=9,col=13,title=kaizen goalposts-moved::"))
        let comment = try String(contentsOf: temp.appendingPathComponent("review.md"), encoding: .utf8)
        #expect(comment.hasPrefix("## kaizen review of `origin/main...HEAD`"))
        #expect(try String(contentsOf: temp.appendingPathComponent("summary.md"), encoding: .utf8) == comment)

        let sarif = try run(try #require(byName["Findings as SARIF"]), in: clone, temp: temp)
        #expect(sarif.status == 0)
        let log = try JSONSerialization.jsonObject(with: Data(contentsOf: temp.appendingPathComponent("kaizen.sarif"))) as? [String: Any]
        #expect(log?["version"] as? String == "2.1.0")
    }
}
