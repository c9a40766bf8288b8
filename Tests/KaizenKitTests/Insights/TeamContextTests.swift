@testable import KaizenKit
import Testing

@Suite struct TeamContextTests {
    /// On RecommenderTests' records, alpha's query: slow-ci-queue's words
    /// weighted by n = 5 (three observations, two recent) times their field
    /// (title 3, tags 2), and its own records' tags and areas at 2 each.
    @Test func theQueryWeighsConstraintWordsByObservationsAndField() {
        let context = TeamContext(team: "alpha", records: RecommenderTests.records(),
                                  today: RecommenderTests.today, windowDays: 90)
        #expect(context.constraints == [.init(id: "slow-ci-queue", observations: 3, recent: 2)])
        #expect(context.constraints[0].weight == 5)
        #expect(context.query == [
            // "Builds wait in a slow CI queue", tags [ci]: ci is in the title, so 3 · 5.
            "build": 15, "wait": 15, "slow": 15, "ci": 15, "queue": 15,
            // alpha-pairing's tag reviews; alpha-docs' tag documentation and area learning-loops.
            "review": 2, "documentation": 2, "learning": 2, "loop": 2,
        ])
        #expect(context.constraint(of: "ci") == "slow-ci-queue")
        #expect(context.constraint(of: "review") == nil)
    }

    /// The window runs from today − 90 days to today, both included; a date
    /// after today is not recent.
    @Test func recentObservationsAreThoseInTheWindow() {
        let records = RecordFixture.records([
            RecordFixture.constraint("queue", title: "Queue", observed: """
                - {date: 2026-08-21, team: alpha, note: seen}
                - {date: 2026-08-22, team: alpha, note: seen}
                - {date: 2026-11-20, team: alpha, note: seen}
                - {date: 2026-11-21, team: alpha, note: seen}
                """),
        ])
        let context = TeamContext(team: "alpha", records: records, today: RecommenderTests.today, windowDays: 90)
        #expect(context.constraints == [.init(id: "queue", observations: 4, recent: 2)])
        #expect(context.query == ["queue": 18])
    }
}
