package fr.capsules.app.web.ui;

/** A changed cell of a table draft, for the "what changed" section of the draft page. */
public record CellChange(int row, String column, WordDiff diff) {}
