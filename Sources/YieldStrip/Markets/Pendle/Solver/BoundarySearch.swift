/// Finds the boundary of a feasible region of trade sizes, in exact wei and in `Double`.
///
/// The exact-input swaps ask for the largest size `g` whose cost fits a budget. With
/// `margin(g) = budget − cost(g)` (nil when the trade reverts), `g` is feasible when `margin(g) ≥ 0`.
/// Cost grows with size, so the feasible sizes are `[lower, g*]` up to wei-level rounding noise, and the
/// answer is a `g` with `feasible(g)` and `¬feasible(g + 1)`. When feasibility is monotone that `g` is
/// unique, and equal to what a plain integer bisection over the whole range returns.
public enum BoundarySearch {
    /// The result of a search, with the number of margin evaluations it used.
    public struct Outcome<Value: Sendable>: Sendable {
        public var size: Int256
        public var value: Value?
        public var evaluations: Int
        /// The smallest size known to revert, when the search learnt it from its `limit` (every larger
        /// size reverts too): the replay of the reference bisection decides those midpoints unevaluated.
        public var infeasibleFrom: Int256?
        /// The margin at `size`, when the search ended on the limit having evaluated it.
        public var margin: Int256?

        @inlinable
        public init(size: Int256, value: Value?, evaluations: Int, infeasibleFrom: Int256? = nil, margin: Int256? = nil) {
            self.size = size
            self.value = value
            self.evaluations = evaluations
            self.infeasibleFrom = infeasibleFrom
            self.margin = margin
        }
    }

