package com.storymimi.studio.ui.integrity;

import com.storymimi.studio.model.Finding;
import com.storymimi.studio.model.FindingKind;
import com.storymimi.studio.model.IntegrityFix;
import com.storymimi.studio.model.IntegrityReport;
import com.storymimi.studio.model.ScanProgress;
import com.storymimi.studio.ui.common.Texts;

import java.util.Map;
import java.util.Objects;
import java.util.StringJoiner;

/** The bundle's sentences for kinds, fixes, confirmations and scan phases (the model's own labels are English). */
final class FindingTexts {

    private final Texts texts;

    FindingTexts(Texts texts) {
        this.texts = Objects.requireNonNull(texts, "texts");
    }

    String kind(FindingKind kind) {
        return texts.get("integrity.kind." + kind.name());
    }

    /** Which story a finding is about, by title; its id only when no story has it any more. */
    String storyLine(Finding finding) {
        if (finding.storyId() == null) {
            return "";
        }
        String title = finding.storyTitle();
        return title == null ? texts.get("integrity.story.gone", finding.storyId().toString())
                : texts.get("integrity.story", title.isBlank() ? texts.get("integrity.story.untitled") : title);
    }

    String fixLabel(IntegrityFix fix) {
        return switch (fix) {
            case IntegrityFix.ClearUrl clear -> texts.get("integrity.fix.clearUrl." + clear.kind().name());
            case IntegrityFix.DeleteObject ignored -> texts.get("integrity.fix.deleteObject");
            case IntegrityFix.Renumber ignored -> texts.get("integrity.fix.renumber");
            case IntegrityFix.RemoveObjectAndClearUrl remove ->
                    texts.get("integrity.fix.removeObject." + remove.kind().name());
            case IntegrityFix.ReportOnly ignored -> "";
        };
    }

    String noFixReason(IntegrityFix fix) {
        return fix instanceof IntegrityFix.ReportOnly ? texts.get("integrity.reportOnly") : "";
    }

    String fixAllLabel() {
        return texts.get("integrity.fixAll");
    }

    String confirmTitle(FindingKind kind) {
        return texts.get("integrity.fixAll.title", kind(kind));
    }

    /** "Delete 3 unused files? This cannot be undone." */
    String confirmMessage(FindingKind kind, int count) {
        return texts.get("integrity.fixAll." + kind.name(), count);
    }

    String confirmLabel(FindingKind kind, int count) {
        return texts.get("integrity.fixAll." + kind.name() + ".confirm", count);
    }

    /** "Unused files 3 · Broken scene order 1" for the kinds that have findings. */
    String summary(Map<FindingKind, Integer> counts) {
        StringJoiner line = new StringJoiner(texts.get("integrity.summary.separator"));
        counts.forEach((kind, count) -> line.add(texts.get("integrity.summary.item", kind(kind), count)));
        return line.toString();
    }

    String progress(ScanProgress progress) {
        String phase = texts.get("integrity.phase." + progress.phase().name());
        return progress.total() > 0
                ? texts.get("integrity.phase.counted", phase, progress.done(), progress.total())
                : texts.get("integrity.phase.uncounted", phase);
    }

    String clean(IntegrityReport report) {
        return texts.get("integrity.empty.clean", report.stories(), report.scenes(), report.objects(),
                report.took().toMillis() / 1000.0);
    }

    String get(String key) {
        return texts.get(key);
    }
}
