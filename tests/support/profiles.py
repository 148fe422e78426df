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
    # bottleneck. 24/7: "Often organizations don't exceed beyond the 'sending' of information" ->
    # sending_only; the 24/7 text is about "structural use" -> nothing_structural. Cycle: nothing in
    # place -> step 1 Doelstellingen. Glue: no content calendar (Approach phase 1) -> the base (SMN).
    Profile("starter", (1, 1, 1, 1, 1), 0, (1, 0, 0, 0, 0, 0, 0, 0), (), 1,
            1, (), False, ("sending_only", "nothing_structural"), 1, None, 1),
    # SSRM phase 2 "Basic Publishing": a content calendar, company profiles. Management support is
    # essential from Basic Publishing on (advisor: phase >= 2 without support names it) -> Cycle step
    # 1 via management, which is the first open step too. Glue: "campagnes en beheer los" -> aspect 2.
    Profile("calendar without backing", (2, 2, 2, 2, 2), 0, (2, 1, 0, 0, 0, 0, 0, 0), (), 2,
            2, (), True, (), 1, 1, 2),
    # Phase by the median: one lagging dimension (Technology, phase 1) does not pull phase 3 down but
    # is the bottleneck -> Faciliteren ("faciliteer ze met tools en techniek"), step 11.
    Profile("experimenting without tools", (3, 3, 3, 1, 3), 2, (2, 2, 1, 1, 0, 0, 0, 0), (1, 2, 3, 4, 5), 3,
            3, ("technology",), False, (), 6, 11, 3),
    # Ties in the source's order: Media and Application both at 2 -> Media first. Media at phase 2
    # (owned media only) points to Media en middelen (4), in place -> Application's Verbinden (6).
    Profile("tied bottleneck", (2, 4, 2, 4, 4), 1, (2, 2, 2, 2, 0, 0, 1, 0), (1, 2, 3, 4), 2,
            4, ("media", "application"), False, (), 5, 6, 2),
    # Media lowest at phase 3 (owned and earned) -> Crossmedia integratie ("Paid media ... om je
    # Owned media een boost te geven, waardoor ... Earned media"), step 5.
    Profile("earned without paid", (3, 4, 4, 4, 4), 2, (2, 2, 2, 2, 1, 0, 1, 0), (1, 2, 3, 4), 3,
            4, ("media",), False, (), 5, 5, 3),
    # 24/7: selling "the previous steps are necessary to come up with a good distribution process";
    # selling structurally without emotion or experience -> selling_without_experience.
    Profile("webshop without experience", (2, 2, 2, 2, 2), 1, (2, 1, 0, 0, 0, 0, 2, 2), (1, 2, 3), 0,
            2, (), False, ("selling_without_experience",), 4, None, 1),
    # 24/7: co-creation "An experience is also necessary in order to find passionate people" ->
    # cocreation_without_experience; development without emotion/experience.
    Profile("co-creation without experience", (3, 3, 3, 3, 3), 2, (2, 2, 0, 0, 2, 1, 0, 0), (1, 2), 2,
            3, (), False, ("cocreation_without_experience",), 3, None, 2),
    # SSRM phase 5, Impact lowest -> Analyse (ROI), step 10; everything in place before it.
    Profile("performance without ROI", (5, 5, 5, 5, 3), 2, (2, 2, 2, 2, 2, 2, 2, 2), tuple(range(1, 10)), 3,
            5, ("impact",), False, (), 10, 10, 3),
    # Everything in place: the Cycle starts again ("Het model bestaat uit 3 fasen"), no next step.
    Profile("complete cycle", (5, 5, 5, 5, 5), 2, (2, 2, 2, 2, 2, 2, 2, 2), tuple(range(1, 13)), 3,
            5, (), False, (), None, None, 3),
    # Approach phase 1 (no posting schedule) overrides the Glue situation: the base needs a content
    # planning first ("middels een goede contentplanning"); Approach is also the bottleneck -> step 3.
    Profile("campaigns without calendar", (3, 1, 3, 3, 3), 1, (2, 1, 1, 1, 0, 0, 1, 0), (1, 2), 3,
            3, ("approach",), False, (), 3, 3, 1),
    # Management support at phase 1 is not named (the source: above all from Experimentation on);
    # Application lowest -> Verbinden (fans become ambassadors), step 6, but step 1 comes first.
    Profile("ad hoc, no backing", (2, 1, 1, 1, 1), 0, (0, 0, 0, 0, 0, 0, 0, 0), (), 0,
            1, ("approach", "application", "technology", "impact"), False, ("nothing_structural",), 1, 3, 1),
    # Management without support at phase 4 holds back; its step (1) is in place, so the SSRM
    # bottleneck's step follows: Technology -> Faciliteren (11).
    Profile("collaborate without backing", (4, 4, 4, 3, 4), 0, (2, 2, 2, 1, 1, 0, 1, 0), (1, 2, 3, 4, 5, 6, 7), 2,
            4, ("technology",), True, (), 8, 11, 2),
    # Occasional conversations count as conversing: no sending_only. Distribution without
    # experiencing is flagged even when only occasional.
    Profile("occasional everything", (2, 3, 2, 2, 3), 1, (1, 1, 0, 0, 0, 0, 0, 1), (1,), 1,
            2, ("media", "application", "technology"), False, ("selling_without_experience", "nothing_structural"),
            2, 4, 1),
    # A bottleneck step already in place points nowhere: Media -> 5 is in place.
    Profile("bottleneck step done", (2, 3, 3, 3, 3), 2, (2, 2, 2, 0, 0, 0, 0, 0), (1, 2, 3, 4, 5), 2,
            3, ("media",), False, (), 6, None, 2),
]
