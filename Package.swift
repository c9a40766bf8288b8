// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "kaizen",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "kaizen", targets: ["kaizen"]),
        .library(name: "KaizenKit", targets: ["KaizenKit"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams.git", from: "6.2.2"),
    ],
    targets: [
        .systemLibrary(
            name: "CGit2",
            pkgConfig: "libgit2",
            providers: [.apt(["libgit2-dev"]), .brew(["libgit2"])]
        ),
        .systemLibrary(
            name: "CCmark",
            pkgConfig: "libcmark-gfm",
            providers: [.apt(["libcmark-gfm-dev", "libcmark-gfm-extensions-dev"]), .brew(["cmark-gfm"])]
        ),
        // Turns the top-level templates/ folder into Swift source, so the binary
        // carries its templates wherever it is installed.
        .executableTarget(name: "embed-templates", path: "Sources/embed-templates"),
        .plugin(
            name: "EmbedTemplates",
            capability: .buildTool(),
            dependencies: ["embed-templates"]
        ),
        .target(
            name: "KaizenKit",
            dependencies: ["CGit2", "CCmark", .product(name: "Yams", package: "Yams")],
            plugins: ["EmbedTemplates"]
        ),
        .executableTarget(
            name: "kaizen",
            dependencies: ["KaizenKit", .product(name: "ArgumentParser", package: "swift-argument-parser")]
        ),
        // The fuzz target: replays inputs in an ordinary build, runs under
        // libFuzzer when built by `make fuzz`.
        .executableTarget(name: "kaizen-fuzz", dependencies: ["KaizenKit"]),
        .testTarget(name: "KaizenKitTests", dependencies: ["KaizenKit"]),
        .testTarget(name: "KaizenEndToEndTests", dependencies: ["kaizen", "CCmark"]),
    ],
    swiftLanguageModes: [.v6]
)
