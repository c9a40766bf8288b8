@_spi(Fuzzing) import KaizenKit

/// What the fuzzer feeds the timeline cache's reader: any bytes, first as a
/// whole cache file, then as the content behind a good checksum, which bytes
/// the fuzzer makes up would almost never have. Either must read as a cache
/// or as absent, and a cache read must render, without a crash.
enum TimelineCacheFuzzTarget {
    /// The scope of `kaizen timeline` in a repository with the default folders,
    /// so that a cache it wrote is a seed.
    static let scope = HistoryScope(folders: ["improvements", "experiments", "constraints"], files: .records, fields: ["status"])

    static func run(_ bytes: [UInt8]) {
        let cache = TimelineCache(directory: "/nonexistent-kaizen-fuzz", scope: scope)
        for file in [bytes, TimelineCache.sealed(bytes)] {
            guard let timeline = cache.timeline(decoding: file) else { continue }
            for format in TimelineFormat.allCases {
                _ = TimelineFormatter(format: format, now: 1_800_000_000).renderBytes(timeline)
            }
        }
    }
}
