// @perflab/protocol: the one contract between agent, server and browser. Both ends import
// these schemas and validate what they receive.
export { PROTOCOL_VERSION, NAMESPACES, EVENTS, CONNECT_ERRORS } from "./namespaces";
export { ackData, ackError, describeZodError, type TAck } from "./acknowledgement";
export { ZAgentHandshake, ZSessionReady, type TAgentHandshake, type TSessionReady } from "./handshake";
export { METRIC_CATALOGUE, METRIC_IDS, findMetric, type TMetricDefinition, type TMetricId, type TMetricKind } from "./metrics/catalogue";
export {
  AGENT_EVENTS, MAX_BATCH_BYTES, MAX_SAMPLES_PER_BATCH, MAX_POINTS_PER_SAMPLE, HIGH_RES_INTERVAL_MS, HIGH_RES_MAX_DURATION_MS,
  ZAgentHello, ZHelloAck, ZHostFacts, ZCapabilities, ZSamplingState, ZMetricPoint, ZSample, ZCollectorError, ZMetricBatch, ZBatchAck, ZSamplingRequest,
  type TAgentHello, type THelloAck, type THostFacts, type TCapabilities, type TSamplingState, type TMetricPoint, type TSample, type TMetricBatch, type TBatchAck, type TSamplingRequest,
} from "./agent-events";
export {
  LIVE_EVENTS, LIVE_MAX_HISTORY_SECONDS, ZLiveSubscribe, ZLiveUnsubscribe, ZLiveHistoryRequest, ZLiveSetSampling, ZMachineState, ZLiveSamples,
  type TLiveSubscribe, type TLiveHistoryRequest, type TLiveSetSampling, type TMachineState, type TLiveSamples, type TLiveSubscribeAck,
  ZLiveScenarioStart, ZLiveScenarioStop, type TLiveScenarioStart, type TLiveScenarioEvent, type TLiveScenarioVerdict,
  ZLiveWorkshopSubscribe, ZLiveWorkshopRunStart, WORKSHOP_RUN_MAX_COUNTDOWN_SECONDS,
  type TLiveWorkshopProgress, type TLiveWorkshopSubscribeAck, type TLiveWorkshopMachine, type TLiveWorkshopRunStart, type TLiveWorkshopRunScheduled, type TLiveWorkshopRunUpdate, type TLiveWorkshopAnnouncement,
} from "./live-events";
export {
  DRILL_SUBSYSTEMS, DRILL_MECHANISMS, DRILL_ANSWER_KEY, findDrillMechanism, expectedDrillMechanism, gradeDrillDiagnosis,
  type TDrillSubsystem, type TDrillMechanism, type TDrillGrade,
} from "./workshops/drill-diagnoses";
export {
  ZScenarioManifest, ZScenarioParameter, ZScenarioSignal, SIGNAL_CONDITIONS, resolveScenarioArguments, scenarioCommandLine,
  type TScenarioManifest, type TScenarioParameter, type TScenarioSignal, type TScenarioArguments,
} from "./scenarios/scenario-manifest";
export { evaluateScenario, evaluateSignal, evaluateExerciseCheck, signalApplies, type TScenarioVerdict, type TSignalResult } from "./scenarios/signal-verdict";
export {
  SCENARIO_EVENTS, SCENARIO_ERRORS, SCENARIO_PHASES, SCENARIO_EXIT_STATUSES, ZScenarioStart, ZScenarioStop, ZScenarioEvent, ZScenarioAvailability,
  type TScenarioStart, type TScenarioEvent, type TScenarioEventBody, type TScenarioExitStatus, type TScenarioAvailability,
} from "./scenarios/scenario-events";
