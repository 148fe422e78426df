"""Documents a user keeps and passes on: their strategy on the Strategy Hexagon (PDF and
Markdown) and the report of a full assessment for management (PDF).

Pure functions of their inputs: no Telegram objects, no files written, bytes or text back.
Rendering a PDF is CPU work (tens of milliseconds), so the handlers call these through
``asyncio.to_thread``; each is cached by its content (a JSON key, as the result card is). Of
reportlab, which keeps module-level state (its font registry, the subsets of an embedded
font), one document is built at a time, behind a lock, as its authors advise for threads.

The wording is the screens' own: a document is a list of blocks whose inline markup is the
screens' Telegram HTML (``<b>``, ``<i>``, escaped text), turned into reportlab's mini-markup or
Markdown here, so that no sentence is written twice. The user's texts are escaped like any
other text: what looks like HTML stays text.

The font is Bitstream Vera, shipped with reportlab and embedded in the PDF: Latin-1 (Dutch
diacritics included) and the typographic punctuation the texts use. A character it lacks
becomes its compatibility form where that is in the font (the Dutch "ĳ" becomes "ij"), else a
visible "?", and the document ends with a line saying how many were replaced. The Markdown
keeps every character.
"""

from __future__ import annotations

import html
import io
import json
import re
import threading
import unicodedata
from dataclasses import dataclass
from datetime import UTC, date, datetime
from functools import cache, lru_cache
from pathlib import Path
from zoneinfo import ZoneInfo

import reportlab
from babel.dates import format_date
from babel.support import NullTranslations
from reportlab.lib import colors
from reportlab.lib.enums import TA_LEFT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import cm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.platypus import (
    CondPageBreak,
    HRFlowable,
    Image,
    KeepTogether,
    Paragraph,
    SimpleDocTemplate,
    Spacer,
    Table,
    TableStyle,
)

from bot.card import card_key, render_card
from bot.flows.registry import BY_NAME
from bot.i18n import translations
from bot.screens.full_assessment import (
    GLUE_BASE_FIRST,
    KEPT,
    cycle_lines,
    management_lines,
)
from bot.screens.menu import SOURCES
from bot.screens.ssrm_block import ahead_line, bottleneck_lines, next_level_lines, phase_title, why_line
from bot.screens.widgets import MARK, advisor_footer, escape
from dialogs import full_assessment, glue, hexagon, results, sm247, ssrm
from dialogs.hexagon import Draft
from dialogs.i18n import N_
from dialogs.moves import ALL_MOVES
from dialogs.results import StoredResult

# -- a document's content: blocks, rendered as PDF or Markdown ----------------------------------


@dataclass(frozen=True)
class Block:
    """One piece of a document. ``markup`` is inline Telegram HTML (``<b>``, ``<i>``, escaped
    text) with ``\\n`` for a line break; a table's ``rows`` are markup too, the first its header."""

    kind: str  # title, subtitle, heading, subheading, question, text, user, missing, note, item, table, image, small
    markup: str = ""
    rows: tuple[tuple[str, ...], ...] = ()
    image: bytes | None = None
    number: int = 0  # an item's number


SSRM_SOURCE, SM247_SOURCE, CYCLE_SOURCE, GLUE_SOURCE, HEXAGON_SOURCE = SOURCES
MOVE_SOURCES = {"dimension": SSRM_SOURCE, "management": SSRM_SOURCE, "cycle": CYCLE_SOURCE,
                "glue": GLUE_SOURCE, "sm247": SM247_SOURCE}


def _bold(text: str) -> str:
    return "<b>" + escape(text) + "</b>"


def _day(language: str, day: date) -> str:
    return format_date(day, format="long", locale=language)


def _stored_day(created_at: str, zone: str) -> date:
    """The day a result was stored (kept in UTC), where the user is."""
    moment = datetime.fromisoformat(created_at.replace("Z", "+00:00"))
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.astimezone(ZoneInfo(zone)).date()


