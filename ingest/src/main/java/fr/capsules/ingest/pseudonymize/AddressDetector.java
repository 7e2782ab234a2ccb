package fr.capsules.ingest.pseudonymize;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds postal addresses: a number (with "bis", "ter" or a letter), a type of way (rue, avenue,
 * bd, place, allée, impasse, chemin, route, quai, résidence, lieu-dit…), the way's name, then
 * optionally a postal code and a city on the same line or the next ("12 rue des Lilas, 59000
 * Lille", "3 bis, avenue du Général de Gaulle⏎59100 ROUBAIX", "8 allée Jean-Baptiste Lebas 59800
 * Lille Cedex"). A way without a number names a street, not a home, and is left alone.
 *
 * <p>The {@link Detection#key()} is the number, way and name folded, abbreviations expanded
 * ("av." → avenue), without postal code and city: one address written with or without its city
 * gets one pseudonym.
 */
public final class AddressDetector implements Detector {

    private static final String WAY = "rue|avenue|av\\.?|boulevard|bd|bld|place|pl\\.|allée|allées|impasse|imp\\.|chemin|ch\\."
            + "|route|rte|quai|cours|square|passage|faubourg|fbg|rond-point|lotissement|lot\\.|hameau|voie|sentier"
            + "|promenade|esplanade|cité|villa|parvis|ruelle|traverse|montée|clos|domaine|résidence|chaussée|mail"
            + "|sente|venelle|carrefour|rampe|levée|digue|grand['’]rue|grande[ -]rue|lieu-dit|ZA|ZI|ZAC";
    private static final String NAME_WORD = "(?:\\p{Lu}[\\p{L}'’-]*|\\d{1,4}(?=[ \\u00A0]+\\p{Lu})"
            + "|(?:de|du|des|la|le|les|aux|à|et|sur|sous|en)(?=[ \\u00A0]+\\p{L})|[ld]['’](?=\\p{L}))";
    private static final Pattern ADDRESS = Pattern.compile(
            "(?<![\\p{L}\\p{N},./-])(?<number>\\d{1,4}(?:[ \\u00A0]?(?:bis|ter|quater|[A-Da-d])(?![\\p{L}]))?),?[ \\u00A0]+"
                    + "(?<way>(?i:" + WAY + "))[ \\u00A0]+"
                    + "(?<name>" + NAME_WORD + "(?:(?:[ \\u00A0]+|(?<=['’]))" + NAME_WORD + "){0,7})"
                    + "(?<city>(?:[ \\u00A0]*,?[ \\u00A0]*\\n?[ \\u00A0]*|[ \\u00A0]*[-–][ \\u00A0]*)"
                    + "(?:\\d{5}|\\d{2}[ \\u00A0]\\d{3})[ \\u00A0]+\\p{Lu}[\\p{L}'’-]*(?:[ \\u00A0]+(?:\\p{Lu}[\\p{L}'’-]*|sur|sous|en|de|d['’]\\p{L}+|lès|les)){0,4}"
                    + "(?:[ \\u00A0]+(?:CEDEX|Cedex)(?:[ \\u00A0]+\\d{1,2})?)?)?",
            Pattern.UNICODE_CASE);
    private static final Map<String, String> ABBREVIATIONS = Map.ofEntries(
            Map.entry("AV", "AVENUE"), Map.entry("AV.", "AVENUE"), Map.entry("BD", "BOULEVARD"),
            Map.entry("BLD", "BOULEVARD"), Map.entry("PL.", "PLACE"), Map.entry("IMP.", "IMPASSE"),
            Map.entry("CH.", "CHEMIN"), Map.entry("RTE", "ROUTE"), Map.entry("FBG", "FAUBOURG"),
            Map.entry("LOT.", "LOTISSEMENT"));

    @Override
    public List<Detection> detect(String text) {
        List<Detection> found = new ArrayList<>();
        Matcher m = ADDRESS.matcher(text);
        while (m.find()) {
            int end = trimTrailingParticles(text, m.start("name"), m.end("name"));
            if (m.group("city") != null) {
                end = m.end("city");
            }
            if (end <= m.start("name")) {
                continue;
            }
            found.add(Detection.of(Category.ADDRESS, m.start(), end, key(m, text.substring(m.start("name"),
                    trimTrailingParticles(text, m.start("name"), m.end("name"))))));
        }
        return found;
    }

    /** A way's name does not end on "de" or "la": those start the next words. */
    private static int trimTrailingParticles(String text, int start, int end) {
        String name = text.substring(start, end);
        String trimmed = name.replaceFirst("(?:[ \\u00A0]+(?:de|du|des|la|le|les|aux|à|et|sur|sous|en|l['’]|d['’]))+$", "");
        return start + trimmed.length();
    }

    private static String key(Matcher m, String name) {
        String way = Folding.name(m.group("way"));
        way = ABBREVIATIONS.getOrDefault(way, way);
        return Folding.alphanumeric(m.group("number")) + " " + way + " " + Folding.name(name).replaceAll("[^\\p{L}\\p{N}]+", " ").trim();
    }
}
