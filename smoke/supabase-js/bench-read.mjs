// Read-mix throughput of @supabase/supabase-js, the counterpart of the Java ReadMixBench: the same requests in
// the same order (request i is chosen from i alone, see ReadMix.java), `concurrency` async loops each keeping
// one request in flight, warm-up, then requests completed in the measured window. Prints one RESULT line.
// Usage: node bench-read.mjs <idsFile> [concurrency=8] [warmupSeconds=10] [measureSeconds=20]
import { readFileSync } from 'node:fs';
import { createClient } from '@supabase/supabase-js';
import WebSocket from 'ws';

const [idsFile, concurrencyArg = '8', warmupArg = '10', measureArg = '20'] = process.argv.slice(2);
const ids = readFileSync(idsFile, 'utf8').split('\n').filter(Boolean);
const concurrency = Number(concurrencyArg);
const warmup = Number(warmupArg);
const measure = Number(measureArg);

const TERMS = ['fox', 'lantern', 'dragon', 'otter', 'owl', 'whale', 'robot', 'garden', 'kite', 'comet', 'bear', 'train'];
const PAGE_SIZE = 50;
const PAGES = Math.max(1, Math.min(40, Math.floor(ids.length / PAGE_SIZE)));

const supabase = createClient(process.env.SANDBOX_URL, process.env.SANDBOX_ANON_KEY, {
  auth: { persistSession: false, autoRefreshToken: false },
  realtime: { transport: WebSocket },
});

function check({ data, error }) {
  if (error) throw new Error(`${error.code ?? ''} ${error.message}`);
  return data;
}

/** Request i; resolves to the number of rows it got, like ReadMix.send. */
async function send(i) {
  const step = Math.floor(i / 3);
  switch (i % 3) {
    case 0: {
      const data = check(await supabase.from('stories').select('*,scenes(*)').eq('story_id', ids[(i * 7919) % ids.length]));
      return data.length + data[0].scenes.length;
    }
    case 1:
      return check(await supabase.rpc('search_stories', { term: TERMS[step % TERMS.length] })).length;
    default: {
      const offset = ((step * 31) % PAGES) * PAGE_SIZE;
      const result = await supabase.from('stories').select('*', { count: 'exact' })
        .order('created_at', { ascending: false }).range(offset, offset + PAGE_SIZE - 1);
      return check(result).length + result.count;
    }
  }
}

const { error: signInError } = await supabase.auth.signInWithPassword({
  email: process.env.SANDBOX_EDITOR_EMAIL, password: process.env.SANDBOX_EDITOR_PASSWORD,
});
if (signInError) throw signInError;

const now = () => Number(process.hrtime.bigint());
const start = now();
const measureFrom = start + warmup * 1e9;
const end = start + (warmup + measure) * 1e9;
let next = 0;
let errors = 0;
let firstError = null;
const latencies = [];
const KINDS = ['detail', 'search', 'page'];
const byKind = KINDS.map(() => []);
let cpuFrom;
let cpuTotal;
// CPU of this process (user + system) over the measured window only
setTimeout(() => { cpuFrom = process.cpuUsage(); }, warmup * 1000);
setTimeout(() => { const d = process.cpuUsage(cpuFrom); cpuTotal = (d.user + d.system) / 1000; }, (warmup + measure) * 1000);

async function worker() {
  for (let begin = now(); begin < end; begin = now()) {
    const i = next++;
    try {
      await send(i);
    } catch (e) {
      errors++;
      firstError ??= e;
      continue;
    }
    const done = now();
    if (begin >= measureFrom && done <= end) {
      latencies.push(done - begin);
      byKind[i % 3].push(done - begin);
    }
  }
}

await Promise.all(Array.from({ length: concurrency }, worker));
latencies.sort((a, b) => a - b);
const p50 = (values) => (values.length ? [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] / 1e6 : NaN);
const kinds = KINDS.map((kind, k) => ` ${kind}_p50_ms=${p50(byKind[k]).toFixed(2)}`).join('');
if (latencies.length === 0) throw new Error(`no request completed in the measured window (${errors} errors): ${firstError}`);
console.log(`RESULT client=js concurrency=${concurrency} requests=${latencies.length} errors=${errors} seconds=${measure.toFixed(1)} ` +
  `rps=${(latencies.length / measure).toFixed(1)} p50_ms=${(latencies[Math.floor(latencies.length / 2)] / 1e6).toFixed(2)} ` +
  `p99_ms=${(latencies[Math.floor(latencies.length * 0.99)] / 1e6).toFixed(2)}${kinds} ` +
  `cpu_ms_per_req=${(cpuTotal / latencies.length).toFixed(3)}`);
if (firstError) {
  console.log(`first error: ${firstError.message}`);
  process.exit(1);
}