    /// The largest `g` in `lower...upper` with `margin(g) ≥ 0`, treating `lower` as feasible (a trade of
    /// nothing) and `upper + 1` as infeasible.
    ///
    /// Steps: Newton from `guess` with `slope` (the margin's derivative in wei per wei, negative), then
    /// secant steps on the exact margins, then an outward doubling probe until the boundary is bracketed
    /// (from 1 wei after Newton steps, else from the guess's `Double` uncertainty), then integer bisection.
    /// Where a revert rather than the budget bounds the size there is no slope to follow, and the cost is
    /// that of a bisection over the guess's uncertainty (~40 evaluations for a 1e24-wei size). The bracket invariant — `feasible(lo)`, `¬feasible(hi)` — holds
    /// throughout, so the answer is exact whatever the guess; a good guess only makes it fast (typically
    /// 4–8 evaluations instead of ~70 for bisection alone). `evaluate` returns the margin and a value to
    /// keep for the answer (e.g. the executed trade), or nil for a revert.
    ///
    /// With `approachOnly`, it stops after the Newton steps when they ran, and returns the last point
    /// probed (a size within a few wei of the boundary, feasible or not) with `value` nil: the start of
    /// `replayReferenceBisection(lower:upper:boundary:slope:noise:evaluate:)`.
    ///
    /// `limit`, asked once at the first revert, is the largest size that does not revert (every larger one
    /// does), or nil when unknown: the bracket's upper end becomes it, and it is probed next. Where the
    /// market's own limit rather than the budget bounds the size, that ends the search in a couple of
    /// probes instead of a bisection (the limit's own evaluations are the caller's to count).
    @inlinable
    public static func largestFeasible<Value: Sendable>(
        lower: Int256, upper: Int256, guess: Int256?, slope: Double?, approachOnly: Bool = false,
        limit: (() -> Int256?)? = nil, newtonSteps maxNewtonSteps: Int = 4,
        evaluate: (Int256) -> (margin: Int256, value: Value)?
    ) -> Outcome<Value> {
        var evaluations = 0
        var lo = lower
        var loValue: Value? = nil
        var hi = upper &+ .one
        var infeasibleFrom: Int256? = nil
        var limitAsked = limit == nil
        guard lower <= upper else { return Outcome(size: lower, value: nil, evaluations: 0) }

        // Asks the limit once: sizes beyond it revert.
        func askLimit() {
            guard !limitAsked, let limit else { return }
            limitAsked = true
            if let largest = limit(), largest >= lo, largest < hi {
                hi = largest &+ .one
                infeasibleFrom = hi
            }
        }
        // Probes x, updating the bracket; returns the margin when the trade succeeded.
        var lastMargin: Int256? = nil
        func probe(_ x: Int256) -> Int256? {
            evaluations += 1
            guard let (margin, value) = evaluate(x) else {
                if x < hi { hi = x }
                askLimit()
                lastMargin = nil
                return nil
            }
            lastMargin = margin
            if !margin.isNegative {
                if x > lo {
                    lo = x
                    loValue = value
                }
            } else if x < hi {
                hi = x
            }
            return margin
        }

        func inside(_ x: Int256) -> Int256 {
            if x <= lo { return lo &+ .one }
            if x >= hi { return hi &- .one }
            return x
        }

        // Newton and secant steps from the guess.
        if let guess, hi &- lo > .one {
            var x = inside(guess)
            var slopeEstimate = slope
            var previous: (x: Int256, margin: Int256)? = nil
            var lastFeasible = false
            var newtonSteps = 0
            var converged = false  // the slope put the boundary within 2 wei of the last probe
            for _ in 0..<maxNewtonSteps {
                guard hi &- lo > .one else { break }
                let margin = probe(x)
                lastFeasible = margin.map { !$0.isNegative } ?? false
                guard let margin else {
                    // Beyond a limit just learnt: the limit is the next iterate.
                    if let known = infeasibleFrom, hi == known, x >= known, hi &- lo > .one {
                        x = hi &- .one
                        continue
                    }
                    break
                }
                if let previous, previous.x != x {
                    let secant = (margin &- previous.margin).doubleValue / (x &- previous.x).doubleValue
                    if secant < 0 && secant.isFinite { slopeEstimate = secant }
                }
                previous = (x, margin)
                guard let s = slopeEstimate, s < 0 else { break }
                // Aim half a wei of margin inside the feasible side.
                let step = (margin.doubleValue + 0.5 * s) / -s
                guard step.isFinite, step.magnitude < 1e70, let delta = Int256(rounding: step.rounded(.down)) else { break }
                if delta.magnitude <= UInt256(UInt64(2)) {
                    converged = true
                    break
                }
                // A step beyond the range's end: the range, not the margin, may bound the size.
                if x &+ delta >= hi { askLimit() }
                let next = inside(x &+ delta)
                if next == x { break }
                x = next
                newtonSteps += 1
            }
            // A revert that taught the limit: probe the limit itself (the answer, when the budget still fits).
            if let known = infeasibleFrom, hi == known {
                if hi &- lo > .one {
                    x = hi &- .one
                    lastFeasible = probe(x).map { !$0.isNegative } ?? false
                } else {
                    (x, lastFeasible) = (lo, true)
                }
            }
            if approachOnly && newtonSteps > 0 {
                // At the limit with its margin known, hand both on (the replay need not evaluate it again).
                let atLimit = infeasibleFrom == hi && x == lo && x &+ .one == hi
                return Outcome(
                    size: x, value: atLimit ? loValue : nil, evaluations: evaluations, infeasibleFrom: infeasibleFrom,
                    margin: atLimit ? lastMargin : nil)
            }
            // Bracket: step outward from the side the last probe fell on, doubling, until the boundary is
            // crossed.
            // After Newton (or a guess the slope already puts within 2 wei) the boundary is within a few
            // wei; without it (a revert boundary, no slope) it is within the guess's own uncertainty, ~1e-13
            // relative for a `Double` seed.
            var step =
                newtonSteps > 0 || converged
                ? Int256.one
                : Swift.max(Int256.one, Int256(rounding: guess.doubleValue.magnitude * 1e-13) ?? .one)
            for _ in 0..<128 {
                guard hi &- lo > .one else { break }
                let target = lastFeasible ? inside(lo &+ step) : inside(hi &- step)
                let margin = probe(target)
                let feasible = margin.map { !$0.isNegative } ?? false
                if feasible != lastFeasible { break }
                step = step &+ step
            }
        }

        // Integer bisection; the midpoint rule of the reference search.
        while hi &- lo > .one {
            let mid = lo &+ (hi &- lo).divided(byPositive: 2)
            _ = probe(mid)
        }
        return Outcome(size: lo, value: loValue, evaluations: evaluations, infeasibleFrom: infeasibleFrom)
    }
}

