package com.storymimi.studio.ui.connect;

import com.storymimi.studio.model.ConnectionProfile;
import com.storymimi.studio.model.ConnectionProfile.Kind;
import com.storymimi.studio.service.ConnectionService;
import com.storymimi.studio.ui.common.UserMessages;
import com.storymimi.studio.ui.testing.TestTexts;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

import java.net.URI;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

class ProfileEditorViewModelTest {

    private final ConnectionService connections = mock(ConnectionService.class);
    private final ProfileEditorViewModel viewModel;

    ProfileEditorViewModelTest() {
        when(connections.profiles()).thenReturn(CompletableFuture.completedFuture(
                List.of(ConnectionProfile.localSandbox("Local sandbox"))));
        var texts = TestTexts.create();
        viewModel = new ProfileEditorViewModel(connections, new UserMessages(texts), texts, Runnable::run);
        viewModel.start();
    }

    @Test
    void aSupabaseProfileNeedsAnHttpUrlAndAKey() {
        viewModel.nameProperty().set("Staging");
        viewModel.urlProperty().set("ftp://stg.supabase.co");

        assertEquals("Enter an http:// or https:// address.", viewModel.urlProblemProperty().get());
        assertEquals("Enter the anon key.", viewModel.keyProblemProperty().get());
        assertFalse(viewModel.saveCommand().isExecutable());
    }

    @Test
    void aValidProfileIsSavedWithANewId() {
        when(connections.save(any())).thenAnswer(call -> CompletableFuture.completedFuture(call.getArgument(0)));
        viewModel.nameProperty().set("Staging");
        viewModel.urlProperty().set("https://stg.supabase.co ");
        viewModel.anonKeyProperty().set("anon-key");

        assertTrue(viewModel.saveCommand().execute());

        ArgumentCaptor<ConnectionProfile> saved = ArgumentCaptor.forClass(ConnectionProfile.class);
        verify(connections).save(saved.capture());
        assertEquals("Staging", saved.getValue().name());
        assertEquals(Kind.SUPABASE, saved.getValue().kind());
        assertEquals(URI.create("https://stg.supabase.co"), saved.getValue().url());
        assertEquals("Profile 'Staging' saved.", viewModel.messageProperty().get());
    }

    @Test
    void theSandboxNeedsOnlyANameAndCannotBeRemoved() {
        viewModel.select(viewModel.profiles().getFirst());

        assertTrue(viewModel.sandboxBinding().get());
        assertTrue(viewModel.saveCommand().isExecutable());
        assertFalse(viewModel.removeCommand().isExecutable());
        assertTrue(viewModel.kindLockedBinding().get());
    }
}
