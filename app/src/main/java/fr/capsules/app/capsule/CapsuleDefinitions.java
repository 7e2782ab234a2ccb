package fr.capsules.app.capsule;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * Reads and checks capsule definitions (YAML files or API bodies). Every definition that leaves
 * this class has passed validation; every failure names the file, the field and what is wrong.
 * Thread-safe.
 */
@Component
public class CapsuleDefinitions {

    static final String FILE_NAME = "capsule.yaml";

    private final YAMLMapper yaml =
            YAMLMapper.builder()
                    .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                    .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                    .build();
    private final Validator validator;

    /** With the constraints' standard messages in French, whatever the server's locale. */
    @org.springframework.beans.factory.annotation.Autowired
    public CapsuleDefinitions() {
        this(frenchValidator());
    }

    public CapsuleDefinitions(Validator validator) {
        this.validator = validator;
    }

    private static Validator frenchValidator() {
        jakarta.validation.Configuration<?> configuration = jakarta.validation.Validation.byDefaultProvider().configure();
        jakarta.validation.MessageInterpolator standard = configuration.getDefaultMessageInterpolator();
        configuration.messageInterpolator(new jakarta.validation.MessageInterpolator() {
            @Override
            public String interpolate(String template, Context context) {
                return standard.interpolate(template, context, java.util.Locale.FRENCH);
            }

            @Override
            public String interpolate(String template, Context context, java.util.Locale locale) {
                return standard.interpolate(template, context, java.util.Locale.FRENCH);
            }
        });
        // The factory lives as long as the service (one per application context).
        return configuration.buildValidatorFactory().getValidator();
    }

    /** Reads {@code folder/capsule.yaml}; its id must equal the folder name. */
    public CapsuleDefinition read(Path folder) {
        Path file = folder.resolve(FILE_NAME);
        String source = file.toString();
        CapsuleDefinition definition;
        try {
            definition = yaml.readValue(Files.readString(file), CapsuleDefinition.class);
        } catch (IOException e) {
            throw new InvalidCapsuleDefinitionException(
                    List.of(new DefinitionProblem(source, "", "fichier illisible (" + e.getMessage() + ")")));
        } catch (JacksonException e) {
            throw new InvalidCapsuleDefinitionException(List.of(problemOf(source, e)));
        }
        if (definition == null) {
            throw new InvalidCapsuleDefinitionException(
                    List.of(new DefinitionProblem(source, "", "fichier vide")));
        }
        check(source, definition);
        String folderName = folder.getFileName().toString();
        if (!folderName.equals(definition.id())) {
            throw new InvalidCapsuleDefinitionException(
                    List.of(
                            new DefinitionProblem(
                                    source,
                                    "id",
                                    "« " + definition.id() + " » diffère du nom du dossier « " + folderName
                                            + " » : ils doivent être identiques")));
        }
        return definition;
    }

    /** Checks a definition received from the API or read from a file. */
    public CapsuleDefinition check(String source, CapsuleDefinition definition) {
        Set<ConstraintViolation<CapsuleDefinition>> violations = validator.validate(definition);
        if (!violations.isEmpty()) {
            List<DefinitionProblem> problems =
                    violations.stream()
                            .map(v -> new DefinitionProblem(source, fieldOf(v), messageOf(v)))
                            .sorted(Comparator.comparing(DefinitionProblem::field))
                            .toList();
            throw new InvalidCapsuleDefinitionException(problems);
        }
        return definition;
    }

    /** Writes a definition as YAML (for capsules created or changed through the API). */
    public void write(Path folder, CapsuleDefinition definition) throws IOException {
        Files.createDirectories(folder);
        Path target = folder.resolve(FILE_NAME);
        Path temp = folder.resolve(FILE_NAME + ".tmp");
        Files.writeString(temp, yaml.writeValueAsString(definition));
        Files.move(
                temp,
                target,
                java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }

    private static DefinitionProblem problemOf(String source, JacksonException e) {
        String field =
                e.getPath().stream()
                        .map(r -> r.getPropertyName() != null ? r.getPropertyName() : "[" + r.getIndex() + "]")
                        .collect(Collectors.joining("."))
                        .replace(".[", "[");
        String message;
        if (e instanceof UnrecognizedPropertyException u) {
            message = "champ inconnu « " + u.getPropertyName() + " »";
        } else if (e instanceof MismatchedInputException m && m.getTargetType() != null) {
            message = "valeur invalide : " + expected(m.getTargetType());
        } else if (e.getLocation() != null && e.getPath().isEmpty()) {
            message = "YAML mal formé ligne " + e.getLocation().getLineNr() + " : " + firstLine(e.getOriginalMessage());
        } else {
            message = "valeur invalide : " + firstLine(e.getOriginalMessage());
        }
        return new DefinitionProblem(source, field, message);
    }

    private static String expected(Class<?> type) {
        if (type.isEnum()) {
            String values = java.util.Arrays.stream(type.getEnumConstants())
                    .map(c -> c.toString().toLowerCase(java.util.Locale.ROOT))
                    .collect(Collectors.joining(", "));
            return "attendu une des valeurs : " + values;
        }
        if (type == String.class) {
            return "attendu un texte";
        }
        if (type == Integer.class || type == int.class) {
            return "attendu un nombre entier";
        }
        if (Number.class.isAssignableFrom(type) || type == double.class) {
            return "attendu un nombre";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "attendu true ou false";
        }
        if (java.util.Collection.class.isAssignableFrom(type)) {
            return "attendu une liste";
        }
        return "attendu un objet (champs imbriqués)";
    }

    private static String fieldOf(ConstraintViolation<?> violation) {
        String path = violation.getPropertyPath().toString();
        // Class-level checks are declared on isXxx() methods; report the field they are about.
        return switch (path) {
            case "tableDeclaredWhenTableKind", "tableOnlyForTableKind" -> "table";
            case "scope.servicesListedWhenRestricted" -> "scope.services";
            case "table.columnNamesUnique" -> "table.columns";
            default -> path.replaceAll("\\.<list element>", "").replaceAll("<list element>", "");
        };
    }

    private static String messageOf(ConstraintViolation<?> violation) {
        String message = violation.getMessage();
        Object value = violation.getInvalidValue();
        if (value instanceof String s && !s.isEmpty() && s.length() < 100) {
            return message + " (valeur : « " + s + " »)";
        }
        return message;
    }

    private static String firstLine(String text) {
        if (text == null) {
            return "";
        }
        int newline = text.indexOf('\n');
        return newline < 0 ? text : text.substring(0, newline);
    }
}
