"""The strategy builder (Strategy Hexagon): the overview of the parts, one part with the
source's question, the user's text and the advice on it, the source's example, and the programs
to start the actions from. The user's text is shown exactly as typed (escaped: never markup)."""

from __future__ import annotations

import re

from babel.support import NullTranslations
from telegram import InlineKeyboardMarkup

from bot.callback_data import StrategyTap
from bot.screens.widgets import MARK, Screen, advisor_footer, button, escape, menu_button
from dialogs import hexagon
from dialogs.hexagon import ORGANISATION, Draft
from dialogs.moves import ALL_MOVES

PREVIEW = 48  # characters of a part shown in the overview


def _preview(text: str) -> str:
    line = " ".join(text.split())
    return line if len(line) <= PREVIEW else line[: PREVIEW - 1].rstrip() + "…"


def part_label(tr: NullTranslations, key: str) -> str:
    return tr.gettext(hexagon.PARTS_BY_KEY[key].name)


def overview(tr: NullTranslations, draft: Draft, *, first_visit: bool = False) -> Screen:
    """Every part with ✅ or ⬜ and the start of its text; the documents once something is written."""
    _ = tr.gettext
    lines = [
        "<b>" + _("Your strategy · Strategy Hexagon") + "</b>",
        "<i>" + escape(_("Axel Schultze’s Social Media Strategy Framework: the strategy team and six parts.")) + "</i>",
    ]
    if first_visit:
        lines += [
            "",
            escape(_("Write each part in your own words; I keep it as a draft at once, so you can come back later.")),
            "",
            "<b>" + _("Before you start") + "</b>",
            *("• " + escape(_(caveat)) for caveat in hexagon.CAVEATS),
        ]
    lines.append("")
    organisation = escape(draft.organisation) if draft.organisation else _("not given")
    lines.append("🏢 " + _("Organisation: {name}").format(name=organisation))
    for number, part in enumerate(hexagon.PARTS, start=1):
        text = draft.parts.get(part.key)
        tick = "✅" if text else "⬜"
        line = f"{tick} {number}. <b>{escape(_(part.name))}</b>"
        if text:
            line += " — " + escape(_preview(text))
        lines.append(line)
    written = len(draft.written)
    lines += ["", escape(_("{written} of {total} parts written.").format(written=written, total=len(hexagon.PARTS)))]
    rows = [
        [button(("✅ " if draft.parts.get(key) else "⬜ ") + part_label(tr, key), StrategyTap("open", key))
         for key in hexagon.PART_KEYS[i : i + 2]]
        for i in range(0, len(hexagon.PART_KEYS), 2)
    ]
    rows.append([button(_("🏢 Organisation name"), StrategyTap("open", ORGANISATION))])
    if written:
        rows.append([button(_("📄 PDF"), StrategyTap("pdf")), button(_("📝 Markdown"), StrategyTap("md"))])
    elif first_visit:
        rows.insert(0, [button(_("▶ Start with the team"), StrategyTap("open", hexagon.PART_KEYS[0]))])
    rows.append([menu_button(tr)])
    return Screen("\n".join(lines), InlineKeyboardMarkup(rows))


def part(tr: NullTranslations, key: str, draft: Draft) -> Screen:
    """One part: the source's question and guidance, the text so far with advice on it, and what
    the user can do; with no text yet, the next message they send is taken as the part."""
    _ = tr.gettext
    if key == ORGANISATION:
        return _organisation(tr, draft)
    spec = hexagon.PARTS_BY_KEY[key]
    number = hexagon.PART_KEYS.index(key) + 1
    heading = _("Strategy Hexagon · {number} of {total} · {part}").format(
        number=number, total=len(hexagon.PARTS), part=_(spec.name)
    )
    lines = [f"<b>{escape(heading)}</b>", "", "<b>" + escape(_(spec.question)) + "</b>", escape(_(spec.guidance)), ""]
    text = draft.parts.get(key)
    if text:
        lines += ["<b>" + _("Your text") + "</b>", escape(text)]
        advice = hexagon.checks(key, text)
        if advice:
            tips = ("💡 " + escape(_(hexagon.CHECKS[check])) + MARK for check in advice)
            lines += ["", *tips, "", advisor_footer(tr)]
        rows = [[button(_("✍️ Replace"), StrategyTap("write", key)), button(_("➕ Add to it"), StrategyTap("add", key))]]
    else:
        prompt = _("Type your answer and send it (up to {limit} characters).").format(limit=spec.limit)
        lines.append("✍️ " + escape(prompt))
        rows = [[button(_("⏭ Skip for now"), StrategyTap("skip", key))]]
    rows[0].append(button(_("💡 Example"), StrategyTap("example", key)))
    if key == "actions":
        rows.append([button(_("📋 Start from a program"), StrategyTap("programs", key))])
    following = _following(key)
    navigation = [button(_("« Overview"), StrategyTap("overview"))]
    if following is not None:
        navigation.append(button(_("Next ▶"), StrategyTap("open", following)))
    rows.append(navigation)
    return Screen("\n".join(lines), InlineKeyboardMarkup(rows))


def _following(key: str) -> str | None:
    index = hexagon.PART_KEYS.index(key)
    return hexagon.PART_KEYS[index + 1] if index + 1 < len(hexagon.PART_KEYS) else None


