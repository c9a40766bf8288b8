@testable import KaizenKit
import Testing

/// A small organisation where the right recommendations for team alpha are
/// known, and why.
///
/// Alpha keeps hitting one open constraint, slow-ci-queue: three times, two of
/// them within the 90-day review window before 2026-11-20, so n = 3 + 2 = 5.
/// It also saw flaky-tests, which is resolved (so it does not count), and
/// never saw pager-noise (beta's).
///
/// - parallel-runners (beta) lists slow-ci-queue: 5 points, retained by beta
///   and gamma: 2 × 0.5, and some text match (ci, build): first, whatever the text.
/// - build-cache (gamma) does not list the constraint, but its text is all
///   about slow CI builds waiting in a queue: the best text match, 2 × 1, and
///   retained by gamma, 0.5: 2.5, second.
/// - alert-runbooks (beta) is about pagers, nothing alpha said, but three
///   teams retained it: 1.5, third.
/// - staged-rollouts (delta) is still marked trialling, but delta retained it:
///   a candidate, 0.5, last.
/// - Left out: pairing (alpha tried it, even though it discarded it),
///   alpha-docs (alpha's own), learning-reviews (marked proven, but nobody
///   retained it, though its words match alpha's tags), old-practice (retired).
@Suite struct RecommenderTests {
    static let today = CalendarDate(year: 2026, month: 11, day: 20)!

    static func config() -> KaizenConfig {
        var config = KaizenConfig()
        config.teams = ["alpha", "beta", "gamma", "delta"].map { KaizenConfig.Team(id: $0) }
        return config
    }

    /// A trial of `improvement` by `teams`, concluded in October with `outcome`.
    static func trial(_ id: String, teams: RecordFixture.Value, improvement: RecordFixture.Value, outcome: RecordFixture.Value = "retained",
                      tags: RecordFixture.Value = .absent) -> RecordFixture {
        .experiment(id, teams: teams, improvement: improvement, status: "concluded", start: "2026-09-01", reviewBy: "2026-10-15",
                    outcome: outcome, concluded: "2026-10-01", tags: tags)
    }

    /// A constraint seen by each of `observed` (date, team).
    static func constraint(_ id: String, title: RecordFixture.Value, status: RecordFixture.Value = "open", tags: RecordFixture.Value = .absent,
                           observed: [(date: String, team: String)]) -> RecordFixture {
        .constraint(id, title: title, status: status, level: "team",
                    observed: .text(observed.map { "- {date: \($0.date), team: \($0.team), note: seen}" }.joined(separator: "\n")), tags: tags)
    }

    static func records() -> [Record] {
        RecordFixture.records([
            constraint("slow-ci-queue", title: "Builds wait in a slow CI queue", tags: "[ci]", observed: [
                ("2026-05-04", "alpha"), ("2026-09-10", "alpha"), ("2026-11-02", "alpha"), ("2026-10-01", "beta"),
            ]),
            constraint("flaky-tests", title: "Flaky browser tests", status: "resolved", observed: [("2026-10-10", "alpha")]),
            constraint("pager-noise", title: "Pagers wake people for nothing", observed: [("2026-10-10", "beta")]),
            .improvement("parallel-runners", title: "Parallel CI runners", status: "proven", origin: "beta", constraints: "[slow-ci-queue]",
                         tags: "[ci]", body: .summary("Enough runners that builds start at once.")),
            .improvement("build-cache", title: "Remote build cache for slow CI builds", status: "proven", origin: "gamma", tags: "[ci, cache]",
                         body: .summary("Builds reuse cached outputs, so the queue stays short and nobody waits.")),
            .improvement("alert-runbooks", title: "Every alert links a runbook", status: "proven", origin: "beta", area: "feedback",
                         constraints: "[pager-noise]", body: .summary("On-call engineers follow the runbook.")),
            .improvement("staged-rollouts", title: "Staged rollouts", status: "trialling", origin: "delta",
                         area: "deployment-safety", body: .summary("Deploy to one region first.")),
            .improvement("pairing", title: "Review pairing", status: "proven", origin: "beta", area: "feedback", body: .absent),
            .improvement("alpha-docs", title: "Documentation days", status: "proven", origin: "alpha", area: "learning-loops", tags: "[documentation]",
                         body: .absent),
            .improvement("learning-reviews", title: "Learning reviews of builds", status: "proven", origin: "gamma", area: "learning-loops",
                         body: .absent),
            .improvement("old-practice", title: "Nightly CI builds", status: "retired", origin: "beta"),
            trial("beta-runners", teams: "[beta]", improvement: "parallel-runners"),
            trial("gamma-runners", teams: "[gamma]", improvement: "parallel-runners"),
            trial("gamma-cache", teams: "[gamma]", improvement: "build-cache"),
            trial("runbooks-together", teams: "[beta, gamma]", improvement: "alert-runbooks"),
            trial("delta-runbooks", teams: "[delta]", improvement: "alert-runbooks"),
            trial("delta-rollouts", teams: "[delta]", improvement: "staged-rollouts"),
            trial("beta-pairing", teams: "[beta]", improvement: "pairing"),
            trial("alpha-pairing", teams: "[alpha]", improvement: "pairing", outcome: "discarded", tags: "[reviews]"),
            trial("beta-nightly", teams: "[beta]", improvement: "old-practice"),
            trial("gamma-learning", teams: "[gamma]", improvement: "learning-reviews", outcome: "inconclusive"),
        ])
    }