def _profile_table(tr: NullTranslations, result: ssrm.SsrmResult) -> Block:
    """The five dimensions with their level and the phase it is, the bottleneck and what is ahead marked."""
    _ = tr.gettext
    rows = [(_bold(_("Dimension")), _bold(_("Level")), "")]
    for key in ssrm.DIMENSION_KEYS:
        level = result.levels[key]
        mark = _("bottleneck") if key in result.bottleneck else _("ahead") if key in result.ahead else ""
        name = escape(_(ssrm.DIMENSIONS_BY_KEY[key].name))
        rows.append((name, escape(f"{level} · {ssrm.PHASES[level - 1].name}"), escape(mark)))
    return Block("table", rows=tuple(rows))


def _plan_blocks(tr: NullTranslations, moves: tuple[str, ...], heading: str) -> list[Block]:
    """The plan's three moves: title (marked when it is the advisor's advice), why, and the action."""
    _ = tr.gettext
    blocks = [Block(heading, escape(_("Your plan")))]
    if not moves:
        blocks.append(Block("text", escape(_(NO_PLAN))))
        return blocks
    for number, key in enumerate(moves, start=1):
        move = ALL_MOVES[key]
        title = _bold(_(move.title)) + (MARK if move.advice else "")
        blocks.append(Block("item", f"{title}\n{escape(_(move.why))}\n<i>{escape(_(move.action))}</i>", number=number))
    return blocks


NO_PLAN = N_("This result is from before the advisor made plans: retake the check for one.")


def _glue_blocks(tr: NullTranslations, shown: full_assessment.FullResult) -> list[Block]:
    _ = tr.gettext
    title, advice = glue.ASPECTS[shown.glue_aspect]
    line = _bold(_(title)) + "\n" + escape(_(advice))
    if shown.glue_aspect != glue.SITUATIONS[shown.glue_situation].aspect:
        line += "\n" + escape(_(GLUE_BASE_FIRST)) + MARK
    return [Block("subheading", escape(_("Social Media Glue Model"))), Block("text", line)]


def _cycle_blocks(tr: NullTranslations, shown: full_assessment.FullResult, described: bool) -> list[Block]:
    _ = tr.gettext
    blocks = [Block("subheading", escape(_("Next step in the Social Media Cycle")))]
    lines = cycle_lines(tr, shown)
    step = full_assessment.first_cycle_step(shown)
    blocks.append(Block("text", _bold(html.unescape(lines[0])) if step else lines[0]))
    if described and step is not None:
        blocks.append(Block("text", escape(_(step.description))))
    blocks += [Block("text", line) for line in lines[1:]]
    return blocks


def _sm247_blocks(tr: NullTranslations, shown: full_assessment.FullResult) -> list[Block]:
    """The 24/7 profile as the model draws it: areas down, simple and complex across."""
    _ = tr.gettext
    rows = [("", _bold(_("simple")), _bold(_("complex")))]
    for area in sm247.AREAS:
        row = [escape(_(area.name))]
        for is_complex in (False, True):
            cell = next(c for c in sm247.CELLS if c.area == area.key and c.complex == is_complex)
            level = _(sm247.LEVEL_LABELS[shown.cells[cell.key]])
            row.append(f"{escape(_(cell.name))}: {_bold(level)}")
        rows.append(tuple(row))
    blocks = [Block("subheading", "Social Media 24/7"), Block("table", rows=tuple(rows))]
    remarks = [escape(_(sm247.REMARKS[key])) for key in shown.remarks]
    heading = _bold(_("What the model remarks")) + ": "
    none = escape(_("None of the model’s warnings apply to your answers."))
    blocks.append(Block("text", heading + (" ".join(remarks) or none)))
    blocks.append(Block("text", escape(_(sm247.PROFILE_READING)) + MARK))
    return blocks


