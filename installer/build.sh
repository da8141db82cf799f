#!/usr/bin/env bash
# Builds StoryMimi Studio's Linux installer from what `mvn -Pinstaller package` left in target/:
#   runtime  a jlink image holding the JDK modules the app needs AND the app with its libraries as linked modules
#   image    a jpackage app-image around it, with a JDK 25 AOT cache trained by starting the app once (Xvfb)
#   deb      a .deb made from exactly that image
# Usage: installer/build.sh <target-dir> <project-version> [app-image|deb|deb-only]
#   (default deb, which builds both; deb-only packages the app-image already in target/installer/image)
# Needs JDK 25 (jlink, jpackage), xvfb-run for the training run, and fakeroot + dpkg-deb for the .deb.
set -euo pipefail

INSTALLER_DIR=$(cd "$(dirname "$0")" && pwd)
PROJECT_DIR=$(dirname "$INSTALLER_DIR")
TARGET=$(cd "${1:?target dir}" && pwd)
PROJECT_VERSION=${2:?project version}
WANT=${3:-deb}

NAME=storymimi-studio
MAIN_MODULE=com.storymimi.studio
MAIN=$MAIN_MODULE/com.storymimi.studio.app.Launcher
VENDOR=StoryMimi
DESCRIPTION="Desktop editor for StoryMimi's Supabase catalogue: users, stories, scenes and their media."
# jpackage wants 1-3 numbers: 0.1.0-SNAPSHOT becomes 0.1.0.
APP_VERSION=$(sed -E 's/^([0-9]+(\.[0-9]+){0,2}).*/\1/' <<<"$PROJECT_VERSION")
# Modules no `requires` names but the app needs: logback finds its JNDI-free config through java.naming's
# classes, and ch.qos.logback.classic is only reached through SLF4J's ServiceLoader. jdk.localedata gives
# dates in the editor's own language (the views use localized formats).
EXTRA_MODULES=ch.qos.logback.classic,java.naming,jdk.localedata
# The same options `./studio run` uses, plus the native library of SQLite taken from the image instead of
# being unpacked into /tmp on every start (which also fails where /tmp is mounted noexec).
JAVA_OPTIONS=(--enable-native-access=javafx.graphics,javafx.media,org.xerial.sqlitejdbc
              '-Dorg.sqlite.lib.path=$APPDIR/../runtime/lib' -Dorg.sqlite.lib.name=libsqlitejdbc.so)
AOT_OPTION='-XX:AOTCache=$APPDIR/app.aot'

WORK=$TARGET/installer
DEPS=$WORK/deps
MODS=$WORK/mods
RUNTIME=$WORK/runtime
IMAGES=$WORK/image
APP_IMAGE=$IMAGES/$NAME

say() { echo "installer: $*" >&2; }
die() { say "$*"; exit 1; }

# A JavaFX or SQLite jar keeps its native libraries inside and unpacks them into the user's home or /tmp at
# run time. Repacked as a jmod, jlink puts them into the runtime's lib/, where both libraries look first.
jar_to_jmod() {
  local jar=$1 module=$2 libs_glob=$3 drop_glob=${4:-}
  local dir=$WORK/unpacked/$module
  rm -rf "$dir" && mkdir -p "$dir/classes" "$dir/libs"
  (cd "$dir/classes" && jar -xf "$jar")
  # Multi-release jars keep module-info.class under versions/9; jmod wants it at the top.
  if [ -d "$dir/classes/META-INF/versions/9" ]; then
    cp -r "$dir/classes/META-INF/versions/9/." "$dir/classes/" && rm -rf "$dir/classes/META-INF/versions"
  fi
  local lib
  for lib in $dir/classes/$libs_glob; do [ -f "$lib" ] && mv "$lib" "$dir/libs/"; done
  [ -n "$drop_glob" ] && rm -rf $dir/classes/$drop_glob
  rm -f "$MODS/$module.jmod"
  jmod create --class-path "$dir/classes" --libs "$dir/libs" "$MODS/$module.jmod"
}

