/**
 * The data export (`dist/data/events.json`): events with their articles, and the articles no event holds,
 * with the reason, so that an analyst reading the export loses no article.
 */
import { describe, expect, it } from 'vitest';
import type { ArticleRecord } from '../../src/lib/article.ts';
import { buildSiteModel } from '../../src/lib/briefing.ts';
import { eventsExport, eventsExportText, EXPORT_VERSION } from '../../src/lib/export.ts';
import { loadEntities, loadEvents, loadTaxonomy, recordOf, recordsIn } from '../fixtures/events/load.ts';

const taxonomy = loadTaxonomy();
const entities = loadEntities();
const events = loadEvents();
const PARIS = '2026-01-06-paris-coalition-summit';
const ARTICLE_FIELDS = ['id', 'seed', 'lang', 'date', 'dateSource', 'title', 'outlet', 'url', 'kind'];

const record = (file: string, bytes: Uint8Array | string) => recordOf(file, bytes, { taxonomy, entities });
const fromDir = (dir: string) => recordsIn(dir, { taxonomy, entities });

/** The export as a consumer reads it: through JSON. */
const exported = (articles: ArticleRecord[]) =>
  JSON.parse(JSON.stringify(eventsExport(buildSiteModel({ articles, events, taxonomy, entities }))));

describe('eventsExport: articles that match no event', () => {
  const seeds = fromDir('seeds');
  const articles = [
    ...seeds,
    ...fromDir('test/fixtures/site-unplaced'),
    record('zz-pinned-nowhere.txt', '---\nevent: no-such-event\n---\nМинистры обсудили ремонт мостов через Днестр.\n'),
  ];
  const data = exported(articles);

  it('lists them under `unplaced`, in the model\'s order (dates they name first), each with its reason', () => {
    expect(data.unplaced.map((a: { id: string; reason: string }) => [a.id, a.reason])).toEqual([
      ['u02-demining-uk', 'no-event'],
      ['u01-grain-ports-ru', 'no-date'],
      ['zz-pinned-nowhere', 'no-date'],
    ]);
  });

  it('gives each the same article fields as an event\'s articles, plus the reason', () => {
    const paris = data.events.find((e: { slug: string }) => e.slug === PARIS);
    for (const a of paris.articles) expect(Object.keys(a)).toEqual(ARTICLE_FIELDS);
    for (const a of data.unplaced) expect(Object.keys(a)).toEqual([...ARTICLE_FIELDS, 'reason']);
    const grain = articles.find((a) => a.id === 'u01-grain-ports-ru')!;
    expect(data.unplaced[1]).toEqual({
      id: 'u01-grain-ports-ru',
      seed: 'u01-grain-ports-ru.txt',
      lang: 'ru',
      date: null,
      dateSource: null,
      title: 'Министры аграрной политики обсудили вывоз зерна через дунайские порты',
      outlet: grain.outlet,
      url: null,
      kind: grain.kind,
      reason: 'no-date',
    });
    expect(data.unplaced[0]).toMatchObject({ seed: 'u02-demining-uk.txt', lang: 'uk', outlet: 'Європейська правда' });
  });

  it('loses no article: each is in exactly one event or among the unplaced', () => {
    const ids = [
      ...data.events.flatMap((e: { articles: { id: string }[] }) => e.articles.map((a) => a.id)),
      ...data.unplaced.map((a: { id: string }) => a.id),
    ];
    expect(ids.sort()).toEqual(articles.map((a) => a.id).sort());
  });

  it('leaves the events as they were without the unplaced articles, and keeps the version', () => {
    const { unplaced, ...rest } = data;
    expect(unplaced).toHaveLength(3);
    const { unplaced: none, ...seedsOnly } = exported(seeds);
    expect(none).toEqual([]);
    expect(rest).toEqual(seedsOnly);
    expect(data.version).toBe(EXPORT_VERSION);
    expect(EXPORT_VERSION).toBe(1);
  });

  it('is the same whatever order the articles come in', () => {
    expect(JSON.stringify(exported([...articles].reverse()))).toBe(JSON.stringify(data));
  });
});

describe('eventsExportText', () => {
  const model = (articles: ArticleRecord[]) => buildSiteModel({ articles, events, taxonomy, entities });
  const whole = (articles: ArticleRecord[]) => `${JSON.stringify(eventsExport(model(articles)), null, 2)}\n`;
  const pieces = (articles: ArticleRecord[]) => [...eventsExportText(model(articles))];

  it('is the export as JSON.stringify writes it, in pieces of at most one event', () => {
    const articles = [...fromDir('seeds'), ...fromDir('test/fixtures/site-unplaced'), ...fromDir('test/fixtures/site-events/seeds')];
    const text = pieces(articles);
    expect(text.join('')).toBe(whole(articles));
    expect(text.length).toBeGreaterThan(model(articles).events.length);
  });

  it('writes empty lists as JSON.stringify does: no events, no unplaced article, no article at all', () => {
    for (const articles of [[], fromDir('seeds'), fromDir('test/fixtures/site-unplaced')]) {
      expect(pieces(articles).join('')).toBe(whole(articles));
    }
  });

  it('keeps line breaks and quotes inside strings escaped', () => {
    const odd = record('zz-odd.txt', '---\nevent: no-such-event\n---\nЦитата: "первая\nвторая" \\ и \u2028 конец.\n');
    expect(pieces([odd]).join('')).toBe(whole([odd]));
    expect(JSON.parse(pieces([odd]).join(''))).toEqual(JSON.parse(whole([odd])));
  });
});
