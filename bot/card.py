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
import textwrap
from functools import lru_cache

from PIL import Image, ImageDraw, ImageFont

from bot.i18n import translations
from dialogs import cycle, sm247, ssrm

WIDTH, HEIGHT = 1200, 675
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
    draw.polygon(shape, fill=(32, 107, 196, 90), outline=ACCENT, width=4)
    for index, key in enumerate(ssrm.DIMENSION_KEYS):
        x, y = point(index, len(ssrm.PHASES) + 0.75)
        name = tr.gettext(ssrm.DIMENSIONS_BY_KEY[key].name)
        _centred(draw, (x, y - 12), name, 24)
        _centred(draw, (x, y + 16), f"{levels[key]}/5", 22, MUTED)


def _grid(draw: ImageDraw.ImageDraw, tr, cells: dict[str, int], origin: tuple[int, int]) -> None:
    left, top = origin
    label_width, cell_w, cell_h, gap = 112, 118, 112, 8
    for column, area in enumerate(sm247.AREAS):
        x = left + label_width + column * (cell_w + gap) + cell_w / 2
        _centred(draw, (x, top + 16), tr.gettext(area.name), 18, MUTED)
    rows = ((True, tr.gettext("complex")), (False, tr.gettext("simple")))
    for row, (is_complex, row_name) in enumerate(rows):
        y = top + 40 + row * (cell_h + gap)
        draw.text((left, y + cell_h / 2), row_name, font=_font(20), fill=MUTED, anchor="lm")
        for column, area in enumerate(sm247.AREAS):
            cell = next(c for c in sm247.CELLS if c.area == area.key and c.complex == is_complex)
            level = cells[cell.key]
            x = left + label_width + column * (cell_w + gap)
            draw.rounded_rectangle((x, y, x + cell_w, y + cell_h), radius=14, fill=LEVEL_FILLS[level])
            _centred(draw, (x + cell_w / 2, y + cell_h / 2 - 14), tr.gettext(cell.name), 19, LEVEL_INK[level])
            word = tr.gettext(sm247.LEVEL_LABELS[level])
            _centred(draw, (x + cell_w / 2, y + cell_h / 2 + 16), word, 16, LEVEL_INK[level])


@lru_cache(maxsize=512)
def render_card(language: str, scores_json: str) -> bytes:
    """The card for a stored full-assessment result (``scores_json``: its JSON, keys sorted)."""
    tr = translations(language)
    scores = json.loads(scores_json)
    phase = ssrm.PHASES[scores["phase"] - 1]
    image = Image.new("RGB", (WIDTH, HEIGHT), BACKGROUND)
    draw = ImageDraw.Draw(image, "RGBA")

    draw.text((40, 36), tr.gettext("Phase {number} · {name}").format(number=phase.number, name=phase.name),
              font=_font(40), fill=INK)
    draw.text((40, 88), "Social Strategy Readiness Model", font=_font(22), fill=MUTED)
    _radar(draw, tr, scores["levels"], centre=(280, 380), radius=170)

    draw.text((560, 150), "Social Media 24/7", font=_font(28), fill=INK)
    _grid(draw, tr, scores["cells"], origin=(560, 196))

    if scores.get("next_step"):
        step = cycle.STEPS[scores["next_step"] - 1]
        line = tr.gettext("Next step in the Social Media Cycle: {number} · {name}").format(
            number=step.number, name=tr.gettext(step.name)
        )
        draw.multiline_text((560, 500), "\n".join(textwrap.wrap(line, 54)), font=_font(22), fill=INK, spacing=8)
    draw.text((WIDTH - 40, HEIGHT - 30), tr.gettext("Social media strategy advisor"), font=_font(18),
              fill=MUTED, anchor="rs")

    buffer = io.BytesIO()
    image.save(buffer, format="PNG", optimize=False)
    return buffer.getvalue()


def card_key(scores: dict) -> str:
    """The cache key of a profile: only what the card shows, in a stable form."""
    shown = {key: scores[key] for key in ("phase", "levels", "cells", "next_step")}
    return json.dumps(shown, sort_keys=True)
