/// A YieldSpace input or trade that Yield Protocol's contracts would refuse, or that has no answer.
///
/// ``errorName`` is the contract's own where it has one: a `require` string of `YieldMath.sol`
/// (`YieldMath: c and mu must be positive`) or a custom error of `Pool.sol` (`AfterMaturity`,
/// `InvalidFee`, `NegativeInterestRatesNotAllowed`). Checks the contracts do not make, or make by an
/// unnamed revert, have stable names of YieldStrip's (`ReservesNotPositive`, `TimeStretchNotPositive`,
/// `InvalidDecimals`, `AmountOutOfRange`, `ZeroAmount`, `OutputNotPositive`).
///
/// Source: yieldprotocol/yieldspace-tv, `src/YieldMath.sol`, `src/Pool/Pool.sol`, `src/Pool/PoolErrors.sol`
/// (commit 850faa4).
///
/// | ``errorName`` | case |
/// | --- | --- |
/// | `YieldMath: c and mu must be positive` | ``cAndMuNotPositive(c:mu:)`` |
/// | `YieldMath: t must be positive` | ``timeStretchNotPositive(ts:)`` |
/// | `YieldMath: Too far from maturity` | ``tooFarFromMaturity(timeTillMaturity:limit:)`` |
/// | `YieldMath: g must be positive` | ``gNotPositive(g:)`` |
/// | `YieldMath: Sum underflow` | ``sumUnderflow(sharesIn:)`` |
/// | `YieldMath: Rate overflow (yxa)` | ``fyTokenInBeyondCurve(fyTokenIn:)`` |
/// | `YieldMath: Too many shares in` | ``tooManySharesOut(sharesOut:sharesReserves:)`` |
/// | `YieldMath: Underflow (yxa)` | ``fyTokenOutBeyondReserves(fyTokenOut:fyTokenReserves:)`` |
/// | `AfterMaturity` | ``afterMaturity(timeTillMaturity:maturity:blockTime:)`` |
/// | `InvalidFee` | ``invalidFee(g1Fee:)`` |
/// | `NegativeInterestRatesNotAllowed` | ``negativeInterestRatesNotAllowed(newFYTokenBalance:newSharesBalanceTimesMu:)`` |
/// | `FYTokenCachedBadState` | ``fyTokenCachedBadState(newFYTokenBalance:totalSupply:)`` |
/// | `ReservesNotPositive` | ``reservesNotPositive(field:value:)`` |
/// | `InvalidDecimals` | ``invalidDecimals(_:)`` |
/// | `AmountOutOfRange` | ``amountOutOfRange(field:value:)`` |
/// | `ZeroAmount` | ``zeroAmount(field:)`` |
/// | `OutputNotPositive` | ``outputNotPositive(field:value:)`` |
public enum YieldSpaceError: TimedError, Hashable {
    /// `c` or `mu` is zero or negative (`c` below `mu` is legal: it follows a loss in the share vault).
    case cAndMuNotPositive(c: String, mu: String)
    /// The time stretch `ts` is zero or negative (the contract refuses a negative `t = ts · T`; a zero one
    /// makes a constant-sum pool at a zero rate, refused here too).
    case timeStretchNotPositive(ts: String)
    /// `a = 1 − g · ts · T` is not above zero: the pool is too far from maturity for its time stretch (and for
    /// `g2` > 1 sooner than for `g1`). `limit`: the longest time till maturity that works, in seconds.
    case tooFarFromMaturity(timeTillMaturity: String, limit: String)
    /// `a` above 1: a negative fee factor `g`.
    case gNotPositive(g: String)
    /// Selling so many shares that the pool would owe more than all its fyToken (`sellBase`).
    case sumUnderflow(sharesIn: String)
    /// Selling more fyToken than the curve can take: the shares reserves would fall below zero
    /// (`sellFYToken`; the contract's unsigned subtraction wraps and fails its overflow check).
    case fyTokenInBeyondCurve(fyTokenIn: String)
    /// Buying more shares than the pool holds (`buyBase`).
    case tooManySharesOut(sharesOut: String, sharesReserves: String)
    /// Buying more fyToken than the pool holds (`buyFYToken`).
    case fyTokenOutBeyondReserves(fyTokenOut: String, fyTokenReserves: String)
    /// The time till maturity is zero or negative: the pool trades only before maturity. A pool at a block
    /// time (``YieldSpacePool/timeTillMaturity(at:)``) keeps both times for the message; the math alone
    /// knows only the difference.
    case afterMaturity(timeTillMaturity: String, maturity: Int64? = nil, blockTime: Int64? = nil)
    /// `g1Fee` outside (0, 10,000] (the pool's fp4 fee parameter; 10,000 means no fee).
    case invalidFee(g1Fee: String)
    /// The trade would leave fewer fyToken than `mu ·` shares: a negative interest rate.
    case negativeInterestRatesNotAllowed(newFYTokenBalance: String, newSharesBalanceTimesMu: String)
    /// The trade would take more fyToken than the pool really holds: its virtual balance would fall below the
    /// LP supply.
    case fyTokenCachedBadState(newFYTokenBalance: String, totalSupply: String)
    /// A reserve (or the LP supply) that is zero or negative.
    case reservesNotPositive(field: String, value: String)
    /// Token decimals outside 0…18.
    case invalidDecimals(_ decimals: Int)
    /// An amount or 64.64 parameter beyond the contract's integer type (`uint128` amounts, `int128` 64.64).
    case amountOutOfRange(field: String, value: String)
    /// A trade of nothing.
    case zeroAmount(field: String)
    /// A trade so small that, after the preview's 1e12-wei precision fee, it pays nothing.
    case outputNotPositive(field: String, value: String)

