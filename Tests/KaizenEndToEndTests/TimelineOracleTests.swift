import Foundation
import Testing

// End-to-end tests of `kaizen timeline` against an independent oracle.
//
// Each test builds a real git repository with the `git` program (GitFixture), runs
// `kaizen timeline --format json --no-cache`, and compares every record and event with
// what the oracle below derives from git's own output:
//
//   git log REF --first-parent --diff-merges=first-parent -M --reverse --name-status -z
//           --format=<marker>%H<US>%an<US>%ae<US>%cI -- <records folders>
//
// and, for each added, modified or renamed record file, its content at that commit
// (`git cat-file --batch` with `<commit>:<path>`, the batched form of `git show`). The
// front matter is read naively (lines between the first two `---`, `key: value`, quotes
// trimmed), which is enough for the simple scalars the fixtures write. The oracle shares
// no code with kaizen (which uses libgit2 and Yams).
//
// Decisions where the spec leaves room (the tests assert these):
// - Records are sorted by id, then path, in Unicode code-point order (Swift's `<`), so
//   "README" sorts before "cafe-menu".
// - When several tracked fields change in one commit, their `changed` events follow the
//   order of the --field options.
// - A value is the scalar's string as written, quotes and a trailing ` # comment` removed:
//   `status: "running"` equals `status: running` and makes no event; `confidence: 0.50` is
//   "0.50". A field that is removed, or left empty, is null.
// - An `id` counts only when YAML reads it as a string: `id: 42` is a number, so the
//   record is named by its file; `id: "43"` is the string "43".
// - Records named on the command line (`kaizen timeline ID...`) are still sorted by id.
// - A record moved out of the records folders is deleted; one moved in is created.
// - The cache never changes the output: a cached run prints byte for byte what a
//   --no-cache run prints, whatever happened since the cache was written (new commits,
//   rewritten history, an older --ref, another --field, a deepened shallow clone, another
//   work tree).
// - In --path mode a Markdown file without front matter is a record whose fields are null.
// - Shallow clones: every record present in the boundary commit (the commit listed in
//   .git/shallow) has beyondShallowBoundary true, and its first visible state is a
//   `created` event at the boundary commit, with that commit's author and date — even
//   when the record was in fact created by the boundary commit itself, which a shallow
//   clone cannot tell. The flag stays true after a later delete or re-create.
// - An empty repository (no commits): exit 0, "head": null, "records": [].
// - "ref" is "HEAD" when --ref is not given, and the REF as given otherwise.
// - Author names that are not UTF-8 are decoded with U+FFFD for each maximal invalid
//   sequence (Swift's String(decoding:as:)); the fixtures write them without an
//   `encoding` header, so git log passes the bytes through untouched.
//
// The fixtures avoid what the spec does not define: renaming a record whose identity is
// its file name, changing a record's id in place, two live files with one id, and a delete
// and re-create of one id within a single commit.

// MARK: - The timeline model, shared by the oracle and the decoded JSON

struct OracleEvent: Equatable, CustomStringConvertible {
    var type: String
    var commit: String
    var date: String
    var authorName: String
    var authorEmail: String
    var field: String?
    var from: String?
    var to: String?
    var fromPath: String?
    var toPath: String?

    var description: String {
        func show(_ value: String?) -> String { value.map { "\"\($0)\"" } ?? "null" }
        return "\(type) field=\(show(field)) from=\(show(from)) to=\(show(to)) fromPath=\(show(fromPath)) "
            + "toPath=\(show(toPath)) commit=\(commit.prefix(10)) date=\(date) author=\(authorName) <\(authorEmail)>"
    }
}

struct OracleRecord: Equatable {
    var id: String
    var path: String
    var deleted: Bool
    var beyondShallowBoundary: Bool
    var events: [OracleEvent]
}

struct OracleTimeline: Equatable {
    var version = 1
    var ref = "HEAD"
    var head: String?
    var shallow = false
    var records: [OracleRecord] = []

    func record(_ id: String) -> OracleRecord? {
        records.first { $0.id == id }
    }
}

/// Which files are records: a workspace's records folders, or any folder in --path mode.
enum RecordScope {
    /// A kaizen workspace whose kaizen.yml is in `root` (relative to the work tree; "" for the top).
    case workspace(root: String)
    /// `--path DIR`: every *.md file below the folder, README.md included.
    case folder(String)

    private static let recordFolders = ["experiments", "improvements", "constraints"]

    var pathspecs: [String] {
        switch self {
        case .workspace(let root): Self.recordFolders.map { root.isEmpty ? $0 : "\(root)/\($0)" }
        case .folder(let folder): [folder]
        }
    }

    func includes(_ path: String) -> Bool {
        guard path.hasSuffix(".md"), pathspecs.contains(where: { path.hasPrefix($0 + "/") }) else { return false }
        switch self {
        case .workspace: return path.split(separator: "/").last != "README.md"
        case .folder: return true
        }
    }
}

// MARK: - The oracle

enum TimelineOracle {
    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    private struct LoggedCommit {
        var hash: String
        var authorName: String
        var authorEmail: String
        var date: String
        /// name-status entries: ("A", [path]), ("R100", [old, new]), …
        var changes: [(status: String, paths: [String])]
    }

    private struct State {
        var id: String
        var path: String
        var deleted = false
        var beyond = false
        var values: [String?]
        var events: [OracleEvent] = []
    }

    /// The timeline `kaizen timeline --format json` should print, computed from git's output only.
    static func timeline(of repository: GitFixture, scope: RecordScope = .workspace(root: ""),
                         fields: [String] = ["status"], ref: String = "HEAD") throws -> OracleTimeline {
        var result = OracleTimeline()
        result.shallow = try repository.gitText(["rev-parse", "--is-shallow-repository"]) == "true"
        guard let head = try? repository.resolve(ref) else { return result }
        result.head = head
        let boundary = try repository.shallowBoundary()

        let log = try repository.git(["-c", "core.quotePath=false", "log", ref, "--first-parent", "--diff-merges=first-parent",
                                      "-M", "--reverse", "--name-status", "-z", "--no-ext-diff", "--no-textconv",
                                      "--format=%x01%H%x1f%an%x1f%ae%x1f%cI", "--"] + scope.pathspecs)
        let commits = try parseLog(log)

        // Read every added, modified and renamed-to file at its commit in one batch.
        var wanted: [String] = []
        for commit in commits {
            for change in commit.changes where !change.status.hasPrefix("D") {
                if let path = change.paths.last, scope.includes(path) { wanted.append("\(commit.hash):\(path)") }
            }
        }
        let contents = try catFile(repository, wanted)

        var states: [String: State] = [:]
        var idAtPath: [String: String] = [:]
        for commit in commits {
            func event(_ type: String, _ field: String?, _ from: String?, _ to: String?, _ fromPath: String?,
                       _ toPath: String?) -> OracleEvent {
                OracleEvent(type: type, commit: commit.hash, date: commit.date, authorName: commit.authorName,
                              authorEmail: commit.authorEmail, field: field, from: from, to: to, fromPath: fromPath, toPath: toPath)
            }
            func read(_ path: String) throws -> [String: String] {
                guard let text = contents["\(commit.hash):\(path)"] else {
                    throw Failure(description: "oracle: no content for \(commit.hash):\(path)")
                }
                return frontMatter(text)
            }
            func identity(_ front: [String: String], _ path: String) -> String {
                front[stringIDKey] ?? String(path.split(separator: "/").last!.dropLast(3))
            }
            func create(_ path: String) throws {
                let front = try read(path)
                let id = identity(front, path)
                if let existing = states[id], !existing.deleted {
                    throw Failure(description: "fixture is ambiguous: \(path) adds id '\(id)' while \(existing.path) is live")
                }
                var state = states[id] ?? State(id: id, path: path, values: [])
                state.path = path
                state.deleted = false
                if boundary.contains(commit.hash) { state.beyond = true }
                state.values = fields.map { front[$0] }
                state.events.append(event("created", fields[0], nil, state.values[0], nil, path))
                for (index, field) in fields.enumerated().dropFirst() where state.values[index] != nil {
                    state.events.append(event("changed", field, nil, state.values[index], nil, path))
                }
                states[id] = state
                idAtPath[path] = id
            }
            func update(_ id: String, from oldPath: String, to path: String) throws {
                let front = try read(path)
                guard identity(front, path) == id else {
                    throw Failure(description: "fixture is ambiguous: \(path) changes id '\(id)' to '\(identity(front, path))'")
                }
                var state = states[id]!
                if oldPath != path {
                    state.events.append(event("renamed", nil, nil, nil, oldPath, path))
                    state.path = path
                    idAtPath[oldPath] = nil
                    idAtPath[path] = id
                }
                for (index, field) in fields.enumerated() where front[field] != state.values[index] {
                    state.events.append(event("changed", field, state.values[index], front[field], nil, path))
                    state.values[index] = front[field]
                }
                states[id] = state
            }
            func delete(_ path: String) throws {
                guard let id = idAtPath.removeValue(forKey: path) else {
                    throw Failure(description: "oracle: \(path) deleted in \(commit.hash) but never added")
                }
                var state = states[id]!
                state.events.append(event("deleted", fields[0], state.values[0], nil, path, nil))
                state.deleted = true
                state.values = fields.map { _ in nil }
                states[id] = state
            }

            for change in commit.changes {
                let kind = change.status.first!
                switch kind {
                case "A", "C":
                    if scope.includes(change.paths.last!) { try create(change.paths.last!) }
                case "M", "T":
                    let path = change.paths[0]
                    if scope.includes(path) {
                        guard let id = idAtPath[path] else { throw Failure(description: "oracle: \(path) modified but never added") }
                        try update(id, from: path, to: path)
                    }
                case "D":
                    if scope.includes(change.paths[0]) { try delete(change.paths[0]) }
                case "R":
                    let (old, new) = (change.paths[0], change.paths[1])
                    switch (scope.includes(old), scope.includes(new)) {
                    case (true, true):
                        guard let id = idAtPath[old] else { throw Failure(description: "oracle: \(old) renamed but never added") }
                        try update(id, from: old, to: new)
                    case (true, false): try delete(old)
                    case (false, true): try create(new)
                    case (false, false): break
                    }
                default:
                    throw Failure(description: "oracle: unexpected status \(change.status) in \(commit.hash)")
                }
            }
        }
        result.records = states.values
            .map { OracleRecord(id: $0.id, path: $0.path, deleted: $0.deleted, beyondShallowBoundary: $0.beyond, events: $0.events) }
            .sorted { ($0.id, $0.path) < ($1.id, $1.path) }
        return result
    }

