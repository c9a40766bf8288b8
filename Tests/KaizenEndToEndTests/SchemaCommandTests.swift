import Foundation
import Testing

/// `kaizen schema` judged by a real validator: Python's `jsonschema`
/// (Draft 2020-12), once as most editors run it, without format checking,
/// and once with it.
@Suite struct SchemaCommandTests {
    @Test func emptyRequiredTextAndListsAndMalformedDatesAreRejectedWithOrWithoutFormatChecking() throws {
        let folder = try FixtureFolder(["kaizen.yml": Records.config, "experiments/review-pairs.md": Records.experiment()])
        let schema = try folder.run(["schema", "experiment"])
        #expect(schema.status == 0)
        try folder.write("schema.json", schema.stdout)
        let script = """
            import copy, json, yaml
            from jsonschema import Draft202012Validator, FormatChecker
            schema = json.load(open("schema.json"))
            Draft202012Validator.check_schema(schema)
            plain = Draft202012Validator(schema)
            formats = Draft202012Validator(schema, format_checker=FormatChecker())
            text = open("experiments/review-pairs.md", encoding="utf-8").read()
            record = yaml.load(text.split("\\n---\\n")[0][4:], Loader=yaml.BaseLoader)
            cases = [("as written", None, None), ("title", "title", ""), ("blank title", "title", "   "),
                     ("teams", "teams", []), ("signals", "signals", []), ("metric", "signals", [{"metric": "", "baseline": "1", "target": "2"}]),
                     ("month 13", "review-by", "2026-13-01"), ("short date", "review-by", "26-1-1"),
                     ("day 32", "review-by", "2026-01-32"), ("30 February", "review-by", "2026-02-30")]
            for name, key, value in cases:
                instance = copy.deepcopy(record)
                if key:
                    instance[key] = value
                print(name, plain.is_valid(instance), formats.is_valid(instance))
            """
        try folder.write("validate.py", script)
        let validation = try FixtureProcess.run("/usr/bin/python3", ["validate.py"], in: folder.url, environment: [:])
        #expect(validation.status == 0, "\(validation.errorText)")
        // A pattern cannot know month lengths: 30 February takes format checking.
        #expect(validation.text == """
            as written True True
            title False False
            blank title False False
            teams False False
            signals False False
            metric False False
            month 13 False False
            short date False False
            day 32 False False
            30 February True False

            """)
    }
}
