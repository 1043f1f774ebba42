"""What a user can ask us to do with their data: forget a conversation."""
