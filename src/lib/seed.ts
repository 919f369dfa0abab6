/**
 * Seed reading: the bytes of one `seeds/*.txt` file in, a `ParsedSeed` (or the problems that stop it) out.
 *
 * 1. Decode: a BOM decides (UTF-8, UTF-16 LE/BE); else valid UTF-8 stays UTF-8; else the bytes are read as the
 *    Cyrillic legacy encoding (windows-1251, KOI8-R, KOI8-U) whose decoding looks most like Russian/Ukrainian
 *    text, with `chardet` breaking ties. Files with NUL bytes or other control characters are not text.
 * 2. Line endings (CRLF, CR) become \n; nothing else in the text changes.
 * 3. Optional YAML front matter (`---` … `---` at the very top), checked key by key.
 * 4. Optional legacy date token ` date YYYY-MM-DD`, followed by the text on the same line.
 * 5. Every non-blank line is a paragraph, with its 1-based line number in the file.
 *
 * Pure: never writes, never throws for bad input; every problem names the file and, where it applies, the line.
 */
import chardet from 'chardet';
import iconv from 'iconv-lite';
import { isMap, isScalar, isSeq, LineCounter, parseDocument } from 'yaml';
import type { Node as YamlNode, Pair, YAMLMap } from 'yaml';
import type { Lang, ParsedSeed, Problem, Provenance, SeedFrontMatter, SeedParagraph } from './types.ts';

export interface SeedParseResult {
  /** Present only when no problem has severity 'error'. */
  seed?: ParsedSeed;
  problems: Problem[];
}

/** The front matter keys an editor may write, in the order the hints list them. */
export const FRONT_MATTER_KEYS = ['title', 'date', 'outlet', 'url', 'lang', 'event', 'components'] as const;
type FrontMatterKey = (typeof FRONT_MATTER_KEYS)[number];

const MIN_YEAR = 1990;
const MAX_YEAR = 2100;

export function parseSeed(file: string, bytes: Uint8Array): SeedParseResult {
  const problems: Problem[] = [];
  const report = (severity: Problem['severity'], message: string, hint: string, line?: number): void => {
    problems.push(line === undefined ? { severity, file, message, hint } : { severity, file, line, message, hint });
  };

  const decoded = decode(bytes);
  if ('notText' in decoded) {
    report('error', `is not a text file (${decoded.notText})`, 'save it as UTF-8 text');
    return { problems };
  }
  if (decoded.warning) report('warning', decoded.warning, 'save it as UTF-8 so that it is read the same way everywhere');

  const text = normalizeLineEndings(decoded.text);
  const control = firstControlCharacter(text);
  if (control) {
    report('error', `is not a text file (found the control character ${control.code} on line ${control.line})`,
      'save it as UTF-8 text; if it is text, delete the invisible character on that line', control.line);
    return { problems };
  }

  const lines = text.split('\n');
  const front = readFrontMatter(lines, report);
  if (front === undefined) return { problems };

  const dateLine = readDateLine(lines, front.bodyStart, report);
  if (dateLine?.date && front.frontMatter.date && dateLine.date !== front.frontMatter.date) {
    report('warning', `the date line says ${dateLine.date} but the front matter says ${front.frontMatter.date}; the front matter date is used`,
      'remove the date line or make the two dates agree', dateLine.line);
  }

  const paragraphs = collectParagraphs(lines, front.bodyStart, dateLine);
  if (paragraphs.length === 0) {
    report('error', 'has no article text', 'paste the article text into the file, one paragraph per line, after the date line or front matter');
  }

  if (problems.some((p) => p.severity === 'error')) return { problems };
  const seed: ParsedSeed = { file, encoding: decoded.encoding, frontMatter: front.frontMatter, paragraphs };
  if (dateLine?.date) seed.dateLine = dateLine.date;
  return { seed, problems };
}

/** The date a seed states, front matter first (it wins over the legacy date line); undefined when none. */
export function statedDate(seed: ParsedSeed): { date: string; provenance: Provenance } | undefined {
  if (seed.frontMatter.date) return { date: seed.frontMatter.date, provenance: 'front-matter' };
  if (seed.dateLine) return { date: seed.dateLine, provenance: 'date-line' };
  return undefined;
}

