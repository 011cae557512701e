import { IdempotencyKeyEntity } from './idempotency-key.entity.js';
import { OutboxEntity } from './outbox.entity.js';
import { WorkflowDefinitionEntity } from './workflow-definition.entity.js';
import { WorkflowHistoryEntity } from './workflow-history.entity.js';
import { WorkflowInstanceEntity } from './workflow-instance.entity.js';

export { IdempotencyKeyEntity } from './idempotency-key.entity.js';
export { OutboxEntity } from './outbox.entity.js';
export { type DefinitionStatus, WorkflowDefinitionEntity } from './workflow-definition.entity.js';
export { WorkflowHistoryEntity } from './workflow-history.entity.js';
export { type InstanceStatus, WorkflowInstanceEntity } from './workflow-instance.entity.js';

export const entities = [
  WorkflowDefinitionEntity,
  WorkflowInstanceEntity,
  WorkflowHistoryEntity,
  OutboxEntity,
  IdempotencyKeyEntity,
];
