// @perflab/protocol: the one contract between agent, server and browser. Both ends import
// these schemas and validate what they receive.
export { PROTOCOL_VERSION, NAMESPACES, EVENTS, CONNECT_ERRORS } from "./namespaces";
export { ackData, ackError, describeZodError, type TAck } from "./acknowledgement";
export { ZAgentHandshake, ZSessionReady, type TAgentHandshake, type TSessionReady } from "./handshake";
export { METRIC_CATALOGUE, METRIC_IDS, findMetric, type TMetricDefinition, type TMetricId, type TMetricKind } from "./metrics/catalogue";
