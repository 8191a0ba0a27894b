// swift-tools-version: 6.1
import PackageDescription

let package = Package(
    name: "Sapu",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "sapu", targets: ["sapu"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/apple/swift-crypto", from: "4.5.2"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
        .package(url: "https://github.com/apple/swift-http-types", from: "1.8.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
        .package(url: "https://github.com/vapor/postgres-nio", from: "1.33.2"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-nio-ssl", from: "2.37.6"),
    ],
    targets: [
        // C libraries from Debian, each behind its own system library target.
        .systemLibrary(name: "CQREncode", pkgConfig: "libqrencode", providers: [.apt(["libqrencode-dev"])]),
        .systemLibrary(name: "CPNG", pkgConfig: "libpng", providers: [.apt(["libpng-dev"])]),
        .systemLibrary(name: "CJPEG", pkgConfig: "libjpeg", providers: [.apt(["libjpeg62-turbo-dev"])]),
        .systemLibrary(name: "CZBar", pkgConfig: "zbar", providers: [.apt(["libzbar-dev"])]),
        .systemLibrary(name: "CCairo", pkgConfig: "cairo-ft", providers: [.apt(["libcairo2-dev", "libfreetype-dev"])]),

        .target(
            name: "SapuCore",
            dependencies: [.product(name: "Crypto", package: "swift-crypto")]
        ),
        .target(
            name: "SapuStore",
            dependencies: ["SapuCore", .product(name: "GRDB", package: "GRDB.swift")]
        ),
        .target(
            name: "SapuLabels",
            dependencies: ["SapuCore", "CQREncode", "CPNG", "CJPEG", "CZBar", "CCairo"]
        ),
        // The workflows (print labels, close a shipment, reconcile, ...): every front end calls them.
        .target(
            name: "SapuApp",
            dependencies: ["SapuCore", "SapuStore", "SapuLabels", "SapuHub", .product(name: "CryptoExtras", package: "swift-crypto")]
        ),
        // The hub (docs/hub.md): a PostgreSQL database the sites push their logs to, and the
        // reports across sites. The only module that speaks to PostgreSQL.
        .target(
            name: "SapuHub",
            dependencies: [
                "SapuCore", "SapuStore",
                .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
            ]
        ),
        // `sapu serve`: routes, who may do what, pages. It calls the workflows and holds none.
        .target(
            name: "SapuWeb",
            dependencies: [
                "SapuCore", "SapuStore", "SapuLabels", "SapuApp",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "Mustache", package: "swift-mustache"),
                .product(name: "NIOPosix", package: "swift-nio"),
            ]
        ),
        .executableTarget(
            name: "sapu",
            dependencies: [
                "SapuCore", "SapuStore", "SapuLabels", "SapuApp", "SapuWeb", "SapuHub",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),

        .testTarget(name: "SapuCoreTests", dependencies: ["SapuCore"]),
        .testTarget(name: "SapuStoreTests", dependencies: ["SapuStore", "SapuCore", .product(name: "GRDB", package: "GRDB.swift")]),
        .testTarget(name: "SapuLabelsTests", dependencies: ["SapuLabels", "SapuCore"]),
        .testTarget(name: "SapuAppTests", dependencies: ["SapuApp", "SapuStore", "SapuCore"]),
        .testTarget(name: "SapuWebTests", dependencies: [
            "SapuWeb", "SapuApp", "SapuStore", "SapuCore", "SapuLabels",
            .product(name: "HummingbirdTesting", package: "hummingbird"),
            .product(name: "HTTPTypes", package: "swift-http-types"),
        ]),
        // A fresh PostgreSQL database per test, for the hub tests and the end-to-end tests alike.
        .target(name: "HubTestSupport", path: "Tests/HubTestSupport"),
        .testTarget(name: "SapuHubTests", dependencies: ["SapuHub", "SapuApp", "SapuStore", "SapuCore", "HubTestSupport"]),
        .testTarget(name: "sapuTests", dependencies: ["SapuCore", "SapuLabels", "HubTestSupport"]),
    ]
)

for target in package.targets where target.type != .system {
    var settings = target.swiftSettings ?? []
    settings.append(.enableUpcomingFeature("MemberImportVisibility"))
    settings.append(.enableUpcomingFeature("ExistentialAny"))
    target.swiftSettings = settings
}
