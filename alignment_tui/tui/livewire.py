"""Wires live feedback, the layer review, the alignment summary and coach mode into the walk."""

from __future__ import annotations

import time
import weakref
from typing import TYPE_CHECKING, Any

from textual.css.query import NoMatches
from textual.widget import Widget
from textual.widgets import TextArea

from alignment_tui.i18n import t
from alignment_tui.model import kinds
from alignment_tui.model.kinds import custom_path
from alignment_tui.model.profile import LAYERS
from alignment_tui.session.live import part_label
from alignment_tui.session.timer import SessionTimer

if TYPE_CHECKING:
    from alignment_tui.model.profile import Profile
    from alignment_tui.tui.screens.question import QuestionScreen
    from alignment_tui.tui.screens.review import ReviewScreen
    from alignment_tui.tui.screens.summary import SummaryScreen
    from alignment_tui.tui.widgets.coach import CoachPanel
    from alignment_tui.tui.widgets.livefeedback import LiveFeedback

# Each app's session timer, made from the profile's settings at its first question.
_TIMERS: weakref.WeakKeyDictionary[Any, SessionTimer] = weakref.WeakKeyDictionary()

# Each question screen's live feedback, so a keystroke does not search the screen for it.
_LIVE: weakref.WeakKeyDictionary[Any, LiveFeedback] = weakref.WeakKeyDictionary()


def snapshot(app: Any) -> Profile | None:
    """A private copy of the app's profile for an analysis in another thread."""
    profile = getattr(app, "profile", None)
    return profile.model_copy(deep=True) if profile is not None else None


def session_timer(app: Any) -> SessionTimer:
    """The coach's timer on ``app``: it carries on from what the profile kept."""
    timer = _TIMERS.get(app)
    if timer is None:
        profile = getattr(app, "profile", None)
        now = time.monotonic()
        timer = (
            SessionTimer.from_settings(profile.settings, now) if profile else SessionTimer(0, now)
        )
        _TIMERS[app] = timer
    return timer


def keep_timer(app: Any) -> None:
    """Write the timer into the profile (when the question changes, on pause, on quit);
    only in coach mode: it is the coach's session, not the time a founder spends alone."""
    timer = _TIMERS.get(app)
    profile = getattr(app, "profile", None)
    if timer is None or profile is None or not profile.settings.coach_mode:
        return
    if timer.store(profile.settings, time.monotonic()):
        app.touch()


def timer_action(app: Any, action: str) -> None:
    """``toggle`` (pause or go on) or ``reset`` the coach's timer, and keep it."""
    timer = session_timer(app)
    getattr(timer, action)(time.monotonic())
    keep_timer(app)
    from alignment_tui.tui.widgets.coach import CoachPanel

    for panel in app.screen.query(CoachPanel):
        panel.refresh_head()


def coach_on(app: Any) -> bool:
    profile = getattr(app, "profile", None)
    return bool(profile is not None and profile.settings.coach_mode)


def _slot(screen: Widget) -> Widget | None:
    """The screen's ``#findings`` slot, or ``None`` when the screen is already being left
    (a fast jump can take a screen down while its mount handler still runs)."""
    try:
        return screen.query_one("#findings")
    except NoMatches:
        return None


def install_question(screen: QuestionScreen) -> LiveFeedback | None:
    """Mount live feedback under the answer and attach it to the editor's text."""
    from alignment_tui.tui.widgets.livefeedback import LiveFeedback

    slot = _slot(screen)
    if slot is None:
        return None
    app, question = screen.app, screen.question
    path, lines = question.path, kinds.spec(question.kind).lines
    live = LiveFeedback(
        path,
        screen.lang,
        lambda: snapshot(app),
        one_per_line=bool(lines),
        coach=lambda: coach_on(app),
        waivable=not screen.read_only,
        label=lambda f: part_label(f.where, path, getattr(app, "profile", None), screen.lang),
        id="live",
    )
    slot.mount(live)
    _LIVE[screen] = live
    area = None
    # Kinds typed in one TextArea: their words are highlighted where they are.
    if screen.editor is not None and lines is not None:
        area = screen.editor.query(TextArea).first() if screen.editor.query(TextArea) else None
    live.attach(area)
    return live


def coach_panel(screen: QuestionScreen) -> CoachPanel:
    """The coach's column for this question: probes, the private note, the session timer."""
    from alignment_tui.tui.widgets.coach import CoachPanel

    app, question = screen.app, screen.question
    profile = getattr(app, "profile", None)
    note = profile.notes.get(question.id, "") if profile is not None else ""
    return CoachPanel(
        question.id,
        question.probes(screen.lang),
        note,
        screen.lang,
        timer=session_timer(app),
        id="probes",
        classes="" if screen.coach else "hidden",
    )


