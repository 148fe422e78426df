"""The Telegram adapter: parse an update, call the domain, store, render, send."""
