package fr.capsules.app.web.ui;

import fr.capsules.app.draft.Draft;
import fr.capsules.app.draft.DraftContent;
import fr.capsules.app.draft.DraftWarning;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What the table editor shows beside each row and at each cell: the warnings about them (every warning of the
 * draft, acknowledged or not, placed by row number and column) and each column's share of the table's width, from how
 * long its texts are, so that the table fits the window and long texts get the room (cells then grow downwards).
 * The template asks by 0-based row index, as Thymeleaf iterates.
 */
public final class DraftTableView {

    /** Texts this long or shorter fit a narrow column; above {@link #LONG} on average, a column gets the most room. */
    private static final int SHORT = 14;
    private static final int LONG = 60;
    /** Relative widths: a narrow column, a medium one, a long one, the sources and warnings column. */
    private static final double NARROW = 1.3;
    private static final double MEDIUM = 2.0;
    private static final double WIDE = 3.2;
    private static final double SOURCES = 2.8;
    /** Width of a list of allowed values per character of its longest value (a select needs room for its arrow). */
    private static final double PER_CHOICE_CHARACTER = 0.13;

    private final Map<Integer, List<DraftWarning>> byRow = new LinkedHashMap<>();
    private final Map<String, List<DraftWarning>> byCell = new LinkedHashMap<>();
    private final Map<String, Double> weights = new LinkedHashMap<>();
    private final Set<String> acknowledged;

    private DraftTableView(Set<String> acknowledged) {
        this.acknowledged = acknowledged;
    }

    static DraftTableView of(Draft draft, Map<String, List<String>> allowedValues) {
        DraftTableView view = new DraftTableView(
                draft.acknowledgements().stream().map(a -> a.warning().id()).collect(Collectors.toSet()));
        for (DraftWarning warning : draft.allWarnings()) {
            switch (warning.scope()) {
                case ROW -> view.byRow.computeIfAbsent(warning.row() - 1, r -> new ArrayList<>()).add(warning);
                case CELL -> view.byCell.computeIfAbsent(key(warning.row() - 1, warning.column()), k -> new ArrayList<>())
                        .add(warning);
                case DRAFT -> { /* shown above the table */ }
            }
        }
        for (DraftContent.Column column : draft.content().columns()) {
            List<String> values = allowedValues.getOrDefault(column.name(), List.of());
            int longest = draft.content().rows().stream().mapToInt(row -> row.cell(column.name()).length()).max().orElse(0);
            double average = draft.content().rows().stream().mapToInt(row -> row.cell(column.name()).length()).average()
                    .orElse(0);
            int longestChoice = values.stream().mapToInt(String::length).max().orElse(0);
            view.weights.put(column.name(), !values.isEmpty() ? Math.max(NARROW, longestChoice * PER_CHOICE_CHARACTER + 0.2)
                    : longest <= SHORT ? NARROW
                    : average > LONG ? WIDE
                    : MEDIUM);
        }
        return view;
    }

    private static String key(int rowIndex, String column) {
        return rowIndex + "\u0000" + column;
    }

    /** The warnings about the row at {@code rowIndex} (0-based) as a whole. */
    public List<DraftWarning> row(int rowIndex) {
        return byRow.getOrDefault(rowIndex, List.of());
    }

    /** The warnings about one cell. */
    public List<DraftWarning> cell(int rowIndex, String column) {
        return byCell.getOrDefault(key(rowIndex, column), List.of());
    }

    /**
     * The column's share of the table's width, as the class of the style sheet that sets it ("col-w-13" for 13 %):
     * the Content-Security-Policy allows no inline style, so widths come in whole percents from capsules.css.
     */
    public String widthClass(String column) {
        return percentClass(weights.getOrDefault(column, MEDIUM));
    }

    /** The share of the sources and warnings column, as a style sheet class. */
    public String sourcesWidthClass() {
        return percentClass(SOURCES);
    }

    private String percentClass(double weight) {
        double total = SOURCES + weights.values().stream().mapToDouble(Double::doubleValue).sum();
        long percent = Math.max(1, Math.min(100, Math.round(100 * weight / total)));
        return "col-w-" + percent;
    }

    /** Whether the warning was acknowledged when the draft was validated. */
    public boolean acknowledged(DraftWarning warning) {
        return acknowledged.contains(warning.id());
    }
}
