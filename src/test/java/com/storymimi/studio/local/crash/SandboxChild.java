package com.storymimi.studio.local.crash;

import com.storymimi.studio.local.SandboxServeCommand;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The sandbox in a process of its own (the {@code --serve} command), so a test can kill it with SIGKILL the way
 * a power cut or {@code kill -9} would, and start it again on the same data directory.
 */
final class SandboxChild implements AutoCloseable {

    final Process process;
    final URI url;
    final String anonKey;
    final String serviceKey;
    final String editorEmail;
    final String editorPassword;

    private SandboxChild(Process process, URI url, String anonKey, String serviceKey, String email, String password) {
        this.process = process;
        this.url = url;
        this.anonKey = anonKey;
        this.serviceKey = serviceKey;
        this.editorEmail = email;
        this.editorPassword = password;
    }

    /** Entry point of the child JVM: serves {@code args[0]} until killed. */
    public static void main(String[] args) {
        System.exit(SandboxServeCommand.run(Path.of(args[0]), 0, System.out));
    }

    static SandboxChild start(Path dataDir) throws IOException {
        String javaBin = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(javaBin, "--enable-native-access=ALL-UNNAMED",
                "-Dstorymimi.sandbox.maxRequestSeconds=10", "-cp", System.getProperty("java.class.path"),
                SandboxChild.class.getName(), dataDir.toString()));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        String url = null;
        String anon = null;
        String service = null;
        String email = null;
        String password = null;
        List<String> seen = new ArrayList<>();
        for (String line = out.readLine(); line != null; line = out.readLine()) {
            seen.add(line);
            String value = line.substring(line.indexOf(':') + 1).strip();
            if (line.startsWith("  URL:")) {
                url = value;
            } else if (line.startsWith("  anon key:")) {
                anon = value;
            } else if (line.startsWith("  service_role key:")) {
                service = value;
            } else if (line.startsWith("  editor e-mail:")) {
                email = value;
            } else if (line.startsWith("  editor password:")) {
                password = value;
            } else if (line.startsWith("Press Ctrl-C")) {
                break;
            }
        }
        if (url == null || password == null) {
            process.destroyForcibly();
            throw new IOException("the sandbox child did not start: " + seen);
        }
        Thread drain = new Thread(() -> {
            try {
                out.transferTo(java.io.Writer.nullWriter());
            } catch (IOException ignored) {
                // the child was killed
            }
        }, "sandbox-child-output");
        drain.setDaemon(true);
        drain.start();
        return new SandboxChild(process, URI.create(url), anon, service, email, password);
    }

    /** SIGKILL: no shutdown hook, no flush, no close. */
    void kill() {
        process.destroyForcibly();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the sandbox child did not die");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UncheckedIOException(new IOException(e));
        }
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            kill();
        }
    }
}