def _standing_blocks(tr: NullTranslations, language: str, stored: StoredResult, report: bool) -> list[Block]:
    """Where the organisation stands by a stored result, worded as its screens word it; the
    report adds why this phase, what to recognise, the next step and the 24/7 profile."""
    _ = tr.gettext
    shown = results.load(stored)
    full = stored.flow == full_assessment.FLOW
    result = shown.ssrm if full else shown
    blocks = [
        Block("subheading", escape("SSRM: " + phase_title(tr, result.phase))),
        Block("question", escape(_(result.phase.gloss))),
        _profile_table(tr, result),
    ]
    if full and shown.management_holds_back:
        bottleneck = management_lines(tr, shown) + next_level_lines(tr, result, result.bottleneck)
    else:
        bottleneck = bottleneck_lines(tr, result)
    blocks += [Block("text", line) for line in (*bottleneck, *ahead_line(tr, result))]
    if full:
        answer = _(ssrm.MANAGEMENT_OPTIONS[shown.management].wording)
        management = _bold(_("Management support")) + ": " + escape(answer)
        blocks += [Block("text", management), *(Block("note", escape(_(KEPT[key]))) for key in shown.contradictions)]
    if report:
        next_heading = _("The path forward: Always-On") if result.phase.number == len(ssrm.PHASES) else _(
            "Why take the next step?"
        )
        blocks += [
            Block("text", why_line(tr, result)),
            Block("text", _bold(_("Recognise this?")) + " " + escape(_(result.phase.recognize))),
            Block("text", _bold(next_heading) + " " + escape(_(result.phase.next_step))),
        ]
    moves = tuple(stored.scores.get("plan", ()))
    plan = _plan_blocks(tr, moves, "heading" if report else "subheading")
    if report:
        blocks = [*plan, Block("heading", escape(_("Where you stand"))), *blocks]
    else:
        blocks += plan
    if full:
        if report:
            blocks += _sm247_blocks(tr, shown)
        blocks += _cycle_blocks(tr, shown, described=report)
        blocks += _glue_blocks(tr, shown)
    return blocks


def _sources(stored: StoredResult | None, hexagon_too: bool) -> list[str]:
    """The sources a document quotes, in the order /help names them."""
    used = {HEXAGON_SOURCE} if hexagon_too else set()
    if stored is not None:
        used.add(SSRM_SOURCE)
        if stored.flow == full_assessment.FLOW:
            used |= {SM247_SOURCE, CYCLE_SOURCE, GLUE_SOURCE}
        used |= {MOVE_SOURCES[key.split(":")[0]] for key in stored.scores.get("plan", ())}
    return [source for source in SOURCES if source in used]


def _footer(tr: NullTranslations, blocks: list[Block], sources: list[str]) -> list[Block]:
    """The sources, and the advisor's marker explained where the document uses it."""
    _ = tr.gettext
    named = "; ".join(_(source) for source in sources)
    footer = [Block("small", _bold(_("Sources")) + ": " + escape(named) + ".")]
    ours = [block for block in blocks if block.kind != "user"]
    if any(MARK in block.markup or any(MARK in cell for row in block.rows for cell in row) for block in ours):
        footer.append(Block("small", advisor_footer(tr)))
    return footer


# -- the strategy ---------------------------------------------------------------------------------


def _strategy_title(tr: NullTranslations, draft: Draft) -> str:
    organisation = (draft.organisation or "").strip()
    if organisation:
        return tr.gettext("Social media strategy of {organisation}").format(organisation=organisation)
    return tr.gettext("Your social media strategy")


def _strategy_blocks(
    language: str, draft: Draft, stored: StoredResult | None, today: date, zone: str
) -> tuple[str, list[Block]]:
    tr = translations(language)
    _ = tr.gettext
    title = _strategy_title(tr, draft)
    subtitle = _("Made with the Strategy Hexagon (Axel Schultze) · {date}").format(date=_day(language, today))
    blocks = [Block("title", escape(title)), Block("subtitle", escape(subtitle))]
    for number, part in enumerate(hexagon.PARTS):
        name = _(part.name) if part.key == "team" else f"{number}. {_(part.name)}"
        blocks += [Block("heading", escape(name)), Block("question", escape(_(part.question)))]
        text = draft.parts.get(part.key) or ""
        blocks.append(Block("user", escape(text)) if text.strip() else Block("missing", escape(_("Not written yet."))))
    caveats = " ".join(escape(_(caveat)) for caveat in hexagon.CAVEATS)
    blocks.append(Block("note", _bold(_("About the Strategy Hexagon")) + ": " + caveats))
    blocks.append(Block("heading", escape(_("Where you stand"))))
    if stored is None:
        blocks.append(Block("text", escape(_(NO_RESULT))))
    else:
        title_of_flow = _(BY_NAME[stored.flow].title).lower()
        day = _day(language, _stored_day(stored.created_at, zone))
        when = _("From your {flow} of {date}.").format(flow=title_of_flow, date=day)
        blocks.append(Block("text", escape(when)))
        blocks += _standing_blocks(tr, language, stored, report=False)
        if BY_NAME[stored.flow].with_card:
            card = render_card(language, card_key(stored.scores))
            blocks.append(Block("image", escape(_("Result card")), image=card))
    blocks += _footer(tr, blocks, _sources(stored, hexagon_too=True))
    return title, blocks


