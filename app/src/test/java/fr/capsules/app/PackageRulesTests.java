package fr.capsules.app;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The package rules of the service, checked on its compiled classes: features may depend on each
 * other one way only, HTTP is mapped at the edge ({@code web}) that nothing else imports, and
 * Ollama stays behind the model port.
 */
class PackageRulesTests {

    private static final JavaClasses SERVICE = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("fr.capsules.app");

    @Test
    void featuresDoNotDependOnEachOtherInACircle() {
        slices().matching("fr.capsules.app.(*)..").namingSlices("$1")
                .should().beFreeOfCycles()
                .check(SERVICE);
    }

    @Test
    void noTwoPackagesDependOnEachOtherInACircle() {
        slices().matching("fr.capsules.app.(**)").namingSlices("$1")
                .should().beFreeOfCycles()
                .check(SERVICE);
    }

    @Test
    void onlyTheWebEdgeImportsTheWebEdge() {
        noClasses().that().resideOutsideOfPackage("fr.capsules.app.web..")
                .should().dependOnClassesThat().resideInAPackage("fr.capsules.app.web..")
                .because("domain errors become HTTP problems in web, which features must not know")
                .check(SERVICE);
    }

    @Test
    void domainErrorsKnowNothingOfHttp() {
        // By name rather than by assignability to Throwable: the latter needs the JDK's supertypes
        // resolved, which ArchUnit does not always do when importing by package.
        noClasses().that().haveSimpleNameEndingWith("Exception").and().resideOutsideOfPackage("fr.capsules.app.web..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "org.springframework.http..", "org.springframework.web..", "jakarta.servlet..")
                .because("the web edge decides how each failure is answered (ProblemMapping)")
                .check(SERVICE);
    }

    @Test
    void theKernelDependsOnNoFeature() {
        classes().that().resideInAPackage("fr.capsules.app.kernel..")
                .should().onlyDependOnClassesThat().resideInAnyPackage("fr.capsules.app.kernel..", "java..")
                .because("every feature may use the kernel, so it may use none")
                .check(SERVICE);
    }

    @Test
    void onlyTheOllamaAdapterKnowsOllama() {
        noClasses().that().resideOutsideOfPackage("fr.capsules.app.llm.ollama..")
                .should().dependOnClassesThat().resideInAPackage("dev.langchain4j.model.ollama..")
                .because("the rest of the service talks to the model port in fr.capsules.app.llm")
                .check(SERVICE);
    }

    @Test
    void onlyTheOllamaAdapterUsesLangChain4j() {
        noClasses().that().resideOutsideOfPackage("fr.capsules.app.llm.ollama..")
                .should().dependOnClassesThat().resideInAPackage("dev.langchain4j..")
                .because("LangChain4j is how the Ollama adapter talks to the server, not a type the service passes around")
                .check(SERVICE);
    }

    @Test
    void onlyTheIndexConfigurationNamesAnIndexBackend() {
        noClasses().that().doNotHaveFullyQualifiedName("fr.capsules.app.document.IndexConfiguration")
                .should().dependOnClassesThat().resideInAnyPackage("fr.capsules.ingest.index.lucene..", "fr.capsules.index.solr..")
                .because("the service works on the index port; which engine stands behind it is chosen in one place")
                .check(SERVICE);
    }

    @Test
    void noServiceClassTalksToSolrOrLuceneDirectly() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage("org.apache.solr..", "org.apache.lucene..")
                .because("only the index backends (ingest index.lucene, index-solr) import their engine's client")
                .check(SERVICE);
    }
}
