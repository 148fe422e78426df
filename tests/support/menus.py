"""The main menu's buttons as a user sees them, in both languages."""

MENU_EN = [
    ["📋 Full assessment"],
    ["⚡ Quick phase check"],
    ["📌 My plan", "🗂 My results"],
    ["🧭 Write your strategy", "👥 Team check"],
    ["💬 Advocacy tips", "⚙️ Settings"],
]
MENU_NL = [
    ["📋 Volledige scan"],
    ["⚡ Snelle fasecheck"],
    ["📌 Mijn plan", "🗂 Mijn resultaten"],
    ["🧭 Schrijf je strategie", "👥 Teamcheck"],
    ["💬 Tips voor ambassadeurs", "⚙️ Instellingen"],
]
