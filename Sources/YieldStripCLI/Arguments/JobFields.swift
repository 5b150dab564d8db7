import YieldStrip
import YieldStripBatch
import YieldStripCharts
import YieldStripJSON

extension DoorFields {
    /// The command line, when this is the command's door.
    var invocation: Invocation? {
        if case .command(let invocation) = door { return invocation }
        return nil
    }
}

/// A dividend schedule as each door gives it: a file on the command line (read when the job runs), the
/// schedule's text or rows in batch.
enum ScheduleInput {
    case file(String)
    case inline(DividendSchedule)

    /// The schedule, a file read now (its errors naming it).
    func schedule() throws -> DividendSchedule {
        switch self {
        case .file(let path): return try ScheduleFileError.naming(path) { try DividendsCommand.loadSchedule(path: path) }
        case .inline(let schedule): return schedule
        }
    }
}

/// The market a tokenization job takes its defaults from (`split`, `dividends`): a market file on the command
/// line (`--market`), `market` and `pyIndex` with an optional `blockTime` in batch
/// (`TokenizationOps.marketReference`).
enum MarketDefaults {
    case file(String)
    case inline(PendleV2Curve<Wad>, blockTime: Int64?)

    /// What it supplies: the curve, its block time, and a file's stock price and chart subject (nil inline).
    func read() throws -> (curve: PendleV2Curve<Wad>, blockTime: Int64?, stockPrice: Double?, chartSubject: String?) {
        switch self {
        case .file(let path):
            let file = try MarketFile.load(path: path)
            return (file.curve, file.blockTime, file.stockPrice, file.chartSubject)
        case .inline(let curve, let blockTime):
            return (curve, blockTime, nil, nil)
        }
    }
}

extension DoorFields {
    /// The jobs' reads, each as its door has always read it (``StrategyInputs``): the option's text on the
    /// command line, the field's JSON in batch, with each door's messages.
    var job: JobFields { JobFields(fields: self) }
}

/// The jobs' reads through either door (``DoorFields/job``).
struct JobFields {
    let fields: DoorFields

    /// A rate (`5%`, `50bp`, `0.05`).
    func rate(_ field: String) throws -> Double? {
        switch fields.door {
        case .command(let invocation): return try StrategyInputs.rate(invocation, DoorFields.option(field))
        case .batch(let request): return try StrategyInputs.rate(request, field)
        }
    }

    /// An APY (a rate; on the command line a plain number above 1 is warned about: `3` is 300 %).
    func apy(_ field: String) throws -> Double? {
        switch fields.door {
        case .command(let invocation): return try StrategyInputs.apy(invocation, DoorFields.option(field))
        case .batch(let request): return try StrategyInputs.rate(request, field)
        }
    }

    /// A rate read exactly (a wad).
    func exactRate(_ field: String) throws -> Wad? {
        switch fields.door {
        case .command(let invocation): return try StrategyInputs.exactRate(invocation, DoorFields.option(field))
        case .batch(let request): return try StrategyInputs.exactRate(request, field)
        }
    }

    /// A withholding: a rate or `standard`, `treaty`, `exempt`.
    func withholding(_ field: String) throws -> Withholding? {
        switch fields.door {
        case .command(let invocation): return try StrategyInputs.withholding(invocation, DoorFields.option(field))
        case .batch(let request): return try StrategyInputs.withholding(request, field)
        }
    }

    /// A list or range (`200..260:20`, `-30%..30%:10%`, `a,b,c`; in batch also an array).
    func range(_ field: String) throws -> ValueRange? {
        switch fields.door {
        case .command(let invocation): return try StrategyInputs.range(invocation, DoorFields.option(field))
        case .batch(let request): return try StrategyInputs.range(request, field)
        }
    }

    /// A list of APYs (on the command line, plain numbers above 1 are warned about).
    func apyList(_ field: String) throws -> ValueRange? {
        switch fields.door {
        case .command(let invocation): return try StrategyInputs.apyList(invocation, DoorFields.option(field))
        case .batch(let request): return try StrategyInputs.range(request, field)
        }
    }

    /// A finite number (a price in USD, days).
    func number(_ field: String) throws -> Double? {
        switch fields.door {
        case .command(let invocation): return try invocation.parse(option: DoorFields.option(field)) { TokenizationValues.number($0) }
        case .batch(let request): return try request.doubleIfPresent(field)
        }
    }

    /// A dividend schedule: a file on the command line, text or rows in batch.
    func schedule(_ field: String = "schedule") throws -> ScheduleInput? {
        switch fields.door {
        case .command(let invocation): return invocation.option(DoorFields.option(field)).map { .file($0) }
        case .batch(let request): return try StrategyInputs.schedule(request, field).map { .inline($0) }
        }
    }

    /// A decimal amount: decimal units on the command line, wei (or token units) in batch.
    func amount(_ field: String) throws -> Wad? {
        switch fields.door {
        case .command(let invocation): return try invocation.parse(option: DoorFields.option(field), ValueText.wad)
        case .batch(let request): return try request.wadIfPresent(field)
        }
    }
}

extension DoorFields {
    /// An error worded for each door: a usage error on the command line, `BadRequest` naming `field` in batch.
    func refuse(command: String, batch: String, field: String?) -> any Error {
        switch door {
        case .command(let invocation): return invocation.usageError(command)
        case .batch: return RequestError.badRequest(field: field, reason: batch)
        }
    }
}

extension JobFields {
    /// The position (`pt:1000,yt:-500` on the command line; in batch that text or an array of legs in wei),
    /// which the job requires.
    func requiredPosition() throws -> Position {
        switch fields.door {
        case .command(let invocation): return try HedgeInputs.position(invocation)
        case .batch(let request): return try HedgeInputs.position(request)
        }
    }

    /// How the dividends are held: `token` (the default) or `stock`.
    func holding() throws -> YieldHolding {
        YieldHolding(rawValue: try fields.choice("heldAs", ["token", "stock"], default: "token")) ?? .token
    }
}
