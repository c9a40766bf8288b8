import Foundation

/// Fills `{{name}}` variables in a template.
///
/// A line that uses a variable with no value is left out entirely, so a
/// template can carry optional fields (`improvement: {{improvement}}`) without
/// any conditional syntax.
struct TemplateRenderer {
    let values: [String: String]

    func render(_ template: String) -> String {
        var output: [Substring] = []
        for line in template.split(separator: "\n", omittingEmptySubsequences: false) {
            if let rendered = render(line: line) { output.append(rendered) }
        }
        return output.joined(separator: "\n")
    }

    private func render(line: Substring) -> Substring? {
        var result = ""
        var rest = line[...]
        while let open = rest.range(of: "{{") {
            guard let close = rest[open.upperBound...].range(of: "}}") else { break }
            let name = String(rest[open.upperBound..<close.lowerBound]).trimmingSpaces()
            guard let value = values[name] else { return nil }
            result += rest[..<open.lowerBound] + value
            rest = rest[close.upperBound...]
        }
        return Substring(result + rest)
    }
}
