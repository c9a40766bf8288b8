import Foundation
@testable import KaizenKit
import Testing

/// How `start`, `extend`, `conclude` and `observe` write: `AtomicFile.replaceUserFiles`.
@Suite struct ReplaceUserFileTests {
    let path = "experiments/review-pairs.md"

    func prepared(_ folder: EditWorkspace) throws -> RecordEdit {
        try folder.editor().prepare(.start(on: folder.today), id: "review-pairs", today: folder.today)
    }

    func mode(_ url: URL) throws -> Int {
        (try FileManager.default.attributesOfItem(atPath: url.path)[.posixPermissions] as? NSNumber)?.intValue ?? -1
    }

    @Test func theFilesPermissionBitsAreKept() throws {
        for bits in [0o600, 0o664, 0o755] {
            let folder = try EditWorkspace([path: EditFixtures.planned])
            let url = folder.root.appendingPathComponent(path)
            try FileManager.default.setAttributes([.posixPermissions: bits], ofItemAtPath: url.path)
            let edit = try prepared(folder)
            try edit.write(in: folder.workspace())
            #expect(try mode(url) == bits)
            #expect(try folder.read(path) == String(decoding: edit.edited, as: UTF8.self))
        }
    }

    @Test func aFileChangedSinceItWasReadIsNotOverwritten() throws {
        let folder = try EditWorkspace([path: EditFixtures.planned])
        let edit = try prepared(folder)
        let theirs = EditFixtures.planned + "\nA note someone saved meanwhile.\n"
        try folder.write(path, theirs)
        #expect(folder.message { try edit.write(in: folder.workspace()) }
            == "experiments/review-pairs.md changed on disk while kaizen was editing it; nothing was written, so that change is kept: run the command again")
        #expect(try folder.read(path) == theirs)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: folder.root.appendingPathComponent("experiments").path)
        #expect(leftovers == ["review-pairs.md"])
    }

    @Test func aLinkInsideTheRepositoryIsWrittenThroughAndStaysALink() throws {
        let folder = try EditWorkspace([:])
        try FileManager.default.createDirectory(at: folder.root.appendingPathComponent("records"), withIntermediateDirectories: true)
        try folder.write("records/real.md", EditFixtures.planned)
        let link = folder.root.appendingPathComponent(path)
        try FileManager.default.createSymbolicLink(atPath: link.path, withDestinationPath: "../records/real.md")
        let edit = try prepared(folder)
        try edit.write(in: folder.workspace())
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: link.path) == "../records/real.md")
        #expect(try folder.read("records/real.md") == String(decoding: edit.edited, as: UTF8.self))
    }

    @Test func aLinkLeadingOutOfTheRepositoryIsRefused() throws {
        let outside = FileManager.default.temporaryDirectory.appendingPathComponent("kaizen-outside-\(UUID().uuidString).md")
        try Data(EditFixtures.planned.utf8).write(to: outside)
        defer { try? FileManager.default.removeItem(at: outside) }
        // Prepared from a file in the repository that became a link out of
        // it before the write: reading would have refused the link already.
        let folder = try EditWorkspace([:])
        try folder.write(path, EditFixtures.planned)
        let edit = try prepared(folder)
        let link = folder.root.appendingPathComponent(path)
        try FileManager.default.removeItem(at: link)
        try FileManager.default.createSymbolicLink(atPath: link.path, withDestinationPath: outside.path)
        let target = outside.resolvingSymlinksInPath().path
        #expect(folder.message { try edit.write(in: folder.workspace()) }
            == "experiments/review-pairs.md leads to \(target), outside the repository: kaizen does not write through a symbolic link that leaves the repository; nothing was written")
        #expect(String(decoding: try Data(contentsOf: outside), as: UTF8.self) == EditFixtures.planned)
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: link.path) == outside.path)
    }
}
