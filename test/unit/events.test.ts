import type { DateHint } from '../../src/lib/types.ts';
import { describe, expect, it } from 'vitest';
import { articleFeatures, assignEvents, EVENT_WINDOW, FEATURE_LIMITS, keyWeight } from '../../src/lib/events.ts';
import { contentHash } from '../../src/lib/slug.ts';
import type { ArticleFeatures, ArticleForGrouping, EventDef } from '../../src/lib/types.ts';
import { forGrouping, loadArticles, loadEntities, loadEvents } from '../fixtures/events/load.ts';

const entities = loadEntities();
const events = loadEvents();
const fixtures = loadArticles();
const articles = fixtures.map((a) => forGrouping(a, entities));
const PARIS = '2026-01-06-paris-coalition-summit';

describe('articleFeatures', () => {
  const seed = fixtures.find((a) => a.id.startsWith('000_'))!;
  const features = articleFeatures(seed.paragraphs, seed.lang, entities);

  it('keeps at most about 40 short strings, as plain JSON', () => {
    const count = Object.values(features).reduce((n, list: string[]) => n + list.length, 0);
    expect(count).toBeLessThanOrEqual(Object.values(FEATURE_LIMITS).reduce((a, b) => a + b, 0));
    expect(count).toBeLessThanOrEqual(42);
    expect(JSON.parse(JSON.stringify(features))).toEqual(features);
  });

  it('separates places from other entities, most mentioned first', () => {
    expect(features.entities[0]).toBe('coalition-of-the-willing');
    expect(features.entities).toContain('witkoff');
    expect(features.places.slice(0, 3)).toEqual(['ukraine', 'usa', 'paris']);
    expect(features.entities).not.toContain('paris');
  });

  it('keeps topic words, not entity words or stop words, and day-month mentions', () => {
    const f = articleFeatures(
      [
        'Коалиция желающих: саммит в Париже 6 января',
        'Саммит также обсудил гарантии. 31 февраля, 45 мая и 6 января — даты.',
      ],
      'ru',
      entities,
    );
    expect(f.terms.slice(0, 2)).toEqual(['саммит', 'обсудил']);
    expect(f.terms).not.toContain('желающих');
    expect(f.terms).not.toContain('также');
    expect(f.terms).not.toContain('января');
    expect(f.days).toEqual(['01-06', '02-31']);
  });

  it('counts the lead paragraph double', () => {
    const f = articleFeatures(['Переговоры', 'Биатлон. Биатлон.'], 'ru', entities);
    expect(f.terms).toEqual(['переговоры', 'биатлон']);
    const g = articleFeatures(['Переговоры', 'Биатлон. Биатлон. Биатлон.'], 'ru', entities);
    expect(g.terms).toEqual(['биатлон', 'переговоры']);
  });

  it('keeps unknown names normalised, and caps every list', () => {
    const text = 'Встретились Иван Петров, Ольга Сидорова, Пётр Иванов, Анна Смирнова и Олег Кузнецов.';
    const f = articleFeatures([text], 'ru', entities);
    expect(f.names).toEqual(['иван петров', 'ольга сидорова', 'петр иванов', 'анна смирнова']);
    expect(f.names).toHaveLength(FEATURE_LIMITS.names);
  });
});

