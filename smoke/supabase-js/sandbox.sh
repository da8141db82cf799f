# Sourced by run.sh and bench/run-client-bench.sh: build the classes once, start a sandbox server on a
# throwaway data directory and a free port, read its URL and keys, stop it again.
#   sandbox_build            compile main + test classes and write the classpath (skipped when up to date)
#   sandbox_start DIR        start `Launcher --serve --port 0` with storymimi.home=DIR; sets SANDBOX_URL,
#                            SANDBOX_ANON_KEY, SANDBOX_SERVICE_KEY, SANDBOX_EDITOR_EMAIL, SANDBOX_EDITOR_PASSWORD
#   sandbox_stop             stop the server started by sandbox_start
# Needs REPO (the repository root). The keys stay in the environment and in DIR (0700), never on screen.

find_java25() {
  local candidate major
  for candidate in "${JAVA_HOME:-}" /usr/lib/jvm/temurin-25* /usr/lib/jvm/*-25* /usr/lib/jvm/jdk-25*; do
    [ -n "$candidate" ] && [ -x "$candidate/bin/java" ] || continue
    major=$("$candidate/bin/java" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p')
    if [ -n "$major" ] && [ "$major" -ge 25 ]; then echo "$candidate"; return 0; fi
  done
  echo "sandbox: JDK 25 not found (set JAVA_HOME)" >&2
  return 1
}

sandbox_build() {
  JAVA_HOME=$(find_java25) || return 1
  export JAVA_HOME
  local cp_file="$REPO/target/sandbox-classpath.txt"
  # up to date when the classpath file is newer than every source and the pom
  if [ -f "$cp_file" ] && [ -d "$REPO/target/test-classes" ] && \
     [ -z "$(find "$REPO/src" "$REPO/pom.xml" -newer "$cp_file" -print -quit)" ]; then
    return 0
  fi
  echo "sandbox: compiling (mvn test-compile)" >&2
  (cd "$REPO" && MAVEN_OPTS="${MAVEN_OPTS:-} --sun-misc-unsafe-memory-access=allow" \
     mvn -q -B test-compile dependency:build-classpath \
       -Dmdep.outputFile=target/sandbox-classpath.txt -Dmdep.includeScope=test) >&2
}

# main + test classes (the benchmark mains live in test sources)
sandbox_classpath() {
  echo "$REPO/target/classes:$REPO/target/test-classes:$(cat "$REPO/target/sandbox-classpath.txt")"
}

sandbox_start() {
  local dir=$1 out="$1/serve.out" waited=0
  mkdir -p "$dir" && chmod 700 "$dir"
  # port 0: the kernel picks a free port when binding, so two runs never race for the same one
  # main classes only, so the server logs as the app does (test resources would switch on DEBUG per request)
  # shellcheck disable=SC2086 # SANDBOX_JAVA_OPTS: extra JVM options for diagnosis, word-split on purpose
  "$JAVA_HOME/bin/java" --enable-native-access=ALL-UNNAMED ${SANDBOX_JAVA_OPTS:-} \
    -cp "$REPO/target/classes:$(cat "$REPO/target/sandbox-classpath.txt")" \
    -Dstorymimi.home="$dir" com.storymimi.studio.app.Launcher --serve --port 0 >"$out" 2>&1 &
  SANDBOX_PID=$!
  until grep -q '^Press Ctrl-C to stop' "$out" 2>/dev/null; do
    if ! kill -0 "$SANDBOX_PID" 2>/dev/null || [ "$waited" -ge 600 ]; then
      echo "sandbox: the server did not start; its output:" >&2
      sed 's/\(key: *\|password: *\).*/\1[REDACTED]/' "$out" >&2
      sandbox_stop
      return 1
    fi
    sleep 0.1
    waited=$((waited + 1))
  done
  field() { sed -n "s/^  $1: *//p" "$out" | head -n 1; }
  SANDBOX_URL=$(field 'URL')
  SANDBOX_ANON_KEY=$(field 'anon key')
  SANDBOX_SERVICE_KEY=$(field 'service_role key')
  SANDBOX_EDITOR_EMAIL=$(field 'editor e-mail')
  SANDBOX_EDITOR_PASSWORD=$(field 'editor password')
  export SANDBOX_URL SANDBOX_ANON_KEY SANDBOX_SERVICE_KEY SANDBOX_EDITOR_EMAIL SANDBOX_EDITOR_PASSWORD
  echo "sandbox: serving $SANDBOX_URL (pid $SANDBOX_PID, data in $dir)" >&2
}

sandbox_stop() {
  if [ -n "${SANDBOX_PID:-}" ] && kill -0 "$SANDBOX_PID" 2>/dev/null; then
    kill "$SANDBOX_PID" 2>/dev/null || true
    wait "$SANDBOX_PID" 2>/dev/null || true
  fi
  SANDBOX_PID=
}
