"""Every key and paste reaches the widget it was typed for, even while the focus is moving.

Textual sends each key to whatever has the focus when the app takes the key off its queue,
but a key that moves the focus (Tab, Enter in a cell, Ctrl+R, closing a drop-down) only
does so once it has travelled up to the app as a binding, and ``Widget.focus()`` itself
waits for the app's queue. At ten keys a second on a busy machine the next keys are sent
before that, to the cell being left. So after any key that the focused widget does not
take as text, the router holds the following keys until the screen has handled it, then
sends them on in order. Printable keys typed into a field never wait.

A dialog that opens by itself (the file changed on disk) must not take the typing either:
until the user turns to it (a click, a Tab after a pause, one of its Alt keys) the keys go
on to the widget they were typed into, on the screen beneath. It opens only between keys:
Textual looks a key's bindings up once the key has bubbled from the focused widget to the
app, on the screen on top by then, so a dialog pushed while a Backspace, an arrow, Ctrl+Z
or a Tab is on its way up would take that key from the answer.
"""

from __future__ import annotations

import asyncio
import time
from collections import deque
from collections.abc import Awaitable, Callable
from typing import TYPE_CHECKING, Any, TypeVar

from textual import events
from textual.screen import ModalScreen, Screen
from textual.widget import Widget

from alignment_tui.model.pasted import clean_paste

if TYPE_CHECKING:
    from textual._queue import Queue
    from textual.app import App
    from textual.message_pump import MessagePump

ResultType = TypeVar("ResultType")

# Keys are never held longer than this, should a screen never settle. Adding a row takes
# up to 2 s to settle on a heavily loaded machine; a limit reached would send keys astray.
HOLD_LIMIT = 10.0
POLL = 0.005  # seconds between two looks at whether the screen has settled
PAUSE = 1.0  # seconds without a key that end a burst of typing


class InterruptingDialog(ModalScreen[ResultType]):
    """A dialog the app opens on its own while the user may be typing.

    Nothing in it has the focus at first, so no key typed in flight can choose for the
    user; the router sends those keys on to the screen beneath until the user turns to
    the dialog (``engaged``).
    """

    AUTO_FOCUS = ""  # None would fall back to the app's "*"

    def __init__(self) -> None:
        super().__init__()
        self.engaged = False
        # Quitting still works (it saves a copy when there is a conflict); a modal screen
        # does not pass keys on to the app's bindings.
        self._bindings.bind("ctrl+q,ctrl+c", "app.quit", show=False)
        # Keys that act on the dialog even before it is engaged (its Alt+letter choices).
        self.own_keys: frozenset[str] = frozenset({"ctrl+q", "ctrl+c"})
        self._opening: asyncio.Task[None] | None = None  # held: a task nobody holds may go

    def on_descendant_focus(self, event: events.DescendantFocus) -> None:
        self.engaged = True  # a click or a Tab put the focus in the dialog

    def open_over(self, app: App[Any], callback: Callable[[ResultType | None], None]) -> None:
        """Push this dialog at the first moment no key is on its way to a widget.

        A key already dispatched to the focused widget but not yet handled is in some
        widget's queue, or back in the app's once it has bubbled up: the dialog waits for
        every queue to be empty. Keys that arrive later meet the dialog at the router,
        which sends them beneath.
        """
        since = time.monotonic()

        def push_if_between_keys() -> None:
            if not app.is_running:
                return  # quitting meanwhile: the last save keeps both versions
            if settled(app, inside_app=True) or time.monotonic() - since > HOLD_LIMIT:
                app.push_screen(self, callback)
            else:
                self._opening = asyncio.create_task(wait())

        async def wait() -> None:
            while app.is_running and time.monotonic() - since <= HOLD_LIMIT:
                await asyncio.sleep(POLL)
                if settled(app, inside_app=False):
                    break
            app.call_later(push_if_between_keys)

        push_if_between_keys()