    /// Where `frontMatter` puts `id` when YAML reads it as a string (quoted, or a plain
    /// scalar that is not a number, boolean or null).
    static let stringIDKey = "\u{0}id-as-string"

    /// Whether a plain (unquoted) YAML scalar resolves to a string under the core schema.
    static func plainScalarIsString(_ value: String) -> Bool {
        let lowered = value.lowercased()
        if ["true", "false", "null", "~", ".inf", "-.inf", "+.inf", ".nan"].contains(lowered) { return false }
        let number = #/[-+]?(0x[0-9a-fA-F]+|0o[0-7]+|[0-9]+(\.[0-9]*)?([eE][-+]?[0-9]+)?|\.[0-9]+([eE][-+]?[0-9]+)?)/#
        return value.wholeMatch(of: number) == nil
    }

    /// The front matter as `key: value` pairs: top-level lines between the first two `---`
    /// lines, quotes trimmed; keys without a value are left out (null). A string `id` is
    /// also stored under `stringIDKey`.
    static func frontMatter(_ text: String) -> [String: String] {
        // Split on line feeds as Unicode scalars: "\r\n" is one Character, so splitting the
        // String on "\n" would not see CRLF line ends.
        let lines = text.unicodeScalars.split(separator: "\n", omittingEmptySubsequences: false)
            .map { $0.last == "\r" ? String($0.dropLast()) : String($0) }
        guard lines.first == "---" else { return [:] }
        var result: [String: String] = [:]
        for line in lines.dropFirst() {
            if line == "---" { break }
            guard let first = line.first, first != " ", first != "-", first != "#",
                  let colon = line.firstIndex(of: ":") else { continue }
            let key = line[..<colon].trimmingCharacters(in: .whitespaces)
            var value = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
            var isString = true
            if value.count >= 2, let quote = value.first, quote == "\"" || quote == "'", value.last == quote {
                value = String(value.dropFirst().dropLast())
            } else if value.isEmpty || value == "~" || value == "null" {
                continue
            } else {
                // A plain scalar ends where a comment starts (" #").
                if let comment = value.range(of: " #") { value = value[..<comment.lowerBound].trimmingCharacters(in: .whitespaces) }
                if value.isEmpty || value == "~" || value == "null" { continue }
                isString = plainScalarIsString(value)
            }
            result[key] = value
            if key == "id", isString, !value.isEmpty { result[stringIDKey] = value }
        }
        return result
    }

    /// Splits `git log -z --name-status` output: commits start with 0x01, header fields are
    /// separated by 0x1f, and then come NUL-terminated status and path tokens.
    private static func parseLog(_ data: Data) throws -> [LoggedCommit] {
        var commits: [LoggedCommit] = []
        for chunk in data.split(separator: 0x01, omittingEmptySubsequences: true) {
            var tokens = chunk.split(separator: 0x00, omittingEmptySubsequences: false).map { Array($0) }
            let header = tokens.removeFirst().split(separator: 0x1f, omittingEmptySubsequences: false)
                .map { String(decoding: $0, as: UTF8.self) }
            guard header.count == 4 else { throw Failure(description: "oracle: bad log header \(header)") }
            var commit = LoggedCommit(hash: header[0], authorName: header[1], authorEmail: header[2], date: header[3], changes: [])
            var strings = tokens.map { token -> String in
                String(decoding: token.drop(while: { $0 == 0x0a }), as: UTF8.self)
            }.filter { !$0.isEmpty }[...]
            while let status = strings.popFirst() {
                let count = status.hasPrefix("R") || status.hasPrefix("C") ? 2 : 1
                guard strings.count >= count else { throw Failure(description: "oracle: truncated log entry \(status)") }
                commit.changes.append((status, Array(strings.prefix(count))))
                strings = strings.dropFirst(count)
            }
            commits.append(commit)
        }
        return commits
    }

    /// `git cat-file --batch` for many `<commit>:<path>` names at once.
    private static func catFile(_ repository: GitFixture, _ names: [String]) throws -> [String: String] {
        guard !names.isEmpty else { return [:] }
        let output = [UInt8](try repository.git(["cat-file", "--batch"], input: Data(names.map { $0 + "\n" }.joined().utf8)))
        var result: [String: String] = [:]
        var position = 0
        for name in names {
            guard let newline = output[position...].firstIndex(of: 0x0a) else { throw Failure(description: "oracle: cat-file ended early") }
            let header = String(decoding: output[position..<newline], as: UTF8.self).split(separator: " ")
            guard header.count == 3, header[1] == "blob", let size = Int(header[2]) else {
                throw Failure(description: "oracle: cat-file could not read \(name): \(header)")
            }
            let start = newline + 1
            result[name] = String(decoding: output[start..<start + size], as: UTF8.self)
            position = start + size + 1
        }
        return result
    }
}

// MARK: - Reading kaizen's JSON

enum TimelineJSON {
    /// Decodes `kaizen timeline --format json`, insisting on every key the spec lists.
    static func decode(_ text: String) throws -> OracleTimeline {
        struct Problem: Error, CustomStringConvertible { var description: String }
        guard let object = try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any] else {
            throw Problem(description: "the JSON output is not an object")
        }
        func value(_ dictionary: [String: Any], _ key: String, _ context: String) throws -> Any {
            guard let value = dictionary[key] else { throw Problem(description: "\(context): missing key \"\(key)\"") }
            return value
        }
        func string(_ dictionary: [String: Any], _ key: String, _ context: String) throws -> String {
            guard let result = try value(dictionary, key, context) as? String else {
                throw Problem(description: "\(context): \"\(key)\" is not a string: \(dictionary[key]!)")
            }
            return result
        }
        func optionalString(_ dictionary: [String: Any], _ key: String, _ context: String) throws -> String? {
            let raw = try value(dictionary, key, context)
            if raw is NSNull { return nil }
            guard let result = raw as? String else { throw Problem(description: "\(context): \"\(key)\" is neither a string nor null: \(raw)") }
            return result
        }
        func bool(_ dictionary: [String: Any], _ key: String, _ context: String) throws -> Bool {
            guard let result = try value(dictionary, key, context) as? Bool else {
                throw Problem(description: "\(context): \"\(key)\" is not a boolean: \(dictionary[key]!)")
            }
            return result
        }
        var timeline = OracleTimeline()
        timeline.version = try value(object, "version", "top level") as? Int ?? -1
        timeline.ref = try string(object, "ref", "top level")
        timeline.head = try optionalString(object, "head", "top level")
        timeline.shallow = try bool(object, "shallow", "top level")
        guard let records = try value(object, "records", "top level") as? [[String: Any]] else {
            throw Problem(description: "\"records\" is not an array of objects")
        }
        for (recordIndex, record) in records.enumerated() {
            let id = try string(record, "id", "record #\(recordIndex)")
            let context = "record '\(id)'"
            guard let events = try value(record, "events", context) as? [[String: Any]] else {
                throw Problem(description: "\(context): \"events\" is not an array of objects")
            }
            guard try value(record, "timeInStatus", context) is [Any] else {
                throw Problem(description: "\(context): \"timeInStatus\" is not an array")
            }
            var decoded = OracleRecord(id: id, path: try string(record, "path", context), deleted: try bool(record, "deleted", context),
                                         beyondShallowBoundary: try bool(record, "beyondShallowBoundary", context), events: [])
            for (index, event) in events.enumerated() {
                let eventContext = "\(context), event #\(index)"
                guard let author = try value(event, "author", eventContext) as? [String: Any] else {
                    throw Problem(description: "\(eventContext): \"author\" is not an object")
                }
                decoded.events.append(OracleEvent(
                    type: try string(event, "type", eventContext), commit: try string(event, "commit", eventContext),
                    date: try string(event, "date", eventContext), authorName: try string(author, "name", eventContext + " author"),
                    authorEmail: try string(author, "email", eventContext + " author"),
                    field: try optionalString(event, "field", eventContext), from: try optionalString(event, "from", eventContext),
                    to: try optionalString(event, "to", eventContext), fromPath: try optionalString(event, "fromPath", eventContext),
                    toPath: try optionalString(event, "toPath", eventContext)))
            }
            timeline.records.append(decoded)
        }
        return timeline
    }

    /// Every difference between the expected and the actual timeline, one readable line each.
    static func differences(expected: OracleTimeline, actual: OracleTimeline) -> [String] {
        var problems: [String] = []
        if actual.version != expected.version { problems.append("version: expected \(expected.version), got \(actual.version)") }
        if actual.ref != expected.ref { problems.append("ref: expected \(expected.ref), got \(actual.ref)") }
        if actual.head != expected.head { problems.append("head: expected \(expected.head ?? "null"), got \(actual.head ?? "null")") }
        if actual.shallow != expected.shallow { problems.append("shallow: expected \(expected.shallow), got \(actual.shallow)") }
        let expectedIDs = expected.records.map(\.id), actualIDs = actual.records.map(\.id)
        let missing = expectedIDs.filter { !actualIDs.contains($0) }, extra = actualIDs.filter { !expectedIDs.contains($0) }
        if !missing.isEmpty { problems.append("records missing from kaizen's output: \(missing.prefix(20))\(missing.count > 20 ? " … (\(missing.count))" : "")") }
        if !extra.isEmpty { problems.append("records kaizen reported that the oracle does not have: \(extra.prefix(20))") }
        let duplicated = Dictionary(grouping: actualIDs, by: { $0 }).filter { $0.value.count > 1 }.keys.sorted()
        if !duplicated.isEmpty { problems.append("records reported more than once: \(duplicated.prefix(20))") }
        if missing.isEmpty, extra.isEmpty, duplicated.isEmpty, expectedIDs != actualIDs {
            problems.append("records are not sorted by id: expected \(expectedIDs.prefix(20)), got \(actualIDs.prefix(20))")
        }
        for want in expected.records {
            guard let got = actual.records.first(where: { $0.id == want.id }) else { continue }
            let name = "record '\(want.id)'"
            if got.path != want.path { problems.append("\(name): path expected \(want.path), got \(got.path)") }
            if got.deleted != want.deleted { problems.append("\(name): deleted expected \(want.deleted), got \(got.deleted)") }
            if got.beyondShallowBoundary != want.beyondShallowBoundary {
                problems.append("\(name): beyondShallowBoundary expected \(want.beyondShallowBoundary), got \(got.beyondShallowBoundary)")
            }
            for index in 0..<max(want.events.count, got.events.count) {
                let expectedEvent = index < want.events.count ? want.events[index] : nil
                let actualEvent = index < got.events.count ? got.events[index] : nil
                if expectedEvent != actualEvent {
                    problems.append("\(name), event #\(index):\n    expected \(expectedEvent?.description ?? "no event")\n"
                                    + "    got      \(actualEvent?.description ?? "no event")")
                }
            }
        }
        return problems
    }
}

