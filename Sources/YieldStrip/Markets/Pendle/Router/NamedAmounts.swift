/// Amounts named in an op's vocabulary, in answer order (`netPtOut`, `netSyIn`, `netSyFee`, …): what a swap,
/// a single-sided liquidity operation and a job's venue trade report, one type for all of them.
///
/// A collection of `(name, value)` pairs: iterate it (`for (name, value) in result.fields`), index it
/// (`fields[2].value`), or look an amount up by name (`fields["netSyFee"]`).
public struct NamedAmounts<S: PendleScalar>: RandomAccessCollection, ExpressibleByArrayLiteral, Sendable {
    public typealias Element = (name: String, value: S)

    /// The names, in order.
    public let names: [String]
    /// The amounts, in the names' order.
    public let values: [S]

    /// Pairs of a name and its amount, in order.
    public init(_ pairs: [(String, S)]) {
        names = pairs.map(\.0)
        values = pairs.map(\.1)
    }

    /// `["netSyOut": …]` as `[("netSyOut", amount), …]`.
    public init(arrayLiteral pairs: (String, S)...) { self.init(pairs) }

    /// The first `names.count` of `values` under those names.
    public init(names: [String], values: some Sequence<S>) {
        self.names = names
        self.values = Array(values.prefix(names.count))
    }

    public var startIndex: Int { 0 }
    public var endIndex: Int { Swift.min(names.count, values.count) }

    public subscript(position: Int) -> Element { (names[position], values[position]) }

    /// The amount named `name`, if there is one.
    public subscript(name: String) -> S? {
        names.firstIndex(of: name).flatMap { $0 < values.count ? values[$0] : nil }
    }
}