NO_RESULT = N_(
    "No assessment yet. Take the quick phase check or the full assessment: then your phase and your plan "
    "appear here."
)


def _key(language: str, draft: Draft | None, stored: StoredResult | None, today: date, zone: str) -> str:
    """The content of a document in a stable form: its cache key (and all it is made from)."""
    return json.dumps(
        {
            "language": language,
            "parts": None if draft is None else {key: draft.parts.get(key) or "" for key in hexagon.PART_KEYS},
            "organisation": None if draft is None else draft.organisation or "",
            "result": None
            if stored is None
            else {
                "flow": stored.flow,
                "scoring_version": stored.scoring_version,
                "scores": stored.scores,
                "created_at": stored.created_at,
            },
            "today": today.isoformat(),
            "zone": zone,
        },
        sort_keys=True,
        ensure_ascii=False,
    )


def _from_key(key: str) -> tuple[str, Draft | None, StoredResult | None, date, str]:
    content = json.loads(key)
    parts = content["parts"]
    draft = None if parts is None else Draft({k: v for k, v in parts.items() if v}, content["organisation"] or None)
    stored = None if content["result"] is None else StoredResult(id=0, session_id=0, **content["result"])
    return content["language"], draft, stored, date.fromisoformat(content["today"]), content["zone"]


def strategy_pdf(
    language: str, draft: Draft, result: StoredResult | None, today: date, *, zone: str = "UTC"
) -> bytes:
    """The strategy as a PDF: title, the team and six parts as written, the source's caveats,
    where the organisation stands (the latest ``result``: phase, profile, bottleneck, the plan;
    a full assessment's Cycle step, Glue advice and result card) and the sources. ``today`` is
    the document's date; ``zone`` (a time zone name) where the result's date is read."""
    return _strategy_pdf(_key(language, draft, result, today, zone))


def strategy_markdown(
    language: str, draft: Draft, result: StoredResult | None, today: date, *, zone: str = "UTC"
) -> str:
    """The same content as ``strategy_pdf`` in Markdown (without the card's image)."""
    return _strategy_markdown(_key(language, draft, result, today, zone))


def assessment_report_pdf(language: str, result: StoredResult, today: date, *, zone: str = "UTC") -> bytes:
    """A full assessment's result for management, two or three A4 pages: the plan, the SSRM
    phase with profile, bottleneck (management support first where it holds back), what is ahead
    and why; the 24/7 profile, the next Cycle step, the Glue advice; the sources. Any stored
    full assessment, read by the rules it was made with (version 1: no plan, nothing ahead)."""
    if result.flow != full_assessment.FLOW:
        raise ValueError(f"the report is made of a full assessment, not of {result.flow!r}")
    return _report_pdf(_key(language, None, result, today, zone))


@lru_cache(maxsize=32)
def _strategy_pdf(key: str) -> bytes:
    language, draft, stored, today, zone = _from_key(key)
    title, blocks = _strategy_blocks(language, draft, stored, today, zone)
    return _pdf(language, title, blocks)


@lru_cache(maxsize=32)
def _strategy_markdown(key: str) -> str:
    language, draft, stored, today, zone = _from_key(key)
    _title, blocks = _strategy_blocks(language, draft, stored, today, zone)
    return _markdown(blocks)


