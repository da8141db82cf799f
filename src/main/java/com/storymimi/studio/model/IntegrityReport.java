package com.storymimi.studio.model;

import java.time.Duration;
import java.util.List;

/**
 * The result of one integrity scan: the findings in the order they were found and what was looked at.
 *
 * @param scenes  scene rows read
 * @param stories stories that have at least one scene
 * @param objects objects listed in the media buckets
 */
public record IntegrityReport(List<Finding> findings, long scenes, long stories, long objects, Duration took) {

    public IntegrityReport {
        findings = List.copyOf(findings);
    }

    public boolean isClean() {
        return findings.isEmpty();
    }

    public List<Finding> of(FindingKind kind) {
        return findings.stream().filter(finding -> finding.kind() == kind).toList();
    }
}
