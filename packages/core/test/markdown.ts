// The little of markdown the doc tests need: fenced code blocks, headings and their GitHub
// anchors, and inline links. Text inside a fence is never a heading or a link.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const PACKAGE_DIR = fileURLToPath(new URL('..', import.meta.url));

/** The package's markdown files, as paths relative to the package: the README first. */
export function docFiles(dir = PACKAGE_DIR): string[] {
  const top = readdirSync(dir).filter((name) => name.endsWith('.md'));
  const docs = readdirSync(join(dir, 'docs'))
    .filter((name) => name.endsWith('.md'))
    .map((name) => `docs/${name}`);
  return ['README.md', ...top.filter((name) => name !== 'README.md').sort(), ...docs.sort()];
}

/** A markdown file's text, by its path relative to the package. */
export function readDoc(file: string, dir = PACKAGE_DIR): string {
  return readFileSync(join(dir, file), 'utf8');
}

export interface CodeBlock {
  /** The markdown file, relative to the package. */
  file: string;
  /** 1-based line of the opening fence. */
  line: number;
  /** The info string after the fence: `ts no-run`. */
  info: string;
  code: string;
}

/** A fenced block's place in its file: `docs/tools.md:12`. */
export function where(block: { file: string; line: number }): string {
  return `${block.file}:${block.line}`;
}

interface Line {
  /** 1-based. */
  number: number;
  text: string;
}

/** Splits a markdown text into its fenced blocks and the lines outside them. */
function scan(file: string, markdown: string): { blocks: CodeBlock[]; prose: Line[] } {
  const blocks: CodeBlock[] = [];
  const prose: Line[] = [];
  const lines = markdown.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const open = /^```(.*)$/.exec(lines[i] as string);
    if (open === null) {
      prose.push({ number: i + 1, text: lines[i] as string });
      continue;
    }
    const start = i;
    const body: string[] = [];
    for (i++; i < lines.length && !(lines[i] as string).startsWith('```'); i++) {
      body.push(lines[i] as string);
    }
    if (i === lines.length) throw new Error(`${file}:${start + 1}: a code fence is never closed`);
    blocks.push({ file, line: start + 1, info: (open[1] as string).trim(), code: body.join('\n') });
  }
  return { blocks, prose };
}

/** The fenced blocks whose info string's first word is `lang`. */
export function codeBlocks(file: string, markdown: string, lang: string): CodeBlock[] {
  return scan(file, markdown).blocks.filter((block) => block.info.split(/\s+/)[0] === lang);
}

/**
 * A heading's anchor as GitHub makes it: the text without markup, lower-cased, every
 * character that is not a letter, digit, `_`, `-` or space dropped, spaces turned into `-`.
 */
export function slug(heading: string): string {
  return heading
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
    .toLowerCase()
    .replace(/[^\p{L}\p{M}\p{N}\p{Pc} -]/gu, '')
    .replace(/ /g, '-');
}

/** The anchors of a markdown text's headings; a repeated one gets `-1`, `-2`… as on GitHub. */
export function anchors(file: string, markdown: string): Set<string> {
  const seen = new Map<string, number>();
  const result = new Set<string>();
  for (const { text } of scan(file, markdown).prose) {
    const heading = /^#{1,6}\s+(.*?)\s*#*\s*$/.exec(text);
    if (heading === null) continue;
    const base = slug(heading[1] as string);
    const count = seen.get(base) ?? 0;
    seen.set(base, count + 1);
    result.add(count === 0 ? base : `${base}-${count}`);
  }
  return result;
}

export interface Link {
  file: string;
  line: number;
  target: string;
}

/** The inline links and images of a markdown text, outside fences and code spans. */
export function links(file: string, markdown: string): Link[] {
  const result: Link[] = [];
  const label = String.raw`\[(?:[^[\]]|\[[^\]]*\])*\]`;
  const pattern = new RegExp(String.raw`!?${label}\(\s*<?([^)\s>]*)>?(?:\s+"[^"]*")?\s*\)`, 'g');
  for (const { number, text } of scan(file, markdown).prose) {
    const withoutCode = text.replace(/`[^`]*`/g, (span) => span.replace(/[[\]()]/g, ' '));
    for (const match of withoutCode.matchAll(pattern)) {
      result.push({ file, line: number, target: match[1] as string });
    }
  }
  return result;
}
