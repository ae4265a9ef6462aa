// An undo log, so that a sync that fails half-way applies nothing of its batch (as in Excel).
// Every change the API makes to the model goes through these helpers while a sync runs.

type Undo = () => void;

export class Journal {
  private undos: Undo[] = [];
  private active = false;
  private changedWorkbook = false;
  private viewing = 0;

  begin(): void {
    this.undos = [];
    this.active = true;
    this.changedWorkbook = false;
  }

  /** Whether the command running now changed the workbook (not only what the person sees of it). */
  get edited(): boolean {
    return this.changedWorkbook;
  }

  /** Run a change of the view (active sheet, selection): undone with its command, but no edit of the workbook. */
  view(fn: () => void): void {
    this.viewing++;
    try {
      fn();
    } finally {
      this.viewing--;
    }
  }

  commit(): void {
    this.undos = [];
    this.active = false;
  }

  rollback(): void {
    for (let i = this.undos.length - 1; i >= 0; i--) this.undos[i]();
    this.undos = [];
    this.active = false;
  }

  record(undo: Undo): void {
    if (!this.active) return;
    this.undos.push(undo);
    if (this.viewing === 0) this.changedWorkbook = true;
  }

  /** obj[key] = value, undoable. */
  set<T extends object, K extends keyof T>(obj: T, key: K, value: T[K]): void {
    const had = Object.prototype.hasOwnProperty.call(obj, key);
    const old = obj[key];
    obj[key] = value;
    this.record(() => {
      if (had) obj[key] = old;
      else delete obj[key];
    });
  }

  insert<T>(arr: T[], index: number, item: T): void {
    arr.splice(index, 0, item);
    this.record(() => void arr.splice(index, 1));
  }

  push<T>(arr: T[], item: T): void {
    this.insert(arr, arr.length, item);
  }

  remove<T>(arr: T[], index: number): void {
    const [old] = arr.splice(index, 1);
    this.record(() => void arr.splice(index, 0, old));
  }

  /** Replace the whole contents of an array. */
  replaceAll<T>(arr: T[], items: T[]): void {
    const old = arr.slice();
    refill(arr, items);
    this.record(() => refill(arr, old));
  }

  mapSet<K, V>(map: Map<K, V>, key: K, value: V): void {
    const had = map.has(key);
    const old = map.get(key);
    map.set(key, value);
    this.record(() => {
      if (had) map.set(key, old as V);
      else map.delete(key);
    });
  }

  setHas<T>(set: Set<T>, item: T, present: boolean): void {
    if (set.has(item) === present) return;
    if (present) set.add(item);
    else set.delete(item);
    this.record(() => void (present ? set.delete(item) : set.add(item)));
  }

  mapDelete<K, V>(map: Map<K, V>, key: K): void {
    if (!map.has(key)) return;
    const old = map.get(key) as V;
    map.delete(key);
    this.record(() => void map.set(key, old));
  }
}

/** Empty the array and fill it with the items, one push at a time (a spread overflows the stack on long arrays). */
function refill<T>(arr: T[], items: readonly T[]): void {
  arr.length = 0;
  for (const x of items) arr.push(x);
}
