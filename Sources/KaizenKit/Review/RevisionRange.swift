/// The commits a review compares, written as git writes them: `BASE...HEAD`
/// compares HEAD with the merge base of the two, as a pull request shows its
/// changes; `BASE..HEAD` compares the two commits directly; a lone `BASE`
/// means `BASE...HEAD`.
public struct RevisionRange: Sendable, Equatable, CustomStringConvertible {
    public var base: String
    public var head: String
    /// Three dots: compare with the merge base, so work that landed on BASE
    /// after the branch was cut does not show as the branch undoing it.
    public var usesMergeBase: Bool

    public init(base: String, head: String, usesMergeBase: Bool) {
        self.base = base
        self.head = head
        self.usesMergeBase = usesMergeBase
    }

    public init(parsing text: String) throws {
        let (separator, usesMergeBase) = text.contains("...") ? ("...", true) : (text.contains("..") ? ("..", false) : ("", true))
        guard !separator.isEmpty else {
            guard !text.isEmpty else { throw Self.invalid(text) }
            self.init(base: text, head: "HEAD", usesMergeBase: true)
            return
        }
        let parts = text.components(separatedBy: separator)
        // Revision names never start or end with a dot, so `a....b` is a typo, not `a...` and `.b`.
        guard parts.count == 2, !parts.contains(where: { $0.contains("..") || $0.hasPrefix(".") || $0.hasSuffix(".") }) else {
            throw Self.invalid(text)
        }
        // As in git, an empty side means HEAD.
        self.init(base: parts[0].isEmpty ? "HEAD" : parts[0], head: parts[1].isEmpty ? "HEAD" : parts[1], usesMergeBase: usesMergeBase)
    }

    public var description: String { "\(base)\(usesMergeBase ? "..." : "..")\(head)" }

    private static func invalid(_ text: String) -> KaizenError {
        .invalidArgument("'\(text)' is not a revision range: write BASE...HEAD (changes on HEAD since it branched from BASE, as a pull request shows them), BASE..HEAD, or BASE")
    }
}
