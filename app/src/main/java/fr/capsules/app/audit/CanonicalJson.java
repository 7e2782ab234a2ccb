package fr.capsules.app.audit;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.temporal.TemporalAccessor;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The one serialisation of audit details that hashes are computed over: JSON without whitespace,
 * object keys sorted by {@link String#compareTo} (UTF-16 code units), strings escaped minimally
 * ({@code "}, {@code \}, control characters and unpaired surrogates; accents and other characters
 * written as themselves, UTF-8 when hashed), numbers in plain decimal notation without trailing
 * zeros ({@code 1.50} and {@code 1.5} are both {@code 1.5}, {@code 2.0} is {@code 2}).
 *
 * <p>The form is stable under a round trip: writing what {@link #read} returns gives back the same
 * text, so details read from the database hash exactly as they did when recorded.
 *
 * <p>Accepted values: {@code null}, strings (any {@link CharSequence}), booleans, finite numbers,
 * maps (keys written with {@code String.valueOf}), lists, sets and arrays of these, and, written
 * as their ISO-8601 or standard string form, {@link Enum}, {@link UUID} and {@code java.time}
 * values. Anything else is refused with {@link IllegalArgumentException} rather than written as an
 * unpredictable {@code toString()}.
 */
final class CanonicalJson {

    // Floats as BigDecimal so that reading never rounds a number the writer produced.
    private static final JsonMapper READER =
            JsonMapper.builder().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).build();

    private CanonicalJson() {}

    static String write(Object value) {
        StringBuilder out = new StringBuilder();
        write(value, out, 0);
        return out.toString();
    }

    /** Parses a JSON object written by {@link #write}; keys keep their (sorted) order. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> readObject(String json) {
        Object value = READER.readValue(json, Object.class);
        if (!(value instanceof Map<?, ?> map)) {
            throw new IllegalArgumentException("not a JSON object");
        }
        return (Map<String, Object>) map;
    }

    private static void write(Object value, StringBuilder out, int depth) {
        if (depth > 32) {
            // Details are small records of an action; this depth only comes from a cycle.
            throw new IllegalArgumentException("audit details nested too deeply (cycle?)");
        }
        switch (value) {
            case null -> out.append("null");
            case CharSequence text -> string(text.toString(), out);
            case Boolean bool -> out.append(bool);
            case Number number -> out.append(number(number));
            case Map<?, ?> map -> object(map, out, depth);
            case Iterable<?> items -> array(items, out, depth);
            case Object[] items -> array(List.of(items), out, depth);
            case Enum<?> constant -> string(constant.name(), out);
            case UUID uuid -> string(uuid.toString(), out);
            case TemporalAccessor time -> string(time.toString(), out);
            default -> throw new IllegalArgumentException(
                    "unsupported audit detail value of type " + value.getClass().getName());
        }
    }

    private static void object(Map<?, ?> map, StringBuilder out, int depth) {
        TreeMap<String, Object> sorted = new TreeMap<>();
        for (Map.Entry<?, ?> entry : map.entrySet()) {
            if (sorted.put(String.valueOf(entry.getKey()), entry.getValue()) != null) {
                throw new IllegalArgumentException("duplicate audit detail key " + entry.getKey());
            }
        }
        out.append('{');
        boolean first = true;
        for (Map.Entry<String, Object> entry : sorted.entrySet()) {
            if (!first) {
                out.append(',');
            }
            first = false;
            string(entry.getKey(), out);
            out.append(':');
            write(entry.getValue(), out, depth + 1);
        }
        out.append('}');
    }

    private static void array(Iterable<?> items, StringBuilder out, int depth) {
        out.append('[');
        boolean first = true;
        for (Object item : items) {
            if (!first) {
                out.append(',');
            }
            first = false;
            write(item, out, depth + 1);
        }
        out.append(']');
    }

    private static String number(Number number) {
        BigDecimal decimal =
                switch (number) {
                    case BigDecimal d -> d;
                    case BigInteger i -> new BigDecimal(i);
                    case Long l -> BigDecimal.valueOf(l);
                    case Integer i -> BigDecimal.valueOf(i);
                    case Short s -> BigDecimal.valueOf(s);
                    case Byte b -> BigDecimal.valueOf(b);
                    case Double d when d.isInfinite() || d.isNaN() -> throw nonFinite(d);
                    case Float f when f.isInfinite() || f.isNaN() -> throw nonFinite(f);
                    // Through the shortest decimal string, so 0.1 stays 0.1 and not 0.1000000000000000055…
                    case Double d -> new BigDecimal(Double.toString(d));
                    case Float f -> new BigDecimal(Float.toString(f));
                    default -> new BigDecimal(number.toString());
                };
        return decimal.signum() == 0 ? "0" : decimal.stripTrailingZeros().toPlainString();
    }

    private static IllegalArgumentException nonFinite(Number number) {
        return new IllegalArgumentException("audit details cannot hold " + number);
    }

    private static void string(String text, StringBuilder out) {
        out.append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                default -> {
                    if (c < 0x20 || unpairedSurrogate(text, i)) {
                        // An unpaired surrogate has no UTF-8 form: escaped, it survives the database.
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }

    private static boolean unpairedSurrogate(String text, int i) {
        char c = text.charAt(i);
        if (Character.isHighSurrogate(c)) {
            return i + 1 >= text.length() || !Character.isLowSurrogate(text.charAt(i + 1));
        }
        if (Character.isLowSurrogate(c)) {
            return i == 0 || !Character.isHighSurrogate(text.charAt(i - 1));
        }
        return false;
    }

    /** A deep, read-only copy of parsed details, for handing out in {@link AuditEntry}. */
    static Map<String, Object> unmodifiable(Map<String, Object> details) {
        Map<String, Object> copy = new LinkedHashMap<>();
        details.forEach((key, value) -> copy.put(key, unmodifiableValue(value)));
        return Collections.unmodifiableMap(copy);
    }

    @SuppressWarnings("unchecked")
    private static Object unmodifiableValue(Object value) {
        if (value instanceof Map<?, ?> map) {
            return unmodifiable((Map<String, Object>) map);
        }
        if (value instanceof List<?> list) {
            List<Object> copy = new ArrayList<>(list.size());
            list.forEach(item -> copy.add(unmodifiableValue(item)));
            return Collections.unmodifiableList(copy);
        }
        return value;
    }
}
