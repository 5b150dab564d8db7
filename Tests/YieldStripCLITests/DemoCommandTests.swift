import Testing
import YieldStrip

@testable import YieldStripCLI

@Suite struct DemoCommandTests {
    @Test func tableOutput() {
        let run = yieldstrip("demo")
        #expect(run.exitCode == 0 && run.stderr.isEmpty)
        #expect(
            run.stdout.hasPrefix(
                "YieldStrip demo: lock in a fixed rate, hedge a dividend stream, Pendle V2's exact math to the wei\n\n1. The two jobs"))
        #expect(run.stdout.contains("\n4. ln and exp"))
        #expect(
            run.stdout.contains("  wad ln 2                      0.693147180559945309  ln 2 = 0.6931471805599453094…, truncated at 18 decimals\n"))
        #expect(run.stdout.contains("\n6. SY to asset and back at PY index 1.0123 (SYUtils)\n"))
    }

    @Test func oneSection() {
        #expect(
            yieldstrip("demo", "--section", "syRoundTrip")
                == CLI.RunResult(
                    stdout: """
                        YieldStrip demo: lock in a fixed rate, hedge a dividend stream, Pendle V2's exact math to the wei

                        6. SY to asset and back at PY index 1.0123 (SYUtils)
                          yieldstrip                                      result                note
                          ----------------------------------------------  --------------------  ----------------------------------------
                          wad sy-to-asset 1.0123 0.333333333333333333     0.337433333333333332  SY to asset, rounded down
                          wad asset-to-sy 1.0123 0.337433333333333332     0.333333333333333332  back, rounded down: 1 wei short
                          wad asset-to-sy-up 1.0123 0.337433333333333332  0.333333333333333333  back, rounded up: the SY we started with

                        """, stderr: "", exitCode: 0))
    }

    /// The round trip the demo narrates really holds: down loses a wei, up recovers it.
    @Test func roundTripClaims() throws {
        let run = yieldstrip("demo", "--section", "syRoundTrip", "--json")
        guard case .object(let object) = try JSONReader.parse(run.stdout), case .array(let steps)? = object["syRoundTrip"] else {
            Issue.record("no section")
            return
        }
        let results = steps.map { step -> JSONValue? in
            if case .object(let row) = step { return row["result"] }
            return nil
        }
        #expect(results == ["337433333333333332", "333333333333333332", "333333333333333333"])
    }

    @Test func everyStepRuns() {
        let run = yieldstrip("demo", "--json")
        #expect(run.exitCode == 0)
        #expect(!run.stdout.contains("null"))
        for section in DemoScript.sections {
            #expect(run.stdout.contains(#""\#(section.key)":["#))
        }
    }
}