prepare_modules() {
  rm -rf "$MODS" && mkdir -p "$MODS"
  cp "$TARGET/$NAME-$PROJECT_VERSION.jar" "$MODS/"
  local jar base
  for jar in "$DEPS"/*.jar; do
    base=$(basename "$jar")
    case "$base" in
      javafx-*-linux.jar)
        jar_to_jmod "$jar" "$(jar --describe-module --file "$jar" | sed -n '1s/@.*//p')" '*.so' ;;
      javafx-*.jar) ;; # the platform-less javafx jars are empty placeholders
      error_prone_annotations-*.jar) ;; # compile-time annotations, `requires static` only
      sqlite-jdbc-*.jar)
        jar_to_jmod "$jar" org.xerial.sqlitejdbc 'org/sqlite/native/Linux/x86_64/*.so' 'org/sqlite/native' ;;
      *) cp "$jar" "$MODS/" ;;
    esac
  done
}

# jlink follows `requires`; jdeps also sees what the bytecode uses. Fails if the two ever disagree.
check_runtime_has_what_jdeps_sees() {
  local needed missing=() module
  needed=$(jdeps --module-path "$DEPS" --multi-release 25 --ignore-missing-deps --print-module-deps \
             "$TARGET/$NAME-$PROJECT_VERSION.jar" 2>/dev/null | tr ',' ' ')
  local linked; linked=$("$RUNTIME/bin/java" --list-modules | sed 's/@.*//')
  for module in $needed; do grep -qx "$module" <<<"$linked" || missing+=("$module"); done
  [ ${#missing[@]} -eq 0 ] || die "the runtime lacks modules jdeps says the app uses: ${missing[*]}"
  say "jdeps: the app uses $needed"
}

build_runtime() {
  prepare_modules
  rm -rf "$RUNTIME"
  # No --compress: the .deb is compressed anyway, and an uncompressed jimage starts faster.
  jlink --module-path "$MODS" --add-modules "$MAIN_MODULE,$EXTRA_MODULES" \
        --strip-debug --no-header-files --no-man-pages --output "$RUNTIME"
  check_runtime_has_what_jdeps_sees
  say "runtime: $(du -sh "$RUNTIME" | cut -f1), $("$RUNTIME/bin/java" --list-modules | wc -l) modules"
}

build_app_image() {
  rm -rf "$IMAGES" && mkdir -p "$IMAGES"
  local options=() option
  for option in "${JAVA_OPTIONS[@]}"; do options+=(--java-options "$option"); done
  jpackage --type app-image --dest "$IMAGES" --name "$NAME" --app-version "$APP_VERSION" \
           --vendor "$VENDOR" --description "$DESCRIPTION" \
           --icon "$PROJECT_DIR/icons/png/$NAME-512.png" \
           --runtime-image "$RUNTIME" --module "$MAIN" "${options[@]}"
}

# One start of the real launcher records which classes load and links them into lib/app/app.aot (JEP 483/514).
# The launcher's options are then extended to use that cache; a JVM that cannot use it starts without it.
train_aot_cache() {
  local home; home=$(mktemp -d)
  local log=$WORK/aot-training.log
  say "training the AOT cache (one start under Xvfb, sandbox in $home)"
  if ! JAVA_TOOL_OPTIONS="-XX:AOTCacheOutput=$APP_IMAGE/lib/app/app.aot -Dstorymimi.home=$home -Dstorymimi.exitAfterFirstFrame=true" \
       timeout 300 xvfb-run -a -s "-screen 0 1280x800x24" "$APP_IMAGE/bin/$NAME" >"$log" 2>&1; then
    cat "$log" >&2; die "the training run failed"
  fi
  rm -rf "$home"
  grep -q "storymimi: first frame after" "$log" || { cat "$log" >&2; die "the training run never showed the window"; }
  [ -s "$APP_IMAGE/lib/app/app.aot" ] || { cat "$log" >&2; die "the training run wrote no AOT cache"; }
  local cfg=$APP_IMAGE/lib/app/$NAME.cfg
  sed -i "/^\[JavaOptions\]/a java-options=$AOT_OPTION" "$cfg"
  say "AOT cache: $(du -h "$APP_IMAGE/lib/app/app.aot" | cut -f1)"
}

LINUX_DEPS="libgtk-3-0, libavcodec59, libavformat59"

# Packages that provide the system libraries the image's native code links directly (readelf NEEDED).
direct_library_packages() {
  local lib path real
  find "$APP_IMAGE" -type f \( -name '*.so' -o -path '*/bin/*' \) -exec readelf -d {} + 2>/dev/null \
    | sed -n 's/.*Shared library: \[\(.*\)\]/\1/p' | sort -u | while read -r lib; do
      [ -e "$APP_IMAGE/lib/runtime/lib/$lib" ] || [ -e "$APP_IMAGE/lib/runtime/lib/server/$lib" ] && continue
      path=$(ldconfig -p | awk -v l="$lib" '$1 == l && /x86-64/ {print $NF; exit}')
      [ -n "$path" ] || continue # e.g. the ffmpeg versions other distributions ship: optional plugins
      real=$(readlink -f "$path") # merged /usr: dpkg may know either spelling
      dpkg -S "$path" "$real" "${real#/usr}" 2>/dev/null | head -1 | cut -d: -f1
    done | sort -u
}

# The .deb's Depends line is written by hand (installer/linux/control); this keeps it honest.
check_declared_dependencies() {
  command -v apt-cache >/dev/null || return 0
  local declared closure missing=() pkg
  declared=$(sed -n 's/^Depends: //p' "$INSTALLER_DIR/linux/control" | sed "s/PACKAGE_CUSTOM_DEPENDENCIES/, $LINUX_DEPS/" | tr -d ',')
  closure=$(apt-cache depends --recurse --no-recommends --no-suggests --no-conflicts --no-breaks --no-replaces \
              --no-enhances $declared 2>/dev/null | sed -n 's/^\([^ <]\S*\)$/\1/p; s/^ *Depends: \([^<]\S*\)$/\1/p' \
              | sed 's/:amd64$//' | sort -u)
  for pkg in $(direct_library_packages); do grep -qx "$pkg" <<<"$closure" || missing+=("$pkg"); done
  [ ${#missing[@]} -eq 0 ] || die "installer/linux/control misses packages the image links: ${missing[*]}"
}

build_deb() {
  check_declared_dependencies
  local resources=$WORK/resources
  rm -rf "$resources" "$WORK"/*.deb && mkdir -p "$resources"
  cp "$INSTALLER_DIR/linux/control" "$INSTALLER_DIR/linux/postinst" "$INSTALLER_DIR/linux/$NAME.desktop" "$resources/"
  cp "$PROJECT_DIR/icons/png/$NAME-512.png" "$resources/$NAME.png"
  jpackage --type deb --dest "$WORK" --app-image "$APP_IMAGE" --name "$NAME" --app-version "$APP_VERSION" \
           --vendor "$VENDOR" --description "$DESCRIPTION" --resource-dir "$resources" \
           --linux-package-name "$NAME" --linux-deb-maintainer "studio@storymimi.com" \
           --linux-shortcut --linux-menu-group "Office;Graphics;" --linux-app-category editors \
           --linux-package-deps "$LINUX_DEPS"
  local deb; deb=$(ls "$WORK"/*.deb)
  say "deb: $deb ($(du -h "$deb" | cut -f1))"
  say "Depends: $(dpkg-deb -f "$deb" Depends)"
}

[ -n "${JAVA_HOME:-}" ] && export PATH="$JAVA_HOME/bin:$PATH"
command -v jpackage >/dev/null || die "jpackage not found: put JDK 25's bin on PATH"
case "$WANT" in
  app-image) build_runtime; build_app_image; train_aot_cache ;;
  deb)       build_runtime; build_app_image; train_aot_cache; build_deb ;;
  deb-only)  [ -d "$APP_IMAGE" ] || die "no app-image to package: build it first"; build_deb ;;
  *)         die "unknown type $WANT (app-image, deb, deb-only)" ;;
esac
say "done: $APP_IMAGE"
