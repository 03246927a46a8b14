print("failing runs")
raise ValueError("failing at import")
