"""A container that shows a profile's analysis: at once when it is loaded, else from a thread."""

from __future__ import annotations

from functools import partial
from typing import ClassVar

from textual.containers import Vertical
from textual.worker import Worker, WorkerState

from alignment_tui.analysis.findings import ProfileResult
from alignment_tui.model.profile import Profile
from alignment_tui.session.live import analyse_profile, analysis_warm


class AnalysedView(Vertical):
    """Subclasses call ``analyse(profile, lang)`` and draw the result in ``show``."""

    ANALYSIS_GROUP: ClassVar[str] = "analysis"

    def analyse(self, profile: Profile, lang: str) -> None:
        if analysis_warm():
            # Milliseconds once loaded: shown with the screen, so nothing moves under the mouse.
            self.show(analyse_profile(profile, lang=lang))
            return
        job = partial(analyse_profile, profile, lang=lang)
        self.run_worker(job, thread=True, group=self.ANALYSIS_GROUP, exit_on_error=False)

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        if event.worker.group != self.ANALYSIS_GROUP:
            return
        event.stop()
        result = event.worker.result
        if event.state == WorkerState.SUCCESS and isinstance(result, ProfileResult):
            self.show(result)

    def show(self, result: ProfileResult) -> None:
        raise NotImplementedError

    def refresh_analysis(self) -> None:
        """The profile changed under the view (a waiver or a term taken back): look again."""
