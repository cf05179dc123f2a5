# news_static_xapian: prints the path of a static libxapian.a of exactly
# the installed libxapian-dev's Debian version, building it once from
# Debian's source package into build-xapian/<version>/ of this checkout (about 4 minutes on
# 2 cores); prints nothing, with the reason on stderr, where that cannot be
# done (no network, another version in the archive...), and the build then
# links the shared libxapian as before. Debian ships no static libxapian;
# news-search links this one so that a one-query process loads no C++
# shared library (docs/performance.md). Source it; do not run it.
#
# NEWS_STATIC_XAPIAN=0 skips it (the shared library is used).

NEWS_XAPIAN_CACHE=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)/build-xapian

news_static_xapian() {
  [[ "${NEWS_STATIC_XAPIAN:-1}" == 0 ]] && return 0
  local version root
  version=$(dpkg-query -W -f='${Version}' libxapian-dev 2>/dev/null) || true
  if [[ -z "$version" ]]; then
    echo "static Xapian: libxapian-dev is not installed" >&2
    return 0
  fi
  root=$NEWS_XAPIAN_CACHE/$version
  if [[ -f "$root/libxapian.a" ]]; then
    echo "$root/libxapian.a"
    return 0
  fi
  echo "== building a static libxapian $version from Debian's source" \
    "(once; log: $root/build.log)" >&2
  rm -rf "$root"
  mkdir -p "$root/apt/lists/partial" "$root/apt/cache/archives/partial"
  if ! news_build_static_xapian "$version" "$root" >"$root/build.log" 2>&1; then
    echo "static Xapian: could not build it (last lines of" \
      "$root/build.log below); news-search links the shared libxapian" >&2
    tail -n 15 "$root/build.log" >&2
    return 0
  fi
  echo "$root/libxapian.a"
}

# The steps, logged by news_static_xapian.
news_build_static_xapian() {
  local version=$1 root=$2
  # A private apt state: the deb-src lines of the system's own mirrors,
  # without touching its package lists.
  news_deb_src_lines >"$root/apt/sources.list"
  cat "$root/apt/sources.list"
  local apt_options=(-o "Dir::Etc::sourcelist=$root/apt/sources.list"
    -o Dir::Etc::sourceparts=- -o "Dir::State::Lists=$root/apt/lists"
    -o "Dir::Cache=$root/apt/cache" -o APT::Get::List-Cleanup=0)
  [[ $(id -u) -eq 0 ]] && apt_options+=(-o APT::Sandbox::User=root)
  apt-get "${apt_options[@]}" update
  (cd "$root" && apt-get "${apt_options[@]}" source --download-only \
    "xapian-core=$version")
  # dpkg-source checks the files against the signed .dsc and applies
  # Debian's patches: the same source as the installed library.
  (cd "$root" && dpkg-source --no-copy -x xapian-core_*.dsc src)
  (cd "$root/src" && ./configure --disable-shared --enable-static \
    --disable-documentation CXXFLAGS="-O2 -g0" &&
    make -j "$(nproc)" libxapian.la)
  cp "$root/src/.libs/libxapian.a" "$root/libxapian.a.part"
  mv "$root/libxapian.a.part" "$root/libxapian.a"
  rm -rf "$root/src" "$root/apt" "$root"/xapian-core_*
}

# deb-src lines for the system's deb sources (deb822 and one-line files).
news_deb_src_lines() {
  local file
  for file in /etc/apt/sources.list /etc/apt/sources.list.d/*.list; do
    [[ -f "$file" ]] || continue
    sed -n 's/^[[:space:]]*deb[[:space:]]\+/deb-src /p' "$file"
  done
  for file in /etc/apt/sources.list.d/*.sources; do
    [[ -f "$file" ]] || continue
    # One stanza per paragraph: Types, URIs, Suites, Components, Signed-By.
    awk '
      function flush() {
        if (types ~ /(^| )deb( |$)/ && uris != "" && suites != "") {
          n = split(uris, u, " "); m = split(suites, s, " ")
          for (i = 1; i <= n; i++) for (j = 1; j <= m; j++) {
            opt = signed != "" ? "[signed-by=" signed "] " : ""
            print "deb-src " opt u[i] " " s[j] " " components
          }
        }
        types = uris = suites = components = signed = ""
      }
      /^[[:space:]]*$/ { flush(); next }
      /^#/ { next }
      {
        key = $1; sub(/:$/, "", key); $1 = ""; sub(/^ /, "")
        if (key == "Types") types = $0
        else if (key == "URIs") uris = $0
        else if (key == "Suites") suites = $0
        else if (key == "Components") components = $0
        else if (key == "Signed-By") signed = $0
      }
      END { flush() }' "$file"
  done
}
