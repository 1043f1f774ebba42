"""The embeddable chat widget: its demo page and the small server behind it."""