// MARK: - Test helpers

extension GitFixture {
    /// A new repository with kaizen.yml (RecordText.config) written but not
    /// committed: where every timeline test starts.
    static func withTimelineConfig() throws -> GitFixture {
        let repo = try GitFixture()
        try repo.write("kaizen.yml", RecordText.config)
        return repo
    }

    /// Runs `kaizen timeline --format json --no-cache` plus `arguments`, and records an issue
    /// for each way its output differs from `expected` (at most 25, then a count).
    @discardableResult
    func expectTimeline(_ expected: OracleTimeline, arguments: [String] = [], in subfolder: String? = nil, cache: Bool = false,
                        sourceLocation: SourceLocation = #_sourceLocation) throws -> KaizenProcess.Result {
        let result = try kaizen(["timeline", "--format", "json", "--today", "2026-06-01"] + (cache ? [] : ["--no-cache"]) + arguments,
                                in: subfolder)
        let command = "kaizen timeline \(arguments.joined(separator: " "))\(cache ? "" : " --no-cache") in \(subfolder ?? ".")"
        guard result.status == 0 else {
            Issue.record("\(command) exited \(result.status): \(result.stderr)\(result.stdout.prefix(500))", sourceLocation: sourceLocation)
            return result
        }
        let actual: OracleTimeline
        do {
            actual = try TimelineJSON.decode(result.stdout)
        } catch {
            Issue.record("\(command): \(error)\n\(result.stdout.prefix(2000))", sourceLocation: sourceLocation)
            return result
        }
        let problems = TimelineJSON.differences(expected: expected, actual: actual)
        for problem in problems.prefix(25) { Issue.record("\(command): \(problem)", sourceLocation: sourceLocation) }
        if problems.count > 25 { Issue.record("\(command): … and \(problems.count - 25) more differences", sourceLocation: sourceLocation) }
        return result
    }

    /// The oracle's timeline and kaizen's, compared.
    @discardableResult
    func expectTimelineMatchesOracle(scope: RecordScope = .workspace(root: ""), fields: [String] = ["status"],
                                     arguments: [String] = [], in subfolder: String? = nil,
                                     sourceLocation: SourceLocation = #_sourceLocation) throws -> OracleTimeline {
        let expected = try TimelineOracle.timeline(of: self, scope: scope, fields: fields)
        try expectTimeline(expected, arguments: arguments, in: subfolder, sourceLocation: sourceLocation)
        return expected
    }
}

/// Records an issue when two runs printed different output, showing the first line that differs.
func expectSameOutput(_ actual: KaizenProcess.Result, _ expected: KaizenProcess.Result, _ what: String,
                      sourceLocation: SourceLocation = #_sourceLocation) {
    guard actual.stdout != expected.stdout || actual.status != expected.status else { return }
    let got = actual.stdout.split(separator: "\n", omittingEmptySubsequences: false)
    let want = expected.stdout.split(separator: "\n", omittingEmptySubsequences: false)
    let line = zip(got, want).enumerated().first { $0.element.0 != $0.element.1 }?.offset ?? min(got.count, want.count)
    Issue.record("""
        \(what): the outputs differ (exit \(actual.status) vs \(expected.status)), first at line \(line + 1):
            got      \(line < got.count ? String(got[line]) : "<end>")
            expected \(line < want.count ? String(want[line]) : "<end>")
        """, sourceLocation: sourceLocation)
}

/// Shorthand for the events the tests write out by hand to check the oracle itself.
private func summary(_ record: OracleRecord?) -> [String] {
    (record?.events ?? []).map { event in
        switch event.type {
        case "renamed": "renamed \(event.fromPath ?? "null") -> \(event.toPath ?? "null")"
        case "deleted": "deleted \(event.from ?? "null") at \(event.fromPath ?? "null")"
        case "created": "created \(event.field ?? "null")=\(event.to ?? "null") at \(event.toPath ?? "null")"
        default: "changed \(event.field ?? "null") \(event.from ?? "null") -> \(event.to ?? "null")"
        }
    }
}

// MARK: - Tests

