import { chromium } from 'playwright-core';
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { join, extname } from 'node:path';
const root = process.argv[2]; const path = process.argv[3]; const out = process.argv[4]; const width = Number(process.argv[5] ?? 1280);
const types = {'.html':'text/html; charset=utf-8','.css':'text/css','.js':'text/javascript','.json':'application/json','.svg':'image/svg+xml'};
const server = createServer(async (req, res) => { let f = join(root, decodeURIComponent(new URL(req.url, 'http://x').pathname)); try { if ((await stat(f)).isDirectory()) f = join(f, 'index.html'); res.writeHead(200, {'Content-Type': types[extname(f)] ?? 'application/octet-stream'}); res.end(await readFile(f)); } catch { res.writeHead(404); res.end(); } });
await new Promise(r => server.listen(4999, r));
const b = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless','--no-sandbox','--disable-gpu','--disable-background-networking','--disable-component-update','--no-first-run','--disable-sync'] });
const p = await b.newPage({ viewport: { width, height: 900 } });
await p.goto('http://127.0.0.1:4999' + path); await p.waitForTimeout(500);
const sel = process.argv[6]; if (sel && sel !== 'viewport') { await p.locator(sel).first().screenshot({ path: out }); } else { await p.screenshot({ path: out, fullPage: sel !== 'viewport' }); }
await b.close(); server.close();
