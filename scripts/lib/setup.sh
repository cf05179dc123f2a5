# Shared by scripts/test and scripts/demo: installs what is missing (as
# root), or prints the one apt-get line to run and stops; then configures and
# builds. Source it; do not run it.

NEWS_PACKAGES=(cmake g++ make pkg-config libxapian-dev libicu-dev zlib1g-dev
  libboost-program-options-dev libgtest-dev nlohmann-json3-dev clang-format
  python3 clang libclang-rt-14-dev libcld2-dev libgumbo-dev dpkg-dev
  xz-utils uuid-dev)

news_missing_packages() {
  local missing=() package
  for package in "${NEWS_PACKAGES[@]}"; do
    if ! dpkg-query -W -f='${Status}' "$package" 2>/dev/null |
      grep -q 'install ok installed'; then
      missing+=("$package")
    fi
  done
  echo "${missing[@]:-}"
}

news_ensure_packages() {
  local missing
  missing=$(news_missing_packages)
  [[ -z "$missing" ]] && return 0
  if [[ $(id -u) -ne 0 ]]; then
    echo "Missing packages. Run this, then run me again:" >&2
    echo "  sudo apt-get update && sudo apt-get install -y $missing" >&2
    exit 1
  fi
  echo "== installing: $missing"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -q
  # shellcheck disable=SC2086
  apt-get install -y -q --no-install-recommends $missing
}

source "$(dirname "${BASH_SOURCE[0]}")/static-xapian.sh"

# news_build DIR [cmake args...]: configures (once) and builds DIR, with
# news-search linked against a static Xapian where one can be built
# (static-xapian.sh; sanitizer and fuzzing builds ignore it).
news_build() {
  local dir=$1 static_xapian
  shift
  static_xapian=$(news_static_xapian)
  cmake -S . -B "$dir" -DNEWS_WERROR=ON \
    "-DNEWS_XAPIAN_STATIC_LIBRARY=$static_xapian" "$@" >/dev/null
  cmake --build "$dir" -j "$(nproc)"
}
