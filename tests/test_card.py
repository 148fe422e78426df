"""The result card: a PNG of the expected size, in both languages, cached by profile."""

import io
import json

from PIL import Image

from bot import card
from dialogs import full_assessment
from tests.support.profiles import PROFILES


def scores(index: int = 2) -> dict:
    return full_assessment.score(PROFILES[index].answers()).scores()


def test_the_card_is_a_png_of_the_expected_size_in_both_languages():
    english = card.render_card("en", card.card_key(scores()))
    dutch = card.render_card("nl", card.card_key(scores()))
    for png in (english, dutch):
        image = Image.open(io.BytesIO(png))
        assert image.format == "PNG"
        assert image.size == (card.WIDTH, card.HEIGHT) == (1080, 1350)
    assert english != dutch  # labelled in each language


def test_a_repeat_render_is_a_cache_hit():
    key = card.card_key(scores(6))
    card.render_card("en", key)
    hits = card.render_card.cache_info().hits
    assert card.render_card("en", key) is card.render_card("en", key)
    assert card.render_card.cache_info().hits == hits + 2


def test_the_key_ignores_what_the_card_does_not_show():
    first, second = scores(2), scores(2)
    second["glue_aspect"] = 1
    second["remarks"] = ["nothing_structural"]
    assert card.card_key(first) == card.card_key(second)
    assert json.loads(card.card_key(first))["phase"] == 2


def test_the_cycle_line_ends_above_the_date_in_both_languages():
    """Wrapped to two lines (most Dutch step names, the "all twelve" line), the Cycle line is
    fitted between the 24/7 grid and the foot, never drawn over the date."""
    from PIL import ImageDraw

    from bot.i18n import translations
    from dialogs import cycle

    for language in ("en", "nl"):
        tr = translations(language)
        lines = [
            tr.gettext("Next step in the Social Media Cycle: {number} · {name}").format(
                number=step.number, name=tr.gettext(step.name)
            )
            for step in cycle.STEPS
        ] + [tr.gettext("All twelve steps are in place: keep the cycle going, starting again at step 1.")]
        cells = {cell: 2 for cell in full_assessment.score(PROFILES[2].answers()).cells}
        for line in lines:
            draw = ImageDraw.Draw(Image.new("RGB", (card.WIDTH, card.HEIGHT)))
            below_grid = card._grid(draw, tr, cells, 820)
            assert card._fitted(draw, line, top=below_grid + 24, bottom=card.HEIGHT - 80) <= card.HEIGHT - 80, line