/** Check a YYYY-MM-DD date: the form, the year range and that the day exists. Returns the problem or undefined. */
export function checkDate(value: string): { message: string; hint: string } | undefined {
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!iso) return { message: `date "${value}" is not in YYYY-MM-DD form`, hint: suggestIsoDate(value) };
  const [year, month, day] = [Number(iso[1]), Number(iso[2]), Number(iso[3])];
  if (year < MIN_YEAR || year > MAX_YEAR) {
    return { message: `date ${value} is outside the years ${MIN_YEAR}–${MAX_YEAR}`, hint: 'check the year' };
  }
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) {
    return { message: `date ${value} does not exist`, hint: 'use a real calendar date, YYYY-MM-DD' };
  }
  return undefined;
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** A hint that rewrites common day-first or unpadded dates as YYYY-MM-DD. */
function suggestIsoDate(value: string): string {
  const dayFirst = /^(\d{1,2})[./-](\d{1,2})[./-](\d{4})$/.exec(value);
  const unpadded = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(value);
  const pad = (s: string): string => s.padStart(2, '0');
  if (dayFirst) return `write it as YYYY-MM-DD, e.g. ${dayFirst[3]}-${pad(dayFirst[2] ?? '')}-${pad(dayFirst[1] ?? '')}`;
  if (unpadded) return `write it as YYYY-MM-DD, e.g. ${unpadded[1]}-${pad(unpadded[2] ?? '')}-${pad(unpadded[3] ?? '')}`;
  return 'write it as YYYY-MM-DD, e.g. 2026-01-06';
}

// ─── Decoding ────────────────────────────────────────────────────────────────────────────────────────────

type Decoded = { text: string; encoding: string; warning?: string } | { notText: string };

const UTF8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

function decode(bytes: Uint8Array): Decoded {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (startsWith(bytes, [0xef, 0xbb, 0xbf])) {
    // A UTF-8 BOM before bytes that are not UTF-8 (a converter's slip): read the rest as a legacy encoding.
    return decodeUtf8(buffer.subarray(3), 3, 'UTF-8') ?? decodeCyrillicLegacy(buffer.subarray(3));
  }
  if (startsWith(bytes, [0xff, 0xfe])) return decodeUtf16(buffer.subarray(2), 'utf-16le', 2, 'UTF-16LE');
  if (startsWith(bytes, [0xfe, 0xff])) return decodeUtf16(buffer.subarray(2), 'utf-16be', 2, 'UTF-16BE');
  const nul = buffer.indexOf(0);
  if (nul >= 0) return guessUtf16WithoutBom(buffer) ?? { notText: `found a NUL byte at offset ${nul}` };
  return decodeUtf8(buffer, 0, 'UTF-8') ?? decodeCyrillicLegacy(buffer);
}

function startsWith(bytes: Uint8Array, prefix: number[]): boolean {
  return prefix.every((b, i) => bytes[i] === b);
}

/** Strict UTF-8; undefined when the bytes are not valid UTF-8 (the caller then tries legacy encodings). */
function decodeUtf8(buffer: Buffer, bomLength: number, encoding: string): Decoded | undefined {
  const nul = buffer.indexOf(0);
  if (nul >= 0) return { notText: `found a NUL byte at offset ${nul + bomLength}` };
  try {
    return { text: UTF8.decode(buffer), encoding };
  } catch {
    return undefined;
  }
}

function decodeUtf16(buffer: Buffer, iconvName: string, bomLength: number, encoding: string): Decoded {
  const text = iconv.decode(buffer, iconvName, { stripBOM: false });
  const nul = text.indexOf('\0');
  if (nul >= 0) return { notText: `found a NUL character at offset ${bomLength + 2 * nul}` };
  return { text, encoding };
}

/**
 * UTF-16 without a BOM shows up as NUL bytes in every other position; accept it only when nearly every
 * decoded character is plausible in a ru/uk article, so that binary files are still refused.
 */
function guessUtf16WithoutBom(buffer: Buffer): Decoded | undefined {
  if (buffer.length % 2 !== 0) return undefined;
  for (const [iconvName, encoding] of [['utf-16le', 'UTF-16LE'], ['utf-16be', 'UTF-16BE']] as const) {
    const text = iconv.decode(buffer, iconvName, { stripBOM: false });
    if (text.includes('\0') || plausibleShare(text) < 0.95) continue;
    return { text, encoding, warning: `has no byte-order mark; it was read as ${encoding}` };
  }
  return undefined;
}

