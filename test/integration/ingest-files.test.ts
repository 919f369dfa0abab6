/**
 * Every kind of seed file an editor may drop in, at the ingest level (parsing itself is unit-tested in
 * test/unit/seed.test.ts): which article id and output file each one gives, or which message; that the
 * text survives exactly; and that nothing is written outside content/articles.
 */
import { readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { beforeAll, describe, expect, it } from 'vitest';
import { ingest, type IngestResult } from '../../src/pipeline/ingest.ts';
import { formatProblem } from '../../src/pipeline/report.ts';
import { prepareSite, type FixtureSite } from '../helpers/site.ts';
import { article, changed, generatedParagraphs, ingestOptions, snapshot, writeSeed } from './ingest-helpers.ts';

const LEAD = 'Союзники Украины договорились в Париже о многонациональных силах, сообщает Reuters.';
const UK = 'Союзники України домовилися в Парижі про багатонаціональні сили, повідомляє Reuters. Ґанок, їжак, єнот.';
const body = (tag: string) => [`${LEAD} ${tag}`, `Второй абзац ${tag}.`];
const dated = (paragraphs: string[], eol = '\n') => ` date 2026-01-06 ${paragraphs.join(eol)}${eol}`;
const utf16be = (text: string) => Buffer.from(text, 'utf16le').swap16();

/** name → [bytes, expected paragraphs]. Every one of these must build, with its text exactly as written. */
const GOOD: Record<string, [Uint8Array | string, string[]]> = {
  'utf8.txt': [dated(body('utf8')), body('utf8')],
  'utf8-bom.txt': ['\uFEFF' + dated(body('bom')), body('bom')],
  'utf16le.txt': [Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(dated(body('le')), 'utf16le')]), body('le')],
  'utf16be.txt': [Buffer.concat([Buffer.from([0xfe, 0xff]), utf16be(dated(body('be')))]), body('be')],
  'cp1251.txt': [iconv.encode(dated(body('cp')), 'win1251'), body('cp')],
  'koi8r.txt': [iconv.encode(dated(body('koi')), 'koi8-r'), body('koi')],
  'koi8u.txt': [iconv.encode(dated([UK, 'Другий абзац: ґудзик і Її.']), 'koi8-u'), [UK, 'Другий абзац: ґудзик і Її.']],
  'crlf.txt': [dated(body('crlf'), '\r\n'), body('crlf')],
  'cr.txt': [dated(body('cr'), '\r'), body('cr')],
  'mixed.txt': [` date 2026-01-06 ${LEAD} mixed\r\nРаз\rДва\nТри\r\n\r\n`, [`${LEAD} mixed`, 'Раз', 'Два', 'Три']],
  'spaces.txt': [
    dated([`${LEAD}\tтаб\u00A0NBSP zero\u200Bwidth\u2060 п’ятниця п'ятниця пʼятниця`, 'Комбинированные: и\u0306 е\u0308 (не NFC).']),
    [`${LEAD}\tтаб\u00A0NBSP zero\u200Bwidth\u2060 п’ятниця п'ятниця пʼятниця`, 'Комбинированные: и\u0306 е\u0308 (не NFC).'],
  ],
  'far-2100.txt': [' date 2100-12-31 Статья из далёкого, но допустимого будущего.\n', ['Статья из далёкого, но допустимого будущего.']],
  'with space.txt': [article('space'), body('x').slice(0, 0)],
  'Саміт у Парижі.txt': [article('cyrillic'), []],
  'quote"s \'and\' «ёлочки».txt': [article('quotes'), []],
  'a..b.txt': [article('dots'), []],
  'up..%2F..%2Fescape.txt': [article('escape'), []],
  'UPPER.TXT': [article('upper'), []],
};

