"""The Textual front end: the app, its screens, its widgets and its styles."""
