import { createElement, type ReactNode } from 'react';
import { type Block, parseMarkdown } from './markdown';
import type { Inline } from './markdownInline';

// Markdown rendered as React elements from a parsed tree: text is always a text node (React escapes it),
// elements come from a fixed list, and links carry only hrefs that safeHref allowed. No innerHTML anywhere.

function inlines(nodes: Inline[], key = 'i'): ReactNode[] {
  return nodes.map((n, i) => {
    const k = `${key}.${i}`;
    switch (n.t) {
      case 'text':
        return n.v;
      case 'br':
        return <br key={k} />;
      case 'code':
        return <code key={k}>{n.v}</code>;
      case 'em':
        return <em key={k}>{inlines(n.c, k)}</em>;
      case 'strong':
        return <strong key={k}>{inlines(n.c, k)}</strong>;
      case 'del':
        return <del key={k}>{inlines(n.c, k)}</del>;
      case 'link': {
        // A refused target keeps its words and loses the link.
        if (!n.href) return <span key={k}>{inlines(n.c, k)}</span>;
        const external = /^https?:/i.test(n.href);
        return (
          <a
            key={k}
            href={n.href}
            title={n.title ?? undefined}
            {...(external ? { target: '_blank', rel: 'noopener noreferrer nofollow' } : {})}
          >
            {inlines(n.c, k)}
          </a>
        );
      }
    }
    return null;
  });
}

function blocks(nodes: Block[], key = 'b'): ReactNode[] {
  return nodes.map((n, i) => {
    const k = `${key}.${i}`;
    switch (n.t) {
      case 'h':
        return createElement(`h${n.level}`, { key: k }, inlines(n.c, k));
      case 'p':
        return <p key={k}>{inlines(n.c, k)}</p>;
      case 'pre':
        return (
          <pre key={k}>
            <code>{n.v}</code>
          </pre>
        );
      case 'quote':
        return <blockquote key={k}>{blocks(n.c, k)}</blockquote>;
      case 'hr':
        return <hr key={k} />;
      case 'list': {
        const items = n.items.map((item, j) => {
          const ik = `${k}.${j}`;
          // A list item of one paragraph reads tighter without the paragraph margins.
          const only = item.length === 1 && item[0]!.t === 'p' ? item[0] : null;
          return <li key={ik}>{only?.t === 'p' ? inlines(only.c, ik) : blocks(item, ik)}</li>;
        });
        return n.ordered ? (
          <ol key={k} start={n.start === 1 ? undefined : n.start}>
            {items}
          </ol>
        ) : (
          <ul key={k}>{items}</ul>
        );
      }
    }
    return null;
  });
}

/** Renders a Markdown source safely; style it by wrapping it (e.g. in Mantine's Typography). */
export function Markdown({ source }: { source: string }) {
  return <>{blocks(parseMarkdown(source))}</>;
}
