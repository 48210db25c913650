"""The chain of layers: the links a profile's findings break, and those they put at risk.

What a rule does to the chain is data (``chain`` in analysis/data/rules.toml): the
``align.*`` rules break a link, the pace rules weaken one (the plan no longer keeps to it).
The TUI's summary and the report draw the chain from these links.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from alignment_tui.analysis.findings import Finding, rule_title
from alignment_tui.analysis.registry import chain_effects
from alignment_tui.i18n import t
from alignment_tui.model.labels import layer_rank
from alignment_tui.model.paths import get_field
from alignment_tui.model.profile import Profile
from alignment_tui.report.fields import colon

_KPI = re.compile(r"^objectives\.kpis\[(\d+)\]")


@dataclass
class Link:
    """The link from one layer to the next: the findings that break it, those that weaken
    it, and for each weakening rule the KPIs it names (their names, top to bottom)."""

    upper: str
    lower: str
    findings: list[Finding] = field(default_factory=list)
    risks: list[Finding] = field(default_factory=list)
    kpis: dict[str, list[str]] = field(default_factory=dict)

    @property
    def broken(self) -> bool:
        return bool(self.findings)

    @property
    def at_risk(self) -> bool:
        """Weakened: it holds on paper, but a KPI measuring it is not keeping to the plan."""
        return bool(self.risks)

    @property
    def state(self) -> str:
        """``broken``, ``at_risk`` or ``holds``: what the chain draws between the two layers."""
        return "broken" if self.broken else "at_risk" if self.at_risk else "holds"

    @property
    def rules(self) -> list[str]:
        return sorted({f.rule_id for f in self.findings})

    @property
    def risk_rules(self) -> list[str]:
        return sorted({f.rule_id for f in self.risks})


def _kpi_name(where: str, profile: Profile | None) -> str:
    """The KPI a finding is located on, by name (``#2`` when it has none); "" if none."""
    match = _KPI.match(where)
    if match is None or profile is None:
        return ""
    try:
        kpi = get_field(profile, match.group(0))
    except KeyError:
        return ""
    name = getattr(kpi, "name", "")
    return name.strip() if isinstance(name, str) and name.strip() else f"#{int(match[1]) + 1}"


def broken_links(
    findings: Sequence[Finding], layers: Sequence[str], profile: Profile | None = None
) -> list[Link]:
    """The chain's links; a finding that breaks or weakens one goes to the link into the
    lowest layer it involves (that layer does not follow, or no longer keeps to what is
    stated above it). With ``profile``, a weakening finding's KPI is named."""
    links = [Link(layers[i], layers[i + 1]) for i in range(len(layers) - 1)]
    if not links:
        return links
    effects = chain_effects()
    for finding in findings:
        effect = effects.get(finding.rule_id)
        if effect is None:
            continue
        ranks = [layer_rank(p) for p in (finding.where, *finding.related) if p]
        ranks = [r for r in ranks if r < len(layers)]
        if not ranks:
            continue
        link = links[max(max(ranks), 1) - 1]
        if effect == "breaks":
            link.findings.append(finding)
            continue
        link.risks.append(finding)
        name = _kpi_name(finding.where, profile)
        named = link.kpis.setdefault(finding.rule_id, [])
        if name and name not in named:
            named.append(name)
    return links


def risk_text(
    risks: Sequence[tuple[str, Sequence[str]]], titles: Mapping[str, str], lang: str
) -> str:
    """What puts a link at risk, in the report's words: each rule's title and its KPIs."""
    parts = []
    for rule, kpis in risks:
        title = titles.get(rule, rule)
        named = t("report.link_kpis", lang, rule=title, kpis=", ".join(kpis))
        parts.append(named if kpis else title)
    return t("report.link_at_risk", lang, rules=t("report.link_sep", lang).join(parts))


def link_sentence(link: Link, lang: str, *, checked: bool) -> str:
    """One link as a sentence without marks, as plain mode reads it out: "Values → Vision:
    holds", its breaking rules by title, what puts it at risk; ``checked`` says both of its
    layers have an answer (else it was not checked)."""
    name = t(
        "report.link",
        lang,
        upper=t(f"report.layer.{link.upper}", lang),
        lower=t(f"report.layer.{link.lower}", lang),
    )
    sep = t("report.link_sep", lang)
    parts = []
    if link.broken:
        rules = sep.join(rule_title(rule, lang) for rule in link.rules)
        parts.append(t("report.link_broken", lang, rules=rules))
    if link.at_risk:
        titles = {rule: rule_title(rule, lang) for rule in link.risk_rules}
        parts.append(risk_text([(r, link.kpis.get(r, [])) for r in link.risk_rules], titles, lang))
    if not parts:
        parts.append(t("report.link_holds" if checked else "report.link_empty", lang))
    return name + colon(lang) + sep.join(parts)
