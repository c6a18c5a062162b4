// swift-tools-version:6.1
import PackageDescription

// Module layering (see docs/architecture.md): lower modules never import higher ones.
// NameMatching and BureauCore are pure Swift: no Vapor, no Fluent.
let strict: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
]

let package = Package(
    name: "Bureau",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "bureau", targets: ["bureau"]),
        .executable(name: "bureau-names", targets: ["bureau-names"]),
        .library(name: "NameMatching", targets: ["NameMatching"]),
    ],
    dependencies: [
        .package(url: "https://github.com/vapor/vapor.git", from: "4.122.3"),
        .package(url: "https://github.com/vapor/fluent.git", from: "4.13.0"),
        .package(url: "https://github.com/vapor/fluent-sqlite-driver.git", from: "4.9.0"),
        .package(url: "https://github.com/vapor/fluent-postgres-driver.git", from: "2.14.0"),
        .package(url: "https://github.com/vapor/leaf.git", from: "4.5.2"),
        .package(url: "https://github.com/vapor/leaf-kit.git", from: "1.14.3"),
        .package(url: "https://github.com/apple/swift-crypto.git", "3.12.3"..<"5.0.0"),
    ],
    targets: [
        .target(name: "NameMatching", swiftSettings: strict),
        .target(name: "NamesTool", dependencies: ["NameMatching"], swiftSettings: strict),
        .target(
            name: "BureauCore",
            dependencies: [
                .product(name: "Crypto", package: "swift-crypto"),
            ],
            swiftSettings: strict
        ),
        .target(
            name: "BureauStore",
            dependencies: [
                "BureauCore",
                "NameMatching",
                .product(name: "Fluent", package: "fluent"),
                .product(name: "FluentSQLiteDriver", package: "fluent-sqlite-driver"),
                .product(name: "FluentPostgresDriver", package: "fluent-postgres-driver"),
                .product(name: "Crypto", package: "swift-crypto"),
            ],
            swiftSettings: strict
        ),
        .target(
            name: "BureauWeb",
            dependencies: [
                "BureauCore",
                "BureauStore",
                .product(name: "Vapor", package: "vapor"),
                .product(name: "Leaf", package: "leaf"),
                .product(name: "LeafKit", package: "leaf-kit"),
            ],
            resources: [.copy("Resources")],
            swiftSettings: strict
        ),
        .executableTarget(
            name: "bureau",
            dependencies: ["BureauWeb", "NamesTool", .product(name: "Vapor", package: "vapor")],
            swiftSettings: strict
        ),
        // `bureau names …` and `bureau bench names` without Vapor: a fast build for evaluating the matcher.
        .executableTarget(name: "bureau-names", dependencies: ["NamesTool"], swiftSettings: strict),
        .testTarget(name: "NameMatchingTests", dependencies: ["NameMatching", "NamesTool"], exclude: ["Fixtures"],
                    swiftSettings: strict),
        .testTarget(name: "BureauCoreTests", dependencies: ["BureauCore"], swiftSettings: strict),
        .testTarget(
            name: "BureauWebTests",
            dependencies: [
                "BureauWeb", "BureauStore", "BureauCore",
                .product(name: "VaporTesting", package: "vapor"),
                .product(name: "Fluent", package: "fluent"),
            ],
            swiftSettings: strict
        ),
    ]
)
