// swift-tools-version:6.1
import PackageDescription

// Layers: RedressCore (case model, case file, validation, calendar, rules) has no heavy
// dependency; the store, the documents and the e-mail export each get a module of their own
// because each brings one (GRDB, ZIPFoundation and the template engine); RedressCLI holds the
// commands and the interview; `redress` is the few-line executable.
let package = Package(
  name: "redress",
  platforms: [.macOS(.v14)],
  products: [
    .executable(name: "redress", targets: ["redress"])
  ],
  dependencies: [
    .package(url: "https://github.com/apple/swift-argument-parser", exact: "1.8.2"),
    .package(url: "https://github.com/jpsim/Yams", exact: "6.2.2"),
    .package(url: "https://github.com/groue/GRDB.swift", exact: "7.10.0"),
    .package(url: "https://github.com/weichsel/ZIPFoundation", exact: "0.9.20"),
    .package(url: "https://github.com/hummingbird-project/swift-mustache", exact: "2.1.1"),
    .package(url: "https://github.com/vapor/postgres-nio", exact: "1.33.2"),
  ],
  targets: [
    // SHA-256 from the system's libcrypto (OpenSSL, SHA-NI): as fast as `openssl dgst`, and it
    // spares every cold build the two minutes swift-crypto's BoringSSL copy takes to compile.
    .systemLibrary(
      name: "CCrypto",
      path: "Sources/CCrypto",
      pkgConfig: "libcrypto",
      providers: [.apt(["libssl-dev"])]
    ),
    // zlib (CRC-32 and raw deflate) for the evidence bundle's zip writer. Named apart from
    // ZIPFoundation's own `CZlib` module, which is internal to that package.
    .systemLibrary(
      name: "CZlibRedress",
      path: "Sources/CZlibRedress",
      pkgConfig: "zlib",
      providers: [.apt(["zlib1g-dev"])]
    ),
    // The data a lawyer or translator reviews: the rule packs and calendars under legal/, the
    // document templates under templates/. Shipped as resources; found through DataLocator.
    .target(
      name: "RedressData",
      path: ".",
      exclude: [
        "Sources/CCrypto", "Sources/CZlibRedress", "Sources/RedressCore", "Sources/RedressFiles",
        "Sources/RedressStore",
        "Sources/RedressDocuments", "Sources/RedressMail", "Sources/RedressInterview", "Sources/RedressCLI",
        "Sources/redress", "Sources/RedressTestSupport", "Tests", "README.md",
        "CONTRIBUTING.md", "Makefile", "docs", "scripts", "Package.swift", "Fuzz",
      ],
      sources: ["Sources/RedressData"],
      resources: [.copy("legal"), .copy("templates")]
    ),
    .target(
      name: "RedressCore",
      dependencies: [
        "RedressData",
        .product(name: "Yams", package: "Yams"),
      ]
    ),
    // Atomic and owner-only writes, SHA-256 streams, the hashing copy: what every layer that
    // writes files shares, with nothing heavier than libcrypto.
    .target(name: "RedressFiles", dependencies: ["CCrypto"]),
    .target(
      name: "RedressStore",
      dependencies: [
        "RedressCore", "RedressFiles",
        .product(name: "GRDB", package: "GRDB.swift"),
        // SQLite's own column functions, for `status`'s one pass over the clock digests.
        .product(name: "GRDBSQLite", package: "GRDB.swift"),
        // The shared register of a team (`--store postgres://…`).
        .product(name: "PostgresNIO", package: "postgres-nio"),
      ]
    ),
    .target(
      name: "RedressDocuments",
      dependencies: [
        "RedressCore", "RedressFiles", "CZlibRedress",
        .product(name: "Mustache", package: "swift-mustache"),
        .product(name: "ZIPFoundation", package: "ZIPFoundation"),
      ]
    ),
    .target(
      name: "RedressMail",
      dependencies: ["RedressCore", "RedressDocuments", "RedressFiles"]
    ),
    .target(
      name: "RedressInterview",
      dependencies: ["RedressCore", .product(name: "Yams", package: "Yams")]
    ),
    .target(
      name: "RedressCLI",
      dependencies: [
        "RedressCore", "RedressData", "RedressFiles", "RedressStore", "RedressDocuments", "RedressMail",
        "RedressInterview",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ]
    ),
    .executableTarget(
      name: "redress",
      dependencies: ["RedressCLI"]
    ),
    .target(
      name: "RedressTestSupport",
      dependencies: ["RedressCore", "RedressCLI"]
    ),
    .testTarget(
      name: "RedressCoreTests", dependencies: ["RedressCore", "RedressTestSupport"],
      exclude: ["Fixtures"]),
    .testTarget(name: "RedressFilesTests", dependencies: ["RedressFiles", "RedressTestSupport"]),
    .testTarget(
      name: "RedressStoreTests", dependencies: ["RedressStore", "RedressFiles", "RedressTestSupport"]),
    .testTarget(
      name: "RedressDocumentsTests",
      dependencies: ["RedressDocuments", "RedressFiles", "RedressTestSupport"],
      exclude: ["Goldens"]),
    .testTarget(name: "RedressMailTests", dependencies: ["RedressMail", "RedressTestSupport"]),
    .testTarget(
      name: "RedressCLITests", dependencies: ["RedressCLI", "RedressTestSupport"],
      exclude: ["Fixtures", "Interview/Goldens"]),
    .testTarget(
      name: "RedressInterviewTests", dependencies: ["RedressInterview", "RedressCore", "RedressTestSupport"]),
    .testTarget(name: "EndToEndTests", dependencies: ["RedressTestSupport", "RedressCore"]),
  ]
)