@lru_cache(maxsize=32)
def _report_pdf(key: str) -> bytes:
    language, _draft, stored, today, zone = _from_key(key)
    tr = translations(language)
    _ = tr.gettext
    title = _("Social media assessment: report")
    made = _("Full assessment of {date} · report of {today}").format(
        date=_day(language, _stored_day(stored.created_at, zone)), today=_day(language, today)
    )
    blocks = [Block("title", escape(title)), Block("subtitle", escape(made)), Block("text", escape(_(REPORT_INTRO)))]
    blocks += _standing_blocks(tr, language, stored, report=True)
    blocks += _footer(tr, blocks, _sources(stored, hexagon_too=False))
    return _pdf(language, title, blocks)


REPORT_INTRO = N_(
    "This report places the organisation on four published models, from the answers to the advisor’s full "
    "assessment: the Social Strategy Readiness Model (SSRM) with management support, the Social Media 24/7 "
    "model, the Social Media Cycle and the Social Media Glue Model. It leads with the plan: three moves, "
    "ranked, each with the model that calls for it."
)


# -- Markdown -------------------------------------------------------------------------------------

_BOLD = re.compile(r"<b>(.*?)</b>", re.DOTALL)
_ITALIC = re.compile(r"<i>(.*?)</i>", re.DOTALL)
_OTHER_TAGS = re.compile(r"</?(?:u|s|code|pre|a)(?:\s[^>]*)?>")


def markdown_inline(markup: str) -> str:
    """Telegram HTML as Markdown: bold and italic kept, the rest as text (entities undone). What
    was typed as HTML (``<b>hi</b>``, ``<script>``, ``Acme <BV>``) stays text, as in the chat and
    the PDF: a Markdown viewer would otherwise render it, or drop it as an unknown tag."""
    text = _BOLD.sub(lambda m: f"**{m.group(1)}**", markup)
    text = _ITALIC.sub(lambda m: f"*{m.group(1)}*", text)
    text = html.unescape(_OTHER_TAGS.sub("", text))
    return text.replace("&", "\\&").replace("<", "\\<").replace(">", "\\>")


def plain_text(markup: str) -> str:
    """Telegram HTML as plain text."""
    return html.unescape(re.sub(r"</?(?:b|i|u|s|code|pre|a)(?:\s[^>]*)?>", "", markup))


def _hard_breaks(text: str, indent: str = "") -> str:
    """Line breaks kept in Markdown (two spaces before the newline)."""
    return ("  \n" + indent).join(text.split("\n"))


def _cell(markup: str) -> str:
    return markdown_inline(markup).replace("|", "\\|").replace("\n", " ")


def _markdown(blocks: list[Block]) -> str:
    out: list[str] = []
    footer_started = False
    for block in blocks:
        text = markdown_inline(block.markup)
        if block.kind == "title":
            out.append(f"# {text}")
        elif block.kind == "heading":
            out.append(f"## {text}")
        elif block.kind == "subheading":
            out.append(f"### {text}")
        elif block.kind in ("subtitle", "question", "missing"):
            out.append(f"*{text}*")
        elif block.kind == "user":
            out.append(_hard_breaks(text))  # as typed
        elif block.kind == "note":
            out.append("> " + _hard_breaks(text, "> "))
        elif block.kind == "item":
            out.append(f"{block.number}. " + _hard_breaks(text, "   "))
        elif block.kind == "table":
            header, *rows = block.rows
            lines = ["| " + " | ".join(_cell(cell) for cell in header) + " |", "|" + "---|" * len(header)]
            lines += ["| " + " | ".join(_cell(cell) for cell in row) + " |" for row in rows]
            out.append("\n".join(lines))
        elif block.kind == "image":
            continue  # the PDF has it
        elif block.kind == "small":
            if not footer_started:  # a rule above the footer
                out.append("---")
                footer_started = True
            out.append(_hard_breaks(text))
        else:
            out.append(_hard_breaks(text))
    return "\n\n".join(out) + "\n"


# -- PDF ------------------------------------------------------------------------------------------

