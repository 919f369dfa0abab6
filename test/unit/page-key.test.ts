import { describe, expect, it } from 'vitest';
import type { ArticleRecord } from '../../src/lib/article.ts';
import { articlePageKey } from '../../src/lib/page-key.ts';

const article = { id: 'a', title: 'T', paragraphs: [] } as unknown as ArticleRecord;
const event = { slug: 'e', title: { en: 'E', ru: 'Е', uk: 'Є' }, generated: false, reportCounts: { ru: 1, uk: 0 } };
const key = (a = article, e = event, lang: 'uk' | 'ru' = 'uk', yaml = 'y') => articlePageKey(a, e, lang, yaml);

describe('articlePageKey', () => {
  it('is stable for the same inputs', () => expect(key()).toBe(key()));

  it('changes with the record, the event title or slug, the interface language and the editor YAML', () => {
    const others = [
      key({ ...article, title: 'T2' }),
      key(article, { ...event, title: { ...event.title, uk: 'Інше' } }),
      key(article, { ...event, slug: 'f' }),
      key(article, event, 'ru'),
      key(article, event, 'uk', 'y2'),
    ];
    for (const other of others) expect(other).not.toBe(key());
  });

  it('ignores report counts of a defined event, not of a generated one (its title language depends on them)', () => {
    expect(key(article, { ...event, reportCounts: { ru: 2, uk: 0 } })).toBe(key());
    const generated = { ...event, generated: true };
    expect(key(article, { ...generated, reportCounts: { ru: 2, uk: 0 } })).not.toBe(key(article, generated));
  });
});
