import { describe, expect, it } from "vitest";
import { prometheusName, toPrometheusText } from "./exposition";

describe("Prometheus exposition", () => {
  it("names metrics perflab_<id> and groups series under one HELP/TYPE", () => {
    expect(prometheusName("softnet.time_squeezed")).toBe("perflab_softnet_time_squeezed");
    const text = toPrometheusText([
      ["softnet.dropped", 3, { cpu: "0" }],
      ["sched.procs_running", 4],
      ["softnet.dropped", 0.5, { cpu: "1" }],
    ]);
    expect(text).toBe(
      [
        "# HELP perflab_sched_procs_running Runnable tasks right now, running ones included; above the CPU count means a queue (tasks)",
        "# TYPE perflab_sched_procs_running gauge",
        "perflab_sched_procs_running 4",
        "# HELP perflab_softnet_dropped Packets dropped because the per-CPU backlog exceeded netdev_max_backlog (packets/s, rate over the last interval)",
        "# TYPE perflab_softnet_dropped gauge",
        'perflab_softnet_dropped{cpu="0"} 3',
        'perflab_softnet_dropped{cpu="1"} 0.5',
        "",
      ].join("\n"),
    );
  });

  it("escapes label values", () => {
    expect(toPrometheusText([["net.rx_bytes", 1, { interface: 'we"ird\\name\n' }]])).toContain('{interface="we\\"ird\\\\name\\n"}');
  });
});
