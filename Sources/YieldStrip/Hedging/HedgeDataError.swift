/// A dated series, or a pair of them, that cannot give a hedge ratio. Each message names the file (a
/// path, or the batch field a series came from) and the line where there is one, and says what to change.
///
/// | ``errorName`` | case | ``errorArgs`` |
/// | --- | --- | --- |
/// | `UnreadableFile` | ``unreadableFile(path:reason:)`` | path, reason |
/// | `MalformedHeader` | ``malformedHeader(file:line:reason:)`` | file, line, reason |
/// | `MalformedLine` | ``malformedLine(file:line:reason:)`` | file, line, reason |
/// | `UnknownColumn` | ``unknownColumn(file:line:column:columns:)`` | file, line, column |
/// | `AmbiguousValueColumn` | ``ambiguousValueColumn(file:line:candidates:)`` | file, line, the candidates |
/// | `NoValueColumn` | ``noValueColumn(file:line:reason:)`` | file, line |
/// | `UnsortedDates` | ``unsortedDates(file:line:date:previousDate:)`` | file, line, date, previous date |
/// | `DuplicateDate` | ``duplicateDate(file:line:date:)`` | file, line, date |
/// | `NonPositiveValue` | ``nonPositiveValue(file:line:value:mode:)`` | file, line, value, mode |
/// | `EmptySeries` | ``emptySeries(file:)`` | file |
/// | `SeriesTooShort` | ``seriesTooShort(observations:needed:mode:joinedDates:spotOnly:hedgeOnly:)`` | observations, needed, mode, joined dates, spot-only dates, hedge-only dates |
/// | `ZeroVariance` | ``zeroVariance(file:series:mode:)`` | file, series, mode |
/// | `NotFinite` | ``notFinite(quantity:)`` | quantity |
///
/// Line numbers are 1-based lines of the text (comment and blank lines counted); for rows given as an
/// array (batch), the row's position in it.
public enum HedgeDataError: DomainError, Hashable {
    /// A file that cannot be opened, is too large, or is not UTF-8 text.
    case unreadableFile(path: String, reason: String)
    /// A CSV header that is missing, lacks the `date` column, or repeats or leaves out a column name.
    case malformedHeader(file: String, line: Int, reason: String)
    /// A row that cannot be read: too many fields, an empty or malformed date or value.
    case malformedLine(file: String, line: Int, reason: String)
    /// A value column asked for by name that the header does not have (`columns`: the ones it has).
    case unknownColumn(file: String, line: Int, column: String, columns: [String])
    /// No value column named, and more than one numeric column besides `date`.
    case ambiguousValueColumn(file: String, line: Int, candidates: [String])
    /// No value column named, and no numeric column besides `date` (or the `date` column named as the value).
    case noValueColumn(file: String, line: Int, reason: String)
    /// A date earlier than the one on the row before it.
    case unsortedDates(file: String, line: Int, date: String, previousDate: String)
    /// A date equal to the one on the row before it.
    case duplicateDate(file: String, line: Int, date: String)
    /// A value ≤ 0 where the mode divides by it (`returns`, `log-returns`).
    case nonPositiveValue(file: String, line: Int, value: String, mode: String)
    /// A series with no rows.
    case emptySeries(file: String)
    /// Fewer pairs than a slope and its standard error need, after the join and the mode's changes.
    case seriesTooShort(observations: Int, needed: Int, mode: String, joinedDates: Int, spotOnly: Int, hedgeOnly: Int)
    /// A series whose regressed values (levels, changes or returns) do not vary.
    case zeroVariance(file: String, series: String, mode: String)
    /// A value or result beyond `Double`'s range.
    case notFinite(quantity: String)

    public var errorName: String {
        switch self {
        case .unreadableFile: return "UnreadableFile"
        case .malformedHeader: return "MalformedHeader"
        case .malformedLine: return "MalformedLine"
        case .unknownColumn: return "UnknownColumn"
        case .ambiguousValueColumn: return "AmbiguousValueColumn"
        case .noValueColumn: return "NoValueColumn"
        case .unsortedDates: return "UnsortedDates"
        case .duplicateDate: return "DuplicateDate"
        case .nonPositiveValue: return "NonPositiveValue"
        case .emptySeries: return "EmptySeries"
        case .seriesTooShort: return "SeriesTooShort"
        case .zeroVariance: return "ZeroVariance"
        case .notFinite: return "NotFinite"
        }
    }

