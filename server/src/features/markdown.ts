// Markdown for hovers: document text escaped so that it reads as written, and
// links whose targets survive parentheses and spaces. Shared by the hover of
// the analysis and the hover of the workspace.

/** Escapes the Markdown special characters in document text. */
export function esc(s: string): string {
  let out = escInline(s);
  // A line must not start a list or a heading: `1. …`, `- …`, `+ …`.
  out = out.replace(/^(\d+)([.)])/, '$1\\$2').replace(/^([-+=])/, '\\$1');
  return out;
}

/** Escapes text that does not start a line (no line-start rules). */
export function escInline(s: string): string {
  return s.replace(/[\\*_[\]`<>|#~]/g, (c) => `\\${c}`);
}

/** A Markdown link whose target survives parentheses and spaces. */
export function link(label: string, url: string): string {
  const target = url.replace(/[()\s<>]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);
  return `[${escInline(label)}](${target})`;
}
