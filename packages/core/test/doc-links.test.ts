// A reader moves between the README and docs/*.md by their links, so a link to a file that was
// renamed, or to a heading that was reworded, is as broken as an example that does not run.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, test } from 'vitest';
import { anchors, docFiles, links, PACKAGE_DIR, readDoc, type Link } from './markdown.js';

const files = docFiles();

/** What is wrong with a link, or undefined when it resolves. */
function problem(link: Link): string | undefined {
  const { target } = link;
  if (/^[a-z][a-z\d+.-]*:|^\/\//i.test(target)) return undefined; // https:, mailto: …
  const hash = target.indexOf('#');
  const path = decodeURIComponent(hash === -1 ? target : target.slice(0, hash));
  const anchor = hash === -1 ? undefined : decodeURIComponent(target.slice(hash + 1));
  const absolute =
    path === ''
      ? join(PACKAGE_DIR, link.file)
      : resolve(dirname(join(PACKAGE_DIR, link.file)), path);
  const shown = relative(PACKAGE_DIR, absolute);
  if (!existsSync(absolute)) {
    return `no file ${shown}`;
  }
  if (anchor === undefined) return undefined;
  if (!statSync(absolute).isFile() || !absolute.endsWith('.md')) {
    return `#${anchor} points into ${shown}, which is not a markdown file`;
  }
  if (!anchors(shown, readFileSync(absolute, 'utf8')).has(anchor)) {
    return `${shown} has no heading #${anchor}`;
  }
  return undefined;
}

describe('doc links', () => {
  test('every relative link and #anchor in the README and docs/*.md resolves', () => {
    const broken = files.flatMap((file) =>
      links(file, readDoc(file)).flatMap((link) => {
        const reason = problem(link);
        return reason === undefined
          ? []
          : [`${link.file}:${link.line}: (${link.target}) ${reason}`];
      }),
    );
    expect(broken).toEqual([]);
  });

  test('the README links every doc', () => {
    const linked = new Set(
      links('README.md', readDoc('README.md')).map((link) => link.target.replace(/#.*$/, '')),
    );
    const docs = files.filter((file) => file.startsWith('docs/') || file === 'CHANGELOG.md');
    expect(docs.filter((file) => !linked.has(file))).toEqual([]);
  });

  test('the README links the layer drawing', () => {
    const targets = links('README.md', readDoc('README.md')).map((link) => link.target);
    expect(targets).toContain('docs/layers.md');
  });

  test('every doc links back to the README', () => {
    const docs = files.filter((file) => file.startsWith('docs/'));
    const without = docs.filter(
      (file) => !links(file, readDoc(file)).some((link) => link.target.startsWith('../README.md')),
    );
    expect(without).toEqual([]);
  });
});
