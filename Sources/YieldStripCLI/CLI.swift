import YieldStrip
