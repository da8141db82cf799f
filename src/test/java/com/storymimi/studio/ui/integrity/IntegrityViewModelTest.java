package com.storymimi.studio.ui.integrity;

import com.storymimi.studio.model.Finding;
import com.storymimi.studio.model.FindingKind;
import com.storymimi.studio.model.IntegrityFix;
import com.storymimi.studio.model.MediaRef;
import com.storymimi.studio.model.ScanProgress;
import com.storymimi.studio.ui.common.UserMessages;
import com.storymimi.studio.ui.integrity.IntegrityRow.KindRow;
import com.storymimi.studio.ui.testing.InMemoryIntegrityService;
import com.storymimi.studio.ui.testing.RecordingDialogs;
import com.storymimi.studio.ui.testing.TestTexts;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class IntegrityViewModelTest {

    private final RecordingDialogs dialogs = new RecordingDialogs();

    private IntegrityViewModel viewModel(InMemoryIntegrityService service) {
        var texts = TestTexts.create();
        return new IntegrityViewModel(service, dialogs, new UserMessages(texts), texts, Runnable::run);
    }

    private static InMemoryIntegrityService service(List<Finding> findings) {
        return new InMemoryIntegrityService(Duration.ZERO, findings);
    }

    private static List<Finding> unusedFiles(int count) {
        List<Finding> findings = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            MediaRef object = new MediaRef("story-images", "stray/" + i + ".png");
            findings.add(new Finding(FindingKind.UNUSED_OBJECT, null, null, object,
                    "story-images/stray/" + i + ".png is not used by any scene.", new IntegrityFix.DeleteObject(object)));
        }
        return findings;
    }

    private static List<FindingRow> findingRows(IntegrityViewModel viewModel) {
        return viewModel.rows().stream().filter(FindingRow.class::isInstance).map(FindingRow.class::cast).toList();
    }

    private static FindingRow rowOf(IntegrityViewModel viewModel, FindingKind kind) {
        return findingRows(viewModel).stream().filter(r -> r.finding().kind() == kind).findFirst().orElseThrow();
    }

    @Test
    void beforeTheFirstScanTheEmptyListSaysWhatAScanDoes() {
        IntegrityViewModel viewModel = viewModel(service(List.of()));

        assertEquals("Scan the catalogue for broken links, unused files and broken scene order.",
                viewModel.emptyTextProperty().get());
        assertTrue(viewModel.rows().isEmpty());
        assertTrue(viewModel.scanCommand().isExecutable());
    }

    @Test
    void eachFindingNamesItsStoryByTitleOrSaysTheStoryIsGone() {
        java.util.UUID gone = java.util.UUID.randomUUID();
        MediaRef orphan = new MediaRef("story-audio", gone + "/old.mp3");
        List<Finding> findings = new ArrayList<>(InMemoryIntegrityService.sampleFindings());
        findings.add(new Finding(FindingKind.UNUSED_OBJECT, gone, null, orphan,
                "story-audio/" + orphan.key() + " is not used by any scene.", new IntegrityFix.DeleteObject(orphan)));
        IntegrityViewModel viewModel = viewModel(service(findings));

        viewModel.scan();

        assertEquals("Story: " + InMemoryIntegrityService.OWL, rowOf(viewModel, FindingKind.BROKEN_SEQUENCE).storyLine());
        List<String> unused = findingRows(viewModel).stream()
                .filter(row -> row.finding().kind() == FindingKind.UNUSED_OBJECT).map(FindingRow::storyLine).toList();
        assertEquals(List.of("Story: " + InMemoryIntegrityService.OWL, "",
                "A story that no longer exists (" + gone + ")"), unused);
    }

    @Test
    void aFindingOpensItsStoryInTheEditorOnlyWhileTheStoryExists() {
        java.util.UUID gone = java.util.UUID.randomUUID();
        MediaRef orphan = new MediaRef("story-audio", gone + "/old.mp3");
        List<Finding> findings = new ArrayList<>(InMemoryIntegrityService.sampleFindings());
        findings.add(new Finding(FindingKind.UNUSED_OBJECT, gone, null, orphan,
                "story-audio/" + orphan.key() + " is not used by any scene.", new IntegrityFix.DeleteObject(orphan)));
        IntegrityViewModel viewModel = viewModel(service(findings));
        List<java.util.UUID> opened = new ArrayList<>();
        viewModel.setOnOpenStory(opened::add);
        viewModel.scan();
        FindingRow sequence = rowOf(viewModel, FindingKind.BROKEN_SEQUENCE);
        List<FindingRow> unused = findingRows(viewModel).stream()
                .filter(row -> row.finding().kind() == FindingKind.UNUSED_OBJECT).toList();

        viewModel.openStory(sequence);
        unused.forEach(viewModel::openStory); // the Owl's file, a file outside any story, a gone story's file

        assertEquals(List.of(sequence.finding().storyId(), unused.get(0).finding().storyId()), opened);
        assertEquals(List.of(true, false, false), unused.stream().map(FindingRow::canOpenStory).toList());
    }

    @Test
    void aRunningScanShowsItsPhaseAndFractionThenTheCountsPerKind() {
        InMemoryIntegrityService service = service(InMemoryIntegrityService.sampleFindings()).holdingScans();
        IntegrityViewModel viewModel = viewModel(service);

        viewModel.scan();
        service.progress(new ScanProgress(ScanProgress.Phase.CHECKING_SCENES, 120, 9870));

        assertTrue(viewModel.scanCommand().isRunning());
        assertFalse(viewModel.scanCommand().isExecutable(), "no second scan while one runs");
        assertEquals("Checking scenes and their media: 120 of 9,870", viewModel.phaseTextProperty().get());
        assertEquals(120 / 9870.0, viewModel.progressProperty().get(), 1e-9);

        service.progress(new ScanProgress(ScanProgress.Phase.LISTING_FOLDERS, 3, -1));
        assertEquals("Listing the media folders…", viewModel.phaseTextProperty().get());
        assertEquals(-1, viewModel.progressProperty().get());

        service.finishScan();

        assertFalse(viewModel.scanCommand().isRunning());
        assertEquals("", viewModel.phaseTextProperty().get());
        assertEquals("Missing images and narrations 1 · Unused files 2 · Broken scene order 1 · "
                + "Wrong type or size 1 · Foreign links 1", viewModel.summaryProperty().get());
        List<KindRow> kinds = viewModel.rows().stream().filter(KindRow.class::isInstance).map(KindRow.class::cast).toList();
        assertEquals(List.of(FindingKind.values()), kinds.stream().map(KindRow::kind).toList());
        assertEquals(2, kinds.get(1).count());
        assertEquals("Unused files", kinds.get(1).title());
        assertEquals(6, findingRows(viewModel).size());
        assertEquals("", viewModel.emptyTextProperty().get());
    }

    @Test
    void cancelStopsTheScanFutureAndIgnoresItsLateProgress() {
        InMemoryIntegrityService service = service(unusedFiles(1)).holdingScans();
        IntegrityViewModel viewModel = viewModel(service);
        viewModel.scan();

        viewModel.cancelScan();

        assertTrue(service.heldScan().isCancelled(), "the service's future is cancelled, so the scan stops");
        assertFalse(viewModel.scanCommand().isRunning());
        assertTrue(viewModel.scanCommand().isExecutable());
        assertEquals("Scan cancelled. Nothing was changed.", viewModel.noticeProperty().get());
        service.progress(new ScanProgress(ScanProgress.Phase.CHECKING_SCENES, 5, 10));
        assertEquals("", viewModel.phaseTextProperty().get());
        assertTrue(viewModel.rows().isEmpty());
    }

    @Test
    void aCleanScanSaysWhatWasChecked() {
        IntegrityViewModel viewModel = viewModel(service(List.of()));

        viewModel.scan();

        assertEquals("Everything is in order: 3 stories, 12 scenes, 24 files checked in 4.2 s.",
                viewModel.emptyTextProperty().get());
        assertEquals("", viewModel.summaryProperty().get());
    }

    @Test
    void aFixedFindingLeavesTheListAndItsCountDrops() {
        InMemoryIntegrityService service = service(InMemoryIntegrityService.sampleFindings());
        IntegrityViewModel viewModel = viewModel(service);
        viewModel.scan();
        FindingRow unused = rowOf(viewModel, FindingKind.UNUSED_OBJECT);
        assertEquals("Delete the file", unused.fixLabel());

        viewModel.fix(unused);

        assertEquals(List.of(unused.finding()), service.fixed);
        assertFalse(viewModel.rows().contains(unused));
        assertTrue(viewModel.summaryProperty().get().contains("Unused files 1"));
        assertTrue(dialogs.questions.isEmpty(), "a single fix does not ask");
    }

    @Test
    void fixAllAsksOnceNamingTheCountAndThenFixesEveryFindingOfTheKind() {
        InMemoryIntegrityService service = service(unusedFiles(3));
        dialogs.answering(true);
        IntegrityViewModel viewModel = viewModel(service);
        viewModel.scan();

        viewModel.fixAll(FindingKind.UNUSED_OBJECT);

        assertEquals(1, dialogs.questions.size());
        assertEquals("Delete 3 unused files? This cannot be undone.", dialogs.questions.getFirst().message());
        assertEquals("Delete 3 files", dialogs.questions.getFirst().confirmLabel());
        assertEquals(3, service.fixed.size());
        assertTrue(viewModel.rows().isEmpty());
        assertEquals("Everything the scan found is fixed. Scan again to check.", viewModel.emptyTextProperty().get());
        assertFalse(viewModel.fixingAllProperty().get());
    }

    @Test
    void fixAllChangesNothingWhenTheConfirmationIsDeclined() {
        InMemoryIntegrityService service = service(unusedFiles(2));
        dialogs.answering(false);
        IntegrityViewModel viewModel = viewModel(service);
        viewModel.scan();

        viewModel.fixAll(FindingKind.UNUSED_OBJECT);

        assertTrue(service.fixed.isEmpty());
        assertEquals(2, findingRows(viewModel).size());
        assertFalse(viewModel.fixingAllProperty().get());
    }

    @Test
    void aConflictKeepsTheFindingWithOneSentence() {
        List<Finding> findings = unusedFiles(2);
        InMemoryIntegrityService service = service(findings);
        service.conflictOn(findings.getFirst());
        IntegrityViewModel viewModel = viewModel(service);
        viewModel.scan();
        FindingRow first = findingRows(viewModel).getFirst();

        viewModel.fix(first);

        assertTrue(viewModel.rows().contains(first));
        assertEquals("This changed since the scan. Scan again.", first.problemProperty().get());
        assertFalse(first.fixingProperty().get());
        assertTrue(service.fixed.isEmpty());
    }

    @Test
    void aReportOnlyFindingOffersNoFixAndSaysWhy() {
        InMemoryIntegrityService service = service(InMemoryIntegrityService.sampleFindings());
        IntegrityViewModel viewModel = viewModel(service);
        viewModel.scan();
        FindingRow foreign = rowOf(viewModel, FindingKind.FOREIGN_URL);
        KindRow header = viewModel.rows().stream().filter(KindRow.class::isInstance).map(KindRow.class::cast)
                .filter(k -> k.kind() == FindingKind.FOREIGN_URL).findFirst().orElseThrow();

        viewModel.fix(foreign);
        viewModel.fixAll(FindingKind.FOREIGN_URL);

        assertFalse(foreign.fixable());
        assertEquals("", foreign.fixLabel());
        assertTrue(foreign.noFixReason().startsWith("No automatic fix"));
        assertFalse(header.canFixAll());
        assertTrue(service.fixed.isEmpty());
        assertTrue(dialogs.questions.isEmpty());
        assertTrue(viewModel.rows().contains(foreign));
    }

    @Test
    void eachFixIsLabelledByWhatItDoes() {
        IntegrityViewModel viewModel = viewModel(service(InMemoryIntegrityService.sampleFindings()));
        viewModel.scan();

        assertEquals("Clear the image link", rowOf(viewModel, FindingKind.MISSING_OBJECT).fixLabel());
        assertEquals("Renumber scenes", rowOf(viewModel, FindingKind.BROKEN_SEQUENCE).fixLabel());
        assertEquals("Remove the image", rowOf(viewModel, FindingKind.WRONG_MEDIA).fixLabel());
    }

    @Test
    void aNewScanShowsOnlyWhatIsStillWrong() {
        InMemoryIntegrityService service = service(unusedFiles(2));
        IntegrityViewModel viewModel = viewModel(service);
        viewModel.scan();
        viewModel.fix(findingRows(viewModel).getFirst());

        viewModel.scan();

        assertEquals(1, findingRows(viewModel).size());
        assertEquals(2, service.scans);
        assertEquals("", viewModel.noticeProperty().get());
    }
}
