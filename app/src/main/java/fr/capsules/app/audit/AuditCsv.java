package fr.capsules.app.audit;

import java.util.List;

/**
 * The audit trail as CSV for a spreadsheet: {@code ;} separator (French Excel), CRLF line ends,
 * UTF-8 with a byte-order mark (without it Excel reads accents as Windows-1252), one header row.
 * Cells that a spreadsheet would run as a formula ({@code = + - @}, tab, carriage return first) are
 * prefixed with {@code '}: actors and details may be attacker-chosen (a username tried at login).
 */
final class AuditCsv {

    static final String HEADER = "seq;recordedAt;actor;action;capsule;capsuleVersion;details;hash";
    private static final String BOM = "\uFEFF";

    private AuditCsv() {}

    static String write(List<AuditEntry> entries) {
        StringBuilder out = new StringBuilder(BOM).append(HEADER).append("\r\n");
        for (AuditEntry entry : entries) {
            out.append(entry.seq()).append(';')
                    .append(cell(ChainHashes.formatRecordedAt(entry.recordedAt()))).append(';')
                    .append(cell(entry.actor())).append(';')
                    .append(cell(entry.action())).append(';')
                    .append(cell(entry.capsuleId())).append(';')
                    .append(entry.capsuleVersion() == null ? "" : entry.capsuleVersion()).append(';')
                    .append(cell(CanonicalJson.write(entry.details()))).append(';')
                    .append(cell(entry.hash()))
                    .append("\r\n");
        }
        return out.toString();
    }

    static String cell(String value) {
        if (value == null || value.isEmpty()) {
            return "";
        }
        String safe = fr.capsules.app.export.SpreadsheetCells.neutralise(value);
        if (safe.indexOf(';') >= 0 || safe.indexOf('"') >= 0 || safe.indexOf('\n') >= 0 || safe.indexOf('\r') >= 0) {
            return '"' + safe.replace("\"", "\"\"") + '"';
        }
        return safe;
    }
}