    public var errorName: String {
        switch self {
        case .cAndMuNotPositive: return "YieldMath: c and mu must be positive"
        case .timeStretchNotPositive: return "YieldMath: t must be positive"
        case .tooFarFromMaturity: return "YieldMath: Too far from maturity"
        case .gNotPositive: return "YieldMath: g must be positive"
        case .sumUnderflow: return "YieldMath: Sum underflow"
        case .fyTokenInBeyondCurve: return "YieldMath: Rate overflow (yxa)"
        case .tooManySharesOut: return "YieldMath: Too many shares in"
        case .fyTokenOutBeyondReserves: return "YieldMath: Underflow (yxa)"
        case .afterMaturity: return "AfterMaturity"
        case .invalidFee: return "InvalidFee"
        case .negativeInterestRatesNotAllowed: return "NegativeInterestRatesNotAllowed"
        case .fyTokenCachedBadState: return "FYTokenCachedBadState"
        case .reservesNotPositive: return "ReservesNotPositive"
        case .invalidDecimals: return "InvalidDecimals"
        case .amountOutOfRange: return "AmountOutOfRange"
        case .zeroAmount: return "ZeroAmount"
        case .outputNotPositive: return "OutputNotPositive"
        }
    }

    public var errorArgs: [String] {
        switch self {
        case .cAndMuNotPositive(let c, let mu): return [c, mu]
        case .timeStretchNotPositive(let ts): return [ts]
        case .tooFarFromMaturity(let time, let limit): return [time, limit]
        case .gNotPositive(let g): return [g]
        case .sumUnderflow(let sharesIn): return [sharesIn]
        case .fyTokenInBeyondCurve(let fyTokenIn): return [fyTokenIn]
        case .tooManySharesOut(let out, let reserves): return [out, reserves]
        case .fyTokenOutBeyondReserves(let out, let reserves): return [out, reserves]
        case .afterMaturity(let time, _, _): return [time]
        case .invalidFee(let fee): return [fee]
        case .negativeInterestRatesNotAllowed(let fy, let shares): return [fy, shares]
        case .fyTokenCachedBadState(let fy, let supply): return [fy, supply]
        case .reservesNotPositive(let field, let value): return [field, value]
        case .invalidDecimals(let decimals): return [String(decimals)]
        case .amountOutOfRange(let field, let value): return [field, value]
        case .zeroAmount(let field): return [field]
        case .outputNotPositive(let field, let value): return [field, value]
        }
    }

