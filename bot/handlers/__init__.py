"""All handlers, registered in one place. Order matters: taps on a flow first (the most
frequent update: checked first, found first), group chats before anything private, the
catch-alls last."""

from __future__ import annotations

from telegram import Update
from telegram.ext import Application, CallbackQueryHandler, CommandHandler, MessageHandler, TypeHandler, filters

from bot import callbacks
from bot.handlers import advocacy, errors, flows, groups, menu, results

PRIVATE = filters.ChatType.PRIVATE & ~filters.UpdateType.EDITED


def register(application: Application) -> None:
    application.add_handler(
        CallbackQueryHandler(flows.flow_tap, pattern=f"^(?:{callbacks.QUICK}|{callbacks.FULL}):")
    )
    application.add_handler(
        MessageHandler(filters.ChatType.GROUPS & ~filters.UpdateType.EDITED, groups.group_message)
    )
    application.add_handler(CommandHandler("start", menu.start, filters=PRIVATE))
    application.add_handler(CommandHandler("help", menu.help_command, filters=PRIVATE))
    application.add_handler(CommandHandler(["language", "settings"], menu.language_command, filters=PRIVATE))
    application.add_handler(CommandHandler("results", results.results_command, filters=PRIVATE))
    application.add_handler(CommandHandler("tips", advocacy.tips_command, filters=PRIVATE))
    application.add_handler(CommandHandler("stop", advocacy.stop_command, filters=PRIVATE))
    application.add_handler(CallbackQueryHandler(menu.menu_tap, pattern=f"^{callbacks.MENU}:"))
    application.add_handler(CallbackQueryHandler(menu.language_tap, pattern=f"^{callbacks.LANGUAGE}:"))
    application.add_handler(CallbackQueryHandler(results.result_tap, pattern=f"^{callbacks.RESULT}:"))
    application.add_handler(CallbackQueryHandler(advocacy.tips_tap, pattern=f"^{callbacks.TIPS}:"))
    application.add_handler(CallbackQueryHandler(advocacy.weekly_tap, pattern=f"^{callbacks.WEEKLY}:"))
    application.add_handler(CallbackQueryHandler(menu.unknown_tap))
    application.add_handler(MessageHandler(PRIVATE, menu.typed_input))
    # After every update: what it left on screen (a typed number answers only that question).
    application.add_handler(TypeHandler(Update, flows.remember_screen), group=1)
    application.add_error_handler(errors.on_error)
