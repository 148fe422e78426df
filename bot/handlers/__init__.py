"""All handlers, registered in one place. Order matters: taps outside private chats are
refused before anything else runs (group -1); taps on a flow come first (the most frequent
update: checked first, found first), group chats before anything private, the catch-alls last;
after every update, what it left on screen is noted (group 1)."""

from __future__ import annotations

from telegram import Update
from telegram.ext import (
    Application,
    CallbackQueryHandler,
    ChatMemberHandler,
    CommandHandler,
    InlineQueryHandler,
    MessageHandler,
    TypeHandler,
    filters,
)

from bot import share
from bot.callback_data import (
    LanguageTap,
    MenuTap,
    PlanTap,
    PrivacyTap,
    RemindTap,
    ResultTap,
    StrategyTap,
    TeamTap,
    TipDone,
    TipRoles,
    WeeklyOff,
)
from bot.flows import registry, runner
from bot.handlers import advocacy, errors, groups, menu, plan, privacy, results, strategy, teams

PRIVATE = filters.ChatType.PRIVATE & ~filters.UpdateType.EDITED


def _prefix(kind) -> str:
    return f"^{kind.PREFIX}:"


def register(application: Application) -> None:
    application.add_handler(TypeHandler(Update, runner.load_chat_state), group=-2)
    application.add_handler(TypeHandler(Update, groups.refuse_taps_outside_private_chats), group=-1)
    application.add_handler(CallbackQueryHandler(runner.flow_tap, pattern=registry.TAP_PATTERN))
    application.add_handler(
        CommandHandler("team", teams.group_team_command, filters=filters.ChatType.GROUPS & ~filters.UpdateType.EDITED)
    )
    application.add_handler(
        MessageHandler(filters.ChatType.GROUPS & ~filters.UpdateType.EDITED, groups.group_message)
    )
    application.add_handler(CommandHandler("start", menu.start, filters=PRIVATE))
    application.add_handler(CommandHandler("help", menu.help_command, filters=PRIVATE))
    application.add_handler(CommandHandler("language", menu.language_command, filters=PRIVATE))
    application.add_handler(CommandHandler("settings", menu.settings_command, filters=PRIVATE))
    application.add_handler(CommandHandler("plan", plan.plan_command, filters=PRIVATE))
    application.add_handler(CommandHandler("strategy", strategy.strategy_command, filters=PRIVATE))
    application.add_handler(CommandHandler("team", teams.team_command, filters=PRIVATE))
    application.add_handler(CommandHandler("privacy", privacy.privacy_command, filters=PRIVATE))
    application.add_handler(CommandHandler("mydata", privacy.mydata_command, filters=PRIVATE))
    application.add_handler(CommandHandler("deletedata", privacy.deletedata_command, filters=PRIVATE))
    application.add_handler(CommandHandler("results", results.results_command, filters=PRIVATE))
    application.add_handler(CommandHandler("tips", advocacy.tips_command, filters=PRIVATE))
    application.add_handler(CommandHandler("stop", advocacy.stop_command, filters=PRIVATE))
    application.add_handler(CallbackQueryHandler(menu.menu_tap, pattern=_prefix(MenuTap)))
    application.add_handler(CallbackQueryHandler(menu.language_tap, pattern=_prefix(LanguageTap)))
    application.add_handler(CallbackQueryHandler(results.result_tap, pattern=_prefix(ResultTap)))
    application.add_handler(CallbackQueryHandler(plan.plan_tap, pattern=_prefix(PlanTap)))
    application.add_handler(CallbackQueryHandler(plan.remind_tap, pattern=_prefix(RemindTap)))
    application.add_handler(CallbackQueryHandler(strategy.strategy_tap, pattern=_prefix(StrategyTap)))
    application.add_handler(CallbackQueryHandler(teams.team_tap, pattern=_prefix(TeamTap)))
    application.add_handler(CallbackQueryHandler(privacy.privacy_tap, pattern=_prefix(PrivacyTap)))
    application.add_handler(ChatMemberHandler(privacy.blocked_or_unblocked, ChatMemberHandler.MY_CHAT_MEMBER))
    application.add_handler(InlineQueryHandler(share.inline_query))
    application.add_handler(CallbackQueryHandler(advocacy.tips_tap, pattern=_prefix(TipRoles)))
    application.add_handler(CallbackQueryHandler(advocacy.weekly_tap, pattern=_prefix(WeeklyOff)))
    application.add_handler(CallbackQueryHandler(advocacy.done_tap, pattern=_prefix(TipDone)))
    application.add_handler(CallbackQueryHandler(menu.unknown_tap))
    application.add_handler(MessageHandler(PRIVATE, menu.typed_input))
    application.add_handler(TypeHandler(Update, runner.remember_screen), group=1)
    application.add_error_handler(errors.on_error)
