/**
 * OSEC Screener core: the screening engine remittance companies embed, and the tools around it.
 *
 * <p>Exported to everyone, the public API: the transaction model and its codecs, payee clusters,
 * privacy primitives, rule bundles, scores, watchlists and the embedded {@code Screener}; and the
 * tools under {@code org.osecscreener.tools}, which the guides in {@code docs/} show being called
 * from code (generator, second-opinion set, backtest, cases, findings lists, pacs.008).
 *
 * <p>Exported only to the Flink job (and the benchmarks), the engine's internals that the job's
 * operators use directly and an embedder never needs: the detectors and their engine
 * ({@code detect}), the stages around it that both shells call ({@code stage}), the screening state and its
 * binary form ({@code profile}), the binary form of
 * values between the job's stages ({@code io.binary}) and pseudonymisation at ingest
 * ({@code privacy.ingest}, behind {@code Screener.Builder.pseudonymiser} for embedders).
 * The job and the benchmarks have no {@code module-info}: they run on the class path (a shaded jar,
 * or Flink's own class loaders), where exports are not enforced. Their jars carry the
 * {@code Automatic-Module-Name}s named here, so that the qualified exports take effect if they
 * are ever put on the module path. {@code docs/architecture.md} has the package diagram.
 *
 * <p>Jackson binds rule bundles ({@code rules}), the generator configuration
 * ({@code tools.synth}) and the backtest report ({@code tools.backtest}) by reflection, so those
 * packages are opened to it, and to it only.
 *
 * <p>Two compiler warnings are suppressed, both expected: {@code module}, because the modules the
 * qualified exports name are built after this one and never on its module path; and
 * {@code requires-automatic}, because libphonenumber and SLF4J 1.7 ship no module descriptor, only
 * an {@code Automatic-Module-Name} (their names below are those).
 */
@SuppressWarnings({"module", "requires-automatic"})
module org.osecscreener.core {
    requires com.fasterxml.jackson.annotation;
    // Transitive: TransactionCodec's public API takes Jackson's JsonGenerator.
    requires transitive com.fasterxml.jackson.core;
    requires com.fasterxml.jackson.databind;
    requires com.fasterxml.jackson.dataformat.yaml;
    requires com.github.benmanes.caffeine;
    requires com.google.i18n.phonenumbers.libphonenumber;
    requires com.networknt.schema;
    requires java.xml;
    requires org.slf4j;
    requires org.yaml.snakeyaml;

    // The engine's public API.
    exports org.osecscreener.model;
    exports org.osecscreener.io;
    exports org.osecscreener.cluster;
    exports org.osecscreener.privacy;
    exports org.osecscreener.rules;
    exports org.osecscreener.score;
    exports org.osecscreener.findings;
    exports org.osecscreener.screen;

    // The tools, public API as well (docs/*.md show them called from code).
    exports org.osecscreener.tools.synth;
    exports org.osecscreener.tools.secondopinion;
    exports org.osecscreener.tools.backtest;
    exports org.osecscreener.tools.cases;
    exports org.osecscreener.tools.findings;
    exports org.osecscreener.tools.iso20022;

    // Engine internals, for the Flink job's operators and serializers (and the benchmarks) only.
    exports org.osecscreener.detect to org.osecscreener.job;
    exports org.osecscreener.stage to org.osecscreener.job, org.osecscreener.bench;
    exports org.osecscreener.profile to org.osecscreener.job, org.osecscreener.bench;
    exports org.osecscreener.io.binary to org.osecscreener.job;
    exports org.osecscreener.privacy.ingest to org.osecscreener.job;

    // Bound by Jackson databind (records and their accessors, read and written by reflection).
    opens org.osecscreener.rules to com.fasterxml.jackson.databind;
    opens org.osecscreener.tools.synth to com.fasterxml.jackson.databind;
    opens org.osecscreener.tools.backtest to com.fasterxml.jackson.databind;
}
