@testable import KaizenKit

extension RecordFixture {
    /// The records `fixtures` parse to, each read as kaizen reads the file at its path.
    static func records(_ fixtures: [RecordFixture], config: KaizenConfig = KaizenConfig()) -> [Record] {
        let parser = RecordParser(config: config)
        return fixtures.map { fixture in
            parser.parse(Array(fixture.text.utf8), path: fixture.path, folderKind: config.folderKind(ofPath: fixture.path)).record
        }
    }
}
