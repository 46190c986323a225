"""Text set into markup (Qt's rich text, a notification's body) as the text it is.

The standard library's ``html.escape`` would do, but importing the ``html``
package loads ``html.entities`` for ``unescape``, its table of 2,231 named
character references: 0.55 MB of a waiting deskbreak, for five replacements.
"""

from __future__ import annotations

_TEXT = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;"})
_ATTRIBUTE = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#x27;"})


def escape(text: str, quote: bool = True) -> str:
    """``text`` with ``& < >`` (and, with ``quote``, both quotes) as character references: ``html.escape``'s result."""
    return text.translate(_ATTRIBUTE if quote else _TEXT)
