package fr.capsules.index.solr;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.apache.solr.client.solrj.SolrRequest;
import org.junit.jupiter.api.Test;

/** The Solr backend uses the index port and SolrJ, and nothing of the embedded backend or of Lucene. */
class SolrPackageRulesTests {

    private static final JavaClasses BACKEND = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("fr.capsules.index.solr");

    @Test
    void theSolrBackendKnowsNeitherLuceneNorTheEmbeddedBackend() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage("org.apache.lucene..", "fr.capsules.ingest.index.lucene..")
                .because("Solr's Lucene 9 runs in the cluster; the service's Lucene 10 is the embedded backend's business,"
                        + " and the analysis chain is reached through ingest analysis.IndexTerms")
                .check(BACKEND);
    }

    @Test
    void requestsAreSentOnlyByCapsuleCollectionAndTheCollectionsAdministration() {
        // Capsule isolation in one place: a search or a write reaches the cluster only through the
        // collection of its capsule; the administration (aliases, creation, deletion) sends no query.
        noClasses().that().doNotHaveSimpleName("CapsuleCollection").and().doNotHaveSimpleName("ClusterCollections")
                .should().callMethod(SolrNodes.class, "send", SolrRequest.class, String.class)
                .check(BACKEND);
        noClasses().that().doNotHaveSimpleName("CapsuleCollection").and().doNotHaveSimpleName("SolrNodes")
                .should().callMethodWhere(com.tngtech.archunit.core.domain.JavaCall.Predicates.target(
                        com.tngtech.archunit.core.domain.properties.HasName.Predicates.name("process")))
                .check(BACKEND);
    }
}
