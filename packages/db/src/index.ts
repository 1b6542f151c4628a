// @perflab/db: the Prisma client and every use-case that reads or writes durable state.
// Server-side only (no "server-only" import: the custom server and tests load it too).
export { createDb, getSharedDb, disconnectSharedDb, type Db } from "./client";
export { Role } from "./generated/prisma/enums";
export { checkDatabase, type TDatabaseHealth } from "./health/check-database";
export { createFirstAdmin, type TCreateFirstAdminResult } from "./setup/create-first-admin";
export { isSetupComplete } from "./setup/get-setup-state";
export { issueSetupTokenIfNoAdmin, isSetupTokenValid } from "./setup/setup-token";
export { authenticateWithPassword } from "./users/authenticate-with-password";
export { getActiveUser } from "./users/get-active-user";
export { countUsersByRole } from "./users/count-users-by-role";
export { ForbiddenError } from "./security/forbidden-error";
export { ZNewAccount, toFieldErrors, type TNewAccount } from "./users/user-input";
export type { TUserSummary } from "./users/user-summary";
export { seedDatabase } from "./seed/seed-database";
export { syncCurriculum, type TSyncResult, type TSyncTopicInput } from "./curriculum/sync-curriculum";

// Accounts
export { signInWithPassword, type TSignInResult } from "./users/sign-in-with-password";
export { endAllSessions } from "./users/get-active-user";
export { signUp, type TSignUpResult } from "./users/sign-up";
export { listUsers, changeUserRole, setUserDeactivated, type TUserListEntry, type TManageUserResult } from "./users/manage-users";
export { signInWithIdentityProvider, type TIdentityClaims, type TIdentitySignInResult } from "./identity/sign-in-with-identity-provider";
export { createInvitation, listInvitations, revokeInvitation, describeInvitation, type TInvitationSummary, type TCreateInvitationResult } from "./invitations/invitations";
export { readInstanceSettings, updateInstanceSettings, SIGN_UP_MODES, type TSignUpMode, type TInstanceSettings } from "./settings/instance-settings";
export { THROTTLE_WINDOW_MS, MAX_FAILURES_PER_ACCOUNT, MAX_FAILURES_PER_ADDRESS } from "./security/sign-in-throttle";

// Progress
export { recordHeartbeat, ZHeartbeat, MAX_CREDIT_PER_HEARTBEAT_S, type THeartbeat } from "./progress/record-heartbeat";
export { recordQuizAttempt, type TGradedQuiz, type TRecordedQuizAttempt } from "./progress/record-quiz-attempt";
export { recordExerciseAttempt, recordScenarioRunEvidence, ZExerciseReport, type TRecordExerciseAttemptResult } from "./progress/record-exercise-attempt";
export { getTopicProgress, getTopicStatuses, getLearnerRecord, type TTopicStatus, type TTopicProgressDetail, type TLearnerRecord, type TQuizAttemptSummary } from "./progress/read-progress";
export type { TExerciseStatus } from "./progress/exercise-status";
export { exportAllProgressCsv } from "./export/progress-export";

// Lab agents
export { createAgent, type TCreateAgentResult } from "./agents/create-agent";
export { authenticateAgentToken, recordAgentHello, storeAgentBatch, countMalformedPayload, pruneAgentHistory, type TAgentIdentity as TAgentTokenIdentity } from "./agents/agent-session";
export { AGENT_TOKEN_PREFIX } from "./agents/agent-tokens";
export { listLabMachines, getLabMachine, rotateAgentToken, revokeLabMachine, readMachineHistory, readStoredSamples, type TLabMachine, type TStoredSample } from "./agents/lab-machines";
export { ensureLocalMachine, type TLocalAgentCredentials, type TLocalMachineState, type TLocalMachineChange } from "./agents/local-agent";
export {
  requestScenarioRun, markRunAnswered, recordRunEvent, finishRun, markLostRuns, findOpenRun, getScenarioRun, listScenarioRuns, readRunRecording, FINAL_RUN_STATUSES,
  type TScenarioRunSummary, type TRunRecording, type TFinalRunStatus,
} from "./scenarios/scenario-runs";
export {
  createWorkshop, canManageWorkshop, rotateJoinCode, closeWorkshop, joinWorkshop, attachMachine, listWorkshops, getWorkshopRoster, ZNewWorkshop, MAX_WRONG_JOIN_CODES,
  type TWorkshopSummary, type TRosterEntry, type TCreateWorkshopResult, type TJoinWorkshopResult,
} from "./workshops/workshops";
export { getWorkshopMatrix, openWorkshopsOf, workshopMachines, isWorkshopMember, STUCK_AFTER_MS, STUCK_AFTER_FAILED_QUIZZES, type TWorkshopMatrix, type TMatrixRow, type TCellStatus } from "./workshops/workshop-matrix";
export { buildWorkshopReport, workshopReportCsv, WORKSHOP_CSV_COLUMNS, type TWorkshopReport } from "./workshops/workshop-report";
export { scheduleWorkshopRun, listWorkshopRuns, recordWorkshopRunProblem, type TScheduleWorkshopRunInput, type TScheduledWorkshopRun, type TWorkshopRunView } from "./workshops/workshop-runs";
export { submitDrillDiagnosis, revealDrill, listLearnerDrills, ZDrillDiagnosis, type TSubmitDiagnosisResult, type TLearnerDrill } from "./workshops/drills";

// Teams
export { createTeam, canSeeTeams, listTeams, listTeamMembers, addTeamMember, setTeamLead, removeTeamMember, ZNewTeam, ZNewTeamMember, type TTeamSummary, type TTeamMemberEntry, type TTeamInputResult, type TSetLeadResult } from "./teams/teams";
export { createTrack, updateTrack, deleteTrack, listTracks, type TTrackSummary, type TUpdateTrackResult } from "./teams/tracks";
export { formatDueDay, parseDueDate } from "./teams/track-input";
export { getTeamDashboard, type TTeamDashboard, type TMemberCompletion, type TSectionTotals, type TOverdueAssignment } from "./teams/team-dashboard";
export { listLearnerAssignments, type TLearnerAssignment } from "./teams/learner-assignments";
export { TEAM_ACTIVITY_DAYS, type TTeamActivityPoint, type TAssignmentState } from "./teams/team-numbers";
