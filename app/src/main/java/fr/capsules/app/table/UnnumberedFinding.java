package fr.capsules.app.table;

/** A finding read from the input, before it gets its position. */
record UnnumberedFinding(String label, String text, FindingType type) {

    Finding numbered(int number) {
        return new Finding(number, label, text, type);
    }
}