function plausibleShare(text: string): number {
  let plausible = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const ok =
      c === 9 || c === 10 || c === 13 || (c >= 0x20 && c <= 0x7e) || (c >= 0xa0 && c <= 0x24f) ||
      (c >= 0x400 && c <= 0x52f) || (c >= 0x2000 && c <= 0x206f) || c === 0x20ac || c === 0x2116;
    if (ok) plausible++;
  }
  return text.length === 0 ? 0 : plausible / text.length;
}

interface LegacyEncoding {
  /** Name reported in ParsedSeed.encoding. */
  name: string;
  iconv: string;
  /** chardet has no KOI8-U; its KOI8-R confidence stands for the family. */
  chardet: string;
}

const LEGACY: readonly LegacyEncoding[] = [
  { name: 'windows-1251', iconv: 'cp1251', chardet: 'windows-1251' },
  { name: 'KOI8-R', iconv: 'koi8-r', chardet: 'KOI8-R' },
  { name: 'KOI8-U', iconv: 'koi8-u', chardet: 'KOI8-R' },
];

/** Enough bytes to judge the encoding; scoring a 5 MB file entirely would only repeat itself. */
const SAMPLE_BYTES = 64 * 1024;
/** A lead this large in `cyrillicPlausibility` means the decision did not depend on chance. */
const CERTAIN_MARGIN = 3;

function decodeCyrillicLegacy(buffer: Buffer): Decoded {
  const sample = buffer.subarray(0, SAMPLE_BYTES);
  const confidence = new Map<string, number>(chardet.analyse(sample).map((m) => [m.name, m.confidence]));
  const ranked = LEGACY.map((enc, order) => ({
    enc,
    order,
    score: cyrillicPlausibility(iconv.decode(sample, enc.iconv)),
    chardet: confidence.get(enc.chardet) ?? 0,
  })).sort((a, b) => b.score - a.score || b.chardet - a.chardet || a.order - b.order);
  const best = ranked[0]!;
  const family = (name: string): string => name.slice(0, 4);
  const rival = ranked.find((r) => family(r.enc.name) !== family(best.enc.name))!;
  // KOI8-R and KOI8-U decode Russian identically; only a Ukrainian letter byte makes them differ.
  const enc = best.enc.name === 'KOI8-U' && !hasKoi8uLetterBytes(buffer) ? LEGACY[1]! : best.enc;
  const text = iconv.decode(buffer, enc.iconv);
  const certain = best.score - rival.score >= CERTAIN_MARGIN;
  return certain
    ? { text, encoding: enc.name }
    : { text, encoding: enc.name, warning: `is not UTF-8 and its encoding is uncertain; it was read as ${enc.name}` };
}

/** Bytes that are і ї є ґ (and capitals) in KOI8-U but box-drawing characters in KOI8-R. */
const KOI8U_LETTER_BYTES = [0xa4, 0xa6, 0xa7, 0xad, 0xb4, 0xb6, 0xb7, 0xbd];

function hasKoi8uLetterBytes(buffer: Buffer): boolean {
  return KOI8U_LETTER_BYTES.some((b) => buffer.includes(b));
}

/**
 * How much a decoding looks like Cyrillic prose: lower-case letters inside words count for it; a capital
 * right after a lower-case letter (the case swap of reading KOI8 as windows-1251 or back) and symbols that
 * no article contains (box drawing, C1 controls, ¤ ¦ ¶, replacement characters) count against it.
 */
export function cyrillicPlausibility(text: string): number {
  let score = 0;
  let previous = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (isLowerCyrillic(c) && (isLowerCyrillic(previous) || isUpperCyrillic(previous))) score += 1;
    else if (isUpperCyrillic(c) && isLowerCyrillic(previous)) score -= 2;
    else if (isImplausibleSymbol(c)) score -= 3;
    previous = c;
  }
  return score;
}

function isLowerCyrillic(c: number): boolean {
  return (c >= 0x430 && c <= 0x45f) || c === 0x491;
}

function isUpperCyrillic(c: number): boolean {
  return (c >= 0x400 && c <= 0x42f) || c === 0x490;
}

function isImplausibleSymbol(c: number): boolean {
  return (
    (c >= 0x80 && c <= 0x9f) || (c >= 0x2500 && c <= 0x25ff) || (c >= 0x2320 && c <= 0x2321) ||
    c === 0x2219 || c === 0x221a || c === 0x2248 || c === 0x2264 || c === 0x2265 ||
    c === 0xa4 || c === 0xa6 || c === 0xb6 || c === 0xfffd
  );
}

