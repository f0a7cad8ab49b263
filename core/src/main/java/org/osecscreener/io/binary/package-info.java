/**
 * The binary form of the values that travel between the stages of the Flink job
 * ({@link org.osecscreener.io.binary.BinaryCodec}: transactions, cluster views, partial
 * assessments). Not a public format: versioned with the job and read only by the same build.
 *
 * <p>Apart from {@code org.osecscreener.io} on purpose: it writes what the detectors produce
 * ({@code detect}, {@code score}, {@code cluster}), so it sits above them, while {@code io} (the
 * transaction codecs) sits below everything but {@code model}. Together they made a package cycle.
 * Exported only to the Flink job ({@code module-info.java}).
 */
package org.osecscreener.io.binary;
