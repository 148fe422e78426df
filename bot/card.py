"""The result card: a PNG with the SSRM radar over its five dimensions and the 24/7 grid,
labelled in the user's language.

Rendering takes tens of milliseconds of CPU, so the handlers run it in a worker thread
(``asyncio.to_thread``), and results are cached by language and profile: a retake with the
same answers, or another user with the same profile, gets the same bytes back at once.
"""

from __future__ import annotations

import io
import json
import math
from functools import lru_cache

from PIL import Image, ImageDraw, ImageFont

from bot.i18n import translations
from bot.screens.ssrm_block import bottleneck_headline, phase_title
from dialogs import cycle, results, sm247, ssrm

WIDTH, HEIGHT = 1080, 1350  # portrait 4:5: as large as a photo gets in a phone's chat
BACKGROUND = (250, 250, 247)
INK = (33, 37, 41)
MUTED = (110, 117, 125)
ACCENT = (32, 107, 196)
LEVEL_FILLS = ((233, 236, 239), (168, 203, 240), (32, 107, 196))  # not, occasionally, structurally
LEVEL_INK = (INK, INK, (255, 255, 255))


@lru_cache(maxsize=16)
def _font(size: int) -> ImageFont.FreeTypeFont:
    # Pillow's embedded font: the same on every machine, no system fonts needed.
    return ImageFont.load_default(size=size)


def _centred(draw: ImageDraw.ImageDraw, xy: tuple[float, float], text: str, size: int, fill=INK) -> None:
    draw.text(xy, text, font=_font(size), fill=fill, anchor="mm")


def _radar(draw: ImageDraw.ImageDraw, tr, levels: dict[str, int], centre: tuple[int, int], radius: int) -> None:
    cx, cy = centre
    count = len(ssrm.DIMENSION_KEYS)

    def point(index: int, level: float) -> tuple[float, float]:
        angle = -math.pi / 2 + 2 * math.pi * index / count
        distance = radius * level / len(ssrm.PHASES)
        return cx + distance * math.cos(angle), cy + distance * math.sin(angle)

    for ring in range(1, len(ssrm.PHASES) + 1):
        draw.polygon([point(i, ring) for i in range(count)], outline=(206, 212, 218), width=2)
    for index in range(count):
        draw.line([centre, point(index, len(ssrm.PHASES))], fill=(206, 212, 218), width=2)
    shape = [point(i, levels[key]) for i, key in enumerate(ssrm.DIMENSION_KEYS)]
    draw.polygon(shape, fill=(32, 107, 196, 90), outline=ACCENT, width=5)
    for index, key in enumerate(ssrm.DIMENSION_KEYS):
        x, y = point(index, len(ssrm.PHASES) + 0.8)
        name = tr.gettext(ssrm.DIMENSIONS_BY_KEY[key].name)
        _centred(draw, (x, y - 16), name, 32)
        _centred(draw, (x, y + 20), f"{levels[key]}/5", 28, MUTED)


def _grid(draw: ImageDraw.ImageDraw, tr, cells: dict[str, int], top: int) -> int:
    """The 24/7 profile as the text shows it: areas down, simple and complex across.
    Returns the y below it."""
    left, label_width, cell_w, cell_h, gap = 40, 240, 375, 76, 10
    columns = ((False, tr.gettext("simple")), (True, tr.gettext("complex")))
    for column, (_complex, heading) in enumerate(columns):
        x = left + label_width + column * (cell_w + gap) + cell_w / 2
        _centred(draw, (x, top + 18), heading, 26, MUTED)
    y = top + 44
    for area in sm247.AREAS:
        draw.text((left, y + cell_h / 2), tr.gettext(area.name), font=_font(30), fill=INK, anchor="lm")
        for column, (is_complex, _heading) in enumerate(columns):
            cell = next(c for c in sm247.CELLS if c.area == area.key and c.complex == is_complex)
            level = cells[cell.key]
            x = left + label_width + column * (cell_w + gap)
            draw.rounded_rectangle((x, y, x + cell_w, y + cell_h), radius=16, fill=LEVEL_FILLS[level])
            label = f"{tr.gettext(cell.name)} · {tr.gettext(sm247.LEVEL_LABELS[level])}"
            _centred(draw, (x + cell_w / 2, y + cell_h / 2), label, 28, LEVEL_INK[level])
        y += cell_h + gap
    return y


