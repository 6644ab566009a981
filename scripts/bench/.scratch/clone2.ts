const HOUR = 3_600_000, DAY = 24 * HOUR;
const now = Date.now();
const tls: any[] = [];
for (let i = 0; i < 1000; i++) {
  const clientId = `bench.amocrm.ru:${i + 1}`;
  const events: any[] = [];
  for (let d = 0; d < 80; d++) events.push(d % 3 ? { id: `${clientId}|post|p${i}x${d}`, clientId, at: now + d * DAY, source: 'instagram', type: 'post', shortcode: `p${i}x${d}` } : { id: `${clientId}|story|s${i}x${d}`, clientId, at: now + d * DAY, source: 'instagram', type: 'story', storyId: `s${i}x${d}` });
  tls.push({ clientId, events, count: 80 });
}
const json = tls.map((t) => ({ clientId: t.clientId, count: 80, json: JSON.stringify(t.events) }));
const jsonNoClient = tls.map((t) => ({ clientId: t.clientId, count: 80, json: JSON.stringify(t.events.map(({ clientId, ...rest }: any) => rest)) }));
const ser = (await import('node:v8')).serialize;
const de = (await import('node:v8')).deserialize;
const bufs = { objs: ser(tls), json: ser(json), jsonNoClient: ser(jsonNoClient) };
for (let r = 0; r < 6; r++) {
  const out: string[] = [];
  let t = (process.cpuUsage().user/1000);
  structuredClone(tls); out.push(`clone objs ${((process.cpuUsage().user/1000) - t).toFixed(1)}`); t = (process.cpuUsage().user/1000);
  de(bufs.objs); out.push(`v8 de objs ${((process.cpuUsage().user/1000) - t).toFixed(1)}`); t = (process.cpuUsage().user/1000);
  const c = structuredClone(json); c.map((x: any) => JSON.parse(x.json)); out.push(`clone+parse json ${((process.cpuUsage().user/1000) - t).toFixed(1)}`); t = (process.cpuUsage().user/1000);
  const d = structuredClone(jsonNoClient); d.map((x: any) => { const arr = JSON.parse(x.json); for (const e of arr) e.clientId = x.clientId; return arr; }); out.push(`json-noclient ${((process.cpuUsage().user/1000) - t).toFixed(1)}`); t = (process.cpuUsage().user/1000);
  console.log(out.join('  '));
}
console.log((await import('node:os')).loadavg()[0]);
