import Dispatch
import Foundation
import KaizenKit

/// What the fuzzer feeds the language server: any bytes, as its standard
/// input would bring them, framed and handed to a fresh server in order, as
/// `kaizen lsp` does, until `exit`. The input arrives in chunks of varying
/// size, so that messages split at many points. Documents under
/// `workspace` are records of a small kaizen workspace, so that checks,
/// completion, hover, definitions and quick fixes run (its experiment has
/// mistakes to fix); other documents are only kept. Nothing may crash, and every input must come to an end.
enum LanguageServerFuzzTarget {
    /// A fixed place, so that the URIs of the corpus name it on every machine.
    static let workspace = "/tmp/kaizen-fuzz-lsp"
    static let chunkSizes = [1, 3, 17, 256, 4_096]
    static let today = CalendarDate(year: 2026, month: 11, day: 20)!

    static let files = [
        "kaizen.yml": "version: 1\nteams:\n  payments: {name: Payments}\n  checkout: {name: Checkout}\n",
        "improvements/canary-releases.md": """
            ---
            kind: improvement
            title: Canary releases
            status: trialling
            origin: checkout
            level: team
            area: deployment-safety
            ---

            ## Summary

            Ship to one host first.

            """,
        "experiments/checkout-canary.md": """
            ---
            kind: experiment
            title: Checkout tries canaries
            teams: [checkout]
            improvement: canary-releases
            hypothesis: If we deploy through canaries, we expect fewer failed deploys
            signals: [{metric: failed deploys a week, baseline: 3, target: 1}]
            status: runing
            start: 2026-11-01
            review-by: 2026-10-30
            ---

            ## Plan

            A canary step before every checkout deploy; no rollback yet, and the review date is wrong.

            """,
        "constraints/shared-staging.md": """
            ---
            kind: constraint
            title: Shared staging queue
            status: open
            level: cross-team
            observed:
              - {date: 2026-10-01, team: payments, note: waited two days for staging}
            ---

            """,
    ]

    /// Written once per process, before the first input.
    private static let written: Void = {
        for (path, text) in files {
            let url = URL(fileURLWithPath: workspace).appendingPathComponent(path)
            try? FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try? Data(text.utf8).write(to: url, options: .atomic)
        }
    }()

    static func run(_ bytes: [UInt8]) {
        _ = written
        var framing = MessageFraming()
        var frames: [MessageFraming.Frame] = []
        var offset = 0
        for size in chunkSizes.lazy.cycled() {
            guard offset < bytes.count else { break }
            framing.append(bytes[offset..<min(bytes.count, offset + size)])
            offset += size
            while let frame = framing.next() { frames.append(frame) }
        }
        // No debounce: a check an edit schedules runs at once rather than outlive this input.
        let server = LanguageServer(options: .init(today: today, debounce: .milliseconds(0))) { message in
            _ = message.encoded
        }
        let done = DispatchSemaphore(value: 0)
        Task {
            for frame in frames {
                await server.receive(frame)
                if await server.exitCode != nil { break }
            }
            // What was edited last is checked here, not after this input is over.
            await server.runChecks()
            done.signal()
        }
        done.wait()
    }
}

private extension Collection {
    /// The elements again and again, without end.
    func cycled() -> some Sequence<Element> {
        sequence(state: makeIterator()) { iterator in
            if let next = iterator.next() { return next }
            iterator = makeIterator()
            return iterator.next()
        }
    }
}
