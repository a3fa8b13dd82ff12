"""Rule functions: pure, typed facts and a date in, a Decision out.

Each module is named after its rule and its docstring cites the articles it covers.
"""