/** name → [bytes, expected line or undefined, part of the message]. Each must be refused with a clear error. */
const BAD: Record<string, [Uint8Array | string, number | undefined, RegExp]> = {
  'empty.txt': ['', undefined, /has no article text/],
  'only-date.txt': [' date 2026-01-06\n', undefined, /has no article text/],
  'only-bom.txt': ['\uFEFF', undefined, /has no article text/],
  'blank-lines.txt': ['\n \t\n\u00A0\n', undefined, /has no article text/],
  'feb-30.txt': [' date 2026-02-30 Текст.\n', 1, /date 2026-02-30 does not exist/],
  'far-future.txt': [' date 2999-01-01 Текст.\n', 1, /2999-01-01 is outside the years 1990–2100/],
  'js-url.txt': ['---\nurl: javascript:alert(1)\n---\nТекст.\n', 2, /url "javascript:alert\(1\)" is not a web address/],
  'binary.txt': [Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0x0d, 0x0a]), undefined, /is not a text file/],
  'typo-key.txt': ['---\nautor: Иванов\n---\nТекст.\n', 2, /unknown front matter key "autor"/],
};

let site: FixtureSite;
let result: IngestResult;
let written: string[];
const problemsOf = (name: string) => result.problems.filter((p) => p.file === `seeds/${name}`);

beforeAll(async () => {
  site = await prepareSite('ingest-files', []);
  for (const [name, [bytes]] of Object.entries({ ...GOOD, ...BAD })) await writeSeed(site, name, bytes);
  await writeSeed(site, 'dup-a.txt', ' date 2026-01-06 Один и тот же текст\u00A0про  Париж.\nВторой абзац.\n');
  await writeSeed(site, 'dup-b.txt', ' date 2026-01-06  Один\tи тот же текст про Париж.\r\n\r\n   Второй  абзац.\r\n');
  await writeSeed(site, 'notes.md', 'not an article');
  await writeSeed(site, '.hidden.txt', article('hidden'));
  await writeSeed(site, '.DS_Store', '\0\0');
  const before = await snapshot(site.dir);
  result = await ingest(ingestOptions(site, { keepGoing: true }));
  written = (await readdir(join(site.contentDir, 'articles'))).sort();
  // Only content/articles changed in the whole fixture folder: nothing escaped, nothing touched seeds/.
  const outside = changed(before, await snapshot(site.dir)).filter((f) => !f.startsWith('content/articles/'));
  expect(outside).toEqual([]);
  console.log(`ingest-files: ${result.seeds} seeds → ${result.written.length} written; problems:\n${result.problems.map(formatProblem).join('\n')}`);
});

describe('ingest of every kind of seed file', () => {
  it('builds every good file with its text exactly as written, whatever the encoding and line endings', async () => {
    for (const [name, [, paragraphs]] of Object.entries(GOOD)) {
      if (paragraphs.length === 0) continue;
      const id = name.replace(/\.txt$/, '');
      expect(problemsOf(name).filter((p) => p.severity === 'error'), name).toEqual([]);
      expect(await generatedParagraphs(site, id), name).toEqual(paragraphs);
    }
  });

  it('gives odd file names a safe id inside content/articles (spaces, Cyrillic, quotes, dots, upper case)', () => {
    const ids = written.filter((f) => f.endsWith('.mdx')).map((f) => f.slice(0, -4));
    for (const id of ids) expect(id, id).toMatch(/^[a-z0-9][a-z0-9_-]*$/);
    expect(ids).toEqual(expect.arrayContaining([
      expect.stringMatching(/^with-space-[0-9a-f]{8}$/),
      expect.stringMatching(/^samit-u-parizhi-[0-9a-f]{8}$/),
      expect.stringMatching(/^quote-s-and-yolochki-[0-9a-f]{8}$/),
      expect.stringMatching(/^a-b-[0-9a-f]{8}$/),
      expect.stringMatching(/^up-2f-2fescape-[0-9a-f]{8}$/),
      expect.stringMatching(/^upper-[0-9a-f]{8}$/),
    ]));
    // One file per built seed plus the manifest; no temporary files left behind.
    const goodSeeds = Object.keys(GOOD).length + 1; // + dup-a
    expect(written).toHaveLength(goodSeeds + 1);
    expect(written).toContain('.ingest-manifest.json');
  });

  it('refuses every bad file with its name, the line where it applies, what is wrong and how to fix it', () => {
    for (const [name, [, line, message]] of Object.entries(BAD)) {
      const errors = problemsOf(name).filter((p) => p.severity === 'error');
      expect(errors.length, name).toBeGreaterThan(0);
      const error = errors.find((p) => message.test(p.message));
      expect(error, `${name}: ${errors.map((p) => p.message).join('; ')}`).toBeDefined();
      expect(error!.line, name).toBe(line);
      expect(error!.hint.length, name).toBeGreaterThan(10);
      expect(formatProblem(error!)).toMatch(new RegExp(`^seeds/${name.replace('.', '\\.')}${line ? `:${line}` : ''}: error: .+\n    fix: .+`));
    }
    // A bad seed never takes a good one with it: everything else was written.
    expect(result.written).toHaveLength(Object.keys(GOOD).length + 1);
  });

  it('reports two seeds with the same text (modulo white space) as duplicates and builds the first only', () => {
    expect(result.duplicates).toEqual([{ seed: 'dup-b.txt', duplicateOf: 'dup-a.txt' }]);
    expect(problemsOf('dup-b.txt')[0]).toMatchObject({ severity: 'warning', message: expect.stringContaining('seeds/dup-a.txt') });
    expect(written).toContain('dup-a.mdx');
    expect(written).not.toContain('dup-b.mdx');
  });

  it('warns about files it ignores instead of dropping them silently (other extension, hidden .txt)', () => {
    expect(problemsOf('notes.md')[0]).toMatchObject({ severity: 'warning', message: 'is not a .txt file and is ignored' });
    expect(problemsOf('.hidden.txt')[0]).toMatchObject({ severity: 'warning', message: expect.stringContaining('hidden') });
    expect(problemsOf('.DS_Store')).toEqual([]);
  });
});

