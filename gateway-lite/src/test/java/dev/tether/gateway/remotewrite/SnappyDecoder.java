package dev.tether.gateway.remotewrite;


/** A snappy block decoder for tests (the gateway only compresses). Strict: throws on anything malformed. */
final class SnappyDecoder {
    private SnappyDecoder() {
    }

    static byte[] decompress(byte[] in) {
        int p = 0;
        long length = 0;
        for (int shift = 0; ; shift += 7) {
            int b = in[p++] & 0xff;
            length |= (long) (b & 0x7f) << shift;
            if (b < 0x80) {
                break;
            }
        }
        byte[] out = new byte[(int) length];
        int o = 0;
        while (p < in.length) {
            int tag = in[p++] & 0xff;
            int type = tag & 3;
            if (type == 0) {
                int n = tag >>> 2;
                if (n >= 60) {
                    int bytes = n - 59;
                    n = 0;
                    for (int i = 0; i < bytes; i++) {
                        n |= (in[p++] & 0xff) << (8 * i);
                    }
                }
                n += 1;
                System.arraycopy(in, p, out, o, n);
                p += n;
                o += n;
                continue;
            }
            int len;
            int offset;
            if (type == 1) {
                len = ((tag >>> 2) & 7) + 4;
                offset = ((tag >>> 5) << 8) | (in[p++] & 0xff);
            } else if (type == 2) {
                len = (tag >>> 2) + 1;
                offset = (in[p++] & 0xff) | (in[p++] & 0xff) << 8;
            } else {
                len = (tag >>> 2) + 1;
                offset = (in[p++] & 0xff) | (in[p++] & 0xff) << 8 | (in[p++] & 0xff) << 16 | (in[p++] & 0xff) << 24;
            }
            if (offset <= 0 || offset > o) {
                throw new IllegalArgumentException("bad copy offset " + offset + " at output " + o);
            }
            for (int i = 0; i < len; i++) {
                out[o] = out[o - offset];
                o++;
            }
        }
        if (o != out.length) {
            throw new IllegalArgumentException("decoded " + o + " bytes, header said " + out.length);
        }
        return out;
    }

}
