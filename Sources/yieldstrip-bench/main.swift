import YieldStrip
print(try LogExpMath.ln(Int256("2000000000000000000")!))
print(try LogExpMath.exp(Int256("1000000000000000000")!))
print(Wad(raw: Int256("1050000000000000000")!), Wad(decimal: "1.05")!.raw, Wad(decimal: "-0.000000000000000001")!, Wad(decimal:"1.05")!.doubleValue, Wad(rounding: 1.05)!.raw)
