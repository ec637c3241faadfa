import crypto from 'node:crypto';

export type StoredObject = Record<string, unknown>;

export interface StoredEntry {
  id: string;
  /** The concrete collection path the object lives in: `/v1/customers/cus_1/balance_transactions`. */
  collection: string;
  /** Creation order, across the whole store: lists are newest first by it. */
  seq: number;
  object: StoredObject;
}

/** What a listener hears after every write (the webhook delivery in `webhooks/` builds events from it). */
export interface StoreChange {
  kind: 'created' | 'updated' | 'deleted';
  /** The API key of the request that made the change. */
  apiKey: string;
  /** The object after the change (for `deleted`, as it was before). */
  object: StoredObject;
  /** For `updated`: the top-level fields that changed, with their values before (as Stripe's events carry). */
  previousAttributes?: StoredObject;
  operationId: string;
}

export type ChangeListener = (change: StoreChange) => void;

/** One API key's objects: keys never see each other's. */
export class AccountSpace {
  readonly objects = new Map<string, StoredEntry>();
  /** Per concrete collection path, entries in creation order (oldest first). */
  readonly collections = new Map<string, StoredEntry[]>();
  /** Idempotency-Key → the first answer, in insertion (so creation) order; see `MockStore.replay`. */
  readonly replays = new Map<string, Replay>();

  entries(collection: string): StoredEntry[] {
    return this.collections.get(collection) ?? [];
  }
}

export interface Replay {
  /** A hash of the method, path and body of the first request: a repeat must match it. */
  fingerprint: string;
  status: number;
  body: string;
  /** When it was first answered, Unix seconds by the store's clock. */
  created: number;
}

/** Stripe keeps an idempotency key for 24 hours; after that the key is new again. */
export const REPLAY_TTL_SECONDS = 24 * 60 * 60;
/** Replays kept per API key at most; past it the oldest go first, even within the 24 hours. */
const MAX_REPLAYS = 10_000;

export interface StoreSnapshot {
  version: 1;
  seq: number;
  /** By hashed API key: the file never holds a key. Files written before replays were kept have none. */
  accounts: Record<string, { objects: [string, string, number, StoredObject][]; replays?: [string, string, number, string, number][] }>;
}

/**
 * The mock's state: objects per API key (the key is kept only as a hash), their collections, and
 * idempotent replays. Writers call `created`/`updated`/`deleted`, which notify listeners.
 */
export class MockStore {
  private accounts = new Map<string, AccountSpace>();
  /** The store's clock, Unix seconds: replays expire by it. */
  private readonly now: () => number;
  private readonly listeners = new Set<ChangeListener>();
  private seq = 0;
  private readonly hashes = new Map<string, string>();
  /** Called after every change (the state file's debounced writer listens here). */
  onDirty: () => void = () => {};

  constructor(options: { now?: () => number } = {}) {
    this.now = options.now ?? (() => Math.floor(Date.now() / 1000));
  }

