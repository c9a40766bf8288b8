extension RuleDescriptor {
    static let dateOrder = RuleDescriptor(
        name: "date-order", severity: .error,
        summary: "Dates contradict each other or lie in the future where they record the past.",
        explanation: "Fires when dates contradict each other or record the future: a review date before the start, a running experiment that starts in the future, a conclusion before the start or in the future, an extension that does not move the deadline later, or an observation dated in the future.",
        howToFix: "Correct whichever date is wrong, as the message says; set a not-yet-started experiment back to `planned`.")
}

/// Dates that cannot all be true: a review before the start, an extension that
/// does not extend, a conclusion or observation that has not happened yet.
struct DateOrderRule: Rule {
    static let descriptor = RuleDescriptor.dateOrder
    static let judgesEachRecordAlone = true

    func check(_ context: RuleContext, findings: inout Findings) {
        let today = context.today
        for (record, experiment) in context.experiments {
            let start = experiment.start
            if let start, let reviewBy = experiment.reviewBy, reviewBy.value < start.value {
                findings.add(record, at: reviewBy.position,
                    "review-by \(reviewBy.value) is before start \(start.value): the review comes after the experiment starts")
            }
            if let start, experiment.status?.value == .running, start.value > today {
                findings.add(record, at: start.position,
                    "start \(start.value) is in the future (today is \(today)) but the status is running: set status to planned until it starts")
            }
            if let concluded = experiment.concluded {
                if let start, concluded.value < start.value {
                    findings.add(record, at: concluded.position,
                        "concluded \(concluded.value) is before start \(start.value): correct whichever date is wrong")
                }
                if concluded.value > today {
                    findings.add(record, at: concluded.position,
                        "concluded \(concluded.value) is in the future (today is \(today)): write the date it actually concluded")
                }
            }
            var previous = experiment.reviewBy?.value
            for extensionEntry in experiment.extensions {
                guard let until = extensionEntry.until else { continue }
                if let previous, until.value <= previous {
                    findings.add(record, at: until.position,
                        "extension \(extensionEntry.number) does not extend: until \(until.value) is not after \(previous); extensions are listed in order, each moving the deadline later")
                }
                previous = max(previous ?? until.value, until.value)
            }
        }
        for (record, constraint) in context.constraints {
            for case let date? in constraint.observed.map(\.date) where date.value > today {
                findings.add(record, at: date.position,
                    "observed \(date.value) is in the future (today is \(today)): write the date it was seen")
            }
        }
    }
}
