"""Stored results, read in one place: what each flow keeps of a result (JSON, with its
scoring version) and how a stored result becomes the result object its screens show.

A stored result is shown as it was stored: nothing is recomputed, so that an older result
stays what it was even after the rules change.
"""

from __future__ import annotations

from dataclasses import dataclass

from dialogs import cycle, full_assessment, quick_check, ssrm

# One scoring version per flow: bump a flow's when one of its rules changes.
SCORING_VERSIONS = {quick_check.FLOW: ssrm.SCORING_VERSION, full_assessment.FLOW: full_assessment.SCORING_VERSION}


@dataclass(frozen=True)
class StoredResult:
    id: int
    session_id: int
    flow: str
    scoring_version: int
    scores: dict
    created_at: str  # UTC, ISO 8601

    @property
    def phase(self) -> ssrm.Phase | None:
        """The SSRM phase, for the flows that place the organisation on it."""
        number = self.scores.get("phase")
        return ssrm.PHASES[number - 1] if number else None

    @property
    def levels(self) -> dict[str, int] | None:
        return self.scores.get("levels")


def quick_result(scores: dict, rules: int = ssrm.SCORING_VERSION) -> ssrm.SsrmResult:
    """A stored SSRM result. Version 1 kept no "ahead", "next lift" or cap: its phase was the
    plain median, and its bottleneck the lowest dimension(s)."""
    return ssrm.SsrmResult(
        rules=rules,
        levels=scores["levels"],
        phase=ssrm.PHASES[scores["phase"] - 1],
        bottleneck=tuple(scores["bottleneck"]),
        ahead=tuple(scores.get("ahead", ())),
        next_lift=tuple(scores.get("next_lift", ())),
        capped=scores.get("capped", False),
    )


def full_result(scores: dict, version: int = full_assessment.SCORING_VERSION) -> full_assessment.FullResult:
    """A stored full assessment (scoring versions 1 and 2; 1 noted no contradictions)."""
    return full_assessment.FullResult(
        ssrm=quick_result(scores, rules=version),
        management=scores["management"],
        management_holds_back=scores["management_holds_back"],
        cells=scores["cells"],
        remarks=tuple(scores["remarks"]),
        in_place=tuple(scores["cycle_in_place"]),
        next_step=cycle.STEPS[scores["next_step"] - 1] if scores["next_step"] else None,
        bottleneck_step=cycle.STEPS[scores["bottleneck_step"] - 1] if scores["bottleneck_step"] else None,
        glue_situation=scores["glue_situation"],
        glue_aspect=scores["glue_aspect"],
        contradictions=tuple(scores.get("contradictions", ())),
    )


LOADERS = {quick_check.FLOW: quick_result, full_assessment.FLOW: full_result}


def load(stored: StoredResult):
    """The result object a stored result's screens show, read by the rules it was made with."""
    return LOADERS[stored.flow](stored.scores, stored.scoring_version)
