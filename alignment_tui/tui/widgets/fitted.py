"""Boxes whose size a layout pass gives them, and which ask for no second pass when it changes.

Textual (pinned: 8.2.8) lays a screen out again whenever a widget's *virtual size* changes
during a layout pass: ``Widget._size_updated`` sets ``virtual_size``, a reactive declared
with ``layout=True``. For a box that does not scroll, its virtual size is its size, which
the pass that changed it has already laid out and drawn; the second pass finds nothing new
and costs a frame. These boxes declare ``virtual_size`` without layout or repaint, so a step
of the walk whose prompt or answer changes height is laid out and drawn once (and so is the
first step that shows an editor built ahead, whose parts were never laid out). Only boxes
that never scroll may use them (a scrolling box needs the second pass for its scrollbars).
"""

from __future__ import annotations

from textual.containers import Container, Vertical
from textual.geometry import Size
from textual.reactive import Reactive
from textual.widgets import Label, Static


def fitted_size() -> Reactive[Size]:
    """The same reactive as ``Widget.virtual_size``, without the layout and repaint it asks
    for (one per class: a reactive knows the class it is declared on). A widget that never
    scrolls declares ``virtual_size = fitted_size()`` (the answer editors do)."""
    return Reactive(Size(0, 0), layout=False, repaint=False)


class FittedStatic(Static):
    """A ``Static`` that never scrolls (a prompt, a help line)."""

    virtual_size = fitted_size()


class FittedLabel(Label):
    """A ``Label`` (never scrolls)."""

    virtual_size = fitted_size()


class FittedVertical(Vertical):
    """A ``Vertical`` that never scrolls."""

    virtual_size = fitted_size()


class FittedContainer(Container):
    """A ``Container`` that never scrolls."""

    virtual_size = fitted_size()