extension BoundarySearch {
    /// The reference search's answer, computed without its ~log2(range) evaluations.
    ///
    /// The reference integer bisection over `lower...upper` (`mid = (lo + hi + 1) / 2`; feasible → `lo = mid`,
    /// else `hi = mid − 1`) defines the answer even where rounding makes feasibility flicker near the
    /// boundary. Its decisions far from the boundary are certain, so this replays it exactly, evaluating
    /// only midpoints inside the uncertain zone `(surelyFeasible, surelyInfeasible)`:
    ///
    /// Starting from a boundary `g` (from ``largestFeasible(lower:upper:guess:slope:evaluate:)``), the zone
    /// ends are found by probing outward until the margin clears the rounding noise: a size whose margin is
    /// ≥ `noise` has every smaller size feasible, one whose margin is < −`noise` (or that reverts) every
    /// larger size infeasible — true when `cost(g)` is a non-decreasing function plus a rounding error
    /// within `noise / 2`, as the swaps' costs are (each is a handful of floor/ceil divisions of smooth
    /// monotone terms). Evaluations: ~log2(zone width) plus the probes.
    ///
    /// When the boundary search learnt that every size from `boundary.infeasibleFrom` reverts (the market's
    /// limit), those midpoints are decided without evaluation; and when the boundary is the limit itself
    /// with a margin ≥ `noise`, every midpoint is decided (all smaller sizes fit, all larger revert): the
    /// replay costs that one evaluation.
    @inlinable
    static func replayReferenceBisection<Value: Sendable>(
        lower: Int256, upper: Int256, boundary: Outcome<Value>, slope: Double?, noise: Int256,
        evaluate: (Int256) -> (margin: Int256, value: Value)?
    ) -> Outcome<Value> {
        var evaluations = boundary.evaluations
        let g = boundary.size  // a size within a few wei of the boundary
        var surelyInfeasible = upper &+ .one
        if let known = boundary.infeasibleFrom, known < surelyInfeasible { surelyInfeasible = known }
        var surelyFeasible = lower
        var gValue: Value? = nil
        if g &+ .one == surelyInfeasible, g > lower {
            // The boundary is the limit: all of the range above it reverts.
            if let margin = boundary.margin, let value = boundary.value {
                if margin >= noise { (surelyFeasible, gValue) = (g, value) }
            } else {
                evaluations += 1
                if let (margin, value) = evaluate(g), margin >= noise { (surelyFeasible, gValue) = (g, value) }
            }
        }
        // The zone's ends: step out from the boundary by the noise's width in size units, doubling.
        let width = slope.map { Swift.max(1, 2 * noise.doubleValue / Swift.max(-$0, 1e-30)) } ?? 2
        var step = Int256(rounding: Swift.min(width, 1e70)) ?? .one
        while g > lower && surelyFeasible != g {
            let candidate = g &- step <= lower ? lower : g &- step
            if candidate == lower { break }
            evaluations += 1
            if let (margin, _) = evaluate(candidate), margin >= noise {
                surelyFeasible = candidate
                break
            }
            step = step &+ step
        }
        step = Int256(rounding: Swift.min(width, 1e70)) ?? .one
        while true {
            let candidate = g &+ step
            if candidate >= surelyInfeasible { break }
            evaluations += 1
            guard let (margin, _) = evaluate(candidate) else {
                surelyInfeasible = candidate
                break
            }
            if margin < noise.negatedWrapping {
                surelyInfeasible = candidate
                break
            }
            step = step &+ step
        }
        // Replay.
        var lo = lower
        var hi = upper
        var loValue: Value? = nil
        var loEvaluated = false
        while lo < hi {
            let mid = (lo &+ hi &+ .one).divided(byPositive: 2)
            let feasible: Bool
            if mid <= surelyFeasible {
                feasible = true
                loEvaluated = false
            } else if mid >= surelyInfeasible {
                feasible = false
            } else {
                evaluations += 1
                if let (margin, value) = evaluate(mid), !margin.isNegative {
                    feasible = true
                    loValue = value
                    loEvaluated = true
                } else {
                    feasible = false
                }
            }
            if feasible { lo = mid } else { hi = mid &- .one }
        }
        if lo == lower { return Outcome(size: lower, value: nil, evaluations: evaluations) }
        if lo == g, let gValue, !loEvaluated {
            loValue = gValue
            loEvaluated = true
        }
        if !loEvaluated || loValue == nil {
            evaluations += 1
            guard let (margin, value) = evaluate(lo), !margin.isNegative else {
                // The noise exceeded its bound: fall back to a plain boundary search from here.
                return largestFeasible(lower: lower, upper: upper, guess: lo, slope: slope, evaluate: evaluate)
            }
            loValue = value
        }
        return Outcome(size: lo, value: loValue, evaluations: evaluations)
    }