@lru_cache(maxsize=512)
def render_card(language: str, scores_json: str) -> bytes:
    """The card for a full-assessment result, or a team's picture (``scores_json``: ``card_key``'s
    JSON; a team's has its name, and its 24/7 grid only when the team took the full assessment)."""
    tr = translations(language)
    scores = json.loads(scores_json)
    phase = ssrm.PHASES[scores["phase"] - 1]
    image = Image.new("RGB", (WIDTH, HEIGHT), BACKGROUND)
    draw = ImageDraw.Draw(image, "RGBA")

    title = phase_title(tr, phase)
    draw.text((40, 40), title, font=_font(56), fill=INK)
    subtitle = "Social Strategy Readiness Model"
    if scores.get("team"):
        subtitle = tr.gettext("Team “{team}”").format(team=scores["team"]) + " · " + subtitle
    draw.text((40, 110), subtitle, font=_font(30), fill=MUTED)
    _radar(draw, tr, scores["levels"], centre=(WIDTH // 2, 420), radius=200)
    holds_back = scores.get("management_holds_back", False)
    bottleneck = bottleneck_headline(tr, results.quick_result(scores), holds_back)
    draw.text((40, 700), bottleneck, font=_font(32), fill=INK)

    _foot(draw, tr, scores)
    if not scores.get("cells"):  # a team that took the quick check: the SSRM only
        return _png(image)
    draw.text((40, 770), "Social Media 24/7", font=_font(38), fill=INK)
    y = _grid(draw, tr, scores["cells"], top=820)

    if scores.get("next_step"):
        step = cycle.STEPS[scores["next_step"] - 1]
        line = tr.gettext("Next step in the Social Media Cycle: {number} · {name}").format(
            number=step.number, name=tr.gettext(step.name)
        )
    else:
        line = tr.gettext("All twelve steps are in place: keep the cycle going, starting again at step 1.")
    _fitted(draw, line, top=y + 24, bottom=HEIGHT - 80)
    return _png(image)


def _fitted(draw: ImageDraw.ImageDraw, text: str, *, top: int, bottom: int) -> int:
    """``text`` wrapped to the card's width, at the largest size (30 down to 22) at which its
    lines end above ``bottom`` — the foot's date line — in either language. Returns where they end."""
    for size in (30, 28, 26, 24, 22):
        font = _font(size)
        lines: list[str] = []
        for word in text.split():
            if lines and draw.textlength(f"{lines[-1]} {word}", font=font) <= WIDTH - 80:
                lines[-1] = f"{lines[-1]} {word}"
            else:
                lines.append(word)
        wrapped = "\n".join(lines)
        box = draw.multiline_textbbox((40, top), wrapped, font=font, spacing=size // 3)
        if box[3] <= bottom:
            break
    draw.multiline_text((40, top), wrapped, font=font, fill=INK, spacing=size // 3)
    return box[3]


def _foot(draw: ImageDraw.ImageDraw, tr, scores: dict) -> None:
    """The date of the result and where to take the check, in the empty space at the foot."""
    parts = []
    if scores.get("date"):
        parts.append(scores["date"])
    if scores.get("bot"):
        parts.append(tr.gettext("take the check: t.me/{bot}").format(bot=scores["bot"]))
    if parts:
        draw.text((40, HEIGHT - 70), " · ".join(parts), font=_font(28), fill=MUTED)


def _png(image: Image.Image) -> bytes:
    buffer = io.BytesIO()
    image.save(buffer, format="PNG")
    return buffer.getvalue()


CARD_FIELDS = ("phase", "levels", "bottleneck", "management_holds_back", "cells", "next_step", "team", "date", "bot")


def card_key(scores: dict) -> str:
    """The cache key of a profile: only what the card shows, in a stable form."""
    shown = {key: scores[key] for key in CARD_FIELDS if key in scores}
    return json.dumps(shown, sort_keys=True)