@Suite struct TimelineOracleTests {
    /// 1. Linear history: three experiments move planned → running → concluded over several
    /// commits by different authors; README.md and non-Markdown files are not records; a
    /// record without `id` is named by its file; commits touching no record make no events.
    @Test func linearHistory() throws {
        let repo = try GitFixture.withTimelineConfig()
        try repo.write("experiments/README.md", "# Experiments\n\nOne file per experiment.\n")
        try repo.write("experiments/smaller-batches.md", RecordText.experiment(id: "exp-a", title: "Smaller batches", status: "planned"))
        let c1Date = repo.nextDate()
        let c1 = try repo.commit("Plan smaller batches", by: .ana, at: c1Date)

        try repo.write("experiments/pair-review.md", RecordText.experiment(id: "exp-b", title: "Pair review", status: "planned"))
        try repo.write("improvements/flow/small-batches.md", RecordText.improvement(id: nil, title: "Small batches", status: "trialling"))
        try repo.write("improvements/flow/README.md", "---\nstatus: not a record\n---\n")
        try repo.write("experiments/notes.txt", "not a record\n")
        try repo.commit("Plan pair review", by: .ben)

        try repo.write("experiments/smaller-batches.md", RecordText.experiment(id: "exp-a", title: "Smaller batches", status: "running"))
        try repo.write("experiments/pair-review.md", RecordText.experiment(id: "exp-b", title: "Pair review", status: "planned",
                                                                           notes: ["2026-03-04: booked the pairing slots"]))
        let c3 = try repo.commit("Start smaller batches", by: .chen)

        try repo.write("constraints/review-capacity.md", RecordText.constraint(id: nil, title: "Review capacity", status: "active"))
        try repo.write("experiments/README.md", "# Experiments\n\nOne file per experiment; see kaizen.yml.\n")
        try repo.commit("Record the review constraint", by: .ana)

        try repo.write("experiments/smaller-batches.md", RecordText.experiment(id: "exp-a", title: "Smaller batches", status: "concluded"))
        try repo.write("experiments/pair-review.md", RecordText.experiment(id: "exp-b", title: "Pair review", status: "running",
                                                                           notes: ["2026-03-04: booked the pairing slots"]))
        let c5Date = repo.nextDate()
        let c5 = try repo.commit("Conclude smaller batches, start pair review", by: .ben, at: c5Date)

        try repo.write("kaizen.yml", RecordText.config + "wip-limit: 3\n")
        try repo.write("docs/guide.md", "---\nstatus: draft\n---\n")
        try repo.commit("Configuration only", by: .chen)

        try repo.write("experiments/wip-limit.md", RecordText.experiment(id: "exp-c", title: "Lower the WIP limit", status: "planned"))
        try repo.commit("Plan a WIP limit", by: .chen)
        try repo.write("experiments/wip-limit.md", RecordText.experiment(id: "exp-c", title: "Lower the WIP limit", status: "running"))
        try repo.write("experiments/pair-review.md", RecordText.experiment(id: "exp-b", title: "Pair review", status: "concluded",
                                                                           notes: ["2026-03-04: booked the pairing slots", "2026-03-20: wait fell to 5 hours"]))
        try repo.commit("Start WIP limit, conclude pair review", by: .ana)
        try repo.write("experiments/wip-limit.md", RecordText.experiment(id: "exp-c", title: "Lower the WIP limit", status: "concluded"))
        try repo.commit("Conclude WIP limit", by: .zoe)

        // The oracle itself, checked by hand.
        let oracle = try TimelineOracle.timeline(of: repo)
        #expect(oracle.records.map(\.id) == ["exp-a", "exp-b", "exp-c", "review-capacity", "small-batches"])
        #expect(summary(oracle.record("exp-a")) == ["created status=planned at experiments/smaller-batches.md",
                                                   "changed status planned -> running", "changed status running -> concluded"])
        #expect(summary(oracle.record("exp-b")) == ["created status=planned at experiments/pair-review.md",
                                                   "changed status planned -> running", "changed status running -> concluded"])
        #expect(summary(oracle.record("exp-c")).count == 3)
        let a = try #require(oracle.record("exp-a"))
        #expect(a.events.map(\.commit) == [c1, c3, c5])
        #expect(a.events.map(\.authorName) == ["Ana Lima", "Chen Wei", "Ben Okafor"])
        #expect(a.events[0].date == c1Date.iso && a.events[2].date == c5Date.iso)
        #expect(a.events[2].authorEmail == "ben.okafor@example.org")
        #expect(oracle.record("exp-c")?.events.last?.authorName == "Zoë Ødegård")
        #expect(oracle.head == (try repo.head()))

        try repo.expectTimeline(oracle)

        // IDs select records (named in sorted order here; see recordsNamedOnTheCommandLine).
        var selected = oracle
        selected.records = oracle.records.filter { ["exp-a", "small-batches"].contains($0.id) }
        try repo.expectTimeline(selected, arguments: ["exp-a", "small-batches"])

        // The other formats run on the same history.
        for format in ["text", "markdown", "mermaid", "csv"] {
            let result = try repo.kaizen(["timeline", "--format", format, "--no-cache", "--today", "2026-06-01"])
            #expect(result.status == 0, "--format \(format): \(result.stderr)")
            #expect(!result.stdout.isEmpty, "--format \(format) printed nothing")
        }
    }

    /// 2. Merges from topic branches with `--no-ff`: a topic branch's changes appear once, at
    /// the merge commit, with the merge commit's author and committer date, as the net change
    /// against the first parent (planned → concluded, not planned → running → concluded).
    /// Topic commits are dated after the merge, so ordering by date would be caught.
    @Test func mergesLandAtTheMergeCommit() throws {
        let repo = try GitFixture.withTimelineConfig()
        try repo.write("experiments/a.md", RecordText.experiment(id: "exp-a", title: "Smaller batches", status: "planned"))
        try repo.write("experiments/b.md", RecordText.experiment(id: "exp-b", title: "Pair review", status: "planned"))
        try repo.commit("Plan two experiments", by: .ana)

        let future = GitDate(2027, 1, 10, 12, offsetMinutes: 60)
        try repo.branch("topic/batches")
        try repo.write("experiments/a.md", RecordText.experiment(id: "exp-a", title: "Smaller batches", status: "running"))
        try repo.commit("Start batches", by: .ben, at: future)
        try repo.write("experiments/a.md", RecordText.experiment(id: "exp-a", title: "Smaller batches", status: "concluded"))
        try repo.write("experiments/c.md", RecordText.experiment(id: "exp-c", title: "Canary releases", status: "planned"))
        try repo.commit("Conclude batches, plan canaries", by: .ben, at: future.adding(minutes: 60))
        try repo.write("experiments/c.md", RecordText.experiment(id: "exp-c", title: "Canary releases", status: "running"))
        try repo.commit("Start canaries", by: .chen, at: future.adding(minutes: 120))

        try repo.checkout("main")
        try repo.write("experiments/b.md", RecordText.experiment(id: "exp-b", title: "Pair review", status: "running"))
        let mainChange = try repo.commit("Start pair review on main", by: .ana)
        let merge1Date = repo.nextDate()
        let merge1 = try repo.merge("topic/batches", by: .mia, at: merge1Date)

        // A second topic renames and concludes exp-b while main plans exp-d.
        try repo.branch("topic/archive")
        try repo.move("experiments/b.md", to: "experiments/archive/b.md")
        try repo.write("experiments/archive/b.md", RecordText.experiment(id: "exp-b", title: "Pair review", status: "concluded"))
        try repo.commit("Archive pair review", by: .chen, at: future.adding(minutes: 300))
        try repo.checkout("main")
        try repo.write("experiments/d.md", RecordText.experiment(id: "exp-d", title: "Focus mornings", status: "planned"))
        try repo.commit("Plan focus mornings", by: .ana)
        let merge2 = try repo.merge("topic/archive", by: .zoe)

        // A topic that merges main into itself before it is merged back: at main's merge
        // commit only the topic's own change shows.
        try repo.branch("topic/focus", from: merge1)
        try repo.write("experiments/e.md", RecordText.experiment(id: "exp-e", title: "Weekly demo", status: "planned"))
        try repo.commit("Plan weekly demo", by: .ben, at: future.adding(minutes: 400))
        try repo.merge("main", by: .ben, at: future.adding(minutes: 401))
        try repo.write("experiments/d.md", RecordText.experiment(id: "exp-d", title: "Focus mornings", status: "running"))
        try repo.commit("Start focus mornings", by: .ben, at: future.adding(minutes: 402))
        try repo.checkout("main")
        let merge3 = try repo.merge("topic/focus", by: .mia)

        let oracle = try TimelineOracle.timeline(of: repo)
        #expect(summary(oracle.record("exp-a")) == ["created status=planned at experiments/a.md", "changed status planned -> concluded"])
        #expect(oracle.record("exp-a")?.events.last?.commit == merge1)
        #expect(oracle.record("exp-a")?.events.last?.date == merge1Date.iso)
        #expect(oracle.record("exp-a")?.events.last?.authorName == "Mia Merger")
        #expect(summary(oracle.record("exp-c")) == ["created status=running at experiments/c.md"])
        #expect(oracle.record("exp-b")?.events.map(\.commit).suffix(3) == [mainChange, merge2, merge2])
        #expect(summary(oracle.record("exp-b")).suffix(2) == ["renamed experiments/b.md -> experiments/archive/b.md",
                                                             "changed status running -> concluded"])
        #expect(summary(oracle.record("exp-d")) == ["created status=planned at experiments/d.md", "changed status planned -> running"])
        #expect(oracle.record("exp-d")?.events.last?.commit == merge3)
        #expect(oracle.record("exp-e")?.events.map(\.commit) == [merge3])

        try repo.expectTimeline(oracle)
    }

    enum RenameCase: String, CaseIterable, CustomTestStringConvertible {
        case exact, similar, similarWithStatusChange, dissimilar, outOfAndIntoTheRecordsFolders, allInOneCommit
        var testDescription: String { rawValue }
    }

    /// 3. Renames: exact (same blob), similar (a small edit to a long file, far above 50 %),
    /// a rename with a status change in the same commit (renamed, then changed), and a delete
    /// plus an unrelated add (far below 50 %: deleted and created, no rename).
    @Test(arguments: RenameCase.allCases) func renames(_ kind: RenameCase) throws {
        let repo = try GitFixture.withTimelineConfig()
        let a = { (status: String, notes: [String]) in RecordText.experiment(id: "exp-a", title: "Smaller batches", status: status, notes: notes) }
        let b = { (status: String, notes: [String]) in RecordText.experiment(id: "exp-b", title: "Pair review", status: status, notes: notes) }
        let c = { (status: String, notes: [String]) in RecordText.experiment(id: "exp-c", title: "Canary releases", status: status, notes: notes) }
        try repo.write("experiments/a.md", a("running", []))
        try repo.write("experiments/b.md", b("running", []))
        try repo.write("experiments/c.md", c("running", []))
        try repo.write("experiments/old.md", RecordText.experiment(id: "exp-old", title: "Release train", status: "running"))
        try repo.write("experiments/leaving.md", RecordText.experiment(id: "exp-leaving", title: "Leaving", status: "running"))
        try repo.write("drafts/arriving.md", RecordText.experiment(id: "exp-arriving", title: "Arriving", status: "planned"))
        try repo.commit("Three experiments", by: .ana)
        try repo.write("experiments/a.md", a("running", ["2026-03-05: first week went well"]))
        try repo.commit("Observation", by: .ben)

        let doExact = { try repo.move("experiments/a.md", to: "experiments/archive/2026/a.md") }
        let doSimilar = {
            try repo.move("experiments/b.md", to: "improvements/pair-review.md")
            try repo.write("improvements/pair-review.md", b("running", ["2026-03-09: moved while it runs"]))
        }
        let doStatus = {
            try repo.move("experiments/c.md", to: "experiments/done/canary-releases.md")
            try repo.write("experiments/done/canary-releases.md", c("concluded", []))
        }
        let doDissimilar = {
            try repo.remove("experiments/old.md")
            try repo.write("experiments/new.md", RecordText.experiment(id: "exp-new", title: "Mob programming", status: "planned"))
        }
        let doOutAndIn = {
            try repo.move("experiments/leaving.md", to: "archive/leaving.md")
            try repo.move("drafts/arriving.md", to: "experiments/arriving.md")
        }
        switch kind {
        case .outOfAndIntoTheRecordsFolders: try doOutAndIn()
        case .exact: try doExact()
        case .similar: try doSimilar()
        case .similarWithStatusChange: try doStatus()
        case .dissimilar: try doDissimilar()
        case .allInOneCommit: try doExact(); try doSimilar(); try doStatus(); try doDissimilar(); try doOutAndIn()
        }
        let change = try repo.commit("Reorganise", by: .chen)

        // The fixture is what it claims: git sees renames far above 50 % and the unrelated
        // pair far below it (not a rename even at 20 %).
        let scores = try repo.gitText(["diff", "--name-status", "-M20%", "\(change)~1", change])
        for line in scores.split(separator: "\n") where line.hasPrefix("R") {
            let score = Int(line.prefix(while: { $0 != "\t" }).dropFirst()) ?? 0
            #expect(score >= 85, "rename too close to the threshold: \(line)")
            #expect(!line.contains("old.md"), "unrelated records look alike: \(line)")
        }

        let oracle = try TimelineOracle.timeline(of: repo)
        let created = "created status=running at experiments/"
        if kind == .exact || kind == .allInOneCommit {
            #expect(summary(oracle.record("exp-a")) == [created + "a.md", "renamed experiments/a.md -> experiments/archive/2026/a.md"])
        }
        if kind == .similar || kind == .allInOneCommit {
            #expect(summary(oracle.record("exp-b")) == [created + "b.md", "renamed experiments/b.md -> improvements/pair-review.md"])
        }
        if kind == .similarWithStatusChange || kind == .allInOneCommit {
            #expect(summary(oracle.record("exp-c")) == [created + "c.md", "renamed experiments/c.md -> experiments/done/canary-releases.md",
                                                       "changed status running -> concluded"])
            #expect(oracle.record("exp-c")?.events.last?.toPath == "experiments/done/canary-releases.md")
        }
        if kind == .outOfAndIntoTheRecordsFolders || kind == .allInOneCommit {
            // Only the records folders are read: a move out is a delete, a move in a create.
            #expect(summary(oracle.record("exp-leaving")) == [created + "leaving.md", "deleted running at experiments/leaving.md"])
            #expect(summary(oracle.record("exp-arriving")) == ["created status=planned at experiments/arriving.md"])
        }
        if kind == .dissimilar || kind == .allInOneCommit {
            #expect(summary(oracle.record("exp-old")) == [created + "old.md", "deleted running at experiments/old.md"])
            #expect(summary(oracle.record("exp-new")) == ["created status=planned at experiments/new.md"])
            #expect(oracle.record("exp-old")?.deleted == true)
        }
        try repo.expectTimeline(oracle)
    }

    /// 4. A record deleted and later re-created with the same id continues: created, changed,
    /// deleted, created, changed. Re-creating at another path works the same; a record still
    /// deleted at HEAD keeps its last path and "deleted": true.
    @Test func deleteAndRecreate() throws {
        let repo = try GitFixture.withTimelineConfig()
        try repo.write("experiments/a.md", RecordText.experiment(id: "exp-a", title: "Smaller batches", status: "planned"))
        try repo.write("experiments/b.md", RecordText.experiment(id: "exp-b", title: "Pair review", status: "planned"))
        try repo.write("experiments/c.md", RecordText.experiment(id: "exp-c", title: "Canary releases", status: "running"))
        try repo.commit("Plan", by: .ana)
        try repo.write("experiments/a.md", RecordText.experiment(id: "exp-a", title: "Smaller batches", status: "running"))
        try repo.commit("Start a", by: .ben)
        try repo.remove("experiments/a.md")
        try repo.commit("Drop a", by: .chen)
        try repo.remove("experiments/b.md")
        try repo.commit("Drop b", by: .chen)
        try repo.write("experiments/a.md", RecordText.experiment(id: "exp-a", title: "Smaller batches, again", status: "planned", seed: "second try"))
        let recreated = try repo.commit("Try a again", by: .ana)
        try repo.write("experiments/a.md", RecordText.experiment(id: "exp-a", title: "Smaller batches, again", status: "running", seed: "second try"))
        try repo.write("experiments/2026/pair-review-again.md",
                       RecordText.experiment(id: "exp-b", title: "Pair review, second round", status: "running", seed: "round two"))
        try repo.remove("experiments/c.md")
        try repo.commit("Start a, bring b back, drop c", by: .zoe)

        let oracle = try TimelineOracle.timeline(of: repo)
        #expect(summary(oracle.record("exp-a")) == ["created status=planned at experiments/a.md", "changed status planned -> running",
                                                   "deleted running at experiments/a.md", "created status=planned at experiments/a.md",
                                                   "changed status planned -> running"])
        #expect(oracle.record("exp-a")?.events[3].commit == recreated)
        #expect(summary(oracle.record("exp-b")) == ["created status=planned at experiments/b.md", "deleted planned at experiments/b.md",
                                                   "created status=running at experiments/2026/pair-review-again.md"])
        #expect(oracle.record("exp-b")?.path == "experiments/2026/pair-review-again.md")
        #expect(oracle.record("exp-b")?.deleted == false)
        #expect(oracle.record("exp-c")?.deleted == true)
        #expect(oracle.record("exp-c")?.path == "experiments/c.md")
        try repo.expectTimeline(oracle)
    }

    /// 5. A status changed and changed back (running → concluded → running) gives three
    /// events; edits that leave the status alone, including re-quoting it, give none; a
    /// removed status becomes null and a restored one changes from null.
    @Test func statusChangedAndChangedBack() throws {
        let repo = try GitFixture.withTimelineConfig()
        try repo.write("experiments/a.md", RecordText.experiment(id: "exp-a", title: "Smaller batches", status: "planned"))
        try repo.write("experiments/b.md", RecordText.experiment(id: "exp-b", title: "Pair review", status: "running"))
        try repo.commit("Plan", by: .ana)
        for (index, status) in ["running", "concluded", "running"].enumerated() {
            try repo.write("experiments/a.md", RecordText.experiment(id: "exp-a", title: "Smaller batches", status: status))
            try repo.commit("a is \(status)", by: [GitPerson.ben, .chen, .zoe][index])
        }
        try repo.write("experiments/a.md", RecordText.experiment(id: "exp-a", title: "Smaller batches", status: "running",
                                                                 notes: ["2026-04-01: still running after the rollback"]))
        try repo.commit("Body only", by: .ana)
        try repo.write("experiments/a.md", RecordText.experiment(id: "exp-a", title: "Smaller batches", status: "\"running\"",
                                                                 notes: ["2026-04-01: still running after the rollback"]))
        try repo.commit("Quote the status", by: .ana)
        try repo.write("experiments/b.md", RecordText.experiment(id: "exp-b", title: "Pair review", status: ""))
        try repo.commit("Empty b's status", by: .ben)
        try repo.write("experiments/b.md", RecordText.experiment(id: "exp-b", title: "Pair review", status: nil))
        try repo.commit("Drop b's status", by: .ben)
        try repo.write("experiments/b.md", RecordText.experiment(id: "exp-b", title: "Pair review", status: "paused"))
        try repo.commit("Pause b", by: .chen)

        let oracle = try TimelineOracle.timeline(of: repo)
        #expect(summary(oracle.record("exp-a")) == ["created status=planned at experiments/a.md", "changed status planned -> running",
                                                   "changed status running -> concluded", "changed status concluded -> running"])
        #expect(summary(oracle.record("exp-b")) == ["created status=running at experiments/b.md", "changed status running -> null",
                                                   "changed status null -> paused"])
        try repo.expectTimeline(oracle)
    }

    /// 6. One commit creates 1,000 records; the next changes the status of 500 of them.
    @Test func aThousandRecordsInOneCommit() throws {
        let repo = try GitFixture.withTimelineConfig()
        let ids = (1...1000).map { "exp-\(String(1000 + $0).dropFirst())" }
        for (index, id) in ids.enumerated() {
            let folder = ["experiments", "improvements", "constraints"][index % 3]
            try repo.write("\(folder)/batch-\(index / 100)/\(id).md",
                           RecordText.experiment(id: id, title: "Experiment \(id)", status: "planned", bodyLines: 3))
        }
        let first = try repo.commit("A thousand records", by: .ana)
        for (index, id) in ids.enumerated() where index % 2 == 0 {
            let folder = ["experiments", "improvements", "constraints"][index % 3]
            try repo.write("\(folder)/batch-\(index / 100)/\(id).md",
                           RecordText.experiment(id: id, title: "Experiment \(id)", status: "running", bodyLines: 3))
        }
        let second = try repo.commit("Start half of them", by: .ben)

        let oracle = try TimelineOracle.timeline(of: repo)
        #expect(oracle.records.count == 1000)
        #expect(oracle.records.allSatisfy { $0.events.first?.commit == first })
        #expect(oracle.records.filter { $0.events.count == 2 }.count == 500)
        #expect(oracle.records.filter { $0.events.last?.commit == second }.allSatisfy { $0.events.last?.to == "running" })
        try repo.expectTimeline(oracle)
    }

    /// 7. A shallow clone (`--depth 3`): "shallow": true; every record present at the boundary
    /// commit is beyondShallowBoundary and starts with `created` at the boundary commit; a
    /// record created after the boundary is not; later events match the complete repository's.
    @Test func shallowClone() throws {
        let repo = try GitFixture.withTimelineConfig()
        func write(_ id: String, _ status: String) throws {
            try repo.write("experiments/\(id).md", RecordText.experiment(id: id, title: "Experiment \(id)", status: status))
        }
        try write("exp-a", "planned"); try write("exp-b", "planned")
        try repo.commit("c1", by: .ana)
        try write("exp-a", "running"); try write("exp-c", "planned")
        try repo.commit("c2", by: .ben)
        try write("exp-b", "running")
        try repo.commit("c3", by: .chen)
        try write("exp-a", "concluded"); try write("exp-d", "planned")
        let boundaryCommit = try repo.commit("c4", by: .zoe)
        try write("exp-e", "planned"); try repo.remove("experiments/exp-c.md")
        try repo.commit("c5", by: .ana)
        try write("exp-d", "running"); try write("exp-b", "concluded"); try write("exp-e", "running")
        try repo.commit("c6", by: .ben)

        let clone = try repo.shallowClone(depth: 3)
        #expect(try clone.shallowBoundary() == [boundaryCommit])
        let oracle = try TimelineOracle.timeline(of: clone)
        #expect(oracle.shallow)
        #expect(oracle.records.filter(\.beyondShallowBoundary).map(\.id) == ["exp-a", "exp-b", "exp-c", "exp-d"])
        #expect(summary(oracle.record("exp-a")) == ["created status=concluded at experiments/exp-a.md"])
        #expect(oracle.record("exp-a")?.events.first?.commit == boundaryCommit)
        #expect(oracle.record("exp-a")?.events.first?.authorName == GitPerson.zoe.name)
        #expect(summary(oracle.record("exp-c")) == ["created status=planned at experiments/exp-c.md", "deleted planned at experiments/exp-c.md"])
        #expect(summary(oracle.record("exp-e")) == ["created status=planned at experiments/exp-e.md", "changed status planned -> running"])

        // The oracle agrees with itself: past the boundary, the clone's events are the full history's.
        let full = try TimelineOracle.timeline(of: repo)
        for record in oracle.records {
            let after = record.events.filter { $0.commit != boundaryCommit }
            let fullAfter = full.record(record.id)?.events.filter { event in after.contains { $0.commit == event.commit } } ?? []
            #expect(after == fullAfter, "\(record.id)")
        }

        try clone.expectTimeline(oracle)
        try repo.expectTimeline(full)
    }

    /// 8. Author names that are not UTF-8 (Latin-1 bytes, and a truncated UTF-8 sequence) are
    /// decoded with U+FFFD; a UTF-8 name with accents is kept as it is.
    @Test func authorNamesThatAreNotUTF8() throws {
        let repo = try GitFixture.withTimelineConfig()
        try repo.write("experiments/a.md", RecordText.experiment(id: "exp-a", title: "Smaller batches", status: "planned"))
        try repo.commit("Plan", by: .ana)
        try repo.write("experiments/a.md", RecordText.experiment(id: "exp-a", title: "Smaller batches", status: "running"))
        let latin1 = try repo.commitWithRawAuthor(name: Array("Ren".utf8) + [0xE9] + Array(" M".utf8) + [0xFC] + Array("ller".utf8),
                                                  email: "rene@example.de", message: "Start batches")
        try repo.write("experiments/a.md", RecordText.experiment(id: "exp-a", title: "Smaller batches", status: "concluded"))
        try repo.commit("Conclude batches", by: .zoe)
        try repo.write("experiments/b.md", RecordText.experiment(id: "exp-b", title: "Pair review", status: "planned"))
        try repo.commitWithRawAuthor(name: Array("Jos".utf8) + [0xC3] + Array(" Silva ".utf8) + [0xF0, 0x9F, 0x98],
                                     email: "jose@example.pt", message: "Plan pair review")

        // git really stored the bytes (no `encoding` header, not re-encoded to UTF-8).
        let raw = try repo.git(["cat-file", "commit", latin1])
        #expect(raw.range(of: Data([0x52, 0x65, 0x6E, 0xE9, 0x20])) != nil)

        let oracle = try TimelineOracle.timeline(of: repo)
        #expect(oracle.record("exp-a")?.events.map(\.authorName) == ["Ana Lima", "Ren\u{FFFD} M\u{FFFD}ller", "Zoë Ødegård"])
        #expect(oracle.record("exp-b")?.events.first?.authorName == "Jos\u{FFFD} Silva \u{FFFD}")
        try repo.expectTimeline(oracle)
    }

    /// 9. An empty repository (no commits, even with files in the work tree): exit 0 with no
    /// records and a null head.
    @Test func emptyRepository() throws {
        let repo = try GitFixture.withTimelineConfig()
        try repo.write("experiments/a.md", RecordText.experiment(id: "exp-a", title: "Smaller batches", status: "planned"))
        let oracle = try TimelineOracle.timeline(of: repo)
        #expect(oracle == OracleTimeline(head: nil, shallow: false, records: []))
        let result = try repo.expectTimeline(oracle)
        #expect(result.status == 0)
    }

    /// 10. `--path DIR --field NAME` on a plain folder of notes (no kaizen.yml) whose file and
    /// folder names have spaces and non-ASCII characters; README.md counts in this mode; the
    /// output is the same from the repository's top, from inside the folder and from a sibling.
    @Test(arguments: [["state"], ["state", "owner"]]) func pathModeWithUnusualFileNames(_ fields: [String]) throws {
        let repo = try GitFixture()
        try repo.write("notes/README.md", RecordText.note([("state", "living")], seed: "readme"))
        try repo.write("notes/Café menu.md", RecordText.note([("id", "cafe-menu"), ("state", "draft")], seed: "cafe"))
        try repo.write("notes/ünïcödé/日本語 メモ.md", RecordText.note([("state", "draft"), ("owner", "Chen")], seed: "memo"))
        try repo.write("notes/plain.md", "# No front matter\n\nJust text.\n")
        try repo.write("notes/data.txt", "state: not markdown\n")
        try repo.write("other/outside.md", RecordText.note([("state", "draft")], seed: "outside"))
        try repo.commit("Notes", by: .ana)

        try repo.write("notes/Café menu.md", RecordText.note([("id", "cafe-menu"), ("state", "review"), ("owner", "Ana")], seed: "cafe"))
        try repo.write("notes/ünïcödé/日本語 メモ.md", RecordText.note([("state", "review"), ("owner", "Chen")], seed: "memo"))
        try repo.write("other/outside.md", RecordText.note([("state", "review")], seed: "outside"))
        try repo.commit("Review", by: .zoe)

        try repo.move("notes/Café menu.md", to: "notes/Archive 2026/Café menü.md")
        try repo.write("notes/ünïcödé/日本語 メモ.md", RecordText.note([("state", "published"), ("owner", "Ben")], seed: "memo"))
        try repo.commit("Archive the menu", by: .ben)

        try repo.remove("notes/plain.md")
        try repo.write("notes/Ωmega notes.md", RecordText.note([("id", "omega"), ("state", "draft"), ("owner", "Ben")], seed: "omega"))
        try repo.commit("Omega", by: .chen)

        try repo.move("notes/Ωmega notes.md", to: "notes/Ωmega/Ωmega – final.md")
        try repo.write("notes/Ωmega/Ωmega – final.md", RecordText.note([("id", "omega"), ("state", "review"), ("owner", "Ben")], seed: "omega"))
        try repo.commit("Omega for review", by: .ana)

        let oracle = try TimelineOracle.timeline(of: repo, scope: .folder("notes"), fields: fields)
        #expect(oracle.records.map(\.id) == ["README", "cafe-menu", "omega", "plain", "日本語 メモ"])
        #expect(summary(oracle.record("cafe-menu")).prefix(3) == ["created state=draft at notes/Café menu.md", "changed state draft -> review"]
            + (fields.count == 2 ? ["changed owner null -> Ana"] : ["renamed notes/Café menu.md -> notes/Archive 2026/Café menü.md"]))
        #expect(summary(oracle.record("omega")).suffix(2) == ["renamed notes/Ωmega notes.md -> notes/Ωmega/Ωmega – final.md",
                                                              "changed state draft -> review"])
        #expect(summary(oracle.record("plain")) == ["created state=null at notes/plain.md", "deleted null at notes/plain.md"])
        let fieldArguments = fields.flatMap { ["--field", $0] }
        try repo.expectTimeline(oracle, arguments: ["--path", "notes"] + fieldArguments)
        try repo.expectTimeline(oracle, arguments: ["--path", "."] + fieldArguments, in: "notes")
        try repo.expectTimeline(oracle, arguments: ["--path", "../notes"] + fieldArguments, in: "other")
    }

    /// 11. The workspace root in a subfolder of the git work tree: paths stay relative to the
    /// work tree; records folders outside the workspace are not read; the same output from
    /// the workspace root, from below it, and with --root from the top.
    @Test func workspaceInASubfolder() throws {
        let repo = try GitFixture()
        try repo.write("kaizen/kaizen.yml", RecordText.config)
        try repo.write("kaizen/experiments/a.md", RecordText.experiment(id: "exp-a", title: "Smaller batches", status: "planned"))
        try repo.write("experiments/decoy.md", RecordText.experiment(id: "exp-decoy", title: "Not in the workspace", status: "planned"))
        try repo.commit("Workspace in a folder", by: .ana)
        try repo.write("kaizen/experiments/a.md", RecordText.experiment(id: "exp-a", title: "Smaller batches", status: "running"))
        try repo.write("kaizen/improvements/small-batches.md", RecordText.improvement(id: nil, title: "Small batches", status: "trialling"))
        try repo.write("experiments/decoy.md", RecordText.experiment(id: "exp-decoy", title: "Not in the workspace", status: "running"))
        try repo.commit("Start", by: .ben)
        try repo.move("kaizen/experiments/a.md", to: "kaizen/experiments/2026/a.md")
        try repo.commit("File by year", by: .chen)

        let oracle = try TimelineOracle.timeline(of: repo, scope: .workspace(root: "kaizen"))
        #expect(oracle.records.map(\.id) == ["exp-a", "small-batches"])
        #expect(oracle.record("exp-a")?.path == "kaizen/experiments/2026/a.md")
        #expect(summary(oracle.record("exp-a")).last == "renamed kaizen/experiments/a.md -> kaizen/experiments/2026/a.md")
        let fromRoot = try repo.expectTimeline(oracle, in: "kaizen")
        let fromBelow = try repo.expectTimeline(oracle, in: "kaizen/experiments")
        let withRoot = try repo.expectTimeline(oracle, arguments: ["--root", "kaizen"])
        #expect(fromBelow.stdout == fromRoot.stdout)
        #expect(withRoot.stdout == fromRoot.stdout)
    }

    /// 12. The cache: cached runs print exactly what --no-cache runs print, after new commits,
    /// after history is rewritten (an older commit amended via reset and recommit), for an
    /// older --ref, and for another --field; --no-cache does not write the cache.
    @Test func cacheAgreesWithNoCache() throws {
        let repo = try GitFixture.withTimelineConfig()
        func write(_ id: String, _ status: String, _ title: String? = nil) throws {
            try repo.write("experiments/\(id).md", RecordText.experiment(id: id, title: title ?? "Experiment \(id)", status: status))
        }
        try write("exp-a", "planned"); try write("exp-b", "planned")
        try repo.commit("c1", by: .ana)
        try write("exp-a", "running")
        let c2 = try repo.commit("c2", by: .ben)
        try write("exp-b", "running"); try write("exp-c", "planned")
        try repo.commit("c3", by: .chen)
        try write("exp-a", "concluded")
        try repo.commit("c4", by: .zoe)

        let cacheFolder = repo.gitDirectory.appendingPathComponent("kaizen")
        try repo.expectTimelineMatchesOracle()
        #expect(!FileManager.default.fileExists(atPath: cacheFolder.path), "--no-cache wrote \(cacheFolder.path)")

        func expectCachedEqualsUncached(_ stage: String, arguments: [String] = [], fields: [String] = ["status"],
                                        sourceLocation: SourceLocation = #_sourceLocation) throws {
            let oracle = try TimelineOracle.timeline(of: repo, fields: fields)
            let uncached = try repo.expectTimeline(oracle, arguments: arguments, sourceLocation: sourceLocation)
            for run in 1...2 {
                let cached = try repo.expectTimeline(oracle, arguments: arguments, cache: true, sourceLocation: sourceLocation)
                expectSameOutput(cached, uncached, "\(stage), cached run \(run) against --no-cache", sourceLocation: sourceLocation)
            }
        }
        try expectCachedEqualsUncached("first runs")
        #expect(FileManager.default.fileExists(atPath: cacheFolder.path), "no cache in \(cacheFolder.path)")

        try write("exp-c", "running"); try write("exp-d", "planned")
        try repo.commit("c5", by: .ana)
        try repo.move("experiments/exp-b.md", to: "experiments/done/exp-b.md")
        try write("exp-d", "running")
        let oldHead = try repo.commit("c6", by: .ben)
        try expectCachedEqualsUncached("after two more commits")

        // Rewrite history from c2 on: amend c2 (another status, author and date), then new commits.
        try repo.resetHard(to: c2)
        try write("exp-a", "paused")
        try repo.amend("c2, amended", by: .chen)
        try write("exp-b", "concluded"); try write("exp-e", "planned")
        try repo.commit("c3'", by: .zoe)
        try expectCachedEqualsUncached("after rewriting history")
        try write("exp-e", "running")
        try repo.commit("c4'", by: .ana)
        try expectCachedEqualsUncached("after a commit on the rewritten history")

        // Another tracked field must not reuse the status cache.
        try expectCachedEqualsUncached("with --field title", arguments: ["--field", "title"], fields: ["title"])

        // An older ref, no longer on any branch, through the cache and without it.
        let uncachedOld = try repo.kaizen(["timeline", "--format", "json", "--today", "2026-06-01", "--no-cache", "--ref", oldHead])
        let cachedOld = try repo.kaizen(["timeline", "--format", "json", "--today", "2026-06-01", "--ref", oldHead])
        #expect(uncachedOld.status == 0 && cachedOld.status == 0, "\(uncachedOld.stderr)\(cachedOld.stderr)")
        expectSameOutput(cachedOld, uncachedOld, "--ref \(oldHead) cached against --no-cache")
        if let decoded = try? TimelineJSON.decode(uncachedOld.stdout) {
            var expected = try TimelineOracle.timeline(of: repo, ref: oldHead)
            expected.ref = decoded.ref
            #expect(TimelineJSON.differences(expected: expected, actual: decoded) == [])
        }
    }

    /// 12b. The cache holds HEAD; then `--ref` names an older commit on the same line (an
    /// ancestor of the cached head): the cached run must not report the newer commits' events,
    /// and must leave the cache fit for HEAD again.
    @Test func cacheThenAnOlderCommitOnTheSameLine() throws {
        let repo = try GitFixture.withTimelineConfig()
        for (index, status) in ["planned", "running", "concluded"].enumerated() {
            try repo.write("experiments/a.md", RecordText.experiment(id: "exp-a", title: "Smaller batches", status: status))
            try repo.write("experiments/r\(index).md", RecordText.experiment(id: "exp-r\(index)", title: "Round \(index)", status: "planned"))
            try repo.commit("a is \(status)", by: [GitPerson.ana, .ben, .chen][index])
        }
        let head = try TimelineOracle.timeline(of: repo)
        try repo.expectTimeline(head, cache: true)
        for ref in ["HEAD~1", "HEAD~2", "HEAD"] {
            var expected = try TimelineOracle.timeline(of: repo, ref: ref)
            expected.ref = ref
            let uncached = try repo.expectTimeline(expected, arguments: ["--ref", ref])
            let cached = try repo.expectTimeline(expected, arguments: ["--ref", ref], cache: true)
            expectSameOutput(cached, uncached, "--ref \(ref) cached against --no-cache")
        }
        let again = try repo.expectTimeline(head, cache: true)
        expectSameOutput(again, try repo.expectTimeline(head), "HEAD cached, after the older refs, against --no-cache")
    }

    /// A linked work tree (`git worktree add`) on a diverging branch: paths are relative to
    /// that work tree, and the cache (under the common git dir, shared by both work trees)
    /// never mixes their histories.
    @Test func aLinkedWorkTreeOnAnotherBranch() throws {
        let repo = try GitFixture.withTimelineConfig()
        try repo.write("experiments/a.md", RecordText.experiment(id: "exp-a", title: "Smaller batches", status: "planned"))
        try repo.commit("Plan", by: .ana)
        let linked = try repo.linkedWorkTree(branch: "spike")
        try linked.write("experiments/b.md", RecordText.experiment(id: "exp-b", title: "Spike", status: "running"))
        try linked.commit("Spike", by: .ben)
        try repo.write("experiments/a.md", RecordText.experiment(id: "exp-a", title: "Smaller batches", status: "running"))
        try repo.commit("Start", by: .chen)

        let mainOracle = try TimelineOracle.timeline(of: repo)
        let linkedOracle = try TimelineOracle.timeline(of: linked)
        #expect(mainOracle.records.map(\.id) == ["exp-a"] && linkedOracle.records.map(\.id) == ["exp-a", "exp-b"])
        for _ in 1...2 {
            expectSameOutput(try repo.expectTimeline(mainOracle, cache: true), try repo.expectTimeline(mainOracle), "main work tree, cached")
            expectSameOutput(try linked.expectTimeline(linkedOracle, cache: true), try linked.expectTimeline(linkedOracle),
                             "linked work tree, cached")
        }
    }

    /// Records named on the command line: only those, and still sorted by id as the spec
    /// says of the JSON ("Records are sorted by id (then path)"), whatever the order named.
    @Test func recordsNamedOnTheCommandLineAreSortedByID() throws {
        let repo = try GitFixture.withTimelineConfig()
        for (id, title) in [("exp-a", "Smaller batches"), ("exp-b", "Pair review"), ("exp-c", "Canary releases")] {
            try repo.write("experiments/\(id).md", RecordText.experiment(id: id, title: title, status: "planned"))
        }
        try repo.commit("Plan", by: .ana)
        try repo.write("experiments/exp-c.md", RecordText.experiment(id: "exp-c", title: "Canary releases", status: "running"))
        try repo.commit("Start canaries", by: .ben)
        var selected = try TimelineOracle.timeline(of: repo)
        selected.records = selected.records.filter { $0.id != "exp-b" }
        try repo.expectTimeline(selected, arguments: ["exp-c", "exp-a"])
    }

    /// An `id` that YAML reads as a number is not a string: the record is named by its file.
    @Test func anIDThatIsNotAStringFallsBackToTheFileName() throws {
        let repo = try GitFixture.withTimelineConfig()
        try repo.write("experiments/numbered.md", RecordText.experiment(id: "42", title: "Numbered", status: "planned"))
        try repo.write("experiments/quoted.md", RecordText.experiment(id: "\"43\"", title: "Quoted number", status: "planned"))
        try repo.commit("Plan", by: .ana)
        try repo.write("experiments/numbered.md", RecordText.experiment(id: "42", title: "Numbered", status: "running"))
        try repo.commit("Start", by: .ben)
        let oracle = try TimelineOracle.timeline(of: repo)
        #expect(oracle.records.map(\.id) == ["43", "numbered"])
        try repo.expectTimeline(oracle)
    }

    /// Values are the scalars as written (`0.50`, a date, a quoted string without its
    /// quotes); only front matter counts (not a `status:` line in the body, nor a nested
    /// one); CRLF line ends read like LF.
    @Test func valuesAreScalarsAsWrittenAndOnlyTopLevelFrontMatterCounts() throws {
        let repo = try GitFixture.withTimelineConfig()
        let nested = ["signals:", "  - metric: lead time (days)", "    status: tracked", "    baseline: 9"]
        try repo.write("experiments/a.md", RecordText.experiment(id: "exp-a", title: "Smaller batches", status: "planned",
                                                                 extra: ["confidence: 0.50"] + nested))
        try repo.write("experiments/crlf.md", RecordText.experiment(id: "exp-crlf", title: "Written on Windows", status: "planned")
            .replacingOccurrences(of: "\n", with: "\r\n"))
        try repo.commit("Plan", by: .ana)
        try repo.write("experiments/a.md", RecordText.experiment(id: "exp-a", title: "Smaller batches", status: "planned",
                                                                 notes: ["status: concluded (not really: this is the body)"],
                                                                 extra: ["confidence: 0.75"] + nested.map { $0.replacingOccurrences(of: "tracked", with: "dropped") },
                                                                 reviewBy: "2026-09-01"))
        try repo.write("experiments/crlf.md", RecordText.experiment(id: "exp-crlf", title: "Written on Windows", status: "running")
            .replacingOccurrences(of: "\n", with: "\r\n"))
        try repo.commit("Confidence up, review earlier", by: .ben)
        try repo.write("experiments/a.md", RecordText.experiment(id: "exp-a", title: "Smaller batches", status: "'running'",
                                                                 extra: ["confidence: \"0.75\""], reviewBy: "2026-09-01"))
        try repo.commit("Start, quoting", by: .chen)
        try repo.write("experiments/a.md", RecordText.experiment(id: "exp-a", title: "Smaller batches", status: "running   # since the retro",
                                                                 extra: ["confidence: 0.75 # unchanged"], reviewBy: "2026-09-01"))
        try repo.commit("Comment the status", by: .ana)

        let fields = ["status", "confidence", "review-by"]
        let oracle = try TimelineOracle.timeline(of: repo, fields: fields)
        #expect(summary(oracle.record("exp-a")) == ["created status=planned at experiments/a.md", "changed confidence null -> 0.50",
                                                   "changed review-by null -> 2026-12-20", "changed confidence 0.50 -> 0.75",
                                                   "changed review-by 2026-12-20 -> 2026-09-01", "changed status planned -> running"])
        #expect(summary(oracle.record("exp-crlf")).first == "created status=planned at experiments/crlf.md")
        #expect(summary(oracle.record("exp-crlf")).last == "changed status planned -> running")
        try repo.expectTimeline(oracle, arguments: fields.flatMap { ["--field", $0] })
        try repo.expectTimeline(try TimelineOracle.timeline(of: repo))
    }

    /// Deterministic pseudo-random numbers for the random histories.
    struct SplitMix {
        var state: UInt64
        mutating func next(_ bound: Int) -> Int {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return Int((z ^ (z >> 31)) % UInt64(bound))
        }
        mutating func chance(_ percent: Int) -> Bool { next(100) < percent }
    }

    /// 13. Random histories: about 70 commits of creates, status changes, body edits, exact
    /// and edited renames, deletes and re-creates on main, and topic branches (some dated
    /// after their merge) merged with --no-ff. Topic branches touch only their own records,
    /// so merges are clean, and never delete, so a merge never both deletes and adds one id.
    /// The cache is filled halfway and must still agree at the end.
    @Test(arguments: [7, 1_234, 98_765]) func randomHistory(seed: Int) throws {
        struct Live {
            var path: String
            var status: String
            var title: String
            var seed: String
            var notes: [String] = []
        }
        var random = SplitMix(state: UInt64(seed))
        let repo = try GitFixture.withTimelineConfig()
        let statuses = ["planned", "running", "paused", "concluded", "abandoned"]
        let people = [GitPerson.ana, .ben, .chen, .zoe]
        let folders = ["experiments", "experiments/2026", "improvements", "constraints/platform"]
        var main: [String: Live] = [:]
        var gone: [String: Live] = [:]
        var counter = 0
        var log: [String] = []

        func text(_ id: String, _ record: Live) -> String {
            RecordText.experiment(id: id, title: record.title, status: record.status, seed: record.seed, notes: record.notes)
        }
        /// One commit of 1–4 operations on `state`, touching only `allowed` (or new) ids.
        func commitOps(_ state: inout [String: Live], allowed: (String) -> Bool, onTopic: Bool, at date: GitDate? = nil) throws {
            var touched: Set<String> = []
            var done: [String] = []
            for _ in 0..<(1 + random.next(4)) {
                let candidates = state.keys.filter { allowed($0) && !touched.contains($0) }.sorted()
                let roll = random.next(100)
                counter += 1
                if candidates.isEmpty || roll < 25 {
                    let id = "r\(seed)-\(counter)"
                    let record = Live(path: "\(folders[random.next(folders.count)])/\(id).md", status: statuses[random.next(2)],
                                      title: "Experiment \(counter)", seed: "\(seed)/\(id)")
                    state[id] = record
                    try repo.write(record.path, text(id, record))
                    touched.insert(id)
                    done.append("create \(id)")
                    continue
                }
                let id = candidates[random.next(candidates.count)]
                var record = state[id]!
                touched.insert(id)
                switch roll {
                case ..<55:
                    record.status = statuses.filter { $0 != record.status }[random.next(statuses.count - 1)]
                    done.append("status \(id)")
                case ..<70:
                    record.notes.append("2026: observation \(counter)")
                    done.append("note \(id)")
                case ..<88:
                    let old = record.path
                    record.path = "\(folders[random.next(folders.count)])/moved-\(counter)/\(id).md"
                    try repo.move(old, to: record.path)
                    switch random.next(3) {
                    case 0: done.append("rename \(id)")
                    case 1: record.notes.append("2026: moved \(counter)"); done.append("rename+edit \(id)")
                    default: record.status = statuses.filter { $0 != record.status }[random.next(statuses.count - 1)]
                        done.append("rename+status \(id)")
                    }
                case ..<96 where !onTopic:
                    try repo.remove(record.path)
                    state[id] = nil
                    gone[id] = record
                    done.append("delete \(id)")
                    continue
                default:
                    if !onTopic, let back = gone.keys.sorted().first(where: { !touched.contains($0) }) {
                        var again = gone.removeValue(forKey: back)!
                        again.seed += "/again\(counter)"
                        again.status = "planned"
                        again.notes = []
                        state[back] = again
                        touched.insert(back)
                        try repo.write(again.path, text(back, again))
                        done.append("recreate \(back)")
                    } else {
                        try repo.write("docs/log-\(counter).md", "---\nstatus: not a record\n---\n")
                        done.append("docs")
                    }
                }
                state[id] = record
                try repo.write(record.path, text(id, record))
            }
            log.append(done.joined(separator: ", "))
            try repo.commit(done.joined(separator: ", "), by: people[random.next(people.count)], at: date)
        }

        for episode in 0..<14 {
            if episode == 7 {
                try repo.expectTimeline(try TimelineOracle.timeline(of: repo), cache: true)
            }
            for _ in 0..<(1 + random.next(3)) { try commitOps(&main, allowed: { _ in true }, onTopic: false) }
            guard random.chance(70) else { continue }
            // A topic branch owns a few live records plus the ones it creates.
            let owned = Set(main.keys.sorted().filter { _ in random.chance(30) })
            let base = Set(main.keys)
            var topic = main
            try repo.branch("topic-\(episode)")
            let future = random.chance(50)
            for step in 0..<(1 + random.next(4)) {
                try commitOps(&topic, allowed: { owned.contains($0) || !base.contains($0) }, onTopic: true,
                              at: future ? GitDate(2027, 6, 1 + episode, 8 + step, offsetMinutes: -600) : nil)
            }
            try repo.checkout("main")
            for _ in 0..<random.next(3) { try commitOps(&main, allowed: { !owned.contains($0) }, onTopic: false) }
            try repo.merge("topic-\(episode)", by: random.chance(50) ? .mia : people[random.next(people.count)])
            for (id, record) in topic where owned.contains(id) || !base.contains(id) { main[id] = record }
        }

        let oracle = try TimelineOracle.timeline(of: repo)
        #expect(oracle.records.count == main.count + gone.count, "\(log.joined(separator: "\n"))")
        for (id, record) in main { #expect(oracle.record(id)?.path == record.path && oracle.record(id)?.events.last?.toPath != nil) }
        for (id, record) in gone { #expect(oracle.record(id)?.deleted == true && oracle.record(id)?.path == record.path) }
        let renames = oracle.records.flatMap(\.events).filter { $0.type == "renamed" }.count
        #expect(renames > 3, "the random history should rename records")
        #expect(oracle.records.contains { $0.events.filter { $0.type == "created" }.count > 1 }, "… and re-create one")
        let merges = Set(try repo.gitText(["rev-list", "--first-parent", "--merges", "HEAD"]).split(separator: "\n").map(String.init))
        #expect(oracle.records.flatMap(\.events).contains { merges.contains($0.commit) }, "… and merge changes")
        let uncached = try repo.expectTimeline(oracle)
        let cached = try repo.expectTimeline(oracle, cache: true)
        expectSameOutput(cached, uncached, "cached against --no-cache")
    }

    /// The cache of a shallow clone, after the clone is deepened (`git fetch --unshallow`)
    /// with HEAD unchanged: the cached run must see the whole history, as --no-cache does.
    @Test func cacheOfAShallowCloneThatIsDeepened() throws {
        let repo = try GitFixture.withTimelineConfig()
        for (index, status) in ["planned", "running", "paused", "running", "concluded"].enumerated() {
            try repo.write("experiments/a.md", RecordText.experiment(id: "exp-a", title: "Smaller batches", status: status))
            if index == 1 { try repo.write("experiments/b.md", RecordText.experiment(id: "exp-b", title: "Pair review", status: "planned")) }
            try repo.commit("a is \(status)", by: [GitPerson.ana, .ben, .chen, .zoe, .mia][index])
        }
        let clone = try repo.shallowClone(depth: 2)
        let shallow = try TimelineOracle.timeline(of: clone)
        #expect(shallow.shallow && shallow.records.allSatisfy(\.beyondShallowBoundary))
        try clone.expectTimeline(shallow, cache: true)
        try clone.expectTimeline(shallow, cache: true)

        try clone.git(["fetch", "-q", "--unshallow"])
        let deep = try TimelineOracle.timeline(of: clone)
        #expect(!deep.shallow && deep.head == shallow.head && deep.record("exp-a")?.events.count == 5)
        let uncached = try clone.expectTimeline(deep)
        let cached = try clone.expectTimeline(deep, cache: true)
        expectSameOutput(cached, uncached, "deepened clone, cached against --no-cache")
    }

    /// A long history (over 1,000 first-parent commits, so kaizen reads it in several chunks
    /// on several threads), built with `git fast-import`, with merges; read once with the
    /// cache halfway through, then to the end with and without it.
    @Test func aLongHistoryReadInChunks() throws {
        struct Live {
            var path: String
            var status: String
            var seed: String
        }
        var random = SplitMix(state: 20_260_504)
        let repo = try GitFixture()
        let statuses = ["planned", "running", "paused", "concluded", "abandoned"]
        let people = [GitPerson.ana, .ben, .chen, .zoe]
        let folders = ["experiments", "experiments/2026", "improvements", "constraints"]
        var live: [String: Live] = [:]
        var gone: [String: Live] = [:]
        var counter = 0
        var date = GitDate(2024, 1, 1, 9, offsetMinutes: 60)
        func text(_ id: String, _ record: Live) -> String {
            RecordText.experiment(id: id, title: "Experiment \(id)", status: record.status, seed: record.seed, bodyLines: 5)
        }
        func nextDate() -> GitDate {
            date = date.adding(minutes: 97)
            return date
        }
        /// One or two changes to records not in `excluded`.
        func changes(excluding excluded: Set<String> = []) -> [FastImportStream.Change] {
            var result: [FastImportStream.Change] = []
            var touched = excluded
            for _ in 0..<(1 + random.next(2)) {
                counter += 1
                let candidates = live.keys.filter { !touched.contains($0) }.sorted()
                let roll = random.next(100)
                if candidates.count < 5 || roll < 20 {
                    let id = "long-\(counter)"
                    live[id] = Live(path: "\(folders[random.next(folders.count)])/\(id).md", status: "planned", seed: "long/\(id)")
                    result.append(.write(live[id]!.path, text(id, live[id]!)))
                    touched.insert(id)
                    continue
                }
                let id = candidates[random.next(candidates.count)]
                touched.insert(id)
                var record = live[id]!
                switch roll {
                case ..<75:
                    record.status = statuses.filter { $0 != record.status }[random.next(statuses.count - 1)]
                case ..<88:
                    result.append(.delete(record.path))
                    record.path = "\(folders[random.next(folders.count)])/moved-\(counter)/\(id).md"
                    if random.chance(50) { record.status = statuses.filter { $0 != record.status }[random.next(statuses.count - 1)] }
                case ..<95:
                    result.append(.delete(record.path))
                    live[id] = nil
                    gone[id] = record
                    continue
                default:
                    if let back = gone.keys.sorted().first(where: { !touched.contains($0) }) {
                        var again = gone.removeValue(forKey: back)!
                        again.seed += "/again"
                        again.status = "planned"
                        live[back] = again
                        touched.insert(back)
                        result.append(.write(again.path, text(back, again)))
                    }
                }
                live[id] = record
                result.append(.write(record.path, text(id, record)))
            }
            return result
        }
        func history(commits: Int, startingFrom start: String?) -> FastImportStream {
            var stream = FastImportStream()
            var head = stream.commit(branch: "main", from: start, author: .ana, date: nextDate(), message: "start",
                                     changes: start == nil ? [.write("kaizen.yml", RecordText.config)] + changes() : changes())
            var made = 1
            while made < commits {
                if made % 40 == 0, let owned = live.keys.sorted().first {
                    // A topic branch changes one record while main goes on; then a merge.
                    var record = live[owned]!
                    record.status = statuses.filter { $0 != record.status }[random.next(statuses.count - 1)]
                    let change = FastImportStream.Change.write(record.path, text(owned, record))
                    let topic = stream.commit(branch: "topic-\(counter)", from: head, author: .ben, date: nextDate(), message: "topic",
                                              changes: [change])
                    head = stream.commit(branch: "main", from: head, author: .chen, date: nextDate(), message: "main",
                                         changes: changes(excluding: [owned]))
                    head = stream.commit(branch: "main", from: head, merge: topic, author: .mia, date: nextDate(), message: "merge",
                                         changes: [change])
                    live[owned] = record
                    made += 2
                } else {
                    head = stream.commit(branch: "main", from: head, author: people[random.next(people.count)], date: nextDate(),
                                         message: "commit \(made)", changes: changes())
                    made += 1
                }
            }
            return stream
        }

        try repo.fastImport(history(commits: 700, startingFrom: nil))
        try repo.expectTimeline(try TimelineOracle.timeline(of: repo), cache: true)
        try repo.fastImport(history(commits: 500, startingFrom: try repo.resolve("main")))
        #expect(Int(try repo.gitText(["rev-list", "--first-parent", "--count", "HEAD"])) ?? 0 > 1_100)

        let oracle = try TimelineOracle.timeline(of: repo)
        #expect(oracle.records.count == live.count + gone.count)
        #expect(oracle.records.flatMap(\.events).filter { $0.type == "renamed" }.count > 20)
        let uncached = try repo.expectTimeline(oracle)
        let cached = try repo.expectTimeline(oracle, cache: true)
        expectSameOutput(cached, uncached, "cached against --no-cache")
    }
}