    /// The root of a decreasing `margin(g)` in `[lower, upper]`, in `Double`: safeguarded Newton (a step
    /// that leaves the current bracket becomes a bisection; a revert counts as beyond the root). Stops
    /// when a step is below `relativeTolerance · g`. Returns `lower` when `margin(lower) < 0` and `upper`
    /// when `margin(upper) ≥ 0`; `largestFeasible` is the largest point evaluated with `margin ≥ 0`.
    ///
    /// A Newton step beyond the bracket's upper end, while that end is still `upper` (or the limit) and
    /// not yet evaluated, evaluates that end instead of bisecting: where the root lies beyond it (the
    /// size is bounded by the range, not the margin), the search ends there. `limit`, asked once at the
    /// first revert, is the largest size that does not revert: it becomes the upper end and is evaluated
    /// next, so a search the market's limit bounds takes two or three evaluations rather than a bisection
    /// of up to `maxEvaluations`.
    @inlinable
    public static func root(
        lower: Double, upper: Double, guess: Double?, relativeTolerance: Double = 1e-13, maxEvaluations: Int = 80,
        limit: (() -> Double?)? = nil,
        evaluate: (Double) -> (margin: Double, slope: Double)?
    ) -> (size: Double, largestFeasible: Double, evaluations: Int) {
        var lo = lower
        var hi = upper
        var top = upper
        var topEvaluated = false
        var limitAsked = limit == nil
        var evaluations = 0
        var x = min(max(guess ?? (lower + upper) / 2, lower), upper)
        while evaluations < maxEvaluations {
            evaluations += 1
            if x == top { topEvaluated = true }
            var next = Double.nan
            if let (margin, slope) = evaluate(x), margin.isFinite {
                if margin >= 0 { lo = x } else { hi = x }
                if margin == 0 { return (x, x, evaluations) }
                if slope < 0 && slope.isFinite { next = x - margin / slope }
            } else {
                hi = x
                if !limitAsked, let limit {
                    limitAsked = true
                    if let largest = limit(), largest > lo, largest < x {
                        (top, topEvaluated, hi, x) = (largest, false, largest, largest)
                        continue
                    }
                }
            }
            if next > hi && hi == top && !topEvaluated {
                // Beyond the range's end: ask the limit (sizes past it revert), then evaluate that end.
                if !limitAsked, let limit {
                    limitAsked = true
                    if let largest = limit(), largest > lo, largest < top { (top, hi) = (largest, largest) }
                }
                next = top
            }
            if !(next >= lo && next <= hi) { next = lo + (hi - lo) / 2 }
            let scale = max(abs(next), abs(x), .leastNormalMagnitude)
            if abs(next - x) <= relativeTolerance * scale || hi - lo <= relativeTolerance * max(abs(hi), .leastNormalMagnitude) {
                return (min(max(next, lo), hi), lo, evaluations)
            }
            x = next
        }
        return (lo, lo, evaluations)
    }
}
