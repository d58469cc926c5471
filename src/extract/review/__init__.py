"""Review: table diffs, their rendering, the git textconv driver."""
