import { spawn } from 'node:child_process';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { collectOutput } from '../support/child-output';
import { readNdjson } from '../support/ndjson';

interface Fake {
  server: Server;
  url: string;
  mutations: unknown[];
}

/** Answers the two calls the seed script makes: a count query and one mutation. */
async function fakeSanity(existing: number): Promise<Fake> {
  const mutations: unknown[] = [];
  const body = (req: IncomingMessage) =>
    new Promise<string>((resolve) => {
      let data = '';
      req.on('data', (c) => {
        data += c;
      });
      req.on('end', () => resolve(data));
    });
  const server = createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    res.setHeader('content-type', 'application/json');
    if (url.pathname.includes('/data/query/')) {
      res.end(JSON.stringify({ ms: 1, query: url.searchParams.get('query'), result: existing }));
    } else if (url.pathname.includes('/data/mutate/')) {
      mutations.push(JSON.parse(await body(req)));
      res.end(JSON.stringify({ transactionId: 't1', results: [] }));
    } else {
      res.statusCode = 404;
      res.end('{}');
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, mutations };
}

function seed(fake: Fake, args: string[] = [], env: Record<string, string> = {}) {
  return new Promise<{ code: number | null; output: string }>((resolve) => {
    const child = spawn(process.execPath, ['scripts/seed.mjs', ...args], {
      env: { ...process.env, SANITY_PROJECT_ID: 'p1', SANITY_DATASET: 'production', SANITY_API_WRITE_TOKEN: 'sk-test', SANITY_API_HOST: fake.url, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const output = collectOutput(child);
    child.on('close', (code) => resolve({ code, output: output.text }));
  });
}

let fake: Fake | undefined;
afterEach(() => fake?.server.close());

describe('npm run seed', () => {
  it('writes every document of the embedded dataset into an empty dataset', async () => {
    fake = await fakeSanity(0);
    const { code, output } = await seed(fake);
    expect(code, output).toBe(0);
    expect(fake.mutations).toHaveLength(1);
    const written = (fake.mutations[0] as { mutations: { createOrReplace: { _id: string } }[] }).mutations.map((m) => m.createOrReplace._id);
    expect(written.sort()).toEqual(
      readNdjson()
        .map((d) => d._id)
        .sort(),
    );
  });

  it('refuses to overwrite a dataset that already has documents, and changes nothing', async () => {
    fake = await fakeSanity(42);
    const { code, output } = await seed(fake);
    expect(code).toBe(1);
    expect(output).toMatch(/already has 42 documents/);
    expect(output).toMatch(/--force/);
    expect(fake.mutations).toHaveLength(0);
  });

  it('overwrites a non-empty dataset only with --force', async () => {
    fake = await fakeSanity(42);
    const { code } = await seed(fake, ['--force']);
    expect(code).toBe(0);
    expect(fake.mutations).toHaveLength(1);
  });

  it('says which variable is missing instead of failing obscurely', async () => {
    fake = await fakeSanity(0);
    const { code, output } = await seed(fake, [], { SANITY_API_WRITE_TOKEN: '' });
    expect(code).toBe(1);
    expect(output).toMatch(/SANITY_API_WRITE_TOKEN/);
    expect(fake.mutations).toHaveLength(0);
  });
});
