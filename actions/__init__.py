"""Custom actions for Backspasm Assistant; answers come only from the guidance knowledge base."""
