"""A table of organisation profiles, each resting on the seeds: answers and the results they must give."""

from dataclasses import dataclass, field

from dialogs import cycle, sm247, ssrm


@dataclass
class Profile:
    name: str
    levels: tuple[int, int, int, int, int]  # SSRM Media, Approach, Application, Technology, Impact
    management: int  # 0 no support, 1 allowed, 2 backed
    cells: tuple[int, ...]  # 24/7 in the model's order: informing, service, ... distribution
    in_place: tuple[int, ...]  # Cycle steps in place
    glue: int  # situation 0..3
    phase: int
    bottleneck: tuple[str, ...]
    management_holds_back: bool
    remarks: tuple[str, ...]
    next_step: int | None
    bottleneck_step: int | None
    glue_aspect: int
    ahead: tuple[str, ...] = ()
    next_lift: tuple[str, ...] = ()
    contradictions: tuple[str, ...] = ()
    plan: tuple[str, ...] = ()  # the three moves, ranked
    notes: list[str] = field(default_factory=list)

    def answers(self) -> dict[str, int]:
        answers = {key: level - 1 for key, level in zip(ssrm.DIMENSION_KEYS, self.levels, strict=True)}
        answers["management"] = self.management
        answers |= dict(zip(sm247.CELL_KEYS, self.cells, strict=True))
        answers |= {cycle.STEP_KEYS[number - 1]: 1 for number in self.in_place}
        answers["glue"] = self.glue
        return answers


