"""Day 3: communication strategy and channels (5C message review, content calendar, KPIs)."""
