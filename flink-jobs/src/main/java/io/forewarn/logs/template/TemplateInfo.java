package io.forewarn.logs.template;

/**
 * Read-only view of a template held by a {@link TemplateMiner}.
 *
 * @param id 16-hex-digit id: 64-bit hash of {@code text}
 * @param text template in Loghub style, variables as {@code <*>}, tokens joined by one space
 * @param count number of lines assigned to the template (including merged templates)
 * @param lastSeen the miner's line counter when the template last matched a line
 */
public record TemplateInfo(String id, String text, long count, long lastSeen) {}
