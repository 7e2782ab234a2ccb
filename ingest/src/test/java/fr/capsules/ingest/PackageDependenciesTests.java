package fr.capsules.ingest;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;
import org.junit.jupiter.api.Test;

/**
 * The shape of the module, checked on its compiled classes: packages that depend on each other
 * one way only, and Lucene known to the Lucene implementation of the index port (plus the analysis
 * chain, which is Lucene's analyzer) and to nothing else.
 */
class PackageDependenciesTests {

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("fr.capsules.ingest");

    /** Every package is a slice of its own, the root and nested packages included. */
    private static final SliceAssignment EACH_PACKAGE = new SliceAssignment() {
        @Override
        public SliceIdentifier getIdentifierOf(JavaClass javaClass) {
            return javaClass.getPackageName().startsWith("fr.capsules.ingest")
                    ? SliceIdentifier.of(javaClass.getPackageName())
                    : SliceIdentifier.ignore();
        }

        @Override
        public String getDescription() {
            return "every package of fr.capsules.ingest";
        }
    };

    @Test
    void noPackageDependsOnAPackageThatDependsOnIt() {
        slices().assignedFrom(EACH_PACKAGE).should().beFreeOfCycles().check(CLASSES);
    }

    @Test
    void onlyTheLuceneImplementationAndTheAnalysisChainUseLucene() {
        noClasses()
                .that().resideOutsideOfPackages("fr.capsules.ingest.index.lucene..", "fr.capsules.ingest.analysis..")
                .should().dependOnClassesThat().resideInAPackage("org.apache.lucene..")
                .check(CLASSES);
    }

    @Test
    void onlyTheCommandLinesMainCommandNamesTheLuceneImplementation() {
        noClasses()
                .that().resideOutsideOfPackage("fr.capsules.ingest.index.lucene..")
                .and().doNotHaveFullyQualifiedName("fr.capsules.ingest.cli.IngestCommand")
                .should().dependOnClassesThat().resideInAPackage("fr.capsules.ingest.index.lucene..")
                .check(CLASSES);
    }
}
