@_exported import YieldStripMath
