"""A bug in the TUI ends it with one line and exit code 2, what was typed saved first."""

from __future__ import annotations

import contextlib

from textual.app import App

from alignment_tui.output import debugging, internal_error, say_error


class OneLineErrors(App[int]):
    """An app whose unexpected exception is one line on exit ("internal error: …, please
    report it"), never a traceback (unless ALIGNMENT_TUI_DEBUG is set)."""

    lang: str

    def last_save(self) -> None:
        """Keep what can be kept before the app goes (subclasses save the profile)."""

    def _handle_exception(self, error: Exception) -> None:
        if debugging():
            super()._handle_exception(error)
            return
        if self._exception is None:  # the first one only: what follows is its aftermath
            self._exception = error  # kept for Pilot, which raises it in the test
            self._exception_event.set()
            with contextlib.suppress(Exception):
                self.last_save()
            self._exit_renderables.append(internal_error(error, self.lang))
        self._return_code = 2
        self._close_messages_no_wait()

    def _print_error_renderables(self) -> None:
        """The app's own exit lines (plain strings) go out as one escaped line each, not
        through Rich, which would wrap them; anything else is Textual's to print."""
        lines = [r for r in self._exit_renderables if isinstance(r, str)]
        self._exit_renderables[:] = [r for r in self._exit_renderables if not isinstance(r, str)]
        for line in lines:
            say_error(line)
        super()._print_error_renderables()
