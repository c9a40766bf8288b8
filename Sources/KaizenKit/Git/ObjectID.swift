import CGit2

/// A git object id (SHA-1), as a plain value that can leave the git layer and
/// cross threads. Stored as three integers so hashing and comparing are cheap:
/// the history scan compares thousands of them per commit.
public struct ObjectID: Hashable, Sendable, CustomStringConvertible {
    private let high: UInt64
    private let middle: UInt64
    private let low: UInt32

    init(_ oid: git_oid) {
        var oid = oid
        (high, middle, low) = withUnsafeBytes(of: &oid.id) { bytes in
            (bytes.loadUnaligned(fromByteOffset: 0, as: UInt64.self),
             bytes.loadUnaligned(fromByteOffset: 8, as: UInt64.self),
             bytes.loadUnaligned(fromByteOffset: 16, as: UInt32.self))
        }
    }

    /// The id from its 20 raw bytes, as trees store them.
    init(bytes: UnsafeRawBufferPointer) {
        precondition(bytes.count == 20, "an object id is 20 bytes")
        high = bytes.loadUnaligned(fromByteOffset: 0, as: UInt64.self)
        middle = bytes.loadUnaligned(fromByteOffset: 8, as: UInt64.self)
        low = bytes.loadUnaligned(fromByteOffset: 16, as: UInt32.self)
    }

    init?(_ pointer: UnsafePointer<git_oid>?) {
        guard let pointer else { return nil }
        self.init(pointer.pointee)
    }

    /// Parses 40 hexadecimal digits; nil for anything else.
    public init?(hex: String) {
        let digits = Array(hex.utf8)
        guard digits.count == 40, hex.allSatisfy(\.isHexDigit) else { return nil }
        var oid = git_oid()
        guard git_oid_fromstrn(&oid, hex, 40) == 0 else { return nil }
        self.init(oid)
    }

    /// The id git gives a file with these contents (`git hash-object`), so a
    /// file on disk can be compared with a version in the repository unread.
    init(blobContents contents: [UInt8]) {
        var oid = git_oid()
        LibGit2.ready()
        // Hashing a buffer in memory fails only on allocation failure. An empty
        // array has no storage, and libgit2 wants a pointer even for no bytes.
        let count = contents.count
        let code = (contents.isEmpty ? [0] : contents).withUnsafeBytes { git_odb_hash(&oid, $0.baseAddress, count, GIT_OBJECT_BLOB) }
        precondition(code == 0, "git_odb_hash failed")
        self.init(oid)
    }

    /// The 20 raw bytes.
    var bytes: [UInt8] {
        var oid = self.oid
        return withUnsafeBytes(of: &oid.id) { Array($0) }
    }

    var oid: git_oid {
        var oid = git_oid()
        withUnsafeMutableBytes(of: &oid.id) { bytes in
            bytes.storeBytes(of: high, toByteOffset: 0, as: UInt64.self)
            bytes.storeBytes(of: middle, toByteOffset: 8, as: UInt64.self)
            bytes.storeBytes(of: low, toByteOffset: 16, as: UInt32.self)
        }
        return oid
    }

    /// Calls `body` with a C pointer to this id, for libgit2 calls that take one.
    func withOID<Result>(_ body: (UnsafePointer<git_oid>) throws -> Result) rethrows -> Result {
        var oid = self.oid
        return try body(&oid)
    }

    /// The 40 lowercase hexadecimal digits.
    public var description: String {
        var oid = self.oid
        let hexDigits = Array("0123456789abcdef".utf8)
        var text = [UInt8]()
        text.reserveCapacity(40)
        withUnsafeBytes(of: &oid.id) { bytes in
            for byte in bytes {
                text.append(hexDigits[Int(byte >> 4)])
                text.append(hexDigits[Int(byte & 0xF)])
            }
        }
        return String(decoding: text, as: UTF8.self)
    }

    /// The first seven digits, as `git log --oneline` shows them.
    public var abbreviated: String { String(description.prefix(7)) }
}
