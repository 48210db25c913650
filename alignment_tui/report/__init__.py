"""The client report (Markdown, HTML) and the profile diff; no UI code."""
