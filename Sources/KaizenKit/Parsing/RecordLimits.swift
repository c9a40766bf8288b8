/// The bounds kaizen keeps to, so that one bad file cannot stall or exhaust a
/// check that runs in every developer's pre-commit hook. A file past a bound
/// gets a diagnostic saying which, and the other files are checked as usual.
/// The README's "Guarantees" section lists them.
public enum RecordLimits {
    /// A record file larger than this is neither read in full nor parsed:
    /// records are prose and a few fields, so a megabyte is already a mistake
    /// (a pasted log, a generated file in the wrong folder).
    public static let fileBytes = 1 << 20
    /// Front matter larger than this is not parsed as YAML.
    public static let frontMatterBytes = 256 << 10
    /// Aliases (`*name`) a file may use once it defines anchors; see `YAMLReader`.
    public static let aliases = 8
    /// Record files a workspace may hold: a run keeps every record in memory
    /// (about 12 KiB each, measured at 5,000), so this bounds it near 600 MiB.
    public static let records = 50_000
    /// How deep YAML may nest: libyaml's own bound, reported in kaizen's words.
    public static let nesting = 1_000

    /// Why a file of `size` bytes is not read, and what to do.
    static func fileTooLarge(size: Int) -> String {
        "the file is \(sizeText(size)), over the \(sizeText(fileBytes)) a record may be: "
            + "move the bulk (logs, data, generated text) out of the record and link to it"
    }

    static func frontMatterTooLarge(size: Int) -> String {
        "the front matter is \(sizeText(size)), over the \(sizeText(frontMatterBytes)) it may be: "
            + "move long text into the Markdown body below the closing '---'"
    }

    /// "1.5 MiB", "256 KiB", "900 bytes".
    static func sizeText(_ bytes: Int) -> String {
        func scaled(_ value: Double, _ unit: String) -> String {
            value == value.rounded() ? "\(Int(value)) \(unit)" : "\((value * 10).rounded() / 10) \(unit)"
        }
        if bytes >= 1 << 20 { return scaled(Double(bytes) / Double(1 << 20), "MiB") }
        if bytes >= 1 << 10 { return scaled(Double(bytes) / Double(1 << 10), "KiB") }
        return "\(bytes) bytes"
    }
}
