// Per device (an interface, a CPU…): its label object and one rate-tracker key per field,
// made once. Collectors in the high-resolution set run up to 100 times a second; building
// these strings and objects on every tick was measurable garbage.
export interface TSeries<TLabels> {
  labels: TLabels;
  /** keys[i] is the RateTracker key of fields[i] for this device. */
  keys: string[];
}

/** Devices come and go (scenario veth pairs): past this many, start over rather than grow. */
const MAX_DEVICES = 1024;

export class SeriesCache<TLabels> {
  private readonly byDevice = new Map<string, TSeries<TLabels>>();

  constructor(
    private readonly fields: readonly string[],
    private readonly labelsOf: (device: string) => TLabels,
  ) {}

  get(device: string): TSeries<TLabels> {
    let series = this.byDevice.get(device);
    if (!series) {
      if (this.byDevice.size >= MAX_DEVICES) this.byDevice.clear();
      series = { labels: this.labelsOf(device), keys: this.fields.map((field) => `${device}/${field}`) };
      this.byDevice.set(device, series);
    }
    return series;
  }
}
