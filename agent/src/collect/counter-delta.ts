// The increase of a kernel counter between two readings. 64-bit counters only go up
// unless the thing they count was reset (an interface recreated, a device re-plugged).
// 32-bit per-CPU counters (/proc/interrupts, /proc/softirqs, softnet_stat) also wrap:
// about every 72 minutes at 1 M/s on one CPU (FIELD-NOTES 5).
const TWO_POW_32 = 2 ** 32;
/** A 32-bit counter this close below 2^32 that reads small next time has wrapped. */
const WRAP_ZONE = 2 ** 30;

export type TCounterWidth = 32 | 64;

/** The increase, or null when the counter was reset (there is no honest rate for that interval). */
export function counterDelta(previous: number, current: number, width: TCounterWidth): number | null {
  if (current >= previous) return current - previous;
  if (width === 32 && previous >= TWO_POW_32 - WRAP_ZONE && current < WRAP_ZONE) return current + TWO_POW_32 - previous;
  return null;
}
