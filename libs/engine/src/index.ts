/**
 * The pure workflow engine: definition JSON -> XState machine; start()/step() -> [state, effects].
 * No I/O, no clock, no randomness: time and actor are arguments. See docs/definition-format.md.
 */
export { type Label, type JsonValue, type JsonSchema, type Actor, SYSTEM_ACTOR, type ValidationIssue, type Operand, type DurationSpec, type Priority, type GuardRef, type GuardRefusal, type ActionRef, type EventKind, type SentBy, START_STEP, type EventDefinition, type TaskDefinition, type TaskSpec, type NotifySpec, type EscalationSpec, type ReminderSpec, type DeadlineFrom, type ScheduleDefinition, type DeadlineDefinition, type DeadlineSpec, type DeadlineRule, type DurationDefinition, type Expression, type StateMeta, type TransitionObject, type TransitionConfig, type StateNodeDefinition, type WorkflowDefinition, type FieldPresentation, type ConfidentialMark, type ReportingDefinition, type DocumentDefinition, type CompiledStateInfo, type CompiledWorkflow, type PersistedState, type StepInput, type StepRecord, type StepOptions, type Effect, type StepResult, type EngineErrorCode, type StepEnv, type StateValue, type AnyStateMachine } from './types.js';
export { DefinitionError, EngineError } from './errors.js';
export { validateDefinition, compileWorkflow, MAX_MICROSTEPS } from './compile.js';
export { start, step, allowedEvents, stateLabel, activeStatePaths, withChildDone, START_EVENT_TYPE } from './runtime.js';
export { CHILD_DONE_EVENT, CHILDREN_KEY, pendingChildren, childGroups, type ChildDonePayload, type ChildGroup, type ChildResult } from './children.js';
export { BUILTIN_ROLES, DOCUMENT_BUILTINS, documentPlaceholderIssues } from './validate.js';
export { FILE_FORMAT, isFileId, declaresFiles, fileReferences, type FileReference } from './file-refs.js';
export { isExpression, expressionIssues, MAX_EXPRESSION_LENGTH, MAX_ITERATION_DEPTH } from './expressions.js';
export { resolveDeadline, resolveTask, deadlineSpecOf, durationUsesExpression, statePointer } from './resolve.js';
export { designWarnings } from './design/warnings.js';
export { SCHEMALESS_NOTE_MAX } from './runtime.js';
export { explorePaths, whoMaySend, type PathStep, type PathReport, type Coverage, type ExploreOptions, type UncoveredReason } from './design/paths.js';
export { toMermaid, escapeMermaidLabel, type MermaidOptions } from './design/mermaid.js';
export { dryRun, DryRunSession, openTasksOf, type DryRunStep, type DryRunOptions, type DryRunResult, type DryRunError, type OpenTask } from './design/dry-run.js';
export { samplePayloads, sampleVariants, simulationActor, SIM_START_AT, type SampleVariant } from './design/sample.js';
export { describeGuard } from './design/guards.js';
export { actorsOfSteps, GUARD_TYPES, ACTION_TYPES, EXTENSIONS_KEY } from './vocabulary.js';
export {
  definitionSchema,
  guardParamSchemas,
  actionParamSchemas,
  READ_PATH_PATTERN,
  WRITE_PATH_PATTERN,
  EVENT_TYPE_PATTERN,
  STATE_KEY_PATTERN,
  ISO_DURATION_PATTERN,
} from './definition.schema.js';
export { caseSummary, searchText, foldForSearch, displayValue, SUMMARY_MAX_LENGTH, SUMMARY_PLACEHOLDER } from './presentation.js';
export { CONFIDENTIAL_MASK, confidentialAt, confidentialFields, readsConfidential, maskConfidential, isConfidentialMask, type ConfidentialField, type MaskResult } from './confidential.js';
