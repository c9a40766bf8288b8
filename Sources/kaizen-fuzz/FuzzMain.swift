import Foundation

/// The fuzz targets, by the name `KAIZEN_FUZZ_TARGET` gives (records when unset).
enum FuzzTarget: String, CaseIterable {
    case records
    case lsp
    case timelineCache = "timeline-cache"

    func run(_ bytes: [UInt8]) {
        switch self {
        case .records: RecordFuzzTarget.run(bytes)
        case .lsp: LanguageServerFuzzTarget.run(bytes)
        case .timelineCache: TimelineCacheFuzzTarget.run(bytes)
        }
    }
}

/// Under libFuzzer (`make fuzz` builds with -sanitize=fuzzer and
/// KAIZEN_LIBFUZZER), hands the arguments to libFuzzer's driver. Otherwise
/// replays inputs: `kaizen-fuzz FILE...` runs each file through the same
/// target, so a crash the fuzzer found is reproduced with an ordinary build,
/// and the test suite replays each target's corpus. The target is chosen by
/// the environment rather than an argument, because libFuzzer owns the arguments.
@main
struct FuzzMain {
    #if KAIZEN_LIBFUZZER
    /// The driver's callback is a C function pointer, which captures nothing: it finds the target here.
    nonisolated(unsafe) static var target = FuzzTarget.records
    #endif

    static func main() throws {
        let name = ProcessInfo.processInfo.environment["KAIZEN_FUZZ_TARGET"] ?? FuzzTarget.records.rawValue
        guard let target = FuzzTarget(rawValue: name) else {
            FileHandle.standardError.write(Data("kaizen-fuzz: KAIZEN_FUZZ_TARGET '\(name)' is none of \(FuzzTarget.allCases.map(\.rawValue).joined(separator: ", "))\n".utf8))
            exit(2)
        }
        #if KAIZEN_LIBFUZZER
        Self.target = target
        var argc = CommandLine.argc
        var argv = CommandLine.unsafeArgv
        exit(LLVMFuzzerRunDriver(&argc, &argv) { data, size in
            FuzzMain.target.run(data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? [])
            return 0
        })
        #else
        for path in CommandLine.arguments.dropFirst() {
            target.run(Array(try Data(contentsOf: URL(fileURLWithPath: path))))
        }
        #endif
    }
}

#if KAIZEN_LIBFUZZER
@_silgen_name("LLVMFuzzerRunDriver")
func LLVMFuzzerRunDriver(
    _ argc: UnsafeMutablePointer<CInt>,
    _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>>,
    _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt
) -> CInt
#endif
