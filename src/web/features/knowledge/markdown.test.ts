import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { Markdown } from './Markdown';
import { parseMarkdown } from './markdown';
import { safeHref } from './markdownInline';

const html = (source: string) => renderToStaticMarkup(createElement(Markdown, { source }));

const ALLOWED_TAGS = new Set([
  'p',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'em',
  'strong',
  'del',
  'code',
  'pre',
  'blockquote',
  'ul',
  'ol',
  'li',
  'a',
  'hr',
  'br',
  'span',
]);
const ALLOWED_ATTRIBUTES = new Set(['href', 'title', 'target', 'rel', 'start']);
const SAFE_HREF = /^(https?:\/\/[^/?#\s]|mailto:|\/(?!\/)|#)/i;

/** Every element and attribute in the output, and everything wrong with them. */
function unsafeParts(out: string): string[] {
  const found: string[] = [];
  for (const tag of out.matchAll(/<\/?([a-zA-Z][a-zA-Z0-9-]*)((?:\s+[^\s=>]+(?:="[^"]*")?)*)\s*\/?>/g)) {
    const name = tag[1]!.toLowerCase();
    if (!ALLOWED_TAGS.has(name)) found.push(`element <${name}>`);
    for (const attr of tag[2]!.matchAll(/\s+([^\s=>]+)(?:="([^"]*)")?/g)) {
      const attrName = attr[1]!.toLowerCase();
      const value = (attr[2] ?? '').replace(/&amp;/g, '&');
      if (!ALLOWED_ATTRIBUTES.has(attrName)) found.push(`attribute ${attrName}="${value}" on <${name}>`);
      if (attrName === 'href' && !SAFE_HREF.test(value)) found.push(`href="${value}"`);
      if (/(java|vb)script:|data:/i.test(value)) found.push(`${attrName}="${value}"`);
    }
  }
  // Anything that looks like markup but is not a well-formed element React wrote would be a leak too.
  if (/<(?![a-zA-Z/])/.test(out.replace(/<\/?[a-zA-Z][^>]*>/g, ''))) found.push('a stray "<"');
  return found;
}

const payloads = [
  '<script>alert(1)</script>',
  '<SCRIPT SRC=//evil.example/x.js></SCRIPT>',
  '<img src=x onerror=alert(1)>',
  '<img src="javascript:alert(1)">',
  '<svg onload=alert(1)>',
  '<svg><script>alert(1)</script></svg>',
  '<svg><a xlink:href="javascript:alert(1)"><text>x</text></a></svg>',
  '<math><mi xlink:href="javascript:alert(1)">x</mi></math>',
  '<iframe src="javascript:alert(1)"></iframe>',
  '<a href="javascript:alert(1)">click</a>',
  '<details open ontoggle=alert(1)>',
  '<style>@import "//evil.example/x.css"</style>',
  '<div style="background:url(javascript:alert(1))">x</div>',
  '[click](javascript:alert(1))',
  '[click](JaVaScRiPt:alert(1))',
  '[click](   javascript:alert(1)  )',
  '[click](<javascript:alert(1)>)',
  '[click](&#106;avascript:alert(1))',
  '[click](&#x6A;avascript:alert(1))',
  '[click](javascript&colon;alert(1))',
  '[click](java\u0000script:alert(1))',
  '[click](\u0001javascript:alert(1))',
  '[click](vbscript:msgbox(1))',
  '[click](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)',
  '![pic](data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+)',
  '![pic](javascript:alert(1))',
  '[click](file:///etc/passwd)',
  '[click](//evil.example/phish)',
  '[click](/\\evil.example)',
  '[click](https://ok.example "x\\" onmouseover=\\"alert(1)")',
  '[click](https://ok.example" onmouseover="alert(1))',
  '<javascript:alert(1)>',
  '<http://x.example" onmouseover="alert(1)>',
  '[a](javascript:alert(1) "t")',
  '[![img](x)](javascript:alert(1))',
  '[x]( javascript:alert(1))',
  '&lt;script&gt;alert(1)&lt;/script&gt;',
  '&#60;img src=x onerror=alert(1)&#62;',
  '``<script>alert(1)</script>``',
  '```\n</code></pre><script>alert(1)</script>\n```',
  '> <img src=x onerror=alert(1)>\n> [x](javascript:alert(1))',
  '- [x](javascript:alert(1))\n  - <svg onload=alert(1)>',
  '**<img src=x onerror=alert(1)>**',
  'https://ok.example/"><script>alert(1)</script>',
  'javascript:alert(1)',
];

describe('Markdown rendering', () => {
  it('renders the Markdown an article uses', () => {
    const out = html(
      '# Working behind the bar\n\nSpend a **day** in _their_ world, see [the guide](https://example.com/guide "Guide") or [our notes](/w/1/knowledge).\n\n- one\n- two with `code`\n\n1. first\n2. second\n\n> quoted\n\n```\nconst x = 1 < 2;\n```\n\n---\n\nMail <team@example.com> or visit https://example.org.',
    );
    expect(out).toContain('<h1>Working behind the bar</h1>');
    expect(out).toContain('<strong>day</strong>');
    expect(out).toContain('<em>their</em>');
    expect(out).toContain(
      '<a href="https://example.com/guide" title="Guide" target="_blank" rel="noopener noreferrer nofollow">the guide</a>',
    );
    expect(out).toContain('<a href="/w/1/knowledge">our notes</a>');
    expect(out).toContain('<ul><li>one</li><li>two with <code>code</code></li></ul>');
    expect(out).toContain('<ol><li>first</li><li>second</li></ol>');
    expect(out).toContain('<blockquote><p>quoted</p></blockquote>');
    expect(out).toContain('<pre><code>const x = 1 &lt; 2;</code></pre>');
    expect(out).toContain('<hr/>');
    expect(out).toContain('<a href="mailto:team@example.com">team@example.com</a>');
    expect(out).toContain(
      '<a href="https://example.org" target="_blank" rel="noopener noreferrer nofollow">https://example.org</a>.',
    );
    expect(unsafeParts(out)).toEqual([]);
  });

  it('the check itself catches unsafe markup (a test that cannot fail proves nothing)', () => {
    expect(unsafeParts('<p><img src="x" onerror="alert(1)"/></p>')).toEqual([
      'element <img>',
      'attribute src="x" on <img>',
      'attribute onerror="alert(1)" on <img>',
    ]);
    expect(unsafeParts('<a href="javascript:alert(1)">x</a>')).toContain('href="javascript:alert(1)"');
  });

  it.each(payloads)('lets nothing of %j through', (payload) => {
    const out = html(payload);
    expect(unsafeParts(out)).toEqual([]);
    // Only the markup React wrote counts: escaped text may mention anything.
    const markup = (out.match(/<[^>]*>/g) ?? []).join('').replace(/="[^"]*"/g, '=""');
    expect(markup).not.toMatch(/<script|<img|<svg|<iframe|<style|<math|<details|\son\w+=/i);
  });

  it('keeps refused links as their words, and raw HTML as visible text', () => {
    expect(html('[click me](javascript:alert(1))')).toBe('<p><span>click me</span></p>');
    expect(html('<b>bold?</b>')).toBe('<p>&lt;b&gt;bold?&lt;/b&gt;</p>');
    expect(html('&lt;script&gt;')).toBe('<p>&lt;script&gt;</p>');
  });

  it('allows only http(s), mailto and app paths as link targets', () => {
    expect(safeHref('https://example.com/a?b=c#d')).toBe('https://example.com/a?b=c#d');
    expect(safeHref('mailto:a@example.com')).toBe('mailto:a@example.com');
    expect(safeHref('/w/1/knowledge/2')).toBe('/w/1/knowledge/2');
    expect(safeHref('#section')).toBe('#section');
    for (const bad of [
      'javascript:alert(1)',
      ' javascript:alert(1)',
      'JAVASCRIPT:alert(1)',
      'data:text/html,x',
      'vbscript:x',
      'file:///etc/passwd',
      '//evil.example',
      '/\\evil.example',
      'https:evil',
      'java\tscript:x',
      'relative/path',
      'http://',
    ])
      expect(safeHref(bad), bad).toBeNull();
  });

  it('stays fast and bounded on hostile input', () => {
    const started = performance.now();
    for (const s of [
      '*'.repeat(50_000),
      '['.repeat(50_000),
      '> '.repeat(5_000),
      `${'- '.repeat(3000)}x`,
      '`'.repeat(40_000),
      '_a'.repeat(30_000),
      '**a '.repeat(20_000),
    ]) {
      expect(() => parseMarkdown(s)).not.toThrow();
    }
    // Not a benchmark: a guard against quadratic blow-ups that would freeze the page.
    expect(performance.now() - started).toBeLessThan(10_000);
  });
});
