/// `kaizen check --list-rules`: every rule, its severity in this workspace and
/// what it catches.
public struct RuleListFormatter: Sendable {
    public let config: KaizenConfig

    public init(config: KaizenConfig) {
        self.config = config
    }

    public func render() -> String {
        let width = RuleCatalog.all.map(\.name.count).max() ?? 0
        var output = ""
        for rule in RuleCatalog.all {
            let setting = config.severity(of: rule)?.rawValue ?? "off"
            let name = rule.name + String(repeating: " ", count: width - rule.name.count)
            let column = setting + String(repeating: " ", count: 8 - setting.count)
            output += "\(name)  \(column)  \(rule.summary)\n"
        }
        return output
    }
}
