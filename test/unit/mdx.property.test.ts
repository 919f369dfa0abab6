import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PARAGRAPH_LINES_KEY, parseArticle, serializeArticle } from '../../src/lib/mdx.ts';
import type { AnalysedSentence, ArticleDocument, MentionStatus } from '../../src/lib/types.ts';
import { renderArticle } from '../fixtures/mdx/render.ts';

/** Bounded so the suite stays fast; each run compiles and runs the MDX twice (with and without GFM). */
const RUNS = { numRuns: 200 };

/** Pieces of markdown and MDX syntax, Cyrillic, and whitespace, to be mixed into hostile sentences. */
const SYNTAX_PIECES = [
  ...'{}<>*_#`\\&[]|~:/!()-+.=\'"@$^'.split(''),
  'import ', 'export ', 'export const x = globalThis.__pwned = 1', '{globalThis.__pwned = 1}', '<S id="s1-1">',
  '</S>', '<Claim>', '<script>', '<!--', '-->', '&amp;', '&#x7B;', 'http://', 'www.', 'a@b.c', '[a](b)', '1. ',
  '- ', '# ', '> ', '---', '***', '```', '    ', '\n', '\r', '\r\n', '\t', ' ', '  ', '\u00a0', '\u200b', '\ufeff',
  '\u0306', 'Київ', 'обов’язкова', "обов'язкова", '«', '»', '—', 'й', 'Ё', 'і', 'ї', 'є', 'ґ',
];

const hostileText = fc.string({ unit: fc.constantFrom(...SYNTAX_PIECES), minLength: 1, maxLength: 30 });
/** NUL cannot be held by any MDX file (micromark reads it as U+FFFD); serializeArticle refuses it (unit tests). */
const noNul = (text: string) => !text.includes('\u0000');
const graphemeText = fc.string({ unit: 'grapheme', minLength: 1, maxLength: 40 });
const binaryText = fc.string({ unit: 'binary', minLength: 1, maxLength: 40 }).filter(noNul);
const trailing = fc.option(
  fc.string({ unit: fc.constantFrom(' ', '\t', '\n', '\r', '\u00a0', '\u2003', '\u3000', '\u2028'), minLength: 1, maxLength: 4 }),
  { nil: undefined },
);
const claim = fc.option(
  fc.record({
    components: fc.uniqueArray(fc.stringMatching(/^[a-z0-9-]{1,12}$/), { minLength: 1, maxLength: 3 }),
    status: fc.option(fc.constantFrom<MentionStatus>('agreed', 'announced', 'draft', 'expected'), { nil: undefined }),
  }),
  { nil: undefined },
);

/** Documents of 1–3 paragraphs of 1–4 sentences with texts from `text`. */
function documents(text: fc.Arbitrary<string>): fc.Arbitrary<ArticleDocument> {
  const sentence = fc.record({ text, trailing, claim });
  return fc
    .array(fc.array(sentence, { minLength: 1, maxLength: 4 }), { minLength: 1, maxLength: 3 })
    .map((paragraphs) => ({
      frontMatter: { title: 'T' },
      paragraphs: paragraphs.map((sentences, p) => ({
        line: 2 * p + 1,
        sentences: sentences.map((s, i): AnalysedSentence => {
          const out: AnalysedSentence = { id: `s${p + 1}-${i + 1}`, text: s.text, components: s.claim?.components ?? [] };
          if (s.trailing !== undefined) out.trailing = s.trailing;
          if (s.claim?.status !== undefined) out.status = s.claim.status;
          return out;
        }),
      })),
    }));
}

/** MDX's hast step trims spaces and tabs around line endings inside text (see mdx.test.ts). */
const trimLines = (text: string) => text.replace(/[ \t]*(\r\n|\n|\r)[ \t]*/g, '$1');

async function roundTripsAndRunsNothing(doc: ArticleDocument): Promise<void> {
  const mdx = serializeArticle(doc);
  expect(serializeArticle(doc)).toBe(mdx);
  expect(parseArticle(mdx, 'p.mdx')).toEqual(doc);
  const sentences = doc.paragraphs.flatMap((p) => p.sentences);
  for (const gfm of [false, true]) {
    const rendered = await renderArticle(mdx, { gfm });
    expect(rendered.sentences.map((s) => s.text)).toEqual(sentences.map((s) => trimLines(s.text)));
    expect(rendered.otherElements).toEqual([]);
    expect(rendered.looseText).toMatch(/^\s*$/u);
  }
  expect((globalThis as { __pwned?: unknown }).__pwned).toBeUndefined();
}

describe('any sentence text survives serialise → parse → compile exactly, and nothing runs', () => {
  it.each([
    ['markdown/MDX syntax mixed with Cyrillic', hostileText],
    ['Unicode graphemes', graphemeText],
    ['any code points (binary)', binaryText],
  ])('%s', async (_name, text) => {
    await fc.assert(fc.asyncProperty(documents(text), roundTripsAndRunsNothing), RUNS);
  });
});

describe('front matter', () => {
  it('any JSON object survives (our reader and Astro’s js-yaml agree)', async () => {
    const frontMatter = fc
      .dictionary(fc.string(), fc.jsonValue(), { maxKeys: 6 })
      .filter((data) => !Object.hasOwn(data, PARAGRAPH_LINES_KEY));
    await fc.assert(
      fc.asyncProperty(frontMatter, async (data) => {
        const doc: ArticleDocument = {
          frontMatter: data,
          paragraphs: [{ line: 1, sentences: [{ id: 's1-1', text: 'a', components: [] }] }],
        };
        const mdx = serializeArticle(doc);
        const asJson = JSON.parse(JSON.stringify(data)) as Record<string, unknown>; // −0 is written as 0
        expect(parseArticle(mdx, 'p.mdx').frontMatter).toEqual(asJson);
        const rendered = await renderArticle(mdx);
        expect(rendered.frontmatter).toEqual({ ...asJson, [PARAGRAPH_LINES_KEY]: [1] });
      }),
      RUNS,
    );
  });
});
