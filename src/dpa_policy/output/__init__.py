"""Writing files: whole or not at all (:mod:`.atomic`), and never over what the user wrote
(:mod:`.guard`). Below the commands, above the pipeline."""
