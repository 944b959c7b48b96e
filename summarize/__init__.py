"""summarize: Indonesian news in, English briefs and a cited cross-article digest out."""
