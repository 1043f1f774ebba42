"""Custom Rasa input channels for Backspasm Assistant (configured by module path in credentials.yml)."""
