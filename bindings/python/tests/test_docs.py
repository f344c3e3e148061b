"""The package docstring examples run."""

import doctest

import narcostat


def test_docstrings() -> None:
    failures, tried = doctest.testmod(narcostat)
    assert tried > 0 and failures == 0
