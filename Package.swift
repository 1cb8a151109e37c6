// swift-tools-version:6.1
import PackageDescription

// Layers, each module depending only on those below it (and every dependency declared here is
// imported, every import declared):
// - RedressCore: the case model, the case file, validation, calendar, clocks and rules; reads
//   YAML (Yams) and finds its data through RedressData.
// - RedressFiles: the file primitives (atomic and owner-only writes, SHA-256 from libcrypto,
//   the hashing copy): what every layer that writes files shares.
// - RedressStore (GRDB/SQLite and PostgresNIO), RedressDocuments (the template engine,
//   ZIPFoundation, zlib) and RedressMail (the .eml writer, on the documents): one module per
//   output, so a document or a message never links a database.
// - RedressInterview: the interview engine, on the core alone; it talks to a terminal and a
//   draft store through protocols.
// - RedressCLI: the commands, the real terminal, and the wiring of the interview to the store
//   and the documents; `redress` is the few-line executable.
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
        // DataLocator: the interface's word catalogue is read from templates/words/.
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
        .product(name: "Yams", package: "Yams"),
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
        .product(name: "Yams", package: "Yams"),
      ]
    ),
    .executableTarget(
      name: "redress",
      dependencies: ["RedressCLI"]
    ),
    // Fixtures, goldens, process and oracle runners for every test target, and the in-process
    // command harness of the CLI tests.
    .target(
      name: "RedressTestSupport",
      dependencies: ["RedressCLI", .product(name: "ArgumentParser", package: "swift-argument-parser")]
    ),
    .testTarget(
      name: "RedressCoreTests",
      dependencies: ["RedressCore", "RedressTestSupport", .product(name: "Yams", package: "Yams")],
      exclude: ["Fixtures"]),
    .testTarget(name: "RedressFilesTests", dependencies: ["RedressFiles", "RedressTestSupport"]),
    .testTarget(
      name: "RedressStoreTests",
      dependencies: [
        "RedressStore", "RedressCore", "RedressFiles", "RedressTestSupport",
        .product(name: "GRDB", package: "GRDB.swift"),
        .product(name: "PostgresNIO", package: "postgres-nio"),
      ]),
    .testTarget(
      name: "RedressDocumentsTests",
      dependencies: [
        "RedressDocuments", "RedressCore", "RedressFiles", "RedressTestSupport",
        .product(name: "ZIPFoundation", package: "ZIPFoundation"),
      ],
      exclude: ["Goldens"]),
    .testTarget(
      name: "RedressMailTests",
      dependencies: ["RedressMail", "RedressCore", "RedressDocuments", "RedressTestSupport"]),
    .testTarget(
      name: "RedressCLITests",
      dependencies: [
        "RedressCLI", "RedressCore", "RedressDocuments", "RedressFiles", "RedressInterview", "RedressMail",
        "RedressStore", "RedressTestSupport",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ],
      exclude: ["Fixtures", "Interview/Goldens"]),
    .testTarget(
      name: "RedressInterviewTests", dependencies: ["RedressInterview", "RedressCore", "RedressTestSupport"]),
    .testTarget(name: "EndToEndTests", dependencies: ["RedressTestSupport"]),
  ]
)
