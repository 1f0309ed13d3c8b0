// A small Markdown reader for the knowledge library: text in, a tree of plain data out, which Markdown.tsx
// turns into React elements. Nothing here produces HTML, so raw HTML in an article stays text; the only
// attribute that carries user input is a link's href, and safeHref allows http(s), mailto and app paths.
// Covered: headings (ATX and setext), paragraphs, emphasis, strong, strikethrough, code spans and fenced
// code, block quotes, lists (nested by indentation), rules, links, autolinks, bare URLs, hard breaks.

import { type Inline, MAX_DEPTH, parseInlines } from './markdownInline';

export type Block =
  | { t: 'h'; level: 1 | 2 | 3 | 4 | 5 | 6; c: Inline[] }
  | { t: 'p'; c: Inline[] }
  | { t: 'pre'; v: string }
  | { t: 'quote'; c: Block[] }
  | { t: 'list'; ordered: boolean; start: number; items: Block[][] }
  | { t: 'hr' };

const FENCE = /^ {0,3}(`{3,}|~{3,})(.*)$/;
const ATX = /^ {0,3}(#{1,6})(?:[ \t]+(.*?))?(?:[ \t]+#+)?[ \t]*$/;
const HR = /^ {0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*$/;
const QUOTE = /^ {0,3}> ?(.*)$/;
const ITEM = /^( {0,3})([-*+]|\d{1,9}[.)])([ \t]+(.*))?$/;
const SETEXT = /^ {0,3}(=+|-+)[ \t]*$/;

const blank = (l: string) => l.trim() === '';
const startsBlock = (l: string) =>
  FENCE.test(l) || ATX.test(l) || HR.test(l) || QUOTE.test(l) || ITEM.test(l);

/** Removes up to `n` leading spaces. */
const dedent = (l: string, n: number) => l.replace(new RegExp(`^ {0,${n}}`), '');

export function parseBlocks(lines: string[], depth = 0): Block[] {
  const blocks: Block[] = [];
  let i = 0;
  while (i < lines.length) {
    const line = lines[i]!;
    if (blank(line)) {
      i++;
      continue;
    }
    const fence = FENCE.exec(line);
    if (fence && !(fence[1]![0] === '`' && fence[2]!.includes('`'))) {
      const marker = fence[1]!;
      const indent = line.length - line.trimStart().length;
      const body: string[] = [];
      i++;
      while (i < lines.length) {
        const l = lines[i]!;
        if (new RegExp(`^ {0,3}${marker[0] === '`' ? '`' : '~'}{${marker.length},}[ \\t]*$`).test(l)) {
          i++;
          break;
        }
        body.push(dedent(l, indent));
        i++;
      }
      blocks.push({ t: 'pre', v: body.join('\n') });
      continue;
    }
    const atx = ATX.exec(line);
    if (atx) {
      blocks.push({
        t: 'h',
        level: atx[1]!.length as 1 | 2 | 3 | 4 | 5 | 6,
        c: parseInlines(atx[2] ?? '', 0),
      });
      i++;
      continue;
    }
    if (HR.test(line)) {
      blocks.push({ t: 'hr' });
      i++;
      continue;
    }
    if (QUOTE.test(line)) {
      const inner: string[] = [];
      while (i < lines.length && !blank(lines[i]!)) {
        const q = QUOTE.exec(lines[i]!);
        // A line without ">" continues the quoted paragraph (lazy continuation), unless it starts a block.
        if (!q && startsBlock(lines[i]!)) break;
        inner.push(q ? q[1]! : lines[i]!);
        i++;
      }
      blocks.push(
        depth >= MAX_DEPTH
          ? { t: 'p', c: parseInlines(inner.join('\n')) }
          : { t: 'quote', c: parseBlocks(inner, depth + 1) },
      );
      continue;
    }
    const item = ITEM.exec(line);
    if (item) {
      const ordered = /\d/.test(item[2]!);
      const bullet = item[2]!.slice(-1);
      const start = ordered ? Number.parseInt(item[2]!, 10) : 1;
      const items: string[][] = [];
      while (i < lines.length) {
        const m = ITEM.exec(lines[i]!);
        if (!m || /\d/.test(m[2]!) !== ordered || m[2]!.slice(-1) !== bullet) break;
        const contentIndent =
          m[1]!.length + m[2]!.length + Math.min(Math.max((m[3] ?? ' ').length - (m[4] ?? '').length, 1), 4);
        const body = [m[4] ?? ''];
        i++;
        while (i < lines.length) {
          const l = lines[i]!;
          if (blank(l)) {
            const next = lines[i + 1];
            if (
              next !== undefined &&
              !blank(next) &&
              next.length - next.trimStart().length >= contentIndent
            ) {
              body.push('');
              i++;
              continue;
            }
            break;
          }
          const indent = l.length - l.trimStart().length;
          if (indent >= contentIndent) body.push(l.slice(contentIndent));
          else if (ITEM.test(l) || startsBlock(l)) break;
          else body.push(l.trimStart());
          i++;
        }
        items.push(body);
      }
      blocks.push({
        t: 'list',
        ordered,
        start,
        items: items.map((body) =>
          depth >= MAX_DEPTH ? [{ t: 'p', c: parseInlines(body.join('\n')) }] : parseBlocks(body, depth + 1),
        ),
      });
      continue;
    }
    // A paragraph runs until a blank line or the start of another block; `===` or `---` under it makes a heading.
    const para: string[] = [line.trimStart()];
    i++;
    let level: 1 | 2 | null = null;
    while (i < lines.length && !blank(lines[i]!)) {
      const setext = SETEXT.exec(lines[i]!);
      if (setext) {
        level = setext[1]![0] === '=' ? 1 : 2;
        i++;
        break;
      }
      if (startsBlock(lines[i]!)) break;
      para.push(lines[i]!.trimStart());
      i++;
    }
    const c = parseInlines(para.join('\n').replace(/[ \t]+$/, ''));
    blocks.push(level ? { t: 'h', level, c } : { t: 'p', c });
  }
  return blocks;
}

export function parseMarkdown(source: string): Block[] {
  return parseBlocks(
    source.replace(/\r\n?/g, '\n').replace(/\t/g, '    ').replaceAll('\u0000', '\ufffd').split('\n'),
  );
}
