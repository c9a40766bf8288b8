@testable import KaizenKit
import Testing

/// `kaizen due` on InsightsFixture, on 2026-11-20, with a review period of 14 days.
@Suite struct DueListTests {
    func due(within: Int = 14, team: String? = nil, history: Bool = true) -> DueList {
        DueList.make(records: InsightsFixture.records, config: InsightsFixture.config, today: InsightsFixture.today,
                     within: within, team: team, dating: RecordDating(history: history ? InsightsFixture.history : nil))
    }

    func date(_ text: String) -> CalendarDate { CalendarDate.parse(text).successValue! }

    @Test func groupsByTeamInConfigOrderMostUrgentFirst() {
        let list = due()
        #expect(list.teams.map(\.team) == ["payments", "checkout", "mobile", "data"])
        let alerts = DueItem(id: "payments-alerts", path: "experiments/payments-alerts.md", title: "An experiment",
                             teams: ["payments", "data"], reasons: [
                                .expiresSoon(deadline: date("2026-11-25"), daysLeft: 5),
                                // 2026-12-01 is a plan and 2026-11-19 sits inside a sentence: the last entry is 10-10.
                                .observationsDue(lastEntry: date("2026-10-10"), since: date("2026-10-10"), days: 41),
                             ])
        #expect(list.teams[0].items == [alerts])
        #expect(list.teams[3].items == [alerts])
        // checkout-focus started 2026-11-01 (history) and has no entry: 19 days.
        #expect(list.teams[1].items.map(\.id) == ["checkout-focus", "trunk"])
        #expect(list.teams[1].items[0].reasons == [.observationsDue(lastEntry: nil, since: date("2026-11-01"), days: 19)])
        #expect(list.teams[1].items[1].reasons == [.notCaptured(sections: ["Context", "Adaptation notes"])])
        // Expired ten days ago; observed five days ago, so no observation is due.
        #expect(list.teams[2].items.map(\.reasons) == [[.expired(deadline: date("2026-11-10"), daysOver: 10)]])
    }

    @Test func aWiderWindowTakesInLaterDeadlines() {
        let checkout = due(within: 25).teams.first { $0.team == "checkout" }!
        #expect(checkout.items[0].id == "checkout-focus")
        #expect(checkout.items[0].reasons.first == .expiresSoon(deadline: date("2026-12-15"), daysLeft: 25))
        #expect(!due(within: 24).teams.first { $0.team == "checkout" }!.items[0].reasons.contains { $0.name == "expires-soon" })
    }

    @Test func oneTeam() {
        let list = due(team: "mobile")
        #expect(list.teams.map(\.team) == ["mobile"])
        #expect(list.teams[0].items.map(\.id) == ["mobile-pairs"])
    }

    /// Without history checkout-focus has no start day, so nothing tells how
    /// long it has gone unobserved.
    @Test func withoutHistoryAnUndatedStartIsNotGuessed() {
        let checkout = due(history: false).teams.first { $0.team == "checkout" }!
        #expect(checkout.items.map(\.id) == ["trunk"])
    }

    @Test func nothingDue() {
        let list = DueList.make(records: [], config: InsightsFixture.config, today: InsightsFixture.today, within: 14,
                                dating: RecordDating(history: nil))
        #expect(list.isEmpty)
        #expect(DueFormatter(format: .text).render(list)
                == "Nothing is due on 2026-11-20 (deadlines within 14 days, an Observations entry every 14 days).\n")
    }

    @Test func textGroupsReasonsUnderTheirRecord() {
        let text = DueFormatter(format: .text).render(due(team: "payments"))
        #expect(text == """
            Due on 2026-11-20 (deadlines within 14 days, an Observations entry every 14 days):

            payments
              payments-alerts  expires in 5 days, on 2026-11-25: plan its review
                               no Observations entry for 41 days (the last on 2026-10-10): note what the signals show

            """)
    }
}
