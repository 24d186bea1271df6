"""Vietnamese text helpers: dates, diacritic folding. Pure Python, no Django."""
