package fr.capsules.ingest.pseudonymize;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds establishment names: a kind of establishment ("EHPAD", "Résidence", "Clinique", "Centre
 * hospitalier", "CHU", "Hôpital", "Foyer", "Maison d'accueil spécialisée", "IME", "SSIAD"…) followed
 * by its name, capitalised words or a quoted name ("EHPAD Les Tilleuls", "EHPAD « Le Clos Fleuri »",
 * "Centre hospitalier de Valenciennes", "Hôpital Jean Jaurès", "Clinique Saint-Roch").
 *
 * <p>By default these spans are protected: no person or address rule replaces a word inside them
 * ("EHPAD Jean Moulin" names no person). When {@link Category#ESTABLISHMENT} is switched on, they are
 * replaced like other categories. The {@link Detection#key()} is the folded name.
 */
public final class EstablishmentDetector implements Detector {

    private static final String KIND = "EHPAD|Ehpad|EHPA|USLD|SSIAD|SAAD|SPASAD|MAS|FAM|IME|ITEP|ESAT|SAVS|SAMSAH|CAMSP"
            + "|CMPP|CMP|CSAPA|CHRS|MECS|CHU|CHRU|CHR|CHI|CHS|CH|GHT|HAD"
            + "|(?i:r[ée]sidences?|foyers?(?:[ \\u00A0]+(?:logement|de[ \\u00A0]+vie|d['’]accueil[ \\u00A0]+médicalisé))?"
            + "|polycliniques?|cliniques?|h[ôo]pital|hôpitaux|hospices?|centres?[ \\u00A0]+hospitaliers?"
            + "(?:[ \\u00A0]+(?:universitaire|régional(?:[ \\u00A0]+universitaire)?|intercommunal|spécialisé|départemental))?"
            + "|groupe(?:ment)?[ \\u00A0]+hospitalier|maison[ \\u00A0]+de[ \\u00A0]+(?:retraite|santé)"
            + "|maison[ \\u00A0]+d['’]accueil[ \\u00A0]+spécialisée|centre[ \\u00A0]+de[ \\u00A0]+(?:santé|soins|rééducation)"
            + "|centre[ \\u00A0]+médical|institut|pharmacie|laboratoire|association|fondation|village|lycée|collège|école"
            + "|accueil[ \\u00A0]+de[ \\u00A0]+jour|pôle[ \\u00A0]+de[ \\u00A0]+santé)";
    private static final String ADJECTIVE = "(?:privée?|publique?|local|gériatrique|psychiatrique|médicalisée?"
            + "|mutualiste|départemental|régional|universitaire|intercommunal|spécialisée?)";
    private static final String NAME_WORD = "(?:\\p{Lu}[\\p{L}'’-]*(?<!['’])|(?:\\p{Lu}['’]|[ld]['’])\\p{Lu}[\\p{L}'’-]*)";
    private static final String LINK = "(?:de|du|des|de[ \\u00A0]+la|de[ \\u00A0]+l['’]|d['’]|la|le|les|et|sur|en|lès|aux)";
    private static final Pattern ESTABLISHMENT = Pattern.compile(
            "(?=[ACEFGHILMPRSUVÉacefghilmprvé])(?<![\\p{L}])(?:" + KIND + ")(?:[ \\u00A0]+" + ADJECTIVE + ")?"
                    + "(?:[ \\u00A0]*[«\"“][ \\u00A0]*[^»\"”\\n]{1,60}?[ \\u00A0]*[»\"”]"
                    + "|(?:[ \\u00A0]+(?:" + LINK + "[ \\u00A0]*)?(?!(?:M|Mme|Mlle|Dr|Me|Pr)\\.?[ \\u00A0])" + NAME_WORD + ")"
                    + "(?:[ \\u00A0]+(?:" + LINK + "[ \\u00A0]*)?(?!(?:M|Mme|Mlle|Dr|Me|Pr)\\.?[ \\u00A0])" + NAME_WORD + "){0,4})",
            Pattern.UNICODE_CASE);

    @Override
    public List<Detection> detect(String text) {
        List<Detection> found = new ArrayList<>();
        Matcher m = ESTABLISHMENT.matcher(text);
        while (m.find()) {
            found.add(Detection.of(Category.ESTABLISHMENT, m.start(), m.end(), Folding.name(m.group())));
        }
        return found;
    }
}
