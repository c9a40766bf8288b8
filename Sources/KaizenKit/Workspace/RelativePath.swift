/// Paths as a person at a shell prompt expects to see them.
public enum RelativePath {
    /// The absolute `path` as seen from the absolute `directory`:
    /// `improvements/x.md`, `../x.md`, or `path` itself when the two share
    /// nothing but the root.
    public static func display(_ path: String, from directory: String) -> String {
        let target = path.split(separator: "/")
        let base = directory.split(separator: "/")
        var common = 0
        while common < min(target.count, base.count), target[common] == base[common] { common += 1 }
        guard common > 0 else { return path }
        let parts = Array(repeating: "..", count: base.count - common) + target[common...].map(String.init)
        return parts.isEmpty ? "." : parts.joined(separator: "/")
    }
}
