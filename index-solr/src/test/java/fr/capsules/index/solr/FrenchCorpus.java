package fr.capsules.index.solr;

import fr.capsules.ingest.SourceFile;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** Short synthetic French documents of two capsules, written for these tests. */
final class FrenchCorpus {

    private FrenchCorpus() {}

    static List<SourceFile> healthEnvironment() {
        return List.of(
                text("legionellose.txt", """
                        # Prévention de la légionellose dans les établissements de santé

                        La surveillance des réseaux d'eau chaude sanitaire est obligatoire. La température \
                        de l'eau doit rester supérieure à 50 °C en tout point du réseau, et à 55 °C en sortie \
                        de production. Les prélèvements pour la recherche de légionelles sont réalisés au moins \
                        une fois par an aux points d'usage à risque.

                        ## Conduite à tenir en cas de dépassement

                        Au-delà de 1 000 UFC/L, l'établissement informe l'agence régionale de santé dans les \
                        24 heures, restreint l'usage des douches et engage un traitement de choc du réseau."""),
                text("radon.txt", """
                        # Le radon dans les établissements recevant du public

                        Le radon est un gaz radioactif d'origine naturelle. Dans les zones à potentiel \
                        significatif, le dépistage est obligatoire dans les écoles, les crèches et les \
                        établissements sanitaires et médico-sociaux. Le niveau de référence est de 300 Bq/m3 \
                        en moyenne annuelle. Au-delà, des travaux de remédiation et une nouvelle mesure \
                        sont exigés dans un délai de trente-six mois."""),
                text("canicule.txt", """
                        # Plan canicule : réponse des établissements pour personnes âgées

                        Chaque EHPAD dispose d'une pièce rafraîchie et d'un plan bleu. Lors du déclenchement \
                        du niveau rouge de vigilance, la direction renforce l'hydratation des résidents, \
                        adapte les horaires de sortie et signale sans délai tout décès suspect à l'agence \
                        régionale de santé. Le délai de réponse attendu des établissements est de deux heures."""),
                text("eau-potable.txt", """
                        # Contrôle sanitaire des eaux destinées à la consommation humaine

                        Le contrôle sanitaire est organisé par l'agence régionale de santé. Les analyses \
                        portent sur les paramètres microbiologiques, les nitrates et les pesticides. En cas de \
                        non-conformité, la personne responsable de la production ou de la distribution \
                        informe les abonnés et met en œuvre des mesures correctives dans les meilleurs délais."""));
    }

    static List<SourceFile> humanResources() {
        return List.of(
                text("conges.txt", """
                        # Congés annuels des agents

                        Les congés annuels sont de cinq fois les obligations hebdomadaires de service. La \
                        demande est déposée au moins un mois à l'avance auprès du service des ressources \
                        humaines. Les jours de fractionnement s'ajoutent en cas de congés pris hors de la \
                        période du 1er mai au 31 octobre."""),
                text("teletravail.txt", """
                        # Télétravail

                        Le télétravail est ouvert aux agents dont les fonctions le permettent, dans la limite \
                        de trois jours par semaine. La température des locaux et l'eau chaude des sanitaires \
                        relèvent du service logistique, qui répond dans un délai de deux jours."""));
    }

    private static SourceFile text(String name, String content) {
        return SourceFile.of(name, content.getBytes(StandardCharsets.UTF_8));
    }
}
