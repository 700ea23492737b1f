#!/usr/bin/env bash
# Set up gwlint on a fresh Debian machine: system packages, then a virtual
# environment in .venv with gwlint installed.
#   ./install.sh          gwlint and its runtime data (the language model)
#   ./install.sh --test   also the test extras, the scale extra (Dask's
#                         distributed) and the tools the tests drive
#                         (Neovim, Emacs with eglot, Chromium, node and npm,
#                         LibreOffice Writer and poppler's pdftotext for the
#                         .doc/.wps/.pdf readers, a Chinese font for the PDFs
#                         the tests make), installed editable for development
set -euo pipefail
cd "$(dirname "$0")"

want_test=0
[ "${1:-}" = "--test" ] && want_test=1

# Debian packages: the fcitx5 word trigram model (TY context layer), and for
# the tests real editors (Neovim 0.7, Emacs 28 with eglot), a real browser,
# node/npm to build the VS Code extension (kept if node comes from
# elsewhere: Debian's npm would conflict with a node that bundles its own),
# and the office converters the .doc/.wps/.pdf readers drive.
debs=(libime-data-language-model)
[ $want_test = 1 ] && debs+=(neovim emacs-nox elpa-eglot chromium git)
[ $want_test = 1 ] && ! command -v npm >/dev/null 2>&1 && debs+=(nodejs npm)
[ $want_test = 1 ] && debs+=(libreoffice-writer-nogui poppler-utils fonts-wqy-zenhei)
missing=()
for d in "${debs[@]}"; do
  dpkg -s "$d" >/dev/null 2>&1 || missing+=("$d")
done
if [ ${#missing[@]} -gt 0 ]; then
  if command -v apt-get >/dev/null 2>&1 && [ "$(id -u)" = 0 ]; then
    echo "install.sh: apt-get install ${missing[*]}" >&2
    apt-get update -qq >/dev/null
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
  else
    echo "install.sh: please install these Debian packages: ${missing[*]} (gwlint runs without them, with less)" >&2
  fi
fi

python3 -m venv .venv
.venv/bin/python -m pip install -q --upgrade pip >/dev/null
if [ $want_test = 1 ]; then
  .venv/bin/python -m pip install -q -e ".[test,scale]"
else
  .venv/bin/python -m pip install -q .
fi
# byte-compile the sources once, so that no run pays for it (some machines
# set PYTHONDONTWRITEBYTECODE, and an editable install is not compiled by pip)
.venv/bin/python -m compileall -q linter rules lsp >/dev/null || true