describe('assignEvents on the fixtures and the five seeds', () => {
  const result = assignEvents(articles, events, { entities });
  const eventOf = (id: string): string | undefined => result.byArticle[id]?.event;

  it('puts every article where the fixture expects it', () => {
    for (const a of fixtures.filter((f) => !f.expect.startsWith('group:'))) {
      expect({ id: a.id, event: eventOf(a.id), generated: result.byArticle[a.id]?.generated }).toEqual({
        id: a.id,
        event: a.expect,
        generated: false,
      });
    }
  });

  it('puts all five seeds in the Paris summit', () => {
    const seeds = fixtures.filter((a) => /^\d{3}_/.test(a.id));
    expect(seeds).toHaveLength(5);
    expect(seeds.map((a) => eventOf(a.id))).toEqual(Array(5).fill(PARIS));
  });

  it('dates the undated Ukrainian seed 001 from "6 січня", and marks the date inferred', () => {
    expect(result.byArticle['001_92e0b49aec71077b']).toMatchObject({
      event: PARIS,
      inferredDate: '2026-01-06',
      via: 'matched',
    });
    expect(result.byArticle['000_4e4c541c79a5c744']?.inferredDate).toBeUndefined();
  });

  it('dates an undated article from a weekday ("у вівторок") and one from a day-month with the event year', () => {
    expect(result.byArticle['a02-paris-outcome-uk-undated']?.inferredDate).toBe('2026-01-06');
    expect(result.byArticle['b03-paris-september-ru-undated']).toMatchObject({
      event: '2025-09-04-paris-coalition-meeting',
      inferredDate: '2025-09-04',
    });
  });

  it('recognises a report that names neither coalition nor summit by the reports already placed', () => {
    expect(eventOf('a03-elysee-ru')).toBe(PARIS);
    const alone = assignEvents(
      articles.filter((a) => a.id === 'a03-elysee-ru'),
      events,
      { entities },
    );
    expect(alone.byArticle['a03-elysee-ru']?.event).not.toBe(PARIS);
  });

  it('keeps apart the same coalition meeting in the same city on another date', () => {
    const september = fixtures.filter((a) => a.id.startsWith('b0')).map((a) => eventOf(a.id));
    expect(september).toEqual(Array(3).fill('2025-09-04-paris-coalition-meeting'));
  });

  it('keeps apart talks in another city a month later, though they mention the Paris summit', () => {
    expect(eventOf('c01-washington-uk')).toBe('2026-02-05-washington-talks');
  });

  it('groups the stories no event defines by themselves: football, debt, Ramstein', () => {
    const groups = new Map<string, Set<string>>();
    for (const a of fixtures.filter((f) => f.expect.startsWith('group:'))) {
      const placed = result.byArticle[a.id]!;
      expect(placed).toMatchObject({ generated: true, via: 'grouped' });
      groups.set(a.expect, (groups.get(a.expect) ?? new Set()).add(placed.event));
    }
    // One generated event per story, and a different one for each story.
    expect([...groups.values()].map((slugs) => slugs.size)).toEqual([1, 1, 1]);
    const slugs = [...groups.values()].map((s) => [...s][0]!);
    expect(new Set(slugs).size).toBe(3);
    for (const slug of slugs) expect(events.map((e) => e.slug)).not.toContain(slug);
    expect(result.generated.map((g) => g.slug).sort()).toEqual([...slugs].sort());
  });

  it('never lets the football match in Paris or the Paris Club debt deal join the summit', () => {
    for (const id of [
      'd01-football-ru',
      'd02-football-uk',
      'e01-debt-ru',
      'e02-debt-uk',
      'e03-debt-paris-ru',
      'f01-ramstein-ru',
    ]) {
      expect(eventOf(id)).not.toBe(PARIS);
    }
  });

  it('describes a generated event: title from shared entities in each language, median date, place', () => {
    const football = result.generated.find((g) => g.articleIds.includes('d01-football-ru'))!;
    expect(football).toEqual({
      slug: '2026-01-06-dynamo-kyiv-paris-saint-germain-paris',
      title: {
        en: 'Dynamo Kyiv, Paris Saint-Germain — Paris',
        ru: 'Динамо Киев, ПСЖ — Париж',
        uk: 'Динамо Київ, ПСЖ — Париж',
      },
      lang: 'ru',
      date: '2026-01-06',
      place: { en: 'Paris', ru: 'Париж', uk: 'Париж' },
      articleIds: ['d01-football-ru', 'd02-football-uk'],
      generated: true,
    });
  });

  it('reports no problems for these articles, and scores between 0 and 1', () => {
    expect(result.problems).toEqual([]);
    for (const a of Object.values(result.byArticle)) {
      expect(a.score).toBeGreaterThan(0);
      expect(a.score).toBeLessThanOrEqual(1);
    }
  });

  it('lists placed articles in input order, and gives the same answer whatever the input order', () => {
    expect(Object.keys(result.byArticle)).toEqual(articles.map((a) => a.id));
    const reversed = assignEvents([...articles].reverse(), [...events].reverse(), { entities });
    for (const a of articles) expect(reversed.byArticle[a.id]?.event).toBe(result.byArticle[a.id]?.event);
  });
});