    /// The file (path or batch field) the error is about, or nil when it is about the pair.
    public var file: String? {
        switch self {
        case .unreadableFile(let path, _): return path
        case .malformedHeader(let file, _, _), .malformedLine(let file, _, _), .unknownColumn(let file, _, _, _),
            .ambiguousValueColumn(let file, _, _), .noValueColumn(let file, _, _), .unsortedDates(let file, _, _, _),
            .duplicateDate(let file, _, _), .nonPositiveValue(let file, _, _, _), .emptySeries(let file),
            .zeroVariance(let file, _, _):
            return file
        case .seriesTooShort, .notFinite:
            return nil
        }
    }

    /// The line the error points at, or nil.
    public var line: Int? {
        switch self {
        case .malformedHeader(_, let line, _), .malformedLine(_, let line, _), .unknownColumn(_, let line, _, _),
            .ambiguousValueColumn(_, let line, _), .noValueColumn(_, let line, _), .unsortedDates(_, let line, _, _),
            .duplicateDate(_, let line, _), .nonPositiveValue(_, let line, _, _):
            return line
        default:
            return nil
        }
    }

    public var errorArgs: [String] {
        switch self {
        case .unreadableFile(let path, let reason): return [path, reason]
        case .malformedHeader(let file, let line, let reason), .malformedLine(let file, let line, let reason): return [file, String(line), reason]
        case .unknownColumn(let file, let line, let column, _): return [file, String(line), column]
        case .ambiguousValueColumn(let file, let line, let candidates): return [file, String(line)] + candidates
        case .noValueColumn(let file, let line, _): return [file, String(line)]
        case .unsortedDates(let file, let line, let date, let previous): return [file, String(line), date, previous]
        case .duplicateDate(let file, let line, let date): return [file, String(line), date]
        case .nonPositiveValue(let file, let line, let value, let mode): return [file, String(line), value, mode]
        case .emptySeries(let file): return [file]
        case .seriesTooShort(let observations, let needed, let mode, let joined, let spotOnly, let hedgeOnly):
            return [String(observations), String(needed), mode, String(joined), String(spotOnly), String(hedgeOnly)]
        case .zeroVariance(let file, let series, let mode): return [file, series, mode]
        case .notFinite(let quantity): return [quantity]
        }
    }

    public var message: String {
        switch self {
        case .unreadableFile(let path, let reason):
            return "\(path): cannot be read: \(reason)"
        case .malformedHeader(let file, let line, let reason), .malformedLine(let file, let line, let reason):
            return "\(file): line \(line): \(reason)"
        case .unknownColumn(let file, let line, let column, let columns):
            return "\(file): line \(line): no column '\(column)'; the header has \(columns.joined(separator: ", ")): name one of them"
        case .ambiguousValueColumn(let file, let line, let candidates):
            return "\(file): line \(line): \(candidates.count) numeric columns besides date (\(candidates.joined(separator: ", "))); "
                + "name the one to use (--spot-column or --hedge-column; spotColumn or hedgeColumn in batch)"
        case .noValueColumn(let file, let line, let reason):
            return "\(file): line \(line): \(reason)"
        case .unsortedDates(let file, let line, let date, let previous):
            return "\(file): line \(line): date \(date) comes before \(previous) on the row above; sort the rows by date, oldest first"
        case .duplicateDate(let file, let line, let date):
            return "\(file): line \(line): date \(date) repeats the row above; keep one row per date"
        case .nonPositiveValue(let file, let line, let value, let mode):
            return "\(file): line \(line): the value \(value) is not positive, and \(mode) divide by it; "
                + "give positive prices, or use the differences mode for values that can reach zero or below"
        case .emptySeries(let file):
            return "\(file): no rows; give at least one dated value per line after the header"
        case .seriesTooShort(let observations, let needed, let mode, let joined, let spotOnly, let hedgeOnly):
            let unit = mode == "levels" ? "dates" : "changes"
            return "only \(observations) pair\(observations == 1 ? "" : "s") of \(mode) from \(joined) date\(joined == 1 ? "" : "s") in both series "
                + "(\(spotOnly) spot date\(spotOnly == 1 ? "" : "s") and \(hedgeOnly) hedge date\(hedgeOnly == 1 ? "" : "s") have no match); "
                + "a slope and its standard error need at least \(needed) \(unit): give series that share more dates"
        case .zeroVariance(let file, let series, let mode):
            let what = mode == "levels" ? "values" : mode
            return "\(file): the \(series) series' \(what) do not vary over the shared dates, so no ratio can be estimated; "
                + (series == "hedge" ? "give a hedge whose price moves" : "the spot does not move: there is nothing to hedge")
        case .notFinite(let quantity):
            return "\(quantity) is not a finite number: the values are beyond the range of a double; rescale the series"
        }
    }
}
