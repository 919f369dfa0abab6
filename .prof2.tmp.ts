import { readFileSync, readdirSync } from 'node:fs';
import { analyzeArticle, parseTaxonomy } from './src/lib/components.ts';
import { parseSeed } from './src/lib/seed.ts';
const { taxonomy } = parseTaxonomy(readFileSync('content/components.yaml', 'utf8'), 'c');
const arts = readdirSync('seeds').map(f => parseSeed(f, readFileSync('seeds/'+f)).seed!);
const t = performance.now();
for (let r = 0; r < 300; r++) for (const a of arts) analyzeArticle(a.paragraphs.map(p => ({...p, text: p.text + ' '})), 'ru', taxonomy!);
console.log(performance.now() - t);