/** A hand-made article, for rules the fixtures do not exercise. */
function article(
  id: string,
  partial: Partial<Omit<ArticleForGrouping, 'features'>> & { features?: Partial<ArticleFeatures> },
): ArticleForGrouping {
  const { features, ...rest } = partial;
  return {
    id,
    lang: 'ru',
    date: '2026-01-06',
    pinnedEvent: null,
    dateHints: [],
    ...rest,
    features: { entities: [], places: [], names: [], terms: [], days: [], ...features },
  };
}

const summitFeatures = {
  entities: ['coalition-of-the-willing', 'macron'],
  places: ['paris'],
  terms: ['саммит', 'гарантии'],
};

/** An undated summit-like article with these date hints, assigned against the fixture events. */
const assignUndated = (hints: DateHint[]) =>
  assignEvents([article('u', { date: null, features: summitFeatures, dateHints: hints })], events, { entities });

describe('assignEvents rules', () => {
  it('lets a pinned event win over similarity and dates', () => {
    const football = articles.find((a) => a.id === 'd01-football-ru')!;
    const result = assignEvents(
      [{ ...football, pinnedEvent: '2025-09-04-paris-coalition-meeting' }],
      events,
      { entities },
    );
    expect(result.byArticle['d01-football-ru']).toEqual({
      event: '2025-09-04-paris-coalition-meeting',
      generated: false,
      via: 'pinned',
      score: 1,
    });
  });

  it('infers the date of an undated pinned article when its text allows', () => {
    const pinned = article('p', {
      date: null,
      pinnedEvent: PARIS,
      dateHints: [{ kind: 'day-month', day: 5, month: 1, text: '5 января', paragraph: 0, offset: 0 }],
    });
    expect(assignEvents([pinned], events, { entities }).byArticle['p']).toMatchObject({
      via: 'pinned',
      inferredDate: '2026-01-05',
    });
  });

  it('reports a pin to an unknown event and places the article as if unpinned', () => {
    const result = assignEvents(
      [article('x', { pinnedEvent: 'no-such-event', features: summitFeatures })],
      events,
      { entities },
    );
    expect(result.problems).toEqual([
      expect.objectContaining({
        severity: 'error',
        file: 'seeds/x.txt',
        message: expect.stringContaining('"no-such-event", which is not defined'),
      }),
    ]);
    expect(result.byArticle['x']).toMatchObject({ event: PARIS, via: 'matched' });
  });

  it('reports an undated article with no date in its text, and leaves it out', () => {
    const result = assignEvents(
      [article('u', { date: null, features: summitFeatures, file: 'seeds/007_u.txt' })],
      events,
      { entities },
    );
    expect(result.byArticle).toEqual({});
    expect(result.problems).toEqual([
      {
        severity: 'warning',
        file: 'seeds/007_u.txt',
        message: 'Article u has no date and no date in its text, so it is in no event.',
        hint: 'Pin it with `event:` or add `date:` to the seed’s front matter.',
      },
    ]);
  });

  it('reports an undated article whose mentioned dates match no event', () => {
    const hints = [{ kind: 'day-month' as const, day: 1, month: 6, text: '1 июня', paragraph: 0, offset: 0 }];
    const result = assignUndated(hints);
    expect(result.problems[0]?.message).toBe(
      'Article u has no date, and the dates in its text match no event.',
    );
  });

  it('leaves an undated pinned article undated when its text names no date', () => {
    const result = assignEvents([article('p', { date: null, pinnedEvent: PARIS })], events, { entities });
    expect(result.byArticle['p']).toEqual({ event: PARIS, generated: false, via: 'pinned', score: 1 });
    expect(result.problems).toEqual([]);
  });

  it('ignores a day-month hint that is no date (30 February)', () => {
    const hints = [
      { kind: 'day-month' as const, day: 30, month: 2, text: '30 февраля', paragraph: 0, offset: 0 },
    ];
    const result = assignUndated(hints);
    expect(result.byArticle['u']).toBeUndefined();
  });

  it('uses a year written in a day-month hint', () => {
    const hints = [
      {
        kind: 'day-month' as const,
        day: 6,
        month: 1,
        year: 2025,
        text: '6 января 2025',
        paragraph: 0,
        offset: 0,
      },
    ];
    const result = assignUndated(hints);
    expect(result.byArticle['u']).toBeUndefined();
  });

  it('does not infer a date from relative hints alone', () => {
    const hints = [
      {
        kind: 'relative' as const,
        days: 0,
        relativeTo: 'report' as const,
        text: 'сегодня',
        paragraph: 0,
        offset: 0,
      },
    ];
    const result = assignUndated(hints);
    expect(result.problems[0]?.message).toMatch(/no date and no date in its text/);
  });

  it('reports malformed dates of articles and events, and a slug defined twice', () => {
    const bad: EventDef = { ...events[0]!, slug: 'bad', date: '2026-02-30' };
    const result = assignEvents(
      [article('d', { date: '6 января', features: summitFeatures })],
      [...events, bad, events[0]!],
      { entities },
    );
    expect(result.problems.map((p) => [p.severity, p.file, p.message])).toEqual([
      ['error', 'seeds/d.txt', 'Article d has date "6 января", which is not a YYYY-MM-DD date.'],
      ['error', 'content/events/bad.mdx', 'Event bad has date "2026-02-30", which is not a YYYY-MM-DD date.'],
      ['error', `content/events/${PARIS}.mdx`, `Event slug ${PARIS} is defined twice.`],
      ['warning', 'seeds/d.txt', 'Article d has no date and no date in its text, so it is in no event.'],
    ]);
  });

  it('places an article only inside the event window', () => {
    const at = (date: string): string | undefined =>
      assignEvents([article('w', { date, features: summitFeatures })], events, { entities }).byArticle['w']
        ?.event;
    expect(at('2025-12-30')).toBe(PARIS); // 7 days before
    expect(at('2026-01-09')).toBe(PARIS); // 3 days after
    expect(at('2025-12-29')).not.toBe(PARIS);
    expect(at('2026-01-10')).not.toBe(PARIS);
    const wide = assignEvents([article('w', { date: '2026-01-10', features: summitFeatures })], events, {
      entities,
      window: { before: EVENT_WINDOW.before, after: 4 },
    });
    expect(wide.byArticle['w']?.event).toBe(PARIS);
  });

  it('needs a shared topic, not only the place', () => {
    const placeOnly = article('p', { features: { places: ['paris'], terms: ['матч', 'футбол'] } });
    expect(assignEvents([placeOnly], events, { entities }).byArticle['p']?.generated).toBe(true);
  });

  it('prefers, between two events in reach, the one whose day the article names', () => {
    const later: EventDef = {
      ...events[0]!,
      slug: '2026-01-08-paris-coalition-follow-up',
      date: '2026-01-08',
    };
    const pick = (days: string[]): string | undefined =>
      assignEvents(
        [article('t', { date: '2026-01-07', features: { ...summitFeatures, days } })],
        [events[0]!, later],
        { entities },
      ).byArticle['t']?.event;
    expect(pick(['01-08'])).toBe(later.slug);
    expect(pick(['01-06'])).toBe(PARIS);
    expect(pick([])).toBe(PARIS); // equal scores: the nearer date (one day) … then the slug
  });

  it('matches by words alone without a gazetteer, and titles generated events by ids', () => {
    const plain = article('w', { features: { terms: ['саммит', 'коалиции', 'желающих'] } });
    expect(assignEvents([plain], events).byArticle['w']?.event).toBe(PARIS);
    const other = assignEvents(
      [article('o', { features: { entities: ['someone'], terms: ['биатлон'] } })],
      events,
    );
    expect(other.generated[0]?.title.en).toBe('someone, Биатлон');
  });

  it('titles a generated event by its words when it has no shared entity, and by place alone if need be', () => {
    const words = assignEvents(
      [article('o', { lang: 'uk', features: { terms: ['біатлон', 'естафета'], places: ['kyiv'] } })],
      [],
      { entities },
    );
    expect(words.generated[0]).toMatchObject({
      title: { ru: 'Біатлон, Естафета — Киев', uk: 'Біатлон, Естафета — Київ' },
      lang: 'uk',
    });
    const placeOnly = assignEvents([article('o', { features: { places: ['kyiv'] } })], [], { entities });
    expect(placeOnly.generated[0]?.title.en).toBe('Kyiv');
    const nothing = assignEvents([article('o', {})], [], { entities });
    expect(nothing.generated[0]).toMatchObject({
      title: { en: 'Untitled event' },
      place: null,
      slug: '2026-01-06-untitled-event',
    });
  });

  it('gives generated events distinct slugs, also apart from defined ones', () => {
    const twin = (id: string, date: string) =>
      article(id, { date, features: { entities: ['psg'], terms: ['матч'] } });
    const taken: EventDef = {
      ...events[0]!,
      slug: '2026-01-01-paris-saint-germain-match',
      date: '2025-06-01',
    };
    const result = assignEvents(
      [twin('a', '2026-01-01'), twin('b', '2026-01-01'), twin('c', '2026-01-20')],
      [taken],
      { entities },
    );
    // a and b are one event; c, weeks later, another. The defined event has the slug a and b's would have:
    // theirs ends in a hash of the id of the article that started it.
    expect(result.generated.map((g) => [g.slug, g.articleIds])).toEqual([
      [`2026-01-01-paris-saint-germain-match-${contentHash('a').slice(0, 6)}`, ['a', 'b']],
      ['2026-01-20-paris-saint-germain-match', ['c']],
    ]);
  });

  it('keeps the slugs of generated events with the same title when one of them goes', () => {
    // Three stories about the same two people on one day, each with words of its own: three events, one title.
    const story = (id: string, words: string[]) =>
      article(id, { features: { entities: ['macron', 'starmer'], terms: words } });
    const stories = [
      story('s1', ['вино', 'сыр', 'багет', 'рынок', 'ярмарка', 'дегустация']),
      story('s2', ['футбол', 'стадион', 'болельщики', 'гол', 'тренер', 'матч']),
      story('s3', ['космос', 'ракета', 'спутник', 'орбита', 'запуск', 'станция']),
    ];
    const all = assignEvents(stories, [], { entities });
    expect(all.generated.map((g) => g.articleIds)).toEqual([['s1'], ['s2'], ['s3']]);
    const base = all.generated[0]!.slug;
    expect(all.generated.map((g) => g.slug)).toEqual([base, `${base}-${contentHash('s2').slice(0, 6)}`, `${base}-${contentHash('s3').slice(0, 6)}`]);
    // Without s2, s3 keeps its slug (numbered, it was -3 and became -2).
    const without = assignEvents([stories[0]!, stories[2]!], [], { entities });
    expect(without.generated.map((g) => g.slug)).toEqual([all.generated[0]!.slug, all.generated[2]!.slug]);
  });

  it('takes the median date and the majority language for a generated event', () => {
    const member = (id: string, date: string, lang: 'ru' | 'uk') =>
      article(id, { date, lang, features: { entities: ['psg', 'dynamo-kyiv'] } });
    const result = assignEvents(
      [member('a', '2026-01-01', 'uk'), member('b', '2026-01-02', 'ru'), member('c', '2026-01-04', 'ru')],
      [],
      { entities },
    );
    expect(result.generated).toHaveLength(1);
    expect(result.generated[0]).toMatchObject({ date: '2026-01-02', lang: 'ru' });
  });

  it('does not let word keys shorter than three letters count (сил → sl)', () => {
    const withTerm = (id: string, term: string) =>
      article(id, { features: { entities: ['psg'], terms: [term] } });
    expect(
      assignEvents([withTerm('a', 'силы'), withTerm('b', 'силы')], [], { entities }).generated,
    ).toHaveLength(2);
    expect(
      assignEvents([withTerm('a', 'матч'), withTerm('b', 'матч')], [], { entities }).generated,
    ).toHaveLength(1);
  });

  it('does not look up groups by a key that too many open groups hold', () => {
    const a = article('a', { features: { entities: ['psg'], terms: ['матч'] } });
    const b = article('b', { features: { entities: ['psg'], terms: ['гол'] } });
    const d = article('d', { features: { entities: ['dynamo-kyiv'], terms: ['матч'] } });
    const c = article('e', { features: { entities: ['psg'], terms: ['матч'] } });
    const groupOf = (max?: number) => {
      const result = assignEvents([a, b, d, c], [], {
        entities,
        ...(max === undefined ? {} : { maxOpenGroupsPerKey: max }),
      });
      return result.generated.find((g) => g.articleIds.includes('e'))?.articleIds;
    };
    expect(groupOf()).toEqual(['a', 'e']);
    expect(groupOf(1)).toEqual(['e']); // psg and матч are each in two open groups
  });

  it('closes a generated group after a gap of days, and needs a shared entity or name to join one', () => {
    const result = assignEvents(
      [
        article('a', { date: '2026-01-01', features: { entities: ['psg'], terms: ['матч', 'гол'] } }),
        article('b', { date: '2026-01-05', features: { entities: ['psg'], terms: ['матч', 'гол'] } }),
        article('c', { date: '2026-01-05', features: { entities: ['dynamo-kyiv'], terms: ['матч', 'гол'] } }),
      ],
      [],
      { entities },
    );
    expect(result.generated.map((g) => g.articleIds)).toEqual([['a'], ['b'], ['c']]);
  });
});

