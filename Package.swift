// swift-tools-version: 6.0
import PackageDescription

// One target per pipeline stage: load → parse → resolve → render → write → check.
let package = Package(
  name: "Portal",
  platforms: [.macOS(.v13)],
  products: [
    .executable(name: "portal", targets: ["portal"])
  ],
  dependencies: [
    .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
    .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
    .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.0.0"),
    .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.0.0"),
    // Hummingbird's own lifecycle library: `portal serve` stops its server gracefully with it.
    .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.0.0"),
  ],
  targets: [
    .systemLibrary(
      name: "CCmarkGFM",
      pkgConfig: "libcmark-gfm",
      providers: [.apt(["libcmark-gfm-dev", "libcmark-gfm-extensions-dev"])]
    ),
    // jemalloc replaces the C library's allocator in every program that links Build: a
    // 10,000-page build takes a fifth less time than with glibc's malloc (docs/decisions.md).
    .systemLibrary(
      name: "CJemalloc",
      pkgConfig: "jemalloc",
      providers: [.apt(["libjemalloc-dev"])]
    ),
    // Linux calls the Glibc module leaves out (renameat2, to swap the output in one step), and
    // the compiler's prefetch hint (the search index's hash tables).
    .systemLibrary(name: "CLinux"),
    // How many typing mistakes separate two names, for every "did you mean".
    .target(name: "EditDistance"),
    // Positioned diagnostics shared by every stage.
    .target(name: "Diagnostics", dependencies: ["EditDistance"]),
    // Order-keeping parallel map over all cores, shared by the parallel stages.
    .target(name: "Parallel"),
    .target(name: "ByteFormats"),
    // Host names as DNS writes them: a Japanese domain in Punycode (`xn--…`).
    .target(name: "DomainNames"),
    // A page's Content-Security-Policy, read for the theme check and for `portal check`.
    .target(name: "SecurityPolicy"),
    // The addresses a stylesheet loads (`url()`, `@import`), for the build and `portal check`.
    .target(name: "Stylesheets"),
    // cmark-gfm wrapper: parse, render, walk, heading ids, links, ruby, glossary linking.
    .target(name: "Markdown", dependencies: ["CCmarkGFM", "Diagnostics"]),
    // The content model: kinds, front matter schema and validation, loading content/.
    .target(
      name: "Content",
      dependencies: ["Diagnostics", "DomainNames", "Markdown", "Parallel", "ByteFormats", "Yams"]),
    // Resolving: URLs, cross-references, derived lists, glossary index.
    .target(
      name: "Site",
      dependencies: [
        "Content", "Markdown", "Diagnostics", "DomainNames", "Parallel", "ByteFormats",
      ]),
    // Japanese-aware search index and query engine.
    .target(name: "Search", dependencies: ["ByteFormats", "CLinux", "EditDistance"]),
    // Templates, view models, feeds, calendars, sitemap, assets.
    .target(
      name: "Render",
      dependencies: [
        "Site", "Content", "Markdown", "Diagnostics", "Parallel", "ByteFormats", "SecurityPolicy",
        "Stylesheets", .product(name: "Mustache", package: "swift-mustache"),
      ]
    ),
    // The build as a list of named steps, with atomic output.
    .target(
      name: "Build",
      dependencies: [
        "CJemalloc", "CLinux", "ByteFormats", "Content", "Site", "Render", "Markdown", "Search",
        "Diagnostics", "Parallel",
      ]),
    // Link checker and accessibility rules on the built site.
    .target(
      name: "Check",
      dependencies: [
        "Diagnostics", "DomainNames", "SecurityPolicy", "Stylesheets", "CCurl", "ByteFormats",
      ]),
    // libcurl, loaded at run time by `portal check --external` only.
    .target(name: "CCurl"),
    // Plain-Japanese rules on the Markdown sources.
    .target(
      name: "Lint",
      dependencies: ["ByteFormats", "Diagnostics", "EditDistance", "Markdown", "Content"]),
    // `portal serve`: HTTP preview of the output with live reload over Server-Sent Events.
    .target(
      name: "Serve",
      dependencies: [
        "Build", "ByteFormats", "Check", "Content", "Diagnostics", "Lint",
        .product(name: "Hummingbird", package: "hummingbird"),
        .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
      ]
    ),
    .executableTarget(
      name: "portal",
      dependencies: [
        "Build", "Content", "Check", "Lint", "Search", "Diagnostics", "Parallel", "Serve",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ]
    ),
    .target(
      name: "TestSupport", dependencies: ["Content", "Diagnostics"], path: "Tests/TestSupport"),
    .target(name: "SeededRandom", path: "Tests/SeededRandom"),
    .testTarget(name: "EditDistanceTests", dependencies: ["EditDistance"]),
    .testTarget(
      name: "DiagnosticsTests", dependencies: ["Diagnostics", "SeededRandom", "EditDistance"]),
    .testTarget(name: "ByteFormatsTests", dependencies: ["ByteFormats"]),
    .testTarget(name: "DomainNamesTests", dependencies: ["DomainNames"]),
    .testTarget(name: "SecurityPolicyTests", dependencies: ["SecurityPolicy"]),
    .testTarget(name: "StylesheetsTests", dependencies: ["Stylesheets"]),
    .testTarget(name: "ParallelTests", dependencies: ["Parallel"]),
    .testTarget(name: "MarkdownTests", dependencies: ["Markdown", "SeededRandom"]),
    .testTarget(
      name: "ContentTests", dependencies: ["Content", "SeededRandom"],
      resources: [.copy("Fixtures")]),
    .testTarget(name: "SiteTests", dependencies: ["Site", "Content", "Markdown", "SeededRandom"]),
    .testTarget(name: "SearchTests", dependencies: ["Search", "ByteFormats"]),
    .testTarget(
      name: "RenderTests",
      dependencies: [
        "Render", "Site", "Content", "TestSupport", "SeededRandom",
        .product(name: "Mustache", package: "swift-mustache"),
      ]),
    .testTarget(
      name: "BuildTests", dependencies: ["Build", "Check", "TestSupport"],
      resources: [.copy("Fixtures")]),
    .testTarget(name: "CheckTests", dependencies: ["Check"]),
    .testTarget(name: "LintTests", dependencies: ["Lint", "Content", "SeededRandom"]),
    .testTarget(
      name: "ServeTests", dependencies: ["Serve", "Build", "Content", "Diagnostics", "TestSupport"]),
  ],
  swiftLanguageModes: [.v6]
)
