import { readFileSync, readdirSync } from 'node:fs';
import { analyzeArticle, parseTaxonomy } from './src/lib/components.ts';
import { parseSeed } from './src/lib/seed.ts';
import { detectLanguage } from './src/lib/language.ts';
const { taxonomy, problems } = parseTaxonomy(readFileSync('content/components.yaml', 'utf8'), 'c');
console.log(problems);
for (const dir of process.argv.slice(2)) for (const f of readdirSync(dir).sort()) {
  const { seed } = parseSeed(f, readFileSync(dir + '/' + f));
  const lang = detectLanguage(seed!.paragraphs.map(p=>p.text).join('\n')).lang;
  const a = analyzeArticle(seed!.paragraphs, lang, taxonomy!);
  console.log('==', f, lang, a.kind);
  for (const p of a.paragraphs) for (const s of p.sentences) if (s.components.length) console.log(`  ${s.id} [${s.components.join(',')}] ${s.status} :: ${s.text.slice(0, 110)}`);
}