class KeyRouter:
    """Decides, for each key or paste the app receives, when and where it is dispatched.

    ``dispatch`` is the app's own handling of an input event (Textual's ``on_event``).
    """

    def __init__(self, app: App[Any], dispatch: Callable[[events.Event], Awaitable[None]]) -> None:
        self.app = app
        self._dispatch = dispatch
        self._held: deque[events.Key | events.Paste] = deque()
        self._holding = False
        self._since = 0.0
        self._watch: asyncio.Task[None] | None = None
        self.last_key = float("-inf")  # when the last key was typed (the event's own time)

    @property
    def holding(self) -> bool:
        return self._holding

    async def route(self, event: events.Key | events.Paste) -> bool:
        """``True`` when the router took the event (held, or sent beneath a dialog)."""
        if isinstance(event, events.Paste):
            # Control characters and escape sequences of a paste are dropped: text only.
            event.text = clean_paste(event.text)
        if self._holding and self._settled(inside_app=True):
            await self._release()
        if self._holding:
            self._held.append(event)
            return True
        previous = self.last_key
        if isinstance(event, events.Key):
            self.last_key = event.time
        if await self._through_dialog(event, previous):
            return True
        if isinstance(event, events.Key) and self._moves_focus(event):
            self._hold()
        return False

    # -- holding keys while the focus moves ----------------------------------------------
    def _moves_focus(self, event: events.Key) -> bool:
        focused = self.app.focused
        if focused is None:
            return True
        return not (event.is_printable and focused.check_consume_key(event.key, event.character))

    def _hold(self) -> None:
        self._holding = True
        self._since = time.monotonic()
        self._watch_settling()

    def _watch_settling(self) -> None:
        if self._watch is None or self._watch.done():
            self._watch = asyncio.create_task(self._wait_until_settled())

    def _timed_out(self) -> bool:
        return time.monotonic() - self._since > HOLD_LIMIT

    async def _wait_until_settled(self) -> None:
        while self._holding and self.app.is_running:
            await asyncio.sleep(POLL)
            if self._settled(inside_app=False) or self._timed_out():
                self.app.call_later(self._release_if_settled)
                return

    async def _release_if_settled(self) -> None:
        """From the app's queue; a newer hold may have begun since the watcher looked."""
        if not self._holding:
            return
        if self._settled(inside_app=True) or self._timed_out():
            await self._release()
        else:
            self._watch_settling()

    def _settled(self, *, inside_app: bool) -> bool:
        return settled(self.app, inside_app=inside_app)

    async def _release(self) -> None:
        """Send the held events on, in order; one of them may start a new hold."""
        self._holding = False
        while self._held and not self._holding:
            event = self._held.popleft()
            if not await self.route(event):
                await self._dispatch(event)

    # -- a dialog that opened by itself --------------------------------------------------
    def _beneath(self) -> tuple[InterruptingDialog[Any], Screen[Any]] | None:
        stack = self.app.screen_stack
        dialog = stack[-1] if stack else None
        if not isinstance(dialog, InterruptingDialog) or len(stack) < 2:
            return None
        if dialog.engaged or dialog.focused is not None:
            dialog.engaged = True
            return None
        return dialog, stack[-2]

    async def _through_dialog(self, event: events.Key | events.Paste, previous: float) -> bool:
        found = self._beneath()
        if found is None:
            return False
        dialog, screen = found
        widget = screen.focused
        if isinstance(event, events.Paste):
            if widget is None:
                return False
            widget._forward_event(event)
            return True
        if event.key in dialog.own_keys:
            return False
        if event.key in ("tab", "shift+tab"):
            if event.time - previous >= PAUSE:
                return False  # after a pause, Tab turns to the dialog's buttons
            if widget is None or not widget.check_consume_key(event.key, event.character):
                self._hold()
                screen.focus_next() if event.key == "tab" else screen.focus_previous()
                return True
        if widget is None:
            return False
        action = _own_binding(widget, screen, event.key)
        if action is not None:
            node, name = action
            self._hold()
            await self.app.run_action(name, node)
            return True
        if event.is_printable or event.key == "enter":
            widget._forward_event(event)
            return True
        return False


def settled(app: App[Any], *, inside_app: bool) -> bool:
    """Has everything the last key set off been handled (no message waiting anywhere)?

    From inside the app's own handler, the app is busy with the message being handled;
    from a task watching it, the app must be idle too.
    """
    if not quiet(app, inside_app=inside_app):
        return False
    return not any(getattr(screen, "_callbacks", None) for screen in app.screen_stack)


def quiet(app: App[Any], *, inside_app: bool) -> bool:
    """No message waiting or being handled anywhere (``settled``, but for what a screen
    keeps to do once it has drawn its next frame)."""
    pumps: list[MessagePump] = [app]
    for screen in app.screen_stack:
        pumps.extend(screen.walk_children(with_self=True))
    for pump in pumps:
        if pump is app and inside_app:
            waiting = pump._pending_message is not None or not pump._message_queue.empty()
            if waiting or pump._next_callbacks:
                return False
        elif _busy(pump):
            return False
    return True


def _busy(pump: MessagePump) -> bool:
    """Is a message waiting for ``pump``, or is it handling one?

    Textual's queue keeps no count of messages being handled, so a pump is idle only when
    its queue is empty, no message was taken off it to be merged with the next one, and its
    task is parked waiting for a message (textual is pinned: this reads its ``Queue``, the
    ``asyncio.Event`` it waits on, and the pump's ``_pending_message``).
    """
    if pump._next_callbacks:
        return True
    if pump._closed:
        return False
    queue: Queue[Any] = pump._message_queue
    if not queue.empty() or pump._pending_message is not None:
        return True
    if not pump._running:
        return False
    return not getattr(queue.ready_event, "_waiters", None)


def _own_binding(widget: Widget, screen: Screen[Any], key: str) -> tuple[Widget, str] | None:
    """The binding for ``key`` on ``widget`` or a container of it below its screen."""
    node: Any = widget
    while node is not None and node is not screen:
        for binding in node._bindings.key_to_bindings.get(key, ()):
            return node, binding.action
        node = node.parent
    return None