FONT_DIR = Path(reportlab.__file__).resolve().parent / "fonts"
FONT_FILES = {
    "Vera": "Vera.ttf", "Vera-Bold": "VeraBd.ttf", "Vera-Italic": "VeraIt.ttf", "Vera-BoldItalic": "VeraBI.ttf"
}
REPLACEMENT = "?"
_RENDERING = threading.Lock()  # reportlab's fonts and parser are module-level state: one build at a time
INK = colors.HexColor("#212529")
MUTED = colors.HexColor("#6c757d")
ACCENT = colors.HexColor("#206bc4")
RULE = colors.HexColor("#dee2e6")
FOOTER_SIZE = 8
ROOM_BELOW = {"heading": 5 * cm, "subheading": 3.5 * cm}  # what a heading needs below it on its page


@cache
def _glyphs() -> frozenset[int]:
    """Register the Vera family once (embedded, subset) and return the code points all four faces have."""
    covered: frozenset[int] | None = None
    for name, file in FONT_FILES.items():
        font = TTFont(name, str(FONT_DIR / file))
        pdfmetrics.registerFont(font)
        points = frozenset(point for point in font.face.charToGlyph if point >= 32 and point != 0xFFFF)
        covered = points if covered is None else covered & points
    pdfmetrics.registerFontFamily(
        "Vera", normal="Vera", bold="Vera-Bold", italic="Vera-Italic", boldItalic="Vera-BoldItalic"
    )
    return covered or frozenset()


def in_font(text: str, replaced: list[str] | None = None) -> str:
    """``text`` with only characters the font has: composed first (e + ◌́ is é), a character the
    font lacks becomes its compatibility form if the font has that (ĳ -> ij, ﬀ -> ff), white
    space a space, an invisible joiner or variation selector nothing, anything else "?" (and is
    added to ``replaced``). Line breaks stay."""
    glyphs = _glyphs()
    out = []
    for char in unicodedata.normalize("NFC", text.replace("\r\n", "\n").replace("\r", "\n")):
        if char == "\n" or ord(char) in glyphs:
            out.append(char)
            continue
        compatible = unicodedata.normalize("NFKC", char)
        if compatible != char and all(ord(c) in glyphs for c in compatible):
            out.append(compatible)
        elif char.isspace():
            out.append(" ")
        elif unicodedata.category(char) == "Cf" or 0xFE00 <= ord(char) <= 0xFE0F or 0x1F3FB <= ord(char) <= 0x1F3FF:
            continue  # zero-width joiners, variation selectors, skin tones: part of the character before
        else:
            out.append(REPLACEMENT)
            if replaced is not None:
                replaced.append(char)
    return "".join(out)


def _styles() -> dict[str, ParagraphStyle]:
    base = ParagraphStyle("body", fontName="Vera", fontSize=10, leading=14, textColor=INK, alignment=TA_LEFT,
                          spaceAfter=5)
    return {
        "title": ParagraphStyle("title", base, fontName="Vera-Bold", fontSize=20, leading=25, spaceAfter=4),
        "subtitle": ParagraphStyle("subtitle", base, textColor=MUTED, spaceAfter=14),
        "heading": ParagraphStyle("heading", base, fontName="Vera-Bold", fontSize=14, leading=18, spaceBefore=12,
                                  spaceAfter=3, textColor=ACCENT),
        "subheading": ParagraphStyle("subheading", base, fontName="Vera-Bold", fontSize=11.5, leading=15,
                                     spaceBefore=9, spaceAfter=4),
        "question": ParagraphStyle("question", base, fontName="Vera-Italic", textColor=MUTED),
        "text": base,
        "user": ParagraphStyle("user", base, leftIndent=8, borderPadding=(2, 0, 2, 6)),
        "missing": ParagraphStyle("missing", base, fontName="Vera-Italic", textColor=MUTED, leftIndent=8),
        "note": ParagraphStyle("note", base, fontSize=9, leading=12.5, textColor=MUTED, backColor=colors.HexColor(
            "#f1f3f5"), borderPadding=6, spaceBefore=10, spaceAfter=10),
        "item": ParagraphStyle("item", base, leftIndent=16, bulletIndent=0),
        "cell": ParagraphStyle("cell", base, fontSize=9, leading=12, spaceAfter=0),
        "small": ParagraphStyle("small", base, fontSize=8, leading=11, textColor=MUTED, spaceAfter=2),
    }