def _organisation(tr: NullTranslations, draft: Draft) -> Screen:
    _ = tr.gettext
    lines = ["<b>" + _("Organisation name") + "</b>", escape(_("The name on your strategy document (optional)."))]
    if draft.organisation:
        lines += ["", escape(draft.organisation)]
        rows = [[button(_("✍️ Replace"), StrategyTap("write", ORGANISATION))]]
    else:
        lines += ["", "✍️ " + escape(_("Type the name and send it."))]
        rows = []
    rows.append([button(_("« Overview"), StrategyTap("overview"))])
    return Screen("\n".join(lines), InlineKeyboardMarkup(rows))


def write_prompt(tr: NullTranslations, key: str, append: bool) -> Screen:
    """Asking for the text, after Replace or Add to it."""
    _ = tr.gettext
    name = _("Organisation name") if key == ORGANISATION else part_label(tr, key)
    if append:
        text = _("Type what to add to “{part}” and send it. It comes after what is there.").format(part=name)
    else:
        text = _("Type the new text for “{part}” and send it. It replaces what is there.").format(part=name)
    back = StrategyTap("overview") if key == ORGANISATION else StrategyTap("open", key)
    return Screen(escape(text), InlineKeyboardMarkup([[button(_("« Back"), back)]]))


def example(tr: NullTranslations, key: str, *, ready_for_text: bool = False) -> Screen:
    _ = tr.gettext
    spec = hexagon.PARTS_BY_KEY[key]
    lines = [
        "<b>" + escape(_("Example · {part}").format(part=_(spec.name))) + "</b>",
        "<i>" + escape(_("From the Strategy Hexagon (Axel Schultze)")) + "</i>",
        "",
        escape(_(spec.example)),
    ]
    if ready_for_text:
        lines += ["", escape(_("Type your own when you’re ready: it is saved as soon as you send it."))]
    text = "\n".join(lines)
    return Screen(text, InlineKeyboardMarkup([[button(_("« Back"), StrategyTap("open", key))]]))


def programs(tr: NullTranslations, plan_moves: tuple[str, ...]) -> Screen:
    """The source's five programs and the user's plan moves, to start the actions from."""
    _ = tr.gettext
    lines = [
        "<b>" + _("Start from a program") + "</b>",
        escape(_("Tap one to add it to your actions; you can edit the text afterwards.")),
        "",
        "<b>" + _("The source’s five programs") + "</b>",
        *(f"• <b>{escape(_(name))}</b>: {escape(_(text))}" for _key, name, text in hexagon.PROGRAMS),
    ]
    rows = [[button(_(name), StrategyTap("program", "actions", key))] for key, name, _text in hexagon.PROGRAMS]
    if plan_moves:
        lines += ["", "<b>" + _("Your plan’s moves") + "</b>"]
        for number, key in enumerate(plan_moves, start=1):
            title = _(ALL_MOVES[key].title)
            lines.append(f"{number}. {escape(title)}")
            label = _("➕ Move {number}").format(number=number)
            rows.append([button(label, StrategyTap("program", "actions", f"move{number}"))])
    rows.append([button(_("« Back"), StrategyTap("open", "actions"))])
    return Screen("\n".join(lines), InlineKeyboardMarkup(rows))


def program_text(tr: NullTranslations, item: str, plan_moves: tuple[str, ...]) -> str | None:
    """What picking ``item`` adds to the actions: a program, or a plan move, as a line."""
    _ = tr.gettext
    if item in hexagon.PROGRAMS_BY_KEY:
        name, text = hexagon.PROGRAMS_BY_KEY[item]
        return f"{_(name)}: {_(text)}"
    number = int(item.removeprefix("move"))
    if number > len(plan_moves):
        return None
    move = ALL_MOVES[plan_moves[number - 1]]
    return f"{_(move.title)}: {_(move.action)}"


def saved(tr: NullTranslations, key: str) -> str:
    name = tr.gettext("Organisation name") if key == ORGANISATION else part_label(tr, key)
    return tr.gettext("Saved: {part}.").format(part=name)


def too_long(tr: NullTranslations, key: str, length: int, limit: int) -> str:
    name = tr.gettext("Organisation name") if key == ORGANISATION else part_label(tr, key)
    return tr.gettext(
        "That is {length} characters; “{part}” takes up to {limit}. Shorten it and send it again: nothing was saved."
    ).format(length=length, part=name, limit=limit)


def file_name(tr: NullTranslations, draft: Draft) -> str:
    """A file name from the organisation's name (letters, digits and dashes only), else "strategy"."""
    base = tr.gettext("strategy")
    if draft.organisation:
        slug = "-".join(re.findall(r"\w+", draft.organisation.lower()))[:40]
        base = f"{base}-{slug}" if slug else base
    return base


def how_to_change(tr: NullTranslations, key: str) -> str:
    name = tr.gettext("Organisation name") if key == ORGANISATION else part_label(tr, key)
    return tr.gettext("To change “{part}”, tap ✍️ Replace or ➕ Add to it first.").format(part=name)


def text_only(tr: NullTranslations) -> str:
    return tr.gettext("Please send your text as a message: I can only keep text in your strategy.")
