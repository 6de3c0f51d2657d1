#!/usr/bin/env bash
# Regenerates the import-format fixtures in test/fixtures/import/: one short made-up notice
# (written for these tests, not copied from anywhere) as .txt, .html, .docx, .doc and .pdf.
# The .docx/.doc/.pdf come from LibreOffice headless so they are real files of each format.
# Run once and commit the results; the tests only read them.
set -euo pipefail
cd "$(dirname "$0")/.."
OUT=test/fixtures/import
mkdir -p "$OUT"
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT

cat > "$OUT/notice.txt" <<'TXT'
青禾县疫情防控指挥部关于加强冬季疫情防控工作的通告
为切实做好冬季疫情防控工作，保障群众身体健康，现就有关事项通告如下：
一、来青禾县的外地人员须持48小时内核酸检测阴性证明，抵达后3天内完成2次核酸检测。
二、全县各类室内公共场所严格落实扫码、测温、佩戴口罩等防控措施。
三、暂停举办50人以上的聚集性活动，确需举办的须报县指挥部审批。
特此通告。
青禾县疫情防控指挥部
2022年11月8日
TXT

# The HTML version wraps the same notice in typical page furniture (navigation, a related-links
# list, a copyright footer) that the cleaner must remove.
{
  echo '<!doctype html><html><head><meta charset="utf-8"><title>通告</title></head><body>'
  echo '<div class="nav">当前位置：首页 &gt; 通知公告 &gt; 正文</div><div class="content">'
  sed 's/.*/<p>&<\/p>/' "$OUT/notice.txt"
  echo '</div><div class="footer"><p>版权所有：青禾县人民政府网站</p></div></body></html>'
} > "$OUT/notice.html"

# LibreOffice converts from HTML so each paragraph stays a paragraph.
sed 's/.*/<p>&<\/p>/' "$OUT/notice.txt" | { echo '<html><head><meta charset="utf-8"></head><body>'; cat; echo '</body></html>'; } > "$TMP/notice.html"
soffice --headless -env:UserInstallation=file://$TMP/profile --convert-to 'docx:MS Word 2007 XML' --outdir "$TMP" "$TMP/notice.html" >/dev/null 2>&1
# .doc and .pdf are made from the .docx (a Writer document), not from HTML: the HTML→PDF
# web export drops the first paragraph.
soffice --headless -env:UserInstallation=file://$TMP/profile --convert-to 'doc:MS Word 97' --outdir "$TMP" "$TMP/notice.docx" >/dev/null 2>&1
soffice --headless -env:UserInstallation=file://$TMP/profile --convert-to 'pdf:writer_pdf_Export' --outdir "$TMP" "$TMP/notice.docx" >/dev/null 2>&1
# An RTF saved under a .doc name, as many government sites publish their "Word" files.
soffice --headless -env:UserInstallation=file://$TMP/profile --convert-to 'rtf:Rich Text Format' --outdir "$TMP" "$TMP/notice.docx" >/dev/null 2>&1
for fmt in docx doc pdf; do cp "$TMP/notice.$fmt" "$OUT/notice.$fmt"; done
cp "$TMP/notice.rtf" "$OUT/notice-rtf.doc"
ls -l "$OUT"
