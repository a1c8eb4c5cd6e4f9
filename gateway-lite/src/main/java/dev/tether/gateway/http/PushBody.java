package dev.tether.gateway.http;

import dev.tether.gateway.config.GatewayConfig;
import dev.tether.gateway.metrics.PushResult;
import io.undertow.server.HttpServerExchange;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * A push body opened within the limits: {@code --max-body-bytes} on the wire and after gzip, the
 * total read time. {@code wire} counts the bytes received; read from {@code in}. Shared by every
 * push route (hosts, Pushgateway groups).
 */
public record PushBody(LimitedInputStream wire, InputStream in) {

    /**
     * @param startNanos when the request began ({@link System#nanoTime()}), for the total read timeout
     * @throws HttpError 413 when the declared length is over the limit, 415 for an unknown encoding
     */
    public static PushBody open(HttpServerExchange ex, GatewayConfig config, long startNanos) throws IOException {
        boolean gzip = PutHostHandler.gzipEncoded(ex);
        long length = ex.getRequestContentLength();
        if (length > config.maxBodyBytes()) {
            throw HttpError.tooLarge("body of " + length + " bytes is over the limit of " + config.maxBodyBytes()
                    + " bytes (--max-body-bytes)");
        }
        long deadline = startNanos + config.bodyTotalTimeout().toNanos();
        LimitedInputStream wire = new LimitedInputStream(ex.getInputStream(), config.maxBodyBytes(), deadline, "body");
        InputStream in = gzip
                ? new LimitedInputStream(new GZIPInputStream(wire, 8192), config.maxBodyBytes(), deadline, "decompressed body")
                : wire;
        return new PushBody(wire, in);
    }

    /** What to count for a body that could not be read: bad gzip is a bad request, the rest a timeout. */
    public static PushResult resultOf(IOException e) {
        return e instanceof ZipException || e instanceof EOFException ? PushResult.BAD_REQUEST : PushResult.TIMEOUT;
    }

    /** Answers a body that could not be read (bad gzip, cut short, timed out, client gone). */
    public static void answerUnreadable(HttpServerExchange ex, IOException e) {
        if (e instanceof ZipException) {
            Responses.text(ex, 400, "the body is not valid gzip: " + e.getMessage());
        } else if (e instanceof EOFException) {
            // Only the gzip decoder reports a body that ends too soon this way.
            Responses.text(ex, 400, "the gzip body ends too soon: " + e.getMessage());
        } else {
            // A read that timed out (idle body) or a client that went away: the body is unusable.
            ex.setPersistent(false);
            if (!ex.isResponseStarted()) {
                Responses.text(ex, 408, "the request body could not be read: " + e);
            }
        }
    }
}