    public var message: String { message(source: nil) }

    /// The message with the block time's source beside it, for a pool's `AfterMaturity`.
    public func message(timeSource source: TimeSource) -> String { message(source: source) }

    private func message(source: TimeSource?) -> String {
        switch self {
        case .cAndMuNotPositive(let c, let mu):
            return "YieldMath: c and mu must be positive: c is \(c) and mu is \(mu) (64.64); both are share prices in base, 2^64 for 1.0"
        case .timeStretchNotPositive(let ts):
            return
                "YieldMath: t must be positive: the time stretch ts is \(ts); give a positive ts (64.64 per second, e.g. 2^64 / (10 · 31,557,600) for a 10-year stretch)"
        case .tooFarFromMaturity(let time, let limit):
            return
                "YieldMath: Too far from maturity: a = 1 − g · ts · T is not positive at T = \(time) s; with this ts and fee the pool prices at most \(limit) s before maturity (choose a longer time stretch or a later time)"
        case .gNotPositive(let g):
            return "YieldMath: g must be positive: the fee factor g is \(g) (64.64), so a = 1 − g · ts · T exceeds 1"
        case .sumUnderflow(let sharesIn):
            return "YieldMath: Sum underflow: selling \(sharesIn) shares would take more than all the pool's fyToken; sell at most maxBaseIn"
        case .fyTokenInBeyondCurve(let fyTokenIn):
            return
                "YieldMath: Rate overflow (yxa): selling \(fyTokenIn) fyToken would take more than all the pool's shares; sell at most maxFyTokenIn"
        case .tooManySharesOut(let out, let reserves):
            return "YieldMath: Too many shares in: buying \(out) shares from a pool holding \(reserves); buy at most the shares reserves"
        case .fyTokenOutBeyondReserves(let out, let reserves):
            return "YieldMath: Underflow (yxa): buying \(out) fyToken from a pool holding \(reserves) (virtual); buy at most maxFyTokenOut"
        case .afterMaturity(_, let maturity?, let blockTime?):
            return "AfterMaturity: the pool matured at \(UnixTime.format(maturity)); the block time \(UnixTime.format(blockTime))"
                + "\(TimeSource.suffix(source)) is not before it; give a block time before maturity"
        case .afterMaturity(let time, _, _):
            return "AfterMaturity: the time till maturity is \(time) s; the pool trades only before maturity"
        case .invalidFee(let fee):
            return "InvalidFee: g1Fee is \(fee); it is the pool's fee as fp4, in (0, 10000] (10000: no fee, 9500: g1 = 0.95)"
        case .negativeInterestRatesNotAllowed(let fy, let shares):
            return
                "NegativeInterestRatesNotAllowed: the trade would leave \(fy) fyToken (virtual) against mu · shares = \(shares), a negative rate; trade less"
        case .fyTokenCachedBadState(let fy, let supply):
            return
                "FYTokenCachedBadState: the trade would leave \(fy) fyToken (virtual) against an LP supply of \(supply), more than the pool's real fyToken; trade less"
        case .reservesNotPositive(let field, let value):
            return "ReservesNotPositive: \(field) is \(value); a pool's reserves and LP supply must be positive"
        case .invalidDecimals(let decimals):
            return "InvalidDecimals: decimals is \(decimals); YieldSpace pools hold tokens of 0 to 18 decimals"
        case .amountOutOfRange(let field, let value):
            return "AmountOutOfRange: \(field) is \(value), beyond the contract's integer type (uint128 for amounts, int128 for 64.64 parameters)"
        case .zeroAmount(let field):
            return "ZeroAmount: \(field) is 0; trade a positive amount"
        case .outputNotPositive(let field, let value):
            return
                "OutputNotPositive: the trade pays \(value) \(field) after the preview's precision fee (1e12 wei at 18 decimals); trade a larger amount"
        }
    }
}