describe('stability when the archive grows', () => {
  const before = assignEvents(articles, events, { entities });
  // A report about something else, months away, with keys no fixture has.
  const unrelated = article('z01-unrelated', {
    date: '2025-05-20',
    features: { entities: [], places: [], names: ['зенон квятковский'], terms: ['филателия', 'марки'] },
  });

  it('keeps every other article where it was, with the same score, when an unrelated article is added', () => {
    // Within one power of two of archive size (see keyWeight); the fixtures are not at a boundary.
    expect(Math.ceil(Math.log2(articles.length))).toBe(Math.ceil(Math.log2(articles.length + 1)));
    const after = assignEvents([...articles, unrelated], events, { entities });
    for (const a of articles) expect(after.byArticle[a.id]).toEqual(before.byArticle[a.id]);
    expect(after.generated.filter((g) => !g.articleIds.includes(unrelated.id))).toEqual(before.generated);
  });

  it('weighs a key by its rarity against the archive size rounded up to a power of two', () => {
    expect(keyWeight(10, 1000)).toBe(keyWeight(10, 1024));
    expect(keyWeight(10, 513)).toBe(keyWeight(10, 1000));
    expect(keyWeight(10, 1025)).toBeGreaterThan(keyWeight(10, 1024));
    expect(keyWeight(10, 1000)).toBeCloseTo(Math.log(1 + 1024 / 10), 12);
    expect(keyWeight(1, 1000)).toBeGreaterThan(keyWeight(2, 1000));
    expect(keyWeight(0, 0)).toBe(Math.log(2));
  });
});
