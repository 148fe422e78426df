"""What each screen shows, one module per feature: text (Telegram HTML) and inline keyboard,
in the user's language. ``widgets`` holds the shared pieces, ``ssrm_block`` the SSRM result
shown by several features."""
