/// The rules a file can break before any record logic runs: reading, YAML and
/// the shape of each field. They are reported by the parsers and the schema
/// decoder, and configured in `kaizen.yml` like every other rule.
extension RuleDescriptor {
    static let unreadableFile = RuleDescriptor(
        name: "unreadable-file", severity: .error,
        summary: "The file cannot be read.",
        explanation: "Fires when a record file cannot be read: no permission, a symbolic link that leads nowhere or out of the repository, a special file, or a file over the 1 MiB record limit. The file's other rules cannot run, but its id still counts for links and duplicate ids.",
        howToFix: "Follow the reason in the message: make the file readable, copy a linked file into the repository instead of linking out, or split a record that has grown past 1 MiB.")
    static let invalidEncoding = RuleDescriptor(
        name: "invalid-encoding", severity: .error,
        summary: "The file is not valid UTF-8.",
        explanation: "Records are UTF-8 by definition. Fires at the first byte that is not valid UTF-8, and names UTF-16 when the whole file looks like it.",
        howToFix: "Save the file as UTF-8 (most editors offer the encoding when saving), then fix or remove the character at the reported position.")
    static let controlCharacter = RuleDescriptor(
        name: "control-character", severity: .error,
        summary: "The body holds a NUL or another control character, which editors do not show and which makes git treat the file as binary.",
        explanation: "Fires at the first NUL, escape or other control character (tab, line feed and carriage return aside) in the Markdown body, and counts them all. Editors do not show them, terminals act on them, and git takes a file holding NUL for binary, so a pull request shows no diff of it. Control characters in the front matter are yaml-syntax.",
        howToFix: "Delete the character at the reported position (an editor's 'show invisibles' mode shows it), and any others the count mentions; they usually come from pasting terminal output.")
    static let frontMatter = RuleDescriptor(
        name: "front-matter", severity: .error,
        summary: "Front matter is missing, not on line 1, unterminated, empty or not a mapping.",
        explanation: "A record starts with YAML front matter: `---` on line 1, a mapping of fields, and `---` on a line of its own. Fires when it is missing, does not start on line 1, is never closed, is empty, is over 256 KiB, or is not a mapping.",
        howToFix: "Put the fields between two `---` lines at the very top of the file, one `key: value` per line; `kaizen new` writes a correct skeleton to copy from.")
    static let yamlSyntax = RuleDescriptor(
        name: "yaml-syntax", severity: .error,
        summary: "The front matter is not valid YAML, or uses aliases beyond kaizen's limit.",
        explanation: "Fires when the front matter is not valid YAML, at the line the parser stopped with a hint, and when it nests deeper than 1,000 levels or uses more than 8 aliases (a guard against alias bombs).",
        howToFix: "Fix the YAML at the reported line: usually an unclosed quote or bracket, a tab used for indentation, or a value holding `: ` that needs quotes. Write repeated values out instead of using many aliases.")
    static let duplicateKey = RuleDescriptor(
        name: "duplicate-key", severity: .error,
        summary: "A key appears twice in the same mapping.",
        explanation: "Fires at the second occurrence of a key in one mapping; YAML parsers disagree on which value wins, so kaizen refuses both.",
        howToFix: "Keep one of the two keys and merge their values into it.")
    static let unknownField = RuleDescriptor(
        name: "unknown-field", severity: .error,
        summary: "A field this kind of record does not have (often a typo).",
        explanation: "Fires on a front-matter field that this kind of record does not have, usually a typo, and suggests the closest known field.",
        howToFix: "Rename the field to the one suggested, or remove it; `kaizen schema` lists every field of each kind.")
    static let wrongType = RuleDescriptor(
        name: "wrong-type", severity: .error,
        summary: "A field holds a list where text is expected, or the reverse.",
        explanation: "Fires when a field holds a list where text is expected, or text where a list is expected (for example `teams: payments`).",
        howToFix: "Write the value in the shape the message shows, for a list `teams: [payments]`, for text a single value.")
    static let invalidValue = RuleDescriptor(
        name: "invalid-value", severity: .error,
        summary: "A field holds a value outside its allowed set.",
        explanation: "Fires when a field holds a value outside its allowed set: status, level, area, outcome or kind, with the closest allowed value as a suggestion. In kaizen.yml it also fires on a records folder that does not exist.",
        howToFix: "Use one of the values the message lists; areas beyond the built-in ones are added under `areas` in kaizen.yml.")
    static let invalidDate = RuleDescriptor(
        name: "invalid-date", severity: .error,
        summary: "A date is not YYYY-MM-DD or does not exist (2026-02-30).",
        explanation: "Fires when a date is not written `YYYY-MM-DD` or names a day that does not exist, such as `2026-02-30` or `2026-11-31`.",
        howToFix: "Write the date as `YYYY-MM-DD` with a real day of that month.")
    static let missingField = RuleDescriptor(
        name: "missing-field", severity: .error,
        summary: "A required field is absent or empty.",
        explanation: "Fires when a required field is absent or empty: those every record of the kind needs, and those its status requires (`start` once running, for example).",
        howToFix: "Add the field with a value; the message says what it holds, and `kaizen schema` shows every required field.")
    static let invalidID = RuleDescriptor(
        name: "invalid-id", severity: .warning,
        summary: "The file name is not a lowercase slug, so the record's id is awkward to refer to.",
        explanation: "A record's id is its file name without `.md`. Fires when that is not a lowercase slug of letters, digits and single hyphens, at most \(Slug.maximumLength) characters, which makes the record awkward to link to.",
        howToFix: "Rename the file to the slug the message suggests, and update the records that refer to the old id.")
    static let misplacedRecord = RuleDescriptor(
        name: "misplaced-record", severity: .warning,
        summary: "The record's kind does not match the folder it is in.",
        explanation: "Fires when a record's `kind` does not match the folder it sits in, so it is listed and linked as the wrong kind.",
        howToFix: "Move the file to the folder for its kind, or correct its `kind` field.")

    static let parseRules: [RuleDescriptor] = [
        .unreadableFile, .invalidEncoding, .controlCharacter, .frontMatter, .yamlSyntax, .duplicateKey, .unknownField,
        .wrongType, .invalidValue, .invalidDate, .missingField, .invalidID, .misplacedRecord,
    ]
}
