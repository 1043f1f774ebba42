"""The pain diary: entries and check-ins kept beside the conversations, the guide's two-week rule, a chart."""
