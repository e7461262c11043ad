"""Data resources shared by several stages (loaded once per process): the gazetteer."""
