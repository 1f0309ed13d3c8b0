// Markdown as plain text, for list excerpts and the search index (never for display as HTML).

/** The words of a Markdown text without its markup: links keep their text, images their alt text. */
export function markdownToText(md: string): string {
  return md
    .replace(/^(```|~~~).*$/gm, ' ')
    .replace(/<[^>\n]*>/g, ' ')
    .replace(/!\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/^\s{0,3}(#{1,6}|>+|[-*+]|\d+[.)])\s+/gm, '')
    .replace(/^\s{0,3}([-*_]\s*){3,}$/gm, ' ')
    .replace(/[*_~`]+/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/** The first words of a text, cut at a word boundary. */
export function excerptOf(text: string, max = 220): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max);
  const space = cut.lastIndexOf(' ');
  return `${(space > max * 0.6 ? cut.slice(0, space) : cut).trimEnd()}…`;
}
