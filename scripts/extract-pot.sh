#!/usr/bin/env bash
# Extracts every translatable string from kiosk/ and core/ into i18n/indgang.pot (xgettext),
# then merges it into each i18n/<lang>.po (msgmerge), so translators see new strings at once.
# Usage: scripts/extract-pot.sh [--no-merge]
# Marking strings in code:  tr("Book a time")  tr_ctx("button", "Back")  trn("{n} visitor", "{n} visitors", n)
#                           fmt("Your code is {code}", {{"code", c}})
#                           N_("Text") marks a string used later through tr().
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
pot=i18n/indgang.pot

# core/report is staff-facing (the municipality's report), not visitor text: not in this template.
mapfile -t sources < <(find kiosk core -path core/report -prune -o \( -name '*.cpp' -o -name '*.hpp' \) -print 2>/dev/null | LC_ALL=C sort)
tmp="$(mktemp)"
trap 'rm -f "$tmp"' EXIT
xgettext --language=C++ --from-code=UTF-8 --add-comments=TRANSLATORS: \
  --keyword= --keyword=tr --keyword=tr_ctx:1c,2 --keyword=trn:1,2 --keyword=fmt:1 --keyword=N_ \
  --keyword=NC_:1c,2 \
  --package-name=Indgang --msgid-bugs-address="indgang-i18n@localhost" \
  --sort-by-file --add-location=file --no-wrap -o "$tmp" "${sources[@]}"
# Stable header: xgettext stamps the time; keep the old file when only the stamp changed.
sed -i 's/^"Content-Type: text\/plain; charset=CHARSET\\n"/"Content-Type: text\/plain; charset=UTF-8\\n"/' "$tmp"
if [ -f "$pot" ] && diff -q <(grep -v POT-Creation-Date "$tmp") <(grep -v POT-Creation-Date "$pot") >/dev/null; then
  echo "extract-pot: $pot unchanged ($(grep -c '^msgid ' "$pot") entries incl. header)"
else
  cp "$tmp" "$pot"
  echo "extract-pot: wrote $pot ($(grep -c '^msgid ' "$pot") entries incl. header)"
fi

# The staff catalog: every st()/st_fill()/ST_() string in admin/, core/ and kiosk/ (staff mode),
# so visitor translators never see staff text and staff text is never left out.
staff_pot=i18n/staff/indgang-staff.pot
mapfile -t staff_sources < <(find admin core kiosk \( -name '*.cpp' -o -name '*.hpp' \) -print | LC_ALL=C sort)
xgettext --language=C++ --from-code=UTF-8 --add-comments=TRANSLATORS: \
  --keyword= --keyword=st --keyword=st_fill:1 --keyword=ST_ \
  --package-name="Indgang staff" --msgid-bugs-address="indgang-i18n@localhost" \
  --sort-by-file --add-location=file --no-wrap -o "$tmp" "${staff_sources[@]}"
sed -i 's/^"Content-Type: text\/plain; charset=CHARSET\\n"/"Content-Type: text\/plain; charset=UTF-8\\n"/' "$tmp"
if [ -f "$staff_pot" ] && diff -q <(grep -v POT-Creation-Date "$tmp") <(grep -v POT-Creation-Date "$staff_pot") >/dev/null; then
  echo "extract-pot: $staff_pot unchanged"
else
  cp "$tmp" "$staff_pot"
  echo "extract-pot: wrote $staff_pot ($(grep -c '^msgid ' "$staff_pot") entries incl. header)"
fi

[ "${1:-}" = "--no-merge" ] && exit 0
for po in i18n/staff/*.po; do
  msgmerge --quiet --update --backup=none --no-wrap --no-fuzzy-matching "$po" "$staff_pot"
done
for po in i18n/*.po; do
  msgmerge --quiet --update --backup=none --no-wrap --no-fuzzy-matching "$po" "$pot"
done
echo "extract-pot: merged into $(ls i18n/*.po | wc -l) catalogs"