def live_changed(screen: QuestionScreen) -> None:
    """The answer changed: the live feedback analyses it once typing pauses."""
    live = _LIVE.get(screen)
    if live is not None and live.is_attached:
        live.changed()


def ask_waiver(screen: QuestionScreen) -> None:
    from alignment_tui.tui.widgets.livefeedback import LiveFeedback

    for live in screen.query(LiveFeedback):
        live.ask_waiver()


def store_waiver(app: Any, message: Any) -> None:
    """Keep a waiver in the profile: rule, field, words, reason, who, when."""
    from alignment_tui.analysis.waivers import add_waiver

    saves = getattr(app, "saves", None)
    if app.profile is None or (saves is not None and saves.read_only):
        return
    among = getattr(message, "among", ())
    add_waiver(app.profile, message.finding, message.reason, message.by, among=among)
    app.touch()


def store_term(app: Any, words: str) -> None:
    """Accept the words as a term of the trade for this profile; analyse the answer again."""
    from alignment_tui.model.accepted import accept_term

    saves = getattr(app, "saves", None)
    if app.profile is None or (saves is not None and saves.read_only):
        return
    if accept_term(app.profile, words):
        app.touch()
    refresh_analyses(app)


def take_back_waiver(app: Any, waiver: Any) -> None:
    from alignment_tui.analysis.waivers import remove_waiver

    if app.profile is not None and remove_waiver(app.profile, waiver):
        app.touch()
        app.notify(t("accepted.waiver_removed", app.lang), markup=False)
    refresh_analyses(app)


def take_back_term(app: Any, term: str) -> None:
    from alignment_tui.model.accepted import remove_term

    if app.profile is not None and remove_term(app.profile, term):
        app.touch()
        app.notify(t("accepted.term_removed", app.lang, term=term), markup=False)
    refresh_analyses(app)


def refresh_analyses(app: Any) -> None:
    """Something the analysis depends on changed: every view of it on screen looks again."""
    from alignment_tui.tui.widgets.analysed import AnalysedView
    from alignment_tui.tui.widgets.livefeedback import LiveFeedback

    for live in app.screen.query(LiveFeedback):
        live.reanalyse()
    for view in app.screen.query(AnalysedView):
        view.refresh_analysis()


def store_note(app: Any, message: Any) -> None:
    """Keep the coach's note in ``profile.notes`` by question id (an empty note is removed)."""
    if app.profile is None:
        return
    if message.text.strip():
        app.profile.notes[message.qid] = message.text
    else:
        app.profile.notes.pop(message.qid, None)
    app.touch()


def _targets(app: Any) -> dict[str, str]:
    bank = getattr(app, "bank", None)
    if bank is None:
        return {}
    targets: dict[str, str] = {}
    for q in bank.questions():
        targets.setdefault(q.path, q.id)
    return targets


def install_review(screen: ReviewScreen) -> None:
    """Mount the layer's answers with their scores and findings under the review."""
    from alignment_tui.tui.widgets.layerreview import LayerReview, ReviewedAnswer

    slot = _slot(screen)
    if slot is None:
        return
    app = screen.app
    bank = getattr(app, "bank", None)
    answers = []
    for row in screen.rows:
        question = bank.question(row.qid) if bank is not None else None
        path = question.path if question is not None else custom_path(row.qid)
        answers.append(ReviewedAnswer(row.qid, row.prompt, path))
    review = LayerReview(answers, screen.lang, lambda: snapshot(app), id="layer-review")
    slot.mount(review)


def install_summary(screen: SummaryScreen) -> None:
    """Mount the alignment summary (chain, bars, fixes, waivers) at the end of the walk."""
    from alignment_tui.tui.screens.alignment import SummaryLoader

    slot = _slot(screen)
    if slot is None:
        return
    app = screen.app
    walk = getattr(app, "walk", None)
    titles = {layer: walk.title(layer) for layer in LAYERS} if walk is not None else None
    loader = SummaryLoader(
        screen.lang,
        lambda: snapshot(app),
        titles=titles,
        targets=_targets(app),
        coach=coach_on(app),
        id="summary-loader",
    )
    slot.mount(loader)


def show_summary(app: Any) -> None:
    """The alignment summary as its own screen, from anywhere (palette); a fix jumps there."""
    from alignment_tui.analysis.profile import analyze_profile
    from alignment_tui.tui.screens.alignment import AlignmentSummaryScreen

    profile = snapshot(app)
    if profile is None:
        return
    walk = getattr(app, "walk", None)
    titles = {layer: walk.title(layer) for layer in LAYERS} if walk is not None else None
    result = analyze_profile(profile, ui_lang=app.lang)
    screen = AlignmentSummaryScreen(
        result, profile, app.lang, titles=titles, targets=_targets(app), coach=coach_on(app)
    )

    def jump(target: tuple[str, str] | None) -> None:
        if target:
            app.jump(*target)

    app.push_screen(screen, jump)
