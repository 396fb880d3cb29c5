// The examples of README.md and docs/*.md are part of the package: a user copies them, so an
// example that no longer compiles, or prints something else than it says, is a bug. Hence:
// - every ```ts block is type-checked against the sources with the package's compiler options;
// - every block whose info string does not say `no-run` is executed;
// - a `console.log(…)` whose statement carries a `// → text` comment (on its last line, or alone
//   on the next) must print exactly `text`, once — or, with `//   more` lines after the arrow,
//   one line per call in that order: the docs show real output, not what someone remembers;
// - every export of `@edgechat/core`, `/testing` and `/demo` must appear in a block of some doc
//   (values in a runnable one), so an export added later without documentation fails here.
// Every failure names the markdown file and line.
//
// Blocks are written as .mts files to a fresh temp directory, with `@edgechat/core`,
// `@edgechat/core/testing` and `@edgechat/core/demo` pointed at this package's sources; a
// `node_modules` link in that directory lets other imports (zod) resolve as from this package.
import { mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { inspect } from 'node:util';
import ts from 'typescript';
import { afterAll, describe, expect, test, vi } from 'vitest';
import { codeBlocks, docFiles, PACKAGE_DIR, readDoc, where, type CodeBlock } from './markdown.js';

/** The package's entry points, as users import them, and the source each one is. */
const ENTRY_POINTS: Record<string, string> = {
  '@edgechat/core': join(PACKAGE_DIR, 'src/index.js'),
  '@edgechat/core/testing': join(PACKAGE_DIR, 'src/testing/index.js'),
  '@edgechat/core/demo': join(PACKAGE_DIR, 'src/demo/index.js'),
};

const isRunnable = (block: CodeBlock): boolean => !/\bno-run\b/.test(block.info);

/** Points the package's entry points at its sources. */
function withSourceImports(block: CodeBlock, code: string): string {
  return code.replace(
    /(from\s+|import\s*\(\s*)(['"])(@edgechat\/core(?:\/[\w-]+)?)\2/g,
    (_all, lead, quote, name) => {
      const path = ENTRY_POINTS[name as string];
      if (path === undefined) throw new Error(`${where(block)}: unknown entry point ${name}`);
      return `${lead}${quote}${path}${quote}`;
    },
  );
}

interface Expectation {
  /** `file:line` of the `// →` comment. */
  at: string;
  /** One entry per `console.log` call the statement makes: the arrow line, then `//   ` lines. */
  lines: string[];
}

const ARROW = '// → ';
const CONTINUATION = '//   ';

/**
 * Replaces the `console.log(` of each statement that carries a `// → text` comment (on its
 * last line, or alone on the line after it) with `__docCheck(<n>, `, and returns what
 * each one must print. Lines after the arrow that start with `//   ` are further calls of
 * the same statement (one in a loop).
 */
function withChecks(block: CodeBlock): { code: string; expectations: Expectation[] } {
  const lines = block.code.split('\n');
  const expectations: Expectation[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] as string;
    const at = line.indexOf(ARROW);
    if (at === -1) continue;
    const place = `${block.file}:${block.line + 1 + i}`;
    let start = line.trimStart().startsWith(ARROW) ? i - 1 : i;
    while (start >= 0 && !(lines[start] as string).includes('console.log(')) start--;
    if (start < 0) throw new Error(`${place}: "// →" without a console.log call`);
    const call = (lines[start] as string).lastIndexOf('console.log(');
    const n = expectations.length;
    lines[start] =
      `${(lines[start] as string).slice(0, call)}__docCheck(${n}, ` +
      (lines[start] as string).slice(call + 'console.log('.length);
    const printed = [line.slice(at + ARROW.length).trimEnd()];
    while ((lines[i + 1] ?? '').trimStart().startsWith(CONTINUATION)) {
      i++;
      const next = lines[i] as string;
      printed.push(next.slice(next.indexOf(CONTINUATION) + CONTINUATION.length).trimEnd());
    }
    expectations.push({ at: place, lines: printed });
  }
  return { code: lines.join('\n'), expectations };
}

/** One console line, as `console.log` would print it but on one line. */
function formatLogged(args: unknown[]): string {
  return args
    .map((arg) =>
      typeof arg === 'string'
        ? arg
        : inspect(arg, { depth: null, breakLength: Infinity, compact: 1_000 }),
    )
    .join(' ');
}

/** Top-level await needs a module; a block without imports gets an empty export. */
function moduleText(code: string): string {
  return /^\s*(?:import|export)\s/m.test(code) ? code : `${code}\nexport {};\n`;
}

/** A file name for a block: `docs/run-chat.md:12` → `docs-run-chat-md-12.mts`. */
function fileName(prefix: string, block: CodeBlock): string {
  return `${prefix}-${where(block).replace(/[^\w]+/g, '-')}.mts`;
}

const blocks = docFiles().flatMap((file) => codeBlocks(file, readDoc(file), 'ts'));
const workDir = mkdtempSync(join(tmpdir(), 'edgechat-docs-'));
symlinkSync(join(PACKAGE_DIR, 'node_modules'), join(workDir, 'node_modules'), 'junction');
/** Each block's file: the doc's code with source imports, unchanged otherwise. */
const blockFiles = blocks.map((block) => {
  const file = join(workDir, fileName('block', block));
  writeFileSync(file, moduleText(withSourceImports(block, block.code)));
  return file;
});

afterAll(() => rmSync(workDir, { recursive: true, force: true }));

/** Where the rewritten `console.log` calls report (see `withChecks`). */
const checkGlobal = globalThis as { __docCheck?: (n: number, ...args: unknown[]) => void };

describe('doc examples', () => {
  test('the docs have runnable ts blocks', () => {
    expect(blocks.filter(isRunnable).length).toBeGreaterThan(20);
  });

  test.each(blocks.filter(isRunnable).map((block) => [where(block), block] as const))(
    'the block at %s runs and prints what it says',
    async (_where, block) => {
      const { code, expectations } = withChecks(block);
      const file = join(workDir, fileName('run', block));
      writeFileSync(file, moduleText(withSourceImports(block, code)));
      const printed: string[][] = expectations.map(() => []);
      checkGlobal.__docCheck = (n, ...args) => printed[n]?.push(formatLogged(args));
      const log = vi.spyOn(console, 'log').mockImplementation(() => {});
      const write = vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
      try {
        await import(pathToFileURL(file).href);
      } catch (error) {
        throw new Error(`${where(block)}: the block threw ${String(error)}`, { cause: error });
      } finally {
        log.mockRestore();
        write.mockRestore();
        delete checkGlobal.__docCheck;
      }
      expect(printed.map((texts, n) => ({ at: expectations[n]?.at, printed: texts }))).toEqual(
        expectations.map(({ at, lines }) => ({ at, printed: lines })),
      );
    },
    // The first block also transforms the sources, which a busy machine makes slow.
    20_000,
  );
});

let program: ts.Program | undefined;

/**
 * One program for the blocks and the entry points, built on first use (it takes seconds): the
 * blocks are checked with the package's own compiler options (strict, noUncheckedIndexedAccess,
 * NodeNext, DOM + Node types).
 */
function typeProgram(): ts.Program {
  if (program !== undefined) return program;
  const configFile = ts.readConfigFile(join(PACKAGE_DIR, 'tsconfig.json'), (path) =>
    ts.sys.readFile(path),
  );
  const { options } = ts.parseJsonConfigFileContent(configFile.config, ts.sys, PACKAGE_DIR);
  const entries = Object.values(ENTRY_POINTS).map(sourceOf);
  program = ts.createProgram([...blockFiles, ...entries], { ...options, noEmit: true });
  return program;
}

/** The .ts source of an entry point's `.js` path. */
function sourceOf(path: string): string {
  return path.replace(/\.js$/, '.ts');
}

describe('doc completeness and types', () => {
  test('every ts block type-checks', () => {
    const program = typeProgram();
    const problems = blockFiles.flatMap((file, index) => {
      const source = program.getSourceFile(file);
      if (source === undefined) throw new Error(`not in the program: ${file}`);
      const block = blocks[index] as CodeBlock;
      return [
        ...program.getSyntacticDiagnostics(source),
        ...program.getSemanticDiagnostics(source),
      ].map((diagnostic) => {
        const { line } = source.getLineAndCharacterOfPosition(diagnostic.start ?? 0);
        const text = ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n');
        return `${block.file}:${block.line + 1 + line}: ${text}`;
      });
    });
    expect(problems).toEqual([]);
  }, 30_000);

  test('every export of every entry point appears in a ts block of some doc; every value in a runnable one', async () => {
    const program = typeProgram();
    const checker = program.getTypeChecker();
    const allCode = blocks.map((block) => block.code).join('\n');
    const runnableCode = blocks
      .filter(isRunnable)
      .map((block) => block.code)
      .join('\n');
    const missing: string[] = [];
    for (const [name, path] of Object.entries(ENTRY_POINTS)) {
      const source = program.getSourceFile(sourceOf(path));
      const symbol = source === undefined ? undefined : checker.getSymbolAtLocation(source);
      if (symbol === undefined) throw new Error(`no module symbol for ${name}`);
      const values = new Set(
        Object.keys((await import(pathToFileURL(sourceOf(path)).href)) as object),
      );
      for (const { name: exported } of checker.getExportsOfModule(symbol)) {
        const word = new RegExp(`\\b${exported}\\b`);
        if (values.has(exported) ? !word.test(runnableCode) : !word.test(allCode)) {
          missing.push(`${name}: ${exported}${values.has(exported) ? ' (value)' : ''}`);
        }
      }
    }
    expect(missing).toEqual([]);
  }, 30_000);
});
