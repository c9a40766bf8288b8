/// Where each page of the site lives, relative to the site's root, and the
/// relative links between pages, so the site works from `file://` and from
/// any folder of any static host.
enum SitePaths {
    static let library = "index.html"
    static let dashboard = "dashboard.html"
    static let timeline = "timeline.html"
    static let stylesheet = "assets/site.css"
    static let filterScript = "assets/filter.js"

    static func improvement(_ id: String) -> String { "improvements/\(fileName(id)).html" }
    static func experiment(_ id: String) -> String { "experiments/\(fileName(id)).html" }
    static func constraint(_ id: String) -> String { "constraints/\(fileName(id)).html" }
    static func team(_ id: String) -> String { "teams/\(fileName(id)).html" }

    /// A page name for an id. A valid id is a lowercase slug and stays as it
    /// is; any other character (an id from a misnamed file, a team id with a
    /// space) becomes `_` and its hex code, so no id can reach another folder
    /// or make a link that needs escaping, and distinct ids stay distinct.
    static func fileName(_ id: String) -> String {
        var name = ""
        for (index, scalar) in id.unicodeScalars.enumerated() {
            switch scalar {
            case "a"..."z", "0"..."9", "-":
                name.unicodeScalars.append(scalar)
            case "." where index > 0:
                name.unicodeScalars.append(scalar)
            default:
                name += "_" + String(scalar.value, radix: 16) + "_"
            }
        }
        return name.isEmpty ? "_" : name
    }

    /// The link from the page at `page` to the page at `target`, both
    /// relative to the site's root.
    static func link(from page: String, to target: String) -> String {
        String(repeating: "../", count: page.count { $0 == "/" }) + target
    }
}