describe('large inputs', () => {
  it('ingests a 5 MB article and a line of 200,000 characters', async () => {
    const big = await prepareSite('ingest-large', []);
    const paragraph = 'Союзники Украины договорились в Париже о многонациональных силах, сообщает Reuters. '.repeat(12);
    const fiveMb = dated(Array.from({ length: Math.ceil((5 * 2 ** 20) / Buffer.byteLength(paragraph)) }, () => paragraph));
    const longLine = ` date 2026-01-06 ${'Слово, '.repeat(200_000 / 7)}конец.\n`;
    await writeSeed(big, 'five-mb.txt', fiveMb);
    await writeSeed(big, 'long-line.txt', longLine);
    expect(Buffer.byteLength(fiveMb)).toBeGreaterThan(5 * 2 ** 20);
    const started = performance.now();
    const r = await ingest(ingestOptions(big));
    console.log(`ingest-files: 5 MB article + 200,000-character line in ${Math.round(performance.now() - started)} ms`);
    expect(r.problems.filter((p) => p.severity === 'error')).toEqual([]);
    expect(r.written.sort()).toEqual(['five-mb.mdx', 'long-line.mdx']);
    // Compared as a boolean: a failing diff of 200,000 characters would drown the report.
    const [line] = await generatedParagraphs(big, 'long-line');
    expect(line?.length).toBe(longLine.length - ' date 2026-01-06 '.length - 1);
    expect(line === longLine.slice(' date 2026-01-06 '.length, -1)).toBe(true);
    await rm(big.dir, { recursive: true });
  });

  // About 30 s on 2 cores next to the other tests (12 s + 2–9 s alone): too slow for every run.
  it.runIf(process.env.BRIEFING_SLOW_TESTS === '1')('ingests 10,000 small files, then re-runs with nothing to do (BRIEFING_SLOW_TESTS=1; times printed, not asserted)', async () => {
    const many = await prepareSite('ingest-10k', []);
    for (let i = 0; i < 10_000; i++) await writeSeed(many, `s${String(i).padStart(5, '0')}.txt`, ` date 2026-01-06 Заметка ${i}: союзники обсудили гарантии в Париже.\n`);
    let started = performance.now();
    const first = await ingest(ingestOptions(many));
    const firstMs = performance.now() - started;
    started = performance.now();
    const second = await ingest(ingestOptions(many));
    console.log(`ingest-files: 10,000 seeds: first ingest ${(firstMs / 1000).toFixed(1)} s, unchanged re-run ${((performance.now() - started) / 1000).toFixed(1)} s`);
    expect(first.written).toHaveLength(10_000);
    expect(first.problems).toEqual([]);
    expect(second.written).toEqual([]);
    expect(second.unchanged).toBe(10_000);
    await rm(many.dir, { recursive: true });
  }, 180_000);
});
