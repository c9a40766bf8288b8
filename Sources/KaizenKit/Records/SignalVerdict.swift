/// Whether a concluded experiment's signal reached its target, judged the
/// way a reviewer would from the numbers written in the record. The one
/// judgement of a signal: review, the rules, the report and the site use it.
public enum SignalVerdict: String, Sendable, Equatable {
    case met
    case missed
    /// No result was recorded.
    case noResult = "no-result"
    /// The values are not numbers in the same unit, or say no direction: a person must judge.
    case notJudged = "not-judged"

    /// Met or missed: the numbers say which. A signal without a result, or
    /// with values a person must compare, is not judgeable.
    public var isJudgeable: Bool { self == .met || self == .missed }

    /// Which way is better is taken from the target's comparison sign (`<= 5`,
    /// `≥ 90%`), or else from where the target lies relative to the baseline.
    public init(baseline: String?, target: String?, result: String?) {
        guard let result = result.flatMap(Measure.init) else {
            self = .noResult
            return
        }
        guard let target = target.flatMap(Measure.init) else {
            self = .notJudged
            return
        }
        guard let targetValue = target.number, let resultValue = result.number else {
            // Words, not numbers: only an exact match can be called met.
            self = target.text.lowercased() == result.text.lowercased() ? .met : .notJudged
            return
        }
        guard target.unit == result.unit || target.unit.isEmpty || result.unit.isEmpty else {
            self = .notJudged
            return
        }
        let lowerIsBetter: Bool
        switch target.comparison {
        case .atMost: lowerIsBetter = true
        case .atLeast: lowerIsBetter = false
        case nil:
            guard let baselineValue = baseline.flatMap(Measure.init)?.number, baselineValue != targetValue else {
                self = resultValue == targetValue ? .met : .notJudged
                return
            }
            lowerIsBetter = targetValue < baselineValue
        }
        self = (lowerIsBetter ? resultValue <= targetValue : resultValue >= targetValue) ? .met : .missed
    }
}

extension Signal {
    public var verdict: SignalVerdict {
        SignalVerdict(baseline: baseline?.value, target: target?.value, result: result?.value)
    }
}

/// A value as people write them in signals: `48`, `12 %`, `4.5 hours`,
/// `<= 2 days`, `≥ 1,200`, `under 12 minutes`, `no more than 2`.
struct Measure {
    enum Comparison { case atMost, atLeast }

    var text: String
    var comparison: Comparison?
    var number: Double?
    /// What follows the number, lowercased, without spaces: `%`, `hours`.
    var unit: String

    init?(_ written: String) {
        var rest = Substring(written.trimmingSpaces())
        guard !rest.isEmpty else { return nil }
        text = String(rest)
        comparison = nil
        let lowered = rest.lowercased()
        for (prefix, comparison) in Self.comparisons where lowered.hasPrefix(prefix) {
            self.comparison = comparison
            rest = rest.dropFirst(prefix.count).drop { $0 == " " }
            break
        }
        let digits = rest.prefix { $0.isASCII && ($0.isNumber || $0 == "." || $0 == "," || $0 == "-") }
        number = digits.isEmpty ? nil : Double(digits.replacingOccurrences(of: ",", with: ""))
        unit = number == nil ? "" : String(rest.dropFirst(digits.count).filter { !$0.isWhitespace }).lowercased()
    }

    /// Longer prefixes first, so `<=` is not read as `<`.
    private static let comparisons: [(String, Comparison)] = [
        ("<=", .atMost), ("≤", .atMost), ("<", .atMost), ("at most ", .atMost), ("no more than ", .atMost),
        ("under ", .atMost), ("below ", .atMost), ("less than ", .atMost), ("fewer than ", .atMost), ("max ", .atMost),
        (">=", .atLeast), ("≥", .atLeast), (">", .atLeast), ("at least ", .atLeast), ("no less than ", .atLeast),
        ("over ", .atLeast), ("above ", .atLeast), ("more than ", .atLeast), ("min ", .atLeast),
    ]
}
