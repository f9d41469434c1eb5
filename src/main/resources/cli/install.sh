#!/bin/sh
# Installs the watershed CLI handed out by the registry at @REGISTRY_URL@ (version @VERSION@):
#
#   curl -fsSL @REGISTRY_URL@/cli/install | sh
#
# WATERSHED_INSTALL_DIR  where the `watershed` command goes (default: $HOME/.local/bin)
# WATERSHED_HOME         where its jar goes (default: $HOME/.local/share/watershed)
# WATERSHED_URL          another registry to download from (default: the one that served this script)
# JAVA_HOME              the Java 17+ to run it with (default: java on the PATH)
set -eu

fail() {
    echo "watershed install: $*" >&2
    exit 1
}

url="${WATERSHED_URL:-@REGISTRY_URL@}"
url="${url%/}"
bin_dir="${WATERSHED_INSTALL_DIR:-$HOME/.local/bin}"
home_dir="${WATERSHED_HOME:-$HOME/.local/share/watershed}"

java_cmd=java
if [ -n "${JAVA_HOME:-}" ] && [ -x "$JAVA_HOME/bin/java" ]; then
    java_cmd="$JAVA_HOME/bin/java"
fi
command -v "$java_cmd" >/dev/null 2>&1 \
    || fail "the CLI needs Java 17 or later and there is no java on the PATH; install a JRE 17+ or set JAVA_HOME"
java_version=$("$java_cmd" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java\.specification\.version = //p')
major=${java_version#1.}
major=${major%%.*}
case "$major" in
    '' | *[!0-9]*) fail "could not tell which Java $java_cmd is; the CLI needs Java 17 or later" ;;
esac
[ "$major" -ge 17 ] || fail "the CLI needs Java 17 or later; $java_cmd is Java $java_version"

if command -v curl >/dev/null 2>&1; then
    fetch() { curl -fsSL "$1" -o "$2"; }
elif command -v wget >/dev/null 2>&1; then
    fetch() { wget -q -O "$2" "$1"; }
else
    fail "curl or wget is needed to download the CLI"
fi
if command -v sha256sum >/dev/null 2>&1; then
    digest() { sha256sum "$1" | cut -d ' ' -f 1; }
elif command -v shasum >/dev/null 2>&1; then
    digest() { shasum -a 256 "$1" | cut -d ' ' -f 1; }
else
    fail "sha256sum or shasum is needed to verify the download"
fi

mkdir -p "$bin_dir" "$home_dir"
# Downloaded beside its final place and moved there only once verified, so that a failed or tampered download
# never replaces a working CLI.
download=$(mktemp "$home_dir/.watershed-cli.jar.XXXXXX")
trap 'rm -f "$download" "$download.sha256"' EXIT
fetch "$url/cli/watershed-cli.jar" "$download" || fail "could not download $url/cli/watershed-cli.jar"
fetch "$url/cli/watershed-cli.jar.sha256" "$download.sha256" || fail "could not download $url/cli/watershed-cli.jar.sha256"
expected=$(cut -d ' ' -f 1 "$download.sha256")
actual=$(digest "$download")
[ -n "$expected" ] && [ "$expected" = "$actual" ] \
    || fail "the downloaded jar's SHA-256 is $actual but the registry says ${expected:-nothing}; nothing was installed"
mv -f "$download" "$home_dir/watershed-cli.jar"

cat >"$bin_dir/watershed" <<LAUNCHER
#!/bin/sh
# The watershed CLI, installed from $url
exec "$java_cmd" -XX:TieredStopAtLevel=1 -Xshare:auto -jar "$home_dir/watershed-cli.jar" "\$@"
LAUNCHER
chmod 755 "$bin_dir/watershed"
echo "watershed @VERSION@ installed as $bin_dir/watershed (SHA-256 $actual)"

# In GitHub Actions, later steps find it on the PATH; elsewhere say how.
if [ -n "${GITHUB_PATH:-}" ]; then
    echo "$bin_dir" >>"$GITHUB_PATH"
else
    case ":$PATH:" in
        *":$bin_dir:"*) ;;
        *) echo "$bin_dir is not on your PATH: export PATH=\"$bin_dir:\$PATH\"" ;;
    esac
fi
