package dev.tether.protocol.text;

/**
 * The strings a parser has made from ASCII bytes (sample names, label names and values), kept per
 * thread from one parse to the next: the gateway parses the same hosts' pushes again and again, and
 * their names and values hardly change, so most tokens are found instead of decoded.
 *
 * <p>Open addressing, bounded both in entries and in key bytes: past either bound the next parse starts
 * from an empty table, so a stream of unique values costs no more than plain decoding and holds at most
 * some hundreds of KB per thread. Only the thread that took it uses it ({@link #take}, {@link #release}).
 */
final class InternTable {
    static final int MAX_ENTRIES = 1 << 13;
    static final int MAX_KEY_BYTES = 1 << 17;
    static final int MAX_KEY_LENGTH = 256;

    private static final ThreadLocal<InternTable> PER_THREAD = new ThreadLocal<>();

    byte[][] keys;
    String[] values;
    int[] hashes;
    int count;
    private int keyBytes;
    private boolean taken;

    private InternTable(int capacity) {
        allocate(capacity);
    }

    /** This thread's table, emptied first if it is full; a fresh one if this thread's is in use (a parse inside a parse). */
    static InternTable take(int capacity) {
        InternTable t = PER_THREAD.get();
        if (t == null) {
            t = new InternTable(capacity);
            PER_THREAD.set(t);
        } else if (t.taken) {
            return new InternTable(capacity);
        } else if (t.count >= MAX_ENTRIES || t.keyBytes >= MAX_KEY_BYTES) {
            t.allocate(capacity);
        }
        t.taken = true;
        return t;
    }

    void release() {
        taken = false;
    }

    /** Whether a key of {@code length} bytes may be added. */
    boolean hasRoomFor(int length) {
        return count < MAX_ENTRIES && keyBytes + length <= MAX_KEY_BYTES && length <= MAX_KEY_LENGTH;
    }

    /** Adds at free slot {@code i}; grows when half full. */
    void add(int i, byte[] key, String value, int hash) {
        keys[i] = key;
        values[i] = value;
        hashes[i] = hash;
        keyBytes += key.length;
        if (++count * 2 > keys.length) {
            grow();
        }
    }

    private void allocate(int capacity) {
        keys = new byte[capacity][];
        values = new String[capacity];
        hashes = new int[capacity];
        count = 0;
        keyBytes = 0;
    }

    private void grow() {
        byte[][] oldKeys = keys;
        String[] oldValues = values;
        int[] oldHashes = hashes;
        int n = oldKeys.length * 2;
        keys = new byte[n][];
        values = new String[n];
        hashes = new int[n];
        for (int j = 0; j < oldKeys.length; j++) {
            if (oldKeys[j] != null) {
                int h = oldHashes[j];
                int i = (h ^ (h >>> 16)) & (n - 1);
                while (keys[i] != null) {
                    i = (i + 1) & (n - 1);
                }
                keys[i] = oldKeys[j];
                values[i] = oldValues[j];
                hashes[i] = h;
            }
        }
    }
}
