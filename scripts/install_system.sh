#!/usr/bin/env bash
# Debian packages the browser, PostgreSQL and cluster tests need: chromium (driven by Playwright, no
# browser download), postgresql (a throwaway server per test run), redis-server and nginx (make cluster
# and tests/cluster); and what the running assistant needs itself: Tesseract with its Dutch data, which reads
# photographed lab reports, and pango with a font for the clinic report's PDF. Installs only what is missing.
# With the argument "run" (make run), only what the running assistant needs.
set -euo pipefail

need=()
command -v tesseract >/dev/null 2>&1 || need+=(tesseract-ocr)
compgen -G "/usr/share/tesseract-ocr/*/tessdata/nld.traineddata" >/dev/null || need+=(tesseract-ocr-nld)
# The clinic report's PDF: WeasyPrint lays it out with pango and embeds DejaVu (fonts-dejavu-core).
for pkg in libpango-1.0-0 libpangoft2-1.0-0 fonts-dejavu-core; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || need+=("$pkg")
done
if [ "${1:-}" != "run" ]; then
command -v chromium >/dev/null 2>&1 || need+=(chromium)
compgen -G "/usr/lib/postgresql/*/bin/initdb" >/dev/null || need+=(postgresql)
id postgres >/dev/null 2>&1 || need+=(postgresql)
command -v redis-server >/dev/null 2>&1 || need+=(redis-server)
command -v nginx >/dev/null 2>&1 || [ -x /usr/sbin/nginx ] || need+=(nginx)
# tests/web: npm installs axe-core from the npm registry; poppler-utils renders the report's PDF pages to PNG.
command -v npm >/dev/null 2>&1 || need+=(npm)
command -v pdftoppm >/dev/null 2>&1 || need+=(poppler-utils)
fi
[ ${#need[@]} -eq 0 ] && exit 0

if [ "$(id -u)" -eq 0 ]; then
  sudo=()
elif command -v sudo >/dev/null 2>&1; then
  sudo=(sudo)
else
  echo "error: the tests need the Debian packages: ${need[*]} (apt-get install ${need[*]}, as root)" >&2
  exit 1
fi
echo "Installing Debian packages: ${need[*]}"
"${sudo[@]}" apt-get update -qq
DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
