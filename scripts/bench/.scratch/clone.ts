const HOUR = 3_600_000, DAY = 24 * HOUR;
const now = Date.now();
const tls: any[] = [];
for (let i = 0; i < 1000; i++) {
  const clientId = `bench.amocrm.ru:${i + 1}`;
  const events: any[] = [];
  for (let d = 0; d < 77; d++) events.push({ clientId, type: 'post', at: now + d * DAY, source: 'instagram', shortcode: `p${i}x${d}`, id: `${clientId}|post|p${i}x${d}` });
  tls.push({ clientId, events, count: 77 });
}
const strs = tls.map((t) => ({ clientId: t.clientId, json: JSON.stringify(t.events), count: 77 }));
console.log('json MB', strs.reduce((s, x) => s + x.json.length, 0) / 1e6);
for (let r = 0; r < 5; r++) {
  let t = performance.now();
  structuredClone(tls);
  const a = performance.now() - t; t = performance.now();
  const c = structuredClone(strs);
  const b = performance.now() - t; t = performance.now();
  c.map((x: any) => JSON.parse(x.json));
  const d = performance.now() - t;
  console.log(`clone objs ${a.toFixed(1)}  clone strs ${b.toFixed(1)}  parse ${d.toFixed(1)}`);
}
