/**
 * Editors correct the machine: a seed's front matter adds and removes components and pins its event,
 * and a hand-written event summary (MDX) is shown above the generated summary.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { attr, readPage } from '../helpers/html.ts';
import { buildSite, prepareSite, ROOT, type FixtureSite } from '../helpers/site.ts';

const EVENT = '2026-01-06-paris-coalition-summit';
const ARTICLE = 'editor-corrected';
let site: FixtureSite;

beforeAll(async () => {
  const fixture = join(ROOT, 'test/fixtures/site-editor');
  site = await prepareSite('editor', [join(ROOT, 'seeds'), join(fixture, 'seeds')], [join(fixture, 'events')]);
  const run = await buildSite(site);
  if (run.code !== 0) throw new Error(`build failed:\n${run.stdout}\n${run.stderr}`);
});

describe('editor content', () => {
  it('shows the hand-written summary, rendered from MDX, above the generated components', async () => {
    const page = await readPage(site.outDir, `events/${EVENT}`);
    const summary = page.$('section[aria-labelledby=summary]');
    expect(summary).toBeDefined();
    expect(page.text(summary!)).toContain('Редакційний підсумок');
    expect(page.$('section[aria-labelledby=summary] strong')).toBeDefined();
    expect(page.html.indexOf('aria-labelledby="summary"')).toBeLessThan(page.html.indexOf('aria-labelledby="components"'));
  });

  it('applies components.add and components.remove from the seed front matter', async () => {
    const page = await readPage(site.outDir, `articles/${ARTICLE}`);
    const claims = page.$$('mark.claim');
    const titles = claims.map((m) => attr(m, 'title') ?? '');
    expect(titles.some((t) => t.includes('Координаційна група'))).toBe(true);
    expect(titles.some((t) => t.includes('Багатонаціональні сили'))).toBe(false);
    const data = JSON.parse(await readFile(join(site.outDir, 'data/events.json'), 'utf8'));
    const event = data.events.find((e: { slug: string }) => e.slug === EVENT);
    const group = event.components.find((c: { id: string }) => c.id === 'coordination-group');
    expect(group.evidence.map((e: { article: string }) => e.article)).toContain(ARTICLE);
    const force = event.components.find((c: { id: string }) => c.id === 'multinational-force');
    expect(force.evidence.map((e: { article: string }) => e.article)).not.toContain(ARTICLE);
  });

  it('uses the front matter title, outlet, url and pinned event', async () => {
    const page = await readPage(site.outDir, `articles/${ARTICLE}`);
    expect(page.text(page.$('h1')!)).toBe('Координационная группа начнёт работу в Париже');
    expect(page.text(page.$('article')!)).toContain('Интерфакс-Украина');
    expect(page.$$('a').some((a) => attr(a, 'href') === 'https://example.org/news/123')).toBe(true);
    expect(page.$$('a').some((a) => attr(a, 'href') === `/events/${EVENT}/`)).toBe(true);
  });
});
