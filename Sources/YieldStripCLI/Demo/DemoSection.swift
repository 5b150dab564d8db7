/// One part of `yieldstrip demo`: a title and a few steps, each a `yieldstrip wad` command line
/// with a one-line explanation.
struct DemoSection: Sendable {
    /// The section's key in the demo's JSON object.
    let key: String
    let title: String
    let steps: [DemoStep]
}

/// One step: the arguments of `yieldstrip wad` (the op, then its operands in decimal units) and
/// what the result shows.
struct DemoStep: Sendable {
    let wadArguments: String
    let note: String

    init(_ wadArguments: String, _ note: String) {
        self.wadArguments = wadArguments
        self.note = note
    }
}

/// The demo's sections, in order. A feature adds its own section list here.
enum DemoScript {
    static let sections: [DemoSection] = ExactMathDemo.sections
}
