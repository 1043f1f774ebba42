"""Custom NLU components and the spaCy rules behind them."""
