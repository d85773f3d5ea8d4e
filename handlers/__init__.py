"""Per-platform adapters: translate chat payloads to core calls and back."""
