package fr.capsules.app.draft;

import com.github.difflib.DiffUtils;
import com.github.difflib.patch.AbstractDelta;
import java.util.List;

/**
 * How much a person changed the AI's version, from 0 (untouched) to 1 (all rewritten): for text,
 * the share of characters inserted, deleted or replaced (a character diff, over the longer of the
 * two versions); for tables, the share of cells whose text differs, rows added or removed
 * counting all their cells. Feeds the usage figures: a capsule whose drafts are heavily rewritten
 * is not helping much.
 */
final class EditShare {

    private EditShare() {}

    static double between(DraftContent ai, DraftContent human) {
        return ai.kind() == DraftKind.TEXT ? text(ai.text(), human.text()) : table(ai, human);
    }

    static double text(String before, String after) {
        String a = before == null ? "" : before;
        String b = after == null ? "" : after;
        int longest = Math.max(a.length(), b.length());
        if (longest == 0) {
            return 0;
        }
        List<AbstractDelta<Character>> deltas = DiffUtils.diff(chars(a), chars(b)).getDeltas();
        int changed = 0;
        for (AbstractDelta<Character> delta : deltas) {
            changed += Math.max(delta.getSource().size(), delta.getTarget().size());
        }
        return Math.min(1.0, (double) changed / longest);
    }

    private static double table(DraftContent ai, DraftContent human) {
        List<DraftContent.Column> columns = ai.columns();
        int rows = Math.max(ai.rows().size(), human.rows().size());
        int cells = rows * columns.size();
        if (cells == 0) {
            return 0;
        }
        int changed = 0;
        for (int r = 0; r < rows; r++) {
            for (DraftContent.Column column : columns) {
                String before = r < ai.rows().size() ? ai.rows().get(r).cell(column.name()) : null;
                String after = r < human.rows().size() ? human.rows().get(r).cell(column.name()) : null;
                if (before == null || after == null || !before.strip().equals(after.strip())) {
                    changed++;
                }
            }
        }
        return (double) changed / cells;
    }

    private static List<Character> chars(String text) {
        return text.chars().mapToObj(c -> (char) c).toList();
    }
}
