// swift-tools-version:6.0
// A program that uses the YieldStrip library from outside its package, by path. The README's Swift
// snippet is its main.swift. Build and run it from the repository's root:
//   swift run --package-path examples/swift lockin-example
import PackageDescription

let package = Package(
    name: "lockin-example",
    platforms: [.macOS(.v15)],
    dependencies: [.package(name: "YieldStrip", path: "../..")],
    targets: [
        .executableTarget(name: "lockin-example", dependencies: [.product(name: "YieldStrip", package: "YieldStrip")]),
    ]
)
