package fr.capsules.ingest.chunk;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/** The headings above the current point of one document, outermost first. Not thread-safe. */
final class HeadingPath {

    private record Level(int level, String title) {}

    private final Deque<Level> levels = new ArrayDeque<>();

    /** A heading of level n closes every open heading of level n or deeper. */
    void enter(int level, String title) {
        while (!levels.isEmpty() && levels.peekLast().level() >= level) {
            levels.removeLast();
        }
        levels.addLast(new Level(level, title));
    }

    List<String> current() {
        return levels.stream().map(Level::title).toList();
    }

    /** The current path followed by {@code last}, unless it is empty or already the last title. */
    List<String> with(String last) {
        List<String> path = new ArrayList<>(current());
        if (!last.isEmpty() && (path.isEmpty() || !path.getLast().equals(last))) {
            path.add(last);
        }
        return List.copyOf(path);
    }
}
