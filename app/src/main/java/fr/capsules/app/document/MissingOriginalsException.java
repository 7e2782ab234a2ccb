package fr.capsules.app.document;

import java.util.List;

/** A corpus cannot be restored: the originals of some of its files were deleted. Nothing was changed. */
public final class MissingOriginalsException extends RuntimeException {

    private final List<String> files;

    public MissingOriginalsException(List<String> files) {
        super("les originaux de " + (files.size() == 1 ? "ce document ont" : "ces documents ont") + " été supprimés : "
                + String.join(", ", files.stream().map(f -> "« " + f + " »").toList())
                + " ; rien n'a été changé. Déposez-les de nouveau, puis évaluez et publiez.");
        this.files = List.copyOf(files);
    }

    public List<String> files() {
        return files;
    }
}
