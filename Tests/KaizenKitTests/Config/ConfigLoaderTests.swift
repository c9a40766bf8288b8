@testable import KaizenKit
import Testing

@Suite struct ConfigLoaderTests {
    func load(_ marked: MarkedText) -> LoadedConfig {
        ConfigLoader.load(Array(marked.text.utf8))
    }

    @Test func readsEverySetting() throws {
        let loaded = load(MarkedText("""
            version: 1
            teams:
              payments: {name: Payments, wip-limit: 2}
              platform:
            paths:
              improvements: records/improvements/
              experiments: ./records/experiments
              constraints: records/constraints
            max-experiment-days: 60
            expiry-notice-days: 0
            wip-limit: 4
            review-window-days: 30
            hypothesis-pattern: '^Wenn wir (?<change>.+), erwarten wir (?<effect>.+)$'
            areas: [onboarding, on-call]
            rules:
              possible-duplicate: off
              expires-soon: error
            """))
        #expect(loaded.diagnostics.isEmpty)
        let config = loaded.config
        #expect(config.teams == [.init(id: "payments", name: "Payments", wipLimit: 2), .init(id: "platform")])
        #expect(config.wipLimit(forTeam: "payments") == 2)
        #expect(config.wipLimit(forTeam: "platform") == 4)
        #expect(config.folders[.improvement] == "records/improvements")
        #expect(config.folders[.experiment] == "records/experiments")
        #expect(config.folderKind(ofPath: "records/experiments/x.md") == .experiment)
        #expect(config.folderKind(ofPath: "experiments/x.md") == nil)
        #expect((config.maxExperimentDays, config.expiryNoticeDays, config.reviewWindowDays) == (60, 0, 30))
        #expect(config.areas.suffix(2) == ["onboarding", "on-call"])
        #expect(config.ruleSettings == ["possible-duplicate": .off, "expires-soon": .severity(.error)])
        #expect(config.hypothesisPattern.match("Wenn wir pairen, erwarten wir weniger Wartezeit")?.effect == "weniger Wartezeit")
        #expect(!config.hypothesisPattern.isStandard)
    }

    @Test func goalsAndReviewPeriod() {
        let loaded = load(MarkedText("""
            review-period-days: 7
            goals:
              adoption-rate: 50%
              knowledge-capture: 0.75
              impact-multiplication: 3x
              scaling-efficiency: "40 %"
              level-balance: 100%
            """))
        #expect(loaded.diagnostics.isEmpty)
        let goals = loaded.config.goals
        #expect(loaded.config.reviewPeriodDays == 7)
        #expect((goals.adoptionRate, goals.knowledgeCapture, goals.impactMultiplication) == (0.5, 0.75, 3))
        #expect((goals.scalingEfficiency, goals.levelBalance) == (0.4, 1))
        #expect(KaizenConfig().goals == KaizenConfig.Goals())
        #expect((KaizenConfig().goals.adoptionRate, KaizenConfig().goals.impactMultiplication) == (0.7, 5))
    }

    @Test func badGoalsPointAtTheValueAndKeepTheDefault() {
        let text = MarkedText("""
            goals:
              adoption-rate: 1️⃣70
              knowledge-capture: 2️⃣120%
              impact-multiplication: 3️⃣0.5
              4️⃣adoption: 70%
              level-balance: 5️⃣[80%]
            """)
        let loaded = load(text)
        let expected: [(Character, String)] = [
            ("1", "goal 'adoption-rate' must be a percentage from 0% to 100%, e.g. 70%, not '70'"),
            ("2", "goal 'knowledge-capture' must be a percentage from 0% to 100%, e.g. 70%, not '120%'"),
            ("3", "goal 'impact-multiplication' must be a number of teams per improvement, 1 or more, e.g. 5, not '0.5'"),
            ("4", "unknown goal 'adoption'; the goals are: adoption-rate, knowledge-capture, impact-multiplication, scaling-efficiency, level-balance"),
            ("5", "goal 'level-balance' must be a percentage from 0% to 100%, e.g. 70%, not 'a list or mapping'"),
        ]
        #expect(loaded.diagnostics.map(\.message) == expected.map(\.1))
        #expect(loaded.diagnostics.map(\.position) == expected.map { text[$0.0] })
        #expect(loaded.config.goals == KaizenConfig.Goals())
    }

    @Test func quickWinDaysIsAWholeNumberAboveZero() {
        #expect(KaizenConfig().quickWinDays == 14)
        #expect(load(MarkedText("quick-win-days: 21\n")).config.quickWinDays == 21)
        for (setting, rule, message) in [("1️⃣0", "invalid-value", "'quick-win-days' must be above 0, not 0"),
                                         ("1️⃣two weeks", "wrong-type", "'quick-win-days' must be a whole number above 0, not 'two weeks'"),
                                         ("1️⃣[14]", "wrong-type", "'quick-win-days' must be a whole number above 0, not 'a list or mapping'")] {
            let text = MarkedText("wip-limit: 2\nquick-win-days: \(setting)\n")
            let loaded = load(text)
            #expect(loaded.diagnostics.map(\.rule) == [rule])
            #expect(loaded.diagnostics.map(\.message) == [message])
            #expect(loaded.diagnostics.map(\.position) == [text["1"]])
            #expect(loaded.config.quickWinDays == 14)
        }
    }

