import { describe, expect, it } from 'vitest';
import { buildSiteModel } from '../../src/lib/briefing.ts';
import { unplacedReason } from '../../src/lib/events.ts';
import { loadEntities, loadEvents, loadTaxonomy, recordOf, recordsIn } from '../fixtures/events/load.ts';

const taxonomy = loadTaxonomy();
const entities = loadEntities();
const events = loadEvents();
const PARIS = '2026-01-06-paris-coalition-summit';

const record = (file: string, bytes: Uint8Array | string) => recordOf(file, bytes, { taxonomy, entities });
const fromDir = (dir: string) => recordsIn(dir, { taxonomy, entities });

describe('buildSiteModel: articles that match no event', () => {
  const articles = [
    ...fromDir('seeds'),
    ...fromDir('test/fixtures/site-unplaced'),
    // Pinned to an event nobody defined, and no date anywhere: the pin must not leak into the page's event.
    record('zz-pinned-nowhere.txt', '---\nevent: no-such-event\n---\nМинистры обсудили ремонт мостов через Днестр.\n'),
  ];
  const model = buildSiteModel({ articles, events, taxonomy, entities });

  it('keeps them in the model, with no event and the reason, ordered by the dates they mention, then id', () => {
    expect(model.unplaced.map((a) => [a.id, a.event, a.unplaced])).toEqual([
      ['u02-demining-uk', null, 'no-event'],
      ['u01-grain-ports-ru', null, 'no-date'],
      ['zz-pinned-nowhere', null, 'no-date'],
    ]);
    for (const a of model.unplaced) expect(model.articles.get(a.id)).toBe(a);
  });

  it('keeps the analysed article as it is: paragraphs with their component sentences, kind, seed', () => {
    const grain = model.articles.get('u01-grain-ports-ru')!;
    expect(grain.seed).toBe('u01-grain-ports-ru.txt');
    expect(grain.kind).toBe(articles.find((a) => a.id === 'u01-grain-ports-ru')!.kind);
    expect(grain.paragraphs.flatMap((p) => p.sentences.flatMap((s) => s.components))).toContain('ceasefire-monitoring');
  });

  it('holds every article exactly once: in one event or among the unplaced', () => {
    const placed = model.events.flatMap((e) => e.articles.map((a) => a.id));
    expect([...placed, ...model.unplaced.map((a) => a.id)].sort()).toEqual(articles.map((a) => a.id).sort());
    expect([...model.articles.keys()].sort()).toEqual(articles.map((a) => a.id).sort());
    expect(model.events.find((e) => e.slug === PARIS)!.articles).toHaveLength(5);
    expect(model.events.some((e) => e.articles.some((a) => a.id.startsWith('u0')))).toBe(false);
  });

  it('still reports each of them as a warning', () => {
    expect(model.problems.filter((p) => p.severity === 'warning').map((p) => p.file).sort()).toEqual(
      ['seeds/u01-grain-ports-ru.txt', 'seeds/u02-demining-uk.txt', 'seeds/zz-pinned-nowhere.txt'],
    );
  });

  it('is the same whatever order the articles come in', () => {
    const reversed = buildSiteModel({ articles: [...articles].reverse(), events, taxonomy, entities });
    expect(reversed.unplaced.map((a) => a.id)).toEqual(model.unplaced.map((a) => a.id));
  });
});

describe('unplacedReason', () => {
  const at = { text: '', paragraph: 0, offset: 0 };
  it('is no-date without a day or weekday in the text (relative words alone do not count)', () => {
    expect(unplacedReason([])).toBe('no-date');
    expect(unplacedReason([{ ...at, kind: 'relative', days: -1, relativeTo: 'report' }])).toBe('no-date');
  });
  it('is no-event when the text names a day or a weekday', () => {
    expect(unplacedReason([{ ...at, kind: 'day-month', day: 1, month: 6 }])).toBe('no-event');
    expect(unplacedReason([{ ...at, kind: 'weekday', weekday: 2 }])).toBe('no-event');
  });
});
