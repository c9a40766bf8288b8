import CGit2

/// A repository's object database, for reading objects' raw bytes.
final class GitObjectDatabase {
    private let handle: OpaquePointer

    init(_ repository: GitRepository) throws {
        var database: OpaquePointer?
        try LibGit2.check(git_repository_odb(&database, repository.handle), "opening the object database")
        handle = database!
    }

    deinit {
        git_odb_free(handle)
    }

    func contains(_ id: ObjectID) -> Bool {
        id.withOID { git_odb_exists(handle, $0) == 1 }
    }

    /// An object's size and type, without inflating it; `kind` names the
    /// object expected, in the error when it cannot be read.
    func readHeader(_ id: ObjectID, kind: String, size: inout Int, type: inout git_object_t) throws {
        try id.withOID { try LibGit2.checkRead(git_odb_read_header(&size, &type, handle, $0), kind, id) }
    }

    /// The raw bytes of a tree: entries of `<octal mode> <name>\0<20-byte id>`.
    func treeData(_ id: ObjectID) throws -> RawObject {
        var object: OpaquePointer?
        try id.withOID { try LibGit2.checkRead(git_odb_read(&object, handle, $0), "tree", id) }
        let raw = RawObject(handle: object!)
        guard git_odb_object_type(object) == GIT_OBJECT_TREE else {
            throw KaizenError.git(operation: "reading tree \(id)", code: -1, message: "the object is not a tree")
        }
        return raw
    }

    /// An object's bytes, lent only inside `withBytes`: they are freed with
    /// this object, and Swift may release an object right after its last use,
    /// before the end of the scope that holds it.
    final class RawObject {
        private let handle: OpaquePointer

        init(handle: OpaquePointer) {
            self.handle = handle
        }

        deinit {
            git_odb_object_free(handle)
        }

        func withBytes<Result>(_ body: (UnsafeRawBufferPointer) throws -> Result) rethrows -> Result {
            try withExtendedLifetime(self) {
                try body(UnsafeRawBufferPointer(start: git_odb_object_data(handle), count: git_odb_object_size(handle)))
            }
        }
    }
}

/// A record file as history holds it: its bytes, or only its size when it is
/// larger than a record may be (`RecordLimits.fileBytes`), so that one huge
/// committed file cannot stall or exhaust a scan, as it cannot a check.
enum RecordBlob {
    case contents([UInt8])
    case tooLarge(size: Int)

    /// The bytes; nil for a blob too large to read.
    var contents: [UInt8]? {
        if case .contents(let bytes) = self { return bytes }
        return nil
    }
}