const CONTROL_CHARACTER = /[\u0001-\u0008\u000E-\u001F\u007F]/;

function normalizeLineEndings(text: string): string {
  return text.includes('\r') ? text.replace(/\r\n?/g, '\n') : text;
}

/** The first control character other than tab, newline, vertical tab and form feed: binary, not text. */
function firstControlCharacter(text: string): { code: string; line: number } | undefined {
  const index = text.search(CONTROL_CHARACTER);
  if (index < 0) return undefined;
  const code = `U+${text.charCodeAt(index).toString(16).toUpperCase().padStart(4, '0')}`;
  return { code, line: lineOfIndex(text, index) };
}

function lineOfIndex(text: string, index: number): number {
  let line = 1;
  for (let i = text.indexOf('\n'); i >= 0 && i < index; i = text.indexOf('\n', i + 1)) line++;
  return line;
}

// ─── Front matter ────────────────────────────────────────────────────────────────────────────────────────

type Report = (severity: Problem['severity'], message: string, hint: string, line?: number) => void;

const FENCE = /^---[ \t]*$/;
const CLOSING_FENCE = /^(?:---|\.\.\.)[ \t]*$/;
const ALLOWED_KEYS_HINT = `use only the keys ${FRONT_MATTER_KEYS.join(', ')}`;

/**
 * Front matter, if the file starts with `---`. Returns the metadata and the 0-based index of the first body
 * line, or undefined when the front matter is never closed (the body cannot be found then).
 */
function readFrontMatter(lines: string[], report: Report): { frontMatter: SeedFrontMatter; bodyStart: number } | undefined {
  if (!FENCE.test(lines[0] ?? '')) return { frontMatter: {}, bodyStart: 0 };
  const close = lines.findIndex((line, i) => i > 0 && CLOSING_FENCE.test(line));
  if (close < 0) {
    report('error', 'the front matter opened by "---" on line 1 is never closed',
      'add a line with just "---" after the last front matter key', 1);
    return undefined;
  }
  const source = lines.slice(1, close).join('\n');
  const lineCounter = new LineCounter();
  const doc = parseDocument(source, { lineCounter, prettyErrors: true, uniqueKeys: true });
  // Lines inside the YAML are 1-based from the line after the opening fence.
  const fileLine = (offset: number): number => lineCounter.linePos(offset).line + 1;
  for (const warning of doc.warnings) {
    report('warning', `front matter: ${firstLine(warning.message)}`, 'check the YAML of the front matter', fileLine(warning.pos[0]));
  }
  if (doc.errors.length > 0) {
    for (const error of doc.errors) {
      report('error', `the front matter is not valid YAML: ${firstLine(error.message)}`,
        'write one "key: value" per line and put values containing ":" or "#" in quotes', fileLine(error.pos[0]));
    }
    return { frontMatter: {}, bodyStart: close + 1 };
  }
  const contents = doc.contents;
  if (contents === null || (isScalar(contents) && contents.value === null)) return { frontMatter: {}, bodyStart: close + 1 };
  if (!isMap(contents)) {
    report('error', 'the front matter is not a list of "key: value" lines', ALLOWED_KEYS_HINT, 2);
    return { frontMatter: {}, bodyStart: close + 1 };
  }
  return { frontMatter: readKeys(contents, fileLine, report), bodyStart: close + 1 };
}

/** The message of a YAML error without its position suffix and code frame (the Problem carries the line). */
function firstLine(message: string): string {
  return (message.split('\n')[0] ?? '').replace(/ at line \d+, column \d+:?$/, '');
}

