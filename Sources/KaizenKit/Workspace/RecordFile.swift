/// A record file read whole, for a page that shows it.
struct RecordFile: Sendable {
    let record: Record
    /// The file's text, as the parser decodes it (a byte-order mark
    /// dropped); nil when the file could not be read or is not UTF-8.
    let text: String?
    /// Why the file could not be read, as `kaizen check` says it; empty when it was.
    let unreadable: [Diagnostic]

    init(record: Record, bytes: [UInt8]?, unreadable: [Diagnostic]) {
        self.record = record
        if let bytes, case .success(let text) = DecodedText.decode(bytes) { self.text = text } else { text = nil }
        self.unreadable = unreadable
    }
}
