import { esc, type Html } from './html.js';

// THE print page of the ledger: a self-contained HTML document laid out after GB/T 9704-2012 (党政机关公文格式),
// used for the 督办单 and the weekly digest. A4; margins top 37 mm, bottom 35 mm, left 28 mm, right 26 mm, leaving
// a 156 × 225 mm text block; body 3号 仿宋 (16 pt), 28 characters × 22 lines (line pitch 225 mm / 22 ≈ 28.9 pt);
// title 2号 小标宋 (22 pt); headings 一、 黑体, (一) 楷体; page numbers "— 1 —" at the foot, odd pages at the right and
// even pages at the left. Font stacks fall back
// to the Noto CJK fonts of Linux workstations where the official fonts are not installed.
//
// Self-contained: no script, no external resource; a Content-Security-Policy says so, so whoever prints it
// (Electron's printToPDF, the system print dialog, headless Chromium) loads nothing else.

export interface PrintDocument {
  /** The document title, also the PDF's title. */
  title: string;
  /** Markup for the page body, built with html`` so every value is escaped. */
  body: Html;
  /** Extra CSS for this kind of document. */
  css?: string;
}

export const FONT = {
  title: '"FZXiaoBiaoSong-B05S", "方正小标宋简体", "FZXBSJW--GB1-0", "Noto Serif CJK SC", "Source Han Serif SC", serif',
  body: '"FangSong", "FangSong_GB2312", "仿宋_GB2312", "仿宋", "STFangsong", "Noto Serif CJK SC", "Source Han Serif SC", serif',
  hei: '"SimHei", "黑体", "STHeiti", "Noto Sans CJK SC", "Source Han Sans SC", sans-serif',
  /** 宋体, for page numbers (GB/T 9704-2012 7.5). */
  song: '"SimSun", "宋体", "STSong", "Noto Serif CJK SC", "Source Han Serif SC", serif',
  kai: '"KaiTi", "KaiTi_GB2312", "楷体_GB2312", "楷体", "STKaiti", "Noto Serif CJK SC", serif',
} as const;

const PAGE_NUMBER_BOX = `content: "— " counter(page) " —"; font-family: ${FONT.song.replace(/"/g, "'")}; font-size: 14pt; vertical-align: top; padding-top: 7mm; white-space: nowrap;`;

export const PAGE_CSS = `
@page {
  size: A4;
  margin: 37mm 26mm 35mm 28mm;
}
/* GB/T 9704-2012 7.5: 4号 (14 pt) 半角宋体 digits between 一字线, 7 mm under the text block; odd pages at the
   right and even pages at the left, each one character in from the text block's edge. The first page is a
   right-hand page, so odd pages are :right. Even pages mirror the margins: the binding edge (订口) is 28 mm. */
@page :right {
  @bottom-right { ${PAGE_NUMBER_BOX} padding-right: 14pt; text-align: right; }
}
@page :left {
  margin: 37mm 28mm 35mm 26mm;
  @bottom-left { ${PAGE_NUMBER_BOX} padding-left: 14pt; text-align: left; }
}
html { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
body {
  margin: 0;
  font-family: ${FONT.body};
  font-size: 16pt;
  line-height: 28.9pt;
  color: #000;
  text-align: justify;
  /* Chinese breaks between any two characters anyway; 'normal' (not break-all) keeps a number with its digits,
     decimal point and % together ("123/45热线" and "其他1/3起" were read as other numbers). */
  word-break: normal;
  overflow-wrap: break-word;
}
h1.doc-title {
  font-family: ${FONT.title};
  font-size: 22pt;
  font-weight: normal;
  line-height: 35pt;
  text-align: center;
  margin: 0 0 28.9pt;
}
h2 { font-family: ${FONT.hei}; font-size: 16pt; font-weight: normal; line-height: 28.9pt; margin: 0; }
h3 { font-family: ${FONT.kai}; font-size: 16pt; font-weight: normal; line-height: 28.9pt; margin: 0; }
h2, h3 { break-after: avoid; page-break-after: avoid; }
p { margin: 0; text-indent: 2em; }
p.flush { text-indent: 0; }
table { width: 100%; border-collapse: collapse; page-break-inside: auto; }
tr { page-break-inside: avoid; break-inside: avoid; }
thead { display: table-header-group; }
@media screen {
  html { background: #e9e9e9; }
  body { width: 156mm; min-height: 225mm; margin: 12mm auto; padding: 37mm 26mm 35mm 28mm; background: #fff; box-shadow: 0 1px 6px rgba(0,0,0,.25); }
}
`;

const CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; font-src data:";

/** The whole document as a string, ready for a print preview (iframe srcdoc) or a printer. */
export function renderPrintDocument(doc: PrintDocument): string {
  return `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${CSP}">
<title>${esc(doc.title)}</title>
<style>${PAGE_CSS}${doc.css ?? ''}</style>
</head>
<body>
${doc.body.value}
</body>
</html>
`;
}
