package fr.capsules.app.capsule;

import java.util.List;

/** The JSON shapes of the capsule endpoints ({@code ../shared/API.md}). */
final class CapsuleViews {

    private CapsuleViews() {}

    record ScopeView(boolean generic, List<String> services) {
        static ScopeView of(CapsuleDefinition.Scope scope) {
            return new ScopeView(scope.generic(), scope.services());
        }
    }

    record Summary(
            String id, String name, String description, CapsuleKind kind, ScopeView scope, CapsuleStatus status, int version) {
        static Summary of(Capsule capsule) {
            CapsuleDefinition d = capsule.definition();
            return new Summary(d.id(), d.name(), d.description(), d.kind(), ScopeView.of(d.scope()), d.status(), d.version());
        }
    }

    record TableView(List<CapsuleDefinition.Column> columns) {}

    record Detail(
            String id,
            String name,
            String description,
            String purpose,
            String referent,
            CapsuleKind kind,
            ScopeView scope,
            CapsuleStatus status,
            int version,
            String instructions,
            int documentCount,
            TableView table,
            CapsuleDefinition.RetrievalSettings retrieval,
            String model,
            CapsuleDefinition.ValidationSettings validation,
            boolean pseudonymised,
            CapsuleDefinition.PseudonymisationSettings pseudonymisation,
            OriginalsAccess originals,
            List<String> maintainers) {
        static Detail of(Capsule capsule, int documentCount) {
            CapsuleDefinition d = capsule.definition();
            return new Detail(
                    d.id(), d.name(), d.description(), d.purpose(), d.referent(), d.kind(), ScopeView.of(d.scope()),
                    d.status(), d.version(), d.instructions(), documentCount,
                    d.table() == null ? null : new TableView(d.table().columns()), d.retrieval(), d.model(),
                    d.validation(), d.pseudonymised(), d.pseudonymisation(), d.originals(), d.maintainers());
        }
    }
}
