import Database from 'better-sqlite3';
import { describe, expect, it, vi } from 'vitest';
import { cachingDatabase } from './statement-cache.js';

describe('cachingDatabase', () => {
  it('prepares each SQL text once', () => {
    const sqlite = new Database(':memory:');
    const prepare = vi.spyOn(sqlite, 'prepare');
    const db = cachingDatabase(sqlite);
    db.prepare('create table t (n integer)').run([]);
    for (const n of [1, 2, 3]) db.prepare('insert into t (n) values (?)').run([n]);
    expect(db.prepare('select sum(n) as s from t').all([])).toEqual([{ s: 6 }]);
    expect(prepare).toHaveBeenCalledTimes(3);
    db.close();
  });

  it('runs a cached statement while a stream of the same SQL is open', () => {
    const sqlite = new Database(':memory:');
    const db = cachingDatabase(sqlite);
    db.prepare('create table t (n integer)').run([]);
    for (const n of [1, 2]) db.prepare('insert into t (n) values (?)').run([n]);
    const stream = db.prepare('select n from t order by n').iterate([]);
    expect(stream.next().value).toEqual({ n: 1 });
    expect(db.prepare('select n from t order by n').all([])).toEqual([{ n: 1 }, { n: 2 }]);
    stream.return?.();
    db.close();
  });
});
