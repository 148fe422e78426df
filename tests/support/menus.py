"""The main menu's buttons as a user sees them, in both languages."""

MENU_EN = [["📋 Full assessment"], ["⚡ Quick phase check"], ["💬 Advocacy tips"], ["🗂 My results", "🌐 Language"]]
MENU_NL = [["📋 Volledige scan"], ["⚡ Snelle fasecheck"], ["💬 Advocacytips"], ["🗂 Mijn uitslagen", "🌐 Taal"]]
