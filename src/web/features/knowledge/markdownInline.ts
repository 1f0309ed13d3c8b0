// The inline half of the Markdown reader (markdown.ts): emphasis, code, links and text in a paragraph.
// Nothing here produces HTML; the only value that carries user input into an attribute is a link's href,
// and safeHref allows only http(s), mailto and app paths.

export type Inline =
  | { t: 'text'; v: string }
  | { t: 'em' | 'strong' | 'del'; c: Inline[] }
  | { t: 'code'; v: string }
  | { t: 'link'; href: string | null; title: string | null; c: Inline[] }
  | { t: 'br' };

/** Deeper nesting than this is read as text: keeps recursion (and hostile input) bounded. */
export const MAX_DEPTH = 12;
/** How far an opener looks for its closer: keeps pathological input (`****…`) linear enough. */
const WINDOW = 4000;

// ── Links ────────────────────────────────────────────────────────────────────────────────────────────

/**
 * The link target if it is safe to follow, else null: http(s) and mailto URLs, and paths inside the app.
 * Anything with a scheme that is not on that list (javascript:, data:, vbscript:, file:…), any control
 * character or whitespace, and protocol-relative `//host` are refused.
 */
export function safeHref(raw: string): string | null {
  const href = raw.trim();
  if (!href || href.length > 2000) return null;
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are exactly what is refused
  if (/[\u0000-\u0020\u007f-\u009f\u2028\u2029\s\\]/.test(href)) return null;
  if (/^https?:\/\/[^/?#]+/i.test(href) || /^mailto:[^/]/i.test(href)) return href;
  if ((href.startsWith('/') && !href.startsWith('//')) || href.startsWith('#')) return href;
  return null;
}

// ── Text ─────────────────────────────────────────────────────────────────────────────────────────────

const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

/** Character references in text become characters (rendered as text, so `&lt;script&gt;` reads as <script>). */
export function decodeEntities(s: string): string {
  return s.replace(/&(#x[0-9a-f]{1,6}|#[0-9]{1,7}|[a-z]{2,6});/gi, (whole, ref: string) => {
    if (ref[0] !== '#') return NAMED[ref.toLowerCase()] ?? whole;
    const code = ref[1] === 'x' || ref[1] === 'X' ? Number.parseInt(ref.slice(2), 16) : Number(ref.slice(1));
    if (!Number.isFinite(code) || code === 0 || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff))
      return '\ufffd';
    return String.fromCodePoint(code);
  });
}

const PUNCT = /[!"#$%&'()*+,\-./:;<=>?@[\\\]^_`{|}~]/;

function pushText(out: Inline[], v: string): void {
  if (!v) return;
  const last = out[out.length - 1];
  if (last?.t === 'text') last.v += v;
  else out.push({ t: 'text', v });
}

/** Bare http(s) URLs in running text become links (trailing punctuation stays outside). */
function linkifyInto(out: Inline[], text: string): void {
  const re = /https?:\/\/[^\s<>"]+/gi;
  let at = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    let url = m[0];
    const trail = /[.,;:!?'")\]]+$/.exec(url);
    if (trail) url = url.slice(0, -trail[0].length);
    pushText(out, decodeEntities(text.slice(at, m.index)));
    const href = safeHref(url);
    if (href) out.push({ t: 'link', href, title: null, c: [{ t: 'text', v: url }] });
    else pushText(out, url);
    at = m.index + url.length;
    re.lastIndex = at;
  }
  pushText(out, decodeEntities(text.slice(at)));
}

// ── Inlines ──────────────────────────────────────────────────────────────────────────────────────────

/**
 * For every `[` the index of its matching `]` (or -1), in one pass with a stack, honouring backslash
 * escapes: one linear pass instead of a search per bracket, so `[[[[…` cannot go quadratic.
 */
function matchBrackets(s: string): Map<number, number> {
  const match = new Map<number, number>();
  const open: number[] = [];
  for (let i = 0; i < s.length; i++) {
    const ch = s[i];
    if (ch === '\\') i++;
    else if (ch === '[') open.push(i);
    else if (ch === ']' && open.length > 0) match.set(open.pop()!, i);
  }
  return match;
}

/** `(dest "title")` at `at`: the destination, the title and the index after `)`; null if it is not one. */
function linkTail(s: string, at: number): { dest: string; title: string | null; end: number } | null {
  if (s[at] !== '(') return null;
  const rest = s.slice(at, at + WINDOW);
  const m =
    /^\(\s*(?:<([^<>\n]*)>|((?:[^\s()\\]|\\.|\((?:[^\s()\\]|\\.)*\))*))(?:\s+("(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*'|\((?:[^()\\]|\\.)*\)))?\s*\)/.exec(
      rest,
    );
  if (!m) return null;
  const dest = (m[1] ?? m[2] ?? '').replace(/\\(.)/g, '$1');
  const title = m[3] ? decodeEntities(m[3].slice(1, -1).replace(/\\(.)/g, '$1')) : null;
  return { dest, title, end: at + m[0].length };
}

function canOpen(s: string, i: number, run: number, ch: string): boolean {
  const after = s[i + run] ?? ' ';
  const before = s[i - 1] ?? ' ';
  if (/\s/.test(after)) return false;
  // Inside a word, underscores are just underscores (snake_case).
  return !(ch === '_' && /[\p{L}\p{N}]/u.test(before));
}

function canClose(s: string, i: number, run: number, ch: string): boolean {
  const before = s[i - 1] ?? ' ';
  const after = s[i + run] ?? ' ';
  if (/\s/.test(before)) return false;
  return !(ch === '_' && /[\p{L}\p{N}]/u.test(after));
}

export function parseInlines(s: string, depth = 0): Inline[] {
  const out: Inline[] = [];
  if (depth > MAX_DEPTH) {
    pushText(out, s);
    return out;
  }
  const brackets = matchBrackets(s);
  // Per delimiter: no valid closer exists before this index (for openers after the last search).
  const clearUntil = new Map<string, number>();
  let text = '';
  const flush = () => {
    linkifyInto(out, text);
    text = '';
  };
  let i = 0;
  while (i < s.length) {
    const ch = s[i]!;
    // Backslash: escapes punctuation; at the end of a line it is a hard break.
    if (ch === '\\') {
      const next = s[i + 1];
      if (next === '\n') {
        flush();
        out.push({ t: 'br' });
        i += 2;
        continue;
      }
      if (next !== undefined && PUNCT.test(next)) {
        flush();
        pushText(out, next);
        i += 2;
        continue;
      }
    }
    // Two spaces before a line end: a hard break; otherwise a line end is a space-like break.
    if (ch === '\n') {
      const hard = / {2,}$/.test(text);
      text = text.replace(/ +$/, '');
      flush();
      if (hard) out.push({ t: 'br' });
      else pushText(out, '\n');
      i++;
      continue;
    }
    if (ch === '`') {
      const run = /^`+/.exec(s.slice(i, i + 50))![0];
      const close = s.indexOf(run, i + run.length);
      if (close !== -1 && close - i < WINDOW && s[close + run.length] !== '`') {
        flush();
        let code = s.slice(i + run.length, close).replace(/\n/g, ' ');
        if (/^ .* $/.test(code) && code.trim()) code = code.slice(1, -1);
        out.push({ t: 'code', v: code });
        i = close + run.length;
        continue;
      }
      text += run;
      i += run.length;
      continue;
    }
    // <https://…> and <name@host> autolinks; any other <…> stays text.
    if (ch === '<') {
      const m = /^<([a-z][a-z0-9+.-]{1,31}:[^\s<>]*|[^\s<>@]+@[^\s<>@]+\.[^\s<>@]+)>/i.exec(
        s.slice(i, i + 2100),
      );
      if (m) {
        const target = m[1]!;
        const href = safeHref(target.includes(':') ? target : `mailto:${target}`);
        flush();
        if (href) out.push({ t: 'link', href, title: null, c: [{ t: 'text', v: target }] });
        else pushText(out, m[0]);
        i += m[0].length;
        continue;
      }
    }
    const image = ch === '!' && s[i + 1] === '[';
    if (ch === '[' || image) {
      const open = image ? i + 1 : i;
      const close = brackets.get(open) ?? -1;
      const tail = close === -1 || close - open > WINDOW ? null : linkTail(s, close + 1);
      if (tail) {
        flush();
        const label = s.slice(open + 1, close);
        const href = safeHref(tail.dest);
        // Images show as links to the picture: the page's content policy loads no outside images.
        const c = image
          ? [{ t: 'text' as const, v: `🖼 ${decodeEntities(label) || 'image'}` }]
          : parseInlines(label, depth + 1);
        out.push({ t: 'link', href, title: tail.title, c });
        i = tail.end;
        continue;
      }
    }
    if (ch === '*' || ch === '_' || ch === '~') {
      const run = new RegExp(`^\\${ch}+`).exec(s.slice(i, i + 50))![0];
      const size = ch === '~' ? (run.length >= 2 ? 2 : 0) : Math.min(run.length, 2);
      const delim = ch.repeat(size);
      if (size > 0 && canOpen(s, i, size, ch)) {
        let from = Math.max(i + size, clearUntil.get(delim) ?? 0);
        let found = -1;
        const limit = Math.min(s.length, i + WINDOW);
        while (from < limit) {
          const k = s.indexOf(delim, from);
          if (k === -1 || k >= limit) break;
          if (k > i + size && canClose(s, k, size, ch) && s[k + size] !== ch) {
            found = k;
            break;
          }
          from = k + 1;
        }
        if (found === -1) clearUntil.set(delim, limit);
        if (found !== -1) {
          flush();
          const c = parseInlines(s.slice(i + size, found), depth + 1);
          out.push({ t: ch === '~' ? 'del' : size === 2 ? 'strong' : 'em', c });
          i = found + size;
          continue;
        }
      }
      text += run;
      i += run.length;
      continue;
    }
    text += ch;
    i++;
  }
  flush();
  return out;
}
