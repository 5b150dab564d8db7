import Testing
import YieldStrip

/// ``YieldDecimal`` against values correctly rounded to 64 significant digits, half up (as decimal.js at
/// `precision: 64` and Python's `decimal` with `ROUND_HALF_UP` give them).
@Suite struct YieldDecimalTests {
    private func d(_ text: String) -> YieldDecimal { YieldDecimal(text)! }

    @Test func parsingAndPlainNotation() {
        #expect(d("1e27").description == "1000000000000000000000000000")
        #expect(d("-0.00125").description == "-0.00125")
        #expect(d("1.2500").description == "1.25")
        #expect(d(".5").description == "0.5")
        #expect(d("2.5E-3").description == "0.0025")
        #expect(d("0") == YieldDecimal.zero && d("-0.000") == YieldDecimal.zero)
        #expect(YieldDecimal("1e") == nil && YieldDecimal("") == nil && YieldDecimal("1.2.3") == nil && YieldDecimal("x") == nil)
        #expect(d("18446744073709551616").int256Value == Int256("18446744073709551616"))
        #expect(d("1.5").int256Value == nil)
    }

    @Test func ordering() {
        #expect(d("-2") < d("-1.5") && d("-1.5") < d("0") && d("0") < d("0.001") && d("0.001") < d("1e3"))
        #expect(d("100") == d("1e2") && !(d("1e2") < d("100")))
    }

    @Test func roundingIsHalfAwayFromZero() {
        #expect(d("2.5").rounded(significantDigits: 1) == d("3"))
        #expect(d("-2.5").rounded(significantDigits: 1) == d("-3"))
        #expect(d("2.4999").rounded(significantDigits: 1) == d("2"))
        #expect(d("9.96").rounded(significantDigits: 2) == d("10"))
        #expect(d("0.123456").rounded(decimalPlaces: 4) == d("0.1235"))
        #expect(d("1.5").floor() == d("1") && d("-1.5").floor() == d("-2") && d("-2").floor() == d("-2"))
    }

    @Test func basicOperationsAt64Digits() {
        let p = 64
        #expect(d("1").divided(by: d("3"), significantDigits: p).description == "0.3333333333333333333333333333333333333333333333333333333333333333")
        #expect(d("2").divided(by: d("3"), significantDigits: p).description == "0.6666666666666666666666666666666666666666666666666666666666666667")
        #expect(d("1e27").adding(d("1e-40"), significantDigits: p) == d("1e27"))
        #expect(d("1e27").adding(d("5"), significantDigits: p) == d("1000000000000000000000000005"))
        #expect(d("1e27").subtracting(d("1e-40"), significantDigits: p) == d("1e27"))
        #expect(d("123456789").multiplied(by: d("-0.001"), significantDigits: 4) == d("-123500"))
        // decimal.js reads the JS number 2 ** 64 as 18446744073709552000.
        #expect(
            d("18446744073709551616").divided(by: d("18446744073709552000"), significantDigits: p).description
                == "0.9999999999999999791833182882783153003911437104251770576391405204")
    }

    /// An addend far below the other operand's last digit: no effect when that operand is already short, but
    /// it still decides a tie of a longer one.
    @Test func tinyAddends() {
        #expect(d("1").subtracting(d("1e-70"), significantDigits: 64) == d("1"))
        #expect(d("1.235").subtracting(d("1e-30"), significantDigits: 3) == d("1.23"))
        #expect(d("1.235").adding(d("1e-30"), significantDigits: 3) == d("1.24"))
        #expect(d("1.235").rounded(significantDigits: 3) == d("1.24"))
        #expect(d("-1.235").subtracting(d("1e-30"), significantDigits: 3) == d("-1.24"))
        #expect(d("9.99").adding(d("1e-40"), significantDigits: 3) == d("9.99"))
        #expect(d("123456").divided(by: d("7"), significantDigits: 5) == d("17637"))
        #expect(d("1e-30").divided(by: d("3e40"), significantDigits: 4) == d("3.333e-71"))
    }

    @Test func transcendentalsAt64Digits() {
        let p = 64
        #expect(d("2").ln(significantDigits: p)?.description == "0.6931471805599453094172321214581765680755001343602552541206800095")
        #expect(d("1e27").ln(significantDigits: p)?.description == "62.16979751083923346848576927647783360522974019297687035289985333")
        #expect(
            d("123456789012345678901234567").ln(significantDigits: p)?.description
                == "60.0779334401608403455227795250720932149858663792545454783306163")
        #expect(d("0.000123").ln(significantDigits: p)?.description == "-9.003326202591856608845940118146251952582707904550586770846010162")
        #expect(d("1").exp(significantDigits: p)?.description == "2.718281828459045235360287471352662497757247093699959574966967628")
        #expect(d("-5").exp(significantDigits: p)?.description == "0.006737946999085467096636048423148424248849585027355085430305531573")
        #expect(d("62.5").exp(significantDigits: p)?.description == "1391249812950831116380608962.357183080013258994900968569065298719")
        #expect(d("2").power(d("0.5"), significantDigits: p)?.description == "1.414213562373095048801688724209698078569671875376948073176679738")
        #expect(
            d("123456789012345678901234567").power(d("0.47123"), significantDigits: p)?.description
                == "1972897864454.604825315833202029546233721352389377927336033416258")
        #expect(
            d("1.0000001").power(d("2.123456789"), significantDigits: p)?.description
                == "1.000000212345690828059777837616633062250498210597532373270190047")
        #expect(d("-2").power(d("3"), significantDigits: p) == d("-8"))
        #expect(d("-2").power(d("0.5"), significantDigits: p) == nil)
        #expect(d("0").power(d("0.5"), significantDigits: p) == .zero)
        #expect(d("0").ln(significantDigits: p) == nil)
    }
}