  /**
   * Subscribes to every change, called synchronously after the write; returns the unsubscribe
   * function. The objects passed are the stored ones, which the store never changes in place
   * (an update stores a new object): keep them, but do not modify them.
   */
  onChange(listener: ChangeListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  space(apiKey: string): AccountSpace {
    const hash = this.keyHash(apiKey);
    let space = this.accounts.get(hash);
    if (!space) {
      space = new AccountSpace();
      this.accounts.set(hash, space);
    }
    return space;
  }

  /** The first answer to this key's request with this Idempotency-Key, unless it is older than 24 hours. */
  replay(apiKey: string, idempotencyKey: string): Replay | undefined {
    const space = this.accounts.get(this.keyHash(apiKey));
    const replay = space?.replays.get(idempotencyKey);
    if (!replay || this.expired(replay)) return undefined;
    return replay;
  }

  /** Keeps the answer to a request that carried an Idempotency-Key (and schedules the state file's write). */
  remember(apiKey: string, idempotencyKey: string, answer: { request: string; status: number; body: string }): void {
    const replays = this.space(apiKey).replays;
    replays.delete(idempotencyKey);
    // Insertion order is creation order, so the expired and the excess are at the front.
    for (const [key, old] of replays) {
      if (!this.expired(old) && replays.size < MAX_REPLAYS) break;
      replays.delete(key);
    }
    replays.set(idempotencyKey, { fingerprint: fingerprintOf(answer.request), status: answer.status, body: answer.body, created: this.now() });
    this.onDirty();
  }

  /** Whether a request matches the one a replay answered. */
  static sameRequest(replay: Replay, request: string): boolean {
    return replay.fingerprint === fingerprintOf(request);
  }

  get(apiKey: string, id: string): StoredEntry | undefined {
    return this.accounts.get(this.keyHash(apiKey))?.objects.get(id);
  }

  create(apiKey: string, collection: string, object: StoredObject, operationId: string): StoredEntry {
    const space = this.space(apiKey);
    const entry: StoredEntry = { id: String(object.id), collection, seq: ++this.seq, object };
    space.objects.set(entry.id, entry);
    let list = space.collections.get(collection);
    if (!list) space.collections.set(collection, (list = []));
    list.push(entry);
    this.emit({ kind: 'created', apiKey, object, operationId });
    return entry;
  }

  update(apiKey: string, entry: StoredEntry, next: StoredObject, operationId: string): void {
    const previousAttributes: StoredObject = {};
    for (const key of new Set([...Object.keys(entry.object), ...Object.keys(next)])) {
      if (JSON.stringify(entry.object[key]) !== JSON.stringify(next[key])) previousAttributes[key] = entry.object[key] ?? null;
    }
    entry.object = next;
    this.emit({ kind: 'updated', apiKey, object: next, previousAttributes, operationId });
  }

  delete(apiKey: string, entry: StoredEntry, operationId: string): void {
    const space = this.space(apiKey);
    space.objects.delete(entry.id);
    const list = space.collections.get(entry.collection);
    if (list) {
      const at = findBySeq(list, entry.seq);
      if (at >= 0) list.splice(at, 1);
    }
    // Objects nested under it (a customer's balance transactions) go with it.
    for (const [path, children] of space.collections) {
      if (!path.startsWith(`${entry.collection}/${encodeURIComponent(entry.id)}/`)) continue;
      for (const child of children) space.objects.delete(child.id);
      space.collections.delete(path);
    }
    this.emit({ kind: 'deleted', apiKey, object: entry.object, operationId });
  }

  clear(): void {
    this.accounts = new Map();
    this.onDirty();
  }

  /** How many objects are stored, over every key. */
  get size(): number {
    let n = 0;
    for (const space of this.accounts.values()) n += space.objects.size;
    return n;
  }

  snapshot(): StoreSnapshot {
    const accounts: StoreSnapshot['accounts'] = {};
    for (const [hash, space] of this.accounts) {
      const objects = [...space.objects.values()].sort((a, b) => a.seq - b.seq).map((e) => [e.id, e.collection, e.seq, e.object] as [string, string, number, StoredObject]);
      const replays = [...space.replays].filter(([, r]) => !this.expired(r)).map(([key, r]) => [key, r.fingerprint, r.status, r.body, r.created] as [string, string, number, string, number]);
      if (objects.length > 0 || replays.length > 0) accounts[hash] = replays.length > 0 ? { objects, replays } : { objects };
    }
    return { version: 1, seq: this.seq, accounts };
  }

  restore(snapshot: StoreSnapshot): void {
    this.accounts = new Map();
    this.seq = snapshot.seq;
    for (const [hash, { objects, replays = [] }] of Object.entries(snapshot.accounts)) {
      const space = new AccountSpace();
      for (const [key, fingerprint, status, body, created] of replays) {
        const replay = { fingerprint, status, body, created };
        if (!this.expired(replay)) space.replays.set(key, replay);
      }
      for (const [id, collection, seq, object] of objects) {
        const entry: StoredEntry = { id, collection, seq, object };
        space.objects.set(id, entry);
        let list = space.collections.get(collection);
        if (!list) space.collections.set(collection, (list = []));
        list.push(entry);
      }
      this.accounts.set(hash, space);
    }
  }

  private expired(replay: Replay): boolean {
    return this.now() - replay.created >= REPLAY_TTL_SECONDS;
  }

  /** A key's space is named by a hash of it, so the state file holds no key. */
  private keyHash(apiKey: string): string {
    let hash = this.hashes.get(apiKey);
    if (!hash) {
      hash = crypto.createHash('sha256').update(apiKey).digest('hex').slice(0, 32);
      if (this.hashes.size > 10_000) this.hashes.clear();
      this.hashes.set(apiKey, hash);
    }
    return hash;
  }

  private emit(change: StoreChange): void {
    this.onDirty();
    for (const listener of this.listeners) {
      // A listener's failure (a webhook that cannot be delivered) never fails the API call that made the change.
      try {
        listener(change);
      } catch {
        // The listener reports its own failures.
      }
    }
  }
}

/** Requests are compared by hash, so the state file does not keep every request body twice. */
function fingerprintOf(request: string): string {
  return crypto.createHash('sha256').update(request).digest('base64url');
}

/** The index of the entry with this creation number in a list ordered by it, or -1. */
export function findBySeq(list: StoredEntry[], seq: number): number {
  let low = 0;
  let high = list.length - 1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    const at = list[mid]!.seq;
    if (at === seq) return mid;
    if (at < seq) low = mid + 1;
    else high = mid - 1;
  }
  return -1;
}