    @Test func aTeamListIsAcceptedToo() {
        let loaded = load(MarkedText("teams: [payments, platform]\n"))
        #expect(loaded.diagnostics.isEmpty)
        #expect(loaded.config.teamIDs == ["payments", "platform"])
    }

    @Test func everyProblemPointsIntoTheFileAndKeepsTheDefault() {
        let text = MarkedText("""
            version: 1️⃣2
            9️⃣teems: {}
            teams:
              2️⃣Payments: {}
              platform: {3️⃣colour: blue}
            max-experiment-days: 4️⃣ninety
            hypothesis-pattern: 5️⃣'(unclosed'
            rules:
              6️⃣expird: off
              wip-limit: 7️⃣loud
            paths:
              experiments: 8️⃣../elsewhere
            """)
        let loaded = load(text)
        let expected: [(Character, String, String)] = [
            ("1", "invalid-value", "'version' is 2, but this kaizen reads version 1: upgrade kaizen or write version: 1"),
            ("9", "unknown-field", "unknown setting 'teems' (did you mean 'teams'?); the settings are: version, teams, paths, max-experiment-days, expiry-notice-days, wip-limit, review-window-days, review-period-days, quick-win-days, hypothesis-pattern, areas, rules, goals"),
            ("2", "invalid-value", "team id 'Payments' must be a lowercase slug (letters, digits, single hyphens), e.g. 'payments'"),
            ("3", "unknown-field", "unknown team setting 'colour'; a team has name and wip-limit"),
            ("4", "wrong-type", "'max-experiment-days' must be a whole number above 0, not 'ninety'"),
            ("5", "invalid-value", "'hypothesis-pattern' is not a valid regular expression: check its brackets and escapes; single-quote it in YAML so backslashes stay as written"),
            ("6", "unknown-field", "unknown rule 'expird' (did you mean 'expired'?); `kaizen check --list-rules` lists them"),
            ("7", "invalid-value", "rule 'wip-limit' can be set to error, warning or off, not 'loud'"),
            ("8", "invalid-value", "the experiments folder must be a folder inside the repository, relative to kaizen.yml: '../elsewhere' is not"),
        ]
        #expect(loaded.diagnostics.map(\.rule) == expected.map(\.1))
        #expect(loaded.diagnostics.map(\.message) == expected.map(\.2))
        #expect(loaded.diagnostics.map(\.position) == expected.map { text[$0.0] })
        #expect(loaded.diagnostics.allSatisfy { $0.path == "kaizen.yml" })
        #expect(loaded.config.maxExperimentDays == 90)
        #expect(loaded.config.teamIDs == ["platform"])
        #expect(loaded.config.hypothesisPattern.isStandard)
        #expect(loaded.config.folders[.experiment] == "experiments")
    }

    @Test func brokenYAMLIsOneDiagnosticAndDefaults() {
        let loaded = load(MarkedText("teams: [payments\n"))
        #expect(loaded.diagnostics.map(\.rule) == ["yaml-syntax"])
        #expect(loaded.diagnostics.first?.position.line == 2)
        #expect(loaded.config.teams.isEmpty)
    }

    @Test func integersMayBeQuotedAndOutOfRangeIsAValueProblem() {
        let text = MarkedText("version: \"1\"\nwip-limit: \"2\"\nmax-experiment-days: 1️⃣0\npaths: {constraints: 2️⃣.}\n")
        let loaded = load(text)
        #expect(loaded.diagnostics.map(\.rule) == ["invalid-value", "invalid-value"])
        #expect(loaded.diagnostics.map(\.message) == [
            "'max-experiment-days' must be above 0, not 0",
            "the constraints folder must be a folder inside the repository, relative to kaizen.yml: '.' is not",
        ])
        #expect(loaded.diagnostics.map(\.position) == [text["1"], text["2"]])
        #expect(loaded.config.wipLimit == 2)
    }

    @Test func nestedFoldersBelongToTheDeepestKind() {
        let loaded = load(MarkedText("paths: {improvements: records, experiments: records/exp}\n"))
        #expect(loaded.config.folderKind(ofPath: "records/exp/a.md") == .experiment)
        #expect(loaded.config.folderKind(ofPath: "records/a.md") == .improvement)
    }

    @Test func anEmptyFileMeansDefaults() {
        let loaded = load(MarkedText("# nothing yet\n"))
        #expect(loaded.diagnostics.isEmpty)
        #expect(loaded.config.wipLimit == 3)
    }
}