    func report(for team: String, limit: Int = 10) throws -> RecommendationReport {
        try Recommender(records: Self.records(), config: Self.config(), today: Self.today).recommend(for: team, limit: limit)
    }

    @Test func ranksByConstraintThenTextThenSpread() throws {
        let report = try report(for: "alpha")
        #expect(report.recommendations.map(\.improvement.id) == ["parallel-runners", "build-cache", "alert-runbooks", "staged-rollouts"])
        #expect(report.alreadyTried == ["pairing"])
        #expect(report.candidateCount == 4)

        let runners = report.recommendations[0]
        #expect(runners.addresses == [.init(id: "slow-ci-queue", observations: 3, recent: 2)])
        #expect(runners.retainedBy == ["beta", "gamma"])
        #expect(runners.text > 0 && runners.text < 1)
        #expect(abs(runners.score - (2 * runners.text + 5 + 1)) < 1e-12)
        #expect(runners.reasons == [
            "addresses constraint slow-ci-queue, which you observed 3 times, 2 of them within the last 90 days",
            "retained by beta and gamma",
            "its text matches constraint slow-ci-queue (ci, build)",
        ])

        let cache = report.recommendations[1]
        #expect(cache.addresses.isEmpty)
        #expect(cache.text == 1)
        #expect(cache.score == 2.5)
        // Every word of the constraint's title; slow first: in its title, and in no other improvement.
        #expect(cache.matchedWords.map(\.word).first == "slow")
        #expect(Set(cache.matchedWords.map(\.word)) == ["slow", "ci", "build", "queue", "wait"])
        #expect(cache.matchedWords.allSatisfy { $0.constraint == "slow-ci-queue" })

        let runbooks = report.recommendations[2]
        #expect(runbooks.score == 1.5)
        #expect(runbooks.reasons == ["retained by beta, delta and gamma"])

        #expect(report.recommendations[3].reasons == ["retained by delta (still marked trialling)"])
    }

    @Test func theLimitKeepsTheBest() throws {
        let report = try report(for: "alpha", limit: 2)
        #expect(report.recommendations.map(\.improvement.id) == ["parallel-runners", "build-cache"])
        #expect(report.candidateCount == 4)
    }

    /// Gamma originated build-cache and ran parallel-runners, runbooks and the
    /// learning reviews; what is left is delta's rollouts and beta's pairing.
    @Test func anotherTeamGetsItsOwnCandidates() throws {
        let report = try report(for: "gamma")
        #expect(report.recommendations.map(\.improvement.id).sorted() == ["pairing", "staged-rollouts"])
    }

    @Test func anUnknownTeamIsAnErrorWithASuggestion() {
        #expect(throws: KaizenError.unknownTeam("alpah", suggestion: "alpha", known: ["alpha", "beta", "gamma", "delta"])) {
            try report(for: "alpah")
        }
        #expect(KaizenError.unknownTeam("alpah", suggestion: "alpha", known: ["alpha", "beta"]).localizedDescription
            == "unknown team 'alpah' (did you mean 'alpha'?); the teams are alpha, beta")
    }

    @Test func withoutTeamsInTheConfigurationTheRecordsTeamsAreKnown() throws {
        let recommender = Recommender(records: Self.records(), config: KaizenConfig(), today: Self.today)
        #expect(recommender.knownTeams == ["alpha", "beta", "delta", "gamma"])
        #expect(throws: KaizenError.self) { try recommender.recommend(for: "omega", limit: 5) }
    }

    @Test func nothingToRecommendIsSaidInASentence() throws {
        var config = Self.config()
        config.teams.append(KaizenConfig.Team(id: "omega"))
        let records = RecordFixture.records([
            .improvement("runners", title: "Parallel runners", status: "proven", origin: "beta", body: .absent),
            Self.trial("beta-runners", teams: "[beta]", improvement: "runners"),
            .experiment("omega-runners", teams: "[omega]", improvement: "runners", status: "planned"),
        ])
        let tried = try Recommender(records: records, config: config, today: Self.today).recommend(for: "omega", limit: 5)
        #expect(tried.recommendations.isEmpty)
        #expect(tried.emptyReason == "Nothing to recommend to omega: it has already tried every improvement retained in another team (runners).")
        let none = try Recommender(records: Array(records.prefix(1)), config: config, today: Self.today).recommend(for: "omega", limit: 5)
        #expect(none.emptyReason == "Nothing to recommend to omega: no other team has an improvement that an experiment retained yet.")
        #expect(try report(for: "alpha").emptyReason == nil)
    }

    @Test func listsReadAsEnglish() {
        #expect(Recommender.list([]) == "")
        #expect(Recommender.list(["a"]) == "a")
        #expect(Recommender.list(["a", "b"]) == "a and b")
        #expect(Recommender.list(["a", "b", "c"]) == "a, b and c")
    }
}
