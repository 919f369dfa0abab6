import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import {
  ARTICLE_MDX_HINT,
  ArticleMdxError,
  encodeText,
  PARAGRAPH_LINES_KEY,
  parseArticle,
  serializeArticle,
} from '../../src/lib/mdx.ts';
import type { ArticleDocument } from '../../src/lib/types.ts';
import { HOSTILE, LONG_SENTENCE, oneParagraph, onePerParagraph } from '../fixtures/mdx/documents.ts';
import { renderArticle } from '../fixtures/mdx/render.ts';

const fixture = (name: string) => new URL(`../fixtures/mdx/${name}`, import.meta.url);
const pwned = () => (globalThis as { __pwned?: unknown }).__pwned;

afterEach(() => {
  delete (globalThis as { __pwned?: unknown }).__pwned;
});

/**
 * What MDX's mdast → hast step does to any text (mdast-util-to-hast's trimLines): spaces and tabs around a
 * line ending are dropped. No escaping can prevent it; pages that must show them render from parseArticle.
 */
function trimLines(text: string): string {
  return text.replace(/[ \t]*(\r\n|\n|\r)[ \t]*/g, '$1');
}

/** Syntax characters left in the body once sentence tags and character references are taken out. */
function rawSyntaxLeft(mdx: string): string {
  const body = mdx.slice(mdx.indexOf('\n---\n') + 5);
  const withoutTags = body.replace(/<\/?(?:S|Claim)(?: [a-z]+="[^"]*")*>/g, '').replace(/&#x[0-9A-F]+;/g, '');
  return (withoutTags.match(/[{}<>*_#`\\&[\]|~]/g) ?? []).join('');
}

/** Serialise, read back, compile and run: every sentence must come back exactly, nothing may execute. */
async function expectExactEverywhere(doc: ArticleDocument): Promise<string> {
  const mdx = serializeArticle(doc);
  expect(parseArticle(mdx, 'a.mdx')).toEqual(doc);
  const sentences = doc.paragraphs.flatMap((p) => p.sentences);
  for (const gfm of [false, true]) {
    const rendered = await renderArticle(mdx, { gfm });
    expect(rendered.sentences.map((s) => s.text)).toEqual(sentences.map((s) => trimLines(s.text)));
    expect(rendered.sentences.map((s) => s.props.id)).toEqual(sentences.map((s) => s.id));
    expect(rendered.looseText).toMatch(/^\s*$/u);
    expect(rendered.otherElements).toEqual([]);
  }
  expect(pwned()).toBeUndefined();
  expect(rawSyntaxLeft(mdx)).toBe('');
  return mdx;
}

describe('serializeArticle → parseArticle → compiled MDX: hostile sentence text', () => {
  it.each(HOSTILE)('%s comes back exactly and runs nothing', async (_name, text) => {
    await expectExactEverywhere(onePerParagraph([text]));
  });

  it('all of them in one paragraph, between varied whitespace', async () => {
    const trailings = [' ', '  ', '\t', '\u00a0', '\n', ' \n ', '\r\n', '\u2003', ''];
    await expectExactEverywhere(
      oneParagraph(HOSTILE.map(([, text], i) => ({ text, trailing: trailings[i % trailings.length] }))),
    );
  });

  it('a 200,000-character sentence', async () => {
    await expectExactEverywhere(onePerParagraph([LONG_SENTENCE]));
  });
});

describe('the written MDX', () => {
  it('matches the golden file for a typical article (seed 000)', () => {
    const doc = JSON.parse(readFileSync(fixture('typical.json'), 'utf8')) as ArticleDocument;
    const expected = readFileSync(fixture('typical.mdx'), 'utf8');
    expect(serializeArticle(doc)).toBe(expected);
    expect(parseArticle(expected, 'typical.mdx')).toEqual(doc);
  });

  it('writes Claim elements with components and status, S elements with an id only', () => {
    const doc: ArticleDocument = {
      frontMatter: {},
      paragraphs: [
        {
          line: 3,
          sentences: [
            { id: 's1-1', text: 'Раз.', trailing: ' ', components: [] },
            { id: 's1-2', text: 'Два.', components: ['ceasefire-monitoring', 'force'], status: 'agreed' },
          ],
        },
      ],
    };
    expect(serializeArticle(doc)).toBe(
      '---\n{\n "paragraphLines": [\n  3\n ]\n}\n---\n\n<S id="s1-1">Раз.</S> <Claim id="s1-2" components="ceasefire-monitoring force" status="agreed">Два.</Claim>\n',
    );
  });

  it('writes a Claim without status when the analysis gave none', () => {
    const doc: ArticleDocument = {
      frontMatter: {},
      paragraphs: [{ line: 1, sentences: [{ id: 's1-1', text: 'Так.', components: ['force'] }] }],
    };
    const mdx = serializeArticle(doc);
    expect(mdx).toContain('<Claim id="s1-1" components="force">Так.</Claim>');
    expect(parseArticle(mdx, 'a.mdx')).toEqual(doc);
  });

  it('is deterministic: the same document gives the same bytes', () => {
    const doc = onePerParagraph(HOSTILE.map(([, text]) => text), { title: 'T', tags: ['a', 'b'], n: 1 });
    expect(serializeArticle(doc)).toBe(serializeArticle(structuredClone(doc)));
  });

  it('omits empty and undefined optional fields the way the reader returns them', () => {
    const doc: ArticleDocument = {
      frontMatter: { title: 'T', url: undefined },
      paragraphs: [
        { line: 1, sentences: [{ id: 's1-1', text: 'a', trailing: '', components: [], status: undefined }] },
      ],
    };
    expect(parseArticle(serializeArticle(doc), 'a.mdx')).toEqual({
      frontMatter: { title: 'T' },
      paragraphs: [{ line: 1, sentences: [{ id: 's1-1', text: 'a', components: [] }] }],
    });
  });
});

describe('encodeText', () => {
  const middle = { atElementStart: false, atParagraphEnd: false };

  it.each([
    ['{', '&#x7B;'],
    ['}', '&#x7D;'],
    ['<', '&#x3C;'],
    ['&amp;', '&#x26;amp;'],
    ['\\', '&#x5C;'],
    ['a\tb', 'a&#x9;b'],
    ['a\nb', 'a&#xA;b'],
    ['a\rb', 'a&#xD;b'],
    ['a\u00a0b', 'a&#xA0;b'],
    ['a\u200bb', 'a&#x200B;b'],
    ['a b', 'a b'],
    ['a  b', 'a &#x20;b'],
    [' a', ' a'],
    ['http://x', 'http&#x3A;//x'],
    ['12:30', '12:30'],
    ['www.x', 'www&#x2E;x'],
    ['Київ, «мир» — 6 січня…', 'Київ, «мир» — 6 січня…'],
    ['"q" (p) 5% +1 =2 a/b ! ? ;', '"q" (p) 5% +1 =2 a/b ! ? ;'],
  ])('%j → %j', (input, output) => {
    expect(encodeText(input, middle)).toBe(output);
  });

  it('writes literally what a reference cannot carry (controls, noncharacters)', () => {
    expect(encodeText('\u0001\u000b\u007f\u0085\ufffe', middle)).toBe('\u0001\u000b\u007f\u0085\ufffe');
  });

  it('encodes a final space only at the end of a paragraph, a first one only at a sentence start', () => {
    const end = { atElementStart: false, atParagraphEnd: true };
    const start = { atElementStart: true, atParagraphEnd: false };
    expect(encodeText(' a ', middle)).toBe(' a ');
    expect(encodeText(' a ', end)).toBe(' a&#x20;');
    expect(encodeText('a  ', end)).toBe('a &#x20;');
    expect(encodeText(' a ', start)).toBe('&#x20;a ');
    expect(encodeText('  a', start)).toBe('&#x20;&#x20;a');
  });

  it.each([
    ['NUL', 'a\u0000b', /NUL/],
    ['lone surrogate', 'a\ud800b', /lone surrogate \(U\+D800\)/],
  ])('refuses a %s', (_name, text, message) => {
    expect(() => encodeText(text, middle)).toThrow(message);
  });
});

describe('front matter', () => {
  it('keeps JSON-like data exactly, and Astro (js-yaml) reads the same data', async () => {
    const frontMatter = {
      title: 'Заява: "мир" {x} <b>',
      date: '2026-01-06',
      words: ['yes', 'no', 'on', 'off', 'y', 'n', '010', '0x1F', '1e3', 'null', '~', '---', '', ' pad '],
      count: 5,
      ratio: 0.25,
      flag: false,
      none: null,
      nested: { a: [1, { b: 'c' }], empty: {}, list: [] },
      multiline: 'a\n---\nb',
    };
    const doc = onePerParagraph(['Текст.'], frontMatter);
    const mdx = await expectExactEverywhere(doc);
    expect((await renderArticle(mdx)).frontmatter).toEqual({ ...frontMatter, [PARAGRAPH_LINES_KEY]: [1] });
  });

  it('drops undefined properties, as JSON does', () => {
    const doc = onePerParagraph(['a'], { a: 1, b: undefined, c: { d: undefined } });
    expect(parseArticle(serializeArticle(doc), 'a.mdx').frontMatter).toEqual({ a: 1, c: {} });
  });

  it.each([
    ['a Date', { date: new Date(0) }, /frontMatter\.date is not plain JSON-like data \(Date\)/],
    ['NaN', { n: Number.NaN }, /frontMatter\.n .*\(NaN\)/],
    ['a function', { f: () => 1 }, /frontMatter\.f .*\(function\)/],
    ['a nested bigint', { a: [1n] }, /frontMatter\.a\[0\] .*\(bigint\)/],
    ['the reserved key', { [PARAGRAPH_LINES_KEY]: [1] }, /reserved/],
  ])('refuses %s', (_name, frontMatter, message) => {
    expect(() => serializeArticle(onePerParagraph(['a'], frontMatter))).toThrow(message);
  });
});

describe('serializeArticle refuses documents it cannot write faithfully', () => {
  const sentence = { id: 's1-1', text: 'Текст.', components: [] as string[] };
  const withSentence = (overrides: Record<string, unknown>, line = 1): ArticleDocument => ({
    frontMatter: {},
    paragraphs: [{ line, sentences: [{ ...sentence, ...overrides }] }],
  });

  it.each([
    ['a bad id', withSentence({ id: 'x1' }), /id is not of the form/],
    ['an empty sentence', withSentence({ text: '' }), /text is empty/],
    ['text in trailing', withSentence({ trailing: ' x ' }), /trailing holds more than whitespace/],
    ['a bad component id', withSentence({ components: ['Force'], status: 'agreed' }), /component id "Force"/],
    ['an unknown status', withSentence({ components: ['force'], status: 'rumoured' }), /unknown status rumoured/],
    ['a status without components', withSentence({ status: 'agreed' }), /status but no components/],
    ['a NUL in the text', withSentence({ text: 'a\u0000' }), /NUL/],
    ['a lone surrogate', withSentence({ text: '\udc00' }), /lone surrogate/],
    ['a bad line', withSentence({}, 0), /line 0/],
    ['an empty paragraph', { frontMatter: {}, paragraphs: [{ line: 1, sentences: [] }] }, /no sentences/],
    [
      'a repeated id',
      { frontMatter: {}, paragraphs: [{ line: 1, sentences: [sentence, { ...sentence }] }] },
      /used twice/,
    ],
  ])('%s', (_name, doc, message) => {
    const attempt = () => serializeArticle(doc as ArticleDocument, 'seeds/007.txt');
    expect(attempt).toThrow(ArticleMdxError);
    expect(attempt).toThrow(message);
    try {
      attempt();
    } catch (error) {
      expect((error as ArticleMdxError).file).toBe('seeds/007.txt');
      expect((error as ArticleMdxError).hint).toMatch(/npm run ingest/);
    }
  });
});

describe('parseArticle accepts only what the writer produces', () => {
  const head = '---\nparagraphLines: [ 1 ]\n---\n\n';
  const parse = (body: string, lines = head) => () => parseArticle(lines + body, 'content/articles/x.mdx');

  /** The error for a body, checked for file, hint and message; returns it for line checks. */
  function rejection(body: string, message: RegExp, lines = head): ArticleMdxError {
    const attempt = parse(body, lines);
    expect(attempt).toThrow(ArticleMdxError);
    try {
      attempt();
    } catch (error) {
      const mdxError = error as ArticleMdxError;
      expect(mdxError.file).toBe('content/articles/x.mdx');
      expect(mdxError.hint).toBe(ARTICLE_MDX_HINT);
      expect(mdxError.message).toMatch(message);
      return mdxError;
    }
    throw new Error('unreachable');
  }

  it.each([
    ['ESM import', "import fs from 'node:fs'", /import\/export statement/],
    ['ESM export', 'export const x = globalThis.__pwned = 1', /import\/export statement/],
    ['flow expression', '{globalThis.__pwned = 1}', /\{…\} JavaScript expression/],
    ['text expression', '<S id="s1-1">a {1+1}</S>', /\{…\} JavaScript expression inside a sentence/],
    ['another JSX element', '<script>alert(1)</script>', /<script>/],
    ['a nested element', '<S id="s1-1">a <b>c</b></S>', /JSX element <b> inside a sentence/],
    ['an element other than S/Claim in a paragraph', 'x <Note id="s1-1">a</Note>', /text outside a sentence/],
    ['an unknown text element', '<Note id="s1-1">a</Note> b', /JSX element <Note>; only <S> and <Claim>/],
    ['an attribute expression', '<S id={"s1-1"}>a</S>', /attribute id on <S> has an expression value/],
    ['a bare attribute', '<S id>a</S>', /attribute id on <S> has no value/],
    ['a spread attribute', '<S id="s1-1" {...globalThis}>a</S>', /spread\/expression attribute/],
    ['an unknown attribute', '<S id="s1-1" onClick="x">a</S>', /unexpected attribute onClick on <S>/],
    ['a repeated attribute', '<S id="s1-1" id="s1-2">a</S>', /unexpected attribute id/],
    ['components on S', '<S id="s1-1" components="force">a</S>', /unexpected attribute components on <S>/],
    ['a heading', '# heading', /a heading/],
    ['a list', '- item', /a list/],
    ['a block quote', '> quote', /a block quote/],
    ['a thematic break', '***', /a thematic break/],
    ['emphasis', '<S id="s1-1">*a*</S>', /emphasis inside a sentence/],
    ['a link', '<S id="s1-1">[a](javascript:alert(1))</S>', /a link inside a sentence/],
    ['inline code', '<S id="s1-1">`a`</S>', /inline code inside a sentence/],
    ['a code fence', '```\na\n```', /a code block/],
    ['text before the first sentence', 'a <S id="s1-1">b</S>', /text outside a sentence/],
    ['text between sentences', '<S id="s1-1">b</S> and <S id="s1-2">c</S>', /text outside a sentence/],
    ['an empty sentence', '<S id="s1-1"></S>', /an empty sentence/],
    ['a bad id', '<S id="1-1">a</S>', /needs an id of the form/],
    ['a missing id', '<S>a</S>', /needs an id of the form/],
    ['a repeated id', '<S id="s1-1">a</S> <S id="s1-1">b</S>', /s1-1 is used twice/],
    ['a bad status', '<Claim id="s1-1" components="force" status="rumoured">a</Claim>', /unknown status "rumoured"/],
    ['a Claim without components', '<Claim id="s1-1" status="agreed">a</Claim>', /<Claim> needs components=/],
    ['a bad component id', '<Claim id="s1-1" components="force Bad">a</Claim>', /<Claim> needs components=/],
    ['an MDX syntax error', '<S id="s1-1">a', /is not valid MDX: Expected a closing tag/],
    ['an HTML comment (invalid MDX)', '<!-- comment -->', /is not valid MDX/],
  ])('refuses %s', (_name, body, message) => {
    rejection(body, message);
  });

  it('names the line of the offending node, counting the front matter', () => {
    const body = '<S id="s1-1">a</S>\n\n<S id="s2-1">b</S>\n\nexport const x = 1\n';
    const error = rejection(body, /import\/export/, '---\nparagraphLines: [ 1, 3, 5 ]\n---\n\n');
    expect(error.line).toBe(9);
    expect(error.message).toMatch(/^content\/articles\/x\.mdx:9: found an import\/export statement/);
  });

  it('names the line of a bad attribute and of an MDX syntax error', () => {
    expect(rejection('\n<S id="s1-1" x="1">a</S>', /unexpected attribute x/).line).toBe(6);
    expect(rejection('\n\n<S id="s1-1">{</S>', /is not valid MDX/).line).toBe(7);
  });

  it.each([
    ['no front matter', '<S id="s1-1">a</S>\n', /does not start with a `---` front matter block/, 1],
    ['an unclosed front matter', '---\na: 1\n<S id="s1-1">a</S>\n', /front matter block is not closed/, 1],
    ['invalid YAML', '---\na: 1\nb: [\n---\n\n<S id="s1-1">a</S>\n', /not valid YAML/, 3],
    ['a front matter that is a list', '---\n- 1\n---\n\n<S id="s1-1">a</S>\n', /not a mapping/, 1],
    ['a timestamp in the front matter', '---\nd: 2026-01-06\nparagraphLines: [ 1 ]\n---\n\n<S id="s1-1">a</S>\n', /front matter\.d .*\(Date\)/, 1],
    ['no paragraph lines', '---\na: 1\n---\n\n<S id="s1-1">a</S>\n', /"paragraphLines" must be a list/, 1],
    ['bad paragraph lines', '---\nparagraphLines: [ 0 ]\n---\n\n<S id="s1-1">a</S>\n', /must be a list of positive integers/, 1],
    ['paragraph lines of another length', '---\nparagraphLines: [ 1, 2 ]\n---\n\n<S id="s1-1">a</S>\n', /lists 2 paragraph lines but the body has 1/, 1],
  ])('refuses %s', (_name, mdx, message, line) => {
    const attempt = () => parseArticle(mdx, 'x.mdx');
    expect(attempt).toThrow(message);
    try {
      attempt();
    } catch (error) {
      expect((error as ArticleMdxError).line).toBe(line);
    }
  });

  it('accepts a sentence written as a flow element on its own lines', () => {
    const doc = parseArticle(`${head}<S id="s1-1">\nТекст.\n</S>\n`, 'x.mdx');
    expect(doc.paragraphs).toEqual([{ line: 1, sentences: [{ id: 's1-1', text: 'Текст.', components: [] }] }]);
  });

  it('refuses a flow element holding more than one paragraph or a non-paragraph', () => {
    expect(parse('<S id="s1-1">\na\n\nb\n</S>\n')).toThrow(/found a second paragraph in a sentence/);
    expect(parse('<S id="s1-1">\n# a\n</S>\n')).toThrow(/a heading/);
  });

  it('refuses a front matter line starting with +++ (Astro would end the front matter there)', () => {
    expect(() => parseArticle('---\n+++: 1\nparagraphLines: [ 1 ]\n---\n\n<S id="s1-1">a</S>\n', 'x.mdx')).toThrow(
      /x\.mdx:2: a front matter line starts with `---` or `\+\+\+`/,
    );
    // The writer's JSON front matter never puts a key at the start of a line, so such a key is safe.
    const doc = onePerParagraph(['a'], { '+++': 1, '---': 2 });
    expect(parseArticle(serializeArticle(doc), 'x.mdx')).toEqual(doc);
  });

    it('accepts CRLF front matter delimiters and a BOM-free file ending without a newline', () => {
    const doc = parseArticle('---\r\nparagraphLines: [ 4 ]\r\n---\r\n\r\n<S id="s1-1">a</S>', 'x.mdx');
    expect(doc.paragraphs[0]?.line).toBe(4);
  });

  it('reads trailing whitespace, including a final one, from text between and after sentences', () => {
    const doc = parseArticle(`${head}<S id="s1-1">a</S> <S id="s1-2">b</S>&#x20;\n`, 'x.mdx');
    expect(doc.paragraphs[0]?.sentences.map((s) => s.trailing)).toEqual([' ', ' ']);
  });
});
