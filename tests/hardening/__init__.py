"""Speed, load and hardening tests: soak, faults, hostile input, the capped REST channel and security defaults."""
