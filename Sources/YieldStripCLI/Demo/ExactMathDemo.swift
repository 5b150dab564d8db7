import YieldStrip
import YieldStripJSON

/// The demo's exact-math sections: LogExpMath, PMath's rounding, and SYUtils at a PY index.
enum ExactMathDemo {
    static let sections: [DemoSection] = [
        DemoSection(
            key: "logExp", title: "4. ln and exp, as LogExpMath computes them (18 decimals)",
            steps: [
                DemoStep("ln 2", "ln 2 = 0.6931471805599453094…, truncated at 18 decimals"),
                DemoStep("exp 1", "e = 2.7182818284590452353…, within a wei"),
                DemoStep("exp 0.693147180559945309", "exp(ln 2) comes back to 2 within a few wei")
            ]),
        DemoSection(
            key: "rounding", title: "5. mulDown and divDown round toward zero (PMath)",
            steps: [
                DemoStep("mul 0.1 0.1", "exact when the product fits in 18 decimals"),
                DemoStep("mul 0.000000000000000003 0.5", "1.5 wei truncated to 1 wei"),
                DemoStep("mul -0.000000000000000003 0.5", "-1.5 wei truncated to -1 wei: toward zero"),
                DemoStep("div 1 3", "1/3 truncated at the 18th decimal")
            ]),
        DemoSection(
            key: "syRoundTrip", title: "6. SY to asset and back at PY index 1.0123 (SYUtils)",
            steps: [
                DemoStep("sy-to-asset 1.0123 0.333333333333333333", "SY to asset, rounded down"),
                DemoStep("asset-to-sy 1.0123 0.337433333333333332", "back, rounded down: 1 wei short"),
                DemoStep("asset-to-sy-up 1.0123 0.337433333333333332", "back, rounded up: the SY we started with")
            ])
    ]
}
