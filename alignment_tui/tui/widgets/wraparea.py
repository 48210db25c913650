"""A soft-wrapping TextArea whose lines are re-wrapped as soon as its size changes.

Textual re-wraps a TextArea when its Resize event is handled, but the screen draws the
widget at its new size before that, with the lines still wrapped for the old width:
wider lines lose their last words under the border, and as the re-wrap keeps the same
number of lines nothing draws them again until the cursor moves. A page scroll bar
coming or going (findings listed, F2's examples) shifts the width by two columns.
The compositor has the new region before ``_size_updated`` is called, so the lines are
re-wrapped there (``wrapped_document._width`` is private: textual is pinned).
"""

from __future__ import annotations

from textual.geometry import Size
from textual.widgets import TextArea


class WrapAtOnceTextArea(TextArea):
    """Re-wraps in the layout pass that changes its size, so every line drawn fits."""

    def _size_updated(
        self, size: Size, virtual_size: Size, container_size: Size, layout: bool = True
    ) -> bool:
        changed = super()._size_updated(size, virtual_size, container_size, layout)
        # The width the lines were last wrapped for (private; textual is pinned).
        wrapped_for = getattr(self.wrapped_document, "_width", None)
        if self.soft_wrap and wrapped_for is not None and wrapped_for != self.wrap_width:
            # What _on_resize would do later; then draw every line with the new wrap.
            self._rewrap_and_refresh_virtual_size()
            self.refresh()
        return changed
