import YieldStrip
import YieldStripCharts

/// `--svg FILE [--size WxH]` on the commands that draw their result (`depth`, `lockin`, `short-yt`,
/// `scenario`, `dividends`, `hedge minvar`, `loop`): the chart is written to the file, stdout stays what the
/// command prints without it (the table, CSV or `--json`).
enum ChartOutput {
    static let svgOption = OptionSpec.value("svg", valueName: "file", help: "Also write the result's chart to this file as SVG (stdout unchanged).")
    static let sizeOption = OptionSpec.value(
        "size", valueName: "WxH", help: "The chart's size in pixels, with --svg.", default: ChartSize.standard.description)
    static let options = [svgOption, sizeOption]

    /// Where to write the chart and at what size; nil without `--svg`. Read before any computation, so a
    /// malformed `--size`, or `--size` without `--svg`, is a usage error (exit 2).
    struct Request: Sendable {
        let path: String
        let size: ChartSize
    }

    static func request(_ invocation: Invocation) throws(UsageError) -> Request? {
        let size =
            try invocation.parse(option: sizeOption.name) { text -> ValueParse<ChartSize> in
                let (size, reason) = ChartSize.parse(text)
                return size.map { .value($0) } ?? .invalid(reason: reason ?? "expected WIDTHxHEIGHT")
            } ?? .standard
        guard let path = invocation.option(svgOption.name) else {
            if invocation.optionWasGiven(sizeOption.name) {
                throw invocation.usageError("'--size' sets the size of the chart '--svg' writes; give '--svg FILE'")
            }
            return nil
        }
        guard !path.isEmpty else { throw invocation.usageError("The value '' is invalid for '--svg <file>': expected a file name") }
        return Request(path: path, size: size)
    }

    /// Writes `chart` at the requested size; a file that cannot be written is an error naming it (exit 1).
    static func write(_ chart: any Chart, _ request: Request?) throws {
        guard let request else { return }
        try OutputFile.write(chart.svg(size: request.size, options: SVGOptions()), to: request.path, kind: "chart")
    }
}
