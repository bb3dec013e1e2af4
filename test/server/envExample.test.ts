import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ENVIRONMENT, parseConfig } from '../../server/config.ts';

const ROOT = new URL('../../', import.meta.url);
/** Variables of .env.example that only compose.yaml reads. */
const COMPOSE_ONLY = ['POSTGRES_PASSWORD', 'HTTP_PORT'];

function envExample(): Map<string, string> {
  const text = readFileSync(new URL('.env.example', ROOT), 'utf8');
  const vars = new Map<string, string>();
  for (const line of text.split('\n')) {
    const m = /^([A-Z][A-Z0-9_]*)=(.*)$/.exec(line);
    if (m) vars.set(m[1]!, m[2]!);
  }
  return vars;
}

describe('.env.example', () => {
  it('lists exactly the variables of server/config.ts, plus the compose-only ones', () => {
    const listed = [...envExample().keys()].filter((k) => !COMPOSE_ONLY.includes(k));
    expect(listed.sort()).toEqual(ENVIRONMENT.map(([k]) => k).sort());
  });

  it('holds values the server accepts, equal to its defaults', () => {
    const values = Object.fromEntries([...envExample()].filter(([k]) => !COMPOSE_ONLY.includes(k)));
    const fromFile = parseConfig(values, '/srv/motcua');
    // A relative SQLite file is opened from the working folder, as the default is.
    expect({
      ...fromFile,
      databaseUrl: fromFile.databaseUrl.replace(/^sqlite:(?!\/)/, 'sqlite:/srv/motcua/'),
    }).toEqual(parseConfig({}, '/srv/motcua'));
  });

  it('is what compose.yaml reads', () => {
    const compose = readFileSync(new URL('compose.yaml', ROOT), 'utf8');
    for (const name of compose.matchAll(/\$\{([A-Z_]+)/g))
      expect(envExample().has(name[1]!), `${name[1]} in .env.example`).toBe(true);
  });
});
