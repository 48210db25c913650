"""The chain of layers and the links a profile's ``align.*`` findings break."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from alignment_tui.analysis.findings import Finding
from alignment_tui.model.labels import layer_rank


@dataclass
class Link:
    """The link from one layer to the next, and the ``align.*`` findings that break it."""

    upper: str
    lower: str
    findings: list[Finding] = field(default_factory=list)

    @property
    def broken(self) -> bool:
        return bool(self.findings)

    @property
    def rules(self) -> list[str]:
        return sorted({f.rule_id for f in self.findings})


def broken_links(findings: Sequence[Finding], layers: Sequence[str]) -> list[Link]:
    """The chain's links; each ``align.*`` finding breaks the link into the lowest layer it
    involves (that layer does not follow from what is stated above it), as the report does."""
    links = [Link(layers[i], layers[i + 1]) for i in range(len(layers) - 1)]
    if not links:
        return links
    for finding in findings:
        if not finding.rule_id.startswith("align."):
            continue
        ranks = [layer_rank(p) for p in (finding.where, *finding.related) if p]
        ranks = [r for r in ranks if r < len(layers)]
        if ranks:
            links[max(max(ranks), 1) - 1].findings.append(finding)
    return links
