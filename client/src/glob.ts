// Glob patterns as the workspace index sends them (`**/*.kamervraag`,
// `**/{node_modules,.git}/**`), as regular expressions over paths relative to
// a folder. For the client's own directory walk in virtual workspaces whose
// file system offers no search. No `vscode` import: unit-tested outside VS Code.

/** `**`, `*`, `?`, `{a,b}` (nestable) and literal characters; `/` separates segments. */
export function globToRegExp(glob: string): RegExp {
  return new RegExp(`^${convert(glob)}$`);
}

function convert(glob: string): string {
  let out = '';
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i];
    if (c === '*' && glob[i + 1] === '*') {
      const slashAfter = glob[i + 2] === '/';
      const atStart = i === 0 || glob[i - 1] === '/';
      if (atStart && slashAfter) {
        out += '(?:[^/]+/)*'; // `**/`: any number of folders, none included
        i += 2;
      } else if (atStart && i + 2 === glob.length) {
        out += '.*'; // trailing `/**`: everything below
        i += 1;
      } else {
        out += '.*';
        i += 1;
      }
    } else if (c === '*') {
      out += '[^/]*';
    } else if (c === '?') {
      out += '[^/]';
    } else if (c === '{') {
      const end = closingBrace(glob, i);
      if (end < 0) {
        out += '\\{';
        continue;
      }
      out += `(?:${splitTop(glob.slice(i + 1, end)).map(convert).join('|')})`;
      i = end;
    } else {
      out += c.replace(/[\\^$.|+()[\]{}]/g, '\\$&');
    }
  }
  return out;
}

function closingBrace(s: string, open: number): number {
  let depth = 0;
  for (let i = open; i < s.length; i++) {
    if (s[i] === '{') depth++;
    else if (s[i] === '}' && --depth === 0) return i;
  }
  return -1;
}

/** `a,b{c,d},e` → `a`, `b{c,d}`, `e`. */
function splitTop(s: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < s.length; i++) {
    if (s[i] === '{') depth++;
    else if (s[i] === '}') depth--;
    else if (s[i] === ',' && depth === 0) {
      parts.push(s.slice(start, i));
      start = i + 1;
    }
  }
  parts.push(s.slice(start));
  return parts;
}
