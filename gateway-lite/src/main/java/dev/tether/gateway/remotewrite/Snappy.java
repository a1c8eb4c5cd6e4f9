package dev.tether.gateway.remotewrite;

import java.util.Arrays;

/**
 * A compressor for the snappy block format (what remote write sends), so the gateway needs no native
 * library. Greedy matching on a hash of 4 bytes, one 64 KiB block at a time as the reference
 * encoder does, so every copy offset fits two bytes. The output is valid snappy; the ratio is a bit
 * below the reference encoder's, which does not matter for a few hundred KiB per request.
 */
final class Snappy {
    private static final int BLOCK = 1 << 16;
    private static final int HASH_BITS = 14;

    private Snappy() {
    }

    static byte[] compress(byte[] in) {
        return compress(in, 0, in.length);
    }

    static byte[] compress(byte[] in, int off, int len) {
        // Worst case: literals cost 1 tag byte per 60 bytes plus a few length bytes per block.
        Out out = new Out(32 + len + len / 6);
        out.varint(len);
        int[] table = new int[1 << HASH_BITS];
        for (int block = off; block < off + len; block += BLOCK) {
            compressBlock(in, block, Math.min(block + BLOCK, off + len), table, out);
        }
        return out.toByteArray();
    }

    private static void compressBlock(byte[] in, int start, int end, int[] table, Out out) {
        Arrays.fill(table, -1);
        int literalStart = start;
        int p = start;
        int limit = end - 4;
        while (p <= limit) {
            int h = hash(in, p);
            int candidate = table[h];
            table[h] = p;
            if (candidate < start || !equal4(in, candidate, p)) {
                p++;
                continue;
            }
            int matchEnd = p + 4;
            int c = candidate + 4;
            while (matchEnd < end && in[matchEnd] == in[c]) {
                matchEnd++;
                c++;
            }
            if (literalStart < p) {
                literal(in, literalStart, p - literalStart, out);
            }
            copy(p - candidate, matchEnd - p, out);
            p = matchEnd;
            literalStart = p;
        }
        if (literalStart < end) {
            literal(in, literalStart, end - literalStart, out);
        }
    }

    private static int hash(byte[] b, int p) {
        int v = (b[p] & 0xff) | (b[p + 1] & 0xff) << 8 | (b[p + 2] & 0xff) << 16 | (b[p + 3] & 0xff) << 24;
        return (v * 0x1e35a7bd) >>> (32 - HASH_BITS);
    }

    private static boolean equal4(byte[] b, int x, int y) {
        return b[x] == b[y] && b[x + 1] == b[y + 1] && b[x + 2] == b[y + 2] && b[x + 3] == b[y + 3];
    }

    private static void literal(byte[] in, int from, int n, Out out) {
        int m = n - 1;
        if (m < 60) {
            out.b(m << 2);
        } else if (m < 1 << 8) {
            out.b(60 << 2);
            out.b(m);
        } else if (m < 1 << 16) {
            out.b(61 << 2);
            out.b(m);
            out.b(m >>> 8);
        } else {
            out.b(62 << 2);
            out.b(m);
            out.b(m >>> 8);
            out.b(m >>> 16);
        }
        out.bytes(in, from, n);
    }

    /** A match of {@code n} bytes {@code offset} back (offset < 64 KiB), as copies of at most 64 bytes. */
    private static void copy(int offset, int n, Out out) {
        while (n > 0) {
            int chunk = Math.min(n, 64);
            if (chunk >= 4 && chunk <= 11 && offset < 2048) {
                out.b((offset >>> 8) << 5 | (chunk - 4) << 2 | 1);
                out.b(offset);
            } else {
                out.b((chunk - 1) << 2 | 2);
                out.b(offset);
                out.b(offset >>> 8);
            }
            n -= chunk;
        }
    }

    /** A growable byte buffer. */
    private static final class Out {
        private byte[] buf;
        private int size;

        Out(int capacity) {
            buf = new byte[capacity];
        }

        void b(int v) {
            if (size == buf.length) {
                buf = Arrays.copyOf(buf, buf.length * 2);
            }
            buf[size++] = (byte) v;
        }

        void bytes(byte[] src, int from, int n) {
            if (size + n > buf.length) {
                buf = Arrays.copyOf(buf, Math.max(buf.length * 2, size + n));
            }
            System.arraycopy(src, from, buf, size, n);
            size += n;
        }

        void varint(int v) {
            while ((v & ~0x7f) != 0) {
                b((v & 0x7f) | 0x80);
                v >>>= 7;
            }
            b(v);
        }

        byte[] toByteArray() {
            return Arrays.copyOf(buf, size);
        }
    }
}