PROFILES = [
    # SSRM phase 1: "posts are shared irregularly on a single company profile"; all level, so no
    # bottleneck: evenly at phase 1, and the next phase needs three dimensions lifted, the first two
    # in the order of success (Approach, Application). 24/7: sending only; nothing established.
    # Cycle: nothing in place -> step 1 Doelstellingen (also what Approach points to). Glue: no
    # content plan (Approach phase 1) -> the base (SMN). No management support at phase 1 is not
    # named: "especially as organizations move into more advanced stages".
    Profile("starter", (1, 1, 1, 1, 1), 0, (1, 0, 0, 0, 0, 0, 0, 0), (), 1,
            1, (), False, ("sending_only", "nothing_structural"), 1, 1, 1,
            next_lift=("approach", "application"),
            plan=("dimension:approach:2", "cycle:1", "sm247:sending_only")),
    # Basic Publishing without management support: it holds back from phase 2 on and comes first;
    # its step is Organiseren (12), but the Cycle goes step by step: step 1 first. Glue: "campagnes
    # en beheer los" -> aspect 2.
    Profile("calendar without backing", (2, 2, 2, 2, 2), 0, (2, 1, 0, 0, 0, 0, 0, 0), (), 2,
            2, (), True, (), 1, 12, 2,
            next_lift=("approach", "application"),
            plan=("management:0", "cycle:1", "glue:2")),
    # One dimension far behind caps the phase: Technology at 1 (no tools) with the rest at 3 is
    # phase 2, not 3 ("each phase builds on the previous"); Technology is the bottleneck ->
    # Faciliteren (11), after the first open step (6).
    Profile("experimenting without tools", (3, 3, 3, 1, 3), 2, (2, 2, 1, 1, 0, 0, 0, 0), (1, 2, 3, 4, 5), 3,
            2, ("technology",), False, (), 6, 11, 3,
            plan=("dimension:technology:2", "cycle:6", "glue:3")),
    # The "tools without a strategy": one profile and random posts with the best tools is
    # not Performance-Driven. Phase 2 (one above the lowest); Approach and Media below it, in the
    # order of success; Application, Technology and Impact named as ahead of the practice.
    Profile("tools without a strategy", (1, 1, 5, 5, 5), 2, (1, 0, 0, 0, 0, 0, 1, 0), (), 0,
            2, ("approach", "media"), False, ("sending_only", "nothing_structural"), 1, 1, 1,
            ahead=("application", "technology", "impact"),
            plan=("dimension:approach:2", "cycle:1", "sm247:sending_only")),
    # The "four bottlenecks": 3,3,3,3,5 has none below the phase. Evenly at 3; Approach and
    # Application lead to phase 4; Impact is ahead.
    Profile("evenly at three", (3, 3, 3, 3, 5), 2, (2, 2, 2, 1, 1, 0, 1, 0), (1, 2, 3, 4, 5, 6), 3,
            3, (), False, (), 7, 7, 3,
            ahead=("impact",), next_lift=("approach", "application"),
            plan=("dimension:approach:4", "cycle:7", "glue:3")),
    # Management that only allows social media holds back from Experimentation on, where
    # "management sets the example": first, ahead of the bottleneck (Application and Media below
    # phase 3). Its step, Organiseren (12), comes after the first open step (5).
    Profile("allowed, not backed", (2, 4, 2, 4, 4), 1, (2, 2, 2, 2, 0, 0, 1, 0), (1, 2, 3, 4), 2,
            3, ("application", "media"), True, (), 5, 12, 2,
            plan=("management:1", "cycle:5", "glue:2")),
    # Media below the phase at 3 (owned and earned) -> Crossmedia integratie ("Paid media ... om je
    # Owned media een boost te geven, waardoor ... Earned media"), step 5.
    Profile("earned without paid", (3, 4, 4, 4, 4), 2, (2, 2, 2, 2, 1, 0, 1, 0), (1, 2, 3, 4), 3,
            4, ("media",), False, (), 5, 5, 3,
            plan=("dimension:media:4", "cycle:5", "glue:3")),
    # 24/7: selling "the previous steps are necessary to come up with a good distribution process";
    # selling established without emotion or experience -> selling_without_experience.
    # Posting mostly around campaigns, with a content calendar that "ensures a regular posting
    # schedule": the two answers disagree (kept, and named).
    Profile("webshop without experience", (2, 2, 2, 2, 2), 1, (2, 1, 0, 0, 0, 0, 2, 2), (1, 2, 3), 0,
            2, (), False, ("selling_without_experience",), 4, 6, 1,
            next_lift=("approach", "application"), contradictions=("glue_approach",),
            plan=("dimension:approach:3", "cycle:4", "sm247:selling_without_experience")),
    # 24/7: co-creation "An experience is also necessary in order to find passionate people" ->
    # cocreation_without_experience; development without emotion/experience.
    Profile("co-creation without experience", (3, 3, 3, 3, 3), 2, (2, 2, 0, 0, 2, 1, 0, 0), (1, 2), 2,
            3, (), False, ("cocreation_without_experience",), 3, 3, 2,
            next_lift=("approach", "application"),
            plan=("dimension:approach:4", "cycle:3", "sm247:cocreation_without_experience")),
    # Impact two levels behind caps the phase at 4; Impact -> Analyse (ROI), step 10.
    Profile("performance without ROI", (5, 5, 5, 5, 3), 2, (2, 2, 2, 2, 2, 2, 2, 2), tuple(range(1, 10)), 3,
            4, ("impact",), False, (), 10, 10, 3,
            plan=("dimension:impact:4", "cycle:10", "glue:3")),
    # Everything in place: the Cycle starts again, no next step; evenly at the top phase, the
    # Always-On steps (measure, facilitate, organise) follow the Glue move.
    Profile("complete cycle", (5, 5, 5, 5, 5), 2, (2, 2, 2, 2, 2, 2, 2, 2), tuple(range(1, 13)), 3,
            5, (), False, (), None, None, 3,
            plan=("glue:3", "cycle:10", "cycle:11")),
    # Approach phase 1 (no posting schedule) overrides the Glue situation: the base needs a content
    # plan first ("middels een goede contentplanning"); Approach is also the bottleneck -> step 3.
    # "Planned together" with random posting contradicts: kept, and named.
    Profile("campaigns without calendar", (3, 1, 3, 3, 3), 1, (2, 1, 1, 1, 0, 0, 1, 0), (1, 2), 3,
            2, ("approach",), False, (), 3, 3, 1,
            contradictions=("glue_approach",),
            plan=("dimension:approach:2", "cycle:3", "glue:1")),
    # Phase 1 (the median of 2,1,1,1,1), evenly: nothing below it. No support is not named at
    # phase 1. Approach points to step 1, which is also the first open step.
    Profile("ad hoc, no backing", (2, 1, 1, 1, 1), 0, (0, 0, 0, 0, 0, 0, 0, 0), (), 0,
            1, (), False, ("nothing_structural",), 1, 1, 1,
            next_lift=("approach", "application"),
            plan=("dimension:approach:2", "cycle:1", "sm247:nothing_structural")),
    # No management support at phase 4 holds back, and contradicts an Approach where management
    # sets the example (kept, and named). Its step (12) after the first open step (8).
    Profile("collaborate without backing", (4, 4, 4, 3, 4), 0, (2, 2, 2, 1, 1, 0, 1, 0), (1, 2, 3, 4, 5, 6, 7), 2,
            4, ("technology",), True, (), 8, 12, 2,
            contradictions=("management_approach",),
            plan=("management:0", "cycle:8", "glue:2")),
    # Started conversations count as conversing: no sending_only. Distribution without
    # experiencing is flagged even when only started. Evenly at 2; Application is the one lift
    # needed (two are above 2 already). Irregular posting with a content calendar contradicts.
    Profile("occasional everything", (2, 3, 2, 2, 3), 1, (1, 1, 0, 0, 0, 0, 0, 1), (1,), 1,
            2, (), False, ("selling_without_experience", "nothing_structural"), 2, 6, 1,
            next_lift=("application",), contradictions=("glue_approach",),
            plan=("dimension:application:3", "cycle:2", "sm247:selling_without_experience")),
    # A bottleneck whose steps are in place points nowhere: Media -> 4 and 5 are in place.
    Profile("bottleneck step done", (2, 3, 3, 3, 3), 2, (2, 2, 2, 0, 0, 0, 0, 0), (1, 2, 3, 4, 5), 2,
            3, ("media",), False, (), 6, None, 2,
            plan=("dimension:media:3", "cycle:6", "glue:2")),
]