function readKeys(map: YAMLMap, fileLine: (offset: number) => number, report: Report): SeedFrontMatter {
  const frontMatter: SeedFrontMatter = {};
  for (const pair of map.items as Pair<unknown, unknown>[]) {
    const keyNode = pair.key as YamlNode | null;
    const keyLine = fileLine(keyNode?.range?.[0] ?? 0);
    const key = isScalar(keyNode) ? String(keyNode.value) : undefined;
    if (key === undefined || !isFrontMatterKey(key)) {
      const shown = key ?? 'a complex key';
      const suggestion = key && isFrontMatterKey(key.toLowerCase()) ? ` (did you mean "${key.toLowerCase()}"?)` : '';
      report('error', `unknown front matter key "${shown}"${suggestion}`, ALLOWED_KEYS_HINT, keyLine);
      continue;
    }
    const valueNode = pair.value as YamlNode | null;
    const where: ValueWhere = { key, line: valueNode?.range ? fileLine(valueNode.range[0]) : keyLine, fileLine, report };
    if (valueNode === null || (isScalar(valueNode) && valueNode.value === null)) {
      report('warning', `front matter key "${key}" has no value and is ignored`, `give "${key}" a value or delete the line`, keyLine);
      continue;
    }
    assignKey(frontMatter, valueNode, where);
  }
  return frontMatter;
}

function isFrontMatterKey(key: string): key is FrontMatterKey {
  return (FRONT_MATTER_KEYS as readonly string[]).includes(key);
}

interface ValueWhere {
  key: FrontMatterKey;
  line: number;
  fileLine: (offset: number) => number;
  report: Report;
}

const SLUG = /^[a-z0-9-]+$/;

function assignKey(frontMatter: SeedFrontMatter, node: YamlNode, where: ValueWhere): void {
  if (where.key === 'components') {
    const components = readComponents(node, where);
    if (components) frontMatter.components = components;
    return;
  }
  const value = textValue(node, where);
  if (value === undefined) return;
  const fail = (message: string, hint: string): void => where.report('error', message, hint, where.line);
  switch (where.key) {
    case 'title':
    case 'outlet':
      frontMatter[where.key] = value;
      return;
    case 'date': {
      const problem = checkDate(value);
      if (problem) fail(problem.message, problem.hint);
      else frontMatter.date = value;
      return;
    }
    case 'url':
      if (isWebAddress(value)) frontMatter.url = value;
      else fail(`url "${value}" is not a web address starting with http:// or https://`, 'copy the full address from the browser, e.g. https://example.com/news/1');
      return;
    case 'lang':
      if (value === 'ru' || value === 'uk') frontMatter.lang = value satisfies Lang;
      else fail(`lang "${value}" is neither ru nor uk`, 'write "lang: uk" for Ukrainian or "lang: ru" for Russian');
      return;
    case 'event':
      if (SLUG.test(value)) frontMatter.event = value;
      else fail(`event "${value}" is not an event slug`, 'use lower-case Latin letters, digits and hyphens, e.g. paris-summit-2026-01-06');
      return;
  }
}

/** A non-empty text value, or undefined after reporting what the value was instead. */
function textValue(node: YamlNode, where: ValueWhere): string | undefined {
  if (isScalar(node) && typeof node.value === 'string' && node.value.trim() !== '') return node.value.trim();
  const got = isScalar(node) && typeof node.value === 'string' ? 'empty text' : describe(node);
  where.report('error', `front matter key "${where.key}" must be text, not ${got}`,
    `write it as ${where.key}: "…" (quotes keep numbers and dates as text)`, where.line);
  return undefined;
}

function describe(node: YamlNode): string {
  if (isMap(node)) return 'a nested map';
  if (isSeq(node)) return 'a list';
  if (isScalar(node)) {
    if (node.value === null) return 'nothing';
    return typeof node.value === 'number' ? 'a number' : typeof node.value === 'boolean' ? 'true/false' : 'a value of another type';
  }
  return 'an alias or tag';
}

function isWebAddress(value: string): boolean {
  try {
    const url = new URL(value);
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname !== '';
  } catch {
    return false;
  }
}

const COMPONENT_KEYS = ['add', 'remove'] as const;

function readComponents(node: YamlNode, where: ValueWhere): SeedFrontMatter['components'] {
  const hint = 'write components: { add: [component-id, …], remove: [component-id, …] }';
  if (!isMap(node)) {
    where.report('error', `front matter key "components" must be a map with add and remove, not ${describe(node)}`, hint, where.line);
    return undefined;
  }
  const components: NonNullable<SeedFrontMatter['components']> = {};
  for (const pair of node.items as Pair<unknown, unknown>[]) {
    const keyNode = pair.key as YamlNode | null;
    const line = where.fileLine(keyNode?.range?.[0] ?? 0);
    const key = isScalar(keyNode) ? String(keyNode.value) : '';
    if (key !== 'add' && key !== 'remove') {
      where.report('error', `unknown key "${key}" under components`, `use only ${COMPONENT_KEYS.join(' and ')}`, line);
      continue;
    }
    const ids = readIdList(pair.value as YamlNode | null, `components.${key}`, line, where);
    if (ids) components[key] = ids;
  }
  const both = (components.add ?? []).filter((id) => components.remove?.includes(id));
  if (both.length > 0) {
    where.report('error', `component ${both.map((id) => `"${id}"`).join(', ')} is both added and removed`,
      'keep each component id in only one of add and remove', where.line);
  }
  return components;
}

