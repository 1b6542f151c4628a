import { describe, expect, it } from "vitest";
import { parseCommandLine } from "./parse-command-line";

describe("parseCommandLine", () => {
  it("reads run options from arguments, with environment fallbacks", () => {
    expect(parseCommandLine(["run", "--server", "https://lab.example.com", "--proc-root", "/host/proc"], { PERFLAB_AGENT_TOKEN: "pla_x" })).toEqual({
      kind: "run",
      options: { server: "https://lab.example.com", token: "pla_x", procRoot: "/host/proc", cgroupRoot: "/sys/fs/cgroup", bufferMb: 16 },
    });
  });

  it.each([
    [["run", "--server", "lab"], { PERFLAB_AGENT_TOKEN: "t" }, /--server must be perflab's address/],
    [["run", "--server", "https://x.example"], {}, /--token \(or PERFLAB_AGENT_TOKEN\) is required/],
    [["run", "--server", "https://x.example", "--token", "t", "--prometheus", "9464"], {}, /--prometheus must be HOST:PORT/],
    [["run", "--server", "https://x.example", "--token", "t", "--buffer-mb", "0"], {}, /at least 1/],
    [["snapshot"], {}, /add --json/],
    [["explode"], {}, /unknown command: explode/],
    [[], {}, /no command given/],
    [["run", "--bogus"], {}, /Unknown option '--bogus'/],
  ])("explains %j", (argv, env, message) => {
    const command = parseCommandLine(argv, env);
    expect(command.kind).toBe("error");
    expect(command.kind === "error" ? command.message : "").toMatch(message);
  });

  it("knows --help, --version and snapshot", () => {
    expect(parseCommandLine(["--help"], {})).toEqual({ kind: "help" });
    expect(parseCommandLine(["--version"], {})).toEqual({ kind: "version" });
    expect(parseCommandLine(["snapshot", "--json", "--proc-root", "t/proc"], {})).toEqual({ kind: "snapshot", procRoot: "t/proc", cgroupRoot: "/sys/fs/cgroup" });
  });
});
