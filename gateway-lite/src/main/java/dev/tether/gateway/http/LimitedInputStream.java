package dev.tether.gateway.http;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Counts the bytes read through it and stops with 413 once more than a limit has been read, and
 * with 408 once a deadline has passed. Put one under the gzip decoder (wire bytes) and one over it
 * (inflated bytes): the parser pulls data in small chunks, so a gzip bomb is refused after
 * inflating about the limit, never all of it.
 */
public final class LimitedInputStream extends FilterInputStream {
    private final long limit;
    private final long deadlineNanos;
    private final String what;
    private long count;

    /**
     * @param what names the limit in the 413 message, e.g. "body" or "decompressed body"
     */
    public LimitedInputStream(InputStream in, long limit, long deadlineNanos, String what) {
        super(in);
        this.limit = limit;
        this.deadlineNanos = deadlineNanos;
        this.what = what;
    }

    public long count() {
        return count;
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        int n = read(one, 0, 1);
        return n < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (System.nanoTime() - deadlineNanos > 0) {
            throw HttpError.timeout("the request body did not arrive in time");
        }
        // Read at most one byte past the limit: enough to know it was crossed.
        int n = super.read(b, off, (int) Math.min(len, limit - count + 1));
        if (n > 0) {
            count += n;
            if (count > limit) {
                throw HttpError.tooLarge(what + " is over the limit of " + limit + " bytes (--max-body-bytes)");
            }
        }
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        byte[] buf = new byte[(int) Math.min(n, 8192)];
        int r = read(buf, 0, buf.length);
        return Math.max(r, 0);
    }

    @Override
    public boolean markSupported() {
        return false;
    }
}
