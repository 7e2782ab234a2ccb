import java.util.ArrayList;
import java.util.Calendar;
import java.util.List;

/**
 * One historical EHPAD inspection report: context, method, findings (écarts E1…, remarques R1…)
 * grouped by theme, conclusion and the annexed table of measures derived from the same findings,
 * so that the narrative and the table never disagree.
 */
final class InspectionReport {

    record Finding(String code, String theme, String narrative, String constat, String reference, String mesure,
            String nature, String delai) {
        boolean ecart() { return code.startsWith("E"); }
    }

    final String path;
    String title;
    String subtitle;
    String metaTitle;
    Calendar created;
    final List<String> contexte = new ArrayList<>();
    final List<String> methodologie = new ArrayList<>();
    final List<Finding> findings = new ArrayList<>();
    final List<String> conclusion = new ArrayList<>();
    String[] scannedAnnex;
    boolean ligatures;

    InspectionReport(String path, String title, String subtitle) {
        this.path = path;
        this.title = title;
        this.subtitle = subtitle;
    }

    InspectionReport contexte(String... p) { contexte.addAll(List.of(p)); return this; }
    InspectionReport methodologie(String... p) { methodologie.addAll(List.of(p)); return this; }
    InspectionReport conclusion(String... p) { conclusion.addAll(List.of(p)); return this; }
    InspectionReport e(String code, String theme, String narrative, String constat, String ref, String mesure, String nature, String delai) {
        findings.add(new Finding(code, theme, narrative, constat, ref, mesure, nature, delai));
        return this;
    }

    Doc toDoc() {
        Doc d = new Doc(path, title).subtitle(subtitle).hyphenate()
                .footer("Rapport d'inspection — document administratif communicable après occultation");
        if (metaTitle != null) d.meta(metaTitle, "ARS — Direction de l'autonomie", created);
        else d.noMetaTitle("ARS", created);
        if (ligatures) d.ligatures();
        d.h1("1. Contexte de l'inspection");
        contexte.forEach(d::p);
        d.h1("2. Méthodologie");
        methodologie.forEach(d::p);
        d.h1("3. Constats");
        d.p("Les constats sont présentés par thème. Les écarts (E) correspondent à la méconnaissance d'une "
                + "disposition législative ou réglementaire ; les remarques (R) signalent un dysfonctionnement ou "
                + "un manquement à une recommandation de bonnes pratiques ne relevant pas d'une obligation "
                + "réglementaire.");
        String theme = null;
        int n = 0;
        for (Finding f : findings) {
            if (!f.theme().equals(theme)) {
                theme = f.theme();
                d.h2("3." + (++n) + " " + theme);
            }
            String kind = f.ecart() ? "Écart " : "Remarque ";
            String tail = f.ecart() ? " Écart à : " + f.reference() + "." : " Référence : " + f.reference() + ".";
            d.p(kind + f.code() + " : " + f.narrative() + tail);
        }
        d.h1("4. Conclusion");
        conclusion.forEach(d::p);
        if (scannedAnnex != null) d.scan(path.hashCode(), scannedAnnex);
        d.pageBreak();
        d.h1("Annexe : tableau des mesures");
        d.p("Le tableau ci-dessous récapitule les mesures correctives que l'établissement doit mettre en œuvre. "
                + "Les délais courent à compter de la réception du rapport définitif.");
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"N°", "Constat", "Référence", "Mesure", "Nature", "Délai"});
        for (Finding f : findings) rows.add(new String[] {f.code(), f.constat(), f.reference(), f.mesure(), f.nature(), f.delai()});
        d.table(new double[] {0.6, 3, 2.3, 3.2, 1.75, 1.25}, rows.toArray(String[][]::new));
        return d;
    }
}