function readIdList(node: YamlNode | null, name: string, line: number, where: ValueWhere): string[] | undefined {
  if (!isSeq(node)) {
    where.report('error', `${name} must be a list of component ids, not ${node === null ? 'nothing' : describe(node)}`,
      `write ${name.split('.')[1]}: [component-id, …]`, node?.range ? where.fileLine(node.range[0]) : line);
    return undefined;
  }
  const ids: string[] = [];
  for (const item of node.items as (YamlNode | null)[]) {
    if (isScalar(item) && typeof item.value === 'string' && item.value.trim() !== '') {
      ids.push(item.value.trim());
    } else {
      const itemLine = item?.range ? where.fileLine(item.range[0]) : line;
      const got = item === null || (isScalar(item) && (item.value === null || item.value === '')) ? 'an empty item' : describe(item);
      where.report('error', `${name} contains ${got} instead of a component id`,
        'list component ids as text, e.g. monitoring', itemLine);
    }
  }
  return ids;
}

// ─── Legacy date line and paragraphs ─────────────────────────────────────────────────────────────────────

interface DateLine {
  /** 0-based index of the line. */
  index: number;
  /** 1-based line number. */
  line: number;
  /** The valid date, if it is one. */
  date?: string;
  /** Where the article text starts on that line. */
  textStart: number;
}

/** ` date ` (any spacing, optional colon) at the start of the first body line. */
const DATE_TOKEN = /^[ \t\u00A0]*date(?=[ \t\u00A0:])[ \t\u00A0]*:?[ \t\u00A0]*/i;
const DATE_VALUE = /^\d[\d./-]*\d/;

function readDateLine(lines: string[], bodyStart: number, report: Report): DateLine | undefined {
  const index = firstNonBlankLine(lines, bodyStart);
  const text = index < 0 ? '' : (lines[index] ?? '');
  const token = DATE_TOKEN.exec(text);
  if (!token) return undefined;
  const line = index + 1;
  const value = DATE_VALUE.exec(text.slice(token[0].length))?.[0];
  if (value === undefined) {
    report('error', 'the first line starts with "date" but no date follows', 'start the first line with " date YYYY-MM-DD" followed by the text', line);
    return { index, line, textStart: token[0].length };
  }
  const textStart = token[0].length + value.length;
  const problem = checkDate(value);
  if (problem) {
    report('error', problem.message, problem.hint, line);
    return { index, line, textStart };
  }
  return { index, line, date: value, textStart };
}

function firstNonBlankLine(lines: string[], from: number): number {
  for (let i = from; i < lines.length; i++) if (!isBlank(lines[i] ?? '')) return i;
  return -1;
}

const BLANK = /^[\s\u200B-\u200D\u2060]*$/;

function isBlank(line: string): boolean {
  return BLANK.test(line);
}

function collectParagraphs(lines: string[], bodyStart: number, dateLine: DateLine | undefined): SeedParagraph[] {
  const paragraphs: SeedParagraph[] = [];
  for (let i = bodyStart; i < lines.length; i++) {
    const raw = lines[i] ?? '';
    const text = dateLine?.index === i ? raw.slice(dateLine.textStart) : raw;
    if (isBlank(text)) continue;
    paragraphs.push({ text: trimSpacesAndTabs(text), line: i + 1 });
  }
  return paragraphs;
}

/** Trim ASCII spaces and tabs only: NBSP and other characters stay as written. Linear on long lines. */
function trimSpacesAndTabs(text: string): string {
  let start = 0;
  let end = text.length;
  while (start < end && isSpaceOrTab(text.charCodeAt(start))) start++;
  while (end > start && isSpaceOrTab(text.charCodeAt(end - 1))) end--;
  return text.slice(start, end);
}

function isSpaceOrTab(c: number): boolean {
  return c === 0x20 || c === 0x09;
}
