package dev.tether.protocol.push;

import java.util.regex.Pattern;

/** Constants of the native push API that the tray speaks and the gateway serves. */
public final class PushProtocol {
    private PushProtocol() {
    }

    /** Request header with the TTL a push asks for, in {@link Durations} syntax: {@code Tether-TTL: 45s}. */
    public static final String TTL_HEADER = "Tether-TTL";
    /** Query parameter alternative to {@link #TTL_HEADER} (used by the Pushgateway-compatible API). */
    public static final String TTL_QUERY_PARAM = "ttl";
    /** Query parameter of the pause endpoint: {@code ?for=30m}. */
    public static final String PAUSE_FOR_QUERY_PARAM = "for";

    /** {@code PUT} replaces a host's snapshot; {@code DELETE} is the goodbye. Followed by the host name. */
    public static final String HOSTS_PATH = "/api/v1/hosts";
    /** Suffix after {@code /api/v1/hosts/{host}} that pauses the host ({@code POST}). */
    public static final String PAUSE_SUFFIX = "/pause";
    public static final String METRICS_PATH = "/metrics";
    public static final String HEALTHY_PATH = "/-/healthy";
    public static final String READY_PATH = "/-/ready";

    /** The label every stored series of a host carries, forced from the URL. */
    public static final String HOST_LABEL = "host";
    /** Labels the tray adds to each target's series. */
    public static final String JOB_LABEL = "job";
    public static final String INSTANCE_LABEL = "instance";

    /** Valid host names: {@code [A-Za-z0-9._-]{1,128}}. */
    public static final Pattern HOST_NAME = Pattern.compile("[A-Za-z0-9._-]{1,128}");

    public static boolean isValidHostName(String host) {
        return host != null && HOST_NAME.matcher(host).matches();
    }

    /** The path that a host's snapshot is {@code PUT} to. */
    public static String hostPath(String host) {
        return HOSTS_PATH + "/" + host;
    }

    /** The path that pauses a host. */
    public static String pausePath(String host) {
        return hostPath(host) + PAUSE_SUFFIX;
    }
}
