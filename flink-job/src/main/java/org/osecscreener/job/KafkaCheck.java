package org.osecscreener.job;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.common.errors.AuthenticationException;
import org.apache.kafka.common.errors.AuthorizationException;

/**
 * The start-up check of a Kafka run: one admin connection with the job's client properties,
 * before the job is built. Wrong credentials, a wrong truststore or an invalid client setting then
 * stop the command at once with one clear sentence, instead of failing every task and restart of
 * the job. A broker that does not answer in time is only a warning (it may still be starting).
 *
 * <p>No message produced here holds a secret: Kafka's own words are passed through
 * {@link KafkaClientProperties#redact(String)}.
 */
public final class KafkaCheck {
    private KafkaCheck() {
    }

    /** Kafka cannot be used with these settings: the message says why, without secrets. */
    public static final class Refused extends Exception {
        private static final long serialVersionUID = 1L;

        Refused(String message) {
            super(message, null, false, false);
        }
    }

    /**
     * Connects to {@code bootstrap} with {@code client} and asks for the cluster's brokers.
     *
     * @return {@code null} when the brokers answered, else a warning (the brokers did not answer within
     *         {@code timeout}) to print before going on
     * @throws Refused when the brokers refused the credentials (authentication or TLS handshake),
     *                 refused the access, or the client settings are invalid
     */
    public static String check(String bootstrap, KafkaClientProperties client, Duration timeout) throws Refused {
        Map<String, Object> conf = new HashMap<>(client.asMap());
        conf.put("bootstrap.servers", bootstrap);
        conf.put("client.id", "osec-screener-check");
        conf.put("request.timeout.ms", (int) Math.min(Integer.MAX_VALUE, timeout.toMillis()));
        conf.put("default.api.timeout.ms", (int) Math.min(Integer.MAX_VALUE, timeout.toMillis()));
        Admin admin;
        try {
            admin = Admin.create(conf);
        } catch (RuntimeException e) {
            throw new Refused("the Kafka client settings are not valid: " + client.redact(chain(e)));
        }
        try {
            admin.describeCluster().nodes().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return null;
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof AuthenticationException) {
                throw new Refused("Kafka at " + bootstrap + " refused the connection: authentication failed ("
                        + client.redact(chain(cause)) + "); check security.protocol, sasl.mechanism, the user name and"
                        + " password in sasl.jaas.config, and the truststore");
            }
            if (cause instanceof AuthorizationException) {
                throw new Refused("Kafka at " + bootstrap + " refused access: " + client.redact(chain(cause)));
            }
            return "could not check the connection to Kafka at " + bootstrap + ": " + client.redact(chain(cause))
                    + "; starting the job anyway";
        } catch (java.util.concurrent.TimeoutException e) {
            return "Kafka at " + bootstrap + " did not answer within " + timeout.toSeconds() + " s; starting the job anyway";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "the connection check to Kafka was interrupted";
        } finally {
            admin.close(Duration.ofSeconds(5));
        }
    }

    /** Whether {@code t} or one of its causes is a Kafka authentication failure. */
    public static boolean isAuthenticationFailure(Throwable t) {
        return authenticationFailure(t) != null;
    }

    /** The Kafka authentication failure in {@code t}'s causes, or {@code null}. */
    public static Throwable authenticationFailure(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
            if (c instanceof AuthenticationException) {
                return c;
            }
        }
        return null;
    }

    /** The messages of {@code t} and its causes, joined with ": ", repeats left out. */
    static String chain(Throwable t) {
        StringBuilder sb = new StringBuilder();
        String last = null;
        int depth = 0;
        for (Throwable c = t; c != null && depth < 8; c = c.getCause() == c ? null : c.getCause(), depth++) {
            String m = c.getMessage() == null ? c.getClass().getSimpleName() : c.getMessage();
            if (last != null && last.contains(m)) {
                continue;
            }
            if (sb.length() > 0) {
                sb.append(": ");
            }
            sb.append(m);
            last = m;
        }
        return sb.toString();
    }
}
