"""What the tests (and the benchmark) share: Bot API doubles, the menus as users see them,
drivers that take a flow by taps, and the table of organisation profiles."""
