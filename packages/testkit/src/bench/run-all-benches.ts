// `npm run bench`: every benchmark, each printing ratios against a baseline it measures
// in the same run. Benchmarks are not tests: they report numbers and never fail on them.
import { benchAgentCost } from "./agent-cost.bench";
import { benchLiveFanout } from "./live-fanout.bench";
import { benchStartTime } from "./start-time.bench";
import { benchWorkshop } from "./workshop.bench";

await benchStartTime();
await benchAgentCost();
await benchLiveFanout();
await benchWorkshop();
