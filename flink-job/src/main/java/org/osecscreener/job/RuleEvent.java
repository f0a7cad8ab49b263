package org.osecscreener.job;

/** A rule bundle arriving on the control stream: its name (file name or topic/offset) and text. A Flink POJO. */
public class RuleEvent {
    /** Where it came from, used in error events ({@code rules-v2.yaml}; a name ending in .json is JSON). */
    public String name;
    /** The bundle text, YAML or JSON. */
    public String content;

    public RuleEvent() {
    }

    public RuleEvent(String name, String content) {
        this.name = name;
        this.content = content;
    }
}
