package org.osecscreener.job;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.Appender;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.appender.AbstractAppender;
import org.apache.logging.log4j.core.config.LoggerConfig;
import org.apache.logging.log4j.core.config.Property;

/**
 * Captures every log line at INFO and above (logger name, message, and the chain of causes) for
 * tests that scan the logs for what must never be in them (raw identifiers, secrets). While it runs,
 * the root logger's own appenders are detached, so INFO goes to the capture only; {@link #stop}
 * restores them and the root level.
 */
final class LogCapture {
    private final List<String> lines = Collections.synchronizedList(new ArrayList<>());
    private final AbstractAppender appender;
    private final org.apache.logging.log4j.Level rootLevel;
    private final Map<String, Appender> detached;

    private LogCapture(String name) {
        LoggerContext ctx = (LoggerContext) LogManager.getContext(false);
        appender = new AbstractAppender(name, null, null, true, Property.EMPTY_ARRAY) {
            @Override
            public void append(LogEvent e) {
                StringBuilder sb = new StringBuilder(e.getLoggerName()).append(' ').append(e.getMessage().getFormattedMessage());
                for (Throwable t = e.getThrown(); t != null; t = t.getCause()) {
                    sb.append(" | ").append(t);
                }
                lines.add(sb.toString());
            }
        };
        appender.start();
        LoggerConfig root = ctx.getConfiguration().getRootLogger();
        rootLevel = root.getLevel();
        detached = Map.copyOf(root.getAppenders());
        detached.keySet().forEach(root::removeAppender);
        root.addAppender(appender, org.apache.logging.log4j.Level.INFO, null);
        root.setLevel(org.apache.logging.log4j.Level.INFO);
        ctx.updateLoggers();
    }

    /** Starts capturing under the appender name {@code name}. */
    static LogCapture start(String name) {
        return new LogCapture(name);
    }

    /** A copy of the lines captured so far. */
    List<String> lines() {
        synchronized (lines) {
            return List.copyOf(lines);
        }
    }

    /** Stops capturing and gives the root logger its appenders and level back. */
    void stop() {
        LoggerContext ctx = (LoggerContext) LogManager.getContext(false);
        LoggerConfig root = ctx.getConfiguration().getRootLogger();
        root.removeAppender(appender.getName());
        detached.values().forEach(a -> root.addAppender(a, null, null));
        root.setLevel(rootLevel);
        ctx.updateLoggers();
        appender.stop();
    }
}
