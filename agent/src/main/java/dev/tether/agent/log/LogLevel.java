package dev.tether.agent.log;

/** Values of the {@code log} option. */
public enum LogLevel {
    QUIET, INFO, DEBUG
}
