/// The rules a file can break before any record logic runs: reading, YAML and
/// the shape of each field. They are reported by the parsers and the schema
/// decoder, and configured in `kaizen.yml` like every other rule.
extension RuleDescriptor {
    static let unreadableFile = RuleDescriptor(
        name: "unreadable-file", severity: .error,
        summary: "The file cannot be read.")
    static let invalidEncoding = RuleDescriptor(
        name: "invalid-encoding", severity: .error,
        summary: "The file is not valid UTF-8.")
    static let controlCharacter = RuleDescriptor(
        name: "control-character", severity: .error,
        summary: "The body holds a NUL or another control character, which editors do not show and which makes git treat the file as binary.")
    static let frontMatter = RuleDescriptor(
        name: "front-matter", severity: .error,
        summary: "Front matter is missing, not on line 1, unterminated, empty or not a mapping.")
    static let yamlSyntax = RuleDescriptor(
        name: "yaml-syntax", severity: .error,
        summary: "The front matter is not valid YAML, or uses aliases beyond kaizen's limit.")
    static let duplicateKey = RuleDescriptor(
        name: "duplicate-key", severity: .error,
        summary: "A key appears twice in the same mapping.")
    static let unknownField = RuleDescriptor(
        name: "unknown-field", severity: .error,
        summary: "A field this kind of record does not have (often a typo).")
    static let wrongType = RuleDescriptor(
        name: "wrong-type", severity: .error,
        summary: "A field holds a list where text is expected, or the reverse.")
    static let invalidValue = RuleDescriptor(
        name: "invalid-value", severity: .error,
        summary: "A field holds a value outside its allowed set.")
    static let invalidDate = RuleDescriptor(
        name: "invalid-date", severity: .error,
        summary: "A date is not YYYY-MM-DD or does not exist (2026-02-30).")
    static let missingField = RuleDescriptor(
        name: "missing-field", severity: .error,
        summary: "A required field is absent or empty.")
    static let invalidID = RuleDescriptor(
        name: "invalid-id", severity: .warning,
        summary: "The file name is not a lowercase slug, so the record's id is awkward to refer to.")
    static let misplacedRecord = RuleDescriptor(
        name: "misplaced-record", severity: .warning,
        summary: "The record's kind does not match the folder it is in.")

    static let parseRules: [RuleDescriptor] = [
        .unreadableFile, .invalidEncoding, .controlCharacter, .frontMatter, .yamlSyntax, .duplicateKey, .unknownField,
        .wrongType, .invalidValue, .invalidDate, .missingField, .invalidID, .misplacedRecord,
    ]
}
