"""Indonesian word handling shared by ranking and grouping, one job to a module:

- `lang.wordlists`: the Indonesian word lists the rules read (stopwords, connectives,
  back-references, pronouns, roles, event nouns, hook phrases, ...), each with the reason
  for its words;
- `lang.terms`: tokens, stems and content terms (with their caches, and the aliases and
  synonyms they expand), and a small language check (Indonesian or English) by stopword counts;
- `lang.vectors`: sparse TF-IDF vectors over content terms, their cosine and centroid.

Nothing is defined here: callers import each name from the module that defines it.
"""
