// A bounded store of metric series for charts that stay open for hours. Time is cut into
// fixed slots (1 s for the lab charts, 10 ms for the microburst view); each slot keeps the
// average of the values that fell into it. Storage is direct-mapped: slot n lives at row
// n mod capacity, so live samples, a resync's history and a scrub's older range all land
// in O(1) without sorting, and memory is fixed at capacity × series × 8 bytes however long
// the tab stays open. A row whose slot number is not the one asked for is simply absent.

export interface TSlotStoreOptions {
  /** Width of one slot in ms. */
  slotMs: number;
  /** Slots kept: the widest window the store can show. */
  capacity: number;
  /** New series beyond this are ignored (counted in droppedSeries) so a host with thousands of interfaces cannot grow a tab without bound. */
  maxSeries: number;
}

export class SlotStore {
  readonly slotMs: number;
  readonly capacity: number;
  private readonly maxSeries: number;
  /** Which slot number each row holds; NaN while empty. */
  private readonly rowSlot: Float64Array;
  private readonly sums = new Map<string, Float64Array>();
  private readonly counts = new Map<string, Uint16Array>();
  private newest = Number.NEGATIVE_INFINITY;
  droppedSeries = 0;

  constructor(options: TSlotStoreOptions) {
    this.slotMs = options.slotMs;
    this.capacity = options.capacity;
    this.maxSeries = options.maxSeries;
    this.rowSlot = new Float64Array(options.capacity).fill(Number.NaN);
  }

  slotOf(timeMs: number): number {
    return Math.floor(timeMs / this.slotMs);
  }

  /** The newest slot holding data, or null when empty. */
  newestSlot(): number | null {
    return Number.isFinite(this.newest) ? this.newest : null;
  }

  /** The oldest slot that can still hold data given the newest one. */
  oldestKeptSlot(): number | null {
    return Number.isFinite(this.newest) ? this.newest - this.capacity + 1 : null;
  }

  seriesKeys(): IterableIterator<string> {
    return this.sums.keys();
  }

  /** Adds one value at a time; values of the same series in the same slot are averaged. */
  add(timeMs: number, key: string, value: number): void {
    if (!Number.isFinite(value)) return;
    const slot = this.slotOf(timeMs);
    const row = this.claimRow(slot);
    if (row === null) return;
    const sums = this.column(key);
    if (!sums) return;
    const counts = this.counts.get(key)!;
    if (counts[row] === 0 || Number.isNaN(sums[row]!)) {
      sums[row] = value;
      counts[row] = 1;
    } else if (counts[row]! < 65535) {
      sums[row] = sums[row]! + value;
      counts[row] = counts[row]! + 1;
    }
  }

  /** Empties a slot before history refills it, so values that also arrived live are not counted twice. */
  clearSlot(timeMs: number): void {
    const slot = this.slotOf(timeMs);
    const row = this.rowFor(slot);
    if (row === null) return;
    for (const counts of this.counts.values()) counts[row] = 0;
    for (const sums of this.sums.values()) sums[row] = Number.NaN;
  }

  /** The average in a slot, or null when the series has nothing there. */
  valueAt(slot: number, key: string): number | null {
    const row = this.rowFor(slot);
    if (row === null) return null;
    const count = this.counts.get(key)?.[row] ?? 0;
    return count === 0 ? null : this.sums.get(key)![row]! / count;
  }

  hasSlot(slot: number): boolean {
    return this.rowFor(slot) !== null;
  }

  private rowFor(slot: number): number | null {
    const row = ((slot % this.capacity) + this.capacity) % this.capacity;
    return this.rowSlot[row] === slot ? row : null;
  }

  /** The row for a slot, emptied if it held an older slot; null when the slot is older than what is kept. */
  private claimRow(slot: number): number | null {
    if (Number.isFinite(this.newest) && slot <= this.newest - this.capacity) return null;
    const row = ((slot % this.capacity) + this.capacity) % this.capacity;
    if (this.rowSlot[row] !== slot) {
      this.rowSlot[row] = slot;
      for (const counts of this.counts.values()) counts[row] = 0;
      for (const sums of this.sums.values()) sums[row] = Number.NaN;
    }
    if (slot > this.newest) this.newest = slot;
    return row;
  }

  private column(key: string): Float64Array | null {
    const existing = this.sums.get(key);
    if (existing) return existing;
    if (this.sums.size >= this.maxSeries) {
      this.droppedSeries += 1;
      return null;
    }
    const sums = new Float64Array(this.capacity).fill(Number.NaN);
    this.sums.set(key, sums);
    this.counts.set(key, new Uint16Array(this.capacity));
    return sums;
  }
}
