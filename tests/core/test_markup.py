"""Text set into markup stays the text it is, as html.escape would leave it."""

import html

import pytest

from deskbreak.core.markup import escape


@pytest.mark.parametrize("text", ["Stop if <pain> lasts & see a doctor", "\"quoted\" and 'single'", "plain", "",
                                  "&amp; already", "Ölé > 3 \u2265 2"])
@pytest.mark.parametrize("quote", [True, False])
def test_escape_gives_what_html_escape_gives(text, quote):
    assert escape(text, quote=quote) == html.escape(text, quote=quote)