def _pdf_markup(markup: str, replaced: list[str]) -> str:
    """Screens' Telegram HTML as reportlab's mini-markup: <b>, <i> and the entities are the same;
    line breaks become <br/>. Tags and entities are ASCII, so the font check leaves them alone."""
    return in_font(markup, replaced).replace("\n", "<br/>")


def _flowables(blocks: list[Block], replaced: list[str]) -> list:
    styles = _styles()
    width = A4[0] - 4 * cm
    story: list = []
    footer_started = False
    for block in blocks:
        if block.kind in ROOM_BELOW:
            # A heading at the foot of a page, with no room for what follows, goes to the next page.
            story.append(CondPageBreak(ROOM_BELOW[block.kind]))
            story.append(Paragraph(_pdf_markup(block.markup, replaced), styles[block.kind]))
        elif block.kind == "image":  # with its caption above it, as a subheading
            caption = Paragraph(_pdf_markup(block.markup, replaced), styles["subheading"])
            story.append(KeepTogether([caption, Image(io.BytesIO(block.image), width=8 * cm, height=10 * cm)]))
        elif block.kind == "small" and not footer_started:
            footer_started = True
            story.append(HRFlowable(width="100%", thickness=0.5, color=RULE, spaceBefore=10, spaceAfter=6))
            story.append(Paragraph(_pdf_markup(block.markup, replaced), styles["small"]))
        elif block.kind == "table":
            rows = [[Paragraph(_pdf_markup(cell, replaced), styles["cell"]) for cell in row] for row in block.rows]
            columns = len(block.rows[0])
            first = width * (0.34 if columns == 3 else 0.5)
            table = Table(rows, colWidths=[first] + [(width - first) / (columns - 1)] * (columns - 1))
            table.setStyle(TableStyle([
                ("LINEBELOW", (0, 0), (-1, -1), 0.5, RULE),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("TOPPADDING", (0, 0), (-1, -1), 3),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
            ]))
            story += [table, Spacer(0, 6)]
        elif block.kind == "item":
            story.append(Paragraph(_pdf_markup(block.markup, replaced), styles["item"], bulletText=f"{block.number}."))
        else:
            story.append(Paragraph(_pdf_markup(block.markup, replaced), styles[block.kind]))
    return story


def _fitted(text: str, width: float) -> str:
    """``text`` cut short (…) to fit ``width`` in the page footer's font."""
    if pdfmetrics.stringWidth(text, "Vera", FOOTER_SIZE) <= width:
        return text
    while text and pdfmetrics.stringWidth(text + "…", "Vera", FOOTER_SIZE) > width:
        text = text[:-1]
    return text.rstrip() + "…"


def _pdf(language: str, title: str, blocks: list[Block]) -> bytes:
    tr = translations(language)
    replaced: list[str] = []
    with _RENDERING:
        _glyphs()
        story = _flowables(blocks, replaced)
        if replaced:
            note = tr.ngettext(
                "{count} character is not in this document’s font and is shown as “?”.",
                "{count} characters are not in this document’s font and are shown as “?”.",
                len(replaced),
            ).format(count=len(replaced))
            story.append(Paragraph(escape(note), _styles()["small"]))
        page_label = tr.gettext("Page {number}")
        footer_title = _fitted(in_font(title), A4[0] - 7 * cm)  # room for the page number

        def footer(canvas, doc) -> None:
            canvas.saveState()
            canvas.setFont("Vera", FOOTER_SIZE)
            canvas.setFillColor(MUTED)
            canvas.drawString(2 * cm, 1.2 * cm, footer_title)
            canvas.drawRightString(A4[0] - 2 * cm, 1.2 * cm, page_label.format(number=doc.page))
            canvas.restoreState()

        buffer = io.BytesIO()
        document = SimpleDocTemplate(
            buffer, pagesize=A4, leftMargin=2 * cm, rightMargin=2 * cm, topMargin=2 * cm, bottomMargin=2 * cm,
            title=title, author=tr.gettext("Social media strategy advisor"), lang=language,
            invariant=True,  # the same content gives the same bytes: no creation date or random id
        )
        document.build(story, onFirstPage=footer, onLaterPages=footer)
    return buffer.getvalue()
