package io.forewarn.rules.model;

import java.io.Serializable;

/**
 * A recommended preventive action.
 *
 * @param title one line
 * @param detail more detail, or null
 * @param runbook runbook URL, or null
 */
public record Action(String title, String detail, String runbook) implements Serializable {}
