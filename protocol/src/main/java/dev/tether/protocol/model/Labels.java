package dev.tether.protocol.model;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An immutable set of label name/value pairs, kept sorted by name so that two sets with the same
 * pairs are equal however they were written. Names are unique.
 */
public final class Labels {
    public static final Labels EMPTY = new Labels(new String[0], new String[0]);

    private final String[] names;
    private final String[] values;
    private int hash;

    private Labels(String[] names, String[] values) {
        this.names = names;
        this.values = values;
    }

    /**
     * Labels from alternating names and values: {@code of("method", "GET", "status", "200")}.
     *
     * @throws IllegalArgumentException on an odd count, a null, an invalid or a duplicate name
     */
    public static Labels of(String... namesAndValues) {
        if (namesAndValues.length % 2 != 0) {
            throw new IllegalArgumentException("labels need name/value pairs, got an odd count");
        }
        int n = namesAndValues.length / 2;
        String[] names = new String[n];
        String[] values = new String[n];
        for (int i = 0; i < n; i++) {
            names[i] = namesAndValues[2 * i];
            values[i] = namesAndValues[2 * i + 1];
        }
        return fromArrays(names, values, n);
    }

    /** Labels from a map (its order does not matter). */
    public static Labels of(Map<String, String> map) {
        String[] names = new String[map.size()];
        String[] values = new String[map.size()];
        int i = 0;
        for (Map.Entry<String, String> e : map.entrySet()) {
            names[i] = e.getKey();
            values[i] = e.getValue();
            i++;
        }
        return fromArrays(names, values, i);
    }

    /**
     * Labels from the first {@code n} entries of two parallel arrays, which this method may reorder
     * and does not keep. Each name is checked, except a String instance already checked before.
     *
     * @throws IllegalArgumentException on a null, an invalid or a duplicate name, or a null value
     */
    public static Labels fromArrays(String[] names, String[] values, int n) {
        if (n == 0) {
            return EMPTY;
        }
        for (int i = 0; i < n; i++) {
            if (!isKnownValid(names[i])) {
                throw new IllegalArgumentException("invalid label name '" + names[i] + "'");
            }
            if (values[i] == null) {
                throw new IllegalArgumentException("label '" + names[i] + "' has a null value");
            }
        }
        String duplicate = sortInPlace(names, values, n);
        if (duplicate != null) {
            throw new IllegalArgumentException("duplicate label name '" + duplicate + "'");
        }
        return new Labels(Arrays.copyOf(names, n), Arrays.copyOf(values, n));
    }

    // Label-name instances that passed validation. A parser hands the same (interned) String on every
    // line, so the check runs once per name instead of once per sample. Shared by all threads without
    // locks: a slot holds a reference or not, a stale read only means checking again, and Strings are
    // immutable, so a name found here is valid.
    private static final String[] KNOWN_VALID = new String[1024];

    private static boolean isKnownValid(String name) {
        if (name == null) {
            return false;
        }
        int slot = name.hashCode() & (KNOWN_VALID.length - 1);
        if (KNOWN_VALID[slot] == name) {
            return true;
        }
        if (!Names.isValidLabelName(name)) {
            return false;
        }
        KNOWN_VALID[slot] = name;
        return true;
    }

    /**
     * Sorts the first {@code n} pairs by name (insertion sort: label sets are small, and often sorted
     * already) and returns a duplicated name, or {@code null}.
     */
    private static String sortInPlace(String[] names, String[] values, int n) {
        String duplicate = null;
        for (int i = 1; i < n; i++) {
            String kn = names[i];
            String kv = values[i];
            int j = i - 1;
            int c = 0;
            while (j >= 0 && (c = compareNames(names[j], kn)) > 0) {
                names[j + 1] = names[j];
                values[j + 1] = values[j];
                j--;
            }
            // The prefix is sorted, so an equal name, if any, is where the scan stopped: the sort
            // finds duplicates without a second pass.
            if (j >= 0 && c == 0) {
                duplicate = kn;
            }
            names[j + 1] = kn;
            values[j + 1] = kv;
        }
        return duplicate;
    }

    /** {@link String#compareTo}, but names usually differ in their first character, so try that first. */
    private static int compareNames(String a, String b) {
        if (a == b) {
            return 0;
        }
        int c = a.charAt(0) - b.charAt(0);
        return c != 0 ? c : a.compareTo(b);
    }

    public int size() {
        return names.length;
    }

    public boolean isEmpty() {
        return names.length == 0;
    }

    public String name(int i) {
        return names[i];
    }

    public String value(int i) {
        return values[i];
    }

    /** The value of label {@code name}, or {@code null} when absent. */
    public String get(String name) {
        int i = indexOf(name);
        return i < 0 ? null : values[i];
    }

    public boolean contains(String name) {
        return indexOf(name) >= 0;
    }

    private int indexOf(String name) {
        for (int i = 0; i < names.length; i++) {
            if (names[i].equals(name)) {
                return i;
            }
        }
        return -1;
    }

    /** A copy with {@code name} set to {@code value}, replacing any value it had. */
    public Labels with(String name, String value) {
        if (!Names.isValidLabelName(name)) {
            throw new IllegalArgumentException("invalid label name '" + name + "'");
        }
        if (value == null) {
            throw new IllegalArgumentException("label '" + name + "' has a null value");
        }
        int i = indexOf(name);
        if (i >= 0) {
            if (values[i].equals(value)) {
                return this;
            }
            String[] v = values.clone();
            v[i] = value;
            return new Labels(names, v);
        }
        int at = 0;
        while (at < names.length && names[at].compareTo(name) < 0) {
            at++;
        }
        String[] n = new String[names.length + 1];
        String[] v = new String[names.length + 1];
        System.arraycopy(names, 0, n, 0, at);
        System.arraycopy(values, 0, v, 0, at);
        n[at] = name;
        v[at] = value;
        System.arraycopy(names, at, n, at + 1, names.length - at);
        System.arraycopy(values, at, v, at + 1, names.length - at);
        return new Labels(n, v);
    }

    /** A copy without label {@code name}. */
    public Labels without(String name) {
        int i = indexOf(name);
        if (i < 0) {
            return this;
        }
        String[] n = new String[names.length - 1];
        String[] v = new String[names.length - 1];
        System.arraycopy(names, 0, n, 0, i);
        System.arraycopy(values, 0, v, 0, i);
        System.arraycopy(names, i + 1, n, i, names.length - i - 1);
        System.arraycopy(values, i + 1, v, i, names.length - i - 1);
        return n.length == 0 ? EMPTY : new Labels(n, v);
    }

    /** The labels as an insertion-ordered (that is, name-sorted) map. */
    public Map<String, String> toMap() {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < names.length; i++) {
            m.put(names[i], values[i]);
        }
        return m;
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof Labels)) {
            return false;
        }
        Labels other = (Labels) o;
        return Arrays.equals(names, other.names) && Arrays.equals(values, other.values);
    }

    @Override
    public int hashCode() {
        int h = hash;
        if (h == 0) {
            h = 31 * Arrays.hashCode(names) + Arrays.hashCode(values);
            hash = h;
        }
        return h;
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("{");
        for (int i = 0; i < names.length; i++) {
            if (i > 0) {
                sb.append(',');
            }
            sb.append(names[i]).append("=\"").append(values[i]).append('"');
        }
        return sb.append('}').toString();
    }
}
