import Foundation
@testable import KaizenKit
import Testing

@Suite struct JSONSchemaGeneratorTests {
    func schema(_ kind: RecordKind?, config: KaizenConfig = KaizenConfig()) throws -> [String: Any] {
        let output = JSONSchemaGenerator(config: config).render(kind: kind)
        return try #require(try JSONSerialization.jsonObject(with: Data(output.utf8)) as? [String: Any])
    }

    @Test func eachKindListsItsFieldsAndRequiredOnes() throws {
        let experiment = try schema(.experiment)
        #expect(experiment["$schema"] as? String == "https://json-schema.org/draft/2020-12/schema")
        #expect(experiment["additionalProperties"] as? Bool == false)
        let properties = try #require(experiment["properties"] as? [String: Any])
        #expect(Set(properties.keys) == Set(RecordSchema.experiment.map(\.name)))
        #expect(experiment["required"] as? [String] ==
            ["kind", "title", "teams", "hypothesis", "signals", "status", "review-by", "rollback"])
        let status = try #require(properties["status"] as? [String: Any])
        #expect(status["enum"] as? [String] == ["planned", "running", "concluded"])
        let conditions = try #require(experiment["allOf"] as? [[String: Any]])
        #expect(conditions.count == 2)
    }

    @Test func teamsAndAreasComeFromTheConfiguration() throws {
        var config = KaizenConfig()
        config.teams = [.init(id: "payments"), .init(id: "platform")]
        config.extraAreas = ["onboarding"]
        let improvement = try schema(.improvement, config: config)
        let properties = try #require(improvement["properties"] as? [String: [String: Any]])
        #expect(properties["origin"]?["enum"] as? [String] == ["payments", "platform"])
        #expect((properties["area"]?["enum"] as? [String])?.last == "onboarding")
    }

    @Test func withoutAKindTheSchemaAcceptsAnyKind() throws {
        let all = try schema(nil)
        let defs = try #require(all["$defs"] as? [String: Any])
        #expect(Set(defs.keys) == ["date", "improvement", "experiment", "constraint"])
        #expect((all["oneOf"] as? [[String: String]])?.map { $0["$ref"] } ==
            ["#/$defs/improvement", "#/$defs/experiment", "#/$defs/constraint"])
    }
}
