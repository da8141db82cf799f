package com.storymimi.studio.local.storage;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * A request body whose read failures mean the client went away mid-upload (fewer bytes than its
 * Content-Length, a reset connection). They become a client error rather than a logged server failure;
 * the caller's clean-up (temp file deleted, partial chunk truncated) still runs.
 */
final class ClientBody extends FilterInputStream {

    ClientBody(InputStream in) {
        super(in);
    }

    @Override
    public int read() throws IOException {
        try {
            return super.read();
        } catch (IOException e) {
            throw interrupted();
        }
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        try {
            return super.read(b, off, len);
        } catch (IOException e) {
            throw interrupted();
        }
    }

    private static StorageException interrupted() {
        return StorageException.invalidRequest("The upload was interrupted before all its bytes arrived");
    }
}
