package fr.capsules.ingest.pseudonymize;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The word lists behind name detection, folded ({@link Folding#name}) for lookup: French first
 * names, surnames that are everyday words, capitalised words that never belong to a name (titles,
 * function words, months, acronyms of the health and social sector) and particles.
 */
final class NameLexicon {

    private static final NameLexicon INSTANCE = new NameLexicon();

    // Set.copyOf tolerates a word listed under two headings.
    private static final Set<String> STOP = Set.copyOf(List.of(
            // Function words and pronouns that start sentences.
            "LE", "LA", "LES", "L", "UN", "UNE", "DES", "DU", "AU", "AUX", "ET", "OU", "MAIS", "DONC", "OR", "NI",
            "CAR", "SI", "IL", "ELLE", "ILS", "ELLES", "ON", "NOUS", "VOUS", "JE", "CE", "CET", "CETTE", "CES",
            "SON", "SA", "SES", "LEUR", "LEURS", "EN", "DANS", "PAR", "POUR", "SUR", "SOUS", "AVEC", "SANS",
            "SELON", "LORS", "DEPUIS", "APRES", "AVANT", "QUAND", "COMME", "PUIS", "AINSI", "ENFIN", "QUI", "QUE",
            "QUOI", "DONT", "CELA", "CECI", "TOUT", "TOUS", "TOUTE", "TOUTES", "AUCUN", "AUCUNE", "CHAQUE", "NE",
            "PAS", "PLUS", "TRES", "BIEN", "ALORS", "CEPENDANT", "TOUTEFOIS", "NEANMOINS", "OUI", "NON", "A",
            "VOIR", "CF", "NB", "OBJET", "REF", "PJ", "TEL", "FAX", "MAIL", "COURRIEL", "EMAIL", "SIGNE",
            // Titles and roles written after a civility or in a signature block.
            "DIRECTEUR", "DIRECTRICE", "DIRECTION", "PRESIDENT", "PRESIDENTE", "INSPECTEUR", "INSPECTRICE",
            "MEDECIN", "INFIRMIER", "INFIRMIERE", "CADRE", "CHEF", "RESPONSABLE", "SECRETAIRE", "ADJOINT",
            "ADJOINTE", "GENERAL", "GENERALE", "DELEGUE", "DELEGUEE", "DEPARTEMENTAL", "DEPARTEMENTALE",
            "REGIONAL", "REGIONALE", "PREFET", "PREFETE", "MAIRE", "MINISTRE", "JUGE", "PROCUREUR", "DOCTEUR",
            "PROFESSEUR", "MONSIEUR", "MADAME", "MADEMOISELLE", "MME", "MLLE", "MR", "DR", "PR", "ME", "MM",
            "MAITRE", "INGENIEUR", "INGENIEURE", "PHARMACIEN", "PHARMACIENNE", "REFERENT", "REFERENTE",
            "COORDONNATEUR", "COORDONNATRICE", "GESTIONNAIRE", "CHARGE", "CHARGEE", "MISSION", "SERVICE",
            "POLE", "UNITE", "AGENCE", "DELEGATION", "SECRETARIAT", "CELLULE", "BUREAU", "COMMISSION", "COMITE",
            "ANTENNE", "PLATEFORME", "CAISSE", "SIEGE", "MEMBRE", "DEFENSEUR", "DEFENSEURE", "CONSEILLER", "CONSEILLERE",
            // Establishments and institutions.
            "EHPAD", "EHPA", "RESIDENCE", "CLINIQUE", "HOPITAL", "CENTRE", "FOYER", "MAISON", "INSTITUT",
            "ASSOCIATION", "FONDATION", "GROUPE", "SOCIETE", "CONSEIL", "TRIBUNAL", "COUR", "DEPARTEMENT",
            "REGION", "COMMUNE", "VILLE", "MAIRIE", "PREFECTURE", "ETAT", "REPUBLIQUE", "FRANCE", "SANTE",
            "RUE", "AVENUE", "BOULEVARD", "PLACE", "CHEMIN", "ROUTE", "IMPASSE", "ALLEE", "QUAI", "SAINT",
            "SAINTE", "ST", "STE", "CEDEX",
            // Diseases named after people, written after "résident" or "patient".
            "ALZHEIMER", "PARKINSON", "COVID",
            // Acronyms of the health and social sector.
            "ARS", "CASF", "CSP", "CSS", "IDE", "IDEC", "AS", "ASH", "AES", "AMP", "AVS", "CPAM", "MDPH", "CAF",
            "CHU", "CHRU", "CHR", "CH", "CHS", "CHI", "GHT", "USLD", "SSR", "SMR", "MAS", "FAM", "IME", "ESAT",
            "SSIAD", "SAAD", "SPASAD", "GIR", "AGGIR", "PASA", "UHR", "UVP", "CVS", "PAP", "PAI", "RH", "DRH",
            "CDD", "CDI", "DG", "DGA", "DT", "DD", "DOS", "DPO", "RGPD", "CNIL", "HAS", "ANESM", "FINESS",
            "SIRET", "SIREN", "NIR", "INS", "IBAN", "BIC", "RIB", "PDF", "URSSAF", "CNSA", "DREETS", "DDETS",
            "HAD", "SAMU", "SMUR", "EMS", "ESMS", "PUI", "DMP", "DLU", "PMR", "EPI", "SHA", "IGAS", "OMS",
            "CESU", "APA", "PCH", "AAH", "RSA", "TSA", "ITEP", "IEM", "SESSAD", "CAMSP", "CMPP", "CMP",
            "CSAPA", "CHRS", "MECS", "ASE", "PMI", "CCAS", "CLIC", "MAIA", "DAC", "CPTS", "MSP", "SAVS",
            "SAMSAH", "ETP", "TTC", "HT", "EUR", "NB", "RAS", "CR", "PV", "OK", "TV", "WC", "SDB", "UE"));

    // Calendar words end a name unless a civility announces one ("Mme Mai Nguyen", "M. Avril").
    private static final Set<String> CALENDAR = Set.of(
            "LUNDI", "MARDI", "MERCREDI", "JEUDI", "VENDREDI", "SAMEDI", "DIMANCHE", "JANVIER", "FEVRIER",
            "MARS", "AVRIL", "MAI", "JUIN", "JUILLET", "AOUT", "SEPTEMBRE", "OCTOBRE", "NOVEMBRE", "DECEMBRE");

    private static final Set<String> PARTICLES = Set.of(
            "DE", "DU", "DES", "D'", "LA", "LE", "VAN", "VON", "DER", "DEN", "DA", "DI", "DOS", "DAS", "DEL",
            "DELLA", "BEN", "BIN", "EL", "AL", "TER", "TEN", "Y");

    private final Set<String> firstNames = load("prenoms.txt");
    private final Set<String> commonWords = load("mots-communs.txt");

    static NameLexicon instance() {
        return INSTANCE;
    }

    /** True for a first name, or a hyphenated one whose parts are all first names ("Marie-Claire"). */
    boolean isFirstName(String word) {
        String folded = Folding.name(word);
        if (firstNames.contains(folded)) {
            return true;
        }
        if (folded.indexOf('-') < 0) {
            return false;
        }
        for (String part : folded.split("-")) {
            if (!firstNames.contains(part)) {
                return false;
            }
        }
        return true;
    }

    boolean isCommonWord(String word) {
        return commonWords.contains(Folding.name(word));
    }

    boolean isStopWord(String word) {
        String folded = Folding.name(word);
        return STOP.contains(folded) || CALENDAR.contains(folded);
    }

    boolean isCalendarWord(String word) {
        return CALENDAR.contains(Folding.name(word));
    }

    boolean isParticle(String word) {
        return PARTICLES.contains(Folding.name(word));
    }

    /** A short upper-case word without a vowel is an acronym (CHRU, SSR), not a name. */
    boolean isAcronym(String upperWord) {
        String folded = Folding.name(upperWord);
        return STOP.contains(folded) || (folded.length() <= 5 && !folded.matches(".*[AEIOUY].*"));
    }

    private static Set<String> load(String resource) {
        Set<String> words = new HashSet<>();
        try (InputStream in = NameLexicon.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + resource);
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line; (line = reader.readLine()) != null; ) {
                String word = line.strip();
                if (!word.isEmpty() && !word.startsWith("#")) {
                    words.add(Folding.name(word));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Set.copyOf(words);
    }
}
