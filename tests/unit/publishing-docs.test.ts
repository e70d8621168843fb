import { readFileSync } from 'node:fs';
import { evaluate, parse } from 'groq-js';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { schemaTypes } from '../../content-models/schema';

/**
 * docs/publishing.md is what someone copies into sanity.io/manage to make publishing rebuild the
 * site. Its GROQ must work and stay in step with the schema and with the workflow it triggers.
 */

const doc = readFileSync('docs/publishing.md', 'utf8');
const workflow = parseYaml(readFileSync('.github/workflows/deploy.yml', 'utf8')) as { on: { repository_dispatch?: { types?: string[] } } };

/** The fenced block right after `<!-- webhook:NAME -->`. */
function block(name: string): string {
  const match = new RegExp(`<!-- webhook:${name} -->\\s*\`\`\`groq\\n([\\s\\S]*?)\\n\`\`\``).exec(doc);
  if (!match?.[1]) throw new Error(`docs/publishing.md has no \`\`\`groq block after <!-- webhook:${name} -->`);
  return match[1].trim();
}

interface Node {
  type: string;
  op?: string;
  name?: string;
  value?: unknown;
  left?: Node;
  right?: Node;
  elements?: { value: Node; isSplat: boolean }[];
}

const documentTypes = schemaTypes.filter((type) => type.type === 'document').map((type) => type.name);

describe('the webhook filter in docs/publishing.md', () => {
  const filter = block('filter');

  it('is valid GROQ of the form _type in [literal type names]', () => {
    const ast = parse(filter) as unknown as Node;
    expect(ast).toMatchObject({ type: 'OpCall', op: 'in', left: { type: 'AccessAttribute', name: '_type' }, right: { type: 'Array' } });
    for (const element of ast.right?.elements ?? []) {
      expect(element.isSplat).toBe(false);
      expect(element.value.type).toBe('Value');
    }
  });

  it('lists exactly the document types of the schema', () => {
    const listed = ((parse(filter) as unknown as Node).right?.elements ?? []).map((element) => element.value.value);
    expect(documentTypes.length).toBeGreaterThan(0);
    expect([...listed].sort()).toEqual([...documentTypes].sort());
  });

  it('matches every document type and nothing else, drafts aside', async () => {
    const matches = async (document: Record<string, unknown>) => (await (await evaluate(parse(filter), { root: document })).get()) === true;
    for (const type of documentTypes) expect(await matches({ _id: `${type}-1`, _type: type }), type).toBe(true);
    for (const type of schemaTypes.filter((t) => t.type !== 'document').map((t) => t.name)) expect(await matches({ _id: 'x', _type: type }), type).toBe(false);
    expect(await matches({ _id: 'image-abc-10x10-png', _type: 'sanity.imageAsset' })).toBe(false);
  });
});

describe('the webhook projection in docs/publishing.md', () => {
  const projection = block('projection');

  it('builds the body of a repository_dispatch whose event type the deploy workflow listens for', async () => {
    const body = await (await evaluate(parse(projection), { root: { _id: 'session-inauguracion', _type: 'session', title: { es: 'x' } } })).get();
    expect(body).toEqual({ event_type: 'sanity-publish', client_payload: { _id: 'session-inauguracion', _type: 'session' } });
    expect(workflow.on.repository_dispatch?.types).toEqual([(body as { event_type: string }).event_type]);
  });

  it('is sent to GitHub’s dispatches endpoint with the headers GitHub requires', () => {
    expect(doc).toContain('https://api.github.com/repos/OWNER/REPO/dispatches');
    expect(doc).toContain('Authorization: Bearer');
    expect(doc).toContain('Accept: application/vnd.github+json');
    expect(doc).toMatch(/Contents: Read and write/);
  });
});
